"""The reader's time zone: chosen on the profile, or the browser's when none is chosen.

The choice is kept in the session (set when the profile is saved and at log-in), so a page costs
no query for it. With a zone, the server writes every time in it, named ("05:51 CEST"); without
one it writes UTC, said so, and static/js/clausewise.js shows each time in the browser's zone.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from functools import cache

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

SESSION_KEY = "tz"


@cache
def zone_choices() -> list[tuple[str, str]]:
    names = sorted(n for n in zoneinfo.available_timezones() if "/" in n and not n.startswith("Etc/"))
    return [("", "Your browser's zone"), ("UTC", "UTC"), *((n, n.replace("_", " ")) for n in names)]


def remember(request: HttpRequest, zone: str) -> None:
    if zone:
        request.session[SESSION_KEY] = zone
    else:
        request.session.pop(SESSION_KEY, None)


@receiver(user_logged_in, dispatch_uid="accounts-time-zone-at-login")
def _at_login(sender, request, user, **kwargs) -> None:
    if request is None or not hasattr(request, "session"):
        return
    from accounts.models import Profile

    zone = Profile.objects.filter(user=user).values_list("time_zone", flat=True).first() or ""
    remember(request, zone)


class TimezoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        try:
            tz = zoneinfo.ZoneInfo(zone) if zone else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            tz = None
        request.time_zone = zone if tz else ""
        if tz:
            timezone.activate(tz)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
