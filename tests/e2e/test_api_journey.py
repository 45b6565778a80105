"""A list bot's owner makes a write token on the profile page, reads the API reference, and the
bot's reply (posted with the token over HTTP) shows on the review page.

The reference page is Swagger UI served by the app: it must render under the site's CSP with no
violation and fetch nothing from elsewhere.
"""

import json
import urllib.request

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from review import services
from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user, make_version

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_make_a_token_read_the_reference_and_reply_through_the_api(live_server, page: Page):
    cache.clear()
    owner = make_user("botowner", roles=("reviewer",))
    review = make_review(make_version(label="1.0"))
    thread = services.thread_start(
        review=review, clause=review.version.clauses.get(anchor="2.2.b"), author=owner, body="Which notice?"
    )
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            problems.append(f"outside request {r.url}") if not r.url.startswith(live_server.url) else None
        ),
    )
    log_in(page, live_server, owner)

    # 1. The token, made on the profile page and shown once.
    page.goto(f"{live_server.url}/accounts/profile/")
    tokens = page.get_by_role("region", name="API tokens")
    expect(tokens).to_contain_text("No tokens yet.")
    tokens.get_by_label("Name").fill("list bot")
    tokens.get_by_label("Read and write").check()
    tokens.get_by_role("button", name="Make a token").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new API token")
    key = page.get_by_label("Token").input_value()
    assert key.startswith("cw_")

    # 2. The reference renders its operations, with no CSP violation and no outside request.
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Clausewise API")
    expect(
        page.locator(".opblock-summary-path", has_text="/api/v1/reviews/{review_id}/positions/")
    ).to_be_visible()
    page.locator(".opblock-summary-path", has_text="/api/v1/criteria/").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".responses-wrapper .live-responses-table")).to_contain_text("osd-1.9")

    # 3. The bot posts a reply with the token; it shows on the review page.
    request = urllib.request.Request(
        f"{live_server.url}/api/v1/reviews/{review.pk}/threads/{thread.pk}/comments/",
        data=json.dumps({"body": "Posted from the **list**.", "stance": "support"}).encode(),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - the live test server
        assert answer.status == 201
        comment = json.load(answer)
    page.goto(f"{live_server.url}/reviews/{review.pk}/")
    reply = page.locator(f"#m-{comment['id']}")
    expect(reply).to_contain_text("Posted from the list.")
    expect(reply.locator("strong", has_text="list")).to_be_visible()
    assert not [p for p in problems if "favicon" not in p], problems
