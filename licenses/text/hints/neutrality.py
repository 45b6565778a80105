"""OSD 10 (technology-neutral): no acceptance by a click or another particular act.

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule
from licenses.text.hints.structure import (
    ACCEPTANCE_FR_DE,
    span,
)

NEUTRALITY: tuple[Rule, ...] = (
    # 10. Technology-neutral: no acceptance by a click or another particular act.
    Rule(
        10,
        "makes an act (using, clicking, exercising rights) mean acceptance",
        r"\bby\s+(?:\w+ing)\b"
        + span(100)
        + r"\b(?:accept\w*|agree\w*|bound)\b|\b(?:accept\w*|agree\w*)\b"
        + span(80)
        + r"\bby\s+(?:taking|using|downloading|installing|clicking|exercising|copying|modifying|distributing|accessing)\b",
    ),
    Rule(
        10,
        "makes an act (using, clicking, exercising rights) mean acceptance",
        r"\bconstitutes?\s+(?:\w+['’]?s?\s+)?(?:acceptance|agreement)\b"
        r"|\b(?:use|using|copying|distribution|downloading)\b[^.;]{0,120}?\bindicates?\s+(?:your\s+)?(?:acceptance|agreement)\b|\bif\s+you\s+(?:use|download|install|copy|access)\w*\b[^.;]{0,40}?\byou\s+(?:accept|agree)\b",
    ),
    Rule(
        10,
        "makes an act (using, clicking, exercising rights) mean acceptance",
        # the same rule said the other way round ("If you do not agree, do not download, install or
        # use it"), deemed agreement ("deemed to have agreed ... by commencement of use") and
        # "distribution in any form signifies acceptance"
        r"\bif\s+you\s+do\s+not\s+(?:accept|agree)\w*\b[^.;]{0,120}?\b(?:do\s+not|you\s+are\s+not\s+permitted\s+to|you\s+(?:must|may)\s+not|remove|no\s+(?:right|licen[cs]e|permission))\b"
        r"|\b(?:deemed|considered)\s+to\s+have\s+(?:accept|agree)\w*\b|\bsignif(?:y|ies)\s+(?:your\s+)?(?:acceptance|agreement|assent)\b",
    ),
    Rule(
        10,
        "ties the grant to one platform or technology",
        r"\b(?:only|solely)\b[^.;]{0,80}?\bruns?\s+on\s+(?:a|an|the)?\s*(?:\w+\s+){0,3}?(?:operating\s+system|platform|hardware|device)",
    ),
    Rule(
        10,
        "makes an act (using, clicking, exercising rights) mean acceptance",
        # the act as the subject: "Use of this software is an explicit acceptance of these
        # conditions", "Performance of any of the aforementioned acts indicates acceptance"
        r"\b(?:use|performance|exercise|installation|download(?:ing)?|copying|distribution)\s+of\b[^.;]{0,60}?"
        r"\b(?:is|indicates?|means|shall\s+mean)\s+(?:\w+\s+){0,3}?(?:acceptance|agreement|assent)\b",
    ),
    Rule(
        10,
        "makes an act (using, clicking, exercising rights) mean acceptance",
        # the acts as a lettered list: "By (a) using, copying, modifying, or distributing the
        # Documentation, or (b) making ... Products, you accept this Agreement"
        r"\bby\s+\(a\)\s+\w+ing\b[^.;]{0,160}?\b(?:accept|agree)\w*",
    ),
    Rule(
        10,
        "makes an act (using, clicking, exercising rights) mean acceptance (French or German)",
        # "Le fait de copier, de diffuser ou de modifier l'œuvre constitue une acceptation tacite",
        # "l'utilisation du logiciel vaut acceptation"; "Sie erklären Ihre Zustimmung zu dieser
        # Lizenz, indem Sie das Programm verbreiten"
        ACCEPTANCE_FR_DE,
    ),
    Rule(10, "depends on a click or a particular technology", r"\bclick(?:ing|s|-?\s?wrap|-?\s?through)?\b"),
)
