"""Draw the twelfth labelled sample of bench/hints_labels.json (split "dev8", batch 12, for
training): clauses that speak of OSD 3, 7 or 6's subject on which no rule of that criterion fires.

Run: .venv/bin/python bench/hints_sample12.py > /tmp/sample12.json   (about a minute)

A training split, drawn because the held-out misses of the shown criteria are mostly rules not
firing (OSD 3: derived works, OSD 7: distribution of license, OSD 6: fields of endeavour), and
dev6 (bench/hints_sample10.py: clauses where no rule fires at all) held few positives and no
OSD 6 positive. So each stratum here holds clauses whose wording is in a criterion's field but on
which none of that criterion's rules fires: the candidates for the wordings the rules miss (and
negatives that share their words). Labelled by reading each clause against all ten OSD criteria
and committed before any rule was changed or the model retrained on it.

Nothing is picked by hand. The pool is dev4's (``hints_sample8.pool``: every SPDX and ModelGo
1.0 / 2.0 text, less the held-out licenses and their SPDX families, clauses of 40 characters or
more), less every clause near a labelled one (dev6 included) or one drawn before it here. A
clause's *words* are its readable sentences (``clean.readable``, the app's own rule that drops
warranty and liability text, license titles and sentences about the license text itself) that
are not definitions (``clean.is_definition``). Three strata, fixed before drawing:

- OSD 3: no OSD 3 rule fires, and the words hold modif*, derivativ*, adapt*, "based on",
  translat* or improv*;
- OSD 7: no OSD 7 rule fires, and one sentence holds "this / the license / agreement" together
  with accompan*, includ*, "copy of", "terms apply", recipient*, sublicens* or pass*;
- OSD 6: no OSD 6 rule fires, and the words hold commercial, business, field, research,
  military, purpose, "personal use", government, education or medical.

Each stratum takes up to ``PER_STRATUM`` clauses in ``crc32("12:<id>:<path>")`` order, at most
one clause of a license per stratum, a clause once only (the first stratum that takes it).

The draw depends on the rules of the commit it was made at (the labels commit, faac404, whose
rules are its parent's, 4bcd77a): rerun there to reproduce it.
"""

import json
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints_sample2 import _rows  # noqa: E402
from bench.hints_sample8 import LABELS, near, pool, words  # noqa: E402
from licenses.text.hints.clean import is_definition, readable  # noqa: E402

PER_STRATUM = 25
SPLIT = "dev8"
BATCH = 12

_I = re.IGNORECASE
FIELDS: dict[int, re.Pattern[str]] = {
    3: re.compile(r"\bmodif\w*|\bderivativ\w*|\badapt\w*|\bbased\s+on\b|\btranslat\w*|\bimprov\w*", _I),
    6: re.compile(
        r"\bcommercial\w*|\bbusiness\w*|\bfields?\b|\bresearch\w*|\bmilitary\b|\bpurposes?\b|\bpersonal\s+use\b"
        r"|\bgovernment\w*|\beducation\w*|\bmedical\b",
        _I,
    ),
}
THIS_LICENSE = re.compile(r"\b(?:this|the)\s+(?:public\s+)?(?:licen[cs]e|agreement)\b", _I)
TRAVELS = re.compile(
    r"\baccompan\w*|\binclud\w*|\bcopy\s+of\b|\bterms\s+apply\b|\brecipients?\b|\bsublicens\w*|\bpass\w*", _I
)
CRITERIA = (3, 7, 6)


def in_field(n: int, sentences: list[str]) -> bool:
    if n == 7:
        return any(THIS_LICENSE.search(s) and TRAVELS.search(s) for s in sentences)
    return any(FIELDS[n].search(s) for s in sentences)


def strata() -> dict[int, list]:
    """criterion -> [(crc32 key, license id, segment)] of the pool: no rule of the criterion
    fires, and the clause's words are in its field."""
    out: dict[int, list] = {n: [] for n in CRITERIA}
    for lid, s, found in pool():
        fired = {h.number for h in found}
        kept = [x for x in readable(s.text, s.heading) if not is_definition(x)]
        for n in CRITERIA:
            if n not in fired and in_field(n, kept):
                out[n].append((zlib.crc32(f"12:{lid}:{s.path}".encode()), lid, s))
    return out


def sample() -> list[dict]:
    labelled = [c for c in json.loads(LABELS.read_text())["clauses"] if c["batch"] < BATCH]
    seen = [words(c["text"]) for c in labelled]
    taken: set[tuple[str, str]] = set()
    out = []
    for n, clauses in strata().items():
        got, licenses = 0, set()
        for _, lid, s in sorted(clauses, key=lambda t: (t[0], t[1], t[2].path)):
            if got == PER_STRATUM:
                break
            if (lid, s.path) in taken or lid in licenses:
                continue
            w = words(s.text)
            if any(near(w, other) for other in seen):
                continue
            seen.append(w)
            taken.add((lid, s.path))
            licenses.add(lid)
            got += 1
            out += _rows(lid, SPLIT, [s])
        print(f"OSD {n}: {got} of {len(clauses)}", file=sys.stderr)
    return out


if __name__ == "__main__":
    print(json.dumps(sample(), indent=1, ensure_ascii=False))
