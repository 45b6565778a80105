"""review.mail.attribution on its own: authors and "On <date>, <name> wrote:" lines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from review.mail.attribution import (
    clean_email,
    deobfuscate,
    looks_like_author,
    may_end_attribution,
    parse_attribution,
    parse_author,
)

CEST = timezone(timedelta(hours=2))
EST = timezone(timedelta(hours=-5))

# ---- addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("tom at example dot org", "tom@example.org"),
        ("tom [at] example [dot] org", "tom@example.org"),
        ("tom (at) example (dot) co (dot) uk", "tom@example.co.uk"),
        ("tom&#64;example.org", "tom@example.org"),
        ("Tom.Quill AT Example DOT org", "Tom.Quill@Example.org"),
        ("write to tom at example . org today", "write to tom@example.org today"),
    ],
)
def test_an_address_written_to_dodge_spam_is_put_back_together(text: str, plain: str) -> None:
    assert deobfuscate(text) == plain


def test_words_that_merely_contain_at_are_not_an_address() -> None:
    assert deobfuscate("we met at noon") == "we met at noon"


@pytest.mark.parametrize(
    ("value", "address"),
    [
        ("Pamela@Example.ORG", "pamela@example.org"),
        (" <pamela@example.org> ", "pamela@example.org"),
        ("[pamela@example.org]", "pamela@example.org"),
        ("(pamela@example.org)", "pamela@example.org"),
        ("mailto:pamela@example.org", "pamela@example.org"),
        ("<mailto: pamela@example.org>", "pamela@example.org"),
        ("o'brien+list@mail.example.co", "o'brien+list@mail.example.co"),
    ],
)
def test_an_address_is_cleaned_and_lower_cased(value: str, address: str) -> None:
    assert clean_email(value) == address


@pytest.mark.parametrize(
    "value",
    [None, "", "   ", "pamela", "pamela@example", "pamela@example.o", "pam ela@example.org",
     "a@b@example.org", "omar@…", "<pamela@example.org>, x@example.org", "p;x@example.org"],
)  # fmt: skip
def test_what_is_not_one_address_cleans_to_none(value: str | None) -> None:
    assert clean_email(value) is None


# ---- authors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Pamela Ortiz <pamela@example.org>", ("Pamela Ortiz", "pamela@example.org")),
        ('"Ortiz, Pamela" <Pamela@Example.org>', ("Ortiz, Pamela", "pamela@example.org")),
        ("pamela@example.org (Pamela Ortiz)", ("Pamela Ortiz", "pamela@example.org")),
        ("  Pamela   Ortiz\n <pamela@example.org> ,", ("Pamela Ortiz", "pamela@example.org")),
        ("Pamela Ortiz [mailto:pamela@example.org]", ("Pamela Ortiz", "pamela@example.org")),
        ("Pamela Ortiz (mailto:pamela@example.org)", ("Pamela Ortiz", "pamela@example.org")),
        ("Pamela Ortiz <MAILTO:pamela@example.org>", ("Pamela Ortiz", "pamela@example.org")),
        ("Pamela Ortiz <pamela@example.org]", ("Pamela Ortiz", "pamela@example.org")),
        (
            "Pamela Ortiz pamela@example.org<mailto:pamela@example.org>",
            ("Pamela Ortiz", "pamela@example.org"),
        ),
        (
            "Pamela Ortiz <pamela@example.org<mailto:pamela@example.org>>",
            ("Pamela Ortiz", "pamela@example.org"),
        ),
        ("Tom Quill <tom at example dot org>", ("Tom Quill", "tom@example.org")),
        ("Tom Quill [at] home", ("Tom Quill at home", None)),
        ("pamela@example.org", ("", "pamela@example.org")),
        ("<pamela@example.org>", ("", "pamela@example.org")),
        ("pamela@example.org <pamela@example.org>", ("", "pamela@example.org")),
        ('"pamela@example.org" <pamela@example.org>', ("", "pamela@example.org")),
        ("Pamela Ortiz", ("Pamela Ortiz", None)),
        ("O\\'Brien, Sean <sean@example.ie>", ("O'Brien, Sean", "sean@example.ie")),
        ("Ortiz, Pamela:", ("Ortiz, Pamela", None)),
        ("", ("", None)),
    ],
)
def test_an_author_is_a_name_and_an_address(text: str, author: tuple[str, str | None]) -> None:
    assert parse_author(text) == author


def test_an_address_is_found_when_the_header_around_it_is_broken() -> None:
    # parseaddr gives up on the stray quote; the address is still there to find
    assert parse_author('Pamela "Pam Ortiz pamela@example.org') == ('Pamela "Pam Ortiz', "pamela@example.org")


@pytest.mark.parametrize(
    "text",
    [
        "Pamela Ortiz via License-review <license-review@lists.example.org>",
        "Pamela Ortiz (via License-review) <license-review@lists.example.org>",
        "Pamela Ortiz VIA License-review <license-review@lists.example.org>",
    ],
)
def test_a_list_that_rewrites_the_sender_gives_the_name_and_no_address(text: str) -> None:
    assert parse_author(text) == ("Pamela Ortiz", None)


def test_via_without_an_address_is_part_of_the_name() -> None:
    assert parse_author("Pamela Ortiz via the web form") == ("Pamela Ortiz", None)
    assert parse_author("Maria Via <maria@example.org>") == ("Maria Via", "maria@example.org")


@pytest.mark.parametrize(
    "behalf",
    [
        "On Behalf Of",
        "on behalf of",
        "im Auftrag von",
        "de la part de",
        "en nombre de",
        "namens",
        "per conto di",
    ],
)
def test_a_list_sending_on_behalf_of_someone_gives_that_someone(behalf: str) -> None:
    text = f"License-review <license-review-bounces@lists.example.org> {behalf} Pamela Ortiz <pamela@example.org>"
    assert parse_author(text) == ("Pamela Ortiz", "pamela@example.org")


@pytest.mark.parametrize(
    "who", ["Tom Quill", "Ortiz, Pamela", "tom at example.org", "tom@example.org", "Ludwig van Beethoven",
            "Ada", "Jean-Luc de la Fontaine", "Tom (at) home", "A. B. Quill"],
)  # fmt: skip
def test_names_look_like_authors(who: str) -> None:
    assert looks_like_author(who)


@pytest.mark.parametrize(
    "who",
    ["I", "The licensor", "the Licensor", "We All", "Someone Else", "My Colleague", "", "A B",
     "As I said before to the list", "Tom quill", "One Two Three Four Five Six"],
)  # fmt: skip
def test_pronouns_sentences_and_lower_case_words_do_not(who: str) -> None:
    assert not looks_like_author(who)


def test_an_author_may_have_five_words() -> None:
    assert looks_like_author("José María de la Vega")
    assert looks_like_author("Ana Belén De La Vega")


# ---- attribution lines ----------------------------------------------------------------------


def shell(line: str, tz=CEST, **kw):
    m = parse_attribution(line, tz, **kw)
    assert m is not None, line
    return (m.author_name, m.author_email, m.date, m.date_zone_guessed, m.quoted)


def test_an_attribution_gives_a_quoted_message_shell() -> None:
    assert shell("On Wed, May 14, 2025 at 9:02 AM Pamela Ortiz <pamela@example.org> wrote:") == (
        "Pamela Ortiz",
        "pamela@example.org",
        datetime(2025, 5, 14, 9, 2, tzinfo=CEST),
        True,
        True,
    )


def test_a_date_with_its_zone_is_not_a_guess() -> None:
    line = "On Wed, 14 May 2025 09:02:00 -0500, Pamela Ortiz <pamela@example.org> wrote:"
    assert shell(line)[2:4] == (datetime(2025, 5, 14, 9, 2, tzinfo=EST), False)


def test_a_zone_less_date_takes_the_quoting_messages_zone_else_utc() -> None:
    line = "On 14 May 2025 09:02, Pamela Ortiz wrote:"
    assert shell(line, tz=None)[2] == datetime(2025, 5, 14, 9, 2, tzinfo=UTC)
    assert shell(line, tz=EST)[2] == datetime(2025, 5, 14, 9, 2, tzinfo=EST)


def test_without_a_date_the_shell_has_none_and_guesses_nothing() -> None:
    assert shell("Pamela Ortiz <pamela@example.org> wrote:")[2:4] == (None, False)


def test_a_wrapped_attribution_reads_as_one_line() -> None:
    line = "On Wed, May 14, 2025 at 9:02 AM Pamela Ortiz\n<pamela@example.org>\n wrote:"
    assert shell(line)[:2] == ("Pamela Ortiz", "pamela@example.org")


@pytest.mark.parametrize(
    ("line", "name", "when"),
    [
        ("Am 15.04.2025 um 10:12 schrieb Jonas Weber:", "Jonas Weber", datetime(2025, 4, 15, 10, 12)),
        ("Op 5-4-2025 om 13:18 schreef Anne de Vries:", "Anne de Vries", datetime(2025, 4, 5, 13, 18)),
        ("Den 05.04.2025 kl. 13:18 skrev Lars Berg:", "Lars Berg", datetime(2025, 4, 5, 13, 18)),
        ("På 05.04.2025 skrev Lars Berg:", "Lars Berg", datetime(2025, 4, 5)),
    ],
)
def test_a_verb_in_the_middle_reads_the_date_day_first(line: str, name: str, when: datetime) -> None:
    assert shell(line)[0] == name
    assert shell(line)[2] == when.replace(tzinfo=CEST)


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("On 05/04/2025 13:18, Kai Turner wrote:", datetime(2025, 5, 4, 13, 18)),  # month first
        ("Le 05/04/2025 à 13:18, Claire Dubois a écrit :", datetime(2025, 4, 5, 13, 18)),
        ("El 05/04/2025 a las 13:18, Lucía Gómez escribió:", datetime(2025, 4, 5, 13, 18)),
        ("Em 05/04/2025 13:18, Rui Costa escreveu:", datetime(2025, 4, 5, 13, 18)),
        ("W dniu 05.04.2025 o 13:18, Jan Kowalski napisał:", datetime(2025, 4, 5, 13, 18)),
    ],
)
def test_an_english_opener_reads_month_first_the_others_day_first(line: str, when: datetime) -> None:
    assert shell(line)[2] == when.replace(tzinfo=CEST)


def test_a_verb_without_a_colon_is_an_attribution_only_between_dashes() -> None:
    assert parse_attribution("On 14 May 2025 09:02, Pamela Ortiz wrote", CEST) is None
    assert shell("-----On 14 May 2025 09:02, Pamela Ortiz wrote-----")[0] == "Pamela Ortiz"
    assert shell("-- Pamela Ortiz wrote")[0] == "Pamela Ortiz"
    assert shell("Pamela Ortiz wrote --")[0] == "Pamela Ortiz"
    assert parse_attribution("*Pamela Ortiz wrote*", CEST) is None


def test_a_reply_sharing_the_line_with_an_attribution_is_left_to_the_caller() -> None:
    assert parse_attribution("Agreed. On 14 May 2025 09:02, Pamela Ortiz wrote:", CEST) is None


def test_a_date_first_attribution_without_an_opener_is_read() -> None:
    line = "14 May 2025 09:02, Pamela Ortiz <pamela@example.org> wrote:"
    assert shell(line)[:3] == ("Pamela Ortiz", "pamela@example.org", datetime(2025, 5, 14, 9, 2, tzinfo=CEST))
    assert shell("Wed, 14 May 2025 09:02, Pamela Ortiz wrote:")[0] == "Pamela Ortiz"


@pytest.mark.parametrize(
    ("line", "author"),
    [
        # no readable date: the author holds the address, else follows the last comma
        (
            "On some day in May, Pamela Ortiz <pamela@example.org> wrote:",
            ("Pamela Ortiz", "pamela@example.org"),
        ),
        (
            'On a sunny day, "Ortiz, Pamela" <pamela@example.org> wrote:',
            ("Ortiz, Pamela", "pamela@example.org"),
        ),
        ("On the day after, Pamela Ortiz wrote:", ("Pamela Ortiz", None)),
        ("On sometime, at noon, Pamela Ortiz wrote:", ("Pamela Ortiz", None)),
        ("Op een dag heeft Anne de Vries het volgende geschreven:", ("Anne de Vries", None)),
        ("W dniu wczoraj użytkownik Jan Kowalski napisał:", ("Jan Kowalski", None)),
        ("Pamela Ortiz <pamela@example.org> wrote:", ("Pamela Ortiz", "pamela@example.org")),
        (
            "Yesterday Pamela Ortiz <pamela@example.org> wrote:",
            ("Yesterday Pamela Ortiz", "pamela@example.org"),
        ),
    ],
)
def test_the_author_without_a_readable_date(line: str, author: tuple[str, str | None]) -> None:
    assert shell(line)[:2] == author


@pytest.mark.parametrize(
    "line",
    [
        "I wrote:",
        "The licensor wrote:",
        "On the other hand, nobody wrote:",
        "Who wrote:",
        "Did Pamela Ortiz? wrote:",
        "wrote:",
        "On 14 May 2025 09:02, wrote:",
        "x wrote",
        "ab:",
        "Tom:",
        "On the topic of section 2.2(b) the licensor wrote:",
        "This clause is what the FSF " + "really " * 30 + "wrote:",
    ],
)
def test_not_attributions(line: str) -> None:
    assert parse_attribution(line, CEST) is None


def test_an_attribution_is_between_six_and_four_hundred_characters() -> None:
    assert shell("Al said:")[0] == "Al"
    name = "Pamela Ortiz <" + "p" * 40 + "@example.org>"
    long = "On 14 May 2025 09:02, " + name + " wrote:"
    assert shell(long)[1] == "p" * 40 + "@example.org"
    padded = "On 14 May 2025 09:02, Pamela Ortiz wrote:"
    assert parse_attribution(padded.replace("Pamela", "Pamela" + " Ortiz" * 80), CEST) is None


def test_the_author_part_is_at_most_160_characters() -> None:
    addr = "p" * 140 + "@example.org"
    assert shell(f"{addr} wrote:")[1] == addr
    longer = "p" * 150 + "@example.org"
    assert parse_attribution(f"{longer} wrote:", CEST) is None


def test_an_opener_with_a_date_makes_any_author_acceptable() -> None:
    assert shell("On 14 May 2025 09:02, pamela wrote:")[0] == "pamela"
    assert parse_attribution("On some day, pamela wrote:", CEST) is None


# ---- date-first lines without a verb --------------------------------------------------------


def test_yandex_and_mail_ru_attributions_start_with_the_date() -> None:
    yandex = '26.06.2014, 14:41, "Ivan Petrov" <ivan@example.ru>:'
    assert shell(yandex)[:3] == ("Ivan Petrov", "ivan@example.ru", datetime(2014, 6, 26, 14, 41, tzinfo=CEST))
    mailru = "26 июня 2014, 14:41 +04:00 от Ivan Petrov <ivan@example.ru>:"
    assert shell(mailru)[:2] == ("Ivan Petrov", "ivan@example.ru")


def test_old_gmail_date_and_author_over_a_quote_needs_the_quote() -> None:
    line = "2011/4/7 Pamela Ortiz <pamela@example.org>"
    assert parse_attribution(line, CEST) is None
    assert shell(line, before_quote=True)[:3] == (
        "Pamela Ortiz",
        "pamela@example.org",
        datetime(2011, 4, 7, tzinfo=CEST),
    )


def test_a_date_first_line_needs_a_date_and_an_address() -> None:
    assert parse_attribution("26.06.2014, 14:41, Ivan Petrov:", CEST) is None
    assert parse_attribution("2 points for <ivan@example.ru>:", CEST) is None


# ---- the quick test for a wrapped attribution's last line -----------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "On Wed, May 14, 2025 at 9:02 AM Pamela Ortiz <pamela@example.org> wrote:",
        "Pamela Ortiz <pamela@example.org>:",
        "said:",
        "Le 15 avr. 2025, Claire Dubois a écrit :",
        "Il giorno mar 15 apr 2025 Marco Rossi ha SCRITTO:",
        "Pamela Ortiz <pamela@example.org>",
        "-----Pamela Ortiz wrote-----",
        "Pamela Ortiz wrote --",
        "Jan Kowalski napisał(a):",
    ],
)
def test_a_line_that_may_end_an_attribution(line: str) -> None:
    assert may_end_attribution(line)


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Note:",
        "The rewrite:",
        "I agree with the change",
        "see <https://example.org/licence>",
        "a -> b",
        "and then - ",
        "--",
        ":",
        "pamela@example.org " + "x" * 80 + ":",
    ],
)
def test_a_line_that_cannot_end_one(line: str) -> None:
    assert not may_end_attribution(line)


def test_the_quick_test_reads_only_the_end_of_a_line() -> None:
    far = "pamela@example.org " + "x" * 80 + ">"
    assert not may_end_attribution(far)
    assert may_end_attribution("pamela@example.org " + "x" * 59 + ">")
    wrote = "Pamela Ortiz wrote " + "-" * 60
    assert not may_end_attribution(wrote)


# ---- edges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Sean O'Brien <o'brien@example.ie>", ("Sean O'Brien", "o'brien@example.ie")),
        ("'Pamela Ortiz' <pamela@example.org>", ("Pamela Ortiz", "pamela@example.org")),
        ("Xavier Ortiz <Xavier@Example.org>", ("Xavier Ortiz", "xavier@example.org")),
        ("Tom Quill <tom AT example DOT org>", ("Tom Quill", "tom@example.org")),
        ("pamela@example", ("", None)),
        ("Pamela Ortiz (pamela@example.org", ("Pamela Ortiz", "pamela@example.org")),
        ("Pamela Ortiz [pamela@example.org", ("Pamela Ortiz", "pamela@example.org")),
        ("Pamela, Ortiz <pamela@example.org>", ("Pamela, Ortiz", "pamela@example.org")),
    ],
)
def test_authors_from_broken_or_unusual_headers(text: str, author: tuple[str, str | None]) -> None:
    assert parse_author(text) == author


def test_a_capital_x_is_a_letter_like_any_other() -> None:
    assert clean_email("Xavier@Example.org") == "xavier@example.org"
    assert shell("Xavier Ortiz wrote:")[0] == "Xavier Ortiz"


def test_commas_separate_the_words_of_a_name() -> None:
    assert looks_like_author("de la Vega, José María")
    assert not looks_like_author("We, The Licensors")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        (
            "On some day, Pamela Ortiz <pamela@example.org>, for the list wrote:",
            ("Pamela Ortiz", "pamela@example.org"),
        ),
        (
            'On Tuesday, 5 May, "Ortiz, Pamela" <pamela@example.org> wrote:',
            ("Ortiz, Pamela", "pamela@example.org"),
        ),
        ("On Tuesday,Pamela Ortiz <pamela@example.org> wrote:", ("Pamela Ortiz", "pamela@example.org")),
        (
            "On Tuesday, in May, Pamela Ortiz <pamela@example.org> wrote:",
            ("Pamela Ortiz", "pamela@example.org"),
        ),
        ("On pamela@example.org wrote:", ("", "pamela@example.org")),
        ('"Pamela Ortiz" wrote:', ("Pamela Ortiz", None)),
        ("legal team <legal@example.org> wrote:", ("legal team", "legal@example.org")),
        (
            'On the "Team" list, "Pamela Ortiz" <pamela@example.org> wrote:',
            ("Pamela Ortiz", "pamela@example.org"),
        ),
        ('On "Ortiz, Pamela" <pamela@example.org> wrote:', ("Ortiz, Pamela", "pamela@example.org")),
        (
            'On "Team" list, "Ortiz, Pamela" <pamela@example.org> wrote:',
            ("Ortiz, Pamela", "pamela@example.org"),
        ),
    ],
)
def test_the_author_among_commas_and_quotes(line: str, author: tuple[str, str | None]) -> None:
    assert shell(line)[:2] == author


def test_an_attribution_is_at_most_four_hundred_characters() -> None:
    head = "On the morning of the meeting about the notice duty"
    tail = ", Pamela Ortiz wrote:"
    line = head + " " * 0 + "x" * (400 - len(head) - len(tail)) + tail
    assert len(line) == 400
    assert shell(line)[0] == "Pamela Ortiz"
    longer = head + "x" * (401 - len(head) - len(tail)) + tail
    assert parse_attribution(longer, CEST) is None


def test_the_author_part_may_be_exactly_160_characters() -> None:
    addr = "p" * 148 + "@example.org"
    assert len(addr) == 160
    assert shell(f"{addr} wrote:")[1] == addr
    assert parse_attribution(f"p{addr} wrote:", CEST) is None


def test_the_quick_test_reads_the_last_eighty_or_sixty_characters() -> None:
    assert may_end_attribution("@" + "x" * 78 + ":")
    assert may_end_attribution("@" + "x" * 78 + ">")
    assert not may_end_attribution("@" + "x" * 79 + ":")
    assert not may_end_attribution("@" + "x" * 79 + ">")
    assert may_end_attribution("wrote" + "-" * 55)
    assert not may_end_attribution("wrote" + "-" * 56)
