"""A clause in no link and the clause it shares most rare phrases with (licenses.text.shared_phrases). Pure, synthetic.

The old text's long opening clause also told growers how to label their plots; the new text
gives that advice a section of its own, while its opening pairs with the old opening.
"""

from __future__ import annotations

from licenses.text.matching import Side
from licenses.text.rescue import Evidence
from licenses.text.shared_phrases import phrase_links
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

OPENING = (
    "These rules govern the allotments on Mill Lane and bind every member of the garden society. "
    "To label a plot, paint the holder's surname in white letters on the north post. "
    "Write the year of first planting under the surname in smaller figures. "
    "A plot without a painted post may be reassigned after the spring meeting of the society."
)
OLD = [("0", None, OPENING), ("1", None, "Water from the shared butts is for hand cans only.")]
NEW = [
    ("0", None, "These rules govern the allotments on Mill Lane and every member of the society."),
    (
        "2",
        None,
        "Labels. Paint the holder's surname in white letters on the north post, and write the year of "
        "first planting under the surname in smaller figures; a plot without a painted post may be "
        "given to another member.",
    ),
    ("1", None, "Water from the shared butts is for hand cans only."),
]


def kept():
    return {(at(OLD, "0"), at(NEW, "0")), (at(OLD, "1"), at(NEW, "1"))}


def test_a_piece_in_no_link_follows_the_clause_it_shares_three_phrases_with():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    ev = Evidence(sa, sb)
    assert ev.phrases[(at(OLD, "0"), at(NEW, "2"))] >= 3
    assert phrase_links(sa, sb, ev, kept()) == {(at(OLD, "0"), at(NEW, "2"))}


def test_near_miss_two_phrases_are_not_enough():
    piece = "Labels. Paint the holder's surname in white letters on each post; plots are numbered too."
    new = [NEW[0], ("2", None, piece), NEW[2]]
    sa, sb = Side(segs(OLD)), Side(segs(new))
    ev = Evidence(sa, sb)
    assert 0 < ev.phrases[(at(OLD, "0"), at(new, "2"))] < 3
    assert phrase_links(sa, sb, ev, kept()) == set()


def test_phrases_two_clauses_of_a_side_hold_are_no_sign():
    old = [*OLD, ("9", None, OPENING.replace("These rules govern", "Those old rules governed"))]
    sa, sb = Side(segs(old)), Side(segs(NEW))
    ev = Evidence(sa, sb)
    assert ev.phrases.get((at(old, "0"), at(NEW, "2")), 0) == 0
    assert phrase_links(sa, sb, ev, kept()) == set()


def test_a_tie_links_neither_clause():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    ev = Evidence(sa, sb)
    i, j = at(OLD, "0"), at(NEW, "2")
    ev.phrases[(at(OLD, "1"), j)] = ev.phrases[(i, j)]
    assert phrase_links(sa, sb, ev, kept()) == set()


def test_compare_shows_the_phrase_links_beside_the_pairs(monkeypatch):
    """compare() asks for the phrase links last, with the links shown so far, and shows what they add."""
    from licenses.text import comparison

    seen = {}

    def fake(sa, sb, ev, linked):
        seen["linked"] = set(linked)
        return {(at(OLD, "1"), at(NEW, "2"))}

    monkeypatch.setattr(comparison, "phrase_links", fake)
    pairs = comparison.compare(segs(OLD), segs(NEW))
    shown = {
        (x.path, y.path)
        for p in pairs
        for x in (*p.a_segments, *p.more_from)
        for y in (*p.b_segments, *p.more_into)
    }
    assert ("1", "2") in shown
    assert (at(OLD, "1"), at(NEW, "1")) in seen["linked"]
