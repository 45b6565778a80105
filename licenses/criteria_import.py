"""Import criterion sets or their official wording from a JSON document.

Format (documented in the README)::

    {"slug": "osd-1.9", "name": "...", "short_name": "OSD", "version": "1.9",
     "source_url": "https://...", "description": "...",
     "criteria": [{"number": 1, "key": "free-redistribution", "title": "...",
                   "summary": "...", "official_text": "..."}]}

Only ``slug`` and, per criterion, ``number`` are required when the set and
criterion exist already; new ones need ``name``/``short_name`` and ``key``/``title``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from licenses.models import Criterion, CriterionSet

SET_FIELDS = ("name", "short_name", "version", "source_url", "description")
CRITERION_FIELDS = ("key", "title", "summary", "official_text")


class CriteriaFormatError(ValueError):
    pass


@dataclass
class CriteriaImportResult:
    set: CriterionSet
    set_created: bool
    created: int
    updated: int


def _require(mapping: dict, key: str, where: str):
    if key not in mapping or mapping[key] in ("", None):
        raise CriteriaFormatError(f"{where} needs {key!r}.")
    return mapping[key]


@transaction.atomic
def import_criteria(data: dict) -> CriteriaImportResult:
    if not isinstance(data, dict):
        raise CriteriaFormatError("The document must be a JSON object.")
    slug = _require(data, "slug", "The set")
    items = data.get("criteria")
    if not isinstance(items, list) or not items:
        raise CriteriaFormatError("The set needs a non-empty 'criteria' list.")
    cset = CriterionSet.objects.filter(slug=slug).first()
    set_created = cset is None
    if set_created:
        cset = CriterionSet(
            slug=slug,
            name=_require(data, "name", "A new set"),
            short_name=_require(data, "short_name", "A new set"),
        )
    for field in SET_FIELDS:
        if field in data:
            setattr(cset, field, str(data[field]))
    try:
        cset.full_clean()
    except ValidationError as exc:
        raise CriteriaFormatError(f"The set is invalid: {'; '.join(exc.messages)}") from None
    cset.save()
    created = updated = 0
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise CriteriaFormatError(f"Criterion #{i} must be an object.")
        number = _require(item, "number", f"Criterion #{i}")
        if not isinstance(number, int) or number < 0:
            raise CriteriaFormatError(f"Criterion #{i}: 'number' must be a whole number.")
        criterion = Criterion.objects.filter(set=cset, number=number).first()
        if criterion is None:
            criterion = Criterion(
                set=cset,
                number=number,
                key=_require(item, "key", f"New criterion {number}"),
                title=_require(item, "title", f"New criterion {number}"),
            )
            created += 1
        else:
            updated += 1
        for field in CRITERION_FIELDS:
            if field in item:
                setattr(criterion, field, str(item[field]))
        try:
            criterion.full_clean()
        except ValidationError as exc:
            raise CriteriaFormatError(f"Criterion {number} is invalid: {'; '.join(exc.messages)}") from None
        criterion.save()
    return CriteriaImportResult(cset, set_created, created, updated)
