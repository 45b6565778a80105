"""OSD 5 and 6 (no discrimination against persons or groups, or fields of endeavour).

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule
from licenses.text.hints.structure import (
    NARROW_USE,
    NONCOMMERCIAL,
    PATENT,
    RESTATED,
    TRADEMARK,
)

# What is limited is the credit's use, not the work's: "You may only use the credit required by this
# Section for the purpose of attribution" (issue 19).
CREDIT = r"\buse\s+the\s+(?:credit|notice|attribution)\b"

DISCRIMINATION: tuple[Rule, ...] = (
    # 5. No discrimination against persons or groups.
    Rule(
        5,
        "limits who may use the software by size or revenue",
        r"\b(?:fewer|less|more)\s+than\s+(?:\$\s?)?[\d,.]+\s*(?:\w+\s+){0,3}?(?:employees|individuals|people|persons|users|revenue|turnover)\b",
    ),
    Rule(
        5,
        "limits the grant to some kinds of organisations",
        r"\buse\s+by\s+(?:any\s+)?(?:\w+\s+){0,3}?(?:organi[sz]ations?|institutions?|compan(?:y|ies)|entit(?:y|ies)|persons?|individuals?)\b",
    ),
    Rule(
        5,
        "concerns export control, sanctions or embargoes",
        r"\bexport\s+(?:control|administration)|\bsanction(?:s|ed)\b|\bembargo\w*|\bdenied\s+part(?:y|ies)\b",
    ),
    Rule(
        5,
        "concerns export control, sanctions or embargoes",
        r"\b(?:re-?)?export(?:s|ed|ing)?\b",
        needs=r"\b(?:laws?|regulations?|controls?|restrict\w*|licen[cs]es?|approval|comply|compliance|prohibit\w*)\b",
        unless=PATENT,
    ),
    Rule(
        5,
        "excludes some countries or nationals",
        r"\b(?:exclud\w+|except\s+in)\s+(?:\w+\s+){0,3}?countr(?:y|ies)\b|\bgeographical\s+(?:\w+\s+)?limitation\b|\bnationals\s+of\b",
    ),
    Rule(5, "excludes competitors", r"\bcompetitors?\b"),
    # 6. No discrimination against fields of endeavour.
    Rule(
        6,
        "limits use to non-commercial purposes",
        rf"\b{NONCOMMERCIAL}\b|\bcommercial\s+(?:use|purposes?|advantage|gain|exploitation)\b",
        # "for commercial or non-commercial purposes" allows both; "Attribution, NonCommercial,
        # ShareAlike" names a license's elements.
        unless=r"\bcommercial(?:ly)?\s*,?\s*(?:or|and|and/or)\s+non-?\s?commercial|\bnon-?\s?commercial(?:ly)?\s*,?\s*(?:or|and|and/or)\s+commercial"
        r"|\battribution\s*[-–,]\s*non-?\s?commercial"
        # "While this license is intended to facilitate the commercial use of the Program, …" (the
        # commercial distributor's indemnity) states an aim; it limits nothing.
        r"|\bfacilitate\s+(?:the\s+)?commercial\b"
        # an event or an origin, not a limit: "effective on the date Contributor first makes
        # Commercial Use of the Covered Code", "a non-commercially developed program" (issue 19)
        r"|\bmakes?\s+(?:any\s+)?commercial\s+use\b|\bnon-?\s?commercially\s+(?:developed|produced|written|created|funded|made)\b"
        # a representation or an endorsement: "may not ... seek to obtain commercial advantage by
        # the fact of the Agency's participation" (issue 19)
        r"|\bendorse\w*|\badvertis\w*|\bpromotional\b" + "|" + RESTATED,
        # a grant cited from another section ("Section 2(a)(1) grants You … for NonCommercial
        # purposes only") is read where it is made
        definitions=True,
    ),
    Rule(
        6,
        "limits use by commercial or for-profit organisations",
        # "Distribution ... by a commercial organization to any third party is prohibited if any
        # payment is made", "not for use by for-profit entities"
        r"(?<!not-)(?<!not\s)(?<!non-)(?<!non\s)\b(?:commercial|for-?\s?profit)\s+(?:organi[sz]ations?|entit(?:y|ies)|enterprises?|compan(?:y|ies)|corporations?|users?|businesses)\b",
        unless=r"\bcommercial(?:ly)?\s*,?\s*(?:or|and|and/or)\s+non-?\s?commercial|\bnon-?\s?commercial\s*,?\s*(?:or|and|and/or)\s+commercial|\bnon-?\s?profit\s+(?:or|and)\s+for-?\s?profit|\bfor-?\s?profit\s+(?:or|and)\s+non-?\s?profit"
        # a name not to be used to endorse a product or a company: trademark, not a field of use
        + "|"
        + TRADEMARK
        + r"|\bpromot\w*|\badvertis\w*|\bpublicity\b",
    ),
    Rule(
        6,
        "says what the software shall or shall not be used for",
        # "may not be used to train ...", "may not use the Software in any application where ...",
        # "Use of the Software in safety-critical systems is prohibited"
        r"\b(?:shall|may|must)\s+not\s+be\s+used\s+to\s+\w+"
        r"|\b(?:shall|may|must)\s+not\s+(?:be\s+used|use\s+(?:the|this|any)\s+\w+)\s+(?:in|within|as\s+part\s+of)\s+(?:any\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:applications?|systems?|environments?|devices?|facilities|installations?|products?|services?|activit(?:y|ies))\b"
        r"|^use\s+(?:of\s+(?:the|this)\s+\w+\s+)?(?:in|for|within)\b[^.;]{0,60}?\b(?:is|are)\s+(?:strictly\s+|expressly\s+)?(?:prohibited|forbidden|not\s+(?:permitted|allowed))\b",
        unless=TRADEMARK
        + r"|\badvertis\w*|\bpublicity\b|"
        + PATENT
        # the license's own construction, not a use of the work: "shall not be used to construe
        # this License against a Contributor", "shall not be used to increase or reduce the scope
        # of the license" (issue 19)
        + r"|\bnot\s+be\s+used\s+to\s+(?:constru|interpret|increase|decrease|reduce|expand|enlarge|limit|define|determine|alter|modify)\w*",
    ),
    Rule(6, "limits use to permitted purposes", r"\bpermitted\s+purposes?\b", unless=PATENT),
    Rule(
        6,
        "limits use to internal, personal or research purposes",
        rf"\b(?:solely|only|exclusively)\s+(?:for|within)\s+(?:your\s+|the\s+|its\s+|their\s+)?(?:own\s+)?(?:{NARROW_USE})\b"
        rf"|\b(?:{NARROW_USE})\s+(?:business\s+)?(?:use|purposes?)\s+only\b",
    ),
    Rule(6, "speaks of fields of use", r"\bfields?\s+of\s+(?:endeavou?r|application|use)\b"),
    Rule(
        6, "limits production use", r"\bnon-?\s?production\b|\bproduction\s+(?:use|environment|purposes?)\b"
    ),
    Rule(
        6,
        "forbids offering the software as a service",
        r"\b(?:hosted|managed)\s+service\b|\bas\s+a\s+service\b",
        unless=r"\bmeans\b",
    ),
    Rule(
        6,
        "restricts use for some purposes",
        r"\bfor\s+(?:any|the)\s+(?:\w+\s+){0,4}?purposes?\b(?!\s+of\s+(?:this|these|that|such|the\s+foregoing|section|clarity|determining))|\bfor\s+any\s+\w+(?:,?\s+(?:or\s+)?\w+){0,4}\s+purposes?\b",
        item=r"^(?:for|in|to)\b(?!\s+the\s+purposes?\s+of\s+(?:this|these|that|such|the\s+foregoing|section|clarity))",
        # not a purpose the work is limited to: a definition for one part of the license ("For
        # the purposes of binary distribution the 'Copyright Notice' refers to ..."), the purpose
        # of the credit ("use the credit ... for the purpose of attribution"), or a scope that is
        # explained ("providing Documentation ... for the sole purpose of having that party make
        # Products on your behalf is not considered distribution") (issue 19)
        unless=r"\bmeans\b|\brefers?\s+to\b|\bshall\s+mean\b|\bis\s+defined\b"
        + "|"
        + CREDIT
        + r"|\b(?:is|are)\s+not\s+(?:considered|deemed|treated\s+as)\b|\bdoes\s+not\s+(?:constitute|count\s+as)\b",
    ),
    Rule(
        6,
        "names a field the software may not be used in",
        r"\b(?:military|weapons?|surveillance|nuclear)\b"
        # a thing so named, not a field of use: "military insignia" in a list of what the
        # licence does not cover (issue 19)
        r"(?!\s+(?:insignia|crests?|badges?|emblems?|logos?|ranks?|uniforms?)\b)",
        # "not designed or intended for use in nuclear facilities" warns; it does not forbid.
        unless=r"\bfault[- ]tolerant\b|\bnot\s+(?:designed|intended)\b(?:,?\s+(?:manufactured|or\s+intended))*,?\s+(?:for|to)\b",
    ),
    Rule(
        6,
        "says what the software shall or shall not be used for",
        r"\b(?:shall|may|must)\s+(?:not|only)\s+(?:be\s+used|use)\b[^.;]{0,80}?\b(?:for|in\s+a\s+manner|consistent\s+with|by\s+any)\b|\bshall\s+(?:be\s+used|use\s+(?:the|this)\s+\w+)\s+(?:only\s+)?(?:for|in\s+a\s+manner|consistent\s+with)\b",
        # what is used is the licensee's own data, not the work: "Recipient's name and personal
        # information shall be used for statistical purposes only" (issue 19)
        unless=TRADEMARK + r"|\bpersonal\s+(?:information|data)\b|" + CREDIT,
    ),
    Rule(
        6,
        "ties use to human rights or ethics",
        r"\b(?:human\s+rights|ethic(?:al|s))\b",
        needs=r"\b(?:use|used|using)\b",
    ),
    Rule(
        6,
        "says the software is not licensed for some uses",
        r"\bnot\s+(?:\w+,?\s+(?:or\s+)?){0,3}(?:licensed|permitted|allowed)\s+for\s+use\s+in\b",
    ),
)
