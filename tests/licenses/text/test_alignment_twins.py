"""Secondary links for parallel twins and for lead-ins of linked items (licenses.text.fanout).

Synthetic clauses of our own wording. ``twins``: two parallel clauses of one version merged
into one clause of the other; ``over_item``: a lead-in whose item is linked lends words to
the item's partner. Each rule is checked with the guard that keeps it from firing on
look-alikes.
"""

from __future__ import annotations

from licenses.text import fanout
from licenses.text.comparison import compare
from licenses.text.matching import Side, common, threshold
from licenses.text.segmentation import Segment


def seg(text: str, path: str, label: str, parent: int | None = None, depth: int = 0) -> Segment:
    return Segment(
        label, path, path.replace("(", ".").replace(")", ""), "", text, 0, len(text), depth, parent
    )


FIRST_GRANT = (
    "The Original Author grants every recipient a worldwide royalty free non exclusive licence to use, "
    "copy, adapt, exhibit and share the Original Work under its copyright."
)
SECOND_GRANT = (
    "Every Helper grants every recipient a worldwide royalty free non exclusive licence to use, "
    "copy, adapt, exhibit and share its Helper Additions under its copyright."
)
MERGED_GRANT = (
    "Each Helper grants every recipient a worldwide royalty free non exclusive licence to use, copy, "
    "adapt, exhibit and share its Additions, alone or in a Larger Program, under its copyright."
)
OPENING = "Scope of these terms for recipients of the gardening toolkit and its manuals."
CLOSING = "Final words about governing law chosen by the stewards of the gardening toolkit."


def _old(
    first: str = FIRST_GRANT, second: str = SECOND_GRANT, second_parent: int | None = 1
) -> list[Segment]:
    return [
        seg(OPENING, "1", "1."),
        seg("Grants of rights.", "2", "2."),
        seg(first, "2.1", "2.1", parent=1, depth=1),
        seg(second, "2.2", "2.2", parent=second_parent, depth=1),
        seg(CLOSING, "3", "3."),
    ]


def _new() -> list[Segment]:
    return [
        seg(OPENING, "1", "1."),
        seg("Grants of rights.", "2", "2."),
        seg(MERGED_GRANT, "2.1", "2.1", parent=1, depth=1),
        seg(CLOSING, "3", "3."),
    ]


def test_twins_a_parallel_clause_left_alone_links_where_its_twin_went():
    sa, sb = Side(_old()), Side(_new())
    com = common(sa, sb)
    linked = {(0, 0), (1, 1), (3, 2), (4, 3)}  # the second grant pairs with the merged one
    assert fanout.twins(sa, sb, com, linked) == {(2, 2)}
    # through the whole comparison: both old grants are shown with the merged clause (here
    # the first one's words are close enough for a "went into" note of its own)
    out = compare(_old(), _new())
    shown = set()
    for p in out:
        also = (p.also,) if p.also is not None and p.kind == "removed" else ()
        for x in p.a_segments:
            shown |= {(x.path, y.path) for y in (*p.b_segments, *p.more_into, *also)}
        for y in p.b_segments:
            shown |= {(x.path, y.path) for x in p.more_from}
    assert {("2.1", "2.1"), ("2.2", "2.1")} <= shown


def test_twins_need_a_parallel_place():
    # the same wording, but the second grant stands at the top level: not a twin of the first
    old = _old(second_parent=None)
    old[3] = seg(SECOND_GRANT, "2.2", "2.2", parent=None, depth=0)
    sa, sb = Side(old), Side(_new())
    assert fanout.twins(sa, sb, common(sa, sb), {(0, 0), (1, 1), (3, 2), (4, 3)}) == set()


def test_twins_need_clauses_that_read_alike():
    # a parallel clause of other wording is no twin, though its best match clears the threshold
    other = (
        "The Original Author grants every recipient the licence for the Original Work, "
        "with warranties disclaimed, in sealed envelopes by post."
    )
    sa, sb = Side(_old(first=other)), Side(_new())
    com = common(sa, sb)
    assert not fanout._twin(sa, 2, 3)
    assert fanout.twins(sa, sb, com, {(0, 0), (1, 1), (3, 2), (4, 3)}) == set()


def test_twins_need_the_pairing_threshold():
    # a parallel twin whose words do not clear the threshold against the merged clause
    sa, sb = Side(_old()), Side(_new())
    com = common(sa, sb)
    total = len(sa.words[2]) + len(sb.words[2])
    least = threshold(min(len(sa.words[2]), len(sb.words[2])))
    weak = com.copy()
    weak[2, 2] = int(least * total / 2)  # just under the threshold, still the best match
    assert 2 * weak[2, 2] / total < least and weak[2].argmax() == 2
    assert fanout.twins(sa, sb, weak, {(0, 0), (1, 1), (3, 2), (4, 3)}) == set()
    weak[2, 2] += 1
    assert fanout.twins(sa, sb, weak, {(0, 0), (1, 1), (3, 2), (4, 3)}) == {(2, 2)}


def test_twins_need_the_best_match_to_be_linked():
    sa, sb = Side(_old()), Side(_new())
    assert fanout.twins(sa, sb, common(sa, sb), {(0, 0), (1, 1), (4, 3)}) == set()


def test_twins_work_from_the_new_side_too():
    # one old clause split into two parallel new ones: the new twin left alone links back
    sa, sb = Side(_new()), Side(_old())  # the merged clause is now the old one
    got = fanout.twins(sa, sb, common(sa, sb), {(0, 0), (1, 1), (2, 3), (3, 4)})
    assert got == {(2, 2)}


LEAD_OLD = (
    "Whoever conveys the gardening toolkit in compiled form shall also hand over the matching "
    "source files, through a durable medium customarily used for exchanging programs."
)
LEAD_NEW = "Whoever conveys the gardening toolkit in compiled form shall meet one of these terms:"
ITEM_NEW = "hand over the matching source files on a durable medium customarily used for exchanging programs;"
OTHER_ITEM = "publish an offer, valid for three years, to supply the files for shipping costs only."


def _lead_new() -> list[Segment]:
    return [
        seg(OPENING, "1", "1."),
        seg(LEAD_NEW, "2", "2."),
        seg(ITEM_NEW, "2(a)", "(a)", parent=1, depth=1),
        seg(OTHER_ITEM, "2(b)", "(b)", parent=1, depth=1),
        seg(CLOSING, "3", "3."),
    ]


def test_over_item_a_lead_in_links_with_its_items_partner():
    old = [seg(OPENING, "1", "1."), seg(LEAD_OLD, "2", "2."), seg(CLOSING, "2", "3.")]
    sa, sb = Side(old), Side(_lead_new())
    com = common(sa, sb)
    linked = {(0, 0), (1, 2), (2, 4)}  # the old clause pairs with the new item
    assert fanout.over_item(sa, sb, com, linked) == {(1, 1)}
    # a lead-in whose items are in no link is not traced
    assert fanout.over_item(sa, sb, com, {(0, 0), (2, 4)}) == set()
    # a lead-in already in a link is left as it is
    assert fanout.over_item(sa, sb, com, linked | {(0, 1)}) == set()


def test_over_item_not_when_another_clause_holds_the_lead_in_as_well():
    old = [
        seg(OPENING, "1", "1."),
        seg(LEAD_OLD, "2", "2."),
        seg("Whoever conveys the gardening toolkit in compiled form shall keep its notices.", "3", "3."),
        seg(CLOSING, "4", "4."),
    ]
    sa, sb = Side(old), Side(_lead_new())
    assert fanout.over_item(sa, sb, common(sa, sb), {(0, 0), (1, 2), (3, 4)}) == set()


def test_over_item_needs_a_fair_share_of_the_lead_in():
    old = [seg(OPENING, "1", "1."), seg(ITEM_NEW, "2", "2."), seg(CLOSING, "3", "3.")]
    sa, sb = Side(old), Side(_lead_new())
    com = common(sa, sb)
    assert com[1, 1] / len(sb.words[1]) < fanout.GAP_MIN
    assert fanout.over_item(sa, sb, com, {(0, 0), (1, 2), (2, 4)}) == set()


def test_over_item_takes_words_scattered_through_a_long_clause():
    # the linked item is the sign of place: a lead-in's words may come from all over the clause
    filler = " ".join(f"weather{k} report{k} rainfall{k}" for k in range(12))
    scattered = (
        f"Whoever {filler} conveys {filler} gardening toolkit {filler} compiled form {filler} "
        "hand over the matching source files on a durable medium customarily used for exchanging programs."
    )
    old = [seg(OPENING, "1", "1."), seg(scattered, "2", "2."), seg(CLOSING, "3", "3.")]
    sa, sb = Side(old), Side(_lead_new())
    com = common(sa, sb)
    assert not fanout.passage(sb.words[1], sa.words[1])
    assert fanout.over_item(sa, sb, com, {(0, 0), (1, 2), (2, 4)}) == {(1, 1)}


def test_over_item_not_when_another_clause_holds_as_large_a_share():
    old = [
        seg(OPENING, "1", "1."),
        seg(LEAD_OLD, "2", "2."),
        seg(LEAD_NEW, "3", "3."),
        seg(CLOSING, "4", "4."),
    ]
    sa, sb = Side(old), Side(_lead_new())
    com = common(sa, sb)
    assert com[2, 1] >= com[1, 1]
    assert fanout.over_item(sa, sb, com, {(0, 0), (1, 2), (3, 4)}) == set()


def test_over_item_the_partner_whose_own_item_went_to_a_sibling_needs_no_margin():
    # the old lead-in went to the new first item, its own item to the second: the old list is
    # the new one, so the old lead-in also went into the new lead-in, though another old clause
    # holds as many of its words
    old = [
        seg(OPENING, "1", "1."),
        seg(LEAD_OLD, "2", "2."),
        seg("publish an offer to supply the files for three years.", "2(a)", "(a)", parent=1, depth=1),
        seg(LEAD_NEW, "3", "3."),
        seg(CLOSING, "4", "4."),
    ]
    sa, sb = Side(old), Side(_lead_new())
    com = common(sa, sb)
    assert com[3, 1] >= com[1, 1] and com[1, 1] / len(sb.words[1]) >= fanout.GAP_MIN
    linked = {(0, 0), (1, 2), (2, 3), (4, 4)}
    assert fanout.over_item(sa, sb, com, linked) == {(1, 1)}
    # without the old item's link (or with it gone to a clause outside the list) the margin is needed
    assert fanout.over_item(sa, sb, com, {(0, 0), (1, 2), (4, 4)}) == set()
    assert fanout.over_item(sa, sb, com, {(0, 0), (1, 2), (2, 0), (4, 4)}) == set()


# --- by_items: a lead-in placed by where its items went -----------------------------------------

MODIFIED_OLD = "You may spread the gardening toolkit in altered form, provided you do at least one of these:"
MODIFIED_NEW = "You may spread altered versions of the gardening toolkit, provided you do one of these:"
PLACE_OLD = "place your alterations in the public domain or otherwise make them freely available;"
PLACE_NEW = "place your alterations in the public domain or make them freely available to everyone;"
RENAME_OLD = "rename every binary that differs from the standard release and document the difference;"
RENAME_NEW = "give every binary that differs from the standard release a new name and document it;"


def _items(
    lead: str, place: str, rename: str, opening: str = OPENING, closing: str = CLOSING
) -> list[Segment]:
    return [
        seg(opening, "1", "1."),
        seg(lead, "2", "2."),
        seg(place, "2(a)", "(a)", parent=1, depth=1),
        seg(rename, "2(b)", "(b)", parent=1, depth=1),
        seg(closing, "3", "3."),
    ]


def test_by_items_a_lead_in_goes_where_its_items_went():
    sa = Side(_items(MODIFIED_OLD, PLACE_OLD, RENAME_OLD))
    sb = Side(_items(MODIFIED_NEW, PLACE_NEW, RENAME_NEW))
    com = common(sa, sb)
    linked = {(0, 0), (2, 2), (3, 3), (4, 4)}  # the items pair, the lead-ins are alone
    assert fanout.by_items(sa, sb, com, linked) == {(1, 1)}
    # either lead-in alone is placed so (each side reads its own children) ...
    assert fanout.by_items(sa, sb, com, linked | {(1, 0)}) == {(1, 1)}
    assert fanout.by_items(sa, sb, com, linked | {(0, 1)}) == {(1, 1)}
    # ... and lead-ins both in a link already are left as they are
    assert fanout.by_items(sa, sb, com, linked | {(1, 0), (0, 1)}) == set()


def test_by_items_needs_every_linked_item_under_one_clause():
    sa = Side(_items(MODIFIED_OLD, PLACE_OLD, RENAME_OLD))
    sb = Side(_items(MODIFIED_NEW, PLACE_NEW, RENAME_NEW))
    com = common(sa, sb)
    # one item on each side went to a top-level clause: no single clause holds them all
    assert fanout.by_items(sa, sb, com, {(0, 0), (2, 2), (3, 4), (4, 3)}) == set()
    # no item linked at all
    assert fanout.by_items(sa, sb, com, {(0, 0), (4, 4)}) == set()
    # the items went to a top-level clause, which stands under no clause
    assert fanout.by_items(sa, sb, com, {(2, 0), (3, 0), (4, 4)}) == set()


def test_by_items_needs_the_lead_ins_words():
    # the new lead-in shares one word with the old one, and no clause shares more
    preface, epilogue = (
        "Preface about weather stations on distant islands.",
        "Epilogue on lighthouse logbooks.",
    )
    sa = Side(_items(MODIFIED_OLD, PLACE_OLD, RENAME_OLD, preface, epilogue))
    new_lead = "Pigeons carry altered messages to anglers each dawn:"
    sb = Side(_items(new_lead, PLACE_NEW, RENAME_NEW, preface, epilogue))
    com = common(sa, sb)
    assert 0 < com[1, 1] / len(sa.words[1]) < fanout.GAP_MIN and int((com[1] >= com[1, 1]).sum()) == 1
    assert 0 < com[1, 1] / len(sb.words[1]) < fanout.GAP_MIN and int((com[:, 1] >= com[1, 1]).sum()) == 1
    assert fanout.by_items(sa, sb, com, {(0, 0), (2, 2), (3, 3), (4, 4)}) == set()


def test_by_items_not_when_another_clause_holds_as_large_a_share():
    old = _items(MODIFIED_OLD, PLACE_OLD, RENAME_OLD)
    new = _items(MODIFIED_NEW, PLACE_NEW, RENAME_NEW)
    # each lead-in word for word elsewhere on the other side
    old.append(seg(MODIFIED_NEW, "4", "4."))
    new.append(seg(MODIFIED_OLD, "4", "4."))
    sa, sb = Side(old), Side(new)
    assert fanout.by_items(sa, sb, common(sa, sb), {(0, 0), (2, 2), (3, 3), (4, 4)}) == set()


def _short(lead_old: str, lead_new: str) -> tuple[Side, Side]:
    """A short old lead-in over two items; the new list puts a longer lead-in over the same items."""
    return Side(_items(lead_old, PLACE_OLD, RENAME_OLD)), Side(_items(lead_new, PLACE_NEW, RENAME_NEW))


def test_by_items_a_lead_in_too_short_to_read_goes_where_its_items_went_one_to_one():
    sa, sb = _short("its toolkit:", MODIFIED_NEW)
    assert len(sa.words[1]) < fanout.GAP_WORDS
    linked = {(0, 0), (2, 2), (3, 3), (4, 4)}
    assert fanout.by_items(sa, sb, common(sa, sb), linked) == {(1, 1)}
    # the new lead-in must hold every word of the short one
    sa, sb = _short("its manuals:", MODIFIED_NEW)
    assert fanout.by_items(sa, sb, common(sa, sb), linked) == set()


def test_by_items_a_short_lead_in_needs_two_items_each_to_its_own_item():
    sa, sb = _short("its toolkit:", MODIFIED_NEW)
    com = common(sa, sb)
    # one item linked: too little to place a lead-in without words
    assert fanout.by_items(sa, sb, com, {(0, 0), (2, 2), (4, 4)}) == set()
    # both items went into one new item: a merge, not the list kept
    assert fanout.by_items(sa, sb, com, {(0, 0), (2, 2), (3, 2), (4, 4)}) == set()


# --- among_siblings: an item contained in the clause its sibling is linked with -------------

ITEM_A = "publish the complete source files of the gardening toolkit beside every compiled copy;"
ITEM_B = "keep intact every notice of authorship that the toolkit carries;"
ITEM_C = "offer recipients written instructions for rebuilding and installing the toolkit from source."
BIG = (
    "Whoever conveys compiled copies shall publish the complete source files of the gardening toolkit "
    "beside every compiled copy, and shall offer recipients written instructions for rebuilding and "
    "installing the toolkit from source."
)
RIVAL = "Mirrors may publish the complete source files of the gardening toolkit beside every copy on request."


def _list_new() -> list[Segment]:
    return [
        seg(OPENING, "1", "1."),
        seg("Conveying compiled copies.", "2", "2."),
        seg(ITEM_A, "2(a)", "(a)", parent=1, depth=1),
        seg(ITEM_B, "2(b)", "(b)", parent=1, depth=1),
        seg(ITEM_C, "2(c)", "(c)", parent=1, depth=1),
        seg(CLOSING, "3", "3."),
    ]


def _list_old(rival: str = RIVAL, big: str = BIG) -> list[Segment]:
    return [seg(OPENING, "1", "1."), seg(big, "2", "2."), seg(rival, "3", "3."), seg(CLOSING, "4", "4.")]


def test_among_siblings_an_item_goes_where_its_sibling_went():
    sa, sb = Side(_list_old()), Side(_list_new())
    com = common(sa, sb)
    share = com[:, 2] / len(sb.words[2])
    assert share[1] >= fanout.CONTAIN_MIN and share[1] > share[2]
    assert fanout._best(share) is None  # the rival is too close for containment alone
    linked = {(0, 0), (1, 4), (3, 5)}  # the old clause pairs with item (c)
    assert fanout.among_siblings(sa, sb, com, linked) == {(1, 2)}
    # no sibling linked with it, or the item in a link already: nothing
    assert fanout.among_siblings(sa, sb, com, {(0, 0), (3, 5)}) == set()
    assert fanout.among_siblings(sa, sb, com, linked | {(2, 2)}) == set()


def test_among_siblings_needs_most_of_the_item():
    sa, sb = (
        Side(_list_old(big=BIG.replace("the complete source files of the gardening toolkit", "it"))),
        Side(_list_new()),
    )
    com = common(sa, sb)
    assert com[1, 2] / len(sb.words[2]) < fanout.CONTAIN_MIN
    assert fanout.among_siblings(sa, sb, com, {(0, 0), (1, 4), (3, 5)}) == set()


def test_among_siblings_not_when_another_clause_holds_as_much():
    sa, sb = Side(_list_old(rival=ITEM_A)), Side(_list_new())
    com = common(sa, sb)
    assert com[2, 2] >= com[1, 2]
    assert fanout.among_siblings(sa, sb, com, {(0, 0), (1, 4), (3, 5)}) == set()


def test_among_siblings_not_for_top_level_clauses():
    # the same clauses without a list: top-level neighbours are not siblings of one list
    flat = [seg(s.text, s.path, s.label) for s in _list_new()]
    sa, sb = Side(_list_old()), Side(flat)
    assert fanout.among_siblings(sa, sb, common(sa, sb), {(0, 0), (1, 4), (3, 5)}) == set()


def test_among_siblings_not_for_short_items():
    new = _list_new()
    new[2] = seg("publish source beside compiled copy;", "2(a)", "(a)", parent=1, depth=1)
    sa, sb = Side(_list_old()), Side(new)
    com = common(sa, sb)
    assert len(sb.words[2]) < fanout.CONTAIN_WORDS and int((com[:, 2] >= com[1, 2]).sum()) == 1
    assert fanout.among_siblings(sa, sb, common(sa, sb), {(0, 0), (1, 4), (3, 5)}) == set()
