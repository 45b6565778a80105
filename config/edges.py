"""Two edges of every page.

``HtmxSessionEnded``: when a person's session ends (logged out in another tab, expired), a
``login_required`` view answers an htmx request with a redirect to the log-in page. The
browser's XMLHttpRequest follows it silently, and htmx would swap the whole log-in page into
the thread, dropping the text the person had typed. For htmx requests, this answers 401 with a
short message and a log-in link back to the page the person is on; ``static/js/clausewise.js``
shows it beside the form and keeps the typed text (htmx swaps no 4xx answer).

``FriendlyNotFound``: with ``DEBUG`` on (the ``make run`` default), Django answers a 404 with its
technical page, which lists every URL pattern. People see the styled ``404.html`` instead, as
in production; ``DEBUG_TECHNICAL_404=1`` brings Django's page back for whoever wants it.
Tracebacks for errors are untouched.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render, resolve_url
from django.template.loader import render_to_string


class HtmxSessionEnded:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        htmx = getattr(request, "htmx", None)
        if not htmx or response.status_code not in (301, 302, 303, 307, 308):
            return response
        login_path = resolve_url(settings.LOGIN_URL)
        if urlsplit(response.get("Location", "")).path != login_path:
            return response
        # Back to the page the person is on (same origin only), not to the endpoint they posted to.
        here = htmx.current_url_abs_path or "/"
        query = QueryDict(mutable=True)
        query["next"] = here
        login_url = f"{login_path}?{query.urlencode(safe='/')}"
        body = render_to_string("includes/session_ended.html", {"login_url": login_url, "request": request})
        answer = HttpResponse(body, status=401)
        answer["Cache-Control"] = "no-store"
        return answer


class FriendlyNotFound:
    """Django's technical 404 page becomes the styled one; a page a view drew itself with a 404
    status (the compare page's "No license version matches …", with its suggestions) is kept."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # No view was found for the address: the answer is Django's list of URL patterns.
        unresolved = getattr(request, "resolver_match", None) is None
        if (
            response.status_code == 404
            and unresolved
            and _styled(request)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return render(request, "404.html", status=404)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        """A view raised Http404: the styled page instead of Django's technical one."""
        if isinstance(exception, Http404) and _styled(request):
            return render(request, "404.html", status=404)
        return None


def _styled(request: HttpRequest) -> bool:
    return (
        settings.DEBUG
        and not getattr(settings, "DEBUG_TECHNICAL_404", False)
        and not getattr(request, "htmx", False)
    )
