"""Positions: the service with its optimistic locking, and the matrix selectors that tally them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from licenses.models import Clause
from review.matrix.cells import cell_detail, criterion_page
from review.matrix.selectors import matrix
from review.matrix.services import PositionConflict, position_from_thread, position_set
from review.models import Position, PositionRevision, Review, Thread
from tests.factories import make_user, make_version, numbered_text, osd, osd_criterion

pytestmark = pytest.mark.django_db


def open_review(version=None, **kw) -> Review:
    version = version or make_version()
    return Review.objects.create(version=version, criterion_set=osd(), opened_by=make_user(), **kw)


def clause(review: Review, path: str) -> Clause:
    return review.version.clauses.get(path=path)


def set_pos(review, reviewer, verdict, *, path="2.2(b)", number=6, rationale="", expected=0, threads=()):
    return position_set(
        review=review,
        clause=clause(review, path),
        criterion=osd_criterion(number),
        reviewer=reviewer,
        verdict=verdict,
        rationale=rationale,
        expected_version=expected,
        threads=threads,
    )


@pytest.fixture
def review() -> Review:
    return open_review()


@pytest.fixture
def ana():
    return make_user("ana", roles=("reviewer",))


@pytest.fixture
def ben():
    return make_user("ben", roles=("reviewer",))


def test_first_save_creates_version_one_with_rendered_rationale_and_a_revision(review, ana):
    p = set_pos(review, ana, "conflicts", rationale="Limits **datasets**.\r\n")
    assert p.lock_version == 1
    assert p.rationale == "Limits **datasets**."
    assert p.rationale_html == "<p>Limits <strong>datasets</strong>.</p>\n"
    assert list(p.revisions.values_list("lock_version", "verdict", "editor")) == [(1, "conflicts", ana.pk)]


def test_rationale_html_is_sanitised(review, ana):
    p = set_pos(review, ana, "concern", rationale="<script>alert(1)</script> [x](javascript:alert(1))")
    assert "<script>" not in p.rationale_html
    assert 'href="javascript' not in p.rationale_html


def test_update_from_the_current_version_bumps_it_and_keeps_history(review, ana):
    set_pos(review, ana, "conflicts", rationale="first")
    p = set_pos(review, ana, "concern", rationale="second thoughts", expected=1)
    assert (p.lock_version, p.verdict, p.rationale) == (2, "concern", "second thoughts")
    history = list(
        PositionRevision.objects.filter(position=p)
        .order_by("lock_version")
        .values_list("lock_version", "verdict", "rationale")
    )
    assert history == [(1, "conflicts", "first"), (2, "concern", "second thoughts")]


def test_stale_version_is_refused_and_nothing_is_overwritten(review, ana):
    set_pos(review, ana, "conflicts", rationale="first")
    set_pos(review, ana, "complies", rationale="from tab A", expected=1)
    with pytest.raises(PositionConflict) as exc:
        set_pos(review, ana, "concern", rationale="from tab B", expected=1)
    assert exc.value.current.lock_version == 2
    assert exc.value.current.rationale == "from tab A"
    p = Position.objects.get()
    assert (p.verdict, p.rationale, p.lock_version) == ("complies", "from tab A", 2)
    assert PositionRevision.objects.count() == 2


def test_creating_over_an_existing_position_is_a_conflict(review, ana):
    set_pos(review, ana, "conflicts")
    with pytest.raises(PositionConflict) as exc:
        set_pos(review, ana, "complies", expected=0)
    assert exc.value.current.verdict == "conflicts"


def test_expecting_a_version_of_a_missing_position_is_a_conflict(review, ana):
    with pytest.raises(PositionConflict) as exc:
        set_pos(review, ana, "complies", expected=3)
    assert exc.value.current is None
    assert not Position.objects.exists()


def test_saving_the_same_thing_again_does_not_make_a_version(review, ana):
    set_pos(review, ana, "conflicts", rationale="same")
    p = set_pos(review, ana, "conflicts", rationale="same", expected=1)
    assert p.lock_version == 1
    assert PositionRevision.objects.count() == 1


def test_positions_are_per_reviewer(review, ana, ben):
    set_pos(review, ana, "conflicts")
    set_pos(review, ben, "complies")  # ben starts from 0: ana's position is not his
    assert Position.objects.count() == 2


def test_only_reviewers_take_positions(review):
    with pytest.raises(PermissionDenied):
        set_pos(review, make_user(roles=("steward",)), "complies")


def test_clause_of_another_version_is_refused(review, ana):
    other = make_version(text=numbered_text(3))
    with pytest.raises(ValidationError):
        position_set(
            review=review,
            clause=other.clauses.get(path="1"),
            criterion=osd_criterion(6),
            reviewer=ana,
            verdict="complies",
            rationale="",
            expected_version=0,
        )


def test_bad_verdict_and_closed_review_are_refused(ana):
    review = open_review()
    with pytest.raises(ValidationError):
        set_pos(review, ana, "maybe")
    closed = open_review(status=Review.Status.APPROVED)
    with pytest.raises(ValidationError):
        set_pos(closed, ana, "complies")


def test_threads_link_only_from_the_same_clause(review, ana):
    here = Thread.objects.create(review=review, clause=clause(review, "2.2(b)"))
    elsewhere = Thread.objects.create(review=review, clause=clause(review, "2.1"))
    p = set_pos(review, ana, "conflicts", threads=[here])
    assert list(p.threads.all()) == [here]
    with pytest.raises(ValidationError):
        set_pos(review, ana, "conflicts", threads=[elsewhere], expected=1)


def test_position_from_thread_links_the_thread_and_keeps_the_rationale(review, ana):
    thread = Thread.objects.create(review=review, clause=clause(review, "2.2(b)"), criterion=osd_criterion(6))
    p = position_from_thread(thread=thread, reviewer=ana, verdict="conflicts")
    assert (p.verdict, p.lock_version) == ("conflicts", 1)
    assert list(p.threads.all()) == [thread]
    assert f"#{thread.pk}" in p.rationale

    p = set_pos(review, ana, "concern", rationale="My own words.", expected=1, threads=[thread])
    p = position_from_thread(thread=thread, reviewer=ana, verdict="conflicts")
    assert (p.verdict, p.rationale, p.lock_version) == ("conflicts", "My own words.", 3)


def test_position_from_an_untagged_thread_is_refused(review, ana):
    thread = Thread.objects.create(review=review, clause=clause(review, "2.2(b)"))
    with pytest.raises(ValidationError):
        position_from_thread(thread=thread, reviewer=ana, verdict="conflicts")


# The matrix selectors ---------------------------------------------------------------------------


def test_cell_tally_disagreement_and_summary_row(review, ana, ben):
    carl = make_user("carl", roles=("reviewer",))
    set_pos(review, ana, "conflicts")
    set_pos(review, carl, "conflicts")
    set_pos(review, ben, "complies")
    set_pos(review, ana, "concern", path="2.1")
    m = matrix(review)
    keys = [c.label for c in m.columns]
    assert keys == [f"OSD {n}" for n in range(1, 11)]
    row = next(r for r in m.rows if r.clause.path == "2.2(b)")
    cell = row.cells[keys.index("OSD 6")]
    assert cell.tally.as_dict() == {"conflicts": 2, "concern": 0, "complies": 1, "not_applicable": 0}
    assert cell.symbols == "2✕ 1✓"
    assert cell.disagreement is True
    assert cell.css == "v-conflicts"
    assert "reviewers disagree" in cell.sr
    other = next(r for r in m.rows if r.clause.path == "2.1").cells[keys.index("OSD 6")]
    assert (other.symbols, other.disagreement) == ("1!", False)
    summary = m.summary[keys.index("OSD 6")]
    assert (summary.worst, summary.conflict_clauses, summary.concern_clauses, summary.disagreements) == (
        "conflicts",
        1,
        1,
        1,
    )
    assert m.summary[0].worst is None
    assert m.total_positions == 4


def test_matrix_rows_follow_the_hierarchy_and_filter(review, ana):
    set_pos(review, ana, "conflicts")
    m = matrix(review)
    paths = [(r.clause.path, r.depth, r.has_children) for r in m.rows]
    assert ("2.2", 1, True) in paths
    assert ("2.2(b)", 2, False) in paths
    by_path = {r.clause.path: r for r in m.rows}
    assert by_path["2.2(b)"].parent_id == by_path["2.2"].clause.pk

    only = matrix(review, only_with_positions=True, criterion_key=osd_criterion(6).key)
    assert [r.clause.path for r in only.rows] == ["2.2(b)"]
    assert [c.label for c in only.columns] == ["OSD 6"]
    assert len(only.criteria) == 10
    assert matrix(review, criterion_key="no-such-key").criterion_key is None


def test_matrix_costs_the_same_queries_at_20_and_200_clauses(ana):
    def count(n: int) -> int:
        review = open_review(make_version(text=numbered_text(n)))
        clauses = list(review.version.clauses.exclude(path="preamble"))
        Position.objects.bulk_create(
            Position(
                review=review, clause=c, criterion=osd_criterion(1 + i % 10), reviewer=ana, verdict="concern"
            )
            for i, c in enumerate(clauses)
        )
        with CaptureQueriesContext(connection) as ctx:
            m = matrix(review)
        assert len(m.rows) == n + 1
        return len(ctx)

    assert count(20) == count(200) <= 6


def test_hints_are_markers_never_positions(ana):
    review = open_review(
        make_version(text="1. Use.\n\nYou may use the Software for non-commercial purposes only.\n")
    )
    m = matrix(review)
    row = next(r for r in m.rows if r.clause.path == "1")
    osd6 = row.cells[5]
    assert osd6.hint.startswith("keyword match “non-commercial”")
    assert osd6.tally.total == 0 and osd6.symbols == ""
    assert not Position.objects.exists()


def test_cell_detail_and_criterion_page(review, ana, ben):
    thread = Thread.objects.create(review=review, clause=clause(review, "2.2(b)"), criterion=osd_criterion(6))
    set_pos(review, ana, "conflicts", rationale="Bars *dataset* use.", threads=[thread])
    set_pos(review, ben, "complies", rationale="It is a notice duty.")
    detail = cell_detail(review, clause(review, "2.2(b)"), osd_criterion(6), user=ana)
    assert [(v.reviewer_name, v.position.verdict, v.is_mine) for v in detail.positions] == [
        ("ana", "conflicts", True),
        ("ben", "complies", False),
    ]
    assert detail.mine.reviewer_id == ana.pk
    assert [t.thread for t in detail.threads] == [thread]
    assert detail.tally.disagreement

    page = criterion_page(review, osd_criterion(6).key)
    assert [c.clause.path for c in page.clauses] == ["2.2(b)"]
    assert page.clauses[0].flagged
    assert [t.thread for t in page.clauses[0].threads] == [thread]
