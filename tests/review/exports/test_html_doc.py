"""review.exports.html_doc: the standalone HTML page of a review, summary and transcript.

Pure: each test builds a ReviewSummary by hand (tests/review/exports/builders.py) and reads the
page a reader would print, or parses it to check that user text stays text.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from html.parser import HTMLParser

import pytest

from review.exports.data import Clause, Comment, Criterion, ExportOptions, Position, Thread
from review.exports.html_doc import STYLE, _redline, to_html
from review.markup import MAX_COMMENT_LENGTH
from tests.review.exports.builders import BASE, T0, decision, notices_clause, small_summary

HEAD = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
"""

SUMMARY_BODY = """\
<body>
<header><h1>Summary of the review of Demo License, version 1.0</h1>
<p>Status: <strong>open</strong>. <a class="review-link" href="https://x.example/r/1/">The review online</a>.</p></header>
<main>
<p>1 clause in dispute, 1 settled; 1 open thread, 1 resolved.</p>
<h2>Criteria</h2>
<ul><li><strong>OSD 3</strong>, Derived works: <span class="verdict v-concern">! concern</span> (1 concern, 1 complies) <strong>⚑ reviewers disagree</strong></li></ul>
<h2>Clauses in dispute</h2>
<section class="clause" id="c-4.1">
<h3>4.1 Notices</h3>
<p class="meta"><a class="permalink url" href="https://x.example/r/1/#c-4.1">https://x.example/r/1/#c-4.1</a></p>
<blockquote class="clause"><div class="text">You must keep all notices intact.</div></blockquote>
<h4>Positions</h4><ul class="reasons">
<li><strong>ann</strong>, OSD 3: <span class="verdict v-concern">! concern</span><div class="md"><p>Too strict.</p>
</div><p class=meta>Argued in <a class="" href="https://x.example/r/1/#t-5">thread 5</a></p></li>
<li><strong>ben</strong>, OSD 3: <span class="verdict v-complies">✓ complies</span></li>
</ul>
<h4>Open questions</h4><ul class="questions">
<li><strong>ann</strong> (<a class="" href="https://x.example/r/1/#t-5">thread 5</a>)<div class="md"><p>Which notices?</p>
</div></li>
</ul>
<h4>Suggested wording by ann <span class=meta>(<a class="" href="https://x.example/r/1/#t-5">thread 5</a>)</span></h4><p class="redline">You must keep <del>all</del> <ins>the copyright</ins> notices intact.</p>
<h4>Threads</h4><ul class="threads">
<li><a class="" href="https://x.example/r/1/#t-5">thread 5</a> (open, OSD 3) on “all notices”: 1 comment, started by ann</li>
</ul>
</section>
<h2>Settled</h2><p>No negative position and no open thread: <a class="" href="https://x.example/r/1/#c-5">5</a>.</p>
</main>
</body>
</html>
"""

TRANSCRIPT_BODY = """\
<body>
<header><h1>Review of Demo License, version 1.0 (SPDX: <code>Demo-1.0</code>)</h1>
<p>Status: <strong>open</strong>. <a class="review-link" href="https://x.example/r/1/">The review online</a>.</p><h2>Decision</h2><p class=meta>By <strong>mod</strong>, <time datetime="2026-03-01T11:30:00+02:00">2026-03-01 09:30 UTC</time></p><div class="md"><p>Approved after the
notice change.</p>
</div></header>
<main>
<h2>Criteria</h2>
<p class=muted>Key: ✕ conflicts ! concern ✓ complies – not applicable; ⚑ reviewers disagree.</p>
<table>
<thead><tr><th>Criterion</th><th>Title</th><th>Tally</th><th>Worst</th><th>Disagreement</th><th>Clauses in conflict or concern</th></tr></thead>
<tbody>
<tr><th scope=row>OSD 3</th><td>Derived works</td><td>1 concern, 1 complies</td><td><span class="verdict v-concern">! concern</span></td><td>⚑ yes</td><td><a href="#c-4.1">4.1</a></td></tr>
<tr><th scope=row>OSD 9</th><td>No other software</td><td>no positions</td><td><span class="muted">none</span></td><td>no</td><td>–</td></tr>
</tbody></table>
<h2>Clauses with positions or threads</h2>
<section class="clause" id="c-4.1">
<h3>4.1 Notices</h3>
<p class="meta"><a class="permalink url" href="https://x.example/r/1/#c-4.1">https://x.example/r/1/#c-4.1</a></p>
<blockquote class="clause"><div class="text">You must keep all notices intact.</div></blockquote>
<table><thead><tr><th>Reviewer</th><th>Criterion</th><th>Verdict</th><th>Rationale</th></tr></thead><tbody>
<tr><td>ann<br><time datetime="2026-03-01T09:30:00+00:00">2026-03-01 09:30 UTC</time></td><td>OSD 3</td><td><span class="verdict v-concern">! concern</span></td><td><div class="md"><p>Too strict.</p>
<p>Second para.</p>
</div><p class=meta>Threads: <a href="#t-5">5</a></p></td></tr>
<tr><td>ben<br><time datetime="2026-03-01T09:30:00+00:00">2026-03-01 09:30 UTC</time></td><td>OSD 3</td><td><span class="verdict v-complies">✓ complies</span></td><td></td></tr>
</tbody></table>
<section class="thread" id="t-5"><h4>Thread 5 (open, OSD 3)<span class="meta"> <a class="" href="https://x.example/r/1/#t-5">open online</a></span></h4>
<blockquote class="quote"><div class="text">all notices</div></blockquote>
<article class="comment"><p class="meta"><strong>ann</strong>, <time datetime="2026-03-01T09:30:00+00:00">2026-03-01 09:30 UTC</time> <span class="stance">question</span></p><div class="md"><p>Which notices?</p>
</div>
<p class="meta">Suggested wording, against the clause:</p><p class="redline">You must keep <del>all</del> <ins>the copyright</ins> notices intact.</p>
</article>
</section>
</section>
<section class="clause" id="c-5">
<h3>5 </h3>
<p class="meta"><a class="permalink url" href="https://x.example/r/1/#c-5">https://x.example/r/1/#c-5</a></p>
<blockquote class="clause"><div class="text">Fine.</div></blockquote>
<section class="thread" id="t-6"><h4>Thread 6 (resolved)<span class="meta"></span></h4>
<article class="comment"><p class="meta"><strong>cy</strong>, <time datetime="2026-03-01T09:30:00+00:00">2026-03-01 09:30 UTC</time> <span class="stance">note</span></p><div class="md"><p>ok</p>
</div>
</article>
<article class="comment"><p class="meta"><strong>dee</strong>, <time datetime="2026-03-01T11:30:00+02:00">2026-03-01 09:30 UTC</time> <span class="stance">support</span></p><div class="md"><p>yes</p>
</div>
</article>
</section>
</section>
</main>
</body>
</html>
"""


class Walk(HTMLParser):
    """Start tags with their attributes, and the text as a reader sees it."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.chunks: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a"]


def body(page: str) -> str:
    return page[page.index("<body>") :]


# Whole pages -----------------------------------------------------------------------------------


def test_summary_page_head_is_standalone_with_a_csp_and_the_print_style():
    page = to_html(small_summary("summary"))
    head = HEAD.format(title="Summary of the review of Demo License, version 1.0", style=STYLE)
    assert page == head + SUMMARY_BODY


def test_transcript_page_shows_every_comment_decision_and_the_criteria_table():
    page = to_html(small_summary("transcript", decision=decision(), spdx_id="Demo-1.0"))
    assert page == HEAD.format(title="Review of Demo License, version 1.0", style=STYLE) + TRANSCRIPT_BODY


def test_summary_and_transcript_differ_in_what_they_repeat():
    summary = Walk(to_html(small_summary("summary"))).text
    transcript = Walk(to_html(small_summary("transcript"))).text
    assert "Second para." in transcript and "Second para." not in summary
    assert "cy" in transcript and "cy" not in summary
    assert "Clauses in dispute" in summary and "Clauses in dispute" not in transcript
    assert "Clauses with positions or threads" in transcript


# Header ----------------------------------------------------------------------------------------


def test_title_and_heading_leave_out_an_empty_version():
    page = to_html(small_summary("transcript", version_label=""))
    assert "<title>Review of Demo License</title>" in page
    assert "<h1>Review of Demo License</h1>" in page


def test_header_notes_the_criterion_and_left_out_threads():
    summary = small_summary("transcript")
    summary.options = ExportOptions(kind="transcript", criterion="osd-3", include_resolved=False)
    assert (
        "</a>.</p><p class=muted>Only OSD 3.</p><p class=muted>Resolved threads are left out.</p></header>"
        in to_html(summary)
    )
    summary.options = ExportOptions(kind="transcript", criterion="osd-77")
    assert "<p class=muted>Only osd-77.</p></header>" in to_html(summary)


def test_a_review_address_that_is_not_http_is_shown_as_text():
    page = to_html(small_summary(url="javascript:alert(1)"))
    assert "<p>Status: <strong>open</strong>. The review online.</p>" in page


# Escaping --------------------------------------------------------------------------------------

EVIL = '<img src=x onerror="alert(1)">&amp;\'"'


def evil_summary(kind: str):
    thread = Thread(
        id=5,
        status="open",
        quote=EVIL,
        criterion_key="osd-3",
        url=BASE + '#t-5"><script>x</script>',
        comments=[
            Comment(EVIL, T0, EVIL, "<script>alert(2)</script> **why**", suggested_wording=EVIL + " more"),
            Comment("q", T0, "question", "<b>bold?</b>"),
        ],
    )
    clause = Clause(
        path=EVIL,
        anchor='a"b',
        url=BASE + "#c-" + EVIL,
        heading=EVIL,
        text=EVIL,
        positions=[Position(EVIL, "osd-3", "conflicts", "<i>because</i>", T0, [5])],
        threads=[thread],
    )
    return small_summary(
        kind,
        license_name=EVIL,
        version_label=EVIL,
        spdx_id=EVIL,
        status=EVIL,
        criteria=[Criterion("osd-3", 3, EVIL, label=EVIL)],
        clauses=[clause],
        decision=replace(decision(), by=EVIL, rationale="<script>alert(3)</script>"),
    )


@pytest.mark.parametrize("kind", ["summary", "transcript"])
def test_user_text_stays_text(kind):
    page = to_html(evil_summary(kind))
    walk = Walk(page)
    assert {t for t, _ in walk.tags}.isdisjoint({"script", "img", "b", "i"})
    for _, attrs in walk.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert "<" not in (attrs.get("href") or "") or attrs["href"].startswith("https://x.example")
    # every field reads back exactly as written
    assert walk.text.count(EVIL) >= 8
    assert "<script>alert(2)</script>" in walk.text or kind == "summary"
    assert "<b>bold?</b>" in walk.text
    what = "Summary of the review" if kind == "summary" else "Review"
    assert f"<title>{what} of {escape(EVIL)}, version {escape(EVIL)}</title>" in page
    assert (
        f"<h1>{what} of {escape(EVIL)}, version {escape(EVIL)} (SPDX: <code>{escape(EVIL)}</code>)</h1>"
        in page
    )


def test_attribute_values_are_escaped():
    page = to_html(evil_summary("transcript"))
    walk = Walk(page)
    assert ("section", {"class": "clause", "id": 'c-a"b'}) in walk.tags
    assert ("a", {"href": '#c-a"b'}) in walk.tags
    assert BASE + '#t-5"><script>x</script>' in walk.links()


def test_markdown_in_comments_is_rendered_and_raw_html_in_it_is_text():
    page = to_html(evil_summary("transcript"))
    assert "<strong>why</strong>" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "<i>" not in page and "&lt;i&gt;because&lt;/i&gt;" in page


def test_markdown_over_the_length_limit_is_shown_as_escaped_text():
    clause = notices_clause()
    clause.threads[0].comments[0].body = "<b>x</b> " + "y" * MAX_COMMENT_LENGTH
    page = to_html(small_summary("transcript", clauses=[clause]))
    assert '<div class="text">&lt;b&gt;x&lt;/b&gt; yyy' in page


def test_blank_markdown_and_text_leave_no_empty_block():
    clause = replace(notices_clause(), text="  \n ")
    clause.positions[0].rationale = "  "
    clause.threads[0].quote = " "
    page = to_html(small_summary("transcript", clauses=[clause]))
    assert '<blockquote class="clause"></blockquote>' in page
    assert '<blockquote class="quote">' not in page
    assert '<td><p class=meta>Threads: <a href="#t-5">5</a></p></td>' in page


# Links -----------------------------------------------------------------------------------------


def test_only_http_and_https_addresses_become_links():
    clause = notices_clause()
    clause.url = "javascript:alert(1)"
    clause.threads[0].url = "data:text/html,x"
    page = to_html(small_summary("summary", clauses=[clause]))
    walk = Walk(page)
    assert all(href.startswith(("https://", "#")) for href in walk.links())
    assert '<p class="meta">javascript:alert(1)</p>' in page
    assert "<li>thread 5 (open, OSD 3)" in page


def test_upper_case_and_plain_http_schemes_are_links():
    clause = notices_clause()
    clause.url = "HTTP://x.example/c"
    page = to_html(small_summary("transcript", clauses=[clause]))
    assert '<a class="permalink url" href="HTTP://x.example/c">HTTP://x.example/c</a>' in page


def test_thread_without_an_address_is_named_not_linked():
    clause = notices_clause()
    clause.threads[0].url = ""
    page = to_html(small_summary("summary", clauses=[clause]))
    assert "<p class=meta>Argued in thread 5</p>" in page
    assert "<li><strong>ann</strong> (thread 5)<div" in page
    assert "<span class=meta>(thread 5)</span>" in page
    assert "<li>thread 5 (open, OSD 3) on" in page
    transcript = to_html(small_summary("transcript", clauses=[clause]))
    assert '<h4>Thread 5 (open, OSD 3)<span class="meta"></span></h4>' in transcript


def test_a_position_resting_on_several_threads_links_each():
    clause = notices_clause()
    clause.positions[0].thread_ids = [5, 9]
    page = to_html(small_summary("summary", clauses=[clause]))
    assert 'Argued in <a class="" href="https://x.example/r/1/#t-5">thread 5</a>, thread 9</p>' in page
    transcript = to_html(small_summary("transcript", clauses=[clause]))
    assert 'Threads: <a href="#t-5">5</a>, <a href="#t-9">9</a></p>' in transcript


# Summary pieces --------------------------------------------------------------------------------


def test_summary_without_positions_says_so():
    clause = replace(notices_clause(), positions=[])
    page = to_html(small_summary("summary", clauses=[clause]))
    assert "<h2>Criteria</h2>\n<p>No reviewer has taken a position yet.</p>" in page
    assert "<h4>Positions</h4>" not in page


def test_summary_with_nothing_in_dispute_or_settled_has_neither_heading():
    page = to_html(small_summary("summary", clauses=[]))
    assert "Clauses in dispute" not in page and "Settled" not in page
    assert "<p>0 clauses in dispute, 0 settled; 0 open threads, 0 resolved.</p>" in page


def test_summary_criteria_brief_lists_worst_verdict_and_counts():
    clauses = [
        Clause("1", "1", BASE + "#c-1", positions=[Position("a", "osd-3", "conflicts", "", T0)]),
        Clause("2", "2", BASE + "#c-2", positions=[Position("b", "osd-3", "conflicts", "", T0)]),
        Clause("3", "3", BASE + "#c-3", positions=[Position("c", "osd-9", "not_applicable", "", T0)]),
    ]
    page = to_html(small_summary("summary", clauses=clauses))
    assert (
        '<ul><li><strong>OSD 3</strong>, Derived works: <span class="verdict v-conflicts">✕ conflicts</span>'
        " (2 conflicts)</li><li><strong>OSD 9</strong>, No other software: "
        '<span class="verdict v-not_applicable">– not applicable</span> (1 not applicable)</li></ul>'
    ) in page
    assert "<h2>Settled</h2><p>No negative position and no open thread: " in page
    assert '<a class="" href="https://x.example/r/1/#c-3">3</a>.</p>' in page


def test_summary_thread_list_counts_comments_and_names_who_started():
    threads = [
        Thread(id=1, status="open", criterion_key="osd-x", comments=[Comment("a", T0, "note", "x")] * 2),
        Thread(id=2, status="open", quote="q", comments=[]),
    ]
    clause = replace(notices_clause(), positions=[], threads=threads)
    page = to_html(small_summary("summary", clauses=[clause]))
    assert "<li>thread 1 (open, osd-x) on the whole clause: 2 comments, started by a</li>" in page
    assert "<li>thread 2 (open) on “q”: 0 comments</li>" in page


def test_transcript_position_on_an_unknown_criterion_shows_its_key():
    clause = replace(notices_clause(), positions=[Position("a", "osd-x", "conflicts", "", T0)], threads=[])
    page = to_html(small_summary("transcript", clauses=[clause]))
    assert '<td>osd-x</td><td><span class="verdict v-conflicts">✕ conflicts</span></td><td></td></tr>' in page


def test_transcript_comment_without_wording_has_no_redline():
    clause = notices_clause()
    clause.threads[0].comments[0].suggested_wording = "  "
    page = to_html(small_summary("transcript", clauses=[clause]))
    assert "redline" not in body(page)


def test_transcript_without_active_clauses_has_no_clause_heading():
    page = to_html(small_summary("transcript", clauses=[]))
    assert "Clauses with positions or threads" not in page
    assert "</tbody></table>\n\n\n</main>" in page


def test_clause_text_is_reflowed_for_reading():
    wrapped = "You must keep all notices and the copyright lines and\nthe other lines that people write\nin their files.\n\n(b) Next."
    clause = replace(notices_clause(), text=wrapped)
    page = to_html(small_summary("transcript", clauses=[clause]))
    assert (
        '<div class="text">You must keep all notices and the copyright lines and the other lines '
        "that people write in their files.\n\n(b) Next.</div>"
    ) in page


# Redline ---------------------------------------------------------------------------------------


def test_redline_tags_hug_the_words_and_escape_them():
    pieces = [("equal", "a <x> "), ("delete", "b& "), ("insert", "c"), ("insert", "  "), ("equal", " d ")]
    assert _redline(pieces) == "a &lt;x&gt; <del>b&amp;</del> <ins>c</ins>   d"


def test_summary_with_nothing_to_report_has_an_empty_main_but_for_the_overview():
    page = to_html(small_summary("summary", clauses=[]))
    assert page.endswith(
        "<main>\n<p>0 clauses in dispute, 0 settled; 0 open threads, 0 resolved.</p>\n"
        "<h2>Criteria</h2>\n<p>No reviewer has taken a position yet.</p>\n\n\n</main>\n</body>\n</html>\n"
    )


def test_summary_criteria_brief_skips_criteria_without_positions_but_not_the_rest():
    clause = replace(notices_clause(), positions=[Position("a", "osd-9", "complies", "", T0)], threads=[])
    page = to_html(small_summary("summary", clauses=[clause]))
    assert (
        "<h2>Criteria</h2>\n<ul><li><strong>OSD 9</strong>, No other software: "
        '<span class="verdict v-complies">✓ complies</span> (1 complies)</li></ul>'
    ) in page


def test_several_clauses_in_dispute_and_settled_are_each_listed():
    def clause(n: int, verdict: str) -> Clause:
        return Clause(str(n), str(n), f"{BASE}#c-{n}", positions=[Position("a", "osd-3", verdict, "", T0)])

    verdicts = ["conflicts", "concern", "complies", "complies"]
    page = to_html(small_summary("summary", clauses=[clause(n, v) for n, v in enumerate(verdicts, 1)]))
    assert '</ul>\n</section>\n<section class="clause" id="c-2">\n<h3>2 </h3>' in page
    assert (
        'No negative position and no open thread: <a class="" href="https://x.example/r/1/#c-3">3</a>, '
        '<a class="" href="https://x.example/r/1/#c-4">4</a>.</p>'
    ) in page
    transcript = to_html(small_summary("transcript", clauses=[clause(1, "conflicts"), clause(2, "concern")]))
    assert '<td>no</td><td><a href="#c-1">1</a>, <a href="#c-2">2</a></td></tr>' in transcript


def test_criteria_the_page_does_not_list_are_named_by_their_key():
    clause = notices_clause()
    clause.positions = [Position("ann", "osd-x", "conflicts", "", T0)]
    clause.threads[0].criterion_key = "osd-y"
    summary = to_html(small_summary("summary", clauses=[clause]))
    assert '<li><strong>ann</strong>, osd-x: <span class="verdict v-conflicts">' in summary
    assert "</a> (open, osd-y) on “all notices”" in summary
    transcript = to_html(small_summary("transcript", clauses=[clause]))
    assert "<h4>Thread 5 (open, osd-y)<span" in transcript


def test_html_dates_print_in_utc_whatever_the_servers_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        page = to_html(small_summary("transcript", decision=decision()))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert '<time datetime="2026-03-01T11:30:00+02:00">2026-03-01 09:30 UTC</time>' in page
