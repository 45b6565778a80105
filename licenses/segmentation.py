"""Pure clause segmentation: license text -> list[Segment]. No Django imports."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    label: str  # as printed: "2.2", "(b)", "iv.", "Section 4"; "" when unnumbered
    path: str  # full citation: "2.2(b)", "4(d)", "preamble", "1.def-licensor"
    anchor: str  # URL-safe, unique in the version: "2.2.b"
    heading: str
    text: str
    start: int
    end: int
    depth: int
    parent: int | None


_ITEM = re.compile(r"^[ \t]*(?P<label>\d{1,3}(?:\.\d{1,3})*\.?|\([a-z]\)|[a-z]\.)[ \t]+", re.M)


def _anchor(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", ".", path.lower()).strip(".") or "clause"


def segment(text: str) -> list[Segment]:
    """Split ``text`` into flat numbered segments (placeholder; replaced by issue 3)."""
    starts = [m for m in _ITEM.finditer(text)]
    out: list[Segment] = []
    bounds = [0] + [m.start() for m in starts] + [len(text)]
    seen: set[str] = set()
    for i in range(len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1]
        chunk = text[a:b]
        if not chunk.strip():
            continue
        m = _ITEM.match(text, a) if i > 0 else None
        label = m.group("label") if m else ""
        path = label.rstrip(".") if label else "preamble"
        anchor = _anchor(path)
        n = 2
        base = anchor
        while anchor in seen:
            anchor = f"{base}-{n}"
            n += 1
        seen.add(anchor)
        body = text[m.end() : b] if m else chunk
        out.append(Segment(label, path, anchor, "", body.strip(), a, b, 0, None))
    return out
