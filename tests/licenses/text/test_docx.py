"""licenses.text.docx: a Word license keeps the clause numbers Word draws itself."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licenses.text.docx import DocumentError, docx_text, is_docx
from tests.licenses.documents import DAMAGE, damaged, docx, docx_level, docx_list
from tests.licenses.documents import docx_paragraph as p

OUTLINE = docx_list(
    docx_level(0, "decimal", "%1."),
    docx_level(1, "decimal", "%1.%2"),
    docx_level(2, "lowerLetter", "(%3)"),
    docx_level(3, "lowerRoman", "(%4)"),
)


def lines(data: bytes) -> list[str]:
    return [line for line in docx_text(data).splitlines() if line.strip()]


def test_automatic_numbers_are_written_out_as_word_shows_them():
    body = (
        p("Example Model License")
        + p("Definitions", num=1)
        + p("“Output” means what the Model makes.", num=1, level=1)
        + p("“Model” means the weights.", num=1, level=1)
        + p("Grant", num=1)
        + p("Conditions", num=1, level=1)
        + p("You keep this License with every copy;", num=1, level=2)
        + p("where You share Output as a dataset:", num=1, level=2)
        + p("You include a notice.", num=1, level=3)
        + p("You may charge a fee.", num=1, level=2)
        + p("Closing words, not numbered.")
    )
    assert lines(docx(body, numbering=OUTLINE)) == [
        "Example Model License",
        "1. Definitions",
        "1.1 “Output” means what the Model makes.",
        "1.2 “Model” means the weights.",
        "2. Grant",
        "2.1 Conditions",  # the second level restarts under a new first-level item
        "(a) You keep this License with every copy;",
        "(b) where You share Output as a dataset:",
        "(i) You include a notice.",
        "(c) You may charge a fee.",
        "Closing words, not numbered.",
    ]


def test_numbers_from_styles_start_overrides_and_upper_case_formats():
    numbering = (
        '<w:abstractNum w:abstractNumId="1">'
        + docx_level(0, "upperRoman", "Article %1", style="Heading1")
        + docx_level(1, "upperLetter", "%2)", start=1)
        + '</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="5"><w:abstractNumId w:val="1"/>'
        + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    styles = (
        '<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="LicenseHeading"><w:basedOn w:val="Heading1"/></w:style>'
    )
    body = (
        p("Grant", style="Heading1")
        + p("Copy", num=4, level=1)
        + p("Share", num=4, level=1)
        + p("Notice", style="LicenseHeading")  # numbered through the style it is based on
        + p("Schedule restarts", num=5)  # a startOverride starts the list again
    )
    assert lines(docx(body, numbering=numbering, styles=styles)) == [
        "Article I Grant",
        "A) Copy",
        "B) Share",
        "Article II Notice",
        "Article I Schedule restarts",
    ]


def test_deleted_text_field_codes_and_empty_numbered_paragraphs_are_left_out():
    body = (
        "<w:p><w:r><w:t>You may </w:t></w:r><w:del><w:r><w:delText>not </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>freely </w:t></w:r></w:ins><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:t>copy.</w:t><w:br/><w:t>Next line.</w:t></w:r></w:p>"
        + p("", num=1)  # an empty numbered paragraph takes no number
        + p("Definitions", num=1)
    )
    assert lines(docx(body, numbering=OUTLINE)) == ["You may freely copy.", "Next line.", "1. Definitions"]


def test_is_docx_needs_the_document_part():
    assert is_docx(docx(p("x")))
    assert not is_docx(b"PK\x03\x04 not a zip")
    assert not is_docx(docx(p("x")).replace(b"word/document.xml", b"word/documenX.xml"))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not a zip at all", "not a readable zip"),
        (docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "damaged Word document"),
    ],
)
def test_a_damaged_or_hostile_document_is_refused_with_the_reason(data, reason):
    with pytest.raises(DocumentError, match=reason) as caught:
        docx_text(data)
    assert str(caught.value).startswith("The file is")


def test_an_entity_declaration_is_refused_before_parsing():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>',
        )
    with pytest.raises(DocumentError, match="XML entities"):
        docx_text(out.getvalue())


def test_a_list_that_takes_its_levels_from_a_numbering_style_is_numbered_by_them():
    numbering = (
        '<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="LegalList"/>'
        + docx_level(0, "decimal", "%1.")
        + docx_level(1, "lowerLetter", "(%2)")
        + '</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="LegalList"/></w:abstractNum>'
        + '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="9"><w:abstractNumId w:val="2"/></w:num>'
    )
    body = p("Grant", num=9) + p("to copy;", num=9, level=1) + p("Notice", num=9)
    assert lines(docx(body, numbering=numbering)) == ["1. Grant", "(a) to copy;", "2. Notice"]


def test_hostile_numbers_are_kept_small():
    numbering = docx_list(
        docx_level(0, "lowerLetter", "%1)", start=10**12),
        docx_level(1, "upperRoman", "%2.", start=-5),
    )
    bad_level = p("Bad level", num=1).replace('<w:ilvl w:val="0"/>', '<w:ilvl w:val="x"/>')
    body = p("Huge", num=1) + p("Negative", num=1, level=1) + bad_level
    # a start of a trillion is held at 10,000 (written in digits, not 385 letters); a negative
    # start at 0, which no format writes; a level that is no number is the first
    assert lines(docx(body, numbering=numbering)) == ["10000) Huge", "Negative", "10001) Bad level"]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["decimal", "lowerLetter", "upperRoman", "bullet", "none", "decimalZero", "??"]),
            st.text(alphabet="%0123456789.()x ", max_size=8),
            st.integers(min_value=-(10**15), max_value=10**15),
        ),
        max_size=10,
    ),
    st.lists(
        st.tuples(
            st.text(max_size=20),
            st.sampled_from(["1", "2", "0", "", "x"]),
            st.text(alphabet="0123456789x-", max_size=4),
        ),
        max_size=30,
    ),
)
@settings(max_examples=150, deadline=None, derandomize=True)  # the same examples on every CI run
def test_any_numbering_reads_as_text_or_is_refused(levels, paragraphs):
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{escape(text)}"/></w:lvl>'
            for i, (fmt, text, start) in enumerate(levels)
        )
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
        for text, num, level in paragraphs
    )
    try:
        text = docx_text(docx(body, numbering=numbering))
    except DocumentError:
        return  # e.g. characters XML cannot hold
    assert isinstance(text, str) and len(text) < 100_000


@given(DAMAGE)
@settings(max_examples=300, deadline=None, derandomize=True)  # the same examples on every CI run
def test_a_damaged_word_file_is_read_or_refused_never_a_crash(edits):
    base = docx(p("Grant", num=1) + p("to copy", num=1, level=1) + p("End", num=1), numbering=OUTLINE)
    try:
        docx_text(damaged(base, edits))
    except DocumentError as error:
        assert str(error).startswith("The file is")
