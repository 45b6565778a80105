"""review.mail.mime on its own: RFC 5322 / MIME messages and mbox files."""

from __future__ import annotations

import base64
import gzip
import tracemalloc
import zlib

import pytest

from review.mail.message import MailFormatError
from review.mail.mime import (
    decode_bytes,
    gunzip,
    looks_like_eml,
    looks_like_mbox,
    parse_eml,
    parse_eml_all,
    split_mbox,
)

HEAD = (
    "From: Pamela Ortiz <pamela@example.org>\n"
    "To: License Review <license-review@lists.example.org>\n"
    "Subject: Re: Notice duty in 2.2(b)\n"
    "Date: Wed, 14 May 2025 09:02:00 -0400\n"
    "Message-ID: <b2@example.org>\n"
)
BODY = "I read 2.2(b) as a field-of-use restriction.\n"


# ---- recognising the format -----------------------------------------------------------------


def test_a_header_block_with_from_and_a_real_mail_header_is_eml() -> None:
    assert looks_like_eml(HEAD + "\n" + BODY)


@pytest.mark.parametrize(
    "hint",
    ["Date", "Message-ID", "Received", "MIME-Version", "Content-Type", "Return-Path", "In-Reply-To",
     "References", "Delivered-To", "X-Mailer", "User-Agent"],
)  # fmt: skip
def test_any_header_only_real_mail_has_will_do(hint: str) -> None:
    assert looks_like_eml(f"Subject: Notice duty\n{hint}: x\n\n{BODY}")
    assert looks_like_eml(f"From: Pamela <p@example.org>\n{hint}: x\n\n{BODY}")


def test_headers_a_person_might_type_are_not_enough() -> None:
    assert not looks_like_eml("From: Pamela\nTo: the list\nSubject: 2.2(b)\n\n" + BODY)
    assert not looks_like_eml("Date: today\nMessage-ID: <x@y>\n\n" + BODY)


def test_a_line_that_is_not_a_header_before_the_blank_line_is_not_eml() -> None:
    assert not looks_like_eml("From: Pamela <p@example.org>\nDate: today\nHello all,\n\n" + BODY)
    assert not looks_like_eml("From: Pamela <p@example.org>\nNote : x\nDate: today\n\n" + BODY)


def test_folded_header_lines_belong_to_the_header_above() -> None:
    text = "From: Pamela Ortiz\n <pamela@example.org>\nSubject: a long\n\tsubject\nDate: today\n\n" + BODY
    assert looks_like_eml(text)


def test_the_header_block_ends_at_the_first_blank_line() -> None:
    assert looks_like_eml("Subject: x\nDate: y\n   \nnot a header line\n")


def test_only_the_first_twenty_thousand_characters_are_read() -> None:
    head = "Subject: x\n" + "X-Long: " + "y" * 20000 + "\nDate: today\n\n"
    assert not looks_like_eml(head)


def test_an_mbox_starts_with_an_envelope_line_over_a_header() -> None:
    assert looks_like_mbox("From pamela@example.org Wed May 14 09:02:00 2025\n" + HEAD)
    assert not looks_like_mbox("From the licensor's side, nothing changes.\nIn 2.2 ...")
    assert not looks_like_mbox(" From pamela@example.org Wed May 14 09:02:00 2025\n" + HEAD)
    assert not looks_like_mbox(HEAD)


# ---- mbox -----------------------------------------------------------------------------------

ENV = "From pamela@example.org Wed May 14 09:02:00 2025\n"


def messages_of(chunks: list[str]) -> list[str]:
    """The chunks without their envelope line, which split_mbox keeps for the parser."""
    for chunk in chunks:
        assert chunk.startswith("From ") and not chunk.startswith("From:")
    return [chunk.split("\n", 1)[1] for chunk in chunks]


def test_each_chunk_keeps_its_envelope_line_for_the_time_it_gives() -> None:
    text = f"{ENV}From: Ana\n\nFirst.\n\nFrom rui@example.pt Thu May 15 10:00:00 2025\nFrom: Rui\n\nSecond.\n"
    assert [c.split("\n", 1)[0] for c in split_mbox(text)] == [
        ENV.rstrip("\n"),
        "From rui@example.pt Thu May 15 10:00:00 2025",
    ]


def test_an_mbox_splits_at_each_envelope_line_after_a_blank_line() -> None:
    text = f"{ENV}{HEAD}\nFirst.\n\nFrom rui@example.pt Thu May 15 10:00:00 2025\nFrom: Rui\n\nSecond.\n"
    assert messages_of(split_mbox(text)) == [f"{HEAD}\nFirst.\n\n", "From: Rui\n\nSecond.\n"]


def test_a_from_line_in_a_body_is_not_a_new_message() -> None:
    text = f"{ENV}{HEAD}\nFirst line\nFrom here: on we agree\nX: y\n"
    assert messages_of(split_mbox(text)) == [f"{HEAD}\nFirst line\nFrom here: on we agree\nX: y\n"]


def test_an_envelope_line_without_a_blank_line_before_it_still_starts_a_message() -> None:
    text = f"{ENV}From: Ana\n\nFirst.\nFrom rui@example.pt Thu May 15 10:00:00 2025\nFrom: Rui\n\nSecond.\n"
    assert messages_of(split_mbox(text)) == ["From: Ana\n\nFirst.\n", "From: Rui\n\nSecond.\n"]
    one_digit = (
        f"{ENV}From: Ana\n\nFirst.\nFrom rui@example.pt Thu May  5 10:00:00 2025\nFrom: Rui\n\nSecond.\n"
    )
    assert len(split_mbox(one_digit)) == 2


def test_escaped_from_lines_in_a_body_are_unescaped() -> None:
    text = f"{ENV}From: Ana\n\n>From the start, 2.2 was clear.\n>>From nested\n> quoted\n"
    assert messages_of(split_mbox(text)) == [
        "From: Ana\n\nFrom the start, 2.2 was clear.\n>From nested\n> quoted\n"
    ]


def test_a_body_without_escapes_is_kept_as_is() -> None:
    assert messages_of(split_mbox(f"{ENV}From: Ana\n\nplain>From text\n")) == [
        "From: Ana\n\nplain>From text\n"
    ]


# ---- decoding -------------------------------------------------------------------------------


def test_bytes_are_read_in_their_declared_charset() -> None:
    assert decode_bytes("Jos\u00e9".encode("iso-8859-15"), "iso-8859-15") == "Jos\u00e9"
    assert decode_bytes("\u0416".encode("koi8-r"), "koi8-r") == "\u0416"


@pytest.mark.parametrize("label", [None, "", "us-ascii", "no-such-charset", "utf-7"])
def test_a_label_that_does_not_fit_falls_back_to_utf8(label: str | None) -> None:
    assert decode_bytes("Citt\u00e0 \u20ac".encode(), label) == "Citt\u00e0 \u20ac"


def test_then_to_windows_1252_then_latin1() -> None:
    assert decode_bytes(b"\x93quoted\x94 caf\xe9", "utf-8") == "\u201cquoted\u201d caf\u00e9"
    assert decode_bytes(b"\x81\xe9", None) == "\x81\u00e9"


# ---- single messages ------------------------------------------------------------------------


def test_a_plain_message_gives_its_headers_and_body() -> None:
    raw = parse_eml(HEAD + "In-Reply-To: <a1@example.org>\n\n" + BODY)
    assert (raw.author_name, raw.author_email, raw.subject) == (
        "Pamela Ortiz",
        "pamela@example.org",
        "Re: Notice duty in 2.2(b)",
    )
    assert (raw.date_header, raw.message_id, raw.in_reply_to) == (
        "Wed, 14 May 2025 09:02:00 -0400",
        "b2@example.org",
        "a1@example.org",
    )
    assert raw.text == BODY


def test_missing_headers_are_empty_or_none() -> None:
    raw = parse_eml("From: Pamela Ortiz <pamela@example.org>\nDate: \n\n" + BODY)
    assert (raw.subject, raw.date_header, raw.message_id, raw.in_reply_to) == ("", None, None, None)


def test_the_reply_target_falls_back_to_the_last_reference() -> None:
    raw = parse_eml(HEAD + "References: <a0@example.org>\n <a1@example.org>\n\n" + BODY)
    assert raw.in_reply_to == "a1@example.org"


def test_a_message_id_without_brackets_is_taken_as_written() -> None:
    raw = parse_eml(
        "From: Ana <a@example.org>\nMessage-ID:  a1@example.org \nIn-Reply-To: x0@example.org\n\n."
    )
    assert (raw.message_id, raw.in_reply_to) == ("a1@example.org", "x0@example.org")


def test_encoded_and_folded_headers_are_decoded_to_one_line() -> None:
    raw = parse_eml(
        "From: =?iso-8859-1?q?Jos=E9_Ram=EDrez?= <jose@example.net>\n"
        "Subject: =?utf-8?b?Tm90aWNlIGR1dHkg4oCU?=\n in 2.2(b)\n\n" + BODY
    )
    assert (raw.author_name, raw.subject) == ("Jos\u00e9 Ram\u00edrez", "Notice duty \u2014 in 2.2(b)")


def test_a_broken_encoded_word_is_kept_raw() -> None:
    raw = parse_eml("From: Ana <a@example.org>\nSubject: =?x-unknown?q?caf=E9?= on 2.2\n\n" + BODY)
    assert raw.subject == "=?x-unknown?q?caf=E9?= on 2.2"
    raw = parse_eml("From: Ana <a@example.org>\nSubject: =?utf-8?q?caf=E9?=  on\n 2.2\n\n" + BODY)
    assert raw.subject == "=?utf-8?q?caf=E9?= on 2.2"


def test_raw_8bit_headers_are_decoded_utf8_first_then_windows_1252() -> None:
    utf8 = "From: Jos\u00e9 Ram\u00edrez <jose@example.net>\nSubject: Citt\u00e0\n\nx".encode()
    assert (parse_eml(utf8).author_name, parse_eml(utf8).subject) == ("Jos\u00e9 Ram\u00edrez", "Citt\u00e0")
    latin = "From: Ana <a@example.org>\nSubject: caf\u00e9 \u201cterms\u201d\n\nx".encode("cp1252")
    assert parse_eml(latin).subject == "caf\u00e9 \u201cterms\u201d"


def test_a_list_that_rewrites_the_sender_gives_the_original_address() -> None:
    via = "From: Pamela Ortiz via License-review <license-review@lists.example.org>\n"
    raw = parse_eml(
        via + "X-Original-From: Pamela Ortiz <pamela@example.org>\nReply-To: list@example.org\n\nx"
    )
    assert (raw.author_name, raw.author_email) == ("Pamela Ortiz", "pamela@example.org")
    raw = parse_eml(via + "Reply-To: Pamela Ortiz <pamela@example.org>\n\nx")
    assert raw.author_email == "pamela@example.org"
    assert parse_eml(via + "\nx").author_email is None


def test_a_rewritten_sender_is_found_in_cc_when_reply_to_names_the_list() -> None:
    # Mailman with replies going to the list: Reply-To is the list, the writer goes to Cc.
    head = (
        "From: Carol Jones via License-review <license-review@lists.example.org>\n"
        "Reply-To: license-review@lists.example.org\n"
        "List-Post: <mailto:license-review@lists.example.org>\n"
    )
    raw = parse_eml(head + "Cc: Dan Roe <dan@example.net>, Carol Jones <carol@example.net>\n\nx")
    assert (raw.author_name, raw.author_email) == ("Carol Jones", "carol@example.net")
    # a Cc of someone else only is not the writer
    assert parse_eml(head + "Cc: Dan Roe <dan@example.net>\n\nx").author_email is None


def test_a_sender_rewritten_as_name_in_brackets_via_the_list_takes_the_full_name() -> None:
    raw = parse_eml(
        'From: "Carol (via license-review)" <license-review@lists.example.org>\n'
        "Reply-To: Carol Jones <carol@example.net>\n\nx"
    )
    assert (raw.author_name, raw.author_email) == ("Carol Jones", "carol@example.net")


def test_str_and_bytes_read_alike() -> None:
    text = HEAD + "\n" + BODY
    assert parse_eml(text) == parse_eml(text.encode())


def test_a_message_without_a_body_separator_is_still_read() -> None:
    raw = parse_eml("From: Ana <a@example.org>\nSubject: only headers")
    assert (raw.author_email, raw.subject, raw.text) == ("a@example.org", "only headers", "")


def test_a_message_with_header_defects_is_read_by_the_full_parser() -> None:
    raw = parse_eml("From: Ana <a@example.org>\n Subject: folded first\nSubject: x\n\n" + BODY)
    assert raw.text == BODY


# ---- bodies ---------------------------------------------------------------------------------


def _mime(parts: str, boundary: str = "b1", ctype: str = "multipart/alternative") -> str:
    return f'{HEAD}MIME-Version: 1.0\nContent-Type: {ctype}; boundary="{boundary}"\n\n{parts}--{boundary}--\n'


def test_the_first_inline_plain_part_is_the_body() -> None:
    text = _mime(
        "--b1\nContent-Type: text/html\n\n<p>HTML</p>\n"
        "--b1\nContent-Type: text/plain\n\nFirst plain.\n"
        "--b1\nContent-Type: text/plain\n\nSecond plain.\n"
    )
    assert parse_eml(text).text == "First plain."


def test_html_is_the_fallback() -> None:
    text = _mime("--b1\nContent-Type: text/html\n\n<p>Only <b>HTML</b> here.</p>\n")
    assert parse_eml(text).text.strip() == "Only HTML here."


def test_an_attached_text_file_is_not_the_body() -> None:
    text = _mime(
        "--b1\nContent-Type: text/plain\nContent-Disposition: attachment; filename=licence.txt\n\nLICENCE\n"
        "--b1\nContent-Type: text/plain\nContent-Disposition: inline\n\nMy words.\n",
        ctype="multipart/mixed",
    )
    assert parse_eml(text).text == "My words."
    only = _mime(
        "--b1\nContent-Type: text/html\nContent-Disposition: ATTACHMENT\n\n<p>x</p>\n",
        ctype="multipart/mixed",
    )
    assert parse_eml(only).text == ""


def test_a_message_without_text_parts_has_no_body() -> None:
    text = _mime("--b1\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n")
    assert parse_eml(text).text == ""


@pytest.mark.parametrize("cte", ["quoted-printable", "Quoted-Printable ", "base64"])
def test_transfer_encodings_are_undone_in_the_declared_charset(cte: str) -> None:
    words = "Jos\u00e9 says: the notice \u2014 in 2.2(b).\n"
    if "base64" in cte:
        payload = base64.b64encode(words.encode("utf-8")).decode()
    else:
        payload = "Jos=C3=A9 says: the notice =E2=80=94 in 2.2(b).=\n\n"
    text = _mime(
        f"--b1\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: {cte}\n\n{payload}\n"
    )
    assert parse_eml(text).text.strip() == words.strip()


def test_8bit_bodies_fall_back_when_the_label_is_wrong() -> None:
    data = (HEAD + "Content-Type: text/plain; charset=us-ascii\n\n").encode() + "caf\u00e9\r\n".encode(
        "cp1252"
    )
    assert parse_eml(data).text == "caf\u00e9\n"


def test_crlf_line_ends_become_lf() -> None:
    assert parse_eml((HEAD + "\n" + "one\r\ntwo\r\n").encode()).text == "one\ntwo\n"


# ---- format=flowed --------------------------------------------------------------------------


def _flowed(body: str, delsp: str = "") -> str:
    param = f"; delsp={delsp}" if delsp else ""
    return parse_eml(f"{HEAD}Content-Type: text/plain; format=Flowed{param}\n\n{body}").text


def test_a_flowed_line_ending_in_a_space_joins_the_next() -> None:
    assert _flowed("The notice must \ntravel with the \ndataset.\nNew line.\n") == (
        "The notice must travel with the dataset.\nNew line.\n"
    )


def test_delsp_removes_the_joining_space() -> None:
    assert _flowed("Daten\u00fcber \ntragung.\n", delsp="Yes") == "Daten\u00fcbertragung.\n"


def test_flowed_quotes_join_only_at_the_same_depth() -> None:
    body = "> The licensee \n> must keep \n>> older words \n>> here.\n> back.\n"
    assert _flowed(body) == "> The licensee must keep \n>> older words here.\n> back.\n"


def test_the_signature_separator_does_not_flow() -> None:
    assert _flowed("Thanks.\n-- \nAna\n") == "Thanks.\n-- \nAna\n"


def test_space_stuffing_is_removed() -> None:
    assert _flowed(" From here on.\n  indented\n") == "From here on.\n indented\n"


def test_a_message_not_flowed_keeps_its_trailing_spaces() -> None:
    text = parse_eml(f"{HEAD}Content-Type: text/plain\n\nThe notice must \ntravel.\n").text
    assert text == "The notice must \ntravel.\n"


# ---- digests --------------------------------------------------------------------------------


def _digest() -> str:
    inner = "".join(
        f"--d\nContent-Type: message/rfc822\n\nFrom: {who} <{who.lower()}@example.org>\n"
        f"Subject: Re: 2.2\nMessage-ID: <{who.lower()}@example.org>\n\n{who}'s words.\n\n"
        for who in ("Ana", "Rui")
    )
    return (
        "From: license-review-request@lists.example.org\nSubject: License-review Digest, Vol 1, Issue 2\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="m"\n\n'
        "--m\nContent-Type: text/plain\n\nToday's Topics:\n\n"
        '--m\nContent-Type: multipart/digest; boundary="d"\n\n' + inner + "--d--\n\n--m--\n"
    )


def test_a_mime_digest_opens_into_its_mails() -> None:
    mails = parse_eml_all(_digest())
    assert [(m.author_name, m.author_email, m.text.strip()) for m in mails] == [
        ("Ana", "ana@example.org", "Ana's words."),
        ("Rui", "rui@example.org", "Rui's words."),
    ]
    assert parse_eml_all(_digest().encode()) == mails


def test_a_mail_that_is_not_a_digest_is_one_mail() -> None:
    assert parse_eml_all(HEAD + "\n" + BODY) == [parse_eml(HEAD + "\n" + BODY)]
    multi = _mime("--b1\nContent-Type: text/plain\n\nWords.\n")
    assert [m.text for m in parse_eml_all(multi)] == ["Words."]
    assert [m.text for m in parse_eml_all(multi.encode())] == ["Words."]


# ---- edges ----------------------------------------------------------------------------------


def test_a_hint_header_whose_value_holds_colons_still_counts() -> None:
    assert looks_like_eml("From: Pamela <p@example.org>\nDate: Wed, 14 May 2025 09:02:00 -0400\n\n" + BODY)


def test_a_header_cut_at_twenty_thousand_characters_does_not_count() -> None:
    filler = "X-Long: " + "y" * (20000 - len("Subject: x\n") - len("X-Long: ") - 1 - len("Date")) + "\n"
    cut = "Subject: x\n" + filler + "Date: today\n\n"
    assert cut.index("Date:") + len("Date") == 20000
    assert not looks_like_eml(cut)
    whole = "Subject: x\n" + filler[1:] + "Date: today\n\n"
    assert looks_like_eml(whole)


def test_an_mbox_with_unusual_envelope_lines_splits_after_blank_lines() -> None:
    text = (
        "From pamela@example.org 2025-05-14\nFrom: Ana\n\nFirst.\n\n"
        "From rui@example.pt 2025-05-15\nFrom: Rui\n\nSecond.\n\n"
        "From cy@example.org 2025-05-16\nFrom: Cy\n\nThird.\n"
    )
    assert messages_of(split_mbox(text)) == [
        "From: Ana\n\nFirst.\n\n",
        "From: Rui\n\nSecond.\n\n",
        "From: Cy\n\nThird.\n",
    ]


def test_a_body_of_several_paragraphs_is_read_whole() -> None:
    body = "First paragraph.\n\nSecond paragraph.\n\nThird.\n"
    assert parse_eml(HEAD + "\n" + body).text == body


def test_the_reply_target_is_the_last_of_several_references() -> None:
    raw = parse_eml(HEAD + "References: <a0@example.org> <a1@example.org> <a2@example.org>\n\n" + BODY)
    assert raw.in_reply_to == "a2@example.org"


def test_a_declared_charset_is_used_for_encoded_and_8bit_bodies() -> None:
    qp = _mime(
        "--b1\nContent-Type: text/plain; charset=iso-8859-15\nContent-Transfer-Encoding: quoted-printable\n\n=A4 5\n"
    )
    assert parse_eml(qp).text.strip() == "\u20ac 5"
    raw = (HEAD + "Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: 8bit\n\n").encode()
    assert parse_eml(raw + "\u0416\u0430\u0440\n".encode("koi8-r")).text == "\u0416\u0430\u0440\n"


@pytest.mark.parametrize("cte", ["x-uuencode", "uuencode"])
def test_uuencoded_parts_are_decoded(cte: str) -> None:
    import binascii

    line = binascii.b2a_uu(b"Notice duty in 2.2(b).").decode()
    text = _mime(
        f"--b1\nContent-Type: text/plain\nContent-Transfer-Encoding: {cte}\n\nbegin 644 x.txt\n{line}`\nend\n"
    )
    assert parse_eml(text).text == "Notice duty in 2.2(b)."


def test_a_flowed_line_ending_in_a_capital_x_keeps_it() -> None:
    assert _flowed("Runs on macOS X\nand Linux.\n") == "Runs on macOS X\nand Linux.\n"


def test_a_text_part_inside_a_digest_is_not_a_mail() -> None:
    digest = _digest().replace(
        '--m\nContent-Type: multipart/digest; boundary="d"\n\n',
        '--m\nContent-Type: multipart/digest; boundary="d"\n\n--d\nContent-Type: text/plain\n\nTable of contents\n\n',
    )
    assert [m.author_name for m in parse_eml_all(digest)] == ["Ana", "Rui"]


def test_a_forwarded_message_as_the_whole_mail_is_read_through() -> None:
    text = (
        "From: Ana <a@example.org>\nSubject: Fwd\nContent-Type: message/rfc822\n\n"
        "From: Rui <r@example.org>\nSubject: 2.2\n\nRui's words.\n"
    )
    assert parse_eml(text).text == "Rui's words.\n"


# ---- gzipped uploads ------------------------------------------------------------------------

DAMAGED = "This .gz file is damaged or incomplete. Download it again, or upload the unpacked file."


def test_a_gzip_file_unpacks_to_exactly_its_limit() -> None:
    assert gunzip(gzip.compress(b"x" * 100), 100) == b"x" * 100


def test_a_gzip_file_one_byte_over_its_limit_is_refused() -> None:
    with pytest.raises(MailFormatError) as caught:
        gunzip(gzip.compress(b"x" * 101), 100)
    assert str(caught.value) == (
        "Unpacked, this file is over the 9.53674e-05 MiB limit. "
        "Split the archive into smaller files (for example one month each)."
    )
    with pytest.raises(MailFormatError, match=r"over the 5 MiB limit\. Split"):
        gunzip(gzip.compress(b"x" * (5 * 1024 * 1024 + 1)), 5 * 1024 * 1024)


def test_a_gzip_bomb_is_refused_without_unpacking_it_all() -> None:
    bomb = gzip.compress(b"\0" * (16 * 1024 * 1024))
    tracemalloc.start()
    try:
        with pytest.raises(MailFormatError, match="over the"):
            gunzip(bomb, 1000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_a_gzip_file_failing_its_checksum_is_damaged() -> None:
    data = bytearray(gzip.compress(b"Section 3 is fine.\n" * 10))
    data[-6] ^= 0xFF  # the CRC-32 of the unpacked file
    with pytest.raises(MailFormatError) as caught:
        gunzip(bytes(data), 10_000)
    assert str(caught.value) == DAMAGED


def test_only_gzip_is_unpacked_not_a_bare_zlib_stream() -> None:
    with pytest.raises(MailFormatError) as caught:
        gunzip(zlib.compress(b"Section 3 is fine.\n"), 10_000)
    assert str(caught.value) == DAMAGED


# ---- when a mail was sent -------------------------------------------------------------------

NO_DATE = "From: Ana <a@example.org>\nSubject: s\nMessage-ID: <x@example.org>\n"


def test_without_a_date_the_first_relays_stamp_is_the_time_after_its_last_semicolon() -> None:
    received = (
        "Received: from mx2 by mx3; Tue, 6 May 2025 10:00:09 +0200\n"
        "Received: from mx1 by mx2; Tue, 6 May 2025 10:00:07 +0200\n"
        "Received: from laptop (helo=a; auth=b) by mx1 with ESMTP;\n  Tue, 6 May 2025 10:00:03 +0200\n"
    )
    raw = parse_eml(received + NO_DATE + "\nx")
    assert (raw.date_header, raw.date_zone_guessed) == ("Tue, 6 May 2025 10:00:03 +0200", False)


def test_a_header_with_a_semicolon_is_no_relay_stamp() -> None:
    raw = parse_eml(
        "From ana@example.org Tue May  6 10:00:00 2025\n"
        + NO_DATE
        + "Content-Type: text/plain; charset=utf-8\nReceived: by mx1 without a time\n\nx"
    )
    assert (raw.date_header, raw.date_zone_guessed) == ("Tue May  6 10:00:00 2025", True)


def test_a_mail_with_no_time_at_all_does_not_claim_a_guessed_zone() -> None:
    raw = parse_eml(NO_DATE + "\nx")
    assert (raw.date_header, raw.date_zone_guessed) == (None, False)


def test_a_sender_rewritten_via_the_list_is_recognised_in_any_case() -> None:
    raw = parse_eml(
        "From: Pamela Ortiz Via License-review <license-review@lists.example.org>\n"
        "Reply-To: Pamela Ortiz <pamela@example.org>\n\nx"
    )
    assert (raw.author_name, raw.author_email) == ("Pamela Ortiz", "pamela@example.org")
