"""What the links by meaning (licenses/text/meaning.py) add, per split, at several z-score thresholds.

Run from the repo root:  .venv/bin/python bench/alignment_meaning.py [--z 2.0 2.5 3.0] [--split tune]

For each threshold it scores the gold of bench/alignment_gold.json (as bench/alignment.py does)
with the rule at that threshold and prints, per split, the right and wrong links it adds
against the rule switched off. The shipped threshold was chosen on *tune* only (the middle of
the run of thresholds that add no wrong link there); the other splits are printed to report.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment import GOLD, SPLITS, evaluate  # noqa: E402

from licenses.text import meaning  # noqa: E402

OFF = float("inf")


def score(entries: list[dict], z: float) -> dict[str, tuple[int, int]]:
    """(right, shown) links per split with the rule at threshold ``z``."""
    meaning.MEANING_Z = z
    out: dict[str, tuple[int, int]] = {}
    for entry in entries:
        row = evaluate(entry)
        right, shown = out.get(row["split"], (0, 0))
        out[row["split"]] = (right + row["right"], shown + row["shown"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--z", type=float, nargs="+", default=[2.0, 2.2, 2.5, 2.8, 3.0])
    parser.add_argument("--split", choices=SPLITS)
    args = parser.parse_args()
    entries = json.loads(GOLD.read_text(encoding="utf-8"))["pairs"]
    if args.split:
        entries = [e for e in entries if e.get("split", "tune") == args.split]
    shipped = meaning.MEANING_Z
    base = score(entries, OFF)
    print(f"shipped threshold z >= {shipped}; right / wrong links added against the rule off")
    for z in args.z:
        got = score(entries, z)
        cells = []
        for name in SPLITS:
            if name in got:
                right, shown = got[name]
                r0, s0 = base[name]
                cells.append(f"{name} +{right - r0} / +{(shown - right) - (s0 - r0)}")
        print(f"z >= {z:4.2f}: " + ", ".join(cells))
    meaning.MEANING_Z = shipped


if __name__ == "__main__":
    main()
