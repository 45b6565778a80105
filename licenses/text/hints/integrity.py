"""OSD 4 (integrity of the author's source code): marking changes, names, origin.

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule

INTEGRITY: tuple[Rule, ...] = (
    # 4. Integrity of the author's source code: marking changes, names, origin.
    Rule(
        4,
        "asks that changes be marked or stated",
        r"\b(?:notices?|stating|state|indicate|identif(?:y|ies))\b[^.;]{0,80}?\b(?:changed|modified|modifications?|altered)\b"
        r"|\b(?:document\w*|describ\w+)\s+(?:\w+\s+){0,3}?(?:changes|modifications)\b",
        unless=r"\bnotices?\s+(?:may|must|shall)\s+not\s+be\b|\b(?:remove|alter)\w*\s+(?:or\s+\w+\s+)?(?:any\s+)?(?:[\w,]+\s+){0,4}notices?\b"
        # the notice that travels with every copy, modified ones too: "this notice appear in all
        # copies of the software, derivative works or modified versions", "this notice is not
        # removed or altered" (OSD 7's, not a mark of the changes)
        r"|\bnotices?\s+(?:(?:is|are|be)\s+not\s+(?:removed|altered)|(?:(?:must\s+|shall\s+)?appears?|(?:is|are|be)\s+(?:\w+\s+)?(?:included|retained|reproduced))\s+(?:thereon\s+and\s+)?(?:in|on)\s+(?:all|any|every|each)\s+cop(?:y|ies))\b",
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
        "asks that changes be marked or stated",
        # who changed it: "It is clearly stated who last changed the program" (issue 19)
        r"\b(?:stated?|say|says|names?|identif(?:y|ies))\s+who\s+(?:\w+\s+){0,2}?(?:changed|modified|altered)\b",
    ),
    Rule(
        4,
        "asks for patch files or a different name or version",
        r"\bpatch\s+(?:files?|form)\b|\b(?:different|distinct)\s+(?:name|version\s+number)\b|\breserved\s+(?:\w+\s+)?names?\b"
        # "give non-standard executables non-standard names"; "by distributing patches to the
        # original software" (issue 19)
        r"|\bnon-?standard\s+names?\b|\bdistribut\w*\s+(?:\w+\s+)?patch(?:es|\s+files?)\b",
    ),
    Rule(
        4,
        "says what derived versions may be called",
        r"\b(?:may|must|shall)\s+not\s+be\s+(?:called|named)\b|\bnot\s+(?:be\s+)?called\b",
        needs=r"\b(?:deriv\w+|modif\w+|changed|altered)\b",
        unless=r"\bendorse|\bpromote\b",
    ),
    Rule(
        4,
        "asks that changed versions be renamed",
        # "If changed, it must be renamed", "may be modified … only if the fonts are renamed to names
        # not containing …" (renaming the license itself is about the license text)
        r"\b(?:must|shall|will)\s+(?:also\s+)?be\s+renamed\b|\b(?:is|are)\s+renamed\b|\brename\s+(?:[\w-]+\s+){0,3}?so\s+(?:that\s+)?(?:the\s+)?names?\b",
        needs=r"\b(?:modif\w*|chang\w*|alter\w*|deriv\w*|non-standard)\b",
    ),
    Rule(
        4,
        "asks that changes be marked or stated",
        # the changes as the subject: "Any additions, deletions, or changes to the original files
        # must be clearly indicated"
        r"\b(?:additions|deletions|changes|modifications|alterations)\b[^.;]{0,60}?\b(?:must|shall|should|will)\s+be\s+(?:\w+\s+)?"
        r"(?:indicated|marked|identified|documented|noted|stated|described|labell?ed|flagged)\b",
    ),
    Rule(
        4,
        "asks that a derived version say how it differs from the original",
        # "A statement briefly summarizing how your Derivative Work is different from the original"
        r"\b(?:{DERIVED}|version)\b[^.;]{0,60}?\b(?:differs?|is\s+different)\s+from\s+the\s+original\b",
    ),
    Rule(
        4,
        "asks for patch files or a different name or version",
        # "the author of the modifications will include his name ... along with the new version number"
        r"\bnew\s+version\s+(?:number|string)\b",
        needs=r"\bmodif\w*|\bchang\w*",
    ),
    Rule(
        4,
        "asks that changes be marked or stated",
        # the changes as the subject, in the present: "all modifications to this file are
        # prominently noted in the modified file"
        r"\b(?:additions|deletions|changes|modifications|alterations)\b[^.;]{0,60}?\b(?:are|is)\s+(?:\w+\s+)?"
        r"(?:indicated|marked|identified|documented|noted|stated|described|labell?ed|flagged)\b",
    ),
    Rule(
        4,
        "asks for patch files or a different name or version",
        # "changes are permitted only if the changed file is given a new name", "if you change it,
        # do not distribute the result under the original name"
        r"\b(?:given|giv\w+|under|use|bear\w*|with)\s+a\s+(?:new|different|distinct)\s+(?:file\s*)?name\b"
        r"|\bnot\s+(?:\w+\s+){0,4}?under\s+the\s+(?:same\s+)?(?:original\s+)?name\b",
        needs=r"\b(?:modif\w*|chang\w*|alter\w*|deriv\w*)\b",
    ),
    Rule(
        4,
        "asks that derived versions be identified as derived from the original",
        # "such works are identified as 'derived from the … Algorithm' in all material mentioning it"
        r"\b(?:identif\w+|label\w*|mark\w*|describ\w+)\b[^.;]{0,40}?\bas\s+[\"“'‘]?derived\s+from\b",
    ),
    Rule(
        4,
        "asks that changed versions be presented as changed",
        # "provided that the modified version is clearly presented as such"
        r"\bpresent\w*\s+(?:\w+\s+){0,2}?as\s+such\b",
        needs=r"\b(?:modif\w*|chang\w*|alter\w*|deriv\w*)\b",
    ),
    Rule(
        4,
        "asks that changes be marked or stated",
        # who changed it and when, or what was changed: "author and date of the modification is
        # added to the header", "include a description of the changes", "clearly identify any
        # changes you make", "record your changes in a change log"
        r"\b(?:authors?|names?|dates?)\s+(?:and\s+(?:the\s+)?(?:authors?|names?|dates?)\s+)?of\s+(?:the\s+|each\s+|any\s+|such\s+)?(?:modifications?|changes?|alterations?)\b"
        r"|\b(?:description|summary|list|log|record)\s+of\s+(?:the\s+|any\s+|all\s+|your\s+|such\s+)?(?:changes|modifications|alterations)\b"
        r"|\b(?:identify|describe|list|record|log)\s+(?:\w+\s+){0,2}?(?:changes|modifications|alterations)\b"
        r"|\bchange\s*-?\s*logs?\b",
        needs=r"\b(?:must|shall|should|provided|required?|include\w*|add\w*|as\s+long\s+as|so\s+long\s+as)\b",
        unless=r"\bneed\s+not\b|\bnot\s+(?:be\s+)?(?:required|obliged)\b|\bno\s+obligation\b",
    ),
    Rule(
        4,
        "forbids passing a changed version off as the original",
        # "provided that the derived work is not represented as being a copy or version of this
        # document", "Modified versions must not be presented as the original"
        r"\b(?:represent\w*|present\w*|pass\w*\s+off|held\s+out|claim\w*)\s+(?:\w+\s+){0,2}?as\s+(?:being\s+)?"
        r"(?:the\s+original\b|an?\s+(?:copy|version)(?:\s+or\s+(?:copy|version))?\s+of\s+(?:this|the\s+original)\b|the\s+(?:original|unmodified|official)\s+(?:\w+\s+)?(?:version|work|software|program|document))",
        needs=r"\b(?:not|never|no)\b",
    ),
)
