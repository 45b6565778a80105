"""The review page's friction list in a browser (issue 13): "Start a thread" only where the reader
is (hover, focus, the clicked clause), reached with the keyboard; imported threads folded; the
edit form's stance chips; the "Comment on selection" pill above the selection, hiding neither
the chosen words nor the line after them."""

import pytest
from playwright.sync_api import Page, expect

from review import services
from review.models import Comment
from tests.e2e.helpers import log_in
from tests.e2e.test_review_journey import select_words
from tests.factories import make_review, make_user, make_version, numbered_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OPACITY = "(el) => getComputedStyle(el).opacity"
LONG = " ".join(f"Word{n} of a long clause that wraps over several lines on the page." for n in range(12))


def summary(page: Page, clause) -> object:
    return page.locator(f"#new-thread-{clause.pk} > summary")


def test_start_a_thread_shows_on_hover_focus_and_the_clicked_clause(live_server, page: Page):
    review = make_review(make_version(text=numbered_text(6)))
    first, second, third = review.version.clauses.filter(path__in=["1", "2", "3"]).order_by("ordinal")
    log_in(page, live_server, make_user("rita", roles=("reviewer",)))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    page.mouse.move(1, 1)
    expect(summary(page, first)).to_be_attached()
    assert summary(page, first).evaluate(OPACITY) == "0"
    # Hover shows it, without moving anything below.
    below = page.locator(f"#block-{third.pk}").bounding_box()["y"]
    page.locator(f"#block-{second.pk} .clause-text").hover()
    expect(summary(page, second)).to_have_css("opacity", "1")
    assert summary(page, first).evaluate(OPACITY) == "0"
    assert page.locator(f"#block-{third.pk}").bounding_box()["y"] == below
    # A click selects the clause: its link stays when the pointer leaves.
    page.locator(f"#block-{first.pk} .clause-text").click()
    page.mouse.move(1, 1)
    expect(summary(page, first)).to_have_css("opacity", "1")
    expect(summary(page, second)).to_have_css("opacity", "0")
    # Keyboard: focus reaches the hidden link and shows it; Enter opens the form.
    summary(page, third).focus()
    expect(summary(page, third)).to_be_focused()
    expect(summary(page, third)).to_have_css("opacity", "1")
    page.keyboard.press("Enter")
    expect(page.locator(f"#new-thread-{third.pk}")).to_have_attribute("open", "")
    expect(page.locator(f"#new-thread-{third.pk}").get_by_label("Comment", exact=True)).to_be_visible()


def test_imported_threads_are_folded_and_the_edit_form_has_chips(live_server, page: Page):
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    rita = make_user("rita", roles=("reviewer",))
    mailed = services.thread_start(review=review, clause=clause, author=rita, body="From the list: too wide.")
    Comment.objects.filter(thread=mailed).update(source=Comment.Source.MAIL)
    typed = services.thread_start(review=review, clause=clause, author=rita, body="Typed here.", stance="objection")
    log_in(page, live_server, rita)
    page.goto(f"{live_server.url}{review.get_absolute_url()}")
    fold = page.locator(f"#{mailed.dom_id} > details.thread-fold")
    expect(fold).not_to_have_attribute("open", "")
    expect(fold.locator(".thread-first-line")).to_be_visible()
    expect(fold.locator(".thread-first-line")).to_have_text("rita: From the list: too wide.")
    expect(fold.locator("> summary")).to_contain_text("1 comment")
    fold.locator("> summary").click()
    expect(fold.locator(".comment-body")).to_have_text("From the list: too wide.")
    expect(fold.locator(".thread-first-line")).to_be_hidden()

    thread = page.locator(f"#{typed.dom_id}")
    thread.get_by_role("link", name="Edit").click()
    editing = thread.locator("li.comment.editing")
    chips = editing.locator(".stance-choice .stance-option")
    expect(chips).to_have_count(6)
    expect(chips.locator(".stance.stance-objection")).to_be_visible()
    expect(editing.get_by_label("Objection")).to_be_checked()
    editing.locator("label.stance-option", has_text="Concern").click()
    editing.get_by_role("button", name="Save changes").click()
    expect(thread.locator(".comment-head .stance")).to_have_text("Concern")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_selection_pill_sits_above_the_selection(live_server, page: Page, width):
    text = f"Preamble.\n\n1. First clause.\n\n2. {LONG}\n\n3. Last clause.\n"
    review = make_review(make_version(text=text))
    clause = review.version.clauses.get(path="2")
    log_in(page, live_server, make_user("rita", roles=("reviewer",)))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}{review.get_absolute_url()}#{clause.dom_id}")
    page.evaluate("() => window.scrollBy(0, -200)")
    select_words(page, f"#block-{clause.pk} .clause-text", "Word3 of a long clause")
    pill = page.get_by_role("button", name="Comment on selection")
    expect(pill).to_be_visible()
    chosen = page.evaluate(
        "() => { const r = window.getSelection().getRangeAt(0).getClientRects(); "
        "return [r[0].top, r[r.length - 1].bottom, r[0].left]; }"
    )
    box = pill.bounding_box()
    assert box["y"] + box["height"] <= chosen[0] + 0.5, (box, chosen)
    assert box["x"] + box["width"] <= width
    pill.click()
    expect(page.locator(f"#new-thread-{clause.pk} .quote-preview blockquote")).to_have_text("Word3 of a long clause")
