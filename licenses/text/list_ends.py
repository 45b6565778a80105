"""Where a list ends: words after a list's last item that are not that item's. No Django imports.

A mixin of :class:`licenses.text.segmentation._Segmenter` (it reads the segmenter's lines,
stack and drafts): "(iii) … Extracted Models;" then "for NonCommercial purposes only." finishes
the parent's sentence (a ``.closing`` segment); a paragraph printed left of a list's items after
a full stop, or left of the hanging lines of the outermost list's last item, is no part of that
item; a disclaimer in capitals after the conditions is a paragraph of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from licenses.text.addresses import slug
from licenses.text.assembly import DEFINITION, Draft
from licenses.text.headings import is_heading_text
from licenses.text.numbering import is_first, parse_label

if TYPE_CHECKING:
    from licenses.text.segmentation import _Level

_SENTENCE_END = re.compile(r"""[.!?][)"”'’]?$""")
_OPENING = re.compile(r"""[“"'‘«]+""")
# how far past a paragraph at the margin a hanging list's next item may stand, lettered lists
# between ("6." … "You must …" … "a)" … "e)" … "7."; LGPL-2.1 re-wrapped at 72 columns takes 55 lines)
_REACH = 150
# "…Derivative Works;" then "or," wrapped onto the next line in line with the item's words: the
# item's own "; or", not words that finish the sentence the list opened ("and that, …" at the
# margin after a blank line still do)
_CONJUNCTION = re.compile(r"(?:and/or|and|or)\b,?")
_DISCLAIMS = re.compile(r"WARRANT|LIABL|\bAS IS\b")  # words of a disclaimer in capitals
_ITEM_END = re.compile(r"(?:;|;[ \t]*(?:and|or|and/or),?)$")


class ListEnds:
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
        first = self._first_letter(i)
        left = self._indent(i) < self._indent(top_line)
        goes_on = (
            first.islower()
            and (
                _ITEM_END.search(tail) is not None and (blank or left or not self._hangs(top_line, i))
                or blank and left and (tail.endswith(",") or tail[-1:].isalnum())
            )
            and not (not (blank or left) and _CONJUNCTION.match(self.text, self.lines[i].body))
        )
        caseless = first.isalpha() and not first.isupper() and not first.islower()  # 上記, 本
        outdented = (
            (left or blank and self._left_of_own_lines(top_line, i))
            and (first.isupper() or caseless)
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
            (d for d in range(len(self.stack) - 1) if self._margin(self.stack[d].seg) <= indent),
            default=0,
        )

    def _hangs(self, item: int, i: int) -> bool:
        """Whether line ``i`` sits in line with the item's own wrapped lines, right of its number
        ("b. If You …" then "     implemented in any reasonable manner;" then "     provided,
        however, …"): the item's words going on, not the parent's."""
        indent = self._indent(i)
        return indent > self._indent(item) and any(
            not self.lines[k].blank and self._indent(k) == indent for k in range(item + 1, i)
        )

    def _left_of_own_lines(self, item: int, i: int) -> bool:
        """Whether line ``i`` stands in line with the item's number (or left of it) while every
        line of the item hangs right of it ("      (d) If the Work …" / "          as modifying
        the License." then "      You may add …"): a new paragraph, not the item's."""
        indent = self._indent(i)
        own = [self._indent(k) for k in range(item + 1, i) if not self.lines[k].blank]
        return indent <= self._indent(item) and bool(own) and min(own) > indent

    def _margin(self, seg: int) -> int:
        """The leftmost column of a clause: its number's, or its own text's when that sits further
        left ("     6.4. Title" above "This license is …" at the margin)."""
        line = self.drafts[seg].line
        end = self.drafts[seg + 1].line if seg + 1 < len(self.drafts) else len(self.lines)
        own = next((k for k in range(line + 1, end) if not self.lines[k].blank), None)
        return min(self._indent(line), self._indent(own)) if own is not None else self._indent(line)

    def _first_letter(self, i: int) -> str:
        """The first character of line ``i``'s words, past opening quotes ('"Licensor" means')."""
        at = self.lines[i].body
        m = _OPENING.match(self.text, at, self.lines[i].end)
        at = m.end() if m else at
        return self.text[at : at + 1]

    def _left_of_hanging_list(self, i: int) -> bool:
        """A paragraph after the last item of the outermost list, printed left of that item's
        hanging lines ("5. Do not …" / "   software, …" then "To contribute …" at the margin),
        or left of the numbers of one-line items: words after the list, not the item's, when no
        further item follows."""
        if (
            len(self.stack) != 1
            or not self.lines[i - 1].blank
            or self.drafts[-1].line != self.drafts[self.stack[0].seg].line
        ):
            return False
        item = self.drafts[-1].line
        if item >= i - 1 or not self.text[self.lines[i].body : self.lines[i].body + 1].isupper():
            return False
        indent = self._indent(i)
        if indent > self._indent(item):
            return False
        hanging = [self._indent(k) for k in range(item + 1, i) if not self.lines[k].blank]
        if not hanging:
            if not self._left_of_one_line_items(item, indent):
                return False
        elif min(hanging) <= indent or min(hanging) <= self._indent(item):
            return False  # some lines already this far left (the item's own paragraphs)
        if parse_label(self.text[self.lines[i].body : self.lines[i].end]) is not None:
            return False
        end = next((k for k in range(i, len(self.lines)) if self.lines[k].blank), len(self.lines))
        return not self._list_goes_on(end, ahead=_REACH)

    def _left_of_one_line_items(self, item: int, indent: int) -> bool:
        """One-line items: a paragraph left of their numbers ("     4. retain …" then "This
        software is provided …" at the margin) is words after the list, when no line of the list
        stands that far left."""
        top = self.stack[0]
        parent = self.drafts[top.seg].parent
        first = next(k for k in range(top.seg + 1) if self.drafts[k].parent == parent)
        return indent < self._indent(item) and not any(
            self._indent(k) <= indent for k in range(self.drafts[first].line, item) if not self.lines[k].blank
        )

    def _no_flush_wrap(self, top: _Level, i: int) -> bool:
        """Whether a line left of the list's items, right after a sentence ends, can only be a new
        paragraph: no line of the list sits that far left already, the item is no title above its
        text, and the text is not hard-wrapped, or the list's wrapped lines hang right of line
        ``i``, or the item is too short to have wrapped."""
        item = self.drafts[top.seg]
        label_line = self.lines[item.line]
        if i == item.line + 1 and is_heading_text(
            self.text[label_line.body : label_line.end].split(None, 1)[-1]
        ):
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
        that item: the item is in mixed case, untitled, and no further item follows. No blank
        line is needed when the item's sentence ended and the line is all capitals
        ("…written permission." then "THE UNIVERSITY … DISCLAIM ALL WARRANTIES")."""
        if not self.stack or not (self.lines[i - 1].blank or self._shouts_after_full_stop(i)):
            return False
        first = self.drafts[self.stack[0].seg]
        if any(self.drafts[lvl.seg].heading for lvl in self.stack) or self._indent(i) > self._indent(
            first.line
        ):
            return False  # "5. Disclaimer of Warranty" holds its capitals
        end = next((k for k in range(i, len(self.lines)) if self.lines[k].blank), len(self.lines))
        if not self._in_capitals(i, end):
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

    def _in_capitals(self, i: int, end: int) -> bool:
        """Whether lines ``i`` to ``end`` are a paragraph in capitals (but for a name like
        "OpenSSL" or "SAXPath")."""
        para = self.text[self.lines[i].start : self.lines[end - 1].end]
        upper, lower = sum(map(str.isupper, para)), sum(map(str.islower, para))
        return upper >= 40 and lower * 10 <= upper

    def _shouted_after_notice(self, i: int) -> bool:
        """A disclaimer in capitals after the paragraph that followed a list ("PostScript is a
        trademark …" then "THIS SOFTWARE IS PROVIDED AS IS …"): a paragraph of its own, as it
        would be right after the list."""
        last = self.drafts[-1] if self.drafts else None
        if last is None or last.label or not last.path.startswith("notice") or not self.lines[i - 1].blank:
            return False
        end = next((k for k in range(i, len(self.lines)) if self.lines[k].blank), len(self.lines))
        words = self.text[self.lines[i].start : self.lines[end - 1].end]
        return self._in_capitals(i, end) and _DISCLAIMS.search(words) is not None

    def _after_one_line_items(self, i: int) -> bool:
        """ "1. keep notices;" / "2. mark changes." each on a line of its own, then "That is all."
        on the next line, not right of them: words after the list, not the last item's (its
        elder sibling shows the items do not wrap, and its sentence ended)."""
        if not self.stack or self.lines[i - 1].blank:
            return False
        top = self.stack[-1]
        item = self.drafts[top.seg]
        if self.drafts[-1] is not item or i != item.line + 1 or item.heading or not item.label:
            return False
        ln = self.lines[i]
        if self._indent(i) > self._indent(item.line) or not self.text[ln.body : ln.body + 1].isupper():
            return False
        elder = self.drafts[top.seg - 1] if top.seg else None
        if elder is None or not elder.label or elder.parent != item.parent or elder.line != item.line - 1:
            return False
        own = self.text[self.lines[item.line].start : self.lines[item.line].end].rstrip()
        if _SENTENCE_END.search(own) is None or parse_label(self.text[ln.body : ln.end]) is not None:
            return False
        return len(top.value) == 1 and not self._next_is(i, top.style, top.value[0] + 1)

    def _shouts_after_full_stop(self, i: int) -> bool:
        above = self.text[self.lines[i - 1].start : self.lines[i - 1].end].rstrip()
        line = self.text[self.lines[i].body : self.lines[i].end]
        return (
            _SENTENCE_END.search(above) is not None
            and not any(c.islower() for c in line)
            and sum(c.isupper() for c in line) >= 20
        )

    def _list_goes_on(self, i: int, ahead: int = 60) -> bool:
        """Whether the next label after line ``i`` continues any open list, looking past the items
        of lists opened on the way ("a)", "b)" under the paragraph, then "7.") when ``ahead`` is
        more than the first label's reach."""
        opened: set[tuple] = set()
        open_styles = {lvl.style for lvl in self.stack}
        for j in range(i, min(i + ahead, len(self.lines))):
            ln = self.lines[j]
            label = None if ln.blank else parse_label(self.text[ln.body : ln.end])
            if label is None:
                continue
            if any(
                lvl.style == r.style and self._continues(lvl.value, r.value)
                for r in label.readings
                for lvl in self.stack
            ):
                return True
            if ahead <= 60:
                return False
            styles = {r.style for r in label.readings}
            if styles & opened or any(is_first(r) for r in label.readings) and not styles & open_styles:
                opened |= styles
                continue
            return False
        return False

    def _add_paragraph(self, i: int, ahead: int = 400) -> None:
        words = self.text[self.lines[i].start : self.lines[i].end]
        name = (
            "disclaimer"
            if _DISCLAIMS.search(words + self.text[self.lines[i].end : self.lines[i].end + ahead])
            else "notice"
        )
        self.stack.clear()
        self.drafts.append(Draft(i, "", name, 0, None, body=self.lines[i].start))
        self.accepted[i] = True
        self.heading_since = True

    def _add_closing(self, i: int, keep: int) -> None:
        term = DEFINITION.match(self.text, self.lines[i].body, self.lines[i].end)
        if term:
            keep = 0  # like the definitions after a list's closing words: the top clause's
        del self.stack[keep + 1 :]
        parent = self.stack[-1]
        # '"Contributor" means …' back at the margin after a definition's list: the next
        # definition, a sibling of the one that opened the list, not that list's last words
        name = f"def-{slug(term.group('term'))}" if term else "closing"
        self.drafts.append(
            Draft(i, "", f"{parent.path}.{name}", len(self.stack), parent.seg, body=self.lines[i].start)
        )
        self.accepted[i] = True
