"""The summary a license committee posts: per clause in dispute, who holds which position and
why (one paragraph each), the open questions, the suggested wording as a redline, and a link
back to every thread. Built from a ``ReviewSummary``; the renderers in ``markdown`` and
``html_doc`` print it, ``digest_to_dict`` gives its JSON.

Pure: no Django.

A clause is *in dispute* when a reviewer holds a negative position on it (conflicts or concern)
or it has an open thread. Clauses with positions or threads that are neither are *settled*:
the summary names them in one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from licenses.text.redline import Piece, redline
from review.exports.data import Clause, ReviewSummary, Thread
from review.matrix.verdicts import NEGATIVE

#: A reason or question longer than this is cut at a word, with an ellipsis.
PARAGRAPH_LIMIT = 600
_BLOCK_BREAK = re.compile(r"\n\s*\n")


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 conflict", "2 conflicts"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def first_paragraph(markdown: str, limit: int = PARAGRAPH_LIMIT) -> str:
    """The first block of a Markdown text, on one line, cut at ``limit`` characters.

    Fenced code, quoted mail (``> …``) and empty blocks are skipped: a reason is the writer's
    own words.
    """
    in_fence = False
    for block in _BLOCK_BREAK.split(markdown.replace("\r\n", "\n").strip()):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        fences = sum(1 for line in lines if line.lstrip().startswith(("```", "~~~")))
        if in_fence or fences:
            in_fence = in_fence != bool(fences % 2)
            continue
        if all(line.lstrip().startswith(">") for line in lines):
            continue
        text = " ".join(line.strip() for line in lines)
        if len(text) <= limit:
            return text
        cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
        return cut.rstrip(",;:") + "…"
    return ""


@dataclass
class Reason:
    """One reviewer's position on one criterion, with its reason in one paragraph."""

    reviewer: str
    criterion_key: str
    verdict: str
    reason: str  # Markdown; empty when the reviewer gave none
    thread_ids: list[int] = field(default_factory=list)


@dataclass
class Question:
    author: str
    text: str  # Markdown, one paragraph
    thread_id: int
    url: str


@dataclass
class Wording:
    author: str
    text: str
    thread_id: int
    url: str
    redline: list[Piece] = field(default_factory=list)


@dataclass
class ThreadLink:
    id: int
    url: str
    status: str
    title: str  # the quoted words, or "the whole clause"
    criterion_key: str | None
    comments: int
    started_by: str


@dataclass
class ClauseDigest:
    clause: Clause
    reasons: list[Reason] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    wordings: list[Wording] = field(default_factory=list)
    threads: list[ThreadLink] = field(default_factory=list)


def in_dispute(clause: Clause) -> bool:
    return any(p.verdict in NEGATIVE for p in clause.positions) or any(
        t.status == "open" for t in clause.threads
    )


def _reason(clause: Clause, reviewer: str, rationale: str, thread_ids: list[int]) -> str:
    """The rationale's first paragraph; without one, the reviewer's latest words in the threads
    the position rests on."""
    own = first_paragraph(rationale)
    if own:
        return own
    for thread in clause.threads:
        if thread.id in thread_ids:
            for comment in reversed(thread.comments):
                if comment.author == reviewer and first_paragraph(comment.body):
                    return first_paragraph(comment.body)
    return ""


def _title(thread: Thread) -> str:
    quote = " ".join(thread.quote.split())
    if not quote:
        return "the whole clause"
    return f"“{quote[:80]}…”" if len(quote) > 80 else f"“{quote}”"


def digest_clause(clause: Clause) -> ClauseDigest:
    out = ClauseDigest(clause=clause)
    for p in clause.positions:
        out.reasons.append(
            Reason(
                reviewer=p.reviewer,
                criterion_key=p.criterion_key,
                verdict=p.verdict,
                reason=_reason(clause, p.reviewer, p.rationale, p.thread_ids),
                thread_ids=list(p.thread_ids),
            )
        )
    for thread in clause.threads:
        out.threads.append(
            ThreadLink(
                id=thread.id,
                url=thread.url,
                status=thread.status,
                title=_title(thread),
                criterion_key=thread.criterion_key,
                comments=len(thread.comments),
                started_by=thread.comments[0].author if thread.comments else "",
            )
        )
        if thread.status == "open":
            for comment in thread.comments:
                text = first_paragraph(comment.body)
                if comment.stance == "question" and text:
                    out.questions.append(Question(comment.author, text, thread.id, thread.url))
        # Each author's latest suggestion in the thread; one that changes nothing is left out.
        latest: dict[str, str] = {}
        for comment in thread.comments:
            if comment.suggested_wording.strip():
                latest[comment.author] = comment.suggested_wording.strip()
        for author, text in latest.items():
            pieces = redline(clause.text, text)
            if any(op != "equal" for op, _ in pieces):
                out.wordings.append(Wording(author, text, thread.id, thread.url, pieces))
    return out


def digest(summary: ReviewSummary) -> list[ClauseDigest]:
    """The clauses in dispute, in document order."""
    return [digest_clause(c) for c in summary.clauses if c.has_activity and in_dispute(c)]


def settled(summary: ReviewSummary) -> list[Clause]:
    """Clauses with positions or threads that are not in dispute."""
    return [c for c in summary.clauses if c.has_activity and not in_dispute(c)]


def overview(summary: ReviewSummary) -> str:
    """One sentence: "2 clauses in dispute, 1 settled; 3 open threads, 1 resolved."."""
    threads = [t for c in summary.clauses for t in c.threads]
    open_count = sum(1 for t in threads if t.status == "open")
    parts = [
        f"{plural(len(digest(summary)), 'clause')} in dispute, {len(settled(summary))} settled",
        f"{plural(open_count, 'open thread')}, {len(threads) - open_count} resolved",
    ]
    return "; ".join(parts) + "."


def redline_text(pieces: list[Piece]) -> str:
    """A redline for plain text: ``[-removed-]{+added+}``, the convention of ``wdiff``."""
    out = []
    for op, text in pieces:
        if op == "equal":
            out.append(text)
        else:
            core, tail = text.rstrip(), text[len(text.rstrip()) :]
            out.append(("[-" if op == "delete" else "{+") + core + ("-]" if op == "delete" else "+}") + tail)
    return "".join(out).strip()


def digest_to_dict(summary: ReviewSummary) -> dict[str, Any]:
    """The ``digest`` member of a summary JSON export (derived; ignored on load)."""
    return {
        "overview": overview(summary),
        "in_dispute": [
            {
                "anchor": d.clause.anchor,
                "path": d.clause.path,
                "url": d.clause.url,
                "positions": [
                    {
                        "reviewer": r.reviewer,
                        "criterion": r.criterion_key,
                        "verdict": r.verdict,
                        "reason_markdown": r.reason,
                        "thread_ids": r.thread_ids,
                    }
                    for r in d.reasons
                ],
                "open_questions": [
                    {"author": q.author, "text_markdown": q.text, "thread_id": q.thread_id, "url": q.url}
                    for q in d.questions
                ],
                "suggested_wording": [
                    {
                        "author": w.author,
                        "text": w.text,
                        "thread_id": w.thread_id,
                        "url": w.url,
                        "redline": [[op, text] for op, text in w.redline],
                    }
                    for w in d.wordings
                ],
                "threads": [
                    {
                        "id": t.id,
                        "url": t.url,
                        "status": t.status,
                        "title": t.title,
                        "criterion": t.criterion_key,
                        "comments": t.comments,
                    }
                    for t in d.threads
                ],
            }
            for d in digest(summary)
        ],
        "settled": [c.anchor for c in settled(summary)],
    }
