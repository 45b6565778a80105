"""Precedent: positions from other reviews on clauses worded alike, shown as suggestions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import MODERATOR, REVIEWER
from licenses.text.similarity import most_similar, similarity, words
from review.matrix.cells import cell_detail
from review.matrix.precedent import precedent_cells, precedents_for
from review.matrix.services import position_set
from review.models import Position, Review
from tests.factories import make_license, make_user, make_version, osd, osd_criterion

pytestmark = pytest.mark.django_db

NC = (
    "1. Grant.\n\nThe Licensor grants You a licence to reproduce and share the Material, in whole or in part, "
    "for non-commercial purposes only.\n\n2. Venue.\n\nThe courts of Ruritania decide disputes.\n"
)
BY = (
    "1. Grant.\n\nThe Licensor grants You a licence to reproduce and share the Material, in whole or in part.\n\n"
    "2. Notices.\n\nKeep every copyright notice intact when you pass the Material on.\n"
)


def review_of(text: str, *, name: str, public: bool = True, opened_by=None) -> Review:
    version = make_version(make_license(name=name), text=text)
    return Review.objects.create(
        version=version, criterion_set=osd(), opened_by=opened_by or make_user(), is_public=public
    )


def take(review: Review, path: str, number: int, verdict: str, n: int = 1) -> None:
    clause = review.version.clauses.get(path=path)
    for _ in range(n):
        position_set(
            review=review,
            clause=clause,
            criterion=osd_criterion(number),
            reviewer=make_user(roles=(REVIEWER,)),
            verdict=verdict,
            rationale="",
            expected_version=0,
        )


@pytest.fixture
def argued():
    """A review of the non-commercial license where three reviewers found 1 conflicts with OSD 6."""
    review = review_of(NC, name="Example NonCommercial")
    take(review, "1", 6, "conflicts", n=3)
    return review


def test_similarity_is_word_level_and_pure():
    assert words("The Licensor’s  WORK,\nreflowed in 2 places.") == ("licensor", "work", "reflowed", "places")
    assert similarity("a b c d", "a b c d") == 1.0
    nc, by = NC.split("\n\n")[1], BY.split("\n\n")[1]
    assert 0.75 < similarity(nc, by) < 1.0
    assert similarity("Grant.", "Venue.") == 0.0
    matches = most_similar(
        "one two three four five", [(1, "one two three four five six"), (2, "seven eight")]
    )
    assert [m.key for m in matches] == [1] and matches[0].percent == 91
    assert most_similar("Grant.", [(1, "Grant.")]) == []  # too short to mean anything


def test_similarity_reads_the_same_as_the_similar_clause_search():
    from search.similarity import resemblance

    pairs = [
        (NC.split("\n\n")[1], BY.split("\n\n")[1]),
        ("You may not use the Work for military purposes.", "You may use the Work for any purpose."),
        ("Grant.", "Venue."),
    ]
    for a, b in pairs:
        assert similarity(a, b) == pytest.approx(resemblance(a, b))


def test_a_clause_worded_alike_shows_the_precedent(argued):
    review = review_of(BY, name="Example Attribution")
    clause = review.version.clauses.get(path="1")
    [p] = precedents_for(review, clause, osd_criterion(6))
    assert p.review_id == argued.pk
    assert p.finding == "3 reviewers found §1 conflicts with OSD 6"
    assert p.source == "Example NonCommercial 1.0"
    assert 80 <= p.percent < 100
    assert p.review_url == reverse("review:cell", args=[argued.pk, p.clause.pk, osd_criterion(6).pk])
    assert p.clause.get_absolute_url().endswith("#c-1")
    assert ("delete", "for non-commercial purposes only") in [(op, t.strip(" ,.")) for op, t in p.redline]


def test_precedent_is_a_suggestion_never_a_position(argued):
    review = review_of(BY, name="Example Attribution")
    clause = review.version.clauses.get(path="1")
    detail = cell_detail(review, clause, osd_criterion(6))
    assert len(detail.precedents) == 1
    assert detail.tally.total == 0 and detail.positions == []
    assert not Position.objects.filter(review=review).exists()


def test_other_criteria_and_unlike_clauses_have_none(argued):
    review = review_of(BY, name="Example Attribution")
    assert precedents_for(review, review.version.clauses.get(path="1"), osd_criterion(5)) == []
    assert precedents_for(review, review.version.clauses.get(path="2"), osd_criterion(6)) == []


def test_the_same_review_is_not_its_own_precedent(argued):
    assert precedents_for(argued, argued.version.clauses.get(path="1"), osd_criterion(6)) == []


def test_split_findings_say_so():
    review = review_of(NC, name="Example NonCommercial")
    take(review, "1", 6, "conflicts", n=2)
    take(review, "1", 6, "complies")
    other = review_of(BY, name="Example Attribution")
    [p] = precedents_for(other, other.version.clauses.get(path="1"), osd_criterion(6))
    assert p.finding == "3 reviewers were split on §1 against OSD 6: 2 conflicts, 1 complies"


def test_private_reviews_are_precedent_only_for_those_who_may_read_them():
    opener = make_user()
    private = review_of(NC, name="Example NonCommercial", public=False, opened_by=opener)
    take(private, "1", 6, "conflicts")
    review = review_of(BY, name="Example Attribution")
    clause = review.version.clauses.get(path="1")
    crit = osd_criterion(6)
    assert precedents_for(review, clause, crit) == []  # anonymous
    assert precedents_for(review, clause, crit, user=make_user(roles=(REVIEWER,))) == []
    assert len(precedents_for(review, clause, crit, user=opener)) == 1
    assert len(precedents_for(review, clause, crit, user=make_user(roles=(MODERATOR,)))) == 1


def test_matrix_cells_marked_in_one_query(argued):
    review = review_of(BY, name="Example Attribution")
    clauses = list(review.version.clauses.all())
    criteria = list(osd().criteria.all())
    with CaptureQueriesContext(connection) as ctx:
        marked = precedent_cells(review, clauses, criteria)
    assert len(ctx) == 1
    assert marked == {(review.version.clauses.get(path="1").pk, osd_criterion(6).pk)}


def test_matrix_page_and_panel_show_precedent_escaped(client, argued):
    hostile = BY.replace("the Material, in whole", "the <script>x</script> Material, in whole")
    argued_clause = argued.version.clauses.get(path="1")
    argued_clause.text = argued_clause.text.replace("the Material, in whole", "the <b>Material</b>, in whole")
    argued_clause.save(update_fields=["text"])
    review = review_of(hostile, name="Example Attribution")
    clause = review.version.clauses.get(path="1")
    html = client.get(reverse("review:matrix", args=[review.pk])).content.decode()
    assert html.count('<span class="precedent" aria-hidden="true">≈</span>') == 1
    assert "precedent in another review (a suggestion, not a position)" in html
    url = reverse("review:cell", args=[review.pk, clause.pk, osd_criterion(6).pk])
    panel = client.get(url).content.decode()
    assert "Precedent from other reviews" in panel
    assert "In the review of <a href=" in panel and "3 reviewers found §1 conflicts with OSD 6" in panel
    assert "<script>x</script>" not in panel and "&lt;script&gt;" in panel
    assert "<b>" not in panel and "b&gt;Material&lt;/b&gt;" in panel  # the other clause, in the redline
    assert "<del>" in panel or "<ins>" in panel


def test_cell_panel_queries_do_not_grow_with_precedent(client, argued, django_assert_max_num_queries):
    review = review_of(BY, name="Example Attribution")
    for i in range(5):
        other = review_of(NC.replace("Ruritania", f"Place {i}"), name=f"Other {i}")
        take(other, "1", 6, "concern", n=2)
    clause = review.version.clauses.get(path="1")
    url = reverse("review:cell", args=[review.pk, clause.pk, osd_criterion(6).pk])
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    assert html.count('class="precedent-item"') == 3  # LIMIT


def test_demo_reviews_show_precedent_both_ways():
    from demo.reviews import load_demo_review
    from licenses.spdx_import import ImportCounts, import_one

    for spdx_id in ("CC-BY-NC-4.0", "CC-BY-4.0"):
        import_one(spdx_id, ImportCounts())
    message = load_demo_review()
    assert "Demo precedent review:" in message
    nc = Review.objects.get(version__license__slug="cc-by-nc", version__label="4.0")
    by = Review.objects.get(version__license__slug="cc-by", version__label="4.0")
    grant = by.version.clauses.get(path="Section 2(a)(1)(A)")
    [p] = precedents_for(by, grant, osd_criterion(6))
    assert p.finding == "3 reviewers found Section 2(a)(1)(A) conflicts with OSD 6"
    assert 80 <= p.percent < 100
    assert [t for op, t in p.redline if op == "delete"] == [", for NonCommercial purposes only"]
    nc_grant = nc.version.clauses.get(path="Section 2(a)(1)(A)")
    marked = precedent_cells(nc, list(nc.version.clauses.all()), list(osd().criteria.all()))
    assert (nc_grant.pk, osd_criterion(6).pk) in marked and (nc_grant.pk, osd_criterion(1).pk) in marked
    assert load_demo_review().count("demo positions added") == 0  # idempotent
