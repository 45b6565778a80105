"""PURE: MinHash signatures over word shingles, and the similarity of clause texts.

A signature is NUM_PERM 32-bit minimum hashes of a text's word k-shingles; the share of equal
positions in two signatures estimates the Jaccard similarity of their shingle sets. Signatures
are computed once when a version is imported and stored as bytes, so "which clauses are like this
one?" and "which license is this text closest to?" compare a few hundred bytes per candidate
instead of re-reading texts. :func:`resemblance` then scores the best candidates exactly.

Reusable on its own (hints and precedent may want it): everything here takes and returns plain
strings, bytes and numpy arrays. No Django imports.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
from rapidfuzz.distance import Indel

from licenses.text.redline import STOPWORDS

NUM_PERM = 128
SHINGLE = 3  # words per shingle
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20261202)  # fixed: stored signatures must stay comparable
_A = _rng.integers(1, 1 << 31, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, size=NUM_PERM, dtype=np.uint64)
EMPTY = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)

_WORD = re.compile(r"[^\W_]+")
# Function words say nothing about what a clause does; dropping them keeps "the Software"
# boilerplate from making unrelated clauses look alike (the redline's list, one copy).
_STOP = STOPWORDS


def words(text: str) -> list[str]:
    """Lower-case content words: no function words, numbers or single letters."""
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in _STOP and not w.isdigit()]


def shingles(tokens: Sequence[str], k: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the k-word shingles (the words themselves when fewer than k)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    if len(tokens) < k:
        grams = {" ".join(tokens)}
    else:
        grams = {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}
    return np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64, count=len(grams))


def signature(text: str) -> tuple[np.ndarray, int]:
    """The MinHash signature of ``text`` (uint32[NUM_PERM]) and its number of content words."""
    tokens = words(text)
    hashes = shingles(tokens)
    if hashes.size == 0:
        return EMPTY.copy(), 0
    sig = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint64)
    # Chunks keep the (NUM_PERM x n) intermediate small for long texts.
    for start in range(0, hashes.size, 4096):
        chunk = hashes[start : start + 4096]
        permuted = ((np.outer(_A, chunk) + _B[:, None]) % _MERSENNE) & _MAX32
        np.minimum(sig, permuted.min(axis=1), out=sig)
    return sig.astype(np.uint32), len(tokens)


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<u4")


def stack(blobs: Sequence[bytes]) -> np.ndarray:
    """Stored signatures as one (n x NUM_PERM) matrix."""
    if not blobs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(bytes(b) for b in blobs), dtype="<u4").reshape(len(blobs), NUM_PERM)


def estimate(sig: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of ``sig`` with every row of ``matrix`` (float32[n])."""
    if matrix.shape[0] == 0:
        return np.zeros(0, dtype=np.float32)
    return (matrix == sig).mean(axis=1, dtype=np.float32)


def resemblance(a: str, b: str) -> float:
    """How much of their content words two texts share in order, 0..1 (Indel on word tokens).

    The exact score shown to people; MinHash only picks the candidates.
    """
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0 if a.strip() == b.strip() else 0.0
    return resemblance_words(wa, wb)


def resemblance_words(wa: Sequence[str], wb: Sequence[str]) -> float:
    """:func:`resemblance` of two texts already split by :func:`words`."""
    if not wa and not wb:
        return 1.0
    return float(Indel.normalized_similarity(wa, wb))


def top(scores: np.ndarray, n: int) -> list[int]:
    """Indexes of the ``n`` highest scores, best first (stable for ties)."""
    if scores.size == 0 or n <= 0:
        return []
    n = min(n, scores.size)
    part = np.argpartition(-scores, n - 1)[:n]
    return sorted(part.tolist(), key=lambda i: (-float(scores[i]), i))
