"""licenses.text.similarity: how alike two clauses are worded, on short clauses of our own. Pure."""

import pytest

from licenses.text.similarity import Match, most_similar, most_similar_many, percent, similarity, words


def test_words_are_lower_cased_content_words_in_order():
    assert words("The Vendor SHALL refund the Buyer, the Buyer shall thank the Vendor.") == (
        "vendor",
        "refund",
        "buyer",
        "buyer",
        "thank",
        "vendor",
    )


def test_words_drop_numbers_and_single_letters_but_keep_words_with_digits():
    assert words("Within 30 days (b) x the 2nd clause") == ("within", "days", "2nd", "clause")


def test_an_underscore_splits_words():
    assert words("snake_case") == ("snake", "case")


def test_same_words_in_the_same_order_are_fully_alike():
    assert similarity("Vendor refunds Buyer promptly", "vendor refunds buyer promptly") == 1.0


def test_reflow_case_punctuation_and_function_words_are_no_difference():
    a = "The Vendor shall refund\nthe Buyer, promptly."
    b = "vendor   refund buyer -- promptly"
    assert similarity(a, b) == 1.0


def test_the_share_of_words_in_common_is_twice_the_matches_over_both_lengths():
    # 3 words matched, 4 + 3 words: 2 x 3 / 7
    assert similarity("alpha beta gamma delta", "alpha beta gamma") == pytest.approx(6 / 7)


def test_added_words_lower_the_similarity():
    plain = "Licensee may copy and distribute the software"
    narrowed = plain + " for noncommercial purposes only"
    assert 0.5 < similarity(plain, narrowed) < 1.0


def test_nothing_in_common_is_zero():
    assert similarity("Warranty disclaimer", "Governing venue") == 0.0


def test_two_clauses_without_content_words_are_alike_but_one_is_not_like_a_worded_one():
    assert similarity("(a) 12.", "of the") == 1.0
    assert similarity("(a)", "Warranty disclaimer") == 0.0
    assert similarity("Warranty disclaimer", "(a)") == 0.0


def test_word_tuples_are_taken_as_they_are():
    assert similarity(("alpha", "beta"), ("alpha", "beta")) == 1.0
    assert similarity(("the", "beta"), "beta") == pytest.approx(2 / 3)  # not filtered again
    assert similarity("beta", ("the", "beta")) == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("score", "shown"),
    [(1.0, 100), (0.999, 99), (0.996, 99), (0.994, 99), (0.5, 50), (0.444, 44), (0.005, 0), (0.0, 0)],
)
def test_only_the_same_words_read_a_hundred_percent(score, shown):
    assert percent(score) == shown


def test_a_match_reads_its_score_as_a_percent():
    assert Match("k", 0.996).percent == 99
    assert Match("k", 1.0).percent == 100


CLAUSE = "Vendor refunds Buyer within thirty days upon written notice"  # 8 words


def test_candidates_over_the_threshold_are_kept_best_first():
    candidates = [
        ("same", CLAUSE),
        ("six", "Vendor refunds Buyer within thirty days"),  # 2 x 6 / 14 = 0.857
        ("four", "Vendor refunds Buyer within"),  # 2 x 4 / 12 = 0.667
        ("other", "Seller ships goods quickly overseas always"),
    ]
    found = most_similar(CLAUSE, candidates, threshold=0.6)
    assert [m.key for m in found] == ["same", "six", "four"]
    assert [m.score for m in found] == [1.0, 0.8571, 0.6667]


def test_candidates_below_the_threshold_are_left_out():
    candidates = [("four", "Vendor refunds Buyer within")]
    assert most_similar(CLAUSE, candidates, threshold=0.67) == []
    assert most_similar(CLAUSE, candidates) == []  # 0.7 by default


def test_at_most_limit_candidates():
    candidates = [(k, CLAUSE) for k in "abcde"]
    assert len(most_similar(CLAUSE, candidates)) == 3
    assert len(most_similar(CLAUSE, candidates, limit=4)) == 4


def test_clauses_of_fewer_than_min_words_words_are_never_matched():
    short = "Vendor refunds Buyer"
    assert most_similar(short, [("k", short)]) == []
    assert most_similar(CLAUSE, [("k", short)], threshold=0.1) == []
    four = "Vendor refunds Buyer promptly"
    assert most_similar(four, [("k", four)]) == [Match("k", 1.0)]
    assert most_similar(short, [("k", short)], min_words=3) == [Match("k", 1.0)]


@pytest.mark.parametrize("size", [4, 36])
def test_candidates_at_either_length_bound_that_reach_the_threshold_are_found(size):
    # 12 query words, threshold 0.5: a 4-word candidate inside the query scores 2 x 4 / 16 and a
    # 36-word candidate holding the query 2 x 12 / 48, both exactly 0.5
    query = [f"word{chr(97 + i)}" for i in range(12)]
    if size == 4:
        candidate = query[:4]
    else:
        candidate = query + [f"extra{chr(97 + i)}{chr(97 + j)}" for i in range(4) for j in range(6)]
    assert len(candidate) == size
    found = most_similar(" ".join(query), [("k", " ".join(candidate))], threshold=0.5)
    assert found == [Match("k", 0.5)]


def test_candidates_too_short_or_too_long_to_reach_the_threshold_are_not_found():
    query = " ".join(f"word{chr(97 + i)}" for i in range(12))
    longer = query + " " + " ".join(f"extra{chr(97 + i)}" for i in range(25))  # 37 words: 24 / 49
    assert most_similar(query, [("k", longer)], threshold=0.5) == []


def test_many_clauses_each_get_their_own_matches():
    other = "Seller ships goods overseas within thirty days"
    long = " ".join(f"term{chr(97 + i)}" for i in range(30))  # no candidate is long enough for it
    candidates = [("refund", CLAUSE), ("ship", other), ("tiny", "Notice")]
    found = most_similar_many(
        [other, "Hi", long, CLAUSE, "Entirely unrelated wording about trademarks here"], candidates
    )
    assert found == [[Match("ship", 1.0)], [], [], [Match("refund", 1.0)], []]


def test_many_clauses_get_at_most_three_matches_each_and_need_four_words():
    four = "Vendor refunds Buyer promptly"
    found = most_similar_many([CLAUSE, four], [(k, CLAUSE) for k in "abcde"] + [("four", four)])
    assert [len(f) for f in found] == [3, 1]


def test_a_vocabulary_past_sixty_five_thousand_words_still_compares():
    # each word is one character for rapidfuzz: the characters must not run out on a large corpus
    vast = " ".join(f"w{i}" for i in range(70_000))
    assert most_similar(CLAUSE, [("vast", vast), ("k", CLAUSE)]) == [Match("k", 1.0)]


def test_no_candidates_means_no_matches_for_every_clause():
    assert most_similar_many([CLAUSE, CLAUSE], []) == [[], []]
    assert most_similar_many([CLAUSE], [("tiny", "Notice")]) == [[]]


def test_candidates_may_come_from_any_iterable():
    assert most_similar(CLAUSE, iter([("k", CLAUSE)])) == [Match("k", 1.0)]
