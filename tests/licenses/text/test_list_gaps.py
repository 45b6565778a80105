"""licenses.text.list_gaps through the segmenter: items a text misprints, and where a list goes
on anyway (a letter skipped because it sits inline, an item in another style, a letter that lost
its dot, a first item printed inline)."""

from __future__ import annotations

import pytest

from licenses.text.list_gaps import _first_label
from licenses.text.numbering import Reading
from licenses.text.segmentation import segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text) if s.label]


def texts(text: str) -> dict[str, str]:
    return {s.path: s.text for s in segment(text)}


RULES = "1. Rules.\n\n  a. Keep the notice.\n\n  b. Mark changes. c. Date them.\n\n"


# -- a letter skipped because it sits inline --------------------------------------------


def test_a_skipped_letter_confirmed_by_the_next_one_continues_the_list():
    text = RULES + "  d. Share alike.\n\n  e. Name the author.\n"
    assert paths(text) == ["1", "1(a)", "1(b)", "1(d)", "1(e)"]
    assert texts(text)["1(b)"] == "Mark changes. c. Date them."


def test_a_skipped_letter_as_the_last_item_in_line_with_its_elder_sibling():
    text = RULES + "  d. Share alike.\n\n2. More.\n\nWords.\n"
    assert paths(text) == ["1", "1(a)", "1(b)", "1(d)", "2"]
    assert texts(text)["1(d)"] == "Share alike."


def test_a_skipped_last_letter_right_of_its_elder_sibling_stays_in_it():
    text = RULES + "    d. Share alike.\n"
    assert paths(text) == ["1", "1(a)", "1(b)"]


def test_a_skipped_last_letter_without_a_blank_line_above_stays_in_its_elder_sibling():
    text = RULES.rstrip("\n") + "\n  d. Share alike.\n"
    assert paths(text) == ["1", "1(a)", "1(b)"]


def test_a_skipped_last_letter_is_no_item_when_a_letter_of_its_style_follows():
    text = RULES + "  d. Share alike.\n\n2. More.\n\n  a. Again.\n"
    assert paths(text) == ["1", "1(a)", "1(b)", "2", "2(a)"]
    assert texts(text)["1(b)"] == "Mark changes. c. Date them.\n\n  d. Share alike."


def test_a_letter_of_its_style_on_the_very_next_line_counts():
    text = RULES + "  d. Share alike.\n  a. again\n"
    assert paths(text) == ["1", "1(a)", "1(b)"]


@pytest.mark.parametrize(("filler", "gap"), [(58, False), (59, True)])
def test_only_the_next_sixty_lines_are_searched_for_a_letter_of_its_style(filler: int, gap: bool):
    # "d." is line 6; its style's next label sits on line 7 + filler: line 65 is the last one read
    text = RULES + "  d. Share alike.\n" + "words\n" * filler + "  a. again\n"
    assert ("1(d)" in paths(text)) is gap


def test_skipping_two_letters_is_no_gap():
    text = "1. Rules.\n\n  a. Keep the notice.\n\n  b. Mark changes. c. Date them. d. Sign.\n\n  e. Share alike.\n"
    assert paths(text) == ["1", "1(a)", "1(b)"]


def test_a_skipped_capital_letter_under_an_open_child_list():
    text = (
        "A. Scope.\n\nB. Terms. C. Use.\n\n  1. You may copy.\n\n  2. You may share.\n\n"
        "D. Warranty.\n\nE. Liability.\n"
    )
    assert paths(text) == ["A", "B", "B(1)", "B(2)", "D", "E"]
    assert texts(text)["B"] == "C. Use."


def test_a_skipped_capital_letter_last_under_an_open_child_list():
    text = "A. Scope.\n\nB. Terms. C. Use.\n\n  1. You may copy.\n\n  2. You may share.\n\nD. Warranty.\n"
    assert paths(text) == ["A", "B", "B(1)", "B(2)", "D"]


def test_roman_numerals_never_skip():
    text = (
        "1. Rules.\n\n  (i) Keep the notice.\n\n  (ii) Mark changes. (iii) Date them.\n\n"
        "  (iv) Share alike.\n\n  (v) Name the author.\n"
    )
    assert paths(text) == ["1", "1(i)", "1(ii)"]


# -- an item printed in another style ---------------------------------------------------

GRANT = "1. Grant.\n\nThe Author grants you a licence:\n\n     (a) to copy the work; and\n\n"


def test_an_item_in_another_style_in_line_and_confirmed_continues_the_list():
    text = (
        GRANT
        + "     b) to change the work; and\n\n     (c) to share the work.\n\n2. Limits.\n\nNothing else.\n"
    )
    assert paths(text) == ["1", "1(a)", "1(b)", "1(c)", "2"]
    got = {s.path: s for s in segment(text)}
    assert got["1(b)"].label == "b)"
    assert got["1(b)"].text == "to change the work; and"


def test_an_item_in_another_style_out_of_line_stays_in_the_item_above():
    text = (
        GRANT
        + "       b) to change the work; and\n\n     (c) to share the work.\n\n2. Limits.\n\nNothing else.\n"
    )
    assert "1(b)" not in paths(text)
    assert texts(text)["1(a)"].startswith("to copy the work; and\n\n       b) to change")


def test_an_item_in_another_style_not_followed_by_the_next_item_stays_prose():
    text = (
        GRANT
        + "     b) to change the work; and\n\n     (d) to share the work.\n\n2. Limits.\n\nNothing else.\n"
    )
    assert paths(text) == ["1", "1(a)", "2"]


def test_a_number_in_another_style_continues_a_list_of_numbers():
    text = (
        "A. Grant.\n\nThe Author grants you a licence:\n\n  (1) to copy the work; and\n\n"
        "  2. to change the work; and\n\n  (3) to share the work.\n"
    )
    assert paths(text) == ["A", "A(1)", "A(2)", "A(3)"]


# -- a letter that lost its dot ---------------------------------------------------------


def test_a_letter_that_lost_its_dot_between_its_siblings():
    text = (
        "1. Rules.\n\n  a. Keep the notice.\n\n  b Each time you share, mark changes.\n\n  c. Share alike.\n"
    )
    got = {s.path: s for s in segment(text)}
    assert [p for p in got if p != "1"] == ["1(a)", "1(b)", "1(c)"]
    assert got["1(b)"].label == "b"
    assert got["1(b)"].text == "Each time you share, mark changes."


def test_a_capital_that_lost_its_dot_between_its_siblings():
    text = (
        "1. Rules.\n\n  A. Keep the notice.\n\n  B Each time you share, mark changes.\n\n  C. Share alike.\n"
    )
    assert paths(text) == ["1", "1(A)", "1(B)", "1(C)"]
    assert texts(text)["1(B)"] == "Each time you share, mark changes."


@pytest.mark.parametrize(
    "line",
    [
        "  b Each time you share, mark changes.\n\n  d. Share alike.\n",  # not confirmed
        "  b each time you share, mark changes.\n\n  c. Share alike.\n",  # no capital after it
        "  b EACH TIME you share.\n\n  c. Share alike.\n",  # no small letter in the word
        "  bb Each time you share.\n\n  c. Share alike.\n",
    ],
)
def test_a_letter_without_its_dot_is_an_item_only_when_confirmed(line: str):
    text = "1. Rules.\n\n  a. Keep the notice.\n\n" + line
    assert "1(b)" not in paths(text)


def test_a_letter_without_its_dot_right_under_a_line_stays_in_it():
    text = "1. Rules.\n\n  a. Keep the notice.\n  b Each time you share, mark changes.\n\n  c. Share alike.\n"
    assert paths(text) == ["1", "1(a)", "1(c)"]


# -- a first item printed inline --------------------------------------------------------


def _granted(lead: str, between: str = "\n\n") -> str:
    return (
        "1. Definitions.\n\nWords mean what they say.\n\n2. Grant.\n\n"
        f"2.1. The Author grants you a licence, subject to these terms{lead} to copy the\n"
        f"work as you receive it; and{between}(b) to change the work.\n\n2.2. Nothing else is granted.\n"
    )


@pytest.mark.parametrize(
    ("lead", "between"),
    [
        (": (a)", "\n\n"),
        (":(a)", "\n\n"),  # right after the colon
        (": (a)", "\n"),  # the line above ends an item: no blank line is needed
    ],
)
def test_a_second_item_after_an_inline_first_opens_the_list(lead: str, between: str):
    text = _granted(lead, between)
    assert paths(text) == ["1", "2", "2.1", "2.1(b)", "2.2"]
    got = {s.path: s for s in segment(text)}
    assert got["2.1(b)"].text == "to change the work."
    assert got["2.1(b)"].depth == 2


@pytest.mark.parametrize("above", ["it;", "it; or", "it."])
def test_each_item_end_above_lets_the_second_item_follow_without_a_blank_line(above: str):
    text = _granted(": (a)", "\n").replace("it; and\n", f"{above}\n")
    assert "2.1(b)" in paths(text)


@pytest.mark.parametrize(
    ("lead", "between"),
    [
        (" x(a)", "\n\n"),  # "(a)" inside a word
        (": (a) --", "\n\n"),  # "(a)" not followed by words
        (": (c)", "\n\n"),  # another first item
        (": (a)", "\n"),  # a wrapped line ending in "and,": no item end
    ],
)
def test_a_second_item_without_its_first_inline_stays_prose(lead: str, between: str):
    text = _granted(lead, between)
    if between == "\n":
        text = text.replace("; and\n", " and,\n")
    assert paths(text) == ["1", "2", "2.1", "2.2"]


def test_an_inline_first_item_of_numbers():
    text = (
        "1. Definitions.\n\nWords mean what they say.\n\n"
        "2. Grant. The Author grants you: 1) to copy the work; and\n\n2) to change it.\n"
    )
    assert paths(text) == ["1", "2", "2(2)"]


def test_an_inline_first_capital_item():
    text = (
        "1. Definitions.\n\nWords mean what they say.\n\n"
        "2. Grant. The Author grants you: A. to copy the work; and\n\nB. to change it.\n"
    )
    assert paths(text) == ["1", "2", "2(B)"]


def test_the_second_item_must_follow_the_clause_with_no_segment_between():
    text = (
        "1. Definitions.\n\nWords mean what they say.\n\n2. Grant.\n\n"
        "2.1. The Author grants you a licence: (a) to copy the work; and\n\n"
        "Other words.\n\n(b) to change the work.\n"
    )
    assert "2.1(b)" in paths(text)
    text = text.replace("Other words.", "LIMITS")
    assert paths(text)[:3] == ["1", "2", "2.1"]
    assert "2.1(b)" not in paths(text)


# -- the first item's print -------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "reading", "first"),
    [
        ("(b)", Reading(("alpha", "()"), (2,)), "(a)"),
        ("B.", Reading(("ALPHA", "."), (2,)), "A."),
        ("2)", Reading(("num", ")", 1), (2,)), "1)"),
        ("(ii)", Reading(("roman", "()"), (2,)), ""),  # no first item printed for roman numerals
        ("(c)", Reading(("alpha", "()"), (3,)), ""),  # no "b" to replace
        ("22)", Reading(("num", ")", 1), (2,)), ""),  # two of them: ambiguous
    ],
)
def test_first_label_prints_the_first_item_like_the_second(printed: str, reading: Reading, first: str):
    assert _first_label(printed, reading) == first


def test_an_item_in_another_style_continues_an_outer_list_after_an_inner_one():
    text = (
        "1. Grant.\n\nThe Author grants you a licence:\n\n     (a) to copy the work in these ways:\n\n"
        "          (i) print it;\n\n          (ii) scan it.\n\n"
        "     b) to change the work; and\n\n     (c) to share the work.\n"
    )
    got = {s.path: s for s in segment(text)}
    assert list(got) == ["1", "1(a)", "1(a)(i)", "1(a)(ii)", "1(b)", "1(c)"]
    assert (got["1(b)"].depth, got["1(b)"].parent) == (1, 0)


def test_a_number_between_two_letters_is_no_misprinted_letter():
    text = GRANT + "     2) to change the work; and\n\n     (c) to share the work.\n"
    assert paths(text) == ["1", "1(a)", "1(c)"]
    assert texts(text)["1(a)"].startswith("to copy the work; and\n\n     2) to change")


def test_a_second_item_after_a_blank_line_may_run_on_to_the_next_line():
    text = (
        _granted(": (a)")
        .replace("it; and\n", "it, and\n")
        .replace("the work.\n\n2.2", "the work\nand adapt it.\n\n2.2")
    )
    assert paths(text) == ["1", "2", "2.1", "2.1(b)", "2.2"]
    assert texts(text)["2.1(b)"] == "to change the work\nand adapt it."


def test_only_the_last_clauses_own_text_may_hold_the_inline_first_item():
    text = (
        "1. Scope.\n\nWords.\n\n2. Terms: (a) to copy the work.\n\n"
        "3. Grant. You may share it; and\n\n(b) to change the work.\n"
    )
    assert paths(text) == ["1", "2", "3"]


def test_only_a_second_item_follows_an_inline_first():
    # "11)" inline, then "12)": no list whose first item is printed inline
    assert paths("1. Grant. You may: 11) to copy the work; and\n\n12) to change it.\n") == ["1"]


def test_a_second_item_on_the_second_line_of_the_text():
    assert paths("1. You may: (a) copy it; and\n(b) share it.\n") == ["1", "1(b)"]


def test_the_item_end_above_is_read_without_trailing_spaces_and_from_that_line_only():
    spaced = _granted(": (a)", "\n").replace("it; and\n", "it; and   \n")
    assert "2.1(b)" in paths(spaced)
    # the line under the second item does not end an item: only the line above counts
    running = _granted(": (a)", "\n").replace(
        "the work.\n\n2.2", "the work\nand adapt it, as you like\n\n2.2"
    )
    assert texts(running)["2.1(b)"] == "to change the work\nand adapt it, as you like"


# -- an item whose number is a typo --------------------------------------------------------

TYPO = (
    "2. Conditions.\n"
    "a. Use. You may use it.\n"
    "b. Distribution. You may share it, provided that:\n"
    "i. You give a copy of this License.\n"
    "ii. You mark changed files.\n"
    "iii. You keep the notices.\n"
    "{x}. You keep the notices in what You make.\n"
    "v. You follow the law.\n"
    "c. Output. You answer for the output.\n"
)


def test_an_item_numbered_by_typo_is_confirmed_by_the_item_after_it():
    text = "1. Terms.\n" + TYPO.format(x="vi")
    assert paths(text) == ["1", "2", "2(a)", "2(b)", "2(b)(i)", "2(b)(ii)", "2(b)(iii)", "2(b)(vi)", "2(b)(v)", "2(c)"]
    assert texts(text)["2(b)(iii)"] == "You keep the notices."


def test_without_the_confirming_item_the_odd_number_stays_text():
    text = "1. Terms.\n" + TYPO.format(x="vi").replace("v. You follow the law.\n", "")
    assert "2(b)(vi)" not in paths(text)
    assert "vi. You keep the notices in what You make." in texts(text)["2(b)(iii)"]


def test_a_mid_sentence_line_is_not_an_item_by_typo():
    # the line above runs on ("... in"): "vi." here is not where an item starts
    text = "1. Terms.\n" + TYPO.format(x="vi").replace("You keep the notices.\n", "You keep the notices in\n")
    assert "2(b)(vi)" not in paths(text)
