"""Keep the index current on write.

Rows saved one at a time are indexed in the same transaction, from ``post_save``. A version's
clauses are bulk-created after the version row (no signal per clause), so the version's indexing
waits for the commit; so do the threads and comments a next round copies in bulk under a new
review, and comments imported from mail (``review.signals.comments_created``). Deleting a row
deletes its documents through their foreign keys.

Indexing is never allowed to break the write it follows: a failure is logged, and
``manage.py search_index`` repairs the index.
"""

from __future__ import annotations

import functools
import logging

from django.db import transaction
from django.db.models.signals import post_save

from licenses.models import Clause, License, LicenseVersion
from review.models import Comment, Review, Thread
from review.signals import comments_created
from search import indexing

log = logging.getLogger(__name__)


def _guarded(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        if kwargs.get("raw"):  # loaddata: rows arrive in any order; rebuild afterwards
            return
        try:
            with transaction.atomic():
                func(*args, **kwargs)
        except Exception:  # the write that triggered us must not fail because of search
            log.exception("search indexing failed in %s; run manage.py search_index", func.__name__)

    return wrapper


def _after_commit(callback) -> None:
    transaction.on_commit(callback, robust=True)


@_guarded
def license_saved(sender, instance: License, **kwargs) -> None:
    indexing.index_license(instance)


@_guarded
def version_saved(sender, instance: LicenseVersion, **kwargs) -> None:
    _after_commit(functools.partial(indexing.index_version, instance.pk))


@_guarded
def clause_saved(sender, instance: Clause, **kwargs) -> None:
    indexing.index_clause(instance)


@_guarded
def review_saved(sender, instance: Review, created: bool = False, **kwargs) -> None:
    indexing.index_review(instance)
    if created and instance.previous_round_id:  # a next round copies threads and comments in bulk
        _after_commit(functools.partial(indexing.index_review_discussion, instance.pk))


@_guarded
def thread_saved(sender, instance: Thread, **kwargs) -> None:
    indexing.index_thread(instance)


@_guarded
def comment_saved(sender, instance: Comment, **kwargs) -> None:
    indexing.index_comment(instance)


@_guarded
def comments_bulk_created(sender, comments, **kwargs) -> None:
    indexing.index_comments(comments)


def connect() -> None:
    post_save.connect(license_saved, sender=License, dispatch_uid="search-license")
    post_save.connect(version_saved, sender=LicenseVersion, dispatch_uid="search-version")
    post_save.connect(clause_saved, sender=Clause, dispatch_uid="search-clause")
    post_save.connect(review_saved, sender=Review, dispatch_uid="search-review")
    post_save.connect(thread_saved, sender=Thread, dispatch_uid="search-thread")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="search-comment")
    comments_created.connect(comments_bulk_created, dispatch_uid="search-comments-created")
