"""Demo catalogue: well-known licenses from the SPDX package, plus version families."""

from __future__ import annotations

from django.db import transaction

from licenses import sources
from licenses.ingest import ingest_version
from licenses.models import License, LicenseVersion
from licenses.spdx_import import ImportCounts, add_spdx_id, import_one

DEMO_SPDX_IDS = [
    "0BSD",
    "AFL-3.0",
    "AGPL-3.0-only",
    "Apache-2.0",
    "Artistic-2.0",
    "BlueOak-1.0.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "BSL-1.0",
    "BUSL-1.1",
    "CC-BY-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-ND-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-SA-4.0",
    "CC0-1.0",
    "CDDL-1.0",
    "ECL-2.0",
    "Elastic-2.0",
    "EPL-1.0",
    "EPL-2.0",
    "EUPL-1.2",
    "Hippocratic-2.1",
    "ISC",
    "JSON",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "MIT",
    "MIT-0",
    "MS-PL",
    "MS-RL",
    "MulanPSL-2.0",
    "NCSA",
    "OSL-3.0",
    "PolyForm-Noncommercial-1.0.0",
    "PostgreSQL",
    "SSPL-1.0",
    "Unlicense",
    "UPL-1.0",
    "Zlib",
]

# Licenses shown as one entry with several versions, so versions show from the first minute.
FAMILIES = [
    {
        "slug": "mpl",
        "name": "Mozilla Public License",
        "steward": "Mozilla Foundation",
        "versions": [("1.1", "MPL-1.1"), ("2.0", "MPL-2.0")],
    },
    {
        "slug": "gpl",
        "name": "GNU General Public License",
        "steward": "Free Software Foundation",
        "versions": [("2.0", "GPL-2.0-only"), ("3.0", "GPL-3.0-only")],
    },
]


@transaction.atomic
def load_family(family: dict) -> License:
    license, _ = License.objects.get_or_create(
        slug=family["slug"],
        defaults={
            "name": family["name"],
            "steward": family["steward"],
            "osi_status": License.OsiStatus.APPROVED,
            "fsf_libre": True,
            "description": "Versions: "
            + ", ".join(f"{label} (SPDX {spdx_id})" for label, spdx_id in family["versions"]),
        },
    )
    previous = None
    for label, spdx_id in family["versions"]:
        result = ingest_version(
            license=license,
            text=sources.spdx_text(spdx_id),
            label=label,
            source=LicenseVersion.Source.SPDX,
            previous=previous,
        )
        previous = result.version
        add_spdx_id(previous, spdx_id)  # as the SPDX import names its versions
    return license


def load_demo_licenses() -> ImportCounts:
    counts = ImportCounts()
    for spdx_id in DEMO_SPDX_IDS:
        import_one(spdx_id, counts)
    for family in FAMILIES:
        load_family(family)
    return counts
