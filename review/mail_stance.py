"""A first guess at a mail message's stance (objection, concern, proposal, support, question,
note), for the import preview. Pure: plain strings in and out; the values are those of
review.models.Stance. The reviewer corrects the guess before importing.
"""

from __future__ import annotations

import re

_NEUTRALISE = re.compile(
    r"\bobject (?:code|form|files?)\b|\bno (?:objections?|concerns?)\b|\b(?:do not|don't|dont) object\b"
    r"|\bnot (?:a|any) (?:problem|concern)\b",
    re.I,
)
_SUPPORTIVE_NEGATION = re.compile(r"\bno (?:objections?|concerns?)\b|\b(?:do not|don't|dont) object\b", re.I)
_STANCE_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "objection",
        re.compile(
            r"\bobject(?:s|ed|ion|ions)?\b|\bviolat\w*|\bconflict\w*|\bincompatib\w*|\bnon-?free\b"
            r"|\bnot (?:free|open source)\b|\bfails? (?:the )?(?:osd|definition)\b|\breject\w*|\bdiscriminat\w*|\bcannot be approved\b",
            re.I,
        ),
    ),
    (
        "concern",
        re.compile(
            r"\bconcern\w*|\bworr(?:y|ied|ies)\b|\bunclear\b|\bambiguous\b|\bvague\b|\bproblematic\b"
            r"|\brisk\w*|\bhesitant\b|\buneasy\b",
            re.I,
        ),
    ),
    (
        "proposal",
        re.compile(
            r"\bpropos\w*|\bsuggest\w*|\brecommend\w*|\bhow about\b|\binstead of\b|\breword\w*"
            r"|\bamend\w*|\bwhat if we\b|\bcould we (?:change|replace|drop|add)\b",
            re.I,
        ),
    ),
    (
        "support",
        re.compile(
            r"(?<![\w+])\+1\b|\bsupport\w*|\bagree[sd]?\b|\blgtm\b|\blooks good\b|\bin fav(?:ou)?r\b"
            r"|\bendorse\w*|\bfine with\b|\bhappy with\b",
            re.I,
        ),
    ),
]
# A sentence ends at ".", "!" or "?" followed by a space (so "2.2(b)" does not end one).
_SENTENCE = re.compile(r".+?(?:[.!?]+(?=\s|$)|$)")


def suggest_stance(body: str) -> str:
    """A first guess at the stance of a message; the reviewer can change it in the preview.

    Sentences ending in "?" are questions (so "does this conflict with OSD 6?" is a question,
    not an objection). Among the stated sentences the strongest stance wins: objection,
    concern, proposal, support. "No objection" and "object code" are not objections.
    """
    found: set[str] = set()
    questions = 0
    for sentence in _SENTENCE.findall(" ".join(body.split())):
        sentence = sentence.strip()
        if not sentence:
            continue
        if sentence.endswith("?"):
            questions += 1
            continue
        if _SUPPORTIVE_NEGATION.search(sentence):
            found.add("support")
        sentence = _NEUTRALISE.sub(" ", sentence)
        for stance, words in _STANCE_WORDS:
            if words.search(sentence):
                found.add(stance)
    for stance, _ in _STANCE_WORDS:
        if stance in found:
            return stance
    return "question" if questions else "note"
