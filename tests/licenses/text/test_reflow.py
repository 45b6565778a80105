"""licenses.text.reflow: wrapped lines join for reading; lists, tables and deliberate breaks stay."""

import re
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from licenses.text.reflow import reflow, reflow_pieces, underline_spans, wrap_width

PROSE = (
    "Subject to the terms and conditions of this License, each Contributor hereby grants to You a "
    "perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable copyright license to "
    "reproduce, prepare Derivative Works of, publicly display, publicly perform, sublicense, and "
    "distribute the Work and such Derivative Works in Source or Object form."
)


def wrapped(s: str, width: int = 72, indent: str = "") -> str:
    return textwrap.fill(s, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)


def test_a_wrapped_paragraph_reads_as_one_line():
    assert reflow(wrapped(PROSE)) == PROSE


def test_paragraph_breaks_stay():
    text = wrapped(PROSE) + "\n\n" + wrapped(PROSE)
    assert reflow(text) == PROSE + "\n\n" + PROSE


def test_list_items_keep_their_own_lines_and_their_wrapping_joins():
    items = [
        "(a) " + PROSE,
        "(b) You must give any other recipients of the Work or Derivative Works a copy of this License; and",
        "(c) You must cause any modified files to carry prominent notices stating that You changed the files.",
    ]
    text = (
        "You may distribute copies provided that You meet the following conditions, all of them:\n"
        + "\n".join(textwrap.fill(i, 72, subsequent_indent="    ", break_on_hyphens=False) for i in items)
    )
    lines = reflow(text).split("\n")
    assert lines == [
        "You may distribute copies provided that You meet the following conditions, all of them:",
        *items,
    ]


def test_dash_and_roman_items_stay_apart():
    text = wrapped("The Licensee shall, when it distributes the Model to a Third Party, meet these:") + (
        "\n- keep this notice and every copyright notice that the Model carries, unchanged;\n"
        "- state the changes You made.\nv. fifth item\nvi. sixth item"
    )
    assert reflow(text).count("\n") == 4


def test_short_lines_stay_apart_a_title_block_and_an_address():
    text = (
        "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n\n"
        + wrapped(PROSE)
        + ("\n\nExample Corp.\n1 Main Street\nSpringfield\n")
    )
    out = reflow(text)
    assert out.startswith("GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n\n" + PROSE)
    assert out.endswith("Example Corp.\n1 Main Street\nSpringfield\n")


def test_tables_and_rules_keep_their_rows():
    table = (
        "Name            Version    Licence identifier used in the source files\n"
        "Core library    2.1        LGPL-2.1-only or any later version of that licence\n"
        "Documentation   1.3        GFDL-1.3-or-later, with no invariant sections at all\n"
    )
    assert reflow(table) == table
    ruled = "=" * 70 + "\n" + wrapped(PROSE)
    assert reflow(ruled) == "=" * 70 + "\n" + PROSE


def test_unwrapped_text_and_crlf():
    long_lines = PROSE + "\n" + PROSE + "\n"
    assert reflow(long_lines) == long_lines  # each line is a paragraph already
    assert reflow(wrapped(PROSE).replace("\n", "\r\n")) == PROSE


def test_a_word_broken_at_its_hyphen_joins_without_a_space():
    first = "Subject to the terms of this License, each Contributor grants You a non-"
    text = f"{first}\nexclusive, royalty-free copyright license to reproduce and share the Work\nin any form."
    assert len(first) == 72
    assert (
        reflow(text)
        == first + "exclusive, royalty-free copyright license to reproduce and share the Work in any form."
    )


def test_pieces_line_up_with_the_whole():
    text = wrapped(PROSE)
    cut = [text[:50], text[50:75], text[75:200], text[200:]]
    out = reflow_pieces(cut)
    assert "".join(out) == reflow(text)
    assert out[0] == text[:50]  # no break inside the first 50 characters
    assert reflow_pieces(["one line", " only"]) == ["one line", " only"]


def test_keep_length_keeps_every_offset():
    text = wrapped(PROSE, indent="   ") + "\r\n\r\n(a) item\n"
    shown = reflow(text, keep_length=True)
    assert len(shown) == len(text)
    assert _words(shown) == _words(text)
    assert " ".join(shown.split()) == " ".join(reflow(text).split())
    assert "\n" not in shown.split("\r\n\r\n")[0]
    pieces = reflow_pieces([text[:100], text[100:]], keep_length=True)
    assert [len(p) for p in pieces] == [100, len(text) - 100]


def _words(s: str) -> str:
    return "".join(s.split())


@given(
    st.lists(
        st.sampled_from(["word", "(a)", "1.", "-", "---", "====", "\n", "\n\n", " ", "\t", "\r\n", "|", "Licensor"]),
        max_size=200,
    )
)
def test_reflow_only_changes_whitespace_and_hides_title_underlines(tokens):
    text = "".join(tokens)
    kept, at = [], 0
    for start, end, _ in underline_spans(text):  # the rows of = or - under a title, and nothing else
        kept.append(text[at:start])
        assert set(text[start:end].strip()) <= {"=", "-"}
        at = end
    kept.append(text[at:])
    assert _words(reflow(text)) == _words("".join(kept))


@given(
    st.text(alphabet=st.sampled_from("ab .\n\r\t("), max_size=300), st.lists(st.integers(0, 300), max_size=5)
)
def test_reflow_pieces_join_to_reflow(text, cuts):
    points = sorted({min(c, len(text)) for c in cuts})
    pieces = [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    assert "".join(reflow_pieces(pieces)) == reflow(text)


def test_a_long_text_reflows_quickly():
    import time

    text = (wrapped(PROSE) + "\n\n") * 400
    t0 = time.process_time()  # CPU time, so that other jobs on a shared machine do not count
    out = reflow(text)
    assert time.process_time() - t0 < 2.0  # 0.02 s
    assert not re.search(r"[a-z]\n[a-z]", out)


def test_a_short_first_line_that_goes_on_in_lower_case_joins():
    # the clause text after its inline heading: "Grant of Licenses. " was cut off the first line
    text = "Subject to the terms and\n" + wrapped(PROSE.replace("Subject to the terms and ", "", 1))
    assert reflow(text) == PROSE
    lists = "You may:\n(a) copy;\nand share.\nTitle Line\nVersion 2, 2024"
    assert reflow(lists + "\n" + wrapped(PROSE)).startswith(lists)


# The "would the word have fitted" rule at its bounds. A text of lines as long as ``width`` has
# that wrap width; a line joins the next when ``len(line) + 1 + len(next word)`` passes
# ``width - slack`` (slack: width // 8, at least 8).


def sized(n: int, first: str = "Abcd", indent: str = "") -> str:
    """A line of exactly ``n`` characters (after ``indent``) that ends a sentence."""
    return indent + first + " " + "x" * (n - len(first) - 2) + "."


def paragraph(first: str, width: int, indent: str = "", count: int = 9) -> str:
    return "\n".join([first] + [sized(width, indent=indent)] * count)


def breaks_after_first(text: str) -> bool:
    return reflow(text).split("\n")[0] == text.split("\n")[0]


def test_wrap_width_is_where_nine_lines_in_ten_stay():
    assert wrap_width([]) == 0
    assert wrap_width([60, 70]) == 70
    assert wrap_width(list(range(1, 11))) == 10
    assert wrap_width([5, 1, 3]) == 5


def test_a_break_stays_where_the_next_word_would_just_have_fitted():
    # width 70, slack 8: 57 + 1 + 4 = 62 fits, 58 + 1 + 4 = 63 does not
    assert breaks_after_first(paragraph(sized(57), 70))
    assert not breaks_after_first(paragraph(sized(58), 70))


def test_slack_grows_with_the_width():
    # width 80, slack 10: 66 + 1 + 4 = 71 passes 70
    assert not breaks_after_first(paragraph(sized(66), 80))
    assert breaks_after_first(paragraph(sized(65), 80))


def test_wrap_widths_from_45_to_110_are_reflowed():
    assert not breaks_after_first(paragraph(sized(40), 45))
    assert not breaks_after_first(paragraph(sized(100), 110))
    assert breaks_after_first(paragraph(sized(40), 44))  # narrower: a block of short lines
    assert breaks_after_first(paragraph(sized(100), 111))  # wider: paragraphs already


def test_tabs_count_as_the_columns_they_fill():
    # lines of a tab and 63 characters are 71 columns wide: slack 8, so 63 columns fit
    assert breaks_after_first(paragraph(sized(50, indent="\t"), 63, indent="\t"))  # 58 + 5 = 63
    assert not breaks_after_first(paragraph(sized(51, indent="\t"), 63, indent="\t"))  # 59 + 5


def test_an_indented_item_keeps_its_line():
    text = paragraph(sized(66), 70, count=3) + "\n   (b) " + sized(60)
    assert reflow(text).split("\n")[1] == "   (b) " + sized(60)


def test_an_indented_line_that_goes_on_in_lower_case_joins():
    text = "Abcd xxxxx the\n   going on " + sized(40) + "\n" + paragraph(sized(70), 70)
    assert reflow(text).startswith("Abcd xxxxx the going on Abcd")


def test_a_line_that_goes_on_is_judged_by_its_first_letter():
    text = "Abcd xxxxx the\neBay " + sized(40) + "\n" + paragraph(sized(70), 70)
    assert reflow(text).startswith("Abcd xxxxx the eBay Abcd")


def test_a_hyphen_break_before_an_indented_continuation_joins_the_word():
    text = "Abcd xxxxx non-\n   exclusive " + sized(40) + "\n" + paragraph(sized(70), 70)
    assert reflow(text).startswith("Abcd xxxxx non-exclusive Abcd")


def test_pieces_of_an_indented_text_reflow_as_the_whole_does():
    text = paragraph(sized(58), 70, indent="   ")
    whole = reflow(text)
    assert whole != text
    cuts = [0, 10, 75, 150, 300, len(text)]
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    assert "".join(reflow_pieces(pieces)) == whole


def test_a_hyphen_break_joins_on_the_first_letter_of_the_next_line():
    text = "Abcd xxxxx pre-\niOS " + sized(40) + "\n" + paragraph(sized(70), 70)
    assert reflow(text).startswith("Abcd xxxxx pre-iOS Abcd")


def test_a_title_underline_is_not_shown_as_a_row_of_marks():
    # MPL-2.0 opens with a Markdown-style title: the "=====" line under it is typography, not text.
    title = "Mozilla Public License Version 2.0"
    assert reflow(title + "\n" + "=" * len(title)) == title
    assert reflow("Preamble\n--------\n\n" + wrapped(PROSE)) == "Preamble\n\n" + PROSE
    # an over- and underlined title loses both rules
    assert reflow("=" * 12 + "\nTHE LICENSE\n" + "=" * 12) == "THE LICENSE"


def test_an_underline_keeps_every_offset_when_kept_length():
    text = "Mozilla Public License Version 2.0\n" + "=" * 34 + "\n\n1. Definitions"
    shown = reflow(text, keep_length=True)
    assert len(shown) == len(text)
    assert "=" not in shown
    assert shown.startswith("Mozilla Public License Version 2.0 ")
    assert shown.endswith("\n\n1. Definitions")


def test_a_rule_that_underlines_nothing_stays():
    # a separator between two paragraphs, or a rule much longer than the short line above it
    sep = "First paragraph ends here.\n\n" + "-" * 40 + "\n\nSecond paragraph."
    assert reflow(sep) == sep
    long_rule = "Note\n" + "=" * 60
    assert reflow(long_rule) == long_rule
    table_rule = "Name      Value\n" + "-" * 15 + "\nfoo       1"
    assert reflow(table_rule) == table_rule


def test_a_short_definition_head_joins_the_word_that_goes_on_below_it():
    # MPL-2.0 1.5: the defined term on one line, "means" on the next, the items as clauses of their own
    assert reflow('"Incompatible With Secondary Licenses"\n    means') == '"Incompatible With Secondary Licenses" means'
    # a block of short lines that start in capitals stays apart
    assert reflow("Example Corp.\n1 Main Street\nSpringfield") == "Example Corp.\n1 Main Street\nSpringfield"
    assert reflow("Version 2.0,\nJanuary 2004") == "Version 2.0,\nJanuary 2004"


def test_in_a_text_of_paragraph_lines_only_a_line_that_goes_on_in_lower_case_joins():
    # EUPL-1.2's clause 2: wrapped at about 120 columns, then a list of dash items
    long = "The Licensor hereby grants You a worldwide, royalty-free, non-exclusive, sublicensable licence to do the following, for"
    text = (
        long + "\nthe duration of copyright vested in the Original Work:\n— use the Work in any circumstance,\n"
        "— reproduce the Work.\n" + sized(130) + "\n" + sized(130)
    )
    out = reflow(text).split("\n")
    assert out[0] == long + " the duration of copyright vested in the Original Work:"
    assert out[1:3] == ["— use the Work in any circumstance,", "— reproduce the Work."]
    # a sentence that ends, or a line going on in capitals, keeps its break there
    assert breaks_after_first(paragraph(sized(100), 111))
