"""The words and clause shapes the hint rules are built from (pure).

Vocabulary families (``DERIVED``, ``DISTRIBUTE``, ``SOURCE``: each license widens them with its
own defined terms, see ``terms.Terms``), the shape of a permission whose verb list reaches a verb
(``permitted``), and the contexts that make a match mean something else: patent grants,
grant-backs, reservations, trademarks, the price of a source copy, terms for object code.
Patterns may contain the placeholders ``{DERIVED}``, ``{DISTRIBUTE}`` and ``{SOURCE}``, which
``rules.compiled`` fills in.
"""

from __future__ import annotations

DERIVED = (
    r"derivative\s+(?:works?|materials?)|derived\s+works?|derivatives"
    r"|modified\s+(?:\([^)]{0,30}\)\s+)?(?:versions?|works?|copies|files|form|material|source)"
    r"|modifications|adaptations?|adapted\s+material|changes\s+and\s+new\s+works|works?\s+based\s+on\s+(?:the|this)\s+\w+"
    # "the Modified Software", "the modified Library", "any derived versions of this software"
    r"|modified\s+(?:software|program|library|code|package)|derived\s+versions?"
)
# "convey" is the GPL 3 family's word for it ("You may convey verbatim copies"), "share" the
# data licenses' ("A Data Recipient may share Data"); "conveyed" is left out ("the rights conveyed
# by this License" passes no copies on) (issue 19)
DISTRIBUTE = (
    r"distribut(?:e|es|ed|ing|ion)|redistribut(?:e|es|ed|ing|ions?)|sell|sold|resell|give\s+away"
    r"|convey(?:s|ing)?|share(?:s)?(?![^.;]{0,60}?\balike\b)"
    # handing copies to others: "copied and given away freely", "give them to others"
    r"|given\s+away|give\s+(?:it|them|copies)\s+(?:away|to\s+(?:others|anyone|third\s+parties|other\s+people|your\s+friends))"
)
SOURCE = r"source\s+code|corresponding\s+source"

# --- Clause structure, shared by the criteria -------------------------------------------------
# A list of verbs before the one a rule looks for: "use, copy, modify, merge, publish, distribute",
# "make and give away", "execute, prepare derivative works of, and distribute", "You are free to:
# copy and publish the Data; adapt the Data". Items are joined by commas, semicolons or conjunctions, so that "to the recipient who may then ..." is not a list.
# A list holds no modal verb: "the right to Receive, Use or Publish the Data will be revoked or
# modified" has ended its list at "will".
# Nor does it cross a negation: in "This License applies to the Software and You may not use,
# reproduce or distribute it" no permission reaches the verbs.
_WORD = r"(?!(?:will|shall|must|would|should|may|not|cannot)\b)[\w/-]+"
# A later item may repeat "to": "to use, reproduce, and transmit the Software, and to prepare
# derivative works".
LIST = rf"(?:{_WORD}(?:\s+{_WORD}){{0,5}}?(?:[,;]\s+(?:and/or\s+|and\s+|or\s+)?|\s+(?:and/or|and|or)\s+)(?:to\s+)?){{0,8}}?"
# Someone is given a right: "license to", "rights to", "permission to", "free to", "You may",
# "Licensee may", "is allowed to" (the verb list follows).
PERMIT = (
    # One word may come between ("permission hereby to"), but not a participle that makes the
    # right the subject of something else ("rights relating to Covered Code").
    # "a … copyright license, to reproduce", "the right, without any fee or cost, to use": a comma,
    # or an aside between commas, before "to".
    r"(?:\b(?:permission|rights?|licen[cs]es?|free|allowed|permitted|authori[sz]ed|entitled)(?:,\s+[^,.;]{1,60}?)?,?\s+(?:(?!\w+ing\b)\w+\s+)?to:?\s+(?!the\s+contrary\b)"
    r"|\bpermission\s+is\s+(?:hereby\s+|also\s+|further\s+)?granted\b[^.;]{0,200}?\bto\s+|\ballows?\s+(?:\w+\s+){0,4}?to\s+(?:be\s+)?"
    # "License hereby granted for anyone to use", "Rights are hereby granted to download, use",
    # "License is also granted to make and use derivative works"
    r"|\b(?:licen[cs]e|rights?)\s+(?:(?:is|are)\s+(?:hereby\s+|also\s+|further\s+)?|hereby\s+)granted\b[^.;]{0,80}?\bto\s+"
    # "Permission has been granted to copy, distribute and modify"
    r"|\bpermission\s+has\s+(?:hereby\s+|also\s+)?been\s+granted\b[^.;]{0,80}?\bto\s+"
    # "Open Market permits you to use, copy, modify"
    r"|\bpermits?\s+(?:you|licensees?|anyone|everyone|users?|recipients?)\s+to\s+"
    r"|\blicen[cs]e\s+(?:under|in)\s+[^.;]{0,100}?\bto\s+"
    # the rights a licensor can license, then the acts: "under copyrights Licensable by Nokia to
    # use, reproduce, modify, ... and distribute" (the Mozilla 1.x family's grant items; issue 19)
    r"|\blicensable\s+by\s+(?:[\w-]+\s+){1,3}?to\s+"
    r"|\b(?:you|licensee|recipients?|users?|anyone|everyone)\s+(?:may|can|shall\s+be\s+free\s+to)\s+(?!not\b|no\b)"
    r"(?:also\s+|freely\s+|further\s+|then\s+|otherwise\s+)?"
    # "It may be freely copied, modified, and redistributed": the passive with "freely" or "also"
    # grants ("may be distributed" alone describes more often than it grants)
    r"|\bmay\s+(?:be\s+(?:freely|also)|(?:freely|also)\s+be)\s+)"
)


def permitted(verbs: str) -> str:
    """A permission whose verb list reaches one of ``verbs``, or the passive form ("Redistribution
    ... is permitted"). Not "may be distributed": that describes more often than it grants."""
    return (
        rf"{PERMIT}{LIST}(?:{verbs})\b"
        rf"|\b(?:{verbs})\b[^.;]{{0,100}}?\b(?:is|are)\s+(?:also\s+|freely\s+|likewise\s+|expressly\s+)?(?:hereby\s+)?(?:permitted|allowed)\b"
        # "Use, modification and redistribution of this software is hereby granted"; "Permission …,
        # to use, copy, modify … is hereby granted"
        rf"|\b(?:{verbs})\b[^.;]{{0,100}}?\b(?:is|are)\s+(?:also\s+|freely\s+)?hereby\s+granted\b"
        # at the head of a sentence the subject may be long: "Redistribution and use in any form of
        # this material and any product thereof, … with or without modification, is permitted"
        rf"|^(?:{verbs})\b[^.;]{{0,260}}?\b(?:is|are)\s+(?:also\s+|freely\s+|likewise\s+|expressly\s+)?(?:hereby\s+)?(?:permitted|allowed)\b"
    )


# A list of two or more acts in the passive grants: "This software may be used, modified, copied,
# distributed, and sold", "This file may be distributed, modified, and used" (one act alone, "may
# be distributed", describes more often than it grants). ``passive_acts(verbs)`` reaches one of
# ``verbs`` through such a list.
_ACT = r"(?:used|copied|modified|distributed|redistributed|reproduced|transmitted|sold|published|adapted|altered|translated)\b"
_ACT_JOIN = r",?\s+(?:and/or\s+|and\s+|or\s+)?"
# The list in a relative clause describes: "the terms under which a Package may be copied,
# modified and distributed", "portions … that may be used, modified, or shared under any other
# legal exception".
PASSIVE_DESCRIBES = r"\b(?:which|that|whereby)\b[^.;]{0,80}?\b(?:may|can)\s+be\s+" + _ACT


def passive_acts(verbs: str) -> str:
    return rf"\b(?:may|can)\s+be\s+(?:freely\s+)?(?={_ACT}(?:{_ACT_JOIN}{_ACT})+)(?:{_ACT}{_ACT_JOIN}){{0,6}}?(?:{verbs})\b"


DISTRIBUTE_VERBS = r"{DISTRIBUTE}|redistribution|distribution|copy\s+and\s+distribute"
MODIFY_VERBS = (
    r"modify|modif(?:ied|ies|ying|ications?)|alter(?:ed)?|adapt(?:ed)?|translated?|change(?:d)?|make\s+changes"
    # improving, remixing and building upon a work are changing it (issue 19)
    r"|improve(?:d)?|make\s+improvements|remix(?:ed)?|transform(?:ed)?|build\s+upon"
    r"|(?:create|prepare|make)\s+(?:\w+\s+){0,2}?(?:{DERIVED}|derivatives?)|{DERIVED}"
)
# Patent grants and patent limits speak of selling and of combinations for patent reasons only;
# "copyright, patent, trademark and attribution notices" is not one.
PATENT = r"\bpatent(?:s|ed)?\b(?!\s*,)(?!\s+(?:and|or)\s+trademark)|\binfring\w*"
# Terms set *for* the acts, not the acts granted: "You may provide additional license terms and
# conditions for use, reproduction, or distribution of Your changes" lets the licensee license its
# changes (OSD 3's question); it grants no redistribution. (A license that describes itself, "the
# terms under which you may copy and distribute", is read as the grant it describes, as
# preambles are.)
TERMS_FOR = r"\b(?:terms|conditions)\s+(?:and\s+conditions\s+)?for\s+(?:the\s+)?(?:use|reproduction|copying|distribution)\b"
# A grant the licensee makes (to the licensor or to everyone), not one it receives.
# "if You elect to send Your Contributions to SCEA, You are … giving the Contributions to SCEA …
# free of charge, to use, modify or distribute" is a gift to the licensor, not a grant to You.
GRANT_BACK = (
    # "you are deemed to have granted participants a ... license to ... redistribute" (issue 19)
    r"\b(?:are|is|be)\s+deemed\s+to\s+(?:have\s+)?grant\w*"
    r"|\byou\s+(?:hereby\s+)?grants?\b|\bcontributor\s+(?:agreement|licen[cs]e\s+agreement)\b"
    r"|\b(?:send\w*|giv(?:e|es|ing)|submit\w*|donat\w*)\s+(?:the\s+|your\s+|such\s+|any\s+)?contributions?\s+to\b"
)
# A sentence that makes an act mean acceptance ("by modifying or distributing the Library you
# indicate your acceptance of this License to do so, and all its terms ... for copying") names
# the acts; it grants none of them (OSD 10 reads it).
# "by using, distributing, or modifying the Packages, you indicate that you understand and accept"
ACCEPTANCE = (
    r"\b(?:indicates?|signif(?:y|ies)|constitutes?)\s+(?:your\s+)?(?:acceptance|assent)\b"
    r"|\byou\s+indicate\s+(?:that\s+)?(?:you\s+)?(?:\w+\s+(?:and\s+)?){0,3}?(?:accept|agree)\w*\b"
)
# The same in French or German: "Le fait de copier, de diffuser ou de modifier l'œuvre constitue
# une acceptation tacite", "Sie erklären Ihre Zustimmung …, indem Sie das Programm … verändern"
# names the acts; it grants none of them (OSD 10 reads it).
ACCEPTANCE_FR_DE = (
    r"\b(?:constitue|vaut|emporte|implique|signifie)\s+(?:une\s+|votre\s+|l['’]\s*)?(?:acc?ept\w*|adh[ée]sion)\b"
    r"|\b(?:Zustimmung|Einverst[äa]ndnis|einverstanden|akzeptieren|annehmen)\b[^.;]{0,100}?\bindem\s+Sie\b"
    r"|\bindem\s+Sie\b[^.;]{0,100}?\b(?:Zustimmung|einverstanden|akzeptieren|annehmen)\b"
)
# A right the licensor keeps for itself is not one it grants.
RESERVED = r"\breserves?\s+(?:\w+\s+){0,2}?(?:the\s+)?rights?\b"
# The price of a copy of the source (GPL's "cost of physically performing source distribution")
# is about OSD 2's source offer, not about a fee for the software.
SOURCE_PRICE = r"\b(?:charge|fees?|sell|compensation)\b[^.;]{0,80}?\bfor,?\s+(?:any\s+cop(?:y|ies)\s+of\s+)?the\s+(?:{SOURCE}|source\s+form)\b"
SOURCE_COST = r"\bsource\s+(?:code|form|distribution)\b|\bcorresponding\s+(?:machine-readable\s+)?source\b"
# A royalty in a patent dispute ("agree in writing to pay a reasonable royalty ... or withdraw the
# litigation claim") or one the licensee is spared ("without ... any obligation to pay any
# royalties") is not a price asked for the software.
# Nor is a fee the licensor itself would have to pay ("if Apple is able, without the payment of a
# fee or royalty, to resume use").
ROYALTY_ELSEWHERE = r"\blitigation\b|\bclaims?\b|\bwithout\s+(?:\w+\s+){0,5}?pay(?:ing|ment)?\b"
# "You may distribute it in object code form, provided that …" sets the terms for binaries: what
# goes with them is OSD 2's question (the source), not a grant of redistribution.
OBJECT_FORM = r"\bin\s+(?:object|executable|compiled)\s+(?:code\s+)?(?:or\s+executable\s+)?form\b"
MORAL_RIGHTS = r"\bhonou?r\s+(?:or|and)\s+reputation\b|\bmoral\s+rights?\b"
TRADEMARK = r"\b(?:use|using)\s+(?:[\w()]+\s+){0,3}?(?:trademarks?|service\s?marks?|trade\s+names?|logos?|names?)\b|\bendorse|\bpromote\b"
# A list item that continues a grant ("make, have made, use, …", "to prepare derivative works …;") or a
# restriction ("for any … purpose"): it starts with the verb itself, not a compound ("Use-based
# restrictions …" grants nothing; issue 19).
GRANT_ITEM = r"^(?:to\s+)?(?:make|have\s+made|use|reproduce|produce|create|prepare|modify|adapt|distribute|share|sell|copy|publish)\b(?!-)"

NONCOMMERCIAL = r"(?<!-)non-?\s?commercial(?:ly)?"
FREE = r"\b(?:at\s+no\s+(?:additional\s+)?(?:charge|cost)|free\s+of\s+charge|without\s+(?:any\s+)?(?:fee|charge)|no\s+charge)\b"


def any_of(*patterns: str) -> str:
    return "|".join(patterns)


# Up to n characters inside one sentence; "Section 2.1" does not end it.
def span(n: int) -> str:
    return rf"(?:[^.;]|(?<=\d)\.(?=\d)){{0,{n}}}?"


# A right withheld, one that ends ("shall no longer be authorized to use, modify or distribute"), or
# one spoken of to say what it does not give ("The right to distribute this software does not give
# you the right to use Trademarks", "does not limit Your right to distribute files that are
# entirely Your own work").
NOT_GRANTED = (
    r"\b(?:no|not)\s+(?:have\s+)?(?:permission|right|licen[cs]e)|\bnothing\s+(?:else\s+)?(?:other\s+than|in|grants?)\b"
    r"|\bdoes\s+not\s+(?:give|grant|limit|restrict|affect|extend|convey)\b"
    r"|\bno\s+longer\b|\b(?:revocation|revok\w+|terminat\w+|loss)\s+(?:of\s+)?(?:all\s+|any\s+|your\s+)?(?:the\s+)?rights?\b"
    # the rights as the subject of their own end: "then all rights to redistribute, access or use
    # this material shall terminate immediately"
    r"|\b(?:all|your|any|such)\s+rights?\s+to\b[^.;]{0,80}?\b(?:shall|will)\s+(?:\w+\s+)?(?:terminate|cease|end|be\s+revoked)\b"
    # a pointer to other licensing: "For a license to use or redistribute the software under
    # conditions other than those described below, contact …"
    r"|\bfor\s+an?\s+(?:\w+\s+)?licen[cs]e\s+to\b[^.;]{0,80}?\b(?:conditions|terms)\s+other\s+than\b"
)
# A grant restated from another clause ("for the avoidance of doubt, Section 2(a)(1) grants You the
# right to extract, reuse … and Share") is read where it is made, not where it is cited.
RESTATED = r"\b(?:section|clause|paragraph|article)\s+[\w().]+\s+(?:grants?|gives?)\b"
NOT_DERIVED_OBJECT = (
    # a derived work, maybe after a word or two that say which: "distribute the corresponding
    # source modifications" (issue 19); not across "and" / "or", which add the work itself, nor
    # an adverb: "possibly modified copies" may be the work as it is
    r"(?!\s+(?:any\s+|the\s+|such\s+|a\s+|your\s+)?(?:(?!(?:and|or|of|this|the)\b|\w+ly\b)[\w-]+\s+){0,2}?(?:{DERIVED}))"
    # changes someone made: "Share your changes freely" (OSD 3's question)
    r"(?!\s+(?:your|such|the|any|their)\s+(?:own\s+)?changes\b)"
    r"(?!\s+(?:an?\s+)?(?:\w+\s+)?cop(?:y|ies)\s+of\s+(?:this|the)\s+(?:licen[cs]e|agreement))"
    # the combination, not the work: "distribute a Larger Work under terms of Your choice" is
    # OSD 9's question (issue 19)
    r"(?!\s+(?:an?|the|any|such|your)\s+(?:larger|combined)\s+works?\b)"
    # a work made from a derived one: "distribute a Compiled Work generated from a Derived Work"
    r"(?!\s+(?:[\w-]+\s+){0,4}?(?:generated|compiled|built|produced|derived|made)\s+from\s+(?:an?\s+|the\s+|any\s+|such\s+|your\s+)?(?:{DERIVED}))"
    # a modified version by name: "authorized to distribute the Modified Software", "you can
    # distribute the modified Vim under the GNU GPL" (dev7)
    r"(?!\s+(?:the|such|your)\s+modified\s+(?!or\b|and\b)\w+)"
    # the combination the sentence speaks of: "authorized to redistribute the whole under the GPL" (dev7)
    r"(?!\s+the\s+whole\b)"
    # versions or copies of derived works: "distribute under your own terms, binary object code
    # versions of works based on the Library" (dev7)
    r"(?!\s+(?:under\s+your\s+own\s+terms,?\s+)?(?:[\w-]+\s+){0,4}?(?:versions?|cop(?:y|ies)|forms?)\s+of\s+"
    r"(?:any\s+|the\s+|such\s+|your\s+)?(?:{DERIVED}))"
)
SOURCE_FORM = r"(?:{SOURCE}|source\s+(?:form|files?)|preferred\s+form)"
# A place the software may be used, named to narrow the grant.
NARROW_USE = r"internal|personal|private|research|informational|educational|education|teaching|academic|evaluation|testing|non-?\s?profit"
# Aggregation allowed: "Aggregation of this Package with a commercial distribution is always
# permitted" (OSD 1: passing copies on in a larger distribution; OSD 9: the other software there).
AGGREGATION_PERMITTED = (
    r"\baggregat\w*\b[^.;]{0,80}?\b(?:is|are)\s+(?:always\s+|hereby\s+|expressly\s+)?(?:permitted|allowed)\b"
)
