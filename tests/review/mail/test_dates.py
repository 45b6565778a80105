"""review.mail.dates: RFC 5322 Date headers and the loose, localised dates of attribution lines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.mail.dates import MONTHS, parse_header_date, parse_loose


def offset(hours: int, minutes: int = 0) -> timezone:
    sign = -1 if hours < 0 else 1
    return timezone(sign * timedelta(hours=abs(hours), minutes=minutes))


# --- parse_header_date: always aware, never raises --------------------------------------


def test_header_with_numeric_offset_keeps_it():
    assert parse_header_date("Tue, 15 Apr 2025 10:12:00 +0200") == datetime(
        2025, 4, 15, 10, 12, tzinfo=offset(2)
    )
    assert parse_header_date("Tue, 15 Apr 2025 10:12:00 +0200").utcoffset() == timedelta(hours=2)


def test_header_with_minus_zero_zone_is_utc():
    result = parse_header_date("Tue, 15 Apr 2025 10:12:00 -0000")
    assert result == datetime(2025, 4, 15, 10, 12, tzinfo=UTC)
    assert result.utcoffset() == timedelta(0)


def test_header_without_zone_is_read_as_utc():
    result = parse_header_date("Tue, 15 Apr 2025 10:12:00")
    assert result.tzinfo is not None
    assert result == datetime(2025, 4, 15, 10, 12, tzinfo=UTC)


def test_header_with_a_zone_name_the_email_package_drops_keeps_that_zone():
    # email.utils reads "CEST" and "JST" as no zone at all; they are +2 and +9, not UTC.
    cest = parse_header_date("Tue, 15 Apr 2025 10:12:00 CEST")
    assert cest.utcoffset() == timedelta(hours=2)
    assert cest == datetime(2025, 4, 15, 8, 12, tzinfo=UTC)
    assert parse_header_date("Tue, 15 Apr 2025 10:12:00 JST").utcoffset() == timedelta(hours=9)


def test_header_the_email_package_cannot_read_falls_back_to_the_loose_reader():
    result = parse_header_date("Martedì, 15 aprile 2025 10:12 +0200")
    assert result == datetime(2025, 4, 15, 10, 12, tzinfo=offset(2))


def test_header_only_the_email_package_reads_keeps_its_reading():
    # two-digit years are RFC 5322's obsolete syntax; the loose reader wants four digits
    assert parse_header_date("15 Apr 25 10:12:00 +0200") == datetime(2025, 4, 15, 10, 12, tzinfo=offset(2))
    assert parse_header_date("15 Apr 25 10:12:00 -0000") == datetime(2025, 4, 15, 10, 12, tzinfo=UTC)


def test_a_zone_is_taken_from_the_loose_reading_only_when_its_wall_time_agrees():
    # the loose reader finds the ISO date in the comment: not the same moment, so not used
    value = "15 Apr 2025 10:12:00 -0000 (sent 2025-04-16)"
    assert parse_header_date(value) == datetime(2025, 4, 15, 10, 12, tzinfo=UTC)


def test_loose_header_without_zone_is_utc():
    assert parse_header_date("15 aprile 2025 10:12") == datetime(2025, 4, 15, 10, 12, tzinfo=UTC)


@pytest.mark.parametrize("value", [None, "", "garbage", "Tue, 99 Apr 2025 10:12:00 +0000", "\x00"])
def test_unreadable_header_is_none(value):
    assert parse_header_date(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "Tue, 15 \u017fep 2025 10:12:00 +0000",  # long s: the regex matches "sep" case-insensitively
        "15 \u017fept 2025",
        "\u017fept 15, 2025",
    ],
)
def test_malformed_header_does_not_raise(value):
    result = parse_header_date(value)
    assert result is None or result.tzinfo is not None


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.lists(
            st.one_of(
                st.sampled_from(sorted(MONTHS)).map(str.upper),
                # Letters that match another case-insensitively: long s, Kelvin sign.
                st.sampled_from(sorted(MONTHS)).map(
                    lambda n: n.upper().replace("S", "\u017f").replace("K", "\u212a")
                ),
                st.sampled_from(
                    ["\u017f", "\u212a", "\u0130", "ß", " ", "15", "2025", "10:12", "+0200", "-0000"]
                ),
                st.text(max_size=4),
            ),
            max_size=8,
        ).map(" ".join),
    )
)
def test_header_parsing_never_raises_and_is_always_aware(value):
    result = parse_header_date(value)
    assert result is None or result.tzinfo is not None


# --- parse_loose: times ------------------------------------------------------------------


def test_pm_adds_twelve_hours_except_at_noon():
    assert parse_loose("15 Apr 2025 3:04 PM")[0] == datetime(2025, 4, 15, 15, 4)
    assert parse_loose("15 Apr 2025 12:30 pm")[0] == datetime(2025, 4, 15, 12, 30)
    assert parse_loose("15 Apr 2025 11:59 p.m.")[0] == datetime(2025, 4, 15, 23, 59)


def test_am_at_twelve_is_midnight_and_other_am_hours_stay():
    assert parse_loose("15 Apr 2025 12:30 am")[0] == datetime(2025, 4, 15, 0, 30)
    assert parse_loose("15 Apr 2025 9:02 AM")[0] == datetime(2025, 4, 15, 9, 2)
    assert parse_loose("15 Apr 2025 11:02 a.m.")[0] == datetime(2025, 4, 15, 11, 2)


def test_twenty_four_hour_times_are_taken_as_written():
    assert parse_loose("15 Apr 2025 12:30")[0] == datetime(2025, 4, 15, 12, 30)
    assert parse_loose("15 Apr 2025 00:30")[0] == datetime(2025, 4, 15, 0, 30)
    assert parse_loose("15 Apr 2025 23:59:58")[0] == datetime(2025, 4, 15, 23, 59, 58)


def test_french_h_separator_and_seconds():
    assert parse_loose("15 avril 2025 10h30")[0] == datetime(2025, 4, 15, 10, 30)
    assert parse_loose("2025-04-15 10:12:07")[0] == datetime(2025, 4, 15, 10, 12, 7)


def test_a_word_after_the_minutes_is_not_am_or_pm():
    assert parse_loose("15 Apr 2025 10:12 pmx")[0] == datetime(2025, 4, 15, 10, 12)
    assert parse_loose("15 Apr 2025 10:12 amazing")[0] == datetime(2025, 4, 15, 10, 12)


def test_a_time_glued_to_digits_or_a_dot_is_not_a_time():
    assert parse_loose("15 Apr 2025 1.10:12")[0] == datetime(2025, 4, 15)
    assert parse_loose("15 Apr 2025 10:123")[0] == datetime(2025, 4, 15)


# --- parse_loose: zones --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hours", "minutes"),
    [
        ("2025-04-15 10:12 +0200", 2, 0),
        ("2025-04-15 10:12 -0500", -5, 0),
        ("2025-04-15 10:12 +05:30", 5, 30),
        ("2025-04-15 10:12 -03:30", -3, 30),
        ("2025-04-15 10:12 UTC+2", 2, 0),
        ("2025-04-15 10:12 UTC-7", -7, 0),
        ("2025-04-15 10:12 (GMT-03:00)", -3, 0),
        ("2025-04-15 10:12 GMT+05:45", 5, 45),
        ("2025-04-15 10:12 (UTC+0530)", 5, 30),
    ],
)
def test_numeric_offsets_keep_their_sign_and_minutes(text, hours, minutes):
    result, _ = parse_loose(text)
    assert result.replace(tzinfo=None) == datetime(2025, 4, 15, 10, 12)
    assert result.utcoffset() == offset(hours, minutes).utcoffset(None)


@pytest.mark.parametrize(
    ("abbr", "hours"),
    [
        ("CEST", 2),
        ("CET", 1),
        ("MESZ", 2),
        ("EDT", -4),
        ("EST", -5),
        ("PDT", -7),
        ("JST", 9),
        ("GMT", 0),
        ("UTC", 0),
    ],
)
def test_zone_abbreviations(abbr, hours):
    result, _ = parse_loose(f"2025-04-15 10:12 {abbr}")
    assert result.utcoffset() == timedelta(hours=hours)


def test_zone_abbreviation_in_parentheses():
    assert parse_loose("2025-04-15 10:12 (CEST)")[0].utcoffset() == timedelta(hours=2)


def test_a_word_that_starts_like_a_zone_is_not_one():
    assert parse_loose("2025-04-15 10:12 ESTATE")[0].tzinfo is None


def test_offsets_beyond_fourteen_hours_are_no_zone():
    assert parse_loose("2025-04-15 10:12 +1500")[0].tzinfo is None
    assert parse_loose("2025-04-15 10:12 UTC+15")[0].tzinfo is None
    assert parse_loose("2025-04-15 10:12 +1400")[0].utcoffset() == timedelta(hours=14)


def test_default_zone_applies_only_when_the_text_names_none():
    tz = offset(3)
    assert parse_loose("2025-04-15 10:12", tz=tz)[0] == datetime(2025, 4, 15, 10, 12, tzinfo=tz)
    assert parse_loose("2025-04-15 10:12 +0100", tz=tz)[0].utcoffset() == timedelta(hours=1)
    assert parse_loose("2025-04-15 10:12")[0].tzinfo is None


# --- parse_loose: dates -------------------------------------------------------------------


def test_iso_dates():
    assert parse_loose("2025-04-15") == (datetime(2025, 4, 15), 10)
    assert parse_loose("2025/4/5") == (datetime(2025, 4, 5), 8)
    assert parse_loose("on 2025-12-01 08:00") == (datetime(2025, 12, 1, 8, 0), 19)


def test_iso_separators_must_agree():
    assert parse_loose("2025-04/15")[0] is None


def test_ambiguous_slash_date_is_month_first_unless_told():
    assert parse_loose("12/05/2025")[0] == datetime(2025, 12, 5)
    assert parse_loose("12/05/2025", dayfirst=True)[0] == datetime(2025, 5, 12)
    assert parse_loose("12/05/2025", dayfirst=False)[0] == datetime(2025, 12, 5)


def test_slash_date_that_can_only_be_one_way():
    assert parse_loose("13/05/2025")[0] == datetime(2025, 5, 13)
    assert parse_loose("13/05/2025", dayfirst=False)[0] == datetime(2025, 5, 13)
    assert parse_loose("05/13/2025", dayfirst=True)[0] == datetime(2025, 5, 13)
    assert parse_loose("12/12/2025")[0] == datetime(2025, 12, 12)


def test_dotted_date_is_day_first():
    assert parse_loose("05.04.2025")[0] == datetime(2025, 4, 5)
    assert parse_loose("05.04.2025", dayfirst=False)[0] == datetime(2025, 4, 5)
    assert parse_loose("05.13.2025")[0] == datetime(2025, 5, 13)


def test_two_digit_years_are_this_century():
    assert parse_loose("05/04/25")[0] == datetime(2025, 5, 4)
    assert parse_loose("5-4-99")[0] == datetime(2099, 5, 4)


def test_numeric_date_needs_its_own_boundaries():
    assert parse_loose("1.05/04/2025")[0] is None
    assert parse_loose("05/04/20255")[0] is None


def test_day_month_year_in_several_languages():
    assert parse_loose("15 aprile 2025") == (datetime(2025, 4, 15), 14)
    assert parse_loose("Martedì, 15 aprile 2025")[0] == datetime(2025, 4, 15)
    assert parse_loose("15 de abril de 2025")[0] == datetime(2025, 4, 15)
    assert parse_loose("1st March 2025")[0] == datetime(2025, 3, 1)
    assert parse_loose("15-Apr-2025")[0] == datetime(2025, 4, 15)
    assert parse_loose("3. März 2025")[0] == datetime(2025, 3, 3)
    assert parse_loose("15 kwietnia 2025")[0] == datetime(2025, 4, 15)
    assert parse_loose("15 ДЕКАБРЯ 2025")[0] == datetime(2025, 12, 15)


def test_month_day_year():
    assert parse_loose("April 15, 2025") == (datetime(2025, 4, 15), 14)
    assert parse_loose("Sept. 3rd, 2025")[0] == datetime(2025, 9, 3)
    assert parse_loose("April 15, 2025 at 3:04 PM") == (datetime(2025, 4, 15, 15, 4), 25)


def test_asctime_reads_once_the_time_is_blanked():
    assert parse_loose("Wed May 14 09:02:11 2025") == (datetime(2025, 5, 14, 9, 2, 11), 24)


def test_end_offset_covers_the_date_or_the_time_whichever_ends_later():
    text = "On 15 aprile 2025 10:12, Anna wrote:"
    assert parse_loose(text) == (datetime(2025, 4, 15, 10, 12), len("On 15 aprile 2025 10:12"))
    text = "10:12 on 15 aprile 2025, Anna wrote:"
    assert parse_loose(text)[1] == len("10:12 on 15 aprile 2025")


def test_impossible_dates_and_text_without_a_date_are_none():
    assert parse_loose("31.02.2025") == (None, 0)
    assert parse_loose("2025-13-01") == (None, 0)
    assert parse_loose("10:12 and nothing else") == (None, 0)
    assert parse_loose("") == (None, 0)


def test_a_name_that_matches_a_month_only_by_ignoring_case_is_no_date():
    # a dotless i matches "i" in the regex, but no case mapping turns "aprıl" into "april"
    assert parse_loose("Aprıl 15, 2025") == (None, 0)
    assert parse_loose("15 aprıl 2025") == (None, 0)
    assert parse_header_date("Aprıl 15, 2025 10:12") is None


def test_a_day_above_twelve_settles_the_order_whatever_dayfirst_says():
    assert parse_loose("05/12/2025", dayfirst=True)[0] == datetime(2025, 12, 5)
    assert parse_loose("12/05/2025", dayfirst=False)[0] == datetime(2025, 12, 5)
    assert parse_loose("12/13/2025", dayfirst=True)[0] == datetime(2025, 12, 13)


def test_years_from_100_are_taken_as_written():
    assert parse_loose("05/04/0100")[0] == datetime(100, 5, 4)
    assert parse_loose("05/04/1999")[0] == datetime(1999, 5, 4)


def test_month_names_read_whatever_their_case():
    assert MONTHS["aprile"] == 4
    assert MONTHS["déc"] == 12
    assert parse_loose("15 APRILE 2025")[0] == datetime(2025, 4, 15)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Tue, 6 May 2025 4:15 PM +0200", datetime(2025, 5, 6, 16, 15, tzinfo=timezone(timedelta(hours=2)))),
        ("Tue, 6 May 2025 12:30 am -0400", datetime(2025, 5, 6, 0, 30, tzinfo=timezone(timedelta(hours=-4)))),
        ("May 6, 2025, 4:15 p.m.", datetime(2025, 5, 6, 16, 15, tzinfo=UTC)),
    ],
)
def test_a_twelve_hour_time_in_a_date_header_keeps_its_afternoon_and_its_zone(header, expected):
    # RFC 5322 has no AM/PM; the email package alone reads "4:15 PM +0200" as 04:15 UTC.
    assert parse_header_date(header) == expected
