"""Build small real PDF and Word (.docx) files in memory, for the upload tests (our own words)."""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.sax.saxutils import escape

from hypothesis import strategies as st


def pdf(pages: list[list[str]], *, deflate: bool = False) -> bytes:
    """A PDF whose pages show these lines, top to bottom, in Helvetica (their content compressed
    with ``deflate``, as most PDFs are)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_at = add(b"")  # filled in below
    kids = []
    for lines in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
        for line in lines:
            text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
            ops.append(b"(" + text + b") Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        flate = b""
        if deflate:
            stream, flate = zlib.compress(stream, 9), b" /Filter /FlateDecode"
        content = add(b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_at, content, font)
            )
        )
    objects[pages_at - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_at)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    )
    return out.getvalue()


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_paragraph(text: str, *, num: int | None = None, level: int = 0, style: str | None = None) -> str:
    ppr = ""
    if style or num is not None:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num is not None:
            inner += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_level(level: int, fmt: str, text: str, *, start: int = 1, style: str | None = None) -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{pstyle}'
        f'<w:lvlText w:val="{escape(text)}"/></w:lvl>'
    )


def docx_list(*levels: str, num: int = 1) -> str:
    """numbering.xml's body for one list, numId ``num``: levels are docx_level() elements."""
    return (
        f'<w:abstractNum w:abstractNumId="{num}">{"".join(levels)}</w:abstractNum>'
        f'<w:num w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>'
    )


def docx(body: str, *, numbering: str = "", styles: str = "", extra: dict[str, str] | None = None) -> bytes:
    """A .docx whose body is ``body`` (w:p elements), with optional numbering.xml and styles.xml bodies."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {W_NS}><w:body>{body}</w:body></w:document>',
        )
        if numbering:
            archive.writestr(
                "word/numbering.xml", f'<?xml version="1.0"?><w:numbering {W_NS}>{numbering}</w:numbering>'
            )
        if styles:
            archive.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles {W_NS}>{styles}</w:styles>')
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return out.getvalue()


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)


def odt_list_style(name: str, *levels: tuple[str, str, int]) -> str:
    """A text:list-style of numbered levels, each (num-format, num-suffix, display-levels)."""
    inner = "".join(
        f'<text:list-level-style-number text:level="{n}" style:num-format="{fmt}" style:num-suffix="{suffix}" '
        f'text:display-levels="{shown}"/>'
        for n, (fmt, suffix, shown) in enumerate(levels, start=1)
    )
    return f'<text:list-style style:name="{name}">{inner}</text:list-style>'


def odt(body: str, *, automatic: str = "", styles: str = "") -> bytes:
    """An .odt whose office:text holds ``body``, with automatic styles (list styles) in content.xml
    and ``styles`` (an outline style) in styles.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED
        )
        archive.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ODF_NS}>'
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>",
        )
        archive.writestr(
            "styles.xml",
            f'<?xml version="1.0"?><office:document-styles {ODF_NS}><office:styles>{styles}</office:styles>'
            "</office:document-styles>",
        )
    return out.getvalue()


# Random damage for property tests: (offset, flip / cut / insert, bytes), applied by damaged()
DAMAGE = st.lists(
    st.tuples(
        st.integers(min_value=0),
        st.sampled_from(["flip", "cut", "insert"]),
        st.binary(min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=6,
)


def damaged(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for at, how, some in edits:
        at %= len(out)
        if how == "flip":
            out[at] = some[0]
        elif how == "cut":
            del out[at : at + len(some) * 3]
        else:
            out[at:at] = some
    return bytes(out)
