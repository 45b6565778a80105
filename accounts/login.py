"""The login page, throttled per address before Django authenticates (see accounts.throttle)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import render

from accounts import throttle


class LoginView(auth_views.LoginView):
    def post(self, request, *args, **kwargs):
        wait = throttle.retry_after(request.META.get("REMOTE_ADDR", ""))
        if wait:
            response = render(request, "registration/login_throttled.html", {"wait": wait}, status=429)
            response["Retry-After"] = str(wait)
            return response
        return super().post(request, *args, **kwargs)
