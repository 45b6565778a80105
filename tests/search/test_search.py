"""Full-text search through the one selector, on whichever database the suite runs on."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from review.models import Review
from review.services import comment_hide, review_decide, thread_start
from search.models import Document
from search.selectors import search
from tests.factories import make_license, make_review, make_user, make_version

pytestmark = pytest.mark.django_db

ANON = AnonymousUser()


def titles(results):
    return [r.title for r in results.results]


def first(raw, user=ANON, **kw):
    found = search(raw, user=user, **kw).results
    return found[0] if found else None


def test_new_version_is_indexed_on_commit(sample):
    assert Document.objects.filter(kind="clause", clause__version=sample).count() == sample.clauses.count()
    assert Document.objects.filter(kind="license", license=sample.license).count() == 1


def test_license_by_spdx_id_and_name(sample):
    assert first("SML-1.0").title == "Sample Model License"
    assert first("sample model").kind == "license"


def test_phrase_finds_the_clause_with_its_permalink(sample):
    hit = first('"as a dataset"')
    assert hit.kind == "clause"
    assert hit.url == "/licenses/sample-model/1.0/#c-2.2.b"
    assert "<mark>" in hit.snippet


def test_phrase_is_in_order(sample):
    assert search('"output collection"', user=ANON).total == 0
    assert search('"collection of output"', user=ANON).total == 1


def test_stemming_and_prefix(sample):
    assert first("distributing").url.endswith("#c-2.2.b")  # "distribute"
    assert first("datas*").url.endswith("#c-2.2.b")


def test_or_and_exclusion(sample):
    assert search("warranty OR datasetz", user=ANON).total >= 1
    assert all("dataset" not in r.snippet for r in search("notice -dataset", user=ANON).results)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        '"',
        "*",
        "NEAR",
        "OR",
        "AND",
        "NOT",
        "a" * 10_000,
        "x " * 5000,
        "'; DROP TABLE x; --",
        "许可证",
        "лицензия",
        "(",
        ")",
        "^",
        "title:x",
        "\\",
        "%",
        "_",
        "\x00",
        "-",
        "--",
        '"*"',
        "*a",
        "a**",
        "NEAR(a b, 2)",
    ],
)
def test_bad_input_never_fails(sample, raw):
    results = search(raw, user=ANON)
    assert results.results == [] or results.results[0].url


def test_empty_and_operator_only_queries_say_why(sample):
    assert search("", user=ANON).message == ""
    assert "Type a word" in search('"*"', user=ANON).message
    assert "first words" in search("word " * 3000, user=ANON).message


def test_no_result_suggests_a_license_name(sample):
    make_license(name="Apache License 2.0", spdx_id="Apache-2.0", slug="apache-2.0")
    results = search("Apahce", user=ANON)
    assert results.total == 0
    assert results.suggestion.spdx_id == "Apache-2.0"


def test_osi_filter(index_on_commit):
    approved = make_license(name="Approved One", osi_status="approved")
    other = make_license(name="Unsubmitted One")
    index_on_commit(make_version, approved)
    index_on_commit(make_version, other)
    names = {r.license.name for r in search('"as a dataset"', user=ANON, osi="approved").results}
    assert names == {"Approved One"}


@pytest.fixture
def discussion(sample):
    reviewer = make_user(roles=("reviewer",))
    review = make_review(sample)
    clause = sample.clauses.get(anchor="2.2.b")
    thread = thread_start(review=review, clause=clause, author=reviewer, body="The quokka clause worries me.")
    return review, thread, reviewer


def test_comment_is_found_with_its_anchor(discussion):
    review, thread, _ = discussion
    comment = thread.comments.get()
    hit = first("quokka")
    assert hit.kind == "comment"
    assert hit.url == f"/reviews/{review.pk}/#m-{comment.pk}"
    assert search("quokka", user=ANON, group="clauses").total == 0
    assert search("quokka", user=ANON, group="discussion").total == 1


def test_hidden_comment_never_shows(discussion):
    _, thread, _ = discussion
    moderator = make_user(roles=("moderator",))
    comment_hide(comment=thread.comments.get(), user=moderator, reason="off topic")
    assert search("quokka", user=ANON).total == 0
    assert search("quokka", user=moderator).total == 0


def test_hidden_even_if_the_index_is_stale(discussion):
    _, thread, _ = discussion
    from django.utils import timezone

    from review.models import Comment

    Comment.objects.filter(thread=thread).update(hidden_at=timezone.now())  # no signal
    assert Document.objects.filter(kind="comment").exists()
    assert search("quokka", user=ANON).total == 0


def test_private_review_only_for_moderators_and_its_opener(sample):
    opener = make_user(roles=("steward",))
    reviewer = make_user(roles=("reviewer",))
    review = make_review(sample, opened_by=opener, is_public=False)
    thread_start(review=review, clause=None, author=reviewer, body="Secret wombat remark.")
    assert search("wombat", user=ANON).total == 0
    assert search("wombat", user=reviewer).total == 0
    assert search("wombat", user=opener).total == 1
    assert search("wombat", user=make_user(roles=("moderator",))).total == 1
    Review.objects.filter(pk=review.pk).update(is_public=True)
    assert search("wombat", user=ANON).total == 1


def test_review_status_filter_and_decision_record(discussion):
    review, _, _ = discussion
    moderator = make_user(roles=("moderator",))
    review_decide(
        review=review, user=moderator, status="rejected", rationale="The platypus restriction fails OSD 6."
    )
    hit = first("platypus")
    assert hit.kind == "review"
    assert search("platypus", user=ANON, review_status="rejected").total == 1
    assert search("platypus", user=ANON, review_status="open").total == 0
    assert search("quokka", user=ANON, review_status="rejected").total == 1


def test_user_text_is_escaped(sample):
    reviewer = make_user(roles=("reviewer",))
    review = make_review(sample)
    thread_start(review=review, clause=None, author=reviewer, body="<img src=x onerror=alert(1)> echidna")
    hit = first("echidna")
    assert "<img" not in hit.snippet
    assert "<mark>echidna</mark>" in hit.snippet
    assert "&gt;" in hit.snippet


def test_resegmented_clauses_replace_their_documents(sample, index_on_commit):
    from licenses.ingest import save_clauses
    from licenses.text import segmentation
    from search import indexing

    old = set(Document.objects.filter(kind="clause").values_list("key", flat=True))
    sample.clauses.all().delete()
    assert not Document.objects.filter(kind="clause").exists()  # cascade
    save_clauses(sample, segmentation.segment(sample.text))
    indexing.index_version(sample.pk)
    new = set(Document.objects.filter(kind="clause").values_list("key", flat=True))
    assert new and not (new & old)
    assert first('"as a dataset"').kind == "clause"


def test_paging(index_on_commit):
    for i in range(25):
        index_on_commit(make_version, make_license(name=f"Numbat {i}"))
    page1 = search('"as a dataset"', user=ANON)
    assert page1.total == 25 and page1.pages == 2 and len(page1.results) == 20
    page2 = search('"as a dataset"', user=ANON, page=2)
    assert len(page2.results) == 5
    assert search('"as a dataset"', user=ANON, page=999).page == 50


def test_query_count(sample, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        search("notice", user=ANON)


def test_rare_filter_falls_back_to_ranking_every_match(sample, monkeypatch):
    from review.services import thread_start
    from search import backends

    reviewer = make_user(roles=("reviewer",))
    private = make_review(sample, is_public=False)
    for _ in range(3):
        thread_start(review=private, clause=None, author=reviewer, body="koala koala koala")
    thread_start(review=make_review(sample), clause=None, author=reviewer, body="a koala")
    monkeypatch.setattr(backends, "CANDIDATES", 1)
    results = search("koala", user=ANON)
    assert results.total == 1 and len(results.results) == 1


def test_counts_stop_at_the_scan_cap_and_say_at_least(index_on_commit, monkeypatch):
    from search import backends

    for i in range(4):
        index_on_commit(make_version, make_license(name=f"Capped {i}"))
    monkeypatch.setattr(backends, "COUNT_SCAN", 3)
    results = search('"as a dataset"', user=ANON)
    assert results.capped
    assert results.counts["clauses"] == 3
    assert results.shown_count("clauses") == "3+"
    assert results.shown_count("licenses") == "0+"
    assert results.pages == 2  # one page more than the lower bound fills
    assert len(results.results) == 4  # the page itself is not cut by the count
    monkeypatch.setattr(backends, "COUNT_SCAN", 5)
    exact = search('"as a dataset"', user=ANON)
    assert not exact.capped and exact.shown_count("clauses") == "4" and exact.pages == 1


def test_a_group_beyond_the_counted_matches_is_still_searched(index_on_commit, monkeypatch):
    from search import backends

    for i in range(3):
        index_on_commit(make_version, make_license(name=f"Counted {i}"))
    late = make_license(name="Late Dataset License")  # its document comes after the clauses
    monkeypatch.setattr(backends, "COUNT_SCAN", 2)
    results = search("dataset", user=ANON, group="licenses")
    assert results.capped
    if connection.vendor == "sqlite":
        # FTS5 gives its matches in rowid order, so the count stopped before the late license.
        # PostgreSQL gives them in heap order, which autovacuum may reorder between tests.
        assert results.counts["licenses"] == 0
    assert [r.license for r in results.results] == [late]
    assert results.suggestion is None


def test_ranking_stops_at_the_rank_cap(index_on_commit, monkeypatch):
    from search import backends

    for i in range(5):
        index_on_commit(make_version, make_license(name=f"Ranked {i}"))
    assert len(search('"as a dataset"', user=ANON).results) == 5
    monkeypatch.setattr(backends, "RANK_CAP", 2)
    capped = search('"as a dataset"', user=ANON)
    # Only the first two matches in index order are ranked: on SQLite (rowid order) the clauses of
    # the two oldest versions; PostgreSQL's heap order may differ after autovacuum.
    assert len(capped.results) == 2
    if connection.vendor == "sqlite":
        assert {r.license.name for r in capped.results} == {"Ranked 0", "Ranked 1"}
    assert capped.total == 5  # counting is not ranking: it stops at COUNT_SCAN


def test_snippets_are_cut_only_for_the_shown_page(index_on_commit):
    from search import backends
    from search.query import parse, to_fts5, to_tsquery

    for i in range(3):
        index_on_commit(make_version, make_license(name=f"Snipped {i}"))
    engine = backends.engine()
    query = parse("datas*")
    match = to_tsquery(query) if engine.vendor == "postgresql" else to_fts5(query)
    ids = list(Document.objects.filter(kind="clause", body__contains="dataset").values_list("id", flat=True))
    assert len(ids) == 3
    cuts = engine.snippets(match, [ids[0], ids[2]])
    assert set(cuts) == {ids[0], ids[2]}
    assert all("\x02dataset" in cut for cut in cuts.values())
    assert engine.snippets(match, []) == {}


def test_matches_hidden_from_the_visitor_within_the_rank_cap_fall_back_to_the_visible_ones(
    sample, monkeypatch
):
    from search import backends

    reviewer = make_user(roles=("reviewer",))
    private = make_review(sample, is_public=False)
    for _ in range(3):
        thread_start(review=private, clause=None, author=reviewer, body="secret bilby bilby")
    thread_start(review=make_review(sample), clause=None, author=reviewer, body="public bilby")
    monkeypatch.setattr(backends, "RANK_CAP", 3)  # the three private comments fill the ranked set
    results = search("bilby", user=ANON)
    assert results.total == 1
    assert len(results.results) == 1 and "public <mark>bilby</mark>" in results.results[0].snippet
