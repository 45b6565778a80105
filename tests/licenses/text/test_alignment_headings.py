"""Heading clauses placed by where their children went (licenses.text.rescue.headings), pure.

Synthetic clauses of our own: a heading has too few words to score, so only its children say
what it corresponds to.
"""

from __future__ import annotations

from licenses.text.comparison import compare
from licenses.text.segmentation import Segment


def seg(text: str, path: str, depth: int = 0, parent: int | None = None, heading: str = "") -> Segment:
    label = path.rsplit(".", 1)[-1] if depth else path
    return Segment(label, path, path, heading, text, 0, len(text), depth, parent)


GRANT = "The licensor grants each recipient a worldwide royalty-free licence to copy the work."
NOTICE = "Every copy must keep the copyright notice and a copy of this licence in plain text."
SOURCE = "Whoever conveys object code must offer the corresponding source code for three years."


def old_side() -> list[Segment]:
    return [
        seg("Preliminary words about this licence and who it is for.", "0"),
        seg("Obligations", "3"),
        seg(GRANT, "3.1", 1, 1),
        seg(NOTICE, "3.2", 1, 1),
        seg("Warranty is disclaimed in full by every contributor to the work.", "4"),
    ]


def new_side(heading: str = "Responsibilities", number: str = "3", depth: int = 0) -> list[Segment]:
    return [
        seg("Preliminary words about this licence and who it is for.", "0"),
        seg(heading, number, depth, 0 if depth else None),
        seg(GRANT.replace("each recipient", "you"), f"{number}.1", depth + 1, 1),
        seg(NOTICE.replace("plain text", "any form"), f"{number}.2", depth + 1, 1),
        seg("Warranty is disclaimed in full by every contributor to the work.", "4"),
    ]


def pair_of(pairs, a_path: str):
    return next(p for p in pairs if p.a is not None and p.a.path == a_path)


def test_two_headings_left_alone_pair_when_their_children_paired_with_each_other():
    pairs = compare(old_side(), new_side())
    heading = pair_of(pairs, "3")
    assert heading.kind == "changed"
    assert heading.b is not None and heading.b.path == "3"


def test_a_heading_whose_children_went_under_another_number_stays_alone():
    pairs = compare(old_side(), new_side(number="7"))
    assert pair_of(pairs, "3").kind == "removed"
    assert pair_of(pairs, "3").also is None


def test_a_heading_at_another_depth_stays_alone():
    old = old_side()
    new = [
        seg("Preliminary words about this licence and who it is for.", "0"),
        seg("Part one", "1"),
        seg("Responsibilities", "1.3", 1, 1),
        seg(GRANT.replace("each recipient", "you"), "1.3.1", 2, 2),
        seg(NOTICE.replace("plain text", "any form"), "1.3.2", 2, 2),
        seg("Warranty is disclaimed in full by every contributor to the work.", "4"),
    ]
    assert pair_of(compare(old, new), "3").kind == "removed"


def test_a_new_heading_over_matter_of_one_old_section_says_where_it_was_drawn_from():
    # the old section 2 held the rule in one paragraph; the new section 2 is a heading over it
    old = [seg("Preliminary words about this licence and who it is for.", "1"), seg(SOURCE, "2")]
    new = [
        seg("Preliminary words about this licence and who it is for.", "1"),
        seg("Source", "2"),
        seg(SOURCE.replace("three", "five"), "2.1", 1, 1),
        seg("Entirely fresh matter: network users may also ask for it.", "2.2", 1, 1),
    ]
    pairs = compare(old, new)
    added = next(p for p in pairs if p.b is not None and p.b.path == "2")
    assert added.kind == "added"
    assert added.also is not None and added.also.path == "2"
    assert pair_of(pairs, "2").b.path == "2.1"


def test_children_that_disagree_place_no_heading():
    # one child of each heading stays under it, the other moved out to a section of its own
    old = old_side()[:4] + [seg(SOURCE, "5")]
    new = [
        seg("Preliminary words about this licence and who it is for.", "0"),
        seg("Responsibilities", "3"),
        seg(GRANT.replace("each recipient", "you"), "3.1", 1, 1),
        seg(SOURCE.replace("three", "five"), "3.2", 1, 1),
        seg(NOTICE.replace("plain text", "any form"), "5"),
    ]
    pairs = compare(old, new)
    assert pair_of(pairs, "3.2").b.path == "5"  # the children did pair
    assert pair_of(pairs, "3").kind == "removed"


def test_clauses_with_words_of_their_own_are_not_headings():
    old, new = old_side(), new_side()
    old[1] = seg("Obligations of every recipient who conveys copies to other parties", "3")
    new[1] = seg("Duties that bind each person passing the program along to anyone", "3")
    assert pair_of(compare(old, new), "3").kind == "removed"
