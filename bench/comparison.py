"""Benchmark clause comparison (segment + align + redline) against `redlines` and difflib.HtmlDiff.

Run from the repo root:  .venv/bin/python bench/comparison.py [--runs N] [--htmldiff all|gpl|none]

For each license pair: our pipeline is segment() on both texts, compare(), and the
rendering of every pair's redline to escaped HTML; its time is the median of --runs runs.
`redlines` (Redlines(a, b).output_markdown, the median of 3 runs) and
difflib.HtmlDiff().make_table (one run) get the same two full texts. HtmlDiff takes
13-25 s on GPL-2.0 -> GPL-3.0 and about 90 s on LGPL-2.1 -> LGPL-3.0, so by default it
runs on the GPL pair only; --htmldiff all runs it once on every pair (about 2 minutes).
Prints one row per pair and a final JSON line with every figure.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redlines import Redlines  # noqa: E402

from licenses.sources import spdx_text  # noqa: E402
from licenses.text.comparison import ALGORITHM_VERSION, compare, summary  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

PAIRS = [
    ("GPL-2.0-only", "GPL-3.0-only"),
    ("LGPL-2.1-only", "LGPL-3.0-only"),
    ("GPL-3.0-only", "AGPL-3.0-only"),
    ("Apache-2.0", "ECL-2.0"),
    ("MPL-1.1", "MPL-2.0"),
    ("EPL-1.0", "EPL-2.0"),
    ("CC-BY-4.0", "CC-BY-SA-4.0"),
]
TARGET = ("GPL-2.0-only", "GPL-3.0-only")
TAGS = {"equal": "{}", "insert": "<ins>{}</ins>", "delete": "<del>{}</del>"}


def ours(a: str, b: str) -> tuple[list, list[str]]:
    pairs = compare(segment(a), segment(b))
    rendered = ["".join(TAGS[op].format(html.escape(t)) for op, t in p.redline) for p in pairs]
    return pairs, rendered


def timed(fn, runs: int) -> float:
    """Median wall time of ``runs`` calls, in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def interleaved(ours_fn, theirs_fn, runs: int, their_runs: int) -> tuple[float, float]:
    """Median times of both, with their runs spread among ours so that load on a busy
    machine hits both sides alike."""
    mine: list[float] = []
    theirs: list[float] = []
    every = max(runs // their_runs, 1)
    for n in range(runs):
        mine.append(timed(ours_fn, 1))
        if n % every == 0 and len(theirs) < their_runs:
            theirs.append(timed(theirs_fn, 1))
    return statistics.median(mine), statistics.median(theirs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9, help="runs of our pipeline per pair (median)")
    parser.add_argument("--htmldiff", choices=["all", "gpl", "none"], default="gpl")
    args = parser.parse_args()

    rows = []
    print(f"{ALGORITHM_VERSION}; ours = median of {args.runs} runs, redlines = median of 3, HtmlDiff = 1 run")
    print(
        f"{'pair':34} {'ours ms':>8} {'redlines':>9} {'ratio':>6} {'HtmlDiff':>9} {'ratio':>7}  kinds, similarity"
    )
    for a_id, b_id in PAIRS:
        a, b = spdx_text(a_id), spdx_text(b_id)
        ours(a, b)  # warm caches (regexes, imports)
        ms, red = interleaved(
            lambda a=a, b=b: ours(a, b), lambda a=a, b=b: Redlines(a, b).output_markdown, args.runs, 3
        )
        do_html = args.htmldiff == "all" or (args.htmldiff == "gpl" and (a_id, b_id) == TARGET)
        hd = (
            timed(lambda a=a, b=b: difflib.HtmlDiff().make_table(a.splitlines(), b.splitlines()), 1)
            if do_html
            else None
        )
        pairs, _ = ours(a, b)
        s = summary(pairs)
        kinds = " ".join(f"{k}={v}" for k, v in s["counts"].items() if v)
        row = {
            "a": a_id,
            "b": b_id,
            "ours_ms": round(ms, 2),
            "redlines_ms": round(red, 1),
            "redlines_ratio": round(red / ms, 1),
            "htmldiff_ms": round(hd, 0) if hd is not None else None,
            "htmldiff_ratio": round(hd / ms, 0) if hd is not None else None,
            "pairs": len(pairs),
            "counts": {k: v for k, v in s["counts"].items() if v},
            "similarity": s["similarity"],
        }
        rows.append(row)
        hd_txt = f"{hd:9.0f} {hd / ms:6.0f}x" if hd is not None else f"{'-':>9} {'-':>7}"
        print(
            f"{a_id + ' -> ' + b_id:34} {ms:8.1f} {red:9.1f} {red / ms:5.1f}x {hd_txt}  {kinds}, {s['similarity']:.2f}"
        )

    gpl = next(r for r in rows if (r["a"], r["b"]) == TARGET)
    verdict = "met" if gpl["redlines_ratio"] >= 8 else "MISSED"
    print(
        f"target: GPL-2.0 -> GPL-3.0 at least 8x faster than redlines: {gpl['redlines_ratio']}x ({verdict})"
    )
    print(
        json.dumps(
            {
                "algorithm": ALGORITHM_VERSION,
                "runs": args.runs,
                "target_ratio": gpl["redlines_ratio"],
                "pairs": rows,
            }
        )
    )


if __name__ == "__main__":
    main()
