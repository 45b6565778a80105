"""A review with more comments than a page should carry (issue 18): threads arrive folded to
their first lines and open on demand, no form is pre-filled with clause text, and the page's
size and queries stay bounded as comments grow."""

import pytest
from django.test import Client
from django.urls import reverse

from review.models import Comment, Thread
from review.services import comment_hide
from review.stamps import touch
from tests.factories import make_review, make_user
from tests.review.test_security import parse

pytestmark = pytest.mark.django_db


def _bulk(review, author, *, threads: int, per_thread: int) -> list[Thread]:
    clauses = list(review.version.clauses.order_by("ordinal"))
    made = Thread.objects.bulk_create(
        Thread(review=review, clause=clauses[i % len(clauses)], started_by=author) for i in range(threads)
    )
    Comment.objects.bulk_create(
        Comment(
            thread=t,
            author=author,
            body=f"Comment {k} on thread {t.pk}: this restricts a field of endeavour.",
            body_html=f"<p>Comment {k} on thread {t.pk}: this restricts a field of endeavour.</p>",
            stance="concern",
        )
        for t in made
        for k in range(per_thread)
    )
    touch(review_ids=[review.pk])  # bulk_create sends no signal: as the services' bulk paths do
    return made


@pytest.fixture
def big(settings):
    settings.REVIEW_INLINE_COMMENTS = 40
    review = make_review()
    rita = make_user("rita", roles=("reviewer",))
    threads = _bulk(review, rita, threads=12, per_thread=5)
    return review, rita, threads


def test_a_big_review_lists_each_clauses_threads_on_demand(big):
    review, rita, threads = big
    client = Client()
    client.force_login(rita)
    page = parse(client.get(review.get_absolute_url()).content)
    clauses = {t.clause for t in threads}
    for clause in clauses:
        block = page.find(id=f"block-{clause.pk}")
        mine = [t for t in threads if t.clause == clause]
        # the counts stay in the page; the threads come when the clause's list is opened
        assert (
            f"{len(mine)} thread{'s' if len(mine) > 1 else ''} · "
            in block.find(id=f"clause-meta-{clause.pk}").text
        )
        assert block.find("details", class_="thread-list").find("summary").text == (
            f"Threads on {clause.path} ({len(mine)})"
        )
        link = block.find("a", class_="thread-list-lazy")
        assert link.attrs["href"] == f"{review.get_absolute_url()}?clause={clause.pk}#block-{clause.pk}"
        assert not block.find("article", class_="thread")
    for t in threads:
        assert page.find(id=t.dom_id) is None
        assert page.find(id=f"toc-heat-{t.clause.pk}")  # the sidebar marks stay


def test_a_clauses_list_brings_its_threads_folded_to_their_first_line(big):
    review, rita, threads = big
    client = Client()
    client.force_login(rita)
    clause = threads[0].clause
    mine = [t for t in threads if t.clause == clause]
    url = f"{review.get_absolute_url()}?clause={clause.pk}"
    fragment = parse(client.get(url, HTTP_HX_REQUEST="true").content)
    assert [a.attrs["id"] for a in fragment.find_all("article", class_="thread")] == [t.dom_id for t in mine]
    for t in mine:
        article = fragment.find(id=t.dom_id)
        assert "open" not in article.find("details", class_="thread-fold").attrs
        assert f"Comment 0 on thread {t.pk}" in article.find(class_="thread-first-line").text
        assert f"Comment 4 on thread {t.pk}" not in article.text
        assert "5 comments" in article.find("summary").text
        lazy = article.find(class_="thread-lazy")
        # review.js fetches the thread from the page's threads address + id (no hx-* on each) ...
        assert lazy.tag == "a"
        # ... which the link names: without JavaScript it opens the review with this thread in full.
        assert lazy.attrs["href"] == f"{review.get_absolute_url()}?thread={t.pk}#{t.dom_id}"
        assert not article.find("form")
    # without JavaScript: the whole page, with this clause's threads listed and no other's
    page = parse(client.get(url).content)
    expected = reverse("review:thread-detail", args=[review.pk, 0]).removesuffix("0/")
    assert page.find(id="review-clauses").attrs["data-threads"] == expected
    assert all(page.find(id=t.dom_id) for t in mine)
    assert not any(page.find(id=t.dom_id) for t in threads if t.clause != clause)
    assert page.find(id=f"block-{threads[1].clause.pk}").find("details", class_="thread-list")
    # a clause of another review is not found
    assert client.get(f"{review.get_absolute_url()}?clause=999999", HTTP_HX_REQUEST="true").status_code == 404


def test_opening_a_folded_thread_brings_all_of_it(big):
    review, rita, threads = big
    client = Client()
    client.force_login(rita)
    url = reverse("review:thread-detail", args=[review.pk, threads[3].pk])
    fragment = parse(client.get(url, HTTP_HX_REQUEST="true").content)
    article = fragment.find(id=threads[3].dom_id)
    assert "open" in article.find("details", class_="thread-fold").attrs
    assert [
        li.find(class_="comment-body").text.strip() for li in article.find_all("li", class_="comment")
    ] == [f"Comment {k} on thread {threads[3].pk}: this restricts a field of endeavour." for k in range(5)]
    assert article.find("form", action=reverse("review:thread-reply", args=[review.pk, threads[3].pk]))
    # without JavaScript: the page with that one thread in full
    page = parse(client.get(review.get_absolute_url(), {"thread": threads[3].pk}).content)
    assert len(page.find(id=threads[3].dom_id).find_all("li", class_="comment")) == 5
    # its clause's other threads stay folded; other clauses keep their list closed
    for t in threads:
        other = page.find(id=t.dom_id)
        if t.clause == threads[3].clause and t != threads[3]:
            assert not other.find("li", class_="comment")
        elif t.clause != threads[3].clause:
            assert other is None


def test_a_small_review_shows_its_threads_in_full(settings):
    settings.REVIEW_INLINE_COMMENTS = 40
    review = make_review()
    rita = make_user("rita", roles=("reviewer",))
    threads = _bulk(review, rita, threads=3, per_thread=5)
    page = parse(Client().get(review.get_absolute_url()).content)
    assert len(page.find(id=threads[0].dom_id).find_all("li", class_="comment")) == 5
    assert not page.find(class_="thread-lazy")


def test_no_textarea_is_prefilled_with_clause_text(big):
    review, rita, threads = big
    client = Client()
    client.force_login(rita)
    for url in (review.get_absolute_url(), reverse("review:thread-detail", args=[review.pk, threads[0].pk])):
        page = parse(client.get(url, HTTP_HX_REQUEST="true" if "threads" in url else None).content)
        wording = page.find_all("textarea", name="suggested_wording")
        assert wording
        for area in wording:
            assert area.text == ""
            assert area.attrs["data-from-clause"]  # the script offers the clause text to start from


def test_size_and_queries_do_not_grow_with_comments(settings, django_assert_max_num_queries):
    settings.REVIEW_INLINE_COMMENTS = 40
    review = make_review()
    moderator = make_user("mona", roles=("moderator",))
    client = Client()
    client.force_login(moderator)
    _bulk(review, moderator, threads=10, per_thread=5)
    small = client.get(review.get_absolute_url()).content
    _bulk(review, moderator, threads=0, per_thread=0)
    Comment.objects.bulk_create(
        Comment(thread=t, author=moderator, body="More " * 40, body_html="<p>More</p>", stance="note")
        for t in Thread.objects.filter(review=review)
        for _ in range(30)
    )
    touch(review_ids=[review.pk])
    with django_assert_max_num_queries(14):
        large = client.get(review.get_absolute_url()).content
    # 300 more comments, each folded away: the page grows by the counts' digits, not the comments
    assert len(large) < len(small) + 2_000


def test_signed_in_readers_of_a_big_review_share_the_folded_list_by_their_rights(big):
    review, rita, threads = big
    tess = make_user("tess", roles=("reviewer",))
    nobody = make_user("nobody")
    pages = {}
    for user in (rita, tess, nobody):
        client = Client()
        client.force_login(user)
        pages[user.username] = parse(client.get(review.get_absolute_url()).content)
    clause = threads[0].clause
    for name in ("rita", "tess"):
        box = pages[name].find(id=f"new-thread-{clause.pk}")
        link = box.find("a", class_="new-thread-page")
        assert (
            link.attrs["href"] == reverse("review:thread-create", args=[review.pk]) + f"?clause={clause.pk}"
        )
        assert not box.find("form")  # the form is in the page once, in its <template>
        assert len(pages[name].find_all("template", id="new-thread-form")) == 1
    assert pages["nobody"].find(id=f"new-thread-{clause.pk}") is None
    assert pages["nobody"].find(id="new-thread-form") is None
    # the no-JS link leads to the form, for that clause
    client = Client()
    client.force_login(tess)
    page = parse(client.get(link.attrs["href"]).content)
    assert page.find("h1").text == f"Start a thread on clause {clause.path}"
    form = page.find("form", class_="thread-form")
    assert form.find("input", name="clause").attrs["value"] == str(clause.pk)


def test_a_clauses_list_is_its_readers_own(big):
    """?clause= is drawn for each reader and never kept as the shared clause list: a hidden first
    comment stays out of what a visitor gets, and a visitor's page after it still lists nothing."""
    review, rita, threads = big
    mona = make_user("mona", roles=("moderator",))
    first = threads[0].comments.order_by("pk").first()
    comment_hide(comment=first, user=mona, reason="Off topic")
    clause = threads[0].clause
    url = f"{review.get_absolute_url()}?clause={clause.pk}"
    moderator = Client()
    moderator.force_login(mona)
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        response = moderator.get(url, **headers)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    visitor = Client()
    fragment = visitor.get(url, HTTP_HX_REQUEST="true")
    assert "ETag" not in fragment
    assert f"Comment 0 on thread {threads[0].pk}:" not in fragment.content.decode()
    assert f'id="{threads[0].dom_id}"' in fragment.content.decode()  # the thread, without its first line
    other = visitor.get(f"{review.get_absolute_url()}?clause={threads[1].clause.pk}", HTTP_HX_REQUEST="true")
    assert f"Comment 0 on thread {threads[1].pk}:" in other.content.decode()
    page = parse(visitor.get(review.get_absolute_url()).content)
    assert page.find(id=threads[0].dom_id) is None
    assert page.find(id=f"block-{clause.pk}").find("details", class_="thread-list")
