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


# Loaded, and no htmx request in flight or swap under way. Playwright's "networkidle" waits
# for half a second without traffic, every time; this returns as soon as the page is still.
SETTLED = """() => document.readyState === "complete"
  && !document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added")"""


def settle(page: Page) -> None:
    """Wait until the page has loaded and its htmx requests (the bell's first refresh, say) are done."""
    page.wait_for_function(SETTLED)
