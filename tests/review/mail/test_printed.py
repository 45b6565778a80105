"""review.mail.printed: a webmail conversation printed as text, or printed to PDF and uploaded."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from review.mail.message import MailFormatError
from review.mail.parse import parse_thread_bytes
from review.mail.printed import PrintedMessage, looks_like_printed, split_printed
from tests.factories import make_review, make_user
from tests.licenses.documents import pdf

HEAD = "Ana Steward <ana@example.org>\tMon, Mar 3, 2025 at 11:15 AM\nTo: list@example.org\n"


def test_a_sender_and_time_line_over_recipients_is_a_printed_message() -> None:
    assert looks_like_printed(HEAD + "Hello.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Ana Steward <ana@example.org>\tMon, Mar 3, 2025 at 11:15 AM\nHello, no recipients line.\n",
        "Ana Steward\tMon, Mar 3, 2025 at 11:15 AM\nTo: list@example.org\n",  # no address
        "Ana Steward <ana@example.org>\tsoon\nTo: list@example.org\n",  # no time
        "Ana <ana@example.org> said on Mon, Mar 3, 2025 at 11:15 AM\nTo: x\n",  # words between
    ],
)
def test_other_texts_are_not_printed_conversations(text: str) -> None:
    assert not looks_like_printed(text)


@pytest.mark.parametrize(
    "when",
    [
        "Mon, Mar 3, 2025 at 11:15 AM",
        "Mon, Mar 3, 2025 at 11:15",
        "Monday, 3 March 2025 11:15:30",
        "Mon, Mar 3, 2025 at 11:15 a.m.",
        "Mon, Mar 3, 2025 at 11:15 AM CET",
        "Mon, Mar 3, 2025 at 11:15 (GMT+1)",
    ],
)
def test_the_time_is_kept_as_printed(when: str) -> None:
    [msg] = split_printed(f"Ana Steward <ana@example.org>\t{when}\nTo: list@example.org\nHello.\n")[1]
    assert msg == PrintedMessage("Ana Steward <ana@example.org>", when, "Hello.")


def test_recipients_and_hidden_quote_markers_are_not_the_message() -> None:
    text = (
        HEAD
        + "Cc: lee@example.org\nReply-To: ana@example.org\nBcc: x@example.org\nHello.\n[Quoted text hidden]\n"
    )
    assert split_printed(text)[1][0].text == "Hello."


def test_the_subject_is_the_line_above_the_message_count() -> None:
    subject, messages = split_printed(
        "Gmail\tLee <lee@example.org>\nModel License 2.0\n2 messages\n" + HEAD + "Hi.\n"
    )
    assert subject == "Model License 2.0" and [m.text for m in messages] == ["Hi."]
    assert split_printed("Model License 2.0\n" + HEAD + "Hi.\n")[0] == ""  # no count line: no subject
    assert split_printed("2 messages\n" + HEAD + "Hi.\n")[0] == ""  # nothing above the count


def test_a_message_runs_to_the_next_sender_line_and_the_time_may_sit_on_its_own_line() -> None:
    second = (
        "Lee Counsel <lee@example.org>\nTue, Mar 4, 2025 at 9:01 AM\nTo: Ana <ana@example.org>\nAgreed.\n"
    )
    _, messages = split_printed(HEAD + "First,\n\nsecond paragraph.\n\n" + second)
    assert [(m.sender, m.when, m.text) for m in messages] == [
        ("Ana Steward <ana@example.org>", "Mon, Mar 3, 2025 at 11:15 AM", "First,\n\nsecond paragraph."),
        ("Lee Counsel <lee@example.org>", "Tue, Mar 4, 2025 at 9:01 AM", "Agreed."),
    ]


def test_windows_line_ends_are_read() -> None:
    assert split_printed((HEAD + "Hello.\n").replace("\n", "\r\n"))[1][0].text == "Hello."


def test_a_subject_right_above_the_count_at_the_top_is_read() -> None:
    assert split_printed("Model License 2.0\n2 messages\n" + HEAD + "Hi.\n")[0] == "Model License 2.0"


def test_three_messages_each_end_where_the_next_begins() -> None:
    third = "Sam Reviewer <sam@example.org>\tWed, Mar 5, 2025 at 3:30 PM\nTo: list@example.org\nThird.\n"
    second = "Lee Counsel <lee@example.org>\tTue, Mar 4, 2025 at 9:01 AM\nTo: list@example.org\nSecond.\n"
    assert [m.text for m in split_printed(HEAD + "First.\n" + second + third)[1]] == [
        "First.",
        "Second.",
        "Third.",
    ]


def test_only_blank_lines_are_trimmed_from_a_message() -> None:
    text = HEAD + "    indented code\nends with Version X\n"
    assert split_printed(text)[1][0].text == "    indented code\nends with Version X"


PRINTED_PAGES = [
    [
        "12/4/26, 9:02 AM Gmail - Model License 2.0",
        "Gmail Lee Counsel <lee@gmail.example>",
        "Model License 2.0",
        "2 messages",
        "Ana Steward <ana@example.org> Mon, Mar 3, 2025 at 11:15 AM",
        "To: license-review@lists.example.org",
        "Please review section 2.2(b).",
        "https://mail.google.com/mail/u/0/?view=pt&search=all 1/2",
    ],
    [
        "12/4/26, 9:02 AM Gmail - Model License 2.0",
        "Lee Counsel <lee@gmail.example> Tue, Mar 4, 2025 at 9:30 AM",
        "To: Ana Steward <ana@example.org>",
        "Section 2.2(b) runs with the output.",
        "https://mail.google.com/mail/u/0/?view=pt&search=all 2/2",
    ],
]


def test_a_conversation_printed_to_pdf_is_read_message_by_message() -> None:
    # the browser's date and title at the top of each page, the address and page at the foot
    messages = parse_thread_bytes(pdf(PRINTED_PAGES))
    assert [(m.author_name, m.author_email, m.body) for m in messages] == [
        ("Ana Steward", "ana@example.org", "Please review section 2.2(b)."),
        ("Lee Counsel", "lee@gmail.example", "Section 2.2(b) runs with the output."),
    ]
    assert [m.date.day for m in messages] == [3, 4]


def test_a_pdf_that_is_no_conversation_is_refused_with_the_reason() -> None:
    with pytest.raises(MailFormatError, match="scanned pages"):
        parse_thread_bytes(pdf([[], []]))


@pytest.mark.django_db
def test_the_import_page_previews_a_printed_pdf(client) -> None:
    moderator = make_user("mona", roles=("moderator",))
    review = make_review(opened_by=moderator)
    client.force_login(moderator)
    url = reverse("review:mail-import", args=[review.pk])
    assert ".pdf" in client.get(url).content.decode()
    upload = SimpleUploadedFile(
        "Gmail - Model License 2.0.pdf", pdf(PRINTED_PAGES), content_type="application/pdf"
    )
    page = client.post(url, {"step": "preview", "file": upload}).content.decode()
    assert "Ana Steward" in page and "Lee Counsel" in page
    assert "runs with the output" in page
