"""licenses.text.segmentation's own rules, one small text each: which numbered lines are clauses
(candidates), where an accepted clause goes (placement), and its title."""

from __future__ import annotations

import pytest

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
