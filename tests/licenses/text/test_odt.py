"""licenses.text.odt: a LibreOffice license keeps the clause numbers its list and outline styles draw."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from licenses.text.odt import is_odt, odt_text
from licenses.text.office import DocumentError
from tests.licenses.documents import DAMAGE, damaged, docx, odt, odt_list_style


def lines(data: bytes) -> list[str]:
    return [line for line in odt_text(data).splitlines() if line.strip()]


def item(text: str, inner: str = "") -> str:
    return f"<text:list-item><text:p>{text}</text:p>{inner}</text:list-item>"


LISTS = odt_list_style("L1", ("1", ".", 1), ("1", "", 2), ("a", ")", 1))


def test_nested_lists_are_numbered_as_libreoffice_shows_them():
    body = (
        "<text:p>Example License</text:p>"
        '<text:list text:style-name="L1">'
        + item(
            "Definitions",
            "<text:list>"
            + item("Output means what the Model makes.")
            + item("Model means the weights.")
            + "</text:list>",
        )
        + item(
            "Distribution",
            "<text:list>"
            + item(
                "Conditions:",
                "<text:list>" + item("keep this License;") + item("mark changes.") + "</text:list>",
            )
            + "</text:list>",
        )
        + "</text:list>"
        "<text:p>Closing words.</text:p>"
    )
    assert lines(odt(body, automatic=LISTS)) == [
        "Example License",
        "1. Definitions",
        "1.1 Output means what the Model makes.",
        "1.2 Model means the weights.",
        "2. Distribution",
        "2.1 Conditions:",
        "a) keep this License;",
        "b) mark changes.",
        "Closing words.",
    ]


def test_a_list_that_continues_goes_on_from_the_last_and_a_new_one_restarts():
    body = (
        '<text:list text:style-name="L1">' + item("Grant") + "</text:list>"
        "<text:p>A paragraph between.</text:p>"
        '<text:list text:style-name="L1" text:continue-numbering="true">' + item("Notice") + "</text:list>"
        '<text:list text:style-name="L1">' + item("Schedule") + "</text:list>"
        '<text:list text:style-name="L1"><text:list-item text:start-value="7"><text:p>Seventh</text:p></text:list-item></text:list>'
    )
    assert lines(odt(body, automatic=LISTS)) == [
        "1. Grant",
        "A paragraph between.",
        "2. Notice",
        "1. Schedule",
        "7. Seventh",
    ]


def test_headings_are_numbered_by_the_outline_style():
    outline = (
        "<text:outline-style>"
        '<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>'
        '<text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>'
        "</text:outline-style>"
    )
    body = (
        '<text:h text:outline-level="1">Definitions</text:h><text:p>Words.</text:p>'
        '<text:h text:outline-level="2">Output</text:h>'
        '<text:h text:outline-level="1">Grant</text:h>'
        '<text:h text:outline-level="2">Copy</text:h>'
    )
    assert lines(odt(body, styles=outline)) == [
        "1. Definitions",
        "Words.",
        "1.1 Output",
        "2. Grant",
        "2.1 Copy",
    ]


def test_spaces_breaks_deletions_notes_and_bullets():
    bullets = '<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>'
    body = (
        '<text:p>You<text:s text:c="2"/>may<text:tab/>copy.<text:line-break/>Next line.'
        "<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note></text:p>"
        "<text:tracked-changes><text:changed-region><text:deletion><text:p>Struck words.</text:p></text:deletion>"
        "</text:changed-region></text:tracked-changes>"
        '<text:list text:style-name="B">' + item("one point") + "</text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>In a table.</text:p></table:table-cell></table:table-row></table:table>"
    )
    assert lines(odt(body, automatic=bullets)) == [
        "You  may\tcopy.",  # text:c="2": two spaces
        "Next line.",
        "• one point",
        "In a table.",
    ]


def test_is_odt_reads_the_mimetype():
    assert is_odt(odt("<text:p>x</text:p>"))
    assert not is_odt(docx("<w:p/>"))
    assert not is_odt(b"PK\x03\x04 not a zip")


def test_a_damaged_file_is_refused_with_the_reason():
    with pytest.raises(DocumentError, match="damaged OpenDocument text"):
        odt_text(b"PK\x03\x04 not a zip")
    with pytest.raises(DocumentError, match="no content.xml"):
        odt_text(docx("<w:p/>"))


@given(DAMAGE)
@settings(max_examples=200, deadline=None, derandomize=True)  # the same examples on every CI run
def test_a_damaged_opendocument_file_is_read_or_refused_never_a_crash(edits):
    body = (
        '<text:list text:style-name="L1">'
        + item("Grant", "<text:list>" + item("to copy") + "</text:list>")
        + "</text:list>"
    )
    try:
        odt_text(damaged(odt(body, automatic=LISTS), edits))
    except DocumentError as error:
        assert str(error).startswith("The file is")
