"""A steward groups the ModelGo 2.0 siblings into a family and reads its variant table."""

import json
import re
from pathlib import Path

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


def test_family_review_thread_on_one_member_shows_on_siblings_then_narrowed_position_and_export(
    live_server, page: Page, modelgo
):
    from licenses.families.services import family_create

    steward = make_user("stella", roles=("steward",))
    for version in modelgo:
        version.license.stewards.add(steward)
    family = family_create(
        name="ModelGo 2.0", members=[v.license for v in modelgo], base=modelgo[0].license, user=steward
    )
    log_in(page, live_server, steward)
    page.goto(f"{live_server.url}{family.get_absolute_url()}")
    page.get_by_role("link", name="Open a family review").click()
    page.get_by_role("button", name="Open the family review").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Family review: ModelGo 2.0")

    # a reviewer starts a thread on MG-BY-NC's 2.2(b), the dataset notice
    reviewer = make_user("rita", roles=("reviewer",))
    log_in(page, live_server, reviewer)
    page.reload()
    page.get_by_role("link", name=re.compile("^ModelGo MG-BY-NC 2.0")).click()
    clause = page.locator("section#c-2\\.2\\.b")
    clause.get_by_text("Start a thread on 2.2(b)").click()
    clause.get_by_label("Comment").fill("A dataset notice on every output collection is heavy.")
    clause.get_by_label("Stance").select_option("concern")
    clause.get_by_role("button", name="Start thread").click()
    expect(page.locator(".messages")).to_contain_text("Thread started")
    expect(page.locator("section#c-2\\.2\\.b")).to_contain_text("A dataset notice on every output")

    # the sibling MG-BY-NC-ND shares 2.2(b): the thread shows there too
    page.get_by_role("link", name=re.compile("^ModelGo MG-BY-NC-ND 2.0")).click()
    sibling = page.locator("section#c-2\\.2\\.b")
    expect(sibling).to_contain_text("A dataset notice on every output")
    expect(sibling).to_contain_text("Started on 2.2(b) of ModelGo MG-BY-NC")

    # a thread on a clause whose wording differs between siblings is marked so
    page.get_by_role("link", name=re.compile("^ModelGo MG-BY 2.0")).click()
    grant = page.locator("section#c-2\\.1\\.a")
    grant.get_by_text("Start a thread on 2.1(a)").click()
    grant.get_by_label("Comment").fill("Is the grant the same for all?")
    grant.get_by_role("button", name="Start thread").click()
    page.get_by_role("link", name=re.compile("^ModelGo MG-BY-NC 2.0")).click()
    expect(page.locator("section#c-2\\.1\\.a")).to_contain_text("wording differs here")

    # a position narrowed to the NC members
    page.get_by_role("link", name="Matrix: clause groups × criteria").click()
    row = page.locator("tr").filter(has=page.locator("th", has_text=re.compile(r"^2\.1\(a\) ")))
    row.locator("td").nth(5).get_by_role("link").click()  # OSD 6
    page.get_by_label("Conflicts").check()
    page.get_by_label("ModelGo MG-BY 2.0").uncheck()
    page.get_by_label("Rationale").fill("Non-commercial only: a field of endeavour is excluded.")
    page.get_by_role("button", name="Save position").click()
    expect(
        page.locator("tr").filter(has=page.locator("th", has_text=re.compile(r"^2\.1\(a\) ")))
    ).to_contain_text("Conflicts (MG-BY-NC, MG-BY-NC-ND)")

    # the export says which members each thread and position applies to
    page.get_by_role("link", name="Family review of ModelGo 2.0").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Export JSON").click()
    exported = json.loads(Path(info.value.path()).read_text())
    assert exported["schema"] == "clausewise.review/2"
    assert [m["license"] for m in exported["licenses"]] == ["mg-by", "mg-by-nc", "mg-by-nc-nd"]
    notice = next(c for c in exported["clauses"] if c["threads"] and c["path"] == "2.2(b)")
    assert [a["license"] for a in notice["threads"][0]["applies_to"]] == ["mg-by-nc", "mg-by-nc-nd"]
    grant_row = next(c for c in exported["clauses"] if c["positions"])
    assert [a["license"] for a in grant_row["positions"][0]["applies_to"]] == ["mg-by-nc", "mg-by-nc-nd"]


def test_variant_table_and_family_matrix_do_not_widen_a_phone_page(live_server, page: Page, modelgo):
    # The hidden labels in the table's cells (position: absolute) escaped its scroller: at 390 px
    # the whole page scrolled about 1,000 px sideways into nothing.
    from licenses.families.services import family_create
    from review.families.services import family_review_open

    moderator = make_user("mona", roles=("moderator",))
    family = family_create(
        name="ModelGo 2.0", members=[v.license for v in modelgo], base=modelgo[0].license, user=moderator
    )
    review = family_review_open(family=family, opened_by=moderator)
    page.set_viewport_size({"width": 390, "height": 800})
    for path in (family.get_absolute_url(), f"/reviews/{review.pk}/family/matrix/"):
        page.goto(f"{live_server.url}{path}")
        expect(page.locator(".family-scroll")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
