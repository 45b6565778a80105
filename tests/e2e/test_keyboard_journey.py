"""The core journey with the keyboard alone: log in, open a review, quote words and start a
thread, reply, set a position in the matrix, compare with j and k. After each step the test
asserts where focus is and what the live region said, as a screen-reader user would meet it."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import SAMPLE_TEXT, make_license, make_review, make_user, make_version, osd_criterion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECOND = SAMPLE_TEXT.replace(
    "You must keep this notice.", "You must keep this notice and the list of changes."
)

ACTIVE = """() => {
  const el = document.activeElement;
  return el ? (el.id || el.className || el.tagName) + ' ' + (el.textContent || '').trim().slice(0, 60) : null;
}"""


def tab_to(page: Page, selector: str, *, most: int, back: bool = False) -> int:
    """Press Tab (Shift+Tab with ``back``) until the focused element matches ``selector``;
    return how many presses it took, failing past ``most``."""
    for n in range(1, most + 1):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector):
            return n
    raise AssertionError(f"{selector} not reached in {most} Tabs; focus is on {page.evaluate(ACTIVE)}")


WHERE = """(id) => {
  const at = document.activeElement, goal = document.getElementById(id);
  const rows = [...document.querySelectorAll('#matrix tr')];
  const dr = rows.indexOf(goal.closest('tr')) - rows.indexOf(at.closest('tr'));
  const dc = goal.closest('td, th').cellIndex - at.closest('td, th').cellIndex;
  return [dr, dc];
}"""


def arrows_to(page: Page, cell_id: str, *, most: int = 40) -> None:
    """Walk the grid to ``cell_id`` with the arrow keys alone."""
    for _ in range(most):
        dr, dc = page.evaluate(WHERE, cell_id)
        if dr == dc == 0:
            return
        if dr:
            page.keyboard.press("ArrowDown" if dr > 0 else "ArrowUp")
        else:
            page.keyboard.press("ArrowRight" if dc > 0 else "ArrowLeft")
    raise AssertionError(f"{cell_id} not reached with the arrow keys; focus is on {page.evaluate(ACTIVE)}")


def focused(page: Page, selector: str) -> None:
    expect(page.locator(selector)).to_be_focused()


def said(page: Page, text) -> None:
    expect(page.locator("#live-status")).to_have_text(text)


def test_keyboard_only_journey(live_server, page: Page):
    license = make_license(slug="sml", name="Sample Model License")
    old = make_version(license, label="1.0")
    new = make_version(license, label="2.0", text=SECOND, previous=old)
    make_user("ana", roles=("reviewer",))
    review = make_review(new)
    clause = new.clauses.get(path="2.2(b)")
    page.set_viewport_size({"width": 1024, "height": 800})

    # 1. Log in: the first field has focus or is a Tab or two away.
    page.goto(f"{live_server.url}/accounts/login/?next=/reviews/{review.pk}/")
    tab_to(page, "input[name=username]", most=15)
    page.keyboard.type("ana")
    page.keyboard.press("Tab")
    focused(page, "input[name=password]")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/reviews/{review.pk}/")

    # 2. Start a thread on 2.2(b), quoting words chosen with the keyboard.
    block = f"#block-{clause.pk}"
    tab_to(page, f"{block} .new-thread > summary", most=120)
    page.keyboard.press("Enter")
    tab_to(page, f"{block} .quote-words-open", most=5)
    page.keyboard.press("Enter")
    field = f"{block} .quote-words-text"
    focused(page, field)
    # "If you distribute a collection of Output as a dataset, ...": select "a collection of Output".
    for _ in range(len("If you distribute ")):
        page.keyboard.press("ArrowRight")
    for _ in range(len("a collection of Output")):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.type("x")  # the field takes no typing
    expect(page.locator(field)).to_have_value(re.compile(r"^If you distribute a collection of Output"))
    page.keyboard.press("Tab")
    focused(page, f"{block} .quote-words-use")
    page.keyboard.press("Enter")
    said(page, "Quoting: a collection of Output")
    focused(page, f"{block} textarea[name=body]")
    expect(page.locator(f"{block} .quote-preview blockquote")).to_have_text("a collection of Output")
    page.keyboard.type("Is a dataset of Output a field of endeavour?")
    tab_to(page, f"{block} .thread-form button[type=submit]", most=5)
    page.keyboard.press("Enter")
    said(page, "Thread started")
    thread = page.locator(f"{block} .thread").first
    expect(thread.locator(".thread-fold > summary")).to_be_focused()
    expect(thread.locator(".thread-quote")).to_have_text("a collection of Output")

    # 3. Reply: the next Tabs go into the new thread, and focus lands on the reply once posted.
    thread_id = thread.get_attribute("id")
    tab_to(page, f"#{thread_id} .reply > summary", most=10)
    page.keyboard.press("Enter")
    tab_to(page, f"#{thread_id} .reply textarea[name=body]", most=10)
    page.keyboard.type("Datasets are output, not the software.")
    tab_to(page, f"#{thread_id} .reply button[type=submit]", most=5)
    page.keyboard.press("Enter")
    said(page, "Reply posted")
    reply = page.locator(f"#{thread_id} .comment").last
    expect(reply).to_contain_text("Datasets are output, not the software.")
    expect(reply).to_be_focused()
    # Edit it, then cancel: focus goes into the form, then back to the comment.
    reply_id = reply.get_attribute("id")
    tab_to(page, f"#{reply_id} a[hx-get$='/edit/']", most=5)
    page.keyboard.press("Enter")
    focused(page, f"#{reply_id} textarea[name=body]")
    tab_to(page, f"#{reply_id} a[hx-get]", most=10)
    page.keyboard.press("Enter")
    focused(page, f"#{reply_id}")
    expect(page.locator(f"#{reply_id} textarea")).to_have_count(0)

    # 4. The matrix: one Tab stop for the grid, arrow keys to 2.2(b) × OSD 6, Enter opens the panel.
    page.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    grid = page.locator("#matrix")
    expect(grid).to_have_attribute("role", "grid")
    assert grid.locator("[tabindex='0']").count() == 1
    tabs = tab_to(page, "#matrix a.cell", most=40)
    assert tabs < 40
    target = f"cell-{clause.pk}-{osd_criterion(6).pk}"
    arrows_to(page, target)
    focused(page, f"#{target}")
    # Not under the sticky clause column.
    cell_left = page.locator(f"#{target}").bounding_box()["x"]
    row_head = page.locator(f"#{target}").locator("xpath=ancestor::tr/th").bounding_box()
    assert cell_left >= row_head["x"] + row_head["width"] - 1
    # Home and End, PageUp and PageDown stay in the grid.
    page.keyboard.press("Home")
    expect(
        page.locator("#matrix tbody tr").filter(has=page.locator(f"#{target}")).locator("a.path")
    ).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.press("PageUp")
    page.keyboard.press("PageDown")
    assert page.evaluate("() => !!document.activeElement.closest('#matrix')")
    assert grid.locator("[tabindex='0']").count() == 1
    arrows_to(page, target)
    focused(page, f"#{target}")
    page.keyboard.press("Enter")
    panel = page.locator("#cell-panel")
    expect(panel).to_have_attribute("role", "dialog")
    focused(page, "#cell-panel-title")
    # Shift+Tab from the title stays in the dialog.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => !!document.activeElement.closest('#cell-panel')")
    tab_to(page, "#cell-panel input[name=verdict]", most=30)
    page.keyboard.press("Space")  # the first verdict: conflicts
    expect(panel.locator("input[value=conflicts]")).to_be_checked()
    tab_to(page, "#cell-panel textarea[name=rationale]", most=10)
    page.keyboard.type("A notice duty on datasets reaches past the software.")
    tab_to(page, "#cell-panel button[type=submit]", most=10)
    page.keyboard.press("Enter")
    said(page, "Position saved: conflicts")
    focused(page, "#cell-panel-title")
    expect(page.locator(f"#{target}")).to_contain_text("1✕")
    # Tab from the last control of the dialog wraps to its first.
    tab_to(page, "#cell-panel button[type=submit]", most=40)
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('#cell-panel')")
    # Escape closes it, and focus is back on the cell, redrawn since.
    page.keyboard.press("Escape")
    focused(page, f"#{target}")
    expect(page.locator(f"#{target}")).to_have_attribute("tabindex", "0")
    assert grid.locator("[tabindex='0']").count() == 1

    # 5. Compare with j and k; "Changes only" toggles on Space and keeps focus.
    page.goto(f"{live_server.url}/compare/?a=sml@1.0&b=sml@2.0")
    changes = page.locator("#comparison .cmp-row.is-change")
    page.keyboard.press("j")
    expect(changes.nth(0)).to_be_focused()
    said(page, re.compile(r"^Change 1 of \d+$"))
    page.keyboard.press("j")
    page.keyboard.press("k")
    expect(changes.nth(0)).to_be_focused()
    # Back up past the rows above the first change and the toolbar buttons: their number varies.
    tab_to(page, "#comparison .cmp-toggle", most=40, back=True)
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"changes=1"))
    switch = page.get_by_role("switch", name=re.compile("Changes only"))
    expect(switch).to_have_attribute("aria-checked", "true")
    expect(switch).to_be_focused()
    said(page, re.compile(r"^Changes only: \d+ changes? shown$"))
    # The view tabs keep focus too.
    tab_to(page, "#comparison .cmp-views a:not([aria-current])", most=5, back=True)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"view=inline"))
    focused(page, "#comparison .cmp-views a[aria-current=page]")
    said(page, "Inline view")


def test_catalogue_and_search_announce_only_their_count(live_server, page: Page):
    make_license(slug="sml", name="Sample Model License")
    make_version(make_license(slug="other", name="Other License"))
    page.goto(f"{live_server.url}/licenses/")
    assert page.locator("#results[aria-live], #results [aria-live]").count() == 0
    page.get_by_label("Name or SPDX id").fill("sample")
    said(page, "1 match for “sample”.")
    page.goto(f"{live_server.url}/search/?q=clause")
    assert page.locator("#search-results[aria-live], #search-results [aria-live]").count() == 0
