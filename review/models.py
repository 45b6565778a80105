from __future__ import annotations

from datetime import timedelta
from datetime import timezone as dt_timezone

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from accounts.models import display_name
from review.markup import opening_words

User = settings.AUTH_USER_MODEL


class ReviewQuerySet(models.QuerySet):
    def public(self) -> ReviewQuerySet:
        return self.filter(is_public=True)

    def open(self) -> ReviewQuerySet:
        return self.filter(status=Review.Status.OPEN)


class Review(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DEFERRED = "deferred", "Deferred"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    version = models.ForeignKey("licenses.LicenseVersion", on_delete=models.PROTECT, related_name="reviews")
    criterion_set = models.ForeignKey(
        "licenses.CriterionSet", on_delete=models.PROTECT, related_name="reviews"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    is_public = models.BooleanField(default=True)
    opened_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    # When anything the review's pages show last changed (comments, threads, positions, the
    # decision, the clauses of its version): set by review.stamps in the writing transaction, and
    # the key of the pages' HTTP validators and cached renders.
    changed_at = models.DateTimeField(default=timezone.now)
    previous_round = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="next_rounds"
    )
    # The submission, modelled on what OSI asks of a new license.
    rationale = models.TextField("Why a new license", blank=True)
    similar_licenses = models.TextField("Most similar approved licenses and how this one differs", blank=True)
    legal_review = models.TextField("Legal review it had", blank=True)
    projects = models.TextField("Projects that use it", blank=True)
    # The decision record.
    decided_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_rationale = models.TextField(blank=True)
    decision_threads = models.ManyToManyField("Thread", blank=True, related_name="+")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-pk"]

    def __str__(self) -> str:
        return f"Review of {self.version}"

    def get_absolute_url(self) -> str:
        return reverse("review:review-detail", args=[self.pk])


class ThreadQuerySet(models.QuerySet):
    def open(self) -> ThreadQuerySet:
        return self.filter(status=Thread.Status.OPEN)

    def with_counts(self) -> ThreadQuerySet:
        return self.annotate(comment_count=Count("comments", filter=Q(comments__deleted_at__isnull=True)))

    def with_opening(self) -> ThreadQuerySet:
        """Each thread's first shown comment, as ``opening_body``, for ``Thread.headline``."""
        first = (
            Comment.objects.filter(thread=OuterRef("pk"), deleted_at__isnull=True, hidden_at__isnull=True)
            .order_by("created_at", "pk")
            .values("body")[:1]
        )
        return self.annotate(opening_body=Subquery(first))


class Thread(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="threads")
    # Null for the review's general thread (e.g. mail that names no clause) and for orphans.
    clause = models.ForeignKey(
        "licenses.Clause", on_delete=models.SET_NULL, null=True, blank=True, related_name="threads"
    )
    # W3C TextQuoteSelector plus offsets into the clause text.
    quote_exact = models.TextField(blank=True)
    quote_prefix = models.CharField(max_length=64, blank=True)
    quote_suffix = models.CharField(max_length=64, blank=True)
    quote_start = models.PositiveIntegerField(null=True, blank=True)
    quote_end = models.PositiveIntegerField(null=True, blank=True)
    quote_missing = models.BooleanField(default=False, help_text="The quote is no longer in this version.")
    criterion = models.ForeignKey(
        "licenses.Criterion", on_delete=models.SET_NULL, null=True, blank=True, related_name="threads"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    started_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    resolved_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    # Carry-over to a new review round.
    carried_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="carried_to"
    )
    outdated = models.BooleanField(default=False, help_text="The clause text changed since the thread began.")
    orphaned = models.BooleanField(default=False, help_text="The clause was removed in this version.")
    is_general = models.BooleanField(default=False, help_text="The review's thread for mail about no clause.")

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["review", "clause"])]

    def __str__(self) -> str:
        return f"Thread {self.pk} on {self.clause or 'the review'}"

    def get_absolute_url(self) -> str:
        return f"{self.review.get_absolute_url()}#{self.dom_id}"

    @property
    def dom_id(self) -> str:
        return f"t-{self.pk}"

    @property
    def headline(self) -> str:
        """What a list of threads calls this one: its first words (“The notice duty reaches…”,
        from ``with_opening()``), else its quote, else its clause; never its database id."""
        words = opening_words(getattr(self, "opening_body", None) or "")
        if words:
            return f"“{words}”"
        if self.quote_exact:
            return f"On “{opening_words(self.quote_exact)}”"
        if self.clause_id:
            return f"On {self.clause.path}"
        return "General discussion"


class Stance(models.TextChoices):
    OBJECTION = "objection", "Objection"
    CONCERN = "concern", "Concern"
    QUESTION = "question", "Question"
    PROPOSAL = "proposal", "Proposal"
    SUPPORT = "support", "Support"
    NOTE = "note", "Note"


class CommentQuerySet(models.QuerySet):
    def visible(self) -> CommentQuerySet:
        return self.filter(deleted_at__isnull=True, hidden_at__isnull=True)


class Comment(models.Model):
    class Source(models.TextChoices):
        WEB = "web", "Web"
        MAIL = "mail", "Mail import"
        REPLY = "reply", "Reply by mail"

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    # For imported mail: the author as the message names them (no account is created).
    author_name = models.CharField(max_length=200, blank=True)
    author_email = models.EmailField(blank=True)
    body = models.TextField()
    body_html = models.TextField(editable=False)
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.NOTE)
    suggested_wording = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    hidden_reason = models.CharField(max_length=300, blank=True)
    source = models.CharField(max_length=5, choices=Source.choices, default=Source.WEB)
    message_id = models.CharField(max_length=300, blank=True, db_index=True)
    mail_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    # Provenance of an imported message: who imported it, when, from which file or paste, and
    # the UTC offset the mail was written in (created_at is stored in UTC).
    imported_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    imported_at = models.DateTimeField(null=True, blank=True)
    import_source = models.CharField(max_length=200, blank=True)
    mail_utc_offset = models.SmallIntegerField(null=True, blank=True, help_text="Minutes east of UTC.")
    # The latest moderator correction of an imported author or date (the history is in
    # CommentCorrection); kept here so the review page shows it without another query.
    corrected_at = models.DateTimeField(null=True, blank=True)
    corrected_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment {self.pk} by {self.author_display}"

    @property
    def author_display(self) -> str:
        if self.author_id:
            return display_name(self.author)
        return self.author_name or self.author_email or "unknown"

    @property
    def dom_id(self) -> str:
        return f"m-{self.pk}"

    @property
    def mail_sent_text(self) -> str:
        """An imported message's time as its sender wrote it, with their UTC offset
        ("18 May 2025, 05:51 +02:00"); empty for a comment typed on the site."""
        offset = self.mail_utc_offset
        if self.source != self.Source.MAIL or offset is None:
            return ""
        local = self.created_at.astimezone(dt_timezone(timedelta(minutes=offset)))
        hours, minutes = divmod(abs(offset), 60)
        return f"{local.day} {local:%b %Y, %H:%M} {'-' if offset < 0 else '+'}{hours:02d}:{minutes:02d}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class CommentRevision(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    stance = models.CharField(max_length=10, choices=Stance.choices)
    suggested_wording = models.TextField(blank=True)
    editor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at", "-pk"]

    def __str__(self) -> str:
        return f"Revision of comment {self.comment_id} at {self.edited_at:%Y-%m-%d %H:%M}"


class CommentCorrection(models.Model):
    """A moderator's correction of an imported comment's author or date: who, when, before and after."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="corrections")
    corrected_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    corrected_at = models.DateTimeField(default=timezone.now)
    author_name_before = models.CharField(max_length=200, blank=True)
    author_email_before = models.EmailField(blank=True)
    created_at_before = models.DateTimeField()
    utc_offset_before = models.SmallIntegerField(null=True, blank=True, help_text="Minutes east of UTC.")
    author_name_after = models.CharField(max_length=200, blank=True)
    author_email_after = models.EmailField(blank=True)
    created_at_after = models.DateTimeField()
    utc_offset_after = models.SmallIntegerField(null=True, blank=True, help_text="Minutes east of UTC.")

    class Meta:
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return f"Correction of comment {self.comment_id} at {self.corrected_at:%Y-%m-%d %H:%M}"


class Verdict(models.TextChoices):
    CONFLICTS = "conflicts", "Conflicts"
    CONCERN = "concern", "Concern"
    COMPLIES = "complies", "Complies"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class Position(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="positions")
    clause = models.ForeignKey("licenses.Clause", on_delete=models.CASCADE, related_name="positions")
    criterion = models.ForeignKey("licenses.Criterion", on_delete=models.CASCADE, related_name="positions")
    reviewer = models.ForeignKey(User, on_delete=models.CASCADE, related_name="positions")
    verdict = models.CharField(max_length=15, choices=Verdict.choices)
    rationale = models.TextField(blank=True)
    rationale_html = models.TextField(blank=True, editable=False)
    threads = models.ManyToManyField(Thread, blank=True, related_name="positions")
    # Optimistic locking: a save must name the version it started from.
    lock_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "clause", "criterion", "reviewer"], name="position_unique_cell_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} on {self.clause_id} x {self.criterion_id} by {self.reviewer_id}"


class PositionRevision(models.Model):
    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="revisions")
    verdict = models.CharField(max_length=15, choices=Verdict.choices)
    rationale = models.TextField(blank=True)
    lock_version = models.PositiveIntegerField()
    editor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"Position {self.position_id} v{self.lock_version}"


# Family reviews live in their own package; importing them here registers them with the review app.
from review.families.models import FamilyReview, PositionScope, ThreadScope  # noqa: E402, F401
from review.notify.models import Notification, OutgoingMail, Watch  # noqa: E402, F401
