"""How alike two clauses are worded: a pure, reusable measure for precedent and search.

Pure: no Django. ``similarity(a, b)`` is the share of content words the two clauses have in
common, in order (``2 × matched words / (words in a + words in b)``, the Indel ratio over words,
computed by rapidfuzz in C): the measure of the similar-clause search, so both say the same
"% similar". Reflowed lines, case, punctuation and function words do not count as differences,
while an added "for NonCommercial purposes only" does. ``most_similar`` ranks candidates against one clause, ``most_similar_many`` against many
clauses at once (the matrix).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from licenses.text.redline import STOPWORDS

_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=16384)
def words(text: str) -> tuple[str, ...]:
    """The clause's content words, lower-cased: no function words, numbers or single letters.

    The same words as the similar-clause search (``search.similarity.words``, the redline's
    stop list), so that a pair of clauses reads the same "% similar" on every page. Cached: a
    matrix compares each of its clauses with the same candidates on every request.
    """
    return tuple(
        w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()
    )


def similarity(a: str | tuple[str, ...], b: str | tuple[str, ...]) -> float:
    """0.0 (nothing in common) to 1.0 (the same words in the same order); texts or ``words()``."""
    wa = words(a) if isinstance(a, str) else a
    wb = words(b) if isinstance(b, str) else b
    if not wa and not wb:
        return 1.0
    return Indel.normalized_similarity(wa, wb)


def percent(score: float) -> int:
    """Rounded like the search's figure, except that only the same words read "100 %"."""
    return 100 if score >= 1 else min(round(score * 100), 99)


@dataclass(frozen=True, slots=True)
class Match:
    key: Hashable
    score: float

    @property
    def percent(self) -> int:
        return percent(self.score)


def _encode(seqs: list[tuple[str, ...]], vocab: dict[str, str]) -> list[str]:
    """Each word becomes one character, so that rapidfuzz compares word sequences as strings."""
    out = []
    for seq in seqs:
        out.append("".join(vocab.setdefault(w, chr(0x10000 + len(vocab))) for w in seq))
    return out


def most_similar_many(
    texts: list[str],
    candidates: list[tuple[Hashable, str]],
    *,
    threshold: float = 0.7,
    limit: int = 3,
    min_words: int = 4,
) -> list[list[Match]]:
    """For each of ``texts``, the ``limit`` candidates (key, text) at ``threshold`` or above.

    One matrix of scores computed in C (``rapidfuzz.process.cdist``) instead of a loop in
    Python: a 200-clause matrix against thousands of argued clauses stays within a page's time.
    Clauses of fewer than ``min_words`` words ("Definitions.", "(a)") are never matched: two
    headings alike say nothing about two clauses alike.
    """
    query_words = [words(t) for t in texts]
    cand_words = [words(t) for _, t in candidates]
    results: list[list[Match]] = [[] for _ in texts]
    # Candidates by length: at best every word of the shorter clause matches, 2·min / (n + m),
    # so only lengths within [n·t / (2 − t), n·(2 − t) / t] can reach the threshold t.
    order = sorted((len(w), j) for j, w in enumerate(cand_words) if len(w) >= min_words)
    if not order:
        return results
    lengths = [n for n, _ in order]
    vocab: dict[str, str] = {}
    encoded = dict(zip((j for _, j in order), _encode([cand_words[j] for _, j in order], vocab), strict=True))
    for i, qw in enumerate(query_words):
        n = len(qw)
        if n < min_words:
            continue
        lo = bisect_left(lengths, n * threshold / (2 - threshold))
        hi = bisect_right(lengths, n * (2 - threshold) / threshold)
        if lo >= hi:
            continue
        pool = [j for _, j in order[lo:hi]]
        [query] = _encode([qw], vocab)
        scores = process.cdist(
            [query],
            [encoded[j] for j in pool],
            scorer=Indel.normalized_similarity,
            score_cutoff=threshold,
            dtype=np.float32,
        )[0]
        hits = np.nonzero(scores >= threshold)[0]
        found = [Match(candidates[pool[h]][0], round(float(scores[h]), 4)) for h in hits]
        found.sort(key=lambda m: -m.score)
        results[i] = found[:limit]
    return results


def most_similar(
    text: str,
    candidates: Iterable[tuple[Hashable, str]],
    *,
    threshold: float = 0.7,
    limit: int = 3,
    min_words: int = 4,
) -> list[Match]:
    """The ``limit`` candidates (key, text) most like ``text`` at ``threshold`` or above, best first."""
    return most_similar_many([text], list(candidates), threshold=threshold, limit=limit, min_words=min_words)[
        0
    ]
