"""Secondary links inside aligned sections (licenses.text.scoped). Pure, on synthetic texts of our own.

Two versions of a "Termination" section: the old one's item on offering the work under other
terms is rewritten in the new one in other words, beside new items of its own. Words kept
word for word in the definitions make the rewrites' unshared words common, so the few they
share ("licensor", "stop distributing") weigh the most.
"""

from __future__ import annotations

import numpy as np
import pytest

from licenses.text import comparison, scoped
from licenses.text.comparison import compare
from licenses.text.matching import Side
from licenses.text.scoped import (
    REGRET_MARGIN,
    SCOPE_MARGIN,
    SCOPE_MIN,
    SCOPE_WORDS,
    _clear_best,
    _regret_best,
    by_regret,
    in_scope,
)
from licenses.text.segmentation import Segment

DEFINITIONS = [
    ("1", None, "Definitions"),
    ("1(b)", "1", "Subject to the above, public material is release work under different licence terms."),
    ("1(c)", "1", "An election whenever chosen, provided it is separate, offers conditions to end."),
    ("1(d)", "1", "The right reserved at any moment: doing so will also end besides this license."),
]
OLD = DEFINITIONS + [
    ("7", None, "Termination"),
    (
        "7(a)",
        "7",
        "Subject to the above, the licensor reserves the right to release the work under "
        "different licence terms or to stop distributing it whenever chosen, provided that such an "
        "election will not withdraw this licence.",
    ),
    (
        "7(b)",
        "7",
        "Holders who received copies from you keep their rights, provided they remain in "
        "full compliance; sections one and eight survive any ending.",
    ),
]
NEW = DEFINITIONS + [
    ("6", None, "Term and Termination"),
    (
        "6(a)",
        "6",
        "This public license applies for the full duration of copyright and similar rights "
        "licensed here, whatever happens.",
    ),
    (
        "6(b)",
        "6",
        "Reinstatement happens automatically once a violation is cured within thirty days "
        "of discovering it, or upon express reinstatement.",
    ),
    (
        "6(c)",
        "6",
        "Besides, the licensor may also offer the material under separate conditions or stop "
        "distributing it at any moment; doing so will not end this public license.",
    ),
]


def segs(rows) -> list[Segment]:
    where = {p: k for k, (p, _, _) in enumerate(rows)}
    out = []
    for p, parent, t in rows:
        up = None if parent is None else where[parent]
        anchor = p.replace("(", ".").replace(")", "")
        out.append(Segment(f"{p}.", p, anchor, "", t, 0, len(t), 0 if up is None else 1, up))
    return out


def at(rows, path: str) -> int:
    return [p for p, _, _ in rows].index(path)


def sides(old=OLD, new=NEW) -> tuple[Side, Side]:
    return Side(segs(old)), Side(segs(new))


def kept(old=OLD, new=NEW, *extra: tuple[str, str]) -> set[tuple[int, int]]:
    """The definitions and the two sections linked, and any (old path, new path) given."""
    links = {(at(old, p), at(new, p)) for p, _, _ in DEFINITIONS}
    links.add((at(old, "7"), at(new, "6")))
    return links | {(at(old, x), at(new, y)) for x, y in extra}


REWRITE = (at(OLD, "7(a)"), at(NEW, "6(c)"))


def test_a_rewritten_item_links_with_its_clear_best_inside_the_aligned_section():
    sa, sb = sides()
    assert in_scope(sa, sb, kept()) == {REWRITE}


def test_no_scope_when_the_sections_are_not_linked():
    sa, sb = sides()
    assert in_scope(sa, sb, kept() - {(at(OLD, "7"), at(NEW, "6"))}) == set()


def test_a_linked_ancestor_further_up_makes_a_scope_too():
    def nest(rows):
        return [("0", None, "Chapter")] + [(p, parent or "0", t) for p, parent, t in rows]

    old, new = nest(OLD), nest(NEW)
    sa, sb = sides(old, new)
    links = {(0, 0)} | {(at(old, p), at(new, p)) for p, _, _ in DEFINITIONS}
    assert in_scope(sa, sb, links) == {(at(old, "7(a)"), at(new, "6(c)"))}


def test_a_clause_already_linked_is_left_alone():
    sa, sb = sides()
    assert in_scope(sa, sb, kept(OLD, NEW, ("7(a)", "6(a)"))) == set()
    assert in_scope(sa, sb, kept(OLD, NEW, ("7(b)", "6(c)"))) == set()


def test_two_equally_close_candidates_link_neither():
    new = NEW + [("6(d)", "6", NEW[-1][2])]
    sa, sb = sides(new=new)
    assert in_scope(sa, sb, kept(OLD, new)) == set()


def test_short_clauses_are_never_linked_this_way():
    assert SCOPE_WORDS == 6
    short = OLD[:-2] + [("7(a)", "7", "licensor stop distributing whenever chosen.")]  # 5 distinct words
    sa, sb = sides(old=short)
    assert in_scope(sa, sb, kept(short)) == set()
    six = OLD[:-2] + [("7(a)", "7", "licensor stop distributing whenever chosen, withdraw.")]
    sa, sb = sides(old=six)
    assert in_scope(sa, sb, kept(six)) == {(at(six, "7(a)"), at(NEW, "6(c)"))}


def test_clear_best_needs_the_level_and_the_margin_in_row_and_column():
    low = SCOPE_MIN
    assert _clear_best(np.array([[low, low - SCOPE_MARGIN]])) == [(0, 0)]  # both taken inclusively
    assert _clear_best(np.array([[low - 0.001, 0.0]])) == []  # under the level
    assert _clear_best(np.array([[0.5, 0.5 - SCOPE_MARGIN + 0.001]])) == []  # row margin too small
    assert _clear_best(np.array([[0.5], [0.5 - SCOPE_MARGIN + 0.001]])) == []  # column margin too small
    assert _clear_best(np.array([[0.5], [0.5 - SCOPE_MARGIN - 0.001]])) == [(0, 0)]
    assert _clear_best(np.array([[0.5]])) == [(0, 0)]  # alone in its scope
    assert _clear_best(np.zeros((0, 3))) == []
    # each row's best is read against its column too: (1, 0) loses its column to (0, 0)
    assert _clear_best(np.array([[0.9, 0.0], [0.6, 0.1]])) == [(0, 0)]


def test_a_scope_too_large_is_skipped(monkeypatch):
    sa, sb = sides()
    monkeypatch.setattr(scoped, "SCOPE_CELLS", 5)  # Termination's scope: 2 old x 3 new free items
    assert in_scope(sa, sb, kept()) == set()
    monkeypatch.setattr(scoped, "SCOPE_CELLS", 6)
    assert in_scope(sa, sb, kept()) == {REWRITE}


def test_compare_shows_the_link_beside_the_pairs_and_never_pairs_it(monkeypatch):
    a, b = segs(OLD), segs(NEW)
    i, j = REWRITE
    rows = compare(a, b)
    old = next(p for p in rows if p.a is a[i])
    new = next(p for p in rows if p.b is b[j])
    assert old.kind == "removed" and new.kind == "added"
    assert old.more_into == (b[j],) and new.more_from == (a[i],)
    monkeypatch.setattr(comparison, "scoped_links", lambda *args: set())
    rows = compare(a, b)
    assert next(p for p in rows if p.a is a[i]).more_into == ()


@pytest.mark.parametrize("unlink", [True, False])
def test_an_unlinked_pair_is_never_drawn(unlink):
    a, b = segs(OLD), segs(NEW)
    i, j = REWRITE
    unlinks = [(a[i].anchor, b[j].anchor)] if unlink else []
    rows = compare(a, b, unlinks=unlinks)
    assert next(p for p in rows if p.a is a[i]).more_into == (() if unlink else (b[j],))


def test_words_every_clause_uses_count_for_nothing():
    same = "licensor stop distributing whenever chosen withdraw."
    rows = [("7", None, same), ("7(a)", "7", same), ("7(b)", "7", same)]
    sa, sb = sides(rows, rows)
    assert in_scope(sa, sb, {(0, 0)}) == set()  # every cosine is 0, not NaN


# by_regret: the best one-to-one assignment of a scope's items, pair by pair


def test_an_item_pair_that_loses_its_column_still_links_by_the_assignment():
    # X holds P's words less than Y does, but Y has Q: X -> P and Y -> Q total 0.37, the
    # best without X -> P only 0.26 (X -> Q, Y -> P), the best without Y -> Q 0.24
    cos = np.array([[0.20, 0.04], [0.22, 0.17]])
    assert _clear_best(cos) == []
    assert sorted(_regret_best(cos)) == [(0, 0), (1, 1)]


def test_the_assignment_needs_the_level_and_the_regret():
    low = SCOPE_MIN
    assert _regret_best(np.array([[low - 0.001, 0.0]])) == []
    assert _regret_best(np.array([[low, 0.0]])) == [(0, 0)]
    # two readings a hair apart: doing without a pair swaps both, which costs under the margin
    swap = 0.5 - REGRET_MARGIN / 2
    near = np.array([[0.5, swap + 0.01], [swap + 0.01, 0.5]])
    assert _regret_best(near) == []
    far = np.array([[0.5, swap - 0.01], [swap - 0.01, 0.5]])
    assert sorted(_regret_best(far)) == [(0, 0), (1, 1)]
    assert _regret_best(np.array([[0.3]])) == [(0, 0)]  # alone: nothing to compare with


def test_by_regret_reads_children_of_linked_clauses_only():
    sa, sb = sides()
    assert by_regret(sa, sb, kept()) == {REWRITE}
    assert by_regret(sa, sb, kept() - {(at(OLD, "7"), at(NEW, "6"))}) == set()

    def nest(rows):
        return [("0", None, "Chapter")] + [(p, parent or "0", t) for p, parent, t in rows]

    old, new = nest(OLD), nest(NEW)
    sa, sb = sides(old, new)
    links = {(0, 0)} | {(at(old, p), at(new, p)) for p, _, _ in DEFINITIONS}
    assert by_regret(sa, sb, links) == set()  # 7(a) and 6(c) are grandchildren of the linked pair


def test_by_regret_skips_a_scope_of_too_many_items(monkeypatch):
    sa, sb = sides()
    monkeypatch.setattr(scoped, "REGRET_CELLS", 5)
    assert by_regret(sa, sb, kept()) == set()
    monkeypatch.setattr(scoped, "REGRET_CELLS", 6)
    assert by_regret(sa, sb, kept()) == {REWRITE}
