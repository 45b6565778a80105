"""OSD 1 (free redistribution): the rules that read grants, fees and limits on passing copies on.

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule
from licenses.text.hints.structure import (
    ACCEPTANCE,
    AGGREGATION_PERMITTED,
    DISTRIBUTE_VERBS,
    FREE,
    GRANT_BACK,
    GRANT_ITEM,
    NONCOMMERCIAL,
    NOT_DERIVED_OBJECT,
    NOT_GRANTED,
    OBJECT_FORM,
    PATENT,
    RESERVED,
    RESTATED,
    ROYALTY_ELSEWHERE,
    SOURCE_COST,
    SOURCE_PRICE,
    TERMS_FOR,
    TRADEMARK,
    any_of,
    permitted,
)

REDISTRIBUTION: tuple[Rule, ...] = (
    # 1. Free redistribution: selling or giving copies away, without royalty or fee.
    Rule(
        1,
        "limits passing copies on to non-commercial purposes",
        rf"\bfor\s+{NONCOMMERCIAL}\s+purposes?\s+only\b|\b(?:{DISTRIBUTE_VERBS}|copies|share)\b[^.;]{{0,60}}?\b(?:only|solely)\b[^.;]{{0,30}}?\bfor\s+(?:\w+,?\s+){{0,2}}?{NONCOMMERCIAL}"
        rf"|\b{NONCOMMERCIAL}\s+(?:re)?distribution\b",
        # "for the avoidance of doubt, Section 2(a)(1) grants You the right to … Share … for
        # NonCommercial purposes only" restates a limit that is read where the grant is made
        unless=RESTATED,
        # passing copies on is limited only where the acts include it: "make, use, reproduce and
        # publicly perform Derivative Materials ... for NonCommercial purposes only" limits use
        # and making (OSD 6 and 3), not distribution (issue 19). A limit standing alone after a
        # list ("for NonCommercial purposes only.", the clause that closes a grant's items) limits
        # the acts listed above it, distribution among them as a grant's list usually has it
        # (when it is the whole clause: after items of its own, those decide).
        within=r"\b(?:{DISTRIBUTE}|redistribut\w*|shar(?:e|es|ed|ing)|publish\w*|conve(?:y|ys|yed|ying)|communicat\w*|copies)\b"
        rf"|^(?:and\s+)?(?:solely\s+|only\s+)?for\s+{NONCOMMERCIAL}\s+purposes?(?:\s+only)?\W*$",
    ),
    Rule(
        1,
        "asks for a royalty or fee",
        r"\broyalt(?:y|ies)\b(?!-free|\s+free)|\b(?:licen[cs]e|distribution|redistribution|distributor|subscription|usage|copying)\s+fees?\b"
        r"|\bcharge\s+(?:a\s+|any\s+|no\s+)?(?:\w+\s+){0,2}?fees?\b(?!\s*for,?\s+(?:\w+\s+){0,2}?(?:warranty|support|services?|maintenance|indemnity))",
        unless=any_of(PATENT, SOURCE_COST, ROYALTY_ELSEWHERE),
    ),
    Rule(
        1,
        "says copies are passed on free of charge or at cost",
        r"\b(?:distribut\w*|licensed|sold|transfer\w*|copies)\b[^.;]{0,60}?"
        + FREE
        + "|"
        + FREE
        + r"[^.;]{0,40}?\b(?:distribut\w*|transfer\w*|copies)\b"
        r"|\b(?:sold|sell|selling)\s+(?:\w+\s+){0,2}?by\s+(?:it|them)sel(?:f|ves)\b|\bfees?\s+for\s+(?:the|this)\s+\w+\s+itself\b",
        # "The Derivative Database ... must be available at no more than a reasonable production
        # cost for physical distributions and free of charge if distributed over the internet": the
        # price of a derived work's copy, as of a source copy (dev7)
        unless=any_of(
            PATENT, GRANT_BACK, SOURCE_COST, r"^(?:the|any|such|your)\s+(?:{DERIVED}|derivative\s+\w+)\b"
        ),
    ),
    Rule(
        1,
        "asks that a commercial license be bought",
        r"\b(?:purchase|buy)\s+(?:a\s+|an\s+)?(?:separate\s+|additional\s+)?commercial\s+licen[cs]e\b",
    ),
    Rule(
        1,
        "forbids selling copies",
        r"\b(?:(?:may|shall|must|will)\s+not|cannot|can\s+not)\s+(?:sell|resell|charge)\b"
        # the passive prohibition: "Distribution of the Program by a commercial organization ... is
        # prohibited if any payment is made"
        r"|\b(?:distribution|redistribution|sale|selling|resale)\b[^.;]{0,100}?\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b",
        # "You may not charge a fee for any copy of the Source Code in excess of Your cost", "You
        # cannot charge for the Source Code": the price of a source copy (OSD 2), not of the program.
        unless=SOURCE_PRICE,
    ),
    Rule(
        1,
        "lets copies be passed on for a fee",
        # "if you distribute copies, whether gratis or for a fee", "distribute this software,
        # possibly in exchange for a fee", "(and charge for them if you wish)"
        r"\b(?:distribut\w*|copies|sell\w*)\b[^.;]{0,60}?\bfor\s+a\s+(?:\w+\s+)?fee\b"
        r"|\bcharge\s+for\s+(?:them|it|copies|this\s+service|(?:the\s+)?distribution|the\s+physical)\b"
        r"|\bredistribut\w*\b[^.;]{0,60}?" + FREE,
        unless=any_of(PATENT, SOURCE_COST),
    ),
    Rule(
        1,
        "grants redistribution",
        r"(?:" + permitted(DISTRIBUTE_VERBS) + r")" + NOT_DERIVED_OBJECT,
        # "may distribute it only under this License" is a condition (OSD 7), not a grant.
        unless=any_of(
            PATENT,
            ACCEPTANCE,
            NOT_GRANTED,
            GRANT_BACK,
            TRADEMARK,
            RESERVED,
            RESTATED,
            TERMS_FOR,
            r"\b(?:only|solely)\s+under\s+(?:the\s+(?:terms|conditions)\s+of\s+)?this\s+licen[cs]e",
            # "Conveying under any other circumstances is permitted solely under the conditions
            # stated below": a pointer to the conditions, read where they are (issue 19)
            r"\b(?:only|solely)\s+under\s+the\s+(?:terms\s+and\s+)?conditions\s+(?:stated|set\s+(?:out|forth)|below)\b",
            # the license as an instrument: "You may use this License to distribute your own
            # Derivative Works" says which terms go with them, not that You may distribute
            r"\b(?:use|apply|choose|adopt)\s+this\s+licen[cs]e\s+to\b",
            OBJECT_FORM,
            # a pointer to the section that grants and conditions it: "you may distribute the
            # combined work under the terms of Section 4" is read where Section 4 says so
            r"\bunder\s+the\s+(?:terms|conditions)\s+of\s+(?:section|clause|paragraph|article)\s+\d",
            # which version of the license goes with it: "You may Distribute Covered Works under any
            # Later Version" (dev7)
            r"\bunder\s+(?:any\s+)?(?:later|new|revised)\s+versions?\b",
            # "only this license ... grants you the right to use, distribute, and modify it" says
            # where the grant is, on the way to acceptance by use (dev7)
            r"\bonly\s+this\s+licen[cs]e\b",
            # passing copies to those who work for you is no redistribution: "You may convey covered
            # works to others for the sole purpose of having them make modifications exclusively
            # for you" (issue 19)
            r"\bsole\s+purpose\s+of\s+having\b|\bexclusively\s+for\s+you\b",
            # a permission the sentence is conditioned on, from elsewhere: "you must also distribute
            # the source code of that component if you have it and are allowed to do so" (dev9)
            r"\bif\s+(?:[\w-]+\s+){0,8}?(?:is|are)\s+(?:\w+\s+)?(?:allowed|permitted)\s+to\s+do\s+so\b",
        ),
    ),
    Rule(
        1,
        "grants redistribution",
        r"\b(?!distribution\b|redistribution\b)(?:{DISTRIBUTE})\b" + NOT_DERIVED_OBJECT,
        item=GRANT_ITEM,
        # an item whose only object, after its verbs, is derived works ("to Distribute and Publicly
        # Perform Adaptations.") grants acts on those works: OSD 3's question
        unless=PATENT + r"|^(?:to\s+)?(?:[\w/-]+,?\s+){1,25}?(?:{DERIVED})\W*$",
    ),
    Rule(
        1,
        "grants redistribution",
        # the work as the subject of a passive grant: "This software may be used, modified,
        # copied, distributed, and sold", "This module may be ... redistributed at your own risk",
        # "This file may be freely used, transmitted, reproduced" (issue 19). Not a modified work
        # as the subject, nor "only" (a condition: "may be distributed only under this License")
        r"\b(?:this|the)\s+(?:(?!modif|deriv|adapt)[\w-]+\s+){0,2}?(?:software|files?|modules?|packages?|programs?|library|code|fonts?|work|materials?|documents?|documentation|page)"
        r"\s+(?:may|can)\s+be\s+(?:freely\s+)?(?:[\w/-]+,?\s+(?:and\s+|or\s+|and/or\s+)?){0,6}?(?:distributed|redistributed|sold|transmitted|shared|given\s+away|passed\s+on)\b",
        unless=any_of(
            PATENT,
            ACCEPTANCE,
            TRADEMARK,
            OBJECT_FORM,
            r"\bonly\b",
            r"\bunder\s+the\s+terms\b",
            # "A modified version of this file may be distributed": the subject is a derived work;
            # "the executables produced by linking your software with this Package may be ...
            # redistributed" a combination; "the object code form of the Covered Code" a binary (OSD 2)
            r"\b(?:{DERIVED}|modified\s+\w+)\s+(?:of|to)\s+(?:this|the)\b",
            r"\b(?:link\w*|combin\w*)\s+(?:[\w-]+\s+){0,3}?with\s+(?:this|the)\b",
            r"\b(?:object|executable|compiled|binary)\s+(?:code\s+)?forms?\s+of\b",
        ),
    ),
    Rule(
        1,
        "grants redistribution",
        # "Distribution of this software is unlimited" (issue 19)
        r"\b(?:re)?distribution\s+(?:of\s+[^.;]{0,40}?)?(?:is|are)\s+(?:hereby\s+)?unlimited\b",
    ),
    Rule(
        1,
        "grants passing copies on",
        # "you can pass copies around freely", "you may give copies away" (issue 19)
        r"\b(?:may|can|are\s+(?:free|allowed|permitted)\s+to)\s+(?:freely\s+)?(?:pass|hand|give)\s+(?:(?:on|out|along|around|away)\s+)?(?:\w+\s+){0,2}?cop(?:y|ies)\b",
        unless=any_of(PATENT, r"\bonly\b"),
    ),
    Rule(
        1,
        "grants or withholds passing copies on",
        # a permissions table's row or a list item: "Share Verbatim Copy ✓", "sell copies of it"
        r"^(?:share|sell|distribute|redistribute|give\s+away)\s+(?:verbatim\s+|exact\s+|unmodified\s+)?cop(?:y|ies)\b",
    ),
    Rule(
        1,
        "forbids selling copies",
        # the selling is the second verb of the prohibition: "you cannot claim the code as your own
        # and resell it"
        r"\b(?:cannot|can\s*not|can't)\b[^.;]{0,60}?\band\s+(?:re)?sell\b",
    ),
    Rule(
        1,
        "permits aggregation in a larger distribution",
        # "Aggregation of this Package with a commercial distribution is always permitted"
        AGGREGATION_PERMITTED,
    ),
    Rule(
        1,
        "grants redistribution (French or German)",
        # "Sie dürfen das Programm ... vervielfältigen, verbreiten", "diffuser", "redistribuer"
        # Passing copies on, not making them: "reproduire" and "vervielfältigen" (to reproduce) are no
        # more a grant of redistribution than "reproduce" is in English; "le droit de traduire,
        # d'adapter ... et le droit de reproduire le Logiciel en résultant" grants acts on a
        # modified work (dev9).
        r"\b(?:verbreiten|diffuser|distribuer|redistribuer)\b"
        # not a modified version: "autorisé à redistribuer le Logiciel Modifié" (dev7); nor the
        # whole a work is part of: "autorisé à redistribuer l'ensemble sous la licence GPL" (dev9),
        # as "the whole" in English
        r"(?!\s+(?:le|la|les|l['’])\s*(?:\w+\s+)?modifi)(?!\s+l['’]ensemble\b)"
        # nor copies of the license itself: "Toute personne est autorisée à copier et distribuer des
        # copies de ce Contrat", as "copies of this License" in English
        r"(?!\s+(?:des\s+)?(?:copies\s+(?:de|du)\s+)?(?:ce|cette|le\s+présent|la\s+présente)\s+(?:contrat|licence)\b)",
        # A grant, as in English, where a permission reaches the verb: "Le Licencié est autorisé à
        # redistribuer", "Vous pouvez diffuser", "la liberté de diffuser", "le droit de diffuser", "Sie
        # dürfen ... verbreiten", "Es ist Ihnen gestattet, ... zu verbreiten", or an item of a granted
        # list ("- de la communiquer, la diffuser"); not the verb alone, which also names what the
        # licensor chose to do, a condition ("Wenn Sie das Programm ... verbreiten, müssen Sie") or a
        # definition ("Verbreiten: die öffentliche Weitergabe ...")
        needs=any_of(
            r"\bautoris\w*",
            r"\bpouvez\b|\bpeu(?:t|vent)\b",
            r"\blibert[ée]s?\b|\blibres?\s+de\b",
            r"\bdroits?\s+de\b",
            r"\bd[üu]rfen\b|\bdarf\b",
            r"\bgestattet\b|\berlaubt\b",
            r"^[-–•]?\s*(?:de\s+|d['’])",
        ),
        unless=any_of(
            # a right that ends: "Le Licencié dont le Contrat est résilié n'est plus autorisé à
            # utiliser, modifier ou distribuer le Logiciel", as "no longer" in English
            r"\bn['’](?:est|êtes|sont)\s+plus\b|\bnicht\s+mehr\b",
            # the license itself, named before the verb in German: "Sie dürfen diese Lizenz ...
            # vervielfältigen, verbreiten"
            r"\bdiese\s+Lizenz\b[^.;]{0,60}?\bverbreiten\b",
            # acceptance by these acts: "Le fait de copier, de diffuser ... constitue une acception
            # tacite", "Sie erklären Ihre Zustimmung ..., indem Sie das Programm verbreiten" (dev7)
            r"\bacc?ept(?:ation|ion)\b|\bZustimmung\b",
            # only under this license, as in English: a condition on what goes with the copies (OSD
            # 7), not a grant: "Veränderte Versionen des Programms dürfen Sie nur unter den
            # Bedingungen dieser Lizenz verbreiten" (dev9)
            r"\bnur\s+unter\s+(?:den\s+Bedingungen\s+)?(?:dieser|der\s+vorliegenden)\s+Lizenz\b"
            r"|\b(?:uniquement|seulement)\s+(?:sous|selon|dans)\s+(?:les\s+(?:termes|conditions)\s+(?:de\s+)?)?(?:la\s+présente|cette)\s+licence\b",
        ),
    ),
)
