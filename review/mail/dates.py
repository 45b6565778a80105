"""Pure date parsing for mail: RFC 5322 headers and the loose, localised dates of
attribution lines and Outlook header blocks ("Martedì, 15 aprile 2025 10:12")."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

_ZONES = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2,
    "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "EST": -5, "EDT": -4, "CST": -6,
    "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}  # fmt: skip

_MONTH_NAMES = {
    1: "january jan gennaio gen januar jänner jän janvier janv enero ene januari janeiro stycznia января",
    2: "february feb febbraio februar février févr fevrier fevr febrero februari fevereiro fev lutego февраля",
    3: "march mar marzo märz mär mrz mars maart março marca марта",
    4: "april apr aprile avril avr abril abr kwietnia апреля",
    5: "may maggio mag mai mayo mei maio maja мая",
    6: "june jun giugno giu juni juin junio junho czerwca июня",
    7: "july jul luglio lug juli juillet juil julio julho lipca июля",
    8: "august aug agosto ago août aout augustus sierpnia августа",
    9: "september sep sept settembre set septembre septiembre setembro września сентября",
    10: "october oct ottobre ott oktober okt octobre octubre outubro out października октября",
    11: "november nov novembre noviembre novembro listopada ноября",
    12: "december dec dicembre dic dezember dez décembre déc decembre diciembre dezembro grudnia декабря",
}
MONTHS = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH_RE = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))

# A time of day, optionally with am/pm and a zone; the zone forms must not swallow a name.
_ZONE_RE = (
    r"(?:\(?(?:UTC|GMT)\s?(?P<zs>[+-])(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?\)?"
    r"|(?P<os>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})(?!\d)"
    rf"|\(?(?P<abbr>{'|'.join(sorted(_ZONES, key=len, reverse=True))})\)?(?![\w]))"
)
TIME = re.compile(
    r"(?<![\w:.])(?P<h>\d{1,2})[:h](?P<m>\d{2})(?::(?P<s>\d{2}))?(?![\d])"
    r"(?:\s?(?P<ap>[aApP])\.?\s?[mM]\.?(?![a-zA-Z]))?"
    rf"(?:\s{{0,2}}{_ZONE_RE})?"
)
_ISO = re.compile(r"(?<!\d)(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")
_DMY = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?(?:\s+|-)(?:de\s+)?({_MONTH_RE})\.?,?(?:\s+|-)(?:de\s+)?(\d{{4}})(?!\d)",
    re.I,
)
_MDY = re.compile(
    rf"(?<![\w])({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)",
    re.I,
)


def _month(name: str) -> int | None:
    """The month a matched name stands for, if any. The regexes match ignoring case, which
    also lets a long s match "s" ("\u017fept"): casefold() undoes that, lower() does not. A
    dotless or dotted I matches "i" but neither undoes it: no month, so no date."""
    return MONTHS.get(name.casefold())


def _zone(m: re.Match[str]) -> tzinfo | None:
    if m.group("abbr"):
        return timezone(timedelta(hours=_ZONES[m.group("abbr")]))
    sign, hours, minutes = (
        (m.group("zs"), m.group("zh"), m.group("zm"))
        if m.group("zs")
        else (m.group("os"), m.group("oh"), m.group("om"))
    )
    if not sign:
        return None
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if sign == "-" else delta)


def parse_loose(
    text: str, *, dayfirst: bool | None = None, tz: tzinfo | None = None
) -> tuple[datetime | None, int]:
    """Find a date (and time) in ``text``. Returns (datetime or None, end offset of what was used).

    The result is aware when the text names a zone, else it gets ``tz`` (else it stays naive).
    ``dayfirst`` settles "05/04/2025"; None means month first unless that is impossible.
    """
    end = 0
    hour = minute = second = 0
    zone: tzinfo | None = None
    t = TIME.search(text)
    scan = text
    if t:
        hour, minute, second = int(t.group("h")), int(t.group("m")), int(t.group("s") or 0)
        ap = (t.group("ap") or "").lower()
        if ap == "p" and hour < 12:
            hour += 12
        elif ap == "a" and hour == 12:
            hour = 0
        if t.group("abbr") or t.group("zs") or t.group("os"):
            zone = _zone(t)
        end = t.end()
        scan = text[: t.start()] + " " * (t.end() - t.start()) + text[t.end() :]
    ymd: tuple[int, int, int] | None = None
    if m := _ISO.search(scan):
        ymd = (int(m.group(1)), int(m.group(3)), int(m.group(4)))
    elif m := _NUMERIC.search(scan):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        first_is_day = m.group(2) == "." or (dayfirst if dayfirst is not None else a > 12)
        if a > 12:
            first_is_day = True
        elif b > 12:
            first_is_day = False
        day, month = (a, b) if first_is_day else (b, a)
        ymd = (year + 2000 if year < 100 else year, month, day)
    elif (m := _DMY.search(scan)) and (month := _month(m.group(2))):
        ymd = (int(m.group(3)), month, int(m.group(1)))
    elif (m := _MDY.search(scan)) and (month := _month(m.group(1))):  # also asctime, time blanked
        ymd = (int(m.group(3)), month, int(m.group(2)))
    if ymd is None or m is None:
        return None, 0
    end = max(end, m.end())
    try:
        result = datetime(ymd[0], ymd[1], ymd[2], hour, minute, second)
    except (ValueError, OverflowError):
        return None, 0
    zone = zone or tz
    return (result.replace(tzinfo=zone) if zone else result), end


_MERIDIEM = re.compile(r"\d\s*[ap]\.?\s?m\b\.?", re.I)


def parse_header_date(value: str | None) -> datetime | None:
    """RFC 5322 Date header -> aware datetime (UTC when the zone is "-0000" or missing)."""
    if not value:
        return None
    if _MERIDIEM.search(value):
        # A 12-hour time ("4:15 PM"), which RFC 5322 does not allow: the email package reads
        # the hour and drops the rest of the header, zone included. The loose reader knows it.
        loose, _ = parse_loose(value)
        if loose is not None:
            return loose if loose.tzinfo else loose.replace(tzinfo=UTC)
    try:
        result = email.utils.parsedate_to_datetime(value)
    except Exception:  # malformed header: the email package raises several kinds
        result = None
    if result is None:
        result, _ = parse_loose(value)
    elif result.tzinfo is None:
        # The email package drops zone names it does not know ("CEST", "JST") as if none were
        # given; the loose reader knows them. Same wall time, so only the zone is taken.
        loose, _ = parse_loose(value)
        if loose is not None and loose.tzinfo is not None and loose.replace(tzinfo=None) == result:
            result = loose
    if result is None:
        return None
    return result if result.tzinfo else result.replace(tzinfo=UTC)
