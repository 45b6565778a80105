"""Archives come gzipped: pipermail's monthly "2025-May.txt.gz", HyperKitty's "thread.mbox.gz".

A gzipped upload is read as the file inside it, within the same 5 MiB limit once unpacked (a
small file that unpacks to gigabytes is refused without unpacking it all), and a damaged one is
refused with a clear message. Written for these tests.
"""

from __future__ import annotations

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from review.mail.parse import MailFormatError, parse_thread_bytes
from review.mail.preview import MAX_IMPORT_BYTES
from review.models import Comment
from tests.factories import make_review, make_user

MONTH = b"""\
From john at example.com  Tue May  6 10:00:00 2025
From: john at example.com (John Doe)
Date: Tue, 6 May 2025 10:00:00 +0200
Subject: [License-review] MG-BY 2.0 section 2.2(b)
Message-ID: <g1@example.com>

Section 2.2(b) requires a notice on datasets of Output.

From mary at lawfirm.example  Tue May  6 12:30:00 2025
From: mary at lawfirm.example (Mary Smith)
Date: Tue, 6 May 2025 12:30:00 +0100
Subject: Re: [License-review] MG-BY 2.0 section 2.2(b)
In-Reply-To: <g1@example.com>
Message-ID: <g2@example.com>

The notice attaches to distribution, not use.
"""


def test_a_gzipped_archive_reads_as_the_archive_inside():
    messages = parse_thread_bytes(gzip.compress(MONTH))
    assert [(m.author_name, m.author_email) for m in messages] == [
        ("John Doe", "john@example.com"),
        ("Mary Smith", "mary@lawfirm.example"),
    ]


def test_a_gzipped_archive_over_the_limit_once_unpacked_is_refused():
    bomb = gzip.compress(MONTH + b"x" * (MAX_IMPORT_BYTES + 10))
    assert len(bomb) < 100_000
    with pytest.raises(MailFormatError, match="Unpacked, this file is over the 5 MiB limit"):
        parse_thread_bytes(bomb, max_unpacked=MAX_IMPORT_BYTES)


def test_a_damaged_gzip_file_is_refused_with_a_reason():
    with pytest.raises(MailFormatError, match="damaged or incomplete"):
        parse_thread_bytes(gzip.compress(MONTH)[:60])


@pytest.mark.django_db
def test_the_import_page_previews_and_imports_a_gzipped_month(client):
    moderator = make_user("mona", roles=("moderator",))
    review = make_review(opened_by=moderator)
    client.force_login(moderator)
    url = reverse("review:mail-import", args=[review.pk])
    upload = SimpleUploadedFile("2025-May.txt.gz", gzip.compress(MONTH), content_type="application/gzip")
    response = client.post(url, {"step": "preview", "file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "John Doe" in page and "Mary Smith" in page
    assert Comment.objects.count() == 0


def test_the_upload_field_offers_gzipped_files(client, db):
    moderator = make_user("mona", roles=("moderator",))
    review = make_review(opened_by=moderator)
    client.force_login(moderator)
    page = client.get(reverse("review:mail-import", args=[review.pk])).content.decode()
    assert ".gz" in page
