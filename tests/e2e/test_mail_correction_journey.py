"""Browser journey: a moderator corrects who wrote an imported message and when.

The paste's own top part has no header, so it is imported as "unknown" at import time; the
moderator opens "correct author or date" beside "imported by", fixes both, and the page shows
the corrected author, in its place in the thread, with "corrected by" beside "via mail".
Set E2E_SHOTS to a directory to keep screenshots of the form and of the corrected comment.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from review.mail.preview import preview_import
from review.mail.services import ImportChoice, import_messages
from review.models import Comment, Review
from tests.e2e.helpers import log_in
from tests.factories import SAMPLE_TEXT, make_user, make_version, osd
from tests.review.mail.test_correction import PASTE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def shot(page: Page, name: str, locator=None) -> None:
    folder = os.environ.get("E2E_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (locator or page).screenshot(path=str(Path(folder) / f"{name}.png"))


def test_moderator_corrects_an_imported_author_and_date(live_server, page: Page):
    moderator = make_user("mona", roles=("moderator",))
    review = Review.objects.create(
        version=make_version(text=SAMPLE_TEXT), criterion_set=osd(), opened_by=moderator
    )
    preview = preview_import(review=review, raw=PASTE)
    items = [ImportChoice(message=i.message, clause_id=i.clause_id, stance=i.stance) for i in preview.items]
    import_messages(review=review, items=items, by=moderator, source="thread.txt")
    unknown = Comment.objects.get(author_name="", source="mail")
    log_in(page, live_server, moderator)

    # 1. the newest message shows as "unknown", imported by mona, with a link to correct it
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    comment = page.locator(f"#{unknown.dom_id}")
    # An imported thread comes folded to its first line: open it.
    page.locator(f"#{unknown.thread.dom_id} > details.thread-fold > summary").click()
    expect(comment.locator(".author")).to_have_text("unknown")
    expect(comment.locator(".imported-by")).to_have_text("imported by mona")
    comment.get_by_role("link", name="correct author or date").click()

    # 2. the form: name, address and date in the sender's zone
    expect(page.get_by_role("heading", level=1)).to_have_text("Correct the author and date")
    expect(page.get_by_label("Sent")).to_have_value(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d \+00:00$"))
    page.get_by_label("Name").fill("Carol Diaz")
    page.get_by_label("Address").fill("carol@example.net")
    page.get_by_label("Sent").fill("2025-05-19 10:15 +02:00")
    shot(page, "correction-form")
    page.get_by_role("button", name="Save the correction").click()

    # 3. back on the review page: the corrected author, after Bob's message, marked as corrected
    expect(page).to_have_url(re.compile(rf"/reviews/{review.pk}/#{unknown.dom_id}$"))
    expect(page.locator(".messages")).to_contain_text("Author and date corrected")
    comment = page.locator(f"#{unknown.dom_id}")
    expect(comment.locator(".author")).to_have_text("Carol Diaz")
    expect(comment.locator(".corrected-by")).to_contain_text("corrected by mona")
    expect(comment.locator("time").last).to_have_attribute("datetime", re.compile(r"^2025-05-19T08:15:00"))
    thread = page.locator(".thread", has=comment)
    expect(thread.locator(".comment .author")).to_have_text(["Bob Ruiz", "Carol Diaz"])
    shot(page, "corrected-comment", thread)

    # 4. the history keeps what the import said
    comment.get_by_role("link", name="corrections").click()
    history = page.locator(".correction-list li")
    expect(history).to_have_count(1)
    expect(history).to_contain_text("by mona")
    expect(history).to_contain_text("none → Carol Diaz")
    expect(history).to_contain_text("none → carol@example.net")
    shot(page, "correction-history", page.locator(".corrections"))
