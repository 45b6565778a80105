"""A defined term whose name grew a word links with its old definition (licenses.text.term_forms). Pure, synthetic.

A seed library's rules define "Seed Stock" and "Ledger"; the new rules rename them "Seed Stock
Form" and "Ledger Book" and reword both definitions.
"""

from __future__ import annotations

from licenses.text.matching import Side
from licenses.text.term_forms import term_form_links
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

OLD = [
    ("1", None, "Definitions."),
    ("1.1", "1", '"Member" means a person who pays the yearly dues.'),
    ("1.2", "1", '"Seed Stock" means the packets kept in the cool room for lending.'),
    ("1.3", "1", '"Harvest" means the seeds returned after a season.'),
]
NEW = [
    ("1", None, "Definitions."),
    ("1.1", "1", '"Member" means a person who pays the yearly dues.'),
    ("1.2", "1", '"Seed Stock Form" means whatever the library holds for others to sow.'),
    ("1.3", "1", '"Derivative Harvest" means a crop grown from crossed seeds.'),
]
KEPT = {(at(OLD, "1"), at(NEW, "1")), (at(OLD, "1.1"), at(NEW, "1.1"))}


def test_a_term_that_grew_a_word_at_its_end_links():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert term_form_links(sa, sb, KEPT) == {(at(OLD, "1.2"), at(NEW, "1.2"))}


def test_a_word_added_in_front_is_another_matter():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert (at(OLD, "1.3"), at(NEW, "1.3")) not in term_form_links(sa, sb, KEPT)


def test_a_clause_already_linked_is_left_alone():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = KEPT | {(at(OLD, "1.2"), at(NEW, "1.3"))}
    assert term_form_links(sa, sb, kept) == set()


def test_two_longer_names_for_one_term_link_neither():
    new = NEW + [("1.4", "1", '"Seed Stock Packet" means one packet of the library.')]
    sa, sb = Side(segs(OLD)), Side(segs(new))
    assert term_form_links(sa, sb, KEPT) == set()
