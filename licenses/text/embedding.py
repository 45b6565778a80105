"""Word vectors of license language, and clause vectors built from them. Pure: no Django.

Two clauses can say the same thing in different words (CC-BY 3.0's "Work" is 4.0's "Licensed
Material"; "distribute" became "share"). Word identity cannot see that; words that keep the same
company across many licenses can. :func:`train` builds such vectors offline from a corpus of
license texts, without a network or a neural library: counts of content words within a few words
of each other (each distinct paragraph of the corpus counted once, so that the many copies of
the GPL do not dominate), positive pointwise mutual information (PPMI, context counts smoothed
with the 0.75 power), and a truncated SVD of that matrix. The result is shipped as a small
compressed ``.npz`` file (see ``bench/word_vectors.py``) and read once with :func:`load`.

A clause's vector is the IDF-weighted mean of its words' unit vectors (:meth:`Vectors.clause`);
words the vectors do not know are left out. Two clause vectors compare by cosine.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import numpy as np
from scipy import sparse

from licenses.text.matching import fold
from licenses.text.redline import content_of

VECTORS = Path(__file__).with_name("word_vectors.npz")
WINDOW = 4  # content words either side that count as company
MIN_COUNT = 8  # a word seen fewer times in the corpus gets no vector
MAX_WORDS = 5000  # the most frequent words at most
DIMS = 160
SMOOTH = 0.75  # context distribution smoothing of PPMI
POWER = 0.5  # singular values weigh the dimensions by this power

_WORD = re.compile(r"\w+")
_PARAGRAPH = re.compile(r"\n\s*\n")


def tokens(text: str) -> list[str]:
    """The content words of a text, as the alignment reads them (folded, no function words)."""
    return content_of(_WORD.findall(fold(text)))


def paragraphs(texts: Iterable[str]) -> list[list[str]]:
    """Each distinct paragraph of the corpus once, as content words (the order of first sight)."""
    seen: set[tuple[str, ...]] = set()
    out: list[list[str]] = []
    for text in texts:
        for para in _PARAGRAPH.split(text):
            words = tuple(tokens(para))
            if len(words) >= 2 and words not in seen:
                seen.add(words)
                out.append(list(words))
    return out


class Vectors:
    """Unit word vectors and each word's inverse document frequency (documents: paragraphs)."""

    def __init__(self, words: Sequence[str], matrix: np.ndarray, idf: np.ndarray) -> None:
        self.words = list(words)
        self.index = {w: k for k, w in enumerate(self.words)}
        m = np.asarray(matrix, dtype=np.float32)
        norm = np.linalg.norm(m, axis=1, keepdims=True)
        self.matrix = m / np.where(norm > 0, norm, 1)
        self.idf = np.asarray(idf, dtype=np.float32)
        self.dims = self.matrix.shape[1] if self.matrix.ndim == 2 else 0

    def clause(self, words: Sequence[str]) -> np.ndarray:
        """The IDF-weighted mean of the known words' vectors (zeros when none is known), unit length."""
        ks = [self.index[w] for w in words if w in self.index]
        if not ks:
            return np.zeros(self.dims, dtype=np.float32)
        ks_arr = np.array(ks)
        v = self.idf[ks_arr] @ self.matrix[ks_arr]
        n = float(np.linalg.norm(v))
        return v / n if n > 0 else v

    def clauses(self, many: Sequence[Sequence[str]]) -> np.ndarray:
        """:meth:`clause` for each word list, as rows of one matrix (one sparse product)."""
        rows: list[int] = []
        cols: list[int] = []
        for r, words in enumerate(many):
            for w in words:
                k = self.index.get(w)
                if k is not None:
                    rows.append(r)
                    cols.append(k)
        weights = sparse.csr_matrix(
            (self.idf[cols], (rows, cols)), shape=(len(many), len(self.words)), dtype=np.float32
        )  # a word met twice counts twice, as in clause()
        out = np.asarray(weights @ self.matrix, dtype=np.float32).reshape(len(many), self.dims)
        norm = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norm > 0, norm, 1)

    def save(self, path: Path) -> None:
        """Write the vectors compactly: float16, words joined by newlines."""
        np.savez_compressed(
            path,
            words=np.array("\n".join(self.words)),
            matrix=self.matrix.astype(np.float16),
            idf=self.idf.astype(np.float16),
        )


def read(path: Path) -> Vectors:
    with np.load(path, allow_pickle=False) as data:
        words = str(data["words"]).split("\n") if str(data["words"]) else []
        return Vectors(words, data["matrix"], data["idf"])


@cache
def load() -> Vectors | None:
    """The shipped vectors, read once; None when the file is missing."""
    return read(VECTORS) if VECTORS.exists() else None


def cooccurrences(paras: Sequence[Sequence[str]], index: dict[str, int], window: int = WINDOW):
    """Symmetric co-occurrence counts of known words within ``window`` content words, weighted
    1/distance, as a dense square matrix."""
    n = len(index)
    counts = np.zeros((n, n), dtype=np.float64)
    for para in paras:
        ks = [index.get(w, -1) for w in para]
        for d in range(1, window + 1):
            left, right = np.array(ks[:-d], dtype=np.int64), np.array(ks[d:], dtype=np.int64)
            if not len(left):
                break
            ok = (left >= 0) & (right >= 0)
            np.add.at(counts, (left[ok], right[ok]), 1.0 / d)
    return counts + counts.T


def ppmi(counts: np.ndarray, smooth: float = SMOOTH) -> np.ndarray:
    """Positive pointwise mutual information, context counts raised to ``smooth``."""
    total = counts.sum()
    if total <= 0:
        return np.zeros_like(counts)
    row = counts.sum(axis=1)
    ctx = counts.sum(axis=0) ** smooth
    p_row = row / total
    p_ctx = ctx / ctx.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((counts / total) / np.outer(p_row, p_ctx))
    pmi[~np.isfinite(pmi)] = 0.0
    return np.maximum(pmi, 0.0)


def train(
    texts: Iterable[str],
    *,
    dims: int = DIMS,
    min_count: int = MIN_COUNT,
    max_words: int = MAX_WORDS,
    window: int = WINDOW,
) -> Vectors:
    """Word vectors from a corpus of texts (deterministic: same texts, same vectors)."""
    paras = paragraphs(texts)
    freq = Counter(w for p in paras for w in p)
    ranked = sorted((w for w, c in freq.items() if c >= min_count), key=lambda w: (-freq[w], w))
    words = ranked[:max_words]
    if not words:  # no word seen min_count times: no vectors (the SVD of nothing has no signs to fix)
        return Vectors([], np.zeros((0, 0)), np.zeros(0))
    index = {w: k for k, w in enumerate(words)}
    m = ppmi(cooccurrences(paras, index, window))
    # the PPMI matrix is symmetric up to the smoothing; a full SVD of a few thousand rows is cheap
    # enough offline and, unlike an iterative one, needs no random start
    u, s, _ = np.linalg.svd(m, full_matrices=False)
    k = min(dims, len(s))
    vec = u[:, :k] * (s[:k] ** POWER)
    # fix each dimension's sign so that the file does not depend on the LAPACK build's choice
    flip = np.sign(vec[np.argmax(np.abs(vec), axis=0), np.arange(k)])
    vec = vec * np.where(flip == 0, 1, flip)
    # a word whose company is all unknown words (a run of another script) has no vector
    keep = np.nonzero(np.linalg.norm(vec, axis=1) > 1e-8)[0]
    words = [words[k] for k in keep]
    df = Counter(w for p in paras for w in set(p))
    idf = np.array([np.log((1 + len(paras)) / (1 + df[w])) + 1 for w in words])
    return Vectors(words, vec[keep], idf)
