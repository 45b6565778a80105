from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LicenseQuerySet(models.QuerySet):
    def search(self, query: str) -> LicenseQuerySet:
        query = query.strip()
        if not query:
            return self
        return self.filter(
            Q(name__icontains=query)
            | Q(spdx_id__icontains=query)
            | Q(slug__icontains=query)
            | Q(description__icontains=query)
            | Q(Exists(LicenseVersion.objects.filter(license=OuterRef("pk"), spdx_ids__icontains=query)))
        )

    def with_version_count(self) -> LicenseQuerySet:
        return self.annotate(version_count=Count("versions"))


#: The version an SPDX id names: ``GPL-3.0-only`` -> ``3.0``; ``MIT`` names none.
# As spdx_import reads it: "-0" is no version (MIT-0 is a license of its own, not MIT 0).
SPDX_ID_VERSION = re.compile(
    r"-v?(?!0(?:-(?:only|or-later))?$)(\d+(?:\.\d+)*[a-z]?)(?:-(?:only|or-later))?$", re.I
)


def validate_version_label(label: str) -> None:
    """A label stands in addresses (``mit@2.0``) and URLs, so it may not hold a path or an ``@``."""
    if "/" in label or "@" in label:
        raise ValidationError('A version label may not contain "/" or "@".', code="version_label")
    if label and not label.strip("."):
        raise ValidationError("A version label may not be only dots.", code="version_label")


SLUG_VALIDATOR = RegexValidator(
    r"^[a-z0-9][a-z0-9._+-]*$", "Use lower-case letters, digits, dots, plus signs and hyphens."
)


class License(models.Model):
    class OsiStatus(models.TextChoices):
        APPROVED = "approved", "OSI approved"
        SUBMITTED = "submitted", "Submitted to OSI"
        REJECTED = "rejected", "Rejected by OSI"
        WITHDRAWN = "withdrawn", "Withdrawn"
        NOT_SUBMITTED = "not_submitted", "Not submitted"
        UNKNOWN = "unknown", "Unknown"

    slug = models.CharField(max_length=100, unique=True, validators=[SLUG_VALIDATOR])
    name = models.CharField(max_length=200)
    spdx_id = models.CharField("SPDX id", max_length=100, unique=True, null=True, blank=True)
    steward = models.CharField(max_length=200, blank=True)
    # Unknown until a source says otherwise (import_license knows neither; the SPDX list does).
    osi_status = models.CharField(max_length=20, choices=OsiStatus.choices, default=OsiStatus.UNKNOWN)
    fsf_libre = models.BooleanField(
        "FSF libre", null=True, blank=True, default=None, help_text="Empty: not known."
    )
    deprecated = models.BooleanField(default=False)
    description = models.TextField(blank=True)
    stewards = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="stewarded_licenses",
        help_text="Accounts that may upload versions of this license and open reviews of it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LicenseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("licenses:license-detail", args=[self.slug])

    @property
    def catalogue_spdx_ids(self) -> list[str]:
        """The SPDX id of each version, oldest first ("EPL-1.0", "EPL-2.0"), read from the versions
        the catalogue prefetched; the license's own id when no version names one."""
        versions = getattr(self, "catalogue_versions", [])
        ids = [v.spdx_ids.split()[0] for v in versions if v.spdx_ids.strip()]
        return ids or ([self.spdx_id] if self.spdx_id else [])


class LicenseVersion(models.Model):
    class Source(models.TextChoices):
        SPDX = "spdx", "SPDX package"
        UPLOAD = "upload", "Uploaded file"
        PASTE = "paste", "Pasted text"
        IMPORT = "import", "Command-line import"

    license = models.ForeignKey(License, on_delete=models.CASCADE, related_name="versions")
    label = models.CharField(
        max_length=50,
        validators=[validate_version_label],
        help_text='As the steward names it: "2.0", "draft 3".',
    )
    text = models.TextField()
    text_hash = models.CharField(max_length=64, editable=False)
    source = models.CharField(max_length=10, choices=Source.choices)
    # The SPDX ids this text stands for, space-separated: "LGPL-2.1-only LGPL-2.1-or-later".
    spdx_ids = models.CharField("SPDX ids", max_length=300, blank=True)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_versions"
    )
    segmenter = models.CharField(
        max_length=20, blank=True, help_text="Segmenter version used for the clauses."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by licenses.corrections.services while a hand correction is in force: the clauses are then frozen
    # against re-segmentation (see ensure_resegmentable).
    corrected = models.BooleanField(
        default=False, help_text="Its clauses were corrected by hand; re-segmenting would lose that."
    )

    class Meta:
        ordering = ["license__name", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["license", "text_hash"], name="version_unique_text"),
            models.UniqueConstraint(fields=["license", "label"], name="version_unique_label"),
        ]

    def __str__(self) -> str:
        return f"{self.license.name} {self.label}"

    def save(self, *args, **kwargs):
        self.text_hash = text_hash(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("licenses:version-detail", args=[self.license.slug, self.label])

    @property
    def title(self) -> str:
        """The name to show: "Mozilla Public License 2.0", but "Apache License 2.0", not "… 2.0 2.0"."""
        name = self.license.name
        if self.is_unnamed or re.search(rf"(?<![\d.]){re.escape(self.label)}(?![\d.])", name):
            return name
        return f"{name} {self.label}"

    @property
    def is_unnamed(self) -> bool:
        """The SPDX import's "1" for a license whose SPDX id names no version (MIT, ISC, Zlib):
        a number nobody gave it, so "MIT License", not "MIT License 1"."""
        spdx_id = self.license.spdx_id or ""
        return self.label == "1" and bool(spdx_id) and not SPDX_ID_VERSION.search(spdx_id)

    @property
    def ref(self) -> str:
        """The ``slug@label`` form used in compare URLs."""
        return f"{self.license.slug}@{self.label}"

    def ensure_resegmentable(self) -> None:
        """Raise VersionFrozen if re-segmenting would drop hand corrections.

        Any code that replaces a version's clauses must call this first.
        """
        if self.corrected:
            raise VersionFrozen(
                f"{self} has hand-corrected clauses; undo the corrections before re-segmenting it."
            )


class VersionFrozen(Exception):
    """A corrected version's clauses may not be replaced by a new segmentation."""


class Clause(models.Model):
    version = models.ForeignKey(LicenseVersion, on_delete=models.CASCADE, related_name="clauses")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    ordinal = models.PositiveIntegerField()
    label = models.CharField(max_length=50, blank=True)
    path = models.CharField(max_length=200)
    anchor = models.CharField(max_length=200)
    heading = models.CharField(max_length=500, blank=True)
    text = models.TextField(blank=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["version", "anchor"], name="clause_unique_anchor"),
        ]
        indexes = [models.Index(fields=["version", "ordinal"])]

    def __str__(self) -> str:
        return f"{self.path} {self.heading}".strip()

    def get_absolute_url(self) -> str:
        return f"{self.version.get_absolute_url()}#{self.dom_id}"

    @property
    def summary_line(self) -> str:
        """The heading, else the first line of text that holds words (not "=====" decoration)."""
        if self.heading:
            return self.heading
        for line in self.text.splitlines():
            if any(ch.isalnum() for ch in line):
                return line.strip()
        return ""

    @property
    def dom_id(self) -> str:
        return f"c-{self.anchor}"


class CriterionSet(models.Model):
    slug = models.CharField(max_length=50, unique=True, validators=[SLUG_VALIDATOR])
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=20, help_text='Prefix for items: "OSD", "DFSG", "Freedom".')
    version = models.CharField(max_length=20, blank=True)
    source_url = models.URLField(blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.version}".strip()


class Criterion(models.Model):
    set = models.ForeignKey(CriterionSet, on_delete=models.CASCADE, related_name="criteria")
    number = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=100)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="A summary in our own words.")
    official_text = models.TextField(blank=True, help_text="The official wording, imported from a file.")

    class Meta:
        ordering = ["set", "number"]
        constraints = [
            models.UniqueConstraint(fields=["set", "number"], name="criterion_unique_number"),
            models.UniqueConstraint(fields=["set", "key"], name="criterion_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.set.short_name} {self.number}: {self.title}"

    @property
    def short_label(self) -> str:
        return self.label_in(self.set.short_name)

    def label_in(self, short_name: str) -> str:
        """ "OSD 6": how the item is named everywhere (matrix, threads, exports). Takes the set's
        short name so that a list of criteria needs no query per item."""
        return f"{short_name} {self.number}".strip()


class ClauseCorrection(models.Model):
    """One hand correction of a version's clauses, with what it replaced, so it can be undone."""

    class Action(models.TextChoices):
        SPLIT = "split", "Split"
        MERGE = "merge", "Merge"
        RELABEL = "relabel", "Label or heading"
        UNDO = "undo", "Undo"

    version = models.ForeignKey(LicenseVersion, on_delete=models.CASCADE, related_name="corrections")
    action = models.CharField(max_length=10, choices=Action.choices)
    summary = models.CharField(max_length=300, help_text='One line for the history: "Split 2.2 before …".')
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Row snapshots (field values by attname) of everything the correction changed or deleted.
    before = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    after = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    undoes = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="undone_by_rows"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["version", "-created_at"])]

    def __str__(self) -> str:
        return self.summary

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None


class LicenseAlias(models.Model):
    """A slug a license used to have (``epl-1.0`` before EPL's versions became one license).

    Addresses under ``/licenses/<old slug>/`` redirect to the license's current slug.
    """

    slug = models.CharField(max_length=100, unique=True)
    license = models.ForeignKey(License, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        verbose_name_plural = "license aliases"

    def __str__(self) -> str:
        return f"{self.slug} -> {self.license.slug}"


class ClauseLink(models.Model):
    """A person's correction of the alignment of two versions: link two clauses, or keep two apart.

    ``link`` pairs clause ``a_anchor`` of ``version_a`` (the old side) with ``b_anchor`` of
    ``version_b`` whatever the engine thinks; ``unlink`` forbids that pair. Clauses are named by
    anchor, which survives re-segmentation and hand corrections that keep the clause; a link
    whose anchor no longer exists is ignored. The same link reads backwards when the
    comparison is swapped.
    """

    class Kind(models.TextChoices):
        LINK = "link", "Linked by hand"
        UNLINK = "unlink", "Kept apart by hand"

    version_a = models.ForeignKey(LicenseVersion, on_delete=models.CASCADE, related_name="+")
    version_b = models.ForeignKey(LicenseVersion, on_delete=models.CASCADE, related_name="+")
    a_anchor = models.CharField(max_length=200)
    b_anchor = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["version_a", "version_b", "a_anchor", "b_anchor"], name="clause_link_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(version_a=models.F("version_b")), name="clause_link_two_versions"
            ),
        ]
        indexes = [models.Index(fields=["version_a", "version_b"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.a_anchor} ↔ {self.b_anchor}"


class CatalogueStamp(models.Model):
    """One row, changed in the transaction of every write that the catalogue, version and compare
    pages show (licenses.stamps), so that their validators and shared renders (licenses.page_cache)
    move with it. Random, not a count: a rolled-back write must not leave a count that a later
    write reaches again with other rows."""

    name = models.CharField(max_length=20, primary_key=True)
    stamp = models.CharField(max_length=32)

    class Meta:
        db_table = "licenses_catalogue_stamp"

    def __str__(self) -> str:
        return f"{self.name} {self.stamp}"


# Families live in their own package; importing them here registers them with the licenses app.
from licenses.families.models import ClauseGroup, ClauseGroupMember, Family  # noqa: E402, F401
