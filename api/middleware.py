"""CORS for /api/v1/, off unless API_CORS_ALLOWED_ORIGINS names origins.

Only the listed origins get ``Access-Control-Allow-Origin``, and never with credentials: a page
on another site can call the API with a token it holds, but never with a visitor's cookies.
A preflight (OPTIONS with Access-Control-Request-Method) is answered here with 204.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

PREFIX = "/api/v1/"
ALLOW_METHODS = "GET, POST, OPTIONS"
ALLOW_HEADERS = "Authorization, Content-Type, If-None-Match"
EXPOSE_HEADERS = "ETag, Location, Retry-After"
MAX_AGE = "600"


def _allowed(origin: str) -> bool:
    allowed = getattr(settings, "API_CORS_ALLOWED_ORIGINS", ())
    return bool(origin) and ("*" in allowed or origin in allowed)


class ApiCorsMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        origin = request.headers.get("Origin", "")
        preflight = request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
        if preflight and _allowed(origin):
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOW_METHODS
            response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            response["Access-Control-Max-Age"] = MAX_AGE
        else:
            response = self.get_response(request)
        if _allowed(origin):
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
        patch_vary_headers(response, ["Origin"])
        return response
