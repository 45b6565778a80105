"""The wording rules of every OSD criterion, gathered and compiled (pure).

Each criterion's rules live in a module of their own (``redistribution``: OSD 1, ``source``: 2,
``derived``: 3, ``integrity``: 4, ``discrimination``: 5 and 6, ``license_reach``: 7, 8 and 9,
``neutrality``: 10), written from the criteria's own words; ``rule.Rule`` says what a rule is.
``compiled`` folds a license's own defined terms into the concepts ``{DERIVED}``,
``{DISTRIBUTE}`` and ``{SOURCE}`` and compiles the rules once per term set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from licenses.text.hints.derived import DERIVED_WORKS
from licenses.text.hints.discrimination import DISCRIMINATION
from licenses.text.hints.integrity import INTEGRITY
from licenses.text.hints.license_reach import LICENSE_REACH
from licenses.text.hints.neutrality import NEUTRALITY
from licenses.text.hints.redistribution import REDISTRIBUTION
from licenses.text.hints.rule import Rule
from licenses.text.hints.source import SOURCE_CODE
from licenses.text.hints.structure import DERIVED, DISTRIBUTE, SOURCE
from licenses.text.hints.terms import NO_TERMS, Terms

__all__ = ["RULES", "Compiled", "Rule", "compiled"]

RULES: tuple[Rule, ...] = (
    *REDISTRIBUTION,
    *SOURCE_CODE,
    *DERIVED_WORKS,
    *INTEGRITY,
    *DISCRIMINATION,
    *LICENSE_REACH,
    *NEUTRALITY,
)


@dataclass(frozen=True, slots=True)
class Compiled:
    number: int
    reason: str
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    item: re.Pattern[str] | None
    within: re.Pattern[str] | None
    definitions: bool


def _alternation(base: str, extra: tuple[str, ...]) -> str:
    words = [r"\s+".join(re.escape(w) for w in term.split()) for term in extra]
    return "|".join([*words, base])


@lru_cache(maxsize=256)
def compiled(terms: Terms = NO_TERMS) -> tuple[Compiled, ...]:
    """The rules with the license's own terms folded into the concepts, compiled once per term set."""
    concepts = {
        "{DERIVED}": _alternation(DERIVED, terms.derived),
        "{DISTRIBUTE}": _alternation(DISTRIBUTE, terms.distribute),
        "{SOURCE}": _alternation(SOURCE, terms.source),
    }

    def fill(p: str) -> re.Pattern[str] | None:
        if not p:
            return None
        for key, value in concepts.items():
            p = p.replace(key, value)
        return re.compile(p, re.IGNORECASE)

    return tuple(
        Compiled(
            r.number,
            r.reason,
            fill(r.pattern),
            fill(r.needs),
            fill(r.unless),
            fill(r.item),
            fill(r.within),
            r.definitions,
        )
        for r in RULES
    )
