"""Every paste and upload is limited in size, refused with a clear message, and writes nothing.

Endpoints: a new version (paste or file, 1 MiB), the next review round (paste or file, 1 MiB),
mail import (paste or file, 5 MiB). Above DATA_UPLOAD_MAX_MEMORY_SIZE Django refuses the
request body itself: every write endpoint then answers 400 (mail import: 413 with its message),
never 500, and writes nothing.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import security
from tests.security import ENDPOINTS, client_for, diff, snapshot, write_endpoints

pytestmark = pytest.mark.django_db
module_world = pytest.fixture(scope="module")(security.module_world)
world = pytest.fixture(security.world)

MIB = 1024 * 1024
LICENSE_TEXT = "1. A clause.\n\n" + "Words of the license. " * (MIB // 22 + 10)  # just over 1 MiB
assert len(LICENSE_TEXT.encode()) > MIB


def _text_of(response) -> str:
    from tests.security import scan_html

    return " ".join(scan_html(response.content)[1].split())


def _refused(client, url: str, data: dict, message: str, *, statuses=(200, 400, 413, 422)) -> None:
    before = snapshot()
    response = client.post(url, data)
    assert response.status_code in statuses, (url, response.status_code)
    assert message in _text_of(response), (url, _text_of(response)[:300])
    assert diff(before, snapshot()) == []


def test_new_version_refuses_oversize_paste_and_upload(world):
    url = reverse("licenses:version-create", args=[world.license.slug])
    steward = client_for(world, "steward")
    _refused(steward, url, {"label": "9.0", "text": LICENSE_TEXT}, "larger than the 1 MiB limit")
    upload = SimpleUploadedFile("big.txt", LICENSE_TEXT.encode(), content_type="text/plain")
    _refused(steward, url, {"label": "9.0", "file": upload}, "the limit is 1 MiB")
    binary = SimpleUploadedFile("bin.txt", b"\x00\x01binary" * 10, content_type="text/plain")
    _refused(steward, url, {"label": "9.0", "file": binary}, "NUL bytes")


def test_next_round_refuses_oversize_paste_and_upload(world):
    url = reverse("review:next-round", args=[world.review.pk])
    steward = client_for(world, "steward")
    _refused(steward, url, {"label": "9.0", "text": LICENSE_TEXT}, "larger than the 1 MiB limit")
    upload = SimpleUploadedFile("big.txt", LICENSE_TEXT.encode(), content_type="text/plain")
    _refused(steward, url, {"label": "9.0", "file": upload}, "the limit is 1 MiB")


def test_mail_import_refuses_oversize_paste_and_upload(world):
    url = reverse("review:mail-import", args=[world.review.pk])
    reviewer = client_for(world, "moderator")  # only moderators import mail
    big = security.mail(3, body="Section 2.2(b). " + "word " * (MIB + 100))
    assert 5 * MIB < len(big.encode()) < 6 * MIB
    _refused(reviewer, url, {"step": "preview", "raw": big}, "over the 5 MiB limit")
    upload = SimpleUploadedFile("big.mbox", big.encode(), content_type="application/mbox")
    _refused(reviewer, url, {"step": "preview", "file": upload}, "over the 5 MiB limit")
    exe = SimpleUploadedFile("thread.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    _refused(reviewer, url, {"step": "preview", "file": exe}, "not a file type we read")


@pytest.mark.parametrize("name", write_endpoints())
def test_request_bodies_over_data_upload_max_memory_size_are_400_not_500(world, settings, name):
    """Django's own cap on a request body: 400 (a SuspiciousOperation), never a 500."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    endpoint = ENDPOINTS[name]
    url = endpoint.url(name, world)
    client = client_for(world, endpoint.allowed[0])
    client.raise_request_exception = False
    data = {**endpoint.post(world), "text": "x" * (100 * 1024), "body": "y" * (100 * 1024)}
    before = snapshot()
    # Form-encoded, and multipart (the test client's default, as a browser sends with a file).
    urlencoded = client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")
    multipart = client.post(url, data)
    for response in (urlencoded, multipart):
        assert response.status_code != 500, name
        if data_read := endpoint.post(world):
            # A view that reads the form is refused; one that reads nothing (resolve, delete…)
            # acts as it would on an empty POST.
            assert response.status_code in (400, 413), (name, sorted(data_read), response.status_code)
    if endpoint.post(world):
        assert diff(before, snapshot()) == []


def test_the_real_request_cap_is_above_the_mail_limit_and_answers_413(world):
    """At the configured cap (6 MiB), a 7 MiB paste into mail import gets the clear message."""
    from django.conf import settings

    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > 5 * MIB + 64 * 1024  # a 5 MiB mail fits, with the form
    url = reverse("review:mail-import", args=[world.review.pk])
    client = client_for(world, "moderator")
    before = snapshot()
    response = client.post(
        url,
        urlencode({"step": "preview", "raw": "z" * (7 * MIB)}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "over the 5 MiB limit" in _text_of(response)
    assert diff(before, snapshot()) == []


def test_a_pasted_label_never_breaks_the_plain_text_download(world):
    """A label is free text (a steward may paste a line break into it); its download still works."""
    steward = client_for(world, "steward")
    url = reverse("licenses:version-create", args=[world.license.slug])
    response = steward.post(url, {"label": 'draft\r\n3 "final"', "text": "1. Another text.\n"})
    assert response.status_code == 302
    version = world.license.versions.get(text="1. Another text.\n")
    download = client_for(world, None)
    download.raise_request_exception = False
    raw = download.get(reverse("licenses:version-text", args=[world.license.slug, version.label]))
    assert raw.status_code == 200
    disposition = raw["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition
    assert disposition.startswith('attachment; filename="') and disposition.count('"') == 2
