"""What nobody said stays unknown (issue 13, defect 8): import_license knows neither the OSI
status nor the FSF's view of a license."""

import pytest
from django.core.management import call_command
from django.test import Client

from licenses.models import License
from tests.factories import SAMPLE_TEXT

pytestmark = pytest.mark.django_db


def test_import_license_leaves_osi_status_and_fsf_libre_unknown(tmp_path):
    path = tmp_path / "mg.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    call_command("import_license", str(path), slug="mg-by", name="ModelGo Attribution", version_label="2.0")
    license = License.objects.get(slug="mg-by")
    assert license.osi_status == License.OsiStatus.UNKNOWN
    assert license.fsf_libre is None
    page = Client().get(license.get_absolute_url()).content.decode()
    assert '<span class="tag osi-unknown">Unknown</span>' in page
    assert "<dt>FSF libre</dt><dd>Unknown</dd>" in page
    assert "Not submitted" not in page


def test_import_spdx_says_only_what_spdx_says():
    """SPDX marks the OSI-approved and FSF-libre licenses; of the rest it says nothing."""
    call_command("import_spdx", "MIT", "CC-BY-NC-4.0")
    mit = License.objects.get(spdx_id="MIT")
    assert (mit.osi_status, mit.fsf_libre) == (License.OsiStatus.APPROVED, True)
    nc = License.objects.get(versions__label="4.0", slug="cc-by-nc")
    assert (nc.osi_status, nc.fsf_libre) == (License.OsiStatus.UNKNOWN, None)
    page = Client().get(nc.get_absolute_url()).content.decode()
    assert "<dt>FSF libre</dt><dd>Unknown</dd>" in page
