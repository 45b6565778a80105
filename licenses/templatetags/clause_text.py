"""Clause text for reading: ``{{ clause.text|reflow }}`` and ``{% for seg in segments|reflow_pieces %}``.

Both call the pure :mod:`licenses.text.reflow` with ``keep_length``: a joint shows as spaces
that ``white-space: pre-line`` collapses to one, so every offset into the shown text is an
offset into the stored text (quote selection and click-to-split rely on that). Autoescaping
still applies: the filters return plain strings.
"""

from __future__ import annotations

import dataclasses

from django import template

from licenses.text import reflow as reflow_text

register = template.Library()


@register.filter
def reflow(value: str) -> str:
    """Join hard-wrapped lines for display; lists, tables and deliberate breaks stay."""
    return reflow_text.reflow(value or "", keep_length=True)


@register.filter
def reflow_pieces(pieces):
    """Pieces of one text (dataclasses with a ``text`` field, e.g. quote-marked segments of a
    clause), each with its text reflowed as part of the whole."""
    pieces = list(pieces or [])
    texts = reflow_text.reflow_pieces([p.text for p in pieces], keep_length=True)
    return [dataclasses.replace(p, text=t) for p, t in zip(pieces, texts, strict=True)]
