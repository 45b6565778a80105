"""Demo positions: reviewers' verdicts on a few cells, so that the demo matrices are not empty.

Two reviews carry them: the CC-BY-NC-4.0 demo review, and a review of CC-BY-4.0, whose grant is
worded like CC-BY-NC's without the NonCommercial limit. Each matrix therefore shows precedent
from the other: the NonCommercial grant's cell on OSD 6 cites CC-BY-4.0's reviewers, who found
the same words without "for NonCommercial purposes only" compliant, and the redline shows the
difference. Clauses are found by a phrase they contain, so the demo survives segmenter changes.

``add_demo_positions(review)`` is idempotent: a cell where a demo reviewer already has a position
is left alone. The rationales are examples of how a reviewer argues, in our own words, not legal
advice.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction

from accounts.models import Profile
from accounts.roles import REVIEWER
from licenses.models import Clause, Criterion
from review.matrix.services import position_set
from review.models import Position, Review

DEMO_REVIEWERS = ("demo-reviewer-ana", "demo-reviewer-ben", "demo-reviewer-chen")
DISPLAY_NAMES = {
    "demo-reviewer-ana": "Ana Demir",
    "demo-reviewer-ben": "Ben Castro",
    "demo-reviewer-chen": "Chen Wei",
}
ANA, BEN, CHEN = DEMO_REVIEWERS

# (phrase in the clause, OSD number, [(reviewer, verdict, rationale)]) per license slug.
POSITIONS: dict[str, list[tuple[str, int, list[tuple[str, str, str]]]]] = {
    "cc-by-nc": [  # version 4.0 (the demo reviews only that one)
        (
            "in whole or in part, for NonCommercial purposes only; and",
            6,
            [
                (
                    ANA,
                    "conflicts",
                    "The grant stops at *NonCommercial purposes*. OSD 6 bars keeping anyone from using "
                    "the work in a field of endeavour, and business is the plainest such field.",
                ),
                (BEN, "conflicts", "Same reading: commerce is excluded from the grant itself."),
                (
                    CHEN,
                    "conflicts",
                    "Agreed. Compare CC-BY-4.0 §2(a)(1)(A): the same words without the NonCommercial "
                    "limit, and nobody objects to those.",
                ),
            ],
        ),
        (
            "in whole or in part, for NonCommercial purposes only; and",
            1,
            [
                (
                    ANA,
                    "concern",
                    "Selling copies falls outside *NonCommercial*, so the free-redistribution "
                    "criterion is touched too, not only OSD 6.",
                ),
            ],
        ),
        (
            "NonCommercial means not primarily intended for",
            6,
            [
                (
                    BEN,
                    "concern",
                    "The definition turns on what a use is *primarily intended for*: a reviewer cannot "
                    "say in advance which uses fall outside it.",
                ),
            ],
        ),
        (
            "No downstream restrictions.",
            7,
            [(CHEN, "complies", "Recipients get the same rights with no further terms: what OSD 7 asks.")],
        ),
    ],
    "cc-by": [
        (
            "reproduce and Share the Licensed Material, in whole or in part; and",
            1,
            [
                (ANA, "complies", "Sharing copies is granted without a fee or a limit on selling."),
                (BEN, "complies", "No royalty and no condition on who may sell copies."),
            ],
        ),
        (
            "reproduce and Share the Licensed Material, in whole or in part; and",
            6,
            [
                (ANA, "complies", "No field of use is left out of the grant."),
                (CHEN, "complies", "Commercial and non-commercial sharing alike are granted."),
            ],
        ),
        (
            "indicate if You modified the Licensed Material",
            4,
            [(BEN, "complies", "Marking changes is the kind of integrity condition OSD 4 allows.")],
        ),
        (
            "No downstream restrictions.",
            7,
            [(ANA, "complies", "The terms travel with the material, and nobody may add to them.")],
        ),
    ],
}


def _demo_reviewers() -> dict[str, User]:
    group, _ = Group.objects.get_or_create(name=REVIEWER)
    users = {}
    for username in DEMO_REVIEWERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        user.groups.add(group)
        Profile.objects.get_or_create(
            user=user, defaults={"display_name": DISPLAY_NAMES[username], "affiliation": "Demo reviewer"}
        )
        users[username] = user
    return users


def _clause(review: Review, phrase: str) -> Clause | None:
    return review.version.clauses.filter(text__contains=phrase).order_by("ordinal").first()


@transaction.atomic
def add_demo_positions(review: Review) -> int:
    """Add the demo reviewers' positions to ``review``; returns how many were added (0 on a rerun)."""
    specs = POSITIONS.get(review.version.license.slug, [])
    if not specs:
        return 0
    reviewers = _demo_reviewers()
    criteria = {c.number: c for c in Criterion.objects.filter(set=review.criterion_set)}
    added = 0
    for phrase, number, takes in specs:
        clause = _clause(review, phrase)
        criterion = criteria.get(number)
        if clause is None or criterion is None:
            continue
        for username, verdict, rationale in takes:
            reviewer = reviewers[username]
            if Position.objects.filter(
                review=review, clause=clause, criterion=criterion, reviewer=reviewer
            ).exists():
                continue
            position_set(
                review=review,
                clause=clause,
                criterion=criterion,
                reviewer=reviewer,
                verdict=verdict,
                rationale=rationale,
                expected_version=0,
            )
            added += 1
    return added
