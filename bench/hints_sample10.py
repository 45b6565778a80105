"""Draw the tenth labelled sample of bench/hints_labels.json (split "dev6", for training): clauses
on which no rule fires at all.

Run: .venv/bin/python bench/hints_sample10.py > /tmp/sample10.json   (about a minute)

A training split, drawn after the held-out misses turned out to be mostly rules not firing (OSD 3,
7, 4 and 6): dev to dev5 were drawn where rules fire, so they hold few wordings the rules miss.
Here the pool is the clauses for which ``candidate_hints`` finds nothing for any criterion. Most
will be negatives for every criterion, which is useful too; the positives among them show the
wordings the rules miss. Labelled by reading each clause against the OSD and committed before any
rule was changed or the model retrained on it.

Nothing is picked by hand. The pool is dev4's (``hints_sample8.pool``: every SPDX and ModelGo
1.0 / 2.0 text, less the held-out licenses and their SPDX families, clauses of 40 characters or
more), less every clause near a labelled one (dev5 included) or one drawn before it here. One
stratum only, of *substantive* clauses: those whose readable sentences (``clean.readable``, the
app's own rule that drops warranty and liability text, license titles and sentences about the
license text itself), less the definitions (``clean.is_definition``), hold at least ``MIN_WORDS``
words. The clauses with fewer are left out (counted on stderr). Up to ``SIZE`` clauses in
``crc32("10:<id>:<path>")`` order, at most one clause of a license.

The draw depends on the rules of the commit it was made at (the labels commit's parent): rerun
there to reproduce it.
"""

import json
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample8 import fill, pool  # noqa: E402
from licenses.text.hints.clean import is_definition, readable  # noqa: E402

SIZE = 70
MIN_WORDS = 12
SPLIT = "dev6"
BATCH = 10
WORD = re.compile(r"[A-Za-z0-9]+")


def substantive(text: str, heading: str = "") -> bool:
    """At least ``MIN_WORDS`` words in the clause's readable sentences that are not definitions."""
    kept = [s for s in readable(text, heading) if not is_definition(s)]
    return sum(len(WORD.findall(s)) for s in kept) >= MIN_WORDS


def strata() -> dict[str, list]:
    """ "no hint, substantive" -> [(crc32 key, license id, segment)]."""
    out: list = []
    short = 0
    for lid, s, found in pool():
        if found:
            continue
        if not substantive(s.text, s.heading):
            short += 1
            continue
        out.append((zlib.crc32(f"10:{lid}:{s.path}".encode()), lid, s))
    print(f"left out (not substantive): {short}", file=sys.stderr)
    return {"no hint, substantive": out}


def sample() -> list[dict]:
    return fill(strata(), BATCH, SPLIT, SIZE, per_license=1)


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
