"""Import licenses from the offline SPDX data into the catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from licenses import sources
from licenses.ingest import ingest_version
from licenses.models import License, LicenseVersion

_VERSION_IN_ID = re.compile(r"-(\d+(?:\.\d+)*[a-z]?)(?:-(?:only|or-later))?$", re.I)


def version_label(spdx_id: str) -> str:
    """The version named in an SPDX id (``GPL-3.0-only`` -> ``3.0``), else ``1``."""
    match = _VERSION_IN_ID.search(spdx_id)
    return match.group(1) if match else "1"


def select_ids(ids: Iterable[str] = (), *, osi: bool = False, all_: bool = False) -> list[str]:
    known = sources.spdx_ids()
    if all_:
        chosen = known
    elif osi:
        chosen = [i for i in known if sources.spdx_license(i).osi_approved]
    else:
        chosen = []
    lookup = {i.lower(): i for i in known}
    for given in ids:
        real = lookup.get(given.lower())
        if real is None:
            raise sources.UnknownLicense(given)
        if real not in chosen:
            chosen.append(real)
    return chosen


@dataclass
class ImportCounts:
    licenses_created: int = 0
    versions_created: int = 0
    skipped_no_text: int = 0


@transaction.atomic
def import_one(spdx_id: str, counts: ImportCounts) -> LicenseVersion | None:
    meta = sources.spdx_license(spdx_id)
    if not meta.text.strip():
        counts.skipped_no_text += 1
        return None
    license, created = License.objects.get_or_create(
        spdx_id=meta.spdx_id,
        defaults={
            "slug": meta.spdx_id.lower(),
            "name": meta.name,
            "osi_status": License.OsiStatus.APPROVED
            if meta.osi_approved
            else License.OsiStatus.NOT_SUBMITTED,
            "fsf_libre": meta.fsf_libre,
            "deprecated": meta.deprecated,
        },
    )
    counts.licenses_created += created
    existing = license.versions.filter(source=LicenseVersion.Source.SPDX).first()
    if existing is not None:
        return existing
    result = ingest_version(
        license=license, text=meta.text, label=version_label(spdx_id), source=LicenseVersion.Source.SPDX
    )
    counts.versions_created += result.created
    return result.version


def import_many(ids: list[str], counts: ImportCounts) -> Iterator[str]:
    """Import each id, yielding it afterwards (so callers can show progress)."""
    for spdx_id in ids:
        import_one(spdx_id, counts)
        yield spdx_id
