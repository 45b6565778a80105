"""HTML mail -> plain text with ">" quoting, and Mailman/pipermail archive pages. Pure: the stdlib and
licenses.text.html_tokens (the linear-time tokenizer it shares with the license importer)."""

from __future__ import annotations

import html
import re
import urllib.parse
from dataclasses import dataclass

from licenses.text.html_tokens import tokenize

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
    """Collects (quote depth, text) lines from the tokens that ``tokenize`` hands it."""

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


def html_to_text(markup: str) -> str:
    """Readable text; each <blockquote> level becomes one "> " prefix."""
    builder = _TextBuilder()
    tokenize(markup, builder)
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
    message_id: str | None = None


_TAGS = re.compile(r"<[^>]{0,2000}>")


def fragment_text(fragment: str) -> str:
    """A fragment of an archive page's markup as text: tags dropped, entities read."""
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
    address = fragment_text(link)
    irt_raw, _ = grab(r"in-reply-to=([^\"&>\s]+)", 0) if link else ("", 0)
    in_reply_to = urllib.parse.unquote(irt_raw).strip().strip("<>") or None
    date, pos4 = grab(r"<i>(.*?)</i>", max(pos3, pos2))
    body, _ = grab(r"<!--beginarticle-->\s*<pre[^>]*>(.*?)</pre>", 0)
    if not body:
        body, _ = grab(r"<pre[^>]*>(.*?)</pre>", pos4)
    body = html.unescape(_TAGS.sub("", body))
    return ArchivePage(
        fragment_text(subject), fragment_text(author), address, fragment_text(date), in_reply_to, body
    )
