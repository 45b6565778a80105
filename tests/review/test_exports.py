"""review.matrix.verdicts and review.exports.csv_matrix: tallies, and each export format (no database)."""

import csv
import io
import re
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.exports import (
    CSV_COLUMNS,
    SCHEMA,
    Clause,
    Comment,
    Criterion,
    Decision,
    ExportOptions,
    Position,
    ReviewSummary,
    Tally,
    Thread,
    apply_options,
    from_json,
    neutralise_cell,
    to_csv,
    to_html,
    to_json,
    to_markdown,
)
from review.matrix.verdicts import VERDICTS, disagreement, tally, worst

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
CET = timezone(timedelta(hours=1))
LONG_URL = "https://reviews.example.org/reviews/42/clauses/13.a/threads/7?" + "x=1&" * 20


def make_summary() -> ReviewSummary:
    criteria = [
        Criterion(key="osd-5", number=5, title="No discrimination against persons or groups"),
        Criterion(key="osd-6", number=6, title="No discrimination against fields of endeavor"),
    ]
    c1 = Clause(
        path="2.2(b)",
        anchor="2.2.b",
        url="https://clausewise.example/reviews/42/#c-2.2.b",
        heading="Field of use",
        text="You may not use the Software for any military purpose, "
        "nor provide it to others as a hosted service without a separate commercial agreement "
        "with the Licensor. " * 2,
        positions=[
            Position(
                "alice", "osd-6", "conflicts", "Bars a field of endeavour outright; see " + LONG_URL, T0, [7]
            ),
            Position(
                "Eve <img src=x onerror=alert(1)>", "osd-6", "complies", '=HYPERLINK("x")\n\nNo.', T0, []
            ),
            Position("bob", "osd-5", "concern", "Military users are a group.", T0.astimezone(CET), [7, 8]),
        ],
        threads=[
            Thread(
                id=7,
                status="open",
                quote="for any military purpose",
                criterion_key="osd-6",
                comments=[
                    Comment(
                        "alice",
                        T0,
                        "objection",
                        "This is a **field-of-use** restriction.\n\n- first point that is long enough to wrap "
                        "around the seventy-two column limit for sure\n- second\n\n```\ncode line\n```\n\n"
                        + "averyveryverylongwordwithoutanyspacesthatisnotaurlatallandgoesonandonforeverok",
                        suggested_wording="You may use the Software for any purpose.",
                    ),
                    Comment(
                        "Eve <img onerror>", T0.astimezone(CET), "question", "<script>alert(1)</script> why?"
                    ),
                ],
            ),
            Thread(
                id=8,
                status="resolved",
                quote="",
                criterion_key=None,
                comments=[Comment("bob", T0, "note", "ok")],
            ),
        ],
    )
    c2 = Clause(
        path="3", anchor="3", url="https://clausewise.example/reviews/42/#c-3", heading="", text="Quiet."
    )
    c3 = Clause(
        path="=1+1",
        anchor="x",
        url="https://clausewise.example/reviews/42/#c-x",
        heading="@SUM(A1) -2 +3",
        text="t",
        positions=[Position("+mallory", "osd-5", "not_applicable", "", T0, [])],
    )
    return ReviewSummary(
        license_name="<script>alert('license')</script> Licence",
        spdx_id="LicenseRef-Test",
        version_label="draft 3",
        status="open",
        url="https://clausewise.example/reviews/42/",
        decision=Decision(by="Mod <b>erator</b>", at=T0, rationale="Decided <i>because</i>."),
        criteria=criteria,
        clauses=[c1, c2, c3],
        generated_at=T0,
    )


# verdicts --------------------------------------------------------------------------------------


def test_tally_counts_worst_and_disagreement():
    t = tally(["conflicts", "complies", "conflicts", "not_applicable"])
    assert t == Tally(conflicts=2, complies=1, not_applicable=1)
    assert t.total == 4
    assert t.worst == "conflicts"
    assert t.disagreement is True
    assert t.label() == "2 conflicts, 1 complies, 1 not applicable"


@pytest.mark.parametrize(
    ("verdicts", "expected_worst", "expected_disagreement"),
    [
        ([], None, False),
        (["not_applicable"], "not_applicable", False),
        (["complies", "not_applicable"], "complies", False),
        (["concern", "complies"], "concern", True),
        (["conflicts", "concern"], "conflicts", False),
        (["conflicts", "not_applicable"], "conflicts", False),
        (["complies", "complies"], "complies", False),
    ],
)
def test_worst_and_disagreement_rules(verdicts, expected_worst, expected_disagreement):
    assert worst(verdicts) == expected_worst
    assert disagreement(verdicts) is expected_disagreement


def test_unknown_verdict_is_refused():
    with pytest.raises(ValueError, match="Unknown verdict"):
        tally(["maybe"])
    with pytest.raises(ValueError):
        Position("a", "osd-6", "maybe", "", T0)


@given(st.lists(st.sampled_from(VERDICTS)), st.lists(st.sampled_from(VERDICTS)))
def test_tallies_add_up(a, b):
    assert tally(a) + tally(b) == tally(a + b)
    assert tally(a).total == len(a)


# JSON ------------------------------------------------------------------------------------------


def test_json_round_trip():
    summary = make_summary()
    text = to_json(summary)
    assert from_json(text) == summary
    assert to_json(from_json(text)) == text


def test_json_has_schema_and_derived_tallies():
    import json

    data = json.loads(to_json(make_summary()))
    assert data["schema"] == SCHEMA == "clausewise.review/2"
    osd6 = next(c for c in data["criteria"] if c["key"] == "osd-6")
    assert osd6["tally"] == {"conflicts": 1, "concern": 0, "complies": 1, "not_applicable": 0}
    assert osd6["flagged_clauses"] == ["2.2.b"]
    assert data["clauses"][0]["positions"][2]["updated_at"] == "2026-03-01T10:30:00+01:00"


def test_json_version_1_files_still_load():
    """A /1 export (before family reviews) loads, with its one member and applies_to derived."""
    import json

    data = json.loads(to_json(make_summary()))
    data["schema"] = "clausewise.review/1"
    for key in ("family", "licenses"):
        del data[key]
    for clause in data["clauses"]:
        for item in clause["positions"] + clause["threads"]:
            del item["applies_to"]
    loaded = from_json(json.dumps(data))
    # this summary's links name no license page, so the slug is unknown (""); a real export's are
    assert [(m.license, m.version) for m in loaded.licenses] == [("", "draft 3")]
    thread = next(t for c in loaded.clauses for t in c.threads)
    assert [(a.version, a.clause) for a in thread.applies_to] == [("draft 3", "2.2(b)")]


def test_json_round_trip_keeps_options_and_empty_decision():
    summary = apply_options(make_summary(), ExportOptions(include_resolved=False, criterion="osd-6"))
    summary.decision = None
    summary.spdx_id = None
    assert from_json(to_json(summary)) == summary


def test_json_refuses_other_schema_and_naive_dates():
    with pytest.raises(ValueError, match="clausewise.review/2"):
        from_json('{"schema": "clausewise.review/3"}')
    summary = make_summary()
    summary.clauses[0].positions[0].updated_at = datetime(2026, 1, 1)
    with pytest.raises(ValueError, match="timezone-aware"):
        to_json(summary)


# options ---------------------------------------------------------------------------------------


def test_apply_options_filters_criterion_and_resolved():
    narrowed = apply_options(make_summary(), ExportOptions(include_resolved=False, criterion="osd-6"))
    assert [c.key for c in narrowed.criteria] == ["osd-6"]
    clause = narrowed.clauses[0]
    assert {p.criterion_key for p in clause.positions} == {"osd-6"}
    assert [t.id for t in clause.threads] == [7]
    assert narrowed.clauses[2].positions == []
    md = to_markdown(narrowed)
    assert "Resolved threads are left out." in md and "Only OSD 6." in md
    with pytest.raises(ValueError):
        apply_options(make_summary(), ExportOptions(criterion="osd-99"))


# Markdown --------------------------------------------------------------------------------------

# A line may exceed 72 columns only to hold one URL (after its quote or list prefix).
URL_LINE = re.compile(r"^[\s>*+-]*(?:\d+[.)]\s+)?<?([a-z][a-z0-9+.-]*://|mailto:)\S+$", re.IGNORECASE)


HEADING_LINE = re.compile(r"^#{1,6} \S")


def assert_wrapped(text: str) -> None:
    """Every line within 72 columns but a lone URL and a Markdown heading, which cannot go on
    over a line break without rendering cut short."""
    for line in text.splitlines():
        assert len(line) <= 72 or URL_LINE.match(line) or HEADING_LINE.match(line), repr(line)


def test_markdown_wraps_at_72_and_never_breaks_urls():
    md = to_markdown(make_summary())
    assert_wrapped(md)
    assert LONG_URL in md.split()  # the long URL is whole, alone on its line


def test_markdown_content():
    md = to_markdown(make_summary())
    assert "<" not in md.replace("<script>alert('license')</script>", "").replace(
        "<img src=x onerror=alert(1)>", ""
    ).replace("<img onerror>", "").replace("<b>erator</b>", "").replace("<i>because</i>", "").replace(
        "<script>alert(1)</script>", ""
    )  # no HTML of ours; user text is copied as written (this is plain text, not a web page)
    assert "https://clausewise.example/reviews/42/#c-2.2.b" in md.splitlines()
    assert "> You may not use the Software for any military purpose, nor provide it" in md
    assert "- alice, OSD 6: conflicts (threads 7)" in md
    assert "- OSD 6, No discrimination against fields of endeavor: 1 conflict, 1" in md
    assert "(reviewers disagree)" in md
    assert "Clauses in conflict or concern: 2.2(b) (conflicts)" in md
    assert "Suggested wording:" in md and "  > You may use the Software for any purpose." in md
    assert "- alice, 2026-03-01 09:30 UTC, objection:" in md
    assert "  ```\n  code line\n  ```" in md
    assert "Thread 8 (resolved)" in md
    assert "### 3" not in md  # a clause without activity is not listed


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "bb", " ", "  ", "\n", "\n\n", "- ", "> ", "1. ", "```", "*", "x" * 90, LONG_URL]
        ),
        max_size=80,
    ).map("".join)
)
def test_markdown_wrapping_holds_for_any_body(body):
    summary = make_summary()
    summary.clauses[0].threads[0].comments[0].body = body
    summary.clauses[0].text = body
    assert_wrapped(to_markdown(summary))


# HTML ------------------------------------------------------------------------------------------


class Walk(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_html_escapes_everything_user_written():
    page = to_html(make_summary())
    walk = Walk()
    walk.feed(page)
    tags = {t for t, _ in walk.tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags and "i" not in tags
    for _, attrs in walk.tags:
        assert not any(name.startswith("on") for name in attrs)
    text = "".join(walk.text)
    assert "<script>alert('license')</script> Licence" in text
    assert "Eve <img src=x onerror=alert(1)>" in text
    assert "Mod <b>erator</b>" in text and "Decided <i>because</i>." in text
    assert "&lt;script&gt;alert(&#x27;license&#x27;)&lt;/script&gt;" in page


def test_html_is_a_standalone_printable_page():
    page = to_html(make_summary())
    assert page.startswith("<!DOCTYPE html>")
    assert "@media print" in page
    assert "default-src 'none'" in page
    walk = Walk()
    walk.feed(page)
    assert (
        "a",
        {"class": "permalink url", "href": "https://clausewise.example/reviews/42/#c-2.2.b"},
    ) in walk.tags
    assert ("section", {"class": "clause", "id": "c-2.2.b"}) in walk.tags


def test_html_links_only_http_urls():
    summary = make_summary()
    summary.clauses[0].url = "javascript:alert(1)"
    walk = Walk()
    walk.feed(to_html(summary))
    assert all(not (a.get("href") or "").startswith("javascript") for _, a in walk.tags)


# CSV -------------------------------------------------------------------------------------------


def test_csv_matrix_rows_and_neutralising():
    rows = list(csv.DictReader(io.StringIO(to_csv(make_summary()))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 3 * 2
    cell = next(r for r in rows if r["clause_anchor"] == "2.2.b" and r["criterion_key"] == "osd-6")
    assert (cell["conflicts"], cell["complies"], cell["worst"], cell["disagreement"]) == (
        "1",
        "1",
        "conflicts",
        "yes",
    )
    assert cell["reviewers_verdicts"] == "alice=conflicts; Eve <img src=x onerror=alert(1)>=complies"
    evil = next(r for r in rows if r["clause_anchor"] == "x" and r["criterion_key"] == "osd-5")
    assert evil["clause_path"] == "'=1+1"
    assert evil["clause_heading"] == "'@SUM(A1) -2 +3"
    assert evil["reviewers_verdicts"] == "'+mallory=not_applicable"
    quiet = next(r for r in rows if r["clause_anchor"] == "3" and r["criterion_key"] == "osd-6")
    assert (quiet["worst"], quiet["disagreement"], quiet["reviewers_verdicts"]) == ("", "no", "")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1", "'=1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ok", "ok"),
        ("", ""),
    ],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


def test_exports_do_not_import_django():
    import subprocess
    import sys

    code = "import sys, review.exports; print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
