"""Site-wide request guards that no single view should have to remember."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# Features the site never uses; a browser refuses them to any script that might get in.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


def bad_request(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "400.html", {"reason": reason}, status=400)


class RequestGuardMiddleware:
    """Refuse NUL bytes in the path, the query or a form field with a 400, before any view.

    PostgreSQL cannot store NUL in text, so such input used to reach a query and answer 500
    (``/licenses/?q=%00``). Uploaded files are not checked here: the import pages decide what
    a stray NUL in a file means. Adds ``Permissions-Policy`` to every response.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
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
            and request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")
            and any("\x00" in value for values in request.POST.lists() for value in values[1])
        ):
            return "A form field contains a NUL character; nothing was saved."
        return ""
