from review.quotes import context_score


def test_context_score_prefers_the_occurrence_with_matching_surroundings():
    text = "the Model may be used; the Model may be shared"
    first, second = text.index("the Model"), text.rindex("the Model")
    n = len("the Model")
    assert context_score(text, second, second + n, prefix="used; ", suffix=" may be shared") > context_score(
        text, first, first + n, prefix="used; ", suffix=" may be shared"
    )
    assert context_score(text, first, first + n, prefix="", suffix="") == 0
