"""One wording rule (pure): a pattern read sentence by sentence, with optional conditions.

``needs`` must also match the sentence, ``unless`` must not, ``within`` the whole clause; ``item`` rules read only list items
that continue a grant or a restriction. Patterns may name the concepts ``{DERIVED}``,
``{DISTRIBUTE}`` and ``{SOURCE}``, which ``rules.compiled`` widens with a license's own terms.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    number: int
    reason: str
    pattern: str
    needs: str = ""
    unless: str = ""
    item: str = ""  # the sentence must start like this (a list item)
    # must match the clause's readable text as a whole (its sentences joined by spaces), not
    # necessarily the sentence the rule reads: a closing "for NonCommercial purposes only." limits
    # the acts its clause lists above it
    within: str = ""
    # Whether the rule also reads definitions ("'Source' means the preferred form ..."): most
    # definitions only name things, and the clauses that use the names are the ones to read.
    definitions: bool = False
