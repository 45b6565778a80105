"""bench/hints_reach.py: the rule patterns cut into their top-level alternatives (pure)."""

import re

import pytest

from bench.hints_reach import alternatives
from licenses.text.hints.rules import compiled


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        ("a|b", ["a", "b"]),
        (r"(?:a|b)c|d", ["(?:a|b)c", "d"]),
        (r"[|(]x|\|y|z", ["[|(]x", r"\|y", "z"]),
        (r"[]|]x|[^]|)]y", ["[]|]x", "[^]|)]y"]),
        ("abc", ["abc"]),
        ("a|", ["a", ""]),
    ],
)
def test_alternatives_cut_only_at_the_top_level(pattern, parts):
    assert alternatives(pattern) == parts


def test_every_rule_pattern_cuts_into_alternatives_that_compile_and_join_back():
    for rule in compiled():
        for p in (rule.pattern, rule.unless, rule.needs, rule.item):
            if p is None:
                continue
            parts = alternatives(p.pattern)
            assert "|".join(parts) == p.pattern
            for part in parts:
                re.compile(part, p.flags)


def test_apply_deletes_one_alternative_and_puts_the_rules_back():
    from bench.hints_reach import apply
    from licenses.text.hints import candidate_hints, rules

    original = rules.RULES
    clause = "Competitors of the Owner get no licence."
    competitors = next(i for i, r in enumerate(original) if r.pattern == r"\bcompetitors?\b")
    try:
        assert [h.number for h in candidate_hints(clause)] == [5]
        apply((competitors, "pattern", 0))  # a lone alternative: the pattern never matches
        assert rules.RULES[competitors].pattern == r"(?!)"
        assert candidate_hints(clause) == []
    finally:
        apply(None)
    assert rules.RULES is original
    assert [h.number for h in candidate_hints(clause)] == [5]
