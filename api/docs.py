"""The interactive API reference at /api/v1/docs: Swagger UI from django-ninja's own static files.

Scripts load from the site with the CSP nonce; the page has no inline script, so the site's
Content-Security-Policy applies unchanged.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html")
