"""review.mail.parse rule by rule: the checks on the input, the choice of reader, the chains
each reader makes, and how the chains become one thread (authors completed, copies merged,
order, replies). Each test is named after the rule it protects; inputs written for these tests.
Pure: no database. Run without Django: pytest -p no:django.
"""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta, timezone

import pytest

import review.mail.parse as parse
from review.mail.hyperkitty import ArchivedMail
from review.mail.mime import MAX_UNPACKED, RawMail
from review.mail.parse import (
    ClauseRef,
    MailFormatError,
    Message,
    _assemble,
    _author_key,
    _chain_from_mail,
    _chain_from_text,
    _chains_from_hyperkitty,
    _chains_from_mail,
    _chains_from_printed,
    _check_text,
    _complete_authors,
    _dated_after,
    _has_list_footer,
    _looks_like_html,
    _name_key,
    _same_author,
    parse_thread,
    parse_thread_bytes,
)
from review.mail.quotes import MARK

CEST = timezone(timedelta(hours=2))
BINARY = "This looks like a binary file, not mail. Upload a .eml, .mbox, .html or .txt file."
T0 = datetime(2025, 5, 6, 10, 0, tzinfo=UTC)


def mail(
    name: str = "",
    email: str | None = None,
    when: datetime | None = None,
    body: str = "",
    *,
    mid: str | None = None,
    irt: str | None = None,
    quoted: bool = False,
    guessed: bool = False,
) -> Message:
    return Message(
        author_name=name,
        author_email=email,
        date=when,
        body=body,
        message_id=mid,
        in_reply_to=irt,
        quoted=quoted,
        date_zone_guessed=guessed,
    )


def who(messages: list[Message]) -> list[tuple[str, str | None]]:
    return [(m.author_name, m.author_email) for m in messages]


def bodies(messages: list[Message]) -> list[str]:
    return [m.body for m in messages]


# ---- binary input is refused -----------------------------------------------------------------


def test_two_nuls_are_damage_three_are_binary() -> None:
    _check_text("Section 2 is fine." + "\x00" * 2 + "x" * 100)
    with pytest.raises(MailFormatError) as caught:
        _check_text("Section 2 is fine." + "\x00" * 3 + "x" * 100)
    assert str(caught.value) == BINARY


def test_control_characters_up_to_five_percent_and_two_more_are_tolerated() -> None:
    # 100 characters: 0.05 * 100 + 2 = 7 control characters allowed, the eighth is too many
    _check_text("\x01" * 7 + "a" * 93)
    with pytest.raises(MailFormatError, match="binary"):
        _check_text("\x01" * 8 + "a" * 92)


def test_each_low_control_character_counts_and_delete_too() -> None:
    for ch in ["\x01", "\x02", "\x08", "\x0e", "\x1f", "\x7f"]:
        with pytest.raises(MailFormatError):
            _check_text(ch * 3)
    _check_text("\x01\x01")  # two are always forgiven


def test_layout_characters_and_escape_are_text() -> None:
    _check_text("\t\n\r\f\v\x1b" * 10)


def test_only_the_first_8192_characters_are_sampled() -> None:
    _check_text("a" * 8192 + "\x00" * 50)
    with pytest.raises(MailFormatError):
        _check_text("a" * 8189 + "\x00" * 3)


def test_a_binary_paste_is_refused_before_anything_is_read() -> None:
    with pytest.raises(MailFormatError) as caught:
        parse_thread("From: Ann <ann@example.org>\nDate: x\n\n" + "\x03" * 40)
    assert str(caught.value) == BINARY


def test_a_stray_nul_or_two_in_a_paste_are_dropped() -> None:
    [msg] = parse_thread("Section 2\x00 is fine\x00 by me.\n")
    assert msg.body == "Section 2 is fine by me."


def test_our_own_quote_mark_in_the_input_is_dropped() -> None:
    [msg] = parse_thread(f"Section 2 is{MARK} fine.\n")
    assert msg.body == "Section 2 is fine."


# ---- which texts are HTML --------------------------------------------------------------------


def test_two_tags_anywhere_make_html() -> None:
    assert _looks_like_html("Hello there <b>bold</b> and <br> more")
    assert _looks_like_html("text <P>one</P> text")


def test_one_tag_makes_html_only_at_the_start() -> None:
    assert _looks_like_html("<div>Hello")
    assert _looks_like_html("  \n<p>Hello")
    assert not _looks_like_html("Hello <p> there")


def test_closing_tags_count_only_for_block_elements() -> None:
    assert _looks_like_html("x </div> y </p>")
    assert not _looks_like_html("x </span> y </b>")


def test_an_address_in_angle_brackets_is_not_a_tag() -> None:
    assert not _looks_like_html("<brian@example.org> and <pretty@example.org> wrote <bob@x.org>")
    assert not _looks_like_html("<bravo> <iframe> <pretty>")


def test_each_tag_name_is_a_tag_in_any_case() -> None:
    for name in [
        "html",
        "body",
        "div",
        "p",
        "br",
        "blockquote",
        "pre",
        "table",
        "span",
        "font",
        "b",
        "i",
        "a",
    ]:
        assert _looks_like_html(f"<{name}>"), name
        assert _looks_like_html(f"<{name.upper()} class='x'/>"), name


def test_a_tag_may_carry_up_to_500_characters_of_attributes() -> None:
    assert _looks_like_html("<div " + "x" * 500 + ">")  # the space and 500 more
    assert not _looks_like_html("<div " + "x" * 501 + ">")
    assert not _looks_like_html("<div" + "x" * 10 + ">")  # no space: another name


def test_tags_are_counted_in_the_first_8192_characters() -> None:
    assert _looks_like_html("x" * 8184 + "<b>a<br>")
    assert not _looks_like_html("x" * 8185 + "<b>a<br>")


# ---- list footers ----------------------------------------------------------------------------


def test_a_list_footer_is_a_mailing_list_line_or_a_mailman_address() -> None:
    assert _has_list_footer("License-review Mailing\n  List")
    assert _has_list_footer("see https://lists.example.org/listinfo/lr")
    assert _has_list_footer("see https://lists.example.org/MAILMAN/lr")
    assert not _has_list_footer("a list of mailings, listinfo and mailman")


# ---- one author, however written -------------------------------------------------------------


def test_two_addresses_decide_whether_authors_are_one() -> None:
    assert _same_author(mail("Ann Lee", "ann@example.org"), mail("Somebody", "ann@example.org"))
    assert not _same_author(mail("Ann Lee", "ann@example.org"), mail("Ann Lee", "ann@other.example"))


def test_without_two_addresses_the_names_decide() -> None:
    assert _same_author(mail("Ann Lee", "ann@example.org"), mail("ann  LEE"))
    assert _same_author(mail("Ann Lee"), mail("Ann Lee", "ann@example.org"))
    assert not _same_author(mail("Ann Lee"), mail("Ann Leeds"))


def test_two_nameless_authors_are_not_one() -> None:
    assert not _same_author(mail(""), mail(""))
    assert not _same_author(mail("", "ann@example.org"), mail(""))


def test_an_author_is_keyed_by_address_else_by_name_words() -> None:
    assert _author_key(mail("Ann Lee", "ann@example.org")) == "ann@example.org"
    assert _author_key(mail("Lee, Ann")) == "lee ann"


def test_a_name_key_is_its_words_in_any_order() -> None:
    assert _name_key("Doe, John") == _name_key("john DOE") == "doe john"


# ---- dates that overrule nesting -------------------------------------------------------------


def test_dated_after_needs_more_than_ten_minutes() -> None:
    a = mail(when=T0 + timedelta(seconds=601))
    assert _dated_after(a, mail(when=T0))
    assert not _dated_after(mail(when=T0 + timedelta(seconds=600)), mail(when=T0))
    assert not _dated_after(mail(when=T0), a)


def test_dated_after_compares_instants_not_clock_faces() -> None:
    # 11:00 in Paris summer time is 09:00 UTC: before 10:00 UTC, not after it
    assert not _dated_after(mail(when=datetime(2025, 5, 6, 11, 0, tzinfo=CEST)), mail(when=T0))
    assert _dated_after(mail(when=T0), mail(when=datetime(2025, 5, 6, 11, 0, tzinfo=CEST)))


def test_dated_after_never_trusts_a_missing_or_guessed_date() -> None:
    late = T0 + timedelta(days=1)
    assert not _dated_after(mail(when=None), mail(when=T0))
    assert not _dated_after(mail(when=late), mail(when=None))
    assert not _dated_after(mail(when=late, guessed=True), mail(when=T0))
    assert not _dated_after(mail(when=late), mail(when=T0, guessed=True))


# ---- completing authors from the thread ------------------------------------------------------


def test_a_name_alone_gets_the_one_address_the_thread_gives_it() -> None:
    whole = mail("John Doe", "john@example.com")
    quote = mail("Doe, John", quoted=True)
    _complete_authors([quote, whole])
    assert (quote.author_name, quote.author_email) == ("John Doe", "john@example.com")


def test_a_name_with_two_addresses_in_the_thread_stays_without_one() -> None:
    quote = mail("John Doe", quoted=True)
    _complete_authors([mail("John Doe", "john@example.com"), mail("John Doe", "jd@other.example"), quote])
    assert (quote.author_name, quote.author_email) == ("John Doe", None)


def test_one_address_given_twice_is_still_one() -> None:
    quote = mail("John Doe", quoted=True)
    _complete_authors([mail("John Doe", "john@example.com"), mail("Doe, John", "john@example.com"), quote])
    assert quote.author_email == "john@example.com"


def test_a_name_the_thread_never_pairs_with_an_address_stays_as_it_is() -> None:
    quote = mail("Jane Roe", quoted=True)
    _complete_authors([mail("John Doe", "john@example.com"), quote])
    assert (quote.author_name, quote.author_email) == ("Jane Roe", None)


def test_the_name_written_in_the_persons_own_mail_wins_over_a_quotes() -> None:
    quote = mail("Doe, John", "john@example.com", quoted=True)
    own = mail("John Doe", "john@example.com")
    bare = mail("", "john@example.com")
    named = mail("John Doe")
    _complete_authors([quote, bare, named, own])
    assert bare.author_name == "John Doe"
    assert named.author_name == "John Doe"
    assert quote.author_name == "Doe, John"  # a name already paired with its address is kept


def test_the_first_own_mail_names_the_address() -> None:
    bare = mail("", "john@example.com")
    _complete_authors([mail("J. Doe", "john@example.com"), mail("John Doe", "john@example.com"), bare])
    assert bare.author_name == "J. Doe"


def test_an_address_nobody_names_keeps_an_empty_name() -> None:
    bare = mail("", "ghost@example.com")
    _complete_authors([mail("John Doe", "john@example.com"), bare])
    assert (bare.author_name, bare.author_email) == ("", "ghost@example.com")


def test_a_nameless_author_without_address_stays_unknown() -> None:
    nobody = mail("")
    _complete_authors([mail("John Doe", "john@example.com"), nobody])
    assert (nobody.author_name, nobody.author_email) == ("", None)


def test_an_author_with_its_own_address_keeps_it() -> None:
    other = mail("John Doe", "jd@other.example")
    _complete_authors([mail("John Doe", "john@example.com"), other])
    assert (other.author_name, other.author_email) == ("John Doe", "jd@other.example")


def test_an_address_learnt_from_a_quote_completes_a_name_too() -> None:
    named = mail("Ann Lee")
    _complete_authors([mail("Lee, Ann", "ann@example.org", quoted=True), named])
    assert (named.author_name, named.author_email) == ("Lee, Ann", "ann@example.org")


# ---- one mail becomes a chain ----------------------------------------------------------------


def raw(text: str, date: str | None = "Tue, 6 May 2025 09:00:00 +0200", *, guessed: bool = False) -> RawMail:
    return RawMail(
        "Bo Ek", "bo@example.org", date, "Re: section 3", "m2@example.org", "m1@example.org", text, guessed
    )


def test_a_mail_is_its_quoted_messages_then_its_own() -> None:
    text = (
        "I agree with Section 3.\n\nBo\n\nOn Mon, 5 May 2025 at 10:00, Ann Lee wrote:\n> Section 3 is fine.\n"
    )
    ann, bo = _chain_from_mail(raw(text))
    assert (bo.author_name, bo.author_email, bo.date) == (
        "Bo Ek",
        "bo@example.org",
        datetime(2025, 5, 6, 9, 0, tzinfo=CEST),
    )
    assert (bo.subject, bo.message_id, bo.in_reply_to) == (
        "Re: section 3",
        "m2@example.org",
        "m1@example.org",
    )
    assert bo.body == "I agree with Section 3."  # its sender's own name under it is a sign-off
    assert (bo.quoted, bo.date_zone_guessed) == (False, False)
    # the attribution names no zone: the quoting mail's is assumed
    assert (ann.author_name, ann.date, ann.body) == (
        "Ann Lee",
        datetime(2025, 5, 5, 10, 0, tzinfo=CEST),
        "Section 3 is fine.",
    )
    assert (ann.quoted, ann.date_zone_guessed) == (True, True)


def test_a_quote_in_an_undated_mail_takes_no_zone_but_utc() -> None:
    text = "I agree.\n\nOn Mon, 5 May 2025 at 10:00, Ann Lee wrote:\n> Section 3 is fine.\n"
    ann, bo = _chain_from_mail(raw(text, None))
    assert (ann.date, bo.date) == (datetime(2025, 5, 5, 10, 0, tzinfo=UTC), None)


def test_an_envelope_time_is_a_guessed_zone_only_when_there_is_a_time() -> None:
    assert _chain_from_mail(raw("Fine.\n", "Tue, 6 May 2025 09:00:00 +0000", guessed=True))[
        -1
    ].date_zone_guessed
    assert not _chain_from_mail(raw("Fine.\n", None, guessed=True))[-1].date_zone_guessed
    assert not _chain_from_mail(raw("Fine.\n", "Tue, 6 May 2025 09:00:00 +0000"))[-1].date_zone_guessed


LIST_FOOTER = (
    "\n_______________________________________________\n"
    "License-review mailing list\nhttps://lists.example.org/listinfo/lr\n"
)


def test_a_list_footer_ends_the_mail_with_what_follows_it() -> None:
    text = (
        "I agree with Section 3.\n"
        + LIST_FOOTER
        + "\nOn Mon, 5 May 2025 at 10:00, Ann Lee wrote:\n> Section 3 is fine.\n"
    )
    [bo] = _chain_from_mail(raw(text))
    assert bo.body == "I agree with Section 3."


def test_a_mail_without_a_list_footer_keeps_its_underline() -> None:
    text = "I agree with Section 3.\n\n_______________________________________________\nLicense-review\n"
    [bo] = _chain_from_mail(raw(text))
    assert (
        bo.body
        == "I agree with Section 3.\n\n_______________________________________________\nLicense-review"
    )


def test_a_digest_mail_gives_one_chain_per_message_it_carries() -> None:
    sep = "-" * 30
    text = (
        "Today's Topics:\n\n   1. section 3 (Ann Lee)\n\n" + "-" * 70 + "\n\n"
        "Message: 1\nDate: Mon, 5 May 2025 10:00:00 +0000\nFrom: Ann Lee <ann@example.org>\n"
        "Subject: section 3\nMessage-ID: <d1@example.org>\n\nSection 3 is fine.\n\n" + sep + "\n\n"
        "Message: 2\nDate: Mon, 5 May 2025 11:00:00 +0000\nFrom: Bo Ek <bo@example.org>\n"
        "Subject: Re: section 3\nIn-Reply-To: <d1@example.org>\n\nNot to me.\n\n" + sep + "\n"
    )
    chains = _chains_from_mail(raw(text))
    assert [[(m.author_name, m.body) for m in chain] for chain in chains] == [
        [("Ann Lee", "Section 3 is fine.")],
        [("Bo Ek", "Not to me.")],
    ]
    assert chains[1][0].in_reply_to == "d1@example.org"
    assert [[m.body for m in c] for c in _chains_from_mail(raw("Not a digest.\n"))] == [["Not a digest."]]
    # pasted without the digest's own header block, it reads the same
    assert [(m.author_name, m.body) for m in parse_thread(text)] == [
        ("Ann Lee", "Section 3 is fine."),
        ("Bo Ek", "Not to me."),
    ]
    assert parse_thread(text)[1].reply_to == 0


# ---- a printed conversation ------------------------------------------------------------------

PRINTED = (
    "Gmail\tLee Counsel <lee@mail.example>\nModel License 2.0\n2 messages\n"
    "Ana Steward <ana@example.org>\tMon, Mar 3, 2025 at 11:15 AM\nTo: license-review@lists.example.org\n\n"
    "Section 4 is too broad.\n\n"
    "Lee Counsel <lee@mail.example>\tTue, Mar 4, 2025 at 9:00 AM UTC\nTo: Ana Steward <ana@example.org>\n\n"
    "I read section 4 the other way.\n"
)


def test_each_printed_message_has_its_sender_and_time() -> None:
    chains = _chains_from_printed(PRINTED)
    assert [[(m.author_name, m.author_email, m.date, m.subject, m.body) for m in c] for c in chains] == [
        [
            (
                "Ana Steward",
                "ana@example.org",
                datetime(2025, 3, 3, 11, 15, tzinfo=UTC),
                "Model License 2.0",
                "Section 4 is too broad.",
            )
        ],
        [
            (
                "Lee Counsel",
                "lee@mail.example",
                datetime(2025, 3, 4, 9, 0, tzinfo=UTC),
                "Model License 2.0",
                "I read section 4 the other way.",
            )
        ],
    ]


def test_a_printed_time_without_a_zone_is_a_guessed_zone() -> None:
    ana, lee = (c[-1] for c in _chains_from_printed(PRINTED))
    assert (ana.date_zone_guessed, lee.date_zone_guessed) == (True, False)
    assert [m.author_name for m in parse_thread(PRINTED)] == ["Ana Steward", "Lee Counsel"]


def test_a_printed_time_only_the_header_reader_understands_is_a_guessed_zone() -> None:
    # a two-digit year: the loose reader gives up, the Date header reader assumes UTC
    text = PRINTED.replace("Mon, Mar 3, 2025 at 11:15 AM", "Mon, 3 Mar 25 11:15")
    ana, lee = (c[-1] for c in _chains_from_printed(text))
    assert (ana.date, ana.date_zone_guessed) == (datetime(2025, 3, 3, 11, 15, tzinfo=UTC), True)
    assert lee.date_zone_guessed is False


# ---- a HyperKitty page -----------------------------------------------------------------------


def hyperkitty(monkeypatch: pytest.MonkeyPatch, mails: list[ArchivedMail]) -> list[list[Message]]:
    monkeypatch.setattr(parse, "split_hyperkitty", lambda markup: ("MG-BY 2.0", mails))
    return _chains_from_hyperkitty("<page>")


def test_each_archived_mail_answers_the_nearest_mail_above_it_one_level_up(monkeypatch) -> None:
    chains = hyperkitty(
        monkeypatch,
        [
            ArchivedMail("A", "Pat Steward", "May 6, 2025, 10:00 am", 0, "I submit the license."),
            ArchivedMail("B", "Lee Counsel", "May 6, 2025, 4:15 pm", 1, "Section 2 restricts use."),
            ArchivedMail("C", "pat@example.org", "May 7, 2025, 12:00 pm", 2, "It does not."),
            ArchivedMail("D", "Lee Counsel", "May 7, 2025, 9:05 pm", 1, "Also section 3."),
            ArchivedMail("E", "Ann Lee", "May 8, 2025, 9:00 am", 1, "Me too."),
            ArchivedMail("F", "Bo Ek", "May 8, 2025, 9:30 am", 3, "Deep."),
        ],
    )
    top = [c[-1] for c in chains]
    assert [(m.message_id, m.in_reply_to) for m in top] == [
        ("hyperkitty:A", None),
        ("hyperkitty:B", "hyperkitty:A"),
        ("hyperkitty:C", "hyperkitty:B"),
        ("hyperkitty:D", "hyperkitty:A"),
        ("hyperkitty:E", "hyperkitty:A"),
        ("hyperkitty:F", "hyperkitty:E"),
    ]
    assert who(top[:3]) == [("Pat Steward", None), ("Lee Counsel", None), ("", "pat@example.org")]
    assert top[0].date == datetime(2025, 5, 6, 10, 0, tzinfo=UTC)
    assert all(m.date_zone_guessed and m.subject == "MG-BY 2.0" for m in top)


def test_a_second_mail_at_the_top_level_answers_nothing(monkeypatch) -> None:
    chains = hyperkitty(
        monkeypatch,
        [
            ArchivedMail("A", "Pat Steward", "", 0, "First."),
            ArchivedMail("B", "Lee Counsel", "", 0, "Second, a new thread."),
        ],
    )
    assert [(c[-1].in_reply_to, c[-1].date, c[-1].date_zone_guessed) for c in chains] == [
        (None, None, False)
    ] * 2


def test_an_archived_mail_with_no_words_is_not_imported_nor_a_parent(monkeypatch) -> None:
    chains = hyperkitty(
        monkeypatch,
        [
            ArchivedMail("A", "Pat Steward", "", 0, "First."),
            ArchivedMail("B", "Lee Counsel", "", 1, " \n "),
            ArchivedMail("C", "Ann Lee", "", 2, "Answering the empty one."),
        ],
    )
    assert [(c[-1].message_id, c[-1].in_reply_to) for c in chains] == [
        ("hyperkitty:A", None),
        ("hyperkitty:C", "hyperkitty:A"),
    ]


def test_markers_of_an_archive_in_plain_text_do_not_make_a_page() -> None:
    text = 'The page had class="email-header" and class="email-body" under <div class="email"> here.\n'
    [msg] = parse_thread(text)
    assert msg.body == text.strip()


def test_a_hyperkitty_page_is_read_as_its_mails() -> None:
    page = (
        '<html><body><div class="thread-header"><h3>MG-BY</h3></div>'
        '<div class="email"><div id="K1" class="email-header"><h2 class="name">Pat Steward</h2></div>'
        '<div class="email-body">Section 2 is new.</div><div class="email-info"></div></div></body></html>'
    )
    [pat] = parse_thread(page)
    assert (pat.author_name, pat.message_id, pat.subject, pat.body) == (
        "Pat Steward",
        "hyperkitty:K1",
        "MG-BY",
        "Section 2 is new.",
    )


# ---- a pipermail page and other HTML ----------------------------------------------------------


PIPERMAIL = """<HTML><HEAD><TITLE>[LR] notice</TITLE></HEAD><BODY>
<H1>[LR] notice</H1>
<B>Pamela Ortiz</B>
{link}
<I>Wed May 14 09:02:11 EDT 2025</I>
<!--beginarticle-->
<PRE>Section 2 covers synthetic data.
</PRE>
<!--endarticle-->
</BODY></HTML>
"""


def test_a_pipermail_page_names_its_author_with_the_address_it_shows() -> None:
    link = '<A HREF="mailto:lr%40lists.example.org?In-Reply-To=%3Cq1%40example.net%3E">pamela at example.org</A><BR>'
    [pam] = parse_thread(PIPERMAIL.format(link=link))
    assert (pam.author_name, pam.author_email, pam.in_reply_to) == (
        "Pamela Ortiz",
        "pamela@example.org",
        "q1@example.net",
    )
    assert (pam.subject, pam.body) == ("[LR] notice", "Section 2 covers synthetic data.")
    assert pam.date == datetime(2025, 5, 14, 9, 2, 11, tzinfo=timezone(timedelta(hours=-4)))


def test_a_pipermail_page_without_an_address_names_its_author_only() -> None:
    [pam] = parse_thread(PIPERMAIL.format(link=""))
    assert (pam.author_name, pam.author_email, pam.in_reply_to) == ("Pamela Ortiz", None, None)


def test_other_html_is_read_as_its_text_with_escapes_undone() -> None:
    [msg] = parse_thread(
        "<div>Section 2 isn\\u2019t fine.</div><div><br></div><div>Regards,<br>Sam Reviewer</div>"
    )
    assert (msg.author_name, msg.body) == ("Sam Reviewer", "Section 2 isn’t fine.")


def test_a_paste_signed_by_name_is_by_that_name() -> None:
    [msg] = _chain_from_text("Section 3 is fine.\n\nRegards,\nSam Reviewer\n")
    assert (msg.author_name, msg.author_email, msg.body) == ("Sam Reviewer", None, "Section 3 is fine.")


def test_a_paste_of_quotes_only_is_the_quoted_messages_only() -> None:
    [ann] = _chain_from_text("Ann Lee wrote:\n> Section 3 is fine.\n")
    assert (ann.author_name, ann.body, ann.quoted) == ("Ann Lee", "Section 3 is fine.", True)


def test_a_pasted_list_footer_is_not_the_authors_words() -> None:
    [msg] = parse_thread("Section 3 is fine.\n" + LIST_FOOTER)
    assert msg.body == "Section 3 is fine."


# ---- the text before it is read ----------------------------------------------------------------

EML = "From: Ann Lee <ann@example.org>\nDate: Mon, 5 May 2025 10:00:00 +0000\nSubject: s3\n\nSection 3 is fine.\n"


@pytest.mark.parametrize("form", ["\ufeff", "\r\n", "\r", "  \n"], ids=["bom", "crlf", "cr", "blank-lines"])
def test_a_byte_order_mark_line_ends_and_blank_lines_above_do_not_hide_a_mail(form: str) -> None:
    text = "\ufeff" + EML if form == "\ufeff" else form + EML if form == "  \n" else EML.replace("\n", form)
    [ann] = parse_thread(text)
    # read as the mail, not as a pasted header block quoted by nobody
    assert (ann.author_name, ann.author_email, ann.quoted, ann.body) == (
        "Ann Lee",
        "ann@example.org",
        False,
        "Section 3 is fine.",
    )


def test_letters_at_the_start_are_not_taken_for_a_byte_order_mark() -> None:
    [xavier] = parse_thread("XXL models need section 3.\n\nXavier Roe wrote:\n> Section 3 is fine.\n")[:1]
    assert (xavier.author_name, xavier.body) == ("Xavier Roe", "Section 3 is fine.")
    assert parse_thread("XXL models need section 3.\n")[0].body == "XXL models need section 3."


def test_blank_text_is_no_messages() -> None:
    assert parse_thread("\ufeff \r\n\t\r") == []


# ---- what escapes parse_thread ---------------------------------------------------------------


def test_parse_thread_wants_text() -> None:
    with pytest.raises(MailFormatError) as caught:
        parse_thread(b"From: Ann")  # type: ignore[arg-type]
    assert str(caught.value) == "Expected text; use parse_thread_bytes() for files."


def fail_with(monkeypatch: pytest.MonkeyPatch, name: str, exc: BaseException) -> None:
    def boom(*args, **kwargs):
        raise exc

    monkeypatch.setattr(parse, name, boom)


def test_a_failure_inside_comes_out_as_a_mail_format_error_naming_it(monkeypatch) -> None:
    fail_with(monkeypatch, "_assemble", KeyError("x"))
    with pytest.raises(MailFormatError) as caught:
        parse_thread("Section 3 is fine.\n")
    assert str(caught.value) == "Could not read this as mail (KeyError)."
    assert isinstance(caught.value.__cause__, KeyError)


def test_mail_nested_too_deeply_is_said_so(monkeypatch) -> None:
    fail_with(monkeypatch, "_assemble", RecursionError())
    with pytest.raises(MailFormatError) as caught:
        parse_thread("Section 3 is fine.\n")
    assert str(caught.value) == "This mail is nested too deeply to read."
    assert isinstance(caught.value.__cause__, RecursionError)


def test_a_mail_format_error_inside_comes_out_as_it_is(monkeypatch) -> None:
    fail_with(monkeypatch, "_assemble", MailFormatError("Our own words."))
    with pytest.raises(MailFormatError) as caught:
        parse_thread("Section 3 is fine.\n")
    assert str(caught.value) == "Our own words."
    with pytest.raises(MailFormatError) as caught:
        parse_thread_bytes(EML.encode())
    assert str(caught.value) == "Our own words."


# ---- uploaded bytes ----------------------------------------------------------------------------


def test_parse_thread_bytes_wants_bytes() -> None:
    with pytest.raises(MailFormatError) as caught:
        parse_thread_bytes(EML)  # type: ignore[arg-type]
    assert str(caught.value) == "Expected bytes."


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_any_bytes_like_upload_is_read(kind) -> None:
    [ann] = parse_thread_bytes(kind(EML.encode()))
    assert (ann.author_name, ann.body) == ("Ann Lee", "Section 3 is fine.")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + EML.encode(),
        EML.encode("utf-16"),
        b"\xfe\xff" + EML.encode("utf-16-be"),
        b"\xff\xfe" + EML.encode("utf-16-le"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-be", "utf-16-le"],
)
def test_a_byte_order_mark_says_how_the_file_is_encoded(data: bytes) -> None:
    [ann] = parse_thread_bytes(data)
    assert (ann.author_name, ann.body) == ("Ann Lee", "Section 3 is fine.")


def test_a_gzipped_upload_is_read_within_its_limit() -> None:
    packed = gzip.compress(EML.encode())
    assert [m.author_name for m in parse_thread_bytes(packed, max_unpacked=len(EML))] == ["Ann Lee"]
    with pytest.raises(MailFormatError, match="over the"):
        parse_thread_bytes(packed, max_unpacked=len(EML) - 1)


def test_a_gzipped_upload_is_held_to_the_import_limit_by_default() -> None:
    with pytest.raises(MailFormatError, match="over the 5 MiB limit"):
        parse_thread_bytes(gzip.compress(b"x" * (MAX_UNPACKED + 1)))


def test_three_nuls_in_the_first_8192_bytes_are_binary() -> None:
    with pytest.raises(MailFormatError) as caught:
        parse_thread_bytes(b"Section 3\x00\x00\x00 is fine.")
    assert str(caught.value) == BINARY
    [msg] = parse_thread_bytes(b"a" * 8190 + b"\x00\x00\x00")
    assert msg.body == "a" * 8190


def test_bytes_that_are_not_utf8_read_as_the_charset_a_page_declares() -> None:
    page = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    page += b"<body><p>\x93Output\x94 is too broad.</p></body></html>"
    [msg] = parse_thread_bytes(page)
    assert msg.body == "“Output” is too broad."


def test_a_declared_charset_is_looked_for_within_200_characters_of_meta() -> None:
    def page(pad: int) -> bytes:
        return (
            b'<html><head><meta name="x" '
            + b"a" * pad
            + b' charset="koi8-r"></head><body><p>\xf3\xc5\xcb\xc3\xc9\xd1 3.</p></body></html>'
        )

    assert parse_thread_bytes(page(189))[0].body == "Секция 3."
    assert parse_thread_bytes(page(190))[0].body == "óÅËÃÉÑ 3."  # else Latin-1


def test_bytes_that_are_not_utf8_and_declare_nothing_are_windows_1252() -> None:
    [msg] = parse_thread_bytes("Section 3 isn’t “fine” – à revoir…\n".encode("cp1252"))
    assert msg.body == "Section 3 isn’t “fine” – à revoir…"


def test_bytes_that_are_not_windows_1252_either_are_latin1() -> None:
    [msg] = parse_thread_bytes(b"Section 3 \x81 \xe0 revoir.\n")  # 0x81 has no Windows-1252 character
    assert msg.body == "Section 3 \x81 à revoir."


def test_nuls_are_counted_in_the_bytes_before_a_declared_charset_can_hide_them() -> None:
    data = b'<meta charset="utf-16"><p>' + b"\xff\x41\x00\x42\x00\x43\x00\x44"  # three NULs
    with pytest.raises(MailFormatError) as caught:
        parse_thread_bytes(data)
    assert str(caught.value) == BINARY


def test_a_utf16_file_with_a_broken_character_is_still_read() -> None:
    data = "\ufeff".encode("utf-16-le") + EML.replace("fine", "fine\udc00").encode(
        "utf-16-le", "surrogatepass"
    )
    [ann] = parse_thread_bytes(data)
    assert (ann.author_name, ann.body) == ("Ann Lee", "Section 3 is fine\ufffd.")


@pytest.mark.parametrize("lead", [b"\xef\xbb\xbf", b"\n\n", b" \n"], ids=["bom", "blank-lines", "spaces"])
def test_an_uploaded_mail_behind_a_bom_or_blank_lines_still_reads_each_part_in_its_charset(
    lead: bytes,
) -> None:
    [zoe] = parse_thread_bytes(lead + MIXED_EML)
    assert (zoe.author_name, zoe.body) == ("Zoe Park", "Zoë agrees.")


MIXED_EML = (
    b"From: Zoe Park <zoe@example.com>\nDate: Fri, 16 May 2025 08:00:00 +0000\nSubject: s\nMIME-Version: 1.0\n"
    b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n'
    b"Content-Transfer-Encoding: 8bit\n\n" + "Zoë agrees.\n".encode() + b"--b\n"
    b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n"
    + "José too.\n".encode("latin-1")
    + b"--b--\n"
)


def test_an_uploaded_mail_reads_each_part_in_its_own_charset() -> None:
    [zoe] = parse_thread_bytes(MIXED_EML)
    assert zoe.body == "Zoë agrees."


def test_an_uploaded_mbox_reads_each_mail_in_its_own_charset() -> None:
    mbox = (
        b"From zoe@example.com Fri May 16 08:00:00 2025\nFrom: Zoe Park <zoe@example.com>\n"
        b"Date: Fri, 16 May 2025 08:00:00 +0000\nSubject: s\nContent-Type: text/plain; charset=utf-8\n\n"
        + "Zoë agrees.\n".encode()
        + b"\nFrom jose@example.net Fri May 16 09:00:00 2025\nFrom: Jose <jose@example.net>\n"
        b"Date: Fri, 16 May 2025 09:00:00 +0000\nSubject: s\nContent-Type: text/plain; charset=iso-8859-1\n\n"
        + "José too.\n".encode("latin-1")
    )
    assert bodies(parse_thread_bytes(mbox)) == ["Zoë agrees.", "José too."]
    assert bodies(parse_thread_bytes(mbox.replace(b"\n", b"\r\n"))) == ["Zoë agrees.", "José too."]
    assert bodies(parse_thread_bytes(b"\n\n" + mbox)) == ["Zoë agrees.", "José too."]


def test_an_uploaded_mbox_with_crlf_line_ends_splits_at_bare_envelope_lines() -> None:
    mbox = (
        b"From zoe@example.com\nFrom: Zoe Park <zoe@example.com>\nDate: Fri, 16 May 2025 08:00:00 +0000\n"
        b"Subject: s\n\nFirst.\n\nFrom jose@example.net\nFrom: Jose <jose@example.net>\n"
        b"Date: Fri, 16 May 2025 09:00:00 +0000\nSubject: s\n\nSecond.\n"
    ).replace(b"\n", b"\r\n")
    messages = parse_thread_bytes(mbox)
    assert who(messages) == [("Zoe Park", "zoe@example.com"), ("Jose", "jose@example.net")]
    assert [(m.body, m.quoted) for m in messages] == [("First.", False), ("Second.", False)]


@pytest.mark.parametrize("where", ["read_messages", "parse_eml_all"])
def test_a_failure_reading_uploaded_mail_comes_out_as_a_mail_format_error(monkeypatch, where: str) -> None:
    fail_with(monkeypatch, where, KeyError("x"))
    data = (
        MIXED_EML
        if where == "read_messages"
        else b"From zoe@example.com Fri May 16 08:00:00 2025\n" + MIXED_EML
    )
    with pytest.raises(MailFormatError) as caught:
        parse_thread_bytes(data)
    assert str(caught.value) == "Could not read this as mail (KeyError)."
    assert isinstance(caught.value.__cause__, KeyError)


# ---- one thread from the chains: copies -------------------------------------------------------

LONG = "Section 3 is fine for all of us who ship models."  # more than 40 characters of words


def test_a_whole_message_seen_twice_under_one_message_id_is_kept_once() -> None:
    first = mail("Ann Lee", "ann@example.org", T0, LONG, mid="a1")
    again = mail("Ann Lee", "ann@example.org", T0, "Another copy.", mid="a1")
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=1), "No.", irt="a1")
    assert _assemble([[first], [again], [bo]]) == [first, bo]
    assert bo.reply_to == 0


def test_a_quoted_copy_by_the_same_author_with_the_same_words_is_the_whole_message() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, LONG)
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=1), "No.")
    result = _assemble([[ann], [mail("Ann Lee", quoted=True, body=LONG), bo]])
    assert result == [ann, bo]
    assert (ann.quoted, bo.reply_to) == (False, 0)


def test_the_same_words_by_another_author_are_another_message() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, LONG)
    cy = mail("Cy Moss", quoted=True, body=LONG)
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=1), "No.")
    assert _assemble([[ann], [cy, bo]]) == [ann, cy, bo]


def test_one_quote_in_two_replies_is_one_message() -> None:
    q1, q2 = mail("Ann Lee", quoted=True, body=LONG), mail("Ann Lee", quoted=True, body=LONG)
    bo = mail("Bo Ek", None, T0, "No.")
    cy = mail("Cy Moss", None, T0 + timedelta(hours=1), "Yes.")
    assert _assemble([[q1, bo], [q2, cy]]) == [q1, bo, cy]
    assert (bo.reply_to, cy.reply_to) == (0, 0)


def test_a_shorter_quote_of_a_quote_is_not_searched_among_quotes() -> None:
    # only whole messages are searched for the words of a quote; quotes match by equal words
    q1 = mail("Ann Lee", quoted=True, body=LONG + " And more.")
    q2 = mail("Ann Lee", quoted=True, body=LONG)
    bo, cy = mail("Bo Ek", None, T0, "No."), mail("Cy Moss", None, T0 + timedelta(hours=1), "Yes.")
    assert _assemble([[q1, bo], [q2, cy]]) == [q1, bo, q2, cy]


def test_a_quote_over_nothing_but_deeper_quotes_is_dropped() -> None:
    bo = mail("Bo Ek", None, T0, "No.")
    assert _assemble([[mail("Ann Lee", quoted=True, body=""), bo]]) == [bo]


def test_a_quote_of_punctuation_only_is_kept_as_it_is() -> None:
    ann, bo = (
        mail("Ann Lee", "ann@example.org", T0, "?!"),
        mail("Bo Ek", None, T0 + timedelta(hours=1), "No."),
    )
    q = mail("Ann Lee", quoted=True, body="?!")
    assert _assemble([[ann], [q, bo]]) == [ann, q, bo]


def reply_quoting(quote: Message, *, irt: str | None = None) -> list[Message]:
    return [quote, mail("Bo Ek", "bo@example.org", T0 + timedelta(days=9), "Answer.", irt=irt)]


def test_a_short_quote_is_the_message_its_quoter_answers_when_that_holds_its_words() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Dear all, I submit the license. " + LONG, mid="a1")
    short = mail("Ann Lee", quoted=True, body="Dear all, I submit")
    chains = [[ann], reply_quoting(short, irt="a1")]
    assert _assemble(chains) == [ann, chains[1][1]]


def test_the_answered_message_must_hold_the_words_and_be_by_the_quoted_author() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Dear all, I submit the license. " + LONG, mid="a1")
    other_words = mail("Ann Lee", quoted=True, body="Dear all, I withdraw")
    assert len(_assemble([[ann], reply_quoting(other_words, irt="a1")])) == 3
    ann = mail("Ann Lee", "ann@example.org", T0, "Dear all, I submit the license. " + LONG, mid="a1")
    other_author = mail("Cy Moss", quoted=True, body="Dear all, I submit")
    assert len(_assemble([[ann], reply_quoting(other_author, irt="a1")])) == 3


def test_a_short_undated_quote_without_an_answered_message_is_its_own() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Dear all, I submit the license. " + LONG, mid="a1")
    short = mail("Ann Lee", quoted=True, body="Dear all, I submit")
    assert len(_assemble([[ann], reply_quoting(short)])) == 3
    short = mail("Ann Lee", quoted=True, body="Dear all, I submit")
    assert len(_assemble([[ann], [short]])) == 2  # a quote nobody's mail carries: no quoter


def test_a_short_quote_is_its_authors_message_only_within_two_minutes() -> None:
    def count(delta: timedelta | None, whole_date: datetime | None = T0) -> int:
        ann = mail("Ann Lee", "ann@example.org", whole_date, "I submit the license. " + LONG)
        short = mail(
            "Ann Lee", quoted=True, body="I submit the license.", when=None if delta is None else T0 + delta
        )
        return len(_assemble([[ann], reply_quoting(short)]))

    assert count(timedelta(seconds=120)) == 2
    assert count(timedelta(seconds=-120)) == 2
    assert count(timedelta(seconds=121)) == 3
    assert count(timedelta(seconds=0), whole_date=None) == 3


def test_forty_characters_of_words_are_no_longer_short() -> None:
    words40 = "abcdefghij abcdefghij abcdefghij abcdefg"  # 40 characters once normalised
    for words, expected in ((words40, 2), (words40[:-1], 3)):
        ann = mail("Ann Lee", "ann@example.org", T0, "Before. " + words + " after.")
        quote = mail("Ann Lee", quoted=True, body=words)  # undated: only a long one can match
        assert len(_assemble([[ann], reply_quoting(quote)])) == expected, words


def test_a_long_quote_is_its_authors_message_within_four_days() -> None:
    def count(quote_date: datetime | None, whole_date: datetime | None = T0) -> int:
        ann = mail("Ann Lee", "ann@example.org", whole_date, "Before. " + LONG)
        return len(
            _assemble([[ann], reply_quoting(mail("Ann Lee", quoted=True, body=LONG, when=quote_date))])
        )

    assert count(T0 + timedelta(days=3, hours=23, minutes=59)) == 2
    assert count(T0 - timedelta(days=3, hours=23, minutes=59)) == 2
    assert count(T0 + timedelta(days=4)) == 3
    assert count(None) == 2
    assert count(T0, whole_date=None) == 2


def test_a_long_quote_must_be_found_in_the_words_of_the_whole_message() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Something else entirely, said at length.")
    assert len(_assemble([[ann], reply_quoting(mail("Ann Lee", quoted=True, body=LONG))])) == 3


def test_a_long_quote_is_only_its_own_authors_message() -> None:
    # the author search is by address: a message filed under that key by name is checked again
    ann = mail("x@example.org", "ann@example.org", T0, "Before. " + LONG)
    odd = mail("Cy Moss", "x example org", quoted=True, body=LONG)
    assert len(_assemble([[ann], reply_quoting(odd)])) == 3


def test_a_quote_repeats_the_latest_of_its_authors_messages_that_hold_its_words() -> None:
    older = mail("Ann Lee", "ann@example.org", T0, "First. " + LONG)
    newer = mail("Ann Lee", "ann@example.org", T0 + timedelta(hours=1), "Second. " + LONG)
    bo = reply_quoting(mail("Ann Lee", quoted=True, body=LONG))[1]
    result = _assemble([[older], [newer], [mail("Ann Lee", quoted=True, body=LONG), bo]])
    assert result == [older, newer, bo]
    assert bo.reply_to == 1


def test_a_quoted_name_with_two_addresses_still_finds_its_message_by_its_words() -> None:
    ann1 = mail("Ann Lee", "ann@example.org", T0, "Before. " + LONG)
    ann2 = mail(
        "Ann Lee", "ann@other.example", T0 + timedelta(hours=1), "Something else entirely, said at length."
    )
    quote = mail("Ann Lee", quoted=True, body=LONG)
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=2), "Answer.")
    assert _assemble([[ann1], [ann2], [quote, bo]]) == [ann1, ann2, bo]
    assert bo.reply_to == 0


def test_only_an_authors_latest_500_messages_are_searched_for_a_quote() -> None:
    for count, expected in ((500, 502), (501, 504)):
        own = [
            [
                mail(
                    "Ann Lee",
                    "ann@example.org",
                    T0 + timedelta(minutes=k),
                    f"Message number {k} says: " + LONG + f" Ends {k}.",
                )
            ]
            for k in range(count)
        ]
        quote = mail("Ann Lee", quoted=True, body="Message number 0 says: " + LONG)
        bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(days=1), "Answer.")
        # 500: the quote is the first message; 501: out of reach, it is a message of its own
        assert len(_assemble([*own, [quote, bo]])) == expected - 1, count


# ---- one thread from the chains: order and replies ---------------------------------------------


def test_a_quote_is_older_than_its_quoter_whatever_time_it_was_given() -> None:
    ann = mail("Ann Lee", quoted=True, body=LONG, when=T0 + timedelta(hours=2), guessed=True)
    bo = mail("Bo Ek", None, T0, "No.")
    assert _assemble([[ann, bo]]) == [ann, bo]
    assert (ann.reply_to, bo.reply_to) == (None, 0)


def test_written_dates_more_than_ten_minutes_apart_overrule_the_nesting() -> None:
    # header blocks pasted oldest first read as nesting; the dates with their zones say otherwise
    for gap, order in ((601, "newer first"), (600, "nesting")):
        later = mail("Ann Lee", quoted=True, body=LONG, when=T0 + timedelta(seconds=gap))
        bo = mail("Bo Ek", None, T0, "No.")
        result = _assemble([[later, bo]])
        assert result == ([bo, later] if order == "newer first" else [later, bo]), gap
        assert result[1].reply_to == 0


def test_an_in_reply_to_naming_the_quoter_overrules_the_nesting() -> None:
    sam = mail("Sam Steward", quoted=True, body="And section 2.3 too.", irt="a1")
    lena = mail("Lena Jurist", None, None, "Section 2.2(b) is a duty.", mid="a1")
    assert _assemble([[sam, lena]]) == [lena, sam]
    assert sam.reply_to == 0


def test_a_reply_names_the_message_it_answers_across_chains() -> None:
    bo = mail("Bo Ek", None, T0, "No.", irt="a1")
    ann = mail("Ann Lee", None, T0 + timedelta(hours=1), "Section 3.", mid="a1")
    other = mail("Cy Moss", None, T0 + timedelta(minutes=30), "Unrelated.", irt="unknown")
    assert _assemble([[bo], [ann], [other]]) == [other, ann, bo]
    assert (other.reply_to, ann.reply_to, bo.reply_to) == (None, None, 1)


def test_a_message_that_answers_itself_answers_nothing() -> None:
    ann = mail("Ann Lee", None, T0, "Section 3.", mid="a1", irt="a1")
    bo = mail("Bo Ek", None, T0 + timedelta(hours=1), "No.")
    assert _assemble([[bo], [ann]]) == [ann, bo]
    assert (ann.reply_to, bo.reply_to) == (None, None)


def test_a_quote_that_is_its_own_quoter_is_one_message_in_its_place() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, LONG)
    copy = mail("Ann Lee", quoted=True, body=LONG)
    bo = mail("Bo Ek", None, T0 + timedelta(hours=1), "No.")
    assert _assemble([[copy, ann], [bo]]) == [ann, bo]
    assert ann.reply_to is None


def test_messages_go_by_date_undated_last_in_the_order_given() -> None:
    a, b = mail("Ann Lee", None, T0 + timedelta(hours=1), "One."), mail("Bo Ek", None, None, "Two.")
    c, d = mail("Cy Moss", None, T0, "Three."), mail("Di Roe", None, None, "Four.")
    assert _assemble([[a], [b], [c], [d]]) == [c, a, b, d]
    assert _assemble([[d], [c], [b], [a]]) == [c, a, d, b]
    assert [m.reply_to for m in (a, b, c, d)] == [None] * 4


def test_an_undated_quote_is_placed_by_its_quoters_date() -> None:
    q, w = mail("Ann Lee", quoted=True, body=LONG), mail("Bo Ek", None, T0, "No.")
    other = mail("Cy Moss", None, T0 + timedelta(minutes=30), "Unrelated.")
    assert _assemble([[other], [q, w]]) == [q, w, other]


def test_a_quote_dated_before_its_quoter_is_placed_by_its_own_date() -> None:
    q, w = (
        mail("Ann Lee", quoted=True, body=LONG, when=T0 - timedelta(days=1), guessed=True),
        mail("Bo Ek", None, T0 + timedelta(hours=2), "No."),
    )
    other = mail("Cy Moss", None, T0, "Unrelated.")
    assert _assemble([[other], [q, w]]) == [q, other, w]


def test_a_quote_dated_after_its_quoter_is_placed_by_its_quoters_date() -> None:
    q, w = (
        mail("Ann Lee", quoted=True, body=LONG, when=T0 + timedelta(hours=5), guessed=True),
        mail("Bo Ek", None, T0, "No."),
    )
    other = mail("Cy Moss", None, T0 + timedelta(hours=1), "Unrelated.")
    assert _assemble([[other], [q, w]]) == [q, w, other]


@pytest.mark.parametrize("depth", [1, 2, 3, 4, 6])
def test_quotes_however_deep_are_placed_by_their_quoters_date(depth: int) -> None:
    quotes = [
        mail(f"Writer {k}", quoted=True, body=f"Quoted words of writer {k}.") for k in range(depth, 0, -1)
    ]
    kai = mail("Kai Turner", None, T0, "Kai's words.")
    eve = mail("Eve Stone", None, T0 + timedelta(hours=1), "Eve's words.")
    assert _assemble([[eve], [*quotes, kai]]) == [*quotes, kai, eve]


def test_a_deeply_quoted_mail_keeps_its_place_in_an_mbox() -> None:
    kai = (
        "From kai@example.org Fri May 16 10:00:00 2025\nFrom: Kai Turner <kai@example.org>\n"
        "Date: Fri, 16 May 2025 10:00:00 +0000\nSubject: Re: x\nMessage-ID: <k@example.org>\n\n"
        "Kai's words.\n\nDan wrote:\n> Dan's words.\n>\n> Cy wrote:\n>> Cy's words.\n>>\n"
        ">> Bo wrote:\n>>> Bo's words.\n>>>\n>>> Ann wrote:\n>>>> Ann's words.\n"
    )
    eve = (
        "From eve@example.org Fri May 16 11:00:00 2025\nFrom: Eve Stone <eve@example.org>\n"
        "Date: Fri, 16 May 2025 11:00:00 +0000\nSubject: other\nMessage-ID: <e@example.org>\n\nEve's words.\n"
    )
    messages = parse_thread(kai + "\n" + eve)
    assert [m.author_name for m in messages] == ["Ann", "Bo", "Cy", "Dan", "Kai Turner", "Eve Stone"]


def test_messages_answering_each_other_in_a_loop_are_kept_by_date() -> None:
    a = mail("Ann Lee", None, T0 + timedelta(hours=1), "One.", mid="a", irt="b")
    b = mail("Bo Ek", None, T0, "Two.", mid="b", irt="a")
    c = mail("Cy Moss", None, T0 + timedelta(hours=2), "Three.")
    d = mail("Di Roe", None, T0, "Four.", mid="d", irt="e")
    e = mail("Ed Wu", None, T0, "Five.", mid="e", irt="d")
    assert _assemble([[a], [b], [c], [d], [e]]) == [c, b, d, e, a]
    assert [m.reply_to for m in (c, b, d, e, a)] == [None, None, None, 2, 1]


def test_a_reply_answers_the_latest_earlier_message_it_is_linked_to() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Section 3 is fine.", mid="a1")
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=1), LONG, mid="b1", irt="a1")
    cy = mail("Cy Moss", "cy@example.org", T0 + timedelta(hours=2), "Agreed with both.", irt="a1")
    assert _assemble([[ann], [bo], [mail("Bo Ek", quoted=True, body=LONG), cy]]) == [ann, bo, cy]
    assert (ann.reply_to, bo.reply_to, cy.reply_to) == (None, 0, 1)


def test_each_message_gets_the_clause_references_in_its_own_words() -> None:
    ann = mail("Ann Lee", None, T0, "See section 2.2(b).")
    [result] = _assemble([[ann]])
    assert result.clause_refs == [ClauseRef("2.2(b)", 0.95, "section")]


# ---- second round: rules the first cases left open -------------------------------------------


def test_an_empty_quote_in_the_middle_does_not_cut_the_chain() -> None:
    ann = mail("Ann Lee", quoted=True, body=LONG)
    bo = mail("Bo Ek", None, T0, "No.")
    other = mail("Cy Moss", None, T0 + timedelta(minutes=30), "Unrelated.")
    assert _assemble([[other], [ann, mail("Di Roe", quoted=True, body=""), bo]]) == [ann, bo, other]
    assert bo.reply_to == 0


def test_the_quoter_of_a_quote_is_the_message_after_it_in_the_chain() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Dear all, I submit the license. " + LONG, mid="a1")
    deeper = mail("Cy Moss", quoted=True, body="Something older, said at some length here.")
    short = mail("Ann Lee", quoted=True, body="Dear all, I submit")
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(days=9), "Answer.", irt="a1")
    assert _assemble([[ann], [deeper, short, bo]]) == [deeper, ann, bo]


def test_a_quote_repeated_at_two_levels_does_not_cut_the_chain() -> None:
    cy = mail("Cy Moss", quoted=True, body="Older words from Cy.")
    a1, a2 = mail("Ann Lee", quoted=True, body=LONG), mail("Ann Lee", quoted=True, body=LONG)
    bo = mail("Bo Ek", None, T0, "No.")
    other = mail("Di Roe", None, T0 + timedelta(minutes=30), "Unrelated.")
    assert _assemble([[other], [cy, a1, a2, bo]]) == [cy, a1, bo, other]
    assert (a1.reply_to, bo.reply_to) == (0, 1)


def test_a_reply_waits_for_every_message_it_answers() -> None:
    # Cy's clock is five minutes behind: dated before Bo, whose words Cy quotes; Bo answers Ann
    ann = mail("Ann Lee", "ann@example.org", T0, "Section 3 is fine.", mid="a1")
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=2), LONG, mid="b1", irt="a1")
    cy = mail("Cy Moss", "cy@example.org", T0 + timedelta(hours=1, minutes=55), "Agreed with both.", irt="a1")
    assert _assemble([[ann], [bo], [mail("Bo Ek", quoted=True, body=LONG), cy]]) == [ann, bo, cy]
    assert cy.reply_to == 1


def test_the_latest_earlier_message_wins_whatever_order_the_chains_came_in() -> None:
    ann = mail("Ann Lee", "ann@example.org", T0, "Section 3 is fine.", mid="a1")
    bo = mail("Bo Ek", "bo@example.org", T0 + timedelta(hours=1), LONG)
    cy = mail("Cy Moss", "cy@example.org", T0 + timedelta(hours=2), "Agreed with both.", irt="a1")
    assert _assemble([[bo], [ann], [mail("Bo Ek", quoted=True, body=LONG), cy]]) == [ann, bo, cy]
    assert cy.reply_to == 1


def test_a_message_in_a_loop_keeps_the_earlier_message_it_answers() -> None:
    p = mail("Pat Roe", "pat@example.org", T0, LONG)
    e = mail("Ed Wu", None, T0 + timedelta(hours=1), "Five.", mid="e", irt="d")
    d = mail("Di Roe", None, T0 + timedelta(hours=2), "Four.", mid="d", irt="e")
    assert _assemble([[p], [d], [mail("Pat Roe", quoted=True, body=LONG), e]]) == [p, e, d]
    assert [m.reply_to for m in (p, e, d)] == [None, 0, 1]


def test_an_author_known_by_name_only_has_500_messages_searched_too() -> None:
    for count, expected in ((500, 501), (501, 503)):
        own = [
            [
                mail(
                    "Ann Lee",
                    None,
                    T0 + timedelta(minutes=k),
                    f"Message number {k} says: " + LONG + f" Ends {k}.",
                )
            ]
            for k in range(count)
        ]
        quote = mail("Ann Lee", quoted=True, body="Message number 0 says: " + LONG)
        bo = mail("Bo Ek", None, T0 + timedelta(days=1), "Answer.")
        assert len(_assemble([*own, [quote, bo]])) == expected, count


def test_a_reply_in_a_saved_replies_fragment_answers_nothing_above_the_page(monkeypatch) -> None:
    chains = hyperkitty(
        monkeypatch,
        [
            ArchivedMail("B", "Lee Counsel", "", 1, "A reply."),
            ArchivedMail("C", "Ann Lee", "", 2, "Its reply."),
        ],
    )
    assert [(c[-1].message_id, c[-1].in_reply_to) for c in chains] == [
        ("hyperkitty:B", None),
        ("hyperkitty:C", "hyperkitty:B"),
    ]


FOOTER_LEFTOVERS = (
    "lists.example.org>\nSection 3 is fine.\nexample.org>\n\nOn Mon, 5 May 2025 at 10:00, Ann Lee wrote:\n"
    "> lists.example.org>\n> Section 2 is not.\n> example.org>\n" + LIST_FOOTER
)


def test_with_a_list_footer_stray_pieces_of_addresses_at_either_end_are_dropped() -> None:
    ann, bo = _chain_from_mail(raw(FOOTER_LEFTOVERS))
    assert (ann.body, bo.body) == ("Section 2 is not.", "Section 3 is fine.")
    ann, nobody = _chain_from_text(FOOTER_LEFTOVERS)
    assert (ann.body, nobody.body) == ("Section 2 is not.", "Section 3 is fine.")


def test_without_a_list_footer_pieces_of_addresses_are_words() -> None:
    text = FOOTER_LEFTOVERS.replace(LIST_FOOTER, "")
    ann, bo = _chain_from_mail(raw(text))
    assert (ann.body, bo.body) == (
        "lists.example.org>\nSection 2 is not.\nexample.org>",
        "lists.example.org>\nSection 3 is fine.\nexample.org>",
    )


def test_a_sender_named_only_by_address_still_has_a_sign_off_cut() -> None:
    mail_ = RawMail(
        "",
        "kai.turner@example.org",
        None,
        "s",
        None,
        None,
        "Section 3 is fine.\n\nKai Turner\nExample Foundation\n",
    )
    [kai] = _chain_from_mail(mail_)
    assert kai.body == "Section 3 is fine."


def test_a_paste_copied_from_a_quoting_view_is_read_one_level_up() -> None:
    [msg] = _chain_from_text("> Section 3 is fine.\n> Really fine.\n")
    assert (msg.author_name, msg.quoted, msg.body) == ("", False, "Section 3 is fine.\nReally fine.")
    ann, own = _chain_from_text("> Ann Lee wrote:\n>> Section 3 is fine.\n> I disagree with that.\n")
    assert (ann.author_name, ann.body, own.body) == ("Ann Lee", "Section 3 is fine.", "I disagree with that.")
