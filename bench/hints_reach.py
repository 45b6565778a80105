"""Which alternatives of the hint rules the pure hint tests reach.

    python bench/hints_reach.py            per module: alternatives reached, and the ones no test reaches
    python bench/hints_reach.py --json     the same as JSON

mutmut (bench/mutation.py) mutates code inside functions only; the rules of each criterion
(licenses/text/hints/redistribution.py, source.py, ...) are module-level data, so it makes no
mutants of them. This is their stand-in: each rule's pattern, ``unless``, ``needs`` and ``item``
is cut into its top-level alternatives ("a|b|c"), the hint tests run once with every match
recorded, and an alternative counts as reached when some test's sentence was decided by it
(the pattern matched there and made the hint, or ``unless`` / ``needs`` / ``item`` matched
there). An alternative no test reaches could be deleted or broken with every test still
passing: write a clause with that wording. Reached is weaker than killed (a test must also
assert on the result), but the tests of tests/licenses/text/hints/ assert exact hints.
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
    "tests/licenses/text/hints/",
]
FIELDS = ("pattern", "unless", "needs", "item")


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


def _count(p: re.Pattern[str] | None) -> int:
    return len(alternatives(p.pattern)) if p is not None else 0


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


def measure() -> dict:
    import pytest

    import licenses.text.hints as entry
    from licenses.text.hints.rules import RULES, compiled

    seen: set[tuple[int, str, int]] = set()
    original = compiled

    def recording(terms=entry.NO_TERMS):
        out = []
        for i, (c, base) in enumerate(zip(original(terms), original(), strict=True)):
            fields = {f: getattr(c, f) for f in FIELDS}
            # a license's terms add alternatives inside the concepts' groups; should one ever land at
            # the top level, the numbering would differ from the plain rule's, and it records nothing
            wrapped = {
                f: (Recorder((i, f), p, seen if _count(p) == _count(getattr(base, f)) else set()) if p is not None else None)
                for f, p in fields.items()
            }
            out.append(type("C", (), {**wrapped, "number": c.number, "reason": c.reason, "definitions": c.definitions}))
        return tuple(out)

    entry.compiled = recording
    try:
        code = pytest.main(["-q", "-p", "no:cacheprovider", "-x", *TESTS, "-k", "not cost_linear_time"])
    finally:
        entry.compiled = original
    if code != 0:
        sys.exit(f"the hint tests failed (pytest exit code {code})")

    modules = {}
    for name in ("redistribution", "source", "derived", "integrity", "discrimination", "license_reach", "neutrality"):
        mod = __import__(f"licenses.text.hints.{name}", fromlist=["x"])
        for value in vars(mod).values():
            if isinstance(value, tuple) and value and all(type(r).__name__ == "Rule" for r in value):
                for r in value:
                    modules[id(r)] = name
    plain = original()
    per_module: dict[str, dict] = defaultdict(lambda: {"alternatives": 0, "reached": 0, "unreached": []})
    for i, (rule, comp) in enumerate(zip(RULES, plain, strict=True)):
        row = per_module[modules[id(rule)]]
        for f in FIELDS:
            p = getattr(comp, f)
            if p is None:
                continue
            for n, alt in enumerate(alternatives(p.pattern)):
                row["alternatives"] += 1
                if (i, f, n) in seen:
                    row["reached"] += 1
                else:
                    raw = alternatives(getattr(rule, f))
                    shown = raw[n] if len(raw) == len(alternatives(p.pattern)) else alt
                    row["unreached"].append({"rule": i, "osd": rule.number, "field": f, "alternative": shown[:160]})
    return dict(per_module)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import os

    os.chdir(ROOT)
    result = measure()
    if "--json" in sys.argv:
        print(json.dumps(result, indent=1))
        return
    print("| module | alternatives | reached | share |\n|---|---:|---:|---:|")
    for name, row in result.items():
        print(f"| `{name}.py` | {row['alternatives']} | {row['reached']} | {100 * row['reached'] / row['alternatives']:.1f} % |")
    for name, row in result.items():
        for u in row["unreached"]:
            print(f"{name}: rule {u['rule']} (OSD {u['osd']}) {u['field']}: {u['alternative']}")


if __name__ == "__main__":
    main()
