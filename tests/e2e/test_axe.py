"""axe-core (WCAG 2.1 A and AA) on every main page, signed out and signed in, with the panels
open: no serious or critical violation.

Run with ``-s`` to see every violation found, whatever its impact, page by page."""

import pytest
from playwright.sync_api import Page, expect

from licenses.families.services import family_create
from review.matrix.services import position_set
from review.models import Stance, Verdict
from review.services import comment_add, thread_start
from tests.e2e.axe import axe_violations, describe
from tests.e2e.helpers import log_in, settle
from tests.factories import SAMPLE_TEXT, make_license, make_review, make_user, make_version, osd_criterion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SECOND_TEXT = SAMPLE_TEXT.replace("Sample Model License", "Sample Model License, second edition", 1).replace(
    "You must keep this notice.", "You must keep this notice and the list of changes."
)


@pytest.fixture
def site(live_server):
    license = make_license(slug="sml", name="Sample Model License")
    old = make_version(license, label="1.0")
    new = make_version(license, label="2.0", text=SECOND_TEXT, previous=old)
    admin = make_user("root", is_staff=True, is_superuser=True, roles=("reviewer", "moderator"))
    ana = make_user("ana", roles=("reviewer",))
    review = make_review(new, opened_by=admin)
    clause = new.clauses.get(path="2.2(b)")
    other = new.clauses.get(path="2.1")
    thread = thread_start(
        review=review,
        clause=clause,
        author=ana,
        body="Does *dataset* reach past the software?",
        stance=Stance.CONCERN,
        criterion=osd_criterion(6),
    )
    comment_add(thread=thread, author=admin, body="It does; see OSD 6.", stance=Stance.OBJECTION)
    for reviewer, verdict, crit, where in [
        (ana, Verdict.CONFLICTS, 6, clause),
        (admin, Verdict.COMPLIES, 6, clause),
        (ana, Verdict.CONCERN, 1, clause),
        (ana, Verdict.NOT_APPLICABLE, 5, other),
        (ana, Verdict.COMPLIES, 1, other),
    ]:
        position_set(
            review=review,
            clause=where,
            criterion=osd_criterion(crit),
            reviewer=reviewer,
            verdict=verdict,
            rationale=f"{verdict} because.",
            expected_version=0,
        )
    sibling = make_license(slug="sml-nc", name="Sample Model License, non-commercial")
    make_version(
        sibling, label="2.0", text=SECOND_TEXT.replace("use, copy", "use for no commercial purpose, copy")
    )
    family_create(name="Sample family", members=[license, sibling], base=license, user=admin)
    return {"license": license, "old": old, "new": new, "admin": admin, "review": review, "clause": clause}


def pages(site, base: str, *, signed_in: bool) -> list[str]:
    review, new = site["review"], site["new"]
    version_url = f"{base}{new.get_absolute_url()}"
    cell = f"{base}/reviews/{review.pk}/cells/{site['clause'].pk}/{osd_criterion(6).pk}/"
    urls = [
        f"{base}/",
        f"{base}/licenses/",
        f"{base}/licenses/?q=sample",
        f"{base}{site['license'].get_absolute_url()}",
        version_url,
        f"{base}/compare/",
        f"{base}/compare/?a=sml@1.0&b=sml@2.0",
        f"{base}/compare/?a=sml@1.0&b=sml@2.0&view=inline",
        f"{base}/compare/?a=sml@1.0&b=sml@2.0&changes=1",
        f"{base}/reviews/",
        f"{base}/reviews/{review.pk}/",
        f"{base}/reviews/{review.pk}/matrix/",
        cell,
        f"{base}/reviews/{review.pk}/criteria/{osd_criterion(6).key}/",
        f"{base}/search/?q=notice",
        f"{base}/search/closest/",
        f"{base}/families/",
        f"{base}/families/sample-family/",
    ]
    thread = review.threads.first()
    urls += [
        f"{base}/reviews/{review.pk}/threads/{thread.pk}/",
        f"{base}/reviews/{review.pk}/matrix/?rows=positions",
        f"{base}/search/?q=zzzzqqq",
        f"{version_url}corrections/",
    ]
    if signed_in:
        urls += [
            f"{version_url}?edit=1",
            f"{base}/reviews/new/",
            f"{base}/reviews/{review.pk}/decision/",
            f"{base}/reviews/{review.pk}/threads/new/?clause={site['clause'].pk}",
            f"{base}/comments/{thread.comments.order_by('pk').last().pk}/edit/",
            f"{base}/licenses/sml/versions/new/",
            f"{base}/families/new/",
            f"{base}/reviews/{review.pk}/import/",
            f"{base}/reviews/{review.pk}/next-round/",
            f"{base}/accounts/profile/",
            f"{base}/accounts/members/",
            f"{base}/accounts/password_change/",
            f"{base}/notifications/",
            f"{base}/notifications/outbox/",
            f"{base}/reviews/{review.pk}/post-to-list/",
        ]
    else:
        urls += [f"{base}/accounts/login/", f"{base}/accounts/signup/", f"{base}/accounts/password_reset/"]
    return urls


# axe passes an aria-describedby when one of its ids exists; here every id must.
DANGLING_IDREFS = """() => [...document.querySelectorAll("[aria-describedby], [aria-labelledby], [aria-controls]")]
  .flatMap((el) => ["aria-describedby", "aria-labelledby", "aria-controls"].flatMap((attr) =>
    (el.getAttribute(attr) || "").split(/\\s+/).filter((id) => id && !document.getElementById(id))
      .map((id) => `${el.tagName.toLowerCase()}[${attr}=${id}]`)))"""


def audit(page: Page, urls: list[str], base: str) -> tuple[list[str], list[str]]:
    """(serious or critical problems, every violation) over ``urls``."""
    failing, everything = [], []
    for url in urls:
        response = page.goto(url)
        settle(page)
        where = url.removeprefix(base)
        if response is None or response.status != 200:
            failing.append(f"{where}: status {response and response.status}, not the page to check")
        found = axe_violations(page, impacts={"minor", "moderate", "serious", "critical"})
        everything += describe(where, found)
        failing += describe(where, [v for v in found if v["impact"] in {"serious", "critical"}])
        failing += [f"{where}: points at a missing id: {ref}" for ref in page.evaluate(DANGLING_IDREFS)]
    return failing, everything


def open_panels(page: Page, site, base: str) -> tuple[list[str], list[str]]:
    """The review page with a new-thread form and a reply form open; the matrix with a cell panel."""
    review = site["review"]
    failing, everything = [], []
    page.goto(f"{base}/reviews/{review.pk}/")
    settle(page)
    for d in page.locator("details.new-thread, details.reply, details.thread-fold").all()[:4]:
        d.evaluate("(d) => { d.open = true; }")
    found = axe_violations(page, impacts={"minor", "moderate", "serious", "critical"})
    everything += describe("review, forms open", found)
    failing += describe("review, forms open", [v for v in found if v["impact"] in {"serious", "critical"}])

    page.goto(f"{base}/families/sample-family/")
    settle(page)
    page.locator("table.family-table a[hx-get]").nth(3).click()
    expect(page.locator("#cell-panel h2").first).to_be_visible()
    found = axe_violations(page, impacts={"minor", "moderate", "serious", "critical"})
    everything += describe("family, clause panel open", found)
    failing += describe(
        "family, clause panel open", [v for v in found if v["impact"] in {"serious", "critical"}]
    )

    page.goto(f"{base}/reviews/{review.pk}/matrix/")
    settle(page)
    page.locator(f"#cell-{site['clause'].pk}-{osd_criterion(6).pk}").click()
    expect(page.locator("#cell-panel h2").first).to_be_visible()
    settle(page)
    found = axe_violations(page, impacts={"minor", "moderate", "serious", "critical"})
    everything += describe("matrix, cell panel open", found)
    failing += describe(
        "matrix, cell panel open", [v for v in found if v["impact"] in {"serious", "critical"}]
    )
    return failing, everything


def _report(title: str, everything: list[str]) -> None:
    print(f"\n--- axe, {title}: {len(everything)} violations of any impact")
    for line in everything:
        print(line)


def test_axe_signed_out(live_server, page: Page, site):
    base = live_server.url
    failing, everything = audit(page, pages(site, base, signed_in=False), base)
    f2, e2 = open_panels(page, site, base)
    _report("signed out", everything + e2)
    assert failing + f2 == []


def test_axe_signed_in(live_server, page: Page, site):
    base = live_server.url
    log_in(page, live_server, site["admin"])
    failing, everything = audit(page, pages(site, base, signed_in=True), base)
    f2, e2 = open_panels(page, site, base)
    _report("signed in", everything + e2)
    assert failing + f2 == []
