"""Import licenses from the offline SPDX data into the catalogue.

SPDX gives every version of a license its own id (``EPL-1.0``, ``EPL-2.0``). The catalogue
keeps the versions of one license together: :func:`spdx_key` turns an id into the license's
key and the version's label, and every id with the same key becomes a version of one License.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction

from licenses import sources
from licenses.ingest import ingest_version
from licenses.models import License, LicenseVersion

# "-only", "-or-later" and the deprecated "+" name the same text with a different grant.
_GRANT_SUFFIX = re.compile(r"(?:-only|-or-later|\+)$", re.I)
# A trailing version: "-2.0", "-1.0.6", "-1.3c", "-19980720". "-0" is not one: MIT-0 is
# its own license, not version 0 of MIT.
_TRAILING_VERSION = re.compile(r"-v?(?!0$)(\d+(?:\.\d+)*[a-z]?)$", re.I)


def spdx_key(spdx_id: str) -> tuple[str, str]:
    """``(license key, version label)`` for an SPDX id.

    Drop a grant suffix (``-only``, ``-or-later``, ``+``), then a trailing version: what is
    left, lower-cased, is the license key. ``LGPL-2.1-only`` and ``LGPL-2.1-or-later`` are
    ``("lgpl", "2.1")``; ``CC-BY-4.0`` is ``("cc-by", "4.0")``; an id without a trailing
    version (``MIT``, ``CC-BY-3.0-AT``, ``BSD-2-Clause``) is its own key, label ``1``.
    """
    stem = _GRANT_SUFFIX.sub("", spdx_id)
    match = _TRAILING_VERSION.search(stem)
    if match and match.start() > 0:
        return stem[: match.start()].lower(), match.group(1)
    return spdx_id.lower(), "1"


def version_label(spdx_id: str) -> str:
    """The version named in an SPDX id (``GPL-3.0-only`` -> ``3.0``), else ``1``."""
    return spdx_key(spdx_id)[1]


_NAME_TAIL = r"(?:\s+(?:only|or later|Generic|Unported|International))?"


def license_name(name: str, label: str) -> str:
    """The SPDX name without its version: "Eclipse Public License 2.0" -> "Eclipse Public License".

    The name may write the version shorter than the id ("Mulan Permissive Software License,
    Version 2" for ``MulanPSL-2.0``, "Unicode License v3"), in capitals ("- V2.4 -"), or as a
    year in brackets ("(2015)").
    """
    if label == "1":
        return name
    short = re.sub(r"(?:\.0)+$", "", label) if "." in label else label
    versions = "|".join(re.escape(v) for v in sorted({label, short}, key=len, reverse=True))
    pattern = rf"[\s,-]+(?:\((?:{versions})\)|v?(?:ersion\s+)?\s?(?:{versions})(?![\d.]){_NAME_TAIL})"
    stripped = re.sub(pattern, "", name, count=1, flags=re.IGNORECASE)
    return stripped.strip() or name


def _label_key(label: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"\d+|[a-z]+", label.lower()))


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


def add_spdx_id(version: LicenseVersion, spdx_id: str) -> None:
    """Name ``version`` by ``spdx_id`` too (``-only`` and ``-or-later`` name one text)."""
    ids = version.spdx_ids.split()
    if spdx_id not in ids:
        version.spdx_ids = " ".join([*ids, spdx_id])
        version.save(update_fields=["spdx_ids"])


def _license_for(meta: sources.SpdxLicense, key: str, label: str, counts: ImportCounts) -> License:
    """The License every version of ``key`` belongs to: by SPDX id, by key, or by an old slug."""
    license = (
        License.objects.filter(spdx_id=meta.spdx_id).first()
        or License.objects.filter(slug=key).first()
        or License.objects.filter(aliases__slug=key).first()
    )
    if license is None:
        license = License.objects.create(
            slug=key,
            spdx_id=meta.spdx_id,
            name=license_name(meta.name, label),
            # SPDX says which licenses the OSI approved; of the others it does not say whether
            # they were submitted, rejected or withdrawn.
            osi_status=License.OsiStatus.APPROVED if meta.osi_approved else License.OsiStatus.UNKNOWN,
            fsf_libre=meta.fsf_libre,
            deprecated=meta.deprecated,
        )
        counts.licenses_created += 1
    return license


@transaction.atomic
def import_one(spdx_id: str, counts: ImportCounts) -> LicenseVersion | None:
    meta = sources.spdx_license(spdx_id)
    if not meta.text.strip():
        counts.skipped_no_text += 1
        return None
    key, label = spdx_key(meta.spdx_id)
    license = _license_for(meta, key, label, counts)
    for existing in license.versions.filter(spdx_ids__contains=meta.spdx_id):
        if meta.spdx_id in existing.spdx_ids.split():
            return existing
    # "-only" and "-or-later" are one text: the second id joins the version the first made.
    same_label = license.versions.filter(label=label).first()
    if same_label is not None:
        add_spdx_id(same_label, meta.spdx_id)
        return same_label
    # Versions may be imported in any order: follow the nearest lower label, and lead the next.
    versions = sorted(license.versions.all(), key=lambda v: _label_key(v.label))
    lower = [v for v in versions if _label_key(v.label) < _label_key(label)]
    higher = [v for v in versions if _label_key(v.label) > _label_key(label)]
    result = ingest_version(
        license=license,
        text=meta.text,
        label=label,
        source=LicenseVersion.Source.SPDX,
        previous=lower[-1] if lower else None,
    )
    version = result.version
    add_spdx_id(version, meta.spdx_id)
    if result.created:
        counts.versions_created += 1
        if not lower and license.versions.count() > 1:
            version.previous = None
            version.save(update_fields=["previous"])
        if higher and higher[0].previous_id in (None, *(v.pk for v in lower)):
            higher[0].previous = version
            higher[0].save(update_fields=["previous"])
    return version


def import_many(ids: list[str], counts: ImportCounts) -> Iterator[str]:
    """Import each id, yielding it afterwards (so callers can show progress)."""
    for spdx_id in ids:
        import_one(spdx_id, counts)
        yield spdx_id
