"""licenses.text.lines on its own: a license text cut into lines with their Markdown markers."""

from __future__ import annotations

import pytest

from licenses.text.lines import TERMINAL, Line, split_lines


def spans(text: str) -> list[tuple[str, str, bool, bool]]:
    """Each line as (visible text, text from where a label would start, blank, heading)."""
    return [
        (text[ln.start : ln.end], text[ln.body : ln.end], ln.blank, ln.markdown_heading)
        for ln in split_lines(text)
    ]


def test_every_kind_of_line_break_ends_a_line() -> None:
    text = "a\r\nb\nc\rd\ve\ff\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
    assert [t for t, *_ in spans(text)] == list("abcdefghijkl")


def test_a_crlf_is_one_break_and_a_final_break_leaves_an_empty_last_line() -> None:
    lines = split_lines("1. Grant.\r\n\r\n")
    assert [(ln.start, ln.end) for ln in lines] == [(0, 9), (11, 11), (13, 13)]
    assert [ln.blank for ln in lines] == [False, True, True]


def test_a_line_of_words_starts_at_its_first_visible_character() -> None:
    assert split_lines("   2.2(b) You may") == [Line(3, 17, 3, False, False)]
    assert spans("(a) item\n§ 3 Term") == [
        ("(a) item", "(a) item", False, False),
        ("§ 3 Term", "§ 3 Term", False, False),
    ]


@pytest.mark.parametrize(
    ("line", "label_at", "heading"),
    [
        ("# 1. Definitions", "1. Definitions", True),
        ("###### Deep", "Deep", True),
        ("####### Seven", "####### Seven", False),
        ("#1 no space", "#1 no space", False),
        ("> 2.2 quoted", "2.2 quoted", False),
        (">2.2 quoted", "2.2 quoted", False),
        ("- a) item", "a) item", False),
        ("* 1. item", "1. item", False),
        ("+ (iv). item", "(iv). item", False),
        ("- plain bullet text", "- plain bullet text", False),
        ("**2. Grant.**", "2. Grant.**", False),
        ("__ 3. Term", "3. Term", False),
        ("## **4. Fees**", "4. Fees**", True),
        ("\ufeff1. First", "1. First", False),
        ("\u200b## Heading", "Heading", True),
    ],
)
def test_markdown_markers_come_before_where_a_label_would_start(
    line: str, label_at: str, heading: bool
) -> None:
    [(_visible, body, blank, is_heading)] = spans(line)
    assert (body, blank, is_heading) == (label_at, False, heading)


def test_the_markers_of_a_line_in_the_middle_of_a_text() -> None:
    text = "Intro\n  # 1. Definitions\n\t> quoted"
    assert spans(text) == [
        ("Intro", "Intro", False, False),
        ("# 1. Definitions", "1. Definitions", False, True),
        ("> quoted", "quoted", False, False),
    ]


@pytest.mark.parametrize("line", ["", "   ", "\t", "\ufeff", "\u200b\ufeff ", "\u00a0", "\u200b \ufeff", " \u200b\t\u200b "])
def test_white_space_and_invisible_characters_make_a_blank_line(line: str) -> None:
    assert [ln.blank for ln in split_lines(line)] == [True]


def test_a_marker_alone_is_not_blank() -> None:
    assert [ln.blank for ln in split_lines("#  \n>\n---")] == [False, False, False]


@pytest.mark.parametrize(
    "end",
    ["the end.", "as follows:", "copies;", "Really!", "Why?", "(see 4)", "[1]", 'the "Work"', "“Work”",
     "the licensors'", "the licensor’", "**", "copies; and", "copies, or", "copies; and,", "copies;  or", "and/or"],
)  # fmt: skip
def test_a_line_that_ends_a_sentence_item_or_box_is_terminal(end: str) -> None:
    assert TERMINAL.search(end)


@pytest.mark.parametrize("end", ["the Licensor", "copies and", "copies, and more", "in all", "x-", "handor"])
def test_a_line_that_runs_on_is_not_terminal(end: str) -> None:
    assert not TERMINAL.search(end)


def test_a_blank_line_before_a_heading_is_blank_not_a_heading() -> None:
    lines = split_lines("\n# 1. Definitions")
    assert [(ln.blank, ln.markdown_heading, ln.body) for ln in lines] == [(True, False, 0), (False, True, 3)]


def test_markdown_emphasis_before_a_number_is_a_marker():
    # "**1.** Definitions", "*4.* Termination": the label starts after the emphasis
    assert split_lines("**1.** Definitions")[0].body == 2
    assert split_lines("*4.* Termination")[0].body == 1
    # a "* " bullet and a "___" rule are no emphasis before a word
    assert split_lines("* You may use it.")[0].body == 0
    assert split_lines("  ___")[0].body == 4
