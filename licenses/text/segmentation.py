"""Pure clause segmentation: license text -> list[Segment]. No Django imports.

The text is read line by line. A line that starts with something like a clause number is a
*candidate*; it is accepted only when its number continues a sequence at some open level of a
stack ("(c)" after "(b)") or opens a new level with a first value ("1", "a", "i", "2.1" under
"2"). Everything else, including numbers that merely start a wrapped line, stays body text.
Headings, definitions and appendices become segments of their own with an empty label.

Splitting the text into lines lives in :mod:`licenses.text.lines`, whether a piece of text reads
like a heading in :mod:`licenses.text.headings`, and label parsing in :mod:`licenses.text.numbering`.
Parts of the segmenter live beside it as mixins: where an unnumbered heading stands
(:mod:`licenses.text.unnumbered`), where a list ends (:mod:`licenses.text.list_ends`), and
part headings and address spaces (:mod:`licenses.text.parts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from licenses.text.addresses import child_path, in_space, number_tokens, split_space
from licenses.text.assembly import DEFINITION, Draft, Segment, assemble
from licenses.text.headings import UNDERLINE, is_heading_text, split_inline_heading
from licenses.text.lines import TERMINAL as _TERMINAL
from licenses.text.lines import split_lines
from licenses.text.list_ends import ListEnds
from licenses.text.numbering import Label, Reading, is_first, numeric_tokens, parse_label
from licenses.text.parts import PartHeadings, Spaces
from licenses.text.unnumbered import UnnumberedHeadings

# Bumped when the same text may segment differently: versions record it, and the compare cache
# key carries it, so no cached comparison outlives the rules that made its clauses.
VERSION = "4"


# "Scope of the rights granted by the Licence": a short line in sentence case, no end punctuation
_SENTENCE_HEADING = re.compile(r"[A-Z][^.,;:!?\r\n]{2,58}[^.,;:!?\s]")
# words after which a number on the next line is a reference, not a clause ("see Section\n7.")
_REFERS = re.compile(
    r"(?i)\b(?:sections?|articles?|clauses?|paragraphs?|parts?|chapters?|of|in|to|under|and|or|see|no|number)$"
)
_SEP = re.compile(r"[ \t]*(?:[-–—:][ \t]*)?")
_MAX_DEPTH = 6


@dataclass(slots=True)
class _Level:
    style: tuple
    value: tuple[int, ...]
    path: str
    ntoks: tuple[str, ...]
    seg: int
    context: str = ""  # a list whose paths would repeat: the heading's slug, or "list-2"


class _Segmenter(UnnumberedHeadings, ListEnds, PartHeadings):
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.drafts: list[Draft] = []
        self.stack: list[_Level] = []
        self.accepted = [False] * len(self.lines)
        self.heading_since = False
        self.spaces = Spaces()
        self.part_line = -1  # line of the part heading read most recently
        self.last_numbered = -1  # line of the clause accepted most recently
        self.first_line = next((k for k, ln in enumerate(self.lines) if not ln.blank), -1)
        self._unwrapped_cache: bool | None = None

    # -- candidates ------------------------------------------------------------------
    def _candidate(self, i: int) -> Label | None:
        ln = self.lines[i]
        if ln.blank:
            return None
        line = self.text[ln.body : ln.end]
        label = parse_label(line)
        if label is None:
            return None
        rest = line[label.length :].lstrip()
        if rest[:1].islower() and (label.kind == "word" or label.kind == "dec" and label.text[-1].isdigit()):
            return None  # "Section 2.2 of this License", "1.1 or earlier"
        prev = self.lines[i - 1] if i else None
        if prev is not None and not prev.blank and not self.accepted[i - 1] and not ln.markdown_heading:
            tail = self.text[prev.start : prev.end].rstrip()
            if not (
                _TERMINAL.search(tail)
                or UNDERLINE.fullmatch(tail)
                or self._heading_line(i - 1)
                or self._heads_alone(i, label)
                and not _REFERS.search(tail)
                or self._opens_confirmed_list(i, label, prev)
            ):
                return None  # a wrapped line that happens to start with "7. "
        if ln.markdown_heading:  # "## 2. Grant" numbers headings, a separate scheme from "1." list items
            label = replace(label, readings=tuple(Reading(r.style + ("#",), r.value) for r in label.readings))
        return label

    def _opens_confirmed_list(self, i: int, label: Label, prev) -> bool:
        """ "…non-exclusive license" then an indented "(a) under …": a first item right of the line
        above, whose next sibling follows at the same indentation after a finished line (the
        text lost the colon, not a wrapped line that starts with "(a)")."""
        firsts = [r for r in label.readings if is_first(r) and len(r.value) == 1]
        indent = self._indent(i)
        if not firsts or indent <= self._indent(i - 1):
            return False
        for j in range(i + 1, min(i + 60, len(self.lines))):
            ln = self.lines[j]
            lab = None if ln.blank else parse_label(self.text[ln.body : ln.end])
            if lab is None or self._indent(j) != indent:
                continue
            above = next(k for k in range(j - 1, -1, -1) if not self.lines[k].blank)
            done = _TERMINAL.search(self.text[self.lines[above].start : self.lines[above].end].rstrip())
            return done is not None and any(
                r.style == f.style and r.value == (f.value[0] + 1,) for r in lab.readings for f in firsts
            )
        return False

    def _heading_line(self, j: int) -> bool:
        """Whether line ``j`` is a short title in capitals standing as a paragraph of its own
        ("COPYING POLICIES" right above "1. You may copy …"): no wrapped sentence ends there."""
        ln = self.lines[j]
        line = self.text[ln.body : ln.end].strip()
        if len(line) > 60 or any(c.islower() for c in line) or not is_heading_text(line):
            return False
        if j == 0 or self.lines[j - 1].blank or self.accepted[j - 1]:
            return True
        above = self.lines[j - 1]
        return _TERMINAL.search(self.text[above.start : above.end].rstrip()) is not None

    def _place(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """Where a candidate goes: (stack depth to keep, reading), or None to reject it."""
        stack = self.stack
        if label.kind == "addr":
            want = numeric_tokens(label.tokens[:-1])
            for d in range(len(stack) - 1, -1, -1):
                if stack[d].ntoks == want:
                    return d + 1, label.readings[0]
            return None
        options: list[tuple[int, Reading, str]] = []
        for r in label.readings:
            for d in range(len(stack) - 1, -1, -1):
                if stack[d].style == r.style and self._continues(stack[d].value, r.value):
                    options.append((d, r, "cont"))
            if not is_first(r):
                if r.style[1] == "dec" and not any(o[1] == r for o in options):
                    options.extend(self._skipped_child(r))
                continue
            styles = [lvl.style for lvl in stack]
            if r.style[1] == "dec":
                want = numeric_tokens(tuple(str(v) for v in r.value[:-1]))
                for d in range(len(stack) - 1, -1, -1):
                    if stack[d].ntoks == want:
                        options.append((d + 1, r, "new"))
                        break
                else:
                    if r.style not in styles and not any(s[0] == "num" for s in styles):
                        options.append((len(stack), r, "new"))
            elif r.style not in styles:
                options.append((0 if self.heading_since else len(stack), r, "new"))
            elif self.heading_since or (
                styles[-1] == r.style
                and not self.drafts[stack[-1].seg].heading
                and self._after_colon(i)
                and self._indent(i) <= self._indent(self.drafts[stack[-1].seg].line)
            ):
                options.append((styles.index(r.style), r, "new"))  # a second list of the same kind
            elif (
                stack
                and self._after_colon(i, item=True)
                and self._indent(i) > self._indent(self.drafts[stack[-1].seg].line)
            ):
                options.append(
                    (len(stack), r, "new")
                )  # "provided that:" and an indented list of the same kind
            elif styles[0] == r.style and self._heads_alone(i, label):
                options.append((0, r, "new"))  # "0. Definition" again: a second text (translation, part)
        if not options:
            return self._gap(i, label) or self._misprinted(i, label) or self._after_inline_first(i, label)
        conts = [o for o in options if o[2] == "cont"]
        if len(conts) > 1:  # "5." after "4. … conditions:" and its own "1." … "4.": the one in line with it
            level = [o for o in conts if self._indent(self.drafts[stack[o[0]].seg].line) == self._indent(i)]
            conts = level or conts
        news = [o for o in options if o[2] == "new"]
        if news and news[0][1].style[0] in ("roman", "ROMAN") and len(label.readings) > 1:
            if self._next_is(i, news[0][1].style, 2):  # "(i)" then "(ii)": roman, not the letter after h
                return news[0][0], news[0][1]
            if not conts:
                return self._gap(i, label) or (news[0][0], news[0][1])
        best = max(conts, key=lambda o: o[0]) if conts else news[0]
        return (best[0], best[1]) if best[2] == "new" else (best[0], best[1])

    def _misprinted(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """ "b)" between "(a)" and "(c)": the next item printed in another style, in line with its
        elder sibling and confirmed by the item after it; it continues that list."""
        for r in label.readings:
            if len(r.value) != 1:
                continue
            for d in range(len(self.stack) - 1, -1, -1):
                lvl = self.stack[d]
                if (
                    lvl.style[0] == r.style[0]
                    and lvl.style != r.style
                    and len(lvl.value) == 1
                    and lvl.value[0] + 1 == r.value[0]
                    and self._indent(self.drafts[lvl.seg].line) == self._indent(i)
                    and self._next_is(i, lvl.style, r.value[0] + 1)
                ):
                    return d, Reading(lvl.style, r.value)
        return None

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

    def _skipped_child(self, r: Reading) -> list[tuple[int, Reading, str]]:
        """ "3.2" right under "3" (3.1 missing from the text): a printed address places itself."""
        want = numeric_tokens(tuple(str(v) for v in r.value[:-1]))
        for d in range(len(self.stack) - 1, -1, -1):
            if self.stack[d].ntoks == want:
                below = self.stack[d + 1] if d + 1 < len(self.stack) else None
                if below is None or below.style == r.style and below.value < r.value:
                    return [(d + 1, r, "new")]
                return []
        return []

    def _heads_alone(self, i: int, label: Label) -> bool:
        ln = self.lines[i]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        rest = self.text[ln.body + label.length : ln.end]
        return (nxt is None or nxt.blank) and is_heading_text(rest)

    def _indent(self, i: int) -> int:
        start = self.lines[i].start
        return start - (self.text.rfind("\n", 0, start) + 1)

    def _after_colon(self, i: int, item: bool = False) -> bool:
        """Whether the nearest text line above ends with ":" ("...include using the Software:");
        with ``item``, also a clause's own line ("4. … provided that You meet these conditions:")."""
        for j in range(i - 1, max(i - 4, -1), -1):
            if not self.lines[j].blank:
                return (item or not self.accepted[j]) and self.text[
                    self.lines[j].start : self.lines[j].end
                ].rstrip().endswith(":")
        return False

    def _gap(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """A letter that skips one ("G." then "I.", "H." being inline), confirmed by the next label."""
        for r in label.readings:
            if r.style[0] not in ("alpha", "ALPHA"):
                continue
            for d in range(len(self.stack) - 1, -1, -1):
                lvl = self.stack[d]
                if (
                    lvl.style == r.style
                    and lvl.value[0] + 2 == r.value[0]
                    and self._next_is(i, r.style, r.value[0] + 1)
                ):
                    return d, r
        return None

    def _next_is(self, i: int, style: tuple, value: int) -> bool:
        for j in range(i + 1, min(i + 60, len(self.lines))):
            ln = self.lines[j]
            lab = None if ln.blank else parse_label(self.text[ln.body : ln.end])
            if lab and any(r.style[1] == style[1] for r in lab.readings):
                return any(r.style == style and r.value == (value,) for r in lab.readings)
        return False

    @staticmethod
    def _continues(last: tuple[int, ...], new: tuple[int, ...]) -> bool:
        if len(last) != len(new):
            return False
        if new[:-1] == last[:-1]:
            return new[-1] == last[-1] + 1
        return new[:-2] == last[:-2] and new[-2] == last[-2] + 1 and new[-1] in (0, 1)

    # -- building --------------------------------------------------------------------
    def _accept(self, i: int, label: Label, keep: int, reading: Reading) -> None:
        replaced = self.stack[keep] if len(self.stack) > keep else None
        del self.stack[min(keep, _MAX_DEPTH) :]
        parent = self.stack[-1] if self.stack else None
        path = child_path(label.text, parent.path if parent else None, parsed=label)
        context = ""
        if parent is None:
            path = self._top_level_path(i, path, reading)
            context = self._list_context(path, reading, replaced)
            if context:
                path = in_space(context, split_space(path)[1])
        else:
            context = self._second_list(label, path, parent.path, reading, replaced)
            if context:
                path = child_path(label.text, f"{parent.path}.{context}", parsed=label)
        fresh_list = context.startswith("list-") or context.rpartition("-list-")[2].isdigit()
        if fresh_list and (replaced is None or replaced.context != context):
            self._lead_in(i, context, parent, reading)
        self.spaces.add(path)
        self.last_numbered = i
        draft = Draft(i, label.text.strip(), path, len(self.stack), parent.seg if parent else None)
        self.stack.append(
            _Level(reading.style, reading.value, path, number_tokens(path), len(self.drafts), context)
        )
        ln = self.lines[i]
        rest_at = ln.body + label.length
        rest_at += _SEP.match(self.text, rest_at, ln.end).end() - rest_at
        sibling = (
            self.drafts[replaced.seg]
            if replaced is not None
            and replaced.style == reading.style
            and self._continues(replaced.value, reading.value)
            else None
        )
        self._set_heading(draft, i, rest_at, sibling)
        self.drafts.append(draft)
        self.accepted[i] = True
        self.heading_since = False

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

    def _set_heading(self, draft: Draft, i: int, rest_at: int, sibling: Draft | None = None) -> None:
        ln = self.lines[i]
        rest = self.text[rest_at : ln.end]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        underline = nxt is not None and UNDERLINE.fullmatch(self.text[nxt.start : nxt.end] or "-") is not None
        alone = nxt is None or nxt.blank or underline
        if alone and not underline and self._untitled_sentence(sibling, rest):
            draft.body = rest_at  # "O. Preserve any Warranty Disclaimers." last in a list of sentences
            return
        if not alone and not ln.markdown_heading:
            alone = self._heading_above_text(rest, nxt)
        placed = bool(rest.strip()) and (alone or ln.markdown_heading)
        if placed and (
            ln.markdown_heading
            or is_heading_text(rest)
            or alone
            and _SENTENCE_HEADING.fullmatch(rest.strip())
        ):
            draft.heading = rest.strip().strip("*_#").strip()
            draft.body = nxt.end if underline and nxt else ln.end
        else:
            draft.body = rest_at

    def _untitled_sentence(self, sibling: Draft | None, rest: str) -> bool:
        """An item that stands alone only because its list ends there: its elder sibling is an
        untitled sentence with its words on its own line, and it too ends as a sentence."""
        rest = rest.strip()
        if sibling is None or sibling.heading or not rest.endswith(".") or not rest[:1].isupper():
            return False
        if split_inline_heading(f"{rest} Text.")[0]:
            return False  # "6. Limitation on Liability." reads as a title of its own
        ln = self.lines[sibling.line]
        own = self.text[sibling.body : ln.end].strip()
        return bool(own) and not split_inline_heading(own)[0]  # "4. Restrictions. The licence …" is titled

    def run(self) -> list[Segment]:
        for i, ln in enumerate(self.lines):
            if ln.blank:
                continue
            if self._same_as_two_above(i):
                continue  # a run of identical rejected lines ("1." x 50,000): the same decision again
            label = self._candidate(i)
            placed = self._place(i, label) if label else None
            if label and placed:
                self._accept(i, label, *placed)
            else:
                part = self._part_heading(i)
                if part or self._unnumbered_heading(i):
                    self._add_unnumbered(i)
                elif self._shouted_after_list(i):
                    self._add_paragraph(i)
                elif (keep := self._closes_list(i)) >= 0:
                    self._add_closing(i, keep)
                elif self._left_of_hanging_list(i):
                    self._add_paragraph(i, ahead=0)
                if part:
                    self.spaces.part, self.part_line = part, i
        return assemble(self.text, self.lines, self.drafts)

    def _same_as_two_above(self, i: int) -> bool:
        if i < 2 or self.accepted[i - 1] or self.accepted[i - 2]:
            return False
        a, b, c = self.lines[i - 2], self.lines[i - 1], self.lines[i]
        if c.end - c.start != b.end - b.start or b.end - b.start != a.end - a.start:
            return False
        return self.text[c.start : c.end] == self.text[b.start : b.end] == self.text[a.start : a.end]


def _first_label(printed: str, r: Reading) -> str:
    """The first item's label printed like ``printed`` (a second item): "(b)" -> "(a)", "B." -> "A."."""
    kind = r.style[0]
    core = {"alpha": "b", "ALPHA": "B", "num": "2"}.get(kind)
    if core is None or printed.count(core) != 1:
        return ""
    return printed.replace(core, {"b": "a", "B": "A", "2": "1"}[core])


def segment(text: str) -> list[Segment]:
    """Split a license ``text`` into clauses: numbered items, headings, definitions, preamble."""
    return _Segmenter(text).run()
