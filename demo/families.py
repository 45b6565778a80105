"""Demo family: the six Creative Commons 4.0 licenses, aligned clause by clause."""

from __future__ import annotations

from django.db import transaction

from licenses.families.models import Family
from licenses.families.services import groups_refresh
from licenses.models import License

CC_FAMILY_SLUG = "creative-commons-4-0"
# The licenses' keys (spdx_import.spdx_key of CC-BY-4.0 and its siblings), the base first.
CC_MEMBERS = ["cc-by", "cc-by-sa", "cc-by-nc", "cc-by-nd", "cc-by-nc-sa", "cc-by-nc-nd"]
NC_MEMBERS = ["cc-by-nc", "cc-by-nc-sa", "cc-by-nc-nd"]


@transaction.atomic
def load_demo_family() -> str:
    members = {lic.slug: lic for lic in License.objects.filter(slug__in=CC_MEMBERS)}
    if len(members) < len(CC_MEMBERS):
        return "Demo family skipped: the six Creative Commons 4.0 licenses are not all loaded."
    family, created = Family.objects.get_or_create(
        slug=CC_FAMILY_SLUG,
        defaults={
            "name": "Creative Commons 4.0",
            "description": "The six Creative Commons 4.0 International licenses: one text, with the "
            "NonCommercial, NoDerivatives and ShareAlike conditions switched on or off.",
            "base": members["cc-by"],
        },
    )
    family.members.add(*members.values())
    placed = groups_refresh(family=family)
    if not created and not placed:
        return "Demo family: already there."
    return f"Demo family: {family.get_absolute_url()} ({family.groups.count()} clause groups)."
