"""Why each gold link the engine misses is missed: similarity, shares, and what each side is linked with.

Run from the repo root:  .venv/bin/python bench/alignment_why.py [--split tune] [--extra]

For every missed gold link (old clause i, new clause j) of the chosen split it prints the
content-word similarity, the share of each clause's words found in order in the other, the
rare phrases they share, and how the engine shows each side (paired with another clause,
linked by a secondary link, or alone). The last column groups the miss by cause:

- ``both-alone``: neither clause is in any link (a one-to-one the rules did not see);
- ``old-busy`` / ``new-busy``: one side is linked elsewhere, the other is alone (a split or
  merge the engine did not trace);
- ``both-busy``: both sides are linked elsewhere (one clause feeding several, or a gold
  link the engine reads another way).
``--extra`` also lists the wrong links shown, with the same columns. Tune on ``tune`` only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment import GOLD, SPLITS, resolve, text_of  # noqa: E402

from licenses.text.comparison import clause_text, compare, fold  # noqa: E402
from licenses.text.matching import Side, common, similarity  # noqa: E402
from licenses.text.rescue import Evidence, _bounds  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402


def links_of(pairs, index_a, index_b) -> set[tuple[int, int]]:
    shown = set()
    for p in pairs:
        for x in p.a_segments:
            for y in p.b_segments:
                shown.add((index_a[id(x)], index_b[id(y)]))
        if p.also is not None:
            x, y = (p.also, p.b) if p.kind == "added" else (p.a, p.also)
            shown.add((index_a[id(x)], index_b[id(y)]))
        for x in p.more_from:
            for y in p.b_segments:
                shown.add((index_a[id(x)], index_b[id(y)]))
        for y in p.more_into:
            for x in p.a_segments:
                shown.add((index_a[id(x)], index_b[id(y)]))
    return shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--extra", action="store_true")
    args = parser.parse_args()
    entries = [e for e in json.loads(GOLD.read_text())["pairs"] if e.get("split", "tune") == args.split]
    causes: Counter[str] = Counter()
    for entry in entries:
        a, b = segment(text_of(entry, "a")), segment(text_of(entry, "b"))
        fa, fb = [fold(clause_text(s)) for s in a], [fold(clause_text(s)) for s in b]
        gold = set()
        for link in entry["links"]:
            i, j = resolve(a, fa, link["a"]), resolve(b, fb, link["b"])
            if i is not None and j is not None:
                gold.add((i, j))
        pairs = compare(a, b)
        shown = links_of(pairs, {id(s): k for k, s in enumerate(a)}, {id(s): k for k, s in enumerate(b)})
        sa, sb = Side(a), Side(b)
        com = common(sa, sb)
        ev = Evidence(sa, sb)
        ia = {id(x): k for k, x in enumerate(a)}
        ib = {id(y): k for k, y in enumerate(b)}
        one = {}
        for p in pairs:
            if p.a is not None and p.b is not None:
                for x in p.a_segments:
                    one[ia[id(x)]] = (ib[id(p.b)], 0.0)
        low, high = _bounds(len(a), one, len(b))
        busy_a_all = {i for i, _ in shown}
        busy_b_all = {j for _, j in shown}
        of_a: dict[int, list[int]] = {}
        of_b: dict[int, list[int]] = {}
        for i, j in shown:
            of_a.setdefault(i, []).append(j)
            of_b.setdefault(j, []).append(i)
        print(f"== {entry['a']} -> {entry['b']}")
        rows = [("missed", x) for x in sorted(gold - shown)]
        if args.extra:
            rows += [("extra", x) for x in sorted(shown - gold)]
        for what, (i, j) in rows:
            s = similarity(sa, sb, com, i, j)
            la, lb = len(sa.words[i]), len(sb.words[j])
            in_a = com[i, j] / la if la else 0
            in_b = com[i, j] / lb if lb else 0
            busy_a, busy_b = bool(of_a.get(i)), bool(of_b.get(j))
            cause = {(0, 0): "both-alone", (1, 0): "old-busy", (0, 1): "new-busy", (1, 1): "both-busy"}[
                (busy_a, busy_b)
            ]
            if what == "missed":
                causes[cause] += 1
            with_a = ",".join(b[k].path for k in sorted(of_a.get(i, [])))
            with_b = ",".join(a[k].path for k in sorted(of_b.get(j, [])))
            free_a = [
                k for k in range(len(a)) if k not in busy_a_all and (low[k], high[k]) == (low[i], high[i])
            ]
            free_b = [k for k in range(low[i] + 1, high[i]) if k not in busy_b_all]
            gap = f"gap={'in' if low[i] < j < high[i] else 'out'}:{len(free_a)}x{len(free_b)}"
            print(
                f"  {what:6} {a[i].path:14} -> {b[j].path:14} s={s:.2f} w={la}/{lb} "
                f"inA={in_a:.2f} inB={in_b:.2f} ph={ev.phrases.get((i, j), 0)} {cause:10} {gap} "
                f"old->[{with_a}] new<-[{with_b}]"
            )
    print(dict(causes))


if __name__ == "__main__":
    main()
