"""HTTP validators and cached renders of a review's public pages, keyed on ``Review.changed_at``
(review.stamps sets it in the transaction of every write the pages show).

- ``etag``: a validator for an anonymous visitor's page, so that a reload costs a 304.
- ``get_fragment`` / ``set_fragment``: the review page's clause list and its contents (the costly
  part: every clause, heat mark and thread), rendered once per stamp and shared. Anonymous
  visitors share one render; signed-in readers share one only on a big review, where every
  thread is folded to its first line and the list holds nothing of theirs (no form, no token),
  keyed apart by whether they may comment. The matrix's table, for visitors. A render that
  holds a CSRF token is never kept.

A new stamp makes a new key, so a write shows at once; entries also expire (``TIMEOUT``) so
that a renamed author does not linger.
"""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from config.http_cache import (  # noqa: F401  (the pages call them through this module)
    MARKS,
    TIMEOUT,
    digest,
    get_fragment,
    get_marked,
    get_page,
    matches,
    not_modified,
    page_key,
    personalise,
    private,
    set_fragment,
    set_marked,
    set_page,
    shareable,
    validated,
)
from review.models import Review


def _stamp(review: Review) -> str:
    return f"{review.pk}:{review.changed_at.isoformat()}"


def etag(review: Review, request, *parts: str) -> str:
    """A strong validator for what an anonymous visitor gets at this address now."""
    parts = (_stamp(review), request.get_full_path(), timezone.get_current_timezone_name(), *parts)
    return '"' + digest(*parts, size=12) + '"'


def layout_key(review: Review, *, viewer, filter: str) -> str:
    who = "anon" if not viewer.user.is_authenticated else f"signed-{int(viewer.can_comment)}"
    return fragment_key("review-layout", review, who, filter)


def own_layout_key(review: Review, *, viewer, filter: str, watching) -> str:
    """One signed-in reader's clause list on a review small enough to show its threads open: it
    holds their forms (rendered with the CSRF mark), their edit and moderation links and their
    watch buttons, so it is kept for them alone, keyed by everything it shows of theirs: who they
    are, what they may do, and what they watch."""
    rights = [int(getattr(viewer, name)) for name in sorted(vars(viewer)) if name != "user"]
    watched = (int(watching.review), sorted(watching.threads)) if watching else ""
    return fragment_key("review-own", review, str(viewer.user.pk), repr(rights), repr(watched), filter)


def fragment_key(kind: str, review: Review, *parts: str) -> str:
    return f"{kind}:" + digest(_stamp(review), *parts, timezone.get_current_timezone_name())


def latest_public_change() -> str:
    """When any public review last changed: the matrix marks cells argued in other reviews
    (precedent), so its validator and cached render depend on them too. One small query."""
    latest = Review.objects.public().aggregate(latest=Max("changed_at"))["latest"]
    return latest.isoformat() if latest else ""


def may_share(*, viewer, lazy: bool, expanded: int | None) -> bool:
    """Whether this reader's clause list is the same as every other such reader's. A list with
    one thread opened (``?thread=``) is not kept: any number could be asked for."""
    if expanded:
        return False
    return lazy or not viewer.user.is_authenticated
