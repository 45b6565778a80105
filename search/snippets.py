"""PURE: turn a database snippet with sentinel marks into safe HTML with ``<mark>`` around matches.

The databases wrap each match in START/STOP (control characters that indexed text never holds:
:func:`clean` strips them before indexing). Everything else is HTML-escaped here, so a comment
that says ``<script>`` shows as text. No Django imports: the caller marks the result safe.
"""

from __future__ import annotations

import html
import re

START = "\x02"
STOP = "\x03"
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """Text fit for indexing: no control characters (so no sentinel can come from a user)."""
    return _CONTROLS.sub(" ", text or "")


def to_html(snippet: str, *, limit: int = 400) -> str:
    """Escape ``snippet`` and turn sentinel pairs into ``<mark>…</mark>``; unpaired marks vanish."""
    snippet = _SPACE.sub(" ", snippet or "").strip()
    out: list[str] = []
    open_mark = False
    shown = 0
    for part in re.split(f"([{START}{STOP}])", snippet):
        if part == START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif part == STOP:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        elif part:
            # cut only when text is left over, so that a snippet cut at a mark still says so
            cut = shown + len(part) > limit
            if cut:
                part = part[: max(0, limit - shown)].rstrip() + "…"
            out.append(html.escape(part, quote=True))
            shown += len(part)
            if cut:
                break
    if open_mark:
        out.append("</mark>")
    return "".join(out)


def lead(text: str, *, limit: int = 240) -> str:
    """The start of ``text`` as escaped HTML, for results whose match is only in the title."""
    text = _SPACE.sub(" ", clean(text)).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return html.escape(text, quote=True)
