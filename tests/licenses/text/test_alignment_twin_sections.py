"""A clause goes where its twin went when its items went there (licenses.text.twin_sections). Pure, synthetic.

The old text of a seed library's rules gives the founder and each member a lending right,
each with a limit ("no right is granted ..."); the new text merges the two rights into one and
the two limits into one section, "Limits", with items of its own.
"""

from __future__ import annotations

from licenses.text.assembly import Segment
from licenses.text.matching import Side
from licenses.text.twin_sections import twin_sections


def segs(rows) -> list[Segment]:
    """Segments from rows of (path, label, parent path, text)."""
    where = {p: k for k, (p, _, _, _) in enumerate(rows)}
    out = []
    for p, label, parent, text in rows:
        up = None if parent is None else where[parent]
        depth = 0 if up is None else out[up].depth + 1
        out.append(Segment(label, p, p, "", text, 0, len(text), depth, up))
    return out


FOUNDER_LIMIT = (
    "No lending right is granted by the Founder for seeds the borrower discards, or for harm caused "
    "by crossing the seeds with other plants."
)
MEMBER_LIMIT = (
    "No lending right is granted by a Member for seeds that Member discarded, for harm caused by "
    "crossing its seeds with other plants, or for seeds the Member never saved."
)
OLD = [
    ("1", "1.", None, "The Founder lends the seeds of the library to every borrower."),
    ("1(a)", "(a)", "1", "to sow the seeds in any garden;"),
    ("1(d)", "(d)", "1", FOUNDER_LIMIT),
    ("2", "2.", None, "Each Member lends the seeds it saved to every borrower."),
    ("2(a)", "(a)", "2", "to sow the seeds in any garden or field;"),
    ("2(d)", "(d)", "2", MEMBER_LIMIT),
]
NEW = [
    ("1", "1.", None, "Each Member lends the seeds it saved to every borrower."),
    ("1(a)", "(a)", "1", "to sow the seeds in any garden or field;"),
    ("2", "2.", None, "Limits. No lending right is granted by a Member:"),
    ("2(a)", "(a)", "2", "for seeds that a Member discarded;"),
    ("2(b)", "(b)", "2", "for harm caused by crossing its seeds with other plants;"),
]


def at(rows, path: str) -> int:
    return [r[0] for r in rows].index(path)


def link(*pairs: tuple[str, str]) -> set[tuple[int, int]]:
    return {(at(OLD, x), at(NEW, y)) for x, y in pairs}


MERGED = link(("1", "1"), ("2", "1"), ("1(a)", "1(a)"), ("2(a)", "1(a)"), ("1(d)", "2"))


def test_a_clause_whose_items_went_under_its_twins_section_links_with_that_section():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = MERGED | link(("2(d)", "2(a)"), ("2(d)", "2(b)"))
    assert twin_sections(sa, sb, kept) == link(("2(d)", "2"))


def test_the_same_reading_from_the_new_side():
    sa, sb = Side(segs(NEW)), Side(segs(OLD))
    kept = {(j, i) for i, j in MERGED | link(("2(d)", "2(a)"), ("2(d)", "2(b)"))}
    assert twin_sections(sa, sb, kept) == {(at(NEW, "2"), at(OLD, "2(d)"))}


def test_without_a_link_into_the_section_s_items_nothing_follows():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert twin_sections(sa, sb, MERGED) == set()


def test_parents_not_merged_make_no_twins():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = MERGED - link(("2", "1")) | link(("2(d)", "2(a)"))
    assert twin_sections(sa, sb, kept) == set()


def test_clauses_that_read_differently_are_not_twins():
    old = [
        r if r[0] != "2(d)" else (r[0], r[1], r[2], "Members keep a register of harvests by hand.")
        for r in OLD
    ]
    sa, sb = Side(segs(old)), Side(segs(NEW))
    kept = MERGED | link(("2(d)", "2(a)"))
    assert twin_sections(sa, sb, kept) == set()
