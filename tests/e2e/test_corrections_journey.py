"""An editor merges two clauses and undoes it; the clause list updates in place (htmx), no reload."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in
from tests.factories import SAMPLE_TEXT, make_license, make_user, make_version

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_merge_two_clauses_then_undo_without_a_reload(live_server, page: Page):
    version = make_version(make_license(slug="ml", name="Model License"), text=SAMPLE_TEXT)
    log_in(page, live_server, make_user("editor", is_superuser=True, is_staff=True))
    page.goto(f"{live_server.url}{version.get_absolute_url()}")
    page.get_by_role("link", name="Edit clauses").click()
    expect(page).to_have_url(re.compile(r"\?edit=1$"))
    page.evaluate("window.__notReloaded = true")

    first, second = page.locator("#c-2\\.1"), page.locator("#c-2\\.2")
    expect(second).to_contain_text("Conditions.")
    page.once("dialog", lambda dialog: dialog.accept())
    first.get_by_role("button", name="Merge with next").click()

    status = page.locator("[data-correction-status]")
    expect(status).to_have_text("Merged 2.2 into 2.1. Undo puts everything back.")
    expect(page.locator("#c-2\\.2")).to_have_count(0)
    expect(first).to_contain_text("You may use, copy and share the Model.")
    expect(first).to_contain_text("2.2 Conditions.")
    expect(page.locator("nav.toc")).not_to_contain_text("Conditions.")
    assert page.evaluate("window.__notReloaded") is True

    page.get_by_role("button", name=re.compile(r"^Undo")).click()
    expect(status).to_have_text("Undid: Merged 2.2 into 2.1.")
    expect(page.locator("#c-2\\.2")).to_contain_text("Conditions.")
    expect(first).not_to_contain_text("2.2 Conditions.")
    expect(page.get_by_role("button", name=re.compile(r"^Undo"))).to_have_count(0)
    assert page.evaluate("window.__notReloaded") is True
    assert version.clauses.filter(path="2.2").exists()


def test_click_in_the_text_picks_the_split_point(live_server, page: Page):
    version = make_version(make_license(slug="ml", name="Model License"), text=SAMPLE_TEXT)
    log_in(page, live_server, make_user("editor", is_superuser=True, is_staff=True))
    page.goto(f"{live_server.url}{version.get_absolute_url()}?edit=1")

    clause = page.locator("#c-2\\.2\\.b")
    text = clause.locator(".clause-text")
    box = text.bounding_box()
    text.click(position={"x": box["width"] * 0.6, "y": 8})
    field = clause.get_by_label("Split before this text")
    expect(field).to_be_focused()
    picked = field.input_value()
    assert picked and version.clauses.get(path="2.2(b)").text.find(picked.split()[0]) > 0
    clause.get_by_label("New label").fill("(c)")
    clause.get_by_role("button", name="Split 2.2(b)").click()

    expect(page.locator("[data-correction-status]")).to_contain_text("Split 2.2(b) before")
    expect(page.locator("#c-2\\.2\\.c")).to_contain_text(picked.split()[-1])
