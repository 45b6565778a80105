"""What hangs on a clause: move review threads, positions, child clauses and any other row
with a foreign key to Clause from one clause to another, and move them back.

The review models are looked up through the app registry, so this module imports nothing
from ``review``. Used by :mod:`licenses.corrections.services` for merges and undos.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import F

from licenses.corrections.snapshots import dump_deep, restore_deep
from licenses.models import Clause


def review_model(name: str) -> type[models.Model] | None:
    try:
        return apps.get_model("review", name)
    except LookupError:  # the review app is optional for licenses
        return None


# -- moving what hangs on a clause ---------------------------------------------------


def absorb(into: Clause, gone: Clause, *, quote_shift: int | None) -> dict:
    """Move everything attached to ``gone`` onto ``into``; return what was moved and dropped.

    Two positions for the same cell by the same reviewer cannot share a clause: the more
    recently updated one is kept and the other is deleted, with a full snapshot for undo.
    """
    record: dict = {
        "threads": [],
        "positions_moved": [],
        "positions_dropped": [],
        "children": [],
        "other": {},
    }
    Thread = review_model("Thread")
    Position = review_model("Position")
    if Thread is not None:
        threads = Thread._base_manager.filter(clause=gone)
        record["threads"] = list(threads.values("id", "quote_start", "quote_end"))
        threads.update(clause=into)
        if quote_shift:
            moved = Thread._base_manager.filter(pk__in=[t["id"] for t in record["threads"]])
            moved.filter(quote_start__isnull=False).update(quote_start=F("quote_start") + quote_shift)
            moved.filter(quote_end__isnull=False).update(quote_end=F("quote_end") + quote_shift)
    if Position is not None:
        kept = {
            (p.review_id, p.criterion_id, p.reviewer_id): p
            for p in Position._base_manager.filter(clause=into)
        }
        moving, dropping = [], []
        for p in Position._base_manager.filter(clause=gone):
            other = kept.get((p.review_id, p.criterion_id, p.reviewer_id))
            if other is None:
                moving.append(p)
            elif (p.updated_at, p.pk) > (other.updated_at, other.pk):
                dropping.append(other)
                moving.append(p)
            else:
                dropping.append(p)
        record["positions_dropped"] = [dump_deep(p) for p in dropping]
        Position._base_manager.filter(pk__in=[p.pk for p in dropping]).delete()
        record["positions_moved"] = [p.pk for p in moving]
        Position._base_manager.filter(pk__in=record["positions_moved"]).update(clause=into)
    children = Clause.objects.filter(parent=gone)
    record["children"] = list(children.values_list("pk", flat=True))
    children.update(parent=into)
    for rel in Clause._meta.related_objects:
        model = rel.related_model
        if not rel.one_to_many or model in (Clause, Thread, Position):
            continue
        rows = model._base_manager.filter(**{rel.field.name: gone})
        pks = list(rows.values_list("pk", flat=True))
        if pks:
            record["other"][model._meta.label] = {"field": rel.field.name, "pks": pks}
            rows.update(**{rel.field.name: into})
    return record


def give_back(record: dict, *, to: Clause, frm: Clause) -> None:
    """Reverse ``absorb``: rows recorded as moved from ``to`` go back to it, dropped rows return."""
    Thread = review_model("Thread")
    Position = review_model("Position")
    if Thread is not None:
        for t in record["threads"]:
            Thread._base_manager.filter(pk=t["id"], clause=frm).update(
                clause=to, quote_start=t["quote_start"], quote_end=t["quote_end"]
            )
    if Position is not None:
        Position._base_manager.filter(pk__in=record["positions_moved"], clause=frm).update(clause=to)
        for data in record["positions_dropped"]:
            row = data["row"]
            cell = {k: row[k] for k in ("review_id", "clause_id", "criterion_id", "reviewer_id")}
            if (
                not Position._base_manager.filter(**cell).exists()
                and not Position._base_manager.filter(pk=row["id"]).exists()
            ):
                restore_deep(Position, data)
    Clause.objects.filter(pk__in=record["children"], parent=frm).update(parent=to)
    for label, moved in record["other"].items():
        model = apps.get_model(label)
        model._base_manager.filter(pk__in=moved["pks"], **{moved["field"]: frm}).update(
            **{moved["field"]: to}
        )
