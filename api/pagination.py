"""Page-number pagination with absolute ``next`` and ``previous`` links.

Two queries a page whatever its size (the count and the page), plus whatever the caller
prefetches for the page's rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode

from api.errors import ApiError

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass
class Paged:
    rows: list
    count: int
    next: str | None
    previous: str | None


def _link(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(params.lists()), doseq=True)}")


def paginate(request: HttpRequest, queryset: QuerySet, *, page: int, page_size: int) -> Paged:
    count = queryset.count()
    last = max(1, -(-count // page_size))
    if page > last:
        raise ApiError(404, "not_found", f"There is no page {page}: the last page is {last}.")
    start = (page - 1) * page_size
    rows = list(queryset[start : start + page_size])
    return Paged(
        rows=rows,
        count=count,
        next=_link(request, page + 1) if page < last else None,
        previous=_link(request, page - 1) if page > 1 else None,
    )
