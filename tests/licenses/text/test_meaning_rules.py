"""The rules of licenses.text.meaning at their edges: the z-score each pair is read by, the
threshold taken inclusively, the room guard on each side, mutual best choice and the guards on
missing vectors. Pure, on the synthetic texts and hand-made vectors of test_alignment_meaning."""

from __future__ import annotations

import numpy as np
import pytest

from licenses.text import meaning
from licenses.text.matching import Side
from licenses.text.meaning import MEANING_ROOM, MEANING_Z, _zscores, by_meaning
from tests.licenses.text.test_alignment_meaning import (
    NEW,
    OLD,
    OTHER_NEW,
    STEADY,
    links,
    seg,
    sides,
    vectors,
)


def reference_z(cos: np.ndarray, known_a: np.ndarray, known_b: np.ndarray) -> np.ndarray:
    """The z-scores written out cell by cell: each row against its known columns, each column
    against its known rows (population standard deviation, floored by 1e-6), the lower of two."""
    out = np.empty_like(cos)
    for i in range(cos.shape[0]):
        for j in range(cos.shape[1]):
            row = cos[i, known_b]
            col = cos[known_a, j]
            z_row = (cos[i, j] - row.mean()) / (row.std() + 1e-6)
            z_col = (cos[i, j] - col.mean()) / (col.std() + 1e-6)
            out[i, j] = min(z_row, z_col)
    return out


def test_each_cell_is_read_against_its_own_row_and_column_of_known_clauses():
    rng = np.random.default_rng(7)
    cos = rng.uniform(-0.2, 1.0, size=(5, 6))
    known_a = np.array([True, True, False, True, True])
    known_b = np.array([True, False, True, True, True, True])
    cos[~known_a, :] = 0.0  # a clause without a vector has cosine 0 with everything
    cos[:, ~known_b] = 0.0
    np.testing.assert_allclose(_zscores(cos, known_a, known_b), reference_z(cos, known_a, known_b), rtol=1e-9)


def test_rows_and_columns_of_other_levels_are_not_pooled():
    # row 0 runs high, row 1 low: each cell stands out only against its own row and column
    cos = np.array([[0.9, 0.8, 0.7, 0.8], [0.1, 0.0, 0.2, 0.1], [0.5, 0.5, 0.4, 0.9]])
    every_a, every_b = np.ones(3, dtype=bool), np.ones(4, dtype=bool)
    z = _zscores(cos, every_a, every_b)
    np.testing.assert_allclose(z, reference_z(cos, every_a, every_b), rtol=1e-9)
    assert z.shape == cos.shape


def test_a_spread_at_noise_level_does_not_make_a_cell_stand_out():
    # nine cosines of which one is higher by a hundred-thousandth: without the floor under the
    # deviation it would score as a true outlier of nine (sqrt(8), about 2.83); with it, it
    # stays below MEANING_Z
    cos = np.zeros((9, 9))
    cos[0, 0] = 1e-5
    every = np.ones(9, dtype=bool)
    z = _zscores(cos, every, every)
    assert 2.0 < z[0, 0] < MEANING_Z
    np.testing.assert_allclose(z, reference_z(cos, every, every), rtol=1e-9)


def pair_z(sa: Side, sb: Side, vec, i: int, j: int) -> np.float32:
    va, vb = vec.clauses(sa.words), vec.clauses(sb.words)
    return _zscores(va @ vb.T, va.any(axis=1), vb.any(axis=1))[i, j]


def test_a_pair_exactly_at_the_threshold_is_linked(monkeypatch):
    sa, sb = sides()
    vec = vectors()
    z = pair_z(sa, sb, vec, 4, 4)
    monkeypatch.setattr(meaning, "MEANING_Z", float(z))
    assert links(sa, sb, vec) == {(4, 4)}
    # the z-scores are float32 (so are the vectors): the next threshold up is the next float32
    monkeypatch.setattr(meaning, "MEANING_Z", float(np.nextafter(np.float32(z), np.float32(np.inf))))
    assert links(sa, sb, vec) == set()


def small_sides(a_steady: int, b_steady: int) -> tuple[Side, Side]:
    """The rewrite after a_steady (b_steady) steady clauses on each side."""
    a = [seg(t, str(k)) for k, t in enumerate([*STEADY[:a_steady], OLD])]
    b = [seg(t, str(k)) for k, t in enumerate([*STEADY[:b_steady], NEW])]
    return Side(a), Side(b)


def test_with_a_lower_threshold_three_clauses_a_side_are_room_enough(monkeypatch):
    # three clauses with a vector on each side: the rewrite's z-score is at most sqrt(2), so only
    # a lower threshold links it; MEANING_ROOM (3) alone does not stop it
    monkeypatch.setattr(meaning, "MEANING_Z", 1.2)
    sa, sb = small_sides(MEANING_ROOM - 1, MEANING_ROOM - 1)
    assert links(sa, sb, vectors()) == {(MEANING_ROOM - 1, MEANING_ROOM - 1)}


@pytest.mark.parametrize(("a_steady", "b_steady"), [(1, 2), (2, 1), (1, 5), (5, 1)])
def test_a_side_with_too_few_clauses_with_a_vector_links_nothing(monkeypatch, a_steady, b_steady):
    # two clauses with a vector on one side are too few, however many the other side holds,
    # even under a threshold that their z-scores (just under 1) would clear
    monkeypatch.setattr(meaning, "MEANING_Z", 0.5)
    sa, sb = small_sides(a_steady, b_steady)
    assert links(sa, sb, vectors()) == set()


def test_one_clause_left_and_two_candidates_takes_the_one_it_means():
    a = [seg(t, str(k)) for k, t in enumerate([*STEADY[:4], OLD, *STEADY[4:]])]
    b = [seg(t, str(k)) for k, t in enumerate([*STEADY[:4], OTHER_NEW, NEW, *STEADY[4:]])]
    assert links(Side(a), Side(b), vectors()) == {(4, 5)}
    assert links(Side(b), Side(a), vectors()) == {(5, 4)}


def test_without_shipped_vectors_nothing_is_linked(monkeypatch):
    monkeypatch.setattr(meaning, "load", lambda: None)
    sa, sb = sides()
    pairs = {i: (i, 1.0) for i in range(4)}
    assert by_meaning(sa, sb, pairs, {(i, i) for i in range(4)}) == set()


def test_the_shipped_vectors_are_read_when_none_are_given(monkeypatch):
    monkeypatch.setattr(meaning, "load", vectors)
    sa, sb = sides()
    pairs = {i: (i, 1.0) for i in range(4)} | {i: (i, 1.0) for i in range(5, 9)}
    assert by_meaning(sa, sb, pairs, {(i, j) for i, (j, _) in pairs.items()}) == {(4, 4)}


def test_an_empty_side_links_nothing():
    sa, sb = sides()
    empty = Side([])
    assert by_meaning(empty, sb, {}, set(), vectors()) == set()
    assert by_meaning(sa, empty, {}, set(), vectors()) == set()
