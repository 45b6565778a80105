"""Pure tests of each rule of search/similarity.py: words, shingles, the MinHash signature
computed the long way, the stored forms, estimate and top."""

import zlib

import numpy as np

from search import similarity


def reference_signature(hashes: list[int]) -> np.ndarray:
    """The MinHash of the module's docstring, one hash at a time with Python integers."""
    mersenne, mask = (1 << 61) - 1, 0xFFFFFFFF
    a, b = similarity._A.tolist(), similarity._B.tolist()
    return np.array(
        [min(((ai * h + bi) % mersenne) & mask for h in hashes) for ai, bi in zip(a, b, strict=True)],
        dtype=np.uint32,
    )


def crc(gram: str) -> int:
    return zlib.crc32(gram.encode())


# ---- words -------------------------------------------------------------------------------------


def test_words_keep_content_words_of_two_letters_or_more() -> None:
    assert similarity.words("x yz Licensor, 2025 the GRANTS_us") == ["yz", "licensor", "grants", "us"]


# ---- shingles ----------------------------------------------------------------------------------


def test_shingles_are_the_crc32_of_each_run_of_three_words() -> None:
    got = similarity.shingles(["aa", "bb", "cc", "dd", "ee"])
    assert got.dtype == np.uint64
    assert sorted(got.tolist()) == sorted({crc("aa bb cc"), crc("bb cc dd"), crc("cc dd ee")})


def test_shingles_of_a_repeated_run_are_distinct() -> None:
    assert sorted(similarity.shingles(["aa", "bb", "cc", "aa", "bb", "cc"]).tolist()) == sorted(
        {crc("aa bb cc"), crc("bb cc aa"), crc("cc aa bb")}
    )


def test_fewer_words_than_a_shingle_make_one_shingle_of_them_all() -> None:
    assert similarity.shingles(["aa", "bb"]).tolist() == [crc("aa bb")]
    assert similarity.shingles(["aa", "bb"], k=2).tolist() == [crc("aa bb")]
    assert sorted(similarity.shingles(["aa", "bb", "cc"], k=2).tolist()) == sorted({crc("aa bb"), crc("bb cc")})


def test_no_words_no_shingles() -> None:
    got = similarity.shingles([])
    assert got.shape == (0,) and got.dtype == np.uint64


# ---- signature ---------------------------------------------------------------------------------


def test_the_signature_is_the_minimum_of_each_permutation() -> None:
    text = "licensor grants worldwide royalty free license reproduce"
    sig, n = similarity.signature(text)
    assert n == 7 and sig.dtype == np.uint32 and sig.shape == (similarity.NUM_PERM,)
    hashes = similarity.shingles(similarity.words(text)).tolist()
    assert np.array_equal(sig, reference_signature(hashes))


def test_a_text_of_one_shingle_has_a_signature() -> None:
    sig, n = similarity.signature("patent grant")
    assert n == 2
    assert np.array_equal(sig, reference_signature([crc("patent grant")]))
    assert not np.array_equal(sig, similarity.EMPTY)


def test_a_long_text_is_read_in_chunks_without_losing_a_hash() -> None:
    # more than 4,096 shingles: the chunks must meet end to end
    words = [f"w{i}" for i in range(4100)]
    text = " ".join(words)
    sig, n = similarity.signature(text)
    assert n == 4100
    assert np.array_equal(sig, reference_signature(similarity.shingles(words).tolist()))


def test_the_first_hash_of_the_second_chunk_counts(monkeypatch) -> None:
    # shingles come out of a set, in an order that changes between processes: fix the hashes, chosen
    # (by trying seeds) so that the 4,097th is some permutation's minimum; a chunking that stepped
    # over it would give another signature
    hashes = [zlib.crc32(f"27-{i}".encode()) for i in range(4100)]
    full = reference_signature(hashes)
    assert not np.array_equal(full, reference_signature(hashes[:4096] + hashes[4097:]))
    monkeypatch.setattr(similarity, "shingles", lambda tokens: np.array(hashes, dtype=np.uint64))
    sig, n = similarity.signature("patent grant notice")
    assert n == 3 and np.array_equal(sig, full)


def test_a_text_without_content_words_has_the_empty_signature() -> None:
    sig, n = similarity.signature("the of 12")
    assert n == 0 and np.array_equal(sig, similarity.EMPTY) and sig is not similarity.EMPTY


# ---- stored forms ------------------------------------------------------------------------------


def test_stack_of_nothing_is_an_empty_matrix_of_signature_width() -> None:
    got = similarity.stack([])
    assert got.shape == (0, similarity.NUM_PERM) and got.dtype == np.uint32


def test_stack_keeps_the_order_of_the_blobs() -> None:
    a, _ = similarity.signature("grant of copyright license")
    b, _ = similarity.signature("disclaimer of warranty")
    got = similarity.stack([similarity.to_bytes(a), similarity.to_bytes(b)])
    assert got.shape == (2, similarity.NUM_PERM)
    assert np.array_equal(got[0], a) and np.array_equal(got[1], b)


# ---- estimate ----------------------------------------------------------------------------------


def test_estimate_is_the_share_of_equal_positions_as_float32() -> None:
    sig = np.arange(similarity.NUM_PERM, dtype=np.uint32)
    other = sig.copy()
    other[: similarity.NUM_PERM // 4] += 1
    got = similarity.estimate(sig, np.stack([sig, other]))
    assert got.dtype == np.float32
    assert got.tolist() == [1.0, 0.75]


def test_estimate_against_no_signature() -> None:
    got = similarity.estimate(similarity.EMPTY, similarity.stack([]))
    assert got.shape == (0,) and got.dtype == np.float32


# ---- resemblance -------------------------------------------------------------------------------


def test_two_empty_word_lists_resemble_fully() -> None:
    assert similarity.resemblance_words([], []) == 1.0
    assert similarity.resemblance_words(["grant"], []) == 0.0


# ---- top ---------------------------------------------------------------------------------------


def test_top_takes_the_best_n() -> None:
    scores = np.array([0.1, 0.9, 0.5, 0.3], dtype=np.float32)
    assert similarity.top(scores, 1) == [1]
    assert similarity.top(scores, 2) == [1, 2]
    assert similarity.top(scores, 10) == [1, 2, 3, 0]
    assert similarity.top(np.array([0.5], dtype=np.float32), 1) == [0]


def test_top_of_none_or_a_negative_count_is_nothing() -> None:
    scores = np.array([0.1, 0.9, 0.5], dtype=np.float32)
    assert similarity.top(scores, 0) == []
    assert similarity.top(scores, -1) == []
