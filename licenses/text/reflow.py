"""Pure reflow for reading: join hard-wrapped lines into paragraphs. No Django imports.

Many license texts are wrapped at about 72 columns. Shown with ``white-space: pre-line`` in a
column narrower than that, every wrapped line leaves a short stub ("have", "You") before its
break. :func:`reflow` joins a line to the next when the break is only wrapping, and keeps the
breaks a writer meant: the end of a paragraph or of a short line (a title, an address), a
list item (``(a)``, ``2.``, ``-``), a table row, a rule of dashes. A row of ``=`` or ``-`` that
only underlines the short line above it (a plain-text title, as MPL-2.0 opens with) is
typography, not text: it is not shown.

It is for display only: the stored text, the plain download and every offset stay as they
were (``keep_length=True`` even keeps offsets into the shown text). :func:`reflow_pieces`
reflows a text that is shown in pieces (quote marks, redline fragments) so that the pieces
still line up with the original text.

A line break counts as wrapping when the first word of the next line would not have fitted on
the line: ``len(line) + 1 + len(word)`` comes near the text's wrap width, measured as the
length that nine lines in ten stay within; or when the next line goes on in lower case after a
line that ends no sentence (a clause text whose first line lost its inline heading). Texts whose
lines are paragraphs (wider than 110 columns) and blocks of short lines (a title, an address)
are left alone but for a line that goes on in lower case (``"Larger Work"`` + ``means``, a text
wrapped at 120 columns).
"""

from __future__ import annotations

import re

from licenses.text.numbering import parse_label

_BREAK = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
_BULLET = re.compile(r"[-*+•·◦▪‣–—][ \t]")
_TABLE = re.compile(r"\S(?:\t| {3,})\S|\|.*\||\.{4,}|_{3,}")
_RULE = re.compile(r"[ \t]*(?:[=\-_*~#+][ \t]*){3,}")
_UNDERLINE = re.compile(r"[ \t]*(?:={3,}|-{3,})[ \t]*")
_FIRST_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.:;!?]$")
_HYPHENATED = re.compile(r"[^\W\d_]-$")

MIN_WIDTH = 45  # narrower "wrapping" is more likely a block of short lines (an address, a title page)
MAX_WIDTH = 110  # wider lines are paragraphs already


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, next_start) for each line, ``end`` excluding its line break."""
    out, pos = [], 0
    for m in _BREAK.finditer(text):
        out.append((pos, m.start(), m.end()))
        pos = m.end()
    out.append((pos, len(text), len(text)))
    return out


def wrap_width(lengths: list[int]) -> int:
    """The width that nine lines in ten stay within (0 for no lines)."""
    if not lengths:
        return 0
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, (len(ordered) * 9) // 10)]


def _starts_item(line: str) -> bool:
    s = line.lstrip()
    return bool(_BULLET.match(s)) or parse_label(s) is not None


def _kept(line: str) -> bool:
    """A line whose breaks stay on both sides: a table row or a rule."""
    return bool(_TABLE.search(line)) or bool(_RULE.fullmatch(line))


def join_spans(text: str, lines: list[tuple[int, int, int]] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, joint)``: runs of whitespace, each holding one line break, to show as
    ``joint``: one space, or nothing after a hyphen that ends a word ("non-" + "exclusive")."""
    lines = _lines(text) if lines is None else lines
    visible = [text[s:e].rstrip() for s, e, _ in lines]
    width = wrap_width([len(v.expandtabs()) if "\t" in v else len(v) for v in visible if v.strip()])
    # a block of short lines, or lines that are paragraphs already: only a line that plainly goes
    # on joins ("…licence to do the following, for" + "the duration …", a text wrapped at 120)
    short = width < MIN_WIDTH or width > MAX_WIDTH
    slack = max(8, width // 8)
    kept = [bool(v) and _kept(v) for v in visible]
    spans = []
    for k in range(len(lines) - 1):
        line, nxt = visible[k], visible[k + 1]
        if not line.strip() or not nxt.strip() or kept[k] or kept[k + 1]:
            continue
        word = _FIRST_WORD.search(nxt)
        size = len(line.expandtabs()) if "\t" in line else len(line)
        goes_on = nxt.lstrip()[:1].islower() and not _SENTENCE_END.search(line)
        if short and not goes_on:
            continue
        if size + 1 + len(word.group()) <= width - slack and not goes_on:
            continue  # the word would have fitted: the writer broke the line on purpose
        if _starts_item(nxt):
            continue
        start = lines[k][0] + len(line)
        end = lines[k + 1][0] + (len(nxt) - len(nxt.lstrip()))
        joint = "" if _HYPHENATED.search(line) and nxt.lstrip()[:1].islower() else " "
        spans.append((start, end, joint))
    return spans


def underline_spans(text: str, lines: list[tuple[int, int, int]] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, "")``: the rows of ``=`` or ``-`` that underline (or over- and underline) the
    line next to them, each with the line break that sets it apart from that line.

    A rule underlines a line when the line is not empty, not a rule or a table row, and the rule
    is about as long as it (three fifths to one and a half times, give or take two); a separator
    between paragraphs (a blank line above it) or a rule much longer than the line stays."""
    lines = _lines(text) if lines is None else lines
    out = []
    for k in range(1, len(lines)):
        start, end, _ = lines[k]
        rule = text[start:end].strip()
        if not _UNDERLINE.fullmatch(text[start:end]):
            continue
        above_start, above_end, _ = lines[k - 1]
        above = text[above_start:above_end].strip()
        if not above or _kept(above) or not 0.6 * len(above) <= len(rule) <= 1.5 * len(above) + 2:
            continue
        if k >= 2:
            over_start, over_end, _ = lines[k - 2]
            over = text[over_start:over_end]
            if _UNDERLINE.fullmatch(over) and abs(len(over.strip()) - len(rule)) <= 2:
                out.append((over_start, above_start, ""))
        out.append((above_end, end, ""))
    return out


def _spans(text: str) -> list[tuple[int, int, str]]:
    """Every run to show otherwise: wrapping joints and title underlines, in text order."""
    lines = _lines(text)  # split once for both
    return sorted(join_spans(text, lines) + underline_spans(text, lines))


def _emitted(text: str, keep_length: bool) -> list[str]:
    """Per character of ``text``: what it shows as after reflow ("", " " or itself)."""
    out = list(text)
    for start, end, joint in _spans(text):
        if keep_length:
            out[start:end] = [" "] * (end - start)
            continue
        out[start] = joint
        for i in range(start + 1, end):
            out[i] = ""
    return out


def reflow(text: str, *, keep_length: bool = False) -> str:
    """``text`` with its wrapping line breaks (and the spaces around them) shown as one space.

    A break after a word's hyphen joins without a space: ``non-`` + ``exclusive``.

    With ``keep_length`` every character of a joint becomes a space instead, so offsets into
    the original text still hold; shown with ``white-space: pre-line`` the spaces collapse to
    one. Pages where a reader selects or clicks text (quotes, splits) use this form.
    """
    if keep_length:
        return "".join(_emitted(text, keep_length=True))
    spans = _spans(text)
    if not spans:
        return text
    parts, pos = [], 0
    for start, end, joint in spans:
        parts.append(text[pos:start])
        parts.append(joint)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def reflow_pieces(pieces: list[str], *, keep_length: bool = False) -> list[str]:
    """Reflow the text the ``pieces`` make together, and cut the result at the same places."""
    whole = "".join(pieces)
    if not _BREAK.search(whole):
        return list(pieces)
    shown = _emitted(whole, keep_length)
    out, pos = [], 0
    for piece in pieces:
        out.append("".join(shown[pos : pos + len(piece)]))
        pos += len(piece)
    return out
