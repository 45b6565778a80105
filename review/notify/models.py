"""Watching, notifications and the mail queue's record of each outgoing message."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

User = settings.AUTH_USER_MODEL


class Watch(models.Model):
    """A person follows exactly one of: a review, a thread, a license or a family."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="watches")
    review = models.ForeignKey("review.Review", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    thread = models.ForeignKey("review.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    license = models.ForeignKey(
        "licenses.License", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    family = models.ForeignKey("licenses.Family", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(review__isnull=False, thread__isnull=True, license__isnull=True, family__isnull=True)
                    | Q(review__isnull=True, thread__isnull=False, license__isnull=True, family__isnull=True)
                    | Q(review__isnull=True, thread__isnull=True, license__isnull=False, family__isnull=True)
                    | Q(review__isnull=True, thread__isnull=True, license__isnull=True, family__isnull=False)
                ),
                name="watch_one_target",
            ),
            models.UniqueConstraint(fields=["user", "review"], name="watch_unique_review"),
            models.UniqueConstraint(fields=["user", "thread"], name="watch_unique_thread"),
            models.UniqueConstraint(fields=["user", "license"], name="watch_unique_license"),
            models.UniqueConstraint(fields=["user", "family"], name="watch_unique_family"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} watches {self.target_kind} {self.target_id}"

    @property
    def target_kind(self) -> str:
        for kind in ("thread", "review", "license", "family"):
            if getattr(self, f"{kind}_id"):
                return kind
        return ""

    @property
    def target_id(self) -> int:
        return getattr(self, f"{self.target_kind}_id")


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", "New comment"
        MENTION = "mention", "Mentioned you"
        THREAD = "thread", "New thread"
        REVIEW = "review", "New review"
        VERSION = "version", "New version"

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    review = models.ForeignKey("review.Review", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    thread = models.ForeignKey("review.Thread", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    comment = models.ForeignKey(
        "review.Comment", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    version = models.ForeignKey(
        "licenses.LicenseVersion", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # The watch that brought it: "thread", "review", "license", "family" or "mention".
    reason = models.CharField(max_length=10)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Mail: set when it went out on its own or in a digest ("none" people never get one).
    mailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"]), models.Index(fields=["mailed_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.recipient_id}"

    @property
    def reason_text(self) -> str:
        return {
            "thread": "you watch this thread",
            "review": "you watch this review",
            "license": "you watch this license",
            "family": "you watch this family",
            "mention": "you were mentioned",
        }.get(self.reason, "")


class OutgoingMail(models.Model):
    """One message to send, kept so that a failed send is retried and moderators can see it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        RETRYING = "retrying", "Failed, will retry"
        FAILED = "failed", "Failed, gave up"
        CANCELLED = "cancelled", "Cancelled"
        DOWNLOADED = "downloaded", "Downloaded as .eml"

    class Kind(models.TextChoices):
        NOTIFICATION = "notification", "Notification"
        DIGEST = "digest", "Daily digest"
        LIST = "list", "Post to the list"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    recipient = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    to = models.CharField(max_length=300)
    from_email = models.CharField(max_length=300)
    reply_to = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    headers = models.JSONField(default=dict)
    message_id = models.CharField(max_length=300, db_index=True)
    # A notification mail is cancelled at send time if its comment was hidden or deleted since.
    comment = models.ForeignKey(
        "review.Comment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review = models.ForeignKey("review.Review", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to} ({self.status})"
