"""The word model as a detector (pure: no Django): where no wording rule of a criterion fires,
it may still suggest the criterion, when its probability reaches that criterion's threshold.

A logistic regression per criterion over the clause's readable words and word pairs
(:func:`licenses.text.hints.model.features`), trained offline on the hand-labelled *dev* splits
of ``bench/hints_labels.json`` by ``bench/hints_detector.py --write`` and shipped as
``detector.json`` beside this module (weights as whole numbers of 1 / ``scale``; read once,
never fetched). Only the criteria whose model-only suggestions were precise enough on the dev
splits are in it, each with its threshold: measured as a new license meets them, with the rules
as they were before each dev split was read (``bench/hints_detector.py --prequential``).

A suggestion quotes no words: a rule says what it matched, the model only how sure it is, and
the hint says so (:attr:`licenses.text.hints.Hint.label`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from licenses.text.hints.model import sigmoid

DETECTOR = Path(__file__).with_name("detector.json")


@dataclass(frozen=True, slots=True)
class Detector:
    trained_on: int  # how many hand-labelled clauses it learned from
    # criterion -> (threshold, bias, weight per feature)
    criteria: dict[int, tuple[float, float, dict[str, float]]]


def load(path: Path) -> Detector:
    """A detector from its JSON file (one list of features; per criterion a threshold, a bias and
    one weight per feature in that order, in whole numbers of 1 / ``scale``)."""
    data = json.loads(path.read_bytes())  # UTF-8, as json.loads reads bytes
    names, scale = data["features"], data["scale"]
    return Detector(
        data["trained_on"],
        {
            int(n): (
                c["threshold"],
                c["bias"],
                {f: w / scale for f, w in zip(names, c["weights"], strict=True) if w},
            )
            for n, c in data["criteria"].items()
        },
    )


@cache
def shipped() -> Detector:
    """The detector beside this module."""
    return load(DETECTOR)


def suggestions(words: Iterable[str], detector: Detector | None = None) -> dict[int, float]:
    """Criterion -> probability, for each criterion of the detector whose probability for a
    clause with these features reaches its threshold."""
    detector = shipped() if detector is None else detector
    words = set(words)
    found = {}
    for n, (threshold, bias, weights) in detector.criteria.items():
        p = sigmoid(bias + sum(weights.get(f, 0.0) for f in words))
        if p >= threshold:
            found[n] = p
    return found
