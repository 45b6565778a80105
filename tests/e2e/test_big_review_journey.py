"""A big review in the browser: threads come folded to a first line, open on a click with all
their comments, and take a reply; suggesting wording starts from the clause text."""

import re

import pytest
from playwright.sync_api import Page, expect

from review import services
from tests.e2e.axe import axe_violations, describe
from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_open_a_folded_thread_and_reply(live_server, page: Page, settings):
    settings.REVIEW_INLINE_COMMENTS = 4
    rita = make_user("rita", roles=("reviewer",))
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Too wide for datasets?")
    for k in range(5):
        services.comment_add(thread=thread, author=rita, body=f"Point {k}.")
    log_in(page, live_server, rita)
    page.goto(f"{live_server.url}{review.get_absolute_url()}")

    # The clause's threads arrive when its list is opened (here with the keyboard).
    expect(page.locator(f"#{thread.dom_id}")).to_have_count(0)
    opener = page.locator(f"#block-{clause.pk} details.thread-list > summary")
    expect(opener).to_have_text(f"Threads on {clause.path} (1)")
    opener.focus()
    page.keyboard.press("Enter")
    article = page.locator(f"#{thread.dom_id}")
    expect(opener).to_be_focused()
    expect(article.locator(".thread-lazy")).to_have_text("Show the whole thread")
    page.wait_for_load_state("networkidle")
    assert (
        describe(
            "big review, a clause's list open",
            axe_violations(page, impacts={"minor", "moderate", "serious", "critical"}),
        )
        == []
    )
    expect(article.locator(".thread-first-line")).to_contain_text("Too wide for datasets?")
    expect(article.locator("li.comment")).to_have_count(0)
    article.locator("summary.thread-head").click()
    expect(article.locator("li.comment")).to_have_count(6)
    expect(article.locator("li.comment").last).to_contain_text("Point 4.")
    expect(page.locator(f"#{thread.dom_id} summary.thread-head")).to_be_focused()

    article.locator("details.reply > summary").click()
    article.get_by_label("Your reply").fill("Point 5.")
    article.locator("details.wording > summary").click()
    expect(article.get_by_label("Suggested wording")).to_have_value(
        re.compile(r"If you distribute a collection of Output")
    )
    article.get_by_label("Suggested wording").fill(clause.text.replace("must include", "may include"))
    article.get_by_role("button", name="Post reply").click()
    expect(page.locator(f"#{thread.dom_id} li.comment")).to_have_count(7)
    last = thread.comments.order_by("-pk").first()
    assert last.body == "Point 5."
    assert "may include" in last.suggested_wording


def test_a_link_to_a_thread_not_yet_listed_opens_it(live_server, page: Page, settings):
    settings.REVIEW_INLINE_COMMENTS = 4
    rita = make_user("rita", roles=("reviewer",))
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Too wide for datasets?")
    for k in range(5):
        services.comment_add(thread=thread, author=rita, body=f"Point {k}.")
    page.goto(f"{live_server.url}{review.get_absolute_url()}#{thread.dom_id}")
    expect(page).to_have_url(re.compile(rf"\?thread={thread.pk}#{thread.dom_id}$"))
    expect(page.locator(f"#{thread.dom_id} li.comment")).to_have_count(6)
