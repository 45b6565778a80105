"""A license in markup -> its text: a web page as a browser shows it, or an SPDX license XML file.
Pure: no Django imports.

People upload what they have, and a license is often a page saved from its steward's site
(``gpl-3.0.html``, ``LICENSE.html``). Stored as markup, its tags would be segmented, shown and
quoted as words. :func:`html_to_license_text` gives the text instead, laid out as the
segmenter reads a plain license:

- paragraphs, headings, tables and lists on lines of their own, a blank line between blocks,
  wrapping and runs of spaces collapsed (``<pre>`` keeps its lines);
- ordered lists numbered as a browser numbers them (``type`` ``1 a A i I``, ``start``, an item's
  ``value``): ``a. you keep this notice;``, indented three spaces a level as a browser indents them, so
  ``1(b)(i)`` comes out of the nesting; bullets as ``- ``, but a bulleted item that prints its own
  number (GNU's pages: ``<ul><li>a) The work must carry …``) as that number alone;
- no site furniture: ``<head>``, scripts, styles, navigation, headers, footers, forms; and when
  the page has a ``<main>`` element, only what is inside it.

An SPDX License List XML file (``<SPDXLicenseCollection>``, the markup the SPDX list is kept
in, whose ``<list>``/``<item>``/``<bullet>`` tree gives every clause its number) is read the
same way by :func:`spdx_xml_to_license_text`: the ``<text>`` element only, a paragraph per
``<p>``, title and copyright, each item on a line of its own behind its own ``<bullet>``,
indented by level; ``<optional>`` and ``<alt>`` text as written.

Tokens come from :mod:`licenses.text.html_tokens` (linear time on any markup; no entity of the
document type is ever expanded).
"""

from __future__ import annotations

import re

from licenses.text.html_tokens import tokenize
from licenses.text.numbering import parse_label

_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]
)
_SKIP = frozenset(
    [
        "aside", "button", "footer", "form", "head", "header", "iframe", "nav", "noscript",
        "script", "select", "style", "svg", "template", "textarea", "title",
    ]
)  # fmt: skip
_BLOCK = frozenset(
    [
        "address", "article", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "ol", "p", "pre", "section",
        "summary", "table", "tr", "ul", "spdx-list",
    ]
)  # fmt: skip
# blocks set apart by a blank line (list items and table rows are not)
_PARAGRAPH = frozenset(["blockquote", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "table"])
_LISTS = frozenset(["ol", "ul", "spdx-list"])
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_MAIN = re.compile(r"<main[\s>]", re.I)
_SPDX_ROOT = re.compile(r"<SPDXLicenseCollection[\s>]")
# SPDX XML tags (lower case, as the tokenizer gives them) and what they are in HTML's terms
_SPDX_TAGS = {"titletext": "p", "copyrighttext": "p", "p": "p", "list": "spdx-list", "item": "li", "br": "br"}
_KNOWN_TAG = re.compile(
    r"<(?:p|div|br|li|ol|ul|h[1-6]|body|head|table|span|a|pre|section|article)\b[^<>]{0,300}>", re.I
)
INDENT = "   "
MAX_INDENT = 6  # levels: deeper lists are indented no further (markup nested thousands deep)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than a license that happens to hold a ``<…>``: it starts
    with a tag, and is a document (``<!DOCTYPE html>``, ``<html>``) or holds two tags of the
    common block and inline kinds. ``<one line to give the program's name>`` is no tag."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    if not head.startswith("<"):
        return False
    lower = head[:200].lower()
    if lower.startswith(("<!doctype html", "<html")) or "<body" in head.lower():
        return True
    # a fragment: most of its lines are markup (a Markdown license that opens with a centred
    # logo in HTML is Markdown, and its line breaks matter)
    lines = [ln.lstrip() for ln in head.splitlines() if ln.strip()]
    tagged = sum(ln.startswith("<") for ln in lines)
    return len(_KNOWN_TAG.findall(head)) >= 2 and 2 * tagged >= len(lines)


def looks_like_spdx_xml(text: str) -> bool:
    """Whether ``text`` is an SPDX License List XML file (its root element in the first 2 KB)."""
    return bool(_SPDX_ROOT.search(text[:2048])) and "<text" in text


def _roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa: as a browser letters a list."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def list_marker(value: int, kind: str) -> str:
    """The number a browser prints for item ``value`` of an ``<ol type=kind>``, with its dot."""
    if value < 1 or kind == "1":
        return f"{value}."
    if kind in ("a", "A"):
        letters = _letters(value)
        return (letters if kind == "a" else letters.upper()) + "."
    if kind in ("i", "I"):
        numeral = _roman(min(value, 3999))
        return (numeral.lower() if kind == "i" else numeral) + "."
    return f"{value}."


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


class _LicenseBuilder:
    def __init__(self, main_only: bool, main: str = "main") -> None:
        self.main = main  # the element whose content alone is read, when ``main_only``
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.marker = False  # ``cur`` holds a list item's marker and no words yet
        self.stack: list[tuple[str, int]] = []  # (tag, what it did to ``skip``: +1, -1 or 0)
        self.open: dict[str, int] = {}
        self.skip = 1 if main_only else 0  # outside <main>, when the page has one, is skipped too
        self.pre = 0
        self.lists: list[list] = []  # [tag, type, next value]

    # -- lines --------------------------------------------------------------------------------
    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def flush(self, blank: bool = False) -> None:
        if self.marker:
            return  # "<li><p>…": the item's words go on the marker's line
        line = "".join(self.cur).rstrip()
        self.cur = []
        if line.strip():
            self.lines.append(line)
        if blank:
            self.blank()

    # -- tokens -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if not self.skip and tag in ("br", "hr"):
                self.marker = False
                self.flush(blank=tag == "hr")
            return
        effect = 1 if tag in _SKIP else -1 if tag == self.main and self.skip and not self.open.get(tag) else 0
        self.stack.append((tag, effect))
        self.open[tag] = self.open.get(tag, 0) + 1
        self.skip += effect
        if self.skip:
            if tag in _LISTS:
                self.lists.append([tag, "1", 1])
            return
        if tag in _BLOCK:
            self.flush(blank=tag in _PARAGRAPH or tag in _LISTS and not self.lists)
        if tag in _LISTS:
            named = dict(attrs)
            kind = (named.get("type") or "1").strip() or "1"
            self.lists.append([tag, kind, _int(named.get("start")) or 1])
        elif tag == "li":
            self._item(dict(attrs))
        elif tag == "pre":
            self.pre += 1
        elif tag in ("td", "th") and "".join(self.cur).strip():
            self.cur.append("    ")

    def _item(self, attrs: dict[str, str | None]) -> None:
        indent = INDENT * min(len(self.lists), MAX_INDENT)
        if self.lists and self.lists[-1][0] == "spdx-list":  # the item's <bullet> is its number
            self.cur = [indent]
            self.marker = True
            return
        if not self.lists or self.lists[-1][0] == "ul":
            marker = "-"
        else:
            current = self.lists[-1]
            value = _int(attrs.get("value"))
            if value is not None:
                current[2] = value
            marker = list_marker(current[2], current[1])
            current[2] += 1
        self.cur = [indent, marker, " "]
        self.marker = True

    def handle_endtag(self, tag: str) -> None:
        if not self.open.get(tag):
            return
        while self.stack:
            open_tag, effect = self.stack.pop()
            self.open[open_tag] -= 1
            self._close(open_tag)
            self.skip -= effect
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _LISTS and self.lists:
            self.lists.pop()
        if self.skip:
            return
        if tag == "pre":
            self.pre = max(self.pre - 1, 0)
        if tag in _BLOCK:
            self.marker = False
            self.flush(blank=tag in _PARAGRAPH or tag in _LISTS and not self.lists)

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        if self.pre:
            pieces = data.split("\n")
            for piece in pieces[:-1]:
                self.cur.append(piece)
                self.marker = False
                line = "".join(self.cur).rstrip()
                self.lines.append(line)
                self.cur = []
            self.cur.append(pieces[-1])
            return
        text = _SPACE.sub(" ", data)
        if not self.cur or "".join(self.cur[-1:]).endswith(" "):
            text = text.lstrip(" ")
        if text:
            if self.marker and text.strip() and self.cur[1:2] == ["-"] and parse_label(text.lstrip()):
                self.cur = [self.cur[0]]  # "- a) The work …": the item's own number stands for the bullet
            self.cur.append(text)
            if text.strip():
                self.marker = False


class _SpdxAdapter:
    """SPDX XML tokens in HTML's terms for a ``_LicenseBuilder`` (see ``_SPDX_TAGS``); a bullet is
    followed by a space, other tags (``optional``, ``alt``, ``bullet``) are read as inline."""

    def __init__(self, builder: _LicenseBuilder) -> None:
        self.builder = builder
        self.after_bullet = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._space()
        self.builder.handle_starttag(_SPDX_TAGS.get(tag, tag), attrs)

    def handle_endtag(self, tag: str) -> None:
        self.builder.handle_endtag(_SPDX_TAGS.get(tag, tag))
        self.after_bullet = tag == "bullet"

    def handle_data(self, data: str) -> None:
        if self.after_bullet and data[:1] in ".):":  # "<bullet>1</bullet>. Definitions"
            self.after_bullet = False
        self._space()
        self.builder.handle_data(data)

    def _space(self) -> None:
        if self.after_bullet:  # "<bullet>(a)</bullet>Grant": the number and its words apart
            self.after_bullet = False
            self.builder.handle_data(" ")


def html_to_license_text(markup: str) -> str:
    """The text a browser shows of ``markup``, one block a paragraph (see the module docstring)."""
    builder = _LicenseBuilder(main_only=bool(_MAIN.search(markup)))
    tokenize(markup, builder)
    return _finish(builder)


def spdx_xml_to_license_text(markup: str) -> str:
    """The license text of an SPDX License List XML file (see the module docstring)."""
    builder = _LicenseBuilder(main_only=True, main="text")
    tokenize(markup, _SpdxAdapter(builder))
    return _finish(builder)


def _finish(builder: _LicenseBuilder) -> str:
    while builder.stack:
        builder.handle_endtag(builder.stack[-1][0])
    builder.marker = False
    builder.flush()
    lines = builder.lines
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines) + "\n" if lines else ""
