"""Where the site lives, for links that leave it (exports, mail)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site_base(request: HttpRequest | None = None) -> str:
    """The absolute base for permalinks: ``SITE_URL`` when set, else the request's own scheme and
    host (so that links work on whatever address the app is served), else ``http://localhost``."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return "http://localhost"
