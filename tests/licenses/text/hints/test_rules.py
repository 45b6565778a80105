"""licenses.text.hints.rules: the rules gathered and a license's own terms folded into them.

Pure (no database). The wording is our own.
"""

import re

from licenses.text.hints.rules import RULES, _alternation, compiled
from licenses.text.hints.structure import DERIVED
from licenses.text.hints.terms import NO_TERMS, Terms


def test_alternation_puts_the_license_terms_first_escaped_and_spaced_loosely():
    assert _alternation("base", ("Hand  Over", "Mod.s")) == r"Hand\s+Over|Mod\.s|base"
    assert _alternation("base", ()) == "base"


def test_alternation_a_term_matches_across_a_line_break_but_its_dot_only_as_a_dot():
    pattern = re.compile(_alternation(DERIVED, ("Mod.s Kit",)))
    assert pattern.fullmatch("Mod.s\n Kit")
    assert not pattern.fullmatch("Modes Kit")
    assert pattern.fullmatch("derived works")  # the concept's own words stay


def test_compiled_one_compiled_rule_per_rule_with_the_terms_folded_in():
    plain = compiled(NO_TERMS)
    widened = compiled(Terms(derived=("Remixed Tool",)))
    assert len(plain) == len(widened) == len(RULES)
    assert [c.number for c in widened] == [r.number for r in RULES]
    assert all("{DERIVED}" not in c.pattern.pattern for c in widened)
    assert any(r"Remixed\s+Tool" in c.pattern.pattern for c in widened)
    assert not any("Remixed" in c.pattern.pattern for c in plain)
