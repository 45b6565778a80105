"""The hint rules' tables under test: which alternatives the pure hint tests reach, and which
deletions they catch.

    python bench/hints_reach.py            per module: alternatives reached, and the ones no test reaches
    python bench/hints_reach.py --kill     also delete each alternative in turn and run the tests against it
    python bench/hints_reach.py --json     the same as JSON

mutmut (bench/mutation.py) mutates code inside functions only; the rules of each criterion
(licenses/text/hints/redistribution.py, source.py, ...) are module-level data, so it makes no
mutants of them. This is their stand-in. Each rule's pattern, ``unless``, ``needs``, ``item`` and ``within``
is cut into its top-level alternatives ("a|b|c"), and the hint tests run once with every call
and every match recorded.

*Reached*: some test's sentence was decided by the alternative (the pattern matched there and
made the hint, or ``unless`` / ``needs`` / ``item`` matched there).

*Killed* (``--kill``): the mutant that deletes the alternative (a lone one: the pattern never
matches, the ``unless`` / ``needs`` / ``item`` is dropped) makes a test fail. The recorded calls
are replayed against the mutant first; the tests whose calls answer differently are then run
against it; a mutant no recorded call tells apart survives without a run. An alternative that
survives could be deleted with every test passing: write a clause with that wording.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = [
    "tests/licenses/text/test_hints.py",
    "tests/licenses/text/test_hints_structure.py",
    "tests/licenses/text/test_hints_fifth.py",
    "tests/licenses/text/test_hints_issue19.py",
    "tests/licenses/text/hints/",
]
FIELDS = ("pattern", "unless", "needs", "item", "within")
# the timing tests: a slow mutant is not a wrong one
SKIP = "not cost_linear_time"


def alternatives(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level "|" (not inside a group, a class or after a backslash)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


class Recorder:
    """A compiled pattern that records which of its alternatives decided each match."""

    def __init__(self, key: tuple[int, str], compiled: re.Pattern[str], seen: set) -> None:
        self.key, self.compiled, self.seen = key, compiled, seen
        self.parts = [re.compile(a, compiled.flags) for a in alternatives(compiled.pattern)]

    def search(self, text: str, *args):
        m = self.compiled.search(text, *args)
        if m:
            # at the leftmost position where the whole pattern matches, the regex engine takes the
            # first alternative that matches there: that one decided
            for n, part in enumerate(self.parts):
                if part.match(text, m.start()):
                    self.seen.add((*self.key, n))
                    break
        return m


def _rule_modules() -> dict[int, str]:
    """id(rule) -> the module that holds it."""
    found = {}
    for name in (
        "redistribution",
        "source",
        "derived",
        "integrity",
        "discrimination",
        "license_reach",
        "neutrality",
    ):
        mod = __import__(f"licenses.text.hints.{name}", fromlist=["x"])
        for value in vars(mod).values():
            if isinstance(value, tuple) and value and all(type(r).__name__ == "Rule" for r in value):
                found.update(dict.fromkeys(map(id, value), name))
    return found


def record() -> tuple[set, list]:
    """Run the hint tests once: the alternatives that decided a match, and every call of
    ``candidate_hints`` as (test id, text, heading, terms)."""
    import pytest

    import licenses.text.hints as entry

    seen: set[tuple[int, str, int]] = set()
    calls: list[tuple[str, str, str, object]] = []
    original_compiled, original_readable = entry.compiled, entry.readable
    current = {"test": "", "pending": ("", "")}

    class Plugin:
        @pytest.hookimpl(tryfirst=True)
        def pytest_runtest_setup(self, item):
            current["test"] = item.nodeid

    def readable(text, heading=""):
        current["pending"] = (text, heading)
        return original_readable(text, heading)

    def compiled(terms=entry.NO_TERMS):
        calls.append((current["test"], *current["pending"], terms))
        out = []
        for i, c in enumerate(original_compiled(terms)):
            wrapped = {
                f: (Recorder((i, f), p, seen) if (p := getattr(c, f)) is not None else None) for f in FIELDS
            }
            fixed = {"number": c.number, "reason": c.reason, "definitions": c.definitions}
            out.append(type("C", (), {**wrapped, **fixed}))
        return tuple(out)

    entry.compiled, entry.readable = compiled, readable
    try:
        code = pytest.main(["-q", "-p", "no:cacheprovider", *TESTS, "-k", SKIP], plugins=[Plugin()])
    finally:
        entry.compiled, entry.readable = original_compiled, original_readable
    if code != 0:
        sys.exit(f"the hint tests failed (pytest exit code {code})")
    return seen, calls


def mutants() -> list[tuple[int, str, int, str]]:
    """Every (rule index, field, alternative index, alternative) of the rule tables."""
    from licenses.text.hints.rules import RULES

    return [
        (i, f, n, alt)
        for i, rule in enumerate(RULES)
        for f in FIELDS
        if getattr(rule, f)
        for n, alt in enumerate(alternatives(getattr(rule, f)))
    ]


def apply(mutant: tuple[int, str, int] | None) -> None:
    """Put the rules with one alternative deleted in place (None: the original rules)."""
    import dataclasses

    from licenses.text.hints import rules

    if not hasattr(rules, "_ORIGINAL_RULES"):
        rules._ORIGINAL_RULES = rules.RULES
    table = rules._ORIGINAL_RULES
    if mutant is not None:
        i, field, n = mutant
        parts = alternatives(getattr(table[i], field))
        rest = "|".join(parts[:n] + parts[n + 1 :])
        if len(parts) == 1:
            rest = r"(?!)" if field == "pattern" else ""
        table = (*table[:i], dataclasses.replace(table[i], **{field: rest}), *table[i + 1 :])
    rules.RULES = table
    rules.compiled.cache_clear()


def kill(calls: list) -> dict[tuple[int, str, int], str]:
    """Each mutant's fate: "killed", "survived" (a test run passed) or "unseen" (no call differs)."""
    import pytest

    from licenses.text.hints import candidate_hints

    inputs = sorted({(text, heading, terms) for _, text, heading, terms in calls}, key=repr)
    tests_of: dict[tuple, set[str]] = defaultdict(set)
    for test, text, heading, terms in calls:
        tests_of[(text, heading, terms)].add(test)
    apply(None)
    before = {k: candidate_hints(k[0], k[1], terms=k[2]) for k in inputs}
    fate = {}
    try:
        for i, f, n, _ in mutants():
            apply((i, f, n))
            tests = sorted(
                {
                    t
                    for k in inputs
                    if candidate_hints(k[0], k[1], terms=k[2]) != before[k]
                    for t in tests_of[k]
                }
            )
            if not tests:
                fate[(i, f, n)] = "unseen"
                continue
            code = pytest.main(
                ["-q", "-x", "-p", "no:cacheprovider", "--no-header", "-p", "no:warnings", *tests]
            )
            fate[(i, f, n)] = "killed" if code == 1 else ("survived" if code == 0 else f"pytest exit {code}")
    finally:
        apply(None)
    return fate


def measure(with_kill: bool = False) -> dict:
    from licenses.text.hints.rules import RULES

    seen, calls = record()
    fate = kill(calls) if with_kill else {}
    modules = _rule_modules()
    per_module: dict[str, dict] = defaultdict(
        lambda: {"alternatives": 0, "reached": 0, "killed": 0, "unreached": [], "alive": []}
    )
    for i, f, n, alt in mutants():
        row = per_module[modules[id(RULES[i])]]
        row["alternatives"] += 1
        where = {"rule": i, "osd": RULES[i].number, "field": f, "alternative": alt[:160]}
        if (i, f, n) in seen:
            row["reached"] += 1
        else:
            row["unreached"].append(where)
        if fate.get((i, f, n)) == "killed":
            row["killed"] += 1
        elif with_kill:
            row["alive"].append({**where, "fate": fate[(i, f, n)]})
    return dict(per_module)


def main() -> None:
    import os

    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    with_kill = "--kill" in sys.argv
    result = measure(with_kill)
    if "--json" in sys.argv:
        print(json.dumps(result, indent=1))
        return
    head = "| module | alternatives | reached |" + (" killed |" if with_kill else "")
    print(head + "\n|---|---:|---:|" + ("---:|" if with_kill else ""))
    for name, row in result.items():
        cells = f"| `{name}.py` | {row['alternatives']} | {row['reached']} ({100 * row['reached'] / row['alternatives']:.1f} %) |"
        if with_kill:
            cells += f" {row['killed']} ({100 * row['killed'] / row['alternatives']:.1f} %) |"
        print(cells)
    for name, row in result.items():
        for u in row["unreached"]:
            print(f"unreached {name}: rule {u['rule']} (OSD {u['osd']}) {u['field']}: {u['alternative']}")
        for u in row["alive"]:
            print(f"{u['fate']} {name}: rule {u['rule']} (OSD {u['osd']}) {u['field']}: {u['alternative']}")


if __name__ == "__main__":
    main()
