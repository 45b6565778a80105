"""ReviewSummary -> a standalone HTML page, fit to print to PDF.

Pure: no Django; built with html.escape. Plain user-written text (license name, user names,
headings, clause text, quotes, suggested wording) passes through ``text()``. Markdown (comment
bodies, rationales, reasons, the decision) is rendered by ``review.markup``, the renderer the
site uses: raw HTML in the source stays text, and nh3 keeps only an allow-list of tags, http(s)
and mailto links, and no images. The page itself has no scripts, and a CSP meta tag forbids
them and every fetch, so even a link cannot load anything until it is followed.

Two kinds, as ``summary.options.kind`` says: the *summary* (``review.exports.digest``, with
suggested wording as a redline) and the *transcript* with every comment.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from licenses.text.redline import redline
from licenses.text.reflow import reflow
from review.exports.data import Clause, ReviewSummary, Thread
from review.exports.digest import ClauseDigest, digest, overview, settled
from review.markup import MarkdownTooLong, render_markdown
from review.matrix.verdicts import LABELS, SYMBOLS

STYLE = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4d9; --conflicts: #b3261e; --concern: #8a5a00;
  --complies: #1e6b35; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); margin: 2rem auto;
  max-width: 48rem; padding: 0 1rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h3 { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
.meta, .muted, time { color: var(--muted); font-size: .9rem; }
blockquote.clause { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid var(--rule);
  max-width: 70ch; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0 .75rem; }
table { border-collapse: collapse; width: 100%; font-family: system-ui, sans-serif; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.verdict { font-weight: 600; white-space: nowrap; }
.v-conflicts { color: var(--conflicts); } .v-concern { color: var(--concern); }
.v-complies { color: var(--complies); } .v-not_applicable { color: var(--muted); }
.thread { margin: 1rem 0 1rem 1rem; padding-left: 1rem; border-left: 2px dotted var(--rule); }
.comment { margin: .75rem 0; }
.stance { font-family: system-ui, sans-serif; font-size: .8rem; border: 1px solid var(--rule);
  border-radius: .25rem; padding: 0 .35rem; }
.suggested { border-left: 4px solid var(--complies); padding-left: .75rem; }
.md > :first-child { margin-top: 0; } .md > :last-child { margin-bottom: 0; }
.md blockquote { margin: .25rem 0; padding-left: .75rem; border-left: 3px solid var(--rule); color: var(--muted); }
.md pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.redline { border-left: 4px solid var(--complies); padding: .1rem .75rem; max-width: 70ch; }
.redline del { color: var(--conflicts); text-decoration: line-through; }
.redline ins { color: var(--complies); text-decoration: underline; }
ul.reasons, ul.questions, ul.threads { padding-left: 1.25rem; }
ul.reasons li, ul.questions li, ul.threads li { margin: .35rem 0; }
a { color: #174ea6; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  /* A link's address is printed after it, once; a link that shows its address already is left. */
  a[href^="http"]:not(.url)::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); }
  h3 { break-after: avoid; } .comment, tr, blockquote, .redline, li { break-inside: avoid; }
  .thread { border-left-color: #999; }
  .redline del, .redline ins { color: inherit; }
}
"""


def text(value: object) -> str:
    """Any value as HTML text or attribute content: everything user-written passes through here."""
    return escape(str(value), quote=True)


def _date(value: datetime) -> str:
    return f'<time datetime="{text(value.isoformat())}">{text(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"))}</time>'


def _text(value: str, cls: str = "text") -> str:
    return f'<div class="{cls}">{text(value.strip())}</div>' if value.strip() else ""


def _md(value: str, cls: str = "md") -> str:
    """Markdown as sanitised HTML (``review.markup``); over the length limit, as escaped text."""
    if not value.strip():
        return ""
    try:
        return f'<div class="{cls}">{render_markdown(value)}</div>'
    except MarkdownTooLong:
        return _text(value)


def _redline(pieces: list[tuple[str, str]]) -> str:
    """``<del>`` and ``<ins>`` around the changed words; the space after a word stays outside."""
    tags = {"delete": "del", "insert": "ins"}
    out = []
    for op, piece in pieces:
        core = piece.rstrip()
        if op in tags and core:
            out.append(f"<{tags[op]}>{text(core)}</{tags[op]}>{text(piece[len(core) :])}")
        else:
            out.append(text(piece))
    return "".join(out).strip()


def _verdict(verdict: str | None) -> str:
    if verdict is None:
        return '<span class="muted">none</span>'
    return f'<span class="verdict v-{verdict}">{SYMBOLS[verdict]} {text(LABELS[verdict])}</span>'


def _link(url: str, label: str, cls: str = "") -> str:
    """Only http(s) URLs become links; anything else is shown as text. A link whose label is its
    address gets the class ``url``, so print does not write the address twice."""
    if url.lower().startswith(("https://", "http://")):
        classes = " ".join(c for c in (cls, "url" if label == url else "") if c)
        return f'<a class="{classes}" href="{text(url)}">{text(label)}</a>'
    return text(label)


def _criteria(summary: ReviewSummary) -> str:
    rows = []
    for c in summary.criteria:
        t = summary.criterion_tally(c.key)
        flagged = ", ".join(
            f'<a href="#c-{text(cl.anchor)}">{text(cl.path)}</a>' for cl in summary.flagged_clauses(c.key)
        )
        rows.append(
            f"<tr><th scope=row>{text(c.label)}</th><td>{text(c.title)}</td>"
            f"<td>{text(t.label())}</td><td>{_verdict(t.worst)}</td>"
            f"<td>{'⚑ yes' if t.disagreement else 'no'}</td><td>{flagged or '–'}</td></tr>"
        )
    legend = " ".join(f"{SYMBOLS[v]} {LABELS[v]}" for v in SYMBOLS)
    head = "<tr><th>Criterion</th><th>Title</th><th>Tally</th><th>Worst</th><th>Disagreement</th><th>Clauses in conflict or concern</th></tr>"
    return (
        f"<h2>Criteria</h2>\n<p class=muted>Key: {text(legend)}; ⚑ reviewers disagree.</p>\n<table>\n<thead>{head}</thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def _thread(thread: Thread, names: dict[str, str], clause_text: str) -> str:
    about = f", {text(names.get(thread.criterion_key, thread.criterion_key))}" if thread.criterion_key else ""
    online = f" {_link(thread.url, 'open online')}" if thread.url else ""
    parts = [
        f'<section class="thread" id="t-{text(thread.id)}"><h4>Thread {text(thread.id)} ({text(thread.status)}{about})'
        f'<span class="meta">{online}</span></h4>'
    ]
    if thread.quote.strip():
        parts.append(f'<blockquote class="quote">{_text(thread.quote)}</blockquote>')
    for m in thread.comments:
        parts.append(
            f'<article class="comment"><p class="meta"><strong>{text(m.author)}</strong>, {_date(m.date)} '
            f'<span class="stance">{text(m.stance)}</span></p>{_md(m.body)}'
        )
        if m.suggested_wording.strip():
            pieces = redline(clause_text, m.suggested_wording)
            parts.append(
                f'<p class="meta">Suggested wording, against the clause:</p><p class="redline">{_redline(pieces)}</p>'
            )
        parts.append("</article>")
    parts.append("</section>")
    return "\n".join(parts)


def _clause_head(clause: Clause) -> list[str]:
    return [
        f'<section class="clause" id="c-{text(clause.anchor)}">',
        f"<h3>{text(clause.path)} {text(clause.heading)}</h3>",
        f'<p class="meta">{_link(clause.url, clause.url, "permalink")}</p>',
        f'<blockquote class="clause">{_text(reflow(clause.text))}</blockquote>',
    ]


def _clause(clause: Clause, names: dict[str, str]) -> str:
    parts = _clause_head(clause)
    if clause.positions:
        parts.append(
            "<table><thead><tr><th>Reviewer</th><th>Criterion</th><th>Verdict</th><th>Rationale</th></tr></thead><tbody>"
        )
        for p in clause.positions:
            threads = ", ".join(f'<a href="#t-{text(i)}">{text(i)}</a>' for i in p.thread_ids)
            parts.append(
                f"<tr><td>{text(p.reviewer)}<br>{_date(p.updated_at)}</td><td>{text(names.get(p.criterion_key, p.criterion_key))}</td>"
                f"<td>{_verdict(p.verdict)}</td><td>{_md(p.rationale)}"
                f"{'<p class=meta>Threads: ' + threads + '</p>' if threads else ''}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.extend(_thread(t, names, clause.text) for t in clause.threads)
    parts.append("</section>")
    return "\n".join(parts)


def _thread_ref(thread_id: int, url: str) -> str:
    return _link(url, f"thread {thread_id}") if url else f"thread {text(thread_id)}"


def _digest_clause(d: ClauseDigest, names: dict[str, str]) -> str:
    parts = _clause_head(d.clause)
    urls = {t.id: t.url for t in d.threads}
    if d.reasons:
        parts.append('<h4>Positions</h4><ul class="reasons">')
        for r in d.reasons:
            refs = ", ".join(_thread_ref(i, urls.get(i, "")) for i in r.thread_ids)
            parts.append(
                f"<li><strong>{text(r.reviewer)}</strong>, {text(names.get(r.criterion_key, r.criterion_key))}: "
                f"{_verdict(r.verdict)}{_md(r.reason)}{'<p class=meta>Argued in ' + refs + '</p>' if refs else ''}</li>"
            )
        parts.append("</ul>")
    if d.questions:
        parts.append('<h4>Open questions</h4><ul class="questions">')
        for q in d.questions:
            parts.append(
                f"<li><strong>{text(q.author)}</strong> ({_thread_ref(q.thread_id, q.url)}){_md(q.text)}</li>"
            )
        parts.append("</ul>")
    for w in d.wordings:
        parts.append(
            f"<h4>Suggested wording by {text(w.author)} <span class=meta>({_thread_ref(w.thread_id, w.url)})</span></h4>"
            f'<p class="redline">{_redline(w.redline)}</p>'
        )
    if d.threads:
        parts.append('<h4>Threads</h4><ul class="threads">')
        for t in d.threads:
            about = f", {text(names.get(t.criterion_key, t.criterion_key))}" if t.criterion_key else ""
            by = f", started by {text(t.started_by)}" if t.started_by else ""
            count = f"{t.comments} comment{'' if t.comments == 1 else 's'}"
            parts.append(
                f"<li>{_thread_ref(t.id, t.url)} ({text(t.status)}{about}) on {text(t.title)}: {count}{by}</li>"
            )
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _criteria_brief(summary: ReviewSummary) -> str:
    """The criteria with positions, one line each (the summary's short form of the table)."""
    items = []
    for c in summary.criteria:
        t = summary.criterion_tally(c.key)
        if not t.total:
            continue
        flag = " <strong>⚑ reviewers disagree</strong>" if t.disagreement else ""
        items.append(
            f"<li><strong>{text(c.label)}</strong>, {text(c.title)}: "
            f"{_verdict(t.worst)} ({text(t.label())}){flag}</li>"
        )
    if not items:
        return "<h2>Criteria</h2>\n<p>No reviewer has taken a position yet.</p>"
    return "<h2>Criteria</h2>\n<ul>" + "".join(items) + "</ul>"


def to_html(summary: ReviewSummary) -> str:
    names = {c.key: c.label for c in summary.criteria}
    is_summary = summary.options.kind == "summary"
    what = "Summary of the review" if is_summary else "Review"
    version = f", version {text(summary.version_label)}" if summary.version_label else ""
    title = f"{what} of {summary.license_name}{', version ' + summary.version_label if summary.version_label else ''}"
    spdx = f" (SPDX: <code>{text(summary.spdx_id)}</code>)" if summary.spdx_id else ""
    meta = [
        f"<p>Status: <strong>{text(summary.status)}</strong>. {_link(summary.url, 'The review online', 'review-link')}.</p>"
    ]
    if summary.decision:
        d = summary.decision
        meta.append(
            f"<h2>Decision</h2><p class=meta>By <strong>{text(d.by)}</strong>, {_date(d.at)}</p>{_md(d.rationale)}"
        )
    if summary.options.criterion:
        meta.append(
            f"<p class=muted>Only {text(names.get(summary.options.criterion, summary.options.criterion))}.</p>"
        )
    if not summary.options.include_resolved:
        meta.append("<p class=muted>Resolved threads are left out.</p>")
    if is_summary:
        disputed = "\n".join(_digest_clause(d, names) for d in digest(summary))
        calm = settled(summary)
        body = "\n".join(
            [
                f"<p>{text(overview(summary))}</p>",
                _criteria_brief(summary),
                f"<h2>Clauses in dispute</h2>\n{disputed}" if disputed else "",
                "<h2>Settled</h2><p>No negative position and no open thread: "
                + ", ".join(f"{_link(c.url, c.path)}" for c in calm)
                + ".</p>"
                if calm
                else "",
            ]
        )
    else:
        clauses = "\n".join(_clause(c, names) for c in summary.active_clauses())
        body = "\n".join(
            [_criteria(summary), "<h2>Clauses with positions or threads</h2>" if clauses else "", clauses]
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>{what} of {text(summary.license_name)}{version}{spdx}</h1>
{"".join(meta)}</header>
<main>
{body}
</main>
</body>
</html>
"""
