"""PURE: the nearest license name or SPDX id to a misspelt query ("Apahce 2" -> Apache-2.0)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

CUTOFF = 72.0


def nearest(query: str, names: Sequence[str], *, cutoff: float = CUTOFF) -> int | None:
    """Index of the name closest to ``query``, or None when nothing is close enough."""
    query = " ".join(query.split())[:100]
    if len(query) < 3 or not names:
        return None
    found = process.extractOne(
        query, names, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=cutoff
    )
    return None if found is None else found[2]
