"""OSD 3 (derived works): the rules that read grants and limits on modifying and sharing modified works.

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule
from licenses.text.hints.structure import (
    ACCEPTANCE,
    ACCEPTANCE_FR_DE,
    GRANT_BACK,
    GRANT_ITEM,
    MODIFY_VERBS,
    MORAL_RIGHTS,
    NOT_GRANTED,
    PASSIVE_DESCRIBES,
    PATENT,
    RESERVED,
    RESTATED,
    TRADEMARK,
    any_of,
    passive_acts,
    permitted,
)

# A duty that is not one: "no obligation to", "not required to", "need not", "not have to".
NOT_ASKED = (
    r"\bno\s+obligation\b|\bnot\s+(?:be\s+)?(?:required|obliged|obligated)\b|\bneed\s+not\b|\bnot\s+have\s+to\b"
    # an encouragement is not a duty: "you are encouraged to publicly release the modified version"
    # (dev10)
    r"|\b(?:are|is)\s+(?:\w+\s+)?(?:encouraged|invited)\s+to\b"
)
# The licensee's own changes, as the object of a duty or of license terms.
OWN_CHANGES = r"(?:{DERIVED}|extensions|changes|improvements|alterations)"

DERIVED_WORKS: tuple[Rule, ...] = (
    # 3. Derived works: modifications allowed and distributable under the same terms.
    Rule(
        3,
        "grants the right to modify or make derived works",
        permitted(MODIFY_VERBS) + r"|\bwith\s+or\s+without\s+(?:modifications?|{DERIVED})\b",
        # "only this license ... grants you the right to use, distribute, and modify it" says where
        # the grant is, on the way to acceptance by use, as OSD 1's rule reads it (dev7)
        # moral rights: "the right to make Adaptations would be deemed to be a distortion …
        # prejudicial to the Original Author's honor and reputation" is about the author's name
        unless=any_of(
            PATENT,
            ACCEPTANCE,
            NOT_GRANTED,
            TRADEMARK,
            RESERVED,
            RESTATED,
            MORAL_RIGHTS,
            r"\bonly\s+this\s+licen[cs]e\b",
        ),
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
        "grants the right to modify",
        # "You may apply bug fixes, portability fixes and other modifications" (issue 19: NBPL,
        # ClArtistic and the Artistic 1.0 family's section 2)
        r"\b(?:may|can|are\s+(?:free|allowed|permitted)\s+to)\s+(?:freely\s+)?apply\s+(?:[\w-]+,?\s+){0,4}?(?:fixes|modifications|changes|patches)\b",
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
        # a list of the elements' names ("its elements are Attribution, NonCommercial, and ShareAlike",
        # "… are Attribution and ShareAlike")
        + r"|\b(?:attribution|non-?\s?commercial)(?:\s*,\s*|\s+and\s+)(?:(?:non-?\s?commercial|no\s*-?\s*derivatives?)\s*,?\s*)?(?:and\s+)?share\s*-?alike\s*\W*$",
    ),
    Rule(
        3,
        "asks that derived works be shared under the same terms (share-alike)",
        # the verb: "license Derivative Materials ... under the terms and conditions of this
        # License", "must license the entire Derived Work as a whole under this License"; a
        # licensor's "no obligation to license such Modifications under this License" asks nothing.
        r"\blicen[cs]e\s+(?:any\s+|all\s+|such\s+|your\s+|the\s+|that\s+|each\s+)?(?:entire\s+)?(?:{DERIVED})\b"
        r"[^.;]{0,80}?\bunder\s+(?:the\s+(?:same\s+)?terms\s+(?:and\s+conditions\s+)?of\s+)?this\s+licen[cs]e\b",
        unless=NOT_ASKED,
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
        r"|\bif\s+you\s+(?:\w+\s+)?(?:modify|make\s+(?:any\s+)?changes|change|alter|adapt)\b"
        # "distribute possibly modified copies", "any copy ..., whether in its original form or
        # modified", "redistribute a modified or translated version"
        r"|\b(?:distribut\w*|redistribut\w*|cop(?:y|ies))\b[^.;]{0,60}?\b(?:original\s+form\s+or\s+modified|possibly\s+modified"
        r"|modified\s+or\s+(?:translated|adapted)\s+(?:versions?|works?|copies))\b",
        unless=PATENT + "|" + TRADEMARK,
    ),
    Rule(
        3,
        "asks something of your own modifications",
        # "place your modifications in the Public Domain", "make Your Extensions available under
        # this License": a duty whose object is the licensee's own changes
        r"\b(?:place|make|release|publish|offer|submit|provide|put)\s+(?:all\s+)?(?:your|such|these|those|the)\s+(?:own\s+)?"
        + OWN_CHANGES
        + r"\b",
        # (licensing them is the share-alike rule's, which reads "need not" and "no obligation")
        unless=PATENT + "|" + NOT_ASKED,
    ),
    Rule(
        3,
        "sets license terms for your modifications",
        # "may provide additional or different license terms and conditions for use, reproduction,
        # or distribution of Your modifications"
        r"\b(?:licen[cs]e|licensing)\s+(?:terms|conditions|agreement)\b[^.;]{0,100}?\b(?:your|such)\s+(?:own\s+)?"
        + OWN_CHANGES
        + r"\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "sets terms for distributing modified versions",
        # "The modified <name> must be distributed in one of the following ways"
        r"\b(?:modified|changed|altered)\s+(?:\w+\s+){0,2}?(?:must|shall|may|can)\s+(?:only\s+)?(?:not\s+)?be\s+"
        r"(?:distributed|redistributed|released|published|shared|conveyed)\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "speaks of changes to the original",
        # "the author of the modifications will include his name", "any additions, deletions, or
        # changes to the original files must be clearly indicated"
        r"\bauthors?\s+of\s+(?:the\s+|any\s+|such\s+)?(?:{DERIVED})\b"
        r"|\b(?:additions|deletions|changes|modifications)\b[^.;]{0,20}?\bto\s+the\s+original\s+(?:files?|sources?|code|software|work|program)\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "asks that derived works be licensed under this license",
        # "cause any Derivative Work that you distribute … that … contains or is derived from the
        # Covered Code … to be licensed as a whole at no charge to all third parties under the
        # terms of this License" (the subject may be long, so the verb is read from "cause")
        r"\bcause\b[^.;]{0,240}?\bto\s+be\s+licen[cs]ed\b[^.;]{0,80}?\bunder\s+(?:the\s+(?:terms|conditions)\s+(?:and\s+conditions\s+)?of\s+)?this\s+licen[cs]e\b",
        needs=r"\b(?:{DERIVED})\b|\bderived\s+from\b|\bderivative\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "puts derived works under this license",
        # "The Modifications which You create … are governed by the terms of this License", "the
        # resulting Modified Software become subject to all the provisions of this Agreement",
        # "Any Modification which You create … must be made available in Source Code form under
        # the terms of this License"
        r"\b(?:{DERIVED}|modifications?)\b[^.;]{0,80}?\b(?:(?:are|is|becomes?|shall\s+be|will\s+be)\s+(?:also\s+)?(?:governed\s+by|subject\s+to)"
        r"|(?:must|shall)\s+(?:also\s+)?(?:only\s+)?be\s+(?:made\s+available|published|distributed|released|licensed|shared|conveyed)\b[^.;]{0,90}?\bunder)"
        r"\s+(?:all\s+)?(?:the\s+)?(?:(?:terms|provisions|conditions)\s+(?:and\s+conditions\s+)?of\s+)?(?:this|the)\s+(?:licen[cs]e|agreement)\b",
        unless=PATENT + "|" + NOT_ASKED,
    ),
    Rule(
        3,
        "sets a condition on derived works",
        # the derived work as the subject of a duty: "The modified work must itself be a software
        # library", "Any derived versions of this software must be clearly marked as such"
        r"(?:^|\b(?:any|all|each|every|the|such|your)\s+)(?:{DERIVED})\s+(?:of\s+(?:this|the)\s+\w+\s+)?(?:must|shall)\s+(?:also\s+)?(?:itself\s+|themselves\s+)?"
        r"(?:be|carry|include|contain|bear|display|state)\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "grants the right to modify",
        # the passive with the modifications as the subject: "Modifications may be freely made to
        # this file providing the above conditions are met"
        r"\b(?:{DERIVED}|changes|alterations)\s+(?:to\s+(?:this|the)\s+\w+\s+)?may\s+(?:also\s+|freely\s+)?be\s+(?:freely\s+|also\s+)?(?:made|created|prepared)\b",
        unless=PATENT + "|" + NOT_GRANTED,
    ),
    Rule(
        3,
        "grants the right to modify",
        # a bulleted list of freedoms: "You are free to: * copy, publish, distribute and transmit
        # the information * adapt the information"
        r"\b(?:free|permitted|allowed|entitled)\s+to:?\s+[^.]{0,200}?(?:^|\s)[*•]\s*(?:modify|adapt|alter|translate|transform|remix|change)\b",
    ),
    Rule(
        3,
        "grants the right to modify (French or German)",
        # "Vous avez la liberté de modifier les copies", "œuvres dérivées", "Sie dürfen das Programm
        # bearbeiten": the texts SPDX carries in French or German
        r"\b(?:modifier|adapter|bearbeiten|ver[äa]ndern|ab[äa]ndern)\b|\b(?:œuvres?|oeuvres?)\s+(?:d[ée]riv[ée]es?|cons[ée]quentes?)\b",
        # acceptance by these acts names them; it grants none (dev7)
        unless=ACCEPTANCE_FR_DE,
    ),
    Rule(
        3,
        "sets terms for distributing modified versions",
        # "you can distribute the modified program under the GPL", "is authorized to distribute
        # copies of the modified or unmodified Software"
        r"\b(?:re)?distribut\w*\s+(?:copies\s+of\s+)?(?:the|your|a|any)\s+modified\s+(?:or\s+unmodified\s+)?\w+",
    ),
    Rule(
        3,
        "sets terms for copies whether modified or not",
        # "use … (with or without changes) is allowed", "The Work, modified or unmodified, … must be
        # distributed under …", "either binaries or source code, whether modified or original"
        r"\bwith\s+or\s+without\s+(?:changes|alterations)\b|\b(?:modified\s+or\s+unmodified|unmodified\s+or\s+modified)\b"
        r"|\bwhether\s+(?:modified\s+or\s+(?:not|original|unmodified)|original\s+or\s+modified)\b",
        needs=r"\b(?:{DISTRIBUTE}|redistribution|distribution|use|copies|copy)\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "asks something of your own modifications",
        # "you make available the source code of any modifications that you distribute"
        r"\bmake\s+(?:\w+\s+)?available\s+(?:the\s+)?(?:{SOURCE}|source)\s+(?:code\s+)?(?:of|for|to)\s+(?:any|all|your|such|the)\s+(?:{DERIVED}|changes)\b",
        unless=NOT_ASKED,
    ),
    Rule(
        3,
        "grants the right to modify",
        # a bulleted list of freedoms whose item is a list of verbs: "You are free to: * Copy,
        # modify, publish, translate, adapt, distribute …"
        r"\b(?:free|permitted|allowed|entitled)\s+to:?\s*[^.]{0,200}?(?:^|\s)[*•]\s*(?:\w+,\s+){1,5}(?:and\s+|or\s+)?(?:modify|adapt|alter|translate|transform|remix|change)\b",
    ),
    Rule(
        3,
        "grants the right to modify",
        # a passive list of acts: "This software may be used, modified, copied, distributed, and
        # sold", "This file may be distributed, modified, and used in other works"
        passive_acts(r"modified|adapted|altered|translated"),
        unless=any_of(PASSIVE_DESCRIBES, PATENT),
    ),
    Rule(
        3,
        "sets terms for distributing modified versions",
        # the derived work as the subject of a passive permission: "Modified versions of this
        # Report may also be copied and distributed for any purpose, provided that …"
        r"\b(?:{DERIVED})\s+(?:of\s+(?:this|the)\s+\w+\s+)?(?:may|can)\s+(?:also\s+|only\s+|freely\s+)?be\s+(?:freely\s+)?"
        r"(?:\w+\s+(?:and|or)\s+)?(?:distributed|redistributed|copied|released|published|shared|conveyed|sold)\b",
        unless=PATENT,
    ),
    Rule(
        3,
        "grants or limits the right to modify",
        # "Changes are permissible only if the modified file is given a new name", "If changed, it
        # must be renamed"
        r"\b(?:changes|modifications|alterations)\b[^.;]{0,60}?\b(?:are|is)\s+(?:only\s+|also\s+)?(?:permissible|permitted|allowed)\b"
        r"|^if\s+(?:it\s+is\s+|they\s+are\s+)?(?:changed|modified|altered)\s*,",
        unless=PATENT,
    ),
    Rule(
        3,
        "grants the right to modify or to share modifications",
        # the passive with its manner: "may be used and extended in any way", "can be modified
        # freely"; and passing changes on: "Permission to redistribute modifications is granted"
        r"\b(?:may|can)\s+(?:freely\s+)?be\s+(?:[\w-]+,?\s+(?:and/or|and|or)\s+)?(?:freely\s+)?"
        r"(?:modified|altered|changed|adapted|extended|improved|enhanced|translated)\s+"
        r"(?:in\s+any\s+(?:way|manner|form)|freely|at\s+will|as\s+(?:you|needed|necessary|desired|required))\b"
        + "|"
        + permitted(
            r"(?:re)?distribute\s+(?:your\s+|such\s+|the\s+|any\s+|these\s+)?(?:modifications|changes|improvements)"
        ),
        # the license itself ("This License may be changed in any way only by the steward")
        # nor a grant back to the licensor ("grant the author the rights to redistribute these
        # changes")
        unless=PATENT
        + "|"
        + GRANT_BACK
        + r"|\b(?:grant|give)\w*\s+(?!you\b|licensees?\b|recipients?\b)(?:\w+\s+){1,3}?the\s+rights?\s+to\b"
        + r"|\breturn\s+(?:any\s+|all\s+|your\s+|such\s+)?(?:improvements|changes|modifications)\b"
        + r"|\b(?:licen[cs]e|agreement|terms|notice)\s+(?:\w+\s+){0,2}?(?:may|can)\s+(?:freely\s+)?be\b",
    ),
    Rule(
        3,
        "asks that derived works be shared under the same terms (share-alike)",
        # the whole a licensee makes from the work: "You must cause the work to be licensed as a
        # whole ... under the terms of this License", "These requirements apply to the modified
        # work as a whole" (dev4, dev7)
        r"\blicensed\s+as\s+a\s+whole\b|\b(?:modified|derived|combined|resulting)\s+work\s+as\s+a\s+whole\b",
        needs=r"\bthis\s+licen[cs]e\b|\bthird\s+part(?:y|ies)\b|\brecipients?\b|\brequirements\b|\bterms\b",
        unless=PATENT + "|" + NOT_ASKED,
    ),
    Rule(
        3,
        "grants the right to modify",
        # a change the grant goes on to allow: "use this report as a starting point for manuals,
        # modifying it as necessary" (dev10)
        r"(?<=,)\s*(?:modifying|adapting|altering|changing)\s+(?:it|them|the\s+\w+)\s+as\s+(?:necessary|needed|required|you\s+(?:see\s+fit|wish|like))\b",
        unless=PATENT,
    ),
)
