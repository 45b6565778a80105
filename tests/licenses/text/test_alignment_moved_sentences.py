"""A sentence that left its clause for another links the two (licenses.text.moved_sentences). Pure, synthetic.

A seed library's old rule on leaving the library ends with a sentence on seeds already lent;
the new rules keep the rule and move that sentence into a new clause on what happens after
leaving.
"""

from __future__ import annotations

from licenses.text.matching import Side, common
from licenses.text.moved_sentences import sentence_links
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

LEAVING = (
    "A member who stops paying the yearly dues leaves the library at the end of the season, and must "
    "hand back the key of the cool room to the keeper."
)
LENT = (
    "Seeds already lent by that member to other growers before the season ended remain lent under "
    "these rules for as long as the growers keep them."
)
OLD = [
    ("5", None, LEAVING + " " + LENT),
    ("6", None, "The keeper opens the cool room every Saturday morning for members and guests."),
]
NEW = [
    ("5", None, LEAVING),
    ("6", None, "After leaving, a former member may still visit the garden on open days. " + LENT),
    ("7", None, "The keeper opens the cool room every Saturday morning for members and guests."),
]
KEPT = {(at(OLD, "5"), at(NEW, "5")), (at(OLD, "6"), at(NEW, "7"))}


def test_a_sentence_that_moved_links_its_clause_with_the_clause_it_went_to():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert sentence_links(sa, sb, common(sa, sb), KEPT) == {(at(OLD, "5"), at(NEW, "6"))}


def test_a_sentence_that_stayed_with_the_partner_links_nothing():
    new = [("5", None, LEAVING + " " + LENT), *NEW[1:]]
    sa, sb = Side(segs(OLD)), Side(segs(new))
    assert sentence_links(sa, sb, common(sa, sb), KEPT) == set()


def test_a_clause_in_no_link_is_not_read():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    assert sentence_links(sa, sb, common(sa, sb), {(at(OLD, "6"), at(NEW, "7"))}) == set()


def test_parallel_wording_is_not_a_move():
    # the new clause that holds the sentence is linked with an old clause that holds it as well
    old = [*OLD, ("7", None, "After leaving, a former member may visit on open days. " + LENT)]
    sa, sb = Side(segs(old)), Side(segs(NEW))
    kept = KEPT | {(at(old, "7"), at(NEW, "6"))}
    assert sentence_links(sa, sb, common(sa, sb), kept) == set()
