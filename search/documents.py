"""What goes into the index for each kind of row: unsaved Document objects, built from model rows.

Hidden and deleted comments get no document at all, and the selectors check again at query time.
"""

from __future__ import annotations

from licenses.models import Clause, License
from review.models import Comment, Review, Thread
from search.models import Document
from search.snippets import clean

# PostgreSQL's tsvector holds at most 1 MiB; no license text or comment comes near this.
MAX_BODY = 200_000


def _doc(kind: str, pk: int, *, title: str, body: str, license_id: int, **links) -> Document:
    return Document(
        key=f"{kind}:{pk}",
        kind=kind,
        title=clean(title)[:2000],
        body=clean(body)[:MAX_BODY],
        license_id=license_id,
        **links,
    )


def license_doc(license: License, version_ids: list[str] | None = None) -> Document:
    """A license with its versions' SPDX ids ("GPL-3.0-only" is a version of the GNU GPL).

    Each id is written twice: as given ("GPL-3.0-only") and with its parts apart ("GPL 3.0 only"),
    so that both spellings find the license on either database. ``version_ids``: the versions'
    ``spdx_ids`` when the caller has them (a bulk rebuild), else they are read here.
    """
    if version_ids is None:
        version_ids = list(license.versions.values_list("spdx_ids", flat=True)) if license.pk else []
    ids = list(dict.fromkeys([license.spdx_id or "", *" ".join(version_ids).split()]))
    spdx = " ".join(i for i in ids if i)
    title = " ".join(filter(None, [license.name, spdx, spdx.replace("-", " "), license.slug]))
    return _doc(
        Document.Kind.LICENSE,
        license.pk,
        title=title,
        body=" ".join(filter(None, [license.steward, license.description])),
        license_id=license.pk,
    )


def clause_doc(clause: Clause, license_id: int) -> Document:
    return _doc(
        Document.Kind.CLAUSE,
        clause.pk,
        title=" ".join(filter(None, [clause.label, clause.heading])),
        body=clause.text,
        license_id=license_id,
        clause_id=clause.pk,
    )


def review_doc(review: Review, license_id: int) -> Document | None:
    parts = [
        review.rationale,
        review.similar_licenses,
        review.legal_review,
        review.projects,
        review.decision_rationale,
    ]
    body = "\n\n".join(p for p in parts if p)
    if not body.strip():
        return None
    return _doc(
        Document.Kind.REVIEW, review.pk, title="", body=body, license_id=license_id, review_id=review.pk
    )


def thread_doc(thread: Thread, license_id: int) -> Document | None:
    """A thread's "title": the criterion it is about and the words it quotes."""
    title = thread.criterion.title if thread.criterion_id else ""
    if not (title or thread.quote_exact):
        return None
    return _doc(
        Document.Kind.THREAD,
        thread.pk,
        title=title,
        body=thread.quote_exact,
        license_id=license_id,
        review_id=thread.review_id,
        thread_id=thread.pk,
        clause_id=thread.clause_id,
    )


def comment_doc(comment: Comment, review_id: int, license_id: int) -> Document | None:
    if comment.is_hidden or comment.is_deleted:
        return None
    body = comment.body
    if comment.suggested_wording:
        body += "\n\n" + comment.suggested_wording
    return _doc(
        Document.Kind.COMMENT,
        comment.pk,
        title="",
        body=body,
        license_id=license_id,
        review_id=review_id,
        thread_id=comment.thread_id,
        comment_id=comment.pk,
    )
