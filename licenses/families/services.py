"""Writes for families: create and edit them, and keep their clause groups.

Clause groups are stored. :func:`groups_refresh` places the clauses of every member's current
version that is not yet grouped (a new family, a new member, a member's new version) and leaves
the rest alone, so the clauses of older versions, which family reviews may still cite, keep
their rows. :func:`groups_rebuild` realigns the current versions from scratch, keeping what was
placed by hand. :func:`group_place` is the hand correction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from licenses import stamps
from licenses.compare.selectors import segments_from_clauses
from licenses.families import grouping
from licenses.families.models import ClauseGroup, ClauseGroupMember, Family
from licenses.models import Clause, License, LicenseVersion
from licenses.rules import may_create_family, may_edit_family

MAX_MEMBERS = 24


class NotAllowed(Exception):
    """The actor may not do this. Views answer 404."""


def current_versions(licenses: Iterable[License]) -> dict[int, LicenseVersion]:
    """Each license's latest version by license id (one query)."""
    ids = [license.pk for license in licenses]
    latest: dict[int, LicenseVersion] = {}
    for version in LicenseVersion.objects.filter(license_id__in=ids).order_by("created_at", "pk"):
        latest[version.license_id] = version
    return latest


def _check_members(members: list[License], base: License | None) -> None:
    if len(members) < 2:
        raise ValidationError("A family needs at least two member licenses.")
    if len(members) > MAX_MEMBERS:
        raise ValidationError(f"A family has at most {MAX_MEMBERS} members.")
    if base is not None and base not in members:
        raise ValidationError("The base license must be one of the members.")


@transaction.atomic
def family_create(
    *,
    name: str,
    members: list[License],
    base: License | None = None,
    description: str = "",
    slug: str = "",
    user,
) -> Family:
    if not may_create_family(user):
        raise NotAllowed
    members = list(dict.fromkeys(members))
    _check_members(members, base)
    slug = slug or slugify(name.replace(".", "-"))[:100]  # "ModelGo 2.0" -> modelgo-2-0
    if not slug:
        raise ValidationError("Give the family a name with some letters or digits.")
    if Family.objects.filter(slug=slug).exists():
        raise ValidationError(f"A family with the address {slug!r} exists already; choose another name.")
    family = Family(slug=slug, name=name.strip(), description=description.strip(), base=base, created_by=user)
    family.full_clean()
    family.save()
    family.members.set(members)
    groups_refresh(family=family)
    return family


@transaction.atomic
def family_update(
    *, family: Family, name: str, members: list[License], base: License | None, description: str, user
) -> Family:
    if not may_edit_family(user, family):
        raise NotAllowed
    members = list(dict.fromkeys(members))
    _check_members(members, base)
    base_changed = (base.pk if base else None) != family.base_id
    family.name, family.description, family.base = name.strip(), description.strip(), base
    family.full_clean()
    family.save()
    family.members.set(members)
    if base_changed:
        groups_rebuild(family=family)
    else:
        groups_refresh(family=family)
    return family


def base_license(family: Family, members: list[License]) -> License:
    if family.base_id:
        for license in members:
            if license.pk == family.base_id:
                return license
    return members[0]


def ordered_members(family: Family) -> list[License]:
    """Members with the base first, then by name (one query)."""
    members = sorted(family.members.all(), key=lambda m: m.name.lower())
    if not members:
        return []
    base = base_license(family, members)
    return [base, *[m for m in members if m.pk != base.pk]]


def _representatives(groups: list[ClauseGroup], entries: list[ClauseGroupMember], rank: dict[int, int]):
    """One clause per group, from the best-ranked version (the base's current one first)."""
    chosen: dict[int, ClauseGroupMember] = {}
    for entry in entries:
        held = chosen.get(entry.group_id)
        if held is None or rank.get(entry.version_id, 99) < rank.get(held.version_id, 99):
            chosen[entry.group_id] = entry
    return [chosen[g.pk].clause for g in groups]


@transaction.atomic
def groups_refresh(*, family: Family) -> int:
    """Place every clause of a current member version that no group holds; the number placed.

    Each version's unplaced clauses are aligned against one representative per group the
    version has no clause in yet; a clause that aligns with none opens a new group.
    """
    members = ordered_members(family)
    current = current_versions(members)
    order = [current[m.pk] for m in members if m.pk in current]
    if not order:
        return 0
    rank = {v.pk: n for n, v in enumerate(order)}
    entries = list(
        ClauseGroupMember.objects.filter(group__family=family)
        .select_related("clause")
        .order_by("group__ordinal", "pk")
    )
    groups = list(ClauseGroup.objects.filter(family=family).order_by("ordinal", "pk"))
    clauses_by_version = _clauses(order)
    placed_clauses = {e.clause_id for e in entries}
    placed = 0
    for version in order:
        clauses = [c for c in clauses_by_version[version.pk] if c.pk not in placed_clauses]
        if not clauses:
            continue
        taken = {e.group_id for e in entries if e.version_id == version.pk}
        held = {e.group_id for e in entries}
        rep_groups = [g for g in groups if g.pk in held and g.pk not in taken]
        rep_clauses = _representatives(rep_groups, [e for e in entries if e.group_id not in taken], rank)
        found = grouping.attach(segments_from_clauses(rep_clauses), segments_from_clauses(clauses))
        new_entries = [
            ClauseGroupMember(group=rep_groups[r], version=version, clause=clauses[index])
            for r, index in found.joins.items()
        ]
        # New groups go after the group of the clause before them; the others keep their order.
        opened: dict[int, list[ClauseGroup]] = {}
        for after, index in found.opens:
            clause = clauses[index]
            group = ClauseGroup.objects.create(
                family=family, ordinal=0, path=clause.path[:200], heading=clause.summary_line[:500]
            )
            anchor = rep_groups[after].pk if after >= 0 else None
            opened.setdefault(anchor, []).append(group)
            new_entries.append(ClauseGroupMember(group=group, version=version, clause=clause))
        groups = opened.get(None, []) + [x for g in groups for x in (g, *opened.get(g.pk, []))]
        for n, group in enumerate(groups):
            group.ordinal = n
        ClauseGroup.objects.bulk_update(groups, ["ordinal"])
        created = ClauseGroupMember.objects.bulk_create(new_entries)
        stamps.touch()  # bulk writes send no signals
        for entry, source in zip(created, new_entries, strict=True):
            entry.clause = source.clause
        entries.extend(created)
        placed_clauses.update(e.clause_id for e in created)
        placed += len(created)
    return placed


def _clauses(versions: list[LicenseVersion]) -> dict[int, list[Clause]]:
    by_version: dict[int, list[Clause]] = {v.pk: [] for v in versions}
    for clause in Clause.objects.filter(version__in=versions).order_by("version_id", "ordinal"):
        by_version[clause.version_id].append(clause)
    return by_version


@transaction.atomic
def groups_rebuild(*, family: Family) -> int:
    """Realign the current versions from scratch, keeping the clauses placed by hand where they are."""
    current = current_versions(ordered_members(family))
    ClauseGroupMember.objects.filter(
        group__family=family, version__in=list(current.values()), manual=False
    ).delete()
    ClauseGroup.objects.filter(family=family, entries__isnull=True).delete()
    return groups_refresh(family=family)


def family_realign(*, family: Family, user) -> int:
    if not may_edit_family(user, family):
        raise NotAllowed
    return groups_rebuild(family=family)


@transaction.atomic
def refresh_families_of(license: License) -> None:
    """A member got a new version: place its clauses in each of its families."""
    for family in Family.objects.filter(members=license):
        groups_refresh(family=family)


@transaction.atomic
def group_place(*, family: Family, clause: Clause, group: ClauseGroup | None, user) -> ClauseGroup:
    """Move ``clause`` into ``group`` (a new row of its own when None), by hand."""
    if not may_edit_family(user, family):
        raise NotAllowed
    entry = (
        ClauseGroupMember.objects.select_for_update()
        .select_related("group")
        .filter(group__family=family, clause=clause)
        .first()
    )
    if entry is None:
        raise ValidationError("This clause is not in the family's table.")
    if group is not None and group.family_id != family.pk:
        raise NotAllowed
    if group is not None and group.pk == entry.group_id:
        return group
    if group is not None:
        taken = ClauseGroupMember.objects.filter(group=group, version_id=clause.version_id).first()
        if taken is not None:
            raise ValidationError(
                f"That row already holds {taken.clause.path or 'a clause'} of {clause.version}; "
                "move that clause out first."
            )
    else:
        after = entry.group.ordinal
        ClauseGroup.objects.filter(family=family, ordinal__gt=after).update(ordinal=F("ordinal") + 1)
        stamps.touch()  # update() sends no signal
        group = ClauseGroup.objects.create(
            family=family, ordinal=after + 1, path=clause.path[:200], heading=clause.summary_line[:500]
        )
    old_group = entry.group
    entry.group = group
    entry.manual = True
    entry.placed_by = user
    entry.placed_at = timezone.now()
    entry.full_clean()
    entry.save()
    if not old_group.entries.exists():
        old_group.delete()
    return group
