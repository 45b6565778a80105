"""review.matrix.verdicts: the four verdicts, their tally, and what a matrix cell shows."""

from __future__ import annotations

import pytest

from review.matrix.verdicts import (
    COMPLIES,
    CONCERN,
    CONFLICTS,
    NEGATIVE,
    NOT_APPLICABLE,
    SYMBOLS,
    VERDICTS,
    Tally,
    check_verdict,
    disagreement,
    tally,
    tally_symbols,
    worst,
)


def test_verdicts_run_most_to_least_severe():
    assert VERDICTS == ("conflicts", "concern", "complies", "not_applicable")


def test_negative_verdicts_are_conflicts_and_concern():
    # A clause whose worst verdict is "concern" is still flagged in the matrix and the exports.
    assert set(NEGATIVE) == {CONFLICTS, CONCERN}
    assert tally([CONCERN, COMPLIES]).worst in NEGATIVE
    assert tally([COMPLIES, NOT_APPLICABLE]).worst not in NEGATIVE


def test_check_verdict_passes_known_verdicts_and_names_the_choices_otherwise():
    for verdict in VERDICTS:
        assert check_verdict(verdict) == verdict
    with pytest.raises(
        ValueError, match=r"Unknown verdict 'maybe'; expected one of conflicts, concern, complies"
    ):
        check_verdict("maybe")


def test_tally_counts_each_verdict():
    t = tally([CONFLICTS, CONCERN, CONCERN, COMPLIES, COMPLIES, COMPLIES, NOT_APPLICABLE])
    assert t == Tally(conflicts=1, concern=2, complies=3, not_applicable=1)
    assert t.as_dict() == {"conflicts": 1, "concern": 2, "complies": 3, "not_applicable": 1}
    assert list(t.as_dict()) == list(VERDICTS)
    assert t.total == 7
    assert [t.count(v) for v in VERDICTS] == [1, 2, 3, 1]


def test_tally_refuses_unknown_verdicts():
    with pytest.raises(ValueError):
        tally([COMPLIES, "maybe"])
    with pytest.raises(ValueError):
        Tally().count("total")


def test_empty_tally():
    t = tally([])
    assert t == Tally()
    assert t.total == 0
    assert t.worst is None
    assert t.disagreement is False
    assert t.label() == "no positions"
    assert tally_symbols(t) == ""


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([NOT_APPLICABLE], NOT_APPLICABLE),
        ([NOT_APPLICABLE, COMPLIES], COMPLIES),
        ([COMPLIES, CONCERN, NOT_APPLICABLE], CONCERN),
        ([CONCERN, CONFLICTS, COMPLIES], CONFLICTS),
        ([CONFLICTS], CONFLICTS),
        ([], None),
    ],
)
def test_worst_is_the_most_severe_verdict_present(verdicts, expected):
    assert worst(verdicts) == expected
    assert tally(verdicts).worst == expected


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([CONFLICTS, COMPLIES], True),
        ([CONCERN, COMPLIES], True),
        ([CONFLICTS, CONCERN], False),  # both say there is a problem
        ([COMPLIES, NOT_APPLICABLE], False),
        ([CONFLICTS, NOT_APPLICABLE], False),  # not applicable contradicts no one
        ([COMPLIES, COMPLIES], False),
        ([CONFLICTS], False),
        ([], False),
    ],
)
def test_disagreement_is_a_negative_verdict_beside_a_complies(verdicts, expected):
    assert disagreement(verdicts) is expected
    assert tally(verdicts).disagreement is expected


def test_tallies_add_verdict_by_verdict():
    a = Tally(conflicts=1, concern=2, complies=3, not_applicable=4)
    b = Tally(conflicts=10, concern=20, complies=30, not_applicable=40)
    assert a + b == Tally(conflicts=11, concern=22, complies=33, not_applicable=44)
    assert a + Tally() == a


@pytest.mark.parametrize(
    ("t", "label"),
    [
        (Tally(conflicts=1), "1 conflict"),
        (Tally(conflicts=2), "2 conflicts"),
        (Tally(concern=1, complies=1), "1 concern, 1 complies"),
        (Tally(concern=2, complies=3), "2 concerns, 3 comply"),
        (Tally(not_applicable=1), "1 not applicable"),
        (Tally(not_applicable=2), "2 not applicable"),
        (
            Tally(conflicts=1, concern=2, complies=1, not_applicable=3),
            "1 conflict, 2 concerns, 1 complies, 3 not applicable",
        ),
    ],
)
def test_label_counts_in_words_most_severe_first(t, label):
    assert t.label() == label


def test_symbols_carry_each_verdict_without_colour():
    assert SYMBOLS == {CONFLICTS: "✕", CONCERN: "!", COMPLIES: "✓", NOT_APPLICABLE: "–"}
    assert tally_symbols(Tally(conflicts=2, complies=1)) == "2✕ 1✓"
    assert tally_symbols(Tally(conflicts=1, concern=1, complies=1, not_applicable=1)) == "1✕ 1! 1✓ 1–"
    assert tally_symbols(Tally(not_applicable=3)) == "3–"
