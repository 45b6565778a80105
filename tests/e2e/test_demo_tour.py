"""A new visitor's tour of the demo: home → review → matrix → a cell → Markdown export → the next round.

Every page visited is checked for dead links: each same-site ``<a href>`` on it must answer
below 400. Links of one shape (one URL route, the same query keys) are fetched up to three
times: a matrix page alone holds hundreds of cell links that differ only in their ids. Then a moderator takes the same tour of the review page, where more links show
(import mail, next round, decision).
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import Resolver404, resolve
from playwright.sync_api import Page, expect

from review.exports.views import export_filename
from review.models import Position, Review
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


PER_SHAPE = 3


def shape(path: str, query: str) -> tuple[str, ...]:
    """What a link is, whatever its ids: its route and query keys (a path that resolves to no
    route is its own shape, so it is always fetched)."""
    try:
        route = resolve(path).route
    except Resolver404:
        route = path
    return (route, *sorted({key for key, _ in parse_qsl(query, keep_blank_values=True)}))


class LinkChecker:
    """Fetch same-site links with the test client (as the page's user), each once and up to
    ``PER_SHAPE`` of one shape, and remember the answers."""

    def __init__(self, origin: str, client: Client) -> None:
        self.origin, self.client = origin, client
        self.seen: dict[str, int] = {}
        self.shapes: Counter[tuple[str, ...]] = Counter()

    def check_page(self, page: Page) -> list[str]:
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert hrefs, f"no links on {page.url}"
        bad = []
        for href in hrefs:
            parts = urlsplit(href)
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                continue  # another site
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in self.seen:
                kind = shape(parts.path, parts.query)
                if self.shapes[kind] >= PER_SHAPE:
                    continue
                self.shapes[kind] += 1
                self.seen[target] = self.client.get(target).status_code
            if self.seen[target] >= 400:
                bad.append(f"{target} -> {self.seen[target]}")
        assert not bad, f"dead links on {page.url}: {bad}"
        return hrefs


def test_demo_tour_every_link_resolves(live_server, page: Page):
    call_command("load_demo")  # its idempotence: tests/licenses/test_commands.py

    links = LinkChecker(live_server.url, Client())
    cc = Review.objects.get(version__license__slug="cc-by-nc", version__label="4.0")
    mpl_next = Review.objects.get(version__license__slug="mpl", version__label="2.0")

    # Home: the open reviews with their counts.
    page.goto(live_server.url + "/")
    open_reviews = page.locator("section[aria-labelledby=open-reviews]")
    expect(open_reviews.get_by_text("open threads").first).to_be_visible()
    links.check_page(page)

    # The review list, with status tabs.
    page.get_by_role("link", name="All reviews").click()
    expect(
        page.get_by_role("navigation", name="Review status").get_by_role(
            "link", name=f"Open ({Review.objects.public().filter(status=Review.Status.OPEN).count()})"
        )
    ).to_be_visible()
    links.check_page(page)
    page.go_back()

    # Open the CC review from the home page.
    open_reviews.get_by_role("link", name=cc.version.title).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Creative Commons")
    expect(page.locator(".clause-positions").first).to_be_visible()  # the demo positions, per clause
    links.check_page(page)

    # Matrix, then a cell with positions (the panel opens in place).
    page.get_by_role("link", name="Criteria matrix").click()
    expect(page).to_have_url(f"{live_server.url}/reviews/{cc.pk}/matrix/")
    links.check_page(page)
    page.locator("a.cell.v-concern, a.cell.v-conflicts, a.cell.v-complies").first.click()
    panel = page.locator("#cell-panel")
    expect(panel.get_by_role("heading", name="Positions")).to_be_visible()
    expect(panel.locator(".position").first).to_be_visible()
    links.check_page(page)

    # The cell's own page (what the link is without JavaScript).
    cell_href = page.locator("a.cell.v-concern, a.cell.v-conflicts, a.cell.v-complies").first.get_attribute(
        "href"
    )
    page.goto(live_server.url + cell_href)
    expect(page.get_by_role("heading", name="Positions")).to_be_visible()
    links.check_page(page)

    # Back on the review page: the Markdown summary downloads under its proper name.
    page.goto(f"{live_server.url}/reviews/{cc.pk}/")
    with page.expect_download() as info:
        page.locator(".export-links").get_by_role("link", name="Markdown").first.click()
    download = info.value
    assert download.suggested_filename == export_filename(cc, "md", None)
    assert download.suggested_filename.endswith(".md") and "cc-by-nc-4.0" in download.suggested_filename
    with open(download.path(), encoding="utf-8") as f:
        assert "NonCommercial" in f.read()

    # The next round of the MPL review: carried threads, outdated and orphaned ones.
    page.goto(live_server.url + "/")
    open_reviews.get_by_role("link", name=mpl_next.version.title).click()
    expect(page).to_have_url(f"{live_server.url}/reviews/{mpl_next.pk}/")
    rounds = page.locator(".review-rounds")
    expect(rounds).to_contain_text("Round 2")
    expect(page.locator(".tag.carry-outdated").first).to_be_visible()
    expect(page.locator(".tag.carry-orphaned").first).to_have_text("Orphaned: the clause was removed")
    expect(page.locator(".tag.carry-missing").first).to_be_visible()
    expect(page.locator(".carryover-redline").first).to_be_visible()
    expect(page.get_by_role("heading", name="Orphaned threads (1)")).to_be_visible()
    links.check_page(page)

    # Its previous round links back, and names the next one.
    rounds.get_by_role("link", name="version 1.1").click()
    expect(page.locator(".review-rounds")).to_contain_text("Round 1")
    expect(page.locator(".review-rounds").get_by_role("link", name="version 2.0")).to_be_visible()
    links.check_page(page)
    assert len(links.seen) > 40


def test_moderator_sees_and_follows_every_link_on_the_review_pages(live_server, page: Page):
    call_command("load_demo")
    maren = User.objects.get(username="maren")
    links = LinkChecker(live_server.url, log_in(page, live_server, maren))
    mpl_next = Review.objects.get(version__license__slug="mpl", version__label="2.0")
    for review in Review.objects.order_by("pk"):
        page.goto(f"{live_server.url}/reviews/{review.pk}/")
        actions = page.locator(".page-actions")
        expect(actions.get_by_role("link", name="Import mail")).to_be_visible()
        expect(actions.get_by_role("link", name="Open next round")).to_be_visible()
        expect(actions.get_by_role("link", name="Record a decision")).to_be_visible()
        links.check_page(page)

    # One click from a carried thread tagged OSD 5 ... is an orphan: no verdict buttons there.
    page.goto(f"{live_server.url}/reviews/{mpl_next.pk}/")
    orphan = page.locator(".orphan-threads article.thread")
    expect(orphan).to_have_count(1)
    expect(orphan.locator("button[name=verdict]")).to_have_count(0)

    # A position from a thread: the confirmation appears inside the thread, which stays in place.
    cc = Review.objects.get(version__license__slug="cc-by-nc", version__label="4.0")
    thread = cc.threads.get(criterion__number=6)
    page.goto(f"{live_server.url}/reviews/{cc.pk}/#{thread.dom_id}")
    article = page.locator(f"#{thread.dom_id}")
    article.get_by_role("button", name="Conflicts with OSD 6").click()
    status = page.locator(f"#{thread.dom_id}-position [role=status]")
    expect(status).to_contain_text("conflicts")
    expect(status.get_by_role("link", name="Open the cell")).to_be_visible()
    expect(article.locator(".comment")).to_have_count(3)  # the thread was not replaced
    assert Position.objects.get(review=cc, reviewer=maren, criterion__number=6).verdict == "conflicts"
    links.check_page(page)
    page.reload()
    summary = page.locator(f"#block-{thread.clause_id} .clause-positions")
    conflicts = Position.objects.filter(
        review=cc, clause_id=thread.clause_id, criterion__number=6, verdict="conflicts"
    ).count()  # the demo reviewers' and maren's
    expect(summary).to_contain_text(f"OSD 6: {conflicts}✕")
