"""licenses.text.pdf: a PDF license read page by page, its running headers and footers left out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licenses.text.pdf import PdfError, is_pdf, pdf_text
from tests.licenses.documents import DAMAGE, damaged, pdf

PAGES = [
    ["Example Model License 2.0", "1. Definitions", '"Output" means what the Model makes.', "Page 1"],
    ["Example Model License 2.0", "2. Grant", "You may use (the Model) and share it,", "Page 2"],
    ["Example Model License 2.0", "provided that you keep this License.", "3. Termination", "Page 3"],
]


def test_the_pages_are_read_in_order_without_their_running_header_and_footer():
    text = pdf_text(pdf(PAGES))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == [
        "Example Model License 2.0",  # the top of the first page is kept: there it is the title
        "1. Definitions",
        '"Output" means what the Model makes.',
        "2. Grant",
        "You may use (the Model) and share it,",
        "provided that you keep this License.",
        "3. Termination",
    ]


def test_a_line_that_repeats_on_few_pages_or_inside_them_is_the_licenses_own():
    pages = [
        [f"{n}. Clause {n}", "Words of the clause.", "You may copy.", "More words.", "Shared sentence."]
        for n in range(1, 5)
    ]
    pages[0][-1] = pages[1][-1] = "Half the pages end so."  # at the foot of 2 pages of 4
    text = pdf_text(pdf(pages))
    assert text.count("You may copy.") == 4  # on every page, but not at its top or foot
    assert text.count("Half the pages end so.") == 2
    assert [f"{n}. Clause {n}" in text for n in range(1, 5)] == [True] * 4  # headings, not page numbers
    # of two pages, a line at the top of both is a running header (the first page keeps its own)
    two = pdf_text(pdf([["Header", "1. Grant"], ["Header", "2. End"]]))
    assert two.splitlines() == ["Header", "1. Grant", "2. End"]
    assert pdf_text(pdf([["1. Grant"]])) == "1. Grant\n"


def test_is_pdf_reads_the_magic_number_only():
    assert is_pdf(pdf(PAGES))
    assert is_pdf(b"\n %PDF-1.7 ...")
    assert not is_pdf(b"1. Grant. PDF-1.7")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "damaged PDF"),
        (b"%PDF-1.4\n" + b"\x00" * 200, "damaged PDF"),
        (pdf([[], []]), "scanned pages"),
    ],
)
def test_a_pdf_that_cannot_give_text_is_refused_with_the_reason(data, reason):
    with pytest.raises(PdfError, match=reason) as caught:
        pdf_text(data)
    assert str(caught.value).startswith("The file is")


def test_a_small_file_that_unpacks_into_endless_drawing_is_refused_quickly():
    # 300,000 operations on one page, in a few KB: pypdf's own limits would read it, for seconds
    data = pdf([["a"] * 100_000], deflate=True)
    assert len(data) < 20_000
    with pytest.raises(PdfError, match="too long to read"):
        pdf_text(data)


def test_compressed_pages_are_read_like_plain_ones():
    assert pdf_text(pdf(PAGES, deflate=True)) == pdf_text(pdf(PAGES))


@given(DAMAGE, st.booleans())
@settings(max_examples=200, deadline=None, derandomize=True)  # the same examples on every CI run
def test_a_damaged_pdf_is_read_or_refused_never_a_crash(edits, deflate):
    try:
        pdf_text(damaged(pdf(PAGES, deflate=deflate), edits))
    except PdfError as error:
        assert str(error).startswith("The file is")


def test_ligatures_and_soft_hyphens_are_read_as_the_words_they_are(monkeypatch):
    # a PDF shows "fi" as one glyph, and pypdf gives it as U+FB01; cp1252 (the test PDFs' font
    # encoding) has no ligatures, so the test hands pdf_text the pages as pypdf would give them
    monkeypatch.setattr(
        "licenses.text.pdf.pdf_pages", lambda data: ["1. Deﬁnitions\nThe ﬂow of ofﬁce\u00adwork", "x"]
    )
    assert pdf_text(b"%PDF-") == "1. Definitions\nThe flow of officework\nx\n"


def test_a_gap_between_paragraphs_is_a_blank_line_and_indentation_stays():
    # pypdf's plain reading runs every line together; read as laid out, a paragraph's gap is a
    # blank line and an indented item keeps its indent, which the segmenter reads
    text = pdf_text(pdf([["1. Grant.", "You may copy it.", "", "     (a) in source form;", "", "2. End."]]))
    assert text == "1. Grant.\nYou may copy it.\n\n     (a) in source form;\n\n2. End.\n"


def test_a_damage_on_which_pypdf_asserts_is_refused_as_damage():
    # found by the property test above on CI: pypdf raised AssertionError("mypy") in a content stream
    edits = [(0, "insert", b"\x00" * 10), (589, "cut", b"\x00" * 12)]
    with pytest.raises(PdfError, match="damaged PDF"):
        pdf_text(damaged(pdf(PAGES, deflate=True), edits))
