"""Variants of the legal-topic links (licenses/text/topics.py), simulated over the engine's links.

    python bench/alignment_topics.py                      # the grid on tune + modelgo
    python bench/alignment_topics.py --split held-out3    # ... on another split (a held-out look)
    python bench/alignment_topics.py --verbose            # each new link of the kept setting
    python bench/alignment_topics.py --spdx               # new links on consecutive SPDX versions

Each variant reads the links the engine shows without its topic stage, then adds links between
clauses of a shared topic (``licenses.text.topics.tags``); a new link is right when it is a gold
link. Knobs: ``first`` (tag the first sentence only, or the whole clause), ``rare`` (most
clauses of a side with the topic), ``fan`` (1 clause in no link on one side, up to ``fan`` on
the other), ``span`` (the partner must sit within ``span`` clauses of the partners of the
clause's nearest linked neighbours; None: anywhere), ``half`` (also link a free clause to the
one clause of the other side with the topic when that one is linked already; ``"covered"``: count
a linked clause as open while none of the clauses it is linked with has the topic). The grid,
with the kept setting first, is what docs/figures-history.md reports for branch align9.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import alignment as A  # noqa: E402
import alignment_why as W  # noqa: E402

from licenses.sources import spdx_ids, spdx_text  # noqa: E402
from licenses.text import comparison  # noqa: E402
from licenses.text import topics as T  # noqa: E402
from licenses.text.comparison import clause_text, compare, fold  # noqa: E402
from licenses.text.matching import Side  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

KEPT = dict(first=True, rare=3, fan=2, span=None, half=False)


def engine_links(sa, sb) -> set[tuple[int, int]]:
    """The engine's links without its topic stage."""
    real = comparison.topic_links
    comparison.topic_links = lambda *args: set()
    try:
        pairs = compare(sa, sb)
    finally:
        comparison.topic_links = real
    return W.links_of(pairs, {id(s): k for k, s in enumerate(sa)}, {id(s): k for k, s in enumerate(sb)})


def region(linked, i: int, span: int) -> tuple[int, int]:
    by_a: dict[int, list[int]] = {}
    for a, b in linked:
        by_a.setdefault(a, []).append(b)
    keys = sorted(by_a)
    x = bisect.bisect_left(keys, i)
    lo = min(by_a[keys[x - 1]]) if x > 0 else 0
    hi = max(by_a[keys[x]]) if x < len(keys) else 10**9
    lo, hi = min(lo, hi), max(lo, hi)
    return lo - span, hi + span


def variant(sa: Side, sb: Side, linked, *, first, rare, fan, span, half):
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}

    def side_tags(side):
        return [
            T.tags(side.key[k], first=first) if len(set(side.words[k])) >= T.TOPIC_WORDS else frozenset()
            for k in range(len(side))
        ]

    ta, tb = side_tags(sa), side_tags(sb)
    out = set()
    for topic in T.TOPICS:
        all_a = [i for i, t in enumerate(ta) if topic in t]
        all_b = [j for j, t in enumerate(tb) if topic in t]
        if not all_a or not all_b or len(all_a) > rare or len(all_b) > rare:
            continue
        free_a = [i for i in all_a if i not in busy_a]
        free_b = [j for j in all_b if j not in busy_b]
        cands = []
        if free_a and free_b and min(len(free_a), len(free_b)) == 1 and max(len(free_a), len(free_b)) <= fan:
            cands = [(i, j) for i in free_a for j in free_b]
        elif half == "covered":
            # a linked clause still counts when no clause it is linked with has the topic
            part_a = {i: {j for x, j in linked if x == i} for i in all_a}
            part_b = {j: {i for i, y in linked if y == j} for j in all_b}
            open_a = [i for i in all_a if not any(topic in tb[j] for j in part_a[i])]
            open_b = [j for j in all_b if not any(topic in ta[i] for i in part_b[j])]
            if len(open_a) == 1 and len(open_b) == 1 and (open_a[0] not in busy_a or open_b[0] not in busy_b):
                cands = [(open_a[0], open_b[0])]
        elif half and len(all_a) == 1 and len(free_b) == 1 and not free_a:
            cands = [(all_a[0], free_b[0])]
        elif half and len(all_b) == 1 and len(free_a) == 1 and not free_b:
            cands = [(free_a[0], all_b[0])]
        for i, j in cands:
            if span is not None:
                lo, hi = region(linked, i, span)
                if not lo <= j <= hi:
                    continue
            out.add((i, j, topic))
    return {(i, j, t) for i, j, t in out if (i, j) not in linked}


def gold_data(splits):
    entries = json.loads(A.GOLD.read_text())
    entries = entries["pairs"] if isinstance(entries, dict) else entries
    for e in entries:
        if e.get("split", "tune") not in splits:
            continue
        sa, sb = segment(A.text_of(e, "a")), segment(A.text_of(e, "b"))
        fa, fb = [fold(clause_text(s)) for s in sa], [fold(clause_text(s)) for s in sb]
        gold = set()
        for link in e["links"]:
            i, j = A.resolve(sa, fa, link["a"]), A.resolve(sb, fb, link["b"])
            if i is not None and j is not None:
                gold.add((i, j))
        yield e, sa, sb, Side(sa), Side(sb), gold, engine_links(sa, sb)


GRID = [
    dict(KEPT),
    *(dict(KEPT, rare=r) for r in (2, 5, 99)),
    *(dict(KEPT, fan=f) for f in (1, 3)),
    *(dict(KEPT, span=s) for s in (0, 3, 6)),
    dict(KEPT, half=True),
    dict(KEPT, half="covered"),
    dict(KEPT, first=False),
    dict(KEPT, first=False, rare=2),
    dict(KEPT, first=False, fan=1),
    dict(KEPT, fan=1, span=3),
]


def consecutive_spdx() -> list[tuple[str, str]]:
    """Consecutive versions of one SPDX family (x-only ids; -or-later left out)."""
    fam: dict[str, list] = {}
    for i in spdx_ids():
        if i.endswith("-or-later") or i.endswith("+"):
            continue
        m = re.match(r"^(.*?)-v?(\d+(?:\.\d+)*[a-z]?)(-only)?$", i)
        if not m or not spdx_text(i).strip():
            continue
        ver = tuple(int(x) for x in re.findall(r"\d+", m.group(2)))
        fam.setdefault(m.group(1), []).append((ver, i))
    out = []
    for vs in fam.values():
        vs.sort()
        out += [(a, b) for (_, a), (_, b) in zip(vs, vs[1:], strict=False)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", default="tune,modelgo", help="comma-separated splits")
    parser.add_argument("--verbose", action="store_true", help="each new link of the kept setting")
    parser.add_argument("--spdx", action="store_true", help="consecutive SPDX versions outside the gold")
    args = parser.parse_args()
    if args.spdx:
        entries = json.loads(A.GOLD.read_text())
        entries = entries["pairs"] if isinstance(entries, dict) else entries
        in_gold = {(e["a"], e["b"]) for e in entries}
        pairs = [p for p in consecutive_spdx() if p not in in_gold]
        total = 0
        for a, b in pairs:
            sa, sb = segment(spdx_text(a)), segment(spdx_text(b))
            if len(sa) < 2 or len(sb) < 2:
                continue
            new = variant(Side(sa), Side(sb), engine_links(sa, sb), **KEPT)
            total += len(new)
            for i, j, t in sorted(new):
                print(f"{a} {sa[i].path} -> {b} {sb[j].path} [{t}]")
                print("   old:", " ".join(clause_text(sa[i]).split())[:240])
                print("   new:", " ".join(clause_text(sb[j]).split())[:240])
        print(f"{len(pairs)} consecutive version pairs outside the gold: {total} new links")
        return
    data = list(gold_data(args.split.split(",")))
    for kw in GRID:
        right = wrong = 0
        for e, sa_, sb_, sa, sb, gold, linked in data:
            for i, j, t in sorted(variant(sa, sb, linked, **kw)):
                ok = (i, j) in gold
                right += ok
                wrong += not ok
                if args.verbose and kw == KEPT:
                    print(f"  {'right' if ok else 'WRONG'} {e['a']} {sa_[i].path} -> {sb_[j].path} [{t}]")
        print(f"{kw}: +{right} right / +{wrong} wrong")


if __name__ == "__main__":
    main()
