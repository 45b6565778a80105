"""Licenses imported from SPDX before 0007 were stored as "not submitted" to the OSI and "not FSF
libre" where SPDX says neither (it marks only the approved and the libre ones): make those
unknown. Licenses without an SPDX id were typed by people and are left as they are."""

from django.db import migrations


def forwards(apps, schema_editor):
    License = apps.get_model("licenses", "License")
    from_spdx = License.objects.filter(spdx_id__isnull=False)
    from_spdx.filter(fsf_libre=False).update(fsf_libre=None)
    from_spdx.filter(osi_status="not_submitted").update(osi_status="unknown")


class Migration(migrations.Migration):
    dependencies = [("licenses", "0008_version_label_validator")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
