"""Reflowed reading: every page and export that shows clause text joins hard-wrapped lines,
while the stored text, the plain download and quote offsets stay as they were."""

import re
import textwrap

import pytest
from django.urls import reverse

from review import services
from review.services import Quote
from tests.factories import make_license, make_review, make_user, make_version

pytestmark = pytest.mark.django_db

GRANT = (
    "Subject to the terms and conditions of this License, the Licensor hereby grants You a "
    "worldwide, royalty-free, non-exclusive license to use, reproduce, modify and distribute the "
    "Model, and to have others do so on Your behalf, in any medium."
)
WRAPPED = "Wrapped Model License\n\n1. Grant.\n\n" + textwrap.fill(GRANT, 72) + "\n\n2. Notice.\n\nKeep it.\n"


def _clause_text(html: str) -> str:
    m = re.search(r'<p class="clause-text"[^>]*>(.*?)</p>', html, re.S)
    assert m, "no clause text on the page"
    return re.sub(r"<[^>]+>", "", m.group(1))


@pytest.fixture
def version():
    return make_version(make_license(slug="wrapped"), text=WRAPPED)


def test_version_page_joins_wrapped_lines_and_download_keeps_them(client, version):
    page = client.get(reverse("licenses:version-detail", args=["wrapped", "1.0"])).content.decode()
    shown = _clause_text(page.split('id="c-1"')[1])
    assert "\n" not in shown.strip()
    assert " ".join(shown.split()) == GRANT
    raw = client.get(reverse("licenses:version-text", args=["wrapped", "1.0"])).content.decode()
    assert textwrap.fill(GRANT, 72) in raw


def test_review_page_joins_lines_and_a_quote_across_a_wrap_is_kept(client, version):
    review = make_review(version)
    clause = version.clauses.get(anchor="1")
    assert "\n" in clause.text
    page = client.get(reverse("review:review-detail", args=[review.pk])).content.decode()
    shown = _clause_text(page.split('id="c-1"')[1])
    assert len(shown) == len(clause.text)  # offsets into what is shown are offsets into the text
    # A reader selects words that sit on both sides of a stored line break.
    first_line = clause.text.split("\n")[0]
    start = len(first_line) - 10
    end = start + 30
    selected = shown[start:end]
    assert "\n" not in selected and "\n" in clause.text[start:end]
    thread = services.thread_start(
        review=review,
        clause=clause,
        author=make_user(roles=("reviewer",)),
        body="About these words.",
        quote=Quote(exact=selected.strip(), start=start, end=end),
    )
    assert thread.quote_exact == clause.text[start:end].strip()
    assert clause.text[thread.quote_start : thread.quote_end] == thread.quote_exact
    # and without offsets (another rendering), the words are still found
    again = services.locate_quote(clause.text, Quote(exact=" ".join(selected.split())))
    assert clause.text[again.start : again.end].split() == selected.split()


def test_compare_page_shows_unchanged_clauses_reflowed(client, version):
    other = make_version(version.license, text=WRAPPED.replace("Keep it.", "Keep it, always."), label="2.0")
    page = client.get(reverse("licenses:compare"), {"a": version.ref, "b": other.ref}).content.decode()
    assert GRANT.replace("'", "&#x27;") in page


def test_html_export_shows_clause_text_reflowed(client, version):
    review = make_review(version)
    clause = version.clauses.get(anchor="1")
    reviewer = make_user(roles=("reviewer",))
    services.thread_start(review=review, clause=clause, author=reviewer, body="A concern.")
    page = client.get(reverse("review:export", args=[review.pk, "html"])).content.decode()
    assert GRANT in page


def _fam_text(html: str) -> str:
    m = re.search(r'<div class="fam-text" hx-disable>(.*?)</div>', html, re.S)
    assert m, "no member clause text on the page"
    return m.group(1)


@pytest.fixture
def family_of_wrapped(version):
    from licenses.families import services as family_services
    from review.families import services as family_review_services

    sibling = make_version(make_license(slug="wrapped-nc"), text=WRAPPED.replace("Keep it.", "Keep it here."))
    moderator = make_user(roles=("moderator",))
    family = family_services.family_create(
        name="Wrapped", members=[version.license, sibling.license], base=version.license, user=moderator
    )
    review = family_review_services.family_review_open(family=family, opened_by=moderator)
    return family, review, moderator


def test_family_review_page_shows_member_clauses_reflowed(client, version, family_of_wrapped):
    _, review, moderator = family_of_wrapped
    client.force_login(moderator)
    page = client.get(reverse("review:family-review", args=[review.pk])).content.decode()
    shown = _fam_text(page.split('id="c-1"')[1])
    assert "\n" not in shown.strip()  # joined for reading, and the CSS collapses the kept spaces
    assert " ".join(shown.split()) == GRANT.replace("'", "&#x27;")


def test_family_cell_page_shows_the_clause_reflowed(client, version, family_of_wrapped):
    from licenses.families.models import ClauseGroupMember

    family, _, _ = family_of_wrapped
    clause = version.clauses.get(anchor="1")
    entry = ClauseGroupMember.objects.get(clause=clause)
    url = reverse("licenses:family-cell", args=[family.slug, entry.group_id, clause.pk])
    shown = _fam_text(client.get(url).content.decode())
    assert "\n" not in shown.strip() and " ".join(shown.split()) == GRANT.replace("'", "&#x27;")


def test_split_page_shows_the_clause_reflowed_with_its_offsets(client, version):
    client.force_login(make_user(roles=("moderator",)))
    clause = version.clauses.get(anchor="1")
    url = reverse("licenses:clause-split", args=["wrapped", "1.0", clause.pk])
    shown = _clause_text(client.get(url).content.decode())
    assert "\n" not in shown.strip()
    assert len(shown.replace("&#x27;", "'")) == len(clause.text)  # a click's offset is the stored text's
