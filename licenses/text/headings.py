"""Pure heading detection for the segmenter: short titles, inline headings, underlines. No Django imports.

Used by :mod:`licenses.text.segmentation`, which decides *where* a heading may stand; this module
only says whether a piece of text reads like one.
"""

from __future__ import annotations

import re

from licenses.text.markdown import CLOSE_EMPHASIS, OPEN_EMPHASIS

UNDERLINE = re.compile(r"[ \t]*(?:[=\-_*~][ \t]*){3,}")
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
_SENTENCES = re.compile(rf"[.!?](?:{CLOSE_EMPHASIS})? +[A-Z]")
APPENDIX = re.compile(
    r"(?i)(?:appendix|exhibit|schedule|annex|addendum|how to apply|end of (?:the )?terms)\b"
)


def is_heading_text(s: str) -> bool:
    """A short title: "Grant of Copyright License.", "DEFINITIONS", not "A compatible license."."""
    s = s.strip().strip("*_").strip()
    if not s or len(s) > 100 or s[-1] in ",;:、，；：" or ";" in s and any(c.islower() for c in s):
        return False  # a ";" joins clauses of a sentence, but two titles in capitals too
    letters = [c for c in s if c.isalpha()]
    if letters and not any(c.isupper() or c.islower() for c in letters):
        return len(s) <= 20 and s[-1] not in "。．.!?！？"  # a script without case: short and no full stop
    if letters and not any(c.islower() for c in letters):
        return len(letters) >= 2
    words = _WORDS.findall(s)
    if not words or len(words) > 12 or not s[0].isupper() or _SENTENCES.search(s):
        return False
    long = [w for w in words if len(w) > 3]
    return not long or sum(w[0].isupper() for w in long) / len(long) >= 0.6


# Latin letters with their accents ("L’ÉTENDUE DE LA JOUISSANCE.", "Définitions.")
# "**Grant of Rights.** Subject to …": Markdown emphasis around the title is no part of it
_INLINE_HEADING = re.compile(
    rf"(?:{OPEN_EMPHASIS})?([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’ -]{{0,60}}?\.)(?:{CLOSE_EMPHASIS})?"
    r"(?:\s+(?=[A-ZÀ-ÖØ-Þ\"“‘'(«])|\s*$)"
)
_SMALL_WORDS = {"of", "and", "or", "to", "the", "a", "an", "in", "on", "for", "by", "with", "no", "not"}


def split_inline_heading(body: str) -> tuple[str, str]:
    """ "Grant of Copyright License. Subject to …" -> ("Grant of Copyright License.", "Subject to …").

    Only a short run of capitalised words ending in a full stop counts, so an
    ordinary first sentence ("This License applies.") stays in the text.
    """
    match = _INLINE_HEADING.match(body)
    if not match:
        return "", body
    words = match.group(1).rstrip(".").split()
    if not 1 <= len(words) <= 8 or not all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return "", body
    if words[0].lower() in {"you", "this", "the", "licensor", "licensee", "each", "any", "all", "if", "no"}:
        return "", body
    return match.group(1), body[match.end() :]
