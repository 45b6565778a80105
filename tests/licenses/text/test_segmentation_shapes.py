"""Shapes of numbering seen in real licenses but not in the fixtures (issue 12, round 3), each on a
synthetic text of our own. Shapes already covered elsewhere (Article 1, § 1, NBSP, CRLF with form
feeds, dotted roman items, Schedule 1, '"Term" means') are not repeated here."""

import pytest

from licenses.text.headings import is_heading_text
from licenses.text.numbering import parse_label
from licenses.text.segmentation import segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text) if s.label]


def by_path(text: str):
    return {s.path: s for s in segment(text)}


def test_upper_roman_top_level_numbers_past_the_ambiguous_letters():
    # "I." could be the ninth letter, "V." the twenty-second: after "IV." they are roman
    text = "".join(
        f"{r}. {title}\n\nWords of {title.lower()}.\n\n"
        for r, title in zip(
            ["I", "II", "III", "IV", "V", "VI"],
            ["Definitions", "Grant", "Conditions", "Warranty", "Liability", "Law"],
            strict=True,
        )
    )
    assert paths(text) == ["I", "II", "III", "IV", "V", "VI"]
    assert by_path(text)["V"].heading == "Liability"


def test_article_and_section_with_roman_numbers():
    text = (
        'ARTICLE I - DEFINITIONS\n\n1.1 "Work" means the program.\n\n1.2 "You" means the user.\n\n'
        "ARTICLE II - GRANT\n\n2.1 You may copy the Work.\n\nARTICLE III - LAW\n\nThe law of the seat applies.\n"
    )
    assert paths(text) == ["ARTICLE I", "1.1", "1.2", "ARTICLE II", "2.1", "ARTICLE III"]
    segs = by_path(text)
    assert segs["ARTICLE II"].heading == "GRANT"
    assert segment(text)[segs["2.1"].parent].path == "ARTICLE II"  # "ARTICLE II" holds 2: its 2.1
    assert parse_label("Section IV. Remedies").text == "Section IV"
    assert parse_label("Section IIII applies") is None  # no roman numeral
    # a citation in a wrapped sentence stays prose
    prose = "1. Grant.\n\nYou may copy the work, and\nSection IV of the Act applies to you.\n\n2. End.\n"
    assert paths(prose) == ["1", "2"]


def test_closing_parenthesis_lists_and_capital_letters_under_numbers_in_brackets():
    text = (
        "You may, on these terms:\n\n1) copy the software;\n\n2) change it; and\n\n3) share it.\n\n"
        "Conditions apply as follows.\n"
    )
    assert paths(text)[:3] == ["1", "2", "3"]
    nested = (
        "1. Grant\n\n(1) You may use it for:\n\n(A) research;\n\n(B) teaching; and\n\n(C) testing.\n\n"
        "(2) You may share it.\n\n2. Conditions\n\nKeep notices.\n"
    )
    assert paths(nested) == ["1", "1(1)", "1(1)(A)", "1(1)(B)", "1(1)(C)", "1(2)", "2"]


def test_a_title_in_capitals_straight_above_a_lower_case_item_is_the_clause_title():
    text = (
        "1. DEFINITIONS\nWords.\n\n2. GRANT OF RIGHTS\na.  You may copy the work in any form.\n\n"
        "b.  You may change the work.\n\n3. CONDITIONS\nKeep notices.\n"
    )
    segs = by_path(text)
    assert paths(text) == ["1", "2", "2(a)", "2(b)", "3"]
    assert segs["2"].heading == "GRANT OF RIGHTS" and segs["2"].text == ""
    # a sentence above an item is the clause's words, not its title
    prose = (
        "1. DEFINITIONS\nWords.\n\n2. You may copy the work in the forms listed here\na.  in source form;\n"
    )
    assert by_path(prose)["2"].heading == ""


def test_a_lead_in_after_a_list_opens_a_second_list_on_the_very_next_line():
    text = (
        "1. GRANT\nWords.\n\n2. REQUIREMENTS\nYou may distribute in object code form, provided that:\n\n"
        "a.  you comply with this Agreement; and\n\nb.  your license agreement:\n"
        "\ti.  disclaims warranties;\n\tii.  excludes liability.\n\n"
        "When the Program is made available in source code form:\n"
        "a.  it must be made available under this Agreement; and\n"
        "b.  a copy of this Agreement must be included.\n\n3. DISTRIBUTION\nWords.\n"
    )
    assert paths(text) == ["1", "2", "2(a)", "2(b)", "2(b)(i)", "2(b)(ii)", "2.list-2(a)", "2.list-2(b)", "3"]
    segs = by_path(text)
    assert segs["2.list-2"].text == "When the Program is made available in source code form:"
    assert segs["2(b)(ii)"].text == "excludes liability."


def test_a_translation_after_the_original_under_a_title_naming_the_licence():
    text = (
        "Datenlizenz Beispiel\n\n(1) Jede Nutzung ist erlaubt.\n\n(2) Der Vermerk muss bleiben.\n\n\n"
        "Data licence example – version 1.0\n\n(1) Any use is permitted.\n\n(2) The note must stay.\n"
    )
    assert paths(text) == [
        "(1)",
        "(2)",
        "data-licence-example-version/(1)",
        "data-licence-example-version/(2)",
    ]
    assert (
        by_path(text)["data-licence-example-version/preamble"].heading == "Data licence example – version 1.0"
    )
    assert by_path(text)["(2)"].text == "Der Vermerk muss bleiben."  # the title is not its tail


def test_one_line_items_are_words_not_titles_while_a_titled_clause_keeps_its_title():
    text = (
        "A. Grant: you may engage in the following activities:\n\n"
        "     1. Use\n     2. Distribution\n     3. Reproduction\n\n"
        "B. Limits: none.\n"
    )
    segs = by_path(text)
    assert [segs[p].text for p in ("A(1)", "A(2)", "A(3)")] == ["Use", "Distribution", "Reproduction"]
    assert all(segs[p].heading == "" for p in ("A(1)", "A(2)", "A(3)"))
    titled = "1. Definitions\n\n1.1 Words.\n\n1.1.1 More words.\n\n2. Grant\n\nYou may.\n\n3. GOVERNING LAW\n"
    segs = by_path(titled)
    assert segs["1"].heading == "Definitions"  # it has children
    assert segs["1.1"].heading == "Words."  # so has this one
    assert segs["3"].heading == "GOVERNING LAW"  # a title in capitals stays one, text or not


def test_a_title_in_capitals_joined_by_a_semicolon_heads_the_list_below():
    text = (
        "GRANT\n\nA. You may copy.\n\nB. You may share.\n\n"
        "WARRANTIES; INDEMNITY\n\n"
        "A. No Warranty: THE WORK IS PROVIDED AS IS.\n\nB. Waiver: YOU WAIVE ALL CLAIMS.\n"
    )
    segs = by_path(text)
    assert segs["warranties-indemnity"].heading == "WARRANTIES; INDEMNITY"
    assert segs["warranties-indemnity/B"].text == "Waiver: YOU WAIVE ALL CLAIMS."
    # a sentence with a ";" stays no title
    assert not is_heading_text("You may copy; you may share")


def test_line_breaks_of_every_kind_and_tabs_after_numbers():
    for br in ("\n", "\r\n", "\r"):
        text = br.join(
            [
                "1.\tGrant",
                "",
                "You may.",
                "",
                "2.\tConditions",
                "",
                "(a)\u00a0Keep notices;",
                "",
                "(b)\tMark changes.",
                "",
            ]
        )
        segs = by_path(text)
        assert paths(text) == ["1", "2", "2(a)", "2(b)"], repr(br)
        assert segs["2(a)"].text == "Keep notices;"
        assert text[segs["2(b)"].start : segs["2(b)"].end] == "(b)\tMark changes."


def test_lower_case_words_after_an_item_that_ends_without_punctuation_finish_the_parent_sentence():
    text = (
        "1. Bedingungen\n\n     a. Sie dürfen Abwandlungen nur unter\n\n"
        "          i. dieser Lizenz,\n\n          ii. einer späteren Version dieser Lizenz\n\n"
        "        verbreiten oder öffentlich zeigen.\n\n        Falls Sie die Abwandlung lizenzieren, gilt dies.\n\n"
        "2. Haftung\n\nKeine.\n"
    )
    segs = by_path(text)
    assert segs["1(a)(ii)"].text == "einer späteren Version dieser Lizenz"
    assert segs["1(a).closing"].text.startswith("verbreiten oder öffentlich zeigen.")


def test_a_paragraph_in_a_script_without_capitals_left_of_the_list_is_no_part_of_its_last_item():
    text = (
        "第1条（利用許諾）\n\nあなたは次の行為ができる。\n\n"
        "    a. 本作品を複製すること、\n    b. 本作品を頒布すること、\n\n"
        "上記の利用は、すべての媒体で行うことができる。\n\n第2条（制限）\n\n制限がある。\n"
    )
    segs = by_path(text)
    assert segs["第1条(b)"].text == "本作品を頒布すること、"
    assert segs["第1条.closing"].text == "上記の利用は、すべての媒体で行うことができる。"


def test_a_number_with_a_dash_continues_with_dots():
    text = (
        "1- OBJET.\nCette licence définit les conditions.\n\n"
        "2. L’ÉTENDUE DE LA JOUISSANCE.\nCette œuvre est soumise au droit d’auteur.\n\n"
        "3. DROITS CONNEXES.\nLes actes sont permis.\n"
    )
    segs = by_path(text)
    assert paths(text) == ["1", "2", "3"]
    assert segs["2"].heading == "L’ÉTENDUE DE LA JOUISSANCE."  # accented capitals read as a title
    assert parse_label("1-2 copies") is None and parse_label("3-year term") is None


def test_a_last_item_whose_elder_sibling_is_missing_from_the_text():
    text = (
        "1. Diversen\n\n    a. Elk gebruik is toegestaan.\n\n    b. Nog een regel.\n\n"
        "    c. Indien een bepaling nietig is, blijft de rest van kracht.\n\n"
        "    d. Een afstand moet schriftelijk.\n\n    f. Deze Licentie bevat de volledige overeenkomst.\n"
    )
    assert paths(text) == ["1", "1(a)", "1(b)", "1(c)", "1(d)", "1(f)"]
    # a letter that skips one at another indentation is still words of the item above
    wrapped = "1. Terms\n\n    a. Keep this.\n\n    b. Also this, as in paragraph\n\nd. of the Act.\n"
    assert paths(wrapped) == ["1", "1(a)", "1(b)"]


def test_a_disclaimer_in_capitals_straight_after_the_last_condition_without_a_blank_line():
    text = (
        "Permission is granted, subject to the following conditions:\n\n"
        "1. The code must retain the above notice.\n"
        "2. The authors' names are not used to endorse products\nwithout written permission.\n"
        "THE AUTHORS DISCLAIM ALL WARRANTIES WITH REGARD TO THIS SOFTWARE, INCLUDING\n"
        "ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS.\n"
    )
    segs = by_path(text)
    assert (
        segs["2"].text == "The authors' names are not used to endorse products\nwithout written permission."
    )
    assert segs["disclaimer"].text.startswith("THE AUTHORS DISCLAIM")
    # a wrapped item whose next line is in capitals mid-sentence keeps it
    inner = "1. Keep the notice.\n2. Do not use the name of\nTHE UNIVERSITY OF EDINBURGH IN ADVERTISING OR PROMOTION.\n"
    assert "disclaimer" not in by_path(inner)


def test_a_title_naming_a_licence_above_a_fresh_list_is_a_heading_not_the_appendix_tail():
    text = (
        "AMENDMENTS\n\nI. Effect. These terms apply.\n\nII. Names. No marks are licensed.\n\n"
        'EXHIBIT A - Notice\n\n"The contents of this file are subject to this License."\n\n\n'
        'Example Public License Version 1.1\n\n1. Definitions.\n\n     1.1. "Work" means the code.\n'
    )
    segs = by_path(text)
    assert segs["exhibit-a-notice"].text == '"The contents of this file are subject to this License."'
    assert segs["example-public-license-version-1-1"].heading == "Example Public License Version 1.1"
    assert paths(text) == ["I", "II", "1", "1.1"]


def test_a_title_that_names_its_appendix_at_the_end_is_a_heading():
    text = (
        "1. Grant.\n\nYou may.\n\n2. Law.\n\nOurs.\n\n"
        "Example Public License 1.0 - Exhibit A\n\nThe contents of this file are subject to the License.\n"
    )
    segs = by_path(text)
    assert segs["2"].text == "Ours."
    assert segs["example-public-license-1-0-exhibit-a"].text.startswith("The contents")


def test_a_sentence_on_the_line_after_a_list_of_one_line_items_is_no_part_of_the_last():
    text = (
        "1. Limits\n\n     No patent license is granted:\n"
        "\t a. for code You removed; or\n\t b. for code of others.\n"
        "\t This License grants no rights in trademarks.\n\n2. End\n\nDone.\n"
    )
    segs = by_path(text)
    assert segs["1(b)"].text == "for code of others."
    assert segs["1.closing"].text == "This License grants no rights in trademarks."
    top = "The conditions are:\n1. keep notices;\n2. mark changes.\nThat is all.\n"
    assert by_path(top)["2"].text == "mark changes."
    # an item that wraps keeps its next line, capital or not
    wrapped = "The conditions are:\n1. keep notices;\n2. mark the changes made by\nThe Author in a file.\n"
    assert by_path(wrapped)["2"].text == "mark the changes made by\nThe Author in a file."


def test_the_next_item_of_a_list_whose_items_end_with_commas():
    text = (
        "1. DISTRIBUTION\n\nThe Licensee undertakes that:\n\n"
        "   1. the resulting software will be governed by this Agreement,\n"
        "   2. the contributions in the resulting software\n      will be clearly identified,\n"
        "   3. the Licensee will allow access to the source code.\n\n2. END\n\nDone.\n"
    )
    assert paths(text) == ["1", "1(1)", "1(2)", "1(3)", "2"]
    # a number after a comma in a sentence of prose stays prose
    prose = "1. Terms\n\n   The limits of Articles 8,\n   9. and 10 apply.\n\n2. End\n"
    assert paths(prose) == ["1", "2"]


def test_a_part_heading_keeps_its_own_slug_while_its_clauses_take_the_part_prefix():
    text = "1. Grant\n\nYou may.\n\nSchedule 1 - Fees\n\n1. Fee for copies.\n\nSchedule 2 - Support\n\n1. Hours.\n"
    assert [s.path for s in segment(text)] == [
        "1",
        "schedule-1-fees",
        "schedule-1/1",
        "schedule-2-support",
        "schedule-2/1",
    ]


def test_a_number_alone_on_its_line_takes_the_title_on_the_next_line():
    text = (
        'ARTICLE I\nDEFINITIONS\n\nSection 1.01 "Software" means the code.\n\n'
        'Section 1.02 "You" means you.\n\nARTICLE II\nGRANT\n\nSection 2.01 License. You may copy.\n'
    )
    segs = by_path(text)
    assert paths(text) == ["ARTICLE I", "Section 1.01", "Section 1.02", "ARTICLE II", "Section 2.01"]
    assert segs["ARTICLE I"].heading == "DEFINITIONS" and segs["ARTICLE I"].text == ""
    assert segment(text)[segs["Section 1.02"].parent].path == "ARTICLE I"
    assert segs["Section 2.01"].heading == "License."
    # words that start the clause's sentence on the next line are its text
    plain = "1.\nYou may copy the work, and you may share it with anyone you like.\n\n2.\nNo warranty.\n"
    assert by_path(plain)["1"].heading == ""


def test_full_width_numbers_in_japanese_text():
    text = (
        "第１条（目的）\n\n本規約の目的。\n\n第２条（定義）\n\n"
        "１．「本ソフトウェア」とは、本件のプログラムをいう。\n\n２．「利用者」とは、あなたをいう。\n"
    )
    segs = segment(text)
    assert [s.path for s in segs if s.label] == ["第１条", "第２条", "第２条(1)", "第２条(2)"]
    assert [s.anchor for s in segs] == ["article.1", "article.2", "article.2.1", "article.2.2"]
    assert segs[2].text == "「本ソフトウェア」とは、本件のプログラムをいう。"


def test_page_marks_left_by_a_pdf_are_no_headings():
    text = (
        "1. Grant\n\nYou may copy the work in any medium and you may share\nit with anyone.\n\n"
        "Page 1 of 2\n\n2. Conditions\n\nKeep notices.\n\n- 2 -\n\n3. End\n\nDone.\n"
    )
    assert [s.path for s in segment(text)] == ["1", "2", "3"]


def test_a_letter_that_lost_its_dot_between_its_siblings():
    text = (
        "1. Miscellaneous\n\n    a. Each time You share the Work, the offer goes with it.\n\n"
        "    b Each time You share an Adaptation, the offer goes with it.\n\n"
        "    c. If a term is invalid, the rest stays.\n"
    )
    segs = by_path(text)
    assert paths(text) == ["1", "1(a)", "1(b)", "1(c)"]
    assert segs["1(b)"].label == "b" and segs["1(b)"].text.startswith("Each time You share an Adaptation")
    # a paragraph that starts with a capital "A" is no item, even after a blank line
    prose = "1. Terms\n\n    a. Keep this.\n\n    A Licensee may also do this.\n\n    b. Keep that.\n"
    assert paths(prose) == ["1", "1(a)", "1(b)"]


def test_a_word_label_repeated_under_another_clause_ends_and_keeps_paths_unique():
    # "Article 1" twice, each under a numbered clause: a list tag cannot tell them apart (a word
    # label is never prefixed); the segmenter once looped for ever looking for a free tag
    text = "1. Grant\n\nArticle 1 Words.\n\n2. More\n\nArticle 1 Again.\n"
    got = [s.path for s in segment(text)]
    assert got[:3] == ["1", "Article 1", "2"]
    assert len(set(got)) == len(got) == 4


def _numbered(n: int) -> str:
    return "Title\n\n" + "".join(f"{k}. Clause number {k}.\n\n" for k in range(1, n + 1))


def test_max_clauses_lets_a_text_at_the_limit_through_and_refuses_one_over_it():
    from licenses.text.segmentation import TooManyClauses

    assert len(segment(_numbered(9), max_clauses=10)) == 10  # the preamble and nine clauses
    with pytest.raises(TooManyClauses) as caught:
        segment(_numbered(10), max_clauses=10)
    assert (caught.value.count, caught.value.exact) == (11, True)


def test_max_clauses_stops_early_on_a_text_far_over_the_limit():
    from licenses.text.segmentation import TooManyClauses

    with pytest.raises(TooManyClauses) as caught:
        segment(_numbered(5_000), max_clauses=10)
    assert not caught.value.exact and 20 < caught.value.count < 30  # stopped soon after twice the limit
    assert str(caught.value) == f"more than {caught.value.count} clauses"


def test_the_second_item_of_a_comma_list_whose_lines_hang_at_its_number():
    # a list re-wrapped at 72 columns, its lines in line with the numbers: "1." holds the first
    # item, so the comma before "2." ends an item, not a wrapped sentence
    text = (
        "Binaries may be distributed, provided you\n\n"
        "     1. distribute the corresponding source changes from the\n"
        "     released version as a patch file along with the\n     binaries,\n"
        "     2. add a version identification to distinguish your version\n"
        "     from the base release,\n"
        "     3. provide your name as the contact for your version, and\n"
        "     4. retain our contact information.\n\nNo warranty.\n"
    )
    assert paths(text) == ["1", "2", "3", "4"]
    # "2. and 3" after a comma is a sentence that names clauses, not an item
    prose = "1. Terms apply, as do the limits of Articles 1,\n2. and 3 of the Annex.\n\n2. End\n"
    assert paths(prose) == ["1", "2"]


def test_an_item_after_a_conjunction_wrapped_onto_a_line_of_its_own():
    text = (
        "3.1 If a Contributor distributes the Program, then:\n\n"
        "a) the Program must also be made available as Source Code, in a\n"
        "manner customarily used for software exchange;\nand\n"
        "b) the Contributor may distribute the Program under another license,\n"
        "provided that such license:\n"
        "i) disclaims all warranties on behalf of all other Contributors;\n"
        "ii) excludes all liability for damages; and\n"
        "iii) requires any later distribution to be under such a license.\n"
        "3.2 When the Program is distributed as Source Code, it must be under this Agreement.\n"
    )
    assert paths(text) == ["3.1", "3.1(a)", "3.1(b)", "3.1(b)(i)", "3.1(b)(ii)", "3.1(b)(iii)", "3.2"]
    # a line holding only "and" after a sentence that did not end is still a wrapped line
    prose = "1. Terms\n\nThe limits of this section\nand\n2. its annex apply.\n\n2. End\n"
    assert paths(prose) == ["1", "2"]


def test_a_paragraph_at_the_margin_inside_a_hanging_item_when_the_list_goes_on():
    # "6." with hanging lines, then paragraphs at the margin and a lettered list, then "7.":
    # the paragraphs are item 6's, and "7." continues the list
    text = (
        "1. You may copy the Library, provided that you keep this notice with\n"
        "   every copy you make.\n\n"
        "2. As an exception to the Sections above, you may also combine or link a\n"
        "   work that uses the Library with the Library.\n\n"
        "You must give prominent notice with each copy of the work that the\n"
        "Library is used in it. Also, you must do one of these things:\n\n"
        "     a) Accompany the work with the complete corresponding\n"
        "        source code for the Library.\n\n"
        "     b) Use a suitable shared library mechanism for linking with the\n"
        "        Library.\n\n"
        "For an executable, the required form of the work must include any data\n"
        "needed for reproducing the executable from it.\n\n"
        "3. You may place library facilities side by side in a single library,\n"
        "   provided that you do these two things:\n\n"
        "     a) Accompany the combined library with a copy of the same work.\n\n"
        "     b) Give prominent notice with the combined library.\n\n"
        "4. You may not copy the Library except as expressly provided.\n"
    )
    assert paths(text) == ["1", "2", "2(a)", "2(b)", "3", "3(a)", "3(b)", "4"]
    segs = by_path(text)
    assert "You must give prominent notice" in segs["2"].text
    # the same paragraph after the last item, with no item after it, is words after the list
    last = text.split("3. You may place")[0]
    assert paths(last) == ["1", "2", "a", "b"]
    assert "You must give" in by_path(last)["notice"].text
    # nor when what follows the lettered list skips a number: no item of the open list comes back
    skipped = last + "5. You may not copy the Library except as expressly provided.\n"
    assert "You must give" in by_path(skipped)["notice"].text


def test_an_items_conjunction_wrapped_onto_the_next_line_stays_in_the_item():
    text = (
        "1. You may distribute the Work provided that You meet these conditions:\n\n"
        "   (a) You must give recipients a copy of this License; and\n\n"
        "   (b) You must include the notices in one of these places: within a NOTICE file;\n"
        "       or,\n       within a display generated by the Work.\n\n"
        "2. End.\n"
    )
    segs = by_path(text)
    assert paths(text) == ["1", "1(a)", "1(b)", "2"]
    assert segs["1(b)"].text.endswith("within a display generated by the Work.")
    # words that finish the sentence the list opened still do
    closing = "1. You may:\n\n   (a) copy; and\n   (b) share;\nfor personal purposes only.\n"
    assert "for personal purposes only." in by_path(closing)["1.closing"].text
    # nor a conjunction at the margin after a blank line, which opens the closing words
    after = "1. You may distribute:\n\n   1. a copy,\n\n   2. a notice,\n\nand that, in any case, you keep the source.\n"
    assert by_path(after)["1.closing"].text.startswith("and that")


def test_a_paragraph_left_of_one_line_items_is_words_after_the_list():
    text = (
        "Permission is granted, provided you\n\n"
        "     1. distribute the source changes as a patch,\n"
        "     2. add a version identification,\n"
        "     3. retain our contact information.\n\n"
        "PostScript is a trademark of its owner.\n\n"
        'THIS SOFTWARE IS PROVIDED "AS IS" WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.\n'
    )
    segs = by_path(text)
    assert paths(text) == ["1", "2", "3"]
    assert segs["3"].text == "retain our contact information."
    assert segs["notice"].text.startswith("PostScript is a trademark")
    assert segs["disclaimer"].text.startswith("THIS SOFTWARE IS PROVIDED")
    # the same paragraph in line with the items, or with an item already that far left, is the item's
    inline = text.replace("\nPostScript", "\n     PostScript")
    assert "PostScript" in by_path(inline)["3"].text
    left = text.replace("     1. distribute", "1. distribute")
    assert "PostScript" in by_path(left)["3"].text
    # and when the list goes on after it, so is the paragraph
    goes_on = text.replace("THIS SOFTWARE", "     4. keep this notice.\n\nTHIS SOFTWARE")
    assert "PostScript" in by_path(goes_on)["3"].text


def test_the_first_child_under_a_title_wrapped_onto_a_second_line():
    text = (
        "1. Definitions\n1.1 The Documentation means the design files.\n\n"
        "2. Copying, modification, communication to the public and distribution\n"
        "of the Documentation\n2.1 The Licensee shall keep intact all copyright notices.\n"
        "2.2 The Licensee may modify the Documentation.\n"
    )
    assert paths(text) == ["1", "1.1", "2", "2.1", "2.2"]
    # a line that ends naming a clause is a sentence going on, not a title
    refers = text.replace("of the Documentation\n", "of the Documentation as set out in Section\n")
    assert paths(refers) == ["1", "1.1", "2", "2.2"]


def test_markdowns_lazy_numbering_reads_as_it_renders():
    # "1." before every item renders as 1, 2, 3; the items take the numbers a reader sees
    text = (
        "Provided that the following conditions are met:\n\n"
        "1. Redistributions of source code must retain the above notice.\n"
        "1. Redistributions in binary form must reproduce the above notice.\n"
        "1. Neither the name of the holder may be used to endorse products.\n\n"
        "THIS SOFTWARE IS PROVIDED AS IS.\n"
    )
    assert paths(text) == ["1", "2", "3"]
    assert by_path(text)["3"].text.startswith("Neither the name")
    nested = "Terms:\n\n1. You may:\n   1. copy;\n   1. share.\n1. You must:\n   1. keep notices.\n1. No warranty.\n"
    assert paths(nested) == ["1", "1(1)", "1(2)", "2", "2(1)", "3"]
    # a "1." under a "2." printed as such is a new list, not lazy numbering
    second = "1. You may copy.\n2. You may share:\n\n   1. in print;\n   2. online.\n\n1. Note: none.\n"
    assert paths(second) == ["1", "2", "2(1)", "2(2)"]


def test_items_with_no_punctuation_at_their_ends_in_a_run_of_three():
    text = "You may\n(a) copy the work or\n(b) share the work and\n(c) modify the work\n"
    assert paths(text) == ["(a)", "(b)", "(c)"]
    numbered = "1. Grant\nYou may copy.\n2. Conditions\nYou must keep the notice\n3. Warranty\nNone here\n4. Law\nFrench law.\n"
    assert paths(numbered)[:3] == ["1", "2", "3"]
    # two in a row are not enough: "(a)" then "(b)" after unended lines may be a wrapped sentence
    two = "You may\n(a) copy the work or\n(b) share the work\n"
    assert paths(two) == []
    # nor three that are not in line with each other
    staggered = "You may\n(a) copy the work or\n   (b) share the work and\n(c) modify the work\n"
    assert paths(staggered) == []


def test_a_paragraph_at_an_items_number_after_its_hanging_lines_closes_the_list():
    text = (
        "1. Redistribution. You may distribute copies if:\n\n"
        "   (a) You give recipients a copy of this License; and\n\n"
        "   (b) If the Work includes a NOTICE file, you keep it, in a NOTICE\n"
        "       file or in the documentation.\n\n"
        "   You may add Your own copyright statement to Your modifications.\n\n"
        "2. Submission of Contributions.\n"
    )
    segs = by_path(text)
    assert segs["1.closing"].text.startswith("You may add")
    assert "You may add" not in segs["1(b)"].text
    # the item's own second paragraph, hanging with its lines, stays the item's
    own = text.replace("\n   You may add", "\n       You may add")
    assert "You may add" in by_path(own)["1(b)"].text


def test_a_lower_case_line_after_a_semicolon_hanging_with_the_items_lines_is_the_items():
    text = (
        "1. Redistribution:\n\n"
        "  a. You must give the Original Author credit. Such credit may be\n"
        "     implemented in any reasonable manner;\n"
        "     provided, however, that in the case of a Collective Work the\n"
        "     credit appears where other credits appear.\n\n"
        "2. Warranty.\n"
    )
    assert by_path(text)["1(a)"].text.endswith("credit appears where other credits appear.")
    assert [s.path for s in segment(text)] == ["1", "1(a)", "2"]
    # after a blank line, at the margin, the same words finish the parent's sentence
    closing = "1. You may:\n\n   (a) copy; and\n   (b) share;\n\nfor personal purposes only.\n"
    assert by_path(closing)["1.closing"].text == "for personal purposes only."


def test_a_title_line_right_above_the_first_item_of_a_wrapped_text_is_no_running_sentence():
    # a PDF's text read back has no blank line under its title; the title is far shorter than the
    # wrapped line below it, so it ended there and "1." starts the first clause
    text = (
        "Example License\n"
        "1. You may make and give away verbatim copies of the source form of the software without\n"
        "restriction, provided that you keep the notices.\n\n"
        "2. You may modify your copy of the software in any way, provided that you mark the\n"
        "changes.\n"
    )
    assert [s.path for s in segment(text)] == ["preamble", "1", "2"]


@pytest.mark.parametrize("above", ["The terms are set out in Section", "This agreement has the terms in"])
def test_a_short_line_that_refers_on_or_runs_on_still_joins_the_number_below(above):
    text = f"{above}\n1. You may make and give away verbatim copies of the source form of the software.\n"
    assert [s.path for s in segment(text)] == ["preamble"]
