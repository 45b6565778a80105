"""Pure secondary links of the alignment: a clause goes where its twin went when its items went there. No Django imports.

Two parallel clauses of one version ("no patent licence is granted for code the Author
deletes ..." under the Author's grant, and the same for code a Contributor deletes under the
Contributor's grant) are often merged into one clause of the other version, a section with
items of its own ("Limits of the grants", items (a), (b), (c)). The alignment links one twin
with the new section and traces the other twin's pieces to the section's items, but not to the
section itself, though that is where the clause went: its twin is there, and so are its words.

:func:`twin_sections` links a clause with a clause ``O`` of the other side when

- a twin of it is linked with ``O``: a clause of its own side at the same depth with the same
  number under another parent ("2.1(d)" and "2.2(d)"), the two parents linked with one same
  clause of the other side (the two sections were merged), and the two reading somewhat alike
  (:data:`TWIN_LEAST`, below the bar of :func:`licenses.text.fanout.twins`, which reads a clause
  in no link: here the clause's items already went under ``O``), and
- the clause itself is linked with at least one item (a child) of ``O``, and not with ``O``.
"""

from __future__ import annotations

from licenses.text.matching import Side, lcs

TWIN_LEAST = 0.3  # content-word similarity of the two twins


def _twin(side: Side, x: int, y: int, partners: dict[int, set[int]]) -> bool:
    """``x`` and ``y``: the same depth and number under two parents linked with one same clause,
    reading somewhat alike."""
    sx, sy = side.segs[x], side.segs[y]
    if sx.depth != sy.depth or not side.label[x] or side.label[x] != side.label[y]:
        return False
    if sx.parent is None or sy.parent is None or sx.parent == sy.parent:
        return False
    if not partners.get(sx.parent, set()) & partners.get(sy.parent, set()):
        return False
    wx, wy = side.words[x], side.words[y]
    return bool(wx and wy) and 2 * lcs(wx, wy) / (len(wx) + len(wy)) >= TWIN_LEAST


def _one_way(this: Side, other: Side, links: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(this k, other o) for the clauses of ``this`` side; ``links`` read this -> other."""
    partners: dict[int, set[int]] = {}
    for k, o in links:
        partners.setdefault(k, set()).add(o)
    out: set[tuple[int, int]] = set()
    for k, mine in partners.items():
        parents = {other.segs[o].parent for o in mine} - {None}
        for o in sorted(parents - mine):
            twins_there = [t for t, theirs in partners.items() if t != k and o in theirs]
            if any(_twin(this, k, t, partners) for t in twins_there):
                out.add((k, o))
    return out


def twin_sections(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a clause linked with items of a clause its parallel twin is linked with."""
    out = _one_way(sa, sb, linked)
    out |= {(i, j) for j, i in _one_way(sb, sa, {(j, i) for i, j in linked})}
    return out - linked
