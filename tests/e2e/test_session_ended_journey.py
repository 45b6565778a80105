"""Logging out in another tab, then pressing "Post reply" (issue 13, defect 1)."""

import pytest
from playwright.sync_api import Browser, expect

from review import services
from tests.factories import make_review, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "a sturdy clause 42"
REPLY = "The notice duty in 2.2(b) reaches datasets made *with* the Model, which is too wide."


def log_in_by_form(page, username):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()


def test_logout_in_another_tab_keeps_the_reply(live_server, browser: Browser):
    base = live_server.url
    rita = make_user("rita", roles=("reviewer",), password=PASSWORD)
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Too wide?")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/accounts/login/?next={review.get_absolute_url()}")
    log_in_by_form(page, "rita")
    expect(page.locator(f"#{thread.dom_id}")).to_be_visible()

    article = page.locator(f"#{thread.dom_id}")
    article.locator("details.reply > summary").click()
    article.get_by_label("Your reply").fill(REPLY)

    # Another tab of the same browser logs out.
    other = context.new_page()
    other.goto(f"{base}/licenses/")
    other.locator(".account").get_by_role("button", name="Log out").click()
    expect(other.locator(".account")).to_contain_text("Log in")
    other.close()

    article.get_by_role("button", name="Post reply").click()
    alert = article.locator(".htmx-error")
    expect(alert).to_contain_text("Your session has ended")
    # The thread and the typed text are still there; no log-in form was swapped in.
    expect(article.get_by_label("Your reply")).to_have_value(REPLY)
    expect(article.locator("input[name=password]")).to_have_count(0)
    expect(page.locator(".comments li.comment")).to_have_count(1)
    assert thread.comments.count() == 1

    # Logging in again comes back to the review with the reply restored, ready to post.
    alert.get_by_role("link", name="Log in again").click()
    expect(page).to_have_url(f"{base}/accounts/login/?next={review.get_absolute_url()}")
    log_in_by_form(page, "rita")
    expect(page).to_have_url(f"{base}{review.get_absolute_url()}")
    article = page.locator(f"#{thread.dom_id}")
    expect(article.get_by_label("Your reply")).to_have_value(REPLY)
    expect(article.locator(".draft-note")).to_contain_text("Your unsent text is back")

    # The page was loaded after logging in, so its CSRF token is fresh and the reply posts.
    article.get_by_role("button", name="Post reply").click()
    expect(page.locator(f"#{thread.dom_id} .comments li.comment")).to_have_count(2)
    assert thread.comments.count() == 2
    assert thread.comments.order_by("-pk").first().body == REPLY
    # The copy is gone once posted: a reload shows no restored draft.
    page.reload()
    expect(page.locator(".draft-note")).to_have_count(0)
    context.close()


def test_a_server_error_keeps_the_text_and_says_so(live_server, browser: Browser, monkeypatch):
    base = live_server.url
    rita = make_user("rita", roles=("reviewer",), password=PASSWORD)
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=rita, body="Too wide?")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/accounts/login/?next={review.get_absolute_url()}")
    log_in_by_form(page, "rita")

    def boom(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "comment_add", boom)
    article = page.locator(f"#{thread.dom_id}")
    article.locator("details.reply > summary").click()
    article.get_by_label("Your reply").fill(REPLY)
    article.get_by_role("button", name="Post reply").click()
    expect(article.locator(".htmx-error")).to_contain_text("Something went wrong on the server")
    expect(article.get_by_label("Your reply")).to_have_value(REPLY)
    context.close()
