"""licenses.text.headings on its own: does a piece of text read like a heading?"""

from __future__ import annotations

import pytest

from licenses.text.headings import APPENDIX, UNDERLINE, is_heading_text, split_inline_heading


@pytest.mark.parametrize(
    "text",
    [
        "Grant of Copyright License.",
        "DEFINITIONS",
        "**Limitation of Liability**",
        "__Term__",
        "  Disclaimer of Warranty  ",
        "Redistribution",
        "Terms and Conditions for Use, Reproduction, and Distribution",
        "Use of the Software by the Licensee",  # 3 of 4 long words capitalised
        "第一条 定义",  # a script without case, short
        "IP",
        "Patents",
    ],
)
def test_short_titles_read_as_headings(text: str) -> None:
    assert is_heading_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "**",
        "A compatible license.",
        "You may copy the work.",
        "Definitions,",
        "Definitions;",
        "Definitions:",
        "Terms; Conditions",
        "the grant",
        "Grant. Subject to the terms",
        "This License applies to any program or other work which contains a notice placed by",
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen",
        "X" + "x" * 100,
        "第一条 本许可证适用于任何包含版权声明的程序或其他作品。",
        "本许可证适用于任何作品。",
        "A",
        "1.",
        "Use of the software by the licensee",
    ],
)
def test_sentences_and_fragments_do_not(text: str) -> None:
    assert not is_heading_text(text)


def test_a_heading_is_at_most_a_hundred_characters() -> None:
    words = "Grant " * 16 + "Term"  # 100 characters, 17 words: too many words
    assert len(words) == 100
    title = (
        "Interpretation and Responsibilities of Contributors Regarding Indemnification Notwithstanding Redist"
    )
    assert len(title) == 100 and is_heading_text(title)
    assert not is_heading_text(title + "b")


def test_a_heading_has_at_most_twelve_words() -> None:
    twelve = " ".join(["Grant"] * 12)
    assert is_heading_text(twelve)
    assert not is_heading_text(twelve + " Grant")


def test_most_long_words_of_a_heading_are_capitalised() -> None:
    assert is_heading_text("Grant of Rights and Licences of the Work")  # 4 of 5 long words
    assert is_heading_text("Rights to Copy and the Licence terms")  # 3 of 5: 0.6
    assert not is_heading_text("Rights to copy and the licence terms")  # 1 of 4


def test_a_caseless_title_is_short_and_has_no_full_stop() -> None:
    assert is_heading_text("第一条 定义与解释说明之条款")  # 14 characters
    assert not is_heading_text("第一条 定义。")
    assert not is_heading_text("第一条 定义与解释说明之条款及其适用范围条")  # over 20
    assert is_heading_text("定义与解释说明之条款及其适用范围条款等事")  # 20 characters
    assert len("定义与解释说明之条款及其适用范围条款等事") == 20


def test_capitals_need_two_letters() -> None:
    assert is_heading_text("IP")
    assert not is_heading_text("I")
    assert is_heading_text("1. GRANT")


@pytest.mark.parametrize("line", ["===", "---", "___", "***", "~~~", "- - -", "  ======  ", "=-=-"])
def test_underlines(line: str) -> None:
    assert UNDERLINE.fullmatch(line)


@pytest.mark.parametrize("line", ["==", "--x", "= =", "abc"])
def test_not_underlines(line: str) -> None:
    assert not UNDERLINE.fullmatch(line)


@pytest.mark.parametrize(
    "line",
    [
        "Appendix A",
        "EXHIBIT 1",
        "Schedule of fees",
        "Annex",
        "Addendum",
        "How to Apply These Terms",
        "END OF TERMS AND CONDITIONS",
        "End of the terms",
    ],
)
def test_appendix_headings(line: str) -> None:
    assert APPENDIX.match(line)


@pytest.mark.parametrize("line", ["Appendixes", "The appendix", "End of term"])
def test_not_appendix_headings(line: str) -> None:
    assert not APPENDIX.match(line)


@pytest.mark.parametrize(
    ("body", "split"),
    [
        (
            "Grant of Copyright License. Subject to the terms of this License, each Contributor grants",
            ("Grant of Copyright License.", "Subject to the terms of this License, each Contributor grants"),
        ),
        ("Definitions.", ("Definitions.", "")),
        ("Definitions.   ", ("Definitions.", "")),
        ('Definitions. "License" shall mean', ("Definitions.", '"License" shall mean')),
        ("Termination. (a) If you", ("Termination.", "(a) If you")),
        ("Warranty. THE SOFTWARE", ("Warranty.", "THE SOFTWARE")),
        ("Grant of a License by the Owner. You may", ("Grant of a License by the Owner.", "You may")),
    ],
)
def test_an_inline_heading_is_split_from_its_text(body: str, split: tuple[str, str]) -> None:
    assert split_inline_heading(body) == split


@pytest.mark.parametrize(
    "body",
    [
        "This License applies. Other words",
        "You may copy it. Then",
        "The Licensor grants. X",
        "Licensor Grants. X",
        "Licensee Duties. X",
        "Each Contributor. X",
        "Any Work. X",
        "All Rights. X",
        "If Needed. X",
        "No Warranty. THE SOFTWARE",
        "No Warranty Given Here At All For Any Reason Whatsoever. THE",  # 9 words
        "Grant of copyright license. Subject",  # a lower-case word that is not a small word
        "grant of License. Subject",
        "Grant of License. subject to",
        "Grant of License.Subject",
        "Grant of License (Patents). Subject",
        "Grant, Term. Subject",
        "",
    ],
)
def test_an_ordinary_first_sentence_stays_in_the_text(body: str) -> None:
    assert split_inline_heading(body) == ("", body)


def test_an_inline_heading_has_at_most_eight_words_and_sixty_characters() -> None:
    eight = "Grant of the License to Use and Copy. Subject"
    assert split_inline_heading(eight) == ("Grant of the License to Use and Copy.", "Subject")
    long = "Grant " + "A" * 56 + ". Subject"
    assert split_inline_heading(long)[0] == ""


def test_titles_that_start_or_end_with_a_capital_x() -> None:
    assert is_heading_text("Appendix X")
    assert is_heading_text("X11 License Terms")


def test_three_of_five_long_words_capitalised_is_enough() -> None:
    assert is_heading_text("Rights to Copy and Licence the work terms")


def test_nine_words_are_too_many_for_an_inline_heading() -> None:
    body = "Grant of the License to Use and Copy It. Subject"
    assert split_inline_heading(body) == ("", body)


@pytest.mark.parametrize("body", ["You Agree. X", "This License. X", "The Software. X"])
def test_capitalised_opening_words_of_a_sentence_are_not_an_inline_heading(body: str) -> None:
    assert split_inline_heading(body) == ("", body)


def test_inline_heading_in_markdown_emphasis():
    assert split_inline_heading("Grant.** Subject to this.") == ("Grant.", "Subject to this.")
    assert split_inline_heading("__Notices.__ You must keep it.") == ("Notices.", "You must keep it.")
    assert not is_heading_text("Grant.** Subject to the terms of this License.")  # two sentences
