"""Items a text misprints, and where a list goes on anyway. No Django imports.

A mixin of :class:`licenses.text.segmentation._Segmenter` (it reads the segmenter's lines,
stack and drafts): a letter skipped because it sits inline ("G. … H. …" then "I."), an item
printed in another style ("b)" between "(a)" and "(c)"), an item whose number is a typo
("iii." then "vi." then "v."), and a list whose first item is printed
inline ("…claims: (a) under …; and" then "(b) under …" at a new paragraph).
"""

from __future__ import annotations

import re

from licenses.text.numbering import Label, Reading, parse_label, simple_readings

_UNDOTTED = re.compile(r"([A-Za-z])[ \t]+(?=[A-Z][a-z])")


class ListGaps:
    def _gap(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """A letter that skips one ("G." then "I.", "H." being inline), confirmed by the next label,
        or, as the last item ("d." then "f."), a paragraph of its own in line with its elder sibling."""
        for r in label.readings:
            if r.style[0] not in ("alpha", "ALPHA"):
                continue
            for d in range(len(self.stack) - 1, -1, -1):
                lvl = self.stack[d]
                if (
                    lvl.style == r.style
                    and lvl.value[0] + 2 == r.value[0]
                    and (self._next_is(i, r.style, r.value[0] + 1) or self._last_in_line(i, lvl, r))
                ):
                    return d, r
        return None

    def _last_in_line(self, i: int, lvl, r: Reading) -> bool:
        """Line ``i`` starts a paragraph at its elder sibling's indentation, and no label of its
        style follows (it ends the list)."""
        if not self.lines[i - 1].blank or self._indent(i) != self._indent(self.drafts[lvl.seg].line):
            return False
        for j in range(i + 1, min(i + 60, len(self.lines))):
            ln = self.lines[j]
            lab = None if ln.blank else parse_label(self.text[ln.body : ln.end])
            if lab and any(x.style == r.style for x in lab.readings):
                return False
        return True

    def _misprinted(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """ "b)" between "(a)" and "(c)": the next item printed in another style, in line with its
        elder sibling and confirmed by the item after it; it continues that list."""
        for d, lvl, r in self._in_line_with(i, label):
            if (
                lvl.style[0] == r.style[0]
                and lvl.style != r.style
                and lvl.value[0] + 1 == r.value[0]
                and self._next_is(i, lvl.style, r.value[0] + 1)
            ):
                return d, Reading(lvl.style, r.value)
        return None

    def _mistyped(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """ "iii." then "vi." then "v.": an item whose number is a typo for the next one, in line
        with its elder sibling after a finished item and confirmed by the item after it (which
        follows the number this one should have had); it takes that number's place."""
        if not (self.lines[i - 1].blank or self._after_item_end(i)):
            return None
        for d, lvl, r in self._in_line_with(i, label):
            if (
                lvl.style == r.style
                and r.value[0] not in (lvl.value[0], lvl.value[0] + 1, lvl.value[0] + 2)
                and self._next_is(i, lvl.style, lvl.value[0] + 2)
            ):
                return d, Reading(lvl.style, (lvl.value[0] + 1,))
        return None

    def _in_line_with(self, i: int, label: Label):
        """``(depth, open level, reading)`` for each one-number reading of ``label`` and each open
        one-number list whose item stands at line ``i``'s indentation, innermost list first."""
        for r in label.readings:
            if len(r.value) != 1:
                continue
            for d in range(len(self.stack) - 1, -1, -1):
                lvl = self.stack[d]
                if len(lvl.value) == 1 and self._indent(self.drafts[lvl.seg].line) == self._indent(i):
                    yield d, lvl, r

    def _undotted(self, i: int) -> Label | None:
        """ "b Each time …": a letter that lost its dot, read only as a misprinted item (the next
        letter of an open list, in line with it and confirmed by the item after it)."""
        ln = self.lines[i]
        m = _UNDOTTED.match(self.text, ln.body, ln.end)
        if m is None:
            return None
        readings = tuple(r for r in simple_readings(m.group(1), "") if r.style[0] in ("alpha", "ALPHA"))
        return Label(m.group(1), "simple", readings, 1, (m.group(1).lower(),)) if readings else None

    def _after_inline_first(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """ "…intellectual property claims: (a) under …; and" then "(b) under …" at the start of a
        paragraph: a list whose first item is printed inline in the last clause's own text. The
        second item opens the list under that clause (the first stays in its text)."""
        if not self.stack or self.drafts[-1].line != self.drafts[self.stack[-1].seg].line:
            return None
        if not self.lines[i - 1].blank and not self._after_item_end(i):
            return None
        own = self.text[self.drafts[-1].body : self.lines[i].start]
        for r in label.readings:
            if len(r.value) != 1 or r.value[0] != 2 or r.style in [lvl.style for lvl in self.stack]:
                continue
            first = _first_label(label.text, r)
            if first and re.search(rf"(?:^|[\s:]){re.escape(first)}[ \t\r\n]*[^\W_]", own):
                return len(self.stack), r
        return None

    def _after_item_end(self, i: int) -> bool:
        above = self.text[self.lines[i - 1].start : self.lines[i - 1].end].rstrip()
        return above.endswith((";", "; and", "; or", "."))


def _first_label(printed: str, r: Reading) -> str:
    """The first item's label printed like ``printed`` (a second item): "(b)" -> "(a)", "B." -> "A."."""
    kind = r.style[0]
    core = {"alpha": "b", "ALPHA": "B", "num": "2"}.get(kind)
    if core is None or printed.count(core) != 1:
        return ""
    return printed.replace(core, {"b": "a", "B": "A", "2": "1"}[core])
