"""Pure helpers for quotes anchored in clause text (W3C TextQuoteSelector style)."""

from __future__ import annotations

QUOTE_CONTEXT = 32  # characters of prefix and suffix kept with a quote (W3C TextQuoteSelector)


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of ``prefix`` and ``suffix`` surround ``text[start:end]``.

    Used to choose between several occurrences of the same quoted words.
    """
    before, after = text[max(0, start - len(prefix)) : start], text[end : end + len(suffix)]
    score = 0
    for x, y in zip(reversed(before), reversed(prefix), strict=False):
        if x != y:
            break
        score += 1
    for x, y in zip(after, suffix, strict=False):
        if x != y:
            break
        score += 1
    return score
