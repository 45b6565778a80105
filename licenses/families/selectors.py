"""Reads for family pages, each in a fixed number of queries whatever the family's size."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from licenses.families.models import ClauseGroup, ClauseGroupMember, Family
from licenses.families.services import base_license, current_versions
from licenses.models import Clause, License, LicenseVersion
from licenses.text.comparison import clause_text
from licenses.text.redline import Piece, redline

IDENTICAL, DIFFERS, ABSENT = "identical", "differs", "absent"


@dataclass
class Cell:
    state: str  # identical | differs | absent
    version: LicenseVersion
    clause: Clause | None = None
    manual: bool = False

    @property
    def symbol(self) -> str:
        return {IDENTICAL: "=", DIFFERS: "≠", ABSENT: "–"}[self.state]


@dataclass
class GroupRow:
    group: ClauseGroup
    cells: list[Cell]
    base_clause: Clause | None
    label: str
    heading: str

    @property
    def identical_count(self) -> int:
        return sum(c.state == IDENTICAL for c in self.cells)

    @property
    def present_count(self) -> int:
        return sum(c.state != ABSENT for c in self.cells)

    @property
    def all_identical(self) -> bool:
        return all(c.state == IDENTICAL for c in self.cells)


@dataclass
class VariantTable:
    family: Family
    members: list[License]
    versions: list[LicenseVersion]  # the member's current version, column by column
    rows: list[GroupRow]
    counts: dict[str, int] = field(default_factory=dict)


def family_for(slug: str) -> Family:
    return get_object_or_404(Family.objects.select_related("base"), slug=slug)


def _norm(clause: Clause, cache: dict[int, str]) -> str:
    text = cache.get(clause.pk)
    if text is None:
        # the same normal form the comparison engine pairs on: labels, wrapping and decoration aside
        text = clause_text(_Seg(clause))
        cache[clause.pk] = text
    return text


class _Seg:
    """The three attributes :func:`clause_text` reads, from a Clause row."""

    __slots__ = ("heading", "label", "text")

    def __init__(self, clause: Clause) -> None:
        self.label, self.heading, self.text = clause.label, clause.heading, clause.text


def variant_table(family: Family, *, versions: list[LicenseVersion] | None = None) -> VariantTable:
    """Rows are clause groups, columns the members' current versions (or the ``versions`` given,
    base first). Five queries: members, versions, groups, entries with their clauses."""
    members = sorted(family.members.all(), key=lambda m: m.name.lower())
    if versions is None:
        if members:
            base = base_license(family, members)
            members = [base, *[m for m in members if m.pk != base.pk]]
        latest = current_versions(members)
        versions = [latest[m.pk] for m in members if m.pk in latest]
    else:
        by_id = {m.pk: m for m in members}
        members = [by_id[v.license_id] for v in versions if v.license_id in by_id]
    for version in versions:
        version.license = next(m for m in members if m.pk == version.license_id)
    version_ids = [v.pk for v in versions]
    groups = list(
        ClauseGroup.objects.filter(family=family)
        .order_by("ordinal", "pk")
        .prefetch_related(
            Prefetch(
                "entries",
                queryset=ClauseGroupMember.objects.filter(version_id__in=version_ids)
                .select_related("clause")
                .only(
                    "group_id",
                    "version_id",
                    "manual",
                    "clause__id",
                    "clause__version_id",
                    "clause__label",
                    "clause__path",
                    "clause__anchor",
                    "clause__heading",
                    "clause__text",
                ),
                to_attr="current_entries",
            )
        )
    )
    norm: dict[int, str] = {}
    rows: list[GroupRow] = []
    counts = {IDENTICAL: 0, DIFFERS: 0, ABSENT: 0}
    for group in groups:
        by_version = {e.version_id: e for e in group.current_entries}
        if not by_version:
            continue  # only older versions have a clause here
        first = by_version.get(version_ids[0]) or next(by_version[v] for v in version_ids if v in by_version)
        base_text = _norm(first.clause, norm)
        cells = []
        for version in versions:
            entry = by_version.get(version.pk)
            if entry is None:
                cells.append(Cell(ABSENT, version))
                continue
            state = IDENTICAL if _norm(entry.clause, norm) == base_text else DIFFERS
            cells.append(Cell(state, version, entry.clause, entry.manual))
        for cell in cells:
            counts[cell.state] += 1
        rows.append(
            GroupRow(
                group=group,
                cells=cells,
                base_clause=first.clause,
                label=first.clause.path,
                heading=first.clause.summary_line,
            )
        )
    return VariantTable(family=family, members=members, versions=versions, rows=rows, counts=counts)


@dataclass
class CellDetail:
    family: Family
    group: ClauseGroup
    base: Clause
    clause: Clause
    pieces: list[Piece]
    identical: bool
    choices: list[tuple[int, str]]  # other groups the clause could move to


def cell_detail(family: Family, group_id: int, clause_id: int) -> CellDetail:
    """One cell: the member's clause against the row's base clause, as a redline."""
    entry = (
        ClauseGroupMember.objects.select_related("group", "clause", "clause__version__license")
        .filter(group__family=family, group_id=group_id, clause_id=clause_id)
        .first()
    )
    if entry is None:
        raise Http404("No such cell.")
    members = list(family.members.all())
    base = base_license(family, members) if members else None
    latest = current_versions(members)
    # the row's reference clause: the base's current version first, then the other current versions
    order = [latest[m.pk].pk for m in [base, *members] if m is not None and m.pk in latest]
    others = list(
        ClauseGroupMember.objects.select_related("clause").filter(group_id=group_id).exclude(pk=entry.pk)
    )
    rank = {pk: n for n, pk in enumerate(order)}
    reference = min(others, key=lambda e: rank.get(e.version_id, 99), default=None)
    base_clause = reference.clause if reference else entry.clause
    a, b = clause_text(_Seg(base_clause)), clause_text(_Seg(entry.clause))
    choices = [
        (g.pk, f"{g.path or '—'} {g.heading[:60]}".strip())
        for g in ClauseGroup.objects.filter(family=family).exclude(pk=group_id).order_by("ordinal")
    ]
    return CellDetail(
        family=family,
        group=entry.group,
        base=base_clause,
        clause=entry.clause,
        pieces=redline(a, b),
        identical=a == b,
        choices=choices,
    )


def family_list() -> list[Family]:
    return list(Family.objects.annotate(member_count=Count("members")).order_by("name"))


def families_of(license: License) -> list[Family]:
    return list(license.families.order_by("name"))
