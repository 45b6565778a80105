"""licenses.text.comparison: the summary of an alignment and the cheap kept share. Pure."""

from __future__ import annotations

import pytest

from licenses.text.comparison import Pairs, _kept, compare, summary
from licenses.text.segmentation import Segment


def seg(text: str, path: str) -> Segment:
    return Segment(f"{path}.", path, path, "", text, 0, len(text), 0, None)


KEPT = [
    "Alpha clause grants rights to copy the program in any medium whatsoever.",
    "Bravo clause covers patents licensed by each contributor to recipients.",
]
GONE = "Charlie clause keeps notices intact in every copy that is distributed."
NEW = "Zulu wording about escrow agents and their quarterly audit reports."


def test_the_summary_counts_every_row_by_kind():
    old = [seg(KEPT[0], "1"), seg(KEPT[1], "2"), seg(GONE, "3")]
    new = [seg(KEPT[0], "1"), seg(KEPT[1], "2"), seg(NEW, "3")]
    pairs = compare(old, new)
    got = summary(pairs)
    assert got["counts"]["unchanged"] == 2
    assert got["counts"]["removed"] == 1 and got["counts"]["added"] == 1
    assert sum(got["counts"].values()) == len(pairs)
    assert got["quick"] is False


def test_an_empty_alignment_is_fully_similar_and_not_quick():
    assert summary([]) == {
        "counts": dict.fromkeys(("unchanged", "changed", "moved", "added", "removed", "split", "merged"), 0),
        "renumbered": 0,
        "similarity": 1.0,
        "quick": False,
    }


def test_the_summary_says_when_the_alignment_was_the_quick_one():
    quick = Pairs()
    quick.quick = True
    assert summary(quick)["quick"] is True
    assert summary(Pairs())["quick"] is False


def test_the_kept_share_counts_equal_characters_on_both_sides():
    pieces = [("equal", "abcd"), ("delete", "xy"), ("insert", "z")]
    assert _kept(pieces) == pytest.approx(2 * 4 / (4 + 2 + 4 + 1))
    assert _kept([("equal", "same")]) == 1.0
    assert _kept([]) == 1.0
