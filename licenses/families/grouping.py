"""Pure clause grouping across the members of a family. No Django imports.

A family's clause groups are the rows of its variant table. They are built one member at a
time: the member's clauses are aligned (:func:`licenses.text.comparison.compare`) against one
representative clause per existing row (the base member's clause where it has one). A clause
that aligns with a row joins it; a clause that aligns with none opens a new row right after
the row of the clause before it, so a clause several siblings add (the NonCommercial
definition of the NC licenses) becomes one row that the later siblings join.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from licenses.text.comparison import clause_text, compare
from licenses.text.segmentation import Segment

# Pair kinds whose ``b`` clause says what the ``a`` clause says (possibly reworded or moved).
_JOINS = ("unchanged", "changed", "moved", "split", "merged")


@dataclass(frozen=True, slots=True)
class Attachment:
    """Where each clause of one member goes.

    ``joins`` maps a row index to the member's clause index; ``opens`` lists new rows as
    ``(after_row, clause_index)`` in the member's reading order, ``after_row`` being the row
    of the nearest earlier clause (-1 for the top).
    """

    joins: dict[int, int]
    opens: list[tuple[int, int]]


def attach(representatives: Sequence[Segment], member: Sequence[Segment]) -> Attachment:
    """Align ``member``'s clauses with the rows whose representatives are given, in row order."""
    row_of = {id(seg): r for r, seg in enumerate(representatives)}
    index_of = {id(seg): i for i, seg in enumerate(member)}
    joins: dict[int, int] = {}
    opens: list[tuple[int, int]] = []
    placed: dict[int, int] = {}  # member clause -> row it joined
    similarity: dict[int, float] = {}
    pending: list[int] = []
    for pair in compare(representatives, member) if representatives else []:
        if pair.kind in _JOINS and pair.a is not None and pair.b is not None:
            row, index = row_of[id(pair.a)], index_of[id(pair.b)]
            joins[row] = index
            placed[index] = row
            similarity[row] = pair.similarity
            if pair.b2 is not None:  # split: the second half is a clause of its own
                pending.append(index_of[id(pair.b2)])
        elif pair.kind == "added" and pair.b is not None:
            pending.append(index_of[id(pair.b)])
    if not representatives:
        pending = list(range(len(member)))
    _prefer_same_address(representatives, member, joins, placed, similarity)
    for index in sorted(pending):
        earlier = [placed[i] for i in range(index - 1, -1, -1) if i in placed]
        opens.append((earlier[0] if earlier else -1, index))
    return Attachment(joins=joins, opens=opens)


# A join this similar is trusted over an address that says otherwise.
SURE = 0.9
# An address may win over similarity when it costs at most this much of it.
SLACK = 0.15


def _similarity(a: Segment, b: Segment) -> float:
    return float(Indel.normalized_similarity(clause_text(a).split(), clause_text(b).split()))


def _prefer_same_address(
    reps: Sequence[Segment], member: Sequence[Segment], joins: dict, placed: dict, similarity: dict
) -> None:
    """Move a loosely matched clause into the row that has its own address, when that row is free
    or holds, just as loosely, the clause whose address is this row's.

    Sibling texts mostly keep their numbering; when similarity alone crossed two lead-in
    clauses (2.2(a) with 2.2(b)), the addresses settle it.
    """
    by_path: dict[str, int] = {}
    for r, seg in enumerate(reps):
        by_path.setdefault(seg.path, r)
    for _ in range(len(joins)):
        changed = False
        for r, i in list(joins.items()):
            if joins.get(r) != i or reps[r].path == member[i].path or similarity.get(r, 0) >= SURE:
                continue
            target = by_path.get(member[i].path)
            if target is None or target == r:
                continue
            j = joins.get(target)
            if j is None:
                if _similarity(reps[target], member[i]) < similarity.get(r, 0) - SLACK:
                    continue
                del joins[r]
                joins[target] = i
                placed[i] = target
            elif (
                member[j].path == reps[r].path
                and similarity.get(target, 0) < SURE
                and _similarity(reps[target], member[i]) + _similarity(reps[r], member[j])
                >= similarity.get(r, 0) + similarity.get(target, 0) - SLACK
            ):
                joins[r], joins[target] = j, i
                placed[j], placed[i] = r, target
            else:
                continue
            similarity[target], similarity[r] = 0.0, 0.0
            changed = True
        if not changed:
            break


def group(members: Sequence[Sequence[Segment]]) -> list[list[int | None]]:
    """Rows of clause indexes, one column per member (``members[0]`` is the base), in reading order.

    ``None`` where a member has no clause in a row.
    """
    rows: list[list[int | None]] = []
    n = len(members)
    for m, segs in enumerate(members):
        reps = [members[_first(row)][_first_index(row)] for row in rows]
        found = attach(reps, segs)
        for r, index in found.joins.items():
            rows[r][m] = index
        inserted = _insert_rows(len(rows), found.opens)
        new_rows: list[list[int | None]] = []
        for key in inserted:
            if isinstance(key, int):
                new_rows.append(rows[key])
            else:
                row: list[int | None] = [None] * n
                row[m] = key[1]
                new_rows.append(row)
        rows = new_rows
    return rows


def _first(row: list[int | None]) -> int:
    return next(m for m, index in enumerate(row) if index is not None)


def _first_index(row: list[int | None]) -> int:
    return next(index for index in row if index is not None)


def _insert_rows(count: int, opens: list[tuple[int, int]]) -> list[int | tuple[int, int]]:
    """The new row order: old row indexes, with each opened row (``(after, index)``) after its row."""
    after: dict[int, list[tuple[int, int]]] = {}
    for row, index in opens:
        after.setdefault(row, []).append((row, index))
    order: list[int | tuple[int, int]] = list(after.get(-1, []))
    for r in range(count):
        order.append(r)
        order.extend(after.get(r, []))
    return order


def insertion_order(count: int, opens: list[tuple[int, int]]) -> list[int | tuple[int, int]]:
    """Public name of the row-order rule, for callers that keep rows elsewhere (the database)."""
    return _insert_rows(count, opens)


def same_wording(a: Segment, b: Segment) -> bool:
    """Whether two clauses say the same words (labels, wrapping and decoration aside)."""
    return clause_text(a) == clause_text(b)
