"""Row snapshots: dump a model row to plain data and put it back exactly (same primary key).

Generic over models. Used by :mod:`licenses.corrections.services` to record what a correction changed
or deleted, so that an undo restores the very rows (and what hangs on them) it replaced.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models


def dump(obj: models.Model) -> dict:
    return {f.attname: f.value_from_object(obj) for f in obj._meta.concrete_fields}


def apply(obj: models.Model, data: dict) -> models.Model:
    for f in obj._meta.concrete_fields:
        if f.attname in data and not f.primary_key:
            setattr(obj, f.attname, f.to_python(data[f.attname]))
    return obj


def build(model: type[models.Model], data: dict) -> models.Model:
    return model(
        **{f.attname: f.to_python(data[f.attname]) for f in model._meta.concrete_fields if f.attname in data}
    )


def dump_deep(obj: models.Model) -> dict:
    """A row with its many-to-many links and the rows that would cascade with it (one level)."""
    out = {"row": dump(obj), "m2m": {}, "dependents": {}}
    for f in obj._meta.many_to_many:
        out["m2m"][f.name] = list(getattr(obj, f.name).values_list("pk", flat=True))
    for rel in obj._meta.related_objects:
        if rel.one_to_many and rel.on_delete is models.CASCADE:
            rows = rel.related_model._base_manager.filter(**{rel.field.name: obj})
            out["dependents"][rel.related_model._meta.label] = [dump(r) for r in rows]
    return out


def restore_deep(model: type[models.Model], data: dict) -> models.Model:
    obj = build(model, data["row"])
    obj.save(force_insert=True)
    keep_auto_now(obj, data["row"])
    for name, pks in data["m2m"].items():
        target = model._meta.get_field(name).related_model
        getattr(obj, name).set(target._base_manager.filter(pk__in=pks))
    for label, rows in data["dependents"].items():
        dep = apps.get_model(label)
        free = [r for r in rows if not dep._base_manager.filter(pk=r["id"]).exists()]
        for r in free:
            row = build(dep, r)
            row.save(force_insert=True)
            keep_auto_now(row, r)
    return obj


def keep_auto_now(obj: models.Model, data: dict) -> None:
    """save() stamps auto_now fields with the current time; put the recorded time back."""
    stamps = {
        f.attname: f.to_python(data[f.attname])
        for f in obj._meta.concrete_fields
        if getattr(f, "auto_now", False) and f.attname in data
    }
    if stamps:
        type(obj)._base_manager.filter(pk=obj.pk).update(**stamps)
