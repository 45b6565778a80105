"""Small ReviewSummary values for the renderer tests, built directly: no ORM, no Django."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from review.exports.data import (
    Clause,
    Comment,
    Criterion,
    Decision,
    ExportOptions,
    Position,
    ReviewSummary,
    Thread,
)

T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
#: 11:30 in a zone two hours ahead of UTC: the exports print it as 09:30 UTC.
T0_PLUS_2 = T0.astimezone(timezone(timedelta(hours=2)))
BASE = "https://x.example/r/1/"


def notices_clause() -> Clause:
    """A clause in dispute: a concern and a complies on one criterion, an open thread with a
    question and a suggested wording."""
    return Clause(
        path="4.1",
        anchor="4.1",
        url=BASE + "#c-4.1",
        heading="Notices",
        text="You must keep all notices intact.",
        positions=[
            Position("ann", "osd-3", "concern", "Too strict.\n\nSecond para.", T0, [5]),
            Position("ben", "osd-3", "complies", "", T0, []),
        ],
        threads=[
            Thread(
                id=5,
                status="open",
                quote="all notices",
                criterion_key="osd-3",
                url=BASE + "#t-5",
                comments=[
                    Comment(
                        "ann",
                        T0,
                        "question",
                        "Which notices?",
                        suggested_wording="You must keep the copyright notices intact.",
                    )
                ],
            )
        ],
    )


def settled_clause() -> Clause:
    """A clause with a resolved thread only: settled."""
    return Clause(
        path="5",
        anchor="5",
        url=BASE + "#c-5",
        heading="",
        text="Fine.",
        threads=[
            Thread(
                id=6,
                status="resolved",
                comments=[Comment("cy", T0, "note", "ok"), Comment("dee", T0_PLUS_2, "support", "yes")],
            )
        ],
    )


def quiet_clause() -> Clause:
    return Clause(path="6", anchor="6", url=BASE + "#c-6", heading="Quiet", text="Nothing here.")


def small_summary(kind: str = "summary", **changes) -> ReviewSummary:
    values = {
        "license_name": "Demo License",
        "version_label": "1.0",
        "status": "open",
        "url": BASE,
        "criteria": [Criterion("osd-3", 3, "Derived works"), Criterion("osd-9", 9, "No other software")],
        "clauses": [notices_clause(), settled_clause(), quiet_clause()],
        "options": ExportOptions(kind=kind),
    }
    values.update(changes)
    return ReviewSummary(**values)


def decision() -> Decision:
    return Decision(by="mod", at=T0_PLUS_2, rationale="Approved after the\nnotice change.")
