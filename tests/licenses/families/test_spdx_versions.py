"""Versions of one license are one License: SPDX ids grouped by key, old slugs redirect."""

import importlib

import pytest
from django.apps import apps

from licenses.models import License, LicenseAlias, LicenseVersion
from licenses.spdx_import import ImportCounts, import_one, license_name, spdx_key
from tests.factories import make_license, make_review, make_version


@pytest.mark.parametrize(
    ("spdx_id", "key", "label"),
    [
        ("EPL-1.0", "epl", "1.0"),
        ("EPL-2.0", "epl", "2.0"),
        ("LGPL-2.1-only", "lgpl", "2.1"),
        ("LGPL-2.1-or-later", "lgpl", "2.1"),
        ("GPL-2.0+", "gpl", "2.0"),
        ("MPL-1.1", "mpl", "1.1"),
        ("CC-BY-4.0", "cc-by", "4.0"),
        ("CC-BY-NC-SA-4.0", "cc-by-nc-sa", "4.0"),
        ("Apache-1.0", "apache", "1.0"),
        ("AFL-2.1", "afl", "2.1"),
        ("OSL-3.0", "osl", "3.0"),
        ("LPPL-1.3c", "lppl", "1.3c"),
        ("bzip2-1.0.6", "bzip2", "1.0.6"),
        # no trailing version: its own license
        ("MIT", "mit", "1"),
        ("MIT-0", "mit-0", "1"),
        ("BSD-3-Clause", "bsd-3-clause", "1"),
        ("CC-BY-3.0-AT", "cc-by-3.0-at", "1"),
        ("GFDL-1.3-invariants-only", "gfdl-1.3-invariants-only", "1"),
    ],
)
def test_spdx_key(spdx_id, key, label):
    assert spdx_key(spdx_id) == (key, label)


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("Eclipse Public License 2.0", "2.0", "Eclipse Public License"),
        ("GNU Lesser General Public License v2.1 only", "2.1", "GNU Lesser General Public License"),
        ("Creative Commons Attribution 4.0 International", "4.0", "Creative Commons Attribution"),
        ("Academic Free License v3.0", "3.0", "Academic Free License"),
        ("MIT License", "1", "MIT License"),
        # the name writes the version shorter than the id, in capitals, or as a year in brackets
        ("Mulan Permissive Software License, Version 2", "2.0", "Mulan Permissive Software License"),
        ("Unicode License v3", "3.0", "Unicode License"),
        ("Server Side Public License, v 1", "1.0", "Server Side Public License"),
        ("GNU Library General Public License v2 or later", "2.0", "GNU Library General Public License"),
        ("Public License (PL) - V2.4 - Strong Copyleft", "2.4", "Public License (PL) - Strong Copyleft"),
        ("Sun PPP License (2000)", "2000", "Sun PPP License"),
        ("Lucent Public License Version 1.0", "1.0", "Lucent Public License"),
        # a number that is not the version stays
        ("Public License 2 Plus", "2.1", "Public License 2 Plus"),
        ("Open Hardware Licence Version 2 - Permissive", "2.0", "Open Hardware Licence - Permissive"),
    ],
)
def test_license_name_drops_the_version(name, label, expected):
    assert license_name(name, label) == expected


@pytest.mark.django_db
def test_versions_of_one_license_become_one_license():
    counts = ImportCounts()
    for spdx_id in ("EPL-2.0", "EPL-1.0", "LGPL-2.1-only", "LGPL-2.1-or-later", "LGPL-3.0-only"):
        import_one(spdx_id, counts)
    epl = License.objects.get(slug="epl")
    assert epl.name == "Eclipse Public License"
    v1, v2 = epl.versions.get(label="1.0"), epl.versions.get(label="2.0")
    # imported out of order, chained by label
    assert (v1.previous, v2.previous) == (None, v1)
    lgpl = License.objects.get(slug="lgpl")
    assert sorted(lgpl.versions.values_list("label", flat=True)) == ["2.1", "3.0"]
    assert lgpl.versions.get(label="2.1").spdx_ids == "LGPL-2.1-only LGPL-2.1-or-later"
    assert counts.licenses_created == 2 and counts.versions_created == 4
    again = ImportCounts()
    for spdx_id in ("EPL-1.0", "EPL-2.0", "LGPL-2.1-or-later"):
        import_one(spdx_id, again)
    assert (again.licenses_created, again.versions_created) == (0, 0)


@pytest.mark.django_db
def test_catalogue_search_finds_a_version_spdx_id(client):
    import_one("EPL-1.0", ImportCounts())
    import_one("EPL-2.0", ImportCounts())
    response = client.get("/licenses/", {"q": "EPL-2.0"})
    assert [lic.slug for lic in response.context["page"].object_list] == ["epl"]


@pytest.mark.django_db
def test_migration_merges_per_version_licenses_and_keeps_old_addresses(client):
    merge = importlib.import_module("licenses.migrations.0005_spdx_versions_as_one_license").merge
    text1 = "1. First text.\n\n2. More.\n"
    text2 = "1. Second text.\n\n2. Other.\n"
    one = make_license(slug="epl-1.0", spdx_id="EPL-1.0", name="Eclipse Public License 1.0")
    two = make_license(slug="epl-2.0", spdx_id="EPL-2.0", name="Eclipse Public License 2.0")
    only = make_license(slug="lgpl-2.1-only", spdx_id="LGPL-2.1-only", name="LGPL v2.1 only")
    later = make_license(slug="lgpl-2.1-or-later", spdx_id="LGPL-2.1-or-later", name="LGPL v2.1 or later")
    for license, text, label in (
        (one, text1, "1.0"),
        (two, text2, "2.0"),
        (only, text1, "2.1"),
        (later, text1, "2.1"),
    ):
        version = make_version(license, text=text, label=label)
        LicenseVersion.objects.filter(pk=version.pk).update(source="spdx")
    reviewed = make_review(two.versions.get())
    merge(apps, None)

    epl = License.objects.get(slug="epl")
    assert epl.name == "Eclipse Public License"
    assert sorted(epl.versions.values_list("label", flat=True)) == ["1.0", "2.0"]
    assert epl.versions.get(label="2.0").previous == epl.versions.get(label="1.0")
    reviewed.refresh_from_db()
    assert reviewed.version.license == epl  # the review kept its text
    lgpl = License.objects.get(slug="lgpl")
    assert list(lgpl.versions.values_list("label", "spdx_ids")) == [
        ("2.1", "LGPL-2.1-only LGPL-2.1-or-later")
    ]
    assert set(LicenseAlias.objects.values_list("slug", flat=True)) == {
        "epl-1.0",
        "epl-2.0",
        "lgpl-2.1-only",
        "lgpl-2.1-or-later",
    }
    assert not License.objects.filter(slug__in=["epl-1.0", "epl-2.0"]).exists()

    response = client.get("/licenses/epl-1.0/1.0/?x=1")
    assert (response.status_code, response["Location"]) == (301, "/licenses/epl/1.0/?x=1")
    response = client.get("/licenses/lgpl-2.1-or-later/")
    assert (response.status_code, response["Location"]) == (301, "/licenses/lgpl/")
    assert client.get("/licenses/no-such-license/").status_code == 404
    assert client.post("/licenses/epl-1.0/1.0/").status_code in (404, 405)
