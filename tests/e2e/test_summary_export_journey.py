"""From the review page: copy the summary for the mailing list, and download it as HTML (issue 13)."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from review import services
from review.matrix.services import position_set
from tests.factories import make_review, make_user, osd_criterion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _disputed_review():
    review = make_review()
    ana = make_user("ana", roles=("reviewer",))
    ben = make_user("ben", roles=("reviewer",))
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(
        review=review,
        clause=clause,
        author=ana,
        body="The notice duty reaches **every** dataset made with the Model.\n\nMore detail below.",
        stance="objection",
        criterion=osd_criterion(6),
        suggested_wording=clause.text.replace("you must include", "you may include"),
    )
    services.comment_add(
        thread=thread, author=ben, body="Is a fine-tuned model a dataset?", stance="question"
    )
    position_set(
        review=review,
        clause=clause,
        criterion=osd_criterion(6),
        reviewer=ana,
        verdict="conflicts",
        rationale="A field-of-use restriction in disguise.\n\nSecond paragraph.",
        expected_version=0,
        threads=[thread],
    )
    return review, thread


def test_copy_for_the_mailing_list_and_the_html_summary(live_server, browser: Browser):
    review, thread = _disputed_review()
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    page = context.new_page()
    page.goto(f"{live_server.url}{review.get_absolute_url()}")

    page.get_by_role("link", name="Copy for the mailing list").click()
    expect(page.locator("#copy-status")).to_contain_text("Copied")
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Summary of the review of")
    assert "1 clause in dispute" in text
    assert "ana, OSD 6: conflicts. A field-of-use restriction in disguise." in text
    assert "Second paragraph" not in text
    assert "ben (thread" in text and "Is a fine-tuned model a dataset?" in text
    assert "[-must-]" in text and "{+may+}" in text
    assert f"{live_server.url}{review.get_absolute_url()}#{thread.dom_id}" in text
    for line in text.splitlines():
        assert len(line) <= 72 or line.strip().startswith("http"), line

    with page.expect_download() as download:
        page.locator(".export-links").get_by_role("link", name="HTML").first.click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert "**" not in html and "<del>must</del>" in html
    summary = context.new_page()
    summary.set_content(html)
    expect(summary.get_by_role("heading", name="Clauses in dispute")).to_be_visible()
    expect(summary.locator("p.redline del")).to_have_text("must")
    # Printed, "The review online" shows its address; the clause permalink shows it once.
    summary.emulate_media(media="print")
    after = summary.evaluate(
        "s => getComputedStyle(document.querySelector(s), '::after').content", "a.review-link"
    )
    assert review.get_absolute_url() in after
    once = summary.evaluate(
        "s => getComputedStyle(document.querySelector(s), '::after').content", "a.permalink"
    )
    assert once in ("none", "normal", "")
    context.close()


def test_without_a_clipboard_the_button_downloads_the_text(live_server, browser: Browser):
    review, _ = _disputed_review()
    context = browser.new_context(accept_downloads=True, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Copy for the mailing list").click()
    assert download.value.suggested_filename.endswith(".txt")
    assert "Clauses in dispute" in Path(download.value.path()).read_text(encoding="utf-8")
    context.close()
