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
from licenses.text.assembly import Draft, Segment, assemble
from licenses.text.headings import UNDERLINE, is_heading_text, split_inline_heading
from licenses.text.lines import TERMINAL as _TERMINAL
from licenses.text.lines import split_lines
from licenses.text.list_ends import ListEnds
from licenses.text.list_gaps import ListGaps
from licenses.text.markdown import CLOSE_EMPHASIS, titles, unmark
from licenses.text.numbering import Label, Reading, is_first, numeric_tokens, parse_label
from licenses.text.parts import PartHeadings, Spaces
from licenses.text.repeats import RepeatedLists
from licenses.text.unnumbered import UnnumberedHeadings

# Bumped when the same text may segment differently: versions record it, and the compare cache
# key carries it, so no cached comparison outlives the rules that made its clauses.
VERSION = "11"


# "Scope of the rights granted by the Licence": a short line in sentence case, no end punctuation
_SENTENCE_HEADING = re.compile(r"[A-Z][^.,;:!?\r\n]{2,58}[^.,;:!?\s]")
# words that go on a sentence naming clauses ("Articles 1, 2. and 3"), never an item's first word
_JOINING = frozenset({"and", "or", "to", "through", "and/or"})
_UNREAD = object()  # no label read yet for that line
# words after which a number on the next line is a reference, not a clause ("see Section\n7.")
_REFERS = re.compile(
    r"(?i)\b(?:sections?|articles?|clauses?|paragraphs?|parts?|chapters?|of|in|to|under|and|or|see|no|number)$"
)
# after a label: the emphasis that closes it ("**1.** Definitions", "**Section 1:** Grant"), a dash or a colon
_SEP = re.compile(rf"(?:{CLOSE_EMPHASIS})?[ \t]*(?:[-–—:][ \t]*)?(?:{CLOSE_EMPHASIS}[ \t]*)?")
_MAX_DEPTH = 6
# each emphasis mark closing after a word: "… License.**" (see _label_emphasis_closes)
_CLOSING = {mark: re.compile(rf"(?<=[^\s*_]){re.escape(mark)}(?![*_\w])") for mark in ("**", "__", "*", "_")}


@dataclass(slots=True)
class _Level:
    style: tuple
    value: tuple[int, ...]
    path: str
    ntoks: tuple[str, ...]
    seg: int
    context: str = ""  # a list whose paths would repeat: the heading's slug, or "list-2"


class TooManyClauses(ValueError):
    """The text splits into more clauses than the caller allows (``segment(max_clauses=...)``).

    ``count`` is the number found; ``exact`` is False when the split stopped early, once the
    count was far past the limit, so that the text's real count is at least ``count``.
    """

    def __init__(self, count: int, *, exact: bool) -> None:
        super().__init__(f"{'' if exact else 'more than '}{count} clauses")
        self.count, self.exact = count, exact


class _Segmenter(UnnumberedHeadings, ListEnds, ListGaps, RepeatedLists, PartHeadings):
    def __init__(self, text: str, max_drafts: int | None = None) -> None:
        self.text = text
        self.max_drafts = max_drafts
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
        self._plain_cache: frozenset[int] | None = None  # UnnumberedHeadings._plain_titles
        # the label read on the line the last candidate stood on: the run check asks about the
        # line above a candidate, which is nearly always the line read just before
        self._read_at, self._read_label = -1, None
        self.run_on: _Level | None = None  # the last child of a group the latest sibling group replaced

    # -- candidates ------------------------------------------------------------------
    def _candidate(self, i: int) -> Label | None:
        ln = self.lines[i]
        if ln.blank:
            return None
        line = self.text[ln.body : ln.end]
        label = parse_label(line)
        above = self._read_label if self._read_at == i - 1 else _UNREAD
        self._read_at, self._read_label = i, label
        if label is None:
            return None
        rest = line[label.length :].lstrip()
        if rest[:1].islower() and (label.kind == "word" or label.kind == "dec" and label.text[-1].isdigit()):
            return None  # "Section 2.2 of this License", "1.1 or earlier"
        prev = self.lines[i - 1] if i else None
        if prev is not None and not prev.blank and not self.accepted[i - 1] and not ln.markdown_heading:
            tail = self.text[prev.start : prev.end].rstrip()
            if len(tail) < 24:
                tail = self._joined_tail(i - 1, tail)
            if not (
                _TERMINAL.search(tail)
                or UNDERLINE.fullmatch(tail)
                or self._heading_line(i - 1)
                or self._heads_alone(i, label)
                and not _REFERS.search(tail)
                or self._opens_confirmed_list(i, label, prev)
                or self._next_in_comma_list(i, label, tail)
                or self._after_short_line(i, tail)
                or i > 1
                and self.accepted[i - 2]
                and self._under_wrapped_title(i, label)
                or (above is None or above is _UNREAD and self._label_at(i - 1) is None)
                and self._confirmed_run(i, label)
            ):
                return None  # a wrapped line that happens to start with "7. "
        # "## 2. Grant", "**2. Grant.**" number titles, a scheme apart from the "1." items of a list
        if label.kind == "simple" and ln.body > ln.start and titles(self.text[ln.start : ln.body]):
            label = replace(label, readings=tuple(Reading(r.style + ("#",), r.value) for r in label.readings))
        return label

    def _label_at(self, j: int) -> Label | None:
        """The label at the start of line ``j``'s words."""
        ln = self.lines[j]
        return parse_label(self.text[ln.body : ln.end])

    def _confirmed_run(self, i: int, label: Label) -> bool:
        """Items written with no punctuation at their ends ("You may" / "(a) copy the work or" /
        "(b) share it and" / "(c) change it"): a label the line above seems to run into, but in
        line with a run of its own kind: a first item followed by its next two siblings, or the
        next sibling of an item in line with it followed by its own next one. Three numbers in
        a row at the starts of lines in line with each other are no wrapped sentence. (Asked only
        below a line of words: after a rejected label line, the run would have been read there.)"""
        indent = self._indent(i)
        for r in label.readings:
            if len(r.value) == 1 and is_first(r):
                need = 2
            elif any(
                lvl.style == r.style
                and self._continues(lvl.value, r.value)
                and self._indent(self.drafts[lvl.seg].line) == indent
                for lvl in self.stack
            ):
                need = 1
            else:
                continue
            if self._run_follows(i, r, indent, need):
                return True
        return False

    def _run_follows(self, i: int, reading: Reading, indent: int, need: int) -> bool:
        """Whether the next ``need`` labels after line ``i``, each within 8 lines of the one before
        and in line with it, continue ``reading`` one after another."""
        value, at = reading.value, i
        for _ in range(need):
            for j in range(at + 1, min(at + 9, len(self.lines))):
                ln = self.lines[j]
                if ln.blank:
                    continue
                lab = self._label_at(j)
                if lab is not None and self._indent(j) == indent:
                    at = j
                    break
            else:
                return False
            step = next(
                (x for x in lab.readings if x.style == reading.style and self._continues(value, x.value)), None
            )
            if step is None:
                return False
            value = step.value
        return True

    def _lazy_numbered(self, i: int, label: Label) -> tuple[Label, tuple[int, Reading]] | None:
        """Markdown's lazy numbering: "1." before every item of a list, which renders as 1, 2, 3.
        A "1." in line with an item printed "1." too, with no title between, is that item's next
        sibling, and takes the number a reader sees."""
        if self.heading_since or len(label.readings) != 1 or label.readings[0].value != (1,):
            return None
        style, indent = label.readings[0].style, self._indent(i)
        rest = self.text[self.lines[i].body + label.length : self.lines[i].end].lstrip()
        if style[0] != "num" or not rest[:1].isalpha():
            return None  # "(a)" twice is a misprint; "1." alone on lines is no list
        d = next(
            (
                d
                for d in range(len(self.stack) - 1, -1, -1)
                if self.stack[d].style == style and self._indent(self.drafts[self.stack[d].seg].line) == indent
            ),
            None,
        )
        if d is None:
            return None
        level = self.stack[d]
        printed = self._label_at(self.drafts[level.seg].line)
        if printed is None or printed.text != label.text:
            return None
        n = level.value[0] + 1
        text = label.text.replace("1", str(n), 1)
        reading = Reading(style, (n,))
        return replace(label, text=text, readings=(reading,), tokens=(str(n),)), (d, reading)

    def _after_short_line(self, i: int, tail: str) -> bool:
        """ "Example License" / "1. You may copy and give away verbatim copies of the ...": a line
        of its own (the text's first, or after a blank line) far shorter than the wrapped line
        below it ended where its writer ended it, so it is no sentence running on into "1."
        (a PDF's text, read back, has no blank line under its title)."""
        above = self.lines[i - 1]
        if i - 1 != self.first_line and not (i > 1 and self.lines[i - 2].blank):
            return False
        ln = self.lines[i]
        own, below = len(self.text[above.body : above.end].strip()), ln.end - ln.body
        return below >= 60 and 0 < own <= 0.6 * below and not _REFERS.search(tail)

    def _under_wrapped_title(self, i: int, label: Label) -> bool:
        """ "3. Copying, modification … and distribution" / "of the Documentation" / "3.1 The
        Licensee …": the first child of the clause two lines up, whose title wrapped onto the
        line between (that line ends no sentence, so it looked like a wrapped line)."""
        if i < 2 or not self.accepted[i - 2] or not self.stack or label.kind not in ("dec", "addr"):
            return False
        top = self.stack[-1]
        if self.drafts[top.seg].line != i - 2 or label.readings[0].value[-1] not in (0, 1):
            return False
        rest = self.text[self.lines[i].body + label.length : self.lines[i].end].lstrip()
        between = self.text[self.lines[i - 1].body : self.lines[i - 1].end].strip()
        return (
            numeric_tokens(label.tokens[:-1]) == top.ntoks
            and rest[:1].isupper()
            and 0 < len(between) <= 60
            and not _TERMINAL.search(between)
            and not _REFERS.search(between)
        )

    def _joined_tail(self, j: int, tail: str) -> str:
        """Line ``j`` (``tail``, a short one) as the end of what stands above a candidate: with the
        line before it when it holds only a conjunction ("…software exchange;" then "and" wrapped
        onto a line of its own)."""
        if j and tail.strip().rstrip(",").lower() in _JOINING and not self.lines[j - 1].blank:
            return self.text[self.lines[j - 1].start : self.lines[j - 1].end].rstrip() + " " + tail.strip()
        return tail

    def _next_in_comma_list(self, i: int, label: Label, tail: str) -> bool:
        """ "2. … documented," then "3. the Licensee …" in line with "2.": the next item of a list
        whose items end with commas (the item before "2." ended with one too, or "2." follows the
        list's first item)."""
        if not tail.endswith(",") or not self.stack:
            return False
        top = self.stack[-1]
        line = self.drafts[top.seg].line
        if self._indent(i) != self._indent(line) or not any(
            r.style == top.style and self._continues(top.value, r.value) for r in label.readings
        ):
            return False
        rest = self.text[self.lines[i].body + label.length : self.lines[i].end].split(None, 1)
        if rest and rest[0].lower() in _JOINING:
            return False  # "Articles 1," then "2. and 3 of the Annex": a sentence naming clauses
        if top.value[-1] in (0, 1):
            return True  # "1. distribute …, " wrapped in line with its number: no earlier item to ask
        above = next((k for k in range(line - 1, -1, -1) if not self.lines[k].blank), -1)
        return above >= 0 and self.text[self.lines[above].start : self.lines[above].end].rstrip().endswith(
            ","
        )

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
            return (
                self._gap(i, label)
                or self._misprinted(i, label)
                or self._mistyped(i, label)
                or self._after_inline_first(i, label)
                or self._runs_on(i, label)
                or self._excerpt_starts(i, label)
            )
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
        return best[0], best[1]

    def _runs_on(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """ "## Section II: CONDITIONS" then "### 3. Distribution" after "**2. Grant.**" under
        Section I: numbering that runs on across titled groups, the group's first clause (a
        heading's "#" mark aside, it continues the last clause of the group before)."""
        last = self.run_on
        if last is None or not self.stack or len(self.drafts) - 1 != self.stack[-1].seg:
            return None
        if not self.drafts[-1].heading:
            return None
        for r in label.readings:
            if _plain(r.style) == _plain(last.style) and self._continues(last.value, r.value):
                return len(self.stack), r
        return None

    def _excerpt_starts(self, i: int, label: Label) -> tuple[int, Reading] | None:
        """ "### 3. Distribution" then "### 4. Use" with no 1 or 2 before: an excerpt whose
        numbered headings start above 1. The heading marks make it unambiguous (a bold "**3.**"
        could be a list's third item): a Markdown heading numbered n, no numbered title before
        it, and the next numbered heading of the same level numbered n + 1."""
        ln = self.lines[i]
        if not ln.markdown_heading or label.kind != "simple":
            return None
        if any(_plain(lvl.style) != lvl.style for lvl in self.stack):
            return None  # a numbered title is open: its numbering, not an excerpt's
        marks = self.text[ln.start : ln.body].strip()
        for r in label.readings:
            if r.style[0] != "num" or r.style[-1:] != ("#",) or len(r.value) != 1 or r.value[0] < 2:
                continue
            for j in range(i + 1, len(self.lines)):
                nxt = self.lines[j]
                if not nxt.markdown_heading or self.text[nxt.start : nxt.body].strip() != marks:
                    continue
                lab = parse_label(self.text[nxt.body : nxt.end])
                if lab is None:
                    continue
                if any(x.style == _plain(r.style) and x.value == (r.value[0] + 1,) for x in lab.readings):
                    return 0, r
                break
        return None

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
        with ``item``, also a clause's own line ("4. … provided that You meet these conditions:").
        A paragraph that closed the list above counts as text ("When the Program is made
        available in source code form:" then "a." on the next line opens a second list)."""
        for j in range(i - 1, max(i - 4, -1), -1):
            if not self.lines[j].blank:
                last = self.drafts[-1] if self.drafts else None
                closing = last is not None and last.line == j and last.path.endswith(".closing")
                return (item or not self.accepted[j] or closing) and self.text[
                    self.lines[j].start : self.lines[j].end
                ].rstrip().endswith(":")
        return False

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
        self.run_on = self.stack[keep + 1] if len(self.stack) > keep + 1 else None
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
        if draft.body == rest_at:
            draft.drop = self._label_emphasis_closes(i, ln.body + label.length, rest_at)
        self.drafts.append(draft)
        self.accepted[i] = True
        self.heading_since = False

    def _set_heading(self, draft: Draft, i: int, rest_at: int, sibling: Draft | None = None) -> None:
        ln = self.lines[i]
        rest = self.text[rest_at : ln.end]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        underline = nxt is not None and UNDERLINE.fullmatch(self.text[nxt.start : nxt.end] or "-") is not None
        alone = nxt is None or nxt.blank or underline
        if not rest.strip() and self._title_below(i):  # "ARTICLE I" / "DEFINITIONS" / text
            draft.heading = unmark(self.text[nxt.body : nxt.end])
            draft.body = nxt.end
            return
        if alone and not underline and self._untitled_sentence(sibling, rest):
            draft.body = rest_at  # "O. Preserve any Warranty Disclaimers." last in a list of sentences
            return
        if not alone and not ln.markdown_heading:
            alone = self._heading_above_text(rest, nxt) or self._titled_like(sibling, rest, nxt)
        placed = bool(rest.strip()) and (alone or ln.markdown_heading)
        if placed and (
            ln.markdown_heading
            or is_heading_text(rest)
            or alone
            and _SENTENCE_HEADING.fullmatch(rest.strip())
        ):
            draft.heading = unmark(rest)
            draft.body = nxt.end if underline and nxt else ln.end
        else:
            draft.body = rest_at

    def _label_emphasis_closes(self, i: int, label_end: int, rest_at: int) -> tuple[tuple[int, int], ...]:
        """ "**2. Grant of rights … License.** You may": emphasis opened before the number and
        closed further on in its paragraph, around words too long for a title. The closing mark
        is decoration like the opening one: the span keeps it, the words do not."""
        ln = self.lines[i]
        if ln.body == ln.start:
            return ()  # nothing before the number
        lead = self.text[ln.start : ln.body].rstrip()
        mark = next((m for m in ("**", "__", "*", "_") if lead.endswith(m)), "")
        if not mark or mark in self.text[label_end:rest_at]:
            return ()  # none, or closed right after the number ("**1.** Definitions")
        end = ln.end  # the paragraph's end: a blank line or the next label ends it
        for k in range(i + 1, len(self.lines)):
            nxt = self.lines[k]
            if nxt.blank or parse_label(self.text[nxt.body : nxt.end]) is not None:
                break
            end = nxt.end
        found = _CLOSING[mark].search(self.text, rest_at, end)
        return ((found.start(), found.end()),) if found else ()

    def _title_below(self, i: int) -> bool:
        """A number alone on its line ("ARTICLE I", "3.") with a short title on the next line, and
        a blank line or a sentence after that title: the clause's title."""
        if i + 2 > len(self.lines) - 1 or self.lines[i + 1].blank:
            return False
        title, after = self.lines[i + 1], self.lines[i + 2]
        words = self.text[title.body : title.end].strip()
        if len(words) > 80 or not is_heading_text(words) or parse_label(words) is not None:
            return False
        return (
            after.blank
            or self.text[after.body : after.body + 1].isupper()
            and not is_heading_text(self.text[after.body : after.end])
        )

    def _titled_like(self, sibling: Draft | None, rest: str, nxt) -> bool:
        """ "5. Application of this License." straight above its text, when the elder sibling has
        a title that ends the same way ("4. Inability to Comply …."): a title, as its siblings'."""
        rest = rest.strip()
        if sibling is None or not sibling.heading or not rest or nxt is None:
            return False
        ends = (
            rest[-1] if not rest[-1].isalnum() else "",
            sibling.heading[-1] if not sibling.heading[-1].isalnum() else "",
        )
        if ends[0] != ends[1] or len(rest) > 80 or not is_heading_text(rest):
            return False
        if not split_inline_heading(f"{rest} Text.")[0]:
            return False  # a sentence, not a run of capitalised words
        return self.text[nxt.body : nxt.body + 1].isupper()

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
            if label is None and i and self.lines[i - 1].blank and (label := self._undotted(i)):
                placed = self._misprinted(i, label)  # "a. …" then "b Each time …" then "c. …"
            if label and not placed and (lazy := self._lazy_numbered(i, label)):
                label, placed = lazy
            if label and placed:
                self._accept(i, label, *placed)
            else:
                part = self._part_heading(i)
                if part or self._unnumbered_heading(i):
                    self._add_unnumbered(i)
                elif self._shouted_after_list(i) or self._shouted_after_notice(i):
                    self._add_paragraph(i)
                elif self._after_one_line_items(i):
                    if len(self.stack) > 1:
                        self._add_closing(i, len(self.stack) - 2)
                    else:
                        self._add_paragraph(i, ahead=0)
                elif (keep := self._closes_list(i)) >= 0:
                    self._add_closing(i, keep)
                elif self._left_of_hanging_list(i):
                    self._add_paragraph(i, ahead=0)
                if part:
                    self.spaces.part, self.part_line = part, i
            if self.max_drafts is not None and len(self.drafts) > self.max_drafts:
                raise TooManyClauses(len(self.drafts), exact=False)
        return assemble(self.text, self.lines, self.drafts)

    def _same_as_two_above(self, i: int) -> bool:
        if i < 2 or self.accepted[i - 1] or self.accepted[i - 2]:
            return False
        a, b, c = self.lines[i - 2], self.lines[i - 1], self.lines[i]
        if c.end - c.start != b.end - b.start or b.end - b.start != a.end - a.start:
            return False
        return self.text[c.start : c.end] == self.text[b.start : b.end] == self.text[a.start : a.end]


def _plain(style: tuple) -> tuple:
    """A numbering style without the mark of a Markdown heading ("## 3." is "3." as a title)."""
    return style[:-1] if style[-1:] == ("#",) else style


def segment(text: str, *, max_clauses: int | None = None) -> list[Segment]:
    """Split a license ``text`` into clauses: numbered items, headings, definitions, preamble.

    With ``max_clauses``, a text of more clauses raises :class:`TooManyClauses`, and a text of
    far more (twice as many clauses found before assembly) stops as soon as that is clear:
    1 MiB of one repeated heading makes 100,000 clauses, which cost seconds to assemble for
    nothing.
    """
    segments = _Segmenter(text, None if max_clauses is None else 2 * max_clauses).run()
    if max_clauses is not None and len(segments) > max_clauses:
        raise TooManyClauses(len(segments), exact=True)
    return segments
