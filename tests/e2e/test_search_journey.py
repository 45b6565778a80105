"""Search a phrase from the header, open the clause, follow a similar clause to its redline,
then ask which license a pasted text is closest to."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.factories import SAMPLE_TEXT, make_license, make_version
from tests.search.test_similarity import DERIVED

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_search_phrase_then_similar_clause_redline(live_server, page: Page):
    base = make_version(make_license(name="Sample Model License", slug="sample-model", spdx_id="SML-1.0"))
    make_version(make_license(name="Derived Model License", slug="derived-model"), text=DERIVED)

    # 1. the header's search box, with a phrase
    page.goto(f"{live_server.url}/licenses/")
    box = page.get_by_role("searchbox", name="Search licenses, clauses and discussion")
    box.fill('"include a notice"')
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q="))
    results = page.locator(".search-result")
    expect(results.first).to_contain_text("Sample Model License")
    expect(results.first.locator("mark").first).to_have_text(re.compile("include", re.I))

    # 2. open the clause at its permalink
    results.first.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/licenses/sample-model/1\.0/#c-2\.2\.b$"))
    clause = page.locator("#c-2\\.2\\.b")
    expect(clause).to_be_in_viewport()

    # 3. similar clauses in other licenses, loaded when opened
    clause.get_by_text("Similar clauses in other licenses").click()
    similar = clause.locator(".similar-list > li").first
    expect(similar).to_contain_text("Derived Model License")
    expect(similar.locator(".similar-score")).to_have_text(re.compile(r"^\d+%$"))

    # 4. its redline against this clause
    similar.get_by_text("Redline against 2.2(b)").click()
    expect(similar.locator("ins").first).to_be_visible()
    expect(similar.locator("del").first).to_be_visible()

    # 5. follow the similar clause to its own permalink
    similar.get_by_role("link", name=re.compile("Derived Model License")).click()
    expect(page).to_have_url(re.compile(r"/licenses/derived-model/1\.0/#c-2\.2\.b$"))
    assert base.pk


def test_closest_license_to_a_pasted_text(live_server, page: Page):
    make_version(make_license(name="Sample Model License", slug="sample-model"))
    page.goto(f"{live_server.url}/search/closest/")
    page.get_by_label("License text").fill(
        SAMPLE_TEXT.replace("as is.", "as is, with no guarantee of fitness.")
    )
    page.get_by_role("button", name="Find the closest licenses").click()
    expect(page.locator(".closest-lead")).to_contain_text("looks like Sample Model License 1.0")
    expect(page.locator(".closest-lead")).to_contain_text("1 clause changed")
    expect(page.locator(".closest-changes ins").first).to_be_visible()
