"""Segmentation causes found by bench/segmentation_wide.py on SPDX texts nobody tuned on;
each test is a synthetic text of our own showing the general shape."""

from licenses.text.segmentation import segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text) if s.label]


def by_path(text: str):
    return {s.path: s for s in segment(text)}


def test_numbers_inside_a_box_of_asterisks_are_clauses():
    text = (
        "1. Grant\n\n    You may copy the work.\n\n"
        "** 2. No Warranty                         **\n"
        "**                                        **\n"
        "**     The work is provided as is.        **\n\n"
        "** 3. No Liability                        **\n"
        "**                                        **\n"
        "**     Nobody is liable for anything.     **\n\n"
        "4. Severability\n\n    A void term leaves the rest.\n"
    )
    assert paths(text) == ["1", "2", "3", "4"]
    assert by_path(text)["3"].text.count("liable") == 1
    assert "void term" in by_path(text)["4"].text


def test_a_capitals_title_right_above_the_first_number_does_not_hide_it():
    text = (
        "The Sample Games Licence\n"
        "We make the terms below so that everyone knows what to do.\n"
        "TERMS OF COPYING\n"
        "   1. You may copy the game as you receive it.\n"
        "   2. You may change the game, provided that you also do the following:\n"
        "      a) mark the changed files;\n"
        "      b) give the changes away under these terms.\n"
        "   3. You may sell a copy for the cost of the medium.\n"
    )
    assert paths(text) == ["1", "2", "2(a)", "2(b)", "3"]


def test_a_clause_heading_after_an_unpunctuated_line_still_continues_the_sequence():
    text = (
        "1. Grant\n\nYou may use the work.\n\n"
        "2. Changes\n\n"
        "The terms were changed as follows:\n\n"
        "The name of the licence was changed.\n"
        "A new notice about trade marks was added\n"
        "3. DISCLAIMER OF WARRANTY.\n\n"
        "THE WORK IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND.\n\n"
        "4. TERMINATION.\n\n"
        "4.1. These rights end when you breach the terms.\n\n"
        "4.2. A patent claim ends them too.\n"
    )
    assert paths(text) == ["1", "2", "3", "4", "4.1", "4.2"]
    assert by_path(text)["3"].heading == "DISCLAIMER OF WARRANTY."


def test_a_number_after_a_word_that_cites_it_stays_prose():
    text = (
        "1. Scope\n\nThis applies.\n\n"
        "2. Grant\n\nThe grant is subject to Section\n"
        "3. Limits\n\n"
        "and nothing more.\n"
    )
    assert "3" not in paths(text)


def _long(words: str) -> str:
    return (words + " ") * 6


def test_a_paragraph_left_of_the_items_after_a_full_stop_closes_the_list_in_an_unwrapped_text():
    text = (
        "1. You may copy the work " + _long("in any medium you like") + "as you receive it.\n"
        "2. You may change the work, provided that you also do the following:\n"
        "      a) mark the files you changed " + _long("with a notice and the date") + "of the change.\n"
        "      b) keep every notice " + _long("that the authors wrote about it") + "in the files.\n"
        "   These conditions apply to the changed work as a whole " + _long("and to each part") + ".\n"
        "3. You may sell copies " + _long("for the cost of the medium") + "only.\n"
    )
    segs = by_path(text)
    assert paths(text) == ["1", "2", "2(a)", "2(b)", "3"]
    assert segs["2(b)"].text.endswith("in the files.")
    assert segs["2.closing"].text.startswith("These conditions apply")


def test_a_hanging_list_in_a_wrapped_text_hands_its_closing_words_to_the_parent():
    text = (
        '1.1  "Documentation" includes:\n'
        "     (a) diagrams;\n"
        "     (b) board layouts, including the data files\n"
        "         used for making the boards; and\n"
        "     (c) other material.\n"
        "Documentation may be in any form of expression,\n"
        "including paper and files.\n"
    )
    segs = by_path(text)
    assert segs["1.1(c)"].text == "other material."
    assert segs["1.1.closing"].text.startswith("Documentation may be")


def test_lines_wrapped_flush_left_stay_in_their_item():
    text = (
        "Terms:\n\n"
        "   1. You must keep this notice in all copies of the work.\n"
        "It applies to every copy you make.\n"
        "   2. You must not remove the notice from any copy at all.\n"
        "Nor may you hide it in any way.\n"
        "   3. You may charge a fee for the copies you make for others.\n"
        "This covers the cost of the medium.\n"
    )
    segs = by_path(text)
    assert not any(p.endswith("closing") for p in segs)
    assert segs["3"].text.endswith("cost of the medium.")


def test_a_title_line_right_above_its_text_is_not_closed():
    text = (
        "1. Source Code License.\n\n"
        "     1.1. The Initial Developer Grant.\n"
        "The Initial Developer grants You a license " + _long("to use the code") + ":\n\n"
        "          (a) to use the code; and\n\n"
        "          (b) to make products with it.\n\n"
        "     1.2. Contributor Grant.\n"
        "Each Contributor grants You a license " + _long("to use its changes") + ":\n\n"
        "          (a) to use the changes.\n"
    )
    assert paths(text) == ["1", "1.1", "1.1(a)", "1.1(b)", "1.2", "1.2(a)"]
    assert "The Initial Developer grants" in by_path(text)["1.1"].text


def test_lower_case_words_left_of_the_list_after_a_comma_finish_the_parent_sentence():
    text = (
        "1.1 Distribution\n\n"
        "The Licensee may distribute copies of the Software, provided they come with:\n\n"
        "   1. a copy of the Agreement,\n\n"
        "   2. a notice of the limits of warranty and liability,\n\n"
        "and that, where only object code is distributed, the source code is offered too.\n"
    )
    segs = by_path(text)
    assert segs["1.1(2)"].text == "a notice of the limits of warranty and liability,"
    assert segs["1.1.closing"].text.startswith("and that, where only object code")
