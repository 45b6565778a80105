"""Hand corrections of clauses: services, attachments, undo, freezing, and the pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from licenses.corrections import services as corrections
from licenses.corrections.services import CorrectionError
from licenses.ingest import ingest_version
from licenses.models import Clause, ClauseCorrection, LicenseVersion, VersionFrozen
from review.models import Position, PositionRevision, Review, Thread
from tests.factories import SAMPLE_TEXT, make_license, make_user, make_version, osd, osd_criterion

pytestmark = pytest.mark.django_db


def state(version: LicenseVersion) -> list[tuple]:
    return [
        (c.pk, c.ordinal, c.label, c.path, c.anchor, c.heading, c.text, c.start, c.end, c.depth, c.parent_id)
        for c in version.clauses.order_by("ordinal")
    ]


def clause(version: LicenseVersion, path: str) -> Clause:
    return version.clauses.get(path=path)


@pytest.fixture
def version() -> LicenseVersion:
    return make_version(make_license(slug="ml", name="Model License"), text=SAMPLE_TEXT)


@pytest.fixture
def editor():
    return make_user("editor", is_superuser=True, is_staff=True)


def make_review(version: LicenseVersion) -> Review:
    return Review.objects.create(version=version, criterion_set=osd(), opened_by=make_user())


def make_position(review, clause, reviewer, *, number=1, verdict="complies", age=0) -> Position:
    position = Position.objects.create(
        review=review, clause=clause, criterion=osd_criterion(number), reviewer=reviewer, verdict=verdict
    )
    Position.objects.filter(pk=position.pk).update(updated_at=timezone.now() - timedelta(minutes=age))
    position.refresh_from_db()
    return position


# -- addresses ---------------------------------------------------------------------------


def test_path_for_label_follows_the_segmenter_conventions(version):
    two, two_two = clause(version, "2"), clause(version, "2.2")
    assert corrections.path_for_label("(c)", two_two) == "2.2(c)"
    assert corrections.path_for_label("c.", two_two) == "2.2(c)"
    assert corrections.path_for_label("2.3", two) == "2.3"
    assert corrections.path_for_label("2.3.", two) == "2.3"
    assert corrections.path_for_label("4", None) == "4"
    assert corrections.path_for_label("4.", None) == "4"
    assert corrections.path_for_label("(a)", None) == "(a)"
    assert corrections.path_for_label("Section 4", two) == "Section 4"
    assert corrections.path_for_label("1.1", two_two) == "2.2.1.1"
    assert corrections.anchor_for("2.2(c)") == "2.2.c"
    assert corrections.anchor_for("§ 3") == "s.3"


# -- split ------------------------------------------------------------------------------------


def test_split_makes_a_new_clause_after_the_first_with_consistent_offsets(version, editor):
    b = clause(version, "2.2(b)")
    original = b.text
    correction = corrections.clause_split(clause=b, before_text="you must include", actor=editor)

    b.refresh_from_db()
    new = version.clauses.get(ordinal=b.ordinal + 1)
    assert b.text == "If you distribute a collection of Output as a dataset,"
    assert new.text == "you must include a notice that it was made with the Model."
    assert (new.path, new.anchor, new.label, new.depth, new.parent_id) == (
        "2.2(b)-2",
        "2.2.b-2",
        "",
        2,
        b.parent_id,
    )
    assert version.text[new.start : new.end] == new.text
    assert version.text[b.start : b.end].endswith(b.text)
    assert b.end <= new.start
    assert [c.ordinal for c in version.clauses.order_by("ordinal")] == list(range(version.clauses.count()))
    assert correction.action == ClauseCorrection.Action.SPLIT
    assert correction.actor == editor
    assert correction.before["clauses"][0]["text"] == original
    version.refresh_from_db()
    assert version.corrected is True


def test_split_of_markdown_words_that_lost_their_marks_keeps_faithful_offsets(editor):
    # '- **"Output"** means': the clause's words are not a slice of the text (the marks are
    # dropped), yet the new part's span is where its words stand in the text
    text = (
        "# Model License\n\n## 1. Definitions\n\n"
        '- **"Output"** means the results of running the **Model**. It covers every result.\n\n'
        "## 2. Use\n\nYou may use it.\n"
    )
    version = make_version(make_license(slug="md", name="Markdown License"), text=text)
    output = clause(version, "1.def-output")
    assert output.text == '"Output" means the results of running the Model. It covers every result.'
    corrections.clause_split(clause=output, before_text="It covers", actor=editor)
    output.refresh_from_db()
    new = version.clauses.get(ordinal=output.ordinal + 1)
    assert new.text == "It covers every result."
    assert version.text[new.start : new.end] == new.text
    assert version.text[output.start : output.end].endswith("running the **Model**.")
    assert output.end <= new.start


def test_split_with_a_label_derives_the_address_and_strips_the_printed_label(editor):
    text = "1. Grant.\n\n1.1 You may use it. 1.2 You may share it.\n\n2. End.\n"
    version = make_version(make_license(), text=text)
    first = clause(version, "1.1")
    corrections.clause_split(clause=first, before_text="1.2 You", label="1.2", actor=editor)
    new = clause(version, "1.2")
    assert (new.anchor, new.label, new.text) == ("1.2", "1.2", "You may share it.")
    assert clause(version, "1.1").text == "You may use it."


def test_split_point_uses_the_clicked_offset_among_repeats_and_tolerates_wrapping():
    text = "Use the Model and the Model again"
    assert corrections.split_point(text, "the Model") == 4
    assert corrections.split_point(text, "the  Model", offset=18) == 18
    assert corrections.split_point(text, "the Model", offset=5) == 4
    assert corrections.split_point("Use it\nwrapped\nline here", "wrapped line") == 7


@pytest.mark.parametrize(
    ("before_text", "message"),
    [
        ("not in the text", "does not occur in this clause"),
        ("If you distribute", "already begins"),
        ("   ", "Type the first words"),
    ],
)
def test_split_refuses_a_point_outside_the_clause(version, editor, before_text, message):
    before = state(version)
    with pytest.raises(CorrectionError, match=message):
        corrections.clause_split(clause=clause(version, "2.2(b)"), before_text=before_text, actor=editor)
    assert state(version) == before
    assert not ClauseCorrection.objects.exists()


def test_split_with_a_taken_label_is_refused_with_a_clear_message(version, editor):
    with pytest.raises(CorrectionError, match=r"already at 2\.2\(a\)"):
        corrections.clause_split(
            clause=clause(version, "2.2(b)"), before_text="you must", label="(a)", actor=editor
        )


def test_threads_and_positions_stay_on_the_first_part_after_a_split(version, editor):
    review = make_review(version)
    b = clause(version, "2.2(b)")
    thread = Thread.objects.create(
        review=review, clause=b, quote_exact="collection", quote_start=22, quote_end=32
    )
    position = make_position(review, b, make_user())
    corrections.clause_split(clause=b, before_text="you must include", actor=editor)
    thread.refresh_from_db()
    position.refresh_from_db()
    assert thread.clause_id == b.pk
    assert position.clause_id == b.pk


# -- merge ------------------------------------------------------------------------------------


def test_merge_joins_the_next_clause_and_moves_its_attachments(version, editor):
    review = make_review(version)
    first, second = clause(version, "2.1"), clause(version, "2.2")
    child = clause(version, "2.2(a)")
    thread = Thread.objects.create(
        review=review, clause=second, quote_exact="Conditions", quote_start=0, quote_end=0
    )
    position = make_position(review, second, make_user())
    count = version.clauses.count()

    correction = corrections.clause_merge(clause=first, actor=editor)

    first.refresh_from_db()
    assert not Clause.objects.filter(pk=second.pk).exists()
    assert first.text == "You may use, copy and share the Model.\n\n2.2 Conditions."
    assert first.end == second.end
    assert version.clauses.count() == count - 1
    assert [c.ordinal for c in version.clauses.order_by("ordinal")] == list(range(count - 1))
    thread.refresh_from_db()
    position.refresh_from_db()
    child.refresh_from_db()
    assert thread.clause_id == first.pk
    assert position.clause_id == first.pk
    assert child.parent_id == first.pk
    assert correction.summary == "Merged 2.2 into 2.1"
    assert correction.before["threads"] == [{"id": thread.pk, "quote_start": 0, "quote_end": 0}]


def test_merge_shifts_quote_offsets_into_the_merged_text(version, editor):
    review = make_review(version)
    a, b = clause(version, "2.2(a)"), clause(version, "2.2(b)")
    start = b.text.index("collection")
    thread = Thread.objects.create(
        review=review, clause=b, quote_exact="collection", quote_start=start, quote_end=start + 10
    )
    corrections.clause_merge(clause=a, actor=editor)
    thread.refresh_from_db()
    a.refresh_from_db()
    assert a.text[thread.quote_start : thread.quote_end] == "collection"


def test_merge_keeps_the_more_recent_of_two_positions_for_one_cell(version, editor):
    review = make_review(version)
    reviewer = make_user()
    first, second = clause(version, "2.2(a)"), clause(version, "2.2(b)")
    old = make_position(review, first, reviewer, verdict="concern", age=10)
    PositionRevision.objects.create(position=old, verdict="complies", lock_version=1, editor=reviewer)
    new = make_position(review, second, reviewer, verdict="conflicts", age=1)
    other_cell = make_position(review, second, reviewer, number=2)

    correction = corrections.clause_merge(clause=first, actor=editor)

    assert set(Position.objects.filter(clause=first).values_list("pk", flat=True)) == {new.pk, other_cell.pk}
    assert not Position.objects.filter(pk=old.pk).exists()
    dropped = correction.before["positions_dropped"]
    assert [d["row"]["id"] for d in dropped] == [old.pk]
    assert dropped[0]["row"]["verdict"] == "concern"
    assert "1 older duplicate position dropped" in correction.summary

    corrections.correction_undo(version=version, actor=editor)
    restored = Position.objects.get(pk=old.pk)
    assert (restored.clause_id, restored.verdict) == (first.pk, "concern")
    assert abs(restored.updated_at - old.updated_at) < timedelta(seconds=1)
    assert list(restored.revisions.values_list("verdict", flat=True)) == ["complies"]
    assert Position.objects.get(pk=new.pk).clause_id == second.pk


def test_merge_of_the_last_clause_is_refused(version, editor):
    last = version.clauses.order_by("-ordinal").first()
    with pytest.raises(CorrectionError, match="nothing after it"):
        corrections.clause_merge(clause=last, actor=editor)


def test_merge_preview_counts_what_would_move(version):
    review = make_review(version)
    reviewer = make_user()
    first, second = clause(version, "2.2(a)"), clause(version, "2.2(b)")
    Thread.objects.create(review=review, clause=second)
    make_position(review, first, reviewer)
    make_position(review, second, reviewer)
    make_position(review, second, make_user())
    preview = corrections.merge_preview(clause=first)
    assert (preview.second, preview.threads, preview.positions, preview.conflicts) == (second, 1, 2, 1)


# -- relabel ----------------------------------------------------------------------------------


def test_relabel_derives_path_and_anchor(version, editor):
    b = clause(version, "2.2(b)")
    correction = corrections.clause_relabel(clause=b, label="(c)", heading="Datasets", actor=editor)
    b.refresh_from_db()
    assert (b.label, b.path, b.anchor, b.heading) == ("(c)", "2.2(c)", "2.2.c", "Datasets")
    assert correction.summary == "Relabelled 2.2(b) as 2.2(c)"
    assert correction.before["clauses"][0]["path"] == "2.2(b)"


def test_relabel_heading_only_keeps_the_address(version, editor):
    b = clause(version, "2.2(b)")
    corrections.clause_relabel(clause=b, label="(b)", heading="Datasets", actor=editor)
    b.refresh_from_db()
    assert (b.path, b.anchor, b.heading) == ("2.2(b)", "2.2.b", "Datasets")


def test_relabel_to_a_taken_address_is_refused(version, editor):
    before = state(version)
    with pytest.raises(CorrectionError, match=r"Another clause of this version is already at 2\.2\(a\)"):
        corrections.clause_relabel(clause=clause(version, "2.2(b)"), label="(a)", heading="", actor=editor)
    with pytest.raises(CorrectionError, match="Nothing changed"):
        corrections.clause_relabel(clause=clause(version, "2.2(b)"), label="(b)", heading="", actor=editor)
    assert state(version) == before


def test_removing_a_label_gives_a_readable_unique_path(version, editor):
    corrections.clause_relabel(clause=clause(version, "2.2(b)"), label="", heading="Datasets", actor=editor)
    assert version.clauses.filter(path="2.2.datasets", anchor="2.2.datasets").exists()


# -- undo -------------------------------------------------------------------------------------


def test_undo_reverts_corrections_last_first_back_to_the_original(version, editor):
    original = state(version)
    review = make_review(version)
    thread = Thread.objects.create(review=review, clause=clause(version, "2.2"), quote_start=3, quote_end=9)
    corrections.clause_split(clause=clause(version, "2.2(b)"), before_text="you must", actor=editor)
    corrections.clause_merge(clause=clause(version, "2.1"), actor=editor)
    corrections.clause_relabel(clause=clause(version, "3"), label="4.", heading="No Warranty.", actor=editor)

    undo = corrections.correction_undo(version=version, actor=editor)
    assert undo.action == ClauseCorrection.Action.UNDO
    assert undo.undoes.action == ClauseCorrection.Action.RELABEL
    assert undo.undoes.undone_by == editor
    corrections.correction_undo(version=version, actor=editor)
    thread.refresh_from_db()
    assert (thread.clause.path, thread.quote_start, thread.quote_end) == ("2.2", 3, 9)
    corrections.correction_undo(version=version, actor=editor)

    assert state(version) == original
    version.refresh_from_db()
    assert version.corrected is False
    with pytest.raises(CorrectionError, match="no correction to undo"):
        corrections.correction_undo(version=version, actor=editor)


def test_undo_of_a_split_brings_back_what_was_attached_to_the_new_part(version, editor):
    original = state(version)
    corrections.clause_split(clause=clause(version, "2.2(b)"), before_text="you must", actor=editor)
    review = make_review(version)
    later = Thread.objects.create(review=review, clause=clause(version, "2.2(b)-2"))
    corrections.correction_undo(version=version, actor=editor)
    later.refresh_from_db()
    assert later.clause.path == "2.2(b)"
    assert state(version) == original


def test_undo_refuses_when_another_correction_came_in_between(version, editor):
    seen = corrections.clause_relabel(clause=clause(version, "3"), label="4", heading="", actor=editor)
    corrections.clause_relabel(clause=clause(version, "4"), label="5", heading="", actor=editor)
    with pytest.raises(CorrectionError, match="corrected again"):
        corrections.correction_undo(version=version, actor=editor, expected=seen)


# -- freezing ---------------------------------------------------------------------------------


def test_reingesting_the_same_text_keeps_the_corrections(version, editor):
    corrections.clause_merge(clause=clause(version, "2.1"), actor=editor)
    corrected = state(version)
    result = ingest_version(license=version.license, text=SAMPLE_TEXT, label="1.1", source="paste")
    assert result.created is False
    assert result.version == version
    assert state(result.version) == corrected


def test_a_corrected_version_refuses_resegmentation(version, editor):
    corrections.clause_merge(clause=clause(version, "2.1"), actor=editor)
    version.refresh_from_db()
    with pytest.raises(VersionFrozen):
        version.ensure_resegmentable()
    with pytest.raises(VersionFrozen):
        corrections.version_resegment(version=version)
    assert version.clauses.filter(path="2.2").count() == 0


def test_an_uncorrected_version_can_be_resegmented_unless_reviewed(version):
    corrections.version_resegment(version=version)
    assert version.clauses.filter(path="2.2(b)").exists()
    Thread.objects.create(review=make_review(version), clause=clause(version, "2"))
    with pytest.raises(CorrectionError, match="threads"):
        corrections.version_resegment(version=version)


# -- pages and permissions --------------------------------------------------------------------


def url(version: LicenseVersion, path: str, action: str) -> str:
    return f"{version.get_absolute_url()}clauses/{clause(version, path).pk}/{action}/"


def actions(version: LicenseVersion) -> list[tuple[str, dict]]:
    return [
        (url(version, "2.2(b)", "split"), {"before_text": "you must include"}),
        (url(version, "2.1", "merge"), {}),
        (url(version, "2.2(b)", "edit"), {"label": "(c)", "heading": ""}),
        (f"{version.get_absolute_url()}corrections/undo/", {}),
    ]


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, version):
    before = state(version)
    for address, data in actions(version):
        response = client.post(address, data)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert state(version) == before
    assert not ClauseCorrection.objects.exists()


@pytest.mark.parametrize("roles", [(), ("reviewer",), ("steward",)])
def test_users_without_rights_get_404_and_change_nothing(client, version, roles):
    client.force_login(make_user(roles=roles))  # a steward, but not of this license
    before = state(version)
    for address, data in actions(version):
        assert client.post(address, data).status_code == 404
        if not address.endswith("undo/"):
            assert client.get(address).status_code == 404
    assert state(version) == before
    assert not ClauseCorrection.objects.exists()
    page = client.get(f"{version.get_absolute_url()}?edit=1").content.decode()
    assert "Edit clauses" not in page
    assert "clause-tools" not in page


def test_stewards_of_the_license_and_moderators_may_correct(client, version):
    steward = make_user(roles=("steward",))
    version.license.stewards.add(steward)
    client.force_login(steward)
    assert client.post(url(version, "2.1", "merge")).status_code == 302
    moderator = make_user(roles=("moderator",))
    client.force_login(moderator)
    assert client.post(f"{version.get_absolute_url()}corrections/undo/").status_code == 302
    merge, undo = ClauseCorrection.objects.order_by("pk")
    assert (merge.actor, merge.undone_by, undo.actor) == (steward, moderator, moderator)


def test_version_page_shows_edit_tools_only_in_edit_mode_for_editors(client, version, editor):
    assert "Edit clauses" not in client.get(version.get_absolute_url()).content.decode()
    client.force_login(editor)
    body = client.get(version.get_absolute_url()).content.decode()
    assert "Edit clauses" in body
    assert "clause-tools" not in body
    body = client.get(f"{version.get_absolute_url()}?edit=1").content.decode()
    assert body.count('class="clause-tools"') == version.clauses.count()
    assert body.count("Merge with next") == version.clauses.count() - 1
    assert "corrections.js" in body


@pytest.mark.parametrize("n", [10, 200])
def test_edit_mode_query_count_does_not_grow_with_clauses(client, editor, django_assert_max_num_queries, n):
    from tests.factories import numbered_text

    version = make_version(make_license(slug=f"big-{n}"), text=numbered_text(n))
    client.force_login(editor)
    # session, user, version, clauses, siblings, the version's reviews, last correction
    with django_assert_max_num_queries(7):
        response = client.get(f"{version.get_absolute_url()}?edit=1")
    assert response.status_code == 200


def test_plain_post_merge_redirects_back_with_a_message(client, version, editor):
    client.force_login(editor)
    response = client.post(url(version, "2.1", "merge"), follow=True)
    assert response.redirect_chain[-1][0] == f"{version.get_absolute_url()}?edit=1#c-2.1"
    body = response.content.decode()
    assert "Merged 2.2 into 2.1" in body
    assert "Undo" in body


def test_htmx_post_answers_with_the_clause_list_fragment(client, version, editor):
    client.force_login(editor)
    response = client.post(url(version, "2.2(a)", "merge"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="clauses" class="editing">')
    assert "<html" not in body
    assert "Merged 2.2(b) into 2.2(a)" in body
    assert 'id="c-2.2.b"' not in body


def test_label_collision_is_explained_with_and_without_htmx(client, version, editor):
    client.force_login(editor)
    address = url(version, "2.2(b)", "edit")
    response = client.post(address, {"label": "(a)", "heading": ""})
    assert response.status_code == 400
    assert "Another clause of this version is already at 2.2(a)" in response.content.decode()
    response = client.post(address, {"label": "(a)", "heading": ""}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Another clause of this version is already at 2.2(a)" in body
    assert '<details class="clause-tool" open>' in body
    assert not ClauseCorrection.objects.exists()


def test_split_form_page_and_error(client, version, editor):
    client.force_login(editor)
    address = url(version, "2.2(b)", "split")
    assert "Split clause 2.2(b)" in client.get(address).content.decode()
    response = client.post(address, {"before_text": "<script>nowhere</script>"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "does not occur in this clause" in body
    assert "<script>nowhere" not in body
    response = client.post(address, {"before_text": "you must include", "label": "(c)"})
    assert response.status_code == 302
    assert version.clauses.filter(path="2.2(c)").exists()


def test_merge_confirmation_page_names_clashing_positions(client, version, editor):
    review = make_review(version)
    reviewer = make_user()
    make_position(review, clause(version, "2.2(a)"), reviewer)
    make_position(review, clause(version, "2.2(b)"), reviewer)
    client.force_login(editor)
    body = client.get(url(version, "2.2(a)", "merge")).content.decode()
    assert "1 position clashes" in body
    assert "the more recent one is kept" in body.lower()
    last = version.clauses.order_by("-ordinal").first()
    response = client.get(f"{version.get_absolute_url()}clauses/{last.pk}/merge/")
    assert "nothing after it to merge with" in response.content.decode()


def test_history_lists_corrections_and_undo_reverts_the_last(client, version, editor):
    client.force_login(editor)
    client.post(url(version, "2.1", "merge"))
    history = f"{version.get_absolute_url()}corrections/"
    body = client.get(history).content.decode()
    assert "Merged 2.2 into 2.1" in body
    assert "By editor" in body
    assert "You may use, copy and share the Model." in body  # the before snapshot
    correction = ClauseCorrection.objects.get()
    response = client.post(f"{history}undo/", {"correction": correction.pk}, headers={"HX-Request": "true"})
    assert "Undid: Merged 2.2 into 2.1" in response.content.decode()
    assert version.clauses.filter(path="2.2").exists()
    response = client.post(f"{history}undo/", follow=True)
    assert "There is no correction to undo." in response.content.decode()
    client.logout()
    body = client.get(history).content.decode()
    assert "Undone by editor" in body
    assert "Undo the last correction" not in body


def test_version_page_links_to_the_history_once_corrected(client, version, editor):
    corrections.clause_merge(clause=clause(version, "2.1"), actor=editor)
    assert "Corrected by hand: history" in client.get(version.get_absolute_url()).content.decode()
