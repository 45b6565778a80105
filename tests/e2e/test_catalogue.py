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
