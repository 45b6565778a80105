"""Turn a license text into a stored, segmented LicenseVersion."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import transaction

from licenses import stamps
from licenses.models import Clause, License, LicenseVersion, text_hash
from licenses.text import segmentation
from licenses.text.docx import docx_text, is_docx
from licenses.text.front_matter import split_front_matter
from licenses.text.html_license import (
    html_to_license_text,
    looks_like_html,
    looks_like_spdx_xml,
    spdx_xml_to_license_text,
)
from licenses.text.odt import is_odt, odt_text
from licenses.text.office import DocumentError
from licenses.text.page_marks import drop_page_marks
from licenses.text.pdf import PdfError, is_pdf, pdf_text

logger = logging.getLogger(__name__)

MAX_TEXT_BYTES = 1024 * 1024  # 1 MiB
# The longest SPDX text (APL-1.0) splits into 120 clauses; 1 MiB of one repeated heading into
# 100,000, which every page would then list. Far above any license, far below that.
MAX_CLAUSES = 5_000


class IngestError(ValueError):
    """A text we refuse to store; the message is one line, fit for a user."""


@dataclass(frozen=True)
class ReadText:
    """A file's text, and what it was read from when it was not plain text."""

    text: str
    converted_from: str | None = None  # "a web page (HTML)"
    how: str = ""  # what was done to read it, for the user: "its text was read as a browser shows it"


# What a document that is no text file we read starts with, and what to call it.
_DOCUMENTS = (
    (b"PK\x03\x04", "a zipped document, not a Word or OpenDocument text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word document"),
    (b"{\\rtf", "an RTF document"),
)


def decode_text(data: bytes) -> str:
    """The text of an uploaded file (see :func:`read_text`), or raise IngestError."""
    return read_text(data).text


def read_text(data: bytes) -> ReadText:
    """Read an uploaded file: plain text as it is, a web page as the text a browser shows of it,
    an SPDX License List XML file as its ``<text>`` (``licenses.text.html_license``), a PDF as the
    text of its pages (``licenses.text.pdf``), a Word document (.docx) and an OpenDocument text
    (.odt) with their automatic clause numbers (``licenses.text.docx``, ``licenses.text.odt``); an
    old Word or RTF document or another zip is refused with what it is."""
    if len(data) > MAX_TEXT_BYTES:
        raise IngestError(f"The file is {len(data) / 1024 / 1024:.1f} MiB; the limit is 1 MiB.")
    if is_pdf(data):
        return _read_document(
            data,
            pdf_text,
            "a PDF document",
            "its text was read page by page, "
            "the page numbers and the lines repeated at the top or foot of every page left out",
        )
    if is_docx(data):
        return _read_document(
            data,
            docx_text,
            "a Word document",
            "its text was read with the clause numbers Word shows written out",
        )
    if is_odt(data):
        return _read_document(
            data,
            odt_text,
            "an OpenDocument text",
            "its text was read with the clause numbers its list and outline styles show written out",
        )
    head = data[:16].lstrip()
    for magic, what in _DOCUMENTS:
        if head.startswith(magic):
            raise IngestError(
                f"The file is {what}, not plain text. Copy the license text out of it and paste it, "
                "or save it as plain text (.txt) and upload that."
            )
    return _unmarked(_decode(data))


def _read_document(data: bytes, read, what: str, how: str) -> ReadText:
    """A PDF, Word or OpenDocument file's text, its page marks left out, or IngestError with the
    reason. A reader that fails in a way it did not foresee is logged, and the file refused: an
    upload never ends in a server error and nothing is stored."""
    try:
        text = read(data)
    except (PdfError, DocumentError) as error:
        raise IngestError(str(error)) from None
    except Exception:  # noqa: BLE001 - see the docstring
        logger.exception("reading an uploaded document (%s) failed", what)
        raise IngestError(
            f"The file is {what} we could not read. Copy the license text out of it and paste it."
        ) from None
    text, _ = drop_page_marks(clean_text(text))
    if not text.strip():
        raise IngestError(f"The file is {what} with no text in it.")
    return ReadText(text, what, how)


def read_pasted(text: str) -> ReadText:
    """Pasted text, validated; page source pasted by mistake is read as :func:`read_text` reads it."""
    return _unmarked(clean_text(text))


def _unmarked(text: str) -> ReadText:
    if looks_like_spdx_xml(text):
        return _read_as(
            spdx_xml_to_license_text(text),
            "an SPDX license XML file",
            "the license text in it was read, each list item on a line of its own",
            empty="The file is an SPDX license XML file with no <text> to read.",
        )
    front = split_front_matter(text)
    if front is not None:
        body, fields = front
        title = fields.get("title", "")
        named = f" ({title})" if title and len(title) <= 120 else ""
        return _read_as(
            body,
            "a text with YAML front matter",
            f"the metadata block at its top{named} was left out, the license text after it kept",
            empty="The file holds only YAML front matter (metadata between --- lines), no license text.",
        )
    if not looks_like_html(text):
        kept, marks = drop_page_marks(text)
        if marks:
            return ReadText(
                kept,
                "text copied from a PDF",
                f"the {marks} page marks it carried (“Page 2 of 9”, “- 3 -”) were left out",
            )
        return ReadText(text)
    return _read_as(
        html_to_license_text(text),
        "a web page (HTML)",
        "its text was read as a browser shows it, without the page's menus",
        empty="The file is a web page (HTML) with no text outside its menus and scripts.",
    )


def _read_as(converted: str, what: str, how: str, *, empty: str) -> ReadText:
    """The license text read out of a marked-up file, or IngestError(``empty``) when none is left."""
    if not converted.strip():
        raise IngestError(empty)
    return ReadText(clean_text(converted), what, how)


def _decode(data: bytes) -> str:
    """Validate uploaded bytes and return normalised text, or raise IngestError.

    UTF-8 (with or without a byte-order mark) is read as is, and UTF-16 or UTF-32 when a
    byte-order mark says so (Windows Notepad's "Unicode"). Anything else is refused with a
    message that says what the file looks like and where, rather than guessed: a text read in
    the wrong encoding would be stored, segmented and quoted wrong without anyone noticing.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise IngestError(f"The file is {len(data) / 1024 / 1024:.1f} MiB; the limit is 1 MiB.")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data[len(bom) :].decode(codec))
            except UnicodeDecodeError as exc:
                raise IngestError(
                    f"The file starts as {codec.upper()} but byte {exc.start + len(bom)} cannot be decoded."
                ) from None
    if b"\x00" in data:
        if _looks_utf16(data):
            raise IngestError(
                "The file looks like UTF-16 text without a byte-order mark. "
                "Save it as UTF-8 and upload it again, or paste the text."
            )
        raise IngestError("The file contains NUL bytes; it looks binary, not a license text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(_not_utf8(data, exc.start)) from None
    return clean_text(text)


# Longest first: UTF-32-LE's mark begins with UTF-16-LE's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _looks_utf16(data: bytes) -> bool:
    """Every other byte NUL, as ASCII text in UTF-16 is."""
    head = data[:4000]
    return len(head) >= 4 and (
        head[0::2].count(0) > 0.9 * len(head[0::2]) or head[1::2].count(0) > 0.9 * len(head[1::2])
    )


def _not_utf8(data: bytes, at: int) -> str:
    """What to tell someone whose file is not UTF-8: where, and what it probably is."""
    around = data[max(0, at - 30) : at + 30].decode("cp1252", errors="replace")
    around = " ".join(around.split())
    return (
        f"The file is not valid UTF-8 (byte {at} cannot be decoded, near “{around}”). "
        "It may be Windows-1252 or Latin-1: save it as UTF-8 and upload it again, or paste the text."
    )


def clean_text(text: str) -> str:
    """Validate pasted text and normalise line endings, or raise IngestError."""
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise IngestError("The text is larger than the 1 MiB limit.")
    if "\x00" in text:
        raise IngestError("The text contains NUL characters; it looks binary, not a license text.")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(8, len(text) // 100):
        raise IngestError("The text is full of control characters; it looks binary, not a license text.")
    if not text.strip():
        raise IngestError("The text is empty.")
    return text.rstrip() + "\n"


@dataclass(frozen=True)
class IngestResult:
    version: LicenseVersion
    created: bool


def clause_rows(version: LicenseVersion, segments: list[segmentation.Segment]) -> list[Clause]:
    """Unsaved Clause rows for ``segments``; parents are linked by ``save_clauses``."""
    return [
        Clause(
            version=version,
            ordinal=i,
            label=seg.label[:50],
            path=seg.path[:200],
            anchor=seg.anchor[:200],
            heading=seg.heading[:500],
            text=seg.text,
            start=seg.start,
            end=seg.end,
            depth=seg.depth,
        )
        for i, seg in enumerate(segments)
    ]


def save_clauses(version: LicenseVersion, segments: list[segmentation.Segment]) -> list[Clause]:
    rows = Clause.objects.bulk_create(clause_rows(version, segments))
    if not rows or rows[0].pk is None:  # backends without RETURNING: read them back
        rows = list(version.clauses.order_by("ordinal"))
    linked = []
    for row, seg in zip(rows, segments, strict=True):
        if seg.parent is not None:
            row.parent = rows[seg.parent]
            linked.append(row)
    Clause.objects.bulk_update(linked, ["parent"], batch_size=500)
    stamps.touch()  # bulk writes send no signals
    return rows


@transaction.atomic
def ingest_version(
    *,
    license: License,
    text: str,
    label: str,
    source: str,
    previous: LicenseVersion | None = None,
    created_by=None,
) -> IngestResult:
    """Store ``text`` as a version of ``license`` and split it into clauses.

    Idempotent by text: the same text for the same license returns the
    existing version (``created=False``), whatever label was asked for.
    """
    text = clean_text(text)
    label = label.strip()
    if not label:
        raise IngestError("A version needs a label, such as 1.0 or draft 2.")
    existing = LicenseVersion.objects.filter(license=license, text_hash=text_hash(text)).first()
    if existing is not None:
        return IngestResult(existing, created=False)
    if LicenseVersion.objects.filter(license=license, label=label).exists():
        raise IngestError(f"{license.name} already has a version labelled {label!r} with a different text.")
    if previous is None:
        previous = license.versions.order_by("-created_at", "-pk").first()
    version = LicenseVersion(
        license=license,
        label=label,
        text=text,
        source=source,
        previous=previous,
        created_by=created_by,
        segmenter=getattr(segmentation, "VERSION", "1"),
    )
    version.full_clean(exclude=["text_hash"])
    try:
        segments = segmentation.segment(text, max_clauses=MAX_CLAUSES)
    except segmentation.TooManyClauses as exc:
        raise IngestError(
            f"This text splits into {'' if exc.exact else 'more than '}{exc.count:,} clauses; the limit is "
            f"{MAX_CLAUSES:,} (the longest license we know has a few hundred). Check that the file holds "
            "one license text."
        ) from None
    version.save()
    save_clauses(version, segments)
    # A member of a family has a new version: give its clauses their rows in the family's table.
    from licenses.families.services import refresh_families_of

    refresh_families_of(license)
    return IngestResult(version, created=True)
