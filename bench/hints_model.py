"""The word model behind the hints of gated criteria (licenses/text/hints/model.py), and the
experiment that first compared it with the wording rules.

Run: .venv/bin/python bench/hints_model.py            the experiment (model alone vs rules)
     .venv/bin/python bench/hints_model.py --write    train on dev + dev2 + dev3 and write model.json

A logistic regression per criterion over word unigrams and bigrams (numpy only, L2, class
weights balanced), trained on the dev, dev2 and dev3 splits (388 clauses) with "maybe" labels left out,
read through the same clean-up as the rules (disclaimers, titles, license-text sentences
dropped). It predicts a criterion when its probability is >= THRESHOLD. It prints precision and
recall per criterion on test and test3 beside the rules' figures. Alone it is not shipped (it
finds fewer and cannot quote words); as a gate on the rules of criteria whose rules fall short of
the precision floor it is (``--write``; bench/hints.py measures the gate).
"""

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints import NUMBERS, count, labelled, ratio  # noqa: E402
from licenses.text.hints import model as shipped  # noqa: E402

THRESHOLD = 0.7
TRAIN = ("dev", "dev2", "dev3")
DIGITS = 4  # weights are stored rounded; the gate is measured with the stored file


def features(c: dict) -> set[str]:
    return shipped.features(c["text"], c["heading"])


def train(x: np.ndarray, y: np.ndarray, steps: int = 400, lr: float = 0.5, l2: float = 1e-2) -> np.ndarray:
    w = np.zeros(x.shape[1])
    pos = max(y.sum(), 1)
    weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * max(len(y) - pos, 1)))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= lr * (x.T @ ((p - y) * weight) / len(y) + l2 * w)
    return w


def fit(numbers=NUMBERS) -> dict:
    """One model per criterion (of ``numbers``) trained on the dev splits, as stored in model.json."""
    clauses = labelled()
    train_set = [c for c in clauses if c["split"] in TRAIN]
    vocab_count = Counter(f for c in train_set for f in features(c))
    vocab = sorted(f for f, n in vocab_count.items() if n >= 2)
    index = {f: i for i, f in enumerate(vocab)}
    criteria = {}
    for n in numbers:
        tr = [c for c in train_set if n not in c["maybe"]]
        x = np.zeros((len(tr), len(vocab) + 1))
        x[:, -1] = 1.0
        for r, c in enumerate(tr):
            for f in features(c):
                if f in index:
                    x[r, index[f]] = 1.0
        w = train(x, np.array([1.0 if n in c["yes"] else 0.0 for c in tr]))
        criteria[str(n)] = {
            "bias": round(float(w[-1]), DIGITS),
            "weights": [round(float(v), DIGITS) for v in w[:-1]],
        }
    return {
        "about": "Logistic regression per OSD criterion over readable words and word pairs, "
        "trained on the dev, dev2 and dev3 splits of bench/hints_labels.json by bench/hints_model.py --write.",
        "trained_on": {s: sum(c["split"] == s for c in clauses) for s in TRAIN},
        "features": vocab,
        "criteria": criteria,
    }


def write() -> None:
    """Train and write licenses/text/hints/model.json."""
    model = fit()
    shipped.MODEL.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    size = shipped.MODEL.stat().st_size // 1024
    print(f"wrote {shipped.MODEL} ({size} KB, {len(model['features'])} features)")


def main() -> None:
    clauses = labelled()
    train_set = [c for c in clauses if c["split"] in TRAIN]
    vocab_count = Counter(f for c in train_set for f in features(c))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in vocab_count.items() if n >= 2))}

    def matrix(cs: list[dict]) -> np.ndarray:
        m = np.zeros((len(cs), len(vocab) + 1))
        m[:, -1] = 1.0  # bias
        for r, c in enumerate(cs):
            for f in features(c):
                if f in vocab:
                    m[r, vocab[f]] = 1.0
        return m

    for split in ("test", "test3"):
        held = [c for c in clauses if c["split"] == split]
        xh = matrix(held)
        rules = count(clauses, split)
        print(f"{split}: criterion  model p/r (tp fp fn)      rules p/r")
        tot = Counter()
        for n in NUMBERS:
            tr = [c for c in train_set if n not in c["maybe"]]
            y = np.array([1.0 if n in c["yes"] else 0.0 for c in tr])
            w = train(matrix(tr), y)
            pred = 1 / (1 + np.exp(-(xh @ w))) >= THRESHOLD
            t = Counter()
            for c, p in zip(held, pred, strict=True):
                if n in c["maybe"]:
                    continue
                yes = n in c["yes"]
                t["tp" if p and yes else "fp" if p else "fn" if yes else "tn"] += 1
            tot.update(t)
            r = rules[n]
            print(
                f"  OSD {n:>2}  {ratio(t['tp'], t['tp'] + t['fp'])}/{ratio(t['tp'], t['tp'] + t['fn'])}"
                f" ({t['tp']} {t['fp']} {t['fn']})   {ratio(r['tp'], r['tp'] + r['fp'])}/{ratio(r['tp'], r['tp'] + r['fn'])}"
            )
        print(
            f"  all: model precision {ratio(tot['tp'], tot['tp'] + tot['fp'])}, recall {ratio(tot['tp'], tot['tp'] + tot['fn'])}"
        )


if __name__ == "__main__":
    write() if "--write" in sys.argv else main()
