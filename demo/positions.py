"""Demo positions: a few reviewers' verdicts, so that the matrix of a demo review is not empty.

``add_demo_positions(review)`` is idempotent: a cell where the demo reviewer already has a
position is left alone. The cells are picked with the wording rules (licenses.text.hints.candidate_hints), so that
the positions land on clauses that plausibly touch the criterion; the rationales quote the
words that triggered the hint. They are examples of how a reviewer argues, not legal advice.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.db import transaction

from accounts.models import Profile
from accounts.roles import REVIEWER
from licenses.text.hints import candidate_hints
from review.matrix.services import position_set
from review.models import Position, Review

DEMO_REVIEWERS = ("demo-reviewer-ana", "demo-reviewer-ben")
DISPLAY_NAMES = {"demo-reviewer-ana": "Ana Demir", "demo-reviewer-ben": "Ben Castro"}
# Criteria whose hints point at restrictions: the interesting cells of a review.
RESTRICTIVE = (6, 5, 1)
MAX_CELLS = 3

# (verdict, rationale) for the first and second demo reviewer, per OSD number. The first reads
# the wording as a possible problem and the second reads it narrowly, so that the demo shows a
# disagreement; both are hedged, since the cells are picked by wording rules, not by a person.
# ``{phrase}`` is the wording that triggered the hint.
RATIONALES: dict[int, tuple[tuple[str, str], tuple[str, str]]] = {
    6: (
        (
            "concern",
            "The words “{phrase}” could take a field of use away from the licensee. OSD 6 asks "
            "that nobody be barred from using the program in a field of endeavor, so I would "
            "like the steward to say which uses, if any, this excludes.",
        ),
        (
            "complies",
            "On my reading “{phrase}” describes the grant rather than narrowing it: no use of "
            "the program is actually forbidden here.",
        ),
    ),
    5: (
        (
            "concern",
            "“{phrase}” names a group of people. OSD 5 rules out terms that treat persons or "
            "groups differently; I want to be sure nobody is left out of the grant.",
        ),
        (
            "complies",
            "“{phrase}” only says who the parties are. It sets no condition on who may receive "
            "or use the software.",
        ),
    ),
    1: (
        (
            "concern",
            "“{phrase}” touches payment. OSD 1 forbids a royalty or fee on redistribution; the "
            "text should make plain that giving copies away stays free of charge.",
        ),
        (
            "complies",
            "The payment wording (“{phrase}”) does not put a price on redistribution, so I see "
            "no conflict with OSD 1.",
        ),
    ),
}


def _demo_reviewers() -> list[User]:
    group, _ = Group.objects.get_or_create(name=REVIEWER)
    users = []
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
        users.append(user)
    return users


def _cells(review: Review) -> list[tuple[object, object, int, str]]:
    """Up to MAX_CELLS (clause, criterion, number, phrase) picked from the hints, one per criterion."""
    criteria = {c.number: c for c in review.criterion_set.criteria.all()}
    picked: dict[int, tuple] = {}
    # Numbered clauses first: a preamble or a title has no label and is seldom what reviewers argue.
    clauses = sorted(review.version.clauses.order_by("ordinal"), key=lambda c: not c.label)
    for clause in clauses:
        for hint in candidate_hints(clause.text, clause.heading):
            if hint.number in RATIONALES and hint.number in criteria and hint.number not in picked:
                picked[hint.number] = (clause, criteria[hint.number], hint.number, hint.phrase.strip())
    ordered = [picked[n] for n in RESTRICTIVE if n in picked]
    return ordered[:MAX_CELLS]


@transaction.atomic
def add_demo_positions(review: Review) -> int:
    """Add the demo reviewers' positions to ``review``; returns how many were added (0 on a rerun)."""
    reviewers = _demo_reviewers()
    added = 0
    for clause, criterion, number, phrase in _cells(review):
        phrase = " ".join(phrase.split())[:80]
        for reviewer, (verdict, rationale) in zip(reviewers, RATIONALES[number], strict=True):
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
                rationale=rationale.format(phrase=phrase),
                expected_version=0,
            )
            added += 1
    return added
