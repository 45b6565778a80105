"""Pure secondary links of the alignment: a section heading goes where its section went. No Django imports.

A rewrite renames its sections while their clauses keep their matter: "Disclaimer of
Warranties and Limitation of Liability" becomes "No Warranty; Limitation of Liability", and
"Copying, modification, communication to the public and distribution of the Documentation"
becomes "Copying, modifying and Conveying Covered Source". A heading that stands alone as a
clause (no body of its own) has too few words to be placed by them, and
:func:`licenses.text.rescue.headings` places it by its children only when the two headings
bear the same number. But when most of the links of the clauses under it go under one heading
of the other side, at the same depth, the two sections are one matter, and so are their
headings.

:func:`section_links` links a heading clause (one with clauses under it and no text besides its
heading) with the clause of the other side, at the same depth, under which at least
:data:`LEAST_VOTES` and :data:`SHARE` of the links of its clauses land, when neither heading is
linked with anything else: the heading in no link, or linked only into that section; the
other clause in no link at all.
"""

from __future__ import annotations

from collections import Counter

from licenses.text.matching import Side

LEAST_VOTES = 2  # links of the section's clauses that must land under the one clause
SHARE = 2 / 3  # of all the links of the section's clauses


def _children(side: Side) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for k, seg in enumerate(side.segs):
        if seg.parent is not None:
            out.setdefault(seg.parent, []).append(k)
    return out


def _under(children: dict[int, list[int]], k: int) -> list[int]:
    """Every clause below clause ``k``."""
    out, todo = [], list(children.get(k, ()))
    while todo:
        c = todo.pop()
        out.append(c)
        todo.extend(children.get(c, ()))
    return out


def _ancestor(side: Side, k: int, depth: int) -> int | None:
    """Clause ``k`` or the clause above it that stands at ``depth``; None when there is none."""
    while side.segs[k].depth > depth:
        up = side.segs[k].parent
        if up is None:
            return None
        k = up
    return k if side.segs[k].depth == depth else None


def _one_way(this: Side, other: Side, links: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(this k, other t) for the heading clauses of ``this`` side; ``links`` read this -> other."""
    children = _children(this)
    mine: dict[int, set[int]] = {}
    theirs: dict[int, set[int]] = {}
    for x, y in links:
        mine.setdefault(x, set()).add(y)
        theirs.setdefault(y, set()).add(x)
    out = set()
    for k in children:
        if not this.heading[k] or this.key[k] != this.heading[k]:
            continue  # a clause with a body of its own is placed by its words
        depth = this.segs[k].depth
        votes = Counter(_ancestor(other, y, depth) for c in _under(children, k) for y in mine.get(c, ()))
        if not votes:
            continue
        t, n = votes.most_common(1)[0]
        if t is None or n < LEAST_VOTES or n < SHARE * sum(votes.values()):
            continue
        if t in theirs or any(_ancestor(other, y, depth) != t for y in mine.get(k, ())):
            continue
        out.add((k, t))
    return out


def section_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for two section headings whose sections' links mostly join the two sections."""
    out = _one_way(sa, sb, linked)
    out |= {(i, j) for j, i in _one_way(sb, sa, {(j, i) for i, j in linked})}
    return out - linked
