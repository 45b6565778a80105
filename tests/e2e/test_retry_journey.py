"""A reply whose answer never reached the browser (the connection dropped after the server saved
it) is sent again by a second click, and is stored once."""

import pytest
from playwright.sync_api import Browser, Route, expect

from review import services
from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_lost_answer_then_a_second_click_posts_the_reply_once(live_server, browser: Browser):
    rita = make_user("rita", roles=("reviewer",))
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Too wide?")
    context = browser.new_context()
    page = context.new_page()
    log_in(page, live_server, rita)
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    article = page.locator(f"#{thread.dom_id}")
    article.locator("details.reply > summary").click()
    article.get_by_label("Your reply").fill("It reaches datasets made with the Model.")

    # The first post reaches the server, which saves it; its answer is lost on the way back.
    def drop_the_answer(route: Route) -> None:
        route.fetch()
        route.abort("connectionreset")

    page.route("**/reply/", drop_the_answer)
    article.get_by_role("button", name="Post reply").click()
    expect(article.locator(".htmx-error")).to_be_visible()
    assert thread.comments.count() == 2
    page.unroute("**/reply/")

    # The second click sends the same key and gets the first answer back: nothing new is stored.
    article.get_by_role("button", name="Post reply").click()
    expect(page.locator(f"#{thread.dom_id} .comments li.comment")).to_have_count(2)
    assert thread.comments.count() == 2

    # The next reply is a new post with a new key.
    article = page.locator(f"#{thread.dom_id}")
    if not article.get_by_label("Your reply").is_visible():
        article.locator("details.reply > summary").click()
    article.get_by_label("Your reply").fill("And a second thought.")
    article.get_by_role("button", name="Post reply").click()
    expect(page.locator(f"#{thread.dom_id} .comments li.comment")).to_have_count(3)
    assert list(thread.comments.values_list("body", flat=True))[1:] == [
        "It reaches datasets made with the Model.",
        "And a second thought.",
    ]
    context.close()
