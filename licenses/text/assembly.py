"""Pure assembly of segments from the segmenter's drafts. No Django imports.

:mod:`licenses.text.segmentation` decides where clauses start; this module turns those starts
(:class:`Draft`) into :class:`Segment` rows: a preamble before the first clause, definitions
('"Licensor" means …', also as "- " list items) split out as children, each segment's span and
own text, inline headings, and paths and anchors that are unique in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from licenses.text.addresses import anchor as make_anchor
from licenses.text.addresses import in_space, slug, split_space
from licenses.text.headings import split_inline_heading
from licenses.text.lines import INVISIBLE, Line
from licenses.text.markdown import OPEN_EMPHASIS, emphasis_marks, titles, unemphasised, without


@dataclass(frozen=True, slots=True)
class Segment:
    label: str  # as printed: "2.2", "(b)", "iv.", "Section 4"; "" when unnumbered
    path: str  # full citation: "2.2(b)", "4(d)", "preamble", "1.def-licensor"
    anchor: str  # URL-safe, unique in the version: "2.2.b"
    heading: str
    text: str
    start: int
    end: int
    depth: int
    parent: int | None


@dataclass(slots=True)
class Draft:
    """A segment before its end is known: where it starts, its address and its parent's index."""

    line: int
    label: str
    path: str
    depth: int
    parent: int | None
    heading: str = ""
    body: int = 0  # offset where own text starts
    # (start, end) of marks read as decoration inside the own text ('"Output"**' after a bold
    # term whose opening "**" is before ``body``): the span keeps them, the words do not
    drop: tuple[tuple[int, int], ...] = ()


DEFINITION = re.compile(
    rf"(?P<em>{OPEN_EMPHASIS})?"  # '**"Output"** means': Markdown emphasis around the term
    r"""[“"'‘«](?P<term>[^“”"'‘’«»\r\n]{1,60})[”"'’»][^\r\n]{0,60}?\b"""
    r"(?:shall\s+mean|means?|refers?\s+to|shall\s+refer\s+to|includes?|shall\s+have|has\s+the\s+meaning)\b"
)
_AFTER_LIST = re.compile(r"\.(?:closing|def-[^./]*)$")
_BULLET = re.compile(r"[-*+•‣◦▪–][ \t]+")  # "+ " too: a Markdown bullet
# whitespace (every character str.isspace() knows is below U+3001) and invisible characters, stripped
# from a segment's words in any mix ("\u200b \u200b")
_EDGES = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + INVISIBLE


_INNER_EMPHASIS = re.compile(r"(\*\*|__|[*_])[^*_]+\1")


def _closing(text: str, at: int, mark: str) -> tuple[tuple[int, int], ...]:
    """The emphasis ``mark`` closing right at ``at`` ('"Output"**'), as a span to drop."""
    return ((at, at + len(mark)),) if text.startswith(mark, at) else ()


def words(text: str, body: int, end: int, drop: tuple[tuple[int, int], ...] = ()) -> str:
    """``text[body:end]`` less the ``drop`` spans inside it: a clause's own words."""
    return without(text, drop, body, end)


def _is_definition(draft: Draft) -> bool:
    return not draft.label and draft.path.rpartition(".")[2].startswith("def-")


def _definition_list_owner(full: list[Draft], draft: Draft, held: set[int | None]) -> int | None:
    """The clause whose definitions a list item sits among: '"Contribution" means:' then
    "a. … b. …", then '"Contributor" means …' is the next definition of that clause, never a
    definition inside item b. None when no definition came before the item's list."""
    if not draft.label:
        return None
    up = draft.parent
    while up is not None:
        if up in held:
            return up
        up = full[up].parent
    return None


def _definitions(
    text: str,
    lines: list[Line],
    full: list[Draft],
    draft: Draft,
    index: int,
    end_line: int,
    held: set[int | None],
) -> list[Draft]:
    """Each '"Licensor" means ...' paragraph inside a segment becomes its own child."""
    out: list[Draft] = []
    for j in range(draft.line + 1, end_line):
        ln = lines[j]
        if ln.blank or ln.start < draft.body:
            continue
        bullet = _BULLET.match(text, ln.body, ln.end)  # '- "License" means …': a list of definitions
        if not (bullet or lines[j - 1].blank or j - 1 == draft.line):
            continue
        # from the line's first mark: '**"Output"** means' reads its emphasis, as after a bullet
        m = DEFINITION.match(text, bullet.end() if bullet else ln.start, ln.end)
        if m is None and not bullet and ln.body != ln.start:
            m = DEFINITION.match(text, ln.body, ln.end)
        if m:
            if not draft.label and _AFTER_LIST.search(draft.path):  # after a list: the top clause's
                root = draft.parent
                while root is not None and full[root].parent is not None:
                    root = full[root].parent
                owner, parent, depth = full[root].path, root, full[root].depth + 1
            elif (among := _definition_list_owner(full, draft, held)) is not None:
                owner, parent, depth = full[among].path, among, full[among].depth + 1
            else:
                owner, parent, depth = draft.path, index, draft.depth + 1
            # A bullet ("- ") is the item's mark, like a number: not part of its words.
            start = bullet.end() if bullet else ln.start
            drop: tuple[tuple[int, int], ...] = ()
            if m.group("em"):
                start = m.end("em")  # and the emphasis around the term is no part of them either
                drop = _closing(text, m.end("term") + 1, m.group("em"))
            elif inner := _INNER_EMPHASIS.fullmatch(m.group("term")):  # '"**Output**" means'
                at = m.start("term")
                drop = ((at, at + len(inner.group(1))), (m.end("term") - len(inner.group(1)), m.end("term")))
            out.append(
                Draft(j, "", f"{owner}.def-{slug(m.group('term'))}", depth, parent, body=start, drop=drop)
            )
    return out


# A number or a defined term in emphasis at a line's start: '**2. Grant.**', '- **"Output"** means'
_MARKED_LINE = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)(?:\d|[\"“])")


def is_markdown(text: str, lines: list[Line]) -> bool:
    """Whether the text is written in Markdown: a "#" heading, or a number or a term in bold at
    a line's start. Only there are "- " bullets read as items: in plain texts (the SPDX list)
    a dash list is as often a glossary or a run of options its versions print differently."""
    if "#" not in text and "**" not in text and "__" not in text:
        return False  # most plain texts: no look at each line
    return _MARKED_LINE.search(text) is not None or any(ln.markdown_heading for ln in lines)


def _column(text: str, at: int) -> int:
    return at - (text.rfind("\n", 0, at) + 1)


def _bullet_runs(text: str, lines: list[Line], first: int, end_line: int) -> list[tuple[list[int], int]]:
    """The runs of "- " / "* " bullets between lines ``first`` and ``end_line``: each run's bullet
    lines, and the line of the words at the margin that close it (-1 when none do).

    A bullet's words go on over its wrapped lines and over paragraphs indented past its mark; a
    bullet further in belongs to the item above it (a nested list stays in that item's words).
    A line at the bullets' margin or left of it after a blank line ends the run.
    """
    runs: list[tuple[list[int], int]] = []
    items: list[int] = []
    margin = -1
    blank = fenced = False
    for j in range(first, end_line):
        ln = lines[j]
        if ln.blank:
            blank = True
            continue
        column = _column(text, ln.start)
        if text.startswith(("```", "~~~"), ln.start):
            fenced = not fenced  # fenced code: its "- " lines are code, not bullets
        if not fenced and _is_bullet(text, ln) and (not items or column == margin):
            items.append(j)
            margin = column
        elif items and blank and column <= margin:
            runs.append((items, j))  # words at the margin: the run is over
            items = []
        elif items and column < margin:
            runs.append((items, -1))  # left of the bullets without a blank: not this list's
            items = []
        blank = False
    if items:
        runs.append((items, -1))
    return runs


def _is_bullet(text: str, ln: Line) -> bool:
    """A "- " / "* " bullet with words after it; not a line of a box drawn in "*" ("*  Covered
    Software is provided …  *", "*" alone)."""
    bullet = _BULLET.match(text, ln.start, ln.end)
    if bullet is None or bullet.end() >= ln.end:
        return False
    return not text[ln.start : ln.end].rstrip().endswith(text[ln.start])


def _lead_in(text: str, lines: list[Line], j: int, floor: int) -> bool:
    """Whether the nearest line with words above line ``j`` (from ``floor``) ends with ":"."""
    for k in range(j - 1, floor - 1, -1):
        if not lines[k].blank:
            return text[lines[k].start : lines[k].end].rstrip().endswith(":")
    return False


def _bullet_items(text: str, lines: list[Line], draft: Draft, index: int, end_line: int) -> list[Draft]:
    """ "You agree not to use the Model:" and a list of "- " bullets: the items of a numbered
    clause. A bullet prints no number, so an item's address is its place in the clause's lists,
    ``2.item-1``, ``2.item-2`` (the way a "- " list of definitions gives ``1.def-output``); the
    words at the margin after a list are the clause's ``2.closing``. Two bullets in a row, or one
    after a line ending with ":", make a list: a wrapped line of prose that happens to start
    with "- " is no item."""
    first = draft.line + 1
    while first < end_line and lines[first].start < draft.body:
        first += 1
    out: list[Draft] = []
    depth = draft.depth + 1
    n = 0
    for items, closing in _bullet_runs(text, lines, first, end_line):
        if len(items) < 2 and not _lead_in(text, lines, items[0], draft.line):
            continue
        for j in items:
            bullet = _BULLET.match(text, lines[j].start, lines[j].end)
            n += 1
            out.append(Draft(j, "", f"{draft.path}.item-{n}", depth, index, body=bullet.end()))
        if closing >= 0:
            out.append(Draft(closing, "", f"{draft.path}.closing", depth, index, body=lines[closing].start))
    return out


# "## Attachment A", "## Exhibit B": a Markdown heading that names an appendix
_APPENDIX_HEADING = re.compile(r"(?i)(?:appendix|exhibit|schedule|annex|addendum|attachment)\b")


def _under_appendices(text: str, lines: list[Line], drafts: list[Draft]) -> None:
    """ "## Attachment A" then "(a) … (b) …": the list that opens under a Markdown heading naming
    an appendix is that appendix's own: its items are the heading's children, in its address
    space (``attachment-a/(a)``), as numbering restarted under an appendix is (``exhibit-a/1``).
    The appendix's list ends at the next clause at the top that is no item of it: another
    heading, a paragraph, or a title in "#" or bold."""
    for k, head in enumerate(drafts):
        if (
            head.label
            or head.parent is not None
            or not lines[head.line].markdown_heading
            or not _APPENDIX_HEADING.match(head.heading)
            or split_space(head.path)[0]
        ):
            continue
        block = k + 1
        while block < len(drafts):
            d = drafts[block]
            if d.parent is None:
                ln = lines[d.line]
                if not d.label or ln.markdown_heading or titles(text[ln.start : ln.body]):
                    break
            block += 1
        inner = drafts[k + 1 : block]
        if any(split_space(d.path)[0] not in ("", head.path) for d in inner):
            continue  # an address space of its own already: leave it
        for d in inner:
            d.parent = k if d.parent is None else d.parent
            d.depth += 1
            if not split_space(d.path)[0]:
                d.path = in_space(head.path, d.path)


def _heads_nothing(full: list[Draft], k: int, parents: set[int | None], heading: str) -> bool:
    """Whether a numbered clause read as a title stands over nothing: no text of its own, no
    children, and the next clause is numbered ("1. Use" / "2. Distribution", "0. You just DO
    WHAT … YOU WANT TO."). A title in capitals ("10  U.S. GOVERNMENT END USERS.") stays one."""
    return (
        bool(full[k].label and heading)
        and not (any(c.isupper() for c in heading) and not any(c.islower() for c in heading))
        and k not in parents
        and (k + 1 == len(full) or bool(full[k + 1].label))
    )


def assemble(text: str, lines: list[Line], drafts: list[Draft]) -> list[Segment]:
    """Segments from the drafts: a preamble before the first, definitions split out, spans, unique
    paths and anchors, inline headings."""
    first_visible = next((ln for ln in lines if not ln.blank), None)
    first_char = len(text) - len(text.lstrip())
    if first_visible is None:  # only whitespace and invisible characters
        end = len(text.rstrip())
        return [Segment("", "preamble", "preamble", "", "", first_char, end, 0, None)] if end else []
    if not drafts or drafts[0].line != lines.index(first_visible):
        # a Markdown title ("# Example License"): its "# " is no part of the preamble's words
        pre_body = first_visible.body if first_visible.markdown_heading else first_visible.start
        pre = Draft(lines.index(first_visible), "", "preamble", 0, None, body=pre_body)
        drafts = [pre] + [replace(d, parent=None if d.parent is None else d.parent + 1) for d in drafts]
    markdown = is_markdown(text, lines)
    if markdown:
        _under_appendices(text, lines, drafts)
    # Split out definitions (and, in Markdown, bullet items), then renumber parents.
    full: list[Draft] = []
    remap: dict[int, int] = {}
    held: set[int | None] = set()  # clauses that have definitions (their parents' indices)
    for k, d in enumerate(drafts):
        remap[k] = len(full)
        d.parent = None if d.parent is None else remap[d.parent]
        full.append(d)
        if _is_definition(d):
            held.add(d.parent)
        end_line = drafts[k + 1].line if k + 1 < len(drafts) else len(lines)
        found = _definitions(text, lines, full, d, remap[k], end_line, held)
        held.update(f.parent for f in found)
        if d.label and not found and markdown:
            found = _bullet_items(text, lines, d, remap[k], end_line)
        full.extend(found)
    out: list[Segment] = []
    seen: dict[str, int] = {}
    seen_paths: set[str] = set()
    next_suffix: dict[str, int] = {}  # repeated path -> the suffix to try first next time
    parents = {d.parent for d in full}
    for k, d in enumerate(full):
        start = lines[d.line].start if k else min(lines[d.line].start, first_char)
        end = lines[full[k + 1].line].start if k + 1 < len(full) else len(text)
        while end > start and (text[end - 1].isspace()):
            end -= 1
        path = d.path
        if path in seen_paths:  # a repeated label the segmenter could not tell apart gets "-2" too
            # the least free suffix only grows (paths are never released): resume from the last
            n = next_suffix.get(path, 2)
            while f"{path}-{n}" in seen_paths:
                n += 1
            next_suffix[path] = n + 1
            path = f"{path}-{n}"
        seen_paths.add(path)
        anchor = base = make_anchor(path)
        while anchor in seen:
            seen[base] += 1
            anchor = f"{base}-{seen[base]}"
        seen.setdefault(anchor, 1)
        body = min(max(d.body, start), end)
        drop = d.drop
        if markdown:  # emphasis is decoration in a Markdown text: "You **must**" reads "You must"
            taken = [range(a, b) for a, b in drop]
            drop += tuple(m for m in emphasis_marks(text, body, end) if not any(m[0] in r for r in taken))
        own_text = words(text, body, end, drop).strip(_EDGES)
        heading = unemphasised(d.heading) if markdown else d.heading
        if d.label and not heading:
            heading, own_text = split_inline_heading(own_text)
        elif not own_text and _heads_nothing(full, k, parents, heading):
            heading, own_text = "", heading  # "1. Use" in a list of one-line items: its words, not a title
        out.append(
            Segment(
                d.label,
                path,
                anchor,
                heading,
                own_text,
                start,
                end,
                d.depth,
                d.parent,
            )
        )
    return out
