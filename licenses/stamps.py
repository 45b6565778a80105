"""The catalogue stamp: one row (``CatalogueStamp``), changed in the same transaction as every
write that the catalogue, version and compare pages show.

The receivers below cover writes made through ``save()`` and ``delete()`` (``QuerySet.delete()``
sends ``post_delete`` too) of licenses, their aliases, versions, clauses, clause corrections,
hand links, families and criteria. Writes made with ``QuerySet.update()``, ``bulk_create()`` or
``bulk_update()`` call ``touch`` themselves: ingest (the web form, ``import_license``,
``import_spdx``), the clause corrections and the family groups. The stamp keys the pages'
ETags and their shared renders (licenses.page_cache), so a write shows at once to every visitor.
"""

from __future__ import annotations

import secrets

from django.db import connections
from django.db.models.signals import post_delete, post_save

from licenses.models import (
    CatalogueStamp,
    Clause,
    ClauseCorrection,
    ClauseGroup,
    ClauseGroupMember,
    ClauseLink,
    Criterion,
    CriterionSet,
    Family,
    License,
    LicenseAlias,
    LicenseVersion,
)

NAME = "catalogue"


def touch(*, using: str = "default") -> None:
    """Mark the catalogue changed now (one UPDATE in the caller's transaction; never a save())."""
    stamp = secrets.token_hex(16)
    if not CatalogueStamp.objects.using(using).filter(name=NAME).update(stamp=stamp):
        CatalogueStamp.objects.using(using).update_or_create(name=NAME, defaults={"stamp": stamp})


def migrated(sender, *, using: str, plan=None, **kwargs) -> None:
    """After ``migrate`` applied migrations (``post_migrate``, connected in licenses.apps): a data
    migration writes through historical models, whose saves no receiver here hears, so any
    migration marks the catalogue changed. A ``migrate`` with nothing to apply leaves it be."""
    if plan == []:
        return
    if CatalogueStamp._meta.db_table in connections[using].introspection.table_names():
        touch(using=using)


def current() -> str:
    """The stamp now (one indexed read). Read it before the data it keys: a render made from data
    read before a write's commit must never be stored under the stamp that write set."""
    stamp = CatalogueStamp.objects.filter(name=NAME).values_list("stamp", flat=True).first()
    if not stamp:
        # No row (a database flushed or restored without it): start a fresh stamp, so that no
        # render stored for another database's contents is ever served for this one.
        stamp = CatalogueStamp.objects.get_or_create(name=NAME, defaults={"stamp": secrets.token_hex(16)})[
            0
        ].stamp
    return stamp


WATCHED = (
    License,
    LicenseAlias,
    LicenseVersion,
    Clause,
    ClauseCorrection,
    ClauseLink,
    Family,
    ClauseGroup,
    ClauseGroupMember,
    CriterionSet,
    Criterion,
)


def _changed(sender, **kwargs) -> None:
    touch()


for _model in WATCHED:
    post_save.connect(_changed, sender=_model, dispatch_uid=f"catalogue-stamp-save-{_model.__name__}")
    post_delete.connect(_changed, sender=_model, dispatch_uid=f"catalogue-stamp-delete-{_model.__name__}")
