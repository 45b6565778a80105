import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import Page, expect

from demo.licenses import FAMILIES, load_family

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_compare_mpl_2_with_previous_version(live_server, page: Page):
    cache.clear()
    call_command("load_demo")
    # 1. open MPL-2.0
    page.goto(f"{live_server.url}/licenses/mpl/2.0/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mozilla Public License")

    # 2. "compare with previous version"
    page.get_by_role("link", name="Compare with previous version").click()
    expect(page).to_have_url(re.compile(r"/compare/\?a=mpl(@|%40)1\.1&b=mpl(@|%40)2\.0$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("1.1")
    summary = page.get_by_role("region", name="Summary of changes")
    expect(summary).to_contain_text("changed")
    expect(summary).to_contain_text("similar overall")

    # 3. step through changes with j (and back with k), once the page's script is running: it
    # shows the Previous / Next buttons (a big page's heading is painted before deferred scripts run)
    expect(page.locator("[data-cmp-step='1']")).to_be_visible()
    changes = page.locator("#comparison .cmp-row.is-change")
    assert changes.count() > 3
    page.keyboard.press("j")
    expect(changes.nth(0)).to_have_class(re.compile(r"\bis-current\b"))
    expect(changes.nth(0)).to_be_focused()
    page.keyboard.press("j")
    page.keyboard.press("j")
    expect(changes.nth(2)).to_have_class(re.compile(r"\bis-current\b"))
    expect(changes.nth(2)).to_be_in_viewport()
    page.keyboard.press("k")
    expect(changes.nth(1)).to_have_class(re.compile(r"\bis-current\b"))
    expect(page.locator("#cmp-status")).to_have_text(f"Change 2 of {changes.count()}")
    # the labels link to the clause permalinks
    first_new = changes.locator("a.cmp-new").first
    expect(first_new).to_have_attribute("href", re.compile(r"^/licenses/mpl/2\.0/#c-"))

    # 4. switch to inline
    page.get_by_role("link", name="Inline").click()
    expect(page).to_have_url(re.compile(r"view=inline"))
    expect(page.locator(".cmp-rows.view-inline")).to_be_visible()
    expect(page.locator(".view-inline del").first).to_be_visible()
    expect(page.locator(".view-inline ins").first).to_be_visible()
    # the reader stays on the same change, and j goes on from there
    inline = page.locator("#comparison .cmp-row.is-change")
    expect(inline.nth(1)).to_have_class(re.compile(r"\bis-current\b"))
    page.keyboard.press("j")
    expect(inline.nth(2)).to_have_class(re.compile(r"\bis-current\b"))
    expect(inline.nth(2)).to_be_in_viewport()

    # 5. reload the shared URL
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    expect(page.locator(".cmp-rows.view-inline")).to_be_visible()
    expect(page.get_by_role("link", name="Inline")).to_have_attribute("aria-current", "page")
    expect(page.get_by_label("Old version")).to_have_value("mpl@1.1")
    expect(page.get_by_label("New version")).to_have_value("mpl@2.0")


def test_compare_with_picks_b_without_javascript(live_server, browser):
    cache.clear()
    load_family(next(f for f in FAMILIES if f["slug"] == "gpl"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/licenses/gpl/3.0/")
    page.get_by_role("link", name="Compare with…").click()
    expect(page).to_have_url(re.compile(r"/compare/\?a=gpl(@|%40)3\.0$"))
    page.get_by_label("New version").fill("gpl@2.0")
    page.get_by_role("button", name="Compare").click()
    expect(page).to_have_url(re.compile(r"a=gpl(@|%40)3\.0&b=gpl(@|%40)2\.0"))
    expect(page.get_by_role("region", name="Summary of changes")).to_be_visible()
    # the Previous / Next buttons need the page's script, so without it they are not shown at all
    # (each change row's own ↑ / ↓ links still step through the changes)
    expect(page.get_by_role("button", name=re.compile("Next change"))).to_be_hidden()
    expect(page.locator(".cmp-steps a").first).to_be_visible()
    page.get_by_role("switch", name=re.compile("Changes only")).click()
    expect(page).to_have_url(re.compile(r"changes=1"))
    expect(page.locator(".cmp-row.kind-unchanged")).to_have_count(0)
    context.close()
