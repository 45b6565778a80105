"""Where the words a pair left over went (licenses.text.residue). Pure, on synthetic texts of our own.

The old last clause ends with two sentences about the license text itself; the new version
keeps the clause without them and gives them a clause of their own, with more words around.
"""

from __future__ import annotations

from licenses.text.fanout import passage
from licenses.text.matching import Side, common
from licenses.text.residue import LEFT_WORDS, leftover, leftovers
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

USE = "You may run the gardening toolkit for any purpose, and the stewards promise not to hinder such use."
ABOUT = (
    "This license text is copyright of the stewards of the toolkit. Anyone may copy and hand on "
    "this license text verbatim, but changing it requires written leave of its copyright holders."
)
OLD = [
    ("1", None, "Keep every notice of authorship intact in each copy of the gardening toolkit."),
    ("2", None, f"{USE} {ABOUT}"),
]
NEW = [
    ("1", None, "Keep every notice of authorship intact in each copy of the gardening toolkit."),
    ("2", None, USE),
    (
        "3",
        None,
        "Changes to this license. This license text is copyright of the stewards of the toolkit. "
        "Anyone may copy and hand on this license text verbatim, but changing it requires written "
        "leave of its copyright holders; you may write a license of your own from it under a new name.",
    ),
]


def _run(old=OLD, new=NEW, linked=()):
    sa, sb = Side(segs(old)), Side(segs(new))
    pairs = {at(old, "1"): at(new, "1"), at(old, "2"): at(new, "2")}
    return sa, sb, leftovers(sa, sb, common(sa, sb), pairs, set(linked))


def test_the_leftover_is_the_words_outside_the_common_subsequence():
    assert leftover(["a", "b", "c", "d"], ["b", "d"]) == ["a", "c"]
    assert leftover(["a", "b"], ["a", "b"]) == []


def test_the_words_a_pair_left_over_link_with_the_clause_that_took_them():
    sa, sb, got = _run()
    rest = leftover(sa.words[1], sb.words[1])
    assert len(rest) >= LEFT_WORDS and passage(rest, sb.words[2])
    assert got == {(at(OLD, "2"), at(NEW, "3"))}


def test_a_link_already_shown_is_not_drawn_again():
    assert _run(linked={(at(OLD, "2"), at(NEW, "3"))})[2] == set()


def test_the_rule_reads_both_ways():
    sa, sb = Side(segs(NEW)), Side(segs(OLD))
    got = leftovers(sa, sb, common(sa, sb), {at(NEW, "1"): at(OLD, "1"), at(NEW, "2"): at(OLD, "2")}, set())
    assert got == {(at(NEW, "3"), at(OLD, "2"))}


def test_a_short_leftover_says_nothing():
    old = [OLD[0], ("2", None, f"{USE} The stewards keep a copy of this text.")]
    assert _run(old=old)[2] == set()


def test_not_when_two_clauses_hold_the_leftover_alike():
    new = [*NEW, ("4", None, NEW[2][2].replace("Changes to this license.", "Reprints."))]
    assert _run(new=new)[2] == set()


def test_parallel_wording_the_clause_own_partner_holds_as_well():
    # the new clause holding the leftover is paired with an old clause that says the same
    old = [*OLD, ("3", None, NEW[2][2])]
    sa, sb = Side(segs(old)), Side(segs(NEW))
    pairs = {0: 0, 1: 1, 2: 2}
    assert leftovers(sa, sb, common(sa, sb), pairs, set()) == set()
