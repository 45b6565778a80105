"""The colour tokens of static/css/clausewise.css meet WCAG 2.1 AA on every background they are
used on: text 4.5:1, the focus ring and other UI parts 3:1 (1.4.3, 1.4.11).

axe checks the text it can see on a page, but not the focus ring, and not text over a pattern or
a gradient; this test checks the tokens themselves, and the matrix patterns as their darkest dot."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[1] / "static" / "css"


def tokens() -> dict[str, str]:
    root = re.search(r":root\s*\{(.*?)\}", (CSS / "clausewise.css").read_text(), re.S).group(1)
    return {name: value.lower() for name, value in re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", root)}


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def over(colour: str, alpha: float, background: str) -> str:
    """``colour`` at ``alpha`` over ``background``, as one opaque colour."""
    mix = [
        round(int(colour[i : i + 2], 16) * alpha + int(background[i : i + 2], 16) * (1 - alpha))
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02x}" for c in mix)


T = tokens()
# Every background a token of text is put on: the page, cards, table heads, the soft fills.
BACKGROUNDS = {
    "paper": T["paper"],
    "card": T["card"],
    "table head": "#f6f4ef",
    "clause target": "#fff7d6",
    **{name: T[name] for name in ("accent-soft", "ok-soft", "warn-soft", "bad-soft", "na-soft")},
}
TEXT = ["ink", "ink-soft", "ink-faint", "accent", "ok", "warn", "bad", "na"]


@pytest.mark.parametrize("fg", TEXT)
def test_text_tokens_are_4_5_to_1_on_every_background(fg):
    low = {
        name: round(contrast(T[fg], bg), 2) for name, bg in BACKGROUNDS.items() if contrast(T[fg], bg) < 4.5
    }
    assert low == {}


def test_focus_ring_is_3_to_1_on_every_background():
    low = {
        name: round(contrast(T["focus"], bg), 2)
        for name, bg in BACKGROUNDS.items()
        if contrast(T["focus"], bg) < 3
    }
    assert low == {}


def test_matrix_cell_text_stays_readable_over_its_pattern():
    """Conflicts are striped and concerns dotted (matrix.css): text over the darkest part of the
    pattern still has 4.5:1."""
    css = (CSS / "matrix.css").read_text()
    stripes = re.search(r"a\.cell\.v-conflicts \{[^}]*rgb\((\d+) (\d+) (\d+) / ([\d.]+)\)", css)
    dots = re.search(r"a\.cell\.v-concern \{[^}]*rgb\((\d+) (\d+) (\d+) / ([\d.]+)\)", css)
    for match, ink, soft in ((stripes, "bad", "bad-soft"), (dots, "warn", "warn-soft")):
        r, g, b, alpha = match.groups()
        colour = f"#{int(r):02x}{int(g):02x}{int(b):02x}"
        darkest = over(colour, float(alpha), T[soft])
        assert contrast(T[ink], darkest) >= 4.5, (ink, darkest, contrast(T[ink], darkest))
