"""licenses.text.unnumbered: where an unnumbered heading stands, and a numbered clause's own title.

Pure: whole small texts through :func:`segment`, and the segmenter's rules on one line each.
"""

from __future__ import annotations

import pytest

from licenses.text.segmentation import _Segmenter, segment


def rows(text: str) -> list[tuple[str, str, str]]:
    """(path, heading, text) of every segment."""
    return [(s.path, s.heading, s.text) for s in segment(text)]


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text)]


def read(text: str) -> _Segmenter:
    """A segmenter that has read ``text`` (its stack and drafts as at the end)."""
    seg = _Segmenter(text)
    seg.run()
    return seg


# --- headings between clauses ---------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["Page 2 of 9", "page 12/30", "Page 7", "- 3 -", "— 14 —", "3/9", "3 / 9"])
def test_a_page_mark_is_never_a_heading(mark):
    text = f"1. Grant.\n\nYou may copy.\n\n{mark}\n\n2. Fees.\n"
    assert paths(text) == ["1", "2"]
    assert segment(text)[0].text == f"You may copy.\n\n{mark}"


def test_a_line_in_capitals_straight_above_a_paragraph_in_mixed_case_heads_it():
    text = "1. Grant.\n\nYou may copy.\n\nNOTICE PURSUANT TO SECTION 9\nThis paragraph is in mixed case.\n\n2. Fees.\n"
    assert rows(text)[1] == (
        "notice-pursuant-to-section-9",
        "NOTICE PURSUANT TO SECTION 9",
        "This paragraph is in mixed case.",
    )


@pytest.mark.parametrize(
    "above, below",
    [
        ("NOTICE PURSUANT TO SECTION 9", "THIS PARAGRAPH IS IN CAPITALS."),  # no lower case below
        ("NOTICE PURSUANT TO SECTION 9", "this paragraph starts in lower case."),
        ("Notice pursuant to section 9", "This paragraph is in mixed case."),  # not capitals
        ("NOTICE PURSUANT TO SECTION 9,", "This paragraph is in mixed case."),  # no heading
        ("NOTICE PURSUANT TO SECTION 9", "3) This paragraph is in mixed case."),  # a label below
    ],
)
def test_a_line_straight_above_a_paragraph_heads_it_only_in_capitals_over_a_sentence(above, below):
    text = f"1. Grant.\n\nYou may copy.\n\n{above}\n{below}\n\n2. Fees.\n"
    assert paths(text) == ["1", "2"]


def test_the_first_line_of_the_text_above_a_paragraph_belongs_to_the_preamble():
    text = "NOTICE PURSUANT TO SECTION 9\nThis paragraph is in mixed case.\n\n1. Grant.\n\n2. Fees.\n"
    assert paths(text) == ["preamble", "1", "2"]


def test_a_line_not_after_a_blank_line_is_no_heading():
    text = "1. Grant.\n\nYou may copy.\nGENERAL\n\nSome words here.\n"
    assert paths(text) == ["1"]


def test_a_heading_line_over_100_characters_is_text():
    title = "Additional Terms For Those Who Distribute The Work " + "X" * 50
    text = f"1. Grant.\n\nYou may copy.\n\n{title}\n\n2. Fees.\n"
    assert len(title) == 101 and paths(text) == ["1", "2"]


LONG = "Additional Terms For Those Who Distribute The Work In Object Code Form Only Here"  # 80


def test_a_long_title_stands_alone_only_between_two_top_level_clauses():
    title = LONG + "Xy"  # 82 characters
    text = f"1. Grant.\n\nYou may copy.\n\n{title}\n\n2. Fees.\n"
    assert rows(text)[1] == ("additional-terms-for-those-who-distribut", title, "")
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{title}\n\n5. Fees.\n") == ["1"]  # not the next number
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{title}.\n\n2. Fees.\n") == ["1", "2"]  # a sentence
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{title[0].lower()}{title[1:]}\n\n2. Fees.\n") == ["1", "2"]
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{title}\n\n\n\n\n2. Fees.\n") == ["1", "2"]  # too far
    assert paths(f"{title}\n\n1. Fees.\n\n2. Grant.\n") == ["preamble", "1", "2"]


def test_a_title_of_80_characters_is_not_long():
    text = f"1. Grant.\n\nYou may copy.\n\n{LONG.upper()}\n\n7. Fees.\n"
    assert paths(text) == ["1", "additional-terms-for-those-who-distribut"]  # capitals: a heading
    text = f"1. Grant.\n\nYou may copy.\n\n{LONG.upper()}X\n\n7. Fees.\n"
    assert paths(text) == ["1"]  # 81: only as a title between two top-level clauses


@pytest.mark.parametrize(
    "title, slug",
    [
        ("How to Apply These Terms", "how-to-apply-these-terms"),
        ("Example Public License 1.1 - Exhibit B", "example-public-license-1-1-exhibit-b"),
        ("Example Public License: Annex 2", "example-public-license-annex-2"),
    ],
)
def test_an_appendix_is_a_heading_even_on_the_first_line(title, slug):
    assert rows(f"1. Grant.\n\nYou may copy.\n\n{title}\n\nSome words.\n")[1] == (slug, title, "Some words.")
    assert rows(f"{title}\n\nSome words.\n")[0] == (slug, title, "Some words.")


def test_the_title_on_the_first_line_belongs_to_the_preamble():
    assert rows("Example License\n\n1. Grant.\n\n2. Fees.\n")[0] == ("preamble", "", "Example License")


def test_an_underlined_line_is_a_heading_and_its_underline_no_text():
    text = "1. Grant.\n\nYou may copy.\n\nOther things\n============\nSome words.\n"
    assert rows(text)[1] == ("other-things", "Other things", "Some words.")


def test_a_markdown_heading_is_a_heading_without_its_marks():
    text = "1. Grant.\n\nYou may copy.\n\n## Other *things*\n\nSome words.\n"
    assert rows(text)[1] == ("other-things", "Other things", "Some words.")  # its emphasis too


def test_a_title_above_the_first_item_of_a_titled_list_heads_it():
    text = (
        "Intro words here.\n\nPermission for Use\n\n(1) You may use it.\n\n"
        "Permissions for Redistribution\n\n(2) You may share it.\n"
    )
    assert paths(text) == ["preamble", "permission-for-use", "(1)", "permissions-for-redistribution", "(2)"]


@pytest.mark.parametrize(
    "second",
    [
        "(2) You may share it.",  # the second item has no title of its own
        "Permissions for Redistribution\n(2) You may share it.",  # not a paragraph of its own
        "permissions for redistribution\n\n(2) You may share it.",  # no title
        "Permissions for Redistribution\n\n(3) You may share it.",  # not the second item
    ],
)
def test_a_title_above_a_first_item_heads_it_only_when_the_second_is_titled_too(second):
    text = f"Intro words here.\n\nPermission for Use\n\n(1) You may use it.\n\n{second}\n"
    assert "permission-for-use" not in paths(text)


def test_a_title_above_a_second_item_of_a_different_style_does_not_count():
    text = (
        "Intro words here.\n\nPermission for Use\n\n(1) You may use it.\n\n"
        "Other Title\n\n(a) You may share it.\n\nPermissions for Redistribution\n\n(2) You may share it.\n"
    )
    assert paths(text)[:3] == ["preamble", "permission-for-use", "(1)"]


def test_a_title_between_numbered_items_heads_the_next():
    text = "(1) You may use it.\n\nPermissions for Redistribution\n\n(2) You may share it.\n"
    assert paths(text) == ["(1)", "permissions-for-redistribution", "(2)"]


def test_a_titled_line_above_a_restart_opens_a_second_text():
    text = "1. You may copy.\n\n2. You may share.\n\nLicense Terms\n\n1. Definitions.\n\n2. Permissions.\n"
    assert paths(text) == ["1", "2", "license-terms/preamble", "license-terms/1", "license-terms/2"]
    # a sentence is no title, even above a new "1."
    prose = (
        "1. You may copy.\n\n2. You may share.\n\nthe terms follow\n\n1. Definitions.\n\n2. Permissions.\n"
    )
    assert rows(prose)[1] == ("2", "", "You may share.\n\nthe terms follow")


def test_a_line_in_capitals_is_a_heading():
    assert rows("1. You may copy.\n\nGENERAL\n\nSome words here.\n")[1] == (
        "general",
        "GENERAL",
        "Some words here.",
    )


def test_a_sentence_between_clauses_is_text():
    assert paths("1. You may copy.\n\nSome words here\n\nMore words.\n") == ["1"]


def test_a_title_naming_a_license_above_a_first_number_opens_the_next_document():
    text = "Intro.\n\n1. You may copy.\n\n2. You share.\n\nMozilla Public License Version 1.1\n\n1. Definitions.\n"
    assert paths(text)[-2:] == ["mozilla-public-license-version/preamble", "mozilla-public-license-version/1"]


def test_a_short_title_above_capitals_after_a_list_ends_the_list():
    text = (
        "1. Conditions:\n\n   a. keep it;\n\n   b. mark it.\n\nDisclaimer\n\n"
        "THE SOFTWARE IS PROVIDED AS IS WITHOUT ANY WARRANTY OF ANY KIND.\n"
    )
    assert [(s.path, s.parent) for s in segment(text)][3] == ("disclaimer", None)


def test_a_title_is_indented_less_than_the_paragraph_it_heads():
    text = "1. You may copy.\n\n2. You may share.\n\nCreative Commons Notice\n\n    Creative Commons is not a party.\n"
    assert rows(text)[2] == (
        "creative-commons-notice",
        "Creative Commons Notice",
        "Creative Commons is not a party.",
    )
    flat = "1. You may copy.\n\n2. You may share.\n\nCreative Commons Notice\n\nCreative Commons is not a party.\n"
    assert paths(flat) == ["1", "2"]


def test_a_title_deeper_than_the_clauses_around_it_is_their_words():
    text = "1. You may copy.\n\n2. You may share.\n\n  Creative Commons Notice\n\n      Creative Commons is not a party.\n"
    assert paths(text) == ["1", "2"]


def test_a_title_above_a_numbered_line_is_no_heading_of_a_paragraph():
    text = "1. You may copy.\n\n2. You may share.\n\nCreative Commons Notice\n\n    7. Creative Commons is not a party.\n"
    assert paths(text) == ["1", "2"]


def test_a_title_centred_over_the_paragraph_below_heads_it():
    para = "In no event shall the authors be liable for any claim or damages."
    title = "Limitations of Liability"
    text = f"1. You may copy.\n\n2. You may share.\n\n{' ' * 20}{title}\n\n{para}\n"
    assert paths(text)[2] == "limitations-of-liability"
    assert "limitations-of-liability" not in paths(
        f"1. You may copy.\n\n2. You may share.\n\n{' ' * 9}{title}\n\n{para}\n"
    )


def test_an_unnumbered_heading_opens_a_list_anew():
    text = "A. One.\n\nB. Two.\n\nGENERAL\n\nA. Three.\n"
    assert paths(text) == ["A", "B", "general", "general/A"]


# --- the rules one line at a time ----------------------------------------------------------------


def test_a_title_line_is_short_capitalised_unpunctuated_and_after_a_blank_line():
    seg = _Segmenter(
        "Grant of Rights\n\nGrant of Rights\nGrant of Rights\n\nGrant of rights:\n\n"
        "grant of Rights\n\n1. Grant of Rights\n\n" + "A" * 80 + "\n\n" + "A" * 81 + "\n"
    )
    assert [seg._title_line(j) for j in (0, 2, 3, 5, 7, 9, 11, 13)] == [
        True,  # the first line
        True,
        False,  # not after a blank line
        False,  # ends with ":"
        False,  # lower case
        False,  # a numbered line
        True,  # 80 characters
        False,  # 81
    ]


@pytest.mark.parametrize("end", [".", ",", ";", ":"])
def test_a_title_line_does_not_end_in_punctuation(end):
    assert _Segmenter(f"GRANT OF RIGHTS{end}\n")._title_line(0) is False


def test_a_centred_title_is_within_eight_columns_of_the_centre():
    para = "IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM OR DAMAGES."  # 65 wide: centre 32.5
    title = "Limits of L"  # 11 wide

    def centred(indent: int, below: str = para, para_indent: int = 0) -> bool:
        seg = _Segmenter(f"{' ' * indent}{title}\n\n{' ' * para_indent}{below}\n")
        return seg._centred_over(0, 2)

    assert centred(27) and centred(35) and centred(19)  # centre 32.5, 40.5, 24.5
    assert not centred(36) and not centred(18)  # 41.5, 23.5: more than 8 off
    assert centred(28, para_indent=1) and centred(36, para_indent=1)  # the paragraph's own margin counts
    assert not centred(37, para_indent=1)
    assert not centred(19, para_indent=10)  # less than 10 columns right of the paragraph
    assert centred(20, para_indent=10) is False  # centre 25.5 vs 42.5
    assert centred(37, para_indent=10)  # 42.5 vs 42.5
    short = "IN NO EVENT SHALL THE AUTHORS BE LIABLE"  # 39 wide
    assert not centred(14, below=short)
    assert centred(14, below=short + "X")  # 40 wide: centre 20 against 19.5
    assert not centred(26, below="in no event shall the authors be liable for any claim or damages.")
    assert not centred(26, below="1. IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM OR DAMAGES.")


def test_a_first_number_at_the_margin_opens_a_list():
    seg = _Segmenter("1. One\n0. Zero\nSection 1 Words\n  1. Indented\n2. Two\n1.1 Sub\nWords\n(a) Letter\n")
    assert [seg._opens_first(k) for k in range(8)] == [True, True, True, False, False, False, False, True]


def test_a_restart_is_a_first_number_below_the_top_levels_after_a_blank_line():
    seg = read("1. One.\n\n2. Two.\n\n3. Three.\n\n1. Again.\n")
    seg.stack = seg.stack[:1]
    seg.stack[0].value = (3,)
    text = "x\n\n1. a\n2. b\n\n3. c\n\n(1) d\n\n5. e\n"
    seg.text, seg.lines = text, _Segmenter(text).lines
    assert [seg._restarts_top(k) for k in (2, 3, 5, 7, 9)] == [True, False, False, False, False]
    seg.stack = []
    assert seg._restarts_top(2) is False


def test_the_next_sibling_at_the_top_continues_the_outermost_list():
    seg = read("1. One.\n\n   a) sub;\n\n   b) sub.\n")
    assert [lvl.path for lvl in seg.stack] == ["1", "1(b)"]
    text = "2. Two\nc) Three\n3. Three\n1.1 Sub\nWords\n"
    seg.text, seg.lines = text, _Segmenter(text).lines
    assert [seg._next_sibling_at_top(k) for k in range(5)] == [True, False, False, False, False]
    seg.stack = []
    assert seg._next_sibling_at_top(0) is False


# --- a numbered clause's own title, straight above its text -------------------------------------


def heading_above(rest: str, below: str) -> bool:
    seg = _Segmenter(f"2. {rest}\n{below}\n")
    return seg._heading_above_text(rest, seg.lines[1])


def test_a_title_in_capitals_or_short_sits_straight_above_a_sentence():
    assert heading_above("COMMERCIAL DISTRIBUTION", "Commercial distributors may copy.")
    assert heading_above("Definitions", "The words mean what they say.")
    assert heading_above("Definitions", '"Work" means the work.')
    assert heading_above("Definitions", "“Work” means the work.")
    assert heading_above("Definitions", "(a) the words.")
    assert heading_above("Definitions", "1999 was a year.")
    assert heading_above("  Definitions  ", "The words.")


@pytest.mark.parametrize(
    "rest",
    [
        "Definitions,",
        "Definitions;",
        "Definitions:",
        "Definitions.",
        "Definitions!",
        "Definitions?",
        "definitions",
        "",
        "   ",
    ],
)
def test_a_title_straight_above_text_ends_without_punctuation_and_starts_upper(rest):
    assert not heading_above(rest, "The words mean what they say.")


def test_a_title_straight_above_text_is_at_most_80_characters():
    assert heading_above("A" * 80, "The words.")
    assert not heading_above("A" * 81, "The words.")


def test_a_title_above_a_lower_case_item_must_read_as_a_title():
    assert heading_above("GRANT OF RIGHTS", "a.  Subject to the terms you may copy.")
    assert not heading_above("Grant of rights to you", "a.  Subject to the terms you may copy.")
    assert not heading_above("Definitions", "the words mean what they say.")  # no label: a wrapped line


def test_a_mixed_case_title_above_text_is_at_most_50_characters():
    title = "Definitions Of All The Words Used In This Licence"  # 49
    assert heading_above(title, "The words.")
    assert heading_above(title + "s", "The words.")  # 50
    assert not heading_above(title + "ss", "The words.")  # 51
    assert heading_above("DEFINITIONS OF ALL THE WORDS USED IN THIS LICENCE HERE OKAY", "The words.")


def test_a_sentence_case_title_sits_above_a_line_more_than_twice_its_length():
    rest = "Scope of the rights granted by the Licence"  # 42: not a title by its capitals
    assert heading_above(rest, "T" + "x" * 84)  # 85 > 84
    assert not heading_above(rest, "T" + "x" * 83)  # 84
    long = "Scope of the rights that are granted by this Licence to the you"  # 61
    assert not heading_above(long, "T" + "x" * 200)
    assert heading_above(long[:60].rstrip(), "T" + "x" * 200)


# --- adding the heading ---------------------------------------------------------------------------


def test_an_unnumbered_heading_is_a_draft_of_its_own_and_opens_a_new_list():
    seg = read("1. Grant.\n\nYou may copy.\n\n**OTHER THINGS**\n\nSome words.\n")
    draft = seg.drafts[-1]
    assert (draft.line, draft.label, draft.path, draft.depth, draft.parent, draft.heading) == (
        4,
        "",
        "other-things",
        0,
        None,
        "OTHER THINGS",
    )
    assert draft.body == seg.lines[4].end
    assert seg.accepted[4] and seg.heading_since


def test_an_underlined_heading_starts_its_text_after_the_underline():
    seg = read("1. Grant.\n\nYou may copy.\n\nOther Things\n------------\nSome words.\n")
    assert seg.drafts[-1].body == seg.lines[5].end
    assert seg.drafts[-1].heading == "Other Things"


def test_a_title_line_follows_a_blank_line_even_on_the_second_line():
    seg = _Segmenter("Intro\nGrant Of Rights\n\nGrant Of Rights X\n\nSection 2 Grant Of Rights\n")
    assert [seg._title_line(j) for j in (1, 3, 5)] == [False, True, False]  # X ends a title too


def test_a_centred_title_stands_at_least_ten_columns_right_of_the_paragraph():
    para = " " * 10 + "IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM OR DAMAGES."  # centre 42.5
    title = "T" * 40
    assert _Segmenter(f"{' ' * 20}{title}\n\n{para}\n")._centred_over(0, 2)  # centre 40, 10 columns right
    assert not _Segmenter(f"{' ' * 19}{title}\n\n{para}\n")._centred_over(0, 2)  # 9 columns right
    labelled = "A. IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY CLAIM OR DAMAGES."
    assert not _Segmenter(f"{' ' * 26}Limits of L\n\n{labelled}\n")._centred_over(0, 2)


def test_a_first_number_equal_to_the_top_level_is_no_restart():
    seg = read("1. One.\n")
    assert seg.stack[0].value == (1,)
    text = "x\n\n1. a\n"
    seg.text, seg.lines = text, _Segmenter(text).lines
    assert seg._restarts_top(2) is False


def test_a_title_ending_in_x_sits_above_its_text():
    assert heading_above("GRANT OF RIGHTS X", "The words.")


def test_a_sentence_case_title_above_text_is_at_most_60_characters():
    rest = "Scope of the rights that are granted to you by this Licences"
    assert len(rest) == 60
    assert heading_above(rest, "T" + "x" * 200)
    assert not heading_above(rest + "b", "T" + "x" * 200)


def test_a_heading_on_the_last_line_of_a_text_without_a_final_newline():
    assert rows("1. Grant.\n\nYou may copy.\n\nGENERAL TERMS X") == [
        ("1", "Grant.", "You may copy."),
        ("general-terms-x", "GENERAL TERMS X", ""),
    ]
    assert rows("1. Grant.\n\nYou may copy.\n\nOther things\n============")[1] == (
        "other-things",
        "Other things",
        "",
    )


def test_a_title_in_the_preamble_heads_only_a_numbered_list():
    assert paths("Intro words.\n\nSome Title Here\n\nPlain paragraph text.\n") == ["preamble"]
    assert paths("Intro words.\n\nPermission for Use\n\n(1) You may use it.\n") == [
        "preamble",
        "(1)",
    ]  # no second item
    text = "Intro words.\n\nPermission for Use\n\n(3) You may use it.\n\nOther Title\n\n(4) You may.\n"
    assert paths(text) == ["preamble"]  # not a first item


def test_a_long_title_may_be_100_characters_and_end_in_x():
    for title in ((LONG + "Y" * 30)[:100], LONG + "YX"):
        assert rows(f"1. Grant.\n\nYou may copy.\n\n{title}\n\n2. Fees.\n")[1] == (
            "additional-terms-for-those-who-distribut",
            title,
            "",
        )


def test_a_title_ending_in_x_heads_the_next_item_or_its_paragraph():
    text = "(1) You may use it.\n\nPermissions for Redistribution X\n\n(2) You may share it.\n"
    assert paths(text) == ["(1)", "permissions-for-redistribution-x", "(2)"]
    text = "1. You may copy.\n\n2. You may share.\n\nCreative Commons Notice X\n\n    Creative Commons is not a party.\n"
    assert rows(text)[2] == (
        "creative-commons-notice-x",
        "Creative Commons Notice X",
        "Creative Commons is not a party.",
    )


def test_a_title_case_line_with_nothing_below_is_text():
    assert paths("1. Grant.\n\nYou may copy.\n\nOther Things\n") == ["1"]


def test_an_appendix_on_the_first_line_straight_above_text_is_the_preamble():
    assert rows("How to Apply These Terms\nSome words.\n") == [
        ("preamble", "", "How to Apply These Terms\nSome words.")
    ]


def test_capitals_straight_above_a_lettered_item_are_no_heading():
    text = "1. Grant.\n\nYou may copy.\n\nNOTICE PURSUANT TO SECTION 9\nA. This paragraph is in mixed case.\n\n2. Fees.\n"
    assert paths(text) == ["1", "1(A)", "2"]


def test_the_clause_a_title_heads_is_at_most_three_lines_below():
    long = LONG + "Yy"
    assert (
        paths(f"1. Grant.\n\nYou may copy.\n\n{long}\n\n\n2. Fees.\n")[1]
        == "additional-terms-for-those-who-distribut"
    )
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{long}\n\n\n\n2. Fees.\n") == ["1", "2"]
    between = "(1) You may use it.\n\nPermissions for Redistribution\n\n{gap}(2) You may share it.\n"
    assert paths(between.format(gap="\n")) == ["(1)", "permissions-for-redistribution", "(2)"]
    assert paths(between.format(gap="\n\n")) == ["(1)", "(2)"]


def test_a_short_title_of_40_characters_above_capitals_ends_the_list():
    title = "Disclaimer Of Warranty And All Liability"  # 40
    text = (
        f"1. Conditions:\n\n   a. keep it;\n\n   b. mark it.\n\n{title}\n\n"
        "THE SOFTWARE IS PROVIDED AS IS WITHOUT ANY WARRANTY OF ANY KIND.\n"
    )
    assert [(s.path, s.parent) for s in segment(text)][3] == (
        "disclaimer-of-warranty-and-all-liability",
        None,
    )


# --- a license made of plain titled sections, no numbers at all ------------------------------------

SECTIONED = """Example Source License 1.0

URL: https://example.org/license

Acceptance

By using the software, you agree to all of the terms and conditions below.

Copyright License

The licensor grants you a non-exclusive, royalty-free, worldwide license to use,
copy and distribute the software, subject to the limitations below.

Limitations

You may not provide the software to third parties as a hosted or managed
service.

You may not remove or obscure any notices of the licensor in the software.

No Liability

As far as the law allows, the software comes as is, without any warranty.
"""


def test_plain_titles_of_an_unnumbered_license_head_its_sections():
    # Elastic-2.0, SUL-1.0: every section a title-case line of its own, with no number anywhere
    got = rows(SECTIONED)
    assert [p for p, _, _ in got] == ["preamble", "acceptance", "copyright-license", "limitations", "no-liability"]
    assert got[0][2] == "Example Source License 1.0\n\nURL: https://example.org/license"
    assert got[1][1] == "Acceptance"
    assert got[3][2].startswith("You may not provide") and got[3][2].endswith("notices of the licensor in the software.")


def test_two_plain_titles_are_not_enough_to_read_a_text_as_sections():
    text = SECTIONED.split("Limitations")[0]  # "Acceptance" and "Copyright License" only
    assert paths(text) == ["preamble"]


def test_plain_titles_leave_a_numbered_license_as_it_was():
    # in a numbered text, a title-case line standing alone stays in the text around it
    text = (
        "Example License\n\nPreamble\n\nThe licenses for most software take away your freedom.\n\n"
        "Terms of Use\n\nRead these terms.\n\nSome Further Words\n\nMore words here, and more.\n\n"
        "1. Grant.\n\nYou may copy.\n\n2. Fees.\n\nNo fee is due.\n"
    )
    assert paths(text) == ["preamble", "1", "2"]


def test_a_title_above_another_title_is_no_section_of_its_own():
    # "Sustainable Use License" / "Version 1.0" / "Acceptance": the version line stays in the preamble
    text = SECTIONED.replace("URL: https://example.org/license", "Version 1.0")
    assert paths(text) == ["preamble", "acceptance", "copyright-license", "limitations", "no-liability"]
    assert segment(text)[0].text == "Example Source License 1.0\n\nVersion 1.0"


def test_a_sentence_in_capitals_on_a_line_of_its_own_is_text_not_a_heading():
    # a license page's paragraphs come one to a line: a short disclaimer in capitals is no title
    text = "1. Grant.\n\nYou may copy.\n\n2. No Warranty\n\nTHE WORK IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND.\n"
    got = rows(text)
    assert [p for p, _, _ in got] == ["1", "2"]
    assert got[1][2].endswith("WITHOUT WARRANTY OF ANY KIND.")
    # a title in capitals still heads what follows
    assert paths("1. Grant.\n\nYou may copy.\n\nNO WARRANTY\n\nNone at all.\n") == ["1", "no-warranty"]
