"""The word model as a detector: may it suggest a criterion where no wording rule fires?

Run: .venv/bin/python bench/hints_detector.py                cross-validation on the dev splits (below)
     .venv/bin/python bench/hints_detector.py --variants     the same for five other model settings
     .venv/bin/python bench/hints_detector.py --prequential  the dev splits as new licenses (below)
     .venv/bin/python bench/hints_detector.py --write        the prequential choice, trained on every
                                                             dev split, written to detector.json

Until now the word model (``licenses/text/hints/model.py``) only held back the hints of the gated
criteria's rules. Here it is measured as a detector of its own: a clause on which no rule of
criterion n fires would get a *model-only* hint for n when the model's probability reaches a
threshold of n's own.

The measure, on the dev splits only (DEV: dev .. dev10; no held-out or fresh split is read):
license-grouped K-fold cross-validation (fold ``crc32(license) % FOLDS``; each fold's vocabulary
and weights come from the other folds' clauses), then per criterion (a) its rules as they are
(every rule hit, ungated) and (b) rules OR model-only hits, with the precision of the model-only
hits alone, and (c) the model alone. The choice, fixed before this was first run: per criterion,
the lowest threshold of THRESHOLDS at which the out-of-fold model-only hits have precision >=
FLOOR (0.93) with at least MIN_ONLY (5) of them; a criterion where no threshold does gets no
model-only hints.

The model: a logistic regression per criterion over the readable words and word pairs
(``model.features``: the rules' clean-up), L2, class weights balanced, the trainer of
``bench/hints_model.py`` (deterministic: full-batch gradient descent from zeros; here on a sparse
matrix, same arithmetic). ``--variants``: without class weights, L2 0.1, L2 0.001 (800 steps),
words only, and features in >= 3 clauses without class weights at L2 0.001.

Result of the cross-validation (2026-12-04, branch hints15; 850 dev clauses): no criterion
qualifies, in any setting. The rules were written from these splits and find 93 % of their
positives (OSD 3 0.927, OSD 7 0.97, OSD 4 0.964, OSD 1 0.903), so what is left where no rule fires
is mostly negatives: at the shipped setting the model-only hits are right 20 of 68 times for OSD 1
at 0.3 and 12 of 20 at 0.7, OSD 3 11 of 93 at 0.3 and 3 of 9 at 0.7, OSD 7 4 of 55 at 0.3 and 1 of
8 at 0.7; the best any setting reaches with >= 5 hits is OSD 1's 0.8 (4 of 5, t 0.9, no class
weights). The model alone is precise at high thresholds (OSD 3 0.96 / 0.72 at 0.7, OSD 7 0.95 /
0.73, OSD 1 0.96 / 0.75), but on these splits it finds what the rules, written from them, find.

So this cross-validation cannot see what a new license meets: rules that never read its wording.
``--prequential`` measures that on the dev splits alone (designed after the cross-validation's
result, before anything ran on a held-out or fresh split): each dev split but the first was
labelled before any rule was written from it, so the hint package as it was at the commit that
labelled it (LABELLED_AT, read from git) is a set of rules that had not read it; the model is
trained on the other dev splits less that split's licenses. The same choice (lowest threshold,
model-only precision >= 0.93 with >= 5 hits, pooled over the nine splits), and the same precision
on the three splits drawn without regard to the rules (UNIFORM: dev2, dev3, dev10). It chose
OSD 3 at 0.9 (16 right, 1 wrong; uniform 6 / 0; at 0.5 it would be 40 / 14) and OSD 7 at 0.8
(28 right, 2 wrong; uniform 6 / 0); OSD 1 reaches 0.91 at 0.9 (10 / 1) and no more. Those two
are shipped (``--write``; ``licenses.text.hints.DETECTED``). The cross-validation's figures at the
same thresholds (OSD 3 0 right 2 wrong, OSD 7 1 right 4 wrong) say what the suggestions cost where
the rules already read a license well; bench/hints.py measures both on the held-out splits, once.

The dev splits are not a uniform draw: dev6 and dev8 were drawn where no rule fired (dev8 on
OSD 3, 6 and 7 wording), which is the model-only region with more positives in it than a
license's clauses at large hold; the figures without them are printed beside, as information.
"""

import json
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hints import DEV, NUMBERS, labelled, ratio, terms_of  # noqa: E402
from licenses.text.hints import candidate_hints  # noqa: E402
from licenses.text.hints.model import features  # noqa: E402

FOLDS = 5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
FLOOR = 0.93
MIN_ONLY = 5
TARGETED = ("dev6", "dev8")  # drawn where no rule fired: shown apart, decides nothing
SHIPPED = {"steps": 400, "lr": 0.5, "l2": 1e-2, "balanced": True, "min_count": 2, "pairs": True}
VARIANTS = (
    {"balanced": False},
    {"l2": 1e-1},
    {"l2": 1e-3, "steps": 800},
    {"pairs": False},
    {"min_count": 3, "balanced": False, "l2": 1e-3, "steps": 800},
)


def _matrix(rows: list[set[str]], vocab: dict[str, int]) -> sp.csr_matrix:
    """Binary features and a bias column (the last)."""
    r, c = [], []
    for i, words in enumerate(rows):
        for j in sorted(vocab[f] for f in words if f in vocab):
            r.append(i)
            c.append(j)
        r.append(i)
        c.append(len(vocab))
    return sp.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(rows), len(vocab) + 1))


def train(x: sp.csr_matrix, y: np.ndarray, steps: int, lr: float, l2: float, balanced: bool) -> np.ndarray:
    """bench/hints_model.py's trainer (full-batch gradient descent from zeros), on a sparse matrix."""
    w = np.zeros(x.shape[1])
    pos = max(y.sum(), 1)
    if balanced:
        weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * max(len(y) - pos, 1)))
    else:
        weight = np.ones(len(y))
    xt = x.T.tocsr()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        w -= lr * (xt @ ((p - y) * weight) / len(y) + l2 * w)
    return w


def dev_clauses() -> tuple[list[dict], list[set[str]], list[set[int]]]:
    """The dev clauses, their features and the criteria whose rules fire on each (ungated)."""
    clauses = [c for c in labelled() if c["split"] in DEV]
    rows = [features(c["text"], c["heading"]) for c in clauses]
    fired = [
        {h.number for h in candidate_hints(c["text"], c["heading"], terms=terms_of(c["license"]))}
        for c in clauses
    ]
    return clauses, rows, fired


def out_of_fold(clauses: list[dict], rows: list[set[str]], setting: dict) -> dict[int, list[float]]:
    """Per criterion, each clause's probability from a model trained on the other folds."""
    if not setting["pairs"]:
        rows = [{f for f in r if "_" not in f} for r in rows]
    fold = [zlib.crc32(c["license"].encode()) % FOLDS for c in clauses]
    oof = {n: [0.0] * len(clauses) for n in NUMBERS}
    for k in range(FOLDS):
        tr = [i for i in range(len(clauses)) if fold[i] != k]
        te = [i for i in range(len(clauses)) if fold[i] == k]
        counts = Counter(f for i in tr for f in rows[i])
        vocab = {
            f: j for j, f in enumerate(sorted(f for f, m in counts.items() if m >= setting["min_count"]))
        }
        x_te = _matrix([rows[i] for i in te], vocab)
        for n in NUMBERS:
            keep = [i for i in tr if n not in clauses[i]["maybe"]]
            y = np.array([1.0 if n in clauses[i]["yes"] else 0.0 for i in keep])
            args = {a: setting[a] for a in ("steps", "lr", "l2", "balanced")}
            w = train(_matrix([rows[i] for i in keep], vocab), y, **args)
            for i, p in zip(te, 1 / (1 + np.exp(-(x_te @ w))), strict=True):
                oof[n][i] = float(p)
    return oof


def tally(clauses, fired, oof, n, t, keep=lambda c: True) -> Counter:
    """Rules (ungated), model-only hits at threshold t, and the model alone, on the clauses
    ``keep`` admits."""
    out = Counter()
    for i, c in enumerate(clauses):
        if n in c["maybe"] or not keep(c):
            continue
        yes = n in c["yes"]
        rule = n in fired[i]
        model = t is not None and oof[n][i] >= t
        only = model and not rule
        out["pos"] += yes
        out["rule_tp"] += rule and yes
        out["rule_fp"] += rule and not yes
        out["only_tp"] += only and yes
        out["only_fp"] += only and not yes
        out["model_tp"] += model and yes
        out["model_fp"] += model and not yes
    return out


def line(t: Counter) -> str:
    rtp, rfp, otp, ofp, pos = t["rule_tp"], t["rule_fp"], t["only_tp"], t["only_fp"], t["pos"]
    mtp, mfp = t["model_tp"], t["model_fp"]
    return (
        f"rules {ratio(rtp, rtp + rfp)!s:>5}/{ratio(rtp, pos)!s:>5}  "
        f"model-only {otp:3} right {ofp:3} wrong ({ratio(otp, otp + ofp)!s:>5})  "
        f"rules+model {ratio(rtp + otp, rtp + rfp + otp + ofp)!s:>5}/{ratio(rtp + otp, pos)!s:>5}  "
        f"model alone {ratio(mtp, mtp + mfp)!s:>5}/{ratio(mtp, pos)!s:>5}"
    )


def choose(clauses, fired, oof) -> dict[int, float]:
    """The rule in the module docstring: per criterion, the lowest threshold at which the
    model-only hits have precision >= FLOOR with at least MIN_ONLY of them."""
    chosen = {}
    for n in NUMBERS:
        for t in THRESHOLDS:
            s = tally(clauses, fired, oof, n, t)
            only = s["only_tp"] + s["only_fp"]
            if only >= MIN_ONLY and s["only_tp"] / only >= FLOOR:
                chosen[n] = t
                break
    return chosen


def cross_validate(data, setting: dict, verbose: bool = True) -> dict[int, float]:
    clauses, rows, fired = data
    oof = out_of_fold(clauses, rows, setting)
    chosen = choose(clauses, fired, oof)
    untargeted = lambda c: c["split"] not in TARGETED  # noqa: E731
    print(f"setting {setting}: {len(clauses)} dev clauses, {FOLDS} license-grouped folds, out of fold")
    for n in NUMBERS if verbose else ():
        base = tally(clauses, fired, oof, n, None)
        print(f"OSD {n} ({base['pos']} positives): rules alone {line(base)}")
        for t in THRESHOLDS:
            s, u = tally(clauses, fired, oof, n, t), tally(clauses, fired, oof, n, t, untargeted)
            print(
                f"  t={t:<4} {line(s)}{'  <- chosen' if chosen.get(n) == t else ''}"
                f"   | without dev6, dev8: model-only {u['only_tp']} right {u['only_fp']} wrong"
            )
    best = {}
    for n in NUMBERS:
        for t in THRESHOLDS:
            s = tally(clauses, fired, oof, n, t)
            only = s["only_tp"] + s["only_fp"]
            if only >= MIN_ONLY and (n not in best or s["only_tp"] / only > best[n][0]):
                best[n] = (round(s["only_tp"] / only, 3), t, s["only_tp"], s["only_fp"])
    print(f"  best model-only precision with >= {MIN_ONLY} hits (precision, t, right, wrong): {best}")
    print(f"  chosen (lowest threshold, model-only precision >= {FLOOR} with >= {MIN_ONLY} hits): {chosen}")
    return chosen


# Each dev split labelled before any rule was written from it, and the commit that labelled it:
# the rules at that commit had not read the split (dev, the first, has none).
LABELLED_AT = {
    "dev2": "3179f6d",
    "dev3": "37788ab",
    "dev4": "6f9db51",
    "dev5": "a8bfe38",
    "dev6": "bcd79df",
    "dev7": "fc5d806",
    "dev8": "faac404",
    "dev9": "ff8dadf",
    "dev10": "a302cb2",
}
UNIFORM = ("dev2", "dev3", "dev10")  # drawn with no regard to what the rules did
_THEN = """
import json, sys
sys.path.insert(0, sys.argv[1])
from licenses.text.hints import candidate_hints, defined_terms
import licenses.text.hints as h
assert h.__file__.startswith(sys.argv[1]), h.__file__
data = json.load(sys.stdin)
terms = {k: defined_terms([t]) for k, t in data["texts"].items()}
print(json.dumps({c["id"]: [x.number for x in candidate_hints(c["text"], c["heading"], terms=terms[c["license"]])]
                  for c in data["clauses"]}))
"""


def rules_then(commit: str, clauses: list[dict]) -> dict[str, set[int]]:
    """Which criteria's rules (ungated) fire on each clause, by the hint package as it was at
    ``commit`` (``git archive`` into a temporary directory, read in a subprocess)."""
    import subprocess
    import tempfile

    from bench.hints_sample import text_of

    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(root), "archive", commit, "licenses"], check=True, capture_output=True
        )
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        payload = {"clauses": clauses, "texts": {c["license"]: text_of(c["license"]) for c in clauses}}
        out = subprocess.run(
            [sys.executable, "-c", _THEN, tmp],
            input=json.dumps(payload),
            text=True,
            capture_output=True,
            check=True,
        )
    return {k: set(v) for k, v in json.loads(out.stdout).items()}


def prequential(setting: dict = SHIPPED) -> dict[int, float]:
    """The condition a new license meets: for each dev split of LABELLED_AT, the rules as they were
    when it was labelled, and a model trained on the other dev splits less that split's licenses.
    Per criterion and threshold, the model-only hits (right / wrong) per split, over every split
    and over the UNIFORM ones; the chosen threshold (module docstring) is printed last."""
    clauses = [c for c in labelled() if c["split"] in DEV]
    rows = {c["id"]: features(c["text"], c["heading"]) for c in clauses}
    if not setting["pairs"]:
        rows = {k: {f for f in r if "_" not in f} for k, r in rows.items()}
    args = {a: setting[a] for a in ("steps", "lr", "l2", "balanced")}
    hits: dict[str, dict[int, list[tuple[float, bool, bool]]]] = {}  # split -> n -> (p, rule, yes)
    for split, commit in LABELLED_AT.items():
        held = [c for c in clauses if c["split"] == split]
        licenses = {c["license"] for c in held}
        tr = [c for c in clauses if c["split"] != split and c["license"] not in licenses]
        counts = Counter(f for c in tr for f in rows[c["id"]])
        vocab = {
            f: j for j, f in enumerate(sorted(f for f, m in counts.items() if m >= setting["min_count"]))
        }
        x_held = _matrix([rows[c["id"]] for c in held], vocab)
        fired = rules_then(commit, held)
        hits[split] = {}
        for n in NUMBERS:
            keep = [c for c in tr if n not in c["maybe"]]
            y = np.array([1.0 if n in c["yes"] else 0.0 for c in keep])
            w = train(_matrix([rows[c["id"]] for c in keep], vocab), y, **args)
            hits[split][n] = [
                (float(p), n in fired[c["id"]], n in c["yes"])
                for c, p in zip(held, 1 / (1 + np.exp(-(x_held @ w))), strict=True)
                if n not in c["maybe"]
            ]

    def only(splits, n, t) -> tuple[int, int]:
        got = [yes for s in splits for p, rule, yes in hits[s][n] if p >= t and not rule]
        return sum(got), len(got) - sum(got)

    chosen = {}
    print(
        f"prequential, setting {setting}: model-only right/wrong per threshold (rules as each split was labelled)"
    )
    for n in NUMBERS:
        pos = sum(yes for s in hits for _, _, yes in hits[s][n])
        caught = sum(yes and rule for s in hits for _, rule, yes in hits[s][n])
        wrong = sum(rule and not yes for s in hits for _, rule, yes in hits[s][n])
        print(f"OSD {n}: {pos} positives, the rules then {caught} right {wrong} wrong")
        for t in THRESHOLDS:
            a, u = only(LABELLED_AT, n, t), only(UNIFORM, n, t)
            per = " ".join(f"{s}:{only((s,), n, t)[0]}/{only((s,), n, t)[1]}" for s in LABELLED_AT)
            ok = sum(a) >= MIN_ONLY and a[0] / sum(a) >= FLOOR and (not sum(u) or u[0] / sum(u) >= FLOOR)
            if ok and n not in chosen:
                chosen[n] = t
            mark = "  <- chosen" if chosen.get(n) == t else ""
            print(f"  t={t:<4} all {a[0]}/{a[1]}  uniform {u[0]}/{u[1]}  | {per}{mark}")
    print(f"prequential choice: {chosen}")
    return chosen


DIGITS = 4  # weights are stored rounded, as whole numbers of 1 / SCALE
SCALE = 10**DIGITS


def fit(thresholds: dict[int, float], setting: dict = SHIPPED) -> dict:
    """Train on every dev split, for the criteria of ``thresholds`` (each with its threshold), as
    stored in detector.json; features none of them weighs are left out."""
    clauses = [c for c in labelled() if c["split"] in DEV]
    rows = [features(c["text"], c["heading"]) for c in clauses]
    counts = Counter(f for r in rows for f in r)
    vocab = {f: j for j, f in enumerate(sorted(f for f, m in counts.items() if m >= setting["min_count"]))}
    args = {a: setting[a] for a in ("steps", "lr", "l2", "balanced")}
    weights = {}
    for n in sorted(thresholds):
        keep = [i for i, c in enumerate(clauses) if n not in c["maybe"]]
        y = np.array([1.0 if n in clauses[i]["yes"] else 0.0 for i in keep])
        weights[n] = train(_matrix([rows[i] for i in keep], vocab), y, **args)
    names = sorted(f for f, j in vocab.items() if any(round(float(w[j]) * SCALE) for w in weights.values()))
    model = {
        "about": "Logistic regression per OSD criterion over readable words and word pairs, trained on every dev "
        "split of bench/hints_labels.json by bench/hints_detector.py --write; each criterion's threshold chosen "
        "by that script's prequential measure on the dev splits.",
        "trained_on": len(clauses),
        "scale": SCALE,
        "features": names,
        "criteria": {
            str(n): {
                "threshold": thresholds[n],
                "bias": round(float(w[-1]), DIGITS),
                "weights": [round(float(w[vocab[f]]) * SCALE) for f in names],
            }
            for n, w in weights.items()
        },
    }
    return model


def write(thresholds: dict[int, float]) -> None:
    """Train and write licenses/text/hints/detector.json."""
    from licenses.text.hints.detector import DETECTOR

    model = fit(thresholds)
    DETECTOR.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {DETECTOR} ({DETECTOR.stat().st_size // 1024} KB, {len(model['features'])} features)")


def main(variants: bool = False) -> dict:
    data = dev_clauses()
    result = {"shipped": cross_validate(data, SHIPPED)}
    if variants:
        for i, v in enumerate(VARIANTS):
            result[f"variant{i + 1}"] = cross_validate(data, {**SHIPPED, **v}, verbose=False)
    print(json.dumps({k: {str(n): t for n, t in c.items()} for k, c in result.items()}))
    return result


if __name__ == "__main__":
    if "--write" in sys.argv:
        write(prequential())
    elif "--prequential" in sys.argv:
        print(json.dumps({str(n): t for n, t in prequential().items()}))
    else:
        main(variants="--variants" in sys.argv)
