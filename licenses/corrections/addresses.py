"""Clause addresses: the path and anchor a hand-corrected clause gets, as the segmenter makes them.

The rules live once, in the pure :mod:`licenses.text.addresses`; ``unique_address`` finds a
free path and anchor in a version. Used by :mod:`licenses.corrections.services`.
"""

from __future__ import annotations

from licenses.models import Clause, LicenseVersion
from licenses.text.addresses import anchor as anchor_for
from licenses.text.addresses import child_path, slug

__all__ = ["anchor_for", "path_for_label", "slug", "taken_addresses", "unique_address"]


def path_for_label(label: str, parent: Clause | None) -> str:
    """The full address of a clause printed with ``label`` under ``parent``, as the segmenter
    makes it (one rule, :func:`licenses.text.addresses.child_path`)."""
    return child_path(label, parent.path if parent is not None else None)


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
