"""The wording rules, one list per OSD criterion, written from the criteria's own words.

Pure. A rule is a pattern read sentence by sentence (see ``clean.readable``), with optional
conditions on the same sentence: ``needs`` must also match, ``unless`` must not. Patterns may
name three concepts that each license can widen with its own defined terms (``terms.Terms``):
``{DERIVED}`` (derived works), ``{DISTRIBUTE}`` (passing copies on) and ``{SOURCE}``.
``item`` rules read only list items that continue a grant or a restriction ("make, have made,
use, … and Distribute Derivative Materials;", "for any fraudulent purpose;").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from licenses.text.hints.structure import (
    ACCEPTANCE,
    DERIVED,
    DISTRIBUTE,
    DISTRIBUTE_VERBS,
    FREE,
    GRANT_BACK,
    GRANT_ITEM,
    MODIFY_VERBS,
    NARROW_USE,
    NONCOMMERCIAL,
    NOT_DERIVED_OBJECT,
    NOT_GRANTED,
    OBJECT_FORM,
    PATENT,
    RESERVED,
    RESTATED,
    ROYALTY_ELSEWHERE,
    SOURCE,
    SOURCE_COST,
    SOURCE_FORM,
    TERMS_FOR,
    TRADEMARK,
    any_of,
    permitted,
    span,
)
from licenses.text.hints.terms import NO_TERMS, Terms


@dataclass(frozen=True, slots=True)
class Rule:
    number: int
    reason: str
    pattern: str
    needs: str = ""
    unless: str = ""
    item: str = ""  # the sentence must start like this (a list item)
    # Whether the rule also reads definitions ("'Source' means the preferred form ..."): most
    # definitions only name things, and the clauses that use the names are the ones to read.
    definitions: bool = False


RULES: tuple[Rule, ...] = (
    # 1. Free redistribution: selling or giving copies away, without royalty or fee.
    Rule(
        1,
        "limits passing copies on to non-commercial purposes",
        rf"\bfor\s+{NONCOMMERCIAL}\s+purposes?\s+only\b|\b(?:{DISTRIBUTE_VERBS}|copies|share)\b[^.;]{{0,60}}?\b(?:only|solely)\b[^.;]{{0,30}}?\bfor\s+(?:\w+,?\s+){{0,2}}?{NONCOMMERCIAL}"
        rf"|\b{NONCOMMERCIAL}\s+(?:re)?distribution\b",
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
        unless=PATENT + "|" + GRANT_BACK + "|" + SOURCE_COST,
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
            r"\bonly\s+under\s+(?:the\s+(?:terms|conditions)\s+of\s+)?this\s+licen[cs]e",
            OBJECT_FORM,
        ),
    ),
    Rule(
        1,
        "grants redistribution",
        r"\b(?!distribution\b|redistribution\b)(?:{DISTRIBUTE})\b" + NOT_DERIVED_OBJECT,
        item=GRANT_ITEM,
        unless=PATENT,
    ),
    Rule(
        1,
        "grants or withholds passing copies on",
        # a permissions table's row or a list item: "Share Verbatim Copy ✓", "sell copies of it"
        r"^(?:share|sell|distribute|redistribute|give\s+away)\s+(?:verbatim\s+|exact\s+|unmodified\s+)?cop(?:y|ies)\b",
    ),
    # 2. Source code: included or offered; the preferred form; no obfuscation.
    Rule(
        2,
        "defines or requires the source code (the preferred form for modification)",
        r"\bpreferred\s+form\b[^.;]{0,60}?\b(?:modif\w*|changes|edit\w*)|\bmost\s+convenient\s+for\s+(?:\w+\s+){0,2}?(?:study|modif)",
        definitions=True,
    ),
    Rule(2, "requires the corresponding source", r"\bcorresponding\s+source\b", unless=PATENT),
    Rule(2, "forbids obfuscated or intermediate source", r"\bobfuscat\w*|\bintermediate\s+forms?\b"),
    Rule(
        2,
        "asks for the source code to be provided",
        # The source is the object of the verb: a few words may come between ("provide all the
        # changes, including source code"), but not a preposition that makes it something else
        # ("a file with the source code", "compensation for the source code"); "including" and
        # "without" take it at once ("including source code", not "including software, source code").
        r"(?:\b(?:provid(?:e|es|ing)|offer\w*|include|accompan\w+\s+(?:by|with)|make\s+available|made\s+available|access\s+to|obtain|receive|get|disclos(?:e|es|ing)|deliver|furnish)"
        r"(?:\s+(?!with\b|in\b|to\b|under\b|from\b|for\b|no\b|that\b)[\w,'-]+){0,4}?|\b(?:including|without))"
        r"\s+(?:the\s+|its\s+|complete\s+|full\s+|machine-readable\s+)*"
        + SOURCE_FORM
        + r"(?!\s+(?:form|code)?\s*of\s+(?:a\s+)?licen|\s+licen[cs]e)"
        r"|"
        + SOURCE_FORM
        + r"\b(?!\s+licen[cs]e)[^.;]{0,60}?\b(?:is|are|be)\s+(?:\w+\s+){0,2}?(?:available|included|provided|accessible)\b(?!\s+under)",
        # "This may include source files, build scripts ..." describes what a thing consists of.
        unless=TRADEMARK + r"|\bmay\s+include\b",
    ),
    Rule(
        2,
        "asks for the source code to be provided",
        r"\bwritten\s+offer\b|\bavailable\s+in\s+source\s+(?:code\s+)?form\b"
        # a permissions table's row: "Disclose Source ✓"
        r"|^(?:disclose|provide|include|publish|share)\s+(?:the\s+)?source\b",
    ),
    # 3. Derived works: modifications allowed and distributable under the same terms.
    Rule(
        3,
        "grants the right to modify or make derived works",
        permitted(MODIFY_VERBS) + r"|\bwith\s+or\s+without\s+(?:modifications?|{DERIVED})\b",
        unless=any_of(PATENT, ACCEPTANCE, NOT_GRANTED, TRADEMARK, RESERVED, RESTATED),
    ),
    Rule(
        3,
        "grants the right to make or share derived works",
        r"\b(?:{DERIVED})\b",
        item=GRANT_ITEM,
        unless=PATENT,
    ),
    Rule(
        3,
        "grants or withholds the right to modify",
        # a list item that continues "You are free to:" or "You may not:" with a verb of changing
        r"^(?:modify|adapt|alter|translate|transform|remix|change)\b",
        item=r"^(?:modify|adapt|alter|translate|transform|remix|change)\s+(?:the|this|any|it|them|such|all|a)\b",
    ),
    Rule(
        3,
        "says no one may be kept from making their own changes",
        r"\b(?:restrict|prevent|prohibit|stop|keep)\w*\s+(?:\w+\s+){0,3}?from\s+(?:making|creating|preparing|distributing)\s+(?:\w+\s+){0,3}?(?:changes|{DERIVED})\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "withholds the right to modify or to share derived works",
        r"\b(?:no|not)\s+(?:have\s+)?(?:permission|right|licen[cs]e)\b(?:\s+\w+){0,8}?\s+(?:to\s+)?(?:\w+\s+){0,2}(?:any\s+)?(?:{DERIVED}|modif\w+|adapt\w*)",
        unless=TRADEMARK,
    ),
    Rule(
        3,
        "forbids changing the software",
        r"\b(?:may|shall|must)\s+not\s+(?:\w+,?\s+(?:or\s+)?){0,4}(?:modify|alter|change|adapt|circumvent|disable)\w*\s+(?:\w+\s+){0,2}?(?:software|program|work|code|functionality|{DERIVED})\b",
    ),
    Rule(
        3,
        "asks that derived works be shared under the same terms (share-alike)",
        r"\b(?:{DERIVED}|derivative)\b[^.;]{0,80}?\b(?:licen[cs]e[ds]?|released?)\s+(?:(?!original\b)[\w-]+\s+){0,6}?(?:under|on)\s+(?:the\s+)?(?:same\s+terms|terms\s+(?:identical|equivalent)\s+to|terms\s+(?:and\s+conditions\s+)?of\s+this\s+licen[cs]e|this\s+licen[cs]e)\b"
        r"|\bshare[- ]?alike\b|\bshare\s+(?:\w+\s+){0,6}?alike\b",
        # "Attribution-ShareAlike 2.0", "ShareAlike 1.0": the name of a license or of its element.
        # "the Licensor offers the recipient a license to the Database on the same terms" is the
        # licence every recipient gets (OSD 7), not terms for the derived work.
        unless=TRADEMARK
        + r"|\boffers?\s+(?:to\s+)?(?:the\s+)?recipients?\b|\b(?:attribution|non-?\s?commercial)\s*[-–]\s*share\s*-?alike\b|\bshare\s*-?alike\s+\d"
        # a list of the elements' names ("its elements are Attribution, NonCommercial, and ShareAlike")
        + r"|\b(?:attribution|non-?\s?commercial)\s*,\s*(?:(?:non-?\s?commercial|no\s*-?\s*derivatives?)\s*,?\s*)?(?:and\s+)?share\s*-?alike\s*\W*$",
    ),
    Rule(
        3,
        "asks that derived works be shared under the same terms (share-alike)",
        # the verb: "license Derivative Materials ... under the terms and conditions of this
        # License", "must license the entire Derived Work as a whole under this License"; a
        # licensor's "no obligation to license such Modifications under this License" asks nothing.
        r"\blicen[cs]e\s+(?:any\s+|all\s+|such\s+|your\s+|the\s+|that\s+|each\s+)?(?:entire\s+)?(?:{DERIVED})\b"
        r"[^.;]{0,80}?\bunder\s+(?:the\s+(?:same\s+)?terms\s+(?:and\s+conditions\s+)?of\s+)?this\s+licen[cs]e\b",
        unless=r"\bno\s+obligation\b|\bnot\s+(?:be\s+)?(?:required|obliged|obligated)\b|\bneed\s+not\b|\bnot\s+have\s+to\b",
    ),
    Rule(
        3,
        "asks that your modifications be licensed to everyone who receives the work",
        # a reciprocal grant: "You hereby grant to any person ... receiving ... a license ... to
        # use, reproduce, ... and distribute Your Modifications" (to the licensor alone it is a
        # contributor agreement, not a term for derived works)
        r"\b(?:your|such)\s+(?:{DERIVED})\b",
        needs=r"\byou\s+(?:hereby\s+)?grants?\b[^.;]{0,80}?\b(?:any\s+(?:person|one|third\s+part(?:y|ies))|anyone"
        r"|everyone|all\s+third\s+parties|recipients?)\b",
    ),
    Rule(
        3,
        "says derived works may not be released or relicensed",
        # "derivatives ... cannot be released under any other type of license", "the licence ... for
        # any derivative of this code cannot be changed", "Adaptations may not be distributed"
        r"\b(?:{DERIVED}|derivatives?)\b[^.;]{0,80}?\b(?:cannot|can\s+not|may\s+not|must\s+not|shall\s+not)\s+"
        r"(?:\w+\s+)?be\s+(?:changed|released|distributed|redistributed|licensed|relicensed|sublicensed|shared|published)\b",
        unless=PATENT + "|" + TRADEMARK,
    ),
    Rule(
        3,
        "sets terms for works derived from the software",
        r"\b(?:contains|is)\s+(?:or\s+is\s+)?(?:a\s+)?derivative\s+of\b|\b(?:contains|is)\s+(?:or\s+is\s+)?derived\s+from\s+the\s+(?:program|software|work|licensed\s+\w+)\b",
    ),
    Rule(
        3,
        "sets terms for conveying modified versions",
        r"\b(?:convey|distribute|share|publish)\s+(?:a\s+|the\s+|any\s+|your\s+)?(?:{DERIVED}|work\s+based\s+on|modified\s+source)\b"
        r"|\bif\s+you\s+(?:\w+\s+)?(?:modify|make\s+(?:any\s+)?changes|change|alter|adapt)\b",
        unless=PATENT + "|" + TRADEMARK,
    ),
    # 4. Integrity of the author's source code: marking changes, names, origin.
    Rule(
        4,
        "asks that changes be marked or stated",
        r"\b(?:notices?|stating|state|indicate|identif(?:y|ies))\b[^.;]{0,80}?\b(?:changed|modified|modifications?|altered)\b"
        r"|\b(?:document\w*|describ\w+)\s+(?:\w+\s+){0,3}?(?:changes|modifications)\b",
        unless=r"\bnotices?\s+(?:may|must|shall)\s+not\s+be\b|\b(?:remove|alter)\w*\s+(?:or\s+\w+\s+)?(?:any\s+)?(?:[\w,]+\s+){0,4}notices?\b",
    ),
    Rule(
        4,
        "asks that changed versions be marked as different from the original",
        r"\bmarked\b[^.;]{0,60}?\b(?:different|changed|modified|altered|as\s+such|original)\b|\b(?:changed|modified|altered)\s+(?:\w+\s+){0,3}?(?:must|shall)\s+be\s+(?:\w+\s+)?marked\b",
    ),
    Rule(
        4,
        "asks that changed versions be labelled as changed or named differently",
        # "label your schema as a variant", "mark as 'not part of the original' any modifications",
        # "identify that changes were made", "must bear a name that is different from", "may not be
        # changed unless the name is changed also"
        r"\b(?:label\w*|mark(?:ed|s)?|tag(?:ged|s)?|identif\w+|designat\w+)\b[^.;]{0,60}?\bas\s+(?:such\b|(?:an?\s+)?(?:variant|modified|changed|altered|different)\b|[\"“]?not\s+(?:part\s+of\s+)?(?:the\s+)?original\b)"
        r"|\b(?:label\w*|mark\w*|demarcat\w*|identif\w+|indicat\w+|stat\w+)\b[^.;]{0,60}?\bchanges\s+(?:were|have\s+been|are)\s+made\b"
        r"|\bname\s+(?:that\s+is\s+)?(?:different|distinct)\s+from\b|\bunless\s+(?:the|its)\s+name\s+is\s+(?:also\s+)?changed\b",
        needs=r"\b(?:modif\w*|chang\w*|alter\w*|variant|deriv\w*|version)\b",
    ),
    Rule(4, "forbids misrepresenting the origin", r"\bmisrepresent\w*"),
    Rule(
        4,
        "asks for patch files or a different name or version",
        r"\bpatch\s+files?\b|\b(?:different|distinct)\s+(?:name|version\s+number)\b|\breserved\s+(?:\w+\s+)?names?\b",
    ),
    Rule(
        4,
        "says what derived versions may be called",
        r"\b(?:may|must|shall)\s+not\s+be\s+(?:called|named)\b|\bnot\s+(?:be\s+)?called\b",
        needs=r"\b(?:deriv\w+|modif\w+|changed|altered)\b",
        unless=r"\bendorse|\bpromote\b",
    ),
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
        r"|\battribution\s*[-–,]\s*non-?\s?commercial",
        definitions=True,
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
    ),
    Rule(
        6,
        "names a field the software may not be used in",
        r"\b(?:military|weapons?|surveillance|nuclear)\b",
        # "not designed or intended for use in nuclear facilities" warns; it does not forbid.
        unless=r"\bfault[- ]tolerant\b|\bnot\s+(?:designed|intended)\b(?:,?\s+(?:manufactured|or\s+intended))*,?\s+(?:for|to)\b",
    ),
    Rule(
        6,
        "says what the software shall or shall not be used for",
        r"\b(?:shall|may|must)\s+(?:not|only)\s+(?:be\s+used|use)\b[^.;]{0,80}?\b(?:for|in\s+a\s+manner|consistent\s+with|by\s+any)\b|\bshall\s+(?:be\s+used|use\s+(?:the|this)\s+\w+)\s+(?:only\s+)?(?:for|in\s+a\s+manner|consistent\s+with)\b",
        unless=TRADEMARK,
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
    # 7. Distribution of license: the terms travel with every copy, with no extra agreement.
    Rule(
        7,
        "asks that the license travel with copies",
        r"\bcop(?:y|ies)\s+of\s+(?:this|these|the)\s+(?:public\s+)?(?:licen[cs]e|agreement|terms)\b",
        # "You may obtain a copy of the License at <address>" is the notice put in each file, which
        # points to the license; it sets no condition.
        # "Simply including a copy of this Agreement is not sufficient to license ..." says what
        # the copy does not do.
        unless=r"\bobtain\s+a\s+copy\s+of\s+the\s+licen[cs]e\s+at\b|\bnot\s+(?:sufficient|enough)\b",
    ),
    Rule(
        7,
        "asks that the license travel with copies",
        r"\b(?:this|the)\s+(?:public\s+)?(?:licen[cs]e|agreement)\s+(?:must|shall)\s+(?:accompany|be\s+included)\b|\b(?:display|include|reproduce|receives?)\s+(?:a\s+copy\s+of\s+)?(?:this|the)\s+licen[cs]e\b"
        r"|\b(?:contains?|retain|keep|include|reproduce|accompan\w*|carry)\b[^.;]{0,60}?\b(?:and|with)\s+(?:all\s+(?:the\s+)?terms\s+of\s+)?(?:this|these)\s+(?:licen[cs]e|agreement|terms)\b"
        # "Retain Original License ✓" (a permissions table), "keep the original licence with it"
        r"|\b(?:retain|keep)\s+(?:the\s+)?original\s+licen[cs]e\b(?!\s+(?:fees?|rights?|to)\b)",
    ),
    Rule(
        7,
        "asks that copies be passed on only under this license",
        # "may be distributed only under the terms of this License", "must be distributed entirely
        # under this licence", "all distribution ... must be under the terms of this License"
        r"\b(?:only|must|shall)\s+(?:be\s+)?(?:\w+\s+){0,3}?under\s+(?:the\s+(?:terms|conditions)\s+(?:and\s+conditions\s+)?of\s+)?this\s+(?:public\s+)?licen[cs]e\b",
        needs=r"\b(?:distribut\w*|convey\w*|made\s+available|licensed|sublicens\w*|copies|recipients?)\b",
    ),
    Rule(
        7,
        "keeps recipients' rights under this license",
        # "may not attempt to alter or restrict the recipients' rights", "the Licensor offers to the
        # recipient a license to the Work on the same terms", "not allowed to remove this license
        # from the distribution"
        r"\b(?:limit|alter|restrict|reduce)\w*\s+(?:\w+\s+){0,6}?(?:the\s+|a\s+|any\s+)?recipients?['’]?s?\s+(?:rights|ability\s+to\s+(?:\w+\s+)?exercise)\b"
        r"|\boffers?\s+(?:to\s+)?(?:the\s+|each\s+|every\s+)?recipients?\s+a\s+licen[cs]e\b|\bremov\w*\s+(?:this|the)\s+licen[cs]e\s+(?:text\s+)?from\b",
    ),
    Rule(
        7,
        "asks that the permission notice or conditions travel with copies",
        r"\bpermission\s+notice\b|\blist\s+of\s+conditions\b|\bthis\s+notice\s+(?:may|must|shall)\s+not\s+be\s+removed\b",
    ),
    Rule(
        7,
        "asks for the license text or its address with copies",
        r"\b(?:text|uri|url|hyperlink)\s+(?:of|to)\b[^.;]{0,40}?\bthis\s+(?:public\s+)?licen[cs]e\b|\brefers\s+to\s+this\s+(?:public\s+)?licen[cs]e\b",
        needs=r"\b(?:include|includ\w+|provide|give|reproduce|accompan\w*|retain|keep|supply|receives?|gets?|contain\w*|refers?|indicate)\b",
    ),
    Rule(
        7,
        "about additional or different terms for recipients",
        r"\b(?:not|no)\s+(?:\w+\s+){0,2}?(?:impose|add|apply|offer)\w*\s+(?:\w+\s+){0,2}?(?:additional|different|further|other)\s+(?:\w+\s+){0,3}?(?:terms|restrictions?|conditions)\b"
        r"|\bno\s+downstream\s+restrictions\b|\bautomatically\s+receives?\s+(?:a\s+)?licen[cs]e\b",
        needs=r"\brecipients?\b|\bdownstream\b|\bthird\s+part(?:y|ies)\b",
    ),
    # 8. License must not be specific to a product.
    Rule(
        8,
        "ties the grant to a particular product or distribution",
        r"\b(?:only|solely|exclusively)\s+(?:as\s+(?:a\s+)?part\s+of|in\s+connection\s+with|for\s+use\s+(?:with|on|in)|with|on|in|within)\s+(?:the|this|a|an|our|its|your)?\s*(?:[\w'’-]+\s+){0,3}?(?:products?|distributions?|platforms?|devices?|hardware|processors?|operating\s+systems?)\b"
        r"|\bpart\s+of\s+(?:a|the)\s+particular\s+(?:software\s+)?(?:distribution|product)\b",
    ),
    Rule(
        8,
        "limits the grant to software that runs on one platform",
        r"\bplatform\s+limitation\b|\b(?:only|solely)\b[^.;]{0,80}?\bruns?\s+on\s+(?:a|an|the)?\s*(?:\w+\s+){0,3}?(?:operating\s+system|platform|hardware|device)",
    ),
    # 9. License must not restrict other software.
    # "Larger Work" counts where the larger work is made or spoken of as a combination, or as a
    # heading; "distribute the Original Code ... as part of a Larger Work" in a grant's list, or a
    # cross-reference "(Distribution of a Larger Work)", says nothing about the other software.
    Rule(
        9,
        "concerns other software combined or distributed with it",
        r"\blarger\s+works?\b",
        needs=r"\bcombin\w*|\bother\s+(?:\w+\s+){0,2}?(?:code|software|programs?|works?)\b|\bnot\s+governed\b|\bseparate\b|\bindependent\b",
    ),
    Rule(9, "concerns other software combined or distributed with it", r"^larger\s+works?\W*$"),
    Rule(
        9,
        "concerns other software combined or distributed with it",
        r"\b(?:an?|the|in)\s+[“\"']?aggregat(?:e|ion)\b|\bmere\s+aggregation\b",
    ),
    Rule(
        9,
        "concerns other software combined or distributed with it",
        r"\b(?:combin\w+|together|along\s*side|distributed\s+with)\b[^.;]{0,60}?\b(?:other|separate|independent)\s+(?:\w+\s+){0,2}?(?:software|programs?|works?|code|librar(?:y|ies))\b"
        r"|\b(?:other|separate|independent)\s+(?:\w+\s+){0,2}?(?:software|programs?|librar(?:y|ies))\b[^.;]{0,80}?\btogether\b",
        # "the combination of the Original Code with other software or devices": software and
        # hardware together is what a patent claim reads on (an item of a patent grant's
        # exceptions, cut from the words "patent" and "infringement"), not a term for other software.
        unless=PATENT
        + r"|\bsoftware\s+(?:or|and|and/or)\s+(?:hardware|devices?)\b|\b(?:hardware|devices?)\s+(?:or|and|and/or)\s+(?:other\s+)?software\b",
    ),
    Rule(
        9,
        "says where the license stops for other software",
        # "independent and separate works ... this License does not apply to those sections",
        # "separate modules ... distributed in conjunction with the Program under their own
        # license", "contradicts the license restrictions of other proprietary libraries"
        r"\b(?:other|separate|independent|independently\s+developed)\s+(?:\w+\s+){0,2}?(?:software|programs?|works?|modules?|librar(?:y|ies))\b",
        needs=r"(?:does|do|shall|will)\s+not\s+(?:apply|extend|bring|cause|cover)|\bexempt\b|\bunder\s+their\s+own\s+licen|\bcontradict\w*|\bnot\s+(?:governed|covered)\b",
        unless=PATENT + r"|\bsoftware\s+(?:or|and|and/or)\s+(?:hardware|devices?)\b",
    ),
    Rule(
        9,
        "reaches other software used with it",
        r"\bother\s+software\s+(?:with|using)\s+(?:it|this|the)\b|\bservice\s+source\s+code\b|\b(?:all|any)\s+(?:the\s+)?(?:programs?|software)\s+(?:that\s+)?(?:you\s+)?use\s+to\b"
        r"|\bindependent\s+of\s+any\s+other\s+(?:product|software|program)s?\b|\bsoftware\s+that\s+uses\s+(?:the|this)\b",
        unless=PATENT,
    ),
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
    Rule(10, "depends on a click or a particular technology", r"\bclick(?:ing|s|-?\s?wrap|-?\s?through)?\b"),
)


@dataclass(frozen=True, slots=True)
class Compiled:
    number: int
    reason: str
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    item: re.Pattern[str] | None
    definitions: bool


def _alternation(base: str, extra: tuple[str, ...]) -> str:
    words = [r"\s+".join(re.escape(w) for w in term.split()) for term in extra]
    return "|".join([*words, base])


@lru_cache(maxsize=256)
def compiled(terms: Terms = NO_TERMS) -> tuple[Compiled, ...]:
    """The rules with the license's own terms folded into the concepts, compiled once per term set."""
    concepts = {
        "{DERIVED}": _alternation(DERIVED, terms.derived),
        "{DISTRIBUTE}": _alternation(DISTRIBUTE, terms.distribute),
        "{SOURCE}": _alternation(SOURCE, terms.source),
    }

    def fill(p: str) -> re.Pattern[str] | None:
        if not p:
            return None
        for key, value in concepts.items():
            p = p.replace(key, value)
        return re.compile(p, re.IGNORECASE)

    return tuple(
        Compiled(
            r.number, r.reason, fill(r.pattern), fill(r.needs), fill(r.unless), fill(r.item), r.definitions
        )
        for r in RULES
    )
