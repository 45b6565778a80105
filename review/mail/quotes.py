"""Split a message's text into its own words and the earlier messages it quotes.

Quoted messages come from ">" blocks under an attribution line ("On ..., X wrote:") and
from Outlook-style header blocks ("From:/Sent:/To:/Subject:" and localised ones).
Everything here is pure text processing.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, tzinfo

from review.mail.dates import parse_loose
from review.mail.message import Message

MAX_DEPTH = 40  # deeper quotes are dropped, not parsed (and recursion stays bounded)

# --- authors -----------------------------------------------------------------

_OBFUSCATED = re.compile(
    r"([\w.+'-]+)\s*(?:\s+at\s+|\s*\[at\]\s*|\s*\(at\)\s*|\s*&#64;\s*)\s*([\w-]+(?:\s*(?:\.|\s+dot\s+|\[dot\]|\(dot\))\s*[\w-]+)+)",
    re.I,
)
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[A-Za-z0-9-]{2,}$")
_VIA = re.compile(r"\s+via\s+\S.*$", re.I)


def deobfuscate(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        domain = re.sub(r"\s*(?:\s+dot\s+|\[dot\]|\(dot\))\s*", ".", m.group(2), flags=re.I)
        return f"{m.group(1)}@{re.sub(r'\s*\.\s*', '.', domain)}"

    return _OBFUSCATED.sub(fix, text)


def clean_email(value: str | None) -> str | None:
    value = (value or "").strip().strip("<>[]()").removeprefix("mailto:").strip()
    return value.lower() if value and _EMAIL.match(value) else None


def parse_author(text: str) -> tuple[str, str | None]:
    """'Pamela Chestek <pamela at example.org>' -> ('Pamela Chestek', 'pamela@example.org')."""
    text = " ".join(text.split()).strip(" ,:;")
    text = re.sub(r"[\[<(]\s*mailto:", "<", text, flags=re.I)
    text = re.sub(r"<([^<>]*)]", r"<\1>", text)
    if "@" not in text and re.search(r"\sat\s|\[at\]|\(at\)", text, re.I):
        text = deobfuscate(text)
    name, addr = email.utils.parseaddr(text) if "@" in text else (text, "")
    addr_clean = clean_email(addr)
    if not addr_clean and (m := re.search(r"[^\s<>()\[\]]+@[^\s<>()\[\]]+", text)):
        addr_clean = clean_email(m.group(0))
        name = name if name and "@" not in name else (text[: m.start()] + text[m.end() :])
    if not name and addr_clean is None and "@" not in text:
        name = text
    name = re.sub(r"[<>()\[\]]+", " ", name.replace("\\", ""))
    name = _VIA.sub("", " ".join(name.split())).strip(" \"',")
    if name and addr_clean and clean_email(name) == addr_clean:
        name = ""
    return name, addr_clean


# --- attribution lines -------------------------------------------------------

_WROTE = r"(?:wrote|writes|said|a\s+écrit|ha\s+scritto|escribió|escreveu|schreef|napisał|kirjoitti)"
# (pattern, layout, dayfirst): "mid" = date then author; "date_who" = German order; "who" = no date.
_ATTRIBUTIONS = [
    (re.compile(rf"^On\s+(?P<mid>.+?)\s*,?\s+{_WROTE}\s*:\s*$", re.I), "mid", None),
    (re.compile(rf"^Le\s+(?P<mid>.+?)\s*,?\s+{_WROTE}\s*:\s*$", re.I), "mid", True),
    (re.compile(rf"^Il\s+(?:giorno\s+)?(?P<mid>.+?)\s*,?\s+{_WROTE}\s*:\s*$", re.I), "mid", True),
    (re.compile(rf"^El\s+(?P<mid>.+?)\s*,?\s+{_WROTE}\s*:\s*$", re.I), "mid", True),
    (re.compile(rf"^Em\s+(?P<mid>.+?)\s*,?\s+{_WROTE}\s*:\s*$", re.I), "mid", True),
    (re.compile(r"^Am\s+(?P<date>.+?)\s+schrieb\s+(?P<who>.+?)\s*:\s*$", re.I), "date_who", True),
    (re.compile(r"^Op\s+(?P<date>.+?)\s+schreef\s+(?P<who>.+?)\s*:\s*$", re.I), "date_who", True),
    (re.compile(rf"^(?P<who>[^:>\s][^:]{{0,119}}?)\s+{_WROTE}\s*:\s*$", re.I), "who", None),
]


_PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "da",
        "di",
        "du",
        "del",
        "der",
        "den",
        "la",
        "le",
        "dos",
        "das",
        "y",
        "bin",
        "al",
        "ibn",
    ]
)
_NOT_NAMES = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "they",
        "we",
        "it",
        "the",
        "this",
        "that",
        "someone",
        "somebody",
        "everyone",
        "nobody",
        "who",
    ]
)


def _looks_like_author(who: str) -> bool:
    """'Tom Quill', 'tom at example.org', 'Ortiz, Pamela'; not 'I', 'The licensor' or a sentence."""
    if "@" in who or re.search(r"\sat\s|\(at\)|\[at\]", who):
        return True
    words = who.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or words[0].lower() in _NOT_NAMES:
        return False
    return all(w[0].isupper() or w.lower() in _PARTICLES for w in words) and any(len(w) > 1 for w in words)


def parse_attribution(line: str, tz: tzinfo | None) -> Message | None:
    """An attribution line -> a Message shell with author and date (empty body)."""
    if len(line) > 400:
        return None
    for pattern, layout, dayfirst in _ATTRIBUTIONS:
        m = pattern.match(line)
        if not m:
            continue
        if layout == "mid":
            when, end = parse_loose(m.group("mid"), dayfirst=dayfirst)
            if when is None:
                continue
            who = m.group("mid")[end:]
        elif layout == "date_who":
            when, _ = parse_loose(m.group("date"), dayfirst=dayfirst)
            who = m.group("who")
        else:
            when, who = None, m.group("who")
            if not _looks_like_author(who):
                continue
        guessed = when is not None and when.tzinfo is None
        if guessed:
            when = when.replace(tzinfo=tz or UTC)
        name, addr = parse_author(who)
        if not name and not addr:
            continue
        return Message(author_name=name, author_email=addr, date=when, quoted=True, date_zone_guessed=guessed)
    return None


# --- Outlook header blocks ---------------------------------------------------

_LABELS = {
    "from": "From Da Von De Van Från Fra Od Från",
    "date": "Sent Date Inviato Data Gesendet Datum Envoyé Enviado Verzonden Skickat Sendt Wysłano",
    "to": "To A An À Para Aan Till Til Do Cc CC Kopie Copie",
    "subject": "Subject Oggetto Betreff Objet Asunto Assunto Onderwerp Ämne Emne Temat",
}
_LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels.split()}
_LABEL_KIND["Enviado el"] = "date"
_HEADER = re.compile(
    r"^\s*[*_]{0,2}(?P<label>"
    + "|".join(sorted(map(re.escape, _LABEL_KIND), key=len, reverse=True))
    + r")[*_]{0,2}[ \u00a0]?:[*_]{0,2}\s*(?P<value>.*?)\s*$"
)
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|_{5,}|={3,}).*$|^\s*$")
_ENGLISH = {"From", "Sent", "Date", "To", "Subject", "Cc", "CC"}


def _header_block(lines: list[str], i: int) -> tuple[dict[str, str], int, bool] | None:
    """Header lines starting at ``lines[i]`` -> (fields, index after block, dayfirst)."""
    first = _HEADER.match(lines[i])
    if not first or _LABEL_KIND[first.group("label")] not in ("from", "subject", "date"):
        return None
    fields: dict[str, str] = {}
    english = True
    j = i
    while j < len(lines) and j - i < 16:
        m = _HEADER.match(lines[j])
        if m:
            kind = _LABEL_KIND[m.group("label")]
            fields.setdefault(kind, m.group("value"))
            english = english and m.group("label") in _ENGLISH
            j += 1
        elif not lines[j].strip() and j + 1 < len(lines) and _HEADER.match(lines[j + 1]) and len(fields) < 4:
            j += 1
        else:
            break
    if "from" not in fields or not ("date" in fields or ("to" in fields and "subject" in fields)):
        return None
    while j < len(lines) and not lines[j].strip():
        j += 1
    return fields, j, not english


# --- splitting ---------------------------------------------------------------

_QUOTED = re.compile(r"^[ \t]?>")


def _unquote(line: str) -> str:
    line = line.lstrip(" \t")[1:] if line.lstrip(" \t").startswith(">") else line
    return line[1:] if line.startswith(" ") else line


def _pop_attribution(own: list[str], tz: tzinfo | None) -> Message | None:
    """If the lines just above a quote block are an attribution, remove them and parse it."""
    k = len(own)
    while k and not own[k - 1].strip():
        k -= 1
    for size in (1, 2, 3):
        start = k - size
        if start < 0 or not own[start].strip():
            break
        joined = " ".join(part.strip() for part in own[start:k])
        shell = parse_attribution(joined, tz)
        if shell:
            del own[start:]
            return shell
    return None


def _leading_attribution(text: str, tz: tzinfo | None) -> tuple[Message | None, str]:
    lines = text.split("\n")
    k = 0
    while k < len(lines) and not lines[k].strip():
        k += 1
    for size in (1, 2):
        if k + size > len(lines) or not lines[k + size - 1].strip():
            break
        shell = parse_attribution(" ".join(x.strip() for x in lines[k : k + size]), tz)
        if shell:
            return shell, "\n".join(lines[k + size :])
    return None, text


def split_chain(text: str, tz: tzinfo | None, depth: int = 0) -> tuple[str, list[Message]]:
    """Own text of ``text`` and the earlier messages quoted in it, oldest first.

    Quoted messages carry author and date from their attribution and their own words
    (deeper quotes removed). A ">" block without an attribution is dropped, but the
    attributed messages nested inside it are kept.
    """
    lines = text.split("\n")
    own: list[str] = []
    older: list[Message] = []
    last: Message | None = None
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if _QUOTED.match(line):
            j = i
            while j < n and (
                _QUOTED.match(lines[j])
                or (not lines[j].strip() and j + 1 < n and _QUOTED.match(lines[j + 1]))
            ):
                j += 1
            shell = _pop_attribution(own, tz)
            if depth < MAX_DEPTH:
                inner_own, inner_older = split_chain(
                    "\n".join(_unquote(x) for x in lines[i:j]), tz, depth + 1
                )
                older.extend(inner_older)
                if shell is None:  # Apple Mail puts the attribution inside the quote
                    shell, inner_own = _leading_attribution(inner_own, tz)
                if shell is not None:
                    shell.body = clean_body(inner_own)
                    older.append(shell)
                    last = shell
                elif last is not None:
                    # Interleaved reply: a later quote block continues the attributed message.
                    more = clean_body(inner_own)
                    last.body = f"{last.body}\n\n{more}".strip() if more else last.body
            i = j
            continue
        block = _header_block(lines, i) if ":" in line else None
        if block:
            fields, end, dayfirst = block
            while own and _SEPARATOR.match(own[-1]):
                own.pop()
            name, addr = parse_author(fields["from"])
            when, _ = parse_loose(fields.get("date", ""), dayfirst=dayfirst)
            guessed = when is not None and when.tzinfo is None
            if guessed and when is not None:
                when = when.replace(tzinfo=tz or UTC)
            if depth < MAX_DEPTH:
                rest_own, rest_older = split_chain("\n".join(lines[end:]), tz, depth + 1)
                older.extend(rest_older)
                older.append(
                    Message(
                        author_name=name,
                        author_email=addr,
                        date=when,
                        subject=fields.get("subject", "").strip(),
                        body=clean_body(rest_own),
                        quoted=True,
                        date_zone_guessed=guessed,
                    )
                )
            break
        own.append(line)
        i += 1
    return "\n".join(own), older


# --- signatures and list footers ---------------------------------------------

_FOOTER_START = re.compile(
    r"^(?:_{10,}\s*$|-{5,} ?next part ?-{5,}|-+ ?(?:próxima parte|section suivante|nächster Teil) ?-+"
    r"|You received this message because you are subscribed to)",
    re.I,
)
_FOOTER_HINT = re.compile(r"mailing list|listinfo|unsubscribe|mailman|@lists\.|scrubbed", re.I)


def clean_body(text: str) -> str:
    """Drop signature blocks and mailing-list footers; tidy blank lines."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for k, line in enumerate(lines):
        if _FOOTER_START.match(line) and (
            not line.startswith("_") or any(_FOOTER_HINT.search(x) for x in lines[k + 1 : k + 7])
        ):
            lines = lines[:k]
            break
    for k, line in enumerate(lines):
        if line == "--":  # the "-- " delimiter, after rstrip
            rest = [x for x in lines[k + 1 :] if x.strip()]
            if len(rest) <= 12:
                lines = lines[:k]
                break
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line)
    return "\n".join(out).strip()
