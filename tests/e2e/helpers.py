"""Shared steps for the browser journeys."""

from django.conf import settings
from django.test import Client
from playwright.sync_api import Page


def log_in(page: Page, live_server, user) -> Client:
    """Sign ``user`` in for the browser by handing it a session cookie; returns the client that owns it."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return client
