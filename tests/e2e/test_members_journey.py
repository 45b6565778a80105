"""Asking for the reviewer role, and a moderator granting it on the members page (issue 13)."""

import pytest
from playwright.sync_api import Browser, expect

from accounts.models import RoleChange
from tests.e2e.helpers import log_in
from tests.factories import make_license, make_review, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_ask_for_the_role_and_a_moderator_grants_it(live_server, browser: Browser):
    base = live_server.url
    mona = make_user("mona", roles=("moderator",))
    ines = make_user("ines")
    make_license(name="ModelGo Attribution License", slug="mg-by")
    review = make_review()

    person = browser.new_context().new_page()
    log_in(person, live_server, ines)
    person.goto(f"{base}{review.get_absolute_url()}")
    person.get_by_role("link", name="Ask the moderators for the reviewer role").click()
    person.get_by_label("A word for the moderators (optional)").fill("I review licenses for the <b>list</b>.")
    person.get_by_role("button", name="Ask for the reviewer role").click()
    expect(person.locator(".messages")).to_contain_text("Your request is with the moderators")
    expect(person.locator(".ask-role")).to_contain_text("You asked for the reviewer role")

    mod = browser.new_context().new_page()
    log_in(mod, live_server, mona)
    mod.goto(f"{base}/accounts/profile/")
    mod.get_by_role("link", name="Members and roles").click()
    request = mod.locator(".role-request")
    expect(request).to_contain_text("asks for the reviewer role")
    expect(request.locator("blockquote")).to_have_text("I review licenses for the <b>list</b>.")
    request.get_by_role("button", name="Grant reviewer").click()
    expect(mod.locator(".messages")).to_contain_text("is now a reviewer")
    expect(mod.get_by_role("heading", name="History")).to_be_visible()
    expect(mod.locator(".role-history")).to_contain_text("granted the reviewer role")

    # Stewards are per license: pick one from the suggestions as you type.
    mod.get_by_label("Add a license (slug or SPDX id)").fill("no-such-license")
    mod.get_by_role("button", name="Name as steward").click()
    expect(mod.locator(".form-error")).to_contain_text("No license has the slug or SPDX id")
    mod.get_by_label("Add a license (slug or SPDX id)").fill("mg-by")
    mod.get_by_role("button", name="Name as steward").click()
    expect(mod.locator(".messages")).to_contain_text("now stewards ModelGo Attribution License")
    expect(mod.locator(".role-history li").first).to_contain_text("on ModelGo Attribution License")
    assert [str(c) for c in RoleChange.objects.order_by("pk")] == [
        "granted reviewer",
        "granted steward",
        "granted steward on ModelGo Attribution License",
    ]

    # Ines can now take part.
    person.goto(f"{base}{review.get_absolute_url()}")
    expect(person.locator(".new-thread").first).to_be_attached()
    expect(person.get_by_text("Only reviewers can comment")).to_have_count(0)
