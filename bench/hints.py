"""Measure licenses.text.hints against the labelled set bench/hints_labels.json.

Run: .venv/bin/python bench/hints.py [--verbose]
Prints per-criterion and overall micro precision and recall (a clause x criterion pair counts
as one judgement), then one JSON line.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from licenses.text.hints import hints  # noqa: E402

LABELS = Path(__file__).with_name("hints_labels.json")


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def main(verbose: bool = False) -> dict:
    data = json.loads(LABELS.read_text())
    numbers = range(1, 11)
    tp = dict.fromkeys(numbers, 0)
    fp = dict.fromkeys(numbers, 0)
    fn = dict.fromkeys(numbers, 0)
    for clause in data["clauses"]:
        expected = set(clause["criteria"])
        found = {h.number: h for h in hints(clause["text"], clause.get("heading", ""))}
        for n in numbers:
            if n in found and n in expected:
                tp[n] += 1
            elif n in found:
                fp[n] += 1
                if verbose:
                    print(f"  FP {clause['id']:18} OSD {n}: {found[n].phrase!r}")
            elif n in expected:
                fn[n] += 1
                if verbose:
                    print(f"  FN {clause['id']:18} OSD {n}")
    print(f"{'criterion':>9} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
    for n in numbers:
        print(
            f"{'OSD ' + str(n):>9} {tp[n]:4} {fp[n]:4} {fn[n]:4} {ratio(tp[n], tp[n] + fp[n]):9.2f} "
            f"{ratio(tp[n], tp[n] + fn[n]):7.2f}"
        )
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    result = {
        "clauses": len(data["clauses"]),
        "judgements": len(data["clauses"]) * len(numbers),
        "positives": TP + FN,
        "tp": TP,
        "fp": FP,
        "fn": FN,
        "precision": round(ratio(TP, TP + FP), 3),
        "recall": round(ratio(TP, TP + FN), 3),
    }
    print(f"{'micro':>9} {TP:4} {FP:4} {FN:4} {result['precision']:9.2f} {result['recall']:7.2f}")
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main(verbose="--verbose" in sys.argv)
