"""review.mail.parse never raises anything but MailFormatError, whatever it is given, and
raises that only to refuse: a crash inside the parser, which parse_thread wraps in a
MailFormatError for the people who read it, fails these tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.mail.parse import MailFormatError, Message, parse_thread, parse_thread_bytes

# Fragments that steer random text into the parser's branches.
PIECES = st.sampled_from(
    [
        "\n",
        "> ",
        ">> ",
        "On 5/14/2025 7:09 AM, X wrote:\n",
        "On Wed, May 14, 2025 at 9:02 AM A <a@b.c> wrote:\n",
        "From: A <a@b.c>\n",
        "Sent: Wednesday, May 14, 2025 9:02 AM\n",
        "Da: B\n",
        "Inviato: Martedì, 15 aprile 2025\n",
        "To: c\n",
        "Subject: s\n",
        "Date: Tue, 15 Apr 2025 10:12:00 +0200\n",
        "Date: 15 \u017fept 2025\n",
        "Date: Tue, 15 Apr 2025 10:12:00 CEST\n",
        "Message-ID: <x@y>\n",
        "Content-Type: multipart/mixed; boundary=b\n",
        "--b\n",
        "Content-Transfer-Encoding: base64\n",
        "From a@b Wed May 14 09:02:11 2025\n",
        '<blockquote type="cite">',
        "</blockquote>",
        "<pre>",
        "<H1>",
        "<!--beginarticle-->",
        "-- \n",
        "_______________\n",
        "Section 2.2(b) ",
        "§ ",
        "2.bb ",
        "=?utf-8?b?w6k=?=",
        "=\n",
        "\r\n",
        "\x00",
        "é",
        "\udcff",
    ]
)
MAILISH = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join)


def assert_refusal(exc: MailFormatError) -> None:
    """A refusal of the parser's own: a reason, and no exception underneath. A nesting too
    deep to read (RecursionError) is a refusal too; anything else underneath is a crash."""
    assert str(exc)
    cause = exc.__cause__
    assert cause is None or isinstance(cause, RecursionError), f"parser crashed: {cause!r}"


def test_a_crash_is_told_from_a_refusal(monkeypatch):
    import review.mail.parse as parse

    def boom(_value):
        raise KeyError("x")

    monkeypatch.setattr(parse, "parse_header_date", boom)
    with pytest.raises(MailFormatError) as info:
        parse.parse_thread("From: A <a@b.c>\nDate: Tue, 15 Apr 2025 10:12:00 +0200\nSubject: s\n\nbody\n")
    with pytest.raises(AssertionError, match="parser crashed"):
        assert_refusal(info.value)
    with pytest.raises(MailFormatError) as info:
        parse.parse_thread_bytes(b"\x00\x00\x00\x00binary")
    assert_refusal(info.value)


def check(result: list[Message]) -> None:
    assert isinstance(result, list)
    for msg in result:
        assert isinstance(msg, Message)
        assert msg.date is None or msg.date.tzinfo is not None
        assert isinstance(msg.fingerprint, str)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), MAILISH))
def test_parse_thread_never_raises_unexpected(raw: str) -> None:
    try:
        check(parse_thread(raw))
    except MailFormatError as exc:
        assert_refusal(exc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(), MAILISH.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_parse_thread_bytes_never_raises_unexpected(data: bytes) -> None:
    try:
        check(parse_thread_bytes(data))
    except MailFormatError as exc:
        assert_refusal(exc)


READABLE = st.lists(
    st.one_of(
        PIECES.filter(lambda p: p not in ("\x00", "\udcff")),
        st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20),
        st.just("\t"),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(READABLE)
def test_readable_text_is_read_not_rejected(raw: str) -> None:
    # Only binary input is refused: readable text never hits the catch-all, it gives a list.
    check(parse_thread(raw))


PATHS = st.sampled_from(["1", "2", "2.1", "2.2", "2.2(a)", "2.2(b)", "3(a)", "4", "7", "10.1(c)(ii)"])


@settings(max_examples=200, deadline=None)
@given(READABLE, st.lists(st.tuples(PATHS, st.text(max_size=80)), max_size=8, unique_by=lambda c: c[0]))
def test_match_refs_returns_known_clauses_best_first(body: str, clauses: list[tuple[str, str]]) -> None:
    from review.mail.parse import find_refs, match_refs

    matches = match_refs(body, find_refs(body), clauses)
    known = {path for path, _ in clauses}
    assert all(m.path in known and 0 < m.confidence <= 1 for m in matches)
    assert [m.confidence for m in matches] == sorted((m.confidence for m in matches), reverse=True)
    assert len({m.path for m in matches}) == len(matches)
