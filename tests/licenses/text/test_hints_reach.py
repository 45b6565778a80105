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
