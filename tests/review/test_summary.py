"""review.exports.summary: the ReviewSummary the exports render, built from the database."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from licenses.models import CriterionSet
from review.exports.summary import review_summary
from review.matrix.services import position_set
from review.models import Comment, Position, Review, Thread
from review.selectors import review_for
from tests.factories import make_license, make_user, make_version, numbered_text, osd, osd_criterion

pytestmark = pytest.mark.django_db


@pytest.fixture
def review() -> Review:
    version = make_version(make_license(name="Sample Model License", slug="sml", spdx_id="SML-1.0"))
    return Review.objects.create(version=version, criterion_set=osd(), opened_by=make_user())


def clause(review, path="2.2(b)"):
    return review.version.clauses.get(path=path)


def test_summary_carries_the_review_positions_threads_and_comments(review, settings):
    settings.SITE_URL = "https://clausewise.example"
    ana = make_user("ana", roles=("reviewer",))
    thread = Thread.objects.create(
        review=review, clause=clause(review), criterion=osd_criterion(6), quote_exact="dataset"
    )
    Comment.objects.create(
        thread=thread,
        author=ana,
        body="Too narrow.",
        body_html="",
        stance="objection",
        suggested_wording="Any use.",
    )
    Comment.objects.create(thread=thread, author=ana, body="gone", body_html="", deleted_at=timezone.now())
    Comment.objects.create(
        thread=thread, author_name="Mail Person", body="hidden", body_html="", hidden_at=timezone.now()
    )
    Comment.objects.create(thread=thread, author_name="Mail Person", body="From the list.", body_html="")
    Thread.objects.create(review=review, clause=None, is_general=True)
    position_set(
        review=review,
        clause=clause(review),
        criterion=osd_criterion(6),
        reviewer=ana,
        verdict="conflicts",
        rationale="Bars datasets.",
        expected_version=0,
        threads=[thread],
    )
    s = review_summary(review_for(review.pk))

    assert (s.license_name, s.spdx_id, s.version_label, s.status) == (
        "Sample Model License",
        "SML-1.0",
        "1.0",
        "open",
    )
    assert s.url == f"https://clausewise.example/reviews/{review.pk}/"
    assert s.criterion_set == "osd-1.9"
    assert [c.number for c in s.criteria] == list(range(1, 11))
    assert s.decision is None
    b = next(c for c in s.clauses if c.path == "2.2(b)")
    assert b.url == "https://clausewise.example/licenses/sml/1.0/#c-2.2.b"
    assert b.text.startswith("If you distribute a collection of Output")
    [p] = b.positions
    assert (p.reviewer, p.criterion_key, p.verdict, p.rationale, p.thread_ids) == (
        "ana",
        osd_criterion(6).key,
        "conflicts",
        "Bars datasets.",
        [thread.pk],
    )
    [t] = b.threads
    assert (t.id, t.status, t.quote, t.criterion_key) == (thread.pk, "open", "dataset", osd_criterion(6).key)
    assert [(m.author, m.body, m.stance, m.suggested_wording) for m in t.comments] == [
        ("ana", "Too narrow.", "objection", "Any use."),
        ("Mail Person", "From the list.", "note", ""),
    ]
    assert sum(len(c.threads) for c in s.clauses) == 1  # the general thread has no clause
    assert s.criterion_tally(osd_criterion(6).key).conflicts == 1


def test_decision_is_included(review):
    mod = make_user("mo", roles=("moderator",))
    Review.objects.filter(pk=review.pk).update(
        status="rejected", decided_by=mod, decided_at=timezone.now(), decision_rationale="Fails OSD 6."
    )
    s = review_summary(review_for(review.pk))
    assert (s.status, s.decision.by, s.decision.rationale) == ("rejected", "mo", "Fails OSD 6.")


def test_options_narrow_the_summary(review):
    ana = make_user("ana", roles=("reviewer",))
    Thread.objects.create(review=review, clause=clause(review), criterion=osd_criterion(6), status="resolved")
    Thread.objects.create(review=review, clause=clause(review), criterion=osd_criterion(5))
    for n in (5, 6):
        position_set(
            review=review,
            clause=clause(review),
            criterion=osd_criterion(n),
            reviewer=ana,
            verdict="concern",
            rationale="",
            expected_version=0,
        )
    key6 = osd_criterion(6).key
    s = review_summary(review, criterion=key6)
    b = next(c for c in s.clauses if c.path == "2.2(b)")
    assert [p.criterion_key for p in b.positions] == [key6]
    assert [t.criterion_key for t in b.threads] == [key6]
    assert s.options.criterion == key6
    s = review_summary(review, include_resolved=False)
    assert [t.status for c in s.clauses for t in c.threads] == ["open"]
    with pytest.raises(ValueError):
        review_summary(review, criterion="nope")


def test_summary_queries_do_not_grow_with_size():
    ana = make_user("ana", roles=("reviewer",))

    def count(n: int) -> int:
        review = Review.objects.create(
            version=make_version(text=numbered_text(n)), criterion_set=osd(), opened_by=ana
        )
        clauses = list(review.version.clauses.all())
        Position.objects.bulk_create(
            Position(
                review=review, clause=c, criterion=osd_criterion(1 + i % 10), reviewer=ana, verdict="concern"
            )
            for i, c in enumerate(clauses)
        )
        threads = Thread.objects.bulk_create(Thread(review=review, clause=c) for c in clauses)
        Comment.objects.bulk_create(Comment(thread=t, author=ana, body="x", body_html="") for t in threads)
        review = review_for(review.pk)
        with CaptureQueriesContext(connection) as ctx:
            s = review_summary(review)
        assert sum(len(c.positions) for c in s.clauses) == n + 1
        return len(ctx)

    assert count(5) == count(50) <= 8


def test_exports_name_each_criterion_as_the_matrix_does():
    """A DFSG review's exports say "DFSG 3", as its matrix columns do (not the key "dfsg-3")."""
    from review.exports.markdown import to_markdown
    from review.matrix.selectors import columns_of

    review = Review.objects.create(
        version=make_version(), criterion_set=CriterionSet.objects.get(slug="dfsg-1.2"), opened_by=make_user()
    )
    dfsg3 = review.criterion_set.criteria.get(number=3)
    position_set(
        review=review,
        clause=review.version.clauses.first(),
        criterion=dfsg3,
        reviewer=make_user("ana", roles=("reviewer",)),
        verdict="concern",
        rationale="Modified works must be allowed.",
        expected_version=0,
    )
    summary = review_summary(review)
    assert [c.label for c in summary.criteria] == [col.label for col in columns_of(review)]
    assert summary.criteria[2].label == "DFSG 3"
    assert "DFSG 3" in to_markdown(summary)
