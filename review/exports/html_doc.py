"""ReviewSummary -> a standalone HTML page, fit to print to PDF.

Pure: no Django; built with html.escape. Every piece of user-written text (license name, user
names, headings, clause text, rationales, comment bodies) passes through ``e()``. Markdown
bodies are shown as escaped text with their line breaks kept (``white-space: pre-wrap``), not
rendered: an exported file is opened from disk or mail with no Content-Security-Policy of ours
around it, so it carries no user-controlled markup at all, and the Markdown source reads well.
The page itself has no scripts, and a CSP meta tag says so.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from review.exports.data import Clause, ReviewSummary, Thread, criterion_label
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
a { color: #174ea6; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  a.permalink::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); }
  h3 { break-after: avoid; } .comment, tr, blockquote { break-inside: avoid; }
  .thread { border-left-color: #999; }
}
"""


def e(value: object) -> str:
    return escape(str(value), quote=True)


def _date(value: datetime) -> str:
    return f'<time datetime="{e(value.isoformat())}">{e(value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"))}</time>'


def _text(value: str, cls: str = "text") -> str:
    return f'<div class="{cls}">{e(value.strip())}</div>' if value.strip() else ""


def _verdict(verdict: str | None) -> str:
    if verdict is None:
        return '<span class="muted">none</span>'
    return f'<span class="verdict v-{verdict}">{SYMBOLS[verdict]} {e(LABELS[verdict])}</span>'


def _link(url: str, label: str, cls: str = "") -> str:
    # Only http(s) URLs become links; anything else is shown as text.
    if url.lower().startswith(("https://", "http://")):
        return f'<a class="{cls}" href="{e(url)}">{e(label)}</a>'
    return e(label)


def _criteria(summary: ReviewSummary) -> str:
    rows = []
    for c in summary.criteria:
        t = summary.criterion_tally(c.key)
        flagged = ", ".join(
            f'<a href="#c-{e(cl.anchor)}">{e(cl.path)}</a>' for cl in summary.flagged_clauses(c.key)
        )
        rows.append(
            f"<tr><th scope=row>{e(criterion_label(c, summary.criterion_set))}</th><td>{e(c.title)}</td>"
            f"<td>{e(t.label())}</td><td>{_verdict(t.worst)}</td>"
            f"<td>{'⚑ yes' if t.disagreement else 'no'}</td><td>{flagged or '–'}</td></tr>"
        )
    legend = " ".join(f"{SYMBOLS[v]} {LABELS[v]}" for v in SYMBOLS)
    head = "<tr><th>Criterion</th><th>Title</th><th>Tally</th><th>Worst</th><th>Disagreement</th><th>Clauses in conflict or concern</th></tr>"
    return (
        f"<h2>Criteria</h2>\n<p class=muted>Key: {e(legend)}; ⚑ reviewers disagree.</p>\n<table>\n<thead>{head}</thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def _thread(thread: Thread, names: dict[str, str]) -> str:
    about = f", {e(names.get(thread.criterion_key, thread.criterion_key))}" if thread.criterion_key else ""
    parts = [
        f'<section class="thread" id="t-{e(thread.id)}"><h4>Thread {e(thread.id)} ({e(thread.status)}{about})</h4>'
    ]
    if thread.quote.strip():
        parts.append(f'<blockquote class="quote">{_text(thread.quote)}</blockquote>')
    for m in thread.comments:
        parts.append(
            f'<article class="comment"><p class="meta"><strong>{e(m.author)}</strong>, {_date(m.date)} '
            f'<span class="stance">{e(m.stance)}</span></p>{_text(m.body)}'
        )
        if m.suggested_wording.strip():
            parts.append(
                f'<p class="meta">Suggested wording:</p>{_text(m.suggested_wording, "text suggested")}'
            )
        parts.append("</article>")
    parts.append("</section>")
    return "\n".join(parts)


def _clause(clause: Clause, names: dict[str, str]) -> str:
    parts = [
        f'<section class="clause" id="c-{e(clause.anchor)}">',
        f"<h3>{e(clause.path)} {e(clause.heading)}</h3>",
        f'<p class="meta">{_link(clause.url, clause.url, "permalink")}</p>',
        f'<blockquote class="clause">{_text(clause.text)}</blockquote>',
    ]
    if clause.positions:
        parts.append(
            "<table><thead><tr><th>Reviewer</th><th>Criterion</th><th>Verdict</th><th>Rationale</th></tr></thead><tbody>"
        )
        for p in clause.positions:
            threads = ", ".join(f'<a href="#t-{e(i)}">{e(i)}</a>' for i in p.thread_ids)
            parts.append(
                f"<tr><td>{e(p.reviewer)}<br>{_date(p.updated_at)}</td><td>{e(names.get(p.criterion_key, p.criterion_key))}</td>"
                f"<td>{_verdict(p.verdict)}</td><td>{_text(p.rationale)}"
                f"{'<p class=meta>Threads: ' + threads + '</p>' if threads else ''}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.extend(_thread(t, names) for t in clause.threads)
    parts.append("</section>")
    return "\n".join(parts)


def to_html(summary: ReviewSummary) -> str:
    names = {c.key: criterion_label(c, summary.criterion_set) for c in summary.criteria}
    title = f"Review of {summary.license_name} {summary.version_label}"
    spdx = f" (SPDX: <code>{e(summary.spdx_id)}</code>)" if summary.spdx_id else ""
    meta = [
        f"<p>Status: <strong>{e(summary.status)}</strong>. {_link(summary.url, 'The review online')}.</p>"
    ]
    if summary.decision:
        d = summary.decision
        meta.append(
            f"<h2>Decision</h2><p class=meta>By <strong>{e(d.by)}</strong>, {_date(d.at)}</p>{_text(d.rationale)}"
        )
    if summary.options.criterion:
        meta.append(
            f"<p class=muted>Only {e(names.get(summary.options.criterion, summary.options.criterion))}.</p>"
        )
    if not summary.options.include_resolved:
        meta.append("<p class=muted>Resolved threads are left out.</p>")
    clauses = "\n".join(_clause(c, names) for c in summary.active_clauses())
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<header><h1>Review of {e(summary.license_name)}, version {e(summary.version_label)}{spdx}</h1>
{"".join(meta)}</header>
<main>
{_criteria(summary)}
{"<h2>Clauses with positions or threads</h2>" if clauses else ""}
{clauses}
</main>
</body>
</html>
"""
