"""Writes to the search index: keep documents and signatures in step with the rows they index.

Single rows are indexed from signals as they are saved (in the same transaction). A version's
clauses are indexed once the transaction that created them commits (they are bulk-created, so
no per-row signal fires). ``rebuild`` re-creates everything in bulk; ``import_spdx --all`` and
``manage.py search_index`` use it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction

from licenses.models import Clause, License, LicenseVersion
from review.models import Comment, Review, Thread
from search import documents, similarity
from search.models import ClauseSignature, Document, Generation, VersionSignature

log = logging.getLogger(__name__)

_UPDATE_FIELDS = ["kind", "title", "body", "license", "clause", "review", "thread", "comment"]
BATCH = 1000


def _upsert(docs: Iterable[Document | None], *, gone: Iterable[str] = ()) -> None:
    docs = [d for d in docs if d is not None]
    gone = [k for k in gone if k not in {d.key for d in docs}]
    if gone:
        Document.objects.filter(key__in=gone).delete()
    if docs:
        Document.objects.bulk_create(
            docs, batch_size=BATCH, update_conflicts=True, unique_fields=["key"], update_fields=_UPDATE_FIELDS
        )


# --- licenses and clauses -----------------------------------------------------------------------


def index_license(license: License) -> None:
    _upsert([documents.license_doc(license)])


def index_licenses() -> None:
    """Every license, in bulk (with its versions' SPDX ids read in one query)."""
    ids: dict[int, list[str]] = {}
    for license_id, spdx_ids in LicenseVersion.objects.values_list("license_id", "spdx_ids"):
        ids.setdefault(license_id, []).append(spdx_ids)
    _upsert(documents.license_doc(lic, ids.get(lic.pk, [])) for lic in License.objects.all())


def index_clause(clause: Clause) -> None:
    """One clause (after a hand correction): its document and its signature."""
    version = LicenseVersion.objects.only("license_id").get(pk=clause.version_id)
    _upsert([documents.clause_doc(clause, version.license_id)])
    sig, n = similarity.signature(_clause_text(clause))
    ClauseSignature.objects.update_or_create(
        clause_id=clause.pk,
        defaults={"version_id": clause.version_id, "signature": similarity.to_bytes(sig), "words": n},
    )
    Generation.bump("clause")


def _clause_text(clause: Clause) -> str:
    return f"{clause.heading}\n{clause.text}" if clause.heading else clause.text


def _version_rows(version: LicenseVersion, clauses: list[Clause]):
    docs = [documents.clause_doc(c, version.license_id) for c in clauses]
    sigs = []
    for c in clauses:
        sig, n = similarity.signature(_clause_text(c))
        sigs.append(
            ClauseSignature(
                clause_id=c.pk, version_id=version.pk, signature=similarity.to_bytes(sig), words=n
            )
        )
    sig, n = similarity.signature(version.text)
    return docs, sigs, VersionSignature(version_id=version.pk, signature=similarity.to_bytes(sig), words=n)


@transaction.atomic
def index_version(version_id: int) -> None:
    """All clauses of a version, their signatures, the version's own signature, and its license
    (whose document carries the SPDX ids of its versions)."""
    version = LicenseVersion.objects.select_related("license").filter(pk=version_id).first()
    if version is None:  # deleted before the commit hook ran
        return
    clauses = list(Clause.objects.filter(version=version).order_by("ordinal"))
    docs, sigs, vsig = _version_rows(version, clauses)
    docs.append(documents.license_doc(version.license))  # the version's SPDX ids find its license
    current = {f"clause:{c.pk}" for c in clauses}
    stale = Document.objects.filter(kind=Document.Kind.CLAUSE, clause__version=version).exclude(
        key__in=current
    )
    stale.delete()
    _upsert(docs)
    ClauseSignature.objects.filter(version=version).delete()
    ClauseSignature.objects.bulk_create(sigs, batch_size=BATCH)
    VersionSignature.objects.filter(version=version).delete()
    vsig.save(force_insert=True)
    Generation.bump("clause", "version")


# --- discussion ---------------------------------------------------------------------------------


def _license_of_review(review_id: int) -> int:
    return Review.objects.filter(pk=review_id).values_list("version__license_id", flat=True).get()


def index_review(review: Review) -> None:
    license_id = _license_of_review(review.pk)
    _upsert([documents.review_doc(review, license_id)], gone=[f"review:{review.pk}"])


def index_thread(thread: Thread) -> None:
    license_id = _license_of_review(thread.review_id)
    _upsert([documents.thread_doc(thread, license_id)], gone=[f"thread:{thread.pk}"])


def index_comment(comment: Comment) -> None:
    review_id, license_id = (
        Thread.objects.filter(pk=comment.thread_id)
        .values_list("review_id", "review__version__license_id")
        .get()
    )
    _upsert([documents.comment_doc(comment, review_id, license_id)], gone=[f"comment:{comment.pk}"])


def index_comments(comments: Iterable[Comment]) -> None:
    """Comments created in bulk (mail import, a next round)."""
    ids = [c.pk for c in comments if c.pk is not None]
    if ids:
        _index_discussion(Comment.objects.filter(pk__in=ids), Thread.objects.none(), Review.objects.none())


def index_review_discussion(review_id: int) -> None:
    """A review's record, threads and comments (a next round copies them in bulk)."""
    _index_discussion(
        Comment.objects.filter(thread__review_id=review_id),
        Thread.objects.filter(review_id=review_id),
        Review.objects.filter(pk=review_id),
    )


def _index_discussion(comments, threads, reviews) -> None:
    docs: list[Document | None] = []
    gone: list[str] = []
    for review in reviews.select_related("version"):
        docs.append(documents.review_doc(review, review.version.license_id))
        gone.append(f"review:{review.pk}")
    for thread in threads.select_related("criterion", "review__version"):
        docs.append(documents.thread_doc(thread, thread.review.version.license_id))
        gone.append(f"thread:{thread.pk}")
    for comment in comments.select_related("thread__review__version").iterator(chunk_size=BATCH):
        review = comment.thread.review
        docs.append(documents.comment_doc(comment, review.pk, review.version.license_id))
        gone.append(f"comment:{comment.pk}")
        if len(docs) >= BATCH:
            _upsert(docs, gone=gone)
            docs, gone = [], []
    _upsert(docs, gone=gone)


# --- everything ---------------------------------------------------------------------------------


def rebuild(*, progress=None) -> dict[str, int]:
    """Re-create the whole index in bulk. Returns counts per kind."""
    with transaction.atomic():
        Document.objects.all().delete()
        ClauseSignature.objects.all().delete()
        VersionSignature.objects.all().delete()
        index_licenses()
        versions = LicenseVersion.objects.only("pk", "license_id", "text").order_by("pk")
        by_version: dict[int, list[Clause]] = {}
        for clause in Clause.objects.order_by("version_id", "ordinal").iterator(chunk_size=5000):
            by_version.setdefault(clause.version_id, []).append(clause)
        for i, version in enumerate(versions.iterator(chunk_size=200)):
            docs, sigs, vsig = _version_rows(version, by_version.pop(version.pk, []))
            Document.objects.bulk_create(docs, batch_size=BATCH)
            ClauseSignature.objects.bulk_create(sigs, batch_size=BATCH)
            vsig.save(force_insert=True)
            if progress and i % 100 == 0:
                progress(i)
        _index_discussion(Comment.objects.all(), Thread.objects.all(), Review.objects.all())
        Generation.bump("clause", "version")
    counts = {}
    for kind in Document.Kind.values:
        counts[kind] = Document.objects.filter(kind=kind).count()
    return counts
