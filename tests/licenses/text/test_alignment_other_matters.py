"""A linked clause of several legal matters and the one clause in no link that deals with another of them
(licenses.text.other_matters). Pure, on synthetic texts of our own.

The old charter of a tool library ends on one paragraph that disclaims warranties and limits
liability; the new one gives each matter a clause of its own and rewrites the disclaimer.
"""

from __future__ import annotations

from licenses.text.matching import Side
from licenses.text.other_matters import matter_links
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

OLD = [
    ("1", None, "Members may borrow any tool of the library for up to two weeks at a time."),
    (
        "2",
        None,
        "The tools are lent as is, without warranty of any kind, and the library makes no promise "
        "that they suit any task. In no event shall the library or its volunteers be liable for any "
        "injury, loss or damage arising from the use of a borrowed tool.",
    ),
]
NEW = [
    ("1", None, "Members may borrow any tool of the library for up to two weeks at a time."),
    (
        "2",
        None,
        "No warranty. Every tool leaves the shelf as is; the library promises nothing about its state "
        "or its fitness for a particular purpose, and members inspect each tool before they use it.",
    ),
    (
        "3",
        None,
        "Limitation of liability. In no event shall the library or its volunteers be liable for any "
        "injury, loss or damage arising from the use of a borrowed tool.",
    ),
]


def test_the_other_matter_of_a_linked_clause_links_to_the_clause_in_no_link_that_deals_with_it():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = {(at(OLD, "1"), at(NEW, "1")), (at(OLD, "2"), at(NEW, "3"))}  # paired by the liability words
    assert matter_links(sa, sb, kept) == {(at(OLD, "2"), at(NEW, "2"))}


def test_nothing_links_when_the_clause_is_taken_or_the_partner_deals_with_the_matter_too():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = {(at(OLD, "1"), at(NEW, "1")), (at(OLD, "2"), at(NEW, "3")), (at(OLD, "1"), at(NEW, "2"))}
    assert matter_links(sa, sb, kept) == set()
    # the partner disclaims warranties as well: the matter has its counterpart already
    both = [*NEW]
    both[2] = (
        "3",
        None,
        "Limitation of liability. The tools come as is and in no event shall the library be liable.",
    )
    kept = {(at(OLD, "1"), at(NEW, "1")), (at(OLD, "2"), at(NEW, "3"))}
    assert matter_links(sa, Side(segs(both)), kept) == set()


def test_a_matter_two_clauses_of_a_side_deal_with_links_nothing():
    old = [*OLD, ("3", None, "Donated tools are accepted as is and without any warranty from the donor.")]
    sa, sb = Side(segs(old)), Side(segs(NEW))
    kept = {(at(old, "1"), at(NEW, "1")), (at(old, "2"), at(NEW, "3"))}
    assert matter_links(sa, sb, kept) == set()
