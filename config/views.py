from __future__ import annotations

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET

from config import http_cache
from licenses.models import License
from licenses.stamps import current as catalogue_stamp
from review.listing import review_list
from review.models import Review
from review.page_cache import latest_public_change


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    # A visitor's page rests on the catalogue stamp and on the latest change of any public review
    # (its list of open reviews and their counts), both read first: kept whole per pair and shared
    # (config.http_cache), with the visitor's own token and nonce, and a 304 on reload.
    etag = key = ""
    if http_cache.shareable(request) and not request.GET:
        stamps = (catalogue_stamp(), latest_public_change())
        zone = timezone.get_current_timezone_name()
        etag = '"' + http_cache.digest("home", *stamps, request.get_full_path(), zone, size=12) + '"'
        if http_cache.matches(request, etag):
            return http_cache.not_modified(etag)
        key = http_cache.page_key("home", request, *stamps)
        whole = http_cache.get_page(request, key)
        if whole is not None:
            return http_cache.validated(whole, etag)
    open_reviews = review_list(status=Review.Status.OPEN)[:10]
    featured = License.objects.filter(versions__isnull=False).distinct().order_by("name")[:12]
    context = {"open_reviews": open_reviews, "featured": featured, "license_count": License.objects.count()}
    if not key:
        return render(request, "home.html", context)
    response = render(request, "home.html", context | http_cache.MARKS)
    return http_cache.validated(http_cache.set_page(request, key, response), etag)


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on pages without our <link rel="icon">; send them to the SVG."""
    return HttpResponseRedirect(static("favicon.svg"))


# --- health and failures --------------------------------------------------------------------------

log = logging.getLogger(__name__)

#: Seconds a client should wait before trying again while the database is away.
RETRY_AFTER = 30


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up and answering (a liveness probe: no database)."""
    return JsonResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


@require_GET
def readyz(request: HttpRequest) -> HttpResponse:
    """The database answers a query (a readiness probe for the load balancer)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        log.warning("readyz: database unreachable", exc_info=True)
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable"},
            status=503,
            headers={"Retry-After": str(RETRY_AFTER), "Cache-Control": "no-store"},
        )
    return JsonResponse({"status": "ok", "database": "ok"}, headers={"Cache-Control": "no-store"})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: the branded page (a malformed request, a suspicious operation)."""
    return render(request, "400.html", {"reason": ""}, status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database outage is a 503 with Retry-After, not a 500.

    Called inside Django's exception handling, so ``sys.exc_info()`` names what went wrong,
    whether it was raised by a view or by a middleware (sessions and authentication query
    the database before any view runs). Both pages render without touching the database.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, OperationalError | InterfaceError):
        body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER})
        return HttpResponse(body, status=503, headers={"Retry-After": str(RETRY_AFTER)})
    if isinstance(exc, ValueError) and "NUL" in str(exc):
        # psycopg refuses NUL in text parameters: bad input that slipped past the guard.
        body = loader.get_template("400_plain.html").render({})
        return HttpResponse(body, status=400)
    return HttpResponse(loader.get_template("500.html").render({}), status=500)
