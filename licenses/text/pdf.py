"""The text of a PDF license, page by page, without its running headers and footers. Pure.

Model licenses are often published as PDF. pypdf reads the text each page shows, as laid out: a
gap between paragraphs is a blank line and an item keeps its indent (read plainly, every line of
a page runs together, and the 211 SPDX texts printed to PDF segment at path-F1 0.90 instead of
0.98: ``bench/segmentation_wrapped.py``'s ``pdf`` shape); stretched spaces of justified lines
are one space again. A line that stands at the top or foot of two pages in three ("ModelGo
License 2.0", "Confidential", "3") is the page's furniture, not the license's, and is left out
so that it does not land inside the clause a page break cut (the first page keeps its top
lines: there the running header is the title). Page marks ("Page 2 of 9") are left out later,
with those of text copied out of a PDF (``licenses.text.page_marks``). A PDF of scanned pages
holds no text: it is refused with that reason, as are a password and a damaged file.
"""

from __future__ import annotations

import io
import logging
import re
import time

MAX_PAGES = 300  # the longest license is a few dozen pages
MAX_SECONDS = 3.0  # of CPU time to read the pages; a long license takes well under one
# pypdf's limits, far above any license: a license page unpacks to some 10 KB, a few thousand
# operations (pypdf's defaults, 75 MB and 2 million, let a 3 KB file cost seconds a page)
LIMITS = {
    "zlib_maximum_output_length": 4_000_000,
    "lzw_maximum_output_length": 4_000_000,
    "run_length_maximum_output_length": 4_000_000,
    "stream_parsing_work_maximum_count": 60_000,
}
_TOO_COSTLY = (
    "The file is a PDF whose pages would take too long to read (far more drawing than a license "
    "holds). Copy the license text out of it and paste it."
)
_DIGITS = re.compile(r"\d+")
_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")


class PdfError(ValueError):
    """The PDF cannot be read; the message is fit for a user."""


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def pdf_pages(data: bytes) -> list[str]:
    """The text of each page of the PDF in ``data``.

    A small file may unpack into content that takes minutes to read (a page of a million drawing
    operations), so pypdf's limits are tightened far below what a license needs, and reading
    stops once it has cost :data:`MAX_SECONDS` of CPU time.
    """
    from pypdf import PdfReader, apply_configuration  # imported here: only an uploaded PDF needs it
    from pypdf.errors import LimitReachedError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # a damaged file is refused, not logged
    started = time.process_time()
    try:
        with apply_configuration(**LIMITS):
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise PdfError(
                    "The file is a PDF protected by a password. Open it, copy the license text and paste it."
                )
            if len(reader.pages) > MAX_PAGES:
                raise PdfError(
                    f"The file is a PDF of {len(reader.pages)} pages; one of more than {MAX_PAGES} is not read as a license."
                )
            pages = []
            for page in reader.pages:
                if time.process_time() - started > MAX_SECONDS:
                    raise PdfError(_TOO_COSTLY)
                pages.append(page.extract_text(extraction_mode="layout") or "")
            return pages
    except PdfError:
        raise
    except LimitReachedError as error:
        raise PdfError(_TOO_COSTLY) from error
    except Exception as error:  # noqa: BLE001 - pypdf on a damaged file raises anything, AssertionError included
        raise PdfError(
            "The file is a damaged PDF, or one in a form we cannot read. Copy the license text out of it and paste it."
        ) from error


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines at the top or foot of two pages in three or more (of both, in a PDF of two): the same
    words, and numbers that are the same on every page or go up with the page (a page number).
    "Section 3" and "Section 4" at the tops of two pages are the license's own headings."""
    if len(pages) < 2:
        return set()
    seen: dict[str, dict[int, tuple[int, ...]]] = {}
    for n, lines in enumerate(pages):
        for line in lines[:2] + lines[-2:]:
            if line.strip():
                numbers = tuple(int(d) for d in _DIGITS.findall(line))
                seen.setdefault(_key(line), {}).setdefault(n, numbers)
    return {
        key
        for key, where in seen.items()
        if key and len(where) * 3 >= len(pages) * 2 and _same_or_paged(where)
    }


def _same_or_paged(where: dict[int, tuple[int, ...]]) -> bool:
    numbers = set(where.values())
    if len(numbers) == 1:
        return True
    # "Page 3 of 9", "- 3 -": the numbers that change go up one a page
    at = _changing(where)
    return len({tuple(x - n if i == at else x for i, x in enumerate(v)) for n, v in where.items()}) == 1


def _changing(where: dict[int, tuple[int, ...]]) -> int:
    """The position of the first number that is not the same on every page (-1 if none)."""
    values = list(where.values())
    for i in range(min(len(v) for v in values)):
        if len({v[i] for v in values}) > 1:
            return i
    return -1


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


# Typesetting that a PDF keeps and a license's words do not have: ligatures ("ﬁ" for "fi"), which
# would make "deﬁnitions" a word no search or comparison finds, and soft hyphens.
_TYPESET = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": None,
    }
)


def pdf_text(data: bytes) -> str:
    """The license text of the PDF in ``data``: its pages in order, running headers and footers out."""
    pages = [
        text.translate(_TYPESET).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for text in pdf_pages(data)
    ]
    if not any(line.strip() for lines in pages for line in lines):
        raise PdfError(
            "The file is a PDF of scanned pages, with no text in it. Run it through text recognition, "
            "or paste the license text."
        )
    furniture = _furniture(pages)
    kept: list[str] = []
    for n, lines in enumerate(pages):
        # the top of the first page keeps its lines: a running header repeats the title there
        top, foot = set(range(min(2, len(lines)))), set(range(max(0, len(lines) - 2), len(lines)))
        edge = top | foot if n else foot - top
        kept.extend(
            line.rstrip() for i, line in enumerate(lines) if not (i in edge and _key(line) in furniture)
        )
    text = _INNER_SPACES.sub(" ", "\n".join(kept))  # justified lines' stretched spaces
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"
