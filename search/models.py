"""The search index: one row per searchable thing, with the text the database indexes.

SQLite keeps an FTS5 external-content table (``search_document_fts``) in step with this table by
triggers; PostgreSQL keeps a generated ``vector`` column (tsvector, English, title weighted above
body) with a GIN index. Both are created by migration 0002 and re-checked after every migrate
(``search.backends.ensure_fulltext``), because neither is visible to the ORM.

Visibility is not copied here: results are joined to their review and comment at query time, so
hiding a comment or making a review private takes effect even before the index catches up.
"""

from __future__ import annotations

import secrets

from django.db import models


class Document(models.Model):
    class Kind(models.TextChoices):
        LICENSE = "license", "License"
        CLAUSE = "clause", "Clause"
        REVIEW = "review", "Review record"
        THREAD = "thread", "Thread"
        COMMENT = "comment", "Comment"

    key = models.CharField(max_length=40, unique=True, help_text='"clause:12": kind and source row.')
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    license = models.ForeignKey("licenses.License", on_delete=models.CASCADE, related_name="+")
    clause = models.ForeignKey(
        "licenses.Clause", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    review = models.ForeignKey(
        "review.Review", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    thread = models.ForeignKey(
        "review.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    comment = models.ForeignKey(
        "review.Comment", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "search_document"
        indexes = [models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return self.key


class ClauseSignature(models.Model):
    """The MinHash signature of a clause's word shingles, for "similar clauses"."""

    clause = models.OneToOneField(
        "licenses.Clause", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    version = models.ForeignKey("licenses.LicenseVersion", on_delete=models.CASCADE, related_name="+")
    signature = models.BinaryField()
    words = models.PositiveIntegerField(help_text="Content words in the clause.")

    class Meta:
        db_table = "search_clause_signature"

    def __str__(self) -> str:
        return f"signature of clause {self.clause_id}"


class VersionSignature(models.Model):
    """The MinHash signature of a whole version's text, for "closest licenses"."""

    version = models.OneToOneField(
        "licenses.LicenseVersion", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    signature = models.BinaryField()
    words = models.PositiveIntegerField()

    class Meta:
        db_table = "search_version_signature"

    def __str__(self) -> str:
        return f"signature of version {self.version_id}"


class Generation(models.Model):
    """A stamp per signature table, changed on every write, so that each process knows when the
    signature matrix it keeps in memory is out of date (one indexed read per request).

    The stamp is random, not a count: a rolled-back write must not leave a count that a later
    write reaches again with different rows."""

    name = models.CharField(max_length=20, primary_key=True)
    stamp = models.CharField(max_length=32)

    class Meta:
        db_table = "search_generation"

    def __str__(self) -> str:
        return f"{self.name} {self.stamp}"

    @classmethod
    def bump(cls, *names: str) -> None:
        stamp = secrets.token_hex(16)
        if cls.objects.filter(name__in=names).update(stamp=stamp) < len(names):
            for name in names:
                cls.objects.update_or_create(name=name, defaults={"stamp": stamp})

    @classmethod
    def current(cls, name: str) -> str:
        return cls.objects.filter(name=name).values_list("stamp", flat=True).first() or ""
