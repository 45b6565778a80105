"""The parser on mail as clients really write it: one synthetic fixture per phenomenon
(our own words), each the smallest input that showed a failure on real threads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from review.mail.parse import parse_thread, parse_thread_bytes
from review.mail.repair import decode_escapes, undo_qp
from tests.review.mail.threads import NESTED_EXPECTED, NESTED_PASTE


def reply(raw: str) -> str:
    own = [m for m in parse_thread(raw) if not m.quoted]
    return own[-1].body if own else ""


def test_the_nested_thread_of_the_issue() -> None:
    messages = parse_thread(NESTED_PASTE)
    got = [(m.author_name, m.author_email, m.date, m.body) for m in messages]
    assert got == NESTED_EXPECTED
    assert messages[0].subject == "Notice on every dataset"
    assert [m.quoted for m in messages] == [True, True, True, True, False]


def test_plain_text_with_an_address_starting_like_a_tag_is_not_html() -> None:
    text = (
        "Agreed on clause 4.\n\nBrian Holt <brian@example.org> wrote:\n> Clause 4 is fine.\n"
        "> <pre-release> builds too.\n"
    )
    brian, mine = parse_thread(text)
    assert (brian.author_name, brian.body) == ("Brian Holt", "Clause 4 is fine.\n<pre-release> builds too.")
    assert mine.body == "Agreed on clause 4."


@pytest.mark.parametrize(
    "line",
    [
        "On 3-Jun-2024, at 4:15 PM, Ines Vidal <ines@example.org> wrote:",  # a date no parser reads whole
        "On sometime last week, Ines Vidal <ines@example.org> wrote:",  # no date at all
        "On Tue, 4 Jun 2024 at 09:12, Ines Vidal <ines@example.org>wrote:",  # no space before "wrote"
        "On Tue, 4 Jun 2024 at 09:12, Ines Vidal <\nines@example.org>\nwrote:",  # wrapped over three lines
        "---- Ines Vidal <ines@example.org> wrote ----",  # Android
    ],
)
def test_attribution_forms(line: str) -> None:
    ines, mine = parse_thread(f"Fine by me.\n\n{line}\n\n> The notice can go.\n")
    assert (ines.author_name, ines.author_email, ines.body) == (
        "Ines Vidal",
        "ines@example.org",
        "The notice can go.",
    )
    assert mine.body == "Fine by me."


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('On 5/2/24, 10:03 AM, "Ada Moss" <ada@example.org> wrote:', "Ada Moss"),  # Outlook for Mac
        ("Op 2 mei 2024, om 10:03 heeft Ada Moss <ada@example.org> het volgende geschreven:", "Ada Moss"),
        ("Den 2 maj 2024 10:03 skrev Ada Moss <ada@example.org>:", "Ada Moss"),
        ("Den tors 2 maj 2024 kl 10:03 skrev Ada Moss <ada@example.org>:", "Ada Moss"),
        ("På 2. mai 2024 10:03, Ada Moss (ada@example.org) skrev:", "Ada Moss"),
        ("W dniu 2 maja 2024 10:03 użytkownik Ada Moss <ada@example.org>\nnapisał:", "Ada Moss"),
        ("Le 2 mai 2024 à 10:03, Ada Moss <ada@example.org> a écrit :", "Ada Moss"),
        ("2 мая 2024 г., в 10:03, Ada Moss <ada@example.org> написал(а):", "Ada Moss"),
        ("Vào 10:03 2 tháng 5, 2024, Ada Moss <ada@example.org> đã viết:", "Ada Moss"),
    ],
)
def test_unquoted_original_under_an_attribution(line: str, name: str) -> None:
    text = f"Keep Article 7 as it is.\n\n{line}\n\nArticle 7 should go; attribution is a burden.\n"
    ada, mine = parse_thread(text)
    assert (ada.author_name, ada.author_email) == (name, "ada@example.org")
    assert ada.body == "Article 7 should go; attribution is a burden."
    assert mine.body == "Keep Article 7 as it is."


@pytest.mark.parametrize(
    "separator",
    [
        "-----Original Message-----",
        "-----Ursprüngliche Nachricht-----",
        "-----Oprindelig meddelelse-----",
        "-----Исходное сообщение-----",
        "----- Messaggio originale -----",
    ],
)
def test_original_message_lines_start_a_quote_even_without_headers(separator: str) -> None:
    older, mine = parse_thread(f"Narrow it to 2.2(b).\n\n{separator}\n\nWhich part of 2.2 do you mean?\n")
    assert mine.body == "Narrow it to 2.2(b)."
    assert older.body == "Which part of 2.2 do you mean?" and older.quoted


def test_russian_header_block() -> None:
    text = (
        "Согласен.\n\nОт: Ivan Petrov <ivan@example.ru>\nОтправлено: 2 июня 2025 г. 10:00\n"
        "Кому: license-review@lists.example.org\nТема: notice\n\nПункт 4 слишком широкий.\n"
    )
    ivan, mine = parse_thread(text)
    assert (ivan.author_name, ivan.author_email, ivan.body) == (
        "Ivan Petrov",
        "ivan@example.ru",
        "Пункт 4 слишком широкий.",
    )
    assert mine.body == "Согласен."


def test_forwarded_messages_stay_in_the_reply() -> None:
    text = (
        "For the record, see below.\n\n---------- Forwarded message ---------\nFrom: Ada Moss <ada@example.org>\n"
        "Date: Mon, 2 Jun 2025 at 10:00\nSubject: notice\nTo: Bo Lind <bo@example.org>\n\nThe notice can go.\n"
    )
    [only] = parse_thread(text)
    assert only.body.startswith("For the record") and only.body.endswith("The notice can go.")


def test_gmail_quote_div_and_thunderbird_cite_prefix() -> None:
    gmail = (
        '<div dir="ltr">Clause 4 stays.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
        "El lun, 2 jun 2025 a las 10:00, Lucía Gómez (&lt;lucia@example.es&gt;) escribió:<br></div>"
        "<div>La cláusula 4 sobra.</div></div>"
    )
    lucia, mine = parse_thread(gmail)
    assert (lucia.author_name, lucia.body, mine.body) == (
        "Lucía Gómez",
        "La cláusula 4 sobra.",
        "Clause 4 stays.",
    )
    thunderbird = (
        '<p>Agreed.</p><div class="moz-cite-prefix">On 5/15/2025 7:14 AM, Kai Turner<br>\nwrote:<br></div>'
        '<blockquote type="cite"><p>Drop 2.2(b).</p></blockquote>'
    )
    kai, mine = parse_thread(thunderbird)
    assert (kai.author_name, kai.date, kai.body) == (
        "Kai Turner",
        datetime(2025, 5, 15, 7, 14, tzinfo=UTC),
        "Drop 2.2(b).",
    )
    assert mine.body == "Agreed."


def test_a_paste_wholly_inside_one_blockquote_still_gives_its_messages() -> None:
    html = (
        "<blockquote><div>I can accept 2.2(b) now.</div><div>On 2 Jun 2025, at 10:00, Ada Moss "
        "&lt;ada@example.org&gt; wrote:</div><blockquote><div>2.2(b) is narrower in draft 4.</div></blockquote></blockquote>"
    )
    ada, mine = parse_thread(html)
    assert (ada.author_name, ada.body) == ("Ada Moss", "2.2(b) is narrower in draft 4.")
    assert mine.body == "I can accept 2.2(b) now."


def test_literal_escapes_are_decoded_only_when_glued_to_words() -> None:
    assert (
        decode_escapes("at 5:51\\u202fAM, the licensor\\u2019s text")
        == "at 5:51\u202fAM, the licensor\u2019s text"
    )
    clean = 'JSON writes a narrow space as "\\u202f" and an apostrophe as \\u2019 on its own.'
    assert decode_escapes(clean) == clean
    assert decode_escapes("C:\\users\\ada") == "C:\\users\\ada"


def test_qp_residue_is_repaired_only_on_strong_evidence() -> None:
    damaged = "> Marted=C3=AC the licensor will publish the second draft of the notice clau=\n> se.=20\n"
    assert undo_qp(damaged) == "> Martedì the licensor will publish the second draft of the notice clause. \n"
    for clean in ("Set a=b and x = 20 in the config.\n", "Use =20 as padding and 2+2=4.\n", "E=mc2 =C3\n"):
        assert undo_qp(clean) == clean


def test_mailing_list_footer_fragments_are_dropped() -> None:
    text = (
        "Clause 4 is fine as it stands.\nrce.org\n\nOn 2 Jun 2025, at 10:00, Ada Moss <ada@example.org> wrote:\n"
        "> Is clause 4 fine?\n> _______________________________________________\n> License-review mailing list\n"
        "> License-review@lists.example.org\n> http://lists.example.org/mailman/listinfo/license-review_lists.opensou\n"
    )
    ada, mine = parse_thread(text)
    assert (ada.body, mine.body) == ("Is clause 4 fine?", "Clause 4 is fine as it stands.")
    assert parse_thread("We agree.\nrce.org\n")[0].body == "We agree.\nrce.org"  # no footer: kept


EML = (
    "From: {sender}\nDate: Mon, 2 Jun 2025 10:00:00 +0200\nSubject: Re: notice\nMessage-ID: <a@x>\n{ctype}\n"
)


@pytest.mark.parametrize(
    ("ctype", "body"),
    [
        ("", "Jag håller med om § 2.2(b).\n".encode()),  # UTF-8 with no charset
        ("Content-Type: text/plain; charset=us-ascii\n", "Jag håller med om § 2.2(b).\n".encode()),
        ("Content-Type: text/plain; charset=utf-8\n", "Jag håller med om § 2.2(b).\n".encode("latin-1")),
    ],
)
@pytest.mark.parametrize("mbox", [False, True])
def test_uploads_keep_non_ascii_when_the_charset_label_is_wrong(ctype: str, body: bytes, mbox: bool) -> None:
    data = EML.format(sender="Åsa Berg <asa@example.se>", ctype=ctype).encode() + body
    if mbox:
        data = b"From asa@example.se Mon Jun  2 10:00:00 2025\n" + data
    [msg] = parse_thread_bytes(data)
    assert (msg.author_name, msg.body) == ("Åsa Berg", "Jag håller med om § 2.2(b).")
    assert msg.date == datetime(2025, 6, 2, 10, 0, tzinfo=timezone(timedelta(hours=2)))


def test_a_stray_nul_is_not_binary() -> None:
    [msg] = parse_thread_bytes(b"Clause 4 is fine.\x00\nThanks for the draft.\n")
    assert msg.body == "Clause 4 is fine.\nThanks for the draft."


@pytest.mark.parametrize(
    "tail",
    ["Sent from my iPhone", "Von meinem iPhone gesendet", "Inviato da iPhone", "Get Outlook for Android"],
)
def test_mobile_sign_offs_are_not_words(tail: str) -> None:
    assert reply(f"Clause 4 is fine.\n\n{tail}\n") == "Clause 4 is fine."


# --- a month of a list archive (pipermail's .txt), and messages pasted one after another ---------

PIPERMAIL_MONTH = """\
From steward at modelgo.example  Mon Mar  3 10:15:02 2025
From: steward at modelgo.example (Ana Steward)
Date: Mon, 3 Mar 2025 18:15:02 +0800
Subject: [License-review] Submission: Model License 2.0
Message-ID: <m1@mail.example.com>

Dear all,

I submit the license for review. Section 2.2(b) requires a notice when Output
is distributed as a dataset.

From lawyer at firm.example  Tue Mar  4 08:01:44 2025
From: lawyer at firm.example (Lee Counsel)
Date: Tue, 4 Mar 2025 09:01:44 +0100
Subject: [License-review] Submission: Model License 2.0
In-Reply-To: <m1@mail.example.com>
Message-ID: <m2@mail.example.com>

Section 2.2(b) puts an obligation on the output, a restriction on use.

On Mon, Mar 3, 2025 at 11:15 AM Ana Steward <steward at modelgo.example> wrote:
> Dear all,
>
> I submit the license.
-------------- next part --------------
An HTML attachment was scrubbed...
URL: <http://lists.example.org/pipermail/license-review/attachments/20250304/abc.html>

From steward at modelgo.example  Wed Mar  5 02:30:00 2025
From: steward at modelgo.example (Ana Steward)
Date: Wed, 5 Mar 2025 10:30:00 +0800
Subject: [License-review] Submission: Model License 2.0
In-Reply-To: <m2@mail.example.com>
Message-ID: <m3@mail.example.com>

Which OSD item is violated? The notice does not restrict use.

> Section 2.2(b) puts an obligation on the output

_______________________________________________
License-review mailing list
License-review at lists.example.org
http://lists.example.org/mailman/listinfo/license-review
"""


def test_a_list_archive_month_gives_each_message_once_in_order_by_its_author() -> None:
    messages = parse_thread(PIPERMAIL_MONTH)
    assert [(m.author_name, m.author_email, m.message_id) for m in messages] == [
        ("Ana Steward", "steward@modelgo.example", "m1@mail.example.com"),
        ("Lee Counsel", "lawyer@firm.example", "m2@mail.example.com"),
        ("Ana Steward", "steward@modelgo.example", "m3@mail.example.com"),
    ]
    # The short quote of the first message in the second is that message, not a fourth one.
    assert not any(m.quoted for m in messages)
    assert [m.reply_to for m in messages] == [None, 0, 1]


def test_a_quote_just_above_the_list_footer_is_the_quoted_mail_not_the_reply() -> None:
    last = parse_thread(PIPERMAIL_MONTH)[-1]
    assert last.body == "Which OSD item is violated? The notice does not restrict use."


PASTED_OLDEST_FIRST = """\
From: Ana Steward <steward@modelgo.example>
Date: Mon, 3 Mar 2025 18:15:02 +0800
Subject: Model License 2.0

Dear all,

I submit the license for review. Section 2.2(b) requires a notice.

From: Lee Counsel <lawyer@firm.example>
Date: Tue, 4 Mar 2025 09:01:44 +0100
Subject: Re: Model License 2.0

Section 2.2(b) fails OSD 6.

On Mon, Mar 3, 2025 at 11:15 AM Ana Steward <steward@modelgo.example> wrote:
> Dear all,
>
> I submit the license.
"""


def test_messages_pasted_oldest_first_keep_the_order_their_dates_give() -> None:
    messages = parse_thread(PASTED_OLDEST_FIRST)
    assert [(m.author_name, m.date) for m in messages] == [
        ("Ana Steward", datetime(2025, 3, 3, 10, 15, 2, tzinfo=UTC)),
        ("Lee Counsel", datetime(2025, 3, 4, 8, 1, 44, tzinfo=UTC)),
    ]
    assert messages[1].reply_to == 0


def test_an_attribution_under_a_header_block_is_read_in_that_messages_zone() -> None:
    # Lee (UTC+1) wrote "11:15 AM": 10:15 UTC, which is Ana's 18:15 in UTC+8, so the quote is
    # her message; read in Ana's zone it would be another message, 7 hours off.
    messages = parse_thread(PASTED_OLDEST_FIRST)
    assert len(messages) == 2
    assert messages[0].date.utcoffset() == timedelta(hours=8)


# --- list digests: one mail carrying many -------------------------------------------------------

DIGEST_MESSAGES = """\
Message: 1
Date: Tue, 4 Mar 2025 09:01:44 +0100
From: Lee Counsel <lawyer@firm.example>
To: license-review@lists.example.org
Subject: Re: [License-review] Model License 2.0
Message-ID: <m2@mail.example.com>
Content-Type: text/plain; charset="utf-8"

Section 2.2(b) puts an obligation on the output, a restriction on use.

------------------------------

Message: 2
Date: Wed, 5 Mar 2025 10:30:00 +0800
From: Ana Steward <steward@modelgo.example>
To: license-review@lists.example.org
Subject: Re: [License-review] Model License 2.0
Message-ID: <m3@mail.example.com>
In-Reply-To: <m2@mail.example.com>
Content-Type: text/plain; charset="utf-8"

Which OSD item is violated? The notice does not restrict use.

------------------------------
"""

PLAIN_DIGEST = f"""\
Send License-review mailing list submissions to
\tlicense-review@lists.example.org

Today's Topics:

   1. Re: Model License 2.0 (Lee Counsel)
   2. Re: Model License 2.0 (Ana Steward)


----------------------------------------------------------------------

{DIGEST_MESSAGES}
Subject: Digest Footer

_______________________________________________
License-review mailing list
http://lists.example.org/mailman/listinfo/license-review

------------------------------

End of License-review Digest, Vol 123, Issue 4
**********************************************
"""

DIGEST_EXPECTED = [
    (
        "Lee Counsel",
        "m2@mail.example.com",
        "Section 2.2(b) puts an obligation on the output, a restriction on use.",
    ),
    ("Ana Steward", "m3@mail.example.com", "Which OSD item is violated? The notice does not restrict use."),
]


def _who_what(messages) -> list[tuple]:
    return [(m.author_name, m.message_id, m.body) for m in messages]


def test_a_plain_digest_gives_its_messages_not_its_table_of_contents() -> None:
    messages = parse_thread(PLAIN_DIGEST)
    assert _who_what(messages) == DIGEST_EXPECTED
    assert messages[1].date == datetime(2025, 3, 5, 2, 30, tzinfo=UTC)
    assert messages[1].reply_to == 0


def test_a_digest_forwarded_as_one_mail_is_opened_too() -> None:
    mail = (
        "From: license-review-request@lists.example.org\nSubject: License-review Digest, Vol 123, Issue 4\n"
        "Date: Wed, 5 Mar 2025 12:00:00 +0000\nMessage-ID: <digest@lists.example.org>\n\n" + PLAIN_DIGEST
    )
    assert _who_what(parse_thread(mail)) == DIGEST_EXPECTED
    assert _who_what(parse_thread_bytes(mail.encode())) == DIGEST_EXPECTED


def test_a_mime_digest_gives_each_enclosed_mail() -> None:
    parts = DIGEST_MESSAGES.split("------------------------------")[:2]
    enclosed = "".join(
        f"--DIGEST\nContent-Type: message/rfc822\n\n{part.strip().split(chr(10), 1)[1]}\n\n" for part in parts
    )
    mail = (
        "From: license-review-request@lists.example.org\nSubject: License-review Digest, Vol 123, Issue 4\n"
        "Date: Wed, 5 Mar 2025 12:00:00 +0000\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="OUTER"\n\n'
        "--OUTER\nContent-Type: text/plain\n\nToday's Topics:\n\n   1. Re: Model License 2.0\n\n"
        '--OUTER\nContent-Type: multipart/digest; boundary="DIGEST"\n\n'
        f"{enclosed}--DIGEST--\n\n--OUTER--\n"
    )
    assert _who_what(parse_thread(mail)) == DIGEST_EXPECTED
    assert _who_what(parse_thread_bytes(mail.encode())) == DIGEST_EXPECTED


def test_a_message_that_merely_mentions_message_numbers_is_not_a_digest() -> None:
    text = "From: Lee <lee@example.org>\nSubject: x\nDate: Tue, 4 Mar 2025 09:01:44 +0100\n\nMessage: 1\nTo: all\n\nok"
    assert len(parse_thread(text)) == 1


# --- a conversation printed from webmail ("Print all"), copied as text --------------------------

PRINTED = """\
Gmail\tLee Counsel <lee@gmail.example>
Model License 2.0
3 messages
Ana Steward <steward@modelgo.example>\tMon, Mar 3, 2025 at 11:15 AM
To: license-review@lists.example.org
Dear all,

I submit the license for review. Section 2.2(b) requires a notice.

Lee Counsel <lawyer@firm.example>\tTue, Mar 4, 2025 at 9:01 AM
To: Ana Steward <steward@modelgo.example>
Cc: license-review@lists.example.org
Section 2.2(b) puts an obligation on the output, a restriction on use.
[Quoted text hidden]

Ana Steward <steward@modelgo.example>\tWed, Mar 5, 2025 at 3:30 PM
To: Lee Counsel <lawyer@firm.example>
Which OSD item is violated? The notice does not restrict use.

[Quoted text hidden]
"""

PRINTED_EXPECTED = [
    ("Ana Steward", "steward@modelgo.example", datetime(2025, 3, 3, 11, 15, tzinfo=UTC)),
    ("Lee Counsel", "lawyer@firm.example", datetime(2025, 3, 4, 9, 1, tzinfo=UTC)),
    ("Ana Steward", "steward@modelgo.example", datetime(2025, 3, 5, 15, 30, tzinfo=UTC)),
]


@pytest.mark.parametrize("between", ["\t", "\n"], ids=["tab", "copied-as-lines"])
def test_a_printed_conversation_gives_each_message_by_its_sender_and_time(between: str) -> None:
    messages = parse_thread(PRINTED.replace(">\t", ">" + between))
    assert [(m.author_name, m.author_email, m.date) for m in messages] == PRINTED_EXPECTED
    assert [m.body for m in messages] == [
        "Dear all,\n\nI submit the license for review. Section 2.2(b) requires a notice.",
        "Section 2.2(b) puts an obligation on the output, a restriction on use.",
        "Which OSD item is violated? The notice does not restrict use.",
    ]
    assert all(m.date_zone_guessed for m in messages)  # the print does not name its zone
    assert {m.subject for m in messages} == {"Model License 2.0"}


def test_a_reply_naming_a_sender_and_time_is_not_a_printed_conversation() -> None:
    text = "Agreed.\n\nAna Steward <ana@example.org> Mon, Mar 3, 2025 at 11:15 AM\nsaid it well.\n"
    assert len(parse_thread(text)) == 1


# --- lists that rewrite the sender ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sender",
    [
        "License-review <license-review-bounces@lists.example.org> On Behalf Of Lee Counsel",
        "License-review <license-review-bounces@lists.example.org> Im Auftrag von Lee Counsel",
        "Lee Counsel via License-review <license-review@lists.example.org>",
        '"Lee Counsel (via License-review)" <license-review@lists.example.org>',
    ],
)
def test_a_list_rewritten_sender_is_the_writer_without_the_lists_address(sender: str) -> None:
    from review.mail.attribution import parse_author

    assert parse_author(sender) == ("Lee Counsel", None)


def test_two_people_behind_one_list_address_stay_two_people() -> None:
    text = """\
I still think 2.2(b) fails OSD 6.

From: Ana Steward via License-review <license-review@lists.example.org>
Sent: Wednesday, March 5, 2025 3:30 AM
Subject: Re: [License-review] Model License 2.0

Which OSD item is violated? The notice does not restrict use.

From: License-review <license-review-bounces@lists.example.org> On Behalf Of Lee Counsel
Sent: Tuesday, March 4, 2025 9:01 AM
Subject: Re: [License-review] Model License 2.0

Section 2.2(b) puts an obligation on the output, a restriction on use.
"""
    messages = parse_thread(text)
    assert [(m.author_name, m.author_email) for m in messages] == [
        ("Lee Counsel", None),
        ("Ana Steward", None),
        ("", None),
    ]


@pytest.mark.parametrize(
    ("tail", "name"),
    [
        ("Regards,\nSam Reviewer", "Sam Reviewer"),
        ("Best regards,\nDr. Jane Doe", "Dr. Jane Doe"),
        ("-Lev", "Lev"),
        ("Thanks,\nThe licensor", ""),  # not a person
        ("Thanks!", ""),
        ("I agree with Lee.", ""),
    ],
)
def test_a_pasted_reply_with_no_header_is_by_the_name_it_is_signed_with(tail: str, name: str) -> None:
    text = f"I still think 2.2(b) fails OSD 6.\n\n{tail}\n\nOn Tue, Mar 4, 2025 at 9:01 AM Lee Counsel <lee@example.org> wrote:\n> Section 2.2(b) is a restriction on use.\n"
    top = parse_thread(text)[-1]
    assert (top.author_name, top.author_email) == (name, None)
    assert top.body.startswith("I still think 2.2(b) fails OSD 6.")
