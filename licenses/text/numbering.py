"""Pure helpers for clause numbers: parse a label at the start of a line, roman numerals, tokens.

Used by :mod:`licenses.text.segmentation`. No Django imports.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from licenses.text.markdown import CLOSE_EMPHASIS

# A label at the start of a (stripped) line. Every quantifier is bounded, so matching is linear.
_LABEL = re.compile(
    r"""
    (?:
        (?P<word>Section|SECTION|Article|ARTICLE|Clause|CLAUSE|§)[ \t]{0,3}
            (?:(?P<wnum>\d{1,4}(?:\.\d{1,3}){0,3})(?:er|re|st)?|(?P<wrom>[IVXLC]{1,7}))  # "Article 1er", "ARTICLE IV"
            (?P<wdot>\.?)
      | (?P<dec>\d{1,4}(?:\.\d{1,3}){1,4})(?P<subs>(?:\([a-zA-Z0-9]{1,4}\)){0,3})(?P<decend>[.)]?)
      | \((?P<pin>\d{1,4}|[a-zA-Z]{1,5})\)
      | \[(?P<bin>\d{1,3}|[a-zA-Z])\]  # "[1]", "[a]"; no longer words: "[name]" is a placeholder
      | (?P<bare>\d{1,4}|[a-zA-Z]{1,5})(?P<bend>[.)]|(?<=\d)[，、．]|(?<=\d)-(?=[ \t]))  # "1- OBJET" too
      | (?P<spnum>\d{1,3})(?=[ \t]{1,6}["“‘'«]?[A-ZÀ-Þ])  # "1 Definitions": a number and a capital
      | (?P<part>\d{1,3})(?P<plet>[A-Z])(?=[ \t]{1,6}[A-Z][a-z])  # "4A Restrictions": a sub-part of 4
    )
    (?=[ \t]|$|[-–—:]|(?<=[，、．])|(?P<tight>["“‘'«A-Z])|CLOSE)  # "１．「本ソフトウェア」とは": CJK runs on
    """.replace("CLOSE", CLOSE_EMPHASIS),  # "**1.** Definitions": Markdown emphasis closes the number
    re.X,
)
# Article numbers in Chinese, Japanese and Korean texts: 第1条, 第十二條, 제1조. Nothing needs to follow.
_CJK = re.compile(
    r"(?P<open>[第제])[ \t]{0,2}(?P<num>\d{1,4}|[一二三四五六七八九十百〇零]{1,6})[ \t]{0,2}(?P<close>[条條조])"
)
_CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Spaces other than " " that pasted text carries after a number (no-break, thin, ideographic):
# read as " ", which keeps every offset.
_SPACES = str.maketrans(
    {
        c: " "
        for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    }
)

_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_WORD_TOKENS = {"section", "article", "clause"}
_TOKEN = re.compile(r"[a-z0-9]+")
_SUB = re.compile(r"\(([a-zA-Z0-9]{1,4})\)")


def roman_value(s: str) -> int:
    """Value of a roman numeral (any case), or 0 if ``s`` is not one."""
    s = s.lower()
    if not s or len(s) > 8 or not _ROMAN.fullmatch(s):
        return 0
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a label: ``style`` groups siblings, ``value`` orders them."""

    style: tuple  # ("num", deco, parts) | ("alpha"|"ALPHA"|"roman"|"ROMAN", deco)
    value: tuple[int, ...]  # (n,) for a simple label, (2, 1) for "2.1"


@dataclass(frozen=True, slots=True)
class Label:
    text: str  # as printed, without trailing separators: "2.2", "(b)", "iv.", "Section 4"
    kind: str  # "word" (Section 4), "dec" (1.1), "addr" (2.2(b)), "simple" (1. a) (iv))
    readings: tuple[Reading, ...]  # ambiguous letters (i, v, x, c, d, l, m) have two
    length: int  # characters consumed by the label itself
    tokens: tuple[str, ...]  # lower-case alphanumeric tokens of the label


def tokens(s: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(s.lower()))


def numeric_tokens(path_tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A path's tokens without leading words ("section") and trailing ".0" (ODbL "2.0")."""
    toks = list(path_tokens)
    worded = False
    while toks and toks[0] in _WORD_TOKENS:
        toks.pop(0)
        worded = True
    if worded and toks and toks[0].isalpha() and roman_value(toks[0]):
        toks[0] = str(roman_value(toks[0]))  # "Article IV" holds 4: its "4.1" is that number
    while len(toks) > 1 and toks[-1] == "0":
        toks.pop()
    return tuple(toks)


def simple_readings(body: str, deco: str) -> tuple[Reading, ...]:
    if body.isdigit():
        return (Reading(("num", deco, 1), (int(body),)),)
    out: list[Reading] = []
    low = body.lower()
    case_alpha, case_roman = ("alpha", "roman") if body.islower() else ("ALPHA", "ROMAN")
    if not (body.islower() or body.isupper()):
        return ()
    if len(body) == 1:
        out.append(Reading((case_alpha, deco), (ord(low) - 96,)))
    elif len(set(low)) == 1 and len(low) == 2:  # "aa", "bb": continues a..z in some texts
        out.append(Reading((case_alpha, deco), (26 + ord(low[0]) - 96,)))
    r = roman_value(low)
    if r:
        out.append(Reading((case_roman, deco), (r,)))
    return tuple(out)


def cjk_number(s: str) -> int:
    """``"12"`` or ``"十二"`` -> 12; 0 when ``s`` is not a number up to 999."""
    if s.isdigit():
        return int(s)
    total, digit = 0, None
    for ch in s:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
        elif ch in "十百":
            total += (1 if digit is None else digit) * (10 if ch == "十" else 100)
            digit = None
        else:
            return 0
    return total + (digit or 0)


def parse_label(line: str) -> Label | None:
    """Read a clause label at the start of ``line`` (already stripped on the left)."""
    if not line or not (line[0].isalnum() or line[0] in "(§["):
        return None
    # a label is at most ~26 characters; repeated lines hit the cache
    head = line[:40]
    return _parse_prefix(head if head.isascii() else head.translate(_SPACES))


@functools.lru_cache(maxsize=4096)
def _parse_prefix(line: str) -> Label | None:
    cjk = _CJK.match(line)
    if cjk:
        value = cjk_number(cjk.group("num"))
        if not value:
            return None
        text = cjk.group()
        readings = (Reading(("num", cjk.group("open") + cjk.group("close"), 1), (value,)),)
        return Label(text, "word", readings, cjk.end(), (str(value),))
    m = _LABEL.match(line)
    if not m:
        return None
    g = m.groupdict()
    if g["tight"] and not (g["dec"] and not g["subs"] or (g["bare"] or "").isdigit()):
        return None  # "1.Definitions" and "5.2.“Data”" are labels; "U.S." is not
    if g["word"]:
        if g["wrom"]:
            if not roman_value(g["wrom"]) or g["word"] == "§":
                return None  # "Section CC" is no number; "§ I" is not printed
            nums = (roman_value(g["wrom"]),)
        else:
            nums = tuple(int(x) for x in g["wnum"].split("."))
        text = line[: m.end("wdot")].rstrip(".") or line[: m.end()]
        deco = "§" if g["word"] == "§" else g["word"].lower()
        readings = (Reading(("num", deco, len(nums)), nums),)
        return Label(text, "word", readings, m.end("wdot"), tokens(text))
    if g["dec"]:
        nums = tuple(int(x) for x in g["dec"].split("."))
        subs = _SUB.findall(g["subs"])
        text = line[: m.end()]
        if subs:
            readings = simple_readings(subs[-1], "()")  # "2.2(b)(i)": a full address
            return Label(text, "addr", readings, m.end(), tokens(text)) if readings else None
        if len(nums) == 2 and nums[1] == 0:  # "2.0" in ODbL: a top-level number
            return Label(text, "simple", (Reading(("num", ".", 1), nums[:1]),), m.end(), tokens(text))
        return Label(text, "dec", (Reading(("num", "dec", len(nums)), nums),), m.end(), tokens(text))
    if g["part"]:
        # "4A", "4B": the parts of clause 4, read like "4.1", "4.2"; the path keeps the print
        value = (int(g["part"]), ord(g["plet"]) - 64)
        readings = (Reading(("num", "dec", 2), value),)
        return Label(line[: m.end()], "dec", readings, m.end(), (g["part"], g["plet"].lower()))
    if g["spnum"]:
        readings = (Reading(("num", " ", 1), (int(g["spnum"]),)),)
        return Label(g["spnum"], "simple", readings, m.end(), (g["spnum"],))
    if g["pin"]:
        readings = simple_readings(g["pin"], "()")
    elif g["bin"]:
        readings = simple_readings(g["bin"], "[]")
    else:
        # "1- OBJET" then "2. L'ÉTENDUE": a dash after a number is another print of the dot
        readings = simple_readings(g["bare"], "." if g["bend"] == "-" else g["bend"])
        if (
            len(g["bare"]) > 1
            and not g["bare"].isdigit()
            and not any(r.style[0] in ("roman", "ROMAN") for r in readings)
        ):
            readings = tuple(r for r in readings if r.value[0] <= 52)
    if not readings:
        return None
    return Label(line[: m.end()], "simple", readings, m.end(), tokens(line[: m.end()]))


def is_first(reading: Reading) -> bool:
    """Whether a reading can open a new list: 0 or 1 in its own scheme, "1.1" for decimals."""
    v = reading.value
    return v[-1] in (0, 1) if reading.style[0] == "num" else v[-1] == 1
