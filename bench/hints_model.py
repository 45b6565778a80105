"""The word model behind the hints of gated criteria (licenses/text/hints/model.py), and the
experiment that first compared it with the wording rules.

Run: .venv/bin/python bench/hints_model.py            the experiment (model alone vs rules)
     .venv/bin/python bench/hints_model.py --write    train on dev .. dev8 but dev7 and write model.json
     .venv/bin/python bench/hints_model.py --cv       choose the gate threshold on the training splits

A logistic regression per criterion over word unigrams and bigrams (numpy only, L2, class
weights balanced), trained on the dev, dev2, dev3, dev4, dev5, dev6 and dev8 splits (620 clauses) with "maybe" labels left out,
read through the same clean-up as the rules (disclaimers, titles, license-text sentences
dropped). It predicts a criterion when its probability is >= THRESHOLD. It prints precision and
recall per criterion on test and test3 beside the rules' figures. Alone it is not shipped (it
finds fewer and cannot quote words); as a gate on the rules of criteria whose rules fall short of
the precision floor it is (``--write``; bench/hints.py measures the gate).

``--cv`` chooses the gate threshold (``licenses.text.hints.GATE``) on the training splits only,
by a rule fixed before it was run: license-grouped 5-fold cross-validation over dev..dev8 (fold
``crc32(license) % 5``; the vocabulary and weights of each fold's model come from the other
folds); for each criterion with a model gate, the lowest of ``THRESHOLDS`` at which its rules'
hints, kept only where the out-of-fold probability reaches the threshold, have precision >= 0.9
with at least two hints; GATE is the largest of these. No held-out split is read. (GATE stays at
0.3 for OSD 3, 5 and 9, where the held-out splits showed 0.1 too low for OSD 3: see
``licenses.text.hints``.) OSD 1, hidden until dev7 gave the dev splits OSD 1 false hits, gets a
gate of its own (``licenses.text.hints.GATES``): its chosen threshold, printed on the last line.

Why not dev7. dev7 (bench/hints_sample11.py) is an active-learning draw for OSD 1 alone, and the
rules of OSD 1 were written from it. Trained on every dev split, dev7 included, the model let
more OSD 3 rule hits through its gate, and OSD 3 fell to precision 0.82 on the held-out splits
(31 right, 7 wrong); trained without dev7, 0.91 (31 right, 3 wrong). The training set was chosen
between those two by the held-out splits, so they no longer measure that choice cleanly: the
split test7 (bench/hints_sample13.py), drawn and labelled after the choice and before anything
was run on it, does (README, criterion hints).

Why not dev9 either. dev9 (bench/hints_sample14.py) is drawn the way dev7 was, from the clauses
an OSD 1 rule fires on, and the OSD 1 rules were read against it; it is left out of training on
the same footing as dev7, so that the model, and with it the gates of the shown criteria 3, 5 and
9, stays the one test7 measured.
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
TRAIN = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev8")  # dev7 and dev9 read rules only: see the docstring
FOLDS = 5
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
FLOOR = 0.9
DIGITS = 4  # weights are stored rounded; the gate is measured with the stored file
SCALE = 10**DIGITS  # ... as whole numbers of 1 / SCALE ("123" for 0.0123): the same digits, a smaller file


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
            "weights": [round(float(v) * SCALE) for v in w[:-1]],
        }
    return {
        "about": "Logistic regression per OSD criterion over readable words and word pairs, "
        "trained on the dev, dev2, dev3, dev4, dev5, dev6 and dev8 splits of bench/hints_labels.json by bench/hints_model.py --write.",
        "trained_on": {s: sum(c["split"] == s for c in clauses) for s in TRAIN},
        "scale": SCALE,
        "features": vocab,
        "criteria": criteria,
    }


def write() -> None:
    """Train and write licenses/text/hints/model.json."""
    model = fit()
    shipped.MODEL.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    size = shipped.MODEL.stat().st_size // 1024
    print(f"wrote {shipped.MODEL} ({size} KB, {len(model['features'])} features)")


def out_of_fold(numbers) -> tuple[list[dict], dict[int, list[float]]]:
    """The training clauses and, per criterion of ``numbers``, each one's probability from a model
    trained on the other folds (license-grouped: fold ``crc32(license) % FOLDS``)."""
    import zlib

    clauses = [c for c in labelled() if c["split"] in TRAIN]
    fold = [zlib.crc32(c["license"].encode()) % FOLDS for c in clauses]
    words = [features(c) for c in clauses]
    oof = {n: [0.0] * len(clauses) for n in numbers}
    for k in range(FOLDS):
        train_ix = [i for i in range(len(clauses)) if fold[i] != k]
        test_ix = [i for i in range(len(clauses)) if fold[i] == k]
        counts = Counter(f for i in train_ix for f in words[i])
        vocab = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= 2))}

        def matrix(ix: list[int], vocab=vocab) -> np.ndarray:
            m = np.zeros((len(ix), len(vocab) + 1))
            m[:, -1] = 1.0
            for r, i in enumerate(ix):
                for f in words[i]:
                    if f in vocab:
                        m[r, vocab[f]] = 1.0
            return m

        x_test = matrix(test_ix)
        for n in numbers:
            tr = [i for i in train_ix if n not in clauses[i]["maybe"]]
            w = train(matrix(tr), np.array([1.0 if n in clauses[i]["yes"] else 0.0 for i in tr]))
            for i, p in zip(test_ix, 1 / (1 + np.exp(-(x_test @ w))), strict=True):
                oof[n][i] = float(p)
    return clauses, oof


def cross_validate(numbers=(1, 3, 5, 9)) -> float:
    """Print the out-of-fold gated precision and recall per criterion and threshold on the
    training splits, and return the threshold the rule in the module docstring chooses."""
    from bench.hints import terms_of
    from licenses.text.hints import candidate_hints

    clauses, oof = out_of_fold(numbers)
    fired = [
        {h.number for h in candidate_hints(c["text"], c["heading"], terms=terms_of(c["license"]))}
        for c in clauses
    ]
    chosen = {}
    for n in numbers:
        print(f"OSD {n}: threshold   tp  fp  fn precision recall (out of fold, {', '.join(TRAIN)})")
        for t in (0.0, *THRESHOLDS):
            tally = Counter()
            for i, c in enumerate(clauses):
                if n in c["maybe"]:
                    continue
                hit, yes = n in fired[i] and oof[n][i] >= t, n in c["yes"]
                tally["tp" if hit and yes else "fp" if hit else "fn" if yes else "tn"] += 1
            hits = tally["tp"] + tally["fp"]
            p = ratio(tally["tp"], hits)
            print(
                f"  {t:>15} {tally['tp']:4} {tally['fp']:3} {tally['fn']:3} {p!s:>9} {ratio(tally['tp'], tally['tp'] + tally['fn'])}"
            )
            if t and n not in chosen and hits >= 2 and p is not None and p >= FLOOR:
                chosen[n] = t
    gate = max(chosen.values(), default=THRESHOLDS[-1])
    print(f"lowest threshold at precision >= {FLOOR}: {chosen}; GATE = {gate}")
    if 1 in numbers:
        print(f"OSD 1's own gate (GATES[1]) = {chosen.get(1, THRESHOLDS[-1])}")
    return gate


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
    if "--write" in sys.argv:
        write()
    elif "--cv" in sys.argv:
        cross_validate()
    else:
        main()
