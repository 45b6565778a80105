"""review.mail.parse: one synthetic thread per input format, written for these tests.

Run without Django: .venv/bin/pytest -p no:django tests/review/test_mail.py
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone

import pytest

from review.mail.parse import ClauseRef, MailFormatError, Message, parse_thread, parse_thread_bytes

CEST = timezone(timedelta(hours=2))
EDT = timezone(timedelta(hours=-4))


def summary(messages: list[Message]) -> list[tuple[str, str | None, datetime | None]]:
    return [(m.author_name, m.author_email, m.date) for m in messages]


EML_QP = """\
From: =?iso-8859-1?q?Jos=E9_Ram=EDrez?= <jose@example.net>
To: License Review <license-review@lists.example.org>
Subject: Re: [License-review] Notice duty in Section 2.2(b)
Date: Thu, 15 May 2025 11:38:00 +0200
Message-ID: <b2@example.net>
In-Reply-To: <a1@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

I read =A72.2(b) differently: the notice only travels with the dataset when=
 the dataset itself is redistributed.=20

Jos=E9
--=20
Jos=E9 Ram=EDrez, Example Foundation

On Wed, May 14, 2025 at 9:02 AM Pamela Ortiz <pamela at example.org>
wrote:

> The new Section 2.2(b) asks for a notice on every output dataset.
> That reaches far beyond the model itself.
>

_______________________________________________
License-review mailing list
License-review@lists.example.org
http://lists.example.org/mailman/listinfo/license-review

--alt
Content-Type: text/html; charset=utf-8

<p>The HTML twin is ignored when text/plain exists.</p>
--alt--

--outer
Content-Type: application/pdf; name="notes.pdf"
Content-Disposition: attachment; filename="notes.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--outer--
"""


def test_eml_quoted_printable_latin1_with_gmail_attribution() -> None:
    pamela, jose = parse_thread(EML_QP)

    assert summary([pamela, jose]) == [
        ("Pamela Ortiz", "pamela@example.org", datetime(2025, 5, 14, 9, 2, tzinfo=CEST)),
        ("José Ramírez", "jose@example.net", datetime(2025, 5, 15, 11, 38, tzinfo=CEST)),
    ]
    assert jose.body == (
        "I read §2.2(b) differently: the notice only travels with the dataset when the dataset "
        "itself is redistributed."  # the sign-off with the sender's own name is not his words
    )
    assert jose.subject == "Re: [License-review] Notice duty in Section 2.2(b)"
    assert (jose.message_id, jose.in_reply_to) == ("b2@example.net", "a1@example.org")
    assert jose.clause_refs == [ClauseRef("2.2(b)", 0.95, "section")]
    assert (jose.quoted, pamela.quoted, pamela.date_zone_guessed) == (False, True, True)
    assert pamela.body == (
        "The new Section 2.2(b) asks for a notice on every output dataset.\n"
        "That reaches far beyond the model itself."
    )


def test_eml_bytes_base64_utf8_and_encoded_subject() -> None:
    body = "Clause 4 is fine by me; Article 7 still worries me.\n\n— Zoë\n"
    raw = (
        "From: Zoe Park <zoe@example.com>\r\n"
        "Subject: =?utf-8?b?" + base64.b64encode("Résumé of §4".encode()).decode() + "?=\r\n"
        "Date: Fri, 16 May 2025 08:00:00 -0400\r\n"
        "Message-ID: <c3@example.com>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(body.encode()).decode()
    ).encode()

    [zoe] = parse_thread_bytes(raw)

    assert summary([zoe]) == [("Zoe Park", "zoe@example.com", datetime(2025, 5, 16, 8, 0, tzinfo=EDT))]
    assert zoe.subject == "Résumé of §4"
    assert zoe.body == "Clause 4 is fine by me; Article 7 still worries me.\n\n— Zoë"
    assert zoe.clause_refs == [ClauseRef("4", 0.9, "clause"), ClauseRef("7", 0.9, "article")]


def test_eml_bytes_html_only_in_windows_1252_with_thunderbird_quote() -> None:
    html = (
        "<html><body><p>Agreed – paragraph 3(a) should say “output”.</p>"
        '<div class="moz-cite-prefix">On 5/14/2025 7:09 AM, Lena Fischer wrote:<br></div>'
        '<blockquote type="cite">Paragraph 3(a) is silent on outputs.</blockquote>'
        '<pre class="moz-signature">-- \nKai</pre></body></html>'
    )
    raw = (
        b"From: Kai Turner <kai@example.org>\nDate: Wed, 14 May 2025 18:00:00 +0000\n"
        b"Subject: outputs\nContent-Type: text/html; charset=windows-1252\n"
        b"Content-Transfer-Encoding: 8bit\n\n" + html.encode("cp1252")
    )

    lena, kai = parse_thread_bytes(raw)

    assert summary([lena, kai]) == [
        ("Lena Fischer", None, datetime(2025, 5, 14, 7, 9, tzinfo=UTC)),
        ("Kai Turner", "kai@example.org", datetime(2025, 5, 14, 18, 0, tzinfo=UTC)),
    ]
    assert kai.body == "Agreed – paragraph 3(a) should say “output”."
    assert lena.body == "Paragraph 3(a) is silent on outputs."
    assert kai.clause_refs == [ClauseRef("3(a)", 0.9, "paragraph")]


MBOX = """\
From kai@example.org Fri May 16 10:00:00 2025
From: Kai Turner <kai@example.org>
Date: Fri, 16 May 2025 10:00:00 +0000
Subject: Re: Output datasets
Message-ID: <m3@example.org>
In-Reply-To: <m2@example.org>

Then we agree: keep the notice, narrow it to redistribution.

On Thu, 15 May 2025 at 09:30, Rui Costa <rui@example.pt> wrote:
> I would keep the notice but only when the dataset
> is redistributed.
> From what I saw, most licenses do this.

From license-review-bounces@lists.example.org Wed May 14 09:00:00 2025
From: "Ada Moss via License-review" <license-review@lists.example.org>
Reply-To: Ada Moss <ada@example.org>
Date: Wed, 14 May 2025 09:00:00 +0000
Subject: Output datasets
Message-ID: <m1@example.org>

Section 2.2(b) makes every output dataset carry a notice.
>From a user's side that is heavy.

From rui@example.pt Thu May 15 09:30:00 2025
From: Rui Costa <rui@example.pt>
Date: Thu, 15 May 2025 09:30:00 +0100
Subject: Re: Output datasets
Message-ID: <m2@example.org>
In-Reply-To: <m1@example.org>

I would keep the notice but only when the dataset
is redistributed.
>From what I saw, most licenses do this.
"""


def test_mbox_orders_by_date_unescapes_from_and_keeps_quoted_copy_once() -> None:
    ada, rui, kai = parse_thread(MBOX)

    assert summary([ada, rui, kai]) == [
        ("Ada Moss", "ada@example.org", datetime(2025, 5, 14, 9, 0, tzinfo=UTC)),
        ("Rui Costa", "rui@example.pt", datetime(2025, 5, 15, 9, 30, tzinfo=timezone(timedelta(hours=1)))),
        ("Kai Turner", "kai@example.org", datetime(2025, 5, 16, 10, 0, tzinfo=UTC)),
    ]
    assert (
        ada.body
        == "Section 2.2(b) makes every output dataset carry a notice.\nFrom a user's side that is heavy."
    )
    assert rui.body == (
        "I would keep the notice but only when the dataset\nis redistributed.\nFrom what I saw, most licenses do this."
    )
    assert rui.quoted is False and rui.message_id == "m2@example.org"
    assert kai.body == "Then we agree: keep the notice, narrow it to redistribution."
    assert [m.in_reply_to for m in (ada, rui, kai)] == [None, "m1@example.org", "m2@example.org"]


PIPERMAIL = """\
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
 <HEAD>
   <TITLE> [License-review] Model license draft: notice on outputs
   </TITLE>
   <META http-equiv="Content-Type" content="text/html; charset=us-ascii">
 </HEAD>
 <BODY BGCOLOR="#ffffff">
   <H1>[License-review] Model license draft: notice on outputs</H1>
    <B>Pamela Ortiz</B>
    <A HREF="mailto:license-review%40lists.example.org?Subject=Re%3A%20notice&In-Reply-To=%3Cq1%40example.net%3E"
       TITLE="[License-review] Model license draft: notice on outputs">pamela at example.org
       </A><BR>
    <I>Wed May 14 09:02:11 EDT 2025</I>
    <P><UL>
        <LI>Previous message (by thread): <A HREF="000101.html">[License-review] draft 3</A></LI>
    </UL>
    <HR>
<!--beginarticle-->
<PRE>On 5/13/25 4:40 PM, Tom Quill wrote:
&gt;<i> Is s. 2.2(b) meant to cover synthetic data?
</I>
Yes, and that is my worry: &quot;output datasets&quot; covers nearly
everything a user makes with the model.

Pamela

-------------- next part --------------
An HTML attachment was scrubbed...
URL: &lt;http://lists.example.org/pipermail/license-review/attachments/x.html&gt;
</PRE>

<!--endarticle-->
    <HR>
 </BODY>
</HTML>
"""


def test_pipermail_archive_page() -> None:
    tom, pamela = parse_thread(PIPERMAIL)

    assert summary([tom, pamela]) == [
        ("Tom Quill", None, datetime(2025, 5, 13, 16, 40, tzinfo=EDT)),
        ("Pamela Ortiz", "pamela@example.org", datetime(2025, 5, 14, 9, 2, 11, tzinfo=EDT)),
    ]
    assert pamela.subject == "[License-review] Model license draft: notice on outputs"
    assert pamela.in_reply_to == "q1@example.net"
    assert pamela.body == (
        'Yes, and that is my worry: "output datasets" covers nearly\n'
        "everything a user makes with the model."  # her name under her words is a sign-off
    )
    assert tom.body == "Is s. 2.2(b) meant to cover synthetic data?"
    assert tom.clause_refs == [ClauseRef("2.2(b)", 0.85, "section")]


APPLE_HTML = """\
<html><head><meta charset="utf-8"></head><body style="word-wrap: break-word;">
<div>Then Section 2.2(b) should name the dataset, not every output.</div>
<div><br></div>
<div>Mia</div>
<div><br><blockquote type="cite">
<div>On 18 May 2025, at 5:51 AM, Omar Haddad &lt;omar@…&gt; wrote:</div><br class="Apple-interchange-newline">
<div>
 <div>I can live with a notice in a README next to the data.</div>
 <div class="moz-cite-prefix">On 5/14/2025 7:09 AM, Lena Fischer wrote:<br></div>
 <blockquote type="cite" cite="mid:x">
  <p>We should not require a notice per file.</p>
  <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Wed, May 14, 2025 at 9:02 AM Pamela Ortiz
  &lt;<a href="mailto:pamela@example.org">pamela@example.org</a>&gt; wrote:<br></div>
  <blockquote class="gmail_quote" style="margin:0 0 0 .8ex">
   <div dir="ltr">Draft 3 adds <b>2.2 (b)</b>: every output dataset must carry the notice.
   See <a href="https://example.org/draft3">the draft</a>.</div>
  </blockquote></div>
 </blockquote>
</div>
</blockquote></div>
</body></html>
"""


def test_html_paste_with_nested_cites_follows_the_reply_chain_not_the_clock() -> None:
    pamela, lena, omar, mia = parse_thread(APPLE_HTML)

    # Lena's attribution says 7:09, earlier than Pamela's 9:02 that she quotes: the chain wins.
    assert summary([pamela, lena, omar, mia]) == [
        ("Pamela Ortiz", "pamela@example.org", datetime(2025, 5, 14, 9, 2, tzinfo=UTC)),
        ("Lena Fischer", None, datetime(2025, 5, 14, 7, 9, tzinfo=UTC)),
        ("Omar Haddad", None, datetime(2025, 5, 18, 5, 51, tzinfo=UTC)),
        ("", None, None),
    ]
    assert pamela.body == (
        "Draft 3 adds 2.2 (b): every output dataset must carry the notice. "
        "See [the draft](https://example.org/draft3)."
    )
    assert pamela.clause_refs == [ClauseRef("2.2(b)", 0.75, "bare")]
    assert lena.body == "We should not require a notice per file."
    assert omar.body == "I can live with a notice in a README next to the data."
    assert mia.body == "Then Section 2.2(b) should name the dataset, not every output.\n\nMia"
    assert all(m.quoted for m in (pamela, lena, omar)) and not mia.quoted


PLAIN = """\
Ines Vidal wrote:
> Omar Haddad <omar (at) example (dot) org> wrote:
>> Clause 4 lets anyone fine-tune. Fine.
>
> But clause 4 says nothing about the outputs.

True, and 2.bb (sic) was meant to cover that.

> And the attribution duty?

Stays in Article 7.
--
Bo Lind
"""


def test_plain_text_with_nested_and_interleaved_quotes() -> None:
    omar, ines, bo = parse_thread(PLAIN)

    assert summary([omar, ines, bo]) == [
        ("Omar Haddad", "omar@example.org", None),
        ("Ines Vidal", None, None),
        ("", None, None),
    ]
    assert omar.body == "Clause 4 lets anyone fine-tune. Fine."
    assert ines.body == "But clause 4 says nothing about the outputs.\n\nAnd the attribution duty?"
    assert bo.body == "True, and 2.bb (sic) was meant to cover that.\n\nStays in Article 7."
    assert bo.clause_refs == [ClauseRef("2.bb", 0.4, "bare"), ClauseRef("7", 0.9, "article")]


OUTLOOK = {
    "en": (
        "From: Grace Hill <grace@example.com>\nSent: Wednesday, May 14, 2025 4:15 PM\n"
        "To: License Review <license-review@lists.example.org>\nSubject: RE: notice\n",
        datetime(2025, 5, 14, 16, 15, tzinfo=UTC),
    ),
    "it": (
        "Da: Marco Rossi <marco@example.it>\nInviato: Martedì, 15 aprile 2025 10:12\n"
        "A: license-review@lists.example.org\nOggetto: R: notice\n",
        datetime(2025, 4, 15, 10, 12, tzinfo=UTC),
    ),
    "de": (
        "Von: Marco Rossi <marco@example.it>\nGesendet: Dienstag, 15. April 2025 10:12\n"
        "An: license-review@lists.example.org\nBetreff: AW: notice\n",
        datetime(2025, 4, 15, 10, 12, tzinfo=UTC),
    ),
    "fr": (
        "De : Marco Rossi <marco@example.it>\nEnvoyé : mardi 15 avril 2025 10:12\n"
        "À : license-review@lists.example.org\nObjet : RE : notice\n",
        datetime(2025, 4, 15, 10, 12, tzinfo=UTC),
    ),
}


@pytest.mark.parametrize("lang", sorted(OUTLOOK))
def test_outlook_header_blocks_in_four_languages(lang: str) -> None:
    block, when = OUTLOOK[lang]
    text = (
        "I'd drop § 2.2(b) entirely.\n\nSent from my phone\n\n"
        "-----Original Message-----\n" + block + "\nThe notice in clause 4 is enough for me.\n"
    )

    older, reply = parse_thread(text)

    name, addr = ("Grace Hill", "grace@example.com") if lang == "en" else ("Marco Rossi", "marco@example.it")
    assert summary([older, reply]) == [(name, addr, when), ("", None, None)]
    assert older.body == "The notice in clause 4 is enough for me."
    assert older.subject == block.split("\n")[3].split(":", 1)[1].strip()
    assert reply.body == "I'd drop § 2.2(b) entirely."  # the phone's sign-off is not the author's words
    assert reply.clause_refs == [ClauseRef("2.2(b)", 0.95, "section")]


def test_outlook_chain_under_a_mail_gets_the_mail_time_zone() -> None:
    raw = (
        "From: Grace Hill <grace@example.com>\nDate: Thu, 15 May 2025 09:00:00 +0200\n"
        "Subject: RE: notice\nMessage-ID: <g2@example.com>\n\nSee Article 7.\n\n"
        "________________________________\n"
        "From: Rui Costa <rui@example.pt>\nSent: 14 May 2025 18:00\nTo: Grace Hill\nSubject: notice\n\n"
        "What does article 7 require?\n"
    )
    rui, grace = parse_thread(raw)
    assert summary([rui, grace]) == [
        ("Rui Costa", "rui@example.pt", datetime(2025, 5, 14, 18, 0, tzinfo=CEST)),
        ("Grace Hill", "grace@example.com", datetime(2025, 5, 15, 9, 0, tzinfo=CEST)),
    ]
    assert (rui.body, grace.body) == ("What does article 7 require?", "See Article 7.")


def test_empty_and_plain_input() -> None:
    assert parse_thread("") == []
    assert parse_thread("  \n\t\n") == []
    [only] = parse_thread("Section 2.2(b) is too broad.\n")
    assert (only.author_name, only.author_email, only.date, only.body) == (
        "",
        None,
        None,
        "Section 2.2(b) is too broad.",
    )


def test_binary_and_wrong_types_raise_mail_format_error() -> None:
    with pytest.raises(MailFormatError, match="binary"):
        parse_thread_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(MailFormatError, match="binary"):
        parse_thread("abc\x00\x01\x02\x03\x04\x05\x06")
    with pytest.raises(MailFormatError):
        parse_thread(b"bytes")  # type: ignore[arg-type]


def test_non_mail_bytes_fall_back_to_latin1() -> None:
    [msg] = parse_thread_bytes("Clause 4 est trop large, à mon avis.".encode("latin-1"))
    assert msg.body == "Clause 4 est trop large, à mon avis."


def test_fingerprint_is_stable_and_ignores_rewrapping() -> None:
    a = Message(
        author_name="Ada",
        author_email="ada@example.org",
        date=datetime(2025, 5, 14, 9, tzinfo=UTC),
        body="One two\nthree.",
    )
    b = Message(
        author_name="Ada M.",
        author_email="ada@example.org",
        date=datetime(2025, 5, 14, 11, tzinfo=CEST),
        body="One  two three",
    )
    c = Message(author_email="ada@example.org", date=a.date, body="One two four")
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert len(a.fingerprint) == 32


PASTED_OLDEST_FIRST = """From: Lena Jurist <lena@example.org>
Date: Tue, 15 Apr 2025 09:00:00 +0200
Subject: family review
Message-ID: <a1@example.org>

Section 2.2(b) puts a duty on the Output, which the OSD does not allow.

From: Sam Steward <sam@example.org>
Date: Wed, 16 Apr 2025 10:00:00 +0200
Subject: Re: family review
Message-ID: <a2@example.org>
In-Reply-To: <a1@example.org>

And Section 2.3 is a field-of-use restriction.
"""


def test_pasted_messages_with_their_ids_keep_the_order_their_in_reply_to_gives():
    """Messages copied one after another with their full headers (oldest first): the header
    block's Message-ID and In-Reply-To are headers, not words, and say which answers which."""
    messages = parse_thread(PASTED_OLDEST_FIRST)
    assert [m.author_name for m in messages] == ["Lena Jurist", "Sam Steward"]
    assert messages[1].body == "And Section 2.3 is a field-of-use restriction."
    assert messages[1].message_id == "a2@example.org"
    assert messages[1].in_reply_to == "a1@example.org"
    assert messages[1].reply_to == 0


def test_a_quoted_original_below_a_reply_stays_older():
    """The usual shape, an Outlook-style original under the reply, is unchanged by the above."""
    text = """Agreed, 2.2(b) should go.

From: Lena Jurist <lena@example.org>
Sent: Tuesday, April 15, 2025 9:00 AM
To: license-review@example.org
Subject: family review

Section 2.2(b) puts a duty on the Output.
"""
    messages = parse_thread(text)
    assert [m.author_name for m in messages][0] == "Lena Jurist"
    assert messages[-1].body == "Agreed, 2.2(b) should go."
