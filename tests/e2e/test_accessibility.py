"""Every main page, in a real browser: one h1, a <main> landmark, a name on every form control,
and no console error or Content-Security-Policy violation while it loads."""

import pytest
from playwright.sync_api import Page

from tests.e2e.helpers import log_in, settle
from tests.factories import SAMPLE_TEXT, make_license, make_review, make_user, make_version

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Chromium logs CSP violations to the console too, but an event listener also catches the ones
# raised by script (an empty style attribute set by JavaScript, for instance).
WATCH_CSP = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""

# Controls without a name: no <label>, aria-label(ledby) or title, and for buttons no text.
UNNAMED_CONTROLS = """() => [...document.querySelectorAll(
    "input:not([type=hidden]), select, textarea, button")].filter((e) => {
  if (e.labels && e.labels.length && [...e.labels].some((l) => l.textContent.trim())) return false;
  if ((e.getAttribute("aria-label") || "").trim() || (e.getAttribute("title") || "").trim()) return false;
  const by = e.getAttribute("aria-labelledby");
  if (by && by.split(/\\s+/).some((id) => (document.getElementById(id)?.textContent || "").trim())) return false;
  const isButton = e.tagName === "BUTTON" || ["submit", "button", "reset"].includes(e.type);
  if (isButton && ((e.textContent || "").trim() || (e.value || "").trim())) return false;
  return true;
}).map((e) => e.outerHTML.slice(0, 160))"""

SECOND_TEXT = SAMPLE_TEXT.replace("Sample Model License", "Sample Model License, second edition", 1)


def check_page(page: Page, url: str, *, status: int = 200) -> list[str]:
    """Load ``url`` and return what is wrong with it (an empty list when nothing is)."""
    messages: list[str] = []

    def on_console(msg) -> None:
        if msg.type != "error":
            return
        # The 404 page reports its own status as a failed resource; that is the point of it.
        if status != 200 and "status of 404" in msg.text:
            return
        messages.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: messages.append(f"page error: {exc}"))
    try:
        response = page.goto(url)
        settle(page)
    finally:
        page.remove_listener("console", on_console)
    problems = []
    if response is None or response.status != status:
        problems.append(f"status {response and response.status}, expected {status}")
    h1 = page.locator("h1").count()
    if h1 != 1:
        problems.append(f"{h1} h1 elements")
    if page.locator("main").count() != 1:
        problems.append("no single <main> landmark")
    unnamed = page.evaluate(UNNAMED_CONTROLS)
    if unnamed:
        problems.append(f"controls without a name: {unnamed}")
    problems.extend(f"console: {m}" for m in messages)
    return [f"{url}: {p}" for p in problems]


@pytest.fixture
def site(live_server):
    license = make_license(slug="sml", name="Sample Model License")
    old = make_version(license, label="1.0")
    new = make_version(license, label="2.0", text=SECOND_TEXT, previous=old)
    admin = make_user("root", is_staff=True, is_superuser=True)
    review = make_review(new, opened_by=admin)
    clause = new.clauses.get(path="2.2(b)")
    criterion = review.criterion_set.criteria.order_by("number").first()
    return {
        "license": license,
        "old": old,
        "new": new,
        "admin": admin,
        "review": review,
        "clause": clause,
        "criterion": criterion,
    }


def test_main_pages_signed_in(live_server, page: Page, site):
    page.context.add_init_script(WATCH_CSP)
    log_in(page, live_server, site["admin"])
    review, new = site["review"], site["new"]
    base = live_server.url
    version_url = f"{base}{new.get_absolute_url()}"
    pages = [
        f"{base}/",
        f"{base}/licenses/",
        f"{base}/licenses/?q=nothing-matches-this",
        f"{base}{site['license'].get_absolute_url()}",
        version_url,
        f"{version_url}?edit=1",
        f"{version_url}corrections/",
        f"{base}/compare/",
        f"{base}/compare/?a=sml@1.0",
        f"{base}/compare/?a=sml@1.0&b=sml@2.0",
        f"{base}/compare/?a=sml@1.0&b=sml@2.0&view=inline",
        f"{base}/compare/?a=sml@1.0&b=sml@2.0&changes=1",
        f"{base}/reviews/{review.pk}/matrix/",
        f"{base}/reviews/{review.pk}/matrix/?rows=positions",
        f"{base}/reviews/{review.pk}/cells/{site['clause'].pk}/{site['criterion'].pk}/",
        f"{base}/reviews/{review.pk}/criteria/{site['criterion'].key}/",
        f"{base}/reviews/{review.pk}/import/",
        f"{base}/reviews/{review.pk}/next-round/",
        f"{base}/accounts/profile/",
        f"{base}/accounts/password_change/",
    ]
    problems = [p for url in pages for p in check_page(page, url)]
    assert problems == []


def test_main_pages_signed_out(live_server, page: Page, site):
    page.context.add_init_script(WATCH_CSP)
    base = live_server.url
    pages = [
        f"{base}/",
        f"{base}/licenses/",
        f"{base}{site['new'].get_absolute_url()}",
        f"{base}/reviews/{site['review'].pk}/matrix/",
        f"{base}/accounts/login/",
        f"{base}/accounts/signup/",
        f"{base}/accounts/password_reset/",
    ]
    problems = [p for url in pages for p in check_page(page, url)]
    problems += check_page(page, f"{base}/no/such/page/", status=404)
    assert problems == []


def test_catalogue_filter_and_back_button_keep_the_whole_page(live_server, page: Page, site):
    """The htmx filter swaps only the results; going back must show the page, not a bare table."""
    page.context.add_init_script(WATCH_CSP)
    errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.goto(f"{live_server.url}/licenses/")
    page.get_by_label("Name or SPDX id").fill("sample")
    page.wait_for_url("**/licenses/?q=sample*")
    page.get_by_role("link", name="Sample Model License").click()
    page.wait_for_url(f"**{site['license'].get_absolute_url()}")
    page.go_back()
    settle(page)
    assert page.locator("h1").count() == 1
    assert page.get_by_label("Name or SPDX id").input_value() == "sample"
    assert errors == []
