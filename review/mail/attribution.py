"""Authors and attribution lines ("On <date>, <name> wrote:" in its many forms). Pure.

An attribution line names the author (and usually the date) of the message quoted under it.
Clients write it in the reader's language and wrap it anywhere; the date is often in a form no
parser knows. So the line is recognised by its shape (an opening word, a "wrote" verb at the
end, an address, a date at the start) and the date is read when it can be, never required.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, tzinfo

from review.mail.dates import parse_loose
from review.mail.message import Message

# --- authors -----------------------------------------------------------------

_OBFUSCATED = re.compile(
    r"([\w.+'-]+)\s*(?:\s+at\s+|\s*\[at\]\s*|\s*\(at\)\s*|\(a\)|\s*&#64;\s*)\s*([\w-]+(?:\s*(?:\.|\s+dot\s+|\[dot\]|\(dot\))\s*[\w-]+)+)",
    re.I,
)
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[A-Za-z0-9-]{2,}$")
_ANY_EMAIL = re.compile(r"[^\s<>()\[\]\"',;:]+@[^\s<>()\[\]\"',;:]+\.[A-Za-z0-9-]{2,}")
_VIA = re.compile(r"\s+\(?via\s+\S.*$", re.I)


def deobfuscate(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        domain = re.sub(r"\s*(?:\s+dot\s+|\[dot\]|\(dot\))\s*", ".", m.group(2), flags=re.I)
        return f"{m.group(1)}@{re.sub(r'\s*\.\s*', '.', domain)}"

    return _OBFUSCATED.sub(fix, text)


def clean_email(value: str | None) -> str | None:
    """A real address, lower-cased, or None.

    An archive that shortens addresses for visitors ("jo...@example.com", as Google Groups
    shows them) gives no address: the shortened one would be a second, false identity.
    """
    value = (value or "").strip().strip("<>[]()").removeprefix("mailto:").strip()
    if not value or not _EMAIL.match(value) or _SHORTENED.search(value):
        return None
    return value.lower()


_SHORTENED = re.compile(r"(?:\.\.\.|…)@")


# Outlook's "List <list-bounces@…> On Behalf Of Name": the list sent it, Name wrote it.
_ON_BEHALF = re.compile(
    r"\s(?:on\s+behalf\s+of|im\s+auftrag\s+von|de\s+la\s+part\s+de|en\s+nombre\s+de|namens|per\s+conto\s+di)\s+",
    re.I,
)


def parse_author(text: str) -> tuple[str, str | None]:
    """'Pamela Chestek <pamela at example.org>' -> ('Pamela Chestek', 'pamela@example.org').

    A list that rewrites the sender ("Name via List <list@…>", "List <…> On Behalf Of Name")
    gives the writer's name and no address: the address is the list's, shared by everyone.
    """
    text = " ".join(text.split()).strip(" ,:;")
    behalf = _ON_BEHALF.search(text)
    if behalf:
        name, addr = parse_author(text[behalf.end() :])
        return name, addr
    if _VIA.search(text.split("<")[0] if "<" in text else text) and "@" in text:
        name, addr = parse_author(_VIA.sub("", text.split("<")[0]))
        return name, None
    text = re.sub(r"[\[<(]\s*mailto:", "<", text, flags=re.I)
    text = re.sub(r"<([^<>]*)]", r"<\1>", text)
    # "x@y.org<mailto:x@y.org>" (Outlook) and "<x@y.org<mailto:x@y.org>>": one address is enough.
    text = re.sub(r"(\S+@\S+?)\s*<(?:mailto:)?\1>", r"\1", text)
    if "@" not in text and re.search(r"\sat\s|\[at\]|\(at\)|\w\(a\)\w", text, re.I):
        text = deobfuscate(text)
    name, addr = email.utils.parseaddr(text) if "@" in text else (text, "")
    addr_clean = clean_email(addr)
    if not addr_clean and (m := _ANY_EMAIL.search(text)):
        addr_clean = clean_email(m.group(0))
        name = name if name and "@" not in name else (text[: m.start()] + text[m.end() :])
    name = re.sub(r"[<>()\[\]]+", " ", name.replace("\\", ""))
    name = _VIA.sub("", " ".join(name.split())).strip(" \"',:;")
    if name and addr_clean and clean_email(name) == addr_clean:
        name = ""
    return name, addr_clean


# --- attribution lines -------------------------------------------------------

# The verb that ends an attribution, in the languages list mail arrives in.
_VERB = (
    r"(?:wrote|writes|sent|said|a\s+[ée]crit|ha\s+scritto|escribi[óo]|escreveu|schreef|schrieb|skrev|"
    r"skrevet|napisa[łl](?:\(a\)|a)?|kirjoitti|написал(?:\(а\)|а)?|пишет|đã\s+viết|"
    r"het\s+volgende\s+geschreven|geschreven|írta|yazdı|napsal(?:\(a\)|a)?|napisao|rakstīja)"
)
# Opening words: "On", "Le", "Il giorno", "El", "Em", "Den", "På", "Op", "W dniu", "Vào", "Dne", "Am".
_OPENER = re.compile(r"^(?:on|le|il\s+giorno|il|el|em|den|på|op|w\s+dniu|vào|dne|am|le\s+\w+\.?)\s+", re.I)
_ENDS_WITH_VERB = re.compile(rf"^(?P<head>.*?)[\s,]*\b{_VERB}\s*(?P<colon>:?)$", re.I)
_MIDDLE_VERB = re.compile(
    r"^(?:am|op|den|på)\s+(?P<date>.+?)\s+(?:schrieb|schreef|skrev)\s+(?P<who>.+?)\s*:$", re.I
)
_CONNECTOR_WORD = re.compile(r"\b(?:heeft|u[żz]ytkownik|пользователь)\s+", re.I)
# Words between a date and a name: "à 22:03, Name", "om 13:18 heeft Name", "użytkownik Name", "от Name".
_CONNECTORS = re.compile(
    r"^(?:[\s,.:-]|\bat\b|\bum\b|\bom\b|\bà\b|\balle\s+ore\b|\bheeft\b|\bu[żz]ytkownik\b|\bпользователь\b"
    r"|\bот\b|\bby\b|\bpå\b|\bkl\.)+",
    re.I,
)
_DATE_START = re.compile(
    r"^(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|lun|mar|mer|gio|ven|sab|dom|mo|di|mi|do|fr|sa|so)\w{0,6}\.?,?\s)",
    re.I,
)
_PARTICLES = frozenset(re.findall(r"\w+", "van von de da di du del der den la le dos das y bin al ibn"))
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        "i you he she they we it the this that someone somebody everyone nobody who as if when then my our",
    )
)


def looks_like_author(who: str) -> bool:
    """'Tom Quill', 'tom at example.org', 'Ortiz, Pamela'; not 'I', 'The licensor' or a sentence."""
    if "@" in who or re.search(r"\sat\s|\(at\)|\[at\]", who):
        return True
    words = who.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or words[0].lower() in _NOT_NAMES:
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) and any(len(w) > 1 for w in words)


def _who_after_date(head: str, end: int) -> str:
    return _CONNECTORS.sub("", head[end:]).strip()


def _who_without_date(head: str) -> str:
    """No readable date: the author is the part holding the address, else after the last comma."""
    if m := _CONNECTOR_WORD.search(head):
        return head[m.end() :].strip()
    if m := _ANY_EMAIL.search(head):
        start = head.rfind(",", 0, m.start())
        # A comma inside quotes belongs to the name: '"Ortiz, Pamela" <p@x>'.
        if start >= 0 and head.count('"', start, m.start()) % 2:
            start = head.rfind(",", 0, head.rfind('"', 0, start))
        return _CONNECTORS.sub("", head[start + 1 :] if start >= 0 else head).strip()
    return _CONNECTORS.sub("", head.rsplit(",", 1)[-1]).strip()


def _shell(who: str, when, tz: tzinfo | None) -> Message | None:
    name, addr = parse_author(who)
    if not name and not addr:
        return None
    guessed = when is not None and when.tzinfo is None
    if guessed:
        when = when.replace(tzinfo=tz or UTC)
    return Message(author_name=name, author_email=addr, date=when, quoted=True, date_zone_guessed=guessed)


def parse_attribution(line: str, tz: tzinfo | None, *, before_quote: bool = False) -> Message | None:
    """An attribution line (already joined if it was wrapped) -> a Message shell, or None.

    ``before_quote`` says a ">" block follows; only then is a bare "<date> <name> <address>"
    line (old Gmail) taken without a colon at its end.
    """
    text = " ".join(line.split())
    if len(text) > 400 or len(text) < 6:
        return None
    dashed = text.startswith("--") or text.endswith("--")
    text = text.strip("-–— *_").strip()
    if m := _MIDDLE_VERB.match(text):
        when, _ = parse_loose(m.group("date"), dayfirst=True)
        return _shell(m.group("who"), when, tz)
    if m := _ENDS_WITH_VERB.match(text):
        if not m.group("colon") and not dashed:
            return None
        head = m.group("head").strip(" ,")
        opener = _OPENER.match(head)
        body = head[opener.end() :] if opener else head
        dayfirst = None if not opener or opener.group(0).strip().lower() == "on" else True
        when, end = parse_loose(body, dayfirst=dayfirst)
        if when is not None and not opener and not _DATE_START.match(body):
            return None  # "reply On <date>, x wrote:": the caller splits the shared line
        if when is not None:
            who = _who_after_date(body, end)
        elif opener or _ANY_EMAIL.search(body):
            who = _who_without_date(body)
        else:
            who = body
        has_addr = _ANY_EMAIL.search(who) is not None
        if not who or "?" in who or len(who) > 160:
            return None
        named = has_addr or looks_like_author(_ANY_EMAIL.sub("", who).strip(' <>"(),') or who)
        if not named and not (opener and when is not None):
            return None
        return _shell(who, when, tz)
    # "26.06.2014, 14:41, "Name" <addr>:" (Yandex), "<date> от Name <addr>:" (Mail.ru),
    # "2011/4/7 Name <addr>" over a quote (old Gmail).
    if _DATE_START.match(text) and (text.endswith(":") or (before_quote and text.endswith(">"))):
        when, end = parse_loose(text)
        addr = _ANY_EMAIL.search(text, end)
        if when is None or addr is None:
            return None
        return _shell(_who_after_date(text.rstrip(":"), end), when, tz)
    return None


# A wrapped attribution ends a line with ":" (or ">" after an address, or "-----" after the
# verb). Most lines end otherwise, so this cheap test keeps the regexes off them: the last
# word is looked up in a set instead of searching for every verb.
_LAST_WORDS = frozenset(
    [
        "wrote",
        "writes",
        "sent",
        "said",
        "écrit",
        "ecrit",
        "scritto",
        "escribió",
        "escribio",
        "escreveu",
        "schreef",
        "schrieb",
        "skrev",
        "skrevet",
        "napisał",
        "napisal",
        "napisała",
        "napisał(a)",
        "kirjoitti",
        "написал",
        "написала",
        "написал(а)",
        "пишет",
        "viết",
        "geschreven",
        "írta",
        "yazdı",
        "napsal",
        "napsala",
        "napsal(a)",
        "napisao",
        "rakstīja",
    ]
)


def _ends_with_verb(tail: str) -> bool:
    words = tail.rstrip(" \t:-–—*").rsplit(None, 1)
    return bool(words) and words[-1].lower() in _LAST_WORDS


def may_end_attribution(line: str) -> bool:
    if not line:
        return False
    last = line[-1]
    if last == ":":
        tail = line[-80:]
        return "@" in tail or _ends_with_verb(tail)
    if last == ">":
        return "@" in line[-80:]
    if last == "-":
        return _ends_with_verb(line[-60:])
    return False
