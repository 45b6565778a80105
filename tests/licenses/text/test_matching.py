"""licenses.text.matching: clause scoring and the first, one-to-one pass of the alignment. Pure.

Short clauses of our own; the word counts that the rules turn on are spelled out beside them.
"""

from __future__ import annotations

import numpy as np
import pytest

from licenses.text import matching as M
from licenses.text.matching import (
    Side,
    _bonus,
    _bonuses,
    assign,
    assign_sparse,
    clause_text,
    common,
    exact,
    label_key,
    lcs,
    similarity,
    threshold,
    tie,
)
from licenses.text.redline import content_words
from licenses.text.segmentation import Segment


def seg(text: str, label: str = "", heading: str = "") -> Segment:
    return Segment(label, label or "p", label or "p", heading, text, 0, len(text), 0, None)


def side(*texts: str) -> Side:
    return Side([seg(t) for t in texts])


def run(prefix: str, n: int, start: int = 0) -> list[str]:
    return [f"{prefix}{k}" for k in range(start, start + n)]


# --- what a clause is, before any scoring ---------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("(a)", "a"),
        ("a.", "a"),
        ("Section 4.", "4"),
        ("ARTICLE IV", "iv"),
        ("2.1(b)", "2.1.b"),
        ("Clause", ""),
    ],
)
def test_a_labels_key_is_its_number_without_style_or_label_words(label, key):
    assert label_key(label) == key


def test_the_printed_label_is_not_part_of_the_clause_text():
    assert clause_text(seg("1. Grant of rights.", label="1.")) == "Grant of rights."


def test_a_heading_comes_first_once():
    assert clause_text(seg("Grant. You may copy it.", heading="Grant")) == "Grant. You may copy it."
    assert clause_text(seg("You may copy it.", heading="Grant")) == "Grant\n\nYou may copy it."
    assert clause_text(seg("", heading="Grant")) == "Grant"


def test_raw_text_does_not_count_paragraph_breaks():
    assert side("Alpha beta.\n\nGamma   delta.").raw(0) == "Alpha beta. Gamma delta."


def test_a_sides_words_are_the_content_words_of_its_clauses_in_any_script():
    texts = ["The Licensor GRANTS you a licence.", "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ", "Ꮳ ᏣᎳᎩ and ꮳꮃꭹ"]
    s = side(*texts)
    assert s.words == [content_words(M.fold(t)) for t in texts]
    assert s.words[1] == ["ꮳꮃꭹ", "ꭶꮼꮒꭿꮝꮧ"]


@pytest.mark.parametrize(
    ("n", "least"), [(1, 0.6), (3, 0.6), (4, 0.45), (10, 0.45), (11, 0.3), (30, 0.3), (31, 0.19), (500, 0.19)]
)
def test_short_clauses_need_more_of_their_words_in_common(n, least):
    assert threshold(n) == least


# --- scores ---------------------------------------------------------------------------------------


def test_common_counts_the_words_in_common_in_order():
    sa = side("Alpha beta gamma delta.", "Epsilon zeta.")
    sb = side("Delta alpha beta gamma.", "Zeta eta theta.", "Nothing shared here.")
    com = common(sa, sb)
    assert com.tolist() == [[3, 0, 0], [0, 1, 0]]
    assert np.issubdtype(com.dtype, np.integer)


def test_common_of_a_side_without_clauses_is_empty():
    sa, none = side("Alpha beta."), Side([])
    assert common(sa, none).shape == (1, 0)
    assert common(none, sa).shape == (0, 1)


def test_more_than_dense_pairs_clause_pairs_give_no_matrix():
    clauses = [seg(f"word{k}") for k in range(1001)]
    many = Side(clauses[:1000])
    assert common(Side(clauses[:400]), many).shape == (400, 1000)  # DENSE_PAIRS exactly
    assert common(Side(clauses[:401]), many) is None


def words(ws: list[str]) -> str:
    return " ".join(ws) + "."


def test_up_to_dense_words_word_pairs_clauses_are_compared_in_order():
    # 10,000 x 20,000 words: DENSE_WORDS exactly, still the exact word LCS (reversed: one word)
    sa = side(words(run("w", 10_000)))
    sb = side(words(run("w", 20_000)[::-1]))
    assert common(sa, sb).tolist() == [[1]]


def test_huge_clauses_are_scored_by_the_words_they_share_and_others_by_their_order():
    # over DENSE_WORDS word pairs in all: clauses over HUGE_WORDS words count shared words, in
    # any order, and only against clauses long enough to reach THRESHOLD_LONG with them
    h, b = run("h", 15_000), run("b", 5_430)
    small = ["alpha", "beta", "gamma", "delta"]
    sa = side(
        words(h),
        words(b[:570]),  # against b: 2 x 570 / (570 + 5430) = 0.19, THRESHOLD_LONG exactly
        words(b[:560]),  # 2 x 560 / 5990, just under
        words(small + run("e", 4_996)),  # 5,000 words: not huge
        words(small),
    )
    sb = side(
        words(h[::-1]),
        words(b[::-1]),
        words(["delta", "alpha", "beta", "gamma"]),
        words(small + run("f", 4_996)),  # 5,000 words: not huge
    )
    com = common(sa, sb)
    assert np.issubdtype(com.dtype, np.integer)
    assert com.tolist() == [
        [15_000, 0, 0, 0],
        [0, 570, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 3, 4],
        [0, 0, 3, 4],
    ]


def test_lcs_is_the_longest_common_subsequence():
    assert lcs(["a1", "b1", "c1", "d1"], ["b1", "d1", "e1"]) == 2
    assert lcs(["a1"], ["a1", "b1", "c1"]) == 1
    assert isinstance(lcs(["a1", "b1"], ["b1"]), int)


def test_two_clauses_without_content_words_are_not_alike():
    sa, sb = side("(a) of the"), side("12. and")
    assert similarity(sa, sb, common(sa, sb), 0, 0) == 0.0


def test_ties_are_tiny_spread_and_the_same_either_way_round():
    texts = [f"clause number {k}" for k in range(200)]
    values = [tie(texts[0], t) for t in texts[1:]]
    assert all(0 <= v < 1e-6 for v in values)
    assert len(set(values)) == len(values)
    assert max(values) > 0.9e-6
    assert tie("x y", "y x") == tie("y x", "x y")


# --- bonuses: place, label, heading ----------------------------------------------------------------


def test_clauses_without_labels_or_headings_get_no_label_or_heading_bonus():
    sa, sb = side("Alpha beta."), side("Gamma delta.")
    assert _bonus(sa, sb, 0, 0) == pytest.approx(0.01 + tie(sa.text[0], sb.text[0]))


def test_the_same_label_and_heading_each_add_a_bonus():
    sa = Side([seg("Alpha beta.", label="3.", heading="Grant")])
    sb = Side([seg("Gamma delta.", label="(3)", heading="GRANT")])
    assert _bonus(sa, sb, 0, 0) == pytest.approx(0.05 + tie(sa.text[0], sb.text[0]))


def test_vector_bonuses_never_give_a_missing_label_or_heading_a_bonus():
    labels_a = [("1.", "Grant"), ("", ""), ("2.", "Terms"), ("3.", ""), ("", "Venue")]
    labels_b = [("", ""), ("2.", "Grant"), ("", "Terms"), ("1.", ""), ("4.", "Notices"), ("3.", "Venue")]
    sa = Side([seg(f"Text a{k}.", label=lb, heading=h) for k, (lb, h) in enumerate(labels_a)])
    sb = Side([seg(f"Text b{k}.", label=lb, heading=h) for k, (lb, h) in enumerate(labels_b)])
    rest_a, rest_b = list(range(len(sa))), list(range(len(sb)))
    got = _bonuses(sa, sb, rest_a, rest_b)
    want = [[_bonus(sa, sb, i, j) for j in rest_b] for i in rest_a]
    assert np.allclose(got, np.array(want), rtol=0, atol=1e-12)


# --- the first pass: exact texts, then an optimal assignment ---------------------------------------


def test_equal_folded_texts_pair_first_come_first_served():
    x = "“Licensor” — means the owner."
    sa = side(x, '"licensor" - MEANS the owner.')
    sb = side('"Licensor" - means   the owner.', "Other text.")
    assert exact(sa, sb) == {0: 0}
    assert exact(side(x, x), side(x, x)) == {0: 0, 1: 1}


def test_exact_skips_clauses_taken_or_forbidden():
    x = "Alpha beta gamma."
    sa, sb = side(x, x), side(x, x)
    assert exact(sa, sb, taken_a={0}) == {1: 0}
    assert exact(sa, sb, taken_b={0}) == {0: 1}
    assert exact(sa, sb, forbid=frozenset({(0, 0)})) == {0: 1, 1: 0}


def first_pass(sa: Side, sb: Side, forbid=frozenset()):
    return assign(sa, sb, common(sa, sb), list(range(len(sa))), list(range(len(sb))), forbid)


def test_the_assignment_maximises_the_total_similarity():
    sa = side("Alpha beta gamma delta.", "Alpha beta epsilon zeta.", "Kappa lambda mu nu xi.")
    sb = side("Alpha beta gamma delta.", "Alpha beta epsilon zeta.", "Kappa lambda mu nu omicron.")
    assert first_pass(sa, sb) == {0: (0, 1.0), 1: (1, 1.0), 2: (2, 0.8)}


def test_nothing_to_assign_is_no_pairs():
    sa = side("Alpha beta gamma delta.")
    assert assign(sa, sa, common(sa, sa), [], [0]) == {}
    assert assign(sa, sa, common(sa, sa), [0], []) == {}


def test_pairs_from_the_least_similarity_on():
    # 3 content words against 7, all 3 shared: 2 x 3 / 10 = 0.6, threshold(3) exactly
    three = "Alpha beta gamma."
    assert first_pass(side(three), side("Alpha beta gamma delta epsilon zeta eta.")) == {0: (0, 0.6)}
    # 3 against 4, 2 shared: 0.571, under threshold(3)
    assert first_pass(side(three), side("Alpha beta delta epsilon.")) == {}
    # 9 against 31, all 9 shared: 18 / 40 = 0.45, threshold(9) exactly
    nine = run("w", 9)
    assert first_pass(side(words(nine)), side(words(nine + run("x", 22)))) == {0: (0, 0.45)}


def test_one_word_clauses_pair_on_that_word():
    assert first_pass(side("Warranty."), side("Warranty disclaimer.")) == {0: (0, pytest.approx(2 / 3))}


def test_long_clauses_with_nothing_in_common_never_pair():
    assert first_pass(side(words(run("a", 40))), side(words(run("b", 40)))) == {}


def test_a_forbidden_pair_does_not_pair_and_frees_nothing_else():
    sa = side("Alpha beta gamma delta.")
    sb = side("Alpha beta gamma delta.", "Alpha beta gamma epsilon.")
    assert first_pass(sa, sb, frozenset({(0, 0)})) == {0: (1, 0.75)}
    # a forbidden pair whose b clause is not in play leaves the rest alone
    com = common(sa, sb)
    assert assign(sa, sb, com, [0], [0], frozenset({(0, 1)})) == {0: (0, 1.0)}


def test_between_equally_similar_clauses_the_same_label_wins():
    sa = Side([seg("Alpha beta gamma delta.", label="2.")])
    sb = Side([seg("Alpha beta gamma epsilon.", label="1."), seg("Alpha beta gamma zeta.", label="2.")])
    assert first_pass(sa, sb) == {0: (1, 0.75)}
    assert assign_sparse(sa, sb, [0], [0, 1]) == {0: (1, 0.75)}


# --- the sparse first pass, for texts with thousands of clauses ------------------------------------


def sparse(sa: Side, sb: Side, forbid=frozenset()):
    return assign_sparse(sa, sb, list(range(len(sa))), list(range(len(sb))), forbid)


def test_sparse_pairs_clauses_that_share_rare_words():
    sa = side("Alpha beta gamma delta.", "Kappa lambda mu nu xi.", "Nothing else here.")
    sb = side("Kappa lambda mu nu omicron.", "Alpha beta gamma delta.", "Other words there.")
    assert sparse(sa, sb) == {0: (1, 1.0), 1: (0, 0.8)}


def test_sparse_keeps_each_clauses_best_and_uses_each_new_clause_once():
    sa = side("Alpha beta gamma delta.", "Alpha beta gamma epsilon.")
    sb = side("Alpha beta gamma epsilon.", "Alpha beta gamma zeta.")
    # a0 scores 0.75 with both; a1 is the same as b0: b0 goes to a1, b1 to a0
    assert sparse(sa, sb) == {1: (0, 1.0), 0: (1, 0.75)}
    # one new clause for two old ones alike: only one gets it (the nearer in place)
    assert sparse(side("Alpha beta gamma.", "Alpha beta gamma."), side("Alpha beta gamma.")) == {0: (0, 1.0)}


def test_sparse_pairs_from_the_least_similarity_on():
    three = "Alpha beta gamma."
    assert sparse(side(three), side("Alpha beta gamma delta epsilon zeta eta.")) == {0: (0, 0.6)}
    assert sparse(side(three), side("Alpha beta delta epsilon.")) == {}


def test_sparse_skips_a_forbidden_candidate_and_tries_the_next():
    sa = side("Alpha beta gamma delta.")
    sb = side("Alpha beta gamma delta.", "Alpha beta gamma epsilon.")
    assert sparse(sa, sb, frozenset({(0, 0)})) == {0: (1, 0.75)}


def test_sparse_looks_up_words_found_in_at_most_64_clauses():
    # "wombat" alone in old clause 0 and new clause 0, and in 62 or 63 more new clauses
    for more, found in ((62, {0: (0, 1.0)}), (63, {})):
        sb = side("Wombat.", *(f"Wombat filler{k}." for k in range(more)))
        assert sparse(side("Wombat."), sb) == found


def test_sparse_looks_up_the_rarest_words_of_a_clause_first():
    # 12 words found in 70 clauses come first in the alphabet; the clause's counterpart is
    # found by its rare words
    common_words = run("aa", 12)
    rare = run("zz", 6)
    sa = side(words(common_words + rare))
    sb = side(words(common_words + rare), *(words([*common_words, f"filler{k}"]) for k in range(70)))
    assert sparse(sa, sb) == {0: (0, 1.0)}


def test_sparse_weighs_only_the_eight_most_voted_candidates():
    # eight new clauses hold all ten words of the old one, reversed (one word in order: not
    # alike); the ninth holds six of them in order (0.6) but has fewer votes: the bound on the
    # work per clause leaves it out
    ten = run("w", 10)
    reversed_ = [words(ten[::-1])] * M.CANDIDATES
    sb = side(*reversed_, words(ten[:6] + run("x", 4)))
    assert sparse(side(words(ten)), sb) == {}
    assert sparse(side(words(ten)), side(*reversed_[1:], words(ten[:6] + run("x", 4)))) == {0: (7, 0.6)}
