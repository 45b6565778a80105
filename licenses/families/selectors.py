"""Reads for family pages, each in a fixed number of queries whatever the family's size."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from licenses.families.models import ClauseGroup, ClauseGroupMember, Family
from licenses.families.services import base_license, current_versions
from licenses.models import Clause, License, LicenseVersion
from licenses.text.comparison import clause_text
from licenses.text.redline import Piece, redline

IDENTICAL, DIFFERS, ABSENT = "identical", "differs", "absent"


_SYMBOLS = {IDENTICAL: "=", DIFFERS: "≠", ABSENT: "–"}
_SAYS = {IDENTICAL: "identical", DIFFERS: "wording differs", ABSENT: "absent"}


@dataclass
class ClauseRef:
    """The few fields of a clause the table shows (the table holds hundreds: no model instances)."""

    pk: int
    version_id: int
    label: str
    path: str
    anchor: str
    heading: str
    text: str

    @property
    def summary_line(self) -> str:
        return Clause.summary_line.fget(self)


@dataclass
class Cell:
    state: str  # identical | differs | absent
    version: LicenseVersion
    clause: ClauseRef | None = None
    manual: bool = False
    url: str = ""

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self.state]

    @property
    def html(self) -> SafeString:
        """The cell's content. Built here, not in the template: a table has ~500 cells, and the
        template engine (and even format_html) spends most of the page's time on them
        (bench/family.py). Every value that comes from a user goes through ``escape``."""
        name = escape(self.version.license.name)
        if self.clause is None:
            return mark_safe(  # noqa: S308 - escaped above
                f'<span title="{name} has no such clause"><span aria-hidden="true">–</span>'
                '<span class="visually-hidden">absent</span></span>'
            )
        url, path, says = escape(self.url), escape(self.clause.path), _SAYS[self.state]
        manual = ' <span title="placed by hand">✎</span>' if self.manual else ""
        return mark_safe(  # noqa: S308 - every interpolated value is escaped
            f'<a href="{url}" hx-get="{url}" hx-target="#cell-panel" hx-swap="innerHTML" title="{name} {path}: {says}">'
            f'<span aria-hidden="true">{self.symbol}</span> <span class="fam-path">{path}</span>'
            f'<span class="visually-hidden"> {says}</span>{manual}</a>'
        )


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


def _norm(clause: ClauseRef | Clause, cache: dict[int, str]) -> str:
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
    groups = list(ClauseGroup.objects.filter(family=family).order_by("ordinal", "pk"))
    entries: dict[int, dict[int, tuple[ClauseRef, bool]]] = {}
    for group_id, version_id, manual, *fields in ClauseGroupMember.objects.filter(
        group__family=family, version_id__in=version_ids
    ).values_list(
        "group_id",
        "version_id",
        "manual",
        "clause_id",
        "clause__version_id",
        "clause__label",
        "clause__path",
        "clause__anchor",
        "clause__heading",
        "clause__text",
    ):
        entries.setdefault(group_id, {})[version_id] = (ClauseRef(*fields), manual)
    # one reverse() for the whole table: hundreds of cells share its shape
    template = reverse("licenses:family-cell", args=[family.slug, 0, 0])
    head = template.removesuffix("0/0/")
    norm: dict[int, str] = {}
    rows: list[GroupRow] = []
    counts = {IDENTICAL: 0, DIFFERS: 0, ABSENT: 0}
    for group in groups:
        by_version = entries.get(group.pk)
        if not by_version:
            continue  # only older versions have a clause here
        first = by_version.get(version_ids[0]) or next(by_version[v] for v in version_ids if v in by_version)
        base_text = _norm(first[0], norm)
        cells = []
        for version in versions:
            found = by_version.get(version.pk)
            if found is None:
                cells.append(Cell(ABSENT, version))
                continue
            clause, manual = found
            state = IDENTICAL if _norm(clause, norm) == base_text else DIFFERS
            cells.append(Cell(state, version, clause, manual, f"{head}{group.pk}/{clause.pk}/"))
            counts[state] += 1
        counts[ABSENT] += len(versions) - len(by_version)
        rows.append(
            GroupRow(
                group=group,
                cells=cells,
                base_clause=first[0],
                label=first[0].path,
                heading=first[0].summary_line,
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
