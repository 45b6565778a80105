"""ReviewSummary -> plain text Markdown for a mailing-list message.

Two kinds (``summary.options.kind``): the *summary* a committee posts (``review.exports.digest``:
per clause in dispute the positions with their reasons, open questions, suggested wording as a
redline, links to the threads), and the *transcript* with every comment. ``to_text`` is the
summary as plain text for the clipboard: the same lines, headings underlined instead of ``#``,
redlines as ``[-removed-]{+added+}``.

Pure: no Django. Every line is at most 72 columns, except a line that holds one URL (or other
unbreakable link) too long to fit, which is never split. No HTML: user text is copied as
written (it is Markdown already), reflowed paragraph by paragraph; fenced code is kept line by
line. Clause text is quoted with "> ".
"""

from __future__ import annotations

import re
import textwrap
from datetime import UTC, datetime

from review.exports.data import Clause, Comment, ReviewSummary, Thread
from review.exports.digest import ClauseDigest, digest, overview, redline_text, settled
from review.matrix.verdicts import LABELS

WIDTH = 72
_URL = re.compile(r"^<?(?:[a-z][a-z0-9+.-]*://|mailto:)\S+$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+)")
_QUOTE_MARKS = re.compile(r"^((?:>\s?)+)")


def _is_url(word: str) -> bool:
    return bool(_URL.match(word.strip("()[].,;")))


def wrap(text: str, initial: str = "", subsequent: str | None = None, width: int = WIDTH) -> list[str]:
    """Wrap one paragraph; URLs are never broken, other over-long words are."""
    subsequent = initial if subsequent is None else subsequent
    words = text.split()
    if not words:
        return [initial.rstrip()]
    lines = textwrap.wrap(
        " ".join(words),
        width=width,
        initial_indent=initial,
        subsequent_indent=subsequent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    out: list[str] = []
    for index, line in enumerate(lines):
        prefix = initial if index == 0 else subsequent
        body = line[len(prefix) :]
        if len(line) <= width or (len(body.split()) == 1 and _is_url(body)):
            out.append(line)
        else:  # a long non-URL word (garbage, a hash): break it rather than overflow
            out.extend(
                textwrap.wrap(
                    body,
                    width=width,
                    initial_indent=prefix,
                    subsequent_indent=subsequent,
                    break_on_hyphens=False,
                )
            )
    return out


def _verbatim(line: str, prefix: str, width: int) -> list[str]:
    """A code line as is; hard-split only when too long and not a lone URL."""
    if len(prefix + line) <= width or (len(line.split()) == 1 and _is_url(line.strip())):
        return [prefix + line]
    room = max(width - len(prefix), 8)
    return [prefix + line[i : i + room] for i in range(0, len(line), room)]


def wrap_markdown(text: str, prefix: str = "", width: int = WIDTH) -> list[str]:
    """Reflow Markdown source block by block under a prefix (indent or "> ").

    Paragraphs and list items are reflowed; fenced code lines are kept (over-long ones are
    hard-split, since a mail client would wrap them anyway); blank lines separate blocks.
    """
    out: list[str] = []
    paragraph: list[str] = []
    in_fence = False
    quoted_fence = False
    joinable = False  # the paragraph is quoted prose that the next quoted line at its level joins

    def flush() -> None:
        if paragraph:
            first = paragraph[0]
            marker = _LIST_ITEM.match(first)
            quote = re.match(r"^((?:>\s?)+)", first)
            lead = marker.group(1) if marker else (quote.group(1) if quote else "")
            body = " ".join(line.strip() for line in [first[len(lead) :], *paragraph[1:]])
            if quote:
                body = " ".join(re.sub(r"^(?:>\s?)+", "", line.strip()) for line in [first, *paragraph[1:]])
            rest = " " * len(lead) if marker else lead
            out.extend(wrap(body, prefix + lead, prefix + rest, width))
            paragraph.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.expandtabs(4).rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            flush()
            in_fence = not in_fence
            out.extend(_verbatim(line, prefix, width))
        elif in_fence:
            out.extend(_verbatim(line, prefix, width))
        elif not line.strip():
            flush()
            if out and out[-1].strip() != prefix.strip():
                out.append(prefix.rstrip())
        elif line.startswith(">"):
            # Quoted mail: prose lines at one quote level join (a mail client wrapped them); a
            # blank quoted line, a list item, a heading or quoted code keeps its line.
            marks = _QUOTE_MARKS.match(line).group(1)
            inner = line[len(marks) :].lstrip()
            opens = inner.startswith(("```", "~~~"))
            prose = bool(inner) and not (
                quoted_fence or opens or _LIST_ITEM.match(inner) or inner.startswith("#")
            )
            quoted_fence = quoted_fence != opens
            level = _QUOTE_MARKS.match(paragraph[0]) if paragraph else None
            if not (
                prose and joinable and level and level.group(1).replace(" ", "") == marks.replace(" ", "")
            ):
                flush()
            paragraph.append(line)
            joinable = prose
        elif _LIST_ITEM.match(line) or (paragraph and re.match(r"^>", line) != re.match(r"^>", paragraph[0])):
            flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
    flush()
    while out and out[-1].strip() == prefix.strip():
        out.pop()
    return out


def _date(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _criterion_names(summary: ReviewSummary) -> dict[str, str]:
    return {c.key: c.label for c in summary.criteria}


def _heading(text: str, level: int, plain: bool) -> list[str]:
    """A Markdown heading, or for plain text the title underlined ("=" or "-").

    A Markdown heading stays on one line however long: a heading cannot go on over a line
    break, so a wrapped title would render cut short, its end a paragraph of its own.
    """
    if not plain:
        return ["#" * level + " " + " ".join(text.split())]
    lines = wrap(text)
    return [*lines, ("=" if level == 1 else "-") * min(max(len(line) for line in lines), WIDTH)]


def _header(summary: ReviewSummary, *, plain: bool = False, what: str = "Review") -> list[str]:
    spdx = f" (SPDX: {summary.spdx_id})" if summary.spdx_id else ""
    version = f", version {summary.version_label}" if summary.version_label else ""
    lines = _heading(f"{what} of {summary.license_name}{version}{spdx}", 1, plain)
    lines += ["", f"Status: {summary.status}", "Review:", summary.url]
    if summary.decision:
        d = summary.decision
        lines += ["", *wrap(f"Decision by {d.by} on {_date(d.at)}:")]
        lines += wrap_markdown(d.rationale, "  ")
    notes = []
    if summary.options.criterion:
        notes.append(
            f"Only {_criterion_names(summary).get(summary.options.criterion, summary.options.criterion)}."
        )
    if not summary.options.include_resolved:
        notes.append("Resolved threads are left out.")
    if notes:
        lines += ["", *wrap(" ".join(notes))]
    return lines


def _criteria(summary: ReviewSummary, *, plain: bool = False, only_with_positions: bool = False) -> list[str]:
    lines = ["", *_heading("Criteria", 2, plain), ""]
    shown = [c for c in summary.criteria if not only_with_positions or summary.criterion_tally(c.key).total]
    if not shown:
        lines.append("No reviewer has taken a position yet.")
    for c in shown:
        t = summary.criterion_tally(c.key)
        flag = " (reviewers disagree)" if t.disagreement else ""
        lines += wrap(f"{c.label}, {c.title}: {t.label()}{flag}", "- ", "  ")
        flagged = summary.flagged_clauses(c.key)
        if flagged:
            names = ", ".join(f"{cl.path} ({LABELS[cl.tally(c.key).worst or '']})" for cl in flagged)
            lines += wrap(f"Clauses in conflict or concern: {names}", "  ", "  ")
    return lines


def _comment(comment: Comment) -> list[str]:
    lines = wrap(f"{comment.author}, {_date(comment.date)}, {comment.stance}:", "- ", "  ")
    lines += wrap_markdown(comment.body, "  ")
    if comment.suggested_wording.strip():
        lines += ["", "  Suggested wording:", *wrap_markdown(comment.suggested_wording, "  > ")]
    return lines


def _thread(thread: Thread, names: dict[str, str]) -> list[str]:
    about = f", {names.get(thread.criterion_key, thread.criterion_key)}" if thread.criterion_key else ""
    lines = ["", f"Thread {thread.id} ({thread.status}{about})"]
    if thread.quote.strip():
        lines += ["", *wrap_markdown(thread.quote, "> ")]
    for comment in thread.comments:
        lines += ["", *_comment(comment)]
    return lines


def _clause(clause: Clause, names: dict[str, str]) -> list[str]:
    lines = ["", *wrap(f"{clause.path} {clause.heading}".strip(), "### ", "    "), clause.url, ""]
    lines += wrap_markdown(clause.text, "> ") or [">"]
    if clause.positions:
        lines += ["", "Positions:", ""]
        for p in clause.positions:
            head = f"{p.reviewer}, {names.get(p.criterion_key, p.criterion_key)}: {LABELS[p.verdict]}"
            if p.thread_ids:
                head += " (threads " + ", ".join(str(i) for i in p.thread_ids) + ")"
            lines += wrap(head, "- ", "  ")
            lines += wrap_markdown(p.rationale, "  ")
    for thread in clause.threads:
        lines += _thread(thread, names)
    return lines


def _redline_markdown(pieces: list[tuple[str, str]]) -> str:
    """Deleted words struck through, inserted words in bold: a redline any Markdown reader shows."""
    out = []
    for op, text in pieces:
        core, tail = text.strip(), text[len(text.rstrip()) :]
        lead = text[: len(text) - len(text.lstrip())]
        if op == "equal" or not core:
            out.append(text)
        else:
            out.append(
                f"{lead}{'~~' if op == 'delete' else '**'}{core}{'~~' if op == 'delete' else '**'}{tail}"
            )
    return "".join(out).strip()


def _digest_clause(d: ClauseDigest, names: dict[str, str], plain: bool) -> list[str]:
    clause = d.clause
    lines = ["", *_heading(f"{clause.path} {clause.heading}".strip(), 3, plain), clause.url, ""]
    lines += wrap_markdown(clause.text, "> ") or [">"]
    if d.reasons:
        lines += ["", "Positions:"]
        for r in d.reasons:
            head = f"{r.reviewer}, {names.get(r.criterion_key, r.criterion_key)}: {LABELS[r.verdict]}."
            lines += wrap(f"{head} {r.reason}".strip(), "- ", "  ")
    if d.questions:
        lines += ["", "Open questions:"]
        for q in d.questions:
            lines += wrap(f"{q.author} (thread {q.thread_id}): {q.text}", "- ", "  ")
    for w in d.wordings:
        text = redline_text(w.redline) if plain else _redline_markdown(w.redline)
        lines += ["", *wrap(f"Suggested wording by {w.author} (thread {w.thread_id}):")]
        lines += wrap(text, "  ")
    if d.threads:
        lines += ["", "Threads:"]
        for t in d.threads:
            about = f", {names.get(t.criterion_key, t.criterion_key)}" if t.criterion_key else ""
            count = f"{t.comments} comment{'' if t.comments == 1 else 's'}"
            by = f", started by {t.started_by}" if t.started_by else ""
            lines += wrap(f"Thread {t.id} ({t.status}{about}) on {t.title}: {count}{by}", "- ", "  ")
            if t.url:
                lines.append(f"  {t.url}")
    return lines


def _digest(summary: ReviewSummary, *, plain: bool) -> str:
    names = _criterion_names(summary)
    lines = _header(summary, plain=plain, what="Summary of the review")
    lines += ["", *wrap(overview(summary))]
    lines += _criteria(summary, plain=plain, only_with_positions=True)
    disputed = digest(summary)
    if disputed:
        lines += ["", *_heading("Clauses in dispute", 2, plain)]
        if plain and any(d.wordings for d in disputed):
            lines += ["", "In suggested wording, [-words-] are removed and {+words+} added."]
        for d in disputed:
            lines += _digest_clause(d, names, plain)
    calm = settled(summary)
    if calm:
        lines += ["", *_heading("Settled", 2, plain), ""]
        lines += wrap("No negative position and no open thread: " + ", ".join(c.path for c in calm) + ".")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _transcript(summary: ReviewSummary) -> str:
    names = _criterion_names(summary)
    lines = _header(summary) + _criteria(summary)
    active = summary.active_clauses()
    if active:
        lines += ["", "## Clauses with positions or threads"]
        for clause in active:
            lines += _clause(clause, names)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def to_markdown(summary: ReviewSummary) -> str:
    """The summary or the transcript, as ``summary.options.kind`` says."""
    if summary.options.kind == "summary":
        return _digest(summary, plain=False)
    return _transcript(summary)


def to_text(summary: ReviewSummary) -> str:
    """The summary as plain text for a mailing list, every line at most 72 columns (but URLs)."""
    return _digest(summary, plain=True)
