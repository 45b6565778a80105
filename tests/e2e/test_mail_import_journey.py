"""Browser journey: paste a three-message HTML thread, fix a clause, import, see it, import again."""

import re

import pytest
from playwright.sync_api import Page, expect

from review.models import Comment, Review
from tests.e2e.helpers import log_in
from tests.factories import SAMPLE_TEXT, make_user, make_version, osd
from tests.review.mail.test_import import HTML_THREAD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_import_a_mail_thread_onto_clauses(live_server, page: Page):
    moderator = make_user("mona", roles=("moderator",))
    review = Review.objects.create(
        version=make_version(text=SAMPLE_TEXT), criterion_set=osd(), opened_by=moderator
    )
    clause_b = review.version.clauses.get(path="2.2(b)")
    log_in(page, live_server, moderator)

    # 1. paste a three-message HTML thread into the review
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    page.get_by_role("link", name="Import mail").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import mail")
    page.get_by_label("Paste a thread").fill(HTML_THREAD)
    page.get_by_role("button", name="Preview").click()

    items = page.locator(".mail-item")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("Alice Moreau")
    expect(items.nth(1)).to_contain_text("Bob Ruiz")
    expect(items.nth(2)).to_contain_text("Carol Diaz")
    expect(items.nth(1).locator(".mail-body")).to_have_text(
        re.compile(r"^I think 2\.bb conflicts with OSD 6")
    )
    expect(items.nth(1).locator(".tag.unsure")).to_contain_text("2.2(b)")
    expect(page.get_by_label("Stance", exact=True).nth(1)).to_have_value("objection")
    # The quoted text is gone from Carol's message.
    expect(items.nth(2).locator(".mail-body")).not_to_contain_text("2.bb")

    # 2. fix one suggested clause: Alice's question is about 2.2(b), not clause 1. The picker is a
    # text field that filters the clauses (a datalist); the hidden <select> carries the choice.
    alice_clause = page.get_by_label("Clause", exact=True).nth(0)
    alice_select = page.locator("#clause-0")
    expect(alice_select).to_be_hidden()
    expect(alice_select.locator("option:checked")).to_have_text(re.compile(r"^1 "))
    expect(alice_clause).to_have_value(re.compile(r"^1 "))
    alice_clause.fill("2.2(b)")
    alice_clause.press("Tab")
    expect(alice_select).to_have_value(str(clause_b.pk))
    expect(alice_clause).to_have_value(re.compile(r"^2\.2\(b\) "))

    # 3. import
    page.get_by_role("button", name="Import the ticked messages").click()

    # 4. the messages are comments on the right clause, by their authors, in date order
    expect(page).to_have_url(re.compile(rf"/reviews/{review.pk}/\?folded=1#t-\d+$"))
    expect(page.locator(".messages")).to_contain_text("3 messages imported, 0 already there.")
    block = page.locator(".clause-block", has=page.locator(f"#{clause_b.dom_id.replace('.', '\\.')}"))
    comments = block.locator(".comment")
    expect(comments).to_have_count(3)
    expect(comments.locator(".author")).to_have_text(["Alice Moreau", "Bob Ruiz", "Carol Diaz"])
    expect(comments.nth(0)).to_contain_text("from mail")
    expect(comments.nth(1).locator(".comment-body")).to_contain_text("conflicts with OSD 6")
    clause_1 = review.version.clauses.get(path="1")
    expect(
        page.locator(".clause-block", has=page.locator(f"#{clause_1.dom_id}")).locator(".comment")
    ).to_have_count(0)
    assert Comment.objects.filter(thread__clause=clause_b, source="mail").count() == 3

    # 5. import again: every message is marked "already imported" and nothing is ticked
    page.get_by_role("link", name="Import mail").click()
    page.get_by_label("Paste a thread").fill(HTML_THREAD)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".mail-item .tag.known")).to_have_count(3)
    expect(page.locator(".mail-item").first).to_contain_text("already imported")
    expect(page.locator('input[name="import"]:checked')).to_have_count(0)
    expect(page.locator(".preview-summary")).to_contain_text("3 already imported into this review")
    page.get_by_role("button", name="Import the ticked messages").click()
    expect(page.locator(".form-error")).to_contain_text("Tick at least one message")
    assert Comment.objects.count() == 3
