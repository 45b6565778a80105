"""Where a clause and its quotes go in the next version. Pure: no Django.

- :func:`align_clauses` maps each old clause (by anchor) to its clause in the new version,
  using the clause alignment of :func:`licenses.text.comparison.compare`, with the other
  clauses its words went into (the secondary links of :mod:`licenses.text.fanout`);
- :func:`choose_clause` picks, among those, the one a thread goes to: the one holding its
  quote, else the primary pair, else the first link (a clause with no pair is not orphaned
  while a link is left; links a steward removed are never followed);
- :func:`reanchor_quote` finds a thread's quote in the aligned clause: exact (with line
  wrapping ignored), then fuzzy *within that clause only*, else nothing. A short or
  half-matching quote is never moved to a guess;
- :func:`clause_redline` is the word redline shown on a carried thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from licenses.text.comparison import Pair, clause_text, compare
from licenses.text.redline import Piece, normalise, redline
from licenses.text.segmentation import Segment
from review.quotes import QUOTE_CONTEXT, context_score

# Fuzzy re-anchoring: the quote must be this long (shorter quotes need an exact match) and
# score at least this much against the best window of the aligned clause.
FUZZY_MIN_CHARS = 16
FUZZY_MIN_SCORE = 85.0


@dataclass(frozen=True)
class Target:
    """Where an old clause went in the new version.

    ``anchor`` is the new clause it pairs with (None when it has no pair), ``changed`` whether
    its text changed, ``alternatives`` the other half of a split, and ``secondary`` the other
    new clauses its words went into (the comparison's ``also``, ``more_into`` and ``more_from``
    links, in the new version's order after ``also``): a thread's quote is looked for there
    too, and a clause with no pair follows its first link.
    """

    anchor: str | None
    changed: bool
    alternatives: tuple[str, ...] = ()
    secondary: tuple[str, ...] = ()

    @property
    def candidates(self) -> tuple[str, ...]:
        """Every new clause a thread of this old clause may land on, in order of preference."""
        return (*((self.anchor,) if self.anchor is not None else ()), *self.alternatives, *self.secondary)


def align_clauses(
    old: list[Segment],
    new: list[Segment],
    *,
    links: Iterable[tuple[str, str]] = (),
    unlinks: Iterable[tuple[str, str]] = (),
) -> dict[str, Target]:
    """Map every old clause anchor to its place in ``new`` (pure).

    ``links`` and ``unlinks`` are the hand corrections of the alignment (old anchor, new
    anchor), as on the compare page: threads follow a hand link and never an unlinked pair,
    nor an unlinked secondary link.
    """
    unlinks = list(unlinks)
    return targets_from_pairs(compare(old, new, links=links, unlinks=unlinks), unlinks=unlinks)


def targets_from_pairs(
    pairs: Iterable[Pair], *, unlinks: Iterable[tuple[str, str]] = ()
) -> dict[str, Target]:
    """:func:`align_clauses` on the rows of a comparison already made (pure).

    A link (old anchor, new anchor) in ``unlinks`` is never followed, whatever form the
    comparison shows it in: the steward's word stands over every sign of the engine.
    """
    pairs = list(pairs)
    barred = {(a, b) for a, b in unlinks}
    order: dict[str, int] = {}
    for pair in pairs:
        for s in pair.b_segments:
            order.setdefault(s.anchor, len(order))
    # secondary links seen from the new side: an added clause drawn from an old one, a new
    # clause that also draws from other old clauses
    into: dict[str, set[str]] = {}
    for pair in pairs:
        sources = list(pair.more_from)
        if pair.kind == "added" and pair.also is not None:
            sources.append(pair.also)
        for a in sources:
            into.setdefault(a.anchor, set()).update(s.anchor for s in pair.b_segments)

    out: dict[str, Target] = {}
    for pair in pairs:
        b = [s.anchor for s in pair.b_segments]
        first = [pair.also.anchor] if not b and pair.also is not None else []
        for a in pair.a_segments:
            others = into.get(a.anchor, set()) | {s.anchor for s in pair.more_into}
            rest = sorted((x for x in others if x not in b and x not in first), key=order.__getitem__)
            secondary = tuple(x for x in (*first, *rest) if (a.anchor, x) not in barred)
            if not b:
                # a removed clause: its threads follow where its words went, if anywhere
                out[a.anchor] = Target(None, True, (), secondary)
                continue
            changed = pair.kind != "unchanged" and clause_text(a) != clause_text(pair.b_segments[0])
            changed = changed or len(b) > 1 or len(pair.a_segments) > 1
            out[a.anchor] = Target(b[0], changed, tuple(b[1:]), secondary)
    return out


@dataclass(frozen=True)
class Landing:
    """Where a carried thread lands: the new clause, its quote there (None when not found or
    not quoted), and by which tie: ``pair`` (the primary pair), ``split`` (the other half of a
    split) or ``link`` (a secondary link)."""

    anchor: str
    quote: QuoteMatch | None
    via: str


def choose_clause(
    target: Target, texts: Mapping[str, str], exact: str, prefix: str, suffix: str
) -> Landing | None:
    """The new clause a thread of the old clause ``target`` describes goes to (pure); None: orphaned.

    ``texts`` maps new anchors to clause texts; ``exact``, ``prefix`` and ``suffix`` are the
    thread's quote ("" when it quotes nothing), as :func:`reanchor_quote` takes them. A quoted thread goes to the candidate (pair,
    split half, secondary link, in that order) that holds its quote, an exact match before a
    fuzzy one; a thread without a quote, or whose quote is nowhere, goes to the primary pair,
    else to the first link.
    """
    via = {anchor: "link" for anchor in target.secondary}
    via |= {anchor: "split" for anchor in target.alternatives}
    if target.anchor is not None:
        via[target.anchor] = "pair"
    candidates = list(dict.fromkeys(target.candidates))
    if not candidates:
        return None
    if exact.strip():
        found = [(a, reanchor_quote(texts[a], exact, prefix, suffix)) for a in candidates if a in texts]
        found = [(a, m) for a, m in found if m is not None]
        if found:
            anchor, match = min(found, key=lambda am: am[1].fuzzy)  # stable: the earlier candidate on a tie
            return Landing(anchor, match, via[anchor])
    return Landing(candidates[0], None, via[candidates[0]])


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
