"""review.mail_refs: raw clause references and matching them to a version's clauses."""

from __future__ import annotations

import pytest

from review.mail import ClauseMatch, ClauseRef, find_refs, match_refs

CLAUSES = [
    ("1", "Definitions. Model means the weights and code released under this license."),
    ("2.1", "You may use, copy and modify the Model for any purpose."),
    ("2.2(a)", "You must keep this license with every copy of the Model."),
    ("2.2(b)", "Every output dataset you distribute must carry a notice that it was produced with the Model."),
    ("4", "The license ends automatically if you break its terms."),
    ("7", "Attribution must name the original authors."),
]


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("Section 2.2(b) goes too far", [ClauseRef("2.2(b)", 0.95, "section")]),
        ("see § 2.2(b).", [ClauseRef("2.2(b)", 0.95, "section")]),
        ("under s. 2.2(b), outputs", [ClauseRef("2.2(b)", 0.85, "section")]),
        ("clause 4 and Article 7", [ClauseRef("4", 0.9, "clause"), ClauseRef("7", 0.9, "article")]),
        ("paragraph 3(a) is silent", [ClauseRef("3(a)", 0.9, "paragraph")]),
        ("the 2.2 (b) notice", [ClauseRef("2.2(b)", 0.75, "bare")]),
        ("Sections 2.1 and 2.2(a)", [ClauseRef("2.1", 0.95, "section"), ClauseRef("2.2(a)", 0.9, "section")]),
        ("what 2.bb says", [ClauseRef("2.bb", 0.4, "bare")]),
        ("in 2.2 we allow", [ClauseRef("2.2", 0.35, "bare")]),
        ("Apache 2.0 and GPL 3.0 at 5.30pm, 2.5%", []),
        ("clause four", []),
    ],
)
def test_find_refs(text: str, refs: list[ClauseRef]) -> None:
    assert find_refs(text) == refs


def test_match_exact_and_near_misses() -> None:
    refs = [ClauseRef("2.2(b)", 0.95, "section"), ClauseRef("4", 0.9, "clause")]
    assert match_refs("", refs, CLAUSES) == [
        ClauseMatch("2.2(b)", 0.95, "exact", "2.2(b)"),
        ClauseMatch("4", 0.9, "exact", "4"),
    ]


@pytest.mark.parametrize("written", ["2.2b", "2.2.b", "2.2 b"])
def test_same_parts_other_punctuation_is_a_near_miss(written: str) -> None:
    [match] = match_refs("", [ClauseRef(written.replace(" ", ""), 0.95, "section")], CLAUSES)
    assert match == ClauseMatch("2.2(b)", 0.76, "near", written.replace(" ", ""))


def test_typo_near_miss_scores_lower_and_parent_fallback() -> None:
    assert match_refs("", [ClauseRef("2.bb", 0.4, "bare")], CLAUSES) == [
        ClauseMatch("2.2(b)", 0.2, "near", "2.bb"),
    ]
    assert match_refs("", [ClauseRef("2.2(b)(iii)", 0.95, "section")], CLAUSES) == [
        ClauseMatch("2.2(b)", 0.57, "parent", "2.2(b)(iii)"),
    ]
    assert match_refs("", [ClauseRef("9", 0.9, "clause")], CLAUSES) == []


def test_quoted_clause_text_points_at_the_clause_and_results_are_sorted() -> None:
    body = (
        'The draft says "every output dataset you distribute must carry a notice" and I object. '
        "Article 7 is fine."
    )
    matches = match_refs(body, find_refs(body), CLAUSES)
    assert matches == [
        ClauseMatch("7", 0.9, "exact", "7"),
        ClauseMatch("2.2(b)", 0.77, "quote", "every output dataset you distribute must carry a"),
    ]
    assert match_refs("must carry a notice that it was", [], CLAUSES) == []  # 7 words: not a quote
