import pytest

from licenses.ingest import MAX_TEXT_BYTES, IngestError, decode_text, ingest_version, read_text
from licenses.models import Clause, LicenseVersion
from licenses.text.segmentation import segment
from tests.factories import SAMPLE_TEXT, make_license, make_version

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"li\x00cense", "NUL"),
        ("1. Grant. You may copy.".encode("utf-16-le"), "UTF-16 text without a byte-order mark"),
        (b"\xfe\xff\x00l\xd8\x00", "UTF-16-BE but byte 4"),  # a lone surrogate
        (b"caf\xe9 license", "not valid UTF-8"),
        (b"", "empty"),
        (b"   \n\n\t ", "empty"),
        (b"x" * (MAX_TEXT_BYTES + 1), "limit is 1 MiB"),
        (bytes(range(1, 32)) * 50, "control characters"),
    ],
)
def test_decode_text_refuses_bad_input(data, message):
    with pytest.raises(IngestError, match=message):
        decode_text(data)


def test_a_non_utf8_file_is_refused_with_where_and_what_it_may_be():
    with pytest.raises(IngestError) as caught:
        decode_text("1. Grant.\n\n© 2025 “Licensor”. You may copy.\n".encode("cp1252"))
    message = str(caught.value)
    assert "byte 11" in message and "Windows-1252" in message and "“Licensor”" in message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read_in_its_encoding(codec):
    text = "1. Grant.\r\n\r\n© 2025 “Licensor”. You may copy.\r\n"
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(codec) + data
    assert decode_text(data) == "1. Grant.\n\n© 2025 “Licensor”. You may copy.\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "a damaged PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a damaged Word document"),
        (
            b"PK\x03\x04\x14\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.text",
            "a damaged OpenDocument text",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00content.xml", "a zipped document, not a Word or OpenDocument text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "an old Word document"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} License text}", "an RTF document"),
    ],
)
def test_a_document_file_is_refused_with_what_it_is_and_what_to_do(data, message):
    with pytest.raises(IngestError, match=message) as caught:
        decode_text(data)
    assert "paste" in str(caught.value)


def test_a_license_saved_as_a_web_page_is_read_as_its_text():
    page = (
        "<!DOCTYPE html><html><head><title>X</title></head><body><nav>Home</nav>"
        "<h2>1. Grant.</h2><p>You may copy &amp; share.</p><h2>2. Fees.</h2><p>None.</p></body></html>"
    )
    found = read_text(page.encode())
    assert found.text == "1. Grant.\n\nYou may copy & share.\n\n2. Fees.\n\nNone.\n"
    assert found.converted_from == "a web page (HTML)"
    assert decode_text(page.encode()) == found.text
    plain = read_text(b"1. Grant.\n\nYou may copy.\n")
    assert plain.converted_from is None


def test_an_spdx_license_xml_file_is_read_as_its_text():
    xml = (
        '<?xml version="1.0"?><SPDXLicenseCollection xmlns="http://www.spdx.org/license"><license licenseId="X">'
        "<notes>a note</notes><text><titleText><p>X License</p></titleText><list>"
        "<item><bullet>1.</bullet> Grant. You may copy.</item><item><bullet>2.</bullet> Fees. None.</item>"
        "</list></text></license></SPDXLicenseCollection>"
    )
    found = read_text(xml.encode())
    assert found.converted_from == "an SPDX license XML file"
    assert found.text == "X License\n\n   1. Grant. You may copy.\n   2. Fees. None.\n"


def test_a_file_with_yaml_front_matter_is_read_without_it():
    # as choosealicense.com's _licenses/*.txt are written
    data = b"---\ntitle: X License\nspdx-id: X\n\npermissions:\n  - commercial-use\n---\n\nX License\n\n1. Grant.\n"
    found = read_text(data)
    assert found.text == "X License\n\n1. Grant.\n"
    assert found.converted_from == "a text with YAML front matter"
    assert "(X License) was left out" in found.how
    with pytest.raises(IngestError, match="only YAML front matter"):
        read_text(b"---\ntitle: X License\n---\n")


def test_a_text_copied_from_a_pdf_is_read_without_its_page_marks():
    found = read_text(b"1. Grant. You may copy the\nPage 1 of 2\nSoftware.\n\n2. Fees.\n\nPage 2 of 2\n")
    assert found.text == "1. Grant. You may copy the\nSoftware.\n\n2. Fees.\n\n"
    assert found.converted_from == "text copied from a PDF"
    assert "the 2 page marks" in found.how


def test_a_web_page_with_no_text_is_refused():
    with pytest.raises(IngestError, match="web page"):
        decode_text(b"<html><head><script>x()</script></head><body><nav><a>Home</a></nav></body></html>")


def test_decode_text_normalises_bom_and_line_endings():
    assert decode_text("\ufeff1. Grant.\r\nYou may.\r\n".encode()) == "1. Grant.\nYou may.\n"


def test_ingest_creates_version_and_clauses():
    version = make_version(text=SAMPLE_TEXT)
    paths = list(version.clauses.values_list("path", flat=True))
    assert "2.2(b)" in paths or "2.2.b" in [p.replace("(", ".").replace(")", "") for p in paths]
    assert version.clauses.count() >= 5
    assert version.text_hash


def test_ingest_links_parents():
    version = make_version(text="1. Grant.\n\n(a) You may copy.\n\n(b) You may share.\n")
    children = Clause.objects.filter(version=version, parent__isnull=False)
    assert children.count() >= 1


def test_same_text_is_idempotent_whatever_the_label():
    license = make_license()
    first = ingest_version(license=license, text=SAMPLE_TEXT, label="1.0", source="paste")
    again = ingest_version(license=license, text=SAMPLE_TEXT + "\n\n", label="1.1", source="paste")
    assert first.created is True
    assert again.created is False
    assert again.version.pk == first.version.pk
    assert LicenseVersion.objects.filter(license=license).count() == 1


def test_same_label_with_other_text_is_refused_and_writes_nothing():
    license = make_license()
    make_version(license, label="1.0")
    with pytest.raises(IngestError, match="already has a version labelled"):
        ingest_version(license=license, text="Other text.\n", label="1.0", source="paste")
    assert license.versions.count() == 1


def test_new_version_links_to_previous():
    license = make_license()
    v1 = make_version(license, label="1.0")
    v2 = make_version(license, label="2.0", text=SAMPLE_TEXT.replace("as is", "as is, without warranty"))
    assert v2.previous == v1


def test_a_text_that_splits_into_more_clauses_than_any_license_is_refused_whole(monkeypatch):
    from licenses import ingest

    monkeypatch.setattr(ingest, "MAX_CLAUSES", 10)
    license = make_license()

    def text(n: int) -> str:  # a preamble and n numbered clauses
        return "Title\n\n" + "".join(f"{k}. Clause number {k}.\n\n" for k in range(1, n + 1))

    with pytest.raises(IngestError, match="splits into 12 clauses; the limit is 10"):
        ingest_version(license=license, text=text(11), label="1.0", source=LicenseVersion.Source.PASTE)
    assert not LicenseVersion.objects.filter(license=license).exists()  # nothing half stored
    assert not Clause.objects.filter(version__license=license).exists()
    with pytest.raises(IngestError, match="splits into more than 2[0-9] clauses; the limit is 10"):
        ingest_version(license=license, text=text(1_000), label="1.0", source=LicenseVersion.Source.PASTE)
    ok = ingest_version(license=license, text=text(9), label="1.0", source=LicenseVersion.Source.PASTE)
    assert ok.created and ok.version.clauses.count() == 10  # at the limit


def test_the_clause_limit_is_far_above_any_real_license():
    from licenses.ingest import MAX_CLAUSES

    assert MAX_CLAUSES >= 40 * 120  # the longest SPDX text, APL-1.0, has 120 clauses


def test_a_pdf_license_is_read_as_the_text_of_its_pages():
    from tests.licenses.documents import pdf

    data = pdf(
        [
            ["Example License", "1. Grant. You may copy the", "Page 1 of 3"],
            ["Example License", "Software.", "2. Fees. None.", "Page 2 of 3"],
            ["Example License", "3. End.", "Page 3 of 3"],
        ]
    )
    found = read_text(data)
    assert [line for line in found.text.splitlines() if line] == [
        "Example License",
        "1. Grant. You may copy the",
        "Software.",
        "2. Fees. None.",
        "3. End.",
    ]
    assert found.converted_from == "a PDF document"
    assert "page numbers" in found.how


def test_a_word_license_is_read_with_its_automatic_numbers():
    from tests.licenses.documents import docx, docx_level, docx_list, docx_paragraph

    numbering = docx_list(
        docx_level(0, "decimal", "%1."),
        docx_level(1, "lowerLetter", "(%2)"),
    )
    body = (
        docx_paragraph("Example License")
        + docx_paragraph("Grant. You may copy.", num=1)
        + docx_paragraph("Conditions:", num=1)
        + docx_paragraph("keep this notice;", num=1, level=1)
        + docx_paragraph("mark your changes.", num=1, level=1)
    )
    found = read_text(docx(body, numbering=numbering))
    assert found.text == (
        "Example License\n\n1. Grant. You may copy.\n\n2. Conditions:\n\n(a) keep this notice;\n\n(b) mark your changes.\n"
    )
    assert found.converted_from == "a Word document"
    assert [s.path for s in segment(found.text)][-3:] == ["2", "2(a)", "2(b)"]


def test_a_document_over_the_size_limit_is_refused_before_it_is_opened():
    from tests.licenses.documents import pdf

    with pytest.raises(IngestError, match="the limit is 1 MiB"):
        read_text(pdf([["1. Grant."]]) + b"%" * (1024 * 1024))


def test_an_opendocument_license_is_read_with_its_automatic_numbers():
    from tests.licenses.documents import odt, odt_list_style

    lists = odt_list_style("L1", ("1", ".", 1), ("a", ")", 1))
    body = (
        "<text:p>Example License</text:p>"
        '<text:list text:style-name="L1"><text:list-item><text:p>Grant. You may copy.</text:p></text:list-item>'
        "<text:list-item><text:p>Conditions:</text:p><text:list>"
        "<text:list-item><text:p>keep this notice;</text:p></text:list-item>"
        "<text:list-item><text:p>mark your changes.</text:p></text:list-item>"
        "</text:list></text:list-item></text:list>"
    )
    found = read_text(odt(body, automatic=lists))
    assert (
        found.text
        == "Example License\n\n1. Grant. You may copy.\n\n2. Conditions:\n\na) keep this notice;\n\nb) mark your changes.\n"
    )
    assert found.converted_from == "an OpenDocument text"
    assert [s.path for s in segment(found.text)][-3:] == ["2", "2(a)", "2(b)"]


def test_a_reader_failing_unforeseen_is_logged_and_the_file_refused(monkeypatch, caplog):
    from tests.licenses.documents import docx, docx_paragraph

    def broken(data):
        raise KeyError("a case the reader did not foresee")

    monkeypatch.setattr("licenses.ingest.docx_text", broken)
    with pytest.raises(IngestError, match="a Word document we could not read"):
        read_text(docx(docx_paragraph("1. Grant.")))
    assert "reading an uploaded document (a Word document) failed" in caplog.text
