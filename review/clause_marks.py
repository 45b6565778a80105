"""How the review page marks a clause: its heat, and its text cut at the quotes of its threads.

Both are pure: they take a count or the threads already loaded (any objects with the quote
fields of ``review.models.Thread``) and import nothing from Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations; importing the model would load Django
    from review.models import Thread


@dataclass(frozen=True)
class Heat:
    level: str  # none | some | active | hot (a CSS class)
    symbol: str  # the shape: readable without colour
    label: str  # for screen readers and the legend


HEAT_LEVELS = [
    Heat("none", "○", "No discussion"),
    Heat("some", "◔", "Some discussion"),
    Heat("active", "◑", "Active discussion"),
    Heat("hot", "●", "Contested"),
]


def heat_for(*, thread_count: int, open_comments: int, open_objections: int) -> Heat:
    """Open comments count once and open objections or concerns count again."""
    if not thread_count:
        return HEAT_LEVELS[0]
    score = open_comments + open_objections
    if score >= 6:
        return HEAT_LEVELS[3]
    if score >= 3:
        return HEAT_LEVELS[2]
    return HEAT_LEVELS[1]


@dataclass
class MarkedSpan:
    text: str
    thread_ids: tuple[int, ...] = ()


def highlight(text: str, threads: list[Thread]) -> list[MarkedSpan]:
    """Split ``text`` at the quotes of ``threads``; each piece names the threads quoting it.

    Quotes may overlap. A quote whose offsets no longer match its text is left out.
    """
    spans = [
        (t.quote_start, t.quote_end, t.pk)
        for t in threads
        if t.quote_exact
        and not t.quote_missing
        and t.quote_start is not None
        and t.quote_end is not None
        and text[t.quote_start : t.quote_end] == t.quote_exact
    ]
    if not spans:
        return [MarkedSpan(text)] if text else []
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        ids = tuple(pk for s, e, pk in spans if s <= a and b <= e)
        segments.append(MarkedSpan(text[a:b], ids))
    return segments
