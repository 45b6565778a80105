"""The word model as a detector (licenses/text/hints/detector.py): a suggestion of its own where
no wording rule of a criterion fires, and how a hint says that it is one."""

from __future__ import annotations

import json

import pytest

import licenses.text.hints as hints_module
from licenses.text.hints import DETECTED, MODEL_REASON, SHOWN, Hint, candidate_hints, detector, hints
from licenses.text.hints.detector import DETECTOR, Detector, load, suggestions

# A tiny fixed model: "zorbify" raises criteria 3 and 7 far above their thresholds, "quux" a
# little (3: sigmoid(-4 + 3.5) = 0.38 < 0.5); the tests put 3 and 7 in DETECTED, not 2.
TINY = Detector(
    trained_on=42,
    criteria={
        2: (0.5, -4.0, {"zorbify": 9.0}),
        3: (0.5, -4.0, {"zorbify": 9.0, "quux": 3.5}),
        7: (0.8, -4.0, {"zorbify": 9.0}),
    },
)


@pytest.fixture
def tiny(monkeypatch):
    monkeypatch.setattr(detector, "shipped", lambda: TINY)
    monkeypatch.setattr(hints_module, "DETECTED", frozenset({3, 7}))


def test_a_suggestion_is_made_at_or_above_the_criterions_threshold_only():
    assert suggestions({"zorbify"}, TINY) == pytest.approx({2: 0.99331, 3: 0.99331, 7: 0.99331}, abs=1e-5)
    assert suggestions({"quux"}, TINY) == {}
    assert suggestions({"nothing"}, TINY) == {}
    # exactly at the threshold counts: sigmoid(0) = 0.5
    assert suggestions({"w"}, Detector(1, {3: (0.5, 0.0, {})})) == {3: 0.5}
    assert suggestions({"w"}, Detector(1, {3: (0.51, 0.0, {})})) == {}


def test_a_detector_loads_from_its_json_with_weights_in_units_of_one_over_scale(tmp_path):
    path = tmp_path / "d.json"
    data = {
        "trained_on": 7,
        "scale": 100,
        "features": ["adapt", "copy_it"],
        "criteria": {"3": {"threshold": 0.9, "bias": -1.5, "weights": [250, 0]}},
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load(path) == Detector(7, {3: (0.9, -1.5, {"adapt": 2.5})})


def test_a_detector_file_with_a_weight_too_few_or_too_many_does_not_load(tmp_path):
    path = tmp_path / "d.json"
    for weights in ([1], [1, 2, 3]):
        data = {
            "trained_on": 7,
            "scale": 100,
            "features": ["adapt", "copy_it"],
            "criteria": {"3": {"threshold": 0.9, "bias": 0.0, "weights": weights}},
        }
        path.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ValueError, match="zip"):
            load(path)


def test_a_detector_file_is_read_as_utf8(tmp_path):
    path = tmp_path / "d.json"
    data = {
        "trained_on": 1,
        "scale": 1,
        "features": ["übersetzen"],
        "criteria": {"3": {"threshold": 0.5, "bias": 0, "weights": [2]}},
    }
    path.write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert load(path).criteria[3][2] == {"übersetzen": 2.0}


def test_suggestions_read_the_shipped_detector_unless_given_one(monkeypatch):
    monkeypatch.setattr(detector, "shipped", lambda: TINY)
    assert set(suggestions({"zorbify"})) == {2, 3, 7}
    assert suggestions({"zorbify"}, Detector(1, {})) == {}


def test_where_no_rule_fires_the_model_alone_suggests_a_detected_criterion_and_says_so(tiny):
    text = "The parties zorbify the widget."
    assert candidate_hints(text) == []
    found = hints(text)
    assert [h.number for h in found] == [3, 7]
    hint = found[0]
    assert hint.key == ("osd-1.9", 3)
    assert (hint.kind, hint.phrase, hint.reason, hint.model, hint.trained_on) == (
        "model",
        "",
        MODEL_REASON,
        0.99,
        42,
    )
    assert hint.label == (
        "word model suggestion, no keyword matched: a word model trained on 42 hand-labelled clauses "
        "suggests this clause may touch OSD 3 (probability 0.99)"
    )
    assert not hint.label.startswith("keyword match")


def test_the_model_suggests_nothing_below_the_threshold(tiny):
    assert hints("The parties quux the widget.") == []


def test_a_criterion_outside_detected_gets_no_suggestion_of_the_model(tiny):
    assert 2 not in hints_module.DETECTED
    assert 2 not in {h.number for h in hints("The parties zorbify the widget.")}


def test_the_shipped_detected_set_leaves_osd_7_out(monkeypatch):
    """OSD 7 is in detector.json but not in DETECTED (the held-out floor switched it off)."""
    monkeypatch.setattr(detector, "shipped", lambda: TINY)
    assert {3} == DETECTED
    assert [(h.number, h.kind) for h in hints("The parties zorbify the widget.")] == [(3, "model")]


def test_where_a_rule_of_the_criterion_fires_the_rule_speaks_not_the_model(tiny):
    text = "Copies must retain this notice; the parties zorbify the widget."
    found = {h.number: h for h in hints(text)}
    assert found[7].kind == "rule" and found[7].phrase
    assert found[3].kind == "model"  # no OSD 3 rule fires here


def test_a_gated_rule_the_model_holds_back_is_not_replaced_by_a_suggestion(tiny):
    # an OSD 3 rule fires and the gate (the other model) holds it back: no OSD 3 hint at all
    text = "You may alter the settings. The parties zorbify the widget."
    assert 3 in {h.number for h in candidate_hints(text)}
    assert 3 not in {h.number for h in hints(text)}


def test_suggestions_and_rule_hints_come_in_criterion_order(tiny):
    text = "Nobody may use the widget for military purposes. The parties zorbify it."
    assert [(h.number, h.kind) for h in hints(text)] == [(3, "model"), (6, "rule"), (7, "model")]


def test_a_rule_hint_is_still_a_keyword_match():
    hint = Hint("osd-1.9", 6, "limits a field of use", "military")
    assert hint.kind == "rule"
    assert hint.label == "keyword match “military”: limits a field of use"


def test_the_shipped_detector_holds_the_detected_criteria_only_and_is_small():
    data = json.loads(DETECTOR.read_text(encoding="utf-8"))
    # the prequential choice; DETECTED is the part of it the held-out floor kept
    assert {int(n) for n in data["criteria"]} == {3, 7}
    assert {int(n): c["threshold"] for n, c in data["criteria"].items()} == {3: 0.9, 7: 0.8}
    assert set(DETECTED) <= {3, 7}
    assert DETECTED <= SHOWN
    assert all(0 < c["threshold"] < 1 for c in data["criteria"].values())
    assert all(len(c["weights"]) == len(data["features"]) for c in data["criteria"].values())
    assert DETECTOR.stat().st_size < 500_000


def test_the_shipped_detector_was_trained_on_the_dev_splits_by_the_training_script(shared_data):
    from bench.hints import DEV, labelled

    assert detector.shipped().trained_on == sum(c["split"] in DEV for c in labelled())


def test_the_shipped_detector_is_what_the_training_script_makes(shared_data):
    """detector.json is reproducible from the labels (to the stored four digits, give or take
    one in the last for floating-point order)."""
    from bench.hints_detector import fit

    shipped = json.loads(DETECTOR.read_text(encoding="utf-8"))
    fresh = fit({int(n): c["threshold"] for n, c in shipped["criteria"].items()})
    assert fresh["features"] == shipped["features"]
    assert fresh["trained_on"] == shipped["trained_on"]
    assert fresh["scale"] == shipped["scale"] == 10_000
    for n, c in shipped["criteria"].items():
        assert fresh["criteria"][n]["threshold"] == c["threshold"]
        assert fresh["criteria"][n]["bias"] == pytest.approx(c["bias"], abs=2e-4)
        assert fresh["criteria"][n]["weights"] == pytest.approx(c["weights"], abs=2)


def test_a_gated_criterion_without_a_gate_of_its_own_takes_the_common_one():
    from licenses.text.hints import GATE, GATES, gate

    assert gate(1) == GATES[1] != GATE
    assert gate(3) == GATE
