"""Drawing matrix cells: a link that opens its panel (htmx) or its page (no JavaScript).

A tag per row rather than an include per cell: the matrix has up to 2,000 cells and a template
include spends several times longer on each. Every value passes through ``format_html``; the
URL, id, class and symbols come from the selector (numbers and constants), the screen-reader
text is escaped like everything else.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from review.matrix.selectors import Cell
from review.matrix.verdicts import DISAGREEMENT_SYMBOL

register = template.Library()

_DISAGREE = format_html('<span class="disagree" aria-hidden="true">{}</span>', DISAGREEMENT_SYMBOL)
_HINT = mark_safe('<span class="hint" aria-hidden="true">◌</span>')
_PRECEDENT = mark_safe('<span class="precedent" aria-hidden="true">≈</span>')


def cell_link(cell: Cell, *, oob: bool = False) -> SafeString:
    marks = (
        (_DISAGREE if cell.disagreement else "")
        + (_HINT if cell.hint is not None else "")
        + (_PRECEDENT if cell.precedent else "")
    )
    return format_html(
        '<a class="cell {css}" id="{id}" href="{url}" hx-get="{url}" hx-target="#cell-panel" title="{sr}"{swap}>'
        '<span class="tally" aria-hidden="true">{symbols}</span>{marks}<span class="visually-hidden">{sr}</span></a>',
        css=cell.css,
        id=cell.dom_id,
        url=cell.url,
        sr=cell.sr,
        swap=mark_safe(' hx-swap-oob="true"') if oob else "",
        symbols=cell.symbols,
        marks=mark_safe(marks),  # noqa: S308 - built above from constants and format_html
    )


@register.simple_tag
def matrix_cells(cells: list[Cell]) -> SafeString:
    """The ``<td>`` of every cell in a row."""
    return format_html_join("", "<td>{}</td>", ((cell_link(c),) for c in cells))


@register.simple_tag
def matrix_cell_oob(cell: Cell) -> SafeString:
    """The cell again, to replace the one on the matrix page after a position is saved."""
    return cell_link(cell, oob=True)
