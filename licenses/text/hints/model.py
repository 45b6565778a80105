"""A small word model that second-guesses the wording rules of some criteria. Pure: no Django.

For a criterion whose rules alone fall short of the precision floor on the held-out labels (OSD 1
and 3: "grants redistribution" and "touches derived works" are easy words to find and hard to
read), a rule's hint is shown only when this model agrees: a logistic regression per criterion
over the clause's readable words and word pairs (the same clean-up as the rules: disclaimers,
titles and sentences about the license text dropped), trained offline on the *dev* to *dev8*
splits of ``bench/hints_labels.json`` but *dev7* (an OSD 1 draw whose labels write rules only;
``bench/hints_model.py`` says why) by ``bench/hints_model.py --write`` and shipped as
``model.json`` beside this module (about 410 KB, weights as whole numbers of 1 / ``scale``; read
once, never fetched).

This model never makes a hint by itself: it can only hold back a rule's. It cannot quote words, and
the rule's phrase is what the reviewer is shown. (A model of the same kind trained on every dev
split, :mod:`licenses.text.hints.detector`, may suggest a criterion of ``DETECTED`` where no rule
of it fires; its hints say that they are a model's.)
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from licenses.text.hints.clean import readable

MODEL = Path(__file__).with_name("model.json")
WORD = re.compile(r"[a-z]+")


def features(text: str, heading: str = "", *, sentences: Sequence[str] | None = None) -> set[str]:
    """The clause's readable words and adjacent word pairs ("distribute", "distribute_copies").

    ``sentences``: the clause's readable sentences when the caller has them already
    (``readable(text, heading)``, as ``hints`` does), so that the clean-up runs once per clause.
    """
    if sentences is None:
        sentences = readable(text, heading)
    return words_of(sentences)


def words_of(sentences: Sequence[str]) -> set[str]:
    """The words and adjacent word pairs of readable sentences (``features`` of a cleaned clause)."""
    words = WORD.findall(" ".join(sentences).lower())
    return set(words) | {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}


@cache
def _weights() -> dict[int, tuple[float, dict[str, float]]]:
    """Criterion -> (bias, weight per feature), from model.json (one list of features, and per
    criterion one weight per feature in that order, in whole numbers of 1 / ``scale``)."""
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    names, scale = data["features"], data["scale"]
    return {
        int(n): (c["bias"], {f: w / scale for f, w in zip(names, c["weights"], strict=True) if w})
        for n, c in data["criteria"].items()
    }


def probability(
    number: int, text: str = "", heading: str = "", *, words: Iterable[str] | None = None
) -> float | None:
    """How likely a reviewer would say the clause touches criterion ``number`` (0..1), or None
    when the model has no weights for that criterion. ``words``: the clause's ``features`` when
    the caller has them already (they are then what is read, not ``text``)."""
    model = _weights().get(number)
    if model is None:
        return None
    bias, weights = model
    if words is None:
        words = features(text, heading)
    z = bias + sum(weights.get(f, 0.0) for f in words)
    return sigmoid(z)


def sigmoid(z: float) -> float:
    """1 / (1 + e^-z), without overflow at either end."""
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)
