"""The compare page at the widths people use (issue 13, friction): inline, the clause labels sit
in a margin so a row uses the page's width; on a phone side by side shows an unchanged clause
once, not its old and new copies one under the other."""

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from tests.factories import make_license, make_version
from tests.licenses.compare.test_views import NEW, OLD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def compare_url(live_server):
    cache.clear()
    license = make_license(slug="tl", name="Test License", spdx_id="TL-1")
    make_version(license, text=OLD, label="1.0")
    make_version(license, text=NEW, label="2.0")
    return f"{live_server.url}/compare/?a=tl@1.0&b=tl@2.0"


def test_inline_rows_use_the_width_with_labels_in_the_margin(page: Page, compare_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(compare_url + "&view=inline")
    row = page.locator(".cmp-row.is-change").first
    expect(row).to_be_visible()
    head, text = row.locator(".cmp-head").bounding_box(), row.locator(".cmp-text").bounding_box()
    content = page.locator("#comparison").bounding_box()
    # Labels left of the text, on the same line; the two together span most of the width.
    assert head["x"] + head["width"] <= text["x"]
    assert abs(head["y"] - text["y"]) < 12
    assert (text["x"] + text["width"] - head["x"]) / content["width"] > 0.75


def test_side_by_side_on_a_phone_shows_an_unchanged_clause_once(page: Page, compare_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(compare_url)
    unchanged = page.locator(".cmp-row.kind-unchanged", has_text="means the program")
    expect(unchanged).to_contain_text("means the program and its documentation")
    expect(unchanged.locator(".cmp-text:visible")).to_have_count(1)
    changed = page.locator(".cmp-row.kind-changed").first
    expect(changed.locator(".cmp-text:visible")).to_have_count(2)
