"""The matrix pages, the cell panel, setting positions over HTTP, and the export views."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Profile
from licenses.models import Clause
from review.exports import from_json, to_json
from review.matrix.services import position_set
from review.models import Comment, Position, Review, Thread
from tests.factories import make_license, make_user, make_version, numbered_text, osd, osd_criterion

pytestmark = pytest.mark.django_db


def open_review(version=None, **kw) -> Review:
    version = version or make_version()
    return Review.objects.create(version=version, criterion_set=osd(), opened_by=make_user(), **kw)


def clause(review: Review, path: str = "2.2(b)") -> Clause:
    return review.version.clauses.get(path=path)


def cell_url(review: Review, path: str = "2.2(b)", number: int = 6) -> str:
    return reverse("review:cell", args=[review.pk, clause(review, path).pk, osd_criterion(number).pk])


def take(review, reviewer, verdict, rationale="", path="2.2(b)", number=6, threads=()):
    return position_set(
        review=review,
        clause=clause(review, path),
        criterion=osd_criterion(number),
        reviewer=reviewer,
        verdict=verdict,
        rationale=rationale,
        expected_version=0,
        threads=threads,
    )


@pytest.fixture
def review() -> Review:
    return open_review()


@pytest.fixture
def reviewer():
    return make_user("rita", roles=("reviewer",))


# Pages --------------------------------------------------------------------------------------------


def test_anonymous_reads_the_matrix_of_a_public_review(client, review, reviewer):
    take(review, reviewer, "conflicts", "Bars datasets.")
    response = client.get(reverse("review:matrix", args=[review.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="matrix"' in html
    assert "1✕" in html
    assert f'href="{cell_url(review)}"' in html
    assert f'hx-get="{cell_url(review)}"' in html
    assert reverse("review:review-detail", args=[review.pk]) in html
    assert reverse("review:export", args=[review.pk, "csv"]) in html
    assert 'role="tooltip"' in html and "No Discrimination Against Fields of Endeavor" in html


def test_private_review_is_404_for_anonymous(client):
    review = open_review(is_public=False)
    assert client.get(reverse("review:matrix", args=[review.pk])).status_code == 404
    assert client.get(reverse("review:export", args=[review.pk, "md"])).status_code == 404


def test_matrix_filters(client, review, reviewer):
    take(review, reviewer, "conflicts")
    url = reverse("review:matrix", args=[review.pk])
    html = client.get(url, {"rows": "positions", "criterion": osd_criterion(6).key}).content.decode()
    assert html.count('class="cell ') == 1
    assert "OSD 7</a>" not in html


def test_matrix_page_queries_do_not_grow_with_size(client, reviewer):
    def count(n: int) -> int:
        review = open_review(make_version(text=numbered_text(n)))
        Position.objects.bulk_create(
            Position(
                review=review,
                clause=c,
                criterion=osd_criterion(1 + i % 10),
                reviewer=reviewer,
                verdict="concern",
            )
            for i, c in enumerate(review.version.clauses.all())
        )
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("review:matrix", args=[review.pk])).status_code == 200
        return len(ctx)

    client.force_login(reviewer)
    small, large = count(20), count(200)
    assert small == large <= 20


def test_criterion_page(client, review, reviewer):
    take(review, reviewer, "conflicts", "Bars *datasets*.")
    response = client.get(reverse("review:criterion-detail", args=[review.pk, osd_criterion(6).key]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2.2(b)" in html and "<em>datasets</em>" in html
    # the trail starts at Reviews, as on the matrix page it comes from
    assert (
        '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>\n  <li><a href="/reviews/">Reviews</a></li>'
        in html
    )
    assert client.get(reverse("review:criterion-detail", args=[review.pk, "nope"])).status_code == 404


def test_cell_panel_full_page_and_htmx_fragment(client, review, reviewer):
    take(review, reviewer, "conflicts", "Bars <b>datasets</b>.")
    full = client.get(cell_url(review)).content.decode()
    assert "<html" in full and 'id="cell-panel-body"' in full
    assert '<li><a href="/reviews/">Reviews</a></li>' in full
    fragment = client.get(cell_url(review), headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and 'id="cell-panel-body"' in fragment
    assert "rita" in fragment
    assert "&lt;b&gt;datasets&lt;/b&gt;" in fragment  # Markdown with html=False: shown as text
    assert re.search(r'<div class="rationale" hx-disable>', fragment)
    assert "<form" not in fragment  # anonymous: no form


def test_cell_of_another_review_is_404(client, review):
    other = open_review()
    url = reverse("review:cell", args=[review.pk, clause(other).pk, osd_criterion(6).pk])
    assert client.get(url).status_code == 404


# Setting positions -------------------------------------------------------------------------------------


def post_position(client, review, **data):
    payload = {"verdict": "conflicts", "rationale": "Bars datasets.", "expected_version": "0", **data}
    return client.post(
        cell_url(review), payload, **({"headers": {"HX-Request": "true"}} if data.pop("_htmx", False) else {})
    )


def test_reviewer_sets_own_position_and_a_reviewer_field_is_ignored(client, review, reviewer):
    other = make_user("otto", roles=("reviewer",))
    client.force_login(reviewer)
    response = post_position(client, review, reviewer=str(other.pk))
    assert response.status_code == 302
    p = Position.objects.get()
    assert (p.reviewer, p.verdict, p.rationale, p.lock_version) == (
        reviewer,
        "conflicts",
        "Bars datasets.",
        1,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Your position is saved." in page
    assert 'name="expected_version" value="1"' in page


def test_htmx_post_returns_the_panel_and_redraws_the_matrix_cell(client, review, reviewer):
    client.force_login(reviewer)
    response = client.post(
        cell_url(review),
        # The matrix page's panel adds redraw=matrix-cell (hx-vals on #cell-panel).
        {"verdict": "complies", "rationale": "Fine.", "expected_version": "0", "redraw": "matrix-cell"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your position is saved." in html
    assert 'hx-swap-oob="true"' in html and "1✓" in html


@pytest.mark.parametrize("roles", [(), ("steward",)])
def test_non_reviewers_get_404_on_post(client, review, roles):
    client.force_login(make_user(roles=roles))
    assert post_position(client, review).status_code == 404
    assert not Position.objects.exists()


def test_anonymous_post_is_404(client, review):
    assert post_position(client, review).status_code == 404


def test_stale_form_is_refused_with_the_users_text_kept(client, review, reviewer):
    take(review, reviewer, "complies", "Saved in the other tab.")
    client.force_login(reviewer)
    response = post_position(client, review, rationale="My careful new text.", expected_version="0")
    html = response.content.decode()
    assert response.status_code == 409
    assert "Not saved" in html
    assert "My careful new text." in html  # kept in the textarea
    assert "Saved in the other tab." in html  # and the stored one shown
    assert 'name="expected_version" value="1"' in html
    assert Position.objects.get().rationale == "Saved in the other tab."
    # Saving again, now knowingly from version 1, goes through.
    again = post_position(client, review, rationale="My careful new text.", expected_version="1")
    assert again.status_code == 302
    assert Position.objects.get().lock_version == 2


def test_invalid_form_shows_errors(client, review, reviewer):
    client.force_login(reviewer)
    response = client.post(cell_url(review), {"rationale": "x", "expected_version": "0"})
    assert response.status_code == 400
    assert "Choose a verdict." in response.content.decode()


def test_position_from_thread(client, review, reviewer):
    thread = Thread.objects.create(review=review, clause=clause(review), criterion=osd_criterion(6))
    url = reverse("review:position-from-thread", args=[thread.pk])
    client.force_login(make_user(roles=("steward",)))
    assert client.post(url, {"verdict": "conflicts"}).status_code == 404
    client.force_login(reviewer)
    response = client.post(url, {"verdict": "conflicts"})
    assert response.status_code == 302
    p = Position.objects.get()
    assert (p.reviewer, p.verdict, list(p.threads.all())) == (reviewer, "conflicts", [thread])
    fragment = client.post(url, {"verdict": "concern"}, headers={"HX-Request": "true"}).content.decode()
    assert "concern" in fragment and "<html" not in fragment
    untagged = Thread.objects.create(review=review, clause=clause(review))
    assert (
        client.post(
            reverse("review:position-from-thread", args=[untagged.pk]), {"verdict": "conflicts"}
        ).status_code
        == 404
    )
    assert client.get(url).status_code == 405


# Exports ----------------------------------------------------------------------------------------------


@pytest.fixture
def hostile_review():
    """Names and texts that try to break out of HTML and into spreadsheets."""
    license = make_license(name='<script>alert("name")</script> License', slug="evil")
    review = open_review(make_version(license))
    mallory = make_user("@mallory", roles=("reviewer",))
    Profile.objects.create(user=mallory, display_name="=cmd|' /C calc'!A0 <img src=x onerror=alert(1)>")
    eve = make_user("eve", roles=("reviewer",))
    thread = Thread.objects.create(review=review, clause=clause(review), criterion=osd_criterion(6))
    Comment.objects.create(
        thread=thread, author=eve, body="I <b>object</b>.", body_html="", stance="objection"
    )
    resolved = Thread.objects.create(
        review=review, clause=clause(review, "2.1"), status=Thread.Status.RESOLVED
    )
    Comment.objects.create(thread=resolved, author=eve, body="Settled long ago.", body_html="", stance="note")
    take(review, mallory, "conflicts", "<script>alert('rationale')</script> Bars datasets.", threads=[thread])
    take(review, eve, "complies", "A notice duty, nothing more.")
    return review


EXPECTED = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
def test_export_content_type_and_filename(client, hostile_review, fmt):
    response = client.get(reverse("review:export", args=[hostile_review.pk, fmt]))
    assert response.status_code == 200
    assert response["Content-Type"] == EXPECTED[fmt]
    assert (
        response["Content-Disposition"] == f'attachment; filename="evil-1.0-review-{hostile_review.pk}.{fmt}"'
    )


def test_export_filename_names_the_criterion(client, hostile_review):
    key = osd_criterion(6).key
    response = client.get(reverse("review:export", args=[hostile_review.pk, "md"]), {"criterion": key})
    assert response["Content-Disposition"].endswith(f'review-{hostile_review.pk}-{key}.md"')


def test_html_export_escapes_everything_user_written(client, hostile_review):
    html = client.get(reverse("review:export", args=[hostile_review.pk, "html"])).content.decode()
    assert "<script>" not in html
    assert "<img" not in html
    assert "<b>object</b>" not in html
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; License" in html or "&lt;script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_csv_export_neutralises_formulas(client, hostile_review):
    text = client.get(reverse("review:export", args=[hostile_review.pk, "csv"])).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == hostile_review.version.clauses.count() * 10
    cell = next(r for r in rows if r["clause_path"] == "2.2(b)" and r["criterion_number"] == "6")
    assert (cell["conflicts"], cell["complies"], cell["disagreement"]) == ("1", "1", "yes")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert cell["reviewers_verdicts"].startswith("'=cmd|")


def test_json_export_round_trips(client, hostile_review):
    text = client.get(reverse("review:export", args=[hostile_review.pk, "json"])).content.decode()
    summary = from_json(text)
    assert to_json(summary) == text
    positions = next(c for c in summary.clauses if c.path == "2.2(b)").positions
    assert sorted(p.verdict for p in positions) == ["complies", "conflicts"]
    assert summary.license_name.startswith("<script>")


def test_markdown_export_is_wrapped_at_72_columns(client, hostile_review):
    # but a lone URL, and a heading, which cannot go on over a line break
    text = client.get(reverse("review:export", args=[hostile_review.pk, "md"])).content.decode()
    for line in text.splitlines():
        assert (
            len(line) <= 72 or re.fullmatch(r"\S*https?://\S+", line.strip()) or re.match(r"#{1,6} \S", line)
        ), line
    assert "A notice duty, nothing more." in text


def test_export_options_resolved_and_criterion(client, hostile_review):
    url = reverse("review:export", args=[hostile_review.pk, "json"])
    everything = from_json(client.get(url).content.decode())
    open_only = from_json(client.get(url, {"resolved": "0"}).content.decode())
    threads = lambda s: [t.id for c in s.clauses for t in c.threads]  # noqa: E731
    assert len(threads(everything)) == 2
    assert len(threads(open_only)) == 1
    assert open_only.options.include_resolved is False
    key = osd_criterion(6).key
    one = from_json(client.get(url, {"criterion": key}).content.decode())
    assert [c.key for c in one.criteria] == [key]
    assert client.get(url, {"criterion": "nope"}).status_code == 404
    assert client.get(reverse("review:export", args=[hostile_review.pk, "pdf"])).status_code == 404


def test_cell_history_restore_gets_the_whole_page(client):
    from review.models import Review
    from tests.factories import make_version, osd, osd_criterion

    review = Review.objects.create(version=make_version(), criterion_set=osd())
    clause = review.version.clauses.get(path="2.2(b)")
    url = reverse("review:cell", args=[review.pk, clause.pk, osd_criterion(6).pk])
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.content.decode()
    restore = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()
    assert "HX-Request" in restore["Vary"]


def test_htmx_post_from_elsewhere_does_not_redraw_a_matrix_cell(client, review, reviewer):
    client.force_login(reviewer)
    response = client.post(
        cell_url(review),
        {"verdict": "complies", "rationale": "Fine.", "expected_version": "0"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Your position is saved." in html
    assert 'hx-swap-oob="true"' not in html


def test_a_gated_hint_says_the_word_model_agreed_and_a_held_back_one_is_not_shown(client):
    """OSD 3's rules are shown only where the word model agrees: the panel says so, and a rule
    match the model does not back leaves the cell without a hint."""
    text = (
        "Preamble.\n\n1. You may modify the Software and prepare derivative works based on it.\n\n"
        "2. You may alter the settings.\n\n"
        "3. Modified versions must be distributed under the terms of this License.\n"
    )
    review = open_review(make_version(text=text))
    backed = client.get(cell_url(review, "1", 3)).content.decode()
    assert "Keyword hint, not a position." in backed
    assert (
        "A word model trained on clauses labelled by hand agrees; OSD 3 hints are shown only when it does."
        in backed
    )
    held_back = client.get(cell_url(review, "2", 3)).content.decode()
    assert "Keyword hint" not in held_back
    ungated = client.get(cell_url(review, "3", 7)).content.decode()
    assert "Keyword hint, not a position." in ungated and "word model" not in ungated


def test_a_word_model_suggestion_says_what_it_is_in_the_panel_the_matrix_and_the_criterion_page(
    client, monkeypatch
):
    """Where no OSD 3 rule fires, the word model alone may suggest OSD 3: the panel says it is a
    model's suggestion with its probability and training size, never a keyword match or a verdict."""
    from licenses.text.hints import detector

    tiny = detector.Detector(trained_on=42, criteria={3: (0.5, -4.0, {"zorbify": 9.0})})
    monkeypatch.setattr(detector, "shipped", lambda: tiny)
    text = "Preamble.\n\n1. The parties zorbify the widget <b>now</b>.\n\n2. Nothing else happens here.\n"
    review = open_review(make_version(text=text))
    panel = client.get(cell_url(review, "1", 3)).content.decode()
    assert "Word model suggestion, not a position." in panel
    assert (
        "a word model trained on 42 hand-labelled clauses suggests it may touch OSD 3 (probability 0.99)"
        in panel
    )
    assert "Keyword hint" not in panel
    assert "<b>now</b>" not in panel  # the clause is escaped as ever
    assert "Word model suggestion" not in client.get(cell_url(review, "2", 3)).content.decode()
    matrix = client.get(reverse("review:matrix", args=[review.pk])).content.decode()
    assert "hint (word model suggestion, no keyword matched: a word model trained on 42" in matrix
    page = client.get(
        reverse("review:criterion-detail", args=[review.pk, osd_criterion(3).key])
    ).content.decode()
    assert "Clauses the wording rules or the word model point at" in page
    assert "suggests this clause may touch OSD 3 (probability 0.99)" in page


def test_the_panel_quotes_the_clause_with_its_list_lines_and_its_wrapping_joined(client, review):
    c = clause(review)
    c.text = "You may distribute the Output as a dataset only if\nyou add this notice:\n— a copy of this License;\n— <b>credit</b>."
    c.save(update_fields=["text"])
    fragment = client.get(cell_url(review), headers={"HX-Request": "true"}).content.decode()
    quote = re.search(r'<blockquote class="panel-clause">(.*?)</blockquote>', fragment, re.S).group(1)
    assert "only if you add this notice:\n— a copy of this License;\n— &lt;b&gt;credit&lt;/b&gt;." in quote
