"""A moved pair held together only by a stock phrase is undone (licenses.text.boilerplate).

Pure, on synthetic texts of our own: the old text leads in two lists with the same phrase
("provided that you do at least one of the following"); the new text rewrites one of those
lead-ins around that phrase and puts it before a clause the old text had first.
"""

from __future__ import annotations

from licenses.text.boilerplate import drop_boilerplate_moves, unshared_words
from licenses.text.matching import Side, common, similarity, threshold
from licenses.text.rescue import Evidence
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

STOCK = "provided that you do at least one of the following:"
NOTICE = (
    "1",
    None,
    "Keep every copyright notice and the warranty disclaimer intact in each copy you hand on.",
)
OLD = [
    NOTICE,
    ("2", None, f"You may alter your copy of the toolkit in any way, {STOCK}"),
    ("3", None, f"You may ship compiled builds of the toolkit, {STOCK}"),
]
NEW = [
    ("1", None, f"You may hand out your altered sources to anyone, {STOCK}"),
    ("2", None, NOTICE[2]),
]


def _pair(old, new, i_path: str, j_path: str):
    sa, sb = Side(segs(old)), Side(segs(new))
    com = common(sa, sb)
    i, j, k = at(old, i_path), at(new, j_path), at(old, "1")
    match = {k: (at(new, "2"), 1.0), i: (j, similarity(sa, sb, com, i, j))}
    return sa, sb, match, i, k


def test_a_phrase_repeated_on_its_side_is_not_the_clause_own_words():
    sa = Side(segs(OLD))
    held = Evidence(sa, sa).held_a
    own = [unshared_words(t, held) for t in sa.tokens]
    assert own[at(OLD, "3")] == ["ship", "compiled", "builds", "toolkit"]
    assert "following" in sa.words[at(OLD, "3")]
    assert own[at(OLD, "1")] == sa.words[at(OLD, "1")]


def test_a_crossing_pair_that_shares_only_the_stock_phrase_is_undone():
    sa, sb, match, i, k = _pair(OLD, NEW, "3", "1")
    n = min(len(sa.words[i]), len(sb.words[match[i][0]]))
    assert match[i][1] >= threshold(n)  # the phrase alone clears the pairing threshold
    assert drop_boilerplate_moves(sa, sb, match, Evidence(sa, sb), set()) == {k: match[k]}


def test_a_crossing_pair_with_words_of_its_own_beyond_the_phrase_stays():
    new = [("1", None, f"You may ship compiled builds of the toolkit to anyone, {STOCK}"), NEW[1]]
    sa, sb, match, i, k = _pair(OLD, new, "3", "1")
    assert drop_boilerplate_moves(sa, sb, match, Evidence(sa, sb), set()) == match


def test_a_pair_in_order_keeps_its_stock_phrase():
    old = [OLD[1], OLD[2], NOTICE]
    sa, sb = Side(segs(old)), Side(segs(NEW))
    match = {at(old, "3"): (at(NEW, "1"), 0.5), at(old, "1"): (at(NEW, "2"), 1.0)}
    assert drop_boilerplate_moves(sa, sb, match, Evidence(sa, sb), set()) == match


def test_a_phrase_found_once_on_its_side_is_no_boilerplate():
    old = [NOTICE, OLD[2]]
    sa, sb, match, i, k = _pair(old, NEW, "3", "1")
    assert drop_boilerplate_moves(sa, sb, match, Evidence(sa, sb), set()) == match


def test_short_clauses_keep_the_threshold_they_had_to_clear():
    # the new side repeats "you may share the toolkit" in two clauses; what is left of the crossing
    # pair ("research", "purposes") still clears the threshold of its unmasked, four-word clauses
    old = [
        ("1", None, "You may copy the toolkit for research purposes."),
        ("2", None, "You may share the toolkit with others for research purposes only."),
    ]
    new = [
        ("1", None, "You may share the toolkit with partners for research purposes."),
        ("2", None, "You may share the toolkit for research and teaching purposes."),
    ]
    sa, sb = Side(segs(old)), Side(segs(new))
    com = common(sa, sb)
    match = {0: (1, similarity(sa, sb, com, 0, 1)), 1: (0, similarity(sa, sb, com, 1, 0))}
    assert drop_boilerplate_moves(sa, sb, match, Evidence(sa, sb), set()) == match
