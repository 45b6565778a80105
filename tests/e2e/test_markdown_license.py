"""A license published as Markdown reads without its marks: the license page, the review page
(where a quote selected across the place of a dropped mark still anchors) and the HTML export."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from review.models import Thread
from tests.e2e.helpers import log_in, settle
from tests.e2e.test_review_journey import select_words
from tests.factories import make_license, make_review, make_user, make_version

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MARKDOWN_TERMS = """\
# Sample Model License

## 1. Definitions

In this License:

- **"Model"** means the trained weights and parameters.
- **"Output"** means the results of running the Model.

**2. Grant of a licence to use the Model for any lawful purpose of Your own.** You may copy the Model.

**3.** Notices. You **must** keep this License with every copy, and You _must not_:

- remove a notice;
- claim the Model as Your own.

## Attachment A

(a) To break any applicable law;
(b) To harm minors in any way.
"""


def _version():
    version = make_version(make_license(slug="md-terms", name="Markdown Terms License"), text=MARKDOWN_TERMS)
    assert version.clauses.filter(path="1.def-output").exists()
    return version


def _clause_texts(page: Page) -> list[str]:
    return page.locator(".clause-text").all_text_contents()


def test_the_license_page_shows_no_emphasis_marks(live_server, page: Page):
    version = _version()
    page.goto(f"{live_server.url}{version.get_absolute_url()}")
    texts = _clause_texts(page)
    assert texts and not any("**" in t for t in texts), texts
    expect(page.locator("#c-1\\.def-output .clause-text")).to_have_text(
        '"Output" means the results of running the Model.'
    )
    expect(page.locator("#c-2 .clause-text")).to_contain_text("purpose of Your own. You may copy")
    expect(page.locator("#c-3 > .clause-body > .clause-text")).to_have_text(
        "You must keep this License with every copy, and You must not:"
    )
    # a Markdown bullet list is the clause's items; an attachment's list is the attachment's
    expect(page.locator("#c-3\\.item-2 .clause-text")).to_have_text("claim the Model as Your own.")
    expect(page.locator("#c-attachment-a\\.b .clause-text")).to_have_text("To harm minors in any way.")


def test_a_quote_across_a_dropped_mark_anchors_and_exports_without_marks(live_server, browser: Browser):
    version = _version()
    reviewer = make_user("rhea", roles=("reviewer",))
    review = make_review(version)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    log_in(page, live_server, reviewer)
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    settle(page)
    texts = _clause_texts(page)
    assert texts and not any("**" in t for t in texts), texts

    # '"Output" means': the term's closing "**" stood between the two words in the file
    clause = version.clauses.get(path="1.def-output")
    select_words(page, "#c-1\\.def-output .clause-text", '"Output" means the results')
    page.get_by_role("button", name="Comment on selection").click()
    form = page.locator(f"#new-thread-{clause.pk}")
    expect(form.locator(".quote-preview blockquote")).to_have_text('"Output" means the results')
    form.get_by_label("Objection").check()
    form.get_by_label("Comment", exact=True).fill("Output should exclude fine-tuned weights.")
    form.get_by_role("button", name="Start thread").click()
    expect(page.locator("#c-1\\.def-output mark")).to_have_text('"Output" means the results')
    thread = Thread.objects.get()
    assert thread.quote_exact == '"Output" means the results'
    assert clause.text[thread.quote_start : thread.quote_end] == thread.quote_exact

    with page.expect_download() as download:
        page.locator(".export-links").get_by_role("link", name="HTML").first.click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert "the results of running the Model" in html
    assert "**" not in html
    context.close()
