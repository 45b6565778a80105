"""Unit tests for licenses.text.segmentation: each numbering form and pitfall on a small text."""

from licenses.text.segmentation import Segment, segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text) if s.label]


def by_path(text: str) -> dict[str, Segment]:
    return {s.path: s for s in segment(text)}


def test_empty_and_blank_text_give_no_segments():
    assert segment("") == []
    assert segment(" \n\t\n") == []


def test_plain_numbers_with_heading_on_its_own_line():
    text = (
        "1. Definitions.\n\n"
        '"License" shall mean the terms and conditions for use.\n\n'
        "2. Grant of Copyright License.\n\n"
        "Subject to the terms of this License, each Contributor grants You a license.\n"
    )
    segs = by_path(text)
    assert segs["2"].label == "2."
    assert segs["2"].heading == "Grant of Copyright License."
    assert segs["2"].text == "Subject to the terms of this License, each Contributor grants You a license."
    assert segs["2"].anchor == "2"


def test_paren_numbers_and_letters():
    text = "1) Grant. Licensor grants You:\n\n   a) to reproduce the Work;\n\n   b) to perform it.\n\n2) Patents. None.\n"
    assert paths(text) == ["1", "1(a)", "1(b)", "2"]


def test_decimal_numbers_nest_under_their_section_and_are_not_reprefixed():
    text = (
        "1. Definitions\n\n"
        '1.1. "Contributor"\n    means each individual.\n\n'
        '1.2. "Licensable"\n    means having the right.\n\n'
        "2. License Grants\n\n"
        "2.1. Grants\n\nEach Contributor grants You:\n\n"
        "(a) under intellectual property rights; and\n\n"
        "(b) under Patent Claims.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs if s.label] == ["1", "1.1", "1.2", "2", "2.1", "2.1(a)", "2.1(b)"]
    b = next(s for s in segs if s.path == "2.1(b)")
    assert b.anchor == "2.1.b"
    assert b.depth == 2
    assert segs[b.parent].path == "2.1"


def test_decimal_without_trailing_dot_and_deep_roman_items():
    text = (
        "1.\tDEFINITIONS\n\nWords.\n\n2.\tLICENSE RIGHTS\n\n2.1\tGrant of Rights\n\n"
        "(a)\tSubject to the conditions in Section 2.2 of this License, the Licensor grants You:\n\n"
        "(i)\tmake and use the Licensed Materials;\n\n(ii)\tcreate Derivative Materials; and\n\n"
        "2.2\tConditions\n\n(a)\tIf You Distribute, You shall:\n\n(i)\tprovide a copy of this License;\n\n"
        "(b)\tYou agree not to use the Model:\n\n(i)\tfor any illegal purpose;\n"
    )
    assert paths(text) == [
        "1",
        "2",
        "2.1",
        "2.1(a)",
        "2.1(a)(i)",
        "2.1(a)(ii)",
        "2.2",
        "2.2(a)",
        "2.2(a)(i)",
        "2.2(b)",
        "2.2(b)(i)",
    ]
    segs = by_path(text)
    assert segs["2"].heading == "LICENSE RIGHTS"
    assert segs["2.1"].heading == "Grant of Rights"
    assert segs["2.2(b)(i)"].label == "(i)"
    assert segs["2.2(b)(i)"].text == "for any illegal purpose;"


def test_printed_full_address_is_its_own_path():
    text = "1. Conditions\n\n1.1 Distribution\n\n1.1(a) Keep notices.\n\n1.1(b) Mark changes.\n"
    assert paths(text) == ["1", "1.1", "1.1(a)", "1.1(b)"]


def test_upper_letters_and_lower_letters_with_dots():
    text = "a. License grant.\n\n  1. Subject to the terms, You may:\n\n    A. reproduce the work;\n\n    B. share it.\n\n  2. Exceptions.\n\nb. Scope.\n"
    assert paths(text) == ["a", "a(1)", "a(1)(A)", "a(1)(B)", "a(2)", "b"]


def test_i_after_h_is_a_letter():
    items = "".join(f"{c}. Term {c.upper()} means something.\n\n" for c in "abcdefghijk")
    assert paths("Definitions:\n\n" + items) == list("abcdefghijk")


def test_i_then_ii_is_roman_even_after_h():
    text = (
        "".join(f"({c}) Item {c} applies.\n\n" for c in "abcdefg")
        + "(h) Eighth, which covers:\n\n(i) the first case;\n\n(ii) the second case.\n\n(i) Ninth.\n"
    )
    assert paths(text)[6:] == ["(g)", "(h)", "(h)(i)", "(h)(ii)", "(i)"]


def test_roman_numerals_with_dots():
    text = "1. Conditions.\n\n1.1 Share alike.\n\n  a. Any Derivative Database must be under:\n\n    i. This License;\n\n    ii. A later version;\n\n    iii. A compatible license.\n\n    iv. Another one.\n"
    labels = [s.label for s in segment(text) if s.label]
    assert labels == ["1.", "1.1", "a.", "i.", "ii.", "iii.", "iv."]
    assert paths(text)[-1] == "1.1(a)(iv)"


def test_section_article_and_paragraph_sign():
    text = (
        "Section 1 – Definitions.\n\n  a. Adapted Material means material.\n\n  b. Licensor means you.\n\n"
        "Section 2 – Scope.\n\n  a. License grant.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs if s.label] == [
        "Section 1",
        "Section 1(a)",
        "Section 1(b)",
        "Section 2",
        "Section 2(a)",
    ]
    assert segs[0].label == "Section 1"
    assert segs[0].heading == "Definitions."
    text = "Article 1 - DEFINITIONS\n\nWords.\n\nArticle 2 - PURPOSE\n\n2.1 The purpose is this.\n"
    assert paths(text) == ["Article 1", "Article 2", "2.1"]
    text = "§ 1 Scope\n\nThis applies.\n\n§ 2 Grant\n\nYou may.\n"
    assert [s.label for s in segment(text) if s.label] == ["§ 1", "§ 2"]


def test_zero_based_numbering():
    text = "TERMS AND CONDITIONS\n\n0. Definitions.\n\nWords.\n\n1. Source Code.\n\nMore words.\n"
    assert paths(text) == ["0", "1"]


def test_all_caps_heading_is_unnumbered_and_numbering_continues():
    text = (
        "1. You may copy.\n\n2. You may modify.\n\nNO WARRANTY\n\n"
        "3. BECAUSE THE PROGRAM IS LICENSED FREE OF CHARGE, THERE IS NO WARRANTY.\n\nEND OF TERMS AND CONDITIONS\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["1", "2", "no-warranty", "3", "end-of-terms-and-conditions"]
    assert segs[2].label == "" and segs[2].heading == "NO WARRANTY"


def test_definitions_list_gives_one_segment_per_definition():
    text = (
        "1.\tDEFINITIONS\n\n"
        '"Derivative Works" means all improvements to the Licensed Materials.\n\n'
        "\u201cLicensor\u201d means the rights owner.\n\n"
        "'You' (or 'Your') means you.\n\n"
        "2.\tGRANT\n\nYou may use it.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["1", "1.def-derivative-works", "1.def-licensor", "1.def-you", "2"]
    d = segs[1]
    assert (d.label, d.depth, d.parent) == ("", 1, 0)
    assert d.text.startswith('"Derivative Works" means')
    assert len({s.anchor for s in segs}) == len(segs)


def test_preamble_and_appendix():
    text = (
        "Example Public License\nVersion 1.0\n\nPreamble text about freedom.\n\n"
        "1. Grant. You may use it.\n\n2. Warranty. None.\n\n"
        "How to apply these terms to your new programs\n\n1. Attach the notices to the program.\n"
    )
    segs = segment(text)
    assert segs[0].path == "preamble" and segs[0].label == ""
    assert segs[0].text.startswith("Example Public License")
    assert [s.path for s in segs][:3] == ["preamble", "1", "2"]
    assert segs[3].path.startswith("how-to-apply-these-terms")
    assert segs[3].heading == "How to apply these terms to your new programs"
    assert segs[4].path == "how-to-apply-these/1"  # steps of the appendix, not clause 1 again
    assert len({s.anchor for s in segs}) == len(segs)


def test_numbers_inside_sentences_are_not_clause_starts():
    text = (
        "1. Grant. The licenses granted in Section 2.2 of this License apply to the version\n"
        "2 or later of the Program, and to anything described in Section\n"
        "7. No other rights are granted.\n\n"
        "2. Termination.\n\n"
        "Section 2.2 of this License survives.\n\n"
        "1.1 or earlier versions are not covered.\n"
    )
    assert paths(text) == ["1", "2"]


def test_hard_wrapped_lines_with_trailing_spaces_tabs_bom_crlf_and_form_feeds():
    text = (
        "\ufeffSample License   \r\n\r\n"
        "1.\tDefinitions   \r\n\r\n"
        "Words that wrap across   \r\n"
        "lines copied from a PDF.   \r\n\f"
        "2.\tGrant   \r\n\r\n"
        "a)\tto copy;   \r\n\r\n"
        "b)\tto share.\r\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["preamble", "1", "2", "2(a)", "2(b)"]
    assert segs[0].start == 0
    assert segs[1].heading == "Definitions"
    assert segs[1].text == "Words that wrap across   \r\nlines copied from a PDF."
    assert text[segs[2].start : segs[2].end].startswith("2.\tGrant")


def test_markdown_headings_and_lists():
    text = (
        "# Example License\n\n## 1. Definitions\n\nSome words.\n\n## 2. Grant\n\n"
        "Subject to this License, you may:\n\n1. copy the work;\n2. share the work.\n\n"
        "## Trademarks\n\nNo rights in marks.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == ["preamble", "1", "2", "2(1)", "2(2)", "trademarks"]
    assert segs[1].heading == "Definitions"
    assert segs[5].heading == "Trademarks" and segs[5].text == "No rights in marks."


def test_second_list_after_a_colon_restarts_numbering():
    text = (
        "### Permitted Purpose\n\nA Competing Use means a service that:\n\n1. substitutes for the Software;\n\n"
        "2. offers the same functionality.\n\nPermitted Purposes include:\n\n1. internal use;\n\n2. research.\n"
    )
    # the second list restarts at 1 and, with no heading between, gets its own address space
    assert paths(text) == ["1", "2", "list-2/1", "list-2/2"]


def test_letter_skipped_inline_is_still_followed():
    text = (
        "1. Modifications.\n\n"
        + "".join(f"  {c}. Do item {c}.\n\n" for c in "ABCDE")
        + "  F. Include a notice.\n\n  G. Preserve the lists. H. Include a copy.\n\n  I. Preserve the History.\n\n  J. Preserve the location.\n"
    )
    assert paths(text)[6:] == ["1(F)", "1(G)", "1(I)", "1(J)"]


def test_labels_without_a_space():
    text = "1.Definitions\nIn this Licence the terms mean:\n\n2.Scope of the rights\nThe Licensor grants.\n\n5.1. Thing\n"
    assert paths(text) == ["1", "2"]


def test_spans_text_and_parents_are_consistent():
    text = "Intro.\n\n1. You may copy it.\n\n  (a) as you like; and\n\n  (b) when you like.\n\n2. You may share it.\n"
    segs = segment(text)
    for k, s in enumerate(segs):
        assert s.text in text[s.start : s.end]
        if s.parent is not None:
            assert s.parent < k and segs[s.parent].depth == s.depth - 1
        else:
            assert s.depth == 0
    assert [s.text for s in segs] == [
        "Intro.",
        "You may copy it.",
        "as you like; and",
        "when you like.",
        "You may share it.",
    ]


def test_inline_heading_is_split_from_the_text():
    text = (
        "1. Grant of Copyright License. Subject to the terms of this License, you may copy the Work.\n\n"
        "2. This License applies. It covers everything.\n\n"
        "3. Trademarks. No trademark rights are granted.\n"
    )
    segs = {s.path: s for s in segment(text)}
    assert (segs["1"].heading, segs["1"].text) == (
        "Grant of Copyright License.",
        "Subject to the terms of this License, you may copy the Work.",
    )
    assert segs["2"].heading == ""
    assert segs["2"].text.startswith("This License applies.")
    assert segs["3"].heading == "Trademarks."
