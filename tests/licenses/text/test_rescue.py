"""licenses.text.rescue: the second pass, the undoing of weak moves and the extra links. Pure.

Short clauses of our own, with the pairs of the first pass given by hand, so that each rule is
seen on its own; the word counts the rules turn on are spelled out beside the clauses.
"""

from __future__ import annotations

import itertools

from licenses.text import rescue as R
from licenses.text.matching import Side, common
from licenses.text.segmentation import Segment


def seg(
    text: str, path: str = "p", *, heading: str = "", parent: int | None = None, depth: int = 0
) -> Segment:
    return Segment(path, path, path, heading, text, 0, len(text), depth, parent)


def side(*texts: str) -> Side:
    return Side([seg(t, str(k + 1)) for k, t in enumerate(texts)])


def pairs(*ij: tuple[int, int]) -> dict[int, tuple[int, float]]:
    return {i: (j, 1.0) for i, j in ij}


F = [
    "Alpha clause grants rights to copy the program in any medium whatsoever.",
    "Bravo clause covers patents licensed by each contributor to recipients.",
    "Charlie clause keeps notices intact in every copy that is distributed.",
    "Delta clause disclaims warranties of merchantability and fitness entirely.",
]
SRC = "Orchard keepers prune apple trees every winter season carefully."  # 9 content words
DRAWN = "Keepers prune apple trees."  # 4 words, all in SRC in order
LONG_HEAD = "Responsibilities of each party under this licence agreement"  # too many words for a heading


# --- where a clause may go without crossing a pair ------------------------------------------------


def test_bounds_are_exactly_the_places_that_cross_no_pair():
    match = pairs((1, 3), (3, 1), (4, 4))
    low, high = R._bounds(6, match, 6)
    for i, j in itertools.product(range(6), range(6)):
        crosses = any((i - k) * (j - m) <= 0 and k != i for k, (m, _) in match.items())
        assert (low[i] < j < high[i]) == (not crosses), (i, j)
    # before the first pair and after the last: one place beyond either end
    assert R._bounds(3, pairs((1, 1)), 3) == ([-1, -1, 1], [1, 3, 3])


# --- evidence: rare phrases, terms, headings -------------------------------------------------------


def phrase_count(a: str, b: str) -> int:
    return R.Evidence(side(a), side(b)).phrases.get((0, 0), 0)


def test_a_shared_passage_is_one_phrase_and_two_from_ten_words_on():
    passage = ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12", "m13", "m14"]
    for n, count in ((5, 1), (9, 1), (10, 2), (15, 2)):
        text = " ".join(passage[:n])
        assert phrase_count(f"Before {text} after.", f"Earlier {text} later.") == count, n


def test_two_separate_passages_are_two_phrases():
    one, two = "m0 m1 m2 m3 m4", "n0 n1 n2 n3 n4"
    assert phrase_count(f"{one} gap {two}", f"{one} other words {two}") == 2


def test_a_phrase_found_twice_on_one_side_is_not_rare():
    text = "m0 m1 m2 m3 m4"
    ev = R.Evidence(side(text, f"Also {text}."), side(f"New {text}."))
    assert dict(ev.phrases) == {}


def test_defined_term_only_for_a_definition():
    assert R.defined_term('" licensor " means the owner') == "licensor"
    assert R.defined_term("the licensor grants rights") == ""


def test_the_same_heading_is_a_sign_only_where_it_is_unique_on_both_sides():
    sa = Side([seg("Alpha beta.", "1", heading="Patent Grant"), seg("Gamma delta.", "2", heading="Notices")])
    sb = Side([seg("Epsilon zeta.", "1", heading="PATENT GRANT"), seg("Eta theta.", "2")])
    ev = R.Evidence(sa, sb)
    assert ev.same_heading(0, 0)
    assert not ev.same_heading(1, 1)
    twice = Side([*sa.segs, seg("Iota kappa.", "3", heading="Patent Grant")])
    assert not R.Evidence(twice, sb).same_heading(0, 0)
    assert not R.Evidence(sb, twice).same_heading(0, 0)


def test_the_same_term_is_a_sign_and_two_plain_clauses_share_none():
    sa, sb = (
        side('"Licensor" means the owner.', "Plain words here."),
        side('"Licensor" means the holder.', "Other."),
    )
    ev = R.Evidence(sa, sb)
    assert ev.same_term(0, 0)
    assert not ev.same_term(1, 1)


def test_phrases_decide_with_enough_of_them_or_similarity_or_place():
    one, two = "m0 m1 m2 m3 m4", "n0 n1 n2 n3 n4"
    three = "p0 p1 p2 p3 p4"
    ev = R.Evidence(
        side(f"{one} gap {two}", f"Only {three} here."), side(f"{one} other {two}", f"{three} there.")
    )
    assert ev.phrases[(0, 0)] == 2 and ev.shares_phrases(0, 0, 0.0)
    assert ev.phrases[(1, 1)] == 1
    assert not ev.shares_phrases(1, 1, 0.19)
    assert ev.shares_phrases(1, 1, 0.2)  # PHRASES_SIMILAR exactly
    assert ev.shares_phrases(1, 1, 0.0, True)


def test_any_one_sign_is_strong():
    one = "m0 m1 m2 m3 m4 m5 m6 m7 m8 m9"  # ten words: two phrases
    sa = Side([seg(f"{one}.", "1"), seg("Alpha beta.", "2", heading="Venue"), seg('"Term" means a.', "3")])
    sb = Side(
        [seg(f"{one} more.", "1"), seg("Gamma delta.", "2", heading="Venue"), seg('"Term" means b.', "3")]
    )
    ev = R.Evidence(sa, sb)
    assert ev.strong(0, 0, 0.0) and ev.strong(1, 1, 0.0) and ev.strong(2, 2, 0.0)
    assert not ev.strong(0, 1, 0.0)


# --- weak moves -----------------------------------------------------------------------------------


def test_a_move_with_exactly_the_similarity_it_needs_stays():
    # pair 0 -> 3 crosses the three pairs after it: it needs MOVE_MIN + 3 x MOVE_PER_CROSSING
    sa, sb = side(*F), side(*F)
    need = R.MOVE_MIN + R.MOVE_PER_CROSSING * 3
    match = {0: (3, need), 1: (0, 1.0), 2: (1, 1.0), 3: (2, 1.0)}
    ev = R.Evidence(sa, sb)
    assert R.drop_weak_moves(sa, sb, match, ev, set()) == match
    weaker = {**match, 0: (3, need - 0.001)}
    assert 0 not in R.drop_weak_moves(sa, sb, weaker, ev, set())


# --- the second pass --------------------------------------------------------------------------------


def test_rescue_takes_the_highest_rank_first_then_the_most_similar_each_clause_once(monkeypatch):
    # candidates (rank, similarity, tie, i, j) as the second pass ranks them, for one round
    cands = [
        (1, 0.9, 0.0, 0, 0),
        (3, 0.1, 0.0, 0, 1),
        (2, 0.5, 0.0, 1, 2),
        (2, 0.6, 0.0, 1, 3),
        (0, 0.3, 0.0, 2, 2),
        (0, 0.2, 0.0, 3, 4),
    ]
    rounds = iter([cands, []])
    monkeypatch.setattr(R, "_candidates", lambda *args: list(next(rounds)))
    assert R.rescue(None, None, None, {}, None) == {0: (1, 0.1), 1: (3, 0.6), 2: (2, 0.3), 3: (4, 0.2)}


# --- where the words of a clause left alone went ----------------------------------------------------


def drawn_from(old: list[Segment], new: list[Segment], match) -> tuple[dict, dict]:
    sa, sb = Side(old), Side(new)
    return R.derived(sa, sb, common(sa, sb), match)


def segs(*texts: str) -> list[Segment]:
    return [seg(t, str(k + 1)) for k, t in enumerate(texts)]


def test_an_added_clause_next_to_its_sources_partner_was_drawn_from_it():
    # before it (at index 0) or after it
    assert drawn_from(segs(SRC, F[1], F[2]), segs(SRC, DRAWN, F[1], F[2]), pairs((0, 0), (1, 2), (2, 3))) == (
        {1: 0},
        {},
    )
    assert drawn_from(segs(F[1], SRC, F[2]), segs(F[1], DRAWN, SRC, F[2]), pairs((0, 0), (1, 2), (2, 3))) == (
        {1: 1},
        {},
    )


def test_a_removed_clause_next_to_its_partner_went_into_it():
    assert drawn_from(segs(SRC, DRAWN, F[1]), segs(SRC, F[1]), pairs((0, 0), (2, 1))) == ({}, {1: 0})
    assert drawn_from(segs(F[1], DRAWN, SRC), segs(F[1], SRC), pairs((0, 0), (2, 1))) == ({}, {1: 1})


def test_an_added_item_whose_parent_pairs_with_the_source_was_drawn_from_it():
    new = [seg(F[0], "1"), seg(SRC, "2"), seg(F[1], "3"), seg(DRAWN, "3.1", parent=1)]
    assert drawn_from(segs(F[0], SRC, F[1], F[2]), new, pairs((0, 0), (1, 1), (2, 2))) == ({3: 1}, {})


def test_an_added_clause_between_the_same_neighbours_as_its_source_was_drawn_from_it():
    assert drawn_from(segs(F[1], SRC, F[2]), segs(F[1], DRAWN, F[2]), pairs((0, 0), (2, 2))) == ({1: 1}, {})


def test_a_source_elsewhere_is_not_traced():
    assert drawn_from(
        segs(SRC, F[1], F[2], F[3]), segs(SRC, F[1], F[2], DRAWN, F[3]), pairs((0, 0), (1, 1), (2, 2), (3, 4))
    ) == (
        {},
        {},
    )
    # the partner of an earlier clause, not a neighbour: low bound itself
    assert drawn_from(
        segs(F[1], SRC, F[2], F[3]), segs(SRC, F[1], DRAWN, F[3]), pairs((1, 0), (0, 1), (3, 3))
    ) == (
        {},
        {},
    )
    # the partner of a later clause, not a neighbour: high bound itself
    assert drawn_from(
        segs(F[1], SRC, F[3]), segs(F[1], DRAWN, F[2], SRC, F[3]), pairs((0, 0), (1, 3), (2, 4))
    ) == (
        {},
        {},
    )


def test_in_order_keeps_one_longest_run_of_pairs_in_order():
    assert R.in_order(pairs((0, 0), (1, 3), (2, 1), (3, 2))) == pairs((0, 0), (2, 1), (3, 2))
    assert R.in_order(pairs((0, 2), (1, 0), (2, 1))) == pairs((1, 0), (2, 1))
    assert R.in_order({}) == {}


def test_a_moved_pair_does_not_bound_the_stretch_of_a_clause_drawn_from_its_old_place():
    # SRC moved to the end; the added clause standing where SRC stood holds its words. Without
    # the moved pair, SRC and the added clause lie between the same aligned neighbours.
    old, new = segs(F[1], SRC, F[2], F[3]), segs(F[1], DRAWN, F[3], SRC)
    assert drawn_from(old, new, pairs((0, 0), (3, 2), (1, 3))) == ({1: 1}, {})
    # the same with the moved pair counted as an aligned neighbour would cut the stretch
    sa, sb = Side(old), Side(new)
    low, high = R._bounds(len(sb), {0: (0, 0.0), 2: (3, 0.0), 3: (1, 0.0)}, len(sa))
    assert not low[1] < 1 < high[1]


def test_tracing_wants_derived_words_words_and_derived_min_of_them():
    old, match = segs(SRC, F[1]), pairs((0, 0), (1, 2))
    assert drawn_from(old, segs(SRC, "Keepers prune apple.", F[1]), match) == ({}, {})  # 3 words
    # 3 of 5 words: DERIVED_MIN exactly; 2 of 5: not
    assert drawn_from(old, segs(SRC, "Keepers prune apple hedges fences.", F[1]), match) == ({1: 0}, {})
    assert drawn_from(old, segs(SRC, "Keepers prune hedges fences gates.", F[1]), match) == ({}, {})
    removed = pairs((0, 0), (2, 1))
    assert drawn_from(segs(SRC, "Keepers prune apple.", F[1]), segs(SRC, F[1]), removed) == ({}, {})
    assert drawn_from(segs(SRC, "Keepers prune hedges fences gates.", F[1]), segs(SRC, F[1]), removed) == (
        {},
        {},
    )


def test_only_a_clear_best_source_counts():
    twin = "Keepers prune apple trees near barns."  # holds DRAWN too
    assert drawn_from(segs(SRC, twin), segs(SRC, DRAWN, twin), pairs((0, 0), (1, 2))) == ({}, {})


def test_one_clause_on_the_other_side_is_its_own_clear_best():
    assert drawn_from(segs(SRC), segs(SRC, DRAWN), pairs((0, 0))) == ({1: 0}, {})
    assert drawn_from(segs(SRC, DRAWN), segs(SRC), pairs((0, 0))) == ({}, {1: 0})


def test_nothing_is_traced_against_an_empty_side():
    assert drawn_from([], segs(DRAWN), {}) == ({}, {})
    assert drawn_from(segs(DRAWN), [], {}) == ({}, {})


# --- leftovers that are each other's best match -----------------------------------------------------


def leftovers(old: list[str], new: list[str], match) -> dict[int, int]:
    sa, sb = side(*old), side(*new)
    return R.mutual(sa, sb, common(sa, sb), match)


def hundred(shared: int, own: str) -> str:
    return " ".join([f"s{k}" for k in range(shared)] + [f"{own}{k}" for k in range(100 - shared)]) + "."


def test_leftovers_that_are_each_others_best_from_mutual_min_on():
    # 100 words each: 19 shared is 0.19, MUTUAL_MIN exactly; 18 is not
    assert leftovers([F[0], hundred(19, "a")], [F[0], hundred(19, "b")], pairs((0, 0))) == {1: 1}
    assert leftovers([F[0], hundred(18, "a")], [F[0], hundred(18, "b")], pairs((0, 0))) == {}


def test_paired_clauses_are_never_leftovers():
    a, b = hundred(40, "a"), hundred(40, "b")
    assert leftovers([a, F[0]], [b, F[1]], pairs((0, 1))) == {}
    assert leftovers([a, F[0]], [b, F[1]], pairs((1, 0))) == {}


def test_leftovers_of_exactly_derived_words_words_are_traced_and_shorter_ones_not():
    four_a, four_b = "Keepers prune apple trees.", "Keepers prune apple orchards."
    assert leftovers([F[0], four_a], [F[0], four_b], pairs((0, 0))) == {1: 1}
    assert leftovers([F[0], "Keepers prune apple."], [F[0], four_b], pairs((0, 0))) == {}
    assert leftovers([F[0], four_a], [F[0], "Keepers prune apple."], pairs((0, 0))) == {}


def test_no_leftovers_against_an_empty_side():
    assert leftovers([F[0]], [], {}) == {}
    assert leftovers([], [F[0]], {}) == {}


# --- headings placed by their children --------------------------------------------------------------


def test_a_three_word_heading_is_placed_by_its_children():
    old = [
        seg("Limits Liability Caps", "3"),
        seg(F[0], "3.1", parent=0, depth=1),
        seg(F[1], "3.2", parent=0, depth=1),
    ]
    new = [
        seg("Liability Limits Apply", "3"),
        seg(F[0], "3.1", parent=0, depth=1),
        seg(F[1], "3.2", parent=0, depth=1),
    ]
    sa, sb = Side(old), Side(new)
    assert len(sa.words[0]) == len(sb.words[0]) == R.HEADING_WORDS
    assert R.headings(sa, sb, pairs((1, 1), (2, 2)))[0] == {0: 0}


def test_a_heading_after_others_that_cannot_be_placed_is_still_placed():
    old = [
        seg(F[3], "1"),  # no children: not a heading
        seg("Orphans", "2"),
        seg(F[2], "2.1", parent=1, depth=1),  # its only child is unpaired
        seg("Split", "3"),
        seg(F[0], "3.1", parent=3, depth=1),
        seg(SRC, "3.2", parent=3, depth=1),  # its children went to two places
        seg("Grant", "4"),
        seg(F[1], "4.1", parent=6, depth=1),
    ]
    new = [
        seg("Elsewhere", "8"),
        seg(F[0], "8.1", parent=0, depth=1),
        seg("Other", "9"),
        seg(SRC, "9.1", parent=2, depth=1),
        seg(LONG_HEAD, "4"),  # not a heading: only the old side's heading places the two
        seg(F[1], "4.1", parent=4, depth=1),
    ]
    sa, sb = Side(old), Side(new)
    assert R.headings(sa, sb, pairs((4, 1), (5, 3), (7, 5)))[0] == {6: 4}


def section(head: str, label: str, *items: str, start: int = 0) -> list[Segment]:
    return [seg(head, label)] + [
        seg(t, f"{label}.{n + 1}", parent=start, depth=1) for n, t in enumerate(items)
    ]


def test_a_heading_is_placed_at_a_section_that_kept_the_same_matter_without_being_a_heading():
    # new heading 2 with its items against old section 2, worded at length: a pair either way
    old, new = section(LONG_HEAD, "2", F[0], F[1]), section("Responsibilities", "2", F[0], F[1])
    for a, b in ((old, new), (new, old)):
        sa, sb = Side(a), Side(b)
        assert R.headings(sa, sb, pairs((1, 1), (2, 2))) == ({0: 0}, {}, {})


def test_a_heading_whose_matter_sits_in_a_paired_clause_is_linked_to_it():
    # old section 2 pairs with new clause 7 (same words); new heading 2 holds its items
    old = section(LONG_HEAD, "2", F[0], F[1])
    new = [seg(LONG_HEAD, "7"), *section("Grant", "2", F[0], F[1], start=1)]
    match = pairs((0, 0), (1, 2), (2, 3))
    assert R.headings(Side(old), Side(new), match) == ({}, {1: 0}, {})
    back = {j: (i, 1.0) for i, (j, _) in match.items()}
    assert R.headings(Side(new), Side(old), back) == ({}, {}, {1: 0})
