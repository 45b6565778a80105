"""review.mail.message on its own: the plain data the parser returns."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from review.mail.message import MailFormatError, Message, normalise_words

BODY = "I read 2.2(b) as a field-of-use restriction; that fails OSD 6.\n"


def test_normalised_words_ignore_case_wrapping_quoting_and_punctuation() -> None:
    assert normalise_words("> The Licensor MAY,\n>   at its option,\tterminate!") == (
        "the licensor may at its option terminate"
    )


def test_no_words_normalise_to_nothing() -> None:
    assert normalise_words(" -- \n> ...\n") == ""


def test_a_message_knows_nothing_until_told() -> None:
    m = Message()
    assert (m.author_name, m.author_email, m.date, m.subject) == ("", None, None, "")
    assert (m.message_id, m.in_reply_to, m.body, m.clause_refs) == (None, None, "", [])
    assert (m.quoted, m.date_zone_guessed, m.reply_to) == (False, False, None)


def test_each_message_has_its_own_list_of_references() -> None:
    a, b = Message(), Message()
    a.clause_refs.append("2.2")
    assert b.clause_refs == []


def test_a_format_error_is_a_value_error_with_a_message_for_people() -> None:
    err = MailFormatError("This is not mail.")
    assert isinstance(err, ValueError)
    assert str(err) == "This is not mail."


def _message(**kw) -> Message:
    base = {
        "author_name": "Ana Steward",
        "author_email": "ana@example.org",
        "date": datetime(2025, 3, 3, 11, 15, tzinfo=UTC),
        "body": BODY,
    }
    return Message(**{**base, **kw})


def test_the_fingerprint_is_a_short_stable_hex_digest() -> None:
    fp = _message().fingerprint
    assert len(fp) == 32
    assert int(fp, 16) >= 0
    assert fp == _message().fingerprint


def test_the_fingerprint_is_blind_to_how_the_body_was_wrapped_or_punctuated() -> None:
    rewrapped = "I read 2.2(b) as a\nfield-of-use restriction -- that fails\nOSD 6"
    assert _message(body=rewrapped).fingerprint == _message().fingerprint


def test_the_fingerprint_is_blind_to_case_and_spaces_around_the_address() -> None:
    assert _message(author_email=" Ana@Example.ORG ").fingerprint == _message().fingerprint


def test_the_same_moment_in_another_zone_has_the_same_fingerprint() -> None:
    cet = timezone(timedelta(hours=1))
    same = datetime(2025, 3, 3, 12, 15, tzinfo=cet)
    assert _message(date=same).fingerprint == _message().fingerprint


def test_author_date_and_body_each_change_the_fingerprint() -> None:
    fp = _message().fingerprint
    assert _message(author_email="bo@example.org").fingerprint != fp
    assert _message(date=datetime(2025, 3, 3, 11, 16, tzinfo=UTC)).fingerprint != fp
    assert _message(date=None).fingerprint != fp
    assert _message(body="I agree.").fingerprint != fp


def test_without_an_address_the_name_identifies_the_author() -> None:
    ana = _message(author_email=None).fingerprint
    assert _message(author_email=None, author_name="  ana steward").fingerprint == ana
    assert _message(author_email=None, author_name="Bo Reviewer").fingerprint != ana


def test_the_fingerprint_keeps_author_date_and_body_apart() -> None:
    # a name ending in a digit must not run into the date, nor an empty date into the body
    a = _message(author_email=None, author_name="ana", date=None, body="1 agree")
    b = _message(author_email=None, author_name="ana 1", date=None, body="agree")
    assert a.fingerprint != b.fingerprint


def test_a_name_with_a_lone_surrogate_still_has_a_fingerprint() -> None:
    # a header decoded with surrogateescape upstream must not crash dedup
    assert len(_message(author_email=None, author_name="Jos\udce9").fingerprint) == 32
