"""licenses.text.numbering on its own: clause labels read at the start of a line."""

from __future__ import annotations

import pytest

from licenses.text.numbering import (
    Label,
    Reading,
    cjk_number,
    is_first,
    numeric_tokens,
    parse_label,
    roman_value,
    simple_readings,
    tokens,
)


def styles(line: str) -> list[tuple[tuple, tuple[int, ...]]]:
    label = parse_label(line)
    assert label is not None, line
    return [(r.style, r.value) for r in label.readings]


# -- roman numerals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("i", 1),
        ("ii", 2),  # equal letters add up
        ("iv", 4),
        ("IX", 9),
        ("xl", 40),
        ("XC", 90),
        ("cd", 400),
        ("cm", 900),
        ("mcdxliv", 1444),  # every letter once
        ("lxxxviii", 88),  # eight letters: the longest read
    ],
)
def test_roman_numerals_in_either_case(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value


@pytest.mark.parametrize("numeral", ["", "iiii", "vx", "abc", "dccclxxxv", "mmmdccclxxxviii"])
def test_what_is_no_roman_numeral_or_too_long_is_zero(numeral: str) -> None:
    # "dccclxxxv" (885) has nine letters: past the eight a label may hold
    assert roman_value(numeral) == 0


# -- tokens -----------------------------------------------------------------------------


def test_tokens_are_the_lower_case_runs_of_letters_and_digits() -> None:
    assert tokens("Section 2.2(b)") == ("section", "2", "2", "b")
    assert tokens("§ 4 — IV") == ("4", "iv")


@pytest.mark.parametrize(
    ("path", "numeric"),
    [
        (("section", "4", "1"), ("4", "1")),
        (("article", "iv", "2"), ("4", "2")),  # "Article IV" holds 4
        (("clause", "3"), ("3",)),
        (("article", "clause", "3"), ("3",)),  # every leading word goes
        (("iv", "2"), ("iv", "2")),  # no word: a letter item "(iv)" keeps its print
        (("section", "a"), ("a",)),  # a letter that is no numeral stays
        (("article", "5"), ("5",)),
        (("section",), ()),
        (("2", "0"), ("2",)),  # ODbL's "2.0" is 2
        (("2", "0", "0"), ("2",)),
        (("0",), ("0",)),  # a lone 0 stays
        (("3", "0", "1"), ("3", "0", "1")),  # only trailing zeros go
    ],
)
def test_numeric_tokens_drop_leading_words_and_trailing_zeros(path, numeric) -> None:
    assert numeric_tokens(path) == numeric


# -- readings of a simple label ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "deco", "readings"),
    [
        ("12", ".", [(("num", ".", 1), (12,))]),
        ("a", "()", [(("alpha", "()"), (1,))]),
        ("B", ")", [(("ALPHA", ")"), (2,))]),
        ("z", ".", [(("alpha", "."), (26,))]),
        ("i", "()", [(("alpha", "()"), (9,)), (("roman", "()"), (1,))]),  # letter or numeral
        ("IV", ".", [(("ROMAN", "."), (4,))]),
        ("aa", ".", [(("alpha", "."), (27,))]),  # "aa" continues a..z
        ("bb", ".", [(("alpha", "."), (28,))]),
        ("AA", "()", [(("ALPHA", "()"), (27,))]),
        ("ii", "()", [(("alpha", "()"), (35,)), (("roman", "()"), (2,))]),
        ("xx", ".", [(("alpha", "."), (50,)), (("roman", "."), (20,))]),
        ("ab", ".", []),
        ("aaa", ".", []),  # only doubled letters continue the alphabet
        ("Ab", ".", []),  # mixed case is no label
        ("Iv", ".", []),
    ],
)
def test_simple_readings(body: str, deco: str, readings) -> None:
    assert [(r.style, r.value) for r in simple_readings(body, deco)] == readings


# -- CJK article numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "value"),
    [
        ("12", 12),
        ("五", 5),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("三百", 300),
        ("一百〇五", 105),
        ("一百零五", 105),
        ("百二十", 120),
        ("百十", 110),  # a bare 十 after 百 is one ten
        ("九", 9),
        ("〇", 0),
        ("十X", 0),
        ("x", 0),
    ],
)
def test_cjk_numbers(number: str, value: int) -> None:
    assert cjk_number(number) == value


@pytest.mark.parametrize(
    "digit, value",
    [("一", 1), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9)],
)
def test_each_cjk_digit(digit: str, value: int) -> None:
    assert cjk_number(digit) == value
    assert cjk_number(digit + "十") == value * 10


def test_cjk_articles_are_worded_labels() -> None:
    assert parse_label("第1条 目的") == Label(
        "第1条", "word", (Reading(("num", "第条", 1), (1,)),), 3, ("1",)
    )
    assert parse_label("第十二條　定義") == Label(
        "第十二條", "word", (Reading(("num", "第條", 1), (12,)),), 4, ("12",)
    )
    assert parse_label("제3조 목적") == Label(
        "제3조", "word", (Reading(("num", "제조", 1), (3,)),), 3, ("3",)
    )
    assert parse_label("第 2 条") == Label("第 2 条", "word", (Reading(("num", "第条", 1), (2,)),), 5, ("2",))


def test_a_cjk_article_numbered_zero_is_no_label() -> None:
    assert parse_label("第零条 目的") is None
    assert parse_label("第〇条") is None


# -- where a label can start ------------------------------------------------------------


@pytest.mark.parametrize("line", ["", " 1. Grant", "-1. Grant", "*a) item", "“1.” quoted"])
def test_a_label_starts_with_a_letter_a_digit_a_bracket_or_a_section_sign(line: str) -> None:
    assert parse_label(line) is None


def test_only_the_first_forty_characters_are_read() -> None:
    assert parse_label("Section 12." + " " * 28 + "x") is not None
    assert parse_label("1. " + "word " * 20).text == "1."


def test_pasted_spaces_after_a_number_read_as_spaces() -> None:
    for space in ("\u00a0", "\u2002", "\u2009", "\u202f", "\u3000"):
        label = parse_label(f"1.{space}Définitions")
        assert label is not None and label.text == "1." and label.length == 2, repr(space)
    assert parse_label("2\u00a0Définitions") == Label(
        "2", "simple", (Reading(("num", " ", 1), (2,)),), 1, ("2",)
    )


def test_a_roman_label_in_a_line_with_accents_keeps_its_letters() -> None:
    # the line is not ASCII, so its spaces are translated: the letters must be left alone
    assert styles("XII. Généralités") == [(("ROMAN", "."), (12,))]
    assert parse_label("X. Généralités").text == "X."


# -- worded labels ----------------------------------------------------------------------


def test_section_word_and_number() -> None:
    assert parse_label("Section 4. Grant") == Label(
        "Section 4", "word", (Reading(("num", "section", 1), (4,)),), 10, ("section", "4")
    )
    assert parse_label("SECTION 2.3.1 Terms") == Label(
        "SECTION 2.3.1", "word", (Reading(("num", "section", 3), (2, 3, 1)),), 13, ("section", "2", "3", "1")
    )


def test_article_with_roman_numeral_and_french_ordinal() -> None:
    assert parse_label("ARTICLE IV - Term") == Label(
        "ARTICLE IV", "word", (Reading(("num", "article", 1), (4,)),), 10, ("article", "iv")
    )
    assert parse_label("Article 1er - Objet") == Label(
        "Article 1er", "word", (Reading(("num", "article", 1), (1,)),), 11, ("article", "1er")
    )
    assert styles("Clause 7: Law") == [(("num", "clause", 1), (7,))]
    assert styles("CLAUSE 8") == [(("num", "clause", 1), (8,))]
    assert styles("Article 2") == [(("num", "article", 1), (2,))]


def test_paragraph_sign() -> None:
    assert parse_label("§ 3 Haftung") == Label("§ 3", "word", (Reading(("num", "§", 1), (3,)),), 3, ("3",))
    assert parse_label("§3. Term").text == "§3"


def test_worded_roman_that_is_no_numeral_and_a_roman_paragraph_sign_are_no_labels() -> None:
    assert parse_label("Section VX") is None
    assert parse_label("Section IIII") is None
    assert parse_label("§ IV") is None


# -- decimal labels and addresses -------------------------------------------------------


def test_decimal_numbers() -> None:
    assert parse_label("2.1 Grants") == Label(
        "2.1", "dec", (Reading(("num", "dec", 2), (2, 1)),), 3, ("2", "1")
    )
    assert parse_label("2.1. Grants") == Label(
        "2.1.", "dec", (Reading(("num", "dec", 2), (2, 1)),), 4, ("2", "1")
    )
    assert styles("3.2.1) Terms") == [(("num", "dec", 3), (3, 2, 1))]
    assert styles("2.0.1 Terms") == [(("num", "dec", 3), (2, 0, 1))]


def test_a_point_zero_number_is_a_top_level_number() -> None:
    assert parse_label("2.0 Terms") == Label(
        "2.0", "simple", (Reading(("num", ".", 1), (2,)),), 3, ("2", "0")
    )
    assert styles("3.0. Use") == [(("num", ".", 1), (3,))]


def test_an_address_with_item_letters_is_read_by_its_last_item() -> None:
    assert parse_label("2.2(b) You may") == Label(
        "2.2(b)", "addr", (Reading(("alpha", "()"), (2,)),), 6, ("2", "2", "b")
    )
    assert styles("2.2(b)(i) copy") == [(("alpha", "()"), (9,)), (("roman", "()"), (1,))]
    assert styles("4.1(c)(2)(B) x") == [(("ALPHA", "()"), (2,))]
    assert parse_label("2.2(ab) x") is None


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("1.Definitions", "1."),  # a number runs on into its title
        ("5.2.“Data” means", "5.2."),
        ("12)Scope", "12)"),
    ],
)
def test_a_number_may_run_on_into_its_words(line: str, text: str) -> None:
    assert parse_label(line).text == text


@pytest.mark.parametrize("line", ["U.S. law applies", "e.g. the Work", "2.2(b)Foo", "a.Foo"])
def test_letters_or_addresses_running_on_into_words_are_no_labels(line: str) -> None:
    assert parse_label(line) is None


# -- sub-parts and numbers before a capital ---------------------------------------------


def test_sub_parts_4a_4b() -> None:
    assert parse_label("4A Restrictions") == Label(
        "4A", "dec", (Reading(("num", "dec", 2), (4, 1)),), 2, ("4", "a")
    )
    assert styles("4C  Use") == [(("num", "dec", 2), (4, 3))]
    assert parse_label("4A restrictions") is None
    assert parse_label("4A RESTRICTIONS") is None  # a capital then a small letter: a title


def test_a_number_before_a_capital() -> None:
    assert parse_label("1 Definitions") == Label("1", "simple", (Reading(("num", " ", 1), (1,)),), 1, ("1",))
    assert parse_label('3 "Licensor" means').text == "3"
    assert parse_label("1 definitions") is None
    assert parse_label("1234 Main Street") is None  # four digits: no clause number before a capital


# -- brackets and bare labels -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "readings", "text"),
    [
        ("(a) item", [(("alpha", "()"), (1,))], "(a)"),
        ("(iv) item", [(("roman", "()"), (4,))], "(iv)"),
        ("(12) item", [(("num", "()", 1), (12,))], "(12)"),
        ("(B) item", [(("ALPHA", "()"), (2,))], "(B)"),
        ("[1] item", [(("num", "[]", 1), (1,))], "[1]"),
        ("[a] item", [(("alpha", "[]"), (1,))], "[a]"),
        ("a. item", [(("alpha", "."), (1,))], "a."),
        ("1) item", [(("num", ")", 1), (1,))], "1)"),
        ("1- OBJET", [(("num", ".", 1), (1,))], "1-"),  # a dash after a number is a dot
        ("100. Terms", [(("num", ".", 1), (100,))], "100."),
        ("zz. item", [(("alpha", "."), (52,))], "zz."),
        ("ZZ) item", [(("ALPHA", ")"), (52,))], "ZZ)"),
        ("iii. item", [(("roman", "."), (3,))], "iii."),
        ("1．「本ソフトウェア」とは", [(("num", "．", 1), (1,))], "1．"),
        ("2、目的", [(("num", "、", 1), (2,))], "2、"),
        ("3， 範囲", [(("num", "，", 1), (3,))], "3，"),
        ("7: Term", [], None),
    ],
)
def test_bracketed_and_bare_labels(line: str, readings, text) -> None:
    label = parse_label(line)
    if text is None:
        assert label is None
        return
    assert label.kind == "simple"
    assert label.text == text
    assert label.length == len(text)
    assert [(r.style, r.value) for r in label.readings] == readings


@pytest.mark.parametrize("line", ["[name] of the owner", "(abcde) x", "(ab) x", "a- item", "ab. item"])
def test_what_reads_like_a_placeholder_or_a_word_is_no_label(line: str) -> None:
    assert parse_label(line) is None


def test_a_label_needs_a_break_after_it() -> None:
    assert parse_label("1.5mm wide") is None
    assert parse_label("a.b.c") is None
    assert parse_label("(a)b") is None
    assert parse_label("2.1") is not None  # the end of the line is a break
    assert parse_label("(c)—see").text == "(c)"
    assert parse_label("3.– Term").text == "3."


def test_a_labels_tokens() -> None:
    assert parse_label("(iv) x").tokens == ("iv",)
    assert parse_label("B. x").tokens == ("b",)


# -- first values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reading", "first"),
    [
        (Reading(("num", "dec", 2), (2, 1)), True),
        (Reading(("num", "dec", 2), (2, 0)), True),
        (Reading(("num", "dec", 2), (2, 2)), False),
        (Reading(("num", "dec", 2), (1, 2)), False),
        (Reading(("num", "dec", 3), (2, 1, 3)), False),  # the last part counts
        (Reading(("num", "dec", 3), (2, 3, 1)), True),
        (Reading(("num", ".", 1), (1,)), True),
        (Reading(("num", ".", 1), (0,)), True),  # "0. Definitions"
        (Reading(("num", ".", 1), (2,)), False),
        (Reading(("alpha", "()"), (1,)), True),
        (Reading(("alpha", "()"), (0,)), False),  # letters start at a
        (Reading(("alpha", "()"), (2,)), False),
        (Reading(("roman", "()"), (1,)), True),
        (Reading(("ROMAN", "."), (2,)), False),
    ],
)
def test_which_readings_can_open_a_list(reading: Reading, first: bool) -> None:
    assert is_first(reading) is first


def test_emphasis_closing_right_after_a_number():
    # "**1.** Definitions": the number ends where the emphasis closes
    assert parse_label("1.** Definitions").text == "1."
    assert parse_label("4.* Termination").text == "4."
    assert parse_label("3.__").text == "3."
    assert parse_label("1.**Definitions") is None  # emphasis that runs on is no closing mark
