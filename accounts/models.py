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
    # How notifications reach this person by mail (the bell on the site shows them all the same).
    notify_mail = models.CharField(
        "Mail me notifications",
        max_length=10,
        choices=[("immediate", "each at once"), ("daily", "in a daily digest"), ("none", "never")],
        default="immediate",
    )
    # Times on the site in this zone, named; empty: the browser's (accounts.timezones).
    time_zone = models.CharField("Time zone", max_length=64, blank=True)
    # An address typed at sign-up or on the profile, waiting for its owner to confirm it
    # (accounts.addresses); ``User.email`` holds only a confirmed address.
    pending_email = models.EmailField(blank=True)
    pending_sent_at = models.DateTimeField(null=True, blank=True)  # the last link mailed for it

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


class RoleChange(models.Model):
    """One line of the members page's history: who gave or took which role, from whom, when.

    A stewardship is per license; ``license_name`` keeps the license's name as text (accounts
    imports nothing from licenses, and a history line must outlive a renamed license).
    """

    class Action(models.TextChoices):
        GRANTED = "granted", "granted"
        WITHDRAWN = "withdrawn", "withdrew"

    member = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_changes")
    changed_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    role = models.CharField(max_length=20)
    action = models.CharField(max_length=10, choices=Action.choices)
    license_name = models.CharField(max_length=200, blank=True)
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        on = f" on {self.license_name}" if self.license_name else ""
        return f"{self.get_action_display()} {self.role}{on}"


class RoleRequest(models.Model):
    """Someone asks for a role (the reviewer role) from their profile; a moderator answers."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a moderator"
        GRANTED = "granted", "Granted"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Withdrawn by you"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_requests")
    role = models.CharField(max_length=20)
    note = models.TextField(
        max_length=1000, blank=True, help_text="Optional: who you are and what you would like to review."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} asks for {self.role} ({self.status})"
