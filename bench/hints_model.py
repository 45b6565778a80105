"""Experiment: does a small learned model beat the wording rules on the held-out splits?

Run: .venv/bin/python bench/hints_model.py

A logistic regression per criterion over word unigrams and bigrams (numpy only, L2, class
weights balanced), trained on the dev and dev2 splits (326 clauses) with "maybe" labels left out,
read through the same clean-up as the rules (disclaimers, titles, license-text sentences
dropped). It predicts a criterion when its probability is >= THRESHOLD. It prints precision and
recall per criterion on test and test3 beside the rules' figures. Nothing here is shipped: the
README says which won.
"""

import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints import NUMBERS, count, labelled, ratio  # noqa: E402
from licenses.text.hints.clean import readable  # noqa: E402

THRESHOLD = 0.7
WORD = re.compile(r"[a-z]+")


def features(c: dict) -> list[str]:
    words = WORD.findall(" ".join(readable(c["text"], c["heading"])).lower())
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def train(x: np.ndarray, y: np.ndarray, steps: int = 400, lr: float = 0.5, l2: float = 1e-2) -> np.ndarray:
    w = np.zeros(x.shape[1])
    pos = max(y.sum(), 1)
    weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * max(len(y) - pos, 1)))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= lr * (x.T @ ((p - y) * weight) / len(y) + l2 * w)
    return w


def main() -> None:
    clauses = labelled()
    train_set = [c for c in clauses if c["split"] in ("dev", "dev2")]
    vocab_count = Counter(f for c in train_set for f in set(features(c)))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in vocab_count.items() if n >= 2))}

    def matrix(cs: list[dict]) -> np.ndarray:
        m = np.zeros((len(cs), len(vocab) + 1))
        m[:, -1] = 1.0  # bias
        for r, c in enumerate(cs):
            for f in set(features(c)):
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
    main()
