"""Family reviews: one review of several sibling licenses at once.

A family review is a :class:`review.models.Review` (its ``version`` is the base member's) with a
:class:`FamilyReview` beside it naming the family and the member versions under review. A
thread starts on one member's clause and applies to that clause's group in the family (see
``licenses.families``): it shows on every member whose clause is in the group, unless a
:class:`ThreadScope` narrows it to some members. A position without a :class:`PositionScope`
holds for the whole group; with one, for the members it names. Loaded by ``review.models``.
"""

from __future__ import annotations

from django.db import models


class FamilyReview(models.Model):
    review = models.OneToOneField("review.Review", on_delete=models.CASCADE, related_name="family_review")
    family = models.ForeignKey("licenses.Family", on_delete=models.PROTECT, related_name="reviews")
    members = models.ManyToManyField("licenses.LicenseVersion", related_name="family_reviews")

    def __str__(self) -> str:
        return f"Family review of {self.family}"


class ThreadScope(models.Model):
    """The members a family thread is narrowed to (no scope: every member in the group)."""

    thread = models.OneToOneField("review.Thread", on_delete=models.CASCADE, related_name="scope")
    members = models.ManyToManyField("licenses.LicenseVersion", related_name="+")

    def __str__(self) -> str:
        return f"Scope of thread {self.thread_id}"


class PositionScope(models.Model):
    """The members a family position holds for (no scope: the whole clause group)."""

    position = models.OneToOneField("review.Position", on_delete=models.CASCADE, related_name="scope")
    members = models.ManyToManyField("licenses.LicenseVersion", related_name="+")

    def __str__(self) -> str:
        return f"Scope of position {self.position_id}"
