"""review.mail.parse: one person, one author, however the thread writes them.

Archives shorten addresses ("jo...@example.com", as Google Groups shows them to visitors),
quote people by name only, or write "Doe, John". A thread that names the same person in
these ways must give one author with the one full address the thread holds, and a quoted
copy of a whole message must not come back as a second message by a "different" person.
Written for these tests; run without Django: pytest -p no:django.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from review.mail.attribution import clean_email, parse_author
from review.mail.parse import parse_thread


def authors(messages):
    return [(m.author_name, m.author_email) for m in messages]


# --- a shortened address is no address ---------------------------------------------------


def test_an_address_shortened_with_dots_is_not_an_address():
    assert clean_email("jo...@example.com") is None
    assert clean_email("j…@example.com") is None
    assert clean_email("john.doe@example.com") == "john.doe@example.com"


def test_an_attribution_with_a_shortened_address_keeps_the_name_only():
    assert parse_author("John Doe <jo...@example.com>") == ("John Doe", None)


GROUPS_MBOX = """\
From john@example.com Tue May  6 10:00:00 2025
From: John Doe <john@example.com>
Date: Tue, 6 May 2025 10:00:00 +0200
Subject: MG-BY 2.0 section 2.2(b)
Message-ID: <a1@example.com>

Section 2.2(b) requires a notice on datasets of Output. That is a
restriction on use under OSD 6, in my view at least.

From mary@lawfirm.example Tue May  6 12:30:00 2025
From: Mary Smith <mary@lawfirm.example>
Date: Tue, 6 May 2025 12:30:00 +0100
Subject: Re: MG-BY 2.0 section 2.2(b)
Message-ID: <a2@example.com>

I disagree: the notice attaches to distribution, not use.

On Tue, May 6, 2025 at 10:00 AM John Doe <jo...@example.com> wrote:
> Section 2.2(b) requires a notice on datasets of Output. That is a
> restriction on use under OSD 6, in my view at least.
>
"""


def test_a_quote_under_a_shortened_address_is_the_whole_message_it_repeats():
    messages = parse_thread(GROUPS_MBOX)
    assert authors(messages) == [
        ("John Doe", "john@example.com"),
        ("Mary Smith", "mary@lawfirm.example"),
    ]
    assert messages[1].reply_to == 0


QUOTED_ONLY = """\
From: Mary Smith <mary@lawfirm.example>
Date: Tue, 6 May 2025 12:30:00 +0100
Subject: Re: MG-BY 2.0 section 2.2(b)
Message-ID: <a2@example.com>

I disagree: the notice attaches to distribution, not use.

On Tue, May 6, 2025 at 10:00 AM John Doe <jo...@example.com> wrote:
> Section 2.2(b) requires a notice on datasets of Output.
"""


def test_a_quoted_author_with_a_shortened_address_and_no_other_trace_keeps_the_name():
    messages = parse_thread(QUOTED_ONLY)
    assert authors(messages) == [("John Doe", None), ("Mary Smith", "mary@lawfirm.example")]


# --- the thread's own full address completes a name-only author ----------------------------

NAME_ONLY_QUOTE = """\
From john@example.com Mon May  5 09:00:00 2025
From: John Doe <john@example.com>
Date: Mon, 5 May 2025 09:00:00 +0200
Subject: MG-BY 2.0
Message-ID: <b1@example.com>

I will start with the definitions in Section 1.

From mary@lawfirm.example Tue May  6 12:30:00 2025
From: Mary Smith <mary@lawfirm.example>
Date: Tue, 6 May 2025 12:30:00 +0100
Subject: Re: MG-BY 2.0
Message-ID: <b3@example.com>

Still a use restriction, as far as I can see.

On Tue, 6 May 2025 at 11:00, John Doe wrote:
> The notice in 2.2(b) is a distribution condition only; a dataset is distributed.
"""


def test_a_quoted_author_named_only_gets_the_address_the_thread_gives_that_name():
    messages = parse_thread(NAME_ONLY_QUOTE)
    assert authors(messages) == [
        ("John Doe", "john@example.com"),
        ("John Doe", "john@example.com"),
        ("Mary Smith", "mary@lawfirm.example"),
    ]


def test_a_name_the_thread_gives_two_addresses_stays_without_one():
    two = NAME_ONLY_QUOTE + (
        "\nFrom jd@other.example Wed May  7 08:00:00 2025\n"
        "From: John Doe <jd@other.example>\n"
        "Date: Wed, 7 May 2025 08:00:00 +0000\n"
        "Subject: Re: MG-BY 2.0\n"
        "Message-ID: <b4@other.example>\n\n"
        "A different John Doe, writing from another company.\n"
    )
    messages = parse_thread(two)
    quoted = next(m for m in messages if "distribution condition" in m.body)
    assert (quoted.author_name, quoted.author_email) == ("John Doe", None)


def test_surname_first_is_the_same_person():
    text = NAME_ONLY_QUOTE.replace("11:00, John Doe wrote:", "11:00, Doe, John wrote:")
    messages = parse_thread(text)
    quoted = next(m for m in messages if "distribution condition" in m.body)
    assert quoted.author_email == "john@example.com"


def test_a_list_rewritten_sender_gets_the_writers_own_address_from_the_thread():
    text = NAME_ONLY_QUOTE.replace(
        "From: Mary Smith <mary@lawfirm.example>",
        "From: Mary Smith via License-review <license-review@lists.example.org>",
    ).replace(
        "From: John Doe <john@example.com>\nDate: Mon",
        "From: Mary Smith <mary@lawfirm.example>\nDate: Mon",
    )
    messages = parse_thread(text)
    by_mary = [m for m in messages if m.author_name == "Mary Smith"]
    assert len(by_mary) == 2
    assert {m.author_email for m in by_mary} == {"mary@lawfirm.example"}


def test_a_name_alone_never_borrows_an_address_from_a_different_name():
    messages = parse_thread(NAME_ONLY_QUOTE.replace("John Doe wrote:", "Jane Roe wrote:"))
    quoted = next(m for m in messages if "distribution condition" in m.body)
    assert (quoted.author_name, quoted.author_email) == ("Jane Roe", None)


# --- a mail without a Date header is still placed in time -----------------------------------

UNDATED = """\
From john@example.com Tue May  6 10:00:00 2025
From: John Doe <john@example.com>
Subject: Re: MG-BY 2.0
Message-ID: <c2@example.com>

Second in time, about 2.2(b).

From mary@lawfirm.example Mon May  5 12:30:00 2025
From: Mary Smith <mary@lawfirm.example>
Subject: MG-BY 2.0
Message-ID: <c1@example.com>

First in time, about section 1.
"""


def test_a_mail_without_a_date_header_takes_its_mbox_envelope_time_and_says_the_zone_is_guessed():
    messages = parse_thread(UNDATED)
    assert [m.author_name for m in messages] == ["Mary Smith", "John Doe"]
    assert messages[0].date == datetime(2025, 5, 5, 12, 30, tzinfo=UTC)
    assert all(m.date_zone_guessed for m in messages)


RELAYED = """\
Received: from relay.example.net by mx.example.org; Tue, 6 May 2025 10:00:07 +0200
Received: from laptop.example.net by relay.example.net; Tue, 6 May 2025 10:00:03 +0200
From: John Doe <john@example.com>
Subject: MG-BY 2.0
Message-ID: <d1@example.com>

The first relay's stamp is the nearest to when this was sent.
"""


def test_a_mail_without_a_date_header_takes_its_first_relays_received_time():
    (message,) = parse_thread(RELAYED)
    assert message.date == datetime(2025, 5, 6, 10, 0, 3, tzinfo=timezone(timedelta(hours=2)))
    assert not message.date_zone_guessed


def test_a_date_header_wins_over_the_envelope():
    dated = UNDATED.replace(
        "Subject: MG-BY 2.0\nMessage-ID: <c1@example.com>",
        "Subject: MG-BY 2.0\nDate: Wed, 7 May 2025 08:00:00 +0000\nMessage-ID: <c1@example.com>",
    )
    messages = parse_thread(dated)
    assert [m.author_name for m in messages] == ["John Doe", "Mary Smith"]
    assert messages[1].date == datetime(2025, 5, 7, 8, 0, tzinfo=UTC)
    assert not messages[1].date_zone_guessed


def test_an_address_shown_without_a_name_gets_the_name_the_thread_writes_with_it():
    text = NAME_ONLY_QUOTE.replace(
        "From: John Doe <john@example.com>\nDate: Mon", "From: john@example.com\nDate: Mon"
    )
    text = text.replace("11:00, John Doe wrote:", "11:00, John Doe <john@example.com> wrote:")
    messages = parse_thread(text)
    assert {(m.author_name, m.author_email) for m in messages if "Mary" not in m.author_name} == {
        ("John Doe", "john@example.com")
    }


# --- a first name alone is the thread's one person of that first name -------------------

OUTLOOK_PASTE = """\
I read 2.2(b) as a condition on distribution only.

Best,
{signature}

________________________________
From: Ruth Okafor <ruth@example.org>
Sent: Wednesday, March 5, 2025 3:14 PM
To: review-list@example.org
Subject: Re: dataset notice

Section 2.2(b) follows the output, not the model.

-----Original Message-----
From: {first} <{first_address}>
Sent: Tuesday, March 4, 2025 9:02 AM
To: review-list@example.org
Subject: dataset notice

Please look at 2.2(b) again; it was rewritten.
"""


def test_a_signature_of_a_first_name_is_the_one_person_with_that_first_name():
    raw = OUTLOOK_PASTE.format(signature="Tomas", first="Tomas Reyes", first_address="tomas@example.net")
    messages = parse_thread(raw)
    assert authors(messages) == [
        ("Tomas Reyes", "tomas@example.net"),
        ("Ruth Okafor", "ruth@example.org"),
        ("Tomas Reyes", "tomas@example.net"),
    ]


def test_a_first_name_two_people_of_the_thread_share_stays_a_name_only():
    raw = OUTLOOK_PASTE.replace("Ruth Okafor", "Tomas Okafor").format(
        signature="Tomas", first="Tomas Reyes", first_address="tomas@example.net"
    )
    assert parse_thread(raw)[-1].author_name == "Tomas"
    assert parse_thread(raw)[-1].author_email is None


def test_a_first_name_is_not_matched_against_a_surname_or_a_longer_first_name():
    for signature in ("Reyes", "Tom"):
        raw = OUTLOOK_PASTE.format(signature=signature, first="Tomas Reyes", first_address="tomas@example.net")
        assert authors(parse_thread(raw)[-1:]) == [(signature, None)]
