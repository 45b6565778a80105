"""Two reviewers take opposite positions on 2.2(b) × OSD 6; the matrix and the export show both."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from review.models import Review
from tests.e2e.helpers import log_in
from tests.factories import make_user, make_version, osd, osd_criterion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def take_position(page: Page, live_server, review, cell_id: str, verdict: str, rationale: str) -> None:
    page.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    page.locator(f"#{cell_id}").click()
    panel = page.locator("#cell-panel")
    expect(panel.get_by_role("heading", name="2.2(b) × OSD 6")).to_be_visible()
    expect(panel.get_by_role("heading", name="2.2(b) × OSD 6")).to_be_focused()
    panel.get_by_label(re.compile(verdict, re.IGNORECASE)).check()
    panel.get_by_label("Rationale").fill(rationale)
    panel.get_by_role("button", name="Save position").click()
    expect(panel.get_by_text("Your position is saved.")).to_be_visible()
    expect(panel.locator(".rationale").get_by_text(rationale)).to_be_visible()


def test_two_reviewers_disagree_on_2_2_b_osd_6(live_server, page: Page, browser: Browser):
    version = make_version()
    review = Review.objects.create(version=version, criterion_set=osd(), opened_by=make_user())
    clause = version.clauses.get(path="2.2(b)")
    cell_id = f"cell-{clause.pk}-{osd_criterion(6).pk}"
    ana = make_user("ana", roles=("reviewer",))
    ben = make_user("ben", roles=("reviewer",))

    log_in(page, live_server, ana)
    take_position(
        page,
        live_server,
        review,
        cell_id,
        "Conflicts",
        "Tying a notice duty to datasets of Output reaches past the software.",
    )
    expect(page.locator(f"#{cell_id}")).to_contain_text("1✕")  # redrawn in place

    other = browser.new_context()
    ben_page = other.new_page()
    log_in(ben_page, live_server, ben)
    take_position(
        ben_page,
        live_server,
        review,
        cell_id,
        "Complies",
        "A notice requirement restricts no field of endeavor.",
    )

    # Anyone reading the public matrix sees the tally and the disagreement flag.
    reader = browser.new_context().new_page()
    reader.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    cell = reader.locator(f"#{cell_id}")
    expect(cell).to_contain_text("1✕ 1✓")
    expect(cell.locator(".disagree")).to_be_visible()
    expect(cell).to_contain_text("reviewers disagree")
    expect(reader.locator("tfoot")).to_contain_text("1 disputed")

    # Keyboard: the column header shows the criterion's title on focus.
    header = reader.get_by_role("link", name="OSD 6", exact=True)
    header.focus()
    expect(reader.get_by_role("tooltip", name="No Discrimination Against Fields of Endeavor")).to_be_visible()

    # The Markdown export lists both positions with their rationales.
    response = reader.request.get(f"{live_server.url}/reviews/{review.pk}/export.md")
    assert response.ok
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    text = " ".join(response.text().split())
    assert "ana, OSD 6: conflicts" in text
    assert "Tying a notice duty to datasets of Output reaches past the software." in text
    assert "ben, OSD 6: complies" in text
    assert "A notice requirement restricts no field of endeavor." in text
    other.close()
