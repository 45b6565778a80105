"""A steward corrects an alignment by hand on the compare page, with htmx, then undoes it."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in
from tests.factories import make_license, make_user, make_version
from tests.licenses.compare.test_views import NEW, OLD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_steward_links_two_clauses_and_undoes_it(live_server, page: Page):
    cache.clear()
    license = make_license(slug="tl", name="Test License")
    make_version(license, text=OLD, label="1.0")
    make_version(license, text=NEW, label="2.0")
    steward = make_user("stella", roles=("steward",))
    license.stewards.add(steward)
    log_in(page, live_server, steward)

    page.goto(f"{live_server.url}/compare/?a=tl@1.0&b=tl@2.0")
    expect(page.get_by_role("region", name="Summary of changes")).to_contain_text("1 removed")
    page.get_by_text("Correct the alignment by hand").click()
    page.get_by_label("Removed from 1.0").select_option("3")
    page.get_by_label("Added in 2.0").select_option("4")
    page.get_by_role("button", name="Link these two").click()

    # htmx swapped the result in place: the pair is one row, "linked by hand"
    expect(page.get_by_role("status")).to_contain_text("Linked.")
    expect(page.locator(".cmp-row.kind-changed", has_text="linked by hand")).to_have_count(1)
    expect(page.get_by_role("region", name="Summary of changes")).to_contain_text("0 removed")
    assert page.url.endswith("/compare/?a=tl@1.0&b=tl@2.0")  # no full page load

    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status")).to_contain_text("Correction undone.")
    expect(page.get_by_role("region", name="Summary of changes")).to_contain_text("1 removed")
