"""The text of a Word document (.docx), its automatic numbering written out. Pure.

Lawyers draft licenses in Word, and Word numbers clauses itself: "1.", "2.2", "(b)" are not in
the paragraphs' text but in the numbering definitions (``word/numbering.xml``) that a paragraph,
or its style, points to. Read without them, a license would lose every clause number. So each
numbered paragraph gets its number as Word shows it: counters per list and level, deeper levels
restarting under a new parent, the level's format ("%1.%2", "(%3)") in decimal, letters or roman
numerals.

One paragraph per line, a blank line between paragraphs; deleted tracked changes and field codes
are left out. defusedxml reads the parts: a document with a DTD (which Word never writes) or
with parts larger than :data:`licenses.text.office.MAX_PART_BYTES` unpacked is refused.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from licenses.text.office import (
    DocumentError,
    bounded_int,
    number_text,
    open_zip,
    read_part,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = "a Word document"


def is_docx(data: bytes) -> bool:
    """A zip naming ``word/document.xml`` (zip stores its names as they are), whole or damaged:
    a damaged one is read to say so. Cheap: the zip is opened once, by :func:`docx_text`."""
    return data.startswith(b"PK\x03\x04") and b"word/document.xml" in data


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    return read_part(archive, name, WORD)


def _val(element: ElementTree.Element | None, tag: str, default: str | None = None) -> str | None:
    if element is None:
        return default
    child = element.find(W + tag)
    return child.get(W + "val", default) if child is not None else default


# --- numbering -------------------------------------------------------------------------------


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never
    legal: bool = False  # w:isLgl: every level shown in decimal
    style: str | None = None


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> level -> start
    level_styles: dict[str, tuple[str, int]] = field(default_factory=dict)  # style -> (numId, level)


def _numbering(root: ElementTree.Element | None) -> _Numbering:
    found = _Numbering()
    if root is None:
        return found
    by_style: dict[str, str] = {}  # numbering style -> the abstractNum that defines it
    linked: dict[str, str] = {}  # abstractNum -> the numbering style it takes its levels from
    for abstract in root.iter(W + "abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(W + "lvl"):
            restart = _val(lvl, "lvlRestart")
            levels[_level(lvl.get(W + "ilvl"))] = _Level(
                start=bounded_int(_val(lvl, "start"), 1),
                fmt=_val(lvl, "numFmt", "decimal") or "decimal",
                text=_val(lvl, "lvlText", "") or "",
                restart=bounded_int(restart, 0) if restart is not None else None,
                legal=lvl.find(W + "isLgl") is not None,
                style=_val(lvl, "pStyle"),
            )
        abstract_id = abstract.get(W + "abstractNumId", "")
        found.abstract[abstract_id] = levels
        if (defines := _val(abstract, "styleLink")) is not None:
            by_style[defines] = abstract_id
        if (uses := _val(abstract, "numStyleLink")) is not None:
            linked[abstract_id] = uses
    # A list that takes its levels from a numbering style ("numStyleLink") has none of its own:
    # they are the levels of the list that defines that style ("styleLink").
    for abstract_id, style in linked.items():
        if not found.abstract.get(abstract_id) and style in by_style:
            found.abstract[abstract_id] = found.abstract.get(by_style[style], {})
    for num in root.iter(W + "num"):
        num_id = num.get(W + "numId", "")
        found.nums[num_id] = _val(num, "abstractNumId", "") or ""
        for override in num.iter(W + "lvlOverride"):
            start = _val(override, "startOverride")
            if start is not None:
                found.overrides.setdefault(num_id, {})[_level(override.get(W + "ilvl"))] = bounded_int(
                    start, 1
                )
    for num_id, abstract_id in found.nums.items():
        for level, lvl in found.abstract.get(abstract_id, {}).items():
            if lvl.style:
                found.level_styles.setdefault(lvl.style, (num_id, level))
    return found


def _level(value: str | None) -> int:
    """A list level: Word has nine, 0 to 8."""
    return min(bounded_int(value, 0), 8)


class _Counters:
    """Word's list counters: one set per abstract list, a level's count restarting under a new parent."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()

    def label(self, num_id: str, level: int) -> str:
        abstract_id = self.numbering.nums.get(num_id)
        levels = self.numbering.abstract.get(abstract_id or "", {})
        lvl = levels.get(level)
        if lvl is None:
            return ""
        counts = self.counts.setdefault(abstract_id or "", {})
        overrides = self.numbering.overrides.get(num_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for at, start in overrides.items():
                counts[at] = start - 1  # a startOverride restarts the list where this num begins
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            restart = levels.get(deeper, _Level()).restart
            if restart is None or (restart and level + 1 <= restart):
                del counts[deeper]
        if lvl.fmt == "bullet":
            return "•"

        def number(m: re.Match[str]) -> str:
            at = int(m.group(1)) - 1
            shown = levels.get(at, _Level())
            value = counts.get(at, shown.start)
            return number_text(value, "decimal" if lvl.legal else shown.fmt)

        label = re.sub(r"%([1-9])", number, lvl.text).strip()
        return label if any(ch.isalnum() for ch in label) else ""  # "." of a number no format writes


# --- styles ----------------------------------------------------------------------------------


def _style_numbers(root: ElementTree.Element | None) -> dict[str, tuple[str | None, int | None]]:
    """style id -> (numId, ilvl) it numbers its paragraphs with, following w:basedOn."""
    if root is None:
        return {}
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in root.iter(W + "style"):
        sid = style.get(W + "styleId", "")
        parent = _val(style, "basedOn")
        if parent:
            based[sid] = parent
        ppr = style.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None:
            level = _val(numpr, "ilvl")
            own[sid] = (_val(numpr, "numId"), _level(level) if level is not None else None)
    found: dict[str, tuple[str | None, int | None]] = {}
    for sid in set(own) | set(based):
        seen, at = set(), sid
        while at and at not in own and at not in seen:
            seen.add(at)
            at = based.get(at, "")
        if at in own:
            found[sid] = own[at]
    return found


# --- the text --------------------------------------------------------------------------------


def _runs_text(paragraph: ElementTree.Element) -> str:
    """The paragraph's own text: runs, tabs and breaks, not its deletions, field codes or the
    paragraphs of a text box inside it (read as paragraphs of their own)."""
    out: list[str] = []

    def walk(element: ElementTree.Element) -> None:
        for child in element:
            tag = child.tag
            if tag in (W + "p", W + "del", W + "instrText", W + "delText", W + "pPr", W + "rPr"):
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(paragraph)
    return "".join(out)


def docx_text(data: bytes) -> str:
    """The text of the Word document in ``data``, numbered as Word numbers it."""
    with open_zip(data, WORD) as archive:
        document = _part(archive, "word/document.xml")
        if document is None:
            raise DocumentError("The file is a zip but not a Word document (it has no word/document.xml).")
        numbering = _numbering(_part(archive, "word/numbering.xml"))
        styles = _style_numbers(_part(archive, "word/styles.xml"))
    body = document.find(W + "body")
    counters = _Counters(numbering)
    paragraphs: list[str] = []
    for paragraph in (body if body is not None else document).iter(W + "p"):
        text = _runs_text(paragraph)
        ppr = paragraph.find(W + "pPr")
        style = _val(ppr, "pStyle")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, level = None, None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            raw_level = _val(numpr, "ilvl")
            level = _level(raw_level) if raw_level is not None else None
        if style and (num_id is None or level is None):
            style_num, style_level = styles.get(style, (None, None))
            linked = numbering.level_styles.get(style)
            num_id = num_id or style_num or (linked[0] if linked else None)
            if level is None:
                level = style_level if style_level is not None else (linked[1] if linked else None)
        label = ""
        if num_id and num_id != "0" and text.strip():
            label = counters.label(num_id, level or 0)
        line = " ".join(part for part in (label, text.strip()) if part)
        paragraphs.append(line)
    return "\n\n".join(p for p in paragraphs if p.strip()) + "\n"
