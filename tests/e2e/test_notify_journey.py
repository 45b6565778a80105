"""Issue 16's browser journey: watch a thread, hear of a reply in the app, mark it read, unwatch."""

import os
import time

import pytest
from playwright.sync_api import Page, expect

from review import services
from review.notify.models import Watch
from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def eventually(check, timeout: float = 5.0) -> bool:
    """The live server answers before the test thread's connection sees its write: poll a little."""
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


SHOTS = os.environ.get("NOTIFY_SCREENSHOTS")  # a folder: save the bell and the page to look at


def test_watch_a_thread_hear_of_a_reply_and_unwatch(live_server, page: Page):
    alice = make_user("alice", roles=("reviewer",))
    bob = make_user("bob", roles=("reviewer",))
    review = make_review()
    clause = review.version.clauses.get(path="2.2(b)")
    thread = services.thread_start(
        review=review, clause=clause, author=bob, body="Is the dataset notice a restriction on use?"
    )
    log_in(page, live_server, alice)

    # 1. Alice watches Bob's thread from the review page.
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    thread_box = page.locator(f"#{thread.dom_id}")
    thread_box.get_by_role("button", name="Watch thread").click()
    expect(thread_box.get_by_role("button", name="Unwatch thread")).to_be_visible()
    assert eventually(lambda: Watch.objects.filter(user=alice, thread=thread).exists())
    if SHOTS:
        page.locator(".review-header").screenshot(path=f"{SHOTS}/review_header.png")
        thread_box.screenshot(path=f"{SHOTS}/thread.png")
    expect(page.locator("#bell .bell-count")).to_have_count(0)

    # 2. Bob replies (and mentions nobody); Alice's bell counts it on her next page.
    services.comment_add(thread=thread, author=bob, body="I think it is: it binds **every** dataset.")
    page.goto(f"{live_server.url}/licenses/")
    expect(page.locator("#bell .bell-count")).to_have_text("1")
    if SHOTS:
        page.locator(".site-header").screenshot(path=f"{SHOTS}/bell.png")

    # 3. The notifications page names the clause and quotes the reply.
    page.wait_for_load_state("networkidle")  # the bell refreshes itself once on load: click the one that stays
    page.locator("#bell").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    item = page.locator(".notification").first
    expect(item).to_contain_text("bob replied on §2.2(b)")
    expect(item.locator(".notification-excerpt")).to_have_text("I think it is: it binds every dataset.")
    expect(item.locator(".notification-excerpt strong")).to_have_text("every")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/notifications.png", full_page=True)
    item.get_by_role("button", name="Mark read").click()
    expect(page.locator(".notification.is-unread")).to_have_count(0)
    expect(page.locator("#bell .bell-count")).to_have_count(0)

    # 4. The link leads to the reply; Alice unwatches the thread there.
    page.locator(".notification-head a").first.click()
    expect(page).to_have_url(f"{live_server.url}{review.get_absolute_url()}#m-{thread.comments.last().pk}")
    thread_box = page.locator(f"#{thread.dom_id}")
    # The review page fetches its parts after load; on the tests' shared in-memory SQLite a write
    # racing those reads is refused ("table is locked"), which no user's click ever meets.
    page.wait_for_load_state("networkidle")
    thread_box.get_by_role("button", name="Unwatch thread").click()
    expect(thread_box.get_by_role("button", name="Watch thread")).to_be_visible()
    assert eventually(lambda: not Watch.objects.filter(user=alice, thread=thread).exists())

    # 5. Bob's next reply no longer reaches her.
    services.comment_add(thread=thread, author=bob, body="Any other view?")
    assert alice.notifications.count() == 1
