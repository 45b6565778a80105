"""HTML mail -> plain text with ">" quoting, and Mailman/pipermail archive pages. Pure stdlib."""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SKIP = frozenset(["head", "script", "style", "title", "template"])
# Signature blocks that clients mark up in HTML (the text/plain twin has a "-- " line).
_SIG_CLASSES = ("gmail_signature", "moz-signature", "apple-signature")
_SPACE_CHARS = " \t\r\n\f\u00a0\u200b"
_SPACE = re.compile(f"[{_SPACE_CHARS}]+")
_BLANK_BEFORE = frozenset(["p", "blockquote", "pre"])  # block tags that leave a blank line above
_BLANK_AFTER = frozenset(["p", "pre"])  # and below (a blockquote's is written after its depth drops)


class _TextBuilder:
    """Collects (quote depth, text) lines from the tokens that ``_tokenize`` hands it."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []  # (quote depth, text)
        self.cur: list[str] = []
        self.depth = 0
        self.pre = 0
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skips content, is a quote)
        self.open: dict[str, int] = {}  # tag -> how many of it are on the stack
        self.skip = 0
        self.links: list[tuple[int, str]] = []

    def flush(self, blank: bool = False) -> None:
        cur = self.cur
        if not cur:
            if blank and (not self.lines or self.lines[-1][1]):
                self.lines.append((self.depth, ""))  # as below: at most one blank line in a row
            return
        text = "".join(cur) if len(cur) > 1 else cur[0]
        self.cur = []
        if not self.pre:
            text = _SPACE.sub(" ", text).strip()
        if text or blank:
            if not text and self.lines and not self.lines[-1][1]:
                return  # at most one blank line in a row
            self.lines.append((self.depth, text.rstrip()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br":
                self.flush(blank=True)
            elif tag == "hr":
                self.flush()
                self.lines.append((self.depth, "---"))
            return
        cls = " ".join(v or "" for k, v in attrs if k == "class") if attrs else ""
        skips = tag in _SKIP or (bool(cls) and any(c in cls for c in _SIG_CLASSES))
        quote = tag == "blockquote"
        self.stack.append((tag, skips, quote))
        self.open[tag] = self.open.get(tag, 0) + 1
        if skips:
            self.skip += 1
        if self.skip:
            return
        if tag in _BLOCK:
            self.flush(tag in _BLANK_BEFORE)
        if quote:
            self.depth += 1
        elif tag == "pre":
            self.pre += 1
        elif tag == "li":
            self.cur.append("- ")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append((len(self.cur), href))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.open.get(tag):
            return
        stack = self.stack
        if stack[-1][0] == tag and not self.skip and tag != "a":  # well nested, the usual case
            self.open[tag] -= 1
            self._close(tag, stack.pop()[2])
            return
        while self.stack:
            name, skips, quote = self.stack.pop()
            self.open[name] -= 1
            if skips:
                self.skip -= 1
            elif not self.skip:
                self._close(name, quote)
            if name == tag:
                break

    def _close(self, tag: str, quote: bool) -> None:
        if tag == "a" and self.links:
            start, href = self.links.pop()
            text = "".join(self.cur[start:]).strip()
            if href.startswith(("http://", "https://")) and text and text.rstrip("/") != href.rstrip("/"):
                self.cur[start:] = [f"[{text}]({href})"]
        if tag in _BLOCK:
            self.flush(tag in _BLANK_AFTER)
        if quote:
            self.depth -= 1
            self.flush(True)
        elif tag == "pre":
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            parts = data.split("\n")
            for part in parts[:-1]:
                self.cur.append(part)
                self.flush(blank=True)
            self.cur.append(parts[-1])
        elif self.cur or self.links or data.strip(_SPACE_CHARS):
            self.cur.append(data)
        # else: blanks at the start of a line, which ``flush`` would cut anyway (a long paste is
        # mostly tags with a line break between them)


# --- tokenizing ---------------------------------------------------------------
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


def _tokenize(markup: str, builder: _TextBuilder) -> None:
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


def _read_construct(
    other: _OneConstruct, markup: str, i: int, builder: _TextBuilder
) -> tuple[int, str | None]:
    """One construct at ``markup[i] == "<"`` read by the stdlib methods; -> (end, cdata tag or None)."""
    other.events.clear()
    other.cdata_elem = None
    if markup.startswith("</", i):
        k = other.parse_endtag(i)
    elif markup.startswith("<!--", i):
        k = other.parse_comment(i)
    elif markup.startswith("<?", i):
        k = other.parse_pi(i)
    elif markup.startswith("<!", i):
        k = other.parse_html_declaration(i)
    elif markup[i + 1 : i + 2].isascii() and markup[i + 1 : i + 2].isalpha():
        k = other.parse_starttag(i)
    else:
        builder.handle_data("<")
        return i + 1, None
    if k < 0:  # unterminated: HTMLParser.close() gives it as text, up to the next ">" or "<"
        k = markup.find(">", i + 1)
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


def _skip_cdata(markup: str, i: int, tag: str, builder: _TextBuilder) -> int:
    """Script and style content is raw text up to its end tag; without one, the rest is dropped."""
    close = re.compile(rf"</\s*{tag}\s*>", re.I).search(markup, i)
    if close is None:
        return len(markup)
    if close.start() > i:
        builder.handle_data(markup[i : close.start()])
    builder.handle_endtag(tag)
    return close.end()


def html_to_text(markup: str) -> str:
    """Readable text; each <blockquote> level becomes one "> " prefix."""
    builder = _TextBuilder()
    _tokenize(markup, builder)
    while builder.stack:  # unclosed tags
        tag = builder.stack[-1][0]
        builder.handle_endtag(tag)
    builder.flush()
    out = [
        ((">" * depth + " ") if depth else "") + text if text else ">" * depth
        for depth, text in builder.lines
    ]
    return "\n".join(out).strip("\n")


@dataclass(frozen=True, slots=True)
class ArchivePage:
    subject: str
    author: str  # "Pamela Chestek"
    address: str  # "pamela at example.org", as the archive obfuscates it
    date: str  # "Wed May 14 09:02:11 EDT 2025"
    in_reply_to: str | None
    body: str


_TAGS = re.compile(r"<[^>]{0,2000}>")


def _clean(fragment: str) -> str:
    return html.unescape(_TAGS.sub("", fragment)).strip()


def looks_like_pipermail(markup: str) -> bool:
    head = markup[:20000].lower()
    return "<!--beginarticle-->" in head or (
        "<pre" in head and "<h1>" in head and "<i>" in head and "<b>" in head
    )


def parse_pipermail(markup: str) -> ArchivePage:
    """A Mailman 2 (pipermail) message page: <H1> subject, <B> author, mailto link, <I> date, <PRE> body."""

    def grab(pattern: str, start: int = 0) -> tuple[str, int]:
        m = re.compile(pattern, re.I | re.S).search(markup, start)
        return (m.group(1), m.end()) if m else ("", start)

    subject, pos = grab(r"<h1>(.*?)</h1>")
    author, pos2 = grab(r"<b>(.*?)</b>", pos)
    link, pos3 = grab(r"(<a\s[^>]*href=\"mailto:[^>]*>.*?</a>)", pos2)
    address = _clean(link)
    irt_raw, _ = grab(r"in-reply-to=([^\"&>\s]+)", 0) if link else ("", 0)
    in_reply_to = urllib.parse.unquote(irt_raw).strip().strip("<>") or None
    date, pos4 = grab(r"<i>(.*?)</i>", max(pos3, pos2))
    body, _ = grab(r"<!--beginarticle-->\s*<pre[^>]*>(.*?)</pre>", 0)
    if not body:
        body, _ = grab(r"<pre[^>]*>(.*?)</pre>", pos4)
    body = html.unescape(_TAGS.sub("", body))
    return ArchivePage(_clean(subject), _clean(author), address, _clean(date), in_reply_to, body)
