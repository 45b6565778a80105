"""The pieces of licenses.text.embedding at their edges: co-occurrence counts, PPMI, the ranking
of words, the SVD's scaling and signs, IDF, clause vectors and the file. Pure, on tiny corpora
and hand-made matrices."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pytest

from licenses.text import embedding
from licenses.text.embedding import Vectors, cooccurrences, paragraphs, ppmi, train

# six paragraphs: zeta in four, yarrow in three, cherry and date in two, elder in one; solo twice,
# each time beside a word seen once (so never beside a known word)
SMALL = [
    "zeta yarrow cherry\n\nzeta yarrow date",
    "zeta cherry date\n\nzeta yarrow elder",
    "solo rareone\n\nsolo raretwo",
]


def reference_ppmi(counts: np.ndarray, smooth: float = 0.75) -> np.ndarray:
    """PPMI written out cell by cell: log(p(i, j) / (p(i) p_smooth(j))), negatives and the
    undefined (a zero count) read as 0."""
    total = counts.sum()
    ctx = counts.sum(axis=0) ** smooth
    out = np.zeros_like(counts)
    for i in range(counts.shape[0]):
        for j in range(counts.shape[1]):
            if counts[i, j] > 0:
                pmi = np.log((counts[i, j] / total) / ((counts[i].sum() / total) * (ctx[j] / ctx.sum())))
                out[i, j] = max(pmi, 0.0)
    return out


COUNTS = np.array(
    [
        [0.0, 4.0, 1.0, 0.0],
        [2.0, 0.0, 3.0, 1.0],
        [1.0, 6.0, 0.0, 0.5],
        [0.0, 0.0, 0.0, 0.0],  # a word in no company
    ]
)


def test_ppmi_cell_by_cell_with_smoothed_contexts():
    # not symmetric: the contexts are the columns
    np.testing.assert_allclose(ppmi(COUNTS), reference_ppmi(COUNTS), rtol=1e-12)
    assert ppmi(COUNTS).min() == 0.0 and ppmi(COUNTS).max() > 0.0


def test_ppmi_is_free_of_the_scale_of_counts():
    # counts weighted 1/distance may sum below 1: the same probabilities, the same PPMI
    small = COUNTS / 1000
    assert small.sum() < 1
    np.testing.assert_allclose(ppmi(small), ppmi(COUNTS), rtol=1e-9, atol=1e-12)


def test_ppmi_of_zeros_and_of_empty_rows_warns_nothing():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nothing = ppmi(np.zeros((3, 3)))
        some = ppmi(COUNTS)
    assert nothing.shape == (3, 3) and not nothing.any()
    assert not some[3].any() and not some[:, 0][[0, 3]].any()


def test_cooccurrences_weigh_by_distance_within_the_window_and_skip_unknown_words():
    index = {"apple": 0, "banana": 1, "cherry": 2, "date": 3}
    paras = [["apple", "unknown", "banana", "cherry", "date"], ["banana", "apple"]]
    got = cooccurrences(paras, index, window=2)
    expected = np.zeros((4, 4))
    expected[1, 2] = expected[2, 3] = 1.0  # next to each other
    expected[0, 1] = 0.5 + 1.0  # two apart (over the unknown word), then next to each other
    expected[1, 3] = 0.5
    expected = expected + expected.T
    np.testing.assert_allclose(got, expected)
    # a third word apart is outside a window of 2, inside one of 3
    assert cooccurrences(paras, index, window=3)[0, 2] == pytest.approx(1 / 3)
    assert cooccurrences([["apple"]], index, window=2).sum() == 0.0  # nothing beside it


def test_a_paragraph_needs_two_content_words():
    assert paragraphs(["copies program\n\nwarranty\n\nsource"]) == [["copies", "program"]]


def test_words_are_ranked_by_frequency_then_alphabetically_and_capped():
    vec = train(SMALL, dims=4, min_count=2)
    # elder (seen once) is under min_count; cherry and date (seen twice, exactly min_count) are in;
    # solo is seen twice but only beside words seen once: no company, no vector
    assert vec.words == ["zeta", "yarrow", "cherry", "date"]
    assert train(SMALL, dims=4, min_count=2, max_words=3).words == ["zeta", "yarrow", "cherry"]
    assert train(SMALL, dims=4, min_count=3).words == ["zeta", "yarrow"]


def test_idf_counts_the_paragraphs_a_word_is_in():
    vec = train(SMALL, dims=4, min_count=2)
    n = 6  # paragraphs
    df = {"zeta": 4, "yarrow": 3, "cherry": 2, "date": 2}
    expected = [np.log((1 + n) / (1 + df[w])) + 1 for w in vec.words]
    np.testing.assert_allclose(vec.idf, expected, rtol=1e-6)


def test_no_word_common_enough_gives_empty_vectors():
    for corpus in ([], SMALL):
        vec = train(corpus, dims=4, min_count=50)
        assert vec.words == [] and vec.dims == 0 and not vec.clause(["zeta"]).any()
        assert vec.matrix.shape == (0, 0) and vec.idf.shape == (0,)  # a row and a weight per word


CORPUS = [
    "You may distribute copies of the program to anyone.\n\nThe program comes without warranty of any kind.",
    "You may share copies of the program to anyone.\n\nThe software comes without warranty of any kind.",
    "Each licensee may distribute copies of the work freely.\n\nNo warranty is given for the work.",
    "Each licensee may share copies of the work freely.\n\nNo liability is accepted for the work.",
]


def test_vectors_are_the_svd_scaled_by_root_singular_values_each_sign_fixed():
    dims = 5
    vec = train(CORPUS, dims=dims, min_count=1)
    paras = paragraphs(CORPUS)
    index = {w: k for k, w in enumerate(vec.words)}  # every word kept here, ranked as train does
    u, s, _ = np.linalg.svd(ppmi(cooccurrences(paras, index)), full_matrices=False)
    raw = u[:, :dims] * np.sqrt(s[:dims])
    # each dimension's sign: its entry of largest magnitude is positive
    raw = raw * np.sign(raw[np.argmax(np.abs(raw), axis=0), np.arange(dims)])
    expected = raw / np.linalg.norm(raw, axis=1, keepdims=True)
    np.testing.assert_allclose(vec.matrix, expected, atol=1e-5)


def test_the_window_is_honoured():
    near = train(CORPUS, dims=4, min_count=1, window=1)
    far = train(CORPUS, dims=4, min_count=1, window=4)
    assert near.words == far.words
    assert not np.allclose(near.matrix, far.matrix, atol=1e-3)


def test_a_word_with_no_vector_stays_zero_and_the_rest_are_unit_float32():
    vec = Vectors(["x", "y", "z"], np.array([[3.0, 4.0], [0.0, 0.0], [0.0, 0.5]]), np.array([1.0, 2.0, 3.0]))
    assert vec.matrix.dtype == np.float32 and vec.idf.dtype == np.float32
    np.testing.assert_allclose(vec.matrix, [[0.6, 0.8], [0.0, 0.0], [0.0, 1.0]])
    assert vec.dims == 2
    for v in (vec.clause(["x", "z"]), vec.clause(["nothing"]), vec.clauses([["x"], []])):
        assert v.dtype == np.float32


def test_clause_vectors_are_unit_length_however_small_the_weights():
    vec = Vectors(["x", "y"], np.eye(2), np.array([0.1, 0.1]))
    np.testing.assert_allclose(vec.clause(["x", "y"]), [np.sqrt(0.5)] * 2, rtol=1e-6)
    np.testing.assert_allclose(vec.clauses([["x", "y"], ["x"]]), [[np.sqrt(0.5)] * 2, [1.0, 0.0]], rtol=1e-6)


def test_words_that_cancel_out_give_a_zero_vector_not_nan():
    vec = Vectors(["up", "down"], np.array([[1.0, 0.0], [-1.0, 0.0]]), np.ones(2))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        one = vec.clause(["up", "down"])
        many = vec.clauses([["up", "down"]])
    assert not one.any() and not np.isnan(one).any()
    assert not many.any() and not np.isnan(many).any()


def test_the_file_stores_half_floats_and_an_empty_list_round_trips():
    vec = Vectors(["x", "y"], np.eye(2), np.array([1.5, 2.5]))
    buf = io.BytesIO()
    vec.save(buf)
    buf.seek(0)
    with np.load(buf) as raw:
        assert raw["matrix"].dtype == np.float16 and raw["idf"].dtype == np.float16
    buf = io.BytesIO()
    Vectors([], np.zeros((0, 3)), np.zeros(0)).save(buf)
    buf.seek(0)
    back = embedding.read(buf)
    assert back.words == [] and back.dims == 3


def test_a_file_with_pickled_objects_is_refused():
    buf = io.BytesIO()
    np.savez(buf, words=np.array(["x", "y"], dtype=object), matrix=np.eye(2), idf=np.ones(2))
    buf.seek(0)
    with pytest.raises(ValueError, match="allow_pickle"):
        embedding.read(buf)
