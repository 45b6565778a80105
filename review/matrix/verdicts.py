"""Verdicts and their tally: what a matrix cell shows.

Pure: no Django. The matrix page, the services and the exports all count positions with this.

Rules
- The four verdicts, most to least severe: conflicts > concern > complies > not_applicable.
- ``worst`` is the most severe verdict present (None for no positions).
- ``disagreement`` is True when the cell holds at least one negative verdict (conflicts or
  concern) AND at least one complies. "conflicts" beside "concern" is not a disagreement: both
  say there is a problem and differ only on how bad it is. "not_applicable" never makes a
  disagreement: a reviewer who thinks the criterion does not bear on the clause does not
  contradict either side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CONFLICTS = "conflicts"
CONCERN = "concern"
COMPLIES = "complies"
NOT_APPLICABLE = "not_applicable"

#: Most severe first.
VERDICTS: tuple[str, ...] = (CONFLICTS, CONCERN, COMPLIES, NOT_APPLICABLE)
NEGATIVE = frozenset({CONFLICTS, CONCERN})
LABELS = {
    CONFLICTS: "conflicts",
    CONCERN: "concern",
    COMPLIES: "complies",
    NOT_APPLICABLE: "not applicable",
}
#: Counted: "1 conflict", "2 conflicts", "1 complies", "3 comply".
COUNT_NOUNS = {
    CONFLICTS: ("conflict", "conflicts"),
    CONCERN: ("concern", "concerns"),
    COMPLIES: ("complies", "comply"),
    NOT_APPLICABLE: ("not applicable", "not applicable"),
}
#: Symbols that carry the verdict without colour, everywhere a verdict is drawn (the matrix, its
#: legend, the exports). One copy, so a legend never explains a glyph the page does not use.
SYMBOLS = {CONFLICTS: "✕", CONCERN: "!", COMPLIES: "✓", NOT_APPLICABLE: "–"}
DISAGREEMENT_SYMBOL = "≠"
_SEVERITY = {verdict: rank for rank, verdict in enumerate(reversed(VERDICTS))}


def check_verdict(verdict: str) -> str:
    if verdict not in _SEVERITY:
        raise ValueError(f"Unknown verdict {verdict!r}; expected one of {', '.join(VERDICTS)}.")
    return verdict


@dataclass(frozen=True, slots=True)
class Tally:
    conflicts: int = 0
    concern: int = 0
    complies: int = 0
    not_applicable: int = 0

    @property
    def total(self) -> int:
        return self.conflicts + self.concern + self.complies + self.not_applicable

    def count(self, verdict: str) -> int:
        return getattr(self, check_verdict(verdict))

    @property
    def worst(self) -> str | None:
        return next((v for v in VERDICTS if self.count(v)), None)

    @property
    def disagreement(self) -> bool:
        return (self.conflicts + self.concern) > 0 and self.complies > 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(self.count(v) + other.count(v) for v in VERDICTS))

    def as_dict(self) -> dict[str, int]:
        return {v: self.count(v) for v in VERDICTS}

    def label(self) -> str:
        """Human text such as "1 conflict, 2 concerns, 1 complies" ("no positions" when empty)."""
        parts = []
        for v in VERDICTS:
            n = self.count(v)
            if n:
                one, many = COUNT_NOUNS[v]
                parts.append(f"{n} {one if n == 1 else many}")
        return ", ".join(parts) or "no positions"


def tally(verdicts: Iterable[str]) -> Tally:
    counts = dict.fromkeys(VERDICTS, 0)
    for verdict in verdicts:
        counts[check_verdict(verdict)] += 1
    return Tally(**counts)


def worst(verdicts: Iterable[str]) -> str | None:
    return tally(verdicts).worst


def disagreement(verdicts: Iterable[str]) -> bool:
    return tally(verdicts).disagreement


def tally_symbols(t: Tally) -> str:
    """Compact cell text: "2✕ 1✓" (empty for no positions)."""
    return " ".join(f"{t.count(v)}{SYMBOLS[v]}" for v in VERDICTS if t.count(v))
