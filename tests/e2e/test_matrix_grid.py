"""The matrix grid with the keyboard on a narrow screen: one Tab stop, and a cell reached with the
arrow keys is never hidden under the sticky clause column, header row or summary row."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user, make_version, numbered_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Where the focused cell is against the sticky parts of the table (in viewport pixels).
COVERED = """() => {
  const el = document.activeElement;
  if (!el.matches('#matrix tbody a.cell')) return 'not a cell: ' + el.outerHTML.slice(0, 80);
  const cell = el.getBoundingClientRect();
  const row = el.closest('tr').querySelector('th.clause-cell').getBoundingClientRect();
  const head = document.querySelector('#matrix thead').getBoundingClientRect();
  const foot = document.querySelector('#matrix tfoot').getBoundingClientRect();
  const box = document.querySelector('.matrix-scroll').getBoundingClientRect();
  const out = [];
  if (cell.left < row.right - 1) out.push('under the clause column');
  if (cell.top < head.bottom - 1) out.push('under the header row');
  if (cell.bottom > foot.top + 1) out.push('under the summary row');
  if (cell.right > box.right + 1 || cell.left < box.left - 1) out.push('outside the box');
  return out.join(', ');
}"""


@pytest.mark.parametrize("width", [1024, 1440])
def test_arrow_keys_keep_the_focused_cell_in_view(live_server, page: Page, width):
    version = make_version(text=numbered_text(40))
    review = make_review(version)
    log_in(page, live_server, make_user("ana", roles=("reviewer",)))
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    grid = page.locator("#matrix")
    cells = grid.locator("tbody a.cell").count()
    assert cells > 400
    # One Tab stop for the whole grid (each of its ~450 links was one before).
    assert grid.locator("[tabindex='0']").count() == 1
    assert (
        grid.locator("a[href]:not([tabindex='-1']), button:not([hidden]):not([tabindex='-1'])").count() == 1
    )
    page.locator("#matrix tbody a.cell").first.focus()

    problems = []
    columns = grid.locator("tbody tr").first.locator("a.cell").count()
    # Across the first row to the last column, down every row, back to the first column, and up.
    for key, times in (
        ("ArrowRight", columns - 1),
        ("ArrowDown", 40),
        ("ArrowLeft", columns - 1),
        ("ArrowUp", 40),
    ):
        for _ in range(times):
            page.keyboard.press(key)
            where = page.evaluate(COVERED)
            if where:
                problems.append(f"{key}: {page.evaluate('() => document.activeElement.id')} {where}")
    assert problems == []
    # PageDown and Ctrl+End stay in the grid and in view.
    page.keyboard.press("PageDown")
    assert page.evaluate(COVERED) == ""
    page.keyboard.press("Control+End")
    expect(grid.locator("tfoot a.cell").last).to_be_focused()


def test_collapsing_rows_keeps_one_tab_stop_in_the_grid(live_server, page: Page):
    version = make_version()  # SAMPLE_TEXT: 2.2(b) sits under 2.2 under 2
    review = make_review(version)
    page.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    deep = version.clauses.get(path="2.2(b)")
    cell = page.locator(f"#matrix a.cell[id^='cell-{deep.pk}-']").nth(2)
    cell.focus()
    expect(cell).to_have_attribute("tabindex", "0")
    page.get_by_role("button", name="Collapse all").click()
    expect(cell).to_be_hidden()
    stop = page.locator("#matrix [tabindex='0']")
    expect(stop).to_have_count(1)
    expect(stop).to_be_visible()
    # Tab from the button before the grid lands in it.
    page.get_by_role("button", name="Expand all").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('#matrix')"):
            break
    expect(stop).to_be_focused()
