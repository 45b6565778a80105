"""Lists whose addresses would repeat: a second list under the same clause. No Django imports.

A mixin of :class:`licenses.text.segmentation._Segmenter` (it reads the segmenter's lines,
stack, drafts and address spaces). "… in object code form: a) b)" then "When … in source code
form: a) b)" under clause 3: the second list's items are ``3.list-2(a)``, the paragraph that
opens it ``3.list-2``; at the top level ``list-2/a``, or the slug of a heading between
(``grant-of-rights/A``). No two clauses of a text share a path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from licenses.text.addresses import child_path, in_space, split_space
from licenses.text.assembly import DEFINITION, Draft
from licenses.text.numbering import Label, Reading

if TYPE_CHECKING:
    from licenses.text.segmentation import _Level


class RepeatedLists:
    def _lead_in(self, i: int, tag: str, parent: _Level | None, reading: Reading) -> None:
        """The paragraph ending in ":" that opens a second list ("Under the terms of this License
        You may not:", "When the Program is made available in source code form:") is a segment
        of its own at the list's address (``list-2``, ``3.list-2``), not the previous item's tail."""
        if not self._next_is(i, reading.style, reading.value[-1] + 1):
            return  # a lone item: no list for the paragraph to open
        above = next((k for k in range(i - 1, -1, -1) if not self.lines[k].blank), -1)
        if above < 0 or not self.text[self.lines[above].start : self.lines[above].end].rstrip().endswith(":"):
            return
        start = above
        while start > 0 and not self.lines[start - 1].blank and not self.accepted[start]:
            start -= 1
        if DEFINITION.match(self.text, self.lines[start].body, self.lines[start].end):
            return  # '"Modifications" means:' opens the list as a definition of its own
        last = self.drafts[-1] if self.drafts else None
        if last is None or start <= last.line or self.accepted[start]:
            if last is not None and not last.label and last.line == start and last.path.endswith(".closing"):
                last.path = f"{parent.path}.{tag}" if parent else tag  # "3.closing" opens the list
            return
        if self._indent(start) > self._indent(last.line):
            return  # deeper than the item above: the item's own words
        path = f"{parent.path}.{tag}" if parent else tag
        self.drafts.append(
            Draft(
                start, "", path, len(self.stack), parent.seg if parent else None, body=self.lines[start].start
            )
        )
        self.accepted[start] = True

    def _second_list(
        self, label: Label, path: str, parent: str, reading: Reading, replaced: _Level | None
    ) -> str:
        """A second list under the same clause ("… in object code form: a) b)", then "When … in
        source code form: a) b)") would repeat the first's paths: its items go under
        ``3.list-2`` (``3.list-2(a)``), a tag its later items keep; "" when nothing repeats."""
        if (
            replaced is not None
            and replaced.style == reading.style
            and self._continues(replaced.value, reading.value)
        ):
            return replaced.context
        if path not in self.spaces.used:
            return ""
        if child_path(label.text, f"{parent}.list-2", parsed=label) == path:
            return ""  # "Article 1" again under "2.": a tag cannot tell it apart (assembly will)
        n = 2
        while child_path(label.text, f"{parent}.list-{n}", parsed=label) in self.spaces.used:
            n += 1
        return f"list-{n}"

    def _list_context(self, path: str, reading: Reading, replaced: _Level | None) -> str:
        """The heading slug that tells apart a list whose top-level paths would repeat ones used
        before ("A." under "DEFINITIONS", again "A." under "GRANT OF RIGHTS"): ``grant-of-rights/A``.
        The items after the first keep the first's context; "" when the paths do not repeat."""
        if (
            replaced is not None
            and replaced.style == reading.style
            and self._continues(replaced.value, reading.value)
        ):
            return replaced.context
        if path not in self.spaces.used:
            return ""
        heading = next((d for d in reversed(self.drafts) if not d.label), None)
        if (
            not self.heading_since
            or heading is None
            or not heading.heading
            or heading.line < self.last_numbered
        ):
            # "You may:" a) b), then "You may not:" a) b): no heading between to name the list
            prefix, local = split_space(path)
            n = 2
            while in_space(in_space(prefix, f"list-{n}").replace("/", "-"), local) in self.spaces.used:
                n += 1
            return in_space(prefix, f"list-{n}").replace("/", "-")
        prefix, local = split_space(heading.path)
        return f"{prefix}-{local}" if prefix else local
