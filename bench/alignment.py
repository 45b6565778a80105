"""Link precision and recall of the clause alignment against hand-made gold alignments.

Run from the repo root:  .venv/bin/python bench/alignment.py [--verbose] [--split S] [--wrap a|b|both]

``--wrap`` re-wraps one side's texts (or both) at 72 columns first: a version imported from a
COPYING file against one from the SPDX list, whose lines are paragraphs.

The gold (``bench/alignment_gold.json``) lists, for real SPDX version pairs, every pair of
clauses a lawyer would link, written by reading the texts. Each gold side names its clause
by path and by a quote; the clause is found by path when that clause still holds the quote,
else by the quote alone (the smallest clause holding it, one that starts with it first),
so the gold outlives changes to segmentation. A gold side that no clause holds any more is
reported and counts as missed.

The engine's links are every (old, new) clause pair it shows together: unchanged, changed,
moved, each old x new clause of a split or merge, and the source an added clause was drawn
from or the clause a removed one went into (``Pair.also``). Precision = right links / links
shown; recall = right links / gold links; both per pair and over all pairs (micro).
Each gold pair is marked ``"split": "tune"`` (the rules were tuned while looking at it) or
``"held-out"`` (written after the rules and never tuned on) or ``"held-out2"`` (a second
held-out set, GPL 1→2, LPL 1.0→1.02, CC-BY 2.5→3.0, written from the texts before the engine
was run on them, when secondary "also" links were added) or ``"held-out3"`` (CC-BY-SA 3.0→4.0,
Apache 1.0→1.1, NPL 1.0→1.1, written and committed before the engine was run on them) or
``"modelgo"`` (ModelGo MG-BY 1.0→2.0, not an SPDX text: ``a_path``/``b_path`` name the files,
relative to the repo root, in the shared reference data at ``../shared/data/modelgo``); the
bench reports each split and all pairs together. ``"tune2"`` is a second set to tune on (LPPL
1.0→1.1, MPL 1.0→1.1, APSL 1.0→2.0, LGPL 2.0→2.1, MPL 1.1→CDDL 1.0), written and committed before
the engine was run on those pairs. ``"tune3"`` is a third set to tune on (CeCILL 2.0→2.1,
CDLA-Permissive 1.0→2.0, Mulan PSL 1.0→2.0, CERN OHL 1.2→CERN-OHL-P 2.0, LAL 1.2→1.3), written and
committed before the engine was run on those pairs. ``"tune4"`` is a fourth set to tune on, pairs of
DIFFERENT licenses that share an ancestry (BSD-3-Clause→BSD-4-Clause, EPL-1.0→CPL-1.0,
Apache-2.0→ECL-2.0, AFL-3.0→OSL-3.0, Artistic-1.0→ClArtistic, CDDL-1.0→MPL-2.0), written and
committed before the engine was run on those pairs. Tune on the tune splits only (``--split tune``,
``--split tune2``, ``--split tune3``, ``--split tune4``).
"Changed but called unchanged" counts unchanged pairs whose texts differ beyond typography
(quotes, dashes, spacing, letter case): it must be 0. Prints one row per pair and, last,
one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.segmentation_wrapped import wrap  # noqa: E402
from licenses.sources import spdx_text  # noqa: E402
from licenses.text.comparison import ALGORITHM_VERSION, clause_text, compare, fold  # noqa: E402
from licenses.text.segmentation import Segment, segment  # noqa: E402

GOLD = ROOT / "bench" / "alignment_gold.json"
TARGET_PRECISION, TARGET_RECALL = 0.97, 0.90
SPLITS = ("tune", "tune2", "tune3", "tune4", "held-out", "held-out2", "held-out3", "modelgo")


WRAPPED: set[str] = set()  # the sides re-wrapped at 72 columns (--wrap)


def text_of(entry: dict, side: str) -> str:
    """The text of one side: a file named by ``<side>_path`` (relative to the repo root), else SPDX;
    re-wrapped at 72 columns when ``side`` is in ``WRAPPED``."""
    path = entry.get(f"{side}_path")
    # the ModelGo files start with a BOM
    text = spdx_text(entry[side]) if path is None else (ROOT / path).read_text(encoding="utf-8-sig")
    return wrap(text, 72) if side in WRAPPED else text


def resolve(segs: list[Segment], folded: list[str], side: dict) -> int | None:
    """Index of the clause a gold side names, or None when no clause holds its quote."""
    quote = fold(side["quote"])
    by_path = [k for k, s in enumerate(segs) if s.path == side["path"]]
    if len(by_path) == 1 and quote in folded[by_path[0]]:
        return by_path[0]
    hits = [k for k, f in enumerate(folded) if quote in f]
    if not hits:
        return None
    return min(hits, key=lambda k: (not folded[k].startswith(quote), len(folded[k])))


def evaluate(entry: dict, verbose: bool = False) -> dict:
    sa, sb = segment(text_of(entry, "a")), segment(text_of(entry, "b"))
    fa, fb = [fold(clause_text(s)) for s in sa], [fold(clause_text(s)) for s in sb]
    gold: set[tuple[int, int]] = set()
    lost = []
    for link in entry["links"]:
        i, j = resolve(sa, fa, link["a"]), resolve(sb, fb, link["b"])
        if i is None or j is None:
            lost.append(link)
        else:
            gold.add((i, j))
    start = time.perf_counter()
    pairs = compare(sa, sb)
    ms = (time.perf_counter() - start) * 1000
    index_a = {id(s): k for k, s in enumerate(sa)}
    index_b = {id(s): k for k, s in enumerate(sb)}
    shown: set[tuple[int, int]] = set()
    kinds: dict[tuple[int, int], str] = {}
    wrong_unchanged = 0
    for p in pairs:
        for x in p.a_segments:
            for y in p.b_segments:
                link = (index_a[id(x)], index_b[id(y)])
                shown.add(link)
                kinds[link] = p.kind
        if p.also is not None:  # an added clause drawn from an old one, or a removed one folded in
            x, y = (p.also, p.b) if p.kind == "added" else (p.a, p.also)
            link = (index_a[id(x)], index_b[id(y)])
            shown.add(link)
            kinds[link] = f"{p.kind}~"
        for x in p.more_from:  # secondary links: also drawn from / also went into
            for y in p.b_segments:
                link = (index_a[id(x)], index_b[id(y)])
                shown.add(link)
                kinds.setdefault(link, f"{p.kind}+")
        for y in p.more_into:
            for x in p.a_segments:
                link = (index_a[id(x)], index_b[id(y)])
                shown.add(link)
                kinds.setdefault(link, f"{p.kind}+")
        if p.kind == "unchanged" and fold(p.a_text) != fold(p.b_text):
            wrong_unchanged += 1
    right = shown & gold
    row = {
        "a": entry["a"],
        "b": entry["b"],
        "split": entry.get("split", "tune"),
        "gold": len(gold) + len(lost),
        "lost_gold": len(lost),
        "shown": len(shown),
        "right": len(right),
        "precision": round(len(right) / len(shown), 4) if shown else 1.0,
        "recall": round(len(right) / (len(gold) + len(lost)), 4) if gold or lost else 1.0,
        "wrong_unchanged": wrong_unchanged,
        "typography_only": sum(p.typography for p in pairs),
        "ms": round(ms, 1),
    }
    if verbose:
        for i, j in sorted(shown - gold):
            print(f"    extra  {kinds[(i, j)]:9} {sa[i].path:14} -> {sb[j].path}")
        for i, j in sorted(gold - shown):
            print(f"    missed           {sa[i].path:14} -> {sb[j].path}")
        for link in lost:
            print(f"    gold side not found: {link}")
    return row


def totals(rows: list[dict]) -> dict:
    """Micro precision and recall over some rows of :func:`evaluate`."""
    gold = sum(r["gold"] for r in rows)
    shown = sum(r["shown"] for r in rows)
    right = sum(r["right"] for r in rows)
    return {
        "pairs": len(rows),
        "gold_links": gold,
        "precision": round(right / shown, 4) if shown else 1.0,
        "recall": round(right / gold, 4) if gold else 1.0,
        "wrong": sum(r["wrong_unchanged"] for r in rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--verbose", action="store_true", help="list extra and missed links per pair")
    parser.add_argument("--split", choices=SPLITS, help="only the pairs of one split")
    parser.add_argument(
        "--wrap",
        choices=("a", "b", "both"),
        help="re-wrap the old (a), new (b) or both texts at 72 columns first, as a COPYING file is",
    )
    args = parser.parse_args()
    WRAPPED.update(("a", "b") if args.wrap == "both" else (args.wrap,) if args.wrap else ())

    entries = json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]
    if args.split:
        entries = [e for e in entries if e.get("split", "tune") == args.split]
    print(f"{ALGORITHM_VERSION}; {len(entries)} pairs, gold in {GOLD.relative_to(ROOT)}")
    print(f"{'pair':32} {'gold':>5} {'shown':>6} {'right':>6} {'P':>6} {'R':>6} {'ms':>7}")
    rows = []
    for entry in entries:
        if args.verbose:
            print(f"  {entry['a']} -> {entry['b']}")
        row = evaluate(entry, args.verbose)
        rows.append(row)
        print(
            f"{row['a'] + ' -> ' + row['b']:32} {row['gold']:5} {row['shown']:6} {row['right']:6} "
            f"{row['precision']:6.3f} {row['recall']:6.3f} {row['ms']:7.1f}"
        )
    splits = {}
    for name in SPLITS:
        part = [r for r in rows if r["split"] == name]
        if part:
            splits[name] = totals(part)
            t = splits[name]
            print(
                f"{name}: {len(part)} pairs, {t['gold_links']} gold links: "
                f"precision {t['precision']:.3f}, recall {t['recall']:.3f}, changed called unchanged {t['wrong']}"
            )
    t = totals(rows)
    gold, precision, recall, wrong = t["gold_links"], t["precision"], t["recall"], t["wrong"]
    met = precision >= TARGET_PRECISION and recall >= TARGET_RECALL and wrong == 0
    print(
        f"overall: precision {precision:.3f}, recall {recall:.3f} over {gold} gold links; "
        f"changed called unchanged: {wrong}; typography-only pairs: {sum(r['typography_only'] for r in rows)} "
        f"(target P >= {TARGET_PRECISION}, R >= {TARGET_RECALL}, 0 wrong: {'met' if met else 'MISSED'})"
    )
    print(
        json.dumps(
            {
                "algorithm": ALGORITHM_VERSION,
                "precision": precision,
                "recall": recall,
                "gold_links": gold,
                "wrong_unchanged": wrong,
                "target_met": met,
                "splits": splits,
                "pairs": rows,
            }
        )
    )


if __name__ == "__main__":
    main()
