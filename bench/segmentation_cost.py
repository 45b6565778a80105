"""Segment hostile texts of up to 1 MiB (the upload limit) and print the CPU time of each.

Each shape repeats what a real license has once, tens of thousands of times: the same
numbered heading, the same appendix title, the same defined term, the same clause number,
a list nested as deep as it goes, one line with no break, a line per word. Repeated paths once
took quadratic time (12,000 "### 3." headings: 24 s for 190 KB).

Run: .venv/bin/python bench/segmentation_cost.py   (target: under 2 s of CPU each)
The last line is JSON for scripts.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from licenses.text.segmentation import segment  # noqa: E402

LIMIT = 1024 * 1024


def _fill(head: str, unit: str) -> str:
    return head + unit * ((LIMIT - len(head)) // len(unit))


def shapes() -> dict[str, str]:
    return {
        "same_md_heading": _fill("# T\n\n", "### 3. x\n\ntext\n\n"),
        "same_attachment": _fill("# T\n\n", "## Attachment A\n\n(a) x\n(b) y\n\n"),
        "same_bold_term": _fill("# T\n\n## 1. Definitions\n\n", '- **"Output"** means it.\n'),
        "same_number": _fill("Title\n\n", "1. A clause of a few words.\n\n"),
        "counted_numbers": "Title\n\n"
        + "".join(f"{k}. Clause {k} says a thing.\n\n" for k in range(1, 30_000)),
        "nested_items": _fill("Title\n\n1. Top.\n\n", "(a) x\n(i) y\n(A) z\n"),
        "one_line": _fill("Title ", "word "),
        "line_per_word": _fill("Title\n\n", "word\n"),
        "bullets": _fill("# T\n\n## 2. List\n\n", "- an item of the list\n"),
    }


def main() -> None:
    results = {}
    for name, text in shapes().items():
        best = float("inf")
        for _ in range(2):  # the machine may be shared: the better of two
            t0 = time.process_time()
            segments = segment(text)
            best = min(best, time.process_time() - t0)
        results[name] = round(best, 3)
        print(
            f"{name:18s} {len(text.encode()) / 2**20:5.2f} MiB  {len(segments):6d} clauses  CPU {best:6.3f} s"
        )
    print(
        json.dumps(
            {
                "bench": "segmentation.cost",
                "cpu_seconds": results,
                "target_seconds": 2.0,
                "ok": all(v < 2.0 for v in results.values()),
            }
        )
    )


if __name__ == "__main__":
    main()
