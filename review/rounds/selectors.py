"""Where a review sits among the rounds of its license: its number, the previous and the next."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from accounts import roles
from review.models import Review


@dataclass
class RoundLink:
    pk: int
    label: str  # the version label

    @property
    def url(self) -> str:
        return reverse("review:review-detail", args=[self.pk])


@dataclass
class Rounds:
    """Where this review sits among the rounds of its license (round 1 has no previous)."""

    number: int = 1
    previous: RoundLink | None = None
    next: list[RoundLink] = field(default_factory=list)

    @property
    def is_chain(self) -> bool:
        return self.previous is not None or bool(self.next)


def rounds_for(review: Review, *, user) -> Rounds:
    """This review's round number, its previous round and the next ones (one query)."""
    rows = {
        row["pk"]: row
        for row in Review.objects.filter(version__license_id=review.version.license_id).values(
            "pk", "previous_round_id", "version__label", "is_public", "opened_by_id"
        )
    }
    number, seen, at = 1, {review.pk}, review.previous_round_id
    while at is not None and at in rows and at not in seen:  # a cycle cannot happen, but never loop
        number, seen, at = number + 1, seen | {at}, rows[at]["previous_round_id"]
    moderator = roles.is_moderator(user)

    def visible(row) -> bool:
        return row["is_public"] or moderator or (user.is_authenticated and row["opened_by_id"] == user.pk)

    prev = rows.get(review.previous_round_id) if review.previous_round_id else None
    return Rounds(
        number=number,
        previous=RoundLink(prev["pk"], prev["version__label"]) if prev and visible(prev) else None,
        next=[
            RoundLink(row["pk"], row["version__label"])
            for row in sorted(rows.values(), key=lambda r: r["pk"])
            if row["previous_round_id"] == review.pk and visible(row)
        ],
    )
