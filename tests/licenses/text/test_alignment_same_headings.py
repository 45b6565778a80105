"""The one clause of each side under one heading links (licenses.text.same_headings). Pure, on synthetic texts of our own.

The new text renumbers a section and rewrites the bodies of its clauses while keeping their
run-in headings: "Keeping of Seed Records." moves from 4.2 to 4.1, in other words.
"""

from __future__ import annotations

from licenses.text.assembly import Segment
from licenses.text.matching import Side
from licenses.text.same_headings import heading_links


def segs(rows) -> list[Segment]:
    """Segments from rows of (path, heading, body); flat, the heading run in before the body."""
    out = []
    for p, heading, body in rows:
        text = f"{heading} {body}".strip()
        out.append(Segment(f"{p}.", p, p, heading, text, 0, len(text), 0, None))
    return out


OLD = [
    ("4.1", "Sharing of Cuttings.", "Each grower may hand cuttings to neighbours at no charge."),
    ("4.2", "Keeping of Seed Records.", "A grower keeps a ledger of every packet sown, dated."),
    ("4.3", "Compost.", "Compost heaps stay two metres from any well."),
]
NEW = [
    ("4.1", "Keeping of Seed Records.", "Every sowing is noted in a register open to inspection."),
    ("4.2", "Sharing of Cuttings.", "Each grower may hand cuttings to neighbours at no charge."),
    ("4.3", "Compost.", "Heaps of compost are kept away from wells and streams."),
]


def test_a_clause_in_no_link_follows_its_heading():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = {(0, 1)}  # the cuttings clause kept its words
    assert heading_links(sa, sb, kept) == {(1, 0)}


def test_a_heading_links_even_when_one_side_went_elsewhere():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert heading_links(sa, sb, {(0, 1), (2, 0)}) == {(1, 0)}  # the old records clause is in no link


def test_two_clauses_placed_elsewhere_are_not_linked_by_their_heading():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert heading_links(sa, sb, {(0, 1), (1, 2), (2, 0)}) == set()


def test_near_misses_a_one_word_heading_a_repeated_heading_and_a_different_one():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    # "Compost." has one content word: the topic rules read such headings, not this one
    assert (2, 2) not in heading_links(sa, sb, {(0, 1)})
    twice = [*NEW, ("5.1", "Keeping of Seed Records.", "Copies of the register go to the guild.")]
    assert heading_links(sa, Side(segs(twice)), {(0, 1)}) == set()
    renamed = [("4.1", "Keeping of Plant Records.", NEW[0][2]), NEW[1], NEW[2]]
    assert heading_links(sa, Side(segs(renamed)), {(0, 1)}) == set()


def test_compare_shows_the_heading_link_beside_the_pairs():
    """The new records clause took the old cuttings clause's words; the old records clause follows its heading."""
    from licenses.text.comparison import compare

    cuttings = "Each grower may hand cuttings to neighbours at no charge and must label every cutting with its variety"
    old = [
        ("4.1", "Sharing of Cuttings.", cuttings + "."),
        ("4.2", "Keeping of Seed Records.", "A grower keeps a ledger of every packet sown, dated."),
        ("5", "Fences and Hedges.", "Hedges are trimmed by the first of June every year."),
    ]
    new = [
        ("4.1", "Keeping of Seed Records.", cuttings + ", and notes each one in the register."),
        ("5", "Fences and Hedges.", "Hedges are trimmed by the first of June every year."),
    ]
    pairs = compare(segs(old), segs(new))
    paired = {(p.a.path, p.b.path) for p in pairs if p.a is not None and p.b is not None}
    assert ("4.1", "4.1") in paired
    shown = {
        (x.path, y.path)
        for p in pairs
        for x in (*p.a_segments, *p.more_from)
        for y in (*p.b_segments, *p.more_into)
    }
    assert ("4.2", "4.1") in shown
