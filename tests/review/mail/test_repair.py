"""review.mail.repair on its own: undoing damage that mail picks up on the way."""

from __future__ import annotations

import pytest

from review.mail.repair import decode_escapes, qp_evidence, repair_text, undo_qp

# ---- literal escapes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("On Mon at 5:51\\u202fAM Ana wrote:", "On Mon at 5:51\u202fAM Ana wrote:"),
        ("the licensor\\u2019s rights", "the licensor\u2019s rights"),
        ("\\u201cSoftware\\u201d means", "\u201cSoftware\u201d means"),
        ("see 2.2(b)\\u2014it fails", "see 2.2(b)\u2014it fails"),
        ("agreed.\\u00a0Thanks", "agreed.\u00a0Thanks"),
        ("\\u00abLicence\\u00bb", "\u00abLicence\u00bb"),
        ("the licensor\\u2019S", "the licensor\u2019S"),
        ("\u00abLicence\\u203a", "\u00abLicence\u203a"),
        ("a \\u2026 b wait\\u2026what", "a \\u2026 b wait\u2026what"),
    ],
)
def test_an_escape_glued_to_a_word_is_decoded(damaged: str, repaired: str) -> None:
    assert decode_escapes(damaged) == repaired


@pytest.mark.parametrize(
    "text",
    [
        "JSON writes a narrow space as \\u202f in strings",  # spaces around it
        'the escape "\\u2019" is an apostrophe',  # quoted
        "a letter\\u0041here",  # not a space or punctuation
        "a\\u2070b",  # superscript zero, not punctuation
        "Windows paths like C:\\users\\ana",
        "no escapes here at all",
    ],
)
def test_an_escape_written_about_or_not_punctuation_stays(text: str) -> None:
    assert decode_escapes(text) == text


# ---- quoted-printable residue ---------------------------------------------------------------

SOFT = "> Ana wrote: the licensee must keep the notice in every copy of the addres=\n> s list\n"


def test_clean_mail_shows_no_sign_of_quoted_printable() -> None:
    assert qp_evidence("Set a=b and x = 20 in the config; 3 = three.\n") == 0
    assert qp_evidence("no equals sign at all\n") == 0


def test_each_kind_of_sign_counts_once() -> None:
    assert qp_evidence("Citt=C3=A0 and Universit=C3=A0\n") == 1
    assert qp_evidence(SOFT) == 1
    assert qp_evidence("trailing space=20\nand a tab=09\n") == 1
    assert qp_evidence('<a href=3D"x">') == 1
    assert qp_evidence(SOFT + "Citt=C3=A0 end=20\n" + 'href=3D"x"') == 4


@pytest.mark.parametrize(
    "text",
    [
        "Citt=C3=A0 alone is one sign\n",
        SOFT,
        "a line ending=20\n",
        "a=b, x = 20, and 1=3D2 arithmetic\n",
    ],
)
def test_a_single_sign_is_not_enough_to_repair(text: str) -> None:
    assert undo_qp(text) == text


def test_a_soft_break_and_a_utf8_sequence_are_both_undone() -> None:
    text = "> the licensee must keep the notice in every copy of the addres=\n> s list, citt=C3=A0\n"
    assert (
        undo_qp(text) == "> the licensee must keep the notice in every copy of the address list, citt\u00e0\n"
    )


LONG = "> a line that is long enough to have been folded by the encoder="


@pytest.mark.parametrize("after", [">> deeper quote", "My own reply below the quote", ">no space"])
def test_a_soft_break_joins_only_at_the_same_quote_depth(after: str) -> None:
    # a quoted line ending in "=" followed by the writer's own words (or a deeper quote) is not
    # a folded line: joining them would glue the reply onto the quote
    text = f"{LONG}\n{after}\nCitt=C3=A0 end=20\n"
    assert undo_qp(text) == f"{LONG}\n{after}\nCitt\u00e0 end \n"


def test_a_soft_break_in_unquoted_text_does_not_join_a_quote_below() -> None:
    text = "I think the notice should stay in every copy we ship, and=\n> Ana wrote: Citt=C3=A0=20\n"
    assert (
        undo_qp(text)
        == "I think the notice should stay in every copy we ship, and=\n> Ana wrote: Citt\u00e0 \n"
    )


def test_a_soft_break_in_unquoted_text_joins_the_next_line() -> None:
    text = "the licensee must keep the notice in every copy of the addres=\ns list, citt=C3=A0\n"
    assert (
        undo_qp(text) == "the licensee must keep the notice in every copy of the address list, citt\u00e0\n"
    )


def test_a_short_line_ending_in_equals_is_not_a_soft_break() -> None:
    text = "x=\ny and Citt=C3=A0 end=20\n"
    assert undo_qp(text) == "x=\ny and Citt\u00e0 end \n"


def test_encoded_trailing_space_and_tab_come_back_as_themselves() -> None:
    text = "first line=20\nsecond line=09\nCitt=C3=A0\n"
    assert undo_qp(text) == "first line \nsecond line\t\nCitt\u00e0\n"


def test_an_encoded_equals_sign_before_a_word_or_quote_is_decoded() -> None:
    text = '<a href=3D"https://example.org/">x</a> and a=3Db, 1=3D 2\nCitt=C3=A0\n'
    assert undo_qp(text) == '<a href="https://example.org/">x</a> and a=b, 1=3D 2\nCitt\u00e0\n'


@pytest.mark.parametrize(
    ("encoded", "decoded"),
    [
        ("=C3=AC", "\u00ec"),  # two bytes, lead C3
        ("=D0=96", "\u0416"),  # two bytes, lead D0
        ("=E2=80=99", "\u2019"),  # three bytes
        ("=F0=9F=98=80", "\U0001f600"),  # four bytes
    ],
)
def test_utf8_sequences_of_every_length_are_decoded(encoded: str, decoded: str) -> None:
    assert undo_qp(f"word{encoded} end=20\n") == f"word{decoded} end \n"


def test_bytes_that_are_not_utf8_stay_encoded() -> None:
    # a lead byte for four bytes with continuation bytes of an over-long form
    assert undo_qp("x=F4=90=80=80 end=20\n") == "x=F4=90=80=80 end \n"


def test_repair_text_decodes_escapes_then_quoted_printable() -> None:
    text = "Ana\\u2019s reply=20\nCitt=C3=A0\n"
    assert repair_text(text) == "Ana\u2019s reply \nCitt\u00e0\n"
    assert repair_text("plain words\n") == "plain words\n"
