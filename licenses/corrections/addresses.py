"""Clause addresses: the path and anchor a hand-corrected clause gets, as the segmenter makes them.

``path_for_label`` follows the segmenter's numbering conventions; ``unique_address`` finds a
free path and anchor in a version. Used by :mod:`licenses.corrections.services`.
"""

from __future__ import annotations

import re

from licenses.models import Clause, LicenseVersion

_SIMPLE = re.compile(r"^\(?([A-Za-z0-9]{1,5})[.)]?$")
_WORD = re.compile(r"^(?:section|article|clause|§)", re.I)


def anchor_for(path: str) -> str:
    """URL-safe anchor for a path, as the segmenter makes them: ``2.2(b)`` -> ``2.2.b``."""
    return re.sub(r"[^a-z0-9_-]+", ".", path.lower().replace("§", "s")).strip(".-")[:200] or "clause"


def _tokens(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _parent_numbers(path: str) -> list[str]:
    toks = _tokens(path)
    while toks and toks[0] in ("section", "article", "clause", "s"):
        toks.pop(0)
    return toks


def path_for_label(label: str, parent: Clause | None) -> str:
    """The full address of a clause printed with ``label`` under ``parent``.

    Follows the segmenter's conventions: ``(c)`` under ``2.2`` is ``2.2(c)``, ``2.3`` under
    ``2`` stays ``2.3``, ``Section 4`` is never prefixed.
    """
    label = label.strip()
    simple = _SIMPLE.match(label)
    if simple:
        core = simple.group(1)
        if parent is None:
            return f"({core})" if label.startswith("(") else core
        return f"{parent.path}({core})"
    own = label.rstrip(".")
    if parent is None or _WORD.match(own):
        return own
    parent_toks = _parent_numbers(parent.path)
    if _tokens(own)[: len(parent_toks)] == parent_toks:
        return own
    return f"{parent.path}.{own}"


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40].strip("-") or "part"


def taken_addresses(version: LicenseVersion, exclude: int | None = None) -> tuple[set[str], set[str]]:
    rows = Clause.objects.filter(version=version).exclude(pk=exclude).values_list("path", "anchor")
    paths, anchors = set(), set()
    for path, anchor in rows:
        paths.add(path)
        anchors.add(anchor)
    return paths, anchors


def unique_address(version: LicenseVersion, base: str, exclude: int | None = None) -> tuple[str, str]:
    """``base`` or ``base-2``, ``base-3``… whichever is free in the version, as (path, anchor)."""
    paths, anchors = taken_addresses(version, exclude)
    base = base[:190]
    path, anchor, n = base, anchor_for(base), 1
    while path in paths or anchor in anchors:
        n += 1
        path, anchor = f"{base}-{n}", f"{anchor_for(base)[:190]}-{n}"
    return path, anchor
