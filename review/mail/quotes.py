"""Split a message's text into its own words and the earlier messages it quotes. Pure.

Mail quotes earlier messages in three ways, and real threads mix them:
- ">" blocks, usually under an attribution ("On <date>, <name> wrote:");
- an attribution with the original under it unquoted (Outlook for Mac, phones, many languages);
- a header block ("From:/Sent:/To:/Subject:" or "Da:/Inviato:/A:/Oggetto:"…), often after a
  "-----Original Message-----" line in the client's language; HTML clients also mark the spot
  (Gmail's gmail_quote, Thunderbird's moz-cite-prefix, Outlook's divRplyFwdMsg), which
  review.mail.html_text turns into a MARK line.
Each quote level is read once: the quote depth of every line is computed up front and the
levels are walked by index, so the cost grows with the text, not with its square.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import UTC, tzinfo

from review.mail.attribution import (
    _DATE_START,
    _OPENER,
    _VERB,
    clean_email,
    deobfuscate,
    looks_like_author,
    may_end_attribution,
    parse_attribution,
    parse_author,
)
from review.mail.dates import parse_loose
from review.mail.message import Message
from review.mail.signatures import clean_body

__all__ = [
    "MARK", "clean_body", "clean_email", "deobfuscate", "looks_like_author", "parse_attribution",
    "parse_author", "split_chain",
]  # fmt: skip

MAX_DEPTH = 40  # deeper quotes are dropped, not parsed (and recursion stays bounded)
MAX_CHAIN = 200  # header blocks and unquoted originals followed in one level
# html_text puts this line where an HTML client marks the start of the quoted mail.
MARK = "\ue000"

# --- Outlook-style header blocks ---------------------------------------------

_LABELS = {
    "from": "From Da Von De Van Från Fra Od От Lähettäjä Feladó Fr",
    "date": "Sent Date Inviato Data Gesendet Datum Envoyé Enviado Verzonden Skickat Sendt Wysłano "
    "Отправлено Дата Lähetetty Elküldve",
    "to": "To A An À Para Aan Till Til Do Cc CC Kopie Copie Кому Копия Vastaanottaja Címzett",
    "subject": "Subject Oggetto Betreff Objet Asunto Assunto Onderwerp Ämne Emne Temat Тема Aihe Tárgy",
    # Messages pasted with their full headers carry these too: headers, never the author's words.
    "message_id": "Message-ID Message-Id",
    "in_reply_to": "In-Reply-To",
    "references": "References",
}
_LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels.split()}
_LABEL_KIND["Enviado el"] = "date"
_LABEL_RE = "|".join(sorted(map(re.escape, _LABEL_KIND), key=len, reverse=True))
_HEADER = re.compile(
    r"^\s*[*_]{0,2}(?P<label>" + _LABEL_RE + r")[*_]{0,2}[ \u00a0]?:[*_]{0,2}\s*(?P<value>.*?)\s*$"
)
# "From: a@b.org Date: Thu, 24 Mar 2016 08:07 -0700" on one line (HTML clients with <b> labels).
_INLINE_LABEL = re.compile(
    r"\s(?=[*_]{0,2}(?:Date|Sent|To|Subject|Cc|Inviato|Oggetto|A|Data)[*_]{0,2}\s?:\s)"
)
_SEPARATOR = re.compile(r"^\s*(?:-{3,}|_{5,}|={3,}).*$|^\s*$")
_ENGLISH = {"From", "Sent", "Date", "To", "Subject", "Cc", "CC"}
_ORIGINAL = re.compile(
    r"^\s*[-_=*]{2,}\s*(?:original message|reply message|oprindelig meddelelse|ursprüngliche nachricht"
    r"|originalnachricht|antwort nachricht|message d'origine|message original|messaggio originale"
    r"|mensaje original|mensagem original|oorspronkelijk bericht|origineel bericht|ursprungligt meddelande"
    r"|opprinnelig melding|alkuperäinen viesti|wiadomość oryginalna|oryginalna wiadomość"
    r"|исходное сообщение|původní zpráva|eredeti üzenet)\s*[-_=*]{2,}\s*$",
    re.I,
)
_FORWARDED = re.compile(
    r"^\s*(?:[-_=*]{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré|messaggio inoltrato"
    r"|mensaje reenviado|mensagem encaminhada|doorgestuurd bericht|пересылаемое сообщение)\s*[-_=*]{2,}"
    r"|begin forwarded message:)\s*$",
    re.I,
)
# "reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:" (the reply shares the line).
_SHARED = re.compile(r"^(?P<pre>.*?\S)(?:\s*-{2,}\s*|\s+)(?P<att>On .{8,300})$")  # callers test "On " first


def _open_value(value: str) -> bool:
    return value.count("<") > value.count(">") or value.count("[") > value.count("]") or value.endswith(",")


def header_block(lines: list[str]) -> tuple[dict[str, str], int, bool] | None:
    """A header block at the top of ``lines`` -> (fields, lines used, dayfirst), else None."""
    first = _HEADER.match(lines[0]) if lines else None
    if not first or _LABEL_KIND[first.group("label")] not in ("from", "subject", "date"):
        return None
    rows = list(lines[:24])
    if _INLINE_LABEL.search(rows[0]):
        rows[0:1] = _INLINE_LABEL.split(rows[0])
    extra = len(rows) - len(lines[:24])
    fields: dict[str, str] = {}
    last = ""
    english = True
    j = 0
    while j < len(rows) and len(fields) < 8:
        m = _HEADER.match(rows[j])
        if m:
            kind = _LABEL_KIND[m.group("label")]
            last = kind if kind not in fields else ""
            fields.setdefault(kind, m.group("value"))
            english = english and m.group("label") in _ENGLISH
            j += 1
            continue
        line = rows[j].strip()
        k = j + (not line)  # a blank line may sit inside a block cut across quotes
        nxt = rows[k].strip() if k < len(rows) else ""
        after = rows[k + 1] if k + 1 < len(rows) else ""
        if not line and _HEADER.match(nxt or "-") and len(fields) < 4:
            j += 1
            continue
        if last and nxt and len(nxt) <= 80 and (_open_value(fields[last]) or _HEADER.match(after)):
            glue = "" if fields[last].count("<") > fields[last].count(">") else " "
            fields[last] = (fields[last] + glue + nxt).strip()
            j = k + 1
            continue
        break
    complete = "from" in fields and ("date" in fields or ("to" in fields and "subject" in fields))
    if not complete and not ("date" in fields and ("to" in fields or "subject" in fields)):
        return None
    while j < len(rows) and not rows[j].strip():
        j += 1
    return fields, j - extra, not english


def _shell_from_fields(fields: dict[str, str], dayfirst: bool, tz: tzinfo | None) -> Message:
    name, addr = parse_author(fields.get("from", ""))
    when, _ = parse_loose(
        fields.get("date", "").replace("\u200e", "").replace("\u200f", ""), dayfirst=dayfirst
    )
    guessed = when is not None and when.tzinfo is None
    if guessed and when is not None:
        when = when.replace(tzinfo=tz or UTC)
    refs = fields.get("references", "").split()
    return Message(
        author_name=name,
        author_email=addr,
        date=when,
        subject=fields.get("subject", "").strip(),
        quoted=True,
        date_zone_guessed=guessed,
        message_id=_message_id(fields.get("message_id", "")),
        in_reply_to=_message_id(fields.get("in_reply_to", "")) or (_message_id(refs[-1]) if refs else None),
    )


def _message_id(value: str) -> str | None:
    m = re.search(r"<([^<>\s]+)>", value)
    return m.group(1) if m else None


# --- quote levels ------------------------------------------------------------

_MARKERS = re.compile(r"^(?:[ \t]?>)+")


def _levels(lines: list[str]) -> tuple[list[int], list[str], list[int]]:
    n = len(lines)
    depth = [0] * n
    body = list(lines)
    quoted = [k for k, line in enumerate(lines) if line[:1] == ">" or line[1:2] == ">"]
    for k in quoted:
        line = lines[k]
        m = _MARKERS.match(line)
        if m:
            rest = line[m.end() :]
            depth[k] = m.group(0).count(">")
            body[k] = rest[1:] if rest.startswith(" ") else rest
    # A quoted line that the quoting client wrapped: the tail sits unquoted between two quoted
    # lines. Only a tail that looks cut (an open bracket above it, or no space in it) is joined.
    for k in quoted:
        t = k + 1
        if t + 1 >= n or not depth[k] or depth[t] >= depth[k] or depth[t + 1] <= depth[t]:
            continue
        tail, prev = body[t].strip(), body[k]
        if tail and (
            prev.count("(") > prev.count(")")
            or prev.count("<") > prev.count(">")
            or tail.startswith("(")
            or " " not in tail
        ):
            depth[t] = depth[k]
    return depth, body, quoted


_TAIL_JUNK = re.compile(r"[\s\-–—*_]+$")
_VERB_AT_END = re.compile(r"\b" + _VERB + r"$", re.I)
# The last characters of the verbs in _VERB (tests/review/mail/test_quotes.py checks them).
_VERB_LAST_CHAR = re.compile(r"[estdoóufbvłl)aiлатnı]", re.I)


def _may_end_before_quote(line: str) -> bool:
    """A cheap necessary test for the last line of an attribution over a ">" block.

    parse_attribution(..., before_quote=True) accepts only text that, once its trailing dashes,
    stars and spaces are cut, ends in ":" or ">" or in a "wrote" verb.
    """
    tail = _TAIL_JUNK.sub("", line[-300:])
    if not tail and len(line) > 300:
        return True  # 300 characters of dashes: let the full parser decide
    if tail.endswith((":", ">")):
        return True
    if not _VERB_LAST_CHAR.fullmatch(tail[-1:]):
        return False  # "reply", "thanks": no verb of _VERB ends in that letter
    # The verb is at most three words ("het volgende geschreven"); the regex runs on those only.
    return _VERB_AT_END.search(" ".join(tail[-120:].split()[-3:])) is not None


@dataclass
class _Pending:
    """A ">" block with no attribution: kept as a quote in the reply if the reply goes on after it."""

    text: str


_ATTRIBUTED = object()  # stands in ``own`` where an attributed block was


@dataclass
class _Segment:
    shell: Message | None  # None for the message's own text
    own: list = field(default_factory=list)  # str lines, _Pending blocks, _ATTRIBUTED
    older: list[Message] = field(default_factory=list)
    last: Message | None = None  # the latest attributed message: later plain blocks continue it
    more: dict[int, list[str]] = field(default_factory=dict)  # id(message) -> continued text
    # the message a quoted reply's earlier block quoted last, which its later unnamed deeper
    # blocks continue (">>" between "> " points answered one by one)
    carried: Message | None = None
    mixed: bool = False  # ``own`` holds more than lines


# Lines that may matter at their level, found with two regexes over the whole text (a Python
# test per line would cost more than everything else): a "Label:" or a "---- Word" or our mark
# at the start of a line, and an end that an attribution can have.
_CANDIDATE_START = re.compile(
    "\n[ \t]*(?:[*_]{0,2}[^\\W\\d_][\\w ]{0,20}?[*_]{0,2}[ \u00a0]?:|[-_=*]{2,}[ \t]*[^\\W\\d_]|"
    + MARK
    + "|(?i:begin forwarded))"
)
# A line ends in ":" or ">", or in a verb and two dashes or more ("wrote --", "napisał(a) --",
# "wrote: --"; may_end_attribution judges the verb). The regex finds the last character only
# (a letter first would be tried at every letter of the text).
# Trailing blanks may be spaces, tabs or the no-break spaces that mail clients and web archives
# leave after "wrote:".
_CANDIDATE_END = re.compile("[:>-][ \t\u00a0\u202f]*$", re.M)
_DASHED_END = re.compile("-{2,}[ \t\u00a0\u202f]*$")


class _Splitter:
    def __init__(
        self, depth: list[int], body: list[str], tz: tzinfo | None, list_footer: bool, quoted: list[int]
    ) -> None:
        self.depth = depth
        self.body = body
        self.tz = tz
        self.list_footer = list_footer
        self._index(quoted)
        # id(quoted message) -> the message its own words quoted last (see _Segment.carried)
        self._quoted_last: dict[int, Message] = {}
        self._top_last: Message | None = None  # segments[0].last of the split that just ended

    def _index(self, quoted: list[int]) -> None:
        """Which lines need a look: every other line is plain text and is copied in runs."""
        body, depth = self.body, self.depth
        text = "\n" + "\n".join(body)
        special: set[int] = set()
        k, pos = -1, 0
        for m in _CANDIDATE_START.finditer(text):
            k += text.count("\n", pos, m.start() + 1)
            pos = m.start() + 1
            special.add(k)
        k, pos = -1, 0
        for m in _CANDIDATE_END.finditer(text):
            k += text.count("\n", pos, m.start() + 1)
            pos = m.start() + 1
            if text[m.start()] == "-" and not _DASHED_END.search(body[k][-200:]):
                continue
            if may_end_attribution(body[k].rstrip()):
                special.update((k - 2, k - 1, k))  # the last line of an attribution of 1-3 lines
        self.candidates = sorted(x for x in special if x >= 0)
        self.candidate_set = frozenset(self.candidates)
        n = len(depth)
        changes = {x for q in quoted for x in (q, q + 1) if x < n and depth[x] != depth[x - 1]}
        self.interesting = sorted(set(self.candidates) | changes | {0})

    def _next_interesting(self, i: int, e: int) -> int:
        p = bisect_left(self.interesting, i)
        return min(self.interesting[p], e) if p < len(self.interesting) else e

    def _has_candidate(self, i: int, j: int) -> bool:
        p = bisect_left(self.candidates, i)
        return p < len(self.candidates) and self.candidates[p] < j

    def clean(self, text: str, msg: Message) -> str:
        """The words of ``msg``: its author's signature and the list's footer cut."""
        return clean_body(
            text, author_name=msg.author_name, author_email=msg.author_email, list_footer=self.list_footer
        )

    # -- looking ahead at one level

    def _own_line(self, k: int, level: int) -> bool:
        return self.depth[k] == level and bool(self.body[k].strip())

    def _next_nonblank(self, i: int, e: int) -> int:
        while i < e and not self.body[i].strip():
            i += 1
        return i

    def _level_lines(self, i: int, e: int, level: int, limit: int = 24) -> list[str]:
        out = []
        while i < e and len(out) < limit and (self.depth[i] == level or not self.body[i].strip()):
            out.append(self.body[i])
            i += 1
        return out

    def _attribution_at(self, i: int, e: int, level: int, quote_follows) -> tuple[Message, int, str] | None:
        """An attribution starting at line i (1-3 lines) -> (shell, index after it, text before it)."""
        body, depth = self.body, self.depth
        for size in (1, 2, 3):
            end = i + size
            if end > e or depth[end - 1] != level or not body[end - 1].strip():
                return None
            if not may_end_attribution(body[end - 1].rstrip()):
                continue
            first = body[i].strip()
            pre = ""
            if size > 1 and not (_OPENER.match(first) or _DATE_START.match(first)):
                m = _SHARED.match(first) if "On " in first else None
                if not m:
                    continue
                pre, first = m.group("pre"), m.group("att")
            joined = " ".join([first] + [x.strip() for x in body[i + 1 : end]])
            shell = parse_attribution(joined, self.tz, before_quote=quote_follows(end))
            if shell is None and size == 1 and "On " in first and (m := _SHARED.match(first)):
                shell = parse_attribution(m.group("att"), self.tz, before_quote=quote_follows(end))
                pre = m.group("pre") if shell else ""
                if shell is not None and parse_loose(m.group("att"))[0] is None:
                    shell, pre = None, ""  # mid-line, only a readable date makes it an attribution
            if shell is not None:
                return shell, end, pre.rstrip(" -")
        return None

    def split(
        self, s: int, e: int, level: int, nest: int, carried: Message | None = None
    ) -> tuple[str, list[Message]]:
        outer_tz = self.tz
        try:
            return self._split(s, e, level, nest, carried)
        finally:
            self.tz = outer_tz

    def _split(
        self, s: int, e: int, level: int, nest: int, carried: Message | None = None
    ) -> tuple[str, list[Message]]:
        depth, body = self.depth, self.body
        segments = [_Segment(shell=None, last=carried, carried=carried)]
        cur = segments[0]
        pending_shell: Message | None = None
        forwarded_until = -1

        def quote_follows(k: int) -> bool:
            while k < e and depth[k] <= level and not body[k].strip():
                k += 1
            return k < e and depth[k] > level

        def start_segment(shell: Message | None) -> None:
            nonlocal cur
            while cur.own and isinstance(cur.own[-1], str) and _SEPARATOR.match(cur.own[-1]):
                cur.own.pop()
            cur = _Segment(shell=shell or Message(quoted=True))
            segments.append(cur)

        def shell_after_marker(k: int) -> tuple[Message | None, int]:
            """Author of the original under a separator or mark: an attribution or header block."""
            k = self._next_nonblank(k, e)
            if k < e and depth[k] == level:
                found = self._attribution_at(k, e, level, quote_follows)
                if found and not quote_follows(found[1]):
                    return found[0], found[1]
                block = header_block(self._level_lines(k, e, level))
                if block:
                    fields, used, dayfirst = block
                    shell = _shell_from_fields(fields, dayfirst, self.tz)
                    take_zone(shell)
                    return shell, k + used
            return None, k

        def take_zone(shell: Message) -> None:
            if shell.date is not None and not shell.date_zone_guessed:
                # Lines below are this message's: a zone-less date in them (an attribution it
                # wrote) is in its writer's zone.
                self.tz = shell.date.tzinfo

        i = s
        while i < e:
            d = depth[i]
            if d == level and (j := self._next_interesting(i, e)) > i:
                run = body[i:j]  # plain lines: no quote, mark, header or attribution among them
                cur.own.extend(run)
                if pending_shell is not None and any(x.strip() for x in run):
                    pending_shell = None
                i = j
                continue
            if d > level:
                j = i
                while j < e and (
                    depth[j] > level or (not body[j].strip() and j + 1 < e and depth[j + 1] > level)
                ):
                    j += 1
                if (
                    j == i + 1
                    and i > s
                    and j < e
                    and self._own_line(i - 1, level)
                    and self._own_line(j, level)
                    and not may_end_attribution(body[i - 1].rstrip())
                ):
                    # One ">" line inside running text (">>> see above <<<") is not a quote.
                    cur.own.append(">" * (d - level) + " " + body[i])
                    i = j
                    continue
                self._block(cur, i, j, level, nest, pending_shell)
                pending_shell = None
                i = j
                continue
            line = body[i]
            stripped = line.strip()
            if not stripped:
                cur.own.append("")
                i += 1
                continue
            if len(segments) <= MAX_CHAIN:
                if stripped == MARK:
                    k = self._next_nonblank(i + 1, e)
                    if k >= e or depth[k] > level or _FORWARDED.match(body[k]):
                        i += 1
                        continue
                    found = self._attribution_at(k, e, level, quote_follows)
                    if found and quote_follows(found[1]):
                        pending_shell, i = found[0], found[1]
                        continue
                    shell, i = shell_after_marker(i + 1)
                    start_segment(shell)
                    continue
                if _FORWARDED.match(line):
                    forwarded_until = i + 3
                    cur.own.append(line)
                    i += 1
                    continue
                if _ORIGINAL.match(line):
                    shell, i = shell_after_marker(i + 1)
                    start_segment(shell)
                    continue
                if ":" in line and i > forwarded_until and _HEADER.match(line):
                    block = header_block(self._level_lines(i, e, level))
                    if block:
                        fields, used, dayfirst = block
                        shell = _shell_from_fields(fields, dayfirst, self.tz)
                        start_segment(shell)
                        take_zone(shell)
                        i += used
                        continue
                found = self._attribution_at(i, e, level, quote_follows)
                if found:
                    shell, after, pre = found
                    if pre:
                        cur.own.append(pre)
                    if quote_follows(after):
                        pending_shell = shell
                    else:
                        start_segment(shell)
                    i = after
                    continue
            pending_shell = None
            cur.own.append(line)
            i += 1
        self._top_last = segments[0].last
        return self._finish(segments)

    def _block(self, cur: _Segment, i: int, j: int, level: int, nest: int, shell: Message | None) -> None:
        if shell is None:
            shell = self._pop_attribution(cur.own)
        if nest >= MAX_DEPTH:
            return
        body = self.body
        if j == i + 1:  # one line: the commonest block in a long HTML paste
            flat = self.depth[i] == level + 1 and i not in self.candidate_set
            ends_like = body[i].rstrip()[-1:] in (":", ">", "-")
        else:
            flat = max(self.depth[i:j]) == level + 1 and not self._has_candidate(i, j)
            ends_like = flat and any(body[k].rstrip()[-1:] in (":", ">", "-") for k in range(i, j))
        inner_last = None
        if flat:
            inner_own = "\n".join(body[i:j])  # a flat block: nothing to split
        else:
            carried = self._quoted_last.get(id(cur.last)) if shell is None and cur.last is not None else None
            inner_own, inner_older = self.split(i, j, level + 1, nest + 1, carried)
            inner_last = self._top_last
            cur.older.extend(inner_older)
        # An attribution's last line ends in ":", ">" or "-" (may_end_attribution): a flat block
        # with no such line has none to find.
        if shell is None and (ends_like or not flat):
            shell, inner_own = self._leading_attribution(inner_own)
        if shell is not None:
            shell.body = self.clean(inner_own, shell)
            if inner_last is not None:
                self._quoted_last[id(shell)] = inner_last
            cur.older.append(shell)
            cur.own.append(_ATTRIBUTED)
            cur.mixed = True
            cur.last = shell
        elif cur.last is not None:
            # Interleaved reply: a later quote block continues the attributed message (and ends
            # with its author's signature as much as the first block does).
            if inner_last is not None:
                self._quoted_last[id(cur.last)] = inner_last
            more = self.clean(inner_own, cur.last)
            if more:
                cur.more.setdefault(id(cur.last), []).append(more)
        elif inner_own.strip():
            cur.own.append(_Pending(inner_own))
            cur.mixed = True

    def _pop_attribution(self, own: list) -> Message | None:
        """If the lines just above a quote block are an attribution, remove them and parse it."""
        k = len(own)
        while k and isinstance(own[k - 1], str) and not own[k - 1].strip():
            k -= 1
        if not k or not isinstance(own[k - 1], str) or not _may_end_before_quote(own[k - 1]):
            return None  # most blocks: the line above ends in no way an attribution can end
        for size in (3, 2, 1):
            start = k - size
            if start < 0 or not all(isinstance(x, str) and x.strip() for x in own[start:k]):
                continue
            first = own[start].strip()
            if size > 1 and not (_OPENER.match(first) or _DATE_START.match(first)):
                continue
            shell = parse_attribution(" ".join(x.strip() for x in own[start:k]), self.tz, before_quote=True)
            if shell:
                del own[start:]
                return shell
        return None

    def _leading_attribution(self, text: str) -> tuple[Message | None, str]:
        lines = text.split("\n", 4)
        k = 0
        while k < len(lines) - 1 and not lines[k].strip():
            k += 1
        for size in (1, 2, 3):
            if k + size > len(lines) or not lines[k + size - 1].strip():
                break
            if not may_end_attribution(lines[k + size - 1].rstrip()):
                continue
            shell = parse_attribution(" ".join(x.strip() for x in lines[k : k + size]), self.tz)
            if shell:
                rest = text.split("\n", k + size)
                return shell, rest[-1] if len(rest) > k + size else ""
        return None, text

    def _finish(self, segments: list[_Segment]) -> tuple[str, list[Message]]:
        older: list[Message] = []
        for seg in reversed(segments[1:]):
            text = self._own_text(seg)
            assert seg.shell is not None
            seg.shell.body = self.clean(text, seg.shell)
            self._apply_more(seg)
            older.extend(seg.older)
            if seg.shell.body or seg.shell.author_name or seg.shell.author_email:
                older.append(seg.shell)
        top = segments[0]
        self._apply_more(top)
        older.extend(top.older)
        return self._own_text(top), older

    @staticmethod
    def _apply_more(seg: _Segment) -> None:
        if not seg.more:
            return
        targets = [*seg.older, seg.carried] if seg.carried is not None else seg.older
        for msg in targets:
            parts = seg.more.get(id(msg))
            if parts:
                msg.body = "\n\n".join([msg.body, *parts]).strip()

    @staticmethod
    def _own_text(seg: _Segment) -> str:
        own = seg.own
        if not seg.mixed:
            return "\n".join(own)
        last_real = len(own) - 1
        while last_real >= 0 and not (
            own[last_real] is _ATTRIBUTED or (isinstance(own[last_real], str) and own[last_real].strip())
        ):
            last_real -= 1
        out: list[str] = []
        for k, x in enumerate(own):
            if x.__class__ is str:
                out.append(x)
            elif x is not _ATTRIBUTED and k < last_real:  # a _Pending block the reply goes on after
                out.extend("> " + line if line else ">" for line in x.text.split("\n"))
                out.append("")
        return "\n".join(out)


def split_chain(
    text: str, tz: tzinfo | None, *, unwrap: bool = False, list_footer: bool = False
) -> tuple[str, list[Message]]:
    """Own text of ``text`` and the earlier messages quoted in it, oldest first.

    Quoted messages carry author and date from their attribution (or header block) and their
    own words (deeper quotes removed). A ">" block without an attribution is dropped when it
    ends the message (it is the quoted mail); one the reply goes on after is kept in the reply
    as a quote. ``unwrap``: a paste that is wholly quoted (copied from a quoting view) is read
    one level up.
    """
    lines = text.split("\n")
    depth, body, quoted = _levels(lines)
    level = 0
    if unwrap:
        level = min((d for d, b in zip(depth, body, strict=True) if b.strip() or d), default=0)
    splitter = _Splitter(depth, body, tz, list_footer, quoted)
    return splitter.split(0, len(lines), level, 0)
