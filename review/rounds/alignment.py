"""Where a clause and its quotes go in the next version. Pure: no Django.

- :func:`align_clauses` maps each old clause (by anchor) to its clause in the new version,
  using the clause alignment of :func:`licenses.text.comparison.compare`;
- :func:`reanchor_quote` finds a thread's quote in the aligned clause: exact (with line
  wrapping ignored), then fuzzy *within that clause only*, else nothing. A short or
  half-matching quote is never moved to a guess;
- :func:`clause_redline` is the word redline shown on a carried thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from licenses.text.comparison import clause_text, compare
from licenses.text.redline import Piece, normalise, redline
from licenses.text.segmentation import Segment
from review.quotes import QUOTE_CONTEXT, context_score

# Fuzzy re-anchoring: the quote must be this long (shorter quotes need an exact match) and
# score at least this much against the best window of the aligned clause.
FUZZY_MIN_CHARS = 16
FUZZY_MIN_SCORE = 85.0


@dataclass(frozen=True)
class Target:
    """Where an old clause went: the new clause's anchor (None when removed) and whether its text changed."""

    anchor: str | None
    changed: bool
    alternatives: tuple[str, ...] = ()  # the other half of a split, for finding a quote


def align_clauses(
    old: list[Segment],
    new: list[Segment],
    *,
    links: Iterable[tuple[str, str]] = (),
    unlinks: Iterable[tuple[str, str]] = (),
) -> dict[str, Target]:
    """Map every old clause anchor to its place in ``new`` (pure).

    ``links`` and ``unlinks`` are the hand corrections of the alignment (old anchor, new
    anchor), as on the compare page: threads follow a hand link and never an unlinked pair.
    """
    out: dict[str, Target] = {}
    for pair in compare(old, new, links=links, unlinks=unlinks):
        b = [s.anchor for s in pair.b_segments]
        for a in pair.a_segments:
            if not b:
                # a removed clause whose words went into one new clause: its threads go there
                also = pair.also.anchor if pair.also is not None else None
                out[a.anchor] = Target(also, True)
                continue
            target = next(s for s in pair.b_segments)
            changed = pair.kind != "unchanged" and clause_text(a) != clause_text(target)
            out[a.anchor] = Target(b[0], changed or len(b) > 1 or len(pair.a_segments) > 1, tuple(b[1:]))
    return out


@dataclass(frozen=True)
class QuoteMatch:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    fuzzy: bool = False


def _match(text: str, start: int, end: int, *, fuzzy: bool = False) -> QuoteMatch:
    return QuoteMatch(
        exact=text[start:end],
        prefix=text[max(0, start - QUOTE_CONTEXT) : start],
        suffix=text[end : end + QUOTE_CONTEXT],
        start=start,
        end=end,
        fuzzy=fuzzy,
    )


def reanchor_quote(text: str, exact: str, prefix: str = "", suffix: str = "") -> QuoteMatch | None:
    """Find the quote ``exact`` in ``text`` (the aligned clause only), or None (pure).

    1. Exact match, ignoring how lines wrap; among several, the one whose surroundings
       best match the old prefix and suffix.
    2. Fuzzy: the best window of ``text`` scored against the quote, widened to whole
       words and checked again, for quotes of at least ``FUZZY_MIN_CHARS``. A reworded
       quote lands on its rewording; a deleted one finds nothing.
    """
    words = exact.split()
    if not words or not text:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if found:
        start, end = max(found, key=lambda se: (context_score(text, se[0], se[1], prefix, suffix), -se[0]))
        return _match(text, start, end)
    needle = " ".join(words)
    if len(needle) < FUZZY_MIN_CHARS:
        return None
    hay = text
    aligned = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=FUZZY_MIN_SCORE)
    if aligned is None:
        return None
    start, end = aligned.dest_start, aligned.dest_end
    # widen to whole words, then trim spaces, and punctuation the quote does not begin or end with
    # (the window is as long as the quote, so a shorter rewording pulls in what follows it)
    while start > 0 and hay[start - 1].isalnum() and hay[start].isalnum():
        start -= 1
    while end < len(hay) and hay[end].isalnum() and hay[end - 1].isalnum():
        end += 1
    while start < end and not hay[start].isalnum() and (hay[start].isspace() or needle[0].isalnum()):
        start += 1
    while end > start and not hay[end - 1].isalnum() and (hay[end - 1].isspace() or needle[-1].isalnum()):
        end -= 1
    if end <= start or fuzz.ratio(needle, " ".join(hay[start:end].split())) < FUZZY_MIN_SCORE - 5:
        return None
    return _match(text, start, end, fuzzy=True)


def clause_redline(old_text: str, new_text: str) -> list[Piece]:
    """Word-level redline of one clause, old -> new (normalised texts; pure)."""
    return redline(normalise(old_text), normalise(new_text))
