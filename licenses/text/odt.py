"""The text of an OpenDocument text (.odt, LibreOffice), its automatic numbering written out. Pure.

As in Word, a LibreOffice license numbers its clauses through list and outline styles, not in
its text: each ``text:list`` names a list style whose levels say how a number is written
(format "1", "a", "A", "i", "I", a prefix, a suffix, how many parent levels it shows), and
headings are numbered by the document's outline style. Each numbered paragraph gets its number
as LibreOffice shows it: counters per list and level, a nested list one level deeper, a list that
continues an earlier one going on from it, a deeper level restarting under a new parent.

One paragraph per line, a blank line between paragraphs; tracked deletions, notes and comments
are left out. The parts are read as Word's are (:mod:`licenses.text.office`).
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree

from licenses.text.office import DocumentError, bounded_int, number_text, open_zip, read_part

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_SKIPPED = {TEXT + "tracked-changes", TEXT + "note", OFFICE + "annotation", TEXT + "deletion"}
_PARAGRAPHS = {TEXT + "p", TEXT + "h"}
ODT = "an OpenDocument text"


@dataclass(frozen=True)
class _Level:
    fmt: str = "decimal"  # a format name of office.number_text; "" writes no number
    bullet: bool = False
    prefix: str = ""
    suffix: str = "."
    shown: int = 1  # text:display-levels: this level's number and its parents', up to this many
    start: int = 1


def is_odt(data: bytes) -> bool:
    """A zip whose first part, ``mimetype``, stored as it is, says OpenDocument text, whole or
    damaged: a damaged one is read to say so. Cheap: the zip is opened once, by :func:`odt_text`."""
    return data.startswith(b"PK\x03\x04") and b"application/vnd.oasis.opendocument.text" in data[:100]


def _levels(style: ElementTree.Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for child in style:
        if not child.tag.startswith(TEXT) or not child.tag.endswith(
            ("-style-number", "-style-bullet", "-style")
        ):
            continue
        level = min(max(bounded_int(child.get(TEXT + "level"), 1), 1), 10)
        if child.tag == TEXT + "list-level-style-bullet":
            levels[level] = _Level(fmt="", suffix="", bullet=True)
            continue
        levels[level] = _Level(
            fmt=_FORMATS.get(child.get(STYLE + "num-format") or "", ""),
            prefix=child.get(STYLE + "num-prefix") or "",
            suffix=child.get(STYLE + "num-suffix") or "",
            shown=min(max(bounded_int(child.get(TEXT + "display-levels"), 1), 1), 10),
            start=bounded_int(child.get(TEXT + "start-value"), 1),
        )
    return levels


def _styles(*roots: ElementTree.Element | None) -> tuple[dict[str, dict[int, _Level]], dict[int, _Level]]:
    """List styles by name, and the outline style's levels (the headings' numbers)."""
    lists: dict[str, dict[int, _Level]] = {}
    outline: dict[int, _Level] = {}
    for root in roots:
        if root is None:
            continue
        for style in root.iter(TEXT + "list-style"):
            lists[style.get(STYLE + "name", "")] = _levels(style)
        for style in root.iter(TEXT + "outline-style"):
            outline = _levels(style)
    return lists, outline


def _label(counts: list[int], levels: dict[int, _Level], level: int) -> str:
    lvl = levels.get(level)
    if lvl is not None and lvl.bullet:
        return "•"
    if lvl is None or not lvl.fmt:
        return ""
    first = max(1, level - lvl.shown + 1)
    parts = [number_text(counts[k - 1], levels.get(k, lvl).fmt or "decimal") for k in range(first, level + 1)]
    text = f"{lvl.prefix}{'.'.join(parts)}{lvl.suffix}".strip()
    return text if any(ch.isalnum() for ch in text) else ""


def _count(counts: list[int], levels: dict[int, _Level], level: int, start: int | None = None) -> None:
    """Step ``level``'s counter (to ``start`` when the item says so); deeper ones restart."""
    while len(counts) < level:
        counts.append(levels.get(len(counts) + 1, _Level()).start - 1)
    del counts[level:]
    counts[level - 1] = start if start is not None else counts[level - 1] + 1


class _Reader:
    def __init__(self, lists: dict[str, dict[int, _Level]], outline: dict[int, _Level]) -> None:
        self.lists, self.outline = lists, outline
        self.paragraphs: list[str] = []
        self.outline_counts: list[int] = []
        self.list_counts: dict[str, list[int]] = {}  # list style -> the counters of its last list

    def text(self, element: ElementTree.Element) -> str:
        out: list[str] = []

        def walk(node: ElementTree.Element) -> None:
            if node.text:
                out.append(node.text)
            for child in node:
                tag = child.tag
                if tag in _SKIPPED or tag == TEXT + "number":
                    pass
                elif tag == TEXT + "s":
                    out.append(" " * min(bounded_int(child.get(TEXT + "c"), 1), 100))
                elif tag == TEXT + "tab":
                    out.append("\t")
                elif tag == TEXT + "line-break":
                    out.append("\n")
                elif tag in _PARAGRAPHS:
                    pass  # a paragraph inside a frame: read as its own
                else:
                    walk(child)
                if child.tail:
                    out.append(child.tail)

        walk(element)
        return "".join(out).strip()

    def add(self, label: str, text: str) -> None:
        if text:
            self.paragraphs.append(f"{label} {text}" if label else text)

    def block(self, element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == TEXT + "h":
                text = self.text(child)
                level = min(max(bounded_int(child.get(TEXT + "outline-level"), 1), 1), 10)
                label = ""
                if text and child.get(TEXT + "is-list-header") != "true" and self.outline.get(level):
                    _count(self.outline_counts, self.outline, level)
                    label = _label(self.outline_counts, self.outline, level)
                self.add(label, text)
                self.block_inside(child)
            elif tag == TEXT + "p":
                self.add("", self.text(child))
                self.block_inside(child)
            elif tag == TEXT + "list":
                self.list(child, child.get(TEXT + "style-name"), 1)
            else:
                self.block(child)  # sections, tables, frames, soft page breaks

    def block_inside(self, paragraph: ElementTree.Element) -> None:
        """Paragraphs inside a paragraph's frames (text boxes), after it; not its notes' or comments'."""

        def walk(node: ElementTree.Element) -> None:
            for child in node:
                if child.tag in _SKIPPED:
                    continue
                if child.tag in _PARAGRAPHS:
                    self.add("", self.text(child))
                walk(child)

        walk(paragraph)

    def list(self, element: ElementTree.Element, style: str | None, level: int) -> None:
        name = element.get(TEXT + "style-name") or style or ""
        levels = self.lists.get(name, {})
        goes_on = element.get(TEXT + "continue-numbering") == "true" or element.get(TEXT + "continue-list")
        if level == 1 and not goes_on:
            self.list_counts[name] = []
        counts = self.list_counts.setdefault(name, [])
        for item in element:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            numbered = item.tag == TEXT + "list-item"
            first = True
            for child in item:
                if child.tag == TEXT + "list":
                    self.list(child, name, level + 1)
                    continue
                if child.tag not in _PARAGRAPHS:
                    self.block(child)  # a table or a section inside the item
                    continue
                text = self.text(child)
                label = ""
                if first and numbered and text:
                    start = item.get(TEXT + "start-value")
                    _count(counts, levels, level, bounded_int(start, 1) if start is not None else None)
                    label = _label(counts, levels, level)
                    first = False
                self.add(label, text)


def odt_text(data: bytes) -> str:
    """The text of the OpenDocument text in ``data``, numbered as LibreOffice numbers it."""
    with open_zip(data, ODT) as archive:
        content = read_part(archive, "content.xml", ODT)
        if content is None:
            raise DocumentError("The file is a zip but not an OpenDocument text (it has no content.xml).")
        lists, outline = _styles(read_part(archive, "styles.xml", ODT), content)
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    reader = _Reader(lists, outline)
    reader.block(body if body is not None else content)
    return "\n\n".join(reader.paragraphs) + "\n"
