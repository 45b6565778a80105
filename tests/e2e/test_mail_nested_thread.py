"""Browser journey: a moderator pastes a thread built like the one in issue 11 (Apple Mail over
Thunderbird over Zimbra in Italian over the opening message), names the author of the paste's
own top part, and finds every message on the clause, under its author, in reply-chain order."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import Page, expect

from review.models import Comment, Review
from tests.e2e.helpers import log_in
from tests.factories import SAMPLE_TEXT, make_user, make_version, osd
from tests.review.mail.threads import NESTED_PASTE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AUTHORS = ["Henrik Dahl", "Chiara Ferri", "Lena Fischer", "Omar Haddad", "Mia Chen"]


def test_import_the_nested_thread_onto_its_clause(live_server, page: Page):
    moderator = make_user("mona", roles=("moderator",))
    review = Review.objects.create(
        version=make_version(text=SAMPLE_TEXT), criterion_set=osd(), opened_by=moderator
    )
    clause_b = review.version.clauses.get(path="2.2(b)")
    log_in(page, live_server, moderator)

    page.goto(f"{live_server.url}/reviews/{review.pk}/import/")
    page.get_by_label("Paste a thread").fill(NESTED_PASTE)
    page.get_by_role("button", name="Preview").click()

    items = page.locator(".mail-item")
    expect(items).to_have_count(5)
    expect(items.locator(".mail-author")).to_have_text(
        [re.compile(rf"^\s*\d+\.\s+{re.escape(name)}") for name in AUTHORS[:4]]
        + [re.compile(r"Unknown author")]
    )
    # Every reply takes the clause of the message it answers; the first and last cite 2.2(b).
    for k in range(5):
        expect(page.locator(f"#clause-{k}")).to_have_value(str(clause_b.pk))
    expect(items.nth(2)).to_contain_text("takes the clause of message 2")
    # The literal \u202f in Apple's attribution did not leak into the author or the date.
    expect(page.get_by_label("Sent", exact=True).nth(3)).to_have_value("2025-05-18 05:51 +00:00")
    expect(items.nth(0).locator(".mail-body")).not_to_contain_text("=20")
    expect(items.nth(2).locator(".mail-body")).not_to_contain_text("org>")
    # Lena objects in so many words; Henrik's question is only a hint ("question" is not preselected).
    expect(page.get_by_label("Stance", exact=True).nth(2)).to_have_value("objection")
    expect(page.get_by_label("Stance", exact=True).nth(0)).to_have_value("note")

    # The paste's own top part: the moderator says who wrote it and when.
    page.get_by_label("Author", exact=True).nth(4).fill("Mia Chen")
    page.get_by_label("Address", exact=True).nth(4).fill("mia@example.com")
    page.get_by_label("Sent", exact=True).nth(4).fill("2025-05-19 09:30 +02:00")
    page.get_by_role("button", name="Import the ticked messages").click()

    # It lands on the first imported thread, folded.
    expect(page).to_have_url(re.compile(rf"/reviews/{review.pk}/\?folded=1#t-\d+$"))
    expect(page.locator(".messages")).to_contain_text("5 messages imported")
    comments = list(
        Comment.objects.filter(thread__review=review).select_related("thread").order_by("created_at", "pk")
    )
    assert [c.author_name for c in comments] == AUTHORS
    assert {c.thread.clause_id for c in comments} == {clause_b.pk}
    assert all(c.imported_by == moderator and c.import_source == "pasted text" for c in comments)
    mia = comments[-1]
    assert (mia.author_email, mia.created_at) == (
        "mia@example.com",
        datetime(2025, 5, 19, 9, 30, tzinfo=timezone(timedelta(hours=2))),
    )
    assert mia.mail_utc_offset == 120
    thread = page.locator(f"#{comments[0].thread.dom_id}")
    # Folded threads show their first line; the page opens the one the address points at.
    expect(thread.locator(".thread-first-line")).to_contain_text("Henrik Dahl: Clause 2.2(b) would make")
    expect(thread.locator(".comment .author")).to_have_text(AUTHORS)
    expect(thread.locator(".imported-by").first).to_have_text("imported by mona")
