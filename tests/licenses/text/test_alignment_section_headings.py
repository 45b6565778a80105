"""A section heading goes where its section went (licenses.text.section_headings). Pure, on synthetic texts of our own.

The new text renames and renumbers a section of a garden charter: "5. Sharing of Cuttings and
Seeds" becomes "3. Passing Plants On"; the clauses under it keep their matter.
"""

from __future__ import annotations

from licenses.text.assembly import Segment
from licenses.text.matching import Side
from licenses.text.section_headings import section_links


def segs(rows) -> list[Segment]:
    """Segments from rows of (path, parent path, heading, text); a heading alone has text == heading."""
    where = {p: k for k, (p, _, _, _) in enumerate(rows)}
    out = []
    for p, parent, heading, text in rows:
        up = None if parent is None else where[parent]
        out.append(Segment(f"{p}.", p, p, heading, text, 0, len(text), 0 if up is None else 1, up))
    return out


OLD = [
    ("4", None, "", "Members pay their dues each spring."),
    ("5", None, "Sharing of Cuttings and Seeds", "Sharing of Cuttings and Seeds"),
    ("5.1", "5", "", "Each grower may hand cuttings to neighbours at no charge."),
    ("5.2", "5", "", "Seeds saved from the common beds are shared by lot."),
    ("5.3", "5", "", "Rare bulbs are lent, never given."),
]
NEW = [
    ("2", None, "", "Members pay their dues each spring."),
    ("3", None, "Passing Plants On", "Passing Plants On"),
    ("3.1", "3", "", "A grower may give cuttings to any neighbour for free."),
    ("3.2", "3", "", "Seed from the shared beds is divided by drawing lots."),
]


def at(rows, path: str) -> int:
    return [r[0] for r in rows].index(path)


def link(*pairs: tuple[str, str]) -> set[tuple[int, int]]:
    return {(at(OLD, x), at(NEW, y)) for x, y in pairs}


def test_a_heading_follows_the_links_of_its_section():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = link(("4", "2"), ("5.1", "3.1"), ("5.2", "3.2"))
    assert section_links(sa, sb, kept) == link(("5", "3"))


def test_a_heading_linked_into_its_new_section_still_links_to_its_heading():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = link(("4", "2"), ("5.1", "3.1"), ("5.2", "3.2"), ("5", "3.1"))
    assert section_links(sa, sb, kept) == link(("5", "3"))


def test_one_link_or_a_split_vote_is_not_enough():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert section_links(sa, sb, link(("4", "2"), ("5.1", "3.1"))) == set()
    # half the links of each section join the other, half go elsewhere: no majority of 2/3
    assert section_links(sa, sb, link(("5.1", "3.1"), ("5.2", "2"), ("4", "3.2"))) == set()


def test_a_heading_already_linked_elsewhere_or_with_a_body_is_left_alone():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    # the new heading has a link of its own already
    kept = link(("5.1", "3.1"), ("5.2", "3.2"), ("4", "3"))
    assert section_links(sa, sb, kept) == set()
    # sections opening with a body of their own are placed by their words, not here
    old, new = [*OLD], [*NEW]
    old[1] = ("5", None, "Sharing of Cuttings and Seeds", "Sharing of Cuttings and Seeds. Growers share.")
    new[1] = ("3", None, "Passing Plants On", "Passing Plants On. Plants go round.")
    assert section_links(Side(segs(old)), Side(segs(new)), link(("5.1", "3.1"), ("5.2", "3.2"))) == set()
    # a heading alone whose section went under a section with a body: the two still link
    assert section_links(Side(segs(old)), sb, link(("5.1", "3.1"), ("5.2", "3.2"))) == link(("5", "3"))
