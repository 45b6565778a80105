"""Signatures, sign-offs and mailing-list footers: what ends a message but is not its words. Pure.

``clean_body`` cuts, from the end of a message only:
- a mailing-list footer (the "____" rule with list words under it, "next part" markers) and the
  fragments of it that wrapping left behind ("org>", "ssarily") when the input had such a footer;
- a "-- " signature block of at most 12 lines (a message that is nothing but one keeps it);
- client sign-offs ("Sent from my iPhone", BlackBerry's and other mobile lines, in several languages);
- a closing with a name under it ("Thanks,\\nRoman", "Best regards,\\nAda"), "-roman" lines, a
  short "---" block, and a block that starts with the sender's own name (with the sender known).
All of these look only at the last lines, so the cost is linear in the text.
"""

from __future__ import annotations

import re

_FOOTER_START = re.compile(
    r"^(?:_{10,}[ \t]*$|-{5,} ?next part ?-{5,}|-+ ?(?:próxima parte|section suivante|nächster Teil) ?-+"
    r"|You received this message because you are subscribed to)",
    re.I | re.M,
)
_FOOTER_HINT = re.compile(r"mailing list|listinfo|unsubscribe|mailman|@lists\.|scrubbed", re.I)
_MOBILE = re.compile(
    r"^(?:(?:sent|envoyé|enviado|gesendet|inviato|verzonden|verstuurd|skickat|sendt|wysłane|отправлено)"
    r"(?:\s+\S+){0,4}?\s+(?:from|from my|de|desde|von|da|dal|van|par|från|fra|z|с)\b.{0,80}"
    r"|(?:von meinem|inviato da|envoyé de mon|enviado desde mi|verzonden met|sent with|get outlook for)\b.{0,80}"
    r"|sent from \w+(?:\s+\w+){0,4}[.!]?)$",
    re.I,
)
_MOBILE_HINT = re.compile(
    r"iphone|ipad|android|blackberry|mobile|móvil|movil|smartphone|phone|handy|telefon|mailbox|outlook|"
    r"samsung|galaxy|acompli|tablet|gmail|yahoo|mail for|my \w+",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:many\s+|best\s+|kind\s+|warm\s+|with\s+)?(?:thanks?|thank\s+you|thx|ty|cheers|regards|best|"
    r"sincerely|greetings|yours|cordially|respectfully|br|mvh|grüße|gruß|gruss|cordialement|saluti|"
    r"saludos|atentamente|groeten|pozdrawiam|спасибо|с уважением)"
    r"(?:\s+(?:in\s+advance|again|a\s+lot|so\s+much|very\s+much|regards|wishes|truly|all|everyone|,))*\s*[,.!]*$",
    re.I,
)
_NAME_LINE = re.compile(r"^[-–~]?\s*[A-Za-zÀ-ÿ][\w'’.-]*(?:\s+[A-Za-zÀ-ÿ][\w'’.-]*){0,2}\.?$")
_DASH_NAME = re.compile(r"^[-–~]\s?[A-Za-zÀ-ÿ][\w'’.-]*(?:\s[A-Z][\w'’.-]*)?\.?$")
_DASHES = re.compile(r"^\s*(?:-{2,}|–+|—+)\s*$")
# What wrapping leaves of a list footer: one short token, an address or domain tail, no sentence.
_FRAGMENT = re.compile(r"^[a-z][\w.-]{0,14}>?$|^[\w.-]{0,20}\.(?:org|net|com|info|io)>?$")
TAIL = 15  # sign-off rules look at this many last non-blank lines at most


def _last_nonblank(lines: list[str], limit: int = TAIL) -> list[int]:
    """Indexes of the last ``limit`` non-blank lines, last first (without scanning them all)."""
    out: list[int] = []
    k = len(lines) - 1
    while k >= 0 and len(out) < limit:
        if lines[k].strip():
            out.append(k)
        k -= 1
    return out


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _cut_dash_signature(lines: list[str]) -> list[str]:
    """The first "-- " line with at most 12 non-blank lines under it (and words above it)."""
    after = 0
    best = None
    for k in range(len(lines) - 1, -1, -1):  # one pass from the end: linear
        line = lines[k]
        if line == "--" and after <= 12:
            best = k
        if line.strip():
            after += 1
            if after > 13:
                break
    if best is not None and any(x.strip() for x in lines[:best]):
        return lines[:best]
    return lines


def _name_words(name: str, email: str | None) -> set[str]:
    words = {w.lower() for w in re.findall(r"\w+", name) if len(w) > 1}
    if email:
        words |= {w.lower() for w in re.findall(r"[a-z]+", email.split("@", 1)[0], re.I) if len(w) > 2}
    return words


def _names_sender(line: str, words: set[str]) -> bool:
    return bool(words) and any(w.lower() in words for w in re.findall(r"\w+", line))


def _short_for_sender(line: str, words: set[str]) -> bool:
    """A one-word line that is the short form of one of the sender's names: "Pam" signed by
    Pamela Chestek, "Rob" by Robert, "Chris" by Christopher (3 letters or more)."""
    w = line.strip().rstrip(".").lower()
    return len(w) >= 3 and w.isalpha() and any(x != w and x.startswith(w) for x in words)


def _cut_sign_off(lines: list[str], sender: set[str]) -> list[str]:
    """One sign-off rule applied at the end, or ``lines`` unchanged."""
    idx = _last_nonblank(lines)
    if len(idx) < 2:
        return lines
    last = lines[idx[0]].strip()
    if _MOBILE.match(last) and _MOBILE_HINT.search(last):
        return lines[: idx[0]]
    if _DASH_NAME.match(last) and not any(lines[k].lstrip().startswith(("- ", "* ")) for k in idx[1:]):
        # the closing just above goes with it ("Cheers,\n-Lev"), when there are words above that
        above = idx[1]
        if _CLOSING.match(lines[above].strip()) and any(lines[j].strip() for j in range(above)):
            return lines[:above]
        return lines[: idx[0]]
    # A closing within the last four lines, followed only by short name-like lines.
    for n, k in enumerate(idx[1:4], 1):
        line = lines[k].strip()
        below = [lines[j].strip() for j in idx[:n]]
        if _CLOSING.match(line) and all(len(b) <= 40 for b in below):
            namey = all(_NAME_LINE.match(b) for b in below)
            if (namey and n <= 2) or any(_names_sender(b, sender) for b in below[:1]):
                return lines[:k] if any(lines[j].strip() for j in range(k)) else lines
    # A short block under a "---" line.
    for n, k in enumerate(idx[1:], 1):
        if _DASHES.match(lines[k]):
            below = [lines[j].strip() for j in idx[:n]]
            short = all(len(b) <= 60 and not b.endswith((".", "?")) for b in below)
            if short and (n <= 2 or any(_names_sender(b, sender) for b in below)):
                return lines[:k] if any(lines[j].strip() for j in range(k)) else lines
            break
    return lines


def signed_name(text: str) -> str:
    """The name a message is signed with ("Regards,\nSam Reviewer", "-Lev"), or "".

    For a pasted reply with no header: the only word of its author it carries.
    """
    from review.mail.attribution import looks_like_author

    lines = text.rstrip().rsplit("\n", TAIL)[-TAIL:]
    idx = _last_nonblank(lines, 3)
    if not idx:
        return ""
    last = lines[idx[0]].strip()
    name = ""
    if _DASH_NAME.match(last):
        name = last.lstrip("-–~ ")
    elif len(idx) >= 2 and _CLOSING.match(lines[idx[1]].strip()) and _NAME_LINE.match(last):
        name = last
    name = name.rstrip(".")
    return name if name and len(name) <= 40 and looks_like_author(name) else ""


def _cut_sender_block(lines: list[str], sender: set[str]) -> list[str]:
    """A block that opens with the sender's name (title, address, phone under it), with the
    closing just above it if there is one."""
    idx = _last_nonblank(lines)
    cut = None
    for n, k in enumerate(idx[:4]):
        line = lines[k].strip()
        below = [lines[j].strip() for j in idx[:n]]
        if len(line) > 40 or not _NAME_LINE.match(line):
            continue
        if not (_names_sender(line, sender) or _short_for_sender(line, sender)):
            continue
        if all(len(b) <= 60 and not b.endswith((".", "?")) for b in below):
            cut = n
    if cut is None or cut + 1 >= len(idx):
        return lines
    for k in idx[cut + 1 : cut + 3]:
        if _CLOSING.match(lines[k].strip()):
            return lines[:k] if any(lines[j].strip() for j in range(k)) else lines
        if len(lines[k].strip()) > 60:
            break
    return lines[: idx[cut]]


# any white space but the line break, and zero-width spaces: a line of ideographic spaces is blank
# (str.rstrip per line: a regex anchored at each line's end tries every space of the text)
_TRAILING_SPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b"
)
_BLANK_RUNS = re.compile(r"\n{3,}")
TAIL_LINES = 200  # the sign-off rules read at most this many last lines


def cut_footer_text(text: str) -> str:
    """``text`` above its first mailing-list footer (or scrubbed-attachment note)."""
    for m in _FOOTER_START.finditer(text):
        if not m.group(0).startswith("_"):
            return text[: m.start()]
        below = text[m.end() : m.end() + 1000].split("\n", 7)[:7]
        if any(_FOOTER_HINT.search(x) for x in below):
            return text[: m.start()]
    return text


def clean_body(
    text: str, *, author_name: str = "", author_email: str | None = None, list_footer: bool = False
) -> str:
    """Drop list footers, signature blocks and sign-offs from the end of ``text``; tidy blank lines.

    ``list_footer`` says the input had a mailing-list footer somewhere, which makes lone
    fragments of one at either end of the text safe to drop. Whole-text steps are regexes and
    the line rules read only the last lines, so a long body costs little more than its length.
    """
    text = "\n".join(
        line.rstrip(_TRAILING_SPACE) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    text = cut_footer_text(text)
    parts = text.rsplit("\n", TAIL_LINES)
    head = parts[0] if len(parts) > TAIL_LINES else ""
    lines = parts[1:] if head or len(parts) > TAIL_LINES else parts
    if head:
        lines = ["\u0000"] + lines  # stands for the head: words above the tail
    lines = _trim(_cut_dash_signature(lines))
    sender = _name_words(author_name, author_email)
    if sender:
        lines = _trim(_cut_sender_block(lines, sender))
    for _ in range(6):  # sign-offs stack: "-Lev." over "Sent from my phone"
        cut = _trim(_cut_sign_off(lines, sender))
        if len(cut) == len(lines):
            break
        lines = cut
    if list_footer:
        while lines and _FRAGMENT.match(lines[-1].strip()):
            lines = _trim(lines[:-1])
    if head and lines and lines[0] == "\u0000":
        lines[0] = head
    elif head:
        lines = [head, *lines]
    text = "\n".join(lines)
    if list_footer:
        first, _, rest = text.lstrip("\n").partition("\n")
        while first and _FRAGMENT.match(first.strip()):
            first, _, rest = rest.lstrip("\n").partition("\n")
        text = f"{first}\n{rest}" if rest else first
    return _BLANK_RUNS.sub("\n\n", text).strip()
