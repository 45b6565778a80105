"""licenses.text.segmentation's own rules, one small text each: which numbered lines are clauses
(candidates), where an accepted clause goes (placement), and its title."""

from __future__ import annotations

import pytest

from licenses.text.assembly import Draft
from licenses.text.numbering import parse_label
from licenses.text.segmentation import Segment, _Segmenter, segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text)]


def by_path(text: str) -> dict[str, Segment]:
    return {s.path: s for s in segment(text)}


SCOPE = "1. Scope.\n\nWords.\n\n"


# -- candidates: a number that starts a wrapped line is no clause -----------------------


def test_a_worded_number_followed_by_lower_case_words_is_a_reference():
    text = SCOPE + "2. Terms.\n\nAs set out in\n\nSection 2 of this License applies.\n"
    assert paths(text) == ["1", "2"]


def test_a_decimal_number_without_a_dot_followed_by_lower_case_is_a_reference():
    assert paths(SCOPE + "1.1 or earlier versions apply.\n\n1.2 Terms.\n") == ["1", "1.2"]
    # with its dot it is a clause whose words start in lower case
    assert paths(SCOPE + "1.1. or earlier versions apply.\n\n1.2. Terms.\n") == ["1", "1.1", "1.2"]


def test_a_number_right_under_an_unfinished_line_is_a_wrapped_line():
    text = SCOPE + "2. Terms.\n\nThe fee is set out here\n3. you must pay it.\n"
    assert paths(text) == ["1", "2"]
    assert by_path(text)["2"].text == "The fee is set out here\n3. you must pay it."


@pytest.mark.parametrize("end", ["here.", "here;", "here, and", "here:", "here)"])
def test_a_number_right_under_a_finished_line_is_a_clause(end: str):
    text = SCOPE + f"2. Terms.\n\nThe fee is set out {end}\n3. you must pay it.\n"
    assert paths(text) == ["1", "2", "3"]


def test_a_number_under_an_underline_is_a_clause():
    assert paths(SCOPE + "The fee is set out here\n-----\n2. Terms.\n")[-1] == "2"


def test_a_title_alone_on_its_line_under_an_unfinished_line_is_a_clause_unless_the_line_cites_it():
    assert paths(SCOPE + "The fee is set out here\n2. Terms\n\nWords.\n") == ["1", "2"]
    assert paths(SCOPE + "The fee is set out in\n2. Terms\n\nWords.\n") == ["1"]
    assert paths(SCOPE + "The fee is set out here\n2. Terms\nWords.\n") == ["1"]


GRANT = SCOPE + "2. Grant.\n\nThe Author grants you a licence\n"


def test_a_first_item_right_of_an_unfinished_line_confirmed_by_the_next_in_line_opens_a_list():
    text = GRANT + "   (a) to copy the work;\n\n   (b) to share it.\n"
    assert paths(text) == ["1", "2", "2(a)", "2(b)"]
    assert by_path(text)["2"].text == "The Author grants you a licence"


@pytest.mark.parametrize(
    "items",
    [
        "   (a) to copy the work\n   (b) to share it.\n",  # the first item did not end
        "   (a) to copy the work;\n\n   (c) to share it.\n",  # no second item
        "   (a) to copy the work;\n\n     (b) to share it.\n",  # the second is not in line
    ],
)
def test_an_unconfirmed_first_item_under_an_unfinished_line_is_a_wrapped_line(items: str):
    assert "2(a)" not in paths(GRANT + items)


TERMS = SCOPE + "2. Terms:\n\n  1. the work is copied,\n  2. the work is\n  documented,\n"


def test_the_next_item_of_a_list_whose_items_end_with_commas():
    text = TERMS + "  3. the Licensee pays.\n"
    assert paths(text) == ["1", "2", "2(1)", "2(2)", "2(3)"]
    assert by_path(text)["2(2)"].text == "the work is\n  documented,"


@pytest.mark.parametrize(
    "text",
    [
        TERMS.replace("copied,", "copied;") + "  3. the Licensee pays.\n",  # the item before ended otherwise
        TERMS + "    3. the Licensee pays.\n",  # not in line
        TERMS + "  4. the Licensee pays.\n",  # not the next number
    ],
)
def test_a_number_after_a_comma_that_is_not_the_next_item_of_a_comma_list_is_a_wrapped_line(text: str):
    assert "2(3)" not in paths(text) and "2(4)" not in paths(text)


def test_markdown_headings_number_a_scheme_of_their_own():
    text = "## 1. Grant\n\n1. copy.\n\n2. share.\n\n## 2. Limits\n\nNone.\n"
    assert paths(text) == ["1", "1(1)", "1(2)", "2"]
    assert by_path(text)["2"].heading == "Limits"


# -- the segmenter's small helpers ------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "new", "continues"),
    [
        ((1,), (2,), True),
        ((1,), (3,), False),
        ((2,), (2,), False),
        ((2, 1), (2, 2), True),
        ((2, 1), (3, 1), True),  # the next section's first child
        ((2, 3), (3, 0), True),
        ((2, 3), (3, 2), False),
        ((2, 3), (4, 1), False),
        ((1, 2, 3), (1, 3, 1), True),
        ((1, 2, 3), (2, 3, 1), False),
        ((1,), (1, 1), False),
    ],
)
def test_continues(last, new, continues):
    assert _Segmenter._continues(last, new) is continues


def test_indent_counts_columns_from_the_line_start():
    seg = _Segmenter("a\n   b\n\tc")
    assert [seg._indent(i) for i in range(3)] == [0, 3, 1]


def test_a_run_of_identical_rejected_lines_is_decided_once():
    text = "Intro.\n\n" + "1.\n" * 5 + "\nEnd.\n"
    assert [s.path for s in segment(text)] == ["preamble", "1"]
    seg = _Segmenter("x y\nx y\nx y\nx z\n")
    assert [seg._same_as_two_above(i) for i in range(4)] == [False, False, True, False]
    seg = _Segmenter("x y\nx yy\nx y\n")
    assert not seg._same_as_two_above(2)


# -- titles -----------------------------------------------------------------------------


def test_a_title_on_the_line_under_a_number_alone():
    text = "ARTICLE I\nDEFINITIONS\n\nWords here.\n\nARTICLE II\nGRANT\nThe Author grants you a licence.\n"
    got = by_path(text)
    assert [(s.heading, s.text) for s in got.values()] == [
        ("DEFINITIONS", "Words here."),
        ("GRANT", "The Author grants you a licence."),
    ]
    assert got["ARTICLE II"].start == text.index("ARTICLE II")


@pytest.mark.parametrize(
    "text",
    [
        "ARTICLE I\nDEFINITIONS\nWORDS HERE\n\nARTICLE II\nGRANT\n\nWords.\n",  # a title under the title
        "ARTICLE I\n\nDEFINITIONS\n\nWords.\n\nARTICLE II\nGRANT\n\nWords.\n",  # a blank line under the number
    ],
)
def test_no_title_under_a_number_unless_a_blank_line_or_a_sentence_follows_it(text: str):
    assert by_path(text)["ARTICLE I"].heading == ""


def test_a_numbered_line_under_a_number_alone_is_no_title():
    got = by_path("ARTICLE I\n1. Definitions\n\nWords.\n")
    assert [(s.path, s.heading, s.text) for s in got.values()] == [
        ("ARTICLE I", "", ""),
        ("ARTICLE I(1)", "Definitions", "Words."),
    ]


def test_a_title_underlined():
    text = "1. Grant\n-------\n\nYou may.\n\n2. Limits\n=========\n\nNone.\n"
    got = by_path(text)
    assert [(s.heading, s.text) for s in got.values()] == [("Grant", "You may."), ("Limits", "None.")]


def test_items_that_are_sentences_have_no_titles():
    got = by_path("1. Keep the notices intact.\n\n2. Mark your changes.\n")
    assert [(s.heading, s.text) for s in got.values()] == [
        ("", "Keep the notices intact."),
        ("", "Mark your changes."),
    ]


def test_an_item_after_a_titled_sibling_keeps_its_title():
    got = by_path("1. Restrictions. Keep the notices intact.\n\n2. Mark your changes.\n")
    assert got["1"].heading == "Restrictions."
    assert (got["2"].heading, got["2"].text) == ("", "Mark your changes.")


def test_a_title_straight_above_its_text():
    got = by_path(
        "1. Inability to Comply.\nIf you cannot comply, stop.\n\n2. Scope of Use.\nThis License applies to all.\n"
    )
    assert [(s.heading, s.text) for s in got.values()] == [
        ("Inability to Comply.", "If you cannot comply, stop."),
        ("Scope of Use.", "This License applies to all."),
    ]


# -- placement --------------------------------------------------------------------------

FOUR = "1. A.\n\n2. B.\n\n3. C.\n\n4. You must meet these conditions:\n\n"


def test_a_number_that_continues_two_lists_goes_to_the_one_in_line_with_it():
    text = FOUR + "    1. one;\n\n    2. two;\n\n    3. three;\n\n    4. four.\n\n5. E.\n"
    got = by_path(text)
    assert list(got) == ["1", "2", "3", "4", "4(1)", "4(2)", "4(3)", "4(4)", "5"]
    assert (got["5"].depth, got["5"].parent) == (0, None)
    assert (got["4(4)"].depth, got["4(4)"].parent) == (1, 3)


def test_a_second_list_of_the_same_kind_after_a_lead_in_with_a_colon():
    text = (
        "1. Grant.\n\nYou may:\n\n  (a) copy;\n\n  (b) share.\n\nYou may not:\n\n  (a) sell;\n\n  (b) lie.\n"
    )
    assert paths(text) == ["1", "1(a)", "1(b)", "1.list-2", "1.list-2(a)", "1.list-2(b)"]


def test_an_indented_list_of_the_same_kind_under_an_item_ending_with_a_colon():
    text = "1. Grant:\n\n  (a) You may, provided that:\n\n      (a) you pay;\n\n      (b) you credit.\n\n  (b) Limits.\n"
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(a)(a)", "1(a)(b)", "1(b)"]
    assert got["1(b)"].depth == 1


def test_a_first_item_of_the_same_kind_in_line_without_a_colon_is_no_new_list():
    text = "1. Grant:\n\n  (a) You may, provided\n\n  (a) you pay;\n\n  (b) you credit.\n"
    assert paths(text) == ["1", "1(a)", "1(b)"]


def test_numbering_from_zero_again_under_a_title_is_a_second_text():
    text = "0. Definitions\n\n1. Grant\n\nTRANSLATION\n\n0. Definitions\n\n1. Grant\n"
    assert [p for p in paths(text) if "/" in p] == ["translation/preamble", "translation/0", "translation/1"]


def test_an_address_places_itself_under_the_clause_with_its_number():
    text = "1. Scope.\n\n2. Grant.\n\n2.1 Rights.\n\n2.2 Limits.\n\n2.2(b) You may copy.\n\n2.2(c) You may share.\n"
    got = by_path(text)
    assert list(got) == ["1", "2", "2.1", "2.2", "2.2(b)", "2.2(c)"]
    assert (got["2.2(c)"].parent, got["2.2(c)"].depth) == (3, 2)
    # no open clause holds "2.2": the address stays in the text
    text = "1. Scope.\n\n2. Grant.\n\n2.1 Rights.\n\n2.2(b) You may copy.\n"
    assert paths(text) == ["1", "2", "2.1"]


def test_a_decimal_whose_elder_sibling_is_missing_places_itself():
    got = by_path("1. Grant.\n\n2. Terms.\n\n3. Law.\n\n3.2 Venue.\n")
    assert (got["3.2"].parent, got["3.2"].depth) == (2, 1)


def test_roman_or_letter():
    # "(i)" then "(ii)": roman numerals; "(i)" after "(h)": the ninth letter
    assert paths("1. Grant. You may:\n\n  (i) copy;\n\n  (ii) share.\n") == ["1", "1(i)", "1(ii)"]
    letters = "1. Grant.\n\n" + "".join(f"  ({c}) item {c}.\n\n" for c in "abcdefghi")
    assert paths(letters)[-2:] == ["1(h)", "1(i)"]
    assert by_path(letters)["1(i)"].depth == 1
    # "(i)" after "(b)", "(h)" being inline: a roman first item under (b)
    skipped = "1. Grant.\n\n  (a) You may:\n\n  (b) copy;\n\n  (h) share.\n\n  (i) adapt.\n"
    assert paths(skipped) == ["1", "1(a)", "1(b)", "1(b)(i)"]


def test_a_short_title_in_capitals_after_a_finished_line_lets_the_number_under_it_start():
    text = "Some words here.\nCOPYING POLICIES\n1. You may copy the work.\n\n2. You may share it.\n"
    assert paths(text) == ["preamble", "1", "2"]
    # after an unfinished line the capitals may be a wrapped line; over 60 characters they are
    assert paths(text.replace("here.", "here")) == ["preamble"]
    for width, starts in ((60, True), (61, False)):
        title = ("COPYING POLICIES OF THE WORK " + "X" * 40)[:width]
        long = f"Some words here.\n{title}\n1. You may copy the work.\n\n2. You may share it.\n"
        assert (paths(long) == ["preamble", "1", "2"]) is starts


def test_lists_nest_six_deep_at_most():
    text = (
        "1. A:\n\n  (a) b:\n\n    (i) c:\n\n      (A) d:\n\n        (I) e:\n\n"
        "          1) f:\n\n            [a] g:\n\n              [1] h.\n"
    )
    segs = segment(text)
    assert [s.depth for s in segs] == [0, 1, 2, 3, 4, 5, 6, 6]
    assert segs[-1].path == "1(a)(i)(A)(I)(1)(1)"
    assert segs[-1].parent == 5


GENERAL = "\n\nGENERAL PROVISIONS\n\nWords here.\n"


@pytest.mark.parametrize(
    ("items", "heading", "text"),
    [
        # the last of a list of sentences: a sentence too
        (
            "A. Keep all the notices of the work intact.\n\n  B. Preserve any Warranty Disclaimers.",
            "",
            "Preserve any Warranty Disclaimers.",
        ),
        # an elder with a title: a title
        (
            "A. Restrictions. Keep all the notices.\n\n  B. Preserve any Warranty Disclaimers.",
            "Preserve any Warranty Disclaimers.",
            "",
        ),
        # words that read as a title of their own
        (
            "A. Keep all the notices of the work intact.\n\n  B. Limitation on Liability.",
            "Limitation on Liability.",
            "",
        ),
        # no full stop: no sentence
        (
            "A. Keep all the notices of the work intact.\n\n  B. Preserve any Warranty Disclaimers",
            "Preserve any Warranty Disclaimers",
            "",
        ),
        # an elder whose words read as a title
        ("A. Keep all.\n\n  B. Preserve any Warranty Disclaimers.", "Preserve any Warranty Disclaimers.", ""),
        # an elder without words
        ("A.\n\n  B. Preserve any Warranty Disclaimers.", "Preserve any Warranty Disclaimers.", ""),
    ],
)
def test_a_last_item_alone_on_its_line_is_a_sentence_when_its_elder_is_one(
    items: str, heading: str, text: str
):
    got = by_path("1. Grant.\n\n  " + items + GENERAL)
    assert (got["1(B)"].heading, got["1(B)"].text) == (heading, text)


def test_a_sentence_title_alone_on_its_line():
    text = "1. Scope of the rights granted\n\nThe Licensor grants you these rights.\n\n2. Term of the licence\n\nIt ends.\n"
    got = by_path(text)
    assert [(s.heading, s.text) for s in got.values()] == [
        ("Scope of the rights granted", "The Licensor grants you these rights."),
        ("Term of the licence", "It ends."),
    ]


def test_a_markdown_heading_is_a_title_above_its_text():
    assert [(s.heading, s.text) for s in segment("## 1. **Grant**\nYou may.\n")] == [("Grant", "You may.")]


def test_a_letter_i_after_a_skipped_h_is_the_ninth_letter():
    text = (
        "1. Grant.\n\n"
        + "".join(f"  ({c}) item {c}.\n\n" for c in "abcdef")
        + "  (g) item g. (h) item h.\n\n  (i) item i.\n\n  (j) item j.\n"
    )
    got = by_path(text)
    assert list(got)[-3:] == ["1(g)", "1(i)", "1(j)"]
    assert got["1(i)"].depth == 1


def test_the_next_roman_numeral_is_looked_for_past_labels_of_another_print():
    text = "1. Grant.\n\nThe licence covers:\n\n  (i) copying;\n\n  1. a note\n\n  (ii) sharing.\n"
    got = by_path(text)
    assert list(got) == ["1", "1(i)", "1(ii)"]
    assert got["1(i)"].text == "copying;\n\n  1. a note"


def test_a_markdown_heading_after_an_unfinished_line_is_a_clause():
    text = "## 1. Grant\n\nSome words that go on\n## 2. Limits\n\nNone.\n"
    assert [(s.path, s.heading, s.text) for s in segment(text)] == [
        ("1", "Grant", "Some words that go on"),
        ("2", "Limits", "None."),
    ]


def test_a_title_under_a_number_needs_a_line_after_it_even_at_the_end_of_the_text():
    head = "ARTICLE I\nDEFINITIONS\n\nWords here.\n\nARTICLE II\nGRANT"
    assert [(s.heading, s.text) for s in segment(head + "\nThe Author grants.")][-1] == (
        "GRANT",
        "The Author grants.",
    )
    assert [(s.heading, s.text) for s in segment(head)][-1] == ("", "GRANT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "1. Grant.\n\n2. Terms.\n\n2.1 One.\n\n2.3 Three.\n",
            ["1", "2", "2.1", "2.3"],
        ),  # after a lower sibling
        ("1. Grant.\n\n2. Terms.\n\n2.4 Four.\n\n2.3 Three.\n", ["1", "2", "2.4"]),  # not after a higher one
        (
            "1. Grant.\n\n2. Terms.\n\n  (a) one.\n\n2.3 Three.\n",
            ["1", "2", "2(a)"],
        ),  # nor after another print
    ],
)
def test_a_decimal_with_a_missing_elder_places_itself_only_after_a_lower_sibling(
    text: str, expected: list[str]
):
    assert [s.path for s in segment(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "1. Keep the notices.\n2. Mark your changes.\nThat is all you must do.\n",
        "1. Do not remove the notices from\n   the software.\n\n2. Do not sell the software\n   to anyone.\n\n"
        "To contribute, write to the author.\n",
    ],
)
def test_words_after_a_list_are_a_notice_whatever_follows_them(text: str):
    # only a paragraph in capitals is named by what follows it
    got = paths(text + "\nNO WARRANTY IS GIVEN.\n")
    assert "notice" in got and "disclaimer" not in got


def test_a_closing_paragraph_ending_with_a_colon_leads_in_a_second_list():
    head = (
        "1. Scope.\n\nWords.\n\n2. Requirements\nYou may distribute the work, provided that:\n"
        "a. you keep the notices; and\nb. you mark changes.\n"
    )
    tail = "a. it must be complete; and\nb. it must be readable.\n"
    colon = paths(head + "When you share the source code:\n" + tail)
    assert colon == ["1", "2", "2(a)", "2(b)", "2.list-2", "2.list-2(a)", "2.list-2(b)"]
    plain = paths(head + "When you share the source code\n" + tail)
    assert plain == ["1", "2", "2(a)", "2(b)", "2.closing", "2.list-2(a)", "2.list-2(b)"]


@pytest.mark.parametrize(
    ("letters", "first", "second"), [("abcdefgh", "(i)", "(ii)"), ("ABCDEFGH", "(I)", "(II)")]
)
def test_an_i_after_h_followed_by_ii_opens_a_list_of_numerals(letters: str, first: str, second: str):
    text = (
        "1. Grant.\n\n"
        + "".join(f"  ({c}) item {c}:\n\n" for c in letters)
        + f"    {first} one;\n\n    {second} two.\n"
    )
    h = f"1({letters[-1]})"
    assert paths(text)[-3:] == [h, f"{h}{first}", f"{h}{second}"]
    assert by_path(text)[f"{h}{second}"].depth == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("COPYING POLICIES\n1. You may copy the work", ["preamble", "1"]),  # the first line
        (
            "Intro words\n\nCOPYING POLICIES\n1. You may copy the work",
            ["preamble", "1"],
        ),  # after a blank line
        ("1. Scope of it\nCOPYING POLICIES\n2. You may copy the work", ["1", "2"]),  # after a clause
        ("Intro words\nCOPYING POLICIES\n1. You may copy the work", ["preamble"]),  # after a wrapped line
    ],
)
def test_a_title_in_capitals_stands_alone_at_the_start_after_a_blank_line_or_a_clause(
    text: str, expected: list[str]
):
    assert paths(text) == expected


# -- the segmenter's rules called on their own ------------------------------------------


def test_titled_like_an_elder_sibling_with_a_title():
    seg = _Segmenter("x\nThis License applies.\nthis one applies.\n")
    upper, lower = seg.lines[1], seg.lines[2]
    elder = Draft(0, "1.", "1", 0, None, heading="Inability to Comply.")
    bare = Draft(0, "1.", "1", 0, None, heading="Inability to Comply")
    assert seg._titled_like(elder, "Application of the Work.", upper)
    assert seg._titled_like(bare, "Application of the Work", upper)  # both end in a letter
    assert not seg._titled_like(elder, "Application of the Work.", lower)  # the text starts in lower case
    assert not seg._titled_like(elder, "Application of the Work", upper)  # another ending
    assert not seg._titled_like(bare, "Application of the Work.", upper)
    assert not seg._titled_like(elder, "application of the work.", upper)  # no title
    assert not seg._titled_like(elder, "You may copy the Work.", upper)  # a sentence
    assert not seg._titled_like(elder, "Application of the Work.", None)
    assert not seg._titled_like(None, "Application of the Work.", upper)
    assert not seg._titled_like(Draft(0, "1.", "1", 0, None), "Application of the Work.", upper)
    assert not seg._titled_like(elder, "  ", upper)


def test_untitled_sentence_after_an_elder_sentence():
    seg = _Segmenter("1. Keep all the notices of the work intact.\n\n2. x\n")
    elder = Draft(0, "1.", "1", 0, None, body=3)
    assert seg._untitled_sentence(elder, "  Preserve any Warranty Disclaimers.  ")
    assert not seg._untitled_sentence(elder, "Preserve any Warranty Disclaimers")  # no full stop
    assert not seg._untitled_sentence(elder, "preserve the work.")  # lower case
    assert not seg._untitled_sentence(elder, "Limitation on Liability.")  # a title of its own
    assert not seg._untitled_sentence(elder, "")
    assert not seg._untitled_sentence(None, "Preserve it.")
    assert not seg._untitled_sentence(Draft(0, "1.", "1", 0, None, heading="Keep.", body=3), "Preserve it.")
    titled = _Segmenter("1. Restrictions. Keep all.\n")
    assert not titled._untitled_sentence(Draft(0, "1.", "1", 0, None, body=3), "Preserve it.")
    empty = _Segmenter("1.\n")
    assert not empty._untitled_sentence(Draft(0, "1.", "1", 0, None, body=2), "Preserve it.")


def test_after_colon_looks_three_lines_up_at_most():
    assert _Segmenter("You may:\n\n\n(a) x\n")._after_colon(3)
    assert not _Segmenter("You may:\n\n\n\n(a) x\n")._after_colon(4)
    assert not _Segmenter("You may\n(a) x\n")._after_colon(1)
    assert not _Segmenter("(a) x\n")._after_colon(0)
    seg = _Segmenter("1. You may:\n(a) x\n")
    seg.accepted[0] = True
    assert not seg._after_colon(1)  # a clause's own line counts only for items
    assert seg._after_colon(1, item=True)
    seg.drafts.append(Draft(0, "", "1.closing", 1, None))
    assert seg._after_colon(1)  # the words that closed a list count as text


def test_next_is_reads_the_next_label_of_the_same_print():
    seg = _Segmenter("(i) a\n1. note\n(ii) b\n")
    assert seg._next_is(0, ("roman", "()"), 2)
    assert not seg._next_is(0, ("roman", "()"), 3)
    assert not seg._next_is(0, ("alpha", "()"), 2)
    assert not _Segmenter("(i) a\n(v) note\n(ii) b\n")._next_is(0, ("roman", "()"), 2)  # stops at (v)
    far = _Segmenter("(i) a\n" + "x\n" * 58 + "(ii) b\n")
    assert far._next_is(0, ("roman", "()"), 2)  # line 59: the last one read
    farther = _Segmenter("(i) a\n" + "x\n" * 59 + "(ii) b\n")
    assert not farther._next_is(0, ("roman", "()"), 2)


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        ("ARTICLE I\nDEFINITIONS\n\n", True),
        ("ARTICLE I\nDEFINITIONS\n", True),  # the empty last line is blank
        ("ARTICLE I\nDEFINITIONS", False),  # no line after the title
        ("ARTICLE I\nDEFINITIONS\nThe words.", True),  # a sentence after it
        ("ARTICLE I\nDEFINITIONS\nthe words.", False),
        ("ARTICLE I\nDEFINITIONS\nGRANT", False),  # another title after it
        ("ARTICLE I\n\nDEFINITIONS\n", False),
        ("ARTICLE I\n1. Definitions\n\n", False),
        ("ARTICLE I\nthe definitions follow\n\n", False),
        ("ARTICLE I\n" + "D" * 80 + "\n\n", True),
        ("ARTICLE I\n" + "D" * 81 + "\n\n", False),
    ],
)
def test_title_below_a_number_alone(text: str, titled: bool):
    assert _Segmenter(text)._title_below(0) is titled


@pytest.mark.parametrize(
    ("text", "alone"),
    [("2. Terms\n\nx", True), ("2. Terms", True), ("2. Terms\nx", False), ("2. you must\n\nx", False)],
)
def test_heads_alone(text: str, alone: bool):
    seg = _Segmenter(text)
    assert seg._heads_alone(0, parse_label(text.split("\n")[0])) is alone


def _opens(text: str) -> bool:
    seg = _Segmenter(text)
    ln = seg.lines[1]
    return seg._opens_confirmed_list(1, parse_label(text[ln.body : ln.end]), seg.lines[0])


@pytest.mark.parametrize(
    ("items", "opens"),
    [
        ("   (a) copy;\n   (b) share.\n", True),
        ("   (a) copy;\n\n   (b) share.\n", True),
        ("   (a) copy;\n     (x) y.\n   (b) share.\n", True),  # labels out of line are passed over
        ("   (a) copy;\n   words.\n   (b) share.\n", True),
        ("   (a) copy\n   (b) share.\n", False),  # the first item did not end
        ("(a) copy;\n(b) share.\n", False),  # not right of the line above
        ("   (b) copy;\n   (c) share.\n", False),  # no first item
        ("   (a) copy;\n   (c) share.\n   (b) x\n", False),  # the next in line is not the second
        ("   2.1 copy;\n   2.2 share.\n", False),  # decimals are no list's first item here
        ("   (a) copy;\n" + "   words.\n" * 58 + "   (b) share.\n", True),  # line 60: the last one read
        ("   (a) copy;\n" + "   words.\n" * 59 + "   (b) share.\n", False),
    ],
)
def test_opens_confirmed_list(items: str, opens: bool):
    assert _opens("You may\n" + items) is opens


def test_an_address_goes_under_its_clause_past_that_clauses_items():
    text = "1. Scope.\n\n2. Grant.\n\n2.1 Rights.\n\n2.2 Limits.\n\n  (a) none.\n\n  (b) some.\n\n2.2(c) You may copy.\n\n2.3 More.\n"
    got = by_path(text)
    assert list(got) == ["1", "2", "2.1", "2.2", "2.2(a)", "2.2(b)", "2.2(c)", "2.3"]
    assert (got["2.2(c)"].label, got["2.2(c)"].depth, got["2.2(c)"].parent) == ("2.2(c)", 2, 3)
    # a clause no longer open takes no address
    closed = "1. Scope.\n\n2. Grant.\n\n2.1 Rights.\n\n  (a) none.\n\n2.2 Limits.\n\n2.1(b) You may copy.\n"
    assert paths(closed) == ["1", "2", "2.1", "2.1(a)", "2.2"]


# -- edges found by the mutation run ----------------------------------------------------


def test_the_line_above_an_items_list_is_read_without_trailing_spaces():
    # the line above a capitals title, the first item of a confirmed list, a comma list
    assert paths(
        "Some words here.   \nCOPYING POLICIES\n1. You may copy the work.\n\n2. You may share it.\n"
    ) == [
        "preamble",
        "1",
        "2",
    ]
    assert _opens("You may\n   (a) copy;   \n   (b) share.\n")
    text = "1. the work is copied,  \n2. the work is\ndocumented,\n3. the Licensee pays.\n"
    assert paths(text) == ["1", "2", "3"]


def test_a_first_item_is_compared_with_the_line_right_above_it():
    seg = _Segmenter("   Some words\nYou may\n   (a) copy;\n   (b) share.\n")
    ln = seg.lines[2]
    assert seg._opens_confirmed_list(2, parse_label(seg.text[ln.body : ln.end]), seg.lines[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the item before "2." ended with a comma on the very first line
        ("1. the work is copied,\n2. the work is\ndocumented,\n3. the Licensee pays.\n", ["1", "2", "3"]),
        # ... or above a blank line
        ("1. the work is copied,\n\n2. the work is\ndocumented,\n3. the Licensee pays.\n", ["1", "2", "3"]),
        # "2." after the first item's comma: no earlier item to ask, the list's second item
        ("1. the work is\ncopied,\n2. the work is documented.\n", ["1", "2"]),
        # ... but not when it goes on a sentence naming clauses
        ("1. the work is\ncopied,\n2. and 3 apply.\n", ["1"]),
        # the line above "3." does not end with a comma
        ("1. the work is copied,\n2. the work is\ndocumented\n3. the Licensee pays.\n", ["1", "2"]),
        # "2." continues the clause, not the item "(a)" in line with it
        ("1. Grant,\n(a) copy the work\nin full,\n2. the limits apply.\n", ["1", "1(a)"]),
    ],
)
def test_the_next_item_of_a_comma_list(text: str, expected: list[str]):
    assert paths(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Scope.\n\n2. Terms.\n\n2.3 Three.\n\n2.3 Again.\n", ["1", "2", "2.3"]),  # the same number again
        ("1. A.\n\n1.1 B.\n\n1.1.2 C.\n", ["1", "1.1", "1.1.2"]),  # three parts
        ("1. A.\n\n1.1 B.\n\n1.1.1 C.\n\n  (a) x.\n\n1.1.3 D.\n", ["1", "1.1", "1.1.1", "1.1.1(a)", "1.1.3"]),
    ],
)
def test_more_decimals_with_a_missing_elder(text: str, expected: list[str]):
    assert paths(text) == expected


def test_a_number_under_a_number_alone_is_no_title():
    got = by_path("ARTICLE I\nSection 1\n\nWords.\n")
    assert list(got) == ["ARTICLE I", "Section 1"]
    assert got["ARTICLE I"].heading == ""


def test_titled_like_needs_a_run_of_capitalised_words_that_reads_as_a_heading():
    seg = _Segmenter("x\nThis License applies.\n")
    elder = Draft(0, "1.", "1", 0, None, heading="Inability to Comply.")
    assert not seg._titled_like(elder, "The Licence.", seg.lines[1])  # a heading, but no inline title
    assert not seg._titled_like(elder, "Use of Work. More Words.", seg.lines[1])  # two sentences


def test_indent_after_a_line_break_at_the_very_start():
    assert _Segmenter("\n  x")._indent(1) == 2


def test_after_colon_reads_the_line_without_trailing_spaces():
    assert _Segmenter("You may:   \n(a) x\n")._after_colon(1)


@pytest.mark.parametrize(
    "items",
    [
        "  (a) You may, provided\n\n      (a) you pay;\n\n      (b) you credit.\n",  # indented, but no colon
        "  (a) You may, provided that:\n\n  (a) you pay;\n\n  (b) you credit.\n",  # a colon, but in line
    ],
)
def test_a_list_of_the_same_kind_nests_only_indented_under_an_item_ending_with_a_colon(items: str):
    assert paths("1. Grant:\n\n" + items) == ["1", "1(a)", "1(b)"]


def test_numbering_from_zero_again_without_a_title_between_is_a_second_text():
    text = "0. Definitions\n\n1. Grant\n\n0. Definitions\n\n1. Grant\n"
    got = by_path(text)
    assert list(got) == ["0", "1", "part-2/0", "part-2/1"]
    assert got["part-2/0"].depth == 0


def test_a_label_that_continues_two_lists_in_line_goes_to_the_deeper_one():
    # "(v)" continues the letters (after "(u)") and the numerals (after "(iv)"), all in line
    text = (
        "1. Grant.\n\n"
        + "".join(f"  ({c}) item.\n\n" for c in "abcdefghijklmnopqrstu")
        + "".join(f"  ({n}) part.\n\n" for n in ("i", "ii", "iii", "iv", "v"))
    )
    segs = segment(text)
    assert [(s.path, s.depth) for s in segs[-2:]] == [("1(u)(iv)", 2), ("1(u)(v)", 2)]


def test_a_third_list_under_a_clause_and_a_second_longer_than_the_first():
    three = (
        "1. Grant.\n\nYou may:\n\n  (a) copy;\n\n  (b) share.\n\nYou may not:\n\n  (a) sell;\n\n  (b) lie.\n\n"
        "You must:\n\n  (a) pay;\n\n  (b) credit.\n"
    )
    assert paths(three)[-3:] == ["1.list-3", "1.list-3(a)", "1.list-3(b)"]
    longer = "1. Grant.\n\nYou may:\n\n  (a) copy.\n\nYou may not:\n\n  (a) sell;\n\n  (b) lie.\n"
    assert paths(longer) == ["1", "1(a)", "1.list-2", "1.list-2(a)", "1.list-2(b)"]


def test_a_title_under_a_number_loses_its_markup_only():
    got = segment("ARTICLE I\n**EXPORT TAX**\n\nWords.\n")
    assert [(s.heading, s.text) for s in got] == [("EXPORT TAX", "Words.")]


def test_a_clause_on_the_last_but_one_line_reads_the_last_line_under_it():
    # "more words here" in lower case: the clause's words go on, no title at the end of the text
    got = segment("1. Keep.\n\n2. Preserve Any Warranty\nmore words here")
    assert [(s.heading, s.text) for s in got] == [
        ("", "Keep."),
        ("", "Preserve Any Warranty\nmore words here"),
    ]


def test_a_title_beside_its_number_loses_its_markup_only():
    assert [(s.heading, s.text) for s in segment("1. **EXPORT TAX**\n\nWords.\n")] == [
        ("EXPORT TAX", "Words.")
    ]


@pytest.mark.parametrize("line", ["Section 1 of this License applies.", "1.1 eBay sellers may sell."])
def test_a_first_number_followed_by_a_lower_case_word_is_a_reference(line: str):
    assert paths(SCOPE + line + "\n") == ["1"]


def test_the_text_after_a_run_of_identical_lines_is_still_read():
    assert paths("Intro.\n\nx y\nx y\nx y\n\n1. Grant.\n\n2. Terms.\n") == ["preamble", "1", "2"]


@pytest.mark.parametrize(("width", "titled"), [(80, True), (81, False)])
def test_titled_like_reads_titles_of_eighty_characters_at_most(width: int, titled: bool):
    seg = _Segmenter("x\nThis License applies.\n")
    elder = Draft(0, "1.", "1", 0, None, heading="Inability to Comply.")
    rest = ("Export Rules. (See Below For Countries Where The Licence Applies Fully " + "X" * 40)[
        : width - 2
    ] + ")."
    assert len(rest) == width
    assert seg._titled_like(elder, rest, seg.lines[1]) is titled
