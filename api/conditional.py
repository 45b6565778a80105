"""HTTP manners for reads: ETag / If-None-Match, Cache-Control and Vary.

The ETag is a hash of the body, so it is right whatever changed underneath (a comment, a
correction, a hidden reply), and a client that revalidates gets a 304 without the body. Public
data asked for anonymously may be kept by shared caches for a minute; an answer to a token or a
session may hold private reviews, so it is private and revalidated every time.
"""

from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

PUBLIC_MAX_AGE = 60


def _etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _anonymous(request: HttpRequest) -> bool:
    principal = getattr(request, "auth", None)
    return principal is None or getattr(principal, "is_anonymous", False)


def finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Set the caching headers of an API answer; a 304 instead when the client's copy is current."""
    patch_vary_headers(response, ["Authorization", "Cookie"])
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        response["Cache-Control"] = "no-store"
        return response
    etag = _etag(response.content)
    response["ETag"] = etag
    if _anonymous(request):
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-cache"
    given = request.headers.get("If-None-Match", "")
    if given and (given.strip() == "*" or etag in {e.removeprefix("W/") for e in parse_etags(given)}):
        not_modified = HttpResponseNotModified()
        for header in ("ETag", "Cache-Control", "Vary"):
            not_modified[header] = response[header]
        return not_modified
    return response
