"""Families of sibling licenses and their clause groups.

A *family* groups licenses that share most of a text (ModelGo 2.0: MG-BY, MG-BY-NC, …;
Creative Commons 4.0: BY, BY-SA, BY-NC, …). Its *clause groups* are the rows of the variant
table: the clauses of the members that say the same thing, aligned against the base member.
Groups are stored, not recomputed per request, and a steward or moderator can correct them
by hand. Loaded by ``licenses.models`` so that Django registers them with the licenses app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Family(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    members = models.ManyToManyField("licenses.License", related_name="families", blank=True)
    # The member the others are aligned against; the first member when empty.
    base = models.ForeignKey(
        "licenses.License", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "families"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("licenses:family-detail", args=[self.slug])


class ClauseGroup(models.Model):
    """One row of a family's variant table: the members' clauses that align with each other."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="groups")
    ordinal = models.PositiveIntegerField()
    # The address and heading of the clause the group was built from ("2.2(b)", "Dataset notice").
    path = models.CharField(max_length=200, blank=True)
    heading = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["family", "ordinal", "pk"]
        indexes = [models.Index(fields=["family", "ordinal"])]

    def __str__(self) -> str:
        return f"{self.path} {self.heading}".strip() or f"group {self.pk}"


class ClauseGroupMember(models.Model):
    """A member version's clause in a group. No row for a version: the clause is absent there."""

    group = models.ForeignKey(ClauseGroup, on_delete=models.CASCADE, related_name="entries")
    version = models.ForeignKey("licenses.LicenseVersion", on_delete=models.CASCADE, related_name="+")
    clause = models.ForeignKey("licenses.Clause", on_delete=models.CASCADE, related_name="group_entries")
    # Placed by hand: a recomputation leaves it where it is.
    manual = models.BooleanField(default=False)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    placed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["group", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "version"], name="group_entry_unique_version"),
        ]

    def __str__(self) -> str:
        return f"{self.clause_id} in group {self.group_id}"
