"""Shared renders and validators for visitors' pages (review.page_cache, licenses.page_cache).

Each page's own module says what keys a render (its stamp, its address); this one stores and
serves renders and answers conditional requests, the same way for every page. Every key and
validator goes through ``digest``, which adds the deploy fingerprint (config.release): a new
release never serves what the one before it rendered.

A whole page kept for visitors (``get_page`` / ``set_page``) is rendered with placeholders for
the two things in it that belong to one request, the CSRF token and the CSP nonce (``MARKS``,
passed in the template context), and each request that is served it gets its own put back in.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control
from django.utils.safestring import SafeString, mark_safe

from config import recent
from config.release import FINGERPRINT

# Entries move with their page's stamp; they also expire, so the cache does not fill with dead ones.
TIMEOUT = 600


# Stand-ins for the request's own CSRF token and CSP nonce in a kept render: letters only, so
# that templates print them as they are.
CSRF_MARK = "cwKeptCsrfTokenMarkQz"
NONCE_MARK = "cwKeptCspNonceMarkQz"
MARKS = {"csrf_token": CSRF_MARK, "csp_nonce": NONCE_MARK}


def digest(*parts: str, size: int = 16) -> str:
    """A key or validator for these parts in this release."""
    raw = "|".join((FINGERPRINT, *parts))
    return hashlib.blake2b(raw.encode(), digest_size=size).hexdigest()


def shareable(request: HttpRequest) -> bool:
    """A visitor with no message waiting (a message is in no cached page and no validator)."""
    if request.user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    return not request.COOKIES.get("messages") and not (session and session.get("_messages"))


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


def page_key(kind: str, request: HttpRequest, *parts: str) -> str:
    """A whole page for visitors at this address: the host and scheme are in it (a print
    stylesheet shows the absolute address), and so is the reader's time zone."""
    zone = getattr(request, "time_zone", "")
    return f"page-{kind}:" + digest(request.scheme, request.get_host(), request.get_full_path(), zone, *parts)


def personalise(request: HttpRequest, html: str) -> str:
    """A kept render with this request's CSRF token and CSP nonce in place of the marks."""
    if CSRF_MARK in html:
        html = html.replace(CSRF_MARK, get_token(request))
    if NONCE_MARK in html:
        html = html.replace(NONCE_MARK, str(get_nonce(request)))
    return html


def get_page(request: HttpRequest, key: str) -> HttpResponse | None:
    """The kept page for ``key`` (this process's copy, else the shared cache's), made this
    request's own, or None."""
    html = recent.pages.get(key)
    if html is None:
        html = cache.get(key)
        if html is None:
            return None
        recent.pages.put(key, html)
    return HttpResponse(personalise(request, html))


def marked_only(html: str) -> bool:
    """Every form token in this render is the mark: it holds no one's real token."""
    return html.count("csrfmiddlewaretoken") == html.count(f'name="csrfmiddlewaretoken" value="{CSRF_MARK}"')


def set_marked(key: str, html: str) -> None:
    """Keep a render made with ``MARKS`` (refused if it holds a real token)."""
    if marked_only(html):
        cache.set(key, str(html), TIMEOUT)


def get_marked(request: HttpRequest, key: str) -> SafeString | None:
    """A render kept by ``set_marked``, with this request's token and nonce in place."""
    html = cache.get(key)
    # Only set_marked writes these keys, with a template render (autoescaped) of our own.
    return mark_safe(personalise(request, html)) if html is not None else None  # noqa: S308


def set_page(request: HttpRequest, key: str, response: HttpResponse) -> HttpResponse:
    """Keep a whole page rendered with ``MARKS`` and return it made this request's own. Kept
    only when it holds nothing of this request's: a 200 that sets no cookie of its own."""
    html = response.content.decode()
    if response.status_code == 200 and not response.cookies and marked_only(html):
        cache.set(key, html, TIMEOUT)
        recent.pages.put(key, html)
    response.content = personalise(request, html)
    return response


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
