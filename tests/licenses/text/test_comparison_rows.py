"""licenses.text.comparison: splits and merges at their thresholds, and the rows built from the pairs.

Pure. Clauses are made of made-up content words ("ja01", "ka02", ...) so that every count the
rules read (content words shared, the longest common run, the clause lengths) is known exactly.
"""

from __future__ import annotations

import pytest

from licenses.text.comparison import compare
from licenses.text.segmentation import Segment


def seg(text: str, path: str, heading: str = "") -> Segment:
    return Segment(f"{path}.", path, path, heading, text, 0, len(text), 0, None)


def words(prefix: str, n: int, start: int = 1) -> list[str]:
    """``n`` distinct content words: ja01, ja02, …"""
    return [f"{prefix}{k:02d}" for k in range(start, start + n)]


def clause(ws: list[str], path: str) -> Segment:
    return seg(" ".join(ws) + ".", path)


def split_case(shared_j: int, shared_k: int, own_j: int, own_k: int, own_x: int = 0):
    """One old clause X and two new clauses J, K: X holds ``shared_j`` words of J, then
    ``shared_k`` words of K, then ``own_x`` words of its own; J and K add ``own_j`` / ``own_k``."""
    jx, kx = words("ja", shared_j), words("ka", shared_k)
    x = clause(jx + kx + words("ex", own_x), "1")
    j = clause(jx + words("jo", own_j), "1")
    k = clause(kx + words("ko", own_k), "2")
    return x, j, k


def rows(pairs) -> list[tuple]:
    path = lambda s: s.path if s is not None else None  # noqa: E731
    return [(p.kind, path(p.a), path(p.a2), path(p.b), path(p.b2)) for p in pairs]


# --- splits: when one old clause became two adjacent new ones -------------------------------------


def test_a_split_must_beat_the_one_to_one_match_by_exactly_the_gain_or_more():
    # X (5 words) pairs with K (3 of them): 2 x 3 / (5 + 3) = 0.75. X against J + K keeps 4 of
    # 5 + 2 + 3 words: 2 x 4 / 10 = 0.8, exactly 0.05 better
    x, j, k = split_case(1, 3, 1, 0, own_x=1)
    pairs = compare([x], [j, k])
    assert rows(pairs) == [("split", "1", None, "1", "2")]
    assert pairs.quick is False  # one old clause against two new ones gets the full alignment


def test_a_split_that_gains_less_than_the_margin_stays_a_pair_and_an_addition():
    # one-to-one 2 x 4 / (6 + 4) = 0.8; as a split 2 x 5 / (6 + 2 + 4) = 0.833: 0.033 better
    x, j, k = split_case(1, 4, 1, 0, own_x=1)
    assert rows(compare([x], [j, k])) == [("added", None, None, "1", None), ("changed", "1", None, "2", None)]


def test_a_clause_grows_by_the_neighbour_before_or_after_its_match():
    x, j, k = split_case(1, 3, 1, 0, own_x=1)  # X pairs with K, the second: J comes before it
    assert rows(compare([x], [j, k]))[0][0] == "split"
    x, j, k = split_case(3, 1, 0, 1, own_x=1)  # X pairs with J, the first: K comes after it
    assert rows(compare([x], [j, k])) == [("split", "1", None, "1", "2")]


def test_a_split_at_the_threshold_of_its_shorter_side_pairs():
    # X has 28 words, J and K 6 each, 3 of them in X (exactly half): 2 x 6 / (28 + 12) = 0.3,
    # the least similarity for 12 words; X alone matches neither (2 x 3 / 34)
    x, j, k = split_case(3, 3, 3, 3, own_x=22)
    assert rows(compare([x], [j, k])) == [("split", "1", None, "1", "2")]
    x, j, k = split_case(3, 3, 3, 3, own_x=23)  # 2 x 6 / 41: just under
    assert rows(compare([x], [j, k])) == [
        ("removed", "1", None, None, None),
        ("added", None, None, "1", None),
        ("added", None, None, "2", None),
    ]


def test_a_half_of_a_single_word_counts():
    x, j, k = split_case(5, 1, 0, 0)  # K is the one word that ends X
    assert rows(compare([x], [j, k])) == [("split", "1", None, "1", "2")]


def test_an_unlinked_half_never_joins_a_split():
    x, j, k = split_case(3, 1, 0, 1, own_x=1)
    pairs = compare([x], [j, k], unlinks=[("1", "2")])
    assert rows(pairs) == [("changed", "1", None, "1", None), ("added", None, None, "2", None)]


def test_a_failed_candidate_before_the_match_does_not_stop_the_one_after():
    x = clause(words("ja", 4) + words("ka", 2), "1")
    j, k = clause(words("ja", 4), "1"), clause(words("ka", 2), "2")
    unrelated = clause(words("un", 5), "0")
    expected = [("added", None, None, "0", None), ("split", "1", None, "1", "2")]
    # an unrelated clause before X's match
    assert rows(compare([x], [unrelated, j, k])) == expected
    # a clause before X's match that was unlinked from X by hand
    part = clause(words("ja", 2), "0")
    assert rows(compare([x], [part, j, k], unlinks=[("1", "0")])) == expected
    # a clause before X's match whose words J already holds: it adds nothing beyond J
    assert rows(compare([x], [part, j, k])) == expected


def test_clauses_of_up_to_5000_words_split():
    half_a, half_b = words("xa", 2500, 1000), words("xb", 2500, 1000)
    x, j, k = clause(half_a + half_b, "1"), clause(half_a, "1"), clause(half_b, "2")
    assert rows(compare([x], [j, k])) == [("split", "1", None, "1", "2")]


def test_halves_of_more_than_5000_words_together_never_split():
    half_a, half_b = words("xa", 2500, 1000), words("xb", 2500, 1000)
    x, j, k = clause(half_a + half_b, "1"), clause(half_a, "1"), clause(half_b + ["extra"], "2")
    assert rows(compare([x], [j, k])) == [("changed", "1", None, "1", None), ("added", None, None, "2", None)]


def test_a_clause_of_more_than_5000_words_never_splits():
    half_a, half_b = words("xa", 2500, 1000), words("xb", 2500, 1000)
    x, j, k = clause(half_a + half_b + ["extra"], "1"), clause(half_a, "1"), clause(half_b, "2")
    assert rows(compare([x], [j, k])) == [("changed", "1", None, "1", None), ("added", None, None, "2", None)]


def test_an_unmatched_clause_looks_for_its_halves_anywhere_on_the_other_side():
    x, j, k = split_case(3, 3, 3, 3, own_x=22)  # X alone matches nothing
    unrelated = clause(words("un", 4), "0")
    assert rows(compare([x], [unrelated, j, k])) == [
        ("added", None, None, "0", None),
        ("split", "1", None, "1", "2"),
    ]


def test_each_half_must_add_half_its_words_beyond_the_other_half():
    # X pairs with J ("wc wg"); K holds four of its five words in X, but only "wk wy" beyond
    # J's "wc": 2 < 5 / 2, so X + K is not a split, whatever the similarity gained
    x = seg("wc wg wk wy.", "1")
    j, k = seg("wc wg.", "1"), seg("wt wc wq wk wy.", "2")
    assert rows(compare([x], [j, k])) == [("changed", "1", None, "1", None), ("added", None, None, "2", None)]
    # the same with the halves' roles swapped: X pairs with the second half ("wg wc"), and
    # the first adds only "wy wk" (2 < 5 / 2) beyond it
    x = seg("wy wk wg wc.", "2")
    j, k = seg("wy wk wq wc wt.", "1"), seg("wg wc.", "2")
    assert rows(compare([x], [j, k])) == [("added", None, None, "1", None), ("changed", "2", None, "2", None)]
    # and as a merge, read from the other side
    assert rows(compare([j, k], [x])) == [
        ("removed", "1", None, None, None),
        ("changed", "2", None, "2", None),
    ]


def test_the_split_that_gains_most_is_taken_first():
    # X -> J + K: 2 x 2 / 6 = 0.667, a gain of 0.667 (X alone matches nothing); Y -> K + L ends
    # more similar (2 x 2 / 5 = 0.8) but gains only 0.133 over Y's own match with L (0.667)
    x, y = seg("ja01 ka01 ex01.", "1"), seg("kb01 la01.", "2")
    j, k, last = seg("ja01.", "1"), seg("ka01 kb01.", "2"), seg("la01.", "3")
    assert rows(compare([x, y], [j, k, last])) == [
        ("split", "1", None, "1", "2"),
        ("changed", "2", None, "3", None),
    ]


# --- compare: hand links, unlinks, the second pass and the quick alignment ------------------------


def anchored(text: str, path: str, anchor: str) -> Segment:
    return Segment(f"{path}.", path, anchor, "", text, 0, len(text), 0, None)


SOURCE = "Whoever conveys object code must offer the source for three years."
NETWORK = "Network users may ask for the corresponding source of the program."


def test_unlinks_naming_a_clause_that_no_longer_exists_are_ignored():
    a, b = [seg(SOURCE, "2")], [seg(NETWORK, "2")]
    expected = [("removed", "2", None, None, None), ("added", None, None, "2", None)]
    assert rows(compare(a, b, unlinks=[("9", "2")])) == expected
    assert rows(compare(a, b, unlinks=[("2", "9")])) == expected


def test_a_hand_link_wins_over_an_exact_match_of_the_same_old_clause():
    a = [anchored(SOURCE, "1", "1")]
    b = [anchored(SOURCE, "1", "1"), anchored(NETWORK, "2", "2")]
    pairs = compare(a, b, links=[("1", "2")])
    assert rows(pairs) == [("added", None, None, "1", None), ("changed", "1", None, "2", None)]
    assert pairs[1].manual and not pairs[0].manual


def test_a_hand_link_wins_over_an_exact_match_of_the_same_new_clause():
    a = [anchored(NETWORK, "1", "1"), anchored(SOURCE, "2", "2")]
    b = [anchored(SOURCE, "1", "1")]
    pairs = compare(a, b, links=[("1", "1")])
    assert rows(pairs) == [("changed", "1", None, "1", None), ("removed", "2", None, None, None)]
    assert pairs[0].manual


PRELIMINARY = seg("Preliminary words about this licence and who it is for.", "1")
WARRANTY = seg("Warranty is disclaimed in full by every contributor to the work.", "3")


def test_an_unlinked_pair_is_not_made_again_by_the_second_pass():
    old = seg('"Software" means the program and its documentation as shipped.', "2")
    new = seg('"Software" means any code we deliver to you under this licence.', "2")
    # the same defined term pairs the two definitions in the second pass
    assert rows(compare([PRELIMINARY, old, WARRANTY], [PRELIMINARY, new, WARRANTY]))[1] == (
        "changed",
        "2",
        None,
        "2",
        None,
    )
    apart = compare([PRELIMINARY, old, WARRANTY], [PRELIMINARY, new, WARRANTY], unlinks=[("2", "2")])
    assert rows(apart)[1:3] == [("removed", "2", None, None, None), ("added", None, None, "2", None)]


def test_one_clause_against_one_is_aligned_once():
    # no second pass: the two leftovers are not linked as each other's best match (`also`)
    pairs = compare([seg("alpha beta gamma delta.", "1")], [seg("alpha beta omega sigma tau.", "1")])
    assert rows(pairs) == [("removed", "1", None, None, None), ("added", None, None, "1", None)]
    assert [p.also for p in pairs] == [None, None]
    assert pairs.quick is False  # nothing was left out


def test_the_second_pass_runs_up_to_30000_content_words():
    a = [clause(words("ma", 7500, 1000), "1"), clause(words("mb", 7500, 1000), "2")]
    b = [a[0], clause(words("mb", 7499, 1000) + words("zq", 1), "2")]
    pairs = compare(a, b)
    assert rows(pairs) == [("unchanged", "1", None, "1", None), ("changed", "2", None, "2", None)]
    assert pairs.quick is False
    b = [a[0], clause(words("mb", 7499, 1000) + words("zq", 2), "2")]  # 30,001
    assert compare(a, b).quick is True


def test_the_words_of_both_sides_count_towards_the_quick_alignment():
    small = [seg("alpha beta.", "1"), seg("gamma delta.", "2")]
    big = [clause(words("ma", 15000, 1000), "1"), clause(words("mb", 15001, 1000), "2")]
    assert compare(small, big).quick is True
    assert compare(big, small).quick is True


def test_thousands_of_clauses_pair_on_their_rare_words():
    n = 640  # 640 x 640 clause pairs: past the dense matrix
    old = [seg(f"alpha{k:04d} beta{k:04d} gamma{k:04d} common words.", str(k)) for k in range(n)]
    new = [seg(f"alpha{k:04d} beta{k:04d} delta{k:04d} common words.", str(k)) for k in range(n)]
    pairs = compare(old, new, unlinks=[("7", "7")])
    assert pairs.quick is True
    paired = [(p.a.path, p.b.path) for p in pairs if p.kind == "changed"]
    assert paired == [(str(k), str(k)) for k in range(n) if k != 7]
    assert {(p.kind, (p.a or p.b).path) for p in pairs if p.kind != "changed"} == {
        ("removed", "7"),
        ("added", "7"),
    }


def test_an_empty_clause_removed_has_an_empty_redline():
    (pair,) = compare([seg("", "1")], [])
    assert (pair.kind, pair.redline, pair.a_text) == ("removed", [], "")
    (pair,) = compare([], [seg("", "1")])
    assert (pair.kind, pair.redline, pair.b_text) == ("added", [], "")


def test_an_unlinked_heading_is_not_placed_by_its_children():
    def side(heading: str, grant: str, notice: str) -> list[Segment]:
        def s(text, path, depth=0, parent=None):
            label = path.rsplit(".", 1)[-1] if depth else path
            return Segment(label, path, path, "", text, 0, len(text), depth, parent)

        return [
            s("Preliminary words about this licence and who it is for.", "0"),
            s(heading, "3"),
            s(grant, "3.1", 1, 1),
            s(notice, "3.2", 1, 1),
            s("Warranty is disclaimed in full by every contributor to the work.", "4"),
        ]

    grant = "The licensor grants each recipient a worldwide royalty-free licence to copy the work."
    notice = "Every copy must keep the copyright notice and a copy of this licence in plain text."
    old = side("Obligations", grant, notice)
    new = side(
        "Responsibilities", grant.replace("each recipient", "you"), notice.replace("plain text", "any form")
    )
    assert rows(compare(old, new))[1] == ("changed", "3", None, "3", None)
    assert rows(compare(old, new, unlinks=[("3", "3")]))[1:3] == [
        ("removed", "3", None, None, None),
        ("added", None, None, "3", None),
    ]


# --- where the words of clauses left alone went (`also`) -------------------------------------------


MODIFICATIONS = seg(
    "Modifications means any addition to or deletion from the substance or structure of the Covered "
    "Code, and any new file that contains any part of the Original Code or of previous Modifications.",
    "2",
)
LEAD_IN = seg("Modifications means any of the following, when Covered Code is released:", "2")
ITEM_A = seg("any addition to or deletion from the substance or structure of the Covered Code;", "2.a")
ITEM_B = seg("any new file that contains any part of the Original Code or of previous Modifications.", "2.b")


def also(pairs) -> list[tuple]:
    path = lambda s: s.path if s is not None else None  # noqa: E731
    return [(p.kind, path(p.a), path(p.b), path(p.also)) for p in pairs]


def test_a_clause_unlinked_from_its_source_is_not_said_to_be_drawn_from_it():
    old, new = [PRELIMINARY, MODIFICATIONS, WARRANTY], [PRELIMINARY, LEAD_IN, ITEM_A, ITEM_B, WARRANTY]
    assert rows(compare(old, new))[2] == ("split", "2", None, "2.a", "2.b")
    # with the item unlinked from the old definition, it is added, and not drawn from it either
    assert also(compare(old, new, unlinks=[("2", "2.b")]))[1:4] == [
        ("added", None, "2", None),
        ("changed", "2", "2.a", None),
        ("added", None, "2.b", None),
    ]


def test_a_clause_unlinked_from_where_it_went_is_not_said_to_go_there():
    old, new = [PRELIMINARY, LEAD_IN, ITEM_A, ITEM_B, WARRANTY], [PRELIMINARY, MODIFICATIONS, WARRANTY]
    assert rows(compare(old, new))[2] == ("merged", "2.a", "2.b", "2", None)
    assert also(compare(old, new, unlinks=[("2.b", "2")]))[1:4] == [
        ("removed", "2", None, None),
        ("changed", "2.a", "2", None),
        ("removed", "2.b", None, None),
    ]


STEADY = [
    "Alpha clause grants rights to copy the program in any medium whatsoever.",
    "Bravo clause covers patents licensed by each contributor to recipients.",
    "Charlie clause keeps notices intact in every copy that is distributed.",
    "Delta clause disclaims warranties of merchantability and fitness entirely.",
]
LONE_OLD = "Licensees shall keep every release tarball with signatures for inspectors yearly."
LONE_NEW = "Distributors should retain each release tarball with signatures and checksums so any auditor can verify them."


def test_lone_leftovers_point_at_each_other_unless_unlinked():
    old = [
        seg(STEADY[0], "1"),
        seg(STEADY[1], "2"),
        seg(LONE_OLD, "3"),
        seg(STEADY[2], "4"),
        seg(STEADY[3], "5"),
    ]
    new = [
        seg(STEADY[0], "1"),
        seg(STEADY[1], "2"),
        seg(LONE_NEW, "3"),
        seg(STEADY[2], "4"),
        seg(STEADY[3], "5"),
    ]
    assert also(compare(old, new))[2:4] == [("removed", "3", None, "3"), ("added", None, "3", "3")]
    assert also(compare(old, new, unlinks=[("3", "3")]))[2:4] == [
        ("removed", "3", None, None),
        ("added", None, "3", None),
    ]


def test_an_old_heading_over_matter_that_went_into_a_paired_clause_says_where():
    # the old section 2 is a heading over 2.1 and 2.2; the new 2 holds the rule in one paragraph
    def s(text, path, depth=0, parent=None):
        label = path.rsplit(".", 1)[-1] if depth else path
        return Segment(label, path, path, "", text, 0, len(text), depth, parent)

    source = "Whoever conveys object code must offer the corresponding source code for three years."
    old = [
        s("Preliminary words about this licence and who it is for.", "1"),
        s("Source", "2"),
        s(source.replace("three", "five"), "2.1", 1, 1),
        s("Entirely fresh matter: network users may also ask for it.", "2.2", 1, 1),
    ]
    new = [s("Preliminary words about this licence and who it is for.", "1"), s(source, "2")]
    assert also(compare(old, new)) == [
        ("unchanged", "1", "1", None),
        ("removed", "2", None, "2"),
        ("changed", "2.1", "2", None),
        ("removed", "2.2", None, None),
    ]


# --- moves, glossaries and the quick flag -----------------------------------------------------------

MODEL = '"Model" means the trained weights and their configuration files.'
OUTPUT = '"Output" means what the Model makes when it runs on any input.'
DATA = '"Data" means what the Model learned from during its training runs.'


def kinds_by_old(pairs) -> dict:
    return {(p.a.path if p.a else None): p.kind for p in pairs}


def test_definitions_of_a_deeper_list_sorted_anew_are_not_moves():
    old = [seg(MODEL, "2.1.def-model"), seg(OUTPUT, "2.1.def-output"), seg(DATA, "2.1.def-data")]
    new = [old[2], old[0], old[1]]
    assert kinds_by_old(compare(old, new)) == dict.fromkeys(
        ["2.1.def-data", "2.1.def-model", "2.1.def-output"], "unchanged"
    )


GRANT = seg("Alpha clause grants rights to copy the program in any medium whatsoever.", "2")
PATENTS = seg("Bravo clause covers patents licensed by each contributor to recipients.", "3")


def test_a_definition_moved_to_another_list_is_a_move():
    old = [GRANT, PATENTS, seg(DATA, "1.def-data")]
    new = [seg(DATA, "4.def-data"), GRANT, PATENTS]
    assert kinds_by_old(compare(old, new)) == {"1.def-data": "moved", "2": "unchanged", "3": "unchanged"}


def test_a_definition_paired_with_a_clause_that_is_no_definition_can_move():
    old = [GRANT, PATENTS, seg(DATA, "1.def-data")]
    new = [seg(DATA, "1.data"), GRANT, PATENTS]
    assert kinds_by_old(compare(old, new))["1.def-data"] == "moved"
    assert kinds_by_old(compare(new, old))["1.data"] == "moved"


def test_a_removed_clause_follows_its_old_neighbour_only_when_that_stayed_in_order():
    # X split and went to the front; R, after X in the old text, stays after B, the last clause
    # still in order before it, not after X's new place
    first = "You must keep every copyright notice and this licence text"
    second = "with each copy of the software that you distribute to others."
    a = seg("Alpha clause grants rights to copy the program in any medium whatsoever.", "1")
    b = seg("Bravo clause covers patents licensed by each contributor to recipients.", "2")
    x = seg(f"{first} {second}", "3")
    r = seg("Romeo clause sets out the venue for disputes between the parties.", "4")
    pairs = compare([a, b, x, r], [seg(first, "1"), seg(second, "2"), a, b])
    assert [(p.kind, p.a.path) for p in pairs] == [
        ("split", "3"),
        ("unchanged", "1"),
        ("unchanged", "2"),
        ("removed", "4"),
    ]


def test_an_unchanged_pair_is_not_coarse():
    (pair,) = compare([seg(MODEL, "1")], [seg(MODEL, "1")])
    assert (pair.kind, pair.coarse, pair.redline) == ("unchanged", False, [("equal", MODEL)])


def test_a_quick_alignment_is_one_with_more_than_one_clause_on_either_side():
    many = [clause(words("ma", 15000, 1000), "1"), clause(words("mb", 15001, 1000), "2")]
    one = [seg("alpha beta.", "1")]
    assert compare(one, many).quick is True
    assert compare(many, one).quick is True
    huge = clause(words("mc", 30001, 1000), "1")
    assert compare([huge], [huge]).quick is False  # one against one: nothing was left out


def test_a_split_that_lost_its_half_does_not_stop_the_splits_after_it():
    # as above, and a third split (Z -> M + N, gain 0.05) after the one that lost K
    x, y, z = seg("ja01 ka01 ex01.", "1"), seg("kb01 la01.", "2"), seg("qa01 qk01 qk02 qk03 qe01.", "4")
    j, k, last = seg("ja01.", "1"), seg("ka01 kb01.", "2"), seg("la01.", "3")
    m, n = seg("qa01 qo01.", "4"), seg("qk01 qk02 qk03.", "5")
    assert rows(compare([x, y, z], [j, k, last, m, n])) == [
        ("split", "1", None, "1", "2"),
        ("changed", "2", None, "3", None),
        ("split", "4", None, "4", "5"),
    ]


# --- the rows' fields ---------------------------------------------------------------------------------


def test_a_changed_pair_is_no_typography_no_hand_link_and_an_added_clause_keeps_nothing():
    old = [seg(SOURCE, "1")]
    new = [seg(SOURCE.replace("three", "five"), "1"), seg(NETWORK, "2")]
    changed, added = compare(old, new)
    assert (changed.kind, changed.typography, changed.manual, changed.coarse) == (
        "changed",
        False,
        False,
        False,
    )
    assert (added.kind, added.similarity, added.typography, added.manual) == ("added", 0.0, False, False)


def test_the_similarity_is_exact_up_to_ten_million_token_pairs_then_read_off_the_redline():
    from licenses.text.comparison import _kept

    shared = words("hw", 2499)
    old = [clause(shared, "1")]  # 2,500 tokens with the stop
    (pair, *_) = compare(old, [clause(shared + words("hx", 1500), "1")])  # 4,000: 10,000,000 pairs
    assert pair.kind == "changed"
    assert pair.similarity == pytest.approx(2 * 2500 / 6500)  # tokens kept, exactly
    (pair, *_) = compare(old, [clause(shared + words("hx", 1501), "1")])  # one pair of tokens too many
    assert pair.kind == "changed"
    assert pair.similarity == _kept(pair.redline) != pytest.approx(2 * 2500 / 6501)
