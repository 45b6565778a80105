"""A first guess at a mail message's stance (objection, concern, proposal, support, question,
note), for the import preview. Pure: plain strings in and out; the values are those of
review.models.Stance. The reviewer corrects the guess before importing.
"""

from __future__ import annotations

import re

# Strongest first: the first stance found in this order wins.
ORDER = ("objection", "concern", "proposal", "support")
# One pattern, tried left to right: phrases that look like a stance but are not ("object
# code", "not a concern") come first and are dropped; "no objection" counts as support.
_WORDS = re.compile(
    r"(?P<plus>(?<![\w+])\+1\b)"
    r"|\b(?:"
    r"(?P<neutral>object (?:code|form|files?)\b|not (?:a|any) (?:problem|concern)\b)"
    r"|(?P<support_neg>no (?:objections?|concerns?)\b|(?:do not|don't|dont) object\b)"
    r"|(?P<objection>object(?:s|ed|ion|ions)?\b|violat|conflict|incompatib|non-?free\b|not (?:free|open source)\b"
    r"|fails? (?:the )?(?:osd|definition)\b|reject|discriminat|cannot be approved\b)"
    r"|(?P<concern>concern|worr(?:y|ied|ies)\b|unclear\b|ambiguous\b|vague\b|problematic\b|risk|hesitant\b"
    r"|uneasy\b)"
    r"|(?P<proposal>propos|suggest|recommend|how about\b|instead of\b|reword|amend|what if we\b"
    r"|could we (?:change|replace|drop|add)\b)"
    r"|(?P<support>support|agree[sd]?\b|lgtm\b|looks good\b|in fav(?:ou)?r\b|endorse|fine with\b|happy with\b)"
    r")"
)
# A sentence ends at ".", "!" or "?" followed by a space (so "2.2(b)" does not end one).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def suggest_stance(body: str) -> str:
    """A first guess at the stance of a message; the reviewer can change it in the preview.

    Sentences ending in "?" are questions (so "does this conflict with OSD 6?" is a question,
    not an objection). Among the stated sentences the strongest stance wins: objection,
    concern, proposal, support. "No objection" and "object code" are not objections.
    """
    found: set[str] = set()
    questions = 0
    for sentence in _SENTENCE_END.split(body.strip().lower()):
        if sentence.endswith("?"):
            questions += 1
            continue
        for match in _WORDS.finditer(sentence):
            group = match.lastgroup or ""
            found.add("support" if group in ("support_neg", "plus") else group)
    for stance in ORDER:
        if stance in found:
            return stance
    return "question" if questions else "note"


# Stances the guesser may preselect: those whose precision on bench/mail_stance.py's labelled
# set is at least 0.9. The others are still shown as a hint, but the preview starts at "note".
CONFIDENT = frozenset({"objection", "concern", "proposal", "support"})


def confident_stance(body: str) -> str:
    """The guess when it is a stance the guesser is reliable on, else the neutral "note"."""
    guess = suggest_stance(body)
    return guess if guess in CONFIDENT else "note"
