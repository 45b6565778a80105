"""Shared renders and validators for visitors' pages (review.page_cache, licenses.page_cache).

Each page's own module says what keys a render (its stamp, its address); this one stores and
serves renders and answers conditional requests, the same way for every page.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.safestring import SafeString, mark_safe

# Entries move with their page's stamp; they also expire, so the cache does not fill with dead ones.
TIMEOUT = 600


def matches(request, etag: str) -> bool:
    """If-None-Match names this validator (GZip makes it weak: W/"…")."""
    given = request.headers.get("If-None-Match", "")
    return any(tag.strip().removeprefix("W/") == etag for tag in given.split(","))


def get_fragment(key: str) -> SafeString | None:
    html = cache.get(key)
    # Only set_fragment writes these keys, with a template render (autoescaped) of our own.
    return mark_safe(html) if html is not None else None  # noqa: S308


def set_fragment(key: str, html: str) -> None:
    if "csrfmiddlewaretoken" in html:  # someone's form: never shared
        return
    cache.set(key, str(html), TIMEOUT)


def not_modified(etag: str) -> HttpResponse:
    return validated(HttpResponse(status=304), etag)


def validated(response: HttpResponse, etag: str) -> HttpResponse:
    """Kept by the browser, but asked for again each time (no-cache) with this validator."""
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response


def private(response: HttpResponse) -> HttpResponse:
    """A signed-in reader's own page: never kept (back after a write must ask again)."""
    patch_cache_control(response, no_store=True, private=True)
    return response
