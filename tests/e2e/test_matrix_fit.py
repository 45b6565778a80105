"""The matrix at the widths people use (issue 13, friction): at 1280 px every OSD column fits
beside the clause column without scrolling sideways; on a phone a long clause address wraps
inside its cell instead of running into OSD 1; the cell page has no floating Close button."""

import pytest
from playwright.sync_api import Page, expect

from licenses.models import Clause
from review.matrix.services import position_set
from tests.e2e.helpers import log_in
from tests.factories import make_review, make_user, osd_criterion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COLUMNS = """() => {
  const box = document.querySelector('.matrix-scroll').getBoundingClientRect();
  return [...document.querySelectorAll('#matrix thead th.col')].map(th => {
    const r = th.getBoundingClientRect();
    return [th.innerText.trim(), r.left >= box.left - 1 && r.right <= box.right + 1];
  });
}"""

SPILLS = """() => [...document.querySelectorAll('#matrix tbody th.clause-cell')]
  .filter(th => th.offsetParent)
  .filter(th => th.querySelector('a.path').getBoundingClientRect().right > th.getBoundingClientRect().right + 0.5)
  .map(th => th.innerText.trim())"""


@pytest.fixture
def review():
    review = make_review()
    deep = review.version.clauses.get(anchor="2.2.b")
    # An address as long as Creative Commons prints them.
    Clause.objects.filter(pk=deep.pk).update(path="Section 2(a)(1)(A)")
    # Busy cells ("1✕ 1! 1✓ ≠") in the last columns, where they were cut off.
    for name, verdict in (("ana", "conflicts"), ("ben", "complies"), ("cem", "concern")):
        reviewer = make_user(name, roles=("reviewer",))
        for number in (6, 9, 10):
            position_set(
                review=review, clause=deep, criterion=osd_criterion(number), reviewer=reviewer,
                verdict=verdict, rationale="Because.", expected_version=0,
            )
    return review


def test_all_ten_criteria_fit_at_1280(live_server, page: Page, review):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    columns = page.evaluate(COLUMNS)
    assert [label for label, _ in columns] == [f"OSD {n}" for n in range(1, 11)]
    assert [label for label, inside in columns if not inside] == []
    assert page.evaluate("() => { const s = document.querySelector('.matrix-scroll'); return s.scrollWidth - s.clientWidth; }") <= 1


def test_clause_addresses_stay_in_their_column_on_a_phone(live_server, page: Page, review):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/reviews/{review.pk}/matrix/")
    expect(page.locator("#matrix a.path", has_text="Section 2(a)(1)(A)")).to_be_attached()
    assert page.evaluate(SPILLS) == []


def test_the_cell_page_leads_back_to_the_matrix_without_a_floating_close(live_server, page: Page, review):
    log_in(page, live_server, make_user("rita", roles=("reviewer",)))
    deep = review.version.clauses.get(anchor="2.2.b")
    page.goto(f"{live_server.url}/reviews/{review.pk}/cells/{deep.pk}/{osd_criterion(6).pk}/")
    expect(page.locator(".panel-close")).to_be_hidden()
    page.get_by_role("link", name="Back to the matrix").click()
    expect(page).to_have_url(f"{live_server.url}/reviews/{review.pk}/matrix/#cell-{deep.pk}-{osd_criterion(6).pk}")
