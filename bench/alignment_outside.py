"""What a stage of the alignment draws outside the gold: links it adds or removes on consecutive SPDX versions.

    python bench/alignment_outside.py --off by_lists          # links the stage by_lists adds or removes
    python bench/alignment_outside.py --off drop_boilerplate_moves,by_lists

Each named stage (a function that ``licenses.text.comparison`` imports) is switched off: a
link stage returns no links, a ``drop_*`` stage keeps every pair. The engine's links with and
without the stages are compared on the consecutive SPDX version pairs outside the gold
(``bench/alignment_topics.py``'s list), and every link that differs is printed with the start of
both clauses, to be read by hand.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import alignment as A  # noqa: E402
import alignment_why as W  # noqa: E402
from alignment_topics import consecutive_spdx  # noqa: E402

from licenses.sources import spdx_text  # noqa: E402
from licenses.text import comparison  # noqa: E402
from licenses.text.comparison import clause_text, compare  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402


def _off(name: str):
    if name.startswith("drop_"):
        return lambda sa, sb, match, *args, **kw: dict(match)
    return lambda *args, **kw: set()


def links(sa, sb, off: list[str]) -> set[tuple[int, int]]:
    real = {n: getattr(comparison, n) for n in off}
    for n in off:
        setattr(comparison, n, _off(n))
    try:
        pairs = compare(sa, sb)
    finally:
        for n, f in real.items():
            setattr(comparison, n, f)
    return W.links_of(pairs, {id(s): k for k, s in enumerate(sa)}, {id(s): k for k, s in enumerate(sb)})


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--off", required=True, help="comma-separated stage names imported by comparison")
    parser.add_argument("--width", type=int, default=300)
    args = parser.parse_args()
    off = args.off.split(",")
    entries = json.loads(A.GOLD.read_text())["pairs"]
    in_gold = {(e["a"], e["b"]) for e in entries}
    pairs = [p for p in consecutive_spdx() if p not in in_gold]
    added = removed = 0
    for a, b in pairs:
        sa, sb = segment(spdx_text(a)), segment(spdx_text(b))
        if len(sa) < 2 or len(sb) < 2:
            continue
        on, without = links(sa, sb, []), links(sa, sb, off)
        for sign, diff in (("+", on - without), ("-", without - on)):
            for i, j in sorted(diff):
                print(f"{sign} {a} {sa[i].path} -> {b} {sb[j].path}")
                print("   old:", " ".join(clause_text(sa[i]).split())[: args.width])
                print("   new:", " ".join(clause_text(sb[j]).split())[: args.width])
            added += len(diff) if sign == "+" else 0
            removed += len(diff) if sign == "-" else 0
    print(f"{len(pairs)} consecutive version pairs outside the gold: +{added} links, -{removed} links")


if __name__ == "__main__":
    main()
