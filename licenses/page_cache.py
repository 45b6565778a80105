"""HTTP validators and shared renders of the public license pages (the catalogue, a version, the
compare page), keyed on the catalogue stamp (licenses.stamps sets it in the transaction of every
write these pages show). The same design as review.page_cache:

- ``etag``: a validator for what an anonymous visitor gets at this address now, so that a reload
  costs a 304 (``Cache-Control: no-cache``: the browser keeps the page and asks each time).
- ``get_fragment`` / ``set_fragment``: the costly part of a page (the catalogue's results, a
  version's clause list), rendered once per stamp and shared by visitors. Only a bounded set of
  addresses is kept (no free-text search, known filters, plain page numbers); a render that holds
  a CSRF token is never kept. Signed-in readers get ``no-store`` and their own page.

Read the stamp before anything it keys: a render made from data read before a write's commit
is then stored under the stamp before that write, which no later request asks for.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from config.http_cache import (  # noqa: F401  (the pages call them through this module)
    MARKS,
    TIMEOUT,
    digest,
    get_fragment,
    get_page,
    matches,
    not_modified,
    page_key,
    private,
    set_fragment,
    set_page,
    shareable,
    validated,
)


def etag(stamp: str, request: HttpRequest, *parts: str) -> str:
    """A strong validator for what an anonymous visitor gets at this address now."""
    parts = ("licenses", stamp, request.get_full_path(), timezone.get_current_timezone_name(), *parts)
    return '"' + digest(*parts, size=12) + '"'


def fragment_key(kind: str, stamp: str, *parts: str) -> str:
    return f"lic-{kind}:" + digest(stamp, *parts, timezone.get_current_timezone_name())


def catalogue_key(stamp: str, *, osi: str, page: int) -> str:
    """The catalogue's results without a search: one per filter and page (a bounded set)."""
    return fragment_key("catalogue", stamp, osi, str(page))


def version_key(stamp: str, slug: str, label: str) -> str:
    """A version page's parts: its row (with its license and previous version), its siblings and
    its clause list; kept only once the address named a version, so a bounded set."""
    return fragment_key("version", stamp, slug, label)
