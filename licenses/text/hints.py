"""Criterion hints: which Open Source Definition criteria a clause likely touches.

Pure: no Django. ``hints(text, heading)`` returns, per criterion, the first phrase that
triggered it and a short reason. A hint is a pointer for reviewers, never a position: it says
"read this clause against OSD 6", not "this clause conflicts with OSD 6". Permissive clauses
therefore get hints too (an MIT notice clause touches OSD 3 and 7), but a plain grant gets no
restriction-type hint.

The rules were written from the criteria (OSD 1.9) and then measured against
bench/hints_labels.json with bench/hints.py; they are not fitted to the labelled wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OSD_SET = "osd-1.9"


@dataclass(frozen=True, slots=True)
class Hint:
    criterion_set: str
    number: int
    reason: str
    phrase: str  # the text that matched, as written in the clause

    @property
    def key(self) -> tuple[str, int]:
        return (self.criterion_set, self.number)


@dataclass(frozen=True, slots=True)
class Rule:
    number: int
    reason: str
    pattern: re.Pattern[str]


def _rule(number: int, reason: str, *patterns: str) -> Rule:
    joined = "|".join(f"(?:{p})" for p in patterns)
    return Rule(number, reason, re.compile(joined, re.IGNORECASE | re.DOTALL))


_W = r"(?:\W+\w+){0,6}?\W+"  # up to six words in between

RULES: tuple[Rule, ...] = (
    # 1. Free redistribution: no royalty or fee for selling or giving away.
    _rule(
        1,
        "mentions royalties, fees or limits on selling or giving away copies",
        r"\broyalt(?:y|ies)\b",
        r"\b(?:licen[cs]e|licensing|usage|subscription|redistribution)\s+fees?\b",
        r"\bfees?\b" + _W + r"(?:pay|paid|payable|charge)",
        r"\b(?:pay|paid|payable)\b" + _W + r"(?:licensor|fee|copy|copies|per)\b",
        r"\b(?:may|shall|must)\s+not\s+(?:sell|resell|charge)\b",
        r"\bfees?\b",
        r"\bfree\s+of\s+charge\b",
        r"\bno-charge\b",
        r"\b(?:reasonable|nominal)\s+(?:cost|charge)\b",
        r"\b(?:buy|purchase)\b" + _W + r"licen[cs]e",
    ),
    # 2. Source code: included or well publicised; preferred form; no obfuscation.
    _rule(
        2,
        "concerns source code or the preferred form for modification",
        r"\bsource\s+code\b",
        r"\bpreferred\s+form\b",
        r"\bobfuscat\w*",
        r"\bintermediate\s+forms?\b",
        r"\bcorresponding\s+source\b",
        r"\bsource\s+(?:or\s+object\s+)?form\b",
        r"\bobject\s+(?:code|form)\b",
        r"\b(?:scrambl|minif)\w*",
        r"\bmachine[- ]generated\b",
        r"\b(?:preprocessor|translator)\b",
    ),
    # 3. Derived works: modifications allowed and distributable under the same terms.
    _rule(
        3,
        "concerns modifications or derived works",
        r"\bmodif(?:y|ies|ied|ying|ication|ications)\b",
        r"\bderivative\s+works?\b",
        r"\bderived\s+works?\b",
        r"\badapt(?:ed|ation|ations)?\b",
        r"\balter(?:s|ed|ing|ation|ations)?\b",
        r"\bchanged\b",
        r"\b(?:circumvent|disable|bypass)\w*\b" + _W + r"(?:licen[cs]e\s+key|protection|functionality)",
    ),
    _rule(
        3,
        "requires notices or attribution to be kept, which touches derived works",
        r"\b(?:copyright|licen[cs]ing|licen[cs]e|permission|attribution|legal|trademark|patent|other)\b(?:[\s,]+(?:or|and|\w+)){0,3}?[\s,]+notices?\b",
        r"\battribution\b",
        r"\bgive\s+(?:appropriate\s+)?credit\b",
    ),
    # 4. Integrity of the author's source: patch files, name or version changes.
    _rule(
        4,
        "asks for patch files, a different name or version, or protects the original's integrity",
        r"\bpatch\s+files?\b",
        r"\b(?:different|another|new|distinct)\s+(?:name|version\s+number)\b",
        r"\b(?:unmodified|pristine|original)\s+(?:source|form|version)\b",
        r"\bintegrity\b",
        r"\b(?:must|shall)\s+not\s+(?:be\s+)?(?:called|named|use\s+the\s+name)\b",
        r"\brename\w*\b",
        r"\bmisrepresent\w*",
        r"\bpass(?:ed|ing)?\s+off\b",
        r"\bmark(?:ed|s)?\b" + _W + r"(?:changed|modified|altered)\b",
        r"\b(?:plainly|clearly|prominently)\s+marked\b",
        r"\bstandard\s+version\b",
    ),
    # 5. No discrimination against persons or groups.
    _rule(
        5,
        "restricts who may use the software (persons or groups)",
        r"\b(?:may|shall|must)\s+not\s+be\s+used\s+by\b",
        r"\b(?:persons?|individuals?|entit(?:y|ies)|organi[sz]ations?|compan(?:y|ies)|groups?)\s+(?:who|that|which|on|listed)\b",
        r"\bsanction(?:s|ed)?\b",
        r"\bembargo\w*",
        r"\bcompetitors?\b",
        r"\bdenied\s+part(?:y|ies)\b",
        r"\bgovernment(?:s|al)?\b",
        r"\blaw\s+enforcement\b",
        r"\bhuman\s+rights\b",
    ),
    # 6. No discrimination against fields of endeavour.
    _rule(
        6,
        "restricts the purpose or field of use",
        r"\bnon-?\s?commercial(?:ly)?\b",
        r"\bcommercial\s+(?:use|purposes?|advantage|gain|exploitation)\b",
        r"\bprimarily\s+intended\s+for\b",
        r"\bgood,?\s+not\s+evil\b",
        r"\bmilitary\b",
        r"\bweapons?\b",
        r"\bsurveillance\b",
        r"\b(?:hosted|managed)\s+service\b",
        r"\bas\s+a\s+service\b",
        r"\bproduction\s+(?:use|environment|purposes?)\b",
        r"\bcompet(?:ing|itive|es?\s+with)\b",
        r"\bfield\s+of\s+(?:use|endeavou?r)\b",
        r"\b(?:only|solely|exclusively)\s+(?:for|in)\s+(?:personal|research|evaluation|academic|educational|internal|non)\w*",
        r"\bhuman\s+rights\b",
        r"\bethic(?:al|s)\b",
        r"\bmoral(?:ity|s)?\b",
        r"\bharm(?:s|ing|ful)?\b",
        r"\bfor\s+(?:any|the)\s+purpose\s+of\b" + _W + r"(?:not|no)\b",
    ),
    # Fallback for 6, after the specific phrases so that those are the ones quoted.
    _rule(6, "restricts how the software may be used", r"\bmay\s+not\s+use\b" + _W + r"(?:for|to|in)\b"),
    # 7. Distribution of licence: rights apply to all recipients without further agreements.
    _rule(
        7,
        "about the licence travelling with copies, or extra agreements or registration",
        r"\b(?:copyright|licen[cs]ing|licen[cs]e|permission|attribution|legal|trademark|patent|other)\b(?:[\s,]+(?:or|and|\w+)){0,3}?[\s,]+notices?\b",
        r"\b(?:this|the)\s+licen[cs]e\s+(?:must|shall)\s+(?:accompany|be\s+included)\b",
        r"\b(?:included|include)\s+(?:in|with)\s+all\s+copies\b",
        r"\bcopy\s+of\s+(?:this|these|the)\s+(?:licen[cs]e|terms)\b",
        r"\b(?:additional|separate|further|commercial)\s+(?:commercial\s+)?(?:licen[cs]e|agreement|contract)s?\b",
        r"\bfurther\s+restrictions\b",
        r"\breceives?\s+a\s+licen[cs]e\b",
        r"\b(?:register|registration|sign|signed|execute)\b" + _W + r"(?:agreement|licen[cs]or|form)",
        r"\battribution\b",
        r"\bsame\s+terms\b",
    ),
    # 8. Licence must not be specific to a product.
    _rule(
        8,
        "ties the grant to a particular product or distribution",
        r"\b(?:only|solely|exclusively)\s+(?:as\s+part\s+of|in\s+connection\s+with|for\s+use\s+with|with)\s+(?:the|this|a|our)\b",
        r"\bpart\s+of\s+(?:a|the)\s+particular\s+(?:software\s+)?(?:distribution|product)\b",
        r"\bextracted\s+from\b",
        r"\bunless\s+(?:it\s+is\s+)?(?:bundled|distributed)\s+with\b",
    ),
    # 9. Licence must not restrict other software.
    _rule(
        9,
        "puts terms on other software distributed or used alongside",
        r"\bother\b(?:\s+\w+){0,3}?\s+(?:software|programs?|works?)\b",
        r"\baggregat\w*",
        r"\ball\s+(?:the\s+)?(?:programs?|software|tools)\b" + _W + r"(?:used|use|make|offer)",
        r"\b(?:distributed|delivered|shipped)\s+(?:along\s*side|together|on\s+the\s+same\s+medium)\b",
        r"\bsame\s+(?:medium|media)\b",
        r"\bservice\s+source\s+code\b",
        r"\b(?:management|user\s+interface|monitoring|backup|storage|hosting)\s+software\b",
    ),
    # 10. Licence must be technology-neutral.
    _rule(
        10,
        "depends on a click, download or other technology-specific act",
        r"\bclick(?:ing|s|-?\s?wrap|-?\s?through)?\b",
        r"\bby\s+(?:downloading|installing|accessing|using)\b" + _W + r"(?:accept|agree|bound)",
        r"\b(?:accept|agree)\w*\b" + _W + r"by\s+(?:downloading|installing|clicking|using)\b",
        r"\b(?:web\s+site|website|online\s+form|cd-?rom|physical\s+media)\b",
    ),
)


def hints(text: str, heading: str = "") -> list[Hint]:
    """The criteria a clause likely touches, one hint per criterion, in criterion order."""
    source = f"{heading}\n{text}" if heading else text
    found: dict[int, Hint] = {}
    for rule in RULES:
        if rule.number in found:
            continue
        match = rule.pattern.search(source)
        if match:
            phrase = " ".join(match.group(0).split())
            found[rule.number] = Hint(OSD_SET, rule.number, rule.reason, phrase)
    return [found[n] for n in sorted(found)]
