"""The mail import preview's clause picker (issue 13, friction): a text field that filters the
clauses as one types (a native datalist) instead of a long dropdown per message; words that
match no single clause are refused in place and change nothing."""

import pytest
from playwright.sync_api import Page, expect

from review.models import Comment, Review
from tests.e2e.axe import axe_violations, describe
from tests.e2e.helpers import log_in
from tests.factories import SAMPLE_TEXT, make_user, make_version, osd
from tests.review.mail.test_import import HTML_THREAD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_clause_picker_filters_and_keeps_the_choice(live_server, page: Page):
    moderator = make_user("mona", roles=("moderator",))
    review = Review.objects.create(version=make_version(text=SAMPLE_TEXT), criterion_set=osd(), opened_by=moderator)
    clause_a = review.version.clauses.get(path="2.2(a)")
    log_in(page, live_server, moderator)
    page.goto(f"{live_server.url}/reviews/{review.pk}/import/")
    page.get_by_label("Paste a thread").fill(HTML_THREAD)
    page.get_by_role("button", name="Preview").click()

    # The preview with its pickers passes axe (every impact, not only serious ones).
    assert describe("mail preview", axe_violations(page, impacts={"minor", "moderate", "serious", "critical"})) == []
    picker = page.get_by_label("Clause", exact=True).nth(1)
    select = page.locator("#clause-1")
    # One field per message, tied to its own list of the clauses (suggested ones first).
    expect(page.get_by_role("combobox", name="Clause", exact=True)).to_have_count(3)
    options = page.locator(f"#{picker.get_attribute('list')} option")
    assert options.count() >= len(review.version.clauses.all())
    # Words found in one clause only choose it.
    picker.fill("keep this notice")
    expect(select).to_have_value(str(clause_a.pk))
    picker.press("Tab")
    expect(picker).not_to_have_attribute("aria-invalid", "true")
    # Words in no clause: said so, and the last choice stands.
    picker.fill("no such words anywhere")
    picker.press("Tab")
    expect(picker).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#clause-1-find-help")).to_contain_text("No single clause matches")
    expect(select).to_have_value(str(clause_a.pk))
    # Empty means the general thread.
    picker.fill("")
    picker.press("Tab")
    expect(select).to_have_value("")
    picker.fill("2.2(a)")
    picker.press("Tab")
    page.get_by_role("button", name="Import the ticked messages").click()
    expect(page.locator(".messages")).to_contain_text("3 messages imported")
    bob = Comment.objects.get(author_name="Bob Ruiz")
    assert bob.thread.clause_id == clause_a.pk
