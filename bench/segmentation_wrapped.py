"""Segment the 211 SPDX XML licenses again after re-typing them as users' files do.

Run from the repo root:  .venv/bin/python bench/segmentation_wrapped.py [--show ID SHAPE]

The SPDX texts hold a paragraph per line; the files people import are often hard-wrapped (a
COPYING file, a mail, a terminal), indented, or saved on Windows. This bench scores path-F1
against the same XML ground truth as bench/segmentation.py on each of these shapes of every text:

- ``as given``: the text as bench/segmentation.py reads it;
- ``crlf``: Windows line ends;
- ``wrap72``: lines over 72 columns wrapped, the wrapped lines in line with the line's start
  (a list item's lines under its number);
- ``hanging72``: the same, the wrapped lines of a numbered line hanging right of its number;
- ``margin72``: the same, the wrapped lines at the margin;
- ``wrap50``: wrapped at 50 columns, in line with the line's start;
- ``indented``: every line indented by four spaces (a quoted text);
- ``tabs``: indented by a tab;
- ``pdf``: printed to a PDF (wrapped at 90 columns, 50 lines a page, a running title and page
  numbers, in Helvetica, which has no CJK characters: CC-BY-SA-2.1-JP and MulanPSL-2.0 lose
  theirs to "?") and read back as an upload of it is (``licenses.text.pdf``).

Prints path-F1 per shape, with the licenses that lose more than 0.02 against ``as given``, and a
last line of JSON. Texts in a script with no spaces between words (CC-BY-SA-2.1-JP) cannot be
wrapped at spaces, so a wrap moves whole paragraphs onto the line after their number; their
losses are of the wrapping, not of the reading.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.segmentation import XML_DIR, f1, found_paths, license_text, score, truth_paths  # noqa: E402

_NUMBER = re.compile(r"\s*\(?[0-9A-Za-z]{1,5}(?:\.[0-9]+)*[.)]\s+")


def wrap(text: str, width: int = 72, hang: str = "inline") -> str:
    """Lines over ``width`` columns wrapped at spaces; the wrapped lines ``inline`` with the
    line's start, ``hanging`` right of a leading number, or at the ``margin``."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        number = _NUMBER.match(line)
        rest = {"inline": indent, "margin": ""}.get(hang, " " * number.end() if number else indent)
        out.extend(
            textwrap.wrap(line, width, subsequent_indent=rest, break_long_words=False, break_on_hyphens=False)
            or [""]
        )
    return "\n".join(out)


def as_pdf(text: str) -> str:
    """The text printed to a PDF and read back as an upload reads it: wrapped at 90 columns, 50
    lines a page under a running title and over "Page n of m", paragraphs apart by a line's
    height, in Helvetica (characters it lacks become "?")."""
    from licenses.text.page_marks import drop_page_marks
    from licenses.text.pdf import pdf_text
    from tests.licenses.documents import pdf

    lines = wrap(text, 90).encode("cp1252", "replace").decode("cp1252").split("\n")
    pages = [lines[k : k + 50] for k in range(0, len(lines), 50)] or [[]]
    printed = [["A License", *page, f"Page {n + 1} of {len(pages)}"] for n, page in enumerate(pages)]
    return drop_page_marks(pdf_text(pdf(printed, deflate=True)))[0]


def _indented(text: str, by: str) -> str:
    return "\n".join(by + ln if ln.strip() else ln for ln in text.split("\n"))


SHAPES = {
    "as given": lambda t: t,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "wrap72": lambda t: wrap(t),
    "hanging72": lambda t: wrap(t, hang="hanging"),
    "margin72": lambda t: wrap(t, hang="margin"),
    "wrap50": lambda t: wrap(t, 50),
    "indented": lambda t: _indented(t, "    "),
    "tabs": lambda t: _indented(t, "\t"),
    "pdf": as_pdf,
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", nargs=2, metavar=("ID", "SHAPE"), help="truth and found paths of one text")
    args = ap.parse_args()
    if not XML_DIR.is_dir():
        sys.exit(f"no SPDX XML at {XML_DIR}")
    if args.show:
        spdx_id, shape = args.show
        text = SHAPES[shape](license_text(spdx_id))
        print("truth:", " ".join(truth_paths(XML_DIR / f"{spdx_id}.xml", True, text)))
        print("found:", " ".join(found_paths(text)))
        return
    ids = [x.stem for x in sorted(XML_DIR.glob("*.xml"))]
    figures, given = {}, {}
    t0 = time.perf_counter()
    for name, shape in SHAPES.items():
        rows, (n, nf, nt) = score(ids, True, lambda i, shape=shape: shape(license_text(i)))
        p, r = n / max(nf, 1), n / max(nt, 1)
        figures[name] = round(f1(p, r), 4)
        print(f"{name:10} P {p:.4f}  R {r:.4f}  F1 {f1(p, r):.4f}")
        if name == "as given":
            given = {row[1]: row[0] for row in rows}
            continue
        worse = sorted(
            (row[0] - given[row[1]], row[1], given[row[1]], row[0])
            for row in rows
            if row[0] < given[row[1]] - 0.02
        )
        if worse:
            print("           worse: " + ", ".join(f"{i} {b:.2f}->{a:.2f}" for _, i, b, a in worse))
    print(
        json.dumps({"licenses": len(ids), "path_f1": figures, "seconds": round(time.perf_counter() - t0, 1)})
    )


if __name__ == "__main__":
    main()
