"""Shared pieces of the security audit, one module each: ``endpoints`` (the URL table),
``world`` and ``payloads`` (objects full of XSS payloads), ``snapshots`` (the database before
and after) and ``scan`` (an HTML scanner on the standard library's ``html.parser``). The test
modules import them from here.

Every URL the project serves is listed in :data:`ENDPOINTS` (Django's admin is covered by
:data:`ADMIN_NAMESPACE` as a whole). ``test_url_permissions.test_every_url_is_classified``
fails when a URL is added without an entry here, so a new view cannot skip the audit.
"""

from __future__ import annotations

from tests.security.endpoints import (  # noqa: F401
    ACCOUNT,
    ADMIN_NAMESPACE,
    API_JSON_ROUTE,
    ENDPOINTS,
    EXPORT_TYPES,
    LOGIN,
    PUBLIC,
    ROLE,
    Endpoint,
    is_api_json,
    iter_patterns,
    write_endpoints,
)
from tests.security.payloads import MAIL_EMAIL, P_LONG, P_MID, P_SHORT, P_TEXT, PAYLOAD_TEXT, mail  # noqa: F401
from tests.security.scan import scan_html  # noqa: F401
from tests.security.snapshots import SNAPSHOT_APPS, diff, snapshot  # noqa: F401
from tests.security.world import FAST_HASHERS, World, build_world, client_for, module_world, world  # noqa: F401
