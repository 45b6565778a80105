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


def test_french_ordinal_article_numbers():
    text = (
        "Article 1er - DEFINITIONS\n\nLes termes suivants ont ce sens.\n\n"
        "Article 2 - OBJET\n\nLe contrat a un objet.\n\n"
        "Article 3 - DUREE\n\nIl dure longtemps.\n"
    )
    assert paths(text) == ["Article 1er", "Article 2", "Article 3"]
    assert by_path(text)["Article 2"].heading == "OBJET"


def test_a_list_of_the_same_style_under_an_item_that_ends_with_a_colon():
    text = (
        "1. Grant. You may copy the work.\n\n"
        "2. Redistribution. You may share copies, provided that You meet the following conditions:\n\n"
        "   1. You must give every recipient a copy of this License; and\n\n"
        "   2. You must keep the notices.\n\n"
        "3. Trademarks. No rights in names are granted.\n"
    )
    assert paths(text) == ["1", "2", "2(1)", "2(2)", "3"]


def test_a_first_item_after_a_line_that_lost_its_colon_is_confirmed_by_the_next_item():
    text = (
        "1. Definitions.\n\n"
        "     1.1. Contributor Grant.\n"
        "     Each Contributor grants You a world-wide, royalty-free license\n"
        "          (a) to use and copy its changes; and\n"
        "          (b) to make and sell products with them.\n"
        "     1.2. Effective Date.\n"
        "     The grants start on the day of the first release.\n"
    )
    assert paths(text) == ["1", "1.1", "1.1(a)", "1.1(b)", "1.2"]


def test_a_wrapped_line_that_starts_with_a_letter_in_brackets_stays_prose():
    text = (
        "1. Grant.\n\n"
        "     You may use the work under the terms of either\n"
        "          (a) this License or the older one.\n"
        "     Nothing else is granted.\n"
    )
    assert paths(text) == ["1"]


def test_a_title_above_a_disclaimer_in_capitals_after_the_conditions():
    text = (
        "Redistribution is permitted provided that:\n\n"
        "     1. Copies keep this notice.\n\n"
        "     2. Names are not used to promote products.\n\n"
        "Disclaimer\n\n"
        "THIS SOFTWARE IS PROVIDED AS IS AND ANY WARRANTIES ARE DISCLAIMED. IN NO EVENT SHALL THE AUTHORS BE LIABLE.\n\n"
        "IN NO EVENT WILL THE AUTHORS BE LIABLE FOR ANY DAMAGES OF ANY KIND,\n"
        "UNDER ANY THEORY OF LIABILITY WHATSOEVER.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["preamble", "1", "2", "disclaimer"]
    assert segs[2].text == "Names are not used to promote products."
    assert segs[3].heading == "Disclaimer"
    assert segs[3].text.startswith("THIS SOFTWARE") and segs[3].text.endswith("WHATSOEVER.")


def test_a_paragraph_left_of_a_hanging_list_is_no_part_of_its_last_item():
    text = (
        "The Sample License\n\n"
        "1. Share the changes you make to this\n"
        "   software with everyone.\n\n"
        "2. Do not sue anyone over patents in\n"
        "   this software.\n\n"
        "To share software, publish its source code\n"
        "where anyone can get it.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["preamble", "1", "2", "notice"]
    assert segs[2].text == "Do not sue anyone over patents in\n   this software."
    assert segs[3].text.startswith("To share software")


def test_a_second_paragraph_of_a_hanging_item_stays_in_it():
    text = (
        "1. Share the changes you make to this\n"
        "   software with everyone.\n\n"
        "   Sharing means publishing them.\n\n"
        "2. Do not sue anyone over patents in\n"
        "   this software.\n\n"
        "   This includes counterclaims.\n\n"
        "3. Keep this notice.\n"
    )
    segs = by_path(text)
    assert "counterclaims" in segs["2"].text
    assert [s.path for s in segment(text)] == ["1", "2", "3"]


def test_a_title_above_numbering_that_starts_again_opens_a_part():
    text = (
        "1. Use the software for any purpose.\n\n"
        "2. Share it with anyone.\n\n"
        "License Terms\n\n"
        "1. Grant. The Licensor grants you a license.\n\n"
        "2. Conditions. You must keep the notices.\n"
    )
    assert paths(text) == ["1", "2", "license-terms/1", "license-terms/2"]
    assert by_path(text)["license-terms/preamble"].heading == "License Terms"


def test_an_indented_list_of_the_same_style_after_a_colon_nests_in_the_item_above():
    text = (
        "1. Grant. You may use the work.\n\n"
        "2. Contributions. Each Contributor grants you a license to do the\n"
        "following:\n\n"
        "   1. Use and copy its changes.\n\n"
        "   2. Sell products that hold them.\n\n"
        "3. Exclusions. No trademark rights are granted.\n"
    )
    assert paths(text) == ["1", "2", "2(1)", "2(2)", "3"]


def test_a_title_centred_over_a_paragraph_is_a_heading():
    text = (
        "1. You may copy the software.\n\n"
        "2. You may change it, provided that:\n\n"
        "      a. changes are marked; and\n\n"
        "      b. the source is given away.\n\n"
        "                       Limitations of Liability\n\n"
        "In no event shall the developers or copyright holders be\n"
        "liable for any damages whatsoever.\n"
    )
    segs = by_path(text)
    assert segs["limitations-of-liability"].heading == "Limitations of Liability"
    assert segs["limitations-of-liability"].text.startswith("In no event")
    assert segs["2(b)"].text == "the source is given away."


def test_an_indented_line_inside_a_clause_is_not_a_centred_title():
    text = (
        "1. Notices. Put this notice in every file:\n\n"
        "            Copyright the Authors\n\n"
        "   You may add your own name below it.\n\n"
        "2. Names. Do not use our names.\n"
    )
    assert [s.path for s in segment(text)] == ["1", "2"]


def test_numbers_in_square_brackets():
    text = (
        "1. Parts. This license is made of two parts:\n\n"
        "     [1] A license of the developer.\n\n"
        "     [2] This file.\n\n"
        "2. Order. The first part wins.\n\n"
        "[name of the developer]\n"
    )
    assert paths(text) == ["1", "1(1)", "1(2)", "2"]


def test_a_disclaimer_in_capitals_that_names_a_mixed_case_project_is_still_a_disclaimer():
    text = (
        "Redistribution is permitted provided that:\n\n"
        "1. Copies keep this notice.\n\n"
        "2. The name OpenThing is not used to promote products.\n\n"
        "THIS SOFTWARE IS PROVIDED BY THE OpenThing PROJECT AS IS AND ANY WARRANTIES ARE DISCLAIMED.\n"
        "IN NO EVENT SHALL THE AUTHORS OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT,\n"
        "INCIDENTAL, SPECIAL OR CONSEQUENTIAL DAMAGES, HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["preamble", "1", "2", "disclaimer"]
    assert segs[2].text == "The name OpenThing is not used to promote products."


def test_a_paragraph_in_mixed_case_after_the_list_is_not_a_disclaimer():
    text = (
        "Redistribution is permitted provided that:\n\n"
        "1. Copies keep this notice.\n\n"
        "2. Names are not used to promote products.\n\n"
        "THE AUTHORS Would Like To Hear From You If You Use This In A Product Of Any Kind.\n"
    )
    assert [s.path for s in segment(text)] == ["preamble", "1", "2"]


def test_lists_that_restart_under_headings_get_the_heading_in_their_paths():
    text = (
        "DEFINITIONS\n\n"
        'A. "Work" means the program.\n\n'
        'B. "You" means the person using it.\n\n'
        "GRANT OF RIGHTS\n\n"
        "A. Copyright: You may copy the Work.\n\n"
        "B. Patents: You may use the patents in it.\n\n"
        "   1. Use. To run it.\n\n"
        "   2. Sale. To sell it.\n\n"
        "C. Nothing else is granted.\n"
    )
    assert paths(text) == [
        "A",
        "B",
        "grant-of-rights/A",
        "grant-of-rights/B",
        "grant-of-rights/B(1)",
        "grant-of-rights/B(2)",
        "grant-of-rights/C",
    ]
    assert len(set(paths(text))) == len(paths(text))


def test_a_list_under_a_heading_keeps_plain_paths_when_they_do_not_repeat():
    text = (
        "Definitions\n\nWords mean things.\n\nConditions\n\n1. Keep the notice.\n\n2. Do not use our names.\n"
    )
    assert paths(text) == ["1", "2"]


def test_a_definition_back_at_the_margin_after_a_definitions_list_is_its_sibling():
    text = (
        "1. DEFINITIONS\n\n"
        '"Work" means:\n\n'
        "     a.  the first release, and\n"
        "     b.  for each later author,\n\n"
        "          i.  the changes, and\n"
        "          ii.  the additions.\n\n"
        "          A change counts once its author agrees.\n\n"
        '"Author" means anyone who adds to the Work.\n\n'
        '"User" means anyone who receives the Work.\n\n'
        "2. GRANT\n\nYou may copy the Work.\n"
    )
    got = by_path(text)
    assert [s.path for s in segment(text)][:8] == [
        "1",
        "1.def-work",
        "1(a)",
        "1(b)",
        "1(b)(i)",
        "1(b)(ii)",
        "1.def-author",
        "1.def-user",
    ]
    assert got["1.def-author"].text == '"Author" means anyone who adds to the Work.'
    assert got["1(b)(ii)"].text.endswith("once its author agrees.")
    assert got["1.def-user"].parent == got["1.def-author"].parent


def test_a_second_list_under_the_same_clause_gets_its_own_addresses():
    text = (
        "1. SCOPE\nThese terms cover the work.\n\n"
        "2. GRANT\nYou may copy the work.\n\n"
        "3. REQUIREMENTS\n"
        "You may give the work away in binary form, provided that:\n\n"
        "     a) you follow these terms; and\n\n"
        "     b) your own terms:\n"
        "          i) disclaim every warranty;\n"
        "          ii) say where the source is.\n\n"
        "When you give the work away as source:\n\n"
        "     a) these terms apply to it; and\n\n"
        "     b) a copy of these terms goes with it.\n\n"
        "4. TERMINATION\nThe grant ends on a breach.\n"
    )
    got = paths(text)
    assert got[2:] == ["3", "3(a)", "3(b)", "3(b)(i)", "3(b)(ii)", "3.list-2(a)", "3.list-2(b)", "4"]
    got_segs = by_path(text)
    assert got_segs["3.list-2(a)"].text == "these terms apply to it; and"
    # the paragraph that opens the second list is a segment at the list's address
    assert got_segs["3.list-2"].text == "When you give the work away as source:"
    assert len(set(got)) == len(got)


def test_top_level_lists_after_lead_in_lines_do_not_repeat_paths():
    text = (
        "Terms of the Sample Licence\n\n"
        "You may:\n\n"
        "a) copy the work;\n\n"
        "b) share the work.\n\n"
        "You may not:\n\n"
        "a) sell the work;\n\n"
        "b) remove this notice.\n\n"
        "You must:\n\n"
        "a) keep this notice.\n"
    )
    got = paths(text)
    assert got == ["a", "b", "list-2/a", "list-2/b", "list-3/a"]
    segs = by_path(text)
    assert segs["list-3/a"].text == "keep this notice."
    assert segs["b"].text == "share the work."  # "You may not:" is no tail of item b
    assert segs["list-2"].text == "You may not:"


def test_a_definition_after_an_unindented_definitions_list_is_not_an_items_child():
    text = (
        "1. DEFINITIONS\n"
        '"Work" means:\n\n'
        "a. the first release, and\n\n"
        "b. for each later author,\n"
        "\ti. the changes, and\n"
        "\tii. the additions.\n\n"
        '"Author" means anyone who adds to the Work.\n\n'
        "2. GRANT\nYou may copy the Work.\n"
    )
    got = by_path(text)
    assert "1.def-author" in got
    assert got["1.def-author"].parent == got["1.def-work"].parent


def test_the_last_item_of_a_list_of_sentences_is_no_title_because_a_blank_line_follows():
    text = (
        "1. Copying\n\nYou may copy the manual.\n\n"
        "2. Changes\n\nYou may change the manual, provided that you:\n"
        "     A. Put a new title on the cover page of the changed manual.\n"
        "     B. List the authors of the changes on the cover page.\n"
        "     C. Keep any Warranty Notices.\n\n"
        "If the changed manual adds new chapters of its own, you may mark them as fixed.\n\n"
        "3. Limitation of Liability.\n\nNobody is liable.\n"
    )
    got = by_path(text)
    assert got["2(C)"].heading == ""
    assert got["2(C)"].text == "Keep any Warranty Notices."
    assert got["2.closing"].text.startswith("If the changed manual adds")
    assert got["3"].heading == "Limitation of Liability."


def test_a_title_above_the_first_item_heads_it_when_the_next_item_has_a_title_too():
    text = (
        "The Sample Licence\n\nEveryone may copy this licence.\n\n"
        "Use Without Sharing\n\n"
        "(1) You may use the work for any purpose.\n\n"
        "Sharing the Original\n\n"
        "(2) You may share copies of the work as you received it.\n"
    )
    segs = segment(text)
    assert [(s.path, s.heading) for s in segs] == [
        ("preamble", ""),
        ("use-without-sharing", "Use Without Sharing"),
        ("(1)", ""),
        ("sharing-the-original", "Sharing the Original"),
        ("(2)", ""),
    ]
    assert "Use Without" not in segs[0].text


def test_a_title_above_a_first_item_whose_list_has_no_titles_stays_in_the_preamble():
    text = (
        "The Sample Licence\n\nEveryone may copy this licence.\n\n"
        "Use Without Sharing\n\n"
        "(1) You may use the work for any purpose.\n\n"
        "(2) You may share copies of the work as you received it.\n"
    )
    assert [s.path for s in segment(text)] == ["preamble", "(1)", "(2)"]


def test_words_after_a_list_at_the_margin_of_a_subclause_whose_text_sits_there_are_its_own():
    text = (
        "1. Versions of the License.\n\n"
        "     1.1. New Versions.\nThe author may publish new versions.\n\n"
        "     1.2. Parts of the License.\nThis license joins the following two parts:\n\n"
        "          [1] A licence of the developer.\n\n"
        "          [2] The general policy of the software.\n\n"
        "Where the parts conflict, the higher numbered part wins.\n\n"
        "2. DISCLAIMER OF WARRANTY.\n\nNo warranty.\n"
    )
    got = by_path(text)
    assert "1.2.closing" in got and "1.closing" not in got
    assert got["1.2.closing"].text.startswith("Where the parts conflict")
    assert got["1.2"].heading == "Parts of the License."


def test_a_list_whose_first_item_is_inline_goes_on_with_its_second_item_on_a_new_paragraph():
    text = (
        "1. Definitions.\n\nWords mean what they say.\n\n"
        "2. Grant.\n\n"
        "2.1. The Author grants you a licence, subject to these terms: (a) to copy the\n"
        "work as you receive it; and\n\n"
        "(b) to change the work.\n\n"
        "(c) the grants in 2.1(a) and (b) start when you receive the work.\n\n"
        "2.2. Nothing else is granted.\n"
    )
    assert paths(text) == ["1", "2", "2.1", "2.1(b)", "2.1(c)", "2.2"]
    got = by_path(text)
    assert got["2.1"].text.endswith("(a) to copy the\nwork as you receive it; and")
    assert got["2.1(b)"].text == "to change the work."


def test_a_second_item_without_an_inline_first_stays_prose():
    text = (
        "1. Definitions.\n\nWords mean what they say.\n\n"
        "2. Grant.\n\n"
        "2.1. The Author grants you a licence to copy the work.\n\n"
        "(b) under the law of your country.\n\n"
        "2.2. Nothing else is granted.\n"
    )
    assert paths(text) == ["1", "2", "2.1", "2.2"]


def test_an_item_printed_in_another_style_between_its_siblings_continues_the_list():
    text = (
        "1. Grant.\n\nThe Author grants you a licence:\n\n"
        "     (a) to copy the work; and\n\n"
        "     b) to change the work; and\n\n"
        "     (c) to share the work.\n\n"
        "2. Limits.\n\nNothing else.\n"
    )
    assert paths(text) == ["1", "1(a)", "1(b)", "1(c)", "2"]
    assert by_path(text)["1(b)"].text == "to change the work; and"


def test_sub_parts_printed_4a_4b_are_clauses_that_hold_their_items():
    text = (
        "1. Definitions\n\nWords mean what they say.\n\n"
        "2. Restrictions\n\nThe licence is limited as follows.\n\n"
        "2A Sharing the Work\n\n"
        "    a. You may share the Work only under this Licence.\n"
        "    b. You must keep the notices.\n\n"
        "2B Credit\n\n"
        "    a. You must name the author.\n\n"
        "3. Termination\n\nThe licence ends on a breach.\n"
    )
    assert paths(text) == ["1", "2", "2A", "2A(a)", "2A(b)", "2B", "2B(a)", "3"]
    got = by_path(text)
    assert got["2A"].heading == "Sharing the Work"
    assert got["2B(a)"].text == "You must name the author."


def test_a_number_and_a_capital_in_a_sentence_is_no_sub_part():
    text = (
        "1. Scope\n\nThese terms cover the work.\n\n"
        "2. Grant\n\nYou may copy the work\n"
        "3D Printing of the work is allowed too.\n\n"
        "3. Limits\n\nNothing else.\n"
    )
    assert paths(text) == ["1", "2", "3"]


def test_a_title_straight_above_its_text_is_a_title_when_its_elder_sibling_has_one():
    text = (
        "Section 1. Scope\n\nThese terms cover the work.\n\n"
        "Section 2. Terms of Distribution\n\n"
        "A. General Requirements\nYou must keep every notice.\n\n"
        "B. Requirements for a Distribution of Modifiable Code\nYou must give the source away.\n\n"
        "C. Requirements for a Distribution of Non-modifiable Code\nYou must say where the source is.\n"
    )
    got = by_path(text)
    assert got["Section 2(C)"].heading == "Requirements for a Distribution of Non-modifiable Code"
    assert got["Section 2(C)"].text == "You must say where the source is."
