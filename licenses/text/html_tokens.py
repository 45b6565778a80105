"""Tokenizing HTML as the stdlib ``HTMLParser`` would, in linear time. Pure stdlib.

Shared by the mail reader (review.mail.html_text: HTML mail and archive pages) and the license
importer (licenses.text.html_license: a license saved as a web page). A *builder* is any object
with ``handle_starttag(tag, attrs)``, ``handle_endtag(tag)`` and ``handle_data(data)``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Protocol


class Builder(Protocol):
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None: ...
    def handle_endtag(self, tag: str) -> None: ...
    def handle_data(self, data: str) -> None: ...


# The stdlib HTMLParser costs several microseconds a tag (position tracking, a general loop),
# which made a 5 MiB paste of blockquotes take seconds. ``_tokenize`` walks the markup itself
# and reads the common, well-formed tags with one regex each; anything else at a "<" (a tag
# with odd attributes, an end tag with junk, a comment, a declaration, a marked section, an
# unterminated construct) is read by the stdlib parser's own method for that one construct, so
# the tokens are the ones HTMLParser(convert_charrefs=True) gives (tests/review/mail/test_html_text.py
# compares the two).

_WS = "[ \t\n\r\f]"
_PLAIN_ATTR = re.compile(rf"([^\s\"'>/=<`]+)(?:{_WS}*={_WS}*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_CDATA = ("script", "style")


class _OneConstruct(HTMLParser):
    """The stdlib parser, asked to read one construct at a given offset; records what it saw."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.rawdata = markup
        self.events: list[tuple] = []
        self.spent = 0  # characters scanned by constructs that did not end (see _read_construct)
        self.next_gt = -1  # where the next ">" is, once the budget is spent (len(markup) if none)

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", tag, attrs))
        self.events.append(("end", tag))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        self.events.append(("data", data))


def _attrs(raw: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for name, value in _PLAIN_ATTR.findall(raw):
        if not value:
            out.append((name.lower(), None))
            continue
        if value[0] in "\"'":
            value = value[1:-1]
        out.append((name.lower(), html.unescape(value) if value else value))
    return out


_TOKEN = re.compile(
    rf"<(?:([a-zA-Z][-a-zA-Z0-9:_.]*)((?:{_WS}+[^\s\"'>/=<`]+(?:{_WS}*={_WS}*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*){_WS}*(/?)>"
    r"|/\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>)?"
)


def tokenize(markup: str, builder: Builder) -> None:
    """Feed ``builder`` the tokens of ``markup`` as HTMLParser would (feed, then close)."""
    n = len(markup)
    search, unescape = _TOKEN.search, html.unescape
    data, start_tag, end_tag = builder.handle_data, builder.handle_starttag, builder.handle_endtag
    other: _OneConstruct | None = None
    i = 0
    while i < n:
        m = search(markup, i)  # the next "<", read as a plain tag when it is one
        j = m.start() if m else n
        if i < j:
            chunk = markup[i:j]
            data(unescape(chunk) if "&" in chunk else chunk)
        if m is None:
            break
        tag, attrs, closed, end = m.groups()
        if tag:
            tag = tag.lower()
            start_tag(tag, _attrs(attrs) if attrs else [])
            i = m.end()
            if closed:
                end_tag(tag)
            elif tag in _CDATA:
                i = _skip_cdata(markup, i, tag, builder)
            continue
        if end:
            end_tag(end.lower())
            i = m.end()
            continue
        i = j
        if i + 1 >= n:
            data("<")
            break
        if other is None:
            other = _OneConstruct(markup)
        i, cdata = _read_construct(other, markup, i, builder)
        if cdata:
            i = _skip_cdata(markup, i, cdata, builder)


def _read_construct(other: _OneConstruct, markup: str, i: int, builder: Builder) -> tuple[int, str | None]:
    """One construct at ``markup[i] == "<"`` read by the stdlib methods; -> (end, cdata tag or None).

    The stdlib looks for a construct's end as far as the markup goes, so each construct that
    never ends costs a scan of the rest: ``<a href="`` or ``<!--`` a hundred thousand times
    took minutes (the quadratic case CPython later fixed in HTMLParser itself). So the scans
    that found no end are counted, and once they have read the markup once over, a construct is
    looked for only up to the next ``<``: every input costs linear time, and any markup short of
    that (every real page or mail) is read exactly as HTMLParser reads it."""
    if not (
        markup.startswith(("</", "<!", "<?"), i)
        or markup[i + 1 : i + 2].isascii()
        and markup[i + 1 : i + 2].isalpha()
    ):
        builder.handle_data("<")
        return i + 1, None
    other.events.clear()
    other.cdata_elem = None
    n = len(markup)
    if other.spent > n + 65536:  # narrow: the construct and the text up to the next "<"
        if other.next_gt <= i:
            found = markup.find(">", i + 1)
            other.next_gt = n if found < 0 else found
        if other.next_gt == n:  # no ">" after this: no construct can end, the rest is text
            builder.handle_data(html.unescape(markup[i:]))
            return n, None
        stop = markup.find("<", i + 1, other.next_gt)
        if stop >= 0:  # another "<" before the next ">": this one cannot end, it is text
            builder.handle_data(html.unescape(markup[i:stop]))
            return stop, None
        stop = markup.find("<", other.next_gt)
        end = n if stop < 0 else stop
        other.rawdata = markup[i:end]
        k = _parse_construct(other, markup, i, 0)
        k = k + i if k >= 0 else k
        other.rawdata = markup
    else:
        end = n
        k = _parse_construct(other, markup, i, i)
    if k < 0:  # unterminated: HTMLParser.close() gives it as text, up to the next ">" or "<"
        other.spent += end - i
        k = markup.find(">", i + 1, end)
        if k < 0:
            k = markup.find("<", i + 1)
            k = i + 1 if k < 0 else k
        else:
            k += 1
        builder.handle_data(html.unescape(markup[i:k]))
        return k, None
    for event in other.events:
        if event[0] == "start":
            builder.handle_starttag(event[1], event[2])
        elif event[0] == "end":
            builder.handle_endtag(event[1])
        else:
            builder.handle_data(event[1])
    return k, other.cdata_elem


def _parse_construct(other: _OneConstruct, markup: str, i: int, at: int) -> int:
    """The stdlib's reading of the construct at ``markup[i]``, which is ``other.rawdata[at]``: its
    end in ``rawdata``, or -1 when it does not end there."""
    if markup.startswith("</", i):
        return other.parse_endtag(at)
    if markup.startswith("<!--", i):
        return other.parse_comment(at)
    if markup.startswith("<?", i):
        return other.parse_pi(at)
    if markup.startswith("<!", i):
        try:
            return other.parse_html_declaration(at)
        except AssertionError:  # "<![CD" or "<![if": a marked section the stdlib refuses to read
            return -1  # read as text, as an unterminated construct is
    return other.parse_starttag(at)


def _skip_cdata(markup: str, i: int, tag: str, builder: Builder) -> int:
    """Script and style content is raw text up to its end tag; without one, the rest is dropped."""
    close = re.compile(rf"</\s*{tag}\s*>", re.I).search(markup, i)
    if close is None:
        return len(markup)
    if close.start() > i:
        builder.handle_data(markup[i : close.start()])
    builder.handle_endtag(tag)
    return close.end()
