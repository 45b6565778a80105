"""Old license addresses keep working.

When the versions of a license became one License (``epl-1.0`` and ``epl-2.0`` became ``epl``),
each old slug was kept as a :class:`LicenseAlias`. A page under ``/licenses/<old slug>/`` that
answers 404 is redirected, permanently, to the same page under the license's current slug:
``/licenses/epl-1.0/1.0/#c-2`` becomes ``/licenses/epl/1.0/#c-2``. Only 404s pay the query.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from django.http import HttpResponsePermanentRedirect

from licenses.models import LicenseAlias

_LICENSE_PATH = re.compile(r"^/licenses/(?P<slug>[^/]+)/(?P<rest>.*)$")


def alias_target(slug: str) -> str | None:
    """The current slug of the license that used to be called ``slug``, if any."""
    return LicenseAlias.objects.filter(slug=slug.lower()).values_list("license__slug", flat=True).first()


class LicenseAliasRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        match = _LICENSE_PATH.match(request.path)
        if match is None:
            return response
        target = alias_target(match["slug"])
        if target is None:
            return response
        url = f"/licenses/{quote(target)}/{match['rest']}"
        if request.META.get("QUERY_STRING"):
            url += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(url)
