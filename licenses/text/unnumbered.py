"""Where an unnumbered heading stands: titles between clauses, and a numbered clause's own title.
No Django imports.

A mixin of :class:`licenses.text.segmentation._Segmenter` (it reads the segmenter's lines, stack
and drafts); whether a piece of text reads like a heading at all is :mod:`licenses.text.headings`.
"""

from __future__ import annotations

import re

from licenses.text.addresses import slug
from licenses.text.assembly import Draft
from licenses.text.headings import APPENDIX, UNDERLINE, is_heading_text
from licenses.text.markdown import unmark
from licenses.text.numbering import is_first, parse_label
from licenses.text.page_marks import PAGE_MARK
from licenses.text.parts import TITLE_WORDS

# "Example Public License 1.1 - Exhibit B": a title that names the appendix at its end
_NAMED_APPENDIX = re.compile(r"(?i)[-–—:][ \t]*(?:appendix|exhibit|schedule|annex)[ \t]+[A-Z0-9]{1,3}$")


#: How many plain titles (see ``UnnumberedHeadings._plain_titles``) make a text one of sections.
MIN_PLAIN_TITLES = 3


class UnnumberedHeadings:
    def _plain_titles(self) -> frozenset[int]:
        """The lines that head the sections of a license written with no numbers at all (Elastic
        License 2.0, the Sustainable Use License: "Acceptance", "Copyright License",
        "Limitations", each a title-case line standing alone above its paragraphs).

        A line is a plain title when it stands between blank lines, is short and reads like a
        title (title case, no end punctuation, not all capitals: those are headings already), is
        not the text's first line, and the next line with words is no title itself but longer
        than it. They count only in a text with no clause number at the start of a paragraph
        ("1.", "(a)", "Section 1"), and only when there are ``MIN_PLAIN_TITLES`` or more: in a
        numbered text the numbers decide, and a title-case line or two stays in the text."""
        if self._plain_cache is not None:
            return self._plain_cache
        self._plain_cache = frozenset()
        lines, titles = self.lines, []
        for i, ln in enumerate(lines):
            if ln.blank or not (i == 0 or lines[i - 1].blank):
                continue
            line = self.text[ln.body : ln.end]
            label = parse_label(line)
            if label is not None and any(is_first(r) for r in label.readings):
                return self._plain_cache  # a numbered text
            if label is None and i != self.first_line and self._plain_title(i):
                titles.append(i)
        if len(titles) >= MIN_PLAIN_TITLES:
            self._plain_cache = frozenset(titles)
        return self._plain_cache

    def _plain_title(self, i: int) -> bool:
        """Line ``i`` (after a blank line) alone above a longer line that is no title."""
        ln = self.lines[i]
        line = self.text[ln.body : ln.end].strip()
        if not (
            0 < len(line) <= 60
            and line[0].isupper()
            and line[-1] not in ".,;:!?"
            and any(c.islower() for c in line)
            and not ln.markdown_heading
            and is_heading_text(line)
            and not PAGE_MARK.fullmatch(line)
        ):
            return False
        if i + 2 >= len(self.lines) or not self.lines[i + 1].blank:
            return False
        body = next((k for k in range(i + 2, min(i + 5, len(self.lines))) if not self.lines[k].blank), None)
        if body is None:
            return False
        words = self.text[self.lines[body].body : self.lines[body].end].strip()
        return len(words) > len(line) and not (
            words[-1] not in ".,;:!?" and is_heading_text(words) and len(words) <= 60
        )

    def _next_sibling_at_top(self, k: int) -> bool:
        """Whether line ``k`` holds the next number of the outermost open list."""
        if not self.stack:
            return False
        label = parse_label(self.text[self.lines[k].body : self.lines[k].end])
        top = self.stack[0]
        return label is not None and any(
            r.style == top.style and self._continues(top.value, r.value) for r in label.readings
        )

    def _title_line(self, j: int) -> bool:
        ln = self.lines[j]
        line = self.text[ln.body : ln.end].strip()
        return (
            (j == 0 or self.lines[j - 1].blank)
            and 0 < len(line) <= 80
            and line[0].isupper()
            and line[-1] not in ".,;:"
            and is_heading_text(line)
            and parse_label(line) is None
        )

    def _titles_a_titled_list(self, i: int, body: int) -> bool:
        """Line ``i``, a title standing alone above the first item of a list (still in the
        preamble), heads that item when the list's second item has a title of its own above it
        ("Permission for Use" / "(1) …" / "Permissions for Redistribution" / "(2) …")."""
        if not self._title_line(i):
            return False
        label = parse_label(self.text[self.lines[body].body : self.lines[body].end])
        firsts = [r for r in label.readings if is_first(r) and len(r.value) == 1] if label else []
        if not firsts:
            return False
        for k in range(body + 1, min(body + 80, len(self.lines))):
            ln = self.lines[k]
            lab = None if ln.blank else parse_label(self.text[ln.body : ln.end])
            if lab is None or not any(r.style == f.style for r in lab.readings for f in firsts):
                continue
            if not any(r.style == f.style and r.value == (2,) for r in lab.readings for f in firsts):
                return False
            above = next((j for j in range(k - 1, body, -1) if not self.lines[j].blank), body)
            return above > body and self.lines[above + 1].blank and self._title_line(above)
        return False

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

    def _opens_first(self, k: int) -> bool:
        """Whether line ``k`` holds a first number ("1.", "0.", "Section 1") at the margin."""
        label = parse_label(self.text[self.lines[k].body : self.lines[k].end])
        return (
            label is not None
            and self._indent(k) == 0
            and any(is_first(r) and len(r.value) == 1 for r in label.readings)
        )

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
        if first.islower() and parse_label(self.text[nxt.body : nxt.end]) is not None:
            return is_heading_text(rest)  # "2. GRANT OF RIGHTS" straight above "a.  Subject to …"
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
        if PAGE_MARK.fullmatch(line):
            return False
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
        if APPENDIX.match(line) or _NAMED_APPENDIX.search(line):
            return True
        if i == self.first_line:
            return False  # the title belongs to the preamble
        if ln.markdown_heading or underline or i in self._plain_titles():
            return True
        body = next((k for k in range(i + 1, min(i + 4, len(self.lines))) if not self.lines[k].blank), None)
        if not self.drafts:
            return body is not None and self._titles_a_titled_list(i, body)
        if (
            body is not None
            and line[0].isupper()
            and line[-1] not in ".,;:"
            and (
                self._next_sibling_at_top(body)
                or (is_heading_text(line) or TITLE_WORDS.search(line))
                and self._restarts_top(body)
            )
        ):
            return (
                True  # "Permissions for Redistribution" between (1) and (2), "License Terms" above a new "1."
            )
        if not is_heading_text(line):
            return False
        if not any(c.islower() for c in line):
            # "NO WARRANTY", "TERMS AND CONDITIONS", but not a sentence in capitals on a line of its
            # own ("THE WORK IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND."): a disclaimer
            return not (line[-1] in ".!" and len(line.split()) >= 6)
        if body is not None and TITLE_WORDS.search(line) and self._opens_first(body):
            return True  # "Mozilla Public License Version 1.1" above "1. Definitions.": the next document
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

    def _add_unnumbered(self, i: int) -> None:
        ln = self.lines[i]
        title = unmark(self.text[ln.body : ln.end])
        draft = Draft(i, "", slug(title), 0, None, heading=title, body=ln.end)
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if nxt is not None and not nxt.blank and UNDERLINE.fullmatch(self.text[nxt.start : nxt.end]):
            draft.body = nxt.end
        self.drafts.append(draft)
        self.accepted[i] = True
        self.heading_since = True
