"""How alike two clauses are worded: a pure, reusable measure for precedent and search.

Pure: no Django. ``similarity(a, b)`` is the share of words the two clauses have in common, in
order (``2 × matched words / (words in a + words in b)``, the Indel ratio over words, computed
by rapidfuzz in C). Words are lower-cased and stripped of punctuation, so reflowed lines, case
and quote styles do not count as differences, while an added "for NonCommercial purposes only"
does. ``most_similar`` ranks candidates against one clause, skipping, by their lengths alone,
those that cannot reach the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Indel

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def words(text: str) -> tuple[str, ...]:
    """The clause's words, lower-cased, without punctuation ("Licensor’s" stays one word)."""
    return tuple(w.replace("’", "'") for w in _WORD.findall(text.lower()))


def similarity(a: str | tuple[str, ...], b: str | tuple[str, ...]) -> float:
    """0.0 (nothing in common) to 1.0 (the same words in the same order); texts or ``words()``."""
    wa = words(a) if isinstance(a, str) else a
    wb = words(b) if isinstance(b, str) else b
    if not wa and not wb:
        return 1.0
    return Indel.normalized_similarity(wa, wb)


def _reachable(n: int, m: int, threshold: float) -> bool:
    # At best every word of the shorter clause matches: 2·min / (n + m).
    return n + m > 0 and 2 * min(n, m) / (n + m) >= threshold


@dataclass(frozen=True, slots=True)
class Match:
    key: Hashable
    score: float

    @property
    def percent(self) -> int:
        """Rounded down, so that 99.6 % similar never reads as "100 %"."""
        return int(self.score * 100)


def most_similar(
    text: str,
    candidates: Iterable[tuple[Hashable, str]],
    *,
    threshold: float = 0.7,
    limit: int = 3,
    min_words: int = 4,
) -> list[Match]:
    """The ``limit`` candidates (key, text) most like ``text`` at ``threshold`` or above, best first.

    Clauses of fewer than ``min_words`` words ("Definitions.", "(a)") are never matched: two
    headings alike say nothing about two clauses alike.
    """
    query = words(text)
    if len(query) < min_words:
        return []
    found = []
    for key, other in candidates:
        ow = words(other)
        if len(ow) < min_words or not _reachable(len(query), len(ow), threshold):
            continue
        score = Indel.normalized_similarity(query, ow, score_cutoff=threshold)
        if score >= threshold:
            found.append(Match(key, score))
    found.sort(key=lambda m: -m.score)
    return found[:limit]
