"""Pure clause segmentation: license text -> list[Segment]. No Django imports.

The text is read line by line. A line that starts with something like a clause number is a
*candidate*; it is accepted only when its number continues a sequence at some open level of a
stack ("(c)" after "(b)") or opens a new level with a first value ("1", "a", "i", "2.1" under
"2"). Everything else, including numbers that merely start a wrapped line, stays body text.
Headings, definitions and appendices become segments of their own with an empty label.

Splitting the text into lines lives in :mod:`licenses.text.lines`, whether a piece of text reads
like a heading in :mod:`licenses.text.headings`, and label parsing in :mod:`licenses.text.numbering`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from licenses.text.addresses import child_path, in_space, number_tokens, slug, split_space
from licenses.text.assembly import Draft, Segment, assemble
from licenses.text.headings import APPENDIX, UNDERLINE, is_heading_text
from licenses.text.lines import split_lines
from licenses.text.numbering import Label, Reading, is_first, numeric_tokens, parse_label
from licenses.text.parts import Spaces, part_name, short_slug, title_slug

# Bumped when the same text may segment differently: versions record it, and the compare cache
# key carries it, so no cached comparison outlives the rules that made its clauses.
VERSION = "3"


_TERMINAL = re.compile(r"""(?:[.:;!?)\]"”'’*]|[;,][ \t]*(?:and|or),?|\band/or)$""")
_SENTENCE_END = re.compile(r"""[.!?][)"”'’]?$""")
_ITEM_END = re.compile(r"(?:;|;[ \t]*(?:and|or|and/or),?)$")
# "Scope of the rights granted by the Licence": a short line in sentence case, no end punctuation
_SENTENCE_HEADING = re.compile(r"[A-Z][^.,;:!?\r\n]{2,58}[^.,;:!?\s]")
# words after which a number on the next line is a reference, not a clause ("see Section\n7.")
_REFERS = re.compile(r"(?i)\b(?:sections?|articles?|clauses?|paragraphs?|parts?|chapters?|of|in|to|under|and|or|see|no|number)$")
_SEP = re.compile(r"[ \t]*(?:[-–—:][ \t]*)?")
_MAX_DEPTH = 6


@dataclass(slots=True)
class _Level:
    style: tuple
    value: tuple[int, ...]
    path: str
    ntoks: tuple[str, ...]
    seg: int
    context: str = ""  # a list under an unnumbered heading that would repeat paths: the heading's slug


class _Segmenter:
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
                or self._heads_alone(i, label) and not _REFERS.search(tail)
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
            return self._gap(i, label)
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
        replaced = self.stack[0] if self.stack and keep == 0 else None
        del self.stack[min(keep, _MAX_DEPTH) :]
        parent = self.stack[-1] if self.stack else None
        path = child_path(label.text, parent.path if parent else None, parsed=label)
        context = ""
        if parent is None:
            path = self._top_level_path(i, path, reading)
            context = self._list_context(path, reading, replaced)
            if context:
                path = in_space(context, split_space(path)[1])
        self.spaces.add(path)
        self.last_numbered = i
        draft = Draft(i, label.text.strip(), path, len(self.stack), parent.seg if parent else None)
        self.stack.append(
            _Level(reading.style, reading.value, path, number_tokens(path), len(self.drafts), context)
        )
        ln = self.lines[i]
        rest_at = ln.body + label.length
        rest_at += _SEP.match(self.text, rest_at, ln.end).end() - rest_at
        self._set_heading(draft, i, rest_at)
        self.drafts.append(draft)
        self.accepted[i] = True
        self.heading_since = False

    def _list_context(self, path: str, reading: Reading, replaced: _Level | None) -> str:
        """The heading slug that tells apart a list whose top-level paths would repeat ones used
        before ("A." under "DEFINITIONS", again "A." under "GRANT OF RIGHTS"): ``grant-of-rights/A``.
        The items after the first keep the first's context; "" when the paths do not repeat."""
        if replaced is not None and replaced.style == reading.style and self._continues(replaced.value, reading.value):
            return replaced.context
        if path not in self.spaces.used or not self.heading_since:
            return ""
        heading = next((d for d in reversed(self.drafts) if not d.label), None)
        if heading is None or not heading.heading or heading.line < self.last_numbered:
            return ""
        prefix, local = split_space(heading.path)
        return f"{prefix}-{local}" if prefix else local

    def _set_heading(self, draft: Draft, i: int, rest_at: int) -> None:
        ln = self.lines[i]
        rest = self.text[rest_at : ln.end]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        underline = nxt is not None and UNDERLINE.fullmatch(self.text[nxt.start : nxt.end] or "-") is not None
        alone = nxt is None or nxt.blank or underline
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

    def _next_sibling_at_top(self, k: int) -> bool:
        """Whether line ``k`` holds the next number of the outermost open list."""
        if not self.stack:
            return False
        label = parse_label(self.text[self.lines[k].body : self.lines[k].end])
        top = self.stack[0]
        return label is not None and any(
            r.style == top.style and self._continues(top.value, r.value) for r in label.readings
        )

    def _centred_over(self, i: int, body: int) -> bool:
        """Whether line ``i`` is centred over the first line of the paragraph below (±8 columns),
        well right of its margin: a title, not words inside an indented clause."""
        head, para = self.lines[i], self.lines[body]
        width = para.end - para.start
        if width < 40 or self._indent(i) < self._indent(body) + 10:
            return False
        if not self.text[para.body : para.body + 1].isupper() or parse_label(self.text[para.body : para.end]):
            return False
        centre = self._indent(i) + (head.end - head.start) / 2
        return abs(centre - (self._indent(body) + width / 2)) <= 8

    def _restarts_top(self, k: int) -> bool:
        """Whether line ``k`` starts the outermost list's numbering again ("1." after "7.")."""
        if not self.stack or not self.lines[k - 1].blank:
            return False
        label = parse_label(self.text[self.lines[k].body : self.lines[k].end])
        top = self.stack[0]
        return label is not None and any(
            r.style == top.style and is_first(r) and r.value < top.value for r in label.readings
        )

    def _heading_above_text(self, rest: str, nxt) -> bool:
        """ "4. COMMERCIAL DISTRIBUTION" or "1. Definitions" straight above its text (no blank line):
        capitals, or a short title with no end punctuation, above a line that starts a sentence."""
        rest = rest.strip()
        if not rest or len(rest) > 80 or rest[-1] in ",;:.!?" or not rest[0].isupper():
            return False
        first = self.text[nxt.body : nxt.body + 1]
        if not (first.isupper() or first in "\"“‘'«(" or first.isdigit()):
            return False
        if is_heading_text(rest):
            return not any(c.islower() for c in rest) or len(rest) <= 50
        # sentence case ("2.Scope of the rights granted by the Licence") above a much longer line
        return len(rest) <= 60 and 2 * len(rest) < nxt.end - nxt.body

    def _unnumbered_heading(self, i: int) -> bool:
        ln = self.lines[i]
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if not (i == 0 or self.lines[i - 1].blank) or ln.end - ln.body > 100:
            return False
        line = self.text[ln.body : ln.end].strip()
        prev_ok = True
        underline = nxt is not None and not nxt.blank and UNDERLINE.fullmatch(self.text[nxt.start : nxt.end])
        next_ok = nxt is None or nxt.blank or bool(underline)
        if line and not next_ok and self.drafts and i != self.first_line:
            # "NOTICE PURSUANT TO SECTION 9 …" in capitals straight above a paragraph in mixed case
            words = self.text[nxt.body : nxt.end]
            return (
                is_heading_text(line)
                and not any(c.islower() for c in line)
                and words[:1].isupper()
                and any(c.islower() for c in words)
                and parse_label(words) is None
            )
        if not line or not prev_ok or not next_ok:
            return False
        if len(line) > 80:  # long: only a title line standing alone between two top-level clauses
            body = next(
                (k for k in range(i + 1, min(i + 4, len(self.lines))) if not self.lines[k].blank), None
            )
            return (
                bool(self.drafts)
                and line[0].isupper()
                and line[-1] not in ".,;:"
                and body is not None
                and self._next_sibling_at_top(body)
            )
        if APPENDIX.match(line):
            return True
        if i == self.first_line:
            return False  # the title belongs to the preamble
        if ln.markdown_heading or underline:
            return True
        if not self.drafts:
            return False
        body = next((k for k in range(i + 1, min(i + 4, len(self.lines))) if not self.lines[k].blank), None)
        if (
            body is not None
            and line[0].isupper()
            and line[-1] not in ".,;:"
            and (self._next_sibling_at_top(body) or is_heading_text(line) and self._restarts_top(body))
        ):
            return True  # "Permissions for Redistribution" between (1) and (2), "License Terms" above a new "1."
        if not is_heading_text(line):
            return False
        if not any(c.islower() for c in line):
            return True
        if body is not None and body == i + 2 and len(line) <= 40 and self._shouted_after_list(body):
            self.stack.clear()  # "Disclaimer" above the capitals paragraph after the conditions ends them
            return True
        # "Creative Commons Notice": title case, and left of the paragraph it heads
        if body is None or line[-1] in ".:":
            return False
        if self._centred_over(i, body):
            return True  # "            Limitations of Liability" centred over the paragraph it heads
        if self._indent(body) <= self._indent(i):
            return False
        if self.stack and self._indent(i) > self._indent(self.drafts[self.stack[0].seg].line):
            return False  # deeper than the clauses around it: words inside a clause
        return parse_label(self.text[self.lines[body].body : self.lines[body].end]) is None

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

    # -- words after a list that belong to the sentence before it ----------------------
    def _closes_list(self, i: int) -> int:
        """The stack index of the clause line ``i`` goes back to, ending the list it held; or -1.

        "(iii) … Extracted Models;" then "for NonCommercial purposes only." finishes the sentence
        that opened the list, so it belongs to the parent, not to item (iii). Read so when the
        last item ended with ";" (or "; and") and the line goes on in lower case, or when a new
        paragraph starts left of the item's indentation; and never when the next item follows.
        """
        if len(self.stack) < 2 or self.drafts[self.stack[-1].seg].heading:
            return -1  # "4.1 EFFECTIVE DATE": a titled item's text may sit anywhere below it
        top = self.stack[-1]
        top_line = self.drafts[top.seg].line
        j, blank = i - 1, False
        while j > top_line and self.lines[j].blank:
            j, blank = j - 1, True
        if j < top_line or self.drafts[-1].line != top_line:  # something came between: not its tail
            return -1
        if parse_label(self.text[self.lines[i].body : self.lines[i].end]) is not None:
            return -1  # "b)" among "(a)", "(c)": a misprinted item, not words that close the list
        tail = self.text[self.lines[j].start : self.lines[j].end].rstrip()
        first = self.text[self.lines[i].body : self.lines[i].body + 1]
        left = self._indent(i) < self._indent(top_line)
        goes_on = first.islower() and (
            _ITEM_END.search(tail) is not None or blank and left and tail.endswith(",")
        )
        outdented = (
            left
            and first.isupper()
            and (blank or _SENTENCE_END.search(tail) is not None and self._no_flush_wrap(top, i))
        )
        if (
            not (goes_on or outdented)
            or len(top.value) == 1
            and self._next_is(i, top.style, top.value[-1] + 1)
        ):
            return -1
        if goes_on:
            return len(self.stack) - 2
        # back at the indentation of some enclosing clause: that clause's words
        indent = self._indent(i)
        return max(
            (
                d
                for d in range(len(self.stack) - 1)
                if self._indent(self.drafts[self.stack[d].seg].line) <= indent
            ),
            default=0,
        )

    def _left_of_hanging_list(self, i: int) -> bool:
        """A paragraph after the last item of the outermost list, printed left of that item's
        hanging lines ("5. Do not …" / "   software, …" then "To contribute …" at the margin):
        words after the list, not the item's, when no further item follows."""
        if len(self.stack) != 1 or not self.lines[i - 1].blank or self.drafts[-1].line != self.drafts[self.stack[0].seg].line:
            return False
        item = self.drafts[-1].line
        if item >= i - 2 or not self.text[self.lines[i].body : self.lines[i].body + 1].isupper():
            return False
        indent = self._indent(i)
        if indent > self._indent(item):
            return False
        hanging = [self._indent(k) for k in range(item + 1, i) if not self.lines[k].blank]
        if not hanging or min(hanging) <= indent or min(hanging) <= self._indent(item):
            return False  # no hanging lines, or some already this far left (the item's own paragraphs)
        if parse_label(self.text[self.lines[i].body : self.lines[i].end]) is not None:
            return False
        end = next((k for k in range(i, len(self.lines)) if self.lines[k].blank), len(self.lines))
        return not self._list_goes_on(end)

    def _no_flush_wrap(self, top: _Level, i: int) -> bool:
        """Whether a line left of the list's items, right after a sentence ends, can only be a new
        paragraph: no line of the list sits that far left already, the item is no title above its
        text, and the text is not hard-wrapped, or the list's wrapped lines hang right of line
        ``i``, or the item is too short to have wrapped."""
        item = self.drafts[top.seg]
        label_line = self.lines[item.line]
        if i == item.line + 1 and is_heading_text(self.text[label_line.body : label_line.end].split(None, 1)[-1]):
            return False  # "2.1. The Initial Developer Grant." right above its text
        first = next(k for k in range(top.seg + 1) if self.drafts[k].parent == item.parent)
        indent = self._indent(i)
        hangs = False
        for k in range(self.drafts[first].line, i):
            if self.lines[k].blank or self.accepted[k]:
                continue
            if self._indent(k) <= indent:
                return False  # lines of this list already sit this far left: a flush wrap, or its own text
            hangs = True
        return self._unwrapped or hangs or label_line.end - label_line.start < 50

    @property
    def _unwrapped(self) -> bool:
        """A text with a paragraph per line (a quarter of its lines over 100 characters)."""
        if self._unwrapped_cache is None:
            sizes = [ln.end - ln.start for ln in self.lines if not ln.blank]
            self._unwrapped_cache = bool(sizes) and 4 * sum(n > 100 for n in sizes) >= len(sizes)
        return self._unwrapped_cache

    def _shouted_after_list(self, i: int) -> bool:
        """A paragraph in capitals after a list's last item (a BSD-style disclaimer) is no part of
        that item: the item is in mixed case, untitled, and no further item follows."""
        if not self.stack or not self.lines[i - 1].blank:
            return False
        first = self.drafts[self.stack[0].seg]
        if any(self.drafts[lvl.seg].heading for lvl in self.stack) or self._indent(i) > self._indent(
            first.line
        ):
            return False  # "5. Disclaimer of Warranty" holds its capitals
        end = next((k for k in range(i, len(self.lines)) if self.lines[k].blank), len(self.lines))
        para = self.text[self.lines[i].start : self.lines[end - 1].end]
        upper, lower = sum(c.isupper() for c in para), sum(c.islower() for c in para)
        if upper < 40 or lower * 10 > upper:  # capitals, but for a name like "OpenSSL" or "SAXPath"
            return False
        item_at = self.lines[self.drafts[-1].line].start
        if not any(c.islower() for c in self.text[item_at : min(self.lines[i].start, item_at + 2000)]):
            return False
        if self._list_goes_on(end):
            return False
        last = self.drafts[-1]
        if not last.label and last.heading and last.line == i - 2:
            self.stack.clear()  # the paragraph under "Disclaimer" is that heading's text; the list ended
            return False
        return True

    def _list_goes_on(self, i: int) -> bool:
        """Whether the next label after line ``i`` continues any open list."""
        for j in range(i, min(i + 60, len(self.lines))):
            ln = self.lines[j]
            label = None if ln.blank else parse_label(self.text[ln.body : ln.end])
            if label is not None:
                return any(
                    lvl.style == r.style and self._continues(lvl.value, r.value)
                    for r in label.readings
                    for lvl in self.stack
                )
        return False

    def _add_paragraph(self, i: int, ahead: int = 400) -> None:
        words = self.text[self.lines[i].start : self.lines[i].end]
        name = (
            "disclaimer"
            if re.search(
                r"WARRANT|LIABL|\bAS IS\b", words + self.text[self.lines[i].end : self.lines[i].end + ahead]
            )
            else "notice"
        )
        self.stack.clear()
        self.drafts.append(Draft(i, "", name, 0, None, body=self.lines[i].start))
        self.accepted[i] = True
        self.heading_since = True

    def _add_closing(self, i: int, keep: int) -> None:
        del self.stack[keep + 1 :]
        parent = self.stack[-1]
        self.drafts.append(
            Draft(i, "", f"{parent.path}.closing", len(self.stack), parent.seg, body=self.lines[i].start)
        )
        self.accepted[i] = True

    # -- address spaces (licenses.text.parts) ----------------------------------------
    def _part_heading(self, i: int) -> str:
        """The slug of a part heading ("PART B.", "Schedule 2") that starts line ``i``, or ""."""
        ln = self.lines[i]
        if ln.end - ln.body > 120 or i and not (self.lines[i - 1].blank or self.accepted[i - 1]):
            prev = self.lines[i - 1] if i else None
            if prev is None or not _TERMINAL.search(self.text[prev.start : prev.end].rstrip()):
                return ""
        return part_name(self.text[ln.body : ln.end])

    def _top_level_path(self, i: int, local: str, reading: Reading) -> str:
        """``local`` in the current address space, opening a new one when numbering restarts."""
        spaces = self.spaces
        restarts = reading.style[0] == "num" and is_first(reading) and not self._after_colon(i)
        if spaces.top_level(local, len(self.drafts)) and restarts:  # "Permitted uses:" 1. 2. is a list
            old_start = spaces.start
            title, title_line = self._title_before(i)
            by_part = bool(spaces.part) and spaces.part != spaces.space_part
            prefix, earlier = spaces.open(len(self.drafts), title)
            for d in self.drafts[old_start:] if earlier else ():
                if d.label and not split_space(d.path)[0]:
                    d.path = in_space(earlier, d.path)
            first = self.part_line if by_part else title_line
            for d in self.drafts:
                if not d.label and d.line >= first and d.line != title_line and not split_space(d.path)[0]:
                    d.path = in_space(prefix, d.path)
            named = next((d for d in self.drafts if d.line == title_line), None)
            if by_part or title_line >= i:
                pass
            elif named is None:
                self._insert_title(title_line, prefix)
            elif not named.label and not APPENDIX.match(named.heading):
                named.path = in_space(prefix, "preamble")  # the second document's title opens it
        return in_space(spaces.prefix, local)

    def _insert_title(self, line: int, prefix: str) -> None:
        """The second document's title block starts a segment of its own, not the last clause's tail.

        Safe to insert in the middle: the drafts after ``line`` are unnumbered and the stack is empty.
        """
        ln = self.lines[line]
        title = self.text[ln.body : ln.end].strip().strip("*_#").strip()
        at = next((k for k, d in enumerate(self.drafts) if d.line > line), len(self.drafts))
        for d in self.drafts[at:]:
            if d.parent is not None and d.parent >= at:
                d.parent += 1
        self.drafts.insert(
            at, Draft(line, "", in_space(prefix, "preamble"), 0, None, heading=title, body=ln.end)
        )
        self.accepted[line] = True
        self.spaces.start += 1

    def _title_before(self, i: int) -> tuple[str, int]:
        """A title for a second document: short heading-like lines since the last clause."""
        found: list[tuple[str, int]] = [
            (d.heading, d.line)
            for d in self.drafts
            if not d.label and d.line > self.last_numbered and d.heading
        ]
        for j in range(self.last_numbered + 1, i):
            ln = self.lines[j]
            line = self.text[ln.body : ln.end].strip()
            if (
                not ln.blank
                and len(line) < 100
                and (self.lines[j - 1].blank or j == 0)
                and is_heading_text(line)
            ):
                found.append((line, j))
        found.sort(key=lambda f: f[1])
        pick = title_slug([f for f, _ in found])
        line = next((j for f, j in found if short_slug(f) == pick), i)
        return pick, line

    def _same_as_two_above(self, i: int) -> bool:
        if i < 2 or self.accepted[i - 1] or self.accepted[i - 2]:
            return False
        a, b, c = self.lines[i - 2], self.lines[i - 1], self.lines[i]
        if c.end - c.start != b.end - b.start or b.end - b.start != a.end - a.start:
            return False
        return self.text[c.start : c.end] == self.text[b.start : b.end] == self.text[a.start : a.end]

    def _add_unnumbered(self, i: int) -> None:
        ln = self.lines[i]
        title = self.text[ln.body : ln.end].strip().strip("*_#").strip()
        draft = Draft(i, "", slug(title), 0, None, heading=title, body=ln.end)
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if nxt is not None and not nxt.blank and UNDERLINE.fullmatch(self.text[nxt.start : nxt.end]):
            draft.body = nxt.end
        self.drafts.append(draft)
        self.accepted[i] = True
        self.heading_since = True


def segment(text: str) -> list[Segment]:
    """Split a license ``text`` into clauses: numbered items, headings, definitions, preamble."""
    return _Segmenter(text).run()
