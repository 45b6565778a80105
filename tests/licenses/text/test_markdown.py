"""licenses.text.markdown on its own: the marks the segmenter reads as decoration."""

from __future__ import annotations

import pytest

from licenses.text.assembly import words
from licenses.text.markdown import emphasis_marks, titles, unemphasised, unmark


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("You **must** keep", [(4, 6), (10, 12)]),
        ("__a__", [(0, 2), (3, 5)]),
        ("*a* and _b_", [(0, 1), (2, 3), (8, 9), (10, 11)]),
        ("(**a**)", [(1, 3), (4, 6)]),
        ("model_name_here", []),
        ("2 * 3 * 4", []),
        ("** a **", []),
        ("a**b**", []),  # intraword: no pair
        ("**a\nb**", []),  # a pair stays on one line
        ("\\*a*", []),  # an escaped mark opens nothing
        ("***a***", []),
        ("**" + "a" * 201 + "**", []),  # words longer than 200 characters: no pair
        ("**" + "a" * 200 + "**", [(0, 2), (202, 204)]),
    ],
)
def test_emphasis_marks(text, marks):
    assert emphasis_marks(text) == marks


def test_emphasis_marks_between_offsets():
    text = "**a** then **b**"
    assert emphasis_marks(text, 6) == [(11, 13), (14, 16)]
    assert emphasis_marks(text, 0, 5) == [(0, 2), (3, 5)]


@pytest.mark.parametrize(
    ("s", "out"),
    [
        ("Grant of **Rights**", "Grant of Rights"),
        ("plain", "plain"),
        ("a_b", "a_b"),
        ("*x* *y*", "x y"),
    ],
)
def test_unemphasised(s, out):
    assert unemphasised(s) == out


def test_unmark_strips_the_ends_and_the_pairs():
    assert unmark("  **Grant.**  ") == "Grant."
    assert unmark("## Other *things*") == "Other things"


@pytest.mark.parametrize(("marks", "title"), [("## ", True), ("**", True), ("_", True), ("- ", False), ("", False)])
def test_titles(marks, title):
    assert titles(marks) is title


def test_words_leave_out_the_drops_inside_the_range():
    text = 'x "Output"** means it'
    assert words(text, 2, len(text), ((10, 12),)) == '"Output" means it'
    assert words(text, 2, len(text), ((0, 1),)) == text[2:]  # before the words: no effect
    assert words(text, 2, 8, ((10, 12),)) == text[2:8]  # after them: none either
    assert words(text, 2, len(text), ((13, 14), (10, 12))) == '"Output" eans it'  # in any order
