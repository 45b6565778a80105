import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from review import services
from review.models import Comment, Review, Stance, Thread
from tests.factories import make_license, make_review, make_user, make_version, numbered_text, osd_criterion
from tests.review.test_security import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_hashing", "fresh_cache")]
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def review():
    return make_review()


@pytest.fixture
def reviewer():
    return make_user("rita", roles=("reviewer",))


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def clause_b(review):
    return review.version.clauses.get(anchor="2.2.b")


def start(review, author, body="First.", **kw):
    return services.thread_start(review=review, clause=clause_b(review), author=author, body=body, **kw)


# --- the page -----------------------------------------------------------------------------------


def test_anonymous_reads_the_review_page_with_quote_marks_and_counts(client, review, reviewer):
    c = clause_b(review)
    start(
        review,
        reviewer,
        body="Too broad.",
        stance=Stance.OBJECTION,
        criterion=osd_criterion(6),
        quote=services.Quote(exact="as a dataset"),
    )
    response = client.get(review.get_absolute_url())
    assert response.status_code == 200
    doc = parse(response.content)
    block = doc.find(id=c.dom_id)
    marks = block.find_all("mark")
    assert [m.text for m in marks] == ["as a dataset"]
    assert block.find(class_="clause-text").text == c.text
    heat = block.find(class_="heat")
    assert heat.text.strip().startswith("◔")  # shape, with a screen-reader label
    assert "Some discussion" in heat.text
    assert "1 thread" in block.find(class_="clause-meta").text
    thread = doc.find(class_="thread")
    assert "OSD 6" in thread.text and "Objection" in thread.text
    assert doc.find(class_="new-thread") is None  # anonymous: no forms
    assert doc.find(class_="reply") is None


def test_filter_open_and_resolved(client, review, reviewer):
    t1 = start(review, reviewer)
    services.thread_start(
        review=review, clause=review.version.clauses.get(anchor="3"), author=reviewer, body="Done."
    )
    t2 = Thread.objects.exclude(pk=t1.pk).get()
    services.thread_resolve(thread=t2, user=reviewer)
    url = review.get_absolute_url()
    ids = lambda r: [s.attrs["id"] for s in parse(r.content).find_all("section", class_="clause")]  # noqa: E731
    assert ids(client.get(url + "?show=open")) == ["c-2.2.b"]
    assert ids(client.get(url + "?show=resolved")) == ["c-3"]
    assert len(ids(client.get(url))) == review.version.clauses.count()


def test_resolved_threads_are_collapsed(client, review, reviewer):
    thread = start(review, reviewer)
    doc = parse(client.get(review.get_absolute_url()).content)
    assert "open" in doc.find(id=thread.dom_id).find("details").attrs
    services.thread_resolve(thread=thread, user=reviewer)
    doc = parse(client.get(review.get_absolute_url()).content)
    assert "open" not in doc.find(id=thread.dom_id).find("details").attrs
    assert "Resolved by rita" in doc.find(id=thread.dom_id).text


def _commented_review(n_clauses: int) -> Review:
    from review.matrix.services import position_set

    review = make_review(make_version(text=numbered_text(n_clauses)))
    authors = [make_user(roles=("reviewer",)) for _ in range(3)]
    for i, clause in enumerate(review.version.clauses.filter(label__gt="")):
        thread = services.thread_start(
            review=review,
            clause=clause,
            author=authors[i % 3],
            body="Point.",
            criterion=osd_criterion(1 + i % 10),
            quote=services.Quote(exact="says"),
            suggested_wording="It says nothing at all.",
        )
        # a position on every clause: the per-clause summary must not cost a query per clause
        position_set(
            review=review,
            clause=clause,
            criterion=osd_criterion(1 + i % 10),
            reviewer=authors[i % 3],
            verdict="concern",
            rationale="",
            expected_version=0,
        )
        reply = services.comment_add(thread=thread, author=authors[(i + 1) % 3], body="Reply.")
        services.comment_edit(comment=reply, editor=authors[(i + 1) % 3], body="Edited.", stance="concern")
        if i % 2:
            services.thread_resolve(thread=thread, user=authors[i % 3])
    return review


@pytest.mark.parametrize("role", ["anonymous", "reviewer", "moderator"])
def test_query_count_does_not_grow_with_commented_clauses(django_assert_num_queries, role):
    small, big = _commented_review(5), _commented_review(100)
    assert big.threads.count() == 100
    client = Client()
    if role != "anonymous":
        client.force_login(make_user(roles=(role,)))
    counts = []
    for review in (small, big):
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from config import recent

        cache.clear()  # the render, not a shared copy of it (review.page_cache)
        recent.pages.clear()  # nor this process's copy of a visitor's kept page
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(review.get_absolute_url())
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts
    cache.clear()
    recent.pages.clear()
    with django_assert_num_queries(counts[1]):
        client.get(big.get_absolute_url())


def test_review_list_and_home(client, review, reviewer):
    start(review, reviewer)
    make_review(status=Review.Status.REJECTED)
    make_review(is_public=False)
    response = client.get(reverse("review:review-list"))
    rows = parse(response.content).find("tbody").find_all("tr")
    assert len(rows) == 2
    response = client.get(reverse("review:review-list") + "?status=open")
    rows = parse(response.content).find("tbody").find_all("tr")
    assert len(rows) == 1
    cell = lambda row, label: row.find("td", **{"data-label": label}).text.strip()  # noqa: E731
    assert cell(rows[0], "Open threads") == "1 of 1"
    assert cell(rows[0], "License") == review.version.license.name
    assert cell(rows[0], "Version") == review.version.label
    assert cell(rows[0], "Status") == "Open"
    assert cell(rows[0], "Last activity")  # the thread's date
    tabs = [a.text.split()[0:2] for a in parse(response.content).find("nav", class_="tabs").find_all("a")]
    assert ["All", "(2)"] in tabs and ["Open", "(1)"] in tabs and ["Rejected", "(1)"] in tabs
    home = parse(client.get("/").content)
    assert "1 open thread" in home.find(id="open-reviews").parent.text


def test_private_review_is_404_for_others(client):
    review = make_review(is_public=False)
    assert client.get(review.get_absolute_url()).status_code == 404
    assert login(make_user(roles=("moderator",))).get(review.get_absolute_url()).status_code == 200


# --- threads and comments -----------------------------------------------------------------------


def test_start_thread_full_page_with_quote(review, reviewer):
    c = clause_b(review)
    exact = "include a notice"
    start_at = c.text.index(exact)
    response = login(reviewer).post(
        reverse("review:thread-create", args=[review.pk]),
        {
            "clause": c.pk,
            "body": "Why a *notice*?",
            "stance": "question",
            "criterion": osd_criterion(6).pk,
            "quote_exact": exact,
            "quote_prefix": c.text[max(0, start_at - 32) : start_at],
            "quote_suffix": "",
            "quote_start": start_at,
            "quote_end": start_at + len(exact),
        },
    )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/reviews/{review.pk}/#t-{thread.pk}"
    assert (thread.quote_exact, thread.quote_start, thread.criterion.number) == (exact, start_at, 6)


def test_start_thread_with_htmx_returns_the_clause_block(review, reviewer):
    c = clause_b(review)
    response = login(reviewer).post(
        reverse("review:thread-create", args=[review.pk]),
        {"clause": c.pk, "body": "On the words.", "stance": "objection", "quote_exact": "as a dataset"},
        **HX,
    )
    assert response.status_code == 200
    doc = parse(response.content)
    assert doc.root_children()[0].attrs["id"] == f"block-{c.pk}"
    assert [m.text for m in doc.find_all("mark")] == ["as a dataset"]
    assert "On the words." in doc.find(class_="comment-body").text
    assert b"<html" not in response.content


def test_bad_quote_is_refused_in_place(review, reviewer):
    c = clause_b(review)
    response = login(reviewer).post(
        reverse("review:thread-create", args=[review.pk]),
        {"clause": c.pk, "body": "x", "stance": "note", "quote_exact": "not in the clause"},
        **HX,
    )
    assert response.status_code == 422
    assert response["HX-Retarget"] == f"#new-thread-{c.pk}"
    assert "not in this clause" in parse(response.content).find(class_="form-error").text
    assert not Thread.objects.exists()


def test_no_js_new_thread_page(review, reviewer):
    c = clause_b(review)
    response = login(reviewer).get(reverse("review:thread-create", args=[review.pk]) + f"?clause={c.pk}")
    assert response.status_code == 200
    doc = parse(response.content)
    assert doc.find("input", name="clause").attrs["value"] == str(c.pk)
    assert doc.find("h1").text == "Start a thread on clause 2.2(b)"


def test_reply_in_place_and_overlong_reply(review, reviewer):
    thread = start(review, reviewer)
    other = login(make_user("quinn", roles=("reviewer",)))
    url = reverse("review:thread-reply", args=[review.pk, thread.pk])
    response = other.post(url, {"body": "What about *forks*?", "stance": "question"}, **HX)
    assert response.status_code == 200
    doc = parse(response.content)
    assert doc.root_children()[0].attrs["id"] == thread.dom_id
    assert [li.attrs["data-stance"] for li in doc.find_all("li", class_="comment")] == ["note", "question"]
    response = other.post(url, {"body": "a" * 20_001, "stance": "note"}, **HX)
    assert response.status_code == 422
    assert "limited to 20000 characters" in parse(response.content).find(class_="form-error").text
    assert thread.comments.count() == 2


def test_edit_with_htmx_shows_history(review, reviewer):
    comment = start(review, reviewer, body="Old wording.").comments.get()
    client = login(reviewer)
    url = reverse("review:comment-edit", args=[comment.pk])
    form = parse(client.get(url, **HX).content)
    assert form.find("textarea", name="body").text.lstrip("\n") == "Old wording."  # HTML drops that newline
    response = client.post(url, {"body": "New wording.", "stance": "concern"}, **HX)
    assert response.status_code == 200
    doc = parse(response.content)
    li = doc.find(id=comment.dom_id)
    assert li.find(class_="comment-body").text.strip() == "New wording."
    history = li.find("details", class_="history")
    assert "edited" in history.find("summary").text
    assert history.find("pre").text == "Old wording."
    page = parse(client.get(reverse("review:comment-history", args=[comment.pk])).content)
    assert [p.text for p in page.find_all("pre")] == ["Old wording."]


def test_suggested_wording_renders_as_a_redline(client, review, reviewer):
    c = clause_b(review)
    start(review, reviewer, suggested_wording=c.text.replace("must include", "should include"))
    doc = parse(client.get(review.get_absolute_url()).content)
    redline = doc.find(class_="redline-text")
    assert [d.text for d in redline.find_all("del")] == ["must "]
    assert [i.text for i in redline.find_all("ins")] == ["should "]


def test_delete_leaves_a_placeholder_and_moderator_restores(review, reviewer):
    thread = start(review, reviewer, body="To be removed.")
    comment = thread.comments.get()
    services.comment_add(thread=thread, author=make_user(roles=("reviewer",)), body="A reply stays.")
    response = login(reviewer).post(reverse("review:comment-delete", args=[comment.pk]), **HX)
    li = parse(response.content).find(id=comment.dom_id)
    assert li.find(class_="placeholder").text == "[deleted]"
    assert "To be removed." not in response.content.decode()
    moderator = login(make_user(roles=("moderator",)))
    response = moderator.post(reverse("review:comment-restore", args=[comment.pk]), **HX)
    assert "To be removed." in parse(response.content).find(id=comment.dom_id).text


def test_moderator_hides_with_a_reason(review, reviewer):
    comment = start(review, reviewer, body="Rude words.").comments.get()
    moderator = login(make_user(roles=("moderator",)))
    url = reverse("review:comment-hide", args=[comment.pk])
    assert moderator.post(url, {"reason": ""}, **HX).status_code == 422
    response = moderator.post(url, {"reason": "Personal attack"}, **HX)
    li = parse(response.content).find(id=comment.dom_id)
    assert li.find(class_="placeholder").text == "Hidden by a moderator: Personal attack"
    assert "Rude words." not in response.content.decode()
    # Full-page form without JavaScript: redirect back to the thread.
    comment2 = start(review, reviewer, body="More.").comments.get()
    response = moderator.post(reverse("review:comment-hide", args=[comment2.pk]), {"reason": "Spam"})
    assert response.status_code == 302


def test_resolve_and_reopen_in_place_and_without_js(review, reviewer):
    thread = start(review, reviewer)
    moderator = login(make_user(roles=("moderator",)))
    response = moderator.post(reverse("review:thread-resolve", args=[review.pk, thread.pk]), **HX)
    doc = parse(response.content)
    assert doc.find(class_="thread-status").text == "Resolved"
    response = moderator.post(reverse("review:thread-reopen", args=[review.pk, thread.pk]))
    assert response.status_code == 302 and response["Location"].endswith(f"#{thread.dom_id}")
    thread.refresh_from_db()
    assert thread.status == Thread.Status.OPEN


def test_position_buttons_only_when_the_endpoint_exists(client, review, reviewer):
    thread = start(review, reviewer, criterion=osd_criterion(6))
    doc = parse(login(reviewer).get(review.get_absolute_url()).content)
    buttons = doc.find(id=thread.dom_id).find_all("button", name="verdict")
    try:
        reverse("review:position-from-thread", args=[thread.pk])
    except NoReverseMatch:
        assert buttons == []
    else:
        assert "Conflicts with OSD 6" in [b.text for b in buttons]
    anonymous = parse(client.get(review.get_absolute_url()).content)
    assert anonymous.find(id=thread.dom_id).find_all("button", name="verdict") == []


# --- reviews: open and decide -------------------------------------------------------------------


def test_steward_opens_a_review_from_a_version():
    license = make_license()
    version = make_version(license)
    steward = make_user(roles=("steward",))
    url = reverse("review:review-create") + f"?version={version.pk}"
    assert login(steward).get(url).status_code == 404
    assert login(make_user(roles=("reviewer",))).get(url).status_code == 404
    license.stewards.add(steward)
    client = login(steward)
    page = client.get(url)
    assert page.status_code == 200
    # the way back leads to the version it came from ("Reviews › New review" did not)
    crumbs = parse(page.content).find("nav", class_="breadcrumbs")
    assert [a.attrs["href"] for a in crumbs.find_all("a")][-1] == version.get_absolute_url()
    assert (
        f'<a class="button secondary" href="{version.get_absolute_url()}">Cancel</a>' in page.content.decode()
    )
    osd_pk = Review._meta.get_field("criterion_set").related_model.objects.get(slug="osd-1.9").pk
    response = client.post(
        url, {"criterion_set": osd_pk, "rationale": "We need it.", "is_public": "on", "status": "approved"}
    )
    review = Review.objects.get()
    assert response["Location"] == review.get_absolute_url()
    assert (review.opened_by, review.status, review.rationale) == (steward, "open", "We need it.")


def test_moderator_records_a_decision(client, review, reviewer):
    thread = start(review, reviewer)
    url = reverse("review:review-decide", args=[review.pk])
    assert login(reviewer).get(url).status_code == 404
    moderator = make_user("mod", roles=("moderator",))
    response = login(moderator).post(
        url, {"status": "rejected", "rationale": "Fails OSD 6.", "threads": [thread.pk]}
    )
    assert response.status_code == 302
    doc = parse(client.get(review.get_absolute_url()).content)
    decision = doc.find(class_="decision")
    assert "Decision: Rejected" in decision.text and "Fails OSD 6." in decision.text
    assert decision.find("a").attrs["href"] == f"#{thread.dom_id}"


def test_comment_count_on_list_ignores_deleted(client, review, reviewer):
    thread = start(review, reviewer)
    services.comment_delete(comment=thread.comments.get(), user=reviewer)
    assert Comment.objects.count() == 1
    rows = parse(client.get(reverse("review:review-list")).content).find("tbody").find_all("tr")
    assert rows[0].find("td", **{"data-label": "Comments"}).text == "0"


# --- integration: carry-over, mail, positions -----------------------------------------------------

ROUND_1 = """Sample License

1. Grant.

You may use, copy and share the Software for any purpose.

2. Attribution.

You must keep this notice and the copyright line in every copy you make of the Software.

3. Advertising.

All advertising materials mentioning features of this software must display an acknowledgement.
"""

ROUND_2 = """Sample License

1. Grant.

You may use, copy and share the Software for any purpose.

2. Attribution.

You must keep this notice and the copyright line in each copy you make of the Software.
"""


def _two_rounds():
    from review.rounds.services import open_next_round

    license = make_license()
    first = make_review(make_version(license, text=ROUND_1, label="1.0"))
    second_version = make_version(license, text=ROUND_2, label="2.0")
    author = make_user(roles=("reviewer",))
    moderator = make_user(roles=("moderator",))
    on = {c.anchor: c for c in first.version.clauses.all()}
    changed = services.thread_start(
        review=first,
        clause=on["2"],
        author=author,
        body="Every copy?",
        quote=services.Quote(exact="every copy"),
    )
    removed = services.thread_start(
        review=first, clause=on["3"], author=author, body="Advertising clause.", criterion=osd_criterion(6)
    )
    second = open_next_round(review=first, new_version=second_version, by=moderator)
    return first, second, changed, removed


def test_next_round_page_shows_badges_redline_orphans_and_rounds(client):
    first, second, changed, removed = _two_rounds()
    doc = parse(client.get(second.get_absolute_url()).content)
    carried = second.threads.get(carried_from=changed)
    orphan = second.threads.get(carried_from=removed)
    article = doc.find(id=carried.dom_id)
    badges = [t.text for t in article.find_all("span", class_="tag") if "carry-" in t.attrs["class"]]
    assert badges == ["Carried over", "Outdated", "Quote no longer in this version"]
    redline = article.find(class_="carryover-redline").find(class_="redline-text")
    assert [d.text.strip() for d in redline.find_all("del")] == ["every"]
    assert [i.text.strip() for i in redline.find_all("ins")] == ["each"]
    assert article.find(class_="notice") is None  # the old ad-hoc notice is gone
    orphans = doc.find("section", class_="orphans")
    assert orphans.find("a").attrs["href"] == f"#{orphan.dom_id}"
    assert doc.find(class_="orphan-threads").find(id=orphan.dom_id) is not None
    assert "Orphaned: the clause was removed" in doc.find(id=orphan.dom_id).text
    assert doc.find(class_="general-threads") is None  # an orphan is not general discussion
    rounds = doc.find(class_="review-rounds")
    assert "Round 2" in rounds.text
    assert rounds.find("a", rel="prev").attrs["href"] == first.get_absolute_url()
    back = parse(client.get(first.get_absolute_url()).content).find(class_="review-rounds")
    assert "Round 1" in back.text and back.find("a", rel="next").attrs["href"] == second.get_absolute_url()


def test_next_round_page_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    _, second, _, _ = _two_rounds()
    client = Client()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(second.get_absolute_url()).status_code == 200
    # the plain page's queries, plus the redlines and the orphans' old clauses: one each
    plain = make_review()
    with CaptureQueriesContext(connection) as ctx_plain:
        client.get(plain.get_absolute_url())
    assert len(ctx.captured_queries) == len(ctx_plain.captured_queries) + 2


@pytest.mark.parametrize(
    ("who", "import_link", "next_round_link"),
    [
        ("anonymous", False, False),
        ("reviewer", False, False),  # only moderators import mail
        ("moderator", True, True),
        ("steward of another license", False, False),
        ("steward of this license", False, True),
    ],
)
def test_import_and_next_round_links_follow_rights(who, import_link, next_round_link):
    review = make_review()
    client = Client()
    if who != "anonymous":
        user = make_user(roles=(who.split()[0],))
        if who == "steward of this license":
            review.version.license.stewards.add(user)
        client.force_login(user)
    doc = parse(client.get(review.get_absolute_url()).content)
    hrefs = [a.attrs.get("href") for a in doc.find(class_="page-actions").find_all("a")]
    assert (reverse("review:mail-import", args=[review.pk]) in hrefs) is import_link
    assert (reverse("review:next-round", args=[review.pk]) in hrefs) is next_round_link
    for href in hrefs:  # every link shown answers
        if href.startswith("/reviews/"):
            assert client.get(href).status_code == 200, href


def test_imported_comment_shows_via_mail_with_date_and_message_id(client, review, reviewer):
    thread = start(review, reviewer)
    from datetime import UTC, datetime

    sent = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    comment = Comment.objects.create(
        thread=thread,
        author_name="Pat <script>",
        author_email="pat@example.org",
        body="From the list.",
        body_html="<p>From the list.</p>",
        created_at=sent,
        source=Comment.Source.MAIL,
        message_id='<abc"1@example.org>',
    )
    html = client.get(review.get_absolute_url()).content.decode()
    node = parse(html).find(id=comment.dom_id)
    marker = node.find("span", class_="via-mail")
    assert marker.text == "via mail"
    assert (
        "5 Mar 2024" in marker.attrs["title"] and 'Message-ID: <abc"1@example.org>' in marker.attrs["title"]
    )
    assert node.find("strong", class_="author").text == "Pat <script>"  # escaped, shown as text
    assert "<script>" not in html.split(comment.dom_id, 1)[1].split("</li>", 1)[0]
    assert node.find("time").attrs["datetime"].startswith("2024-03-05")


def test_positions_summary_per_clause_links_to_the_cell(client, review):
    from review.matrix.services import position_set

    c = clause_b(review)
    for verdict in ("conflicts", "complies"):
        position_set(
            review=review,
            clause=c,
            criterion=osd_criterion(6),
            reviewer=make_user(roles=("reviewer",)),
            verdict=verdict,
            rationale="",
            expected_version=0,
        )
    doc = parse(client.get(review.get_absolute_url()).content)
    summary = doc.find(id=c.dom_id).find(class_="clause-positions")
    link = summary.find("a")
    assert link.attrs["href"] == reverse("review:cell", args=[review.pk, c.pk, osd_criterion(6).pk])
    assert link.find("span", **{"aria-hidden": "true"}).text == "1✕ 1✓ ≠"
    assert link.text.startswith("OSD 6: ")
    assert "reviewers disagree" in link.attrs["title"]
    assert "v-conflicts" in link.attrs["class"]
    other = review.version.clauses.get(anchor="3")
    assert doc.find(id=other.dom_id).find(class_="clause-positions") is None


def test_position_from_thread_confirms_inside_the_thread(review, reviewer):
    thread = start(review, reviewer, criterion=osd_criterion(6))
    client = login(reviewer)
    doc = parse(client.get(review.get_absolute_url()).content)
    article = doc.find(id=thread.dom_id)
    form = article.find("form", class_="position-buttons")
    # each of the three buttons names the criterion ("Complies" alone did not)
    assert [b.text for b in form.find_all("button")] == [
        "Conflicts with OSD 6",
        "Concern under OSD 6",
        "Complies with OSD 6",
    ]
    slot = f"{thread.dom_id}-position"
    assert form.attrs["hx-target"] == f"#{slot}" and form.attrs["hx-swap"] == "innerHTML"
    assert article.find(id=slot) is not None  # the slot is inside the thread
    url = form.attrs["action"]
    response = client.post(url, {"verdict": "conflicts"}, **HX)
    status = parse(response.content).find("p")
    assert status.attrs["role"] == "status" and "conflicts" in status.text
    # without JavaScript: back to the thread on the review page
    response = client.post(url, {"verdict": "complies"})
    assert response.status_code == 302 and response["Location"].endswith(f"#{thread.dom_id}")
    summary = parse(client.get(review.get_absolute_url()).content).find(class_="clause-positions")
    assert "OSD 6: " in summary.text and "1✓" in summary.text


def test_a_quote_can_be_typed_without_a_mouse_selection(client):
    from review.models import Review, Thread
    from tests.factories import SAMPLE_TEXT, make_user, make_version, osd

    review = Review.objects.create(version=make_version(text=SAMPLE_TEXT), criterion_set=osd())
    clause = review.version.clauses.get(path="2.2(b)")
    client.force_login(make_user(roles=("reviewer",)))
    url = f"/reviews/{review.pk}/threads/new/"
    page = client.get(url, {"clause": clause.pk}).content.decode()
    assert "Words to quote (optional)" in page
    response = client.post(
        url,
        {
            "clause": clause.pk,
            "quote_exact": "collection of Output",
            "body": "Why a dataset?",
            "stance": "question",
        },
    )
    assert response.status_code == 302
    thread = Thread.objects.get(review=review)
    assert thread.quote_exact == "collection of Output"
    assert clause.text[thread.quote_start : thread.quote_end] == "collection of Output"
    refused = client.post(
        url, {"clause": clause.pk, "quote_exact": "words not in the clause", "body": "x", "stance": "note"}
    )
    assert refused.status_code == 422
    assert Thread.objects.filter(review=review).count() == 1


def test_deciding_open_says_no_decision_was_recorded(review):
    # "Record decision" with the status left at Open said "Decision recorded: Open." though
    # nothing was recorded; after a decision, Open withdraws it.
    moderator = make_user("mod", roles=("moderator",))
    url = reverse("review:review-decide", args=[review.pk])
    client = login(moderator)
    response = client.post(url, {"status": "open", "rationale": ""}, follow=True)
    body = response.content.decode()
    assert "Decision recorded" not in body
    assert "No decision recorded: the review stays open." in body
    client.post(url, {"status": "deferred", "rationale": "Wait for 2.0."})
    body = client.post(url, {"status": "open", "rationale": ""}, follow=True).content.decode()
    assert "Decision withdrawn: the review is open again." in body
    review.refresh_from_db()
    assert (review.status, review.decided_at) == ("open", None)
