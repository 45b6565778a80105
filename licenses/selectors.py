"""Reads for the license pages, each in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from licenses.models import Clause, License, LicenseVersion

PAGE_SIZE = 60


def license_catalogue(*, query: str = "", osi: str = "") -> QuerySet[License]:
    """The catalogue, by name; with a search, what the words name first ("mpl": the Mozilla
    Public License before the BSD 2-Clause "Simplified" License, found inside a word)."""
    licenses = License.objects.search(query).with_version_count()
    if osi:
        licenses = licenses.filter(osi_status=osi)
    query = query.strip()
    if not query:
        return licenses.order_by("name")
    rank = Case(
        When(Q(slug__iexact=query) | Q(spdx_id__iexact=query), then=Value(0)),
        When(Q(slug__istartswith=query) | Q(spdx_id__istartswith=query) | Q(name__istartswith=query), then=Value(1)),
        When(name__icontains=f" {query}", then=Value(2)),
        default=Value(3),
    )
    return licenses.annotate(match_rank=rank).order_by("match_rank", "name")


def with_spdx_ids(licenses: QuerySet[License]) -> QuerySet[License]:
    """Each version's SPDX id for the catalogue page's column (``License.catalogue_spdx_ids``),
    one query for the page."""
    versions = LicenseVersion.objects.only("license_id", "spdx_ids").order_by("created_at", "pk")
    return licenses.prefetch_related(Prefetch("versions", queryset=versions, to_attr="catalogue_versions"))


def version_for(slug: str, label: str) -> LicenseVersion:
    try:
        return LicenseVersion.objects.select_related("license", "previous").get(
            license__slug=slug, label=label
        )
    except LicenseVersion.DoesNotExist:
        raise Http404("No such license version.") from None


def public_reviews(slug: str, label: str) -> list:
    """The public reviews of a version, newest first, found by its address (one query, without
    the version's row). Review rows through the reverse relation: licenses imports nothing of review."""
    reviews = LicenseVersion.reviews.rel.related_model.objects.public()
    return list(
        reviews.filter(version__license__slug=slug, version__label=label)
        .select_related("criterion_set")
        .order_by("-opened_at")
    )


@dataclass
class VersionPage:
    version: LicenseVersion
    clauses: list[Clause]
    siblings: list[LicenseVersion]


def version_page(version: LicenseVersion, *, with_clauses: bool = True) -> VersionPage:
    """The clauses of ``version`` in order and its sibling versions: two queries, whatever the size.
    Without the clauses (their list is a shared render, licenses.page_cache): one query."""
    clauses = list(version.clauses.order_by("ordinal")) if with_clauses else []
    siblings = list(
        version.license.versions.order_by("created_at", "pk").only("label", "license_id", "created_at")
    )
    return VersionPage(version=version, clauses=clauses, siblings=siblings)
