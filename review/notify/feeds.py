"""Atom feeds: a review, a license, a family and all public activity.

Feeds are read by feed readers without a session and are shared and cached, so they show
public reviews only, and only comments that are neither hidden nor deleted. Each feed is a
fixed number of queries: three (comments, reviews opened, versions added), newest 50 of each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from accounts.models import display_name
from licenses.models import Family, License, LicenseVersion
from review.models import Comment, Review
from review.notify.compose import clause_name

LIMIT = 50


@dataclass
class Entry:
    key: str
    title: str
    link: str
    html: str
    when: datetime
    author: str


def _entries(*, reviews, versions) -> list[Entry]:
    comments = (
        Comment.objects.visible()
        .filter(thread__review__in=reviews)
        .select_related("author__profile", "thread__clause", "thread__criterion__set", "thread__review__version__license")
        .order_by("-created_at", "-pk")[:LIMIT]
    )
    out = []
    for c in comments:
        thread = c.thread
        where = clause_name(thread.clause.path, thread.clause.heading) if thread.clause_id else "the review"
        crit = f" ({thread.criterion.short_label})" if thread.criterion_id else ""
        out.append(
            Entry(
                key=f"comment-{c.pk}",
                title=f"{c.author_display} on {where}{crit} of {thread.review.version.title}: {c.get_stance_display()}",
                link=f"{thread.review.get_absolute_url()}#{c.dom_id}",
                html=c.body_html,
                when=c.created_at,
                author=c.author_display,
            )
        )
    for r in reviews.select_related("version__license", "opened_by__profile").order_by("-opened_at")[:LIMIT]:
        out.append(
            Entry(
                key=f"review-{r.pk}",
                title=f"Review opened: {r.version.title}",
                link=r.get_absolute_url(),
                html="",
                when=r.opened_at,
                author=display_name(r.opened_by) if r.opened_by_id else "",
            )
        )
    for v in versions.select_related("license").order_by("-created_at")[:LIMIT]:
        out.append(
            Entry(
                key=f"version-{v.pk}",
                title=f"New version: {v.title}",
                link=v.get_absolute_url(),
                html="",
                when=v.created_at,
                author="",
            )
        )
    out.sort(key=lambda e: e.when, reverse=True)
    return out[:LIMIT]


class _Base(Feed):
    feed_type = Atom1Feed

    def items(self, obj):
        return self.entries(obj)

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.html or item.title

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.key

    item_guid_is_permalink = False

    def item_pubdate(self, item: Entry):
        return item.when

    def item_updateddate(self, item: Entry):
        return item.when

    def item_author_name(self, item: Entry) -> str:
        return item.author


class ActivityFeed(_Base):
    title = "Clausewise: all public activity"
    link = "/reviews/"
    subtitle = "New comments, reviews and license versions."

    def entries(self, obj):
        return _entries(reviews=Review.objects.public(), versions=LicenseVersion.objects.all())


class ReviewFeed(_Base):
    def get_object(self, request, pk: int):
        review = Review.objects.select_related("version__license").filter(pk=pk, is_public=True).first()
        if review is None:
            raise Http404("No such review.")
        return review

    def title(self, obj) -> str:
        return f"Clausewise: review of {obj.version.title}"

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def entries(self, obj):
        return _entries(reviews=Review.objects.public().filter(pk=obj.pk), versions=LicenseVersion.objects.none())


class LicenseFeed(_Base):
    def get_object(self, request, slug: str):
        return get_object_or_404(License, slug=slug)

    def title(self, obj) -> str:
        return f"Clausewise: {obj.name}"

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def entries(self, obj):
        return _entries(
            reviews=Review.objects.public().filter(version__license=obj),
            versions=LicenseVersion.objects.filter(license=obj),
        )


class FamilyFeed(_Base):
    def get_object(self, request, slug: str):
        return get_object_or_404(Family, slug=slug)

    def title(self, obj) -> str:
        return f"Clausewise: the {obj.name} family"

    def link(self, obj) -> str:
        return f"/families/{obj.slug}/"

    def entries(self, obj):
        members = obj.members.all()
        return _entries(
            reviews=Review.objects.public().filter(version__license__in=members),
            versions=LicenseVersion.objects.filter(license__in=members),
        )
