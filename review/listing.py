"""The list of public reviews, with their counts and last activity, and the counts per status."""

from __future__ import annotations

from django.db.models import Count, F, Max, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest

from review.models import Review, Thread


def review_list(*, status: str = "") -> QuerySet[Review]:
    """Public reviews with their thread and comment counts and last activity (one query)."""
    reviews = (
        Review.objects.public()
        .select_related("version__license", "criterion_set", "family_review__family")
        .annotate(
            thread_count=Count("threads", distinct=True),
            open_thread_count=Count("threads", filter=Q(threads__status=Thread.Status.OPEN), distinct=True),
            comment_count=Count(
                "threads__comments", filter=Q(threads__comments__deleted_at__isnull=True), distinct=True
            ),
            # carried and imported comments keep their old dates: never before the review opened
            last_activity=Greatest(
                Coalesce(Max("threads__comments__created_at"), F("opened_at")), F("opened_at")
            ),
        )
        .order_by("-opened_at", "-pk")
    )
    if status:
        reviews = reviews.filter(status=status)
    return reviews


def review_status_counts() -> dict[str, int]:
    rows = Review.objects.public().values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}
