"""After an htmx post, Back and Reload show the new thread, and the counts follow (issue 13, defect 5)."""

from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, expect

from review import services
from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_back_after_starting_a_thread_shows_it(live_server, browser: Browser):
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    page = browser.new_context().new_page()
    log_in(page, live_server, make_user("rita", roles=("reviewer",)))
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    expect(page.locator("#review-totals")).to_contain_text("0 threads")

    box = page.locator(f"#new-thread-{clause.pk}")
    box.locator("> summary").click()
    box.get_by_label("Comment").fill("The notice duty is too wide.")
    box.get_by_role("button", name="Start thread").click()
    expect(page.locator(f"#block-{clause.pk} article.thread")).to_have_count(1)
    thread = review.threads.get()
    expect(page.locator(f"#{thread.dom_id}")).to_be_visible()
    # The counts changed out of band, and the address now points at the new thread.
    expect(page.locator("#review-totals")).to_contain_text("1 thread (1 open, 0 resolved)")
    expect(page.locator("#count-open")).to_have_text("1")
    expect(page.locator(f"#toc-heat-{clause.pk}")).not_to_have_class("heat heat-none")
    expect(page).to_have_url(f"{live_server.url}{review.get_absolute_url()}#{thread.dom_id}")

    page.get_by_role("link", name="Criteria matrix").click()
    expect(page).to_have_url(f"{live_server.url}/reviews/{review.pk}/matrix/")
    page.go_back()
    expect(page.locator(f"#{thread.dom_id}")).to_be_visible()
    expect(page.locator("#review-totals")).to_contain_text("1 thread")
    page.reload()
    expect(page.locator(f"#{thread.dom_id}")).to_be_visible()
    assert review.threads.count() == 1


def test_times_are_shown_in_the_readers_zone_and_named(live_server, browser: Browser):

    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    thread = services.thread_start(review=review, clause=clause, author=rita, body="First.")
    comment = thread.comments.get()
    page = browser.new_context(timezone_id="Asia/Tokyo", locale="en-GB").new_page()
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    when = page.locator(f"#{comment.dom_id} time")
    expect(when).to_have_attribute("data-local", "1")
    local = comment.created_at.astimezone(ZoneInfo("Asia/Tokyo"))
    expect(when).to_contain_text(local.strftime("%H:%M"))
    expect(when).to_contain_text("GMT+9")
    expect(when).to_have_attribute("title", comment.created_at.strftime("%-d %b %Y, %H:%M UTC"))
