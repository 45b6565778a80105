"""Demo family: the six Creative Commons 4.0 licenses, aligned clause by clause."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from licenses.families.models import ClauseGroupMember, Family
from licenses.families.services import groups_refresh
from licenses.models import Clause, Criterion, CriterionSet, License

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


@transaction.atomic
def load_demo_family_review() -> str:
    """A family review of the six CC 4.0 licenses against the OSD: a thread on the attribution
    clause that applies to all six, and a position on the NonCommercial grant for the NC members only."""
    from demo.reviews import MARKER, PEOPLE, _person
    from review.families.models import FamilyReview
    from review.families.services import family_position_set, family_review_open, family_thread_start
    from review.models import Stance

    family = Family.objects.filter(slug=CC_FAMILY_SLUG).first()
    osd = CriterionSet.objects.filter(slug="osd-1.9").first()
    if family is None or osd is None:
        return "Demo family review skipped: the family or the OSD criteria are not loaded."
    if FamilyReview.objects.filter(family=family, review__rationale__startswith=MARKER).exists():
        return "Demo family review: already there."
    people = {p[0]: _person(*p) for p in PEOPLE}
    review = family_review_open(
        family=family,
        opened_by=people["maren"],
        criterion_set=osd,
        rationale=f"{MARKER} The six Creative Commons 4.0 licenses reviewed as one family: most clauses "
        "are shared word for word, so each is argued once for every sibling that has it.",
    )
    members = {v.license.slug: v for v in review.family_review.members.select_related("license")}
    base = members["cc-by"]
    attribution = Clause.objects.filter(version=base, path="Section 3(a)(1)").first()
    if attribution is not None:
        thread = family_thread_start(
            review=review,
            clause=attribution,
            author=people["ines"],
            stance=Stance.QUESTION,
            criterion=Criterion.objects.get(set=osd, number=3),
            body="Every sibling asks for the same attribution (creator, notices, a link to the license). "
            "Does any of them make attribution so heavy that derived works cannot be shared on the "
            "same terms (OSD 3)? The wording is shared by all six, so one answer holds for all.",
        )
        services_comment(thread, people["tomas"])
    grant = Clause.objects.filter(version=members["cc-by-nc"], path="Section 2(a)(1)(A)").first()
    if grant is not None:
        group = ClauseGroupMember.objects.get(group__family=family, clause=grant).group
        family_position_set(
            review=review,
            group=group,
            criterion=Criterion.objects.get(set=osd, number=6),
            reviewer=people["tomas"],
            verdict="conflicts",
            rationale="“For NonCommercial purposes only” excludes a field of endeavour: commercial use.",
            members=[members[slug] for slug in NC_MEMBERS],
        )
    return f"Demo family review: {reverse('review:family-review', args=[review.pk])}."


def services_comment(thread, author) -> None:
    from review.models import Stance
    from review.services import comment_add

    comment_add(
        thread=thread,
        author=author,
        stance=Stance.SUPPORT,
        body="No: the conditions may be met in any reasonable manner (3(a)(2)), which keeps them light.",
    )
