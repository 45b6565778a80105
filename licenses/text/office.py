"""What Word (.docx) and LibreOffice (.odt) documents share: a zip of XML parts, read safely, and
list numbers written out as both write them. Pure.

A part is read with defusedxml (no DTD, no entities: neither program writes one) and refused once
larger than :data:`MAX_PART_BYTES` unpacked; a damaged zip, whatever it raises, becomes a
:class:`DocumentError` whose message is fit for a user. Numbers a document declares are held
between 0 and :data:`MAX_START`, so that a hostile "start" of a trillion is never written out.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree import ElementTree

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_PART_BYTES = 8 * 1024 * 1024  # unpacked; a long license's text part is a few hundred KB
MAX_START = 10_000  # a list's first number; far above any license, small enough to write out

# What a damaged or unusual zip raises while it is read: a bad header or CRC, a broken deflate
# stream, a cut-off file, a password, a compression zipfile does not know.
UNZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    ValueError,
)


class DocumentError(ValueError):
    """The file is not a document we can read; the message is fit for a user."""


def _damaged(what: str) -> str:
    return f"The file is a damaged {what.removeprefix('a ').removeprefix('an ')}: it is not a readable zip file. Copy the text out of it and paste it."


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """The zip of a document (``what``: "a Word document"), or DocumentError."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except UNZIP_ERRORS as error:
        raise DocumentError(_damaged(what)) from error


def read_part(archive: zipfile.ZipFile, name: str, what: str) -> ElementTree.Element | None:
    """The XML part ``name`` of the document, None when it has none, or DocumentError."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    too_large = f"The file is {what} too large to read once unpacked."
    if info.file_size > MAX_PART_BYTES:
        raise DocumentError(too_large)
    try:
        with archive.open(info) as handle:
            raw = handle.read(MAX_PART_BYTES + 1)
    except UNZIP_ERRORS as error:
        raise DocumentError(_damaged(what)) from error
    if len(raw) > MAX_PART_BYTES:
        raise DocumentError(too_large)
    try:
        return fromstring(raw, forbid_dtd=True)
    except DefusedXmlException as error:
        raise DocumentError(
            f"The file is {what} that declares its own XML entities, which no editor does."
        ) from error
    except ElementTree.ParseError as error:
        raise DocumentError(
            f"The file is a damaged {what.removeprefix('a ').removeprefix('an ')}: its text cannot be read. "
            "Copy the text out of it and paste it."
        ) from error


def bounded_int(value: str | None, default: int) -> int:
    """A number the document declares, held between 0 and :data:`MAX_START`."""
    try:
        number = int(value) if value is not None else default
    except ValueError:
        number = default
    return max(0, min(number, MAX_START))


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # a .. z, then aa .. zz, aaa .. zzz; past that, digits: no license goes so far
    if n > 78:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def number_text(n: int, fmt: str) -> str:
    """``n`` as a list writes it in format ``fmt`` (Word's names: decimal, lowerLetter,
    upperLetter, lowerRoman, upperRoman, decimalZero; bullet and none write nothing)."""
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letter(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman") and n < 4000:
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("bullet", "none"):
        return ""
    return str(n)
