"""licenses.text.redline: normalisation, tokens and the word-level redline, rule by rule."""

from __future__ import annotations

import random
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import licenses.text.redline as redline_module
from licenses.text.redline import (
    SLIVER,
    STOPWORDS,
    UNIT_TOKENS,
    Budget,
    _unit_ends,
    content_words,
    joined,
    normalise,
    rebuild,
    redline,
    redline_split,
    redline_tokens,
    split,
    tokens,
    words,
    work,
)


def changed(pieces):
    return [(op, t) for op, t in pieces if op != "equal"]


# --- normalise ------------------------------------------------------------------------------


def test_crlf_and_cr_line_ends_read_as_newlines():
    assert normalise("a\r\nb\rc") == "a b c"
    assert normalise("a\r\n\r\nb") == "a\n\nb"
    assert normalise("a\r\rb") == "a\n\nb"
    assert redline("one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree") == [("equal", "one two\n\nthree")]
    assert redline("one\rtwo", "one two") == [("equal", "one two")]


def test_line_wrapping_and_runs_of_spaces_collapse():
    assert normalise("  a   b\n  c\t d  ") == "a b c d"


def test_paragraph_breaks_survive_as_one_blank_line():
    assert normalise("a\n\n\n\nb") == "a\n\nb"
    assert normalise("a\n  \t \n b") == "a\n\nb"
    assert normalise("\n\na\n\n") == "a"


def test_decoration_lines_are_dropped():
    # the dropped line leaves a blank one: the text on either side is a paragraph of its own
    assert normalise("a\n-----\nb") == "a\n\nb"
    assert normalise("a\n\n  = = = =  \n\nb") == "a\n\nb"
    assert normalise("a\n~~~\nb\n###\nc") == "a\n\nb\n\nc"
    assert redline("a\n-----\nb", "a\n\nb") == [("equal", "a\n\nb")]
    assert normalise("a\n--\nb") == "a -- b"  # two marks are not a line of decoration
    assert normalise("a\n-=-\nb") == "a -=- b"  # one repeated mark, not a mix


def test_a_box_of_stars_keeps_its_inside():
    text = "*****\n*  6. Disclaimer of Warranty   *\n*****\nbody"
    assert normalise(text) == "6. Disclaimer of Warranty\n\nbody"
    assert normalise("*   *\n*****\nx") == "x"
    assert normalise("a * b") == "a * b"


# --- tokens, words -------------------------------------------------------------------------


def test_tokens_are_words_or_one_mark_with_their_trailing_space():
    assert tokens("Hello, world.\n\nNext") == ["Hello", ", ", "world", ".\n\n", "Next"]
    assert "".join(tokens("a (b) c")) == "a (b) c"


def test_split_gives_keys_and_the_whitespace_after_each():
    assert split("Hello, world.\n\nNext") == (["Hello", ",", "world", ".", "Next"], ["", " ", "", "\n\n", ""])
    assert split("") == ([], [])


def test_joined_puts_a_paragraph_break_between_non_empty_parts():
    a, c, d = split("a b"), split("c"), split("d")
    assert joined([a]) is a
    assert joined([a, c, ([], []), d]) == (["a", "b", "c", "d"], [" ", "\n\n", "\n\n", ""])
    assert joined([([], []), c]) == (["c"], [""])


def test_words_are_lower_case_without_punctuation():
    assert words("Hello, World-2") == ["hello", "world", "2"]


def test_content_words_drop_function_words_numbers_and_single_letters():
    assert content_words("The Licensor of 2 a Works, (b) b2 you") == ["licensor", "works", "b2"]
    assert {"the", "shall", "each"} <= STOPWORDS


# --- redline -------------------------------------------------------------------------------


def test_a_text_against_itself_is_one_equal_piece():
    text = "1. Grant.\n\nThe Licensor grants you a licence, (a) to copy; and (b) to share."
    assert redline(text, text) == [("equal", normalise(text))]
    assert redline("", "") == []


def test_one_deletion_then_one_insertion():
    assert redline("foo bar\n\nbaz", "foo bar qux") == [
        ("equal", "foo bar"),
        ("delete", "\n\nbaz"),
        ("insert", " qux"),
    ]


def test_a_change_next_to_a_whitespace_edit_stays_one_deletion_and_one_insertion():
    pieces = redline("alpha beta gamma\n\ndelta epsilon", "alpha beta gamma ZETA epsilon")
    assert changed(pieces) == [("delete", "\n\ndelta "), ("insert", " ZETA ")]


def test_only_added_or_only_removed_text():
    assert redline("", "new words") == [("insert", "new words")]
    assert redline("old words", "") == [("delete", "old words")]
    assert redline("keep this", "keep this and more") == [("equal", "keep this"), ("insert", " and more")]


def test_a_changed_paragraph_break_is_a_tiny_whitespace_edit():
    assert redline("alpha beta\ngamma", "alpha beta\n\ngamma") == [
        ("equal", "alpha beta"),
        ("delete", " "),
        ("insert", "\n\n"),
        ("equal", "gamma"),
    ]


def test_equal_runs_of_up_to_two_tokens_between_changes_are_folded():
    assert SLIVER == 2
    assert redline("alpha beta the gamma delta", "one two the three four") == [
        ("delete", "alpha beta the gamma delta"),
        ("insert", "one two the three four"),
    ]
    assert redline("aa X bb cc Y", "aa P bb cc Q") == [
        ("equal", "aa "),
        ("delete", "X bb cc Y"),
        ("insert", "P bb cc Q"),
    ]


def test_three_equal_tokens_between_changes_stay_equal():
    assert redline("one two three four five six", "one TWO three four five SIX") == [
        ("equal", "one "),
        ("delete", "two "),
        ("insert", "TWO "),
        ("equal", "three four five "),
        ("delete", "six"),
        ("insert", "SIX"),
    ]


def test_a_short_equal_run_at_either_end_is_kept():
    assert redline("aa X", "aa Y") == [("equal", "aa "), ("delete", "X"), ("insert", "Y")]
    assert redline("X aa", "Y aa") == [("delete", "X "), ("insert", "Y "), ("equal", "aa")]


_VOCAB = (
    "the licensor grants you a worldwide royalty free non exclusive license to use copy modify "
    "and distribute the work of this license subject to terms conditions"
)


def _long_clause():
    rng = random.Random(7)
    vocab = _VOCAB.split()
    old = [rng.choice(vocab) for _ in range(260)]
    new = list(old)
    new[40], new[130], new[220] = "perpetual", "irrevocable", "sublicensable"
    return " ".join(old), " ".join(new)


def test_a_long_clause_with_three_edited_words_shows_three_small_changes():
    # difflib's autojunk would treat the clause's common words as junk past 200 tokens and
    # mark most of the clause as changed.
    a, b = _long_clause()
    pieces = redline(a, b)
    assert rebuild(pieces, "a") == a and rebuild(pieces, "b") == b
    inserted = [t.strip() for op, t in pieces if op == "insert"]
    assert inserted == ["perpetual", "irrevocable", "sublicensable"]
    assert sum(len(t) for _, t in changed(pieces)) < 80


def test_a_word_between_quotes_of_another_style_stays_equal_and_only_the_marks_change():
    pieces = redline("“Contributor” means each entity.", '"Contributor" means each legal entity.')
    assert pieces == [
        ("delete", "“"),
        ("insert", '"'),
        ("equal", "Contributor"),
        ("delete", "”"),
        ("insert", '"'),
        ("equal", " means each "),
        ("insert", "legal "),
        ("equal", "entity."),
    ]
    assert changed(redline("the Licensor’s rights – all of them", "the Licensor's rights - all of them")) == [
        ("delete", "’"),
        ("insert", "'"),
        ("delete", "–"),
        ("insert", "-"),
    ]


def test_typographic_marks_alone_are_not_a_rewrite_of_the_clause():
    old = "“Covered Software” means the Original Software – or Modifications – in each case."
    new = '"Covered Software" means the Original Software - or Modifications - in each case.'
    kept = "".join(t for op, t in redline(old, new) if op == "equal")
    assert "Covered Software" in kept and "means the Original Software" in kept and "in each case." in kept


def test_rebuild_gives_either_side():
    pieces = [("equal", "a "), ("delete", "b "), ("insert", "c "), ("equal", "d")]
    assert rebuild(pieces, "a") == "a b d"
    assert rebuild(pieces, "b") == "a c d"


TEXT = st.lists(
    st.sampled_from(
        [
            "alpha",
            "beta",
            "gamma",
            "the",
            ",",
            ".",
            "(a)",
            "\n",
            "\n\n",
            " ",
            "\r\n",
            "-----\n",
            "“",
            '"',
            "’",
            "'",
            "–",
            "-",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_pieces_rebuild_both_sides_and_never_repeat_or_invert_an_op(x, y):
    pieces = redline(x, y)
    assert rebuild(pieces, "a") == normalise(x)
    assert rebuild(pieces, "b") == normalise(y)
    assert all(text for _, text in pieces)
    ops = [op for op, _ in pieces]
    for first, second in zip(ops, ops[1:], strict=False):
        assert first != second, pieces
        assert (first, second) != ("insert", "delete"), pieces
    if normalise(x) == normalise(y):
        assert ops in ([], ["equal"])


# --- bounded cost ------------------------------------------------------------------------


def test_work_is_matching_pairs_times_the_shorter_length():
    assert work(["a", "b", "a"], ["a", "c"]) == 2 * 2
    assert work(["a", "a"], ["a", "a", "a"]) == 6 * 2
    assert work([], ["a"]) == 0
    assert work(["a"], []) == 0


def test_budget_takes_work_while_it_lasts_and_never_more_than_a_clause_allows():
    budget = Budget(total=100, cells=50)
    assert budget.take(60) and budget.left == 40
    assert not budget.take(41) and budget.left == 40
    assert budget.take(40) and budget.left == 0
    assert budget.take_cells(50) and budget.cells == 0
    assert not budget.take_cells(1)
    assert not Budget(total=10**12).take(10**8 + 1)  # over one clause's price
    assert Budget(total=10**12).take(10**8)


def _texts(n_rows=60):
    rows_a = [f"row {i} the value is {i * 7} units and the owner is Alice." for i in range(n_rows)]
    rows_b = [r.replace("Alice", "Bob") if i % 3 == 0 else r for i, r in enumerate(rows_a)]
    return "\n\n".join(rows_a), "\n\n".join(rows_b)


def test_without_word_budget_the_lcs_keeps_the_redline_word_level():
    a, b = _texts()
    ta, tb = split(normalise(a)), split(normalise(b))
    pieces, coarse = redline_tokens(ta, tb, Budget(total=0, cells=10**9))
    assert coarse is False
    assert [t.strip(" .\n") for op, t in pieces if op == "insert"] == ["Bob"] * 20
    assert [t.strip(" .\n") for op, t in pieces if op == "delete"] == ["Alice"] * 20


def test_without_any_budget_changes_are_shown_by_unit_and_called_coarse():
    a, b = _texts()
    ta, tb = split(normalise(a)), split(normalise(b))
    pieces, coarse = redline_tokens(ta, tb, Budget(total=0, cells=0))
    assert coarse
    assert rebuild(pieces, "a") == normalise(a) and rebuild(pieces, "b") == normalise(b)
    deleted = [t for op, t in pieces if op == "delete"]
    assert len(deleted) == 20
    # a unit ends at a sentence mark or a paragraph break: the whole row, never the next one
    assert all(t.count("Alice") == 1 and t.count("row") <= 1 for t in deleted)
    assert sum(t.count("row") for t in deleted) == 19  # the first row's start is a common prefix
    # the unchanged rows stay equal
    equal = [t for op, t in pieces if op == "equal"]
    assert any("row 1 the value is 7 units and the owner is Alice.\n\nrow 2 " in t for t in equal)


def test_coarse_redline_of_a_pure_insertion_or_deletion():
    a = split(normalise("one. two. three."))
    b = split(normalise("one. two. NEW words here. three."))
    pieces, coarse = redline_tokens(a, b, Budget(total=0, cells=0))
    assert pieces == [("equal", "one. two. "), ("insert", "NEW words here. "), ("equal", "three.")]
    assert not coarse  # nothing was left unrefined: an insertion has nothing to refine
    pieces, coarse = redline_tokens(b, a, Budget(total=0, cells=0))
    assert pieces == [("equal", "one. two. "), ("delete", "NEW words here. "), ("equal", "three.")]
    assert coarse is False


def test_a_coarse_change_is_one_replacement_between_the_common_ends():
    a, b = split("start one two one end"), split("start two one two end")
    expected = [("equal", "start "), ("delete", "one two one "), ("insert", "two one two "), ("equal", "end")]
    assert redline_tokens(a, b, Budget(total=0, cells=0)) == (expected, True)
    # with LCS cells left, the same stretch is refined word by word and is not coarse
    assert redline_tokens(a, b, Budget(total=0, cells=100)) == (expected, False)


def test_words_with_nothing_in_common_cost_nothing_and_diff_word_by_word():
    a, b = split("alpha beta gamma."), split("delta epsilon.")
    pieces, coarse = redline_tokens(a, b, Budget(total=0, cells=0))
    assert pieces == [("delete", "alpha beta gamma"), ("insert", "delta epsilon"), ("equal", ".")]
    assert coarse is False


def test_coarse_changes_are_marked_by_small_units_not_the_whole_stretch():
    old = [f"w{i % 50}" for i in range(200)]
    new = list(old)
    new[20], new[180] = "CHANGED", "OTHER"
    pieces, coarse = redline_tokens(split(" ".join(old)), split(" ".join(new)), Budget(total=0, cells=0))
    assert coarse
    assert [op for op, _ in pieces] == ["equal", "delete", "insert", "equal", "delete", "insert", "equal"]
    deleted = [t.split() for op, t in pieces if op == "delete"]
    inserted = [t.split() for op, t in pieces if op == "insert"]
    assert "w20" in deleted[0] and "CHANGED" in inserted[0]
    assert "w30" in deleted[1] and "OTHER" in inserted[1]
    assert all(len(unit) <= 8 for unit in deleted + inserted)


def test_a_unit_is_at_most_48_tokens():
    old = [f"w{i}" for i in range(300) if zlib.crc32(f"w{i}".encode()) & 15]  # no token picks an end
    new = list(old)
    new[10], new[-10] = "CHANGED", "OTHER"
    old = old + old[:3]  # repeated words: the word-level price is above zero
    new = new + new[:3]
    pieces, coarse = redline_tokens(split(" ".join(old)), split(" ".join(new)), Budget(total=0, cells=0))
    assert coarse
    assert all(len(t.split()) <= 48 for op, t in pieces if op != "equal")


def test_redline_split_is_redline_tokens_without_the_flag():
    a, b = split("alpha beta"), split("alpha gamma")
    assert (
        redline_split(a, b)
        == redline_tokens(a, b)[0]
        == [("equal", "alpha "), ("delete", "beta"), ("insert", "gamma")]
    )


def test_a_shared_budget_is_spent_across_diffs():
    budget = Budget(total=10, cells=10**9)
    a, b = split("x y z"), split("x q z")
    redline_tokens(a, b, budget)
    assert budget.left == 10 - work(a[0], b[0])


def test_redline_split_spends_the_budget_it_is_given():
    a, b = _texts()
    ta, tb = split(normalise(a)), split(normalise(b))
    coarse = redline_split(ta, tb, Budget(total=0, cells=0))
    assert coarse == redline_tokens(ta, tb, Budget(total=0, cells=0))[0]
    assert coarse != redline_split(ta, tb)


def test_identical_token_lists_are_one_equal_piece_and_not_coarse():
    a = split("alpha beta.\n\ngamma")
    assert redline_tokens(a, a, Budget(total=0, cells=0)) == ([("equal", "alpha beta.\n\ngamma")], False)


def test_lcs_cells_are_spent_as_rows_times_columns_of_the_stretch():
    a, b = split("start one two one end"), split("start two one two end")
    budget = Budget(total=0, cells=9)  # the changed stretch is 3 tokens by 3
    pieces, coarse = redline_tokens(a, b, budget)
    assert coarse is False
    assert budget.cells == 0
    budget = Budget(total=0, cells=8)
    assert redline_tokens(a, b, budget)[1] is True
    assert budget.cells == 8


def test_word_budget_is_spent_on_a_changed_stretch_in_a_coarse_diff():
    a, b = split("start one two one end"), split("start two one two end")
    # too dear for the whole texts at once, just enough for the changed stretch
    whole, stretch = work(a[0], b[0]), work(a[0][1:4], b[0][1:4])
    assert (whole, stretch) == (30, 12)
    budget = Budget(total=stretch, cells=0)
    pieces, coarse = redline_tokens(a, b, budget)
    assert coarse is False
    assert budget.left == 0
    assert pieces == [
        ("equal", "start "),
        ("delete", "one two one "),
        ("insert", "two one two "),
        ("equal", "end"),
    ]


def _keys(text):
    keys, spaces = split(text)
    return keys, spaces


def test_a_unit_ends_after_a_sentence_mark_or_a_paragraph_break():
    keys, spaces = _keys("a b . c d ; e f : g ! h ? i")
    assert _unit_ends(keys, spaces, 0, len(keys)) == [3, 6, 9, 11, 13, 14]
    keys, spaces = _keys("a b\n\nc d e")
    assert _unit_ends(keys, spaces, 0, len(keys)) == [2, 5]


def test_a_unit_ends_after_a_token_its_checksum_picks_once_four_tokens_are_in():
    # crc32 & 15 == 0 picks w8 and w14 (not w0, w2, w5, w7)
    keys, spaces = _keys("w0 w2 w5 w8 w7 w14 w2 w8 w0")
    assert _unit_ends(keys, spaces, 0, len(keys)) == [4, 8, 9]
    keys, spaces = _keys("w8 w0 w14 w2 w5")  # picked, but fewer than four tokens in the unit
    assert _unit_ends(keys, spaces, 0, len(keys)) == [5]


def test_a_unit_holds_at_most_unit_tokens():
    assert UNIT_TOKENS == 48
    keys, spaces = _keys(" ".join(["w0"] * 100))
    assert _unit_ends(keys, spaces, 0, 100) == [48, 96, 100]


def test_unit_ends_stay_within_the_range_and_end_at_its_end():
    keys, spaces = _keys("a . b c . d e f")
    assert _unit_ends(keys, spaces, 2, 7) == [5, 7]
    assert _unit_ends(keys, spaces, 2, 5) == [5]
    assert _unit_ends(keys, spaces, 3, 3) == [3]


def test_huge_texts_group_units_and_still_rebuild_both_sides(monkeypatch):
    a, b = _texts(30)
    ta, tb = split(normalise(a)), split(normalise(b))
    ungrouped, _ = redline_tokens(ta, tb, Budget(total=0, cells=0))
    assert [t.count("row") for op, t in ungrouped if op == "delete"] == [0] + [1] * 9
    # 33 units a side: 34 x 34 cells are over 400, so units go in pairs (18 x 18 fit)
    monkeypatch.setattr(redline_module, "UNIT_CELLS", 400)
    pieces, coarse = redline_tokens(ta, tb, Budget(total=0, cells=0))
    assert coarse is True
    assert rebuild(pieces, "a") == normalise(a) and rebuild(pieces, "b") == normalise(b)
    assert [t.count("row") for op, t in pieces if op == "delete"] == [6, 4, 4, 4, 1]
    monkeypatch.setattr(redline_module, "UNIT_CELLS", 100)  # pairs are not enough: groups of 4
    pieces, coarse = redline_tokens(ta, tb, Budget(total=0, cells=0))
    assert rebuild(pieces, "a") == normalise(a) and rebuild(pieces, "b") == normalise(b)
    assert [t.count("row") for op, t in pieces if op == "delete"] == [27]


def test_a_change_after_a_word_glued_to_punctuation_is_one_deletion_then_one_insertion():
    # "bar" is followed by nothing in one text and a space in the other: the whitespace edit
    # is an insertion alone, and the deletion that follows goes before it
    assert redline("foo bar,baz", "foo bar qux") == [
        ("equal", "foo bar"),
        ("delete", ",baz"),
        ("insert", " qux"),
    ]


def test_a_text_that_is_the_start_of_the_other_is_an_insertion_in_a_coarse_diff():
    a, b = split("one two one two"), split("one two one two three one two")
    assert redline_tokens(a, b, Budget(total=0, cells=0)) == (
        [("equal", "one two one two"), ("insert", " three one two")],
        False,
    )
    assert redline_tokens(b, a, Budget(total=0, cells=0)) == (
        [("equal", "one two one two"), ("delete", " three one two")],
        False,
    )


def test_a_coarse_diff_finds_a_unit_that_moved_next_to_the_common_start():
    a, b = split("S. A B C. D E."), split("S. X Y. A B C. D F.")
    assert redline_tokens(a, b, Budget(total=0, cells=0)) == (
        [
            ("equal", "S. "),
            ("insert", "X Y. "),
            ("equal", "A B C. "),
            ("delete", "D E"),
            ("insert", "D F"),
            ("equal", "."),
        ],
        True,
    )
    assert redline_tokens(b, a, Budget(total=0, cells=0)) == (
        [
            ("equal", "S. "),
            ("delete", "X Y. "),
            ("equal", "A B C. "),
            ("delete", "D F"),
            ("insert", "D E"),
            ("equal", "."),
        ],
        True,
    )


def test_the_word_level_flag_is_false_not_just_falsy():
    assert redline_tokens(split("a b"), split("a c")) == (
        [("equal", "a "), ("delete", "b"), ("insert", "c")],
        False,
    )


def test_a_long_changed_stretch_in_a_coarse_diff_is_diffed_without_autojunk():
    rng = random.Random(3)
    old = [rng.choice(_VOCAB.split()) for _ in range(300)]
    new = list(old)
    for i in range(2, 298, 6):  # every unit changes: one stretch of about 295 tokens
        new[i] = f"EDIT{i}"
    a, b = split(" ".join(old)), split(" ".join(new))
    pieces, coarse = redline_tokens(a, b, Budget(total=work(a[0], b[0]) - 1, cells=0))
    assert coarse is False
    # 50 words each way, about 680 characters; with autojunk, common words are junk and
    # over 3,500 characters change
    assert sum(len(t) for _, t in changed(pieces)) < 800


@pytest.mark.parametrize(
    ("cells", "rows_per_change"),
    [
        (10**9, [0] + [1] * 9),  # no grouping
        (1280, [0] + [1] * 9),  # 31 and 39 units: (31 + 1) x (39 + 1) cells fit exactly
        (1279, [6, 4, 4, 4, 1]),  # in pairs: (15 + 1) x (19 + 1) = 320
        (320, [6, 4, 4, 4, 1]),
        (319, [27]),  # in fours: (7 + 1) x (9 + 1) = 80
        (300, [27]),
    ],
)
def test_units_are_grouped_by_the_smallest_power_of_two_that_fits_the_cells(
    monkeypatch, cells, rows_per_change
):
    monkeypatch.setattr(redline_module, "UNIT_CELLS", cells)
    a, b = _texts(30)
    ta, tb = split(normalise(a)), split(normalise(b))
    pieces, _ = redline_tokens(ta, tb, Budget(total=0, cells=0))
    assert rebuild(pieces, "a") == normalise(a) and rebuild(pieces, "b") == normalise(b)
    assert [t.count("row") for op, t in pieces if op == "delete"] == rows_per_change
