"""Segmentation cases seen on real licenses (issue 12), each on a synthetic text of our own."""

from licenses.text.segmentation import segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text) if s.label]


def by_path(text: str):
    return {s.path: s for s in segment(text)}


def test_decimal_under_a_point_zero_heading_and_a_three_part_first_child():
    text = (
        "1. Terms.\n"
        '     1.0.1. "Business Use" means use to earn money.\n\n'
        '     1.1. "Author" means the person who wrote it.\n\n'
        '     1.2. "Work" means the program.\n\n'
        "2.0 Grants.\n\n"
        "     2.1. The Author grants You a license.\n\n"
        "     2.2. Each contributor grants You a license.\n"
    )
    assert paths(text) == ["1", "1.0.1", "1.1", "1.2", "2.0", "2.1", "2.2"]
    segs = by_path(text)
    assert segs["1.0.1"].text.startswith('"Business Use" means')
    assert segment(text)[segs["2.1"].parent].path == "2.0"


def test_a_no_break_space_after_the_number_still_makes_a_clause():
    text = "1.\u00a0Definitions\n\nWords mean things.\n\n2.\u00a0Grant\n\nYou may.\n\n2.1\u00a0Scope\n\nAll of it.\n"
    segs = by_path(text)
    assert paths(text) == ["1", "2", "2.1"]
    assert segs["2"].heading == "Grant"
    assert segs["2.1"].text == "All of it."
    assert text[segs["2"].start : segs["2"].end].startswith("2.\u00a0Grant")


def test_clause_numbers_past_999():
    text = "".join(f"{n}. Rule {n} applies to every copy.\n\n" for n in range(1, 1003))
    found = paths(text)
    assert found[-4:] == ["999", "1000", "1001", "1002"]
    assert by_path(text)["999"].text == "Rule 999 applies to every copy."


def test_articles_in_chinese_japanese_and_korean():
    ja = "第1条 目的\n\nこの契約は目的を定める。\n\n第2条 定義\n\nこの契約において次の用語を定義する。\n\n  a. 「本作品」とは作品をいう。\n"
    assert paths(ja) == ["第1条", "第2条", "第2条(a)"]
    assert by_path(ja)["第2条"].heading == "定義"
    assert by_path(ja)["第2条"].anchor == "article.2"
    zh = "第一条 目的\n\n本协议规定目的。\n\n第二条 定义\n\n本协议中的用语。\n\n第十二条 其他\n\n其他事项。\n"
    assert paths(zh) == ["第一条", "第二条"]  # 十二 does not follow 二
    ko = "제1조 (목적)\n\n이 약관은 목적을 정한다.\n\n제2조 (정의)\n\n이 약관에서 쓰는 용어.\n"
    assert paths(ko) == ["제1조", "제2조"]


def test_paragraph_sign_numbers():
    text = "§ 1 Scope\n\nThis applies.\n\n§ 2 Grant\n\n(1) You may copy.\n\n(2) You may share.\n\n§ 3 End\n\nDone.\n"
    assert paths(text) == ["§ 1", "§ 2", "§ 2(1)", "§ 2(2)", "§ 3"]


def test_numbers_without_a_dot_before_a_capital():
    text = (
        "1 Definitions\n\n  1.1 'Licence' means this document.\n\n  1.2 'Source' means the design.\n\n"
        "2 Applicability\n\n  2.1 This Licence governs use.\n\n"
        "The licensee may distribute copies, provided that:\n"
        "     1 The copy carries this licence;\n"
        "     2 Changes are marked.\n"
    )
    assert paths(text) == ["1", "1.1", "1.2", "2", "2.1", "2.1(1)", "2.1(2)"]
    # a wrapped line that merely starts with a number stays text
    prose = "1. Grant.\n\nYou may keep up to\n2 Copies of the Work at any time.\n\n2. End.\n"
    assert paths(prose) == ["1", "2"]


def test_numbering_restarts_under_part_headings():
    text = (
        "Intro Agreement\n\nThis Agreement has two parts.\n\n"
        "PART A. CONTRIBUTIONS - terms for contributors\n"
        "1. You grant us a license.\n\n2. You keep your rights.\n"
        "PART B. DOWNLOADS - terms for users\n"
        "1. We grant you a license, provided that:\n(a) you keep notices;\n(b) you mark changes.\n\n"
        "2. No warranty.\n"
    )
    assert paths(text) == ["part-a/1", "part-a/2", "part-b/1", "part-b/1(a)", "part-b/1(b)", "part-b/2"]
    segs = by_path(text)
    assert segs["part-b/1(a)"].anchor == "part-b.1.a"
    assert [s.heading for s in segment(text) if not s.label][1:] == [
        "PART A. CONTRIBUTIONS - terms for contributors",
        "PART B. DOWNLOADS - terms for users",
    ]


def test_schedule_restarts_without_touching_the_main_numbers():
    text = "1. Grant.\n\nYou may.\n\n2. Fees.\n\nSee the schedule.\n\nSchedule 1\n\n1. Fee for copies.\n\n2. Fee for support.\n"
    assert paths(text) == ["1", "2", "schedule-1/1", "schedule-1/2"]


def test_a_second_document_gets_its_own_address_space():
    first = (
        "SMALL LIBRARY LICENSE\n\nThis license adds terms to the big license below.\n\n"
        "0. Definitions.\n\nWords.\n\n1. Exception.\n\nYou may link.\n\n2. Versions.\n\nNew ones may come.\n\n"
    )
    second = (
        "BIG PUBLIC LICENSE\nVersion 3, 2007\n\nPreamble text of the big license.\n\n"
        "TERMS AND CONDITIONS\n\n0. Definitions.\n\nOther words.\n\n1. Source Code.\n\nThe source.\n\n"
        "2. Basic Permissions.\n\n(a) run it;\n\n(b) change it.\n"
    )
    segs = segment(first + second)
    labelled = [s.path for s in segs if s.label]
    assert labelled == [
        "0",
        "1",
        "2",
        "big-public-license/0",
        "big-public-license/1",
        "big-public-license/2",
        "big-public-license/2(a)",
        "big-public-license/2(b)",
    ]
    assert len({s.path for s in segs}) == len(segs)  # citations are unambiguous
    title = next(s for s in segs if s.path == "big-public-license/preamble")
    assert title.heading == "BIG PUBLIC LICENSE"
    assert by_path(first + second)["2"].text == "New ones may come."  # the title is not glued to §2


def test_words_after_the_last_item_that_finish_the_parent_sentence_belong_to_the_parent():
    text = (
        "1.\tDEFINITIONS\n"
        "Words.\n"
        "2.\tRIGHTS\n"
        "2.1\tGrant\n"
        "(a)\tThe Licensor grants You a license to:\n"
        "(i)\tcopy the Work;\n"
        "(ii)\tshare the Work; and\n"
        "(iii)\tadapt the Work;\n"
        "for non-commercial purposes only.\n"
        "(b)\tYou may not sublicense.\n"
        "2.2\tConditions\n"
        "(a)\tKeep notices.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs if s.label] == [
        "1",
        "2",
        "2.1",
        "2.1(a)",
        "2.1(a)(i)",
        "2.1(a)(ii)",
        "2.1(a)(iii)",
        "2.1(b)",
        "2.2",
        "2.2(a)",
    ]
    closing = next(s for s in segs if s.path == "2.1(a).closing")
    assert closing.text == "for non-commercial purposes only."
    assert segs[closing.parent].path == "2.1(a)"
    assert next(s for s in segs if s.path == "2.1(a)(iii)").text == "adapt the Work;"


def test_an_outdented_paragraph_after_a_list_closes_it_but_wrapped_item_lines_do_not():
    text = (
        "1. Scope.\n\n2. Terms.\n\n"
        "3. Grant. You may, worldwide:\n"
        "    a. copy the Work, and keep\n"
        "       copies;\n"
        "    b. share the Work.\n\n"
        "These rights apply in all media now known or later devised.\n\n"
        "4. Limits.\n"
    )
    segs = by_path(text)
    assert segs["3(a)"].text == "copy the Work, and keep\n       copies;"
    assert segs["3.closing"].text == "These rights apply in all media now known or later devised."
    # a titled item's text may start left of it: it is still the item's text
    titled = "Article 4 - TERM\n\n      4.1 EFFECTIVE DATE\n\nThe Agreement starts when accepted.\n\n      4.2 END\n\nIt ends.\n"
    assert by_path(titled)["4.1"].text == "The Agreement starts when accepted."


def test_items_after_a_line_ending_and_with_a_comma():
    text = (
        "1. Definitions.\n\n2. Fair Dealing.\n\n"
        "3. License Grant. Licensor grants You a license:\n"
        " a. to Reproduce the Work;\n"
        " b. to Distribute the Work; and,\n"
        " c. to Perform the Work.\n"
        " d. For the avoidance of doubt:\n"
        "     i. first case;\n"
        "    ii. second case; and,\n"
        "   iii. third case.\n"
    )
    assert paths(text)[2:] == ["3", "3(a)", "3(b)", "3(c)", "3(d)", "3(d)(i)", "3(d)(ii)", "3(d)(iii)"]


def test_a_notice_after_the_last_clause_is_its_own_segment():
    text = (
        "1. Definitions\n\nWords.\n\n"
        "2. Miscellaneous\n\n"
        "    a. Each time You share the Work, the Licensor offers the same license.\n"
        "    b. This License is the entire agreement.\n\n\n"
        "Creative Commons Notice\n\n"
        "    Creative Commons is not a party to this License and makes no warranty.\n"
    )
    segs = segment(text)
    notice = next(s for s in segs if s.heading == "Creative Commons Notice")
    assert notice.parent is None and notice.text.startswith("Creative Commons is not a party")
    assert by_path(text)["2(b)"].text == "This License is the entire agreement."


def test_definitions_written_as_a_dash_list_are_split():
    text = (
        "1. Definitions.\n"
        '- "License" means these terms and conditions\n'
        "for use and sharing.\n"
        '- "Licensor" shall mean the owner granting the License.\n'
        '- "Model" means the trained weights.\n'
        "2. Grant.\n"
    )
    segs = by_path(text)
    assert [p for p in segs if ".def-" in p] == ["1.def-license", "1.def-licensor", "1.def-model"]
    # The dash is the item's mark, as a number would be: it is not part of the definition's words.
    assert segs["1.def-license"].text == '"License" means these terms and conditions\nfor use and sharing.'
    assert segs["1"].text == "" and segs["1"].heading == "Definitions."


def test_a_second_list_in_a_clause_after_a_paragraph_back_at_the_clause_indentation():
    text = (
        "1. DEFINITIONS\n\nWords.\n\n"
        "2. REQUIREMENTS\n"
        "A Contributor may distribute the Program in object code form provided that:\n\n"
        "     a) it complies with this Agreement; and\n\n"
        "     b) its license agreement:\n\n"
        "          i) disclaims all warranties;\n\n"
        "          ii) excludes all liability.\n\n"
        "When the Program is made available in source code form:\n\n"
        "     a) it must be made available under this Agreement; and\n\n"
        "     b) a copy of this Agreement must be included.\n\n"
        "3. COMMERCIAL DISTRIBUTION\n"
    )
    segs = segment(text)
    assert [s.path for s in segs if s.label] == [
        "1",
        "2",
        "2(a)",
        "2(b)",
        "2(b)(i)",
        "2(b)(ii)",
        "2.list-2(a)",  # a second list under 2: its own addresses, not 2(a) again
        "2.list-2(b)",
        "3",
    ]
    closing = next(s for s in segs if s.path == "2.list-2")  # the words that open the second list
    assert closing.text == "When the Program is made available in source code form:"
    assert segs[closing.parent].path == "2"
    assert len({s.anchor for s in segs}) == len(segs)


def test_a_decimal_address_places_itself_when_its_elder_sibling_is_missing():
    text = (
        "1. Definitions.\n\n     1.1. Words.\n\n"
        "2. Grants.\n     2.2. Contributor Grant.\n"
        "Each Contributor grants You a license.\n\n"
        "3. Distribution.\n     3.2. Availability of Source Code.\n     3.3. Description of Changes.\n"
        "4. Limits.\n"
    )
    assert paths(text) == ["1", "1.1", "2", "2.2", "3", "3.2", "3.3", "4"]


def test_headings_straight_above_their_text_are_kept():
    caps = "1. DEFINITIONS\nWords mean things.\n\n2. COMMERCIAL DISTRIBUTION\nCommercial distributors may accept duties.\n"
    segs = by_path(caps)
    assert segs["2"].heading == "COMMERCIAL DISTRIBUTION"
    assert segs["2"].text == "Commercial distributors may accept duties."
    sentence = (
        "1.Definitions\n\nIn this Licence, the following terms have the following meaning and no other at all.\n\n"
        "2.Scope of the rights granted by the Licence\n\n"
        "The Licensor hereby grants You a worldwide, royalty-free, non-exclusive, sublicensable licence.\n"
    )
    assert by_path(sentence)["2"].heading == "Scope of the rights granted by the Licence"
    # a one-line clause that is a sentence keeps its words as text
    prose = "1. Grant.\n\n2. You may copy the Work.\n\n3. You may share it\nwith anyone.\n"
    assert by_path(prose)["2"].heading == "" and by_path(prose)["3"].heading == ""


def test_definitions_after_a_closing_paragraph_stay_with_the_definitions_clause():
    text = (
        "1. DEFINITIONS\n"
        "“Contribution” means:\n"
        "a) the first content; and\n"
        "b) for each later contributor:\n"
        "i) changes, and\n"
        "ii) additions;\n"
        "where such changes come from that contributor.\n\n"
        "“Contributor” means any person who shares the Program.\n\n"
        "“Program” means the Contributions.\n\n"
        "2. GRANT\nYou may.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs if ".def-" in s.path] == [
        "1.def-contribution",
        "1.def-contributor",
        "1.def-program",
    ]
    contributor = next(s for s in segs if s.path == "1.def-contributor")
    assert segs[contributor.parent].path == "1"
    assert (
        next(s for s in segs if s.path == "1(b).closing").text
        == "where such changes come from that contributor."
    )


def test_sub_headings_between_clauses_and_notices_are_segments_of_their_own():
    text = (
        "(1) You are permitted to use the Standard Version and create and use Modified Versions.\n\n"
        "Permissions for Redistribution of the Standard Version\n\n"
        "(2) You may Distribute verbatim copies of the Source form of the Standard Version.\n\n"
        "Distribution of Compiled Forms of the Standard Version or Modified Versions without the Source\n\n"
        "(3) You may Distribute Compiled forms of the Standard Version without the Source, as long as\n"
        "You include the Source form as well.\n\n"
        "NOTICE PURSUANT TO SECTION 9 OF THIS LICENSE\n"
        "The code released under this License is governed by the laws of California.\n"
    )
    segs = segment(text)
    headings = [s.heading for s in segs if not s.label and s.heading]
    assert headings == [
        "Permissions for Redistribution of the Standard Version",
        "Distribution of Compiled Forms of the Standard Version or Modified Versions without the Source",
        "NOTICE PURSUANT TO SECTION 9 OF THIS LICENSE",
    ]
    assert (
        by_path(text)["(2)"].text
        == "You may Distribute verbatim copies of the Source form of the Standard Version."
    )
    assert by_path(text)["(3)"].text.startswith("You may Distribute Compiled forms")


def test_a_disclaimer_in_capitals_after_the_conditions_is_not_the_last_condition():
    text = (
        "Redistribution and use are permitted provided that:\n\n"
        "1. Redistributions of source code must retain this notice.\n\n"
        "2. Redistributions in binary form must reproduce this notice.\n\n"
        "THIS SOFTWARE IS PROVIDED AS IS AND ANY WARRANTIES ARE DISCLAIMED. IN NO EVENT\n"
        "SHALL THE AUTHORS BE LIABLE FOR ANY DAMAGES.\n"
    )
    segs = by_path(text)
    assert segs["2"].text == "Redistributions in binary form must reproduce this notice."
    assert (
        segs["disclaimer"].text.startswith("THIS SOFTWARE IS PROVIDED AS IS")
        and segs["disclaimer"].parent is None
    )
    # a titled clause keeps its capitals, and so does an item that the list goes on after
    titled = "1. Grant.\n\nYou may.\n\n2. No Warranty.\n\nTHE WORK IS PROVIDED AS IS WITHOUT ANY WARRANTY OF ANY KIND AT ALL.\n"
    assert "disclaimer" not in by_path(titled)
    inner = (
        "1. Terms:\n\n   a. first item here.\n\n"
        "THE SOFTWARE IS PROVIDED WITHOUT WARRANTIES OF ANY KIND, EXPRESS OR IMPLIED.\n\n   b. second item.\n"
    )
    assert "disclaimer" not in by_path(inner)


def test_roman_items_past_iv_and_an_indented_list_after_long_prose():
    text = "1. Conditions.\n\nYou must:\n\n" + "".join(
        f"  {r}. rule number {r};\n\n" for r in ["i", "ii", "iii", "iv", "v", "vi", "vii"]
    )
    assert paths(text)[-3:] == ["1(v)", "1(vi)", "1(vii)"]
    prose = (
        "This license applies to any program. We explain here at some length what the terms are, so that\n"
        "everyone who uses the program knows the conditions of use and redistribution in full.\n\n"
        "   1. You may copy and share the Program in any medium.\n\n   2. You may change the Program.\n"
    )
    assert paths(prose) == ["1", "2"]


def test_part_prefixes_are_short_slugs_and_scripts_without_letters_are_numbered():
    from licenses.text.parts import part_name, short_slug, title_slug

    assert short_slug("BeOpen.com License Agreement for Python 2.0") == "beopen-com-license-agreement"
    assert title_slug(["Preamble", "GNU GENERAL PUBLIC LICENSE"]) == "gnu-general-public-license"
    assert title_slug(["条款结束"]) == ""
    assert part_name("PART B. DOWNLOADS - terms") == "part-b"
    assert part_name("Part C of this Agreement applies to all") == ""
    assert part_name("Exhibit A - Form of Notice") == "exhibit-a"
