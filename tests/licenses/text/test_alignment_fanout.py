"""Secondary links of the alignment (licenses.text.fanout), on synthetic clauses of our own.

One old clause feeding several new ones, a sentence carried into a clause that already has
its own counterpart, and the lone leftovers between the same aligned neighbours are shown
as "also drawn from" / "also went into" links beside the one-to-one pairs, which they never
change. Each test also checks the guard that keeps the sign from firing on look-alikes.
"""

from __future__ import annotations

import numpy as np

from licenses.text import fanout
from licenses.text.comparison import compare
from licenses.text.matching import Side, common
from licenses.text.segmentation import Segment


def seg(text: str, path: str, parent: int | None = None) -> Segment:
    return Segment(f"{path}.", path, path, "", text, 0, len(text), 0 if parent is None else 1, parent)


STEADY = [
    "Alpha clause grants rights to copy the program in any medium whatsoever.",
    "Bravo clause covers patents licensed by each contributor to recipients.",
    "Charlie clause keeps notices intact in every copy that is distributed.",
    "Delta clause disclaims warranties of merchantability and fitness entirely.",
    "Echo clause limits liability for damages arising out of any use.",
    "Foxtrot clause ends the licence automatically upon a material breach.",
]

CARRIED = "Recipients may charge a fee for physically transferring copies and offer support for a fee."


def row(pairs, *, a: str | None = None, b: str | None = None):
    return next(
        p
        for p in pairs
        if (a is not None and any(s.path == a for s in p.a_segments))
        or (b is not None and any(s.path == b for s in p.b_segments))
    )


def paths(segs) -> list[str]:
    return [s.path for s in segs]


def linked(pairs, a: str, b: str) -> bool:
    """Whether the comparison shows old ``a`` and new ``b`` together, in any form of link."""
    for p in pairs:
        olds, news = paths(p.a_segments), paths(p.b_segments)
        if a in olds and b in news:
            return True
        if p.also is not None and (
            (p.kind == "added" and b in news and p.also.path == a)
            or (p.kind == "removed" and a in olds and p.also.path == b)
        ):
            return True
        if (a in paths(p.more_from) and b in news) or (b in paths(p.more_into) and a in olds):
            return True
    return False


LONG_GRANT = (
    "You may copy and distribute verbatim copies of the source code as you receive it in any medium, "
    "provided that you publish on each copy an appropriate copyright notice and keep intact all notices."
)


def test_a_clause_carried_into_a_clause_far_away_is_a_secondary_link():
    # Old 5 is one sentence; the new text appends it to clause 1, which still pairs with old 1.
    old = (
        [seg(LONG_GRANT, "1")] + [seg(t, str(k + 2)) for k, t in enumerate(STEADY[:3])] + [seg(CARRIED, "5")]
    )
    old += [seg(t, str(k + 6)) for k, t in enumerate(STEADY[3:])]
    new = [seg(LONG_GRANT + " " + CARRIED, "1")] + [seg(t, str(k + 2)) for k, t in enumerate(STEADY)]
    pairs = compare(old, new)
    assert paths(row(pairs, b="1").a_segments) == ["1"]  # the pairing is unchanged
    assert row(pairs, a="5").kind == "removed"
    assert linked(pairs, "5", "1")
    # and both rows say so: the removed clause where its words went, the new one where they came from
    assert paths(row(pairs, a="5").more_into) == ["1"]
    assert paths(row(pairs, b="1").more_from) == ["5"]
    # a pair unlinked by hand is never shown as a secondary link either
    assert not linked(compare(old, new, unlinks=[("5", "1")]), "5", "1")


def test_one_old_clause_feeding_two_new_ones_names_both():
    # Old 2 grants two things in two sentences; the new text keeps the first in 2 and moves
    # the second far away, to the end, where it stands alone.
    grant = (
        "Each contributor grants a licence to reproduce, modify, display, perform and distribute its "
        "contributions in source or object form, with or without modifications, as part of a larger work."
    )
    patents = "Patent claims reading on the work are licensed royalty free by every contributor as well."
    old = [seg(STEADY[0], "1"), seg(grant + " " + patents, "2")] + [
        seg(t, str(k + 3)) for k, t in enumerate(STEADY[2:])
    ]
    new = [seg(STEADY[0], "1"), seg(grant, "2")] + [seg(t, str(k + 3)) for k, t in enumerate(STEADY[2:])]
    new.append(seg(patents, "9"))
    pairs = compare(old, new)
    assert paths(row(pairs, a="2").b_segments) == ["2"]
    assert "9" in paths(row(pairs, a="2").more_into)
    assert paths(row(pairs, b="9").more_from) == ["2"]
    assert row(pairs, b="9").kind == "added"  # a link beside the pairs, not a pairing


def test_the_clear_best_container_only():
    # the carried sentence sits in two old clauses alike: no single source, no link
    old = [seg(STEADY[0] + " " + CARRIED, "1"), seg(STEADY[1] + " " + CARRIED, "2")]
    new = [seg("Totally different opening words here about escrow.", "1"), seg(CARRIED, "2")]
    sa, sb = Side(old), Side(new)
    assert (0, 1) not in fanout.contained(sa, sb, common(sa, sb))
    assert (1, 1) not in fanout.contained(sa, sb, common(sa, sb))


def test_a_line_repeated_on_its_side_is_boilerplate():
    other = "make other distribution arrangements with the copyright holder of the package."
    old = [seg(STEADY[0], "1"), seg(other, "1(d)"), seg(STEADY[1], "2"), seg(other, "2(d)")]
    new = [seg("You may always make distribution arrangements with the copyright holder directly.", "p")]
    sa, sb = Side(old), Side(new)
    assert fanout.contained(sa, sb, common(sa, sb)) == set()
    # the same line once is traced
    sa = Side(old[:2])
    assert fanout.contained(sa, sb, common(sa, sb)) == {(1, 0)}


def test_passage_wants_the_words_together():
    part = ["charge", "fee", "physical", "act", "transferring", "copy"]
    together = [
        "you",
        "may",
        "charge",
        "fee",
        "physical",
        "act",
        "transferring",
        "copy",
        "at",
        "your",
        "option",
    ]
    filler = [f"w{k}" for k in range(40)]
    scattered = []
    for w in part:
        scattered += [w] + filler[:8]
    assert fanout.passage(part, together)
    assert not fanout.passage(part, scattered)
    assert not fanout.passage(part, filler)


LONE_OLD = "Licensees shall keep every release tarball with signatures for inspectors yearly."
LONE_NEW = "Distributors should retain each release tarball with signatures and checksums so any auditor can verify them."


def test_lone_leftovers_between_the_same_neighbours_link():
    old = [
        seg(STEADY[0], "1"),
        seg(STEADY[1], "2"),
        seg(LONE_OLD, "3"),
        seg(STEADY[2], "4"),
        seg(STEADY[3], "5"),
    ]
    new = [
        seg(STEADY[0], "1"),
        seg(STEADY[1], "2"),
        seg(LONE_NEW, "3"),
        seg(STEADY[2], "4"),
        seg(STEADY[3], "5"),
    ]
    sa, sb = Side(old), Side(new)
    com = common(sa, sb)
    share = com[2, 2] / len(sa.words[2])
    assert fanout.GAP_MIN <= share < 0.6  # too little to pair, enough between the same neighbours
    pairs = {i: i for i in (0, 1, 3, 4)}
    assert fanout.in_gaps(sa, sb, com, pairs, set()) == {(2, 2)}
    out = compare(old, new)
    assert row(out, b="3").kind == "added" and linked(out, "3", "3")


def test_leftovers_in_a_crowded_stretch_do_not_link_by_place():
    extra = "Hotel clause sets out the venue for disputes between parties forever."
    old = [seg(STEADY[0], "1"), seg(LONE_OLD, "2"), seg(extra, "3"), seg(STEADY[1], "4")]
    new = [seg(STEADY[0], "1"), seg(LONE_NEW, "2"), seg(STEADY[1], "3")]
    sa, sb = Side(old), Side(new)
    assert fanout.in_gaps(sa, sb, common(sa, sb), {0: 0, 3: 2}, set()) == set()


def test_lone_leftovers_that_share_no_words_do_not_link():
    old = [seg(STEADY[0], "1"), seg(LONE_OLD, "2"), seg(STEADY[1], "3")]
    new = [seg(STEADY[0], "1"), seg(STEADY[4], "2"), seg(STEADY[1], "3")]
    sa, sb = Side(old), Side(new)
    assert fanout.in_gaps(sa, sb, common(sa, sb), {0: 0, 2: 2}, set()) == set()


def test_identical_texts_have_no_secondary_links():
    segs = [seg(t, str(k + 1)) for k, t in enumerate(STEADY)]
    for p in compare(segs, list(segs)):
        assert p.more_from == () and p.more_into == ()


def test_best_needs_a_margin():
    assert fanout._best(np.array([0.9, 0.8])) is None
    assert fanout._best(np.array([0.9, 0.5])) == 0
    assert fanout._best(np.array([0.5, 0.1])) is None


def test_an_item_under_a_paired_parent_traces_to_the_parents_partner():
    # Old 2 defines "Modifications" in one sentence; the new 2 keeps the lead-in and lists
    # two items under it, each carrying part of the old sentence among new words.
    defined = (
        "Modifications means any addition to or deletion from the substance or structure of the "
        "original code or any previous modifications, and any new file that contains original code."
    )
    lead = "Modifications means any of the following kinds of change to the original code:"
    item_a = (
        "any file in source form that results from an addition to, deletion from or rewrite of its contents;"
    )
    item_b = "any new file in source form that contains any original code, wholly or in part."
    old = [seg(STEADY[0], "1"), seg(defined, "2"), seg(STEADY[1], "3")]
    new = [seg(STEADY[0], "1"), seg(lead, "2"), seg(item_a, "2(a)", parent=1), seg(item_b, "2(b)", parent=1)]
    new.append(seg(STEADY[1], "3"))
    sa, sb = Side(old), Side(new)
    com = common(sa, sb)
    pairs = {0: 0, 1: 1, 2: 4}
    got = fanout.under_parent(sa, sb, com, pairs, set())
    assert (1, 3) in got  # "any new file ... that contains ... original code"
    # an item whose words sit as well in another clause is not traced to the parent's partner
    rival = [seg(STEADY[0], "1"), seg(defined, "2"), seg(STEADY[1], "3"), seg(item_b, "9")]
    sr = Side(rival)
    assert (1, 3) not in fanout.under_parent(sr, sb, common(sr, sb), pairs, set())
    # and an item under a parent in no pair is not traced at all
    assert fanout.under_parent(sa, sb, com, {0: 0, 2: 4}, set()) == set()


def test_two_clauses_with_counterparts_of_their_own_are_parallel_not_linked():
    # the new clause's words are a passage of old 1, but both have counterparts elsewhere
    old = [seg(LONG_GRANT, "1"), seg(STEADY[0], "2")]
    new = [seg(STEADY[1], "1"), seg(LONG_GRANT, "2")]
    sa, sb = Side(old), Side(new)
    com = common(sa, sb)
    assert (0, 1) in fanout.contained(sa, sb, com)
    assert (0, 1) in fanout.contained(sa, sb, com, {0}, set())  # one side alone: still traced
    assert (0, 1) not in fanout.contained(sa, sb, com, {0}, {1})


def test_short_clauses_are_not_traced_by_containment():
    short = "Notice means the notice in the exhibit."  # fewer than CONTAIN_WORDS content words
    old = [seg(short, "1")]
    new = [seg("User-visible notice means any notice contained in the exhibit to this licence.", "1")]
    sa, sb = Side(old), Side(new)
    assert len(sa.words[0]) < fanout.CONTAIN_WORDS
    assert fanout.contained(sa, sb, common(sa, sb)) == set()


# --- the thresholds at their edges, and each guard on its own ------------------------------------


def test_a_lone_clause_on_the_other_side_needs_no_margin():
    assert fanout._best(np.array([0.9])) == 0
    assert fanout._best(np.array([0.5])) is None
    assert fanout._best(np.array([])) is None


def test_the_least_share_and_the_margin_are_enough_exactly():
    assert fanout._best(np.array([0.6, 0.1])) == fanout._best(np.array([0.1, 0.6])) - 1 == 0
    assert fanout._best(np.array([13 / 20, 9 / 20])) == 0  # 0.65 - 0.45 is the margin exactly


SIX = "Auditors verify ledgers quarterly against receipts."  # six content words
HOLDER = "Treasurers archive ledgers and auditors verify ledgers quarterly against signed receipts promptly."


def test_a_clause_of_exactly_contain_words_words_is_traced_either_way():
    short, holder = Side([seg(SIX, "1")]), Side([seg(HOLDER, "1")])
    assert len(short.words[0]) == fanout.CONTAIN_WORDS
    assert fanout.contained(short, holder, common(short, holder)) == {(0, 0)}
    assert fanout.contained(holder, short, common(holder, short)) == {(0, 0)}


def test_a_short_new_clause_is_not_traced_into_an_old_one_either():
    five = "Auditors verify ledgers against receipts."
    old, new = Side([seg(HOLDER, "1")]), Side([seg(five, "1")])
    assert len(new.words[0]) < fanout.CONTAIN_WORDS
    assert fanout.contained(old, new, common(old, new)) == set()


def test_a_line_repeated_on_the_new_side_is_boilerplate_too():
    old = Side([seg(HOLDER, "1")])
    new = Side([seg(SIX, "1(a)"), seg(SIX, "2(a)")])
    assert fanout.contained(old, new, common(old, new)) == set()


def test_a_side_without_clauses_has_no_links():
    one = Side([seg(SIX, "1")])
    none = Side([])
    assert fanout.contained(one, none, common(one, none)) == set()
    assert fanout.contained(none, one, common(none, one)) == set()


PART = ["pa", "pb", "pc", "pd", "pe", "pf"]


def test_a_passage_may_spread_over_twice_its_length_and_no_more():
    filler = [f"f{k}" for k in range(10)]
    assert fanout.passage(PART, PART[:3] + filler[:6] + PART[3:])  # 12 words: twice the part
    # 13 words: the first twelve still hold five of the six words, at least CONTAIN_MIN of them
    assert fanout.passage(PART, PART[:3] + filler[:7] + PART[3:])
    # 16 words: no stretch of twelve holds more than three of the six
    assert not fanout.passage(PART, PART[:3] + filler + PART[3:])


def gaps(old: list[str], new: list[str], pairs: dict[int, int], linked=frozenset()):
    sa = Side([seg(t, str(k + 1)) for k, t in enumerate(old)])
    sb = Side([seg(t, str(k + 1)) for k, t in enumerate(new)])
    return fanout.in_gaps(sa, sb, common(sa, sb), pairs, set(linked))


HOSTING_OLD = "Hosting providers must publish uptime reports every quarter online."
HOSTING_NEW = "Hosting providers shall publish detailed uptime reports monthly."


def test_each_gap_links_its_own_leftovers():
    old = [STEADY[0], LONE_OLD, STEADY[1], HOSTING_OLD, STEADY[2]]
    new = [STEADY[0], LONE_NEW, STEADY[1], HOSTING_NEW, STEADY[2]]
    assert gaps(old, new, {0: 0, 2: 2, 4: 4}) == {(1, 1), (3, 3)}


def test_a_clause_already_paired_is_not_a_leftover():
    # old 2 pairs with new 2; new 3, left over after it, shares words with old 2 but is not its place
    old = [STEADY[0], LONE_OLD, STEADY[1]]
    new = [STEADY[0], LONE_OLD, LONE_NEW, STEADY[1]]
    assert gaps(old, new, {0: 0, 1: 1, 2: 3}) == set()


def test_a_clause_already_linked_is_not_a_leftover_on_either_side():
    old = [STEADY[0], LONE_OLD, STEADY[1]]
    new = [STEADY[0], LONE_NEW, STEADY[1]]
    assert gaps(old, new, {0: 0, 2: 2}) == {(1, 1)}
    assert gaps(old, new, {0: 0, 2: 2}, linked={(1, 0)}) == set()
    assert gaps(old, new, {0: 0, 2: 2}, linked={(0, 1)}) == set()


def test_a_linked_clause_does_not_crowd_the_stretch():
    old = [STEADY[0], LONE_OLD, STEADY[1]]
    new = [STEADY[0], HOSTING_NEW, LONE_NEW, STEADY[1]]
    assert gaps(old, new, {0: 0, 2: 3}, linked={(0, 1)}) == {(1, 2)}


def test_leftovers_of_exactly_gap_words_words_link_by_place():
    old = [STEADY[0], "Kiwi mango papaya quince.", STEADY[1]]
    new = [STEADY[0], "Kiwi mango lychee durian.", STEADY[1]]
    assert gaps(old, new, {0: 0, 2: 2}) == {(1, 1)}
    # fewer words on either side: never by place
    assert gaps([STEADY[0], "Kiwi mango papaya.", STEADY[1]], new, {0: 0, 2: 2}) == set()
    assert gaps(old, [STEADY[0], "Kiwi mango lychee.", STEADY[1]], {0: 0, 2: 2}) == set()


def test_a_short_clause_does_not_crowd_the_stretch():
    old = [STEADY[0], LONE_OLD, STEADY[1]]
    new = [STEADY[0], LONE_NEW, "Notice.", STEADY[1]]
    assert gaps(old, new, {0: 0, 2: 3}) == {(1, 1)}


def test_a_crowded_stretch_does_not_hide_the_next_one():
    old = [STEADY[0], LONE_OLD, STEADY[4], STEADY[1], HOSTING_OLD, STEADY[2]]
    new = [STEADY[0], LONE_NEW, STEADY[1], HOSTING_NEW, STEADY[2]]
    assert gaps(old, new, {0: 0, 3: 2, 5: 4}) == {(4, 3)}


def test_two_leftovers_on_the_new_side_are_too_loose_to_read():
    old = [STEADY[0], LONE_OLD, STEADY[1], HOSTING_OLD, STEADY[2]]
    new = [STEADY[0], LONE_NEW, STEADY[4], STEADY[1], HOSTING_NEW, STEADY[2]]
    assert gaps(old, new, {0: 0, 2: 3, 4: 5}) == {(3, 4)}


def test_a_leftover_facing_none_does_not_hide_the_next_stretch():
    old = [STEADY[0], LONE_OLD, STEADY[1], HOSTING_OLD, STEADY[2]]
    new = [STEADY[0], STEADY[1], HOSTING_NEW, STEADY[2]]
    assert gaps(old, new, {0: 0, 2: 1, 4: 3}) == {(3, 2)}


def ten(shared: list[str], own: str) -> str:
    return " ".join(shared + [f"{own}{chr(97 + k)}" for k in range(10 - len(shared))]) + "."


def test_lone_leftovers_link_from_gap_min_of_their_words_on():
    common3 = ["harbour", "pilots", "board"]
    assert gaps(
        [STEADY[0], ten(common3, "old"), STEADY[1]], [STEADY[0], ten(common3, "new"), STEADY[1]], {0: 0, 2: 2}
    ) == {(1, 1)}  # 3 of 10: GAP_MIN exactly
    assert (
        gaps(
            [STEADY[0], ten(common3[:2], "old"), STEADY[1]],
            [STEADY[0], ten(common3[:2], "new"), STEADY[1]],
            {0: 0, 2: 2},
        )
        == set()
    )


PARENT = "Vendor ships spare parts overseas within thirty days upon written request."  # 10 words
LEAD = "Vendor duties are as follows:"


def item_links(item: str, *, folded: bool = False, linked=frozenset(), rival: str | None = None):
    """under_parent for ``item`` listed under LEAD, whose partner is PARENT; ``folded``: the item
    is on the old side and the new side folds it back into PARENT."""
    listed = [seg(STEADY[0], "1"), seg(LEAD, "2"), seg(item, "2(a)", parent=1), seg(STEADY[1], "3")]
    whole = [seg(STEADY[0], "1"), seg(PARENT, "2"), seg(STEADY[1], "3")]
    if rival is not None:
        whole.append(seg(rival, "4"))
    old, new = (listed, whole) if folded else (whole, listed)
    pairs = {0: 0, 1: 1, 3: 2} if folded else {0: 0, 1: 1, 2: 3}
    sa, sb = Side(old), Side(new)
    return fanout.under_parent(sa, sb, common(sa, sb), pairs, set(linked))


def test_an_item_folded_back_into_its_parents_partner_is_traced():
    assert item_links("Spare parts overseas within.", folded=True) == {(2, 1)}
    assert item_links("Spare parts overseas within.") == {(1, 2)}


def test_an_item_of_exactly_gap_words_words_is_traced_and_a_shorter_one_not():
    assert item_links("Spare parts overseas within.") == {(1, 2)}
    assert item_links("Spare parts overseas.") == set()


def test_an_item_is_traced_from_gap_min_of_its_words_on():
    assert item_links(ten(["spare", "parts", "overseas"], "item")) == {(1, 2)}  # 3 of 10
    assert item_links(ten(["spare", "parts"], "item")) == set()


def test_an_item_already_linked_is_not_traced_again():
    assert item_links("Spare parts overseas within.", linked={(0, 2)}) == set()
    assert item_links("Spare parts overseas within.", folded=True, linked={(2, 0)}) == set()


def test_an_item_whose_words_sit_as_much_in_another_clause_is_not_traced():
    assert (
        item_links("Spare parts overseas within.", rival="Dealer keeps spare parts overseas within stock.")
        == set()
    )
    # a rival holding fewer of its words does not stand in the way
    assert item_links("Spare parts overseas within.", rival="Dealer keeps spare parts in stock.") == {(1, 2)}
