"""Nothing user-written is ever rendered unescaped, on any page, fragment or export.

The world (``tests.security.build_world``) puts an XSS payload in every field a user can write:
license name, description and steward; the version label; clause headings and texts (a pasted
version, and a correction's heading); display name, affiliation and username; comment bodies and
suggested wording; a hide reason; a thread quote; the review submission and a decision
rationale; position rationales; an imported mail author's name. Then every GET page in the URL
table is fetched (by an anonymous visitor and by users who see the forms, with and without
HX-Request) and parsed with ``html.parser``: no ``<script>`` but the site's own (a ``src`` and a
nonce, no body), no ``on*`` attribute, no ``javascript:`` URL, no htmx attribute from user data.
Every response carries the Content-Security-Policy with a nonce and ``object-src 'none'``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from tests import security
from tests.security import (
    ACCOUNT,
    ENDPOINTS,
    EXPORT_TYPES,
    P_LONG,
    P_MID,
    P_SHORT,
    P_TEXT,
    PUBLIC,
    client_for,
    mail,
    scan_html,
)

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
module_world = pytest.fixture(scope="module")(security.module_world)
world = pytest.fixture(security.world)


def check_csp(response, url: str) -> str:
    """The policy every answer carries; returns it. Script nonces are checked by ``check_nonces``."""
    csp = response.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp, (url, csp)
    assert "object-src 'none'" in csp, (url, csp)
    assert "base-uri 'none'" in csp and "frame-ancestors 'none'" in csp, (url, csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, (url, csp)
    return csp


def check_nonces(response, url: str) -> None:
    """Each script of the page carries the nonce that its CSP header names (Django adds the
    nonce to the header only when the page used one: a fragment or an export with no script
    gets the stricter policy without it)."""
    csp = response["Content-Security-Policy"]
    nonces = {n.split("'")[0] for n in csp.split("'nonce-")[1:]}
    used = set(re.findall(r'<script[^>]*\snonce="([^"]*)"', response.content.decode()))
    assert used <= nonces, (url, used, csp)
    if used:
        assert len(nonces) == 1, csp


def check_response(response, url: str) -> str:
    """Scan an HTML response; return its visible text. Non-HTML must not claim to be HTML."""
    check_csp(response, url)
    assert response.get("X-Content-Type-Options") == "nosniff", url
    content_type = response.get("Content-Type", "")
    if not content_type.startswith("text/html"):
        return ""
    problems, text = scan_html(response.content)
    assert not problems, (url, problems[:5])
    check_nonces(response, url)
    return text


def _get_urls(world) -> list[tuple[str, str | None]]:
    """(url, user key) for every GET page of the table, plus reflected and edit-mode variants."""
    urls: list[tuple[str, str | None]] = []
    for name, endpoint in ENDPOINTS.items():
        if name in ("logout", "password_reset_confirm"):
            continue
        post_only = (
            endpoint.kind not in (PUBLIC, ACCOUNT) and endpoint.reader is None and not endpoint.public_get
        )
        if post_only:
            continue
        url = endpoint.url(name, world)
        readers = {endpoint.reader, "moderator"} if endpoint.kind == PUBLIC else {endpoint.reader}
        if endpoint.fragment:  # the pages with per-user controls (edit, reply, positions)
            readers.add("author")
        if endpoint.public_get:
            readers |= {None, "author"}
        urls += [(url, key) for key in readers]
    v1 = {"slug": world.license.slug, "label": world.v1.label}
    review = world.review.pk
    q = quote(P_LONG)
    urls += [
        # Reflected input.
        (reverse("licenses:license-list") + f"?q={q}&osi={q}", None),
        (reverse("licenses:compare") + f"?a={q}&b={q}", None),
        (reverse("licenses:compare-versions") + f"?q={q}", None),
        (reverse("review:review-list") + f"?status={q}", None),
        (reverse("review:review-detail", args=[review]) + f"?show={q}", None),
        (reverse("review:matrix", args=[review]) + f"?criterion={q}&rows=positions", None),
        (
            reverse("review:thread-create", args=[review])
            + f"?clause={world.clause.pk}&quote_exact={q}&quote_prefix={q}&body={q}",
            "author",
        ),
        (reverse("licenses:version-detail", kwargs=v1) + f"?edit=1&x={q}", "steward"),
        (f"/licenses/{q}/", None),  # the 404 page
        # Edit mode, every form, every user-written object.
        (reverse("licenses:version-detail", kwargs=v1) + "?edit=1", "moderator"),
        (reverse("licenses:corrections", kwargs=v1), "steward"),
        (reverse("review:review-detail", args=[world.decided.pk]), None),
        (reverse("review:matrix", args=[world.decided.pk]), None),
        (reverse("review:comment-history", args=[world.mail_comment.pk]), None),
        (reverse("review:comment-history", args=[world.hidden.pk]), "moderator"),
        (reverse("review:comment-history", args=[world.deleted.pk]), "moderator"),
        (reverse("review:comment-hide", args=[world.mail_comment.pk]), "moderator"),
        (reverse("review:comment-edit", args=[world.reply.pk]), "other"),
        (reverse("licenses:clause-split", kwargs={**v1, "clause_id": world.clause.pk}), "moderator"),
        (reverse("licenses:clause-edit", kwargs={**v1, "clause_id": world.next_clause.pk}), "steward"),
        (reverse("profile"), "author"),
        (reverse("profile"), "other"),
        (reverse("home"), "author"),
    ]
    for clause in (world.clause, world.next_clause):
        for criterion in world.review.criterion_set.criteria.filter(number__in=(5, 6)):
            cell = reverse("review:cell", args=[review, clause.pk, criterion.pk])
            urls += [(cell, "author"), (cell, None)]
    return urls


def test_every_page_escapes_user_text(world):
    seen_payload = set()
    clients = {}
    for url, key in _get_urls(world):
        client = clients.setdefault(key, client_for(world, key))
        for headers in ({}, HX):
            response = client.get(url, **headers)
            assert response.status_code in (200, 302, 404), (url, key, response.status_code)
            text = check_response(response, url)
            for payload in (P_SHORT, P_MID, P_LONG, "<svg onload=\"alert('pwn')\"></svg>"):
                if payload in text:
                    seen_payload.add(payload)
    # The payloads did reach the pages, as text.
    assert seen_payload == {P_SHORT, P_MID, P_LONG, "<svg onload=\"alert('pwn')\"></svg>"}


def test_the_review_page_shows_each_payload_as_text(world):
    """Spot checks that the scan above looked at the user's words (not at an empty page)."""
    response = client_for(world, None).get(world.review.get_absolute_url())
    text = check_response(response, "review")
    assert "'nonce-" in response["Content-Security-Policy"]  # a full page: its scripts use the nonce
    assert P_MID in text  # display name
    assert world.mail_comment.author_name == P_LONG  # imported author
    assert f"Hidden by a moderator: {P_LONG}" in " ".join(text.split())  # hide reason
    assert "<script>alert('pwn')</script>" in text  # comment body, quote, submission
    license_page = client_for(world, None).get(world.license.get_absolute_url())
    assert P_LONG in check_response(license_page, "license")  # name, steward, description
    decided = client_for(world, None).get(world.decided.get_absolute_url())
    assert "javascript:alert('pwn')" in check_response(decided, "decided")  # decision rationale


def test_htmx_fragments_escape_user_text(world):
    review = world.review.pk
    author = client_for(world, "author")
    fragments = [
        (reverse("review:thread-detail", args=[review, world.thread.pk]), {}),
        (
            reverse("licenses:compare")
            + f"?a={world.license.slug}@{quote(world.v1.label)}&b={world.license.slug}@2.0",
            {"HTTP_HX_TARGET": "comparison"},
        ),
        (reverse("licenses:license-list") + "?q=pwn", {}),
    ]
    for url, extra in fragments:
        response = author.get(url, **HX, **extra)
        assert response.status_code == 200, url
        assert "<html" not in response.content.decode()[:500].lower(), f"{url} is not a fragment"
        check_response(response, url)
    # Fragments answered to htmx writes (a reply, a position, a correction) too.
    reply = author.post(
        reverse("review:thread-reply", args=[review, world.thread.pk]),
        {"body": P_TEXT, "stance": "note"},
        **HX,
    )
    assert reply.status_code == 200
    check_response(reply, "reply")
    cell = author.post(
        reverse("review:cell", args=[review, world.clause.pk, world.thread.criterion_id]),
        {"verdict": "concern", "rationale": P_TEXT, "expected_version": "1"},
        **HX,
        HTTP_HX_CURRENT_URL=f"http://testserver/reviews/{review}/matrix/",
    )
    assert cell.status_code == 200
    assert "pwn" in check_response(cell, "cell")
    moderator = client_for(world, "moderator")
    v1 = {"slug": world.license.slug, "label": world.v1.label}
    edit = moderator.post(
        reverse("licenses:clause-edit", kwargs={**v1, "clause_id": world.next_clause.pk}),
        {"label": "2.1", "heading": P_LONG},
        **HX,
    )
    assert edit.status_code == 200
    assert P_LONG in check_response(edit, "clause-edit")
    invalid = moderator.post(
        reverse("licenses:clause-split", kwargs={**v1, "clause_id": world.clause.pk}),
        {"before_text": P_LONG + "not in the clause", "label": P_SHORT},
        **HX,
    )
    check_response(invalid, "clause-split (invalid)")


def test_review_clause_filter_fragment_renders(world):
    url = reverse("review:review-detail", args=[world.review.pk]) + "?show=open"
    response = client_for(world, None).get(url, **HX, HTTP_HX_TARGET="review-clauses")
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    check_response(response, url)


def test_mail_import_preview_escapes_the_mail(world):
    client = client_for(world, "moderator")
    url = reverse("review:mail-import", args=[world.review.pk])
    response = client.post(url, {"step": "preview", "raw": mail(7) + "\n\n" + mail(8)})
    assert response.status_code == 200
    text = check_response(response, url)
    assert "alert('pwn')" in text
    bad = client.post(url, {"step": "preview", "raw": P_TEXT})
    check_response(bad, url)


def test_forms_redisplay_invalid_input_escaped(world):
    """A refused POST shows the user's input again: escaped."""
    author = client_for(world, "author")
    review = world.review.pk
    long_body = P_TEXT * 200  # over the comment limit: redisplayed with an error
    for url, data in [
        (reverse("review:thread-create", args=[review]), {"clause": world.clause.pk, "body": long_body}),
        (
            reverse("review:thread-reply", args=[review, world.thread.pk]),
            {"body": long_body, "stance": P_SHORT},
        ),
        (reverse("review:comment-edit", args=[world.comment.pk]), {"body": long_body, "stance": "note"}),
        (
            reverse("review:cell", args=[review, world.clause.pk, world.thread.criterion_id]),
            {"verdict": P_SHORT, "rationale": P_TEXT, "expected_version": "0"},
        ),
    ]:
        for headers in ({}, HX):
            response = author.post(url, data, **headers)
            assert response.status_code in (200, 400, 409, 422), (url, response.status_code)
            check_response(response, url)
    steward = client_for(world, "steward")
    for url, data in [
        (
            reverse("licenses:version-create", args=[world.license.slug]),
            {"label": P_SHORT + "/", "text": P_TEXT},
        ),
        (reverse("review:next-round", args=[review]), {"label": P_SHORT + "@", "text": P_TEXT}),
        (
            reverse("review:review-create") + f"?version={world.v2.pk}",
            {"criterion_set": "x" + P_SHORT, "rationale": P_TEXT},
        ),
    ]:
        response = steward.post(url, data)
        assert response.status_code in (200, 400, 422), (url, response.status_code)
        check_response(response, url)
    moderator = client_for(world, "moderator")
    for url, data in [
        (reverse("review:review-decide", args=[review]), {"status": P_SHORT, "rationale": P_TEXT}),
        (reverse("review:comment-hide", args=[world.reply.pk]), {"reason": P_TEXT * 3}),
    ]:
        response = moderator.post(url, data)
        check_response(response, url)
    signup = client_for(world, None).post(
        reverse("signup"), {"username": P_LONG, "email": P_SHORT, "display_name": P_TEXT}
    )
    check_response(signup, "signup")


# --- exports --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXPORT_TYPES))
def test_exports_have_their_own_content_type_and_escape_html(world, fmt):
    url = reverse("review:export", args=[world.review.pk, fmt])
    response = client_for(world, None).get(url)
    assert response.status_code == 200
    content_type = response["Content-Type"]
    assert content_type.split(";")[0] == EXPORT_TYPES[fmt], content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    body = response.content.decode("utf-8")
    if fmt == "html":
        text = check_response(response, url)
        assert P_LONG in text and "<script>alert('pwn')</script>" in text
        return
    check_csp(response, url)
    assert not content_type.startswith("text/html")
    if fmt == "json":
        data = json.loads(body)
        assert data["schema"].startswith("clausewise.review/")
        assert data["license"]["name"] == P_LONG  # kept as data, for the consumer to escape
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(body)))
        assert len(rows) > 1
        for row in rows:
            for value in row:
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    else:
        assert "pwn" in body


def test_plain_text_download_is_plain_text(world):
    url = reverse("licenses:version-text", kwargs={"slug": world.license.slug, "label": world.v1.label})
    response = client_for(world, None).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_response_carries_the_csp(world):
    """Errors, redirects and refusals too: the policy is on every answer, not only on pages."""
    anonymous = client_for(world, None)
    for response in [
        anonymous.get("/no/such/page/"),
        anonymous.get(reverse("review:review-decide", args=[world.review.pk])),  # redirect to login
        anonymous.post(reverse("review:thread-resolve", args=[world.review.pk, world.thread.pk])),
        anonymous.post(reverse("home")),  # 405
        client_for(world, "plain").post(reverse("review:comment-hide", args=[world.comment.pk])),  # 404
        anonymous.get(reverse("review:export", args=[world.review.pk, "json"])),
    ]:
        check_csp(response, response.request["PATH_INFO"])


def test_the_scanner_catches_each_kind_of_hole():
    """The checks above would see an unescaped payload: each of these is reported."""
    for bad in [
        "<script>alert(1)</script>",
        '<script src="/static/x.js"></script>',  # no nonce
        '<img src="x" onerror="alert(1)">',
        '<a href="JaVa\tScRiPt:alert(1)">x</a>',
        '<a href="//evil.example/">x</a>',
        '<div hx-get="/pwn" hx-trigger="load"></div>',
        '<div data-hx-post="pwn"></div>',
        "<div hx-on:click=\"alert('pwn')\"></div>",
        "<svg><circle/></svg>",
        "<iframe src=/x></iframe>",
        "<style>body{display:none}</style>",
    ]:
        problems, _ = scan_html(bad)
        assert problems, bad
    problems, text = scan_html(
        '<script src="/static/js/x.js" nonce="abc" defer></script>'
        '<a href="/licenses/%22alert(1)/" hx-get="/compare/?a=x" hx-target="#cell-panel">&lt;script&gt;</a>'
    )
    assert problems == [] and text == "<script>"
