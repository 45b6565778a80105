"""A clause's words sit in one passage of a long clause (licenses.text.fanout.passage). Pure, on word lists of our own.

The alignment of the shared words takes each at its first chance: a common word met early in a
long clause ("gate") stretches it over the whole clause although the rest sit together further
on. The windows of the long clause find that passage; words truly scattered stay out.
"""

from __future__ import annotations

from licenses.text.fanout import _window, passage

FILLER = [f"filler{k}" for k in range(60)]
PIECE = ["gate", "must", "stay", "shut", "after", "dusk", "unless", "the", "warden", "props", "open"]


def test_a_common_word_met_early_no_longer_hides_the_passage():
    whole = ["gate", *FILLER, *PIECE, *FILLER]
    assert _window(PIECE, whole)
    assert passage(PIECE, whole)


def test_a_compact_passage_is_read_by_the_alignment_alone():
    whole = [*FILLER, *PIECE, *FILLER]
    assert passage(PIECE, whole)


def test_near_miss_words_scattered_through_a_long_clause_are_no_passage():
    scattered = [w for word in PIECE for w in (word, *FILLER[:9])]
    assert not _window(PIECE, scattered)
    assert not passage(PIECE, scattered)


def test_near_miss_half_the_words_together_are_not_enough():
    half = PIECE[: len(PIECE) // 2]
    whole = [*FILLER, *half, *FILLER, *PIECE[len(PIECE) // 2 :], *FILLER]
    assert not _window(PIECE, whole)


def test_a_whole_no_longer_than_the_window_is_left_to_the_alignment():
    assert not _window(PIECE, PIECE[:5])
    assert not _window([], FILLER)
