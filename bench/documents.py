"""Read licenses uploaded as PDF, Word and OpenDocument files, and hostile ones, and print the CPU time.

The license is GPL-3.0 (the longest common text, from the pip package), written into each kind
of file the way an editor would write it: a PDF of 50-line pages with a running title and page
numbers, and a .docx / .odt whose numbered paragraphs carry their numbers in list definitions.
Then hostile files of at most 1 MiB (the upload limit): a PDF page of 300,000 drawing operations
in a few KB, 250 pages just under the per-page limit, a .docx of 45,000 numbered paragraphs, a
Word numbering that starts at a trillion.

Each is read through ``licenses.ingest.read_text`` (what the upload form and ``import_license``
call), which reads the text or refuses the file with its reason.

Run: .venv/bin/python bench/documents.py   (target: under 2 s of CPU for a real license; a hostile
file bounded by the readers' limits, about 3 s of CPU for the worst PDF)
The last line is JSON for scripts.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from licenses.ingest import IngestError, read_text  # noqa: E402
from licenses.sources import spdx_text  # noqa: E402
from tests.licenses.documents import docx, docx_level, docx_list, docx_paragraph, odt, odt_list_style, pdf  # noqa: E402

NUMBERED = re.compile(r"^\s*(\d{1,2})\.\s+(.*)$")


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _real_pdf(text: str) -> bytes:
    lines = [line for paragraph in _paragraphs(text) for line in _wrap(paragraph, 90)]
    pages = [lines[k : k + 50] for k in range(0, len(lines), 50)]
    return pdf(
        [
            ["GNU General Public License v3.0", *page, f"Page {n + 1} of {len(pages)}"]
            for n, page in enumerate(pages)
        ],
        deflate=True,
    )


def _wrap(paragraph: str, width: int) -> list[str]:
    out, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*out, line, ""]


def _real_docx(text: str) -> bytes:
    body = []
    for paragraph in _paragraphs(text):
        m = NUMBERED.match(paragraph)
        body.append(docx_paragraph(m.group(2), num=1) if m else docx_paragraph(paragraph))
    return docx("".join(body), numbering=docx_list(docx_level(0, "decimal", "%1.")))


def _real_odt(text: str) -> bytes:
    body = []
    for paragraph in _paragraphs(text):
        m = NUMBERED.match(paragraph)
        escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;")
        if m:
            item = m.group(2).replace("&", "&amp;").replace("<", "&lt;")
            body.append(
                f'<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>{item}</text:p></text:list-item></text:list>'
            )
        else:
            body.append(f"<text:p>{escaped}</text:p>")
    return odt("".join(body), automatic=odt_list_style("L1", ("1", ".", 1)))


def _hostile() -> dict[str, bytes]:
    numbered = "".join(
        docx_paragraph("You may copy the Software, provided that you keep this notice.", num=1, level=k % 2)
        for k in range(45_000)
    )
    return {
        "pdf_300k_operations": pdf([["a"] * 100_000], deflate=True),
        "pdf_250_pages_near_limit": pdf([["a"] * 19_000] * 250, deflate=True),
        "docx_45k_paragraphs": docx(
            numbered,
            numbering=docx_list(docx_level(0, "decimal", "%1."), docx_level(1, "lowerLetter", "(%2)")),
        ),
        "docx_start_a_trillion": docx(
            docx_paragraph("Huge", num=1) * 2000,
            numbering=docx_list(docx_level(0, "lowerLetter", "%1)", start=10**12)),
        ),
    }


def measure(data: bytes) -> tuple[float, str]:
    best, outcome = float("inf"), ""
    for _ in range(3):
        started = time.process_time()
        try:
            found = read_text(data)
            outcome = f"read, {len(found.text):,} characters"
        except IngestError as error:
            outcome = f"refused: {str(error)[:70]}"
        best = min(best, time.process_time() - started)
    return best, outcome


def main() -> None:
    text = spdx_text("GPL-3.0-only") or spdx_text("GPL-3.0")
    shapes = {
        "pdf_gpl3": _real_pdf(text),
        "docx_gpl3": _real_docx(text),
        "odt_gpl3": _real_odt(text),
        **_hostile(),
    }
    figures = {}
    for name, data in shapes.items():
        seconds, outcome = measure(data)
        figures[name] = round(seconds, 3)
        print(f"{name:26} {len(data) / 1024:8.1f} KB  CPU {seconds:6.3f} s  {outcome}")
    real = [figures[k] for k in ("pdf_gpl3", "docx_gpl3", "odt_gpl3")]
    print(
        json.dumps(
            {"bench": "documents", "cpu_seconds": figures, "ok": max(real) < 2 and max(figures.values()) < 6}
        )
    )


if __name__ == "__main__":
    main()
