"""review.mail.digest on its own: which texts are digests, and how they split."""

from __future__ import annotations

import pytest

from review.mail.digest import looks_like_digest, split_digest

SEP = "-" * 30
ONE = "Message: 1\nDate: Tue, 4 Mar 2025 09:01:44 +0100\nFrom: Lee <lee@example.org>\nSubject: Re: x\n\nFirst body.\n"
TWO = "Message: 2\nFrom: Ana <ana@example.org>\nSubject: Re: x\n\nSecond body.\n"


def digest(*parts: str, footer: str = "") -> str:
    body = f"\n{SEP}\n\n".join(parts)
    return f"Today's Topics:\n\n   1. Re: x (Lee)\n\n{'-' * 70}\n\n{body}\n{SEP}\n\n{footer}"


def test_a_message_block_right_after_a_separator_is_a_digest() -> None:
    assert looks_like_digest(digest(ONE))


@pytest.mark.parametrize(
    "text",
    [
        "From: Lee\n\nMessage: 1\nTo: all\n\nok",  # no separator above it
        f"{SEP}\n\nMessage: one\nTo: all\n",  # not a number
        f"{SEP}\n\nMessage: 1\n\nno header under it\n",
        f"{'-' * 25}\n\nMessage: 1\nTo: all\n",  # too short a line to be the digest's
        f"{SEP}\n" + "x" * 300 + "\n\nMessage: 1\nTo: all\n",  # a separator far above
    ],
)
def test_other_texts_are_not_digests(text: str) -> None:
    assert not looks_like_digest(text)


def test_a_separator_just_within_reach_counts() -> None:
    assert looks_like_digest(f"{SEP}\n\n\n  \nMessage: 7\nTo: all\n")


def test_each_message_becomes_mail_text_without_its_number_or_separator() -> None:
    assert split_digest(digest(ONE, TWO)) == [ONE.split("\n", 1)[1], TWO.split("\n", 1)[1]]


def test_the_digest_footer_is_not_part_of_the_last_message() -> None:
    footer = "Subject: Digest Footer\n\n_______\nList mailing list\n\nEnd of List Digest, Vol 1, Issue 2\n"
    chunks = split_digest(digest(ONE, TWO, footer=footer))
    assert chunks[-1] == TWO.split("\n", 1)[1]


def test_end_of_digest_line_alone_also_ends_the_last_message() -> None:
    chunks = split_digest(digest(ONE, footer="End of License-review Digest, Vol 1, Issue 2\n****\n"))
    assert chunks == [ONE.split("\n", 1)[1]]


def test_a_dashed_line_inside_a_message_is_kept() -> None:
    inner = "Message: 1\nFrom: Lee <lee@example.org>\n\nAbove.\n" + SEP + "\nBelow.\n"
    [chunk] = split_digest(digest(inner))
    assert chunk == "From: Lee <lee@example.org>\n\nAbove.\n" + SEP + "\nBelow.\n"


def test_windows_line_ends_are_read() -> None:
    assert split_digest(digest(ONE, TWO).replace("\n", "\r\n")) == split_digest(digest(ONE, TWO))


def test_a_separator_with_words_under_it_does_not_make_a_digest() -> None:
    assert not looks_like_digest(f"{SEP}\nsome words\n\nMessage: 1\nTo: all\n")


def test_the_shortest_separator_counts_even_at_the_very_start() -> None:
    assert looks_like_digest(f"{'-' * 26}\n\nMessage: 1\nTo: all\n")


def test_three_messages_each_end_where_the_next_begins() -> None:
    three = "Message: 3\nFrom: Sam <sam@example.org>\n\nThird body.\n"
    assert split_digest(digest(ONE, TWO, three)) == [p.split("\n", 1)[1] for p in (ONE, TWO, three)]


def test_a_last_message_with_no_separator_after_it_keeps_its_own_dashed_line() -> None:
    text = f"{'-' * 70}\n\nMessage: 1\nFrom: Lee <lee@example.org>\n\nAbove.\n{SEP}\nBelow.\nEnd of List Digest\n"
    assert split_digest(text) == [f"From: Lee <lee@example.org>\n\nAbove.\n{SEP}\nBelow.\n"]


@pytest.mark.parametrize(
    "above",
    [
        f"Intro\n{SEP}\nsome words",  # the separator is not the line right above
        f"{SEP}\nXX",  # a line of letters, however short
        f"see {SEP}",  # dashes at the end of a line of words are not a separator line
    ],
)
def test_only_a_separator_line_right_above_the_block_counts(above: str) -> None:
    assert not looks_like_digest(f"{above}\n\nMessage: 1\nTo: all\n")
