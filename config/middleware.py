"""Site-wide request guards that no single view should have to remember."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# Features the site never uses; a browser refuses them to any script that might get in.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def bad_request(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "400.html", {"reason": reason}, status=400)


class RequestGuardMiddleware:
    """Refuse bodies over ``MAX_REQUEST_BODY`` from their Content-Length (413), and NUL bytes in
    the path, the query or a form field (400), before any view.

    PostgreSQL cannot store NUL in text, so such input used to reach a query and answer 500
    (``/licenses/?q=%00``). Uploaded files are not checked here: the import pages decide what
    a stray NUL in a file means. Adds ``Permissions-Policy`` to every response.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _content_length(request) > settings.MAX_REQUEST_BODY:
            # Refused from the header alone, before a byte of the body is read or parsed.
            response = render(
                request, "413.html", {"limit_mib": settings.MAX_REQUEST_BODY // 2**20}, status=413
            )
            response.headers["Connection"] = "close"
            return response
        reason = self._refusal(request)
        response = bad_request(request, reason) if reason else self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    @staticmethod
    def _refusal(request: HttpRequest) -> str:
        if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
            return "The address contains a NUL character."
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            return "The address contains a NUL character."
        if (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
            and _content_length(request) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            and any("\x00" in value for values in request.POST.lists() for value in values[1])
        ):
            # Multipart bodies are left to the view (a stray NUL in an uploaded file is the import
            # page's to judge); a NUL that still reaches PostgreSQL is a 400 from the error handler.
            return "A form field contains a NUL character; nothing was saved."
        return ""
