"""The review summary that every export format renders, and its JSON form.

Pure: no Django. The selectors build a ReviewSummary from the database; the renderers in
review.exports.csv_matrix turn it into text. Renderers render what they are given: filtering by the export
options is ``apply_options``, which the caller runs first, and the options applied are recorded in
the summary so that each format can say what was left out.

The JSON form is documented in docs/export-schema.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from review.matrix.verdicts import NEGATIVE, Tally, check_verdict, tally

SCHEMA = "clausewise.review/2"
#: Schemas ``from_json`` reads: /1 files (before family reviews) load with the members and
#: ``applies_to`` lists derived from the single license and version they name.
READABLE_SCHEMAS = ("clausewise.review/1", SCHEMA)


@dataclass
class Member:
    """A license version under review: one for a plain review, several for a family review."""

    license: str  # the license's slug
    version: str  # the version label


@dataclass
class AppliesTo:
    """A member a thread or position applies to, and its clause there."""

    license: str
    version: str
    clause: str  # the clause's path in that member, "2.2(b)"


@dataclass
class Decision:
    by: str
    at: datetime
    rationale: str  # Markdown


@dataclass
class Criterion:
    key: str  # "osd-6"
    number: int
    title: str
    label: str = ""  # "OSD 6", as the matrix names it; derived from the set when empty


@dataclass
class Comment:
    author: str
    date: datetime
    stance: str  # concern, objection, support, question, proposal, note
    body: str  # Markdown source
    suggested_wording: str = ""


@dataclass
class Thread:
    id: int
    status: str  # open, resolved
    quote: str = ""
    criterion_key: str | None = None
    comments: list[Comment] = field(default_factory=list)
    applies_to: list[AppliesTo] = field(default_factory=list)
    url: str = ""  # full permalink to the thread on the review page


@dataclass
class Position:
    reviewer: str
    criterion_key: str
    verdict: str  # see review.matrix.verdicts.VERDICTS
    rationale: str  # Markdown
    updated_at: datetime
    thread_ids: list[int] = field(default_factory=list)
    applies_to: list[AppliesTo] = field(default_factory=list)

    def __post_init__(self) -> None:
        check_verdict(self.verdict)


@dataclass
class Clause:
    path: str  # the label as printed: "2.2(b)"
    anchor: str  # "2.2.b"
    url: str  # full permalink
    heading: str = ""
    text: str = ""
    positions: list[Position] = field(default_factory=list)
    threads: list[Thread] = field(default_factory=list)

    @property
    def has_activity(self) -> bool:
        return bool(self.positions or self.threads)

    def cell(self, criterion_key: str) -> list[Position]:
        return [p for p in self.positions if p.criterion_key == criterion_key]

    def tally(self, criterion_key: str) -> Tally:
        return tally(p.verdict for p in self.cell(criterion_key))


KINDS = ("summary", "transcript")


@dataclass
class ExportOptions:
    include_resolved: bool = True
    criterion: str | None = None  # a criterion key, or None for all
    # "summary": what a committee posts (review.exports.digest); "transcript": every comment.
    kind: str = "transcript"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown export kind {self.kind!r}; expected one of {', '.join(KINDS)}.")


@dataclass
class ReviewSummary:
    license_name: str
    version_label: str
    status: str  # open, deferred, approved, rejected, withdrawn
    url: str
    criterion_set: str = "osd-1.9"
    spdx_id: str | None = None
    decision: Decision | None = None
    criteria: list[Criterion] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    options: ExportOptions = field(default_factory=ExportOptions)
    generated_at: datetime | None = None
    licenses: list[Member] = field(default_factory=list)
    family: str | None = None  # the family's name, for a family review

    def __post_init__(self) -> None:
        # An export written before labels were recorded: "OSD 6" for the OSD set, else the key.
        for c in self.criteria:
            if not c.label:
                c.label = f"OSD {c.number}" if self.criterion_set.startswith("osd") else c.key

    def criterion_tally(self, key: str) -> Tally:
        return sum((clause.tally(key) for clause in self.clauses), Tally())

    def flagged_clauses(self, key: str) -> list[Clause]:
        """Clauses whose cell for this criterion is at worst conflicts or concern."""
        return [c for c in self.clauses if c.tally(key).worst in NEGATIVE]

    def active_clauses(self) -> list[Clause]:
        return [c for c in self.clauses if c.has_activity]


def apply_options(summary: ReviewSummary, options: ExportOptions) -> ReviewSummary:
    """A copy of the summary narrowed by the options, with the options recorded.

    ``criterion``: keeps that criterion only, the positions on it, and the threads tagged with
    it (untagged threads are left out, since nothing ties them to the criterion).
    ``include_resolved=False``: drops resolved threads.
    """
    key = options.criterion
    if key is not None and key not in {c.key for c in summary.criteria}:
        raise ValueError(f"Unknown criterion {key!r}.")

    def keep_thread(thread: Thread) -> bool:
        if not options.include_resolved and thread.status == "resolved":
            return False
        return key is None or thread.criterion_key == key

    clauses = [
        replace(
            clause,
            positions=[p for p in clause.positions if key is None or p.criterion_key == key],
            threads=[t for t in clause.threads if keep_thread(t)],
        )
        for clause in summary.clauses
    ]
    criteria = [c for c in summary.criteria if key is None or c.key == key]
    return replace(summary, clauses=clauses, criteria=criteria, options=options)


# JSON ------------------------------------------------------------------------------------------


def _when(value: datetime) -> str:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"Export dates must be timezone-aware, got {value!r}.")
    return value.isoformat()


def _parse_when(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"Date without a UTC offset: {value!r}.")
    return parsed


def _summary_to_dict(summary: ReviewSummary) -> dict[str, Any]:
    decision = summary.decision
    return {
        "schema": SCHEMA,
        "generated_at": _when(summary.generated_at) if summary.generated_at else None,
        "license": {"name": summary.license_name, "spdx_id": summary.spdx_id},
        "version": summary.version_label,
        "family": summary.family,
        "licenses": [{"license": m.license, "version": m.version} for m in summary.licenses],
        "status": summary.status,
        "url": summary.url,
        "decision": None
        if decision is None
        else {"by": decision.by, "at": _when(decision.at), "rationale": decision.rationale},
        "options": {
            "include_resolved": summary.options.include_resolved,
            "criterion": summary.options.criterion,
            "kind": summary.options.kind,
        },
        "criterion_set": summary.criterion_set,
        "criteria": [
            {
                "key": c.key,
                "number": c.number,
                "title": c.title,
                "label": c.label,
                # Derived, for readers of the file; ignored on load.
                "tally": summary.criterion_tally(c.key).as_dict(),
                "flagged_clauses": [cl.anchor for cl in summary.flagged_clauses(c.key)],
            }
            for c in summary.criteria
        ],
        "clauses": [
            {
                "path": cl.path,
                "anchor": cl.anchor,
                "url": cl.url,
                "heading": cl.heading,
                "text": cl.text,
                "positions": [
                    {
                        "reviewer": p.reviewer,
                        "criterion": p.criterion_key,
                        "verdict": p.verdict,
                        "rationale_markdown": p.rationale,
                        "updated_at": _when(p.updated_at),
                        "thread_ids": list(p.thread_ids),
                        "applies_to": _applies(p.applies_to),
                    }
                    for p in cl.positions
                ],
                "threads": [
                    {
                        "id": t.id,
                        "url": t.url,
                        "status": t.status,
                        "quote": t.quote,
                        "criterion": t.criterion_key,
                        "comments": [
                            {
                                "author": m.author,
                                "date": _when(m.date),
                                "stance": m.stance,
                                "body_markdown": m.body,
                                "suggested_wording": m.suggested_wording,
                            }
                            for m in t.comments
                        ],
                        "applies_to": _applies(t.applies_to),
                    }
                    for t in cl.threads
                ],
            }
            for cl in summary.clauses
        ],
    }


def _applies(items: list[AppliesTo]) -> list[dict[str, str]]:
    return [{"license": a.license, "version": a.version, "clause": a.clause} for a in items]


def _load_applies(items: list[dict]) -> list[AppliesTo]:
    return [AppliesTo(license=a["license"], version=a["version"], clause=a["clause"]) for a in items]


def to_json(summary: ReviewSummary) -> str:
    """The export as JSON; a summary export also carries its ``digest`` (derived, ignored on load)."""
    document = _summary_to_dict(summary)
    if summary.options.kind == "summary":
        from review.exports.digest import digest_to_dict  # digest builds on this module

        document["digest"] = digest_to_dict(summary)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _slug_of(url: str) -> str:
    """The license slug in a /1 export's clause URL (``…/licenses/<slug>/<label>/#c-…``)."""
    if "/licenses/" not in url:
        return ""
    return url.split("/licenses/", 1)[1].split("/")[0]


def from_json(text: str) -> ReviewSummary:
    """Load an export, /2 or /1. A /1 file has no members or ``applies_to``: they are derived from
    its one license and version (the slug read from its clause links), and its clause paths."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("schema") not in READABLE_SCHEMAS:
        found = data.get("schema") if isinstance(data, dict) else None
        raise ValueError(f"Not a {SCHEMA} (or /1) export (schema: {found!r}).")
    if data["schema"] != SCHEMA:
        data = _upgrade_1(data)
    decision = data["decision"]
    return ReviewSummary(
        license_name=data["license"]["name"],
        spdx_id=data["license"]["spdx_id"],
        version_label=data["version"],
        status=data["status"],
        url=data["url"],
        criterion_set=data["criterion_set"],
        generated_at=_parse_when(data["generated_at"]) if data.get("generated_at") else None,
        decision=None
        if decision is None
        else Decision(by=decision["by"], at=_parse_when(decision["at"]), rationale=decision["rationale"]),
        options=ExportOptions(
            include_resolved=bool(data["options"]["include_resolved"]),
            criterion=data["options"]["criterion"],
            kind=data["options"].get("kind", "transcript"),  # added in a later /1 export
        ),
        family=data["family"],
        licenses=[Member(license=m["license"], version=m["version"]) for m in data["licenses"]],
        criteria=[
            Criterion(key=c["key"], number=int(c["number"]), title=c["title"], label=c.get("label", ""))
            for c in data["criteria"]
        ],
        clauses=[
            Clause(
                path=cl["path"],
                anchor=cl["anchor"],
                url=cl["url"],
                heading=cl["heading"],
                text=cl["text"],
                positions=[
                    Position(
                        reviewer=p["reviewer"],
                        criterion_key=p["criterion"],
                        verdict=p["verdict"],
                        rationale=p["rationale_markdown"],
                        updated_at=_parse_when(p["updated_at"]),
                        thread_ids=[int(i) for i in p["thread_ids"]],
                        applies_to=_load_applies(p["applies_to"]),
                    )
                    for p in cl["positions"]
                ],
                threads=[
                    Thread(
                        id=int(t["id"]),
                        url=t.get("url", ""),
                        status=t["status"],
                        quote=t["quote"],
                        criterion_key=t["criterion"],
                        comments=[
                            Comment(
                                author=m["author"],
                                date=_parse_when(m["date"]),
                                stance=m["stance"],
                                body=m["body_markdown"],
                                suggested_wording=m["suggested_wording"],
                            )
                            for m in t["comments"]
                        ],
                        applies_to=_load_applies(t["applies_to"]),
                    )
                    for t in cl["threads"]
                ],
            )
            for cl in data["clauses"]
        ],
    )


def _upgrade_1(data: dict[str, Any]) -> dict[str, Any]:
    """A /1 export in the /2 shape: one member, and everything applies to it at its own clause."""
    slug = next((_slug_of(cl["url"]) for cl in data["clauses"]), "")
    member = {"license": slug, "version": data["version"]}
    clauses = []
    for cl in data["clauses"]:
        here = [{**member, "clause": cl["path"]}]
        clauses.append(
            {
                **cl,
                "positions": [{**p, "applies_to": here} for p in cl["positions"]],
                "threads": [{**t, "applies_to": here} for t in cl["threads"]],
            }
        )
    return {
        **data,
        "schema": SCHEMA,
        "family": None,
        "licenses": [member],
        "clauses": clauses,
    }
