"""People: a profile beside Django's user. Roles are groups (see accounts.roles)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

User = settings.AUTH_USER_MODEL


class Profile(models.Model):
    """What a person shows of themselves: a display name and an affiliation."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=100, blank=True)
    affiliation = models.CharField(max_length=200, blank=True)

    class Meta:
        # The table predates this app (it was review.Profile); keeping its name avoids a data move.
        db_table = "review_profile"

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()


def display_name(user) -> str:
    """The name shown for an account: its profile's display name, else the username."""
    if user is None:
        return ""
    profile = getattr(user, "profile", None)
    try:
        name = profile.display_name if profile else ""
    except Profile.DoesNotExist:  # pragma: no cover - reverse one-to-one miss
        name = ""
    return name or user.get_username()
