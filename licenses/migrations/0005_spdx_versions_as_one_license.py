"""Versions of one license become one License (see licenses.spdx_import.spdx_key).

Before, every SPDX id was a license of its own (``epl-1.0``, ``epl-2.0``). Licenses that were
imported from SPDX (slug = the id, lower-cased) and share a key are merged into one License with
the key as slug; each old slug is kept as a LicenseAlias so that old addresses redirect.
A version whose label the merged license already has (``lgpl-2.1-only`` and
``lgpl-2.1-or-later``) is folded into it when it has the same text and nothing refers to it;
otherwise it stays, relabelled with its grant (``2.1-or-later``), so no review loses its text.
"""

import re
from collections import defaultdict

from django.db import migrations

# A frozen copy of the rule in licenses.spdx_import (migrations must not follow later edits).
_GRANT_SUFFIX = re.compile(r"(?:-only|-or-later|\+)$", re.I)
_TRAILING_VERSION = re.compile(r"-v?(?!0$)(\d+(?:\.\d+)*[a-z]?)$", re.I)
_NAME_TAIL = r"(?:\s+(?:only|or later|Generic|Unported|International))?"


def spdx_key(spdx_id):
    stem = _GRANT_SUFFIX.sub("", spdx_id)
    match = _TRAILING_VERSION.search(stem)
    if match and match.start() > 0:
        return stem[: match.start()].lower(), match.group(1)
    return spdx_id.lower(), "1"


def license_name(name, label):
    if label == "1":
        return name
    stripped = re.sub(rf"[\s,-]+v?(?:ersion\s+)?{re.escape(label)}(?![\d.]){_NAME_TAIL}", "", name, count=1)
    return stripped.strip() or name


def _label_key(label):
    return tuple(int(p) if p.isdigit() else p for p in re.findall(r"\d+|[a-z]+", label.lower()))


def merge(apps, schema_editor):
    License = apps.get_model("licenses", "License")
    LicenseVersion = apps.get_model("licenses", "LicenseVersion")
    LicenseAlias = apps.get_model("licenses", "LicenseAlias")
    Review = apps.get_model("review", "Review")

    for version in LicenseVersion.objects.filter(source="spdx", license__spdx_id__isnull=False).select_related(
        "license"
    ):
        if not version.spdx_ids:
            version.spdx_ids = version.license.spdx_id
            version.save(update_fields=["spdx_ids"])

    groups = defaultdict(list)
    for license in License.objects.exclude(spdx_id__isnull=True).exclude(spdx_id="").order_by("pk"):
        if license.slug != license.spdx_id.lower():
            continue  # named by hand: leave it alone
        key, label = spdx_key(license.spdx_id)
        if key != license.slug:
            groups[key].append(license)

    for key, licenses in groups.items():
        target = License.objects.filter(slug=key).first()
        if target is None:
            target = licenses.pop(0)
            old_slug = target.slug
            target.slug = key
            target.name = license_name(target.name, spdx_key(target.spdx_id)[1])
            target.save(update_fields=["slug", "name"])
            LicenseAlias.objects.get_or_create(slug=old_slug, defaults={"license": target})
        for license in licenses:
            moves = _plan(license, target, LicenseVersion, Review)
            if moves is None:
                continue  # a reviewed text the target already holds under another label: keep both apart
            for version, action, into in moves:
                if action == "fold":
                    ids = into.spdx_ids.split()
                    ids += [i for i in version.spdx_ids.split() if i not in ids]
                    into.spdx_ids = " ".join(ids)
                    into.save(update_fields=["spdx_ids"])
                    LicenseVersion.objects.filter(previous=version).update(previous=into)
                    version.delete()
                else:
                    version.label = action
                    version.license = target
                    version.save(update_fields=["license", "label"])
            target.stewards.add(*license.stewards.all())
            LicenseAlias.objects.filter(license=license).update(license=target)
            LicenseAlias.objects.get_or_create(slug=license.slug, defaults={"license": target})
            license.delete()
        # Versions that came from different licenses did not follow each other: chain them by label.
        versions = sorted(LicenseVersion.objects.filter(license=target), key=lambda v: _label_key(v.label))
        for earlier, later in zip(versions, versions[1:]):
            if later.previous_id is None:
                later.previous = earlier
                later.save(update_fields=["previous"])


def _plan(license, target, LicenseVersion, Review):
    """``[(version, "fold" | new label, fold target)]``, or None when a version cannot move."""
    grant = _GRANT_SUFFIX.search(license.spdx_id)
    suffix = {"-only": "only", "-or-later": "or-later", "+": "or-later"}.get(
        grant.group(0).lower() if grant else "", license.spdx_id.lower()
    )
    plan = []
    for version in LicenseVersion.objects.filter(license=license).order_by("pk"):
        reviewed = Review.objects.filter(version=version).exists()
        same_text = LicenseVersion.objects.filter(license=target, text_hash=version.text_hash).first()
        if same_text is not None:
            if reviewed:
                return None
            plan.append((version, "fold", same_text))
            continue
        label = version.label
        if LicenseVersion.objects.filter(license=target, label=label).exists():
            label = f"{label}-{suffix}"[:50]
        plan.append((version, label, None))
    return plan


class Migration(migrations.Migration):
    dependencies = [
        ("licenses", "0004_families"),
        ("review", "0003_profile_to_accounts"),
    ]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
