"""A steward groups the ModelGo 2.0 siblings into a family and reads its variant table."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in
from tests.factories import make_license, make_user, make_version

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MODELGO = [
    ("mg-by", "ModelGo MG-BY"),
    ("mg-by-nc", "ModelGo MG-BY-NC"),
    ("mg-by-nc-nd", "ModelGo MG-BY-NC-ND"),
]


@pytest.fixture
def modelgo(shared_data):
    versions = []
    for slug, name in MODELGO:
        text = (shared_data / "modelgo" / "V2" / f"{slug.upper()}-2.0.txt").read_text()
        versions.append(make_version(make_license(slug=slug, name=name), text=text, label="2.0"))
    return versions


def test_create_a_family_and_see_which_siblings_share_2_2_b(live_server, page: Page, modelgo):
    log_in(page, live_server, make_user("stella", roles=("steward",)))
    page.goto(f"{live_server.url}/families/")
    page.get_by_role("link", name="New family").click()
    page.get_by_label("Name").fill("ModelGo 2.0")
    for _, name in MODELGO:
        page.get_by_label(name, exact=True).check()
    page.get_by_label("Base").select_option(label="ModelGo MG-BY")
    page.get_by_role("button", name="Create family").click()

    expect(page).to_have_url(re.compile(r"/families/modelgo-2-0/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("ModelGo 2.0")
    table = page.locator("table.family-table")
    expect(table.locator("thead th")).to_have_count(4)
    # MG-BY has no dataset notice; the two NC siblings share it word for word
    notice = table.locator("tbody tr").filter(has=page.locator("th", has_text=re.compile(r"^2\.2\(b\)")))
    expect(notice.locator("td").nth(0)).to_have_class(re.compile("s-absent"))
    expect(notice.locator("td").nth(1)).to_have_class(re.compile("s-identical"))
    expect(notice.locator("td").nth(2)).to_have_class(re.compile("s-identical"))

    # a clause whose wording differs opens its redline beside the table
    page.locator("td.s-differs a").first.click()
    panel = page.locator("#cell-panel")
    expect(panel).to_contain_text("Wording differs from ModelGo MG-BY 2.0")
    expect(panel.locator("ins, del").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(panel).to_be_empty()

    page.get_by_role("link", name="Only clauses that differ").click()
    expect(page).to_have_url(re.compile(r"\?differs=1$"))
    expect(page.locator("tr.fam-same")).to_have_count(0)
