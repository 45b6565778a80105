"""review.mail.parse: attribution styles, reply chains and edge cases of quote splitting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from review.mail.parse import ClauseRef, parse_thread, parse_thread_bytes
from review.mail.quotes import clean_body, parse_attribution, parse_author

CEST = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("line", "name", "addr", "when"),
    [
        ("On 15 May 2025, at 11:38, Ada Moss wrote:", "Ada Moss", None, datetime(2025, 5, 15, 11, 38)),
        (
            "On 18 May 2025, at 5:51 AM, Omar Haddad <omar@…> wrote:",
            "Omar Haddad",
            None,
            datetime(2025, 5, 18, 5, 51),
        ),
        ("On 5/14/2025 7:09 AM, Lena Fischer wrote:", "Lena Fischer", None, datetime(2025, 5, 14, 7, 9)),
        (
            "On Wed, May 14, 2025 at 9:02 AM Pamela Ortiz <pamela@example.org> wrote:",
            "Pamela Ortiz",
            "pamela@example.org",
            datetime(2025, 5, 14, 9, 2),
        ),
        (
            "On Wed, 14 May 2025 at 21:02, Rui Costa <rui@example.pt> wrote:",
            "Rui Costa",
            "rui@example.pt",
            datetime(2025, 5, 14, 21, 2),
        ),
        (
            "Il giorno mar 15 apr 2025 alle ore 10:12 Marco Rossi <marco@example.it> ha scritto:",
            "Marco Rossi",
            "marco@example.it",
            datetime(2025, 4, 15, 10, 12),
        ),
        (
            "Le mar. 15 avr. 2025 à 10:12, Claire Dubois <claire@example.fr> a écrit :",
            "Claire Dubois",
            "claire@example.fr",
            datetime(2025, 4, 15, 10, 12),
        ),
        (
            "Am 15.04.2025 um 10:12 schrieb Jonas Weber <jonas@example.de>:",
            "Jonas Weber",
            "jonas@example.de",
            datetime(2025, 4, 15, 10, 12),
        ),
        (
            "El mar, 15 abr 2025 a las 10:12, Lucía Gómez (<lucia@example.es>) escribió:",
            "Lucía Gómez",
            "lucia@example.es",
            datetime(2025, 4, 15, 10, 12),
        ),
        ("On 14/05/2025 18:30, Kai Turner wrote:", "Kai Turner", None, datetime(2025, 5, 14, 18, 30)),
        ("Tom Quill <tom at example dot org> wrote:", "Tom Quill", "tom@example.org", None),
    ],
)
def test_attribution_styles(line: str, name: str, addr: str | None, when: datetime | None) -> None:
    shell = parse_attribution(line, CEST)
    assert shell is not None
    assert (shell.author_name, shell.author_email) == (name, addr)
    assert shell.date == (when.replace(tzinfo=CEST) if when else None)
    assert shell.date_zone_guessed is (when is not None)


@pytest.mark.parametrize(
    "line",
    [
        "I wrote:",
        "The licensor wrote:",
        "As the draft wrote: nothing",
        "On the other hand, nobody wrote:",
        "> On x wrote:",
        "so we said:",
    ],
)
def test_not_attributions(line: str) -> None:
    assert parse_attribution(line, None) is None


def test_parse_author_forms() -> None:
    # The list's address is everyone's: not hers (two people "via" the list are two people).
    assert parse_author("Pamela Ortiz via License-review <license-review@lists.example.org>") == (
        "Pamela Ortiz",
        None,
    )
    assert parse_author("Ortiz, Pamela [mailto:Pamela@Example.org]") == (
        "Ortiz, Pamela",
        "pamela@example.org",
    )
    assert parse_author("pamela (at) example (dot) org") == ("", "pamela@example.org")
    assert parse_author("Pamela Ortiz") == ("Pamela Ortiz", None)


def test_shortened_quote_is_kept_once_as_the_whole_message() -> None:
    mbox = (
        "From a@example.org Wed May 14 09:00:00 2025\nFrom: Ada Moss <ada@example.org>\n"
        "Date: Wed, 14 May 2025 09:00:00 +0000\nMessage-ID: <a@x>\n\n"
        "Section 2.2(b) makes every output dataset carry a notice.\nThat is heavy for users.\n"
        "It also reaches data the licensor never saw.\n\n"
        "From b@example.org Wed May 14 10:00:00 2025\nFrom: Bo Lind <bo@example.org>\n"
        "Date: Wed, 14 May 2025 10:00:00 +0000\nMessage-ID: <b@x>\nIn-Reply-To: <a@x>\n\n"
        "Only the first part bothers me.\n\n"
        "On Wed, May 14, 2025 at 9:00 AM Ada Moss <ada@example.org> wrote:\n"
        "> Section 2.2(b) makes every output dataset carry a notice.\n> That is heavy for users.\n> [...]\n"
    )
    ada, bo = parse_thread(mbox)
    assert (ada.author_name, ada.quoted, ada.message_id) == ("Ada Moss", False, "a@x")
    assert ada.body.endswith("never saw.")
    assert (bo.author_name, bo.body) == ("Bo Lind", "Only the first part bothers me.")


def test_attribution_times_never_reorder_the_chain() -> None:
    # Rui's client wrote Ada's time in its own unstated zone, so it looks later than Rui's own reply.
    raw = (
        "From: Rui Costa <rui@example.pt>\nDate: Wed, 14 May 2025 08:00:00 +0000\nSubject: Re: x\n"
        "Message-ID: <r@x>\n\nI disagree about clause 4.\n\n"
        "On 14 May 2025, at 10:30, Ada Moss <ada@example.org> wrote:\n> Clause 4 should go.\n"
    )
    ada, rui = parse_thread(raw)
    assert [ada.author_name, rui.author_name] == ["Ada Moss", "Rui Costa"]
    assert ada.date == datetime(2025, 5, 14, 10, 30, tzinfo=UTC)
    assert ada.date_zone_guessed and not rui.date_zone_guessed


def test_thunderbird_original_message_block_with_subject_first() -> None:
    text = (
        "Fine by me.\n\n-------- Original Message --------\nSubject: Notice on outputs\n"
        "Date: Wed, 14 May 2025 09:02:11 -0400\nFrom: Pamela Ortiz <pamela@example.org>\n"
        "To: license-review@lists.example.org\n\nShould paragraph 3(a) mention outputs?\n"
    )
    pamela, reply = parse_thread(text)
    assert (pamela.author_name, pamela.subject, pamela.body) == (
        "Pamela Ortiz",
        "Notice on outputs",
        "Should paragraph 3(a) mention outputs?",
    )
    assert pamela.date == datetime(2025, 5, 14, 9, 2, 11, tzinfo=timezone(timedelta(hours=-4)))
    assert reply.body == "Fine by me."


def test_format_flowed_is_unwrapped() -> None:
    raw = (
        "From: Ada Moss <ada@example.org>\nDate: Wed, 14 May 2025 09:00:00 +0000\n"
        "Content-Type: text/plain; charset=utf-8; format=flowed\n\n"
        "The notice in Section 2.2(b) should \nonly follow redistributed data.\n\n-- \nAda\n"
    )
    [ada] = parse_thread(raw)
    assert ada.body == "The notice in Section 2.2(b) should only follow redistributed data."


def test_deep_nesting_does_not_break() -> None:
    text = "top\n" + "\n".join(">" * k + f" level {k}" for k in range(1, 300))
    messages = parse_thread(text)
    assert messages[-1].body == "top"


def test_clean_body_drops_sign_offs_sig_and_footers() -> None:
    text = (
        "I agree.\n\nBest regards,\nAda\n-- \nAda Moss | Example Foundation\n+1 555 0100\n"
        "_______________________________________________\nLicense-review mailing list\n"
    )
    assert clean_body(text) == "I agree."
    assert clean_body("Section 4\n______________\nnot a footer") == "Section 4\n______________\nnot a footer"


def test_a_lone_from_line_is_not_a_header_block() -> None:
    [msg] = parse_thread("From: the licensor's side, clause 4 is fine.\nNothing else.\n")
    assert msg.body == "From: the licensor's side, clause 4 is fine.\nNothing else."


def test_outlook_html_reply_block() -> None:
    html = (
        '<html><body><div class="WordSection1"><p class="MsoNormal">Agreed, let&#39;s narrow §&nbsp;2.2(b).</p>'
        '<div id="divRplyFwdMsg"><hr style="display:inline-block;width:98%"><p class="MsoNormal">'
        "<b>From:</b> Grace Hill &lt;grace@example.com&gt;<br><b>Sent:</b> Wednesday, May 14, 2025 4:15 PM<br>"
        "<b>To:</b> Kai Turner &lt;kai@example.org&gt;<br><b>Subject:</b> notice</p></div>"
        '<p class="MsoNormal">Clause 4 is enough.</p></div></body></html>'
    )
    grace, reply = parse_thread(html)
    assert (grace.author_name, grace.author_email, grace.date, grace.body) == (
        "Grace Hill",
        "grace@example.com",
        datetime(2025, 5, 14, 16, 15, tzinfo=UTC),
        "Clause 4 is enough.",
    )
    assert (reply.author_name, reply.body) == ("", "Agreed, let's narrow § 2.2(b).")
    assert reply.clause_refs == [ClauseRef("2.2(b)", 0.95, "section")]


def test_html_bytes_use_the_declared_charset_when_not_utf8() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>“Clause 4” – fine.</p></body></html>'
    [msg] = parse_thread_bytes(page.encode("cp1252"))
    assert msg.body == "“Clause 4” – fine."


VERB_FORMS = [
    "wrote", "writes", "sent", "said", "a écrit", "a ecrit", "ha scritto", "escribió", "escribio",
    "escreveu", "schreef", "schrieb", "skrev", "skrevet", "napisał", "napisal", "napisała", "napisala",
    "napisał(a)", "kirjoitti", "написал", "написала", "написал(а)", "пишет", "đã viết", "geschreven",
    "het volgende geschreven", "írta", "yazdı", "napsal", "napsala", "napsal(a)", "napisao", "rakstīja",
]  # fmt: skip


@pytest.mark.parametrize("verb", VERB_FORMS)
def test_the_quick_test_before_a_quote_keeps_every_verb(verb):
    """_may_end_before_quote skips the attribution parser for most lines; never for a verb."""
    import re

    from review.mail.attribution import _VERB
    from review.mail.quotes import _may_end_before_quote

    assert re.fullmatch(_VERB, verb, re.I)
    for form in (verb, verb.upper(), verb.title()):
        assert _may_end_before_quote(f"On 18 May 2025, Bob Ruiz {form}"), form
        assert _may_end_before_quote(f"Bob Ruiz {form} --"), form
    assert not _may_end_before_quote("I agree, thanks for the reply")
