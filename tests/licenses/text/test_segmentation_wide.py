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
