import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from review import services
from review.models import Comment, Review, Thread
from review.rounds import services as rounds
from review.rounds.alignment import align_clauses, reanchor_quote
from review.services import NotAllowed, Quote
from tests.factories import make_license, make_review, make_user, make_version

pytestmark = pytest.mark.django_db

V1 = """Sample License

1. Grant.

You may use, copy and share the Software for any purpose.

2. Attribution.

You must keep this notice and the copyright line in every copy you make of the Software.

3. Advertising.

All advertising materials mentioning features of this software must display an acknowledgement of the authors.

4. Warranty.

The Software is provided as is, without warranty of any kind, and the authors are not liable for damages.
"""

V2 = """Sample License

1. Grant.

You may use, copy and share
the Software for any purpose.

2. Attribution.

You must keep this notice and the copyright line in each copy you make of the Software.

3. Warranty.

The Software is provided as is. The authors give no promise whatsoever and are not liable for damages.
"""


# --- pure ---------------------------------------------------------------------------------------


def test_exact_quote_ignores_line_wrapping():
    found = reanchor_quote("You may use, copy and share\nthe Software.", "share the Software")
    assert found is not None and not found.fuzzy
    assert found.exact == "share\nthe Software"


def test_exact_quote_prefers_the_occurrence_with_the_old_context():
    text = "the Model and the Model card and the Model"
    found = reanchor_quote(text, "Model", prefix="and the ", suffix=" card")
    assert found.start == 18


def test_fuzzy_quote_lands_on_its_rewording():
    text = "You must keep this notice and the copyright line in each copy you make of the Software."
    found = reanchor_quote(text, "keep this notice and the copyright line in every copy")
    assert found is not None and found.fuzzy
    assert found.exact == "keep this notice and the copyright line in each copy"
    assert text[found.start : found.end] == found.exact


def test_fuzzy_quote_keeps_to_whole_words_and_leaves_punctuation_out():
    text = "You may share it for non-commercial purposes only; others need a licence."
    found = reanchor_quote(text, "for NonCommercial purposes only")
    assert found is not None and found.fuzzy
    assert found.exact == "for non-commercial purposes only"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The Licensee may sublicense.", "Licensor"),  # short quotes need an exact match
        ("The Software is provided as is, with no promise at all.", "without warranty of any kind"),
        ("Entirely different words about patents and trademarks here.", "keep this notice in every copy"),
        ("", "anything at all that is long enough"),
    ],
)
def test_quote_that_is_gone_is_not_guessed(text, quote):
    assert reanchor_quote(text, quote) is None


def test_align_clauses_maps_removed_and_changed():
    from licenses.text.segmentation import segment

    targets = align_clauses(segment(V1), segment(V2))
    assert targets["1"].anchor == "1" and not targets["1"].changed
    assert targets["2"].anchor == "2" and targets["2"].changed
    assert targets["3"].anchor is None
    assert targets["4"].anchor == "3" and targets["4"].changed


# --- service ------------------------------------------------------------------------------------


@pytest.fixture
def steward():
    return make_user("stella", roles=("steward",))


@pytest.fixture
def reviewer():
    return make_user("rita", roles=("reviewer",))


@pytest.fixture
def setup(steward, reviewer):
    license = make_license(slug="sample", name="Sample License")
    license.stewards.add(steward)
    v1 = make_version(license, text=V1, label="1")
    v2 = make_version(license, text=V2, label="2")
    review = make_review(v1, opened_by=steward)

    def start(anchor, quote=None, body="A comment.", **kw):
        clause = v1.clauses.get(anchor=anchor) if anchor else None
        return services.thread_start(
            review=review,
            clause=clause,
            author=reviewer,
            body=body,
            quote=Quote(exact=quote) if quote else None,
            **kw,
        )

    threads = {
        "same": start("1", "copy and share the Software"),
        "exact": start("2", "the copyright line"),
        "fuzzy": start("2", "keep this notice and the copyright line in every copy"),
        "missing": start("4", "without warranty of any kind"),
        "orphan": start("3", "must display an acknowledgement"),
        "resolved": start("1", body="Settled."),
    }
    services.comment_add(thread=threads["orphan"], author=steward, body="We dropped this clause.")
    services.thread_resolve(thread=threads["resolved"], user=reviewer)
    return review, v2, threads


def carried(new_review, old):
    return Thread.objects.get(review=new_review, carried_from=old)


def test_open_next_round_carries_open_threads(setup, steward):
    review, v2, t = setup
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    assert new.previous_round == review
    assert new.version == v2
    assert new.status == Review.Status.OPEN
    assert new.threads.count() == 5  # the resolved one stays behind

    same = carried(new, t["same"])
    assert same.clause.anchor == "1"
    assert not same.outdated and not same.quote_missing
    assert (
        same.clause.text[same.quote_start : same.quote_end]
        == same.quote_exact
        == "copy and share\nthe Software"
    )

    exact = carried(new, t["exact"])
    assert exact.clause.anchor == "2" and exact.outdated and not exact.quote_missing
    assert exact.quote_exact == "the copyright line"
    assert exact.clause.text[exact.quote_start : exact.quote_end] == "the copyright line"

    fuzzy = carried(new, t["fuzzy"])
    assert fuzzy.outdated and not fuzzy.quote_missing
    assert fuzzy.quote_exact == "keep this notice and the copyright line in each copy"

    missing = carried(new, t["missing"])
    assert missing.clause.anchor == "3"  # stays on the aligned clause
    assert missing.outdated and missing.quote_missing
    assert missing.quote_exact == "without warranty of any kind"

    orphan = carried(new, t["orphan"])
    assert orphan.orphaned and orphan.clause is None
    assert orphan.status == Thread.Status.OPEN
    assert list(orphan.comments.values_list("body", flat=True)) == ["A comment.", "We dropped this clause."]
    assert rounds.orphaned_threads(new) == [orphan]


def test_resolved_threads_stay_and_the_old_round_is_intact(setup, steward):
    review, v2, t = setup
    before = list(review.threads.values_list("pk", "clause_id", "quote_exact", "status", "outdated"))
    comments_before = Comment.objects.filter(thread__review=review).count()
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    assert not Thread.objects.filter(review=new, carried_from=t["resolved"]).exists()
    assert list(review.threads.values_list("pk", "clause_id", "quote_exact", "status", "outdated")) == before
    assert Comment.objects.filter(thread__review=review).count() == comments_before
    # comments were copied, keeping authors, bodies and times
    old_c = t["exact"].comments.get()
    new_c = carried(new, t["exact"]).comments.get()
    assert (new_c.author_id, new_c.body, new_c.body_html, new_c.created_at) == (
        old_c.author_id,
        old_c.body,
        old_c.body_html,
        old_c.created_at,
    )


def test_general_and_already_orphaned_threads_carry_as_they_are(setup, steward, reviewer):
    review, v2, t = setup
    general = Thread.objects.create(review=review, clause=None, is_general=True, started_by=reviewer)
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    g = carried(new, general)
    assert g.is_general and g.clause is None and not g.orphaned
    # and a third round keeps the orphan an orphan
    v3 = make_version(review.version.license, text=V2.replace("each copy", "all copies"), label="3")
    third = rounds.open_next_round(review=new, new_version=v3, by=steward)
    orphan = Thread.objects.get(review=third, carried_from__carried_from=t["orphan"])
    assert orphan.orphaned and orphan.clause is None


def test_outdated_threads_get_the_clause_redline(setup, steward):
    review, v2, t = setup
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    threads = list(new.threads.select_related("clause"))
    rounds.attach_redlines(threads)
    exact = next(x for x in threads if x.carried_from_id == t["exact"].pk)
    assert ("delete", "every ") in exact.carryover_redline or any(
        op == "delete" and "every" in text for op, text in exact.carryover_redline
    )
    assert any(op == "insert" and "each" in text for op, text in exact.carryover_redline)
    same = next(x for x in threads if x.carried_from_id == t["same"].pk)
    assert not hasattr(same, "carryover_redline")


def test_only_stewards_of_the_license_and_moderators_may_open_a_round(setup, reviewer):
    review, v2, _ = setup
    with pytest.raises(NotAllowed):
        rounds.open_next_round(review=review, new_version=v2, by=reviewer)
    other_steward = make_user("sam", roles=("steward",))
    with pytest.raises(NotAllowed):
        rounds.open_next_round(review=review, new_version=v2, by=other_steward)
    moderator = make_user("mo", roles=("moderator",))
    assert rounds.open_next_round(review=review, new_version=v2, by=moderator).previous_round == review


def test_refuses_other_license_same_version_and_duplicates(setup, steward):
    review, v2, _ = setup
    with pytest.raises(ValidationError):
        rounds.open_next_round(review=review, new_version=make_version(label="9"), by=steward)
    with pytest.raises(ValidationError):
        rounds.open_next_round(review=review, new_version=review.version, by=steward)
    rounds.open_next_round(review=review, new_version=v2, by=steward)
    with pytest.raises(ValidationError):
        rounds.open_next_round(review=review, new_version=v2, by=steward)
    assert Review.objects.filter(previous_round=review).count() == 1


def test_carry_over_is_atomic(setup, steward, monkeypatch):
    review, v2, _ = setup

    def boom(*a, **kw):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Comment.objects, "bulk_create", boom)
    with pytest.raises(RuntimeError):
        rounds.open_next_round(review=review, new_version=v2, by=steward)
    assert not Review.objects.filter(previous_round=review).exists()
    assert not Thread.objects.filter(carried_from__isnull=False).exists()


# --- the next-round page ------------------------------------------------------------------------


def test_next_round_page_access(client, setup, steward, reviewer):
    review, _, _ = setup
    url = reverse("review:next-round", args=[review.pk])
    assert client.get(url).status_code == 302  # log in first
    client.force_login(reviewer)
    assert client.get(url).status_code == 404
    assert client.post(url, {"version": review.version.license.versions.last().pk}).status_code == 404
    assert not Review.objects.filter(previous_round=review).exists()
    client.force_login(steward)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "5</strong> open threads" in html
    assert '<option value="' in html


def test_next_round_with_an_existing_version(client, setup, steward):
    review, v2, _ = setup
    client.force_login(steward)
    response = client.post(reverse("review:next-round", args=[review.pk]), {"version": v2.pk})
    new = Review.objects.get(previous_round=review)
    assert response.status_code == 302
    assert response["Location"] == new.get_absolute_url()
    assert new.threads.count() == 5


def test_next_round_with_a_pasted_text(client, setup, steward):
    review, _, _ = setup
    client.force_login(steward)
    text = V1.replace("for any purpose", "for any lawful purpose")
    response = client.post(reverse("review:next-round", args=[review.pk]), {"label": "1.1", "text": text})
    assert response.status_code == 302
    new = Review.objects.get(previous_round=review)
    assert new.version.label == "1.1"
    assert new.version.previous == review.version
    assert new.version.created_by == steward


def test_next_round_form_errors(client, setup, steward):
    review, _, _ = setup
    client.force_login(steward)
    url = reverse("review:next-round", args=[review.pk])
    response = client.post(url, {})
    assert response.status_code == 200
    assert "Choose a version, or give the new text" in response.content.decode()
    response = client.post(url, {"text": "1. Something new entirely.\n"})
    assert "A new text needs a label" in response.content.decode()
    # the same text as the reviewed version is that version: refused with a message
    response = client.post(url, {"text": V1, "label": "again"})
    assert response.status_code == 200
    assert "this round already reviews this one" in response.content.decode()
    assert not Review.objects.filter(previous_round=review).exists()


def test_badge_and_orphan_includes_render(setup, steward):
    from django.template.loader import render_to_string

    review, v2, t = setup
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    new = Review.objects.select_related("previous_round__version__license", "version__license").get(pk=new.pk)
    threads = list(new.threads.select_related("clause"))
    rounds.attach_redlines(threads)
    by_old = {x.carried_from_id: x for x in threads}

    html = render_to_string(
        "review/_carryover_badges.html", {"thread": by_old[t["missing"].pk], "review": new}
    )
    assert "Carried over" in html and "Outdated" in html
    assert "Quote no longer in this version" in html
    assert f"/reviews/{review.pk}/#t-{t['missing'].pk}" in html
    assert "<del>" in html and "<ins>" in html
    assert "/compare/?a=sample%401&amp;b=sample%402&amp;changes=1#d-3" in html
    html = render_to_string("review/_carryover_badges.html", {"thread": by_old[t["same"].pk], "review": new})
    assert "Carried over" in html and "Outdated" not in html and "no longer" not in html
    assert (
        render_to_string("review/_carryover_badges.html", {"thread": t["resolved"], "review": review}).strip()
        == ""
    )

    html = render_to_string("review/_orphans.html", {"orphans": rounds.orphaned_threads(new)})
    assert "Orphaned threads" in html
    assert "must display an acknowledgement" in html
    assert "/licenses/sample/1/#c-3" in html
    assert render_to_string("review/_orphans.html", {"orphans": []}).strip() == ""


def test_carry_over_follows_hand_links(setup, steward):
    from licenses.compare import links

    review, v2, t = setup
    v1 = review.version
    # a steward says V1 §3 became V2 §3 (the engine pairs V2 §3 with V1 §4)
    links.link_clauses(a=v1, b=v2, a_anchor="3", b_anchor="3", by=steward)
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    orphan = carried(new, t["orphan"])
    assert not orphan.orphaned
    assert orphan.clause.anchor == "3"
    # V1 §4 lost its pair to the hand link, but its words live on in V2 §3: its thread goes there
    warranty = carried(new, t["missing"])
    assert not warranty.orphaned
    assert warranty.clause.anchor == "3" and warranty.outdated


def test_carry_over_respects_unlinked_pairs(setup, steward):
    from licenses.compare import links

    review, v2, t = setup
    links.unlink_clauses(a=review.version, b=v2, a_anchor="4", b_anchor="3", by=steward)
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)
    assert carried(new, t["missing"]).orphaned


def test_carry_over_follows_the_secondary_links(steward, reviewer):
    """Old 2 fed new 2 and new 8 (a secondary link); old 1 has no pair, but its words went
    into new 1. Threads go where their quote is, else to the pair, else along the link; a
    link a steward removed is never followed; the badge says where the thread came from."""
    from django.template.loader import render_to_string

    from licenses.compare import links
    from tests.review.rounds.test_secondary_links import FEE, GRANT, PATENT, STEADY, text

    old_text = text([STEADY[0], ("Changes", f"{GRANT} {PATENT}"), *STEADY[1:3], ("Fees", FEE), *STEADY[3:]])
    new_text = text(
        [(STEADY[0][0], f"{STEADY[0][1]} {FEE}"), ("Changes", GRANT), *STEADY[1:], ("Patents", PATENT)]
    )
    license = make_license(slug="tool", name="Tool Licence")
    license.stewards.add(steward)
    v1 = make_version(license, text=old_text, label="1")
    v2 = make_version(license, text=new_text, label="2")
    review = make_review(v1, opened_by=steward)

    def start(anchor, quote=None):
        return services.thread_start(
            review=review,
            clause=v1.clauses.get(anchor=anchor),
            author=reviewer,
            body="A comment.",
            quote=Quote(exact=quote) if quote else None,
        )

    patent = start("2", "licensed to you free of charge")
    grant = start("2", "fold it into larger programs")
    plain = start("2")
    use = start("1", "any lawful purpose")
    new = rounds.open_next_round(review=review, new_version=v2, by=steward)

    moved = carried(new, patent)
    assert (moved.clause.anchor, moved.outdated, moved.quote_missing, moved.orphaned) == (
        "8",
        True,
        False,
        False,
    )
    assert moved.clause.text[moved.quote_start : moved.quote_end] == "licensed to you free of charge"
    assert carried(new, grant).clause.anchor == "2"
    assert carried(new, plain).clause.anchor == "2"
    followed = carried(new, use)
    assert (followed.clause.anchor, followed.orphaned, followed.outdated) == ("1", False, True)
    assert followed.clause.text[followed.quote_start : followed.quote_end] == "any lawful purpose"

    # the badge names the clause of the previous version
    page = Review.objects.select_related("previous_round__version__license", "version__license").get(
        pk=new.pk
    )
    threads = list(page.threads.select_related("clause"))
    rounds.attach_redlines(threads)
    shown = next(x for x in threads if x.carried_from_id == patent.pk)
    html = render_to_string("review/_carryover_badges.html", {"thread": shown, "review": page})
    assert "Carried over" in html and ">2 of version 1</a>" in html
    same = next(x for x in threads if x.carried_from_id == grant.pk)
    assert "of version 1</a>" not in render_to_string(
        "review/_carryover_badges.html", {"thread": same, "review": page}
    )

    # a steward removed both links: the links are not followed
    v3 = make_version(license, text=new_text.replace("thirty days", "sixty days"), label="3")
    links.unlink_clauses(a=v1, b=v3, a_anchor="2", b_anchor="8", by=steward)
    links.unlink_clauses(a=v1, b=v3, a_anchor="1", b_anchor="1", by=steward)
    other = rounds.open_next_round(review=review, new_version=v3, by=steward)
    kept = carried(other, patent)
    assert (kept.clause.anchor, kept.quote_missing) == ("2", True)
    assert carried(other, use).orphaned
