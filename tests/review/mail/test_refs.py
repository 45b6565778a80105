"""review.mail.refs: raw clause references and matching them to a version's clauses."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.mail.parse import ClauseMatch, ClauseRef, find_refs, match_refs
from review.mail.refs import _KEYWORD_PREFIX, SHINGLE, ClauseIndex, _components, _distance, normalise_path

CLAUSES = [
    ("1", "Definitions. Model means the weights and code released under this license."),
    ("2.1", "You may use, copy and modify the Model for any purpose."),
    ("2.2(a)", "You must keep this license with every copy of the Model."),
    (
        "2.2(b)",
        "Every output dataset you distribute must carry a notice that it was produced with the Model.",
    ),
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
        # a license's own name before the number: its version ("MG-BY-OS 2.0", "ODbL 1.0", "BUSL 1.1")
        ("I support MG-BY-OS 2.0 as submitted, and ODbL 1.0 and BUSL 1.1 too", []),
        ("Under CDLA-Permissive 2.0, 2.1 is silent", [ClauseRef("2.1", 0.35, "bare")]),
        ("MG0 2.0 and ODbL 1.0", []),
        ("Read the Notice 2.1 first", [ClauseRef("2.1", 0.35, "bare")]),  # a word, not a name
        # a name in other shapes: a capital inside a word, "License", two capitalised words
        ("ModelGo 2.0 section 2.2(b)", [ClauseRef("2.2(b)", 0.95, "section")]),
        ("like the Mozilla Public License 2.0 and Creative Commons 4.0 do", []),
        ("Licence 1.2 says so; see 3.1 above", [ClauseRef("3.1", 0.35, "bare")]),
        ("Also 3.1 is unclear", [ClauseRef("3.1", 0.35, "bare")]),  # one word at a sentence's start
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


# --- ClauseIndex against the original implementation ------------------------------------------
# The reference oracle: match_refs as it was before ClauseIndex (re-tokenising every clause
# for every message). ClauseIndex must give exactly the same matches, in the same order.

_WORD = re.compile(r"\w+")


def _oracle_match_path(ref: ClauseRef, clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    want = _components(ref.path)
    if not want:
        return []
    compact = "".join(want)
    exact = [p for p, _ in clauses if normalise_path(_KEYWORD_PREFIX.sub("", p)).lower() == ref.path.lower()]
    if exact:
        return [ClauseMatch(p, round(ref.confidence, 3), "exact", ref.path) for p in exact]
    same = [p for p, _ in clauses if _components(p) == want]
    if same:
        return [ClauseMatch(p, round(ref.confidence * 0.8, 3), "near", ref.path) for p in same]
    out: list[ClauseMatch] = []
    for path, _ in clauses:
        have = _components(path)
        if not have or abs(len("".join(have)) - len(compact)) > 1:
            continue
        if len(compact) >= 2 and _distance("".join(have), compact) == 1:
            bonus = 0.05 * (have[0] == want[0]) + 0.05 * (have[-1] == want[-1])
            out.append(ClauseMatch(path, round(ref.confidence * (0.45 + bonus), 3), "near", ref.path))
    if out:
        return out
    parents = [
        (len(_components(p)), p)
        for p, _ in clauses
        if _components(p)
        and want[: len(_components(p))] == _components(p)
        and len(_components(p)) < len(want)
    ]
    if parents:
        return [ClauseMatch(max(parents)[1], round(ref.confidence * 0.6, 3), "parent", ref.path)]
    return []


def _oracle_match_quotes(body: str, clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    words = _WORD.findall(body.lower())
    if len(words) < SHINGLE:
        return []
    wanted = {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}
    owners: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}
    for order, (path, text) in enumerate(clauses):
        cw = _WORD.findall(text.lower())
        for k in range(len(cw) - SHINGLE + 1):
            gram = tuple(cw[k : k + SHINGLE])
            if gram in wanted:
                owners.setdefault(gram, []).append((len(cw), order, path))
    hits: dict[str, list[tuple[str, ...]]] = {}
    for gram, paths in owners.items():
        hits.setdefault(min(paths)[2], []).append(gram)
    out = []
    for path, grams in hits.items():
        confidence = min(0.95, 0.75 + 0.02 * (len(grams) - 1))
        out.append(ClauseMatch(path, round(confidence, 3), "quote", " ".join(grams[0])))
    return out


def oracle_match_refs(body: str, refs: list[ClauseRef], clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    best: dict[str, ClauseMatch] = {}
    for match in [m for ref in refs for m in _oracle_match_path(ref, clauses)] + _oracle_match_quotes(
        body, clauses
    ):
        if match.path not in best or best[match.path].confidence < match.confidence:
            best[match.path] = match
    order = {path: k for k, (path, _) in enumerate(clauses)}
    return sorted(best.values(), key=lambda m: (-m.confidence, order.get(m.path, 0)))


# A small vocabulary, so that bodies quote clause text and clauses share windows; paths that
# collide exactly, by parts ("2.2b"), by one edit ("2.bb") and as parents ("2.2(b)(iii)").
VOCAB = st.sampled_from(["the", "model", "notice", "output", "must", "carry", "a", "license", "you", "Data"])
TEXTS = st.lists(VOCAB, max_size=40).map(" ".join)
PATHS = st.sampled_from(
    [
        "1",
        "2",
        "2.1",
        "2.2",
        "2.2(a)",
        "2.2(b)",
        "2.2b",
        "2.3",
        "3(a)",
        "4",
        "7",
        "10.1(c)(ii)",
        "Section 5",
        "§ 6",
        "A",
    ]
)
REF_PATHS = st.one_of(
    PATHS, st.sampled_from(["2.bb", "2.2(b)(iii)", "2.2.b", "9", "22", "3a", "", "b"]), st.text(max_size=6)
)
REFS = st.lists(
    st.builds(ClauseRef, REF_PATHS, st.sampled_from([0.35, 0.4, 0.75, 0.9, 0.95]), st.just("section")),
    max_size=5,
)
CLAUSE_TEXTS = st.one_of(TEXTS, st.lists(VOCAB, min_size=8, max_size=40).map(" ".join))
CLAUSE_LISTS = st.lists(st.tuples(PATHS, CLAUSE_TEXTS), max_size=10)  # duplicate paths on purpose


def _quoting_body(draw, clauses: list[tuple[str, str]]) -> str:
    """Random words mixed with runs of words copied from the clauses (so quotes are found)."""
    pieces = []
    for _ in range(draw(st.integers(0, 6))):
        words = draw(st.sampled_from(clauses))[1].split() if clauses and draw(st.integers(0, 3)) else []
        if words:
            start = draw(st.integers(0, len(words) - 1))
            pieces.append(" ".join(words[start : start + draw(st.integers(1, 20))]))
        else:
            pieces.append(draw(st.one_of(TEXTS, st.text(max_size=40))))
    return ", ".join(pieces)


@settings(max_examples=400, deadline=None)
@given(st.data(), REFS, CLAUSE_LISTS)
def test_clause_index_matches_the_original_implementation(data, refs, clauses) -> None:
    body = _quoting_body(data.draw, clauses)
    expected = oracle_match_refs(body, refs, clauses)
    assert match_refs(body, refs, clauses) == expected
    index = ClauseIndex(clauses)
    assert index.match(body, refs) == expected
    assert index.match(body, refs) == expected  # remembered path lookups give the same again


@settings(max_examples=50, deadline=None)
@given(st.data(), st.lists(REFS, min_size=1, max_size=8), CLAUSE_LISTS)
def test_one_index_serves_many_messages(data, refs_per_message, clauses) -> None:
    index = ClauseIndex(clauses)
    for refs in refs_per_message:
        body = _quoting_body(data.draw, clauses)
        assert index.match(body, refs) == oracle_match_refs(body, refs, clauses)


def test_quote_of_a_window_shared_by_two_clauses_goes_to_the_shorter() -> None:
    shared = "one two three four five six seven eight"
    clauses = [("1", f"{shared} and then a great many more words here"), ("2", shared), ("3", shared)]
    body = f"As written: {shared}."
    assert ClauseIndex(clauses).match(body, []) == [ClauseMatch("2", 0.75, "quote", shared)]
    assert ClauseIndex(clauses).match(body, []) == oracle_match_refs(body, [], clauses)


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ("paragraph (b) of section 2.2 restricts use", ["2.2(b)"]),
        ("Paragraph B of Section 2.2 and section 3", ["2.2(b)", "3"]),
        ("item iii of clause 4", ["4(iii)"]),
        ("point 2 of article 5", ["5(2)"]),
        ("sub-paragraph (i) of section 2.2(b)", ["2.2(b)(i)"]),
        # with no keyword, a dotted number is still the parent ...
        ("item (b) of 2.2 restricts use", ["2.2(b)"]),
        ("I read point b of 2.2.", ["2.2(b)"]),
        ("LETTER (A) OF 2.2", ["2.2(a)"]),
        # ... but not a count, an amount or a plain number
        ("item 3 of 2.5 million", []),
        ("item (c) of 2.5 million", []),
        ("item (b) of 2 lists", []),
        # "sec" without its full stop, unless it counts seconds
        ("Sec 2.2b is fine", ["2.2b"]),
        ("wait 30 sec 2 times", []),
    ],
)
def test_a_part_named_before_its_parent_is_the_parts_address(text: str, paths: list[str]) -> None:
    assert [r.path for r in find_refs(text)] == paths


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # "§" and "¶" count as words even glued to the number; doubled, they take a list
        ("see §2.2(b).", [ClauseRef("2.2(b)", 0.95, "section")]),
        ("¶4 and ¶ 7", [ClauseRef("4", 0.95, "section"), ClauseRef("7", 0.95, "section")]),
        ("§§ 2.1 and 2.2(a)", [ClauseRef("2.1", 0.95, "section"), ClauseRef("2.2(a)", 0.9, "section")]),
        ("¶¶ 4 and 7", [ClauseRef("4", 0.95, "section"), ClauseRef("7", 0.9, "section")]),
        ("§ 2.1 and 2.2(a)", [ClauseRef("2.1", 0.95, "section"), ClauseRef("2.2(a)", 0.75, "bare")]),
        # a keyword inside brackets or quotes is still a keyword
        ("(section 4) says", [ClauseRef("4", 0.95, "section")]),
        ("“Clause 7”", [ClauseRef("7", 0.9, "clause")]),
        # a reference at the very start of the text
        ("2.2(b) is too wide", [ClauseRef("2.2(b)", 0.75, "bare")]),
        # numbers that are not references are passed over, and the search goes on after them
        (
            "In 2024, at 5.30pm, under Apache 2.0, section 2.2(b) and clause 7 apply",
            [ClauseRef("2.2(b)", 0.95, "section"), ClauseRef("7", 0.9, "clause")],
        ),
        # bare sub-clauses, with or without a space before the bracket; two-digit numbers
        ("see 4(d) here", [ClauseRef("4(d)", 0.6, "bare")]),
        ("see 4 (d) here", [ClauseRef("4(d)", 0.6, "bare")]),
        ("in 12.3 we allow", [ClauseRef("12.3", 0.35, "bare")]),
        # a version word before a sub-clause does not hide it (it does hide "2.0")
        ("see version 2(a) of it", [ClauseRef("2(a)", 0.6, "bare")]),
        # one reference per path: the surest reading, at the place it first appeared
        (
            "the 2.2 (b) notice, clause 4, and section 2.2(b)",
            [ClauseRef("2.2(b)", 0.95, "section"), ClauseRef("4", 0.9, "clause")],
        ),
        ("clause 4 and article 4", [ClauseRef("4", 0.9, "clause")]),
        (
            "in 2.2 and 4(d) and 2.2(b)",
            [
                ClauseRef("2.2", 0.35, "bare"),
                ClauseRef("4(d)", 0.6, "bare"),
                ClauseRef("2.2(b)", 0.75, "bare"),
            ],
        ),
    ],
)
def test_find_refs_keywords_bare_forms_and_repeats(text, refs):
    assert find_refs(text) == refs


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("abc", "abc", 0),
        ("abc", "abd", 1),  # one change
        ("abc", "ac", 1),  # one deletion
        ("ac", "abc", 1),  # one insertion
        ("", "ab", 2),
        ("ab", "", 2),
        ("kitten", "sitting", 3),
        ("2.bb", "2.2(b)", 3),
    ],
)
def test_edit_distance_counts_changes_insertions_and_deletions(a, b, distance):
    assert _distance(a, b) == distance


def test_normalise_path_drops_spaces_and_a_closing_full_stop():
    assert normalise_path(" 2. 2 (b). ") == "2.2(b)"
    assert normalise_path("4..") == "4"
    assert normalise_path(".4") == ".4"


@pytest.mark.parametrize("text", ["see:§4", "see:¶4", "see:§ 4", "see:§\u00a04"])
def test_a_section_sign_glued_to_the_word_before_still_counts(text):
    assert find_refs(text) == [ClauseRef("4", 0.95, "section")]


def test_the_search_goes_on_after_a_list_and_after_a_number_that_is_no_reference():
    assert find_refs("§§ 2.1 and 2.2(a), then clause 7") == [
        ClauseRef("2.1", 0.95, "section"),
        ClauseRef("2.2(a)", 0.9, "section"),
        ClauseRef("7", 0.9, "clause"),
    ]
    assert find_refs("Step 2. Then clause 7 applies") == [ClauseRef("7", 0.9, "clause")]


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ("Section 1000 is the last clause of the schedule.", ["1000"]),  # segmentation numbers past 999
        ("See clause 12345 of the contract.", []),  # no clause number has five digits: not "123"
        ("§1234 and section 7.1234 apart", ["1234", "7"]),  # a number is never cut in the middle
        ("PARAGRAPH (B) OF SECTION 2.2(A), and ITEM IV OF CLAUSE 3", ["2.2(A)(b)", "3(iv)"]),
        ("İ: SECTION 12 and Clauses 3, 4 and item (c) of Clause 9", ["12", "3", "4", "9(c)"]),
        ("Section 12345 is no clause; Section 4 is", ["4"]),  # the search goes on after it
        ("item (b) of clause 1000 and item (c) of clause 7.1234", ["1000(b)", "7(c)"]),
        ("item (b) of clause 4(a)5.1 next", ["4(a)(b)", "5.1"]),  # a number right where the span ends
        (
            "İstanbul, 4 May: SECTION 4(b) and Paragraph (c) of Section 5",
            ["4(b)", "5(c)"],
        ),  # "İ" lowers to two
    ],
)
def test_references_are_read_whatever_the_case_and_never_from_part_of_a_number(text, paths):
    assert [ref.path for ref in find_refs(text)] == paths


def test_a_long_mail_of_dates_and_nested_references_is_read_in_one_pass():
    # Every line holds a year and a "part of parent" reference: the spans already read as
    # "part of parent" are walked once, not once per number (that was quadratic).
    text = "".join(
        f"On 14 May 2025: item ({chr(97 + k % 26)}) of clause {k % 90 + 1} stays.\n" for k in range(20_000)
    )
    refs = find_refs(text)
    assert len(refs) == 1170  # 90 clauses x 26 letters repeat every lcm(90, 26) lines
    assert refs[0] == ClauseRef("1(a)", 0.95, "section")
    assert all(ref.kind == "section" and "(" in ref.path for ref in refs)
