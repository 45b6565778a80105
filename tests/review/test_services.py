import pytest
from django.core.exceptions import ValidationError

from review import services
from review.clause_marks import MarkedSpan, heat_for, highlight
from review.models import Comment, CommentRevision, Review, Stance, Thread
from review.services import NotAllowed, Quote, locate_quote
from tests.factories import make_license, make_review, make_user, make_version, osd_criterion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashing")]


def clause(review, anchor="2.2.b"):
    return review.version.clauses.get(anchor=anchor)


@pytest.fixture
def review():
    return make_review()


@pytest.fixture
def reviewer():
    return make_user("rita", roles=("reviewer",))


def start(review, author, **kw):
    kw.setdefault("body", "A first comment.")
    return services.thread_start(review=review, clause=clause(review), author=author, **kw)


# --- quotes -------------------------------------------------------------------------------------

TEXT = "the Model and the Model card and the Model"


def test_quote_offsets_win_when_they_match():
    q = locate_quote(TEXT, Quote(exact="Model", start=18, end=23))
    assert (q.start, q.end) == (18, 23)
    assert q.prefix == "the Model and the "
    assert q.suffix == " card and the Model"


def test_quote_with_stale_offsets_is_found_by_its_context():
    q = locate_quote(TEXT, Quote(exact="Model", prefix="and the ", suffix=" card", start=0, end=5))
    assert (q.start, q.end) == (18, 23)


def test_quote_prefix_disambiguates_the_last_occurrence():
    q = locate_quote(TEXT, Quote(exact="Model", prefix="card and the "))
    assert q.start == len(TEXT) - 5


def test_quote_not_in_clause_is_refused_with_a_message():
    with pytest.raises(ValidationError) as exc:
        locate_quote(TEXT, Quote(exact="weights"))
    assert "not in this clause" in exc.value.messages[0]


def test_quote_context_is_at_most_32_characters():
    text = "x" * 100 + "QUOTE" + "y" * 100
    q = locate_quote(text, Quote(exact="QUOTE"))
    assert q.prefix == "x" * 32 and q.suffix == "y" * 32


# --- threads ------------------------------------------------------------------------------------


def test_thread_start_stores_quote_criterion_and_first_comment(review, reviewer):
    c = clause(review)
    exact = "include a notice"
    thread = services.thread_start(
        review=review,
        clause=c,
        author=reviewer,
        body="This **restricts** datasets.",
        stance=Stance.OBJECTION,
        criterion=osd_criterion(6),
        quote=Quote(exact=exact, start=c.text.index(exact), end=c.text.index(exact) + len(exact)),
    )
    thread.refresh_from_db()
    assert thread.quote_exact == exact
    assert c.text[thread.quote_start : thread.quote_end] == exact
    assert thread.quote_suffix == c.text[thread.quote_end : thread.quote_end + 32]
    assert thread.criterion.number == 6
    assert thread.started_by == reviewer
    comment = thread.comments.get()
    assert comment.stance == Stance.OBJECTION
    assert comment.body_html == "<p>This <strong>restricts</strong> datasets.</p>\n"


def test_non_reviewer_cannot_start_a_thread(review):
    with pytest.raises(NotAllowed):
        start(review, make_user())
    assert Thread.objects.count() == 0


def test_no_comments_on_a_closed_review(review, reviewer):
    review.status = Review.Status.APPROVED
    review.save()
    with pytest.raises(NotAllowed):
        start(review, reviewer)


def test_clause_of_another_version_is_refused(review, reviewer):
    other = make_version().clauses.first()
    with pytest.raises(ValidationError):
        services.thread_start(review=review, clause=other, author=reviewer, body="x")


def test_overlong_comment_is_refused_with_a_clear_message(review, reviewer):
    with pytest.raises(ValidationError) as exc:
        start(review, reviewer, body="a" * 20_001)
    assert "20,001 characters long; the limit is 20,000" in exc.value.message_dict["body"][0]


def test_unchanged_suggested_wording_is_dropped(review, reviewer):
    thread = start(review, reviewer, suggested_wording=clause(review).text + "  ")
    assert thread.comments.get().suggested_wording == ""
    thread = start(review, reviewer, suggested_wording="A new clause.")
    assert thread.comments.get().suggested_wording == "A new clause."


def test_replies_are_appended_flat(review, reviewer):
    thread = start(review, reviewer)
    other = make_user(roles=("reviewer",))
    services.comment_add(thread=thread, author=other, body="Why?", stance=Stance.QUESTION)
    assert [c.stance for c in thread.comments.all()] == [Stance.NOTE, Stance.QUESTION]


# --- resolve ------------------------------------------------------------------------------------


def test_starter_steward_and_moderator_may_resolve_others_may_not(reviewer):
    license = make_license()
    steward = make_user(roles=("steward",))
    license.stewards.add(steward)
    review = make_review(make_version(license))
    thread = start(review, reviewer)
    with pytest.raises(NotAllowed):
        services.thread_resolve(thread=thread, user=make_user(roles=("reviewer",)))
    with pytest.raises(NotAllowed):
        services.thread_resolve(thread=thread, user=make_user(roles=("steward",)))  # not of this license
    for user in (reviewer, steward, make_user(roles=("moderator",))):
        services.thread_resolve(thread=thread, user=user)
        thread.refresh_from_db()
        assert thread.status == Thread.Status.RESOLVED and thread.resolved_by == user
        services.thread_reopen(thread=thread, user=user)
        thread.refresh_from_db()
        assert thread.status == Thread.Status.OPEN and thread.resolved_at is None


# --- edit, delete, hide -------------------------------------------------------------------------


def test_edit_keeps_the_previous_body(review, reviewer):
    comment = start(review, reviewer, body="First words.").comments.get()
    services.comment_edit(comment=comment, editor=reviewer, body="Better words.", stance=Stance.CONCERN)
    comment.refresh_from_db()
    assert comment.body == "Better words." and comment.stance == Stance.CONCERN
    assert comment.edited_at is not None
    rev = CommentRevision.objects.get(comment=comment)
    assert (rev.body, rev.stance, rev.editor) == ("First words.", Stance.NOTE, reviewer)


def test_edit_without_change_makes_no_revision(review, reviewer):
    comment = start(review, reviewer, body="Same.").comments.get()
    services.comment_edit(comment=comment, editor=reviewer, body="Same.", stance=Stance.NOTE)
    comment.refresh_from_db()
    assert comment.edited_at is None and not comment.revisions.exists()


def test_only_the_author_edits(review, reviewer):
    comment = start(review, reviewer, body="Mine.").comments.get()
    for user in (make_user(roles=("reviewer",)), make_user(roles=("moderator",))):
        with pytest.raises(NotAllowed):
            services.comment_edit(comment=comment, editor=user, body="Theirs.", stance=Stance.NOTE)
    comment.refresh_from_db()
    assert comment.body == "Mine."


def test_delete_is_soft_and_a_moderator_restores(review, reviewer):
    comment = start(review, reviewer).comments.get()
    with pytest.raises(NotAllowed):
        services.comment_delete(comment=comment, user=make_user(roles=("reviewer",)))
    services.comment_delete(comment=comment, user=reviewer)
    comment.refresh_from_db()
    assert comment.is_deleted and Comment.objects.filter(pk=comment.pk).exists()
    with pytest.raises(NotAllowed):
        services.comment_restore(comment=comment, user=reviewer)
    services.comment_restore(comment=comment, user=make_user(roles=("moderator",)))
    comment.refresh_from_db()
    assert not comment.is_deleted


def test_hide_needs_a_moderator_and_a_reason(review, reviewer):
    comment = start(review, reviewer).comments.get()
    moderator = make_user(roles=("moderator",))
    with pytest.raises(NotAllowed):
        services.comment_hide(comment=comment, user=reviewer, reason="spam")
    with pytest.raises(ValidationError):
        services.comment_hide(comment=comment, user=moderator, reason="  ")
    services.comment_hide(comment=comment, user=moderator, reason="Off topic")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Off topic" and comment.hidden_by == moderator


# --- reviews ------------------------------------------------------------------------------------


def test_steward_opens_review_of_own_license_only():
    license = make_license()
    version = make_version(license)
    steward = make_user(roles=("steward",))
    with pytest.raises(NotAllowed):
        services.review_open(version=version, opened_by=steward)
    license.stewards.add(steward)
    review = services.review_open(version=version, opened_by=steward, rationale="Because.")
    assert review.criterion_set.slug == "osd-1.9" and review.status == Review.Status.OPEN
    assert services.review_open(version=version, opened_by=make_user(roles=("moderator",))).pk


def test_decision_record(review, reviewer):
    thread = start(review, reviewer)
    moderator = make_user(roles=("moderator",))
    with pytest.raises(NotAllowed):
        services.review_decide(review=review, user=reviewer, status="rejected", rationale="No.")
    with pytest.raises(ValidationError):
        services.review_decide(review=review, user=moderator, status="rejected", rationale="")
    services.review_decide(
        review=review, user=moderator, status="rejected", rationale="Fails OSD 6.", threads=[thread]
    )
    review.refresh_from_db()
    assert (review.status, review.decided_by, review.decision_rationale) == (
        "rejected",
        moderator,
        "Fails OSD 6.",
    )
    assert list(review.decision_threads.all()) == [thread]


# --- pure helpers -------------------------------------------------------------------------------


class _T:
    def __init__(self, pk, start, end, text):
        self.pk, self.quote_start, self.quote_end = pk, start, end
        self.quote_exact, self.quote_missing = text[start:end], False


def test_highlight_splits_at_overlapping_quotes():
    text = "abcdefghij"
    segs = highlight(text, [_T(1, 2, 6, text), _T(2, 4, 8, text)])
    assert "".join(s.text for s in segs) == text
    assert segs == [
        MarkedSpan("ab", ()),
        MarkedSpan("cd", (1,)),
        MarkedSpan("ef", (1, 2)),
        MarkedSpan("gh", (2,)),
        MarkedSpan("ij", ()),
    ]


def test_highlight_ignores_a_quote_whose_offsets_no_longer_match():
    t = _T(1, 0, 3, "abc")
    assert highlight("xyzdef", [t]) == [MarkedSpan("xyzdef")]


def test_heat_levels_by_shape():
    assert heat_for(thread_count=0, open_comments=0, open_objections=0).symbol == "○"
    assert heat_for(thread_count=1, open_comments=1, open_objections=0).symbol == "◔"
    assert heat_for(thread_count=1, open_comments=2, open_objections=1).symbol == "◑"
    assert heat_for(thread_count=2, open_comments=4, open_objections=2).symbol == "●"


def test_demo_review_is_idempotent():
    from demo.reviews import load_demo_review
    from licenses.spdx_import import ImportCounts, import_one

    import_one("CC-BY-NC-4.0", ImportCounts())
    message = load_demo_review()
    assert "with 4 threads" in message and "demo positions added" in message
    assert "Demo rounds skipped" in message  # MPL is not loaded here
    review = Review.objects.get()
    positions = review.positions.count()
    assert positions >= 2
    assert load_demo_review().splitlines()[0] == "Demo review: already there."
    assert review.positions.count() == positions
    assert review.threads.filter(status=Thread.Status.RESOLVED).count() == 1
    assert review.threads.filter(criterion__number=6).exists()
    comments = Comment.objects.filter(thread__review=review)
    assert len({c.stance for c in comments}) >= 4
    assert comments.values("author").distinct().count() == 3


def test_demo_rounds_show_carried_outdated_and_orphaned_threads():
    from demo.licenses import FAMILIES, load_family
    from demo.reviews import load_demo_review

    load_family(next(f for f in FAMILIES if f["slug"] == "mpl"))
    message = load_demo_review()
    assert "Demo rounds: " in message and "3 carried, 1 orphaned" in message
    first = Review.objects.get(version__label="1.1")
    second = Review.objects.get(previous_round=first)
    assert second.version.label == "2.0" and second.version.license.slug == "mpl"
    assert first.threads.count() == 3
    carried = {t.carried_from.clause.anchor: t for t in second.threads.select_related("carried_from__clause")}
    assert set(carried) == {"6.1", "8.2", "10"}
    assert carried["10"].orphaned and carried["10"].clause is None
    assert carried["8.2"].outdated and carried["8.2"].clause.anchor == "5.2"
    assert not carried["8.2"].quote_missing  # re-anchored across the new line breaks
    assert carried["6.1"].outdated and carried["6.1"].quote_missing
    assert carried["6.1"].comments.count() == 2  # the carried question and a reply in round two
    counts = (Review.objects.count(), Thread.objects.count(), Comment.objects.count())
    assert load_demo_review().splitlines()[-1] == "Demo rounds: already there."
    assert (Review.objects.count(), Thread.objects.count(), Comment.objects.count()) == counts
