import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_browse_to_apache_clause_4d(live_server, page: Page):
    call_command("import_spdx", "Apache-2.0", "MIT", "BSD-3-Clause")
    page.goto(f"{live_server.url}/licenses/")
    expect(page.get_by_role("heading", name="License catalogue")).to_be_visible()

    page.get_by_label("Name or SPDX id").fill("apache")
    expect(page).to_have_url(re.compile(r"[?&]q=apache"))
    results = page.locator("#results")
    expect(results.get_by_role("link", name="MIT License")).to_have_count(0)
    # SPDX's versions of one license (Apache-1.0, -1.1, -2.0) are one license with versions here.
    results.get_by_role("link", name="Apache License", exact=True).click()

    expect(page.get_by_role("heading", name="Apache License", level=1)).to_be_visible()
    page.get_by_role("link", name="Version 2.0").click()

    page.locator("nav.toc").get_by_role("link", name=re.compile(r"^4\(d\)")).click()
    expect(page).to_have_url(re.compile(r"#c-4\.d$"))
    clause = page.locator("#c-4\\.d")
    expect(clause).to_be_in_viewport()
    expect(clause).to_contain_text("NOTICE")


MARKDOWN_LICENSE = """# Sample Markdown License

## Section I: PRELIMINARIES

### 1. Definitions

"Model" means the weights.

### 2. Grant

You may use the Model.

## Section II: CONDITIONS

### 3. Distribution

You may distribute the Model provided that:

1. You give every recipient a copy of this License;
2. You keep every notice.
"""


def test_a_long_clause_address_is_shown_whole_in_the_margin(live_server, page: Page):
    from tests.factories import make_license, make_version

    version = make_version(make_license(slug="md", name="Markdown License"), text=MARKDOWN_LICENSE)
    assert version.clauses.filter(path="Section II(3)(1)").exists()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{version.get_absolute_url()}")
    label = page.locator(".clause-label").filter(has_text="II(3)(1)")
    expect(label).to_have_text("Section II(3)(1)")
    # wrapped if need be, never cut off with an ellipsis
    assert label.evaluate("el => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1")
