"""Draw the eleventh labelled sample of bench/hints_labels.json (split "dev7", for training): the
clauses where an OSD 1 rule fires, stratified by the shipped word model's OSD 1 probability.

Run: .venv/bin/python bench/hints_sample11.py > /tmp/sample11.json   (about a minute)

A training split, drawn by active learning because OSD 1 stays hidden: its ungated rules are
right on about three held-out hints in four, while the dev splits hold almost no OSD 1 false hit
(dev4 and dev5 drew 52 OSD 1 rule hits: 41 yes, 11 maybe, none wrong), so neither the rules nor
the word model can learn what a wrong OSD 1 hit looks like, and the model's OSD 1 probability
does not separate the right hits from the wrong. The held-out false hits are mostly clauses about
something else (how modified or derived works or a Larger Work are distributed, grant-backs, use
restrictions passed on, copying the license document) where a "distribute" word makes a rule
fire. Here the pool is every clause on which an OSD 1 rule fires (``candidate_hints``, ungated),
and the strata are the shipped model's OSD 1 probability, more from the low strata, where the
model doubts the rule and the wrong hits should be if there are any. Labelled by reading each
clause against the OSD (without looking at which rule fired or at the probability) and committed
before any rule was changed or the model retrained on it.

Nothing is picked by hand. The pool is dev4's (``hints_sample8.pool``: every SPDX and ModelGo
1.0 / 2.0 text, less the held-out licenses and their SPDX families, clauses of 40 characters or
more), less every clause near a labelled one (dev6 included) or one drawn before it here. The
strata are the OSD 1 probability in [0, 0.3), [0.3, 0.6), [0.6, 0.9) and [0.9, 1], filled in
that order with up to 25, 25, 15 and 5 clauses (``STRATA``), in ``crc32("11:<id>:<path>")``
order, a clause once and at most one clause of a license over the whole draw. A stratum that
cannot be filled (the low strata are small, and one clause of a license and none near a labelled
one leave fewer) passes what it lacks on to the next, so the draw is 70 clauses.

The draw depends on the rules and model.json of the commit it was made at (the labels commit's
parent): rerun there to reproduce it, since later rounds change both.
"""

import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample8 import LABELS, near, pool, words  # noqa: E402
from licenses.text.hints.model import probability  # noqa: E402

SPLIT = "dev7"
BATCH = 11
#: (low, high, how many): the OSD 1 probability strata, lower bound included, and their sizes.
STRATA = ((0.0, 0.3, 25), (0.3, 0.6, 25), (0.6, 0.9, 15), (0.9, 1.0001, 5))


def name(low: float, high: float) -> str:
    return f"OSD 1 probability in [{low}, {min(high, 1.0)}{']' if high > 1 else ')'}"


def strata() -> dict[str, list]:
    """The stratum of the model's OSD 1 probability -> [(crc32 key, license id, segment)] of the
    pool's clauses on which an OSD 1 rule fires."""
    out: dict[str, list] = {name(lo, hi): [] for lo, hi, _ in STRATA}
    for lid, s, found in pool():
        if not any(h.number == 1 for h in found):
            continue
        p = probability(1, s.text, s.heading) or 0.0
        for lo, hi, _ in STRATA:
            if lo <= p < hi:
                out[name(lo, hi)].append((zlib.crc32(f"11:{lid}:{s.path}".encode()), lid, s))
    return out


def sample() -> list[dict]:
    """Each stratum up to its own size (plus what the lower strata could not fill) in key order, each clause once, at most one clause of a
    license over the whole draw, none near a clause labelled before ``BATCH`` or drawn before it
    (``hints_sample8.fill``'s rule, with a size per stratum)."""
    labelled = [c for c in json.loads(LABELS.read_text())["clauses"] if c["batch"] < BATCH]
    seen = [words(c["text"]) for c in labelled]
    licenses: set[str] = set()
    out: list[dict] = []
    short = 0  # what the strata before this one could not fill, passed on to it
    for (stratum, clauses), (_, _, size) in zip(strata().items(), STRATA, strict=True):
        size += short
        got = 0
        for _, lid, s in sorted(clauses, key=lambda t: (t[0], t[1], t[2].path)):
            if got == size:
                break
            if lid in licenses:
                continue
            w = words(s.text)
            if any(near(w, other) for other in seen):
                continue
            seen.append(w)
            licenses.add(lid)
            got += 1
            out += _rows(lid, SPLIT, [s])
        short = size - got
        print(f"{stratum}: {got} of {len(clauses)} (wanted {size})", file=sys.stderr)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
