"""Hand corrections of an alignment: link two clauses the engine left apart, or unlink a wrong pair.

Reads (:func:`links_for`, with its cache-key ``state``) feed :func:`licenses.text.comparison.compare`
and the compare cache key; writes (:func:`link_clauses`, :func:`unlink_clauses`,
:func:`forget_link`) are keyword-only services in one transaction each that check rights
(:func:`licenses.rules.may_link_clauses`) and raise :class:`NotAllowed` for others, which the
views answer with a 404.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from licenses.models import Clause, ClauseLink, LicenseVersion
from licenses.rules import may_link_clauses


class NotAllowed(Exception):
    """The user may not change this alignment (views answer 404)."""


@dataclass(frozen=True)
class Links:
    """Hand links between two versions, oriented a -> b: pairs of anchors."""

    links: tuple[tuple[str, str], ...] = ()
    unlinks: tuple[tuple[str, str], ...] = ()
    rows: tuple[ClauseLink, ...] = ()

    @property
    def state(self) -> str:
        """What the links add to a cache key: empty when there are none."""
        if not self.rows:
            return "no-links"
        raw = "\n".join(
            f"{k}\0{x}\0{y}" for k, pairs in (("l", self.links), ("u", self.unlinks)) for x, y in pairs
        )
        return "links-" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def _pair_filter(a: LicenseVersion, b: LicenseVersion) -> Q:
    return Q(version_a=a, version_b=b) | Q(version_a=b, version_b=a)


def links_for(a: LicenseVersion, b: LicenseVersion) -> Links:
    """The hand links of a -> b, including those made on the swapped comparison (one query)."""
    if a.pk == b.pk:
        return Links()
    rows = tuple(ClauseLink.objects.filter(_pair_filter(a, b)).order_by("created_at", "pk"))
    links, unlinks = [], []
    for row in rows:
        pair = (row.a_anchor, row.b_anchor) if row.version_a_id == a.pk else (row.b_anchor, row.a_anchor)
        (links if row.kind == ClauseLink.Kind.LINK else unlinks).append(pair)
    return Links(tuple(links), tuple(unlinks), rows)


def _clause(version: LicenseVersion, anchor: str) -> Clause:
    clause = (
        Clause.objects.filter(version=version, anchor=anchor).only("pk", "anchor", "path", "label").first()
    )
    if clause is None:
        raise ValidationError(f"{version.title} has no clause {anchor!r} (it may have been corrected since).")
    return clause


def _existing(a: LicenseVersion, b: LicenseVersion, a_anchor: str, b_anchor: str) -> ClauseLink | None:
    """The hand link of exactly this pair, stored in either direction."""
    return ClauseLink.objects.filter(
        Q(version_a=a, version_b=b, a_anchor=a_anchor, b_anchor=b_anchor)
        | Q(version_a=b, version_b=a, a_anchor=b_anchor, b_anchor=a_anchor)
    ).first()


def _check(by, a: LicenseVersion, b: LicenseVersion) -> None:
    if not may_link_clauses(by, a.license, b.license):
        raise NotAllowed
    if a.pk == b.pk:
        raise ValidationError("A version's clauses are all aligned with themselves already.")


@transaction.atomic
def link_clauses(*, a: LicenseVersion, b: LicenseVersion, a_anchor: str, b_anchor: str, by) -> ClauseLink:
    """Link clause ``a_anchor`` of ``a`` with ``b_anchor`` of ``b`` by hand.

    Refuses a clause that is already linked by hand to another one (unlink that first).
    Replaces an earlier "keep apart" of the same pair.
    """
    _check(by, a, b)
    ca, cb = _clause(a, a_anchor), _clause(b, b_anchor)
    current = links_for(a, b)
    for x, y in current.links:
        if (x, y) == (a_anchor, b_anchor):
            raise ValidationError(f"{ca.path or ca.anchor} and {cb.path or cb.anchor} are already linked.")
        if x == a_anchor:
            raise ValidationError(
                f"{ca.path or ca.anchor} is already linked by hand to {y}; unlink it first."
            )
        if y == b_anchor:
            raise ValidationError(
                f"{cb.path or cb.anchor} is already linked by hand to {x}; unlink it first."
            )
    old = _existing(a, b, a_anchor, b_anchor)
    if old is not None:
        old.delete()
    link = ClauseLink(
        version_a=a,
        version_b=b,
        a_anchor=a_anchor,
        b_anchor=b_anchor,
        kind=ClauseLink.Kind.LINK,
        created_by=by,
    )
    link.full_clean(exclude=["version_a", "version_b", "created_by"])
    link.save()
    return link


@transaction.atomic
def unlink_clauses(
    *, a: LicenseVersion, b: LicenseVersion, a_anchor: str, b_anchor: str, by
) -> ClauseLink | None:
    """Undo a pair: a hand link is removed; a pair the engine made is kept apart from now on.

    Returns the new "keep apart" row, or None when a hand link was removed.
    """
    _check(by, a, b)
    _clause(a, a_anchor)
    _clause(b, b_anchor)
    old = _existing(a, b, a_anchor, b_anchor)
    if old is not None:
        kind = old.kind
        old.delete()
        if kind == ClauseLink.Kind.LINK:
            return None
    link = ClauseLink(
        version_a=a,
        version_b=b,
        a_anchor=a_anchor,
        b_anchor=b_anchor,
        kind=ClauseLink.Kind.UNLINK,
        created_by=by,
    )
    link.full_clean(exclude=["version_a", "version_b", "created_by"])
    link.save()
    return link


@transaction.atomic
def forget_link(*, a: LicenseVersion, b: LicenseVersion, link_id: int, by) -> None:
    """Remove one hand correction (a link or a "keep apart") of this comparison."""
    _check(by, a, b)
    deleted, _ = ClauseLink.objects.filter(_pair_filter(a, b), pk=link_id).delete()
    if not deleted:
        raise ValidationError("That correction is gone already.")
