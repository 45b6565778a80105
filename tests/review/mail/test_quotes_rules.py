"""review.mail.quotes on its own: each rule of the quote splitter, with mail written for the test.

Pure: no database. ``split`` below gives the reply's own text and, for each quoted message
(oldest first), its author, address and body, so that a case states the whole outcome.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from review.mail.quotes import (
    MARK,
    _levels,
    _may_end_before_quote,
    _message_id,
    _open_value,
    _shell_from_fields,
    header_block,
    split_chain,
)

EAST = timezone(timedelta(hours=3))
PLUS2 = timezone(timedelta(hours=2))
ATT = "On Wed, 14 May 2025 at 09:02, Ada Moss <ada@example.org> wrote:"
ADA = datetime(2025, 5, 14, 9, 2, tzinfo=UTC)


def split(text: str, tz=None, **kw) -> tuple[str, list[tuple[str, str | None, str]]]:
    own, older = split_chain(text, tz, **kw)
    return own, [(m.author_name, m.author_email, m.body) for m in older]


# ---- header blocks: which lines are one ------------------------------------------------------


def test_a_header_block_needs_lines() -> None:
    assert header_block([]) is None


def test_a_header_block_is_from_and_date_with_the_blank_lines_under_it() -> None:
    lines = ["From: Ada Moss <ada@example.org>", "Date: Wed, 14 May 2025 09:02", "", "", "Clause 4 goes."]
    assert header_block(lines) == (
        {"from": "Ada Moss <ada@example.org>", "date": "Wed, 14 May 2025 09:02"},
        4,
        False,
    )


def test_a_header_block_ends_at_the_last_line() -> None:
    assert header_block(["From: Ada", "Date: Wed, 14 May 2025"]) == (
        {"from": "Ada", "date": "Wed, 14 May 2025"},
        2,
        False,
    )


@pytest.mark.parametrize("first", ["To: list@example.org", "Cc: bo@example.org", "Message-ID: <m@x>"])
def test_a_header_block_starts_with_from_subject_or_date(first: str) -> None:
    assert header_block([first, "From: Ada", "Date: Wed, 14 May 2025", "Subject: x"]) is None


def test_a_header_block_may_start_with_the_subject_or_the_date() -> None:
    assert header_block(["Subject: Clause 4", "Date: Thu", "From: Ada", "Body"]) == (
        {"subject": "Clause 4", "date": "Thu", "from": "Ada"},
        3,
        False,
    )
    assert header_block(["Date: Thu", "From: Ada", "Body"]) == ({"date": "Thu", "from": "Ada"}, 2, False)


def test_from_and_to_alone_are_no_header_block() -> None:
    assert header_block(["From: Ada <ada@example.org>", "To: list@example.org", "Body"]) is None
    assert header_block(["From: Ada <ada@example.org>", "Subject: x", "Body"]) is None


def test_from_to_and_subject_make_a_header_block_without_a_date() -> None:
    assert header_block(["From: Ada", "To: list@example.org", "Subject: x", "Body"]) == (
        {"from": "Ada", "to": "list@example.org", "subject": "x"},
        3,
        False,
    )


def test_a_date_with_to_or_subject_is_a_header_block_without_a_sender() -> None:
    assert header_block(["Date: Thu", "To: list@example.org", "Body"]) == (
        {"date": "Thu", "to": "list@example.org"},
        2,
        False,
    )
    assert header_block(["Date: Thu", "Subject: x", "Body"]) == ({"date": "Thu", "subject": "x"}, 2, False)
    assert header_block(["Date: Thu", "Body"]) is None
    assert header_block(["Subject: x", "To: list@example.org", "Body"]) is None


def test_labels_in_another_language_read_dates_day_first() -> None:
    assert header_block(["Da: Ada <ada@example.org>", "Inviato: 03/04/2025 10:00", "Testo"]) == (
        {"from": "Ada <ada@example.org>", "date": "03/04/2025 10:00"},
        2,
        True,
    )
    # one label not in English is enough
    assert header_block(["From: Ada", "Datum: 03/04/2025 10:00", "Text"])[2] is True
    assert header_block(["From: Ada", "Sent: x", "To: y", "Subject: z", "Cc: w", "CC: v"])[2] is False


def test_labels_may_be_bold_or_spaced_before_the_colon() -> None:
    lines = ["**From:** Ada", "*Sent*: Thu", "_To_ : list", "Subject\u00a0: Clause 4", "Body"]
    assert header_block(lines) == (
        {"from": "Ada", "date": "Thu", "to": "list", "subject": "Clause 4"},
        4,
        False,
    )


def test_the_first_of_two_fields_of_one_kind_is_kept() -> None:
    lines = ["From: Ada", "To: list@example.org", "Cc: bo@example.org", "Date: Thu", "Body"]
    assert header_block(lines) == ({"from": "Ada", "to": "list@example.org", "date": "Thu"}, 4, False)


def test_a_header_block_on_one_line_is_split_at_its_labels() -> None:
    line = "From: Ada Moss <ada@example.org> Date: Thu, 24 Mar 2016 08:07 -0700 To: list Subject: Clause 4"
    assert header_block([line, "", "Body"]) == (
        {
            "from": "Ada Moss <ada@example.org>",
            "date": "Thu, 24 Mar 2016 08:07 -0700",
            "to": "list",
            "subject": "Clause 4",
        },
        2,
        False,
    )
    assert header_block([line, "Body"])[1] == 1


def test_the_inline_labels_include_the_italian_ones() -> None:
    line = "Da: Ada Inviato: 03/04/2025 10:00 A: list Oggetto: Clausola 4"
    assert header_block([line, "Testo"]) == (
        {"from": "Ada", "date": "03/04/2025 10:00", "to": "list", "subject": "Clausola 4"},
        1,
        True,
    )


def test_a_header_block_reads_at_most_24_lines() -> None:
    # a wrapped To: value: each line ends in "," and the next one continues it
    names = [f"p{k}@example.org," for k in range(30)]
    lines = ["From: Ada", "Date: Thu", "To: " + names[0], *names[1:], "Body"]
    fields, used, _ = header_block(lines)
    assert used == 24
    assert fields["to"] == " ".join(names[:22])


def test_a_header_block_takes_a_value_wrapped_under_an_open_bracket_without_a_space() -> None:
    assert header_block(["From: Ada Moss <ada@example.", "org>", "Date: Thu", "Body"]) == (
        {"from": "Ada Moss <ada@example.org>", "date": "Thu"},
        3,
        False,
    )


def test_a_header_block_takes_a_wrapped_value_with_a_space() -> None:
    # the next line is continued if the value is open ("[" or ","), or a label follows it
    assert header_block(["From: Ada Moss [mailto:ada", "@example.org]", "Date: Thu", "Body"]) == (
        {"from": "Ada Moss [mailto:ada @example.org]", "date": "Thu"},
        3,
        False,
    )
    assert header_block(["From: Ada Moss", "<ada@example.org>", "Date: Thu", "Body"]) == (
        {"from": "Ada Moss <ada@example.org>", "date": "Thu"},
        3,
        False,
    )


def test_a_header_block_takes_a_wrapped_value_across_a_blank_line() -> None:
    assert header_block(["From: Ada Moss,", "", "Bo Lind", "Date: Thu", "Body"]) == (
        {"from": "Ada Moss, Bo Lind", "date": "Thu"},
        4,
        False,
    )


def test_a_wrapped_value_is_at_most_80_characters() -> None:
    long = "x" * 81
    assert header_block(["From: Ada,", "x" * 80, "Date: Thu", "Body"])[1] == 3
    assert header_block(["Date: Thu", "To: Ada,", long, "Body"]) == ({"date": "Thu", "to": "Ada,"}, 2, False)


def test_a_closed_value_is_not_continued_by_plain_text() -> None:
    assert header_block(["From: Ada", "Date: Thu", "Body text", "More"]) == (
        {"from": "Ada", "date": "Thu"},
        2,
        False,
    )


def test_a_repeated_label_does_not_take_the_next_line() -> None:
    # "Cc:" repeats the "to" kind: the line after it is not glued to anything
    assert header_block(["From: Ada", "To: list", "Cc: bo,", "Date: Thu", "Body"]) == (
        {"from": "Ada", "to": "list", "date": "Thu"},
        4,
        False,
    )
    assert header_block(["From: Ada", "Date: Thu", "To: list", "Cc: bo,", "Body text", "Subject: x"]) == (
        {"from": "Ada", "date": "Thu", "to": "list"},
        4,
        False,
    )


def test_a_blank_line_inside_a_short_block_is_skipped() -> None:
    assert header_block(["From: Ada", "", "Date: Thu", "Body"]) == ({"from": "Ada", "date": "Thu"}, 3, False)


def test_a_blank_line_after_four_fields_ends_the_block() -> None:
    lines = ["From: Ada", "Date: Thu", "To: list", "Subject: x", "", "Message-ID: <m@x>", "Body"]
    assert header_block(lines) == (
        {"from": "Ada", "date": "Thu", "to": "list", "subject": "x"},
        5,
        False,
    )
    three = ["From: Ada", "Date: Thu", "To: list", "", "Subject: x", "Body"]
    assert header_block(three)[1] == 5


def test_a_blank_line_before_plain_text_ends_the_block() -> None:
    assert header_block(["From: Ada", "Date: Thu", "", "Body", "More"]) == (
        {"from": "Ada", "date": "Thu"},
        3,
        False,
    )


def test_a_line_over_a_label_continues_the_value_even_across_a_blank_line() -> None:
    # a block cut across quotes: "Date:" wrapped, the rest of it under a blank line
    assert header_block(["From: Ada", "Date: Thu", "", "15 May", "To: x", "Body"]) == (
        {"from": "Ada", "date": "Thu 15 May", "to": "x"},
        5,
        False,
    )


def test_pasted_full_headers_are_read_to_the_eighth_line() -> None:
    lines = [
        "From: Ada <ada@example.org>",
        "Date: Thu, 15 May 2025 10:00 +0000",
        "To: list@example.org",
        "Subject: Clause 4",
        "Message-ID: <m@x>",
        "In-Reply-To: <p@x>",
        "References: <o@x> <p@x>",
        "Cc: bo@example.org",
        "Body",
    ]
    fields, used, dayfirst = header_block(lines)
    assert (used, dayfirst) == (8, True)
    assert fields == {
        "from": "Ada <ada@example.org>",
        "date": "Thu, 15 May 2025 10:00 +0000",
        "to": "list@example.org",
        "subject": "Clause 4",
        "message_id": "<m@x>",
        "in_reply_to": "<p@x>",
        "references": "<o@x> <p@x>",
    }


@pytest.mark.parametrize(
    ("value", "is_open"),
    [
        ("Ada <ada@example", True),
        ("Ada <ada@example.org>", False),
        ("Ada [mailto:ada", True),
        ("Ada [mailto:ada@example.org]", False),
        ("ada@example.org, bo@example.org,", True),
        ("Ada Moss", False),
        ("<a> <b", True),
        ("[a] [b", True),
    ],
)
def test_a_value_is_open_after_an_unclosed_bracket_or_a_trailing_comma(value: str, is_open: bool) -> None:
    assert _open_value(value) is is_open


# ---- the message a header block stands for ---------------------------------------------------


def test_a_header_block_gives_author_date_subject_and_ids() -> None:
    fields = {
        "from": "Ada Moss <ada@example.org>",
        "date": "Wed, 14\u200e May 2025 09:\u200f02",
        "subject": "  Clause 4 ",
        "message_id": "<m1@x>",
        "references": "<r1@x> <r3@x> <r2@x>",
    }
    shell = _shell_from_fields(fields, False, None)
    assert (shell.author_name, shell.author_email, shell.subject) == ("Ada Moss", "ada@example.org", "Clause 4")
    assert (shell.date, shell.date_zone_guessed, shell.quoted) == (ADA, True, True)
    assert (shell.message_id, shell.in_reply_to, shell.body) == ("m1@x", "r2@x", "")


def test_direction_marks_in_a_date_are_dropped() -> None:
    # Outlook in a right-to-left locale writes them between the parts of the date
    assert _shell_from_fields({"date": "\u200f14\u200f/\u200f05\u200f/\u200f2025 09:02"}, True, None).date == datetime(
        2025, 5, 14, 9, 2, tzinfo=UTC
    )


def test_a_date_without_a_zone_takes_the_quoting_message_zone() -> None:
    shell = _shell_from_fields({"from": "Ada", "date": "Wed, 14 May 2025 09:02"}, False, EAST)
    assert (shell.date, shell.date_zone_guessed) == (datetime(2025, 5, 14, 9, 2, tzinfo=EAST), True)


def test_a_written_zone_is_kept_and_not_guessed() -> None:
    shell = _shell_from_fields({"date": "Wed, 14 May 2025 09:02 +0200"}, False, EAST)
    assert (shell.date, shell.date_zone_guessed) == (datetime(2025, 5, 14, 9, 2, tzinfo=PLUS2), False)


def test_dayfirst_reads_a_numeric_date_day_first() -> None:
    assert _shell_from_fields({"date": "03/04/2025 10:00"}, True, None).date == datetime(
        2025, 4, 3, 10, 0, tzinfo=UTC
    )
    assert _shell_from_fields({"date": "03/04/2025 10:00"}, False, None).date == datetime(
        2025, 3, 4, 10, 0, tzinfo=UTC
    )


def test_in_reply_to_wins_over_the_last_reference() -> None:
    shell = _shell_from_fields({"in_reply_to": "<i@x>", "references": "<r@x>"}, False, None)
    assert shell.in_reply_to == "i@x"


def test_no_fields_give_an_empty_shell() -> None:
    shell = _shell_from_fields({}, False, None)
    assert (shell.author_name, shell.author_email, shell.date, shell.subject) == ("", None, None, "")
    assert (shell.message_id, shell.in_reply_to, shell.date_zone_guessed) == (None, None, False)


def test_a_message_id_is_the_first_bracketed_token() -> None:
    assert _message_id("x <a@b> <c@d>") == "a@b"
    assert _message_id("a@b") is None
    assert _message_id("<a b>") is None
    assert _message_id("<>") is None


# ---- quote levels ----------------------------------------------------------------------------


def test_the_quote_depth_counts_the_markers_and_one_space_is_dropped() -> None:
    depth, body, quoted = _levels(["> a", ">> b", "> > c", " > d", ">  e", ">", "plain", "  > f"])
    assert depth == [1, 2, 2, 1, 1, 1, 0, 0]
    assert body == ["a", "b", "c", "d", " e", "", "plain", "  > f"]
    assert quoted == [0, 1, 2, 3, 4, 5]


def test_a_tab_may_sit_between_markers() -> None:
    assert _levels([">\t> a"])[:2] == ([2], ["a"])


def test_a_greater_than_sign_in_the_second_place_only_is_no_marker() -> None:
    assert _levels(["a> b"]) == ([0], ["a> b"], [0])


def test_a_wrapped_tail_without_a_space_joins_its_quote() -> None:
    depth, body, _ = _levels(["> see https://example.org/a/very/long/", "path/to/page", "> and more"])
    assert depth == [1, 1, 1]
    assert body[1] == "path/to/page"


def test_a_wrapped_tail_under_an_open_bracket_joins_its_quote() -> None:
    assert _levels(["> the notice (as in", "clause 4) stays", "> here"])[0] == [1, 1, 1]
    assert _levels(["> write to <ada@example", "dot org> please", "> here"])[0] == [1, 1, 1]
    assert _levels(["> the notice", "(as in clause 4)", "> here"])[0] == [1, 1, 1]


def test_a_sentence_between_quotes_is_a_reply() -> None:
    assert _levels(["> the notice stays", "I disagree here", "> more"])[0] == [1, 0, 1]
    assert _levels(["> the notice (as in 4)", "I disagree here", "> more"])[0] == [1, 0, 1]
    assert _levels(["> mail <ada@example.org>", "I disagree here", "> more"])[0] == [1, 0, 1]


def test_a_tail_is_joined_only_between_deeper_lines() -> None:
    # a blank line, the last line, or a shallower line after it: not a wrapped tail
    assert _levels(["> the notice", "", "> more"])[0] == [1, 0, 1]
    assert _levels(["> the notice", "word"])[0] == [1, 0]
    assert _levels(["> the notice", "word", "next"])[0] == [1, 0, 0]
    assert _levels([">> the notice", "> word", ">> more"])[0] == [2, 2, 2]
    assert _levels(["> the notice", ">> word", "> more"])[0] == [1, 2, 1]
    assert _levels(["> the notice", "word", ">> more"])[0] == [1, 1, 2]


# ---- the quick test before a quote -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "may"),
    [
        ("Bob Ruiz <bob@example.org>", True),
        ("On Monday Bob Ruiz wrote:", True),
        ("Bob Ruiz wrote ---", True),
        ("Bob Ruiz wrote * _", True),
        ("thanks", False),
        ("", False),
        ("Bob", False),  # ends in "b": no verb does
        ("the clause was read", False),  # ends in "d" but no verb
        ("x" * 10 + "-" * 300, True),  # nothing but dashes in the last 300: the parser decides
        ("-" * 301, True),
        ("-" * 300, False),
    ],
)
def test_only_lines_ending_like_an_attribution_go_to_the_parser(line: str, may: bool) -> None:
    assert _may_end_before_quote(line) is may


def test_the_verb_is_looked_for_in_the_last_120_characters() -> None:
    assert _may_end_before_quote("On Monday Bob a" + " " * 114 + "écrit")
    assert not _may_end_before_quote("On Monday Bob a" + " " * 115 + "écrit")


def test_the_verb_may_be_three_words_at_the_end() -> None:
    assert _may_end_before_quote("Op 14 mei 2025 heeft Ada het volgende geschreven")
    assert _may_end_before_quote("On 14 May Ada Moss wrote\t")
    assert not _may_end_before_quote("the wrote-up said no more")


# ---- ">" blocks --------------------------------------------------------------------------------


def test_an_attribution_over_a_quote_names_the_quoted_message() -> None:
    text = f"I agree.\n\n{ATT}\n> Clause 4 should go.\n> It is vague.\n"
    own, older = split_chain(text, None)
    assert own == "I agree.\n\n"
    [ada] = older
    assert (ada.author_name, ada.author_email, ada.body) == ("Ada Moss", "ada@example.org", "Clause 4 should go.\nIt is vague.")
    assert (ada.date, ada.date_zone_guessed, ada.quoted) == (ADA, True, True)


def test_a_zone_less_attribution_takes_the_zone_given() -> None:
    [ada] = split_chain(f"I agree.\n\n{ATT}\n> Clause 4 should go.\n", EAST)[1]
    assert ada.date == datetime(2025, 5, 14, 9, 2, tzinfo=EAST)


def test_a_quote_that_ends_the_message_without_attribution_is_dropped() -> None:
    assert split("I agree.\n\n> Clause 4 should go.\n") == ("I agree.\n\n", [])


def test_a_quote_the_reply_goes_on_after_is_kept_in_the_reply() -> None:
    assert split("Hi.\n\n> Clause 4 should go.\n> It is vague.\n\nNo, it stays.\n") == (
        "Hi.\n\n> Clause 4 should go.\n> It is vague.\n\n\nNo, it stays.\n",
        [],
    )


def test_a_kept_quote_marks_its_blank_lines_with_a_bare_marker() -> None:
    assert split("> Clause 4.\n>\n> Clause 5.\n\nNo.\n") == ("> Clause 4.\n>\n> Clause 5.\n\n\nNo.\n", [])


def test_a_quote_followed_only_by_blank_lines_ends_the_message() -> None:
    assert split("Hi.\n\n> Clause 4 should go.\n\n\n") == ("Hi.\n\n\n\n", [])


def test_later_quotes_continue_the_attributed_message() -> None:
    text = f"{ATT}\n> Clause 4 should go.\n\nNo.\n\n> And clause 5.\n\nYes.\n"
    assert split(text) == (
        "\nNo.\n\n\nYes.\n",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.\n\nAnd clause 5.")],
    )


def test_a_later_quote_of_blank_lines_adds_nothing() -> None:
    text = f"{ATT}\n> Clause 4 should go.\n\nNo.\n\n>\n>\n\nMaybe.\n\n> And 5.\n\nYes.\n"
    assert split(text) == (
        "\nNo.\n\n\nMaybe.\n\n\nYes.\n",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.\n\nAnd 5.")],
    )


def test_a_later_quote_loses_its_author_s_signature_as_the_first_one_does() -> None:
    text = f"{ATT}\n> Clause 4 should go.\n\nNo.\n\n> And 5.\n>\n> Ada Moss\n> Example Foundation\n\nYes.\n"
    assert split(text)[1] == [("Ada Moss", "ada@example.org", "Clause 4 should go.\n\nAnd 5.")]


def test_a_quoted_body_loses_its_author_s_signature() -> None:
    text = f"Fine.\n\n{ATT}\n> Clause 4 should go.\n>\n> Ada Moss\n> Example Foundation\n"
    assert split(text)[1] == [("Ada Moss", "ada@example.org", "Clause 4 should go.")]


def test_a_later_quote_is_cleaned_as_a_list_footer_when_the_mail_had_one() -> None:
    text = f"{ATT}\n> Clause 4 should go.\n\nNo.\n\n> And clause 5.\n> license-review\n\nYes.\n"
    assert split(text, list_footer=True)[1] == [
        ("Ada Moss", "ada@example.org", "Clause 4 should go.\n\nAnd clause 5.")
    ]
    assert split(text)[1] == [
        ("Ada Moss", "ada@example.org", "Clause 4 should go.\n\nAnd clause 5.\nlicense-review")
    ]


def test_a_quoted_body_loses_list_fragments_when_the_mail_had_a_footer() -> None:
    text = f"Fine.\n\n{ATT}\n> Clause 4 should go.\n> license-review\n"
    assert split(text, list_footer=True)[1] == [("Ada Moss", "ada@example.org", "Clause 4 should go.")]
    assert split(text)[1] == [("Ada Moss", "ada@example.org", "Clause 4 should go.\nlicense-review")]


def test_one_quoted_line_inside_running_text_is_text() -> None:
    assert split("Look:\n>>> see above <<<\nthat is all.\n") == ("Look:\n>>> see above <<<\nthat is all.\n", [])
    assert split("Look:\n> see above\nthat is all.\n") == ("Look:\n> see above\nthat is all.\n", [])


def test_a_lone_quoted_line_is_a_quote_at_the_edges_of_the_text() -> None:
    assert split(">>> see above <<<\nthat is all.\n") == ("that is all.\n", [])
    assert split(">>> see above <<<\nthat is all.") == ("that is all.", [])
    assert split("Look:\n> see above") == ("Look:", [])


def test_a_lone_quoted_line_is_a_quote_next_to_a_blank_line() -> None:
    assert split("Look:\n> see above\n\nthat\n") == ("Look:\n> see above\n\n\nthat\n", [])
    assert split("\n> see above\nthat\n") == ("\n> see above\n\nthat\n", [])


def test_a_lone_quoted_line_under_an_attribution_is_its_quote() -> None:
    assert split("Bo Lind <bo@example.org>\n> see above\nthat is all.\n") == (
        "Bo Lind <bo@example.org>\n> see above\n\nthat is all.\n",
        [],
    )
    assert split("Bo Lind <bo@example.org>  \n> see above\nthat is all.\n") == (
        "Bo Lind <bo@example.org>  \n> see above\n\nthat is all.\n",
        [],
    )


def test_a_quote_of_two_lines_inside_text_is_a_quote() -> None:
    assert split("Look:\n> see above\n> two\nthat is all.\n") == ("Look:\n> see above\n> two\n\nthat is all.\n", [])


def test_quotes_inside_quotes_are_older_messages_oldest_first() -> None:
    text = (
        "Yes.\n\nOn Thu, 15 May 2025 at 10:00, Bo Lind <bo@example.org> wrote:\n> No.\n>\n"
        f"> {ATT}\n> > Clause 4 should go.\n"
    )
    own, older = split_chain(text, None)
    assert own == "Yes.\n\n"
    assert [(m.author_name, m.body, m.date) for m in older] == [
        ("Ada Moss", "Clause 4 should go.", ADA),
        ("Bo Lind", "No.", datetime(2025, 5, 15, 10, 0, tzinfo=UTC)),
    ]


def _chain(levels: int) -> str:
    lines = ["top"]
    for k in range(levels):
        marker = ">" * k + " " if k else ""
        lines.append(f"{marker}On Thu, 15 May 2025 at 10:{k:02d}, P{k} Lind <p{k}@example.org> wrote:")
        lines.append(">" * (k + 1) + f" words {k}")
    return "\n".join(lines)


def test_quotes_are_followed_forty_levels_deep() -> None:
    own, older = split_chain(_chain(40), None)
    assert own == "top"
    assert [m.author_name for m in older] == [f"P{k} Lind" for k in reversed(range(40))]
    assert [m.body for m in older] == [f"words {k}" for k in reversed(range(40))]


def test_a_quote_deeper_than_forty_levels_is_dropped() -> None:
    own, older = split_chain(_chain(41), None)
    assert own == "top"
    assert [m.author_name for m in older] == [f"P{k} Lind" for k in reversed(range(40))]
    assert [m.body for m in older] == [f"words {k}" for k in reversed(range(40))]


# ---- attributions without a ">" block ----------------------------------------------------------


def test_an_attribution_over_unquoted_text_starts_the_quoted_message() -> None:
    own, [ada] = split_chain(f"Agreed.\n\n{ATT}\nClause 4 should go.\n", None)
    assert own == "Agreed."
    assert (ada.author_name, ada.author_email, ada.date, ada.body) == (
        "Ada Moss",
        "ada@example.org",
        ADA,
        "Clause 4 should go.",
    )


def test_an_attribution_over_blank_lines_and_a_quote_names_the_quote() -> None:
    assert split(f"Agreed.\n{ATT}\n\n\n> Clause 4 should go.\n") == (
        "Agreed.\n\n\n",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.")],
    )


def test_an_attribution_may_be_wrapped_over_two_or_three_lines() -> None:
    two = "Agreed.\n\nOn Wed, May 14, 2025 at 9:02 AM Ada Moss\n<ada@example.org> wrote:\n> Clause 4 should go.\n"
    three = "Agreed.\n\nOn Wed, May 14, 2025 at 9:02 AM\nAda Moss\n<ada@example.org> wrote:\n> Clause 4 should go.\n"
    for text in (two, three):
        own, [ada] = split_chain(text, None)
        assert own == "Agreed.\n\n"
        assert (ada.author_name, ada.author_email, ada.date, ada.body) == (
            "Ada Moss",
            "ada@example.org",
            ADA,
            "Clause 4 should go.",
        )


def test_an_unquoted_original_under_a_wrapped_attribution() -> None:
    for text in (
        "Agreed.\n\nOn Wed, May 14, 2025 at 9:02 AM Ada Moss\n<ada@example.org> wrote:\nClause 4 should go.\n",
        "Agreed.\n\nOn Wed, May 14, 2025 at 9:02 AM\nAda Moss\n<ada@example.org> wrote:\nClause 4 should go.\n",
    ):
        assert split(text) == ("Agreed.", [("Ada Moss", "ada@example.org", "Clause 4 should go.")])


def test_an_attribution_is_at_most_three_lines() -> None:
    text = "Agreed.\n\nOn Wed, May 14, 2025\nat 9:02 AM\nAda Moss\nwrote:\nClause 4 should go.\n"
    assert split(text) == (text, [])
    three = "Agreed.\n\nOn Wed, May 14, 2025\nat 9:02 AM Ada Moss\nwrote:\nClause 4 should go.\n"
    assert split(three) == ("Agreed.", [("Ada Moss", None, "Clause 4 should go.")])


def test_a_wrapped_attribution_starts_with_an_opener_or_a_date() -> None:
    text = "Agreed.\n\nYesterday Ada Moss\n<ada@example.org> wrote:\nClause 4 should go.\n"
    assert split(text) == ("Agreed.\n\nYesterday Ada Moss", [("", "ada@example.org", "Clause 4 should go.")])
    dated = "Agreed.\n\n14.05.2025, 09:02, Ada Moss\n<ada@example.org>:\nClause 4 should go.\n"
    own, [ada] = split_chain(dated, None)
    assert (own, ada.author_name, ada.author_email, ada.body) == (
        "Agreed.",
        "Ada Moss",
        "ada@example.org",
        "Clause 4 should go.",
    )


def test_an_attribution_may_share_its_line_with_the_reply() -> None:
    for text in (
        "Agreed. On Wed, May 14, 2025 at 9:02 AM, ada@example.org wrote:\n> Clause 4 should go.\n",
        "Agreed. -- On Wed, May 14, 2025 at 9:02 AM, ada@example.org wrote:\n> Clause 4 should go.\n",
        "Agreed.--On Wed, May 14, 2025 at 9:02 AM, ada@example.org wrote:\n> Clause 4 should go.\n",
    ):
        own, [ada] = split_chain(text, None)
        assert (own, ada.author_email, ada.date, ada.body) == ("Agreed.\n", "ada@example.org", ADA, "Clause 4 should go.")


def test_a_shared_attribution_line_needs_a_readable_date() -> None:
    text = "I agree with Bo. On the list Ada Moss wrote:\n> Clause 4 should go.\n"
    assert split(text) == ("I agree with Bo. On the list Ada Moss wrote:\n", [])
    # "On Monday Ada Moss wrote:" alone would be an attribution (of "Monday Ada Moss")
    text = "I agree. On Monday Ada Moss wrote:\n> Clause 4 should go.\n"
    assert split(text) == ("I agree. On Monday Ada Moss wrote:\n", [])
    dated = "I agree with Bo. On Wed, May 14, 2025 at 9:02 AM Ada Moss wrote:\n> Clause 4 should go.\n"
    assert split(dated) == ("I agree with Bo.\n", [("Ada Moss", None, "Clause 4 should go.")])
    unquoted = "I agree with Bo. On Wed, May 14, 2025 at 9:02 AM Ada Moss wrote:\nClause 4 should go.\n"
    assert split(unquoted) == ("I agree with Bo.", [("Ada Moss", None, "Clause 4 should go.")])


def test_a_shared_attribution_may_be_wrapped() -> None:
    text = "Agreed. On Wed, May 14, 2025 at 9:02 AM Ada Moss\n<ada@example.org> wrote:\n> Clause 4 should go.\n"
    own, [ada] = split_chain(text, None)
    assert (own, ada.author_name, ada.author_email, ada.date) == ("Agreed.\n", "Ada Moss", "ada@example.org", ADA)


def test_an_attribution_is_not_wrapped_across_a_blank_line() -> None:
    text = "Agreed.\n\nOn Wed, May 14, 2025 at 9:02 AM Ada Moss\n\nwrote:\nClause 4 should go.\n"
    assert split(text) == (text, [])
    wrapped = "Agreed.\n\nOn Wed, May 14, 2025 at 9:02 AM Ada Moss\nwrote:\nClause 4 should go.\n"
    assert split(wrapped) == ("Agreed.", [("Ada Moss", None, "Clause 4 should go.")])


# ---- the mark an HTML client leaves ------------------------------------------------------------

HEADERS = "From: Ada Moss <ada@example.org>\nDate: Wed, 14 May 2025 09:02:00 +0200\n\nClause 4 should go.\n"
ADA_PLUS2 = datetime(2025, 5, 14, 9, 2, tzinfo=PLUS2)


def test_the_mark_over_plain_text_starts_an_unnamed_quoted_message() -> None:
    own, [quoted] = split_chain(f"Agreed.\n{MARK}\nClause 4 should go.\n", None)
    assert (own, quoted.author_name, quoted.author_email, quoted.date) == ("Agreed.", "", None, None)
    assert (quoted.body, quoted.quoted) == ("Clause 4 should go.", True)


def test_the_mark_over_a_header_block_names_the_quoted_message() -> None:
    for gap in ("", "\n\n"):
        own, [ada] = split_chain(f"Agreed.\n{MARK}\n{gap}{HEADERS}", None)
        assert (own, ada.author_name, ada.author_email, ada.date, ada.body) == (
            "Agreed.",
            "Ada Moss",
            "ada@example.org",
            ADA_PLUS2,
            "Clause 4 should go.",
        )


def test_the_mark_over_an_attribution_and_unquoted_text() -> None:
    own, [ada] = split_chain(f"Agreed.\n{MARK}\n{ATT}\nClause 4 should go.\n", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("Agreed.", "Ada Moss", ADA, "Clause 4 should go.")


def test_the_mark_over_an_attribution_and_a_quote() -> None:
    assert split(f"Agreed.\n{MARK}\n{ATT}\n\n> Clause 4 should go.\n") == (
        "Agreed.\n\n",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.")],
    )
    assert split(f"Agreed.\n{MARK}\nBo wrote:\n> Clause 4 should go.\n") == (
        "Agreed.\n",
        [("Bo", None, "Clause 4 should go.")],
    )


def test_the_mark_over_a_quote_or_at_the_end_is_dropped() -> None:
    assert split(f"Agreed.\n{MARK}\n> {ATT}\n>> Clause 4.\n") == (
        "Agreed.\n",
        [("Ada Moss", "ada@example.org", "Clause 4.")],
    )
    assert split(f"Agreed.\n{MARK}\n\n") == ("Agreed.\n\n", [])
    assert split(f"Agreed.\n{MARK}") == ("Agreed.", [])


def test_the_mark_over_a_forwarded_message_leaves_it_in_the_reply() -> None:
    text = f"Agreed.\n{MARK}\n---------- Forwarded message ---------\n{HEADERS}"
    assert split(text) == (
        "Agreed.\n---------- Forwarded message ---------\n" + HEADERS,
        [],
    )


def test_a_second_mark_right_under_the_first_is_skipped() -> None:
    own, [quoted] = split_chain(f"Agreed.\n{MARK}\n\n{MARK}\nClause 4.\n", None)
    assert (own, quoted.author_name, quoted.body) == ("Agreed.", "", "Clause 4.")


# ---- forwarded messages and "Original Message" lines -------------------------------------------

FORWARDED = "---------- Forwarded message ---------"


def test_a_forwarded_message_stays_in_the_reply() -> None:
    for line in (FORWARDED, "Begin forwarded message:", "-- Weitergeleitete Nachricht --"):
        text = f"See below.\n\n{line}\n{HEADERS}"
        assert split(text) == (text, [])


def test_headers_three_lines_under_a_forwarded_line_are_the_forwarded_message() -> None:
    text = f"See below.\n{FORWARDED}\n\n\n{HEADERS}"
    assert split(text) == (text, [])


def test_headers_four_lines_under_a_forwarded_line_are_a_quoted_message() -> None:
    own, [ada] = split_chain(f"See below.\n{FORWARDED}\n\n\n\n{HEADERS}", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("See below.", "Ada Moss", ADA_PLUS2, "Clause 4 should go.")


def test_an_original_message_line_over_headers() -> None:
    for line in ("-----Original Message-----", "----- Original Message -----", "-----Messaggio originale-----"):
        own, [ada] = split_chain(f"Agreed.\n\n{line}\n\n{HEADERS}", None)
        assert (own, ada.author_name, ada.author_email, ada.date, ada.body) == (
            "Agreed.",
            "Ada Moss",
            "ada@example.org",
            ADA_PLUS2,
            "Clause 4 should go.",
        )


def test_an_original_message_line_over_an_attribution() -> None:
    assert split(f"Agreed.\n-----Original Message-----\n{ATT}\nClause 4 should go.\n") == (
        "Agreed.",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.")],
    )
    # with a quote under the attribution, the attribution is the quote's
    assert split(f"Agreed.\n-----Original Message-----\n{ATT}\n> Clause 4 should go.\n") == (
        "Agreed.",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.")],
    )


def test_an_original_message_line_over_plain_text_starts_an_unnamed_message() -> None:
    assert split("Agreed.\n-----Original Message-----\nFrom: Ada\nTo: x\n\nClause 4.\n") == (
        "Agreed.",
        [("", None, "From: Ada\nTo: x\n\nClause 4.")],
    )


def test_an_original_message_line_with_nothing_under_it_is_dropped() -> None:
    assert split("Agreed.\n\n-----Original Message-----\n") == ("Agreed.", [])
    assert split("Agreed.\n\n-----Original Message-----\n> Clause 4.\n") == ("Agreed.", [])


# ---- header blocks in the text -----------------------------------------------------------------


def test_a_header_block_starts_a_quoted_message() -> None:
    own, [ada] = split_chain(f"Fine.\n\n{HEADERS}", None)
    assert (own, ada.author_name, ada.author_email, ada.date, ada.date_zone_guessed, ada.body) == (
        "Fine.",
        "Ada Moss",
        "ada@example.org",
        ADA_PLUS2,
        False,
        "Clause 4 should go.",
    )


def test_separator_lines_over_a_header_block_are_dropped() -> None:
    for line in ("________________________________", "-----", "==="):
        assert split(f"Agreed.\n\n{line}\n{HEADERS}") == (
            "Agreed.",
            [("Ada Moss", "ada@example.org", "Clause 4 should go.")],
        )
    assert split(f"Agreed.\n\n____\n{HEADERS}")[0] == "Agreed.\n\n____"
    assert split(f"Agreed.\n\n-----\nsomething\n{HEADERS}")[0] == "Agreed.\n\n-----\nsomething"


def test_a_header_block_sets_the_zone_of_the_dates_written_under_it() -> None:
    text = (
        "Fine.\n\nFrom: Bo Lind <bo@example.org>\nDate: Wed, 14 May 2025 10:00:00 +0300\n\nNo.\n\n"
        "On 14 May 2025, at 09:02, Ada Moss <ada@example.org> wrote:\n\nClause 4 should go.\n"
    )
    own, [ada, bo] = split_chain(text, None)
    assert (own, bo.body, ada.body) == ("Fine.", "No.", "Clause 4 should go.")
    assert (bo.date, ada.date) == (datetime(2025, 5, 14, 10, 0, tzinfo=EAST), datetime(2025, 5, 14, 9, 2, tzinfo=EAST))


def test_a_zone_less_header_block_leaves_the_zone_as_it_was() -> None:
    text = (
        "Fine.\n\nFrom: Bo Lind <bo@example.org>\nDate: Wed, 14 May 2025 10:00:00\n\nNo.\n\n"
        "On 14 May 2025, at 09:02, Ada Moss <ada@example.org> wrote:\n\nClause 4 should go.\n"
    )
    _, [ada, bo] = split_chain(text, PLUS2)
    assert (bo.date, bo.date_zone_guessed) == (datetime(2025, 5, 14, 10, 0, tzinfo=PLUS2), True)
    assert ada.date == ADA_PLUS2
    _, [ada, bo] = split_chain(text, None)
    assert (bo.date, ada.date) == (datetime(2025, 5, 14, 10, 0, tzinfo=UTC), ADA)


def test_the_zone_of_a_quoted_header_block_ends_with_its_quote() -> None:
    text = (
        "> From: Bo Lind <bo@example.org>\n> Date: Wed, 14 May 2025 10:00:00 +0300\n>\n> No.\n\n"
        "Yes.\n\nOn 14 May 2025, at 09:02, Ada Moss <ada@example.org> wrote:\n\nClause 4 should go.\n"
    )
    own, older = split_chain(text, PLUS2)
    assert own == "\nYes."
    assert [(m.author_name, m.date) for m in older] == [
        ("Ada Moss", ADA_PLUS2),
        ("Bo Lind", datetime(2025, 5, 14, 10, 0, tzinfo=EAST)),
    ]


def test_a_from_line_inside_a_sentence_is_text() -> None:
    text = "Agreed.\nFrom: the licensor's side, clause 4 is fine.\nTo: be sure, ask Bo.\n"
    assert split(text) == (text, [])


def _headers_chain(n: int) -> str:
    parts = ["Top."]
    for k in range(n):
        parts.append(f"From: P{k} <p{k}@example.org>\nDate: Wed, 14 May 2025 09:02:00 +0200\n\nwords {k}\n")
    return "\n".join(parts)


def test_two_hundred_messages_in_a_chain_are_followed() -> None:
    own, older = split_chain(_headers_chain(200), None)
    assert own == "Top."
    assert [m.body for m in older] == [f"words {k}" for k in reversed(range(200))]


def test_a_chain_longer_than_two_hundred_stays_in_the_last_message() -> None:
    own, older = split_chain(_headers_chain(201), None)
    assert len(older) == 200
    assert older[0].body == (
        "words 199\n\nFrom: P200 <p200@example.org>\nDate: Wed, 14 May 2025 09:02:00 +0200\n\nwords 200"
    )


# ---- a paste of a quoting view -----------------------------------------------------------------


def test_unwrap_reads_a_wholly_quoted_paste_one_level_up() -> None:
    text = f"> {ATT}\n> > Clause 4 should go.\n>\n> No.\n"
    assert split(text, unwrap=True) == ("\nNo.\n", [("Ada Moss", "ada@example.org", "Clause 4 should go.")])
    assert split(text) == ("", [("Ada Moss", "ada@example.org", "Clause 4 should go.")])


def test_unwrap_takes_the_shallowest_written_line() -> None:
    assert split("\n>> a a\n> b b\n>> c c\n", unwrap=True) == ("\n> a a\n\nb b\n", [])
    assert split("> a\n\nb\n", unwrap=True) == ("> a\n\n\nb\n", [])
    assert split("\n\n", unwrap=True) == ("\n\n", [])


# ---- attributions the line scan does not flag --------------------------------------------------
# A line ending in ":" and an ideographic space is no candidate for the scan (its regex allows
# spaces, tabs and no-break spaces only); the lines above a quote and the first lines inside one
# are read again.

WIDE = "\u3000"


def test_an_attribution_just_above_a_quote_is_read_again() -> None:
    for gap in ("", "\n"):
        own, [ada] = split_chain(f"Reply.\n\n{ATT}{WIDE}\n{gap}> Clause 4.\n", None)
        assert (own, ada.author_name, ada.author_email, ada.date, ada.body) == (
            "Reply.\n\n",
            "Ada Moss",
            "ada@example.org",
            ADA,
            "Clause 4.",
        )


def test_an_attribution_above_a_quote_may_be_wrapped_over_three_lines() -> None:
    for att in (
        "On Wed, May 14, 2025 at 9:02 AM Ada Moss\n<ada@example.org> wrote:",
        "On Wed, May 14, 2025 at 9:02 AM\nAda Moss\n<ada@example.org> wrote:",
        "14.05.2025, 09:02, Ada Moss\n<ada@example.org>:",
    ):
        own, [ada] = split_chain(f"Reply.\n\n{att}{WIDE}\n> Clause 4.\n", None)
        assert (own, ada.author_name, ada.author_email, ada.date, ada.body) == (
            "Reply.\n\n",
            "Ada Moss",
            "ada@example.org",
            ADA,
            "Clause 4.",
        )


def test_a_wrapped_attribution_above_a_quote_starts_with_an_opener_or_a_date() -> None:
    own, [quoted] = split_chain(f"Reply.\nYesterday Ada Moss\n<ada@example.org> wrote:{WIDE}\n> Clause 4.\n", None)
    assert (own, quoted.author_name, quoted.author_email, quoted.date, quoted.body) == (
        "Reply.\nYesterday Ada Moss\n",
        "",
        "ada@example.org",
        None,
        "Clause 4.",
    )


def test_an_attribution_above_a_quote_is_at_most_three_lines() -> None:
    text = f"Reply.\n\nOn Wed, May 14, 2025\nat 9:02 AM\nAda Moss\nwrote:{WIDE}\n> Clause 4.\n"
    assert split(text) == ("Reply.\n\nOn Wed, May 14, 2025\nat 9:02 AM\nAda Moss\nwrote:\u3000\n", [])


def test_an_attribution_above_a_quote_is_not_wrapped_across_a_blank_line() -> None:
    text = f"Reply.\n\nOn Wed, May 14, 2025 at 9:02 AM Ada Moss\n\nwrote:{WIDE}\n> Clause 4.\n"
    assert split(text) == (f"Reply.\n\nOn Wed, May 14, 2025 at 9:02 AM Ada Moss\n\nwrote:{WIDE}\n", [])


def test_a_line_ending_otherwise_above_a_quote_is_not_read_as_an_attribution() -> None:
    text = f"Reply.\n\n{ATT[:-1]}\n> Clause 4.\n"
    assert split(text) == (f"Reply.\n\n{ATT[:-1]}\n", [])


def test_an_attribution_at_the_top_of_a_quote_names_it() -> None:
    own, [ada] = split_chain(f"Reply.\n\n> {ATT}{WIDE}\n> Clause 4.\n", None)
    assert (own, ada.author_name, ada.author_email, ada.date, ada.body) == (
        "Reply.\n\n",
        "Ada Moss",
        "ada@example.org",
        ADA,
        "Clause 4.",
    )


def test_an_attribution_alone_in_a_quote_names_an_empty_message() -> None:
    for line in (f"> {ATT}{WIDE}", f"> {ATT}"):
        own, [ada] = split_chain(f"Reply.\n\n{line}\n", None)
        assert (own, ada.author_name, ada.date, ada.body) == ("Reply.\n\n", "Ada Moss", ADA, "")


def test_the_attribution_at_the_top_of_a_quote_may_follow_blank_lines() -> None:
    text = f"Reply.\n\n>\n>\n>\n> {ATT}{WIDE}\n> Clause 4.\n>\n> Clause 5.\n> Clause 6.\n"
    assert split(text) == (
        "Reply.\n\n",
        [("Ada Moss", "ada@example.org", "Clause 4.\n\nClause 5.\nClause 6.")],
    )


def test_the_attribution_at_the_top_of_a_quote_is_looked_for_in_its_first_four_lines() -> None:
    text = f"Reply.\n\n>\n>\n>\n>\n> {ATT}{WIDE}\n> Clause 4.\n"
    assert split(text) == ("Reply.\n\n", [])


def test_the_attribution_at_the_top_of_a_quote_may_be_wrapped() -> None:
    for att in (
        "> On Wed, May 14, 2025 at 9:02 AM Ada Moss\n> <ada@example.org> wrote:",
        "> On Wed, May 14, 2025 at 9:02 AM\n> Ada Moss\n> <ada@example.org> wrote:",
    ):
        assert split(f"Reply.\n\n{att}{WIDE}\n> Clause 4.\n> Clause 5.\n") == (
            "Reply.\n\n",
            [("Ada Moss", "ada@example.org", "Clause 4.\nClause 5.")],
        )
    assert split(f"Reply.\n\n> Ada Moss\n> <ada@example.org> wrote:{WIDE}\n> Clause 4.\n") == (
        "Reply.\n\n",
        [("Ada Moss", "ada@example.org", "Clause 4.")],
    )


def test_the_attribution_at_the_top_of_a_quote_is_not_wrapped_across_a_blank_line() -> None:
    text = f"Reply.\n\n> On Wed, May 14, 2025 at 9:02 AM\n> Ada Moss\n>\n> <ada@example.org> wrote:{WIDE}\n> Clause 4.\n"
    assert split(text) == ("Reply.\n\n", [])


def test_a_quote_with_a_label_but_no_attribution_is_unnamed() -> None:
    assert split("Reply.\n\n> Note:\n> Clause 4.\n") == ("Reply.\n\n", [])
    assert split("Reply.\n\n> Note:\n> Clause 4.\n\nMore.\n") == ("Reply.\n\n> Note:\n> Clause 4.\n\n\nMore.\n", [])


def test_past_the_chain_limit_an_attribution_over_a_quote_still_names_it() -> None:
    tail = "\nOn Wed, May 14, 2025 at 9:02 AM\nAda Moss\n<ada@example.org> wrote:\n\n> Clause 4.\n\nmore\n"
    own, older = split_chain(_headers_chain(200) + tail, None)
    assert len(older) == 201
    assert [(m.author_name, m.date, m.body) for m in older[:2]] == [
        ("Ada Moss", ADA_PLUS2, "Clause 4."),  # in the zone of the header block above
        ("P199", datetime(2025, 5, 14, 9, 2, tzinfo=PLUS2), "words 199\n\nmore"),
    ]


# ---- attributions ending in dashes -------------------------------------------------------------


def test_an_attribution_may_end_in_a_verb_and_dashes() -> None:
    for att in (
        "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote --",
        "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote--\t",
        "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote: --",
        "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote *--",
        "W dniu 14.05.2025 o 09:02, Ada Moss <ada@example.org> napisał(a) --",
    ):
        for quote in ("> Clause 4.", "Clause 4."):
            own, [ada] = split_chain(f"Reply.\n\n{att}\n{quote}\n", None)
            assert (own.strip(), ada.author_name, ada.author_email, ada.date, ada.body) == (
                "Reply.",
                "Ada Moss",
                "ada@example.org",
                ADA,
                "Clause 4.",
            )


def test_one_dash_or_a_digit_before_the_dashes_ends_no_attribution() -> None:
    for att in (
        "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote -",
        "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote 2--",
    ):
        text = f"Reply.\n\n{att}\nClause 4.\n"
        assert split(text) == (text, [])


# ---- what a quoted message keeps ---------------------------------------------------------------


def test_a_quoted_header_block_on_one_line_names_the_quote() -> None:
    line = "> From: Ada Moss <ada@example.org> Date: Thu, 15 May 2025 10:00 +0000 Subject: Clause 4"
    for rest, body in (("", ""), ("> Clause 4 goes.\n", "Clause 4 goes.")):
        own, [ada] = split_chain(f"Reply.\n\n{line}\n{rest}", None)
        assert (own, ada.author_name, ada.author_email, ada.subject, ada.body) == (
            "Reply.\n\n",
            "Ada Moss",
            "ada@example.org",
            "Clause 4",
            body,
        )
        assert ada.date == datetime(2025, 5, 15, 10, 0, tzinfo=UTC)


def test_a_quoted_message_with_only_an_address_is_kept() -> None:
    text = "Reply.\n\n-----Original Message-----\nFrom: ada@example.org\nDate: Thu, 15 May 2025 10:00 +0000\n"
    own, [ada] = split_chain(text, None)
    assert (own, ada.author_name, ada.author_email, ada.body) == ("Reply.", "", "ada@example.org", "")


def test_a_quoted_message_with_no_author_and_no_words_is_dropped() -> None:
    text = "Reply.\n\n-----Original Message-----\nFrom: \nDate: Thu, 15 May 2025 10:00 +0000\n"
    assert split(text) == ("Reply.", [])


def test_an_unnamed_quote_before_a_named_one_stays_in_the_reply() -> None:
    assert split(f"> Unnamed words.\n\n{ATT}\n> Clause 4.\n") == (
        "> Unnamed words.\n\n\n",
        [("Ada Moss", "ada@example.org", "Clause 4.")],
    )


def test_only_the_unnamed_quotes_the_reply_goes_on_after_stay() -> None:
    assert split("Hi.\n> Unnamed words.\n\nmore\n> Later words.\n") == ("Hi.\n> Unnamed words.\n\n\nmore\n", [])


def test_an_interleaved_reply_inside_a_quoted_message() -> None:
    text = (
        "Reply.\n\nFrom: Bo Lind <bo@example.org>\nDate: Wed, 14 May 2025 10:00:00 +0300\n\nNo.\n\n"
        f"{ATT}\n> Clause 4.\n\nReally no.\n\n> And 5.\n"
    )
    own, [ada, bo] = split_chain(text, None)
    assert own == "Reply."
    assert (ada.author_name, ada.date, ada.body) == ("Ada Moss", datetime(2025, 5, 14, 9, 2, tzinfo=EAST), "Clause 4.\n\nAnd 5.")
    assert (bo.author_name, bo.body) == ("Bo Lind", "No.\n\nReally no.")


def test_a_quote_deeper_than_the_next_level_is_read_level_by_level() -> None:
    # the deeper line ends the quote it sits in: dropped with it, as a quote ending a message is
    assert split("Hi.\n>> deep words\n\nmore\n") == ("Hi.\n\nmore\n", [])
    assert split("Hi.\n> a a\n>> b b\n\nmore\n") == ("Hi.\n> a a\n\n\nmore\n", [])


def test_an_attribution_ending_in_dashes_at_the_top_of_a_quote_names_it() -> None:
    att = f"> On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote --{WIDE}"
    for rest, body in (("", ""), ("> Clause 4.\n", "Clause 4.")):
        own, [ada] = split_chain(f"Reply.\n\n{att}\n{rest}", None)
        assert (own, ada.author_name, ada.date, ada.body) == ("Reply.\n\n", "Ada Moss", ADA, body)


def test_a_quoted_header_block_ends_at_a_deeper_line() -> None:
    text = (
        "Reply.\n\n> From: Ada Moss <ada@example.org>\n> Date: Thu, 15 May 2025 10:00 +0000\n"
        ">> Subject: deeper\n>> words\n"
    )
    own, [ada] = split_chain(text, None)
    assert (own, ada.author_name, ada.subject, ada.body) == ("Reply.\n\n", "Ada Moss", "", "")


def test_a_value_wrapped_across_a_blank_line_after_four_fields() -> None:
    lines = ["Date: Thu", "Subject: x", "From: Ada", "To: a@example.org,", "", "b@example.org", "Body"]
    assert header_block(lines) == (
        {"date": "Thu", "subject": "x", "from": "Ada", "to": "a@example.org, b@example.org"},
        6,
        False,
    )


def test_an_open_value_on_the_last_line_ends_the_block() -> None:
    assert header_block(["From: Ada", "Date: Thu,", ""]) == ({"from": "Ada", "date": "Thu,"}, 3, False)


def test_a_wrapped_value_over_the_last_label() -> None:
    assert header_block(["From: Ada Moss", "<ada@example.org>", "Date: Thu"]) == (
        {"from": "Ada Moss <ada@example.org>", "date": "Thu"},
        3,
        False,
    )


def test_a_wrapped_value_after_a_closed_bracket_is_glued_with_a_space() -> None:
    assert header_block(["From: Ada <ada@example.org>", "(Example Foundation)", "Date: Thu", "Body"]) == (
        {"from": "Ada <ada@example.org> (Example Foundation)", "date": "Thu"},
        3,
        False,
    )


def test_an_attribution_may_be_the_last_line_of_the_text() -> None:
    own, [ada] = split_chain(f"Reply.\n\n{ATT}", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("Reply.", "Ada Moss", ADA, "")


def test_an_attribution_may_sit_right_under_a_quote() -> None:
    own, [ada] = split_chain(f"> Unnamed.\n{ATT}\nClause 4 should go.\n", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("", "Ada Moss", ADA, "Clause 4 should go.")


def test_an_attribution_may_end_in_spaces() -> None:
    own, [ada] = split_chain(f"Reply.\n{ATT}  \nClause 4 should go.\n", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("Reply.", "Ada Moss", ADA, "Clause 4 should go.")


def test_the_dashes_are_looked_for_in_the_last_200_characters() -> None:
    att = "On Wed, May 14, 2025 at 9:02 AM, Ada Moss <ada@example.org> wrote --"
    assert split(f"Reply.\n\n{att}{' ' * 198}\nClause 4.\n") == (
        "Reply.",
        [("Ada Moss", "ada@example.org", "Clause 4.")],
    )
    text = f"Reply.\n\n{att}{' ' * 199}\nClause 4.\n"
    assert split(text) == (text, [])


def test_lines_of_one_mark_do_not_shift_the_line_count() -> None:
    # the scan counts lines up to each line end it finds; a line that is nothing but that end
    # must count as one line too
    for mark in ("-", ":", "-\n-"):
        own, [ada] = split_chain(f"Reply.\n{mark}\n{ATT}\nClause 4.\n", None)
        assert (own, ada.author_name, ada.body) == (f"Reply.\n{mark}", "Ada Moss", "Clause 4.")


def test_a_quoted_header_block_in_the_first_line() -> None:
    text = "> **From**: Ada Moss <ada@example.org> **Date**: Thu, 15 May 2025 10:00 +0000 **Subject**: x\n\nReply.\n"
    own, [ada] = split_chain(text, None)
    assert (own, ada.author_name, ada.author_email, ada.subject, ada.body) == (
        "\nReply.\n",
        "Ada Moss",
        "ada@example.org",
        "x",
        "",
    )


def test_an_attribution_over_nothing_but_blank_lines_names_an_empty_message() -> None:
    own, [ada] = split_chain(f"Reply.\n\n{ATT}\n\n", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("Reply.", "Ada Moss", ADA, "")


def test_an_attribution_the_scan_does_not_flag_is_text_over_unquoted_lines() -> None:
    # Known limit: a trailing ideographic space hides the line from the scan, and only a quote
    # under it (read again by the block) makes it an attribution.
    text = f"Reply.\n\n{ATT}{WIDE}\nClause 4 should go.\n"
    assert split(text) == (text, [])


def test_a_blank_line_between_quoted_lines_stays_inside_the_kept_quote() -> None:
    assert split("Hi.\n> a a\n\n> b b\nmore\n") == ("Hi.\n> a a\n>\n> b b\n\nmore\n", [])
    assert split("Hi.\n> a a\n\n> b b") == ("Hi.", [])


def test_a_lone_quoted_line_keeps_the_markers_beyond_the_level_read() -> None:
    assert split("> Look:\n>> see above\n> that is all.\n", unwrap=True) == ("Look:\n> see above\nthat is all.\n", [])


def test_a_marker_without_a_space_keeps_the_whole_line() -> None:
    assert _levels([">x", ">> y"]) == ([1, 2], ["x", "y"], [0, 1])


def test_a_deeper_line_is_never_lifted_to_the_quote_above_it() -> None:
    assert _levels(["> a", ">> b", ">>> c"])[0] == [1, 2, 3]


def test_every_wrapped_tail_is_looked_at() -> None:
    assert _levels(["> a", "> b", "tail", "> c"])[0] == [1, 1, 1, 1]


def test_a_quoted_message_under_headers_loses_its_author_s_signature() -> None:
    text = (
        "Reply.\n\nFrom: Ada Moss <ada@example.org>\nDate: Thu, 15 May 2025 10:00 +0000\n\n"
        "Clause 4.\n\nAda Moss\nExample Foundation\n"
    )
    assert split(text) == ("Reply.", [("Ada Moss", "ada@example.org", "Clause 4.")])


def test_a_quoted_message_with_only_a_name_is_kept() -> None:
    text = "Reply.\n\n-----Original Message-----\nFrom: Ada Moss\nDate: Thu, 15 May 2025 10:00 +0000\n"
    assert split(text) == ("Reply.", [("Ada Moss", None, "")])


def test_a_kept_quote_before_the_last_line_of_the_text() -> None:
    assert split("Hi.\n> a a\n> b b\nmore") == ("Hi.\n> a a\n> b b\n\nmore", [])


# ---- zones, signatures and shared lines, once more -----------------------------------------------


def test_headers_under_an_original_message_line_set_the_zone_below_them() -> None:
    text = (
        "Fine.\n\n-----Original Message-----\nFrom: Bo Lind <bo@example.org>\n"
        "Date: Wed, 14 May 2025 10:00:00 +0300\n\nNo.\n\n"
        "On 14 May 2025, at 09:02, Ada Moss <ada@example.org> wrote:\n\nClause 4 should go.\n"
    )
    _, [ada, bo] = split_chain(text, None)
    assert (ada.date, bo.date) == (datetime(2025, 5, 14, 9, 2, tzinfo=EAST), datetime(2025, 5, 14, 10, 0, tzinfo=EAST))


def test_headers_under_a_mark_or_an_original_line_keep_their_language_and_zone() -> None:
    for line in ("-----Original Message-----", MARK):
        text = f"Bene.\n\n{line}\nDa: Ada Moss <ada@example.org>\nInviato: 03/04/2025 10:00\n\nClausola 4.\n"
        _, [ada] = split_chain(text, EAST)
        assert (ada.date, ada.date_zone_guessed) == (datetime(2025, 4, 3, 10, 0, tzinfo=EAST), True)


def test_headers_in_another_language_read_dates_day_first() -> None:
    _, [ada] = split_chain("Bene.\n\nDa: Ada Moss <ada@example.org>\nInviato: 03/04/2025 10:00\n\nClausola 4.\n", None)
    assert ada.date == datetime(2025, 4, 3, 10, 0, tzinfo=UTC)


def test_headers_without_a_date_leave_the_zone_as_it_was() -> None:
    text = (
        "Fine.\n\nFrom: Bo Lind <bo@example.org>\nTo: list@example.org\nSubject: x\n\nNo.\n\n"
        "On 14 May 2025, at 09:02, Ada Moss <ada@example.org> wrote:\n\nClause 4 should go.\n"
    )
    _, [ada, bo] = split_chain(text, EAST)
    assert (ada.date, bo.date, bo.body) == (datetime(2025, 5, 14, 9, 2, tzinfo=EAST), None, "No.")


def test_a_signature_is_cut_by_the_author_s_name_or_address() -> None:
    sig = "> Clause 4 should go.\n>\n> Ada Moss\n> Example Foundation\n"
    # the name alone (the address says nothing of it) and the address alone
    assert split(f"Fine.\n\nOn Wed, 14 May 2025 at 09:02, Ada Moss <am@example.org> wrote:\n{sig}")[1] == [
        ("Ada Moss", "am@example.org", "Clause 4 should go.")
    ]
    assert split(f"Fine.\n\nOn Wed, 14 May 2025 at 09:02, ada.moss@example.org wrote:\n{sig}")[1] == [
        ("", "ada.moss@example.org", "Clause 4 should go.")
    ]


def test_a_shared_attribution_line_takes_the_zone_given() -> None:
    text = "Agreed. On Wed, May 14, 2025 at 9:02 AM, ada@example.org wrote:\n> Clause 4 should go.\n"
    [ada] = split_chain(text, EAST)[1]
    assert ada.date == datetime(2025, 5, 14, 9, 2, tzinfo=EAST)


def test_a_shared_line_loses_the_dash_before_the_attribution() -> None:
    text = "See annex X - On Wed, May 14, 2025 at 9:02 AM, ada@example.org wrote:\n> Clause 4.\n"
    assert split(text) == ("See annex X\n", [("", "ada@example.org", "Clause 4.")])


def test_an_attribution_first_in_a_quoted_message_is_popped_over_its_quote() -> None:
    text = (
        "Reply.\n\nFrom: Bo Lind <bo@example.org>\nDate: Wed, 14 May 2025 10:00:00 +0300\n\n"
        f"{ATT}{WIDE}\n> Clause 4.\n"
    )
    own, [ada, bo] = split_chain(text, None)
    assert (own, bo.author_name, bo.body) == ("Reply.", "Bo Lind", "")
    assert (ada.author_name, ada.date, ada.body) == ("Ada Moss", datetime(2025, 5, 14, 9, 2, tzinfo=EAST), "Clause 4.")


def test_an_old_gmail_attribution_above_a_quote_is_read_again() -> None:
    own, [ada] = split_chain(f"Reply.\n\n2011/4/7 Ada Moss <ada@example.org>{WIDE}\n> Clause 4.\n", None)
    assert (own, ada.author_name, ada.author_email, ada.date, ada.body) == (
        "Reply.\n\n",
        "Ada Moss",
        "ada@example.org",
        datetime(2011, 4, 7, tzinfo=UTC),
        "Clause 4.",
    )


def test_the_attribution_at_the_top_of_a_quote_under_one_blank_line() -> None:
    own, [ada] = split_chain(f"Reply.\n\n>\n> {ATT}{WIDE}\n", EAST)
    assert (own, ada.author_name, ada.date, ada.body) == (
        "Reply.\n\n",
        "Ada Moss",
        datetime(2025, 5, 14, 9, 2, tzinfo=EAST),
        "",
    )


def test_a_mark_between_two_unnamed_quotes_is_dropped_and_both_stay() -> None:
    assert split(f"Hi.\n> a a\n\n{MARK}\n> b b\n\nmore\n") == ("Hi.\n> a a\n\n\n> b b\n\n\nmore\n", [])


def test_the_first_line_and_the_line_under_a_quote_are_always_read() -> None:
    # the scan misses an attribution ending in an ideographic space; these lines are read one by one
    for text in (f"> Unnamed.\n{ATT}{WIDE}\nClause 4 should go.\n", f"{ATT}{WIDE}\nClause 4 should go.\n"):
        assert split(text) == ("", [("Ada Moss", "ada@example.org", "Clause 4 should go.")])


def test_an_old_gmail_attribution_keeps_the_blank_line_under_it_in_the_reply() -> None:
    own, [ada] = split_chain("Reply.\n\n2011/4/7 Ada Moss <ada@example.org>\n\n> Clause 4.\n", None)
    assert (own, ada.author_name, ada.date, ada.body) == ("Reply.\n\n\n", "Ada Moss", datetime(2011, 4, 7, tzinfo=UTC), "Clause 4.")


def test_a_quote_of_lines_ending_in_colons_is_read_for_an_attribution() -> None:
    assert split(f"Reply.\n\n> {ATT}{WIDE}\n> Note:\n") == ("Reply.\n\n", [("Ada Moss", "ada@example.org", "Note:")])
    # no line of it is flagged ("Note:" is, as a label)
    assert split(f"Reply.\n\n> {ATT}{WIDE}\n> (see clause 4):\n") == (
        "Reply.\n\n",
        [("Ada Moss", "ada@example.org", "(see clause 4):")],
    )


def test_a_quote_holding_a_deeper_quote_is_read_for_an_attribution_too() -> None:
    text = f"Reply.\n\n> Ada Moss\n> <ada@example.org> wrote:{WIDE}\n> Clause 4.\n>> deeper\n> more\n"
    assert split(text) == ("Reply.\n\n", [("Ada Moss", "ada@example.org", "Clause 4.\n> deeper\nmore")])


def _marked_chain(n: int, headers: bool) -> str:
    parts = ["Top."]
    for k in range(n):
        if headers:
            who = f"From: P{k} <p{k}@example.org>\nDate: Wed, 14 May 2025 09:02:00 +0200\n"
        else:
            who = f"On Wed, 14 May 2025 at 09:02, P{k} <p{k}@example.org> wrote:"
        parts.append(f"-----Original Message-----\n{who}\nwords {k}\n")
    return "\n".join(parts)


@pytest.mark.parametrize("headers", [True, False])
def test_the_chain_limit_counts_messages_not_marker_lines(headers: bool) -> None:
    own, older = split_chain(_marked_chain(150, headers), None)
    assert own == "Top."
    assert [(m.author_name, m.body) for m in older] == [(f"P{k}", f"words {k}") for k in reversed(range(150))]


def test_a_quote_with_no_line_the_scan_flags_is_taken_whole() -> None:
    # A quote with no quote inside it and no flagged line is not split further: an attribution
    # the scan misses (the ideographic space again) below its first lines stays quoted text.
    assert split(f"Reply.\n\n> text\n\n> {ATT}{WIDE}\n> more\n") == ("Reply.\n\n", [])
    assert split(f"Reply.\n\n> text\n\n> {ATT}{WIDE}\n> more\nNote: x\n") == (
        f"Reply.\n\n> text\n>\n> {ATT}{WIDE}\n> more\n\nNote: x\n",
        [],
    )
    # one line of it alike: an "Original Message" line with an ideographic space is not flagged
    assert split(f"Reply.\n\n> -----{WIDE}Original Message-----\n\nmore\n") == (
        f"Reply.\n\n> -----{WIDE}Original Message-----\n\n\nmore\n",
        [],
    )


@pytest.mark.parametrize("blank", [" ", "\t", "\u00a0", "\u202f", "\u00a0 "])
def test_an_attribution_ending_in_a_no_break_space_is_flagged_like_a_plain_space(blank: str) -> None:
    # Web archives and HTML mail turn "wrote:&nbsp;" into a no-break space; over an unquoted
    # original only the scan can find the attribution.
    assert split(f"Reply.\n\n{ATT}{blank}\nClause 4 should go.\n") == (
        "Reply.",
        [("Ada Moss", "ada@example.org", "Clause 4 should go.")],
    )
    assert split(f"Reply.\n\nAda Moss wrote --{blank}\nClause 4 should go.\n") == (
        "Reply.",
        [("Ada Moss", None, "Clause 4 should go.")],
    )


def test_a_deeper_quote_interleaved_in_a_quoted_reply_continues_its_own_author() -> None:
    # Carlo quotes Bo, who had answered Ada point by point; Carlo answers between Bo's points.
    # Ada's second point (">>" in Carlo's second block) is Ada's, not a quote inside Bo's words.
    text = (
        "On Wed, 14 May 2025 at 11:00, Bo Lind <bo@example.org> wrote:\n"
        "> On Wed, 14 May 2025 at 10:00, Ada Moss <ada@example.org> wrote:\n"
        ">> Clause 4 limits the field.\n>\n> I agree on 4.\n\n"
        "I do not.\n\n>> And 5 needs a registration.\n>\n> That one is worse.\n\nAgreed on 5.\n"
    )
    own, older = split_chain(text, None)
    assert [line for line in own.split("\n") if line] == ["I do not.", "Agreed on 5."]
    by_name = {m.author_name: m.body for m in older}
    assert by_name == {
        "Ada Moss": "Clause 4 limits the field.\n\nAnd 5 needs a registration.",
        "Bo Lind": "I agree on 4.\n\nThat one is worse.",
    }


def test_a_deeper_unnamed_quote_in_a_plain_continued_block_stays_when_nobody_was_named_deeper() -> None:
    # Bo's first block quoted nobody deeper: a ">>" in his later block has no author to go to
    text = (
        "On Wed, 14 May 2025 at 11:00, Bo Lind <bo@example.org> wrote:\n> Clause 4 limits the field.\n\n"
        "I do not.\n\n>> Unnamed older words.\n>\n> That one is worse.\n\nAgreed.\n"
    )
    own, [bo] = split_chain(text, None)
    assert [line for line in own.split("\n") if line] == ["I do not.", "Agreed."]
    assert bo.author_name == "Bo Lind"
    assert bo.body.startswith("Clause 4 limits the field.") and bo.body.endswith("That one is worse.")
