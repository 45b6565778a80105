"""Draw the ninth labelled sample of bench/hints_labels.json (split "dev5", for training): the
OSD 1 hints that are not plain grants.

Run: .venv/bin/python bench/hints_sample9.py > /tmp/sample9.json   (about a minute)

A training split, drawn by active learning after dev4 (bench/hints_sample8.py) held no OSD 1
false hint at all: in the disputed zone most OSD 1 hints are grants of redistribution, which
reviewers read against OSD 1, while the false hints of the held-out splits are of kinds the dev
splits barely hold (fees, the cost of a source copy, grants that only point to another section).
So the strata here are the OSD 1 hints by the reason of the rule that made them, other than
"grants redistribution", plus the redistribution grants in a sentence that names a section,
clause, paragraph or article by number. Labelled by reading each clause against the OSD and
committed before the model was retrained on it or any rule was changed.

Nothing is picked by hand. The pool is dev4's (``hints_sample8.candidates``: every SPDX and
ModelGo 1.0 / 2.0 text, less the held-out licenses and their SPDX families), less every clause
near a labelled one (dev4 included) or one drawn before it here; each stratum takes up to
``PER_STRATUM`` clauses in ``crc32("9:<id>:<path>")`` order, a clause once and at most one clause
of a license.

The draw depends on the rules of the commit it was made at (the labels commit's parent,
1560a96): rerun there to reproduce it.
"""

import json
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample8 import fill, pool  # noqa: E402

PER_STRATUM = 6
SPLIT = "dev5"
BATCH = 9
GRANT = "grants redistribution"
POINTER = "a redistribution grant that names a section"
NUMBERED = re.compile(r"\b(?:section|clause|paragraph|article)s?\s+\d", re.IGNORECASE)


def strata() -> dict[str, list]:
    """The reason of the OSD 1 hint (or POINTER) -> [(crc32 key, license id, segment)]."""
    out: dict[str, list] = {}
    for lid, s, found in pool():
        for h in found:
            if h.number != 1:
                continue
            stratum = h.reason if h.reason != GRANT else POINTER if NUMBERED.search(s.text) else None
            if stratum:
                out.setdefault(stratum, []).append((zlib.crc32(f"9:{lid}:{s.path}".encode()), lid, s))
    return dict(sorted(out.items()))


def sample() -> list[dict]:
    return fill(strata(), BATCH, SPLIT, PER_STRATUM, per_license=1)


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
