"""The shapes of the API's JSON, as pydantic models: ninja validates every answer against them and
writes them into the OpenAPI schema, so the documentation cannot drift from the code."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from licenses.models import License
from review.models import Review, Stance, Thread, Verdict


class Schema(BaseModel):
    """Plain pydantic models: the endpoints hand over dicts, so ninja's ORM-reading wrapper
    (``ninja.Schema``), which costs about 0.2 ms per nested object, is not needed."""


OsiStatus = Literal[tuple(License.OsiStatus.values)]  # type: ignore[valid-type]
ReviewStatus = Literal[tuple(Review.Status.values)]  # type: ignore[valid-type]
ThreadStatus = Literal[tuple(Thread.Status.values)]  # type: ignore[valid-type]
StanceValue = Literal[tuple(Stance.values)]  # type: ignore[valid-type]
VerdictValue = Literal[tuple(Verdict.values)]  # type: ignore[valid-type]
RedlineOp = Literal["equal", "delete", "insert"]


class Error(Schema):
    code: str = Field(description="Machine-readable: not_found, invalid, conflict, rate_limited, …")
    message: str = Field(description="For people.")


class Page(Schema):
    count: int
    next: str | None = Field(description="The next page's address, absolute; null on the last page.")
    previous: str | None


# --- licenses -------------------------------------------------------------------------------------


class LicenseItem(Schema):
    slug: str
    name: str
    spdx_id: str | None
    osi_status: OsiStatus
    osi_approved: bool
    fsf_libre: bool | None = Field(description="Whether the FSF lists it as free; null when not known.")
    deprecated: bool
    versions: list[str] = Field(description="Version labels, oldest first.")
    url: str
    html_url: str


class LicensePage(Page):
    results: list[LicenseItem]


class VersionItem(Schema):
    label: str
    previous: str | None = Field(description="The label of the version it follows, if any.")
    created_at: datetime
    url: str
    html_url: str


class LicenseDetail(Schema):
    slug: str
    name: str
    spdx_id: str | None
    steward: str
    osi_status: OsiStatus
    osi_approved: bool
    fsf_libre: bool | None = Field(description="Whether the FSF lists it as free; null when not known.")
    deprecated: bool
    description: str
    versions: list[VersionItem]
    url: str
    html_url: str


class LicenseRef(Schema):
    slug: str
    name: str
    spdx_id: str | None
    url: str


class ClauseOut(Schema):
    path: str = Field(description="As cited: “2.2(b)”.")
    label: str = Field(description="As printed in the text: “(b)”.")
    anchor: str = Field(description="URL-safe and stable within the version: “2.2.b”.")
    heading: str
    text: str
    depth: int
    parent: str | None = Field(description="The parent clause's anchor; null at the top level.")
    start: int = Field(description="Offset of the clause in the version text.")
    end: int
    permalink: str = Field(description="The clause on the version page.")


class VersionDetail(Schema):
    license: LicenseRef
    label: str
    title: str
    ref: str = Field(description="slug@label, as the compare endpoint takes it.")
    previous: str | None
    source: str
    text_hash: str = Field(description="SHA-256 of the text.")
    corrected: bool = Field(description="Clauses were corrected by hand.")
    created_at: datetime
    url: str
    html_url: str
    text_url: str = Field(description="The whole text as text/plain.")
    clauses: list[ClauseOut]


# --- compare --------------------------------------------------------------------------------------


class VersionRef(Schema):
    ref: str
    license: str
    label: str
    url: str


class SideOut(Schema):
    path: str
    anchor: str
    heading: str


class LinkedSideOut(SideOut):
    by_meaning: bool = Field(description="Linked by meaning (few words in common), not by shared words.")


class PairOut(Schema):
    kind: Literal["unchanged", "changed", "moved", "added", "removed", "split", "merged"]
    a: list[SideOut] = Field(description="The clause(s) in a: none when added, two when merged.")
    b: list[SideOut]
    similarity: float
    renumbered: bool
    typography: bool = Field(description="Unchanged but for quotes, dashes, spacing or case.")
    coarse: bool = Field(
        description="The redline marks some changes by sentence or chunk (too costly word by word)."
    )
    manual: bool = Field(description="Linked by hand by a steward or moderator.")
    also_from: list[LinkedSideOut] = Field(
        description="Secondary links: other clauses of a that this row's b clause(s) draw words "
        "from (for an added clause, where it came from). Not a pairing."
    )
    also_into: list[LinkedSideOut] = Field(
        description="Secondary links: other clauses of b that this row's a clause(s) went into "
        "(for a removed clause, where it went: removed + added that name only each other are one "
        "clause reworded). Not a pairing."
    )
    redline: list[tuple[RedlineOp, str]] = Field(
        description="[op, text] pieces: equal + delete rebuild a's text, equal + insert rebuild b's."
    )


class CompareSummary(Schema):
    counts: dict[str, int]
    renumbered: int
    similarity: float
    quick: bool = Field(
        default=False,
        description="The texts were too large for the full alignment: clauses were paired on "
        "their words only, without the second pass (headings, defined terms, phrases, order).",
    )


class CompareOut(Schema):
    a: VersionRef
    b: VersionRef
    identical: bool
    summary: CompareSummary
    html_url: str
    pairs: list[PairOut]


# --- criteria -------------------------------------------------------------------------------------


class CriterionOut(Schema):
    number: int
    key: str
    title: str
    summary: str
    official_text: str


class CriterionSetOut(Schema):
    slug: str
    name: str
    short_name: str
    version: str
    source_url: str
    description: str
    criteria: list[CriterionOut]


# --- reviews --------------------------------------------------------------------------------------


class ReviewItem(Schema):
    id: int
    status: ReviewStatus
    license: LicenseRef
    version: str
    criterion_set: str
    opened_at: datetime
    decided_at: datetime | None
    thread_count: int
    open_thread_count: int
    comment_count: int
    last_activity: datetime
    url: str
    html_url: str


class ReviewPage(Page):
    results: list[ReviewItem]


class ClauseRef(Schema):
    path: str
    anchor: str


class QuoteOut(Schema):
    """A W3C TextQuoteSelector, with offsets into the clause text."""

    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    missing: bool = Field(description="The quoted words are no longer in this version's clause.")


class CommentOut(Schema):
    id: int
    author: str = Field(description="Display name (or the name a mail message gave).")
    source: Literal["web", "mail"]
    stance: StanceValue
    body: str | None = Field(description="Markdown source; null when deleted or hidden.")
    body_html: str | None = Field(description="Rendered and sanitised; null when deleted or hidden.")
    suggested_wording: str
    created_at: datetime
    edited_at: datetime | None
    deleted: bool
    hidden: bool
    hidden_reason: str


class ThreadOut(Schema):
    id: int
    clause: ClauseRef | None = Field(description="Null for the review's general thread and for orphans.")
    general: bool
    quote: QuoteOut | None
    criterion: str | None = Field(description="Criterion key.")
    status: ThreadStatus
    started_by: str | None
    created_at: datetime
    resolved_at: datetime | None
    outdated: bool
    orphaned: bool
    carried_from: int | None
    html_url: str
    comments: list[CommentOut]


class PositionOut(Schema):
    id: int
    clause: ClauseRef
    criterion: str
    reviewer: str
    verdict: VerdictValue
    rationale: str
    rationale_html: str
    version: int = Field(description="Send it back as expected_version to change the position.")
    updated_at: datetime
    threads: list[int]


class DecisionOut(Schema):
    status: ReviewStatus
    by: str
    at: datetime
    rationale: str
    threads: list[int]


class CriterionRef(Schema):
    key: str
    number: int
    title: str


class ReviewDetail(Schema):
    id: int
    status: ReviewStatus
    is_public: bool
    license: LicenseRef
    version: VersionRef
    criterion_set: str
    criteria: list[CriterionRef]
    opened_by: str | None
    opened_at: datetime
    previous_round: int | None
    rationale: str
    similar_licenses: str
    legal_review: str
    projects: str
    decision: DecisionOut | None
    threads: list[ThreadOut]
    positions: list[PositionOut]
    url: str
    html_url: str


# --- writes ---------------------------------------------------------------------------------------


class QuoteIn(Schema):
    exact: str = Field(max_length=5000)
    prefix: str = Field("", max_length=200)
    suffix: str = Field("", max_length=200)
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class ThreadIn(Schema):
    clause: str = Field(description="The clause's anchor (“2.2.b”) or path (“2.2(b)”).", max_length=200)
    body: str = Field(description="Markdown, at most 20,000 characters.")
    stance: StanceValue = "note"
    criterion: str | None = Field(None, description="A criterion key of the review's set.", max_length=100)
    quote: QuoteIn | None = None
    suggested_wording: str = Field("", description="Replacement text for the whole clause.")


class CommentIn(Schema):
    body: str = Field(description="Markdown, at most 20,000 characters.")
    stance: StanceValue = "note"
    suggested_wording: str = Field("", description="Replacement text for the whole clause.")


class PositionIn(Schema):
    clause: str = Field(description="The clause's anchor or path.", max_length=200)
    criterion: str = Field(description="The criterion key.", max_length=100)
    verdict: VerdictValue
    rationale: str = Field("", description="Markdown.")
    expected_version: int = Field(
        ge=0, description="The version you started from: 0 when you had no position on this cell."
    )
    threads: list[int] = Field(default_factory=list, description="Threads on the same clause that argue it.")


class ConflictOut(Error):
    current: PositionOut | None


class MailImportIn(Schema):
    raw: str = Field(description="The thread as text: one message (.eml), an mbox, or pasted mail.")
    dry_run: bool = Field(False, description="Only say what would be imported.")


class MailItemOut(Schema):
    index: int
    author: str
    date: datetime | None
    subject: str
    clause: ClauseRef | None = Field(
        description="Where it goes: the best-matching clause, or the general thread."
    )
    stance: StanceValue
    already_imported: bool


class MailImportOut(Schema):
    dry_run: bool
    imported: int
    already_there: int
    messages: list[MailItemOut]
    threads: list[int]
