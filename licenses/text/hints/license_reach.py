"""OSD 7, 8 and 9: the license travels with copies, is not specific to a product, and does not
restrict other software.

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule
from licenses.text.hints.structure import (
    AGGREGATION_PERMITTED,
    PATENT,
)

LICENSE_REACH: tuple[Rule, ...] = (
    # 7. Distribution of license: the terms travel with every copy, with no extra agreement.
    Rule(
        7,
        "asks that the license travel with copies",
        # "a copy of this License"; "a copy of or a link to these Terms"
        r"\bcop(?:y|ies)\s+of\s+(?:or\s+(?:a\s+)?(?:link|reference|pointer)\s+to\s+)?(?:this|these|the)\s+(?:public\s+)?(?:licen[cs]e|agreement|terms)\b"
        # "keep intact all notices … that refer to this License": the pointer to the terms travels
        r"|\b(?:keep|leave|retain)\s+intact\s+(?:all\s+)?(?:the\s+)?notices\b[^.;]{0,60}?\brefer\s+to\s+this\s+(?:public\s+)?licen[cs]e\b",
        # "You may obtain a copy of the License at <address>" is the notice put in each file, which
        # points to the license; it sets no condition.
        # "Simply including a copy of this Agreement is not sufficient to license ..." says what
        # the copy does not do.
        unless=r"\bobtain\s+a\s+copy\s+of\s+the\s+licen[cs]e\s+at\b|\bnot\s+(?:sufficient|enough)\b",
    ),
    Rule(
        7,
        "asks that the license travel with copies",
        r"\b(?:this|the)\s+(?:public\s+)?(?:licen[cs]e|agreement)\s+(?:must|shall)\s+(?:accompany|be\s+included)\b|\b(?:display|include|reproduce|duplicate|receives?)\s+(?:a\s+copy\s+of\s+)?(?:this|the)\s+licen[cs]e\b"
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
        "asks that copies be passed on only under this license",
        # the same in a license that calls itself an agreement: "The Data (including the Enhanced
        # Data) must be Published under this Agreement"
        r"\b(?:must|shall)\s+(?:only\s+)?be\s+(?:published|distributed|redistributed|made\s+available|shared|licensed|conveyed)\s+(?:only\s+)?under\s+(?:the\s+terms\s+of\s+)?this\s+agreement\b",
    ),
    Rule(
        7,
        "asks that copies say they are covered by this license",
        # "The work must carry prominent notices stating that it is released under this License",
        # "Give prominent notice with each copy of the object code that … the Library and its use
        # are covered by this License"
        r"\bnotices?\b[^.;]{0,120}?\b(?:is|are)\s+(?:released|licensed|covered|distributed|governed)\s+(?:by|under)\s+this\s+licen[cs]e\b",
        needs=r"\b(?:must|shall|give|carry|include|display)\b",
    ),
    Rule(
        7,
        "keeps recipients' rights under this license",
        # "may not attempt to alter or restrict the recipients' rights", "the Licensor offers to the
        # recipient a license to the Work on the same terms", "not allowed to remove this license
        # from the distribution"
        # "alters or restricts the applicable version of this License or the recipients' rights"
        r"\b(?:limit|alter|restrict|reduce)\w*\s+(?:\w+\s+){0,8}?(?:the\s+|a\s+|any\s+)?recipients?['’]?s?\s+(?:rights|ability\s+to\s+(?:\w+\s+)?exercise)\b"
        r"|\boffers?\s+(?:to\s+)?(?:the\s+|each\s+|every\s+)?recipients?\s+a\s+licen[cs]e\b|\bremov\w*\s+(?:this|the)\s+licen[cs]e\s+(?:text\s+)?from\b",
    ),
    Rule(
        7,
        "asks that the permission notice or conditions travel with copies",
        r"\bpermission\s+notice\b|\blist\s+of\s+conditions\b|\bthis\s+notice\s+(?:(?:may|must|shall)\s+not\s+be|is\s+not)\s+removed\b",
    ),
    Rule(
        7,
        "asks that this notice, which carries the permission, stay with copies",
        # the short permissive licenses: "provided that this notice is preserved", "as long as this
        # copyright notice remains intact", "keep intact this entire notice", "must include the
        # above copyright notice ..., this paragraph and the one after it"; a notice of the
        # license's own (not "all copyright and attribution notices", which name the authors)
        r"\bthis\s+(?:entire\s+|copyright\s+)?notice\s+(?:is|be|remains|must\s+be|shall\s+be)\s+(?:\w+\s+){0,2}?(?:intact|preserved|included|retained|reproduced|kept)\b"
        r"|\b(?:keep|leave|retain|preserve|include|reproduce)\s+(?:intact\s+)?[^.;]{0,80}?\bthis\s+(?:entire\s+|copyright\s+)?(?:notice|paragraph)\b"
        # "provided that this entire notice appears in all copies", "the above copyright notice
        # appear in all copies", "The Notice below must appear in each file of the Source Code"
        r"|(?:\b(?:this|the\s+(?:above|below|following))\s+(?:entire\s+)?(?:copyright\s+|permission\s+)?notices?"
        r"|\bthe\s+(?:copyright\s+|permission\s+)?notices?\s+(?:below|above))\s+(?:(?!not\b)\w+\s+){0,3}?"
        r"appears?\s+(?:intact\s+)?(?:in|on)\s+(?:all|every|each|any)\b",
    ),
    Rule(
        7,
        "asks that the copyright or permission notice stay intact",
        # the notice as the subject, not "this notice": "so long as the copyright notice in the
        # source files remains intact", "This copyright notice and comment are preserved"
        r"\b(?:copyright|permission|licen[cs]e)\s+notices?\b[^.;]{0,60}?\b(?:remains?|is|are|be|stays?)\s+(?:\w+\s+){0,2}?"
        r"(?:intact|preserved|retained|unaltered|unchanged)\b",
    ),
    Rule(
        7,
        "asks for the license text or its address with copies",
        # "include a reference to this licence", "provide a link to both this licence and the source"
        # "include the text of, or the URI or hyperlink to, this Detection Rule License": the
        # license may name itself between "this" and "License"
        r"\b(?:text|uri|url|hyperlink)\s+(?:of|to)\b[^.;]{0,40}?\bthis\s+(?:public\s+|[A-Z][\w-]*\s+){0,3}?licen[cs]e\b|\ban?\s+(?:link|reference)\s+to\s+(?:both\s+)?this\s+(?:public\s+)?licen[cs]e\b|\brefers\s+to\s+this\s+(?:public\s+)?licen[cs]e\b",
        needs=r"\b(?:include|includ\w+|provide|give|reproduce|accompan\w*|retain|keep|supply|receives?|gets?|contain\w*|refers?|indicate)\b",
    ),
    Rule(
        7,
        "about additional or different terms for recipients",
        # "do not change the terms of this Agreement with respect to subsequent licensees"
        r"\b(?:change|alter|modify|amend|vary)\s+(?:the\s+|its\s+)?terms\s+(?:of\s+(?:this|the)\s+(?:public\s+)?(?:licen[cs]e|agreement)\s+)?"
        r"(?:with\s+respect\s+to|as\s+(?:to|regards)|for)\s+(?:all\s+|any\s+|the\s+)?(?:subsequent|later|downstream|further)\s+(?:licensees|recipients)\b",
    ),
    Rule(
        7,
        "about additional or different terms for recipients",
        r"\b(?:not|no)\s+(?:\w+\s+){0,2}?(?:impose|add|apply|offer)\w*\s+(?:\w+\s+){0,2}?(?:additional|different|further|other)\s+(?:\w+\s+){0,3}?(?:terms|restrictions?|conditions)\b"
        # "Every recipient ... automatically receives an offer from the Licensor to exercise the
        # licensed rights" (the ModelGo and Creative Commons wording)
        r"|\bno\s+downstream\s+restrictions\b|\bautomatically\s+receives?\s+(?:(?:a\s+)?licen[cs]e|an\s+offer)\b",
        needs=r"\brecipients?\b|\bdownstream\b|\bthird\s+part(?:y|ies)\b",
    ),
    Rule(
        7,
        "asks that the notice or the license appear in every copy",
        # the notice, statement or license as the subject, with words between: "the above copyright
        # notice and the following two paragraphs appear in all copies", "this entire statement,
        # including the above license grant, must be included in all copies", "this legend is
        # included on all tape media", "this Agreement must be included with each copy"
        # ("This notice need not appear in every copy" asks nothing)
        r"\b(?:notices?|statement|legend|paragraphs?|licen[cs]e|agreement)\b(?:(?!\bnot\b)[^.;]){0,80}?\b(?:appears?|(?:be|is|are)\s+(?:(?!not\b)\w+\s+)?(?:included|retained|reproduced|kept|preserved))\s+(?:\w+\s+){0,2}?(?:in|on|with)\s+(?:all|every|each|any)\b"
        # you as the subject: "include the following on ALL copies of the software" (not "include
        # a link to your homepage with each copy")
        r"|\b(?:include|reproduce|retain)\s+the\s+following\s+(?:\w+\s+){0,2}?(?:in|on|with)\s+(?:all|every|each)\s+cop(?:y|ies)\b",
    ),
    Rule(
        7,
        "asks that the copyright notice or the license stay in the software",
        # "as long as the copyright message is included in the source code", "provided that the
        # License Agreement is retained in the Software"
        r"\b(?:copyright\s+(?:notice|message|statement)s?|licen[cs]e(?:\s+agreement)?|agreement)\s+"
        r"(?:(?:is|are|be|must\s+be|shall\s+be)\s+(?:\w+\s+)?(?:included|retained|kept|preserved)|remains?)\s+in\s+(?:the|any|all|each|every)\b"
        # "copies must include both the above copyright notice and ...", "must reproduce the above
        # copyright notice"
        r"|\b(?:must|shall)\s+(?:include|reproduce|retain)\s+(?:both\s+)?the\s+above\s+copyright\s+notices?\b"
        # "retain this entire copyright notice", "include this copyright statement along with any code"
        r"|\b(?:keep|leave|retain|preserve|include|reproduce)\s+[^.;]{0,80}?\bthis\s+(?:entire\s+)?copyright\s+(?:notice|statement)\b",
    ),
    Rule(
        7,
        "asks that the license travel with copies",
        # "The License, in the form of the file called "LICENSE.TXT", must accompany any such
        # distribution" (a file name's dot is not a sentence's end)
        r"\b(?:licen[cs]e|agreement|terms)\b(?:[^.;]|\.\w){0,60}?\b(?:must|shall)\s+(?:always\s+)?accompany\b",
    ),
    Rule(
        7,
        "asks that the notice or these terms stay with copies",
        # the notice as the subject of a passive duty: "provided that the copyright and these terms
        # are retained", "this entire copyright notice is duplicated in all such copies", "this
        # comment is maintained in the copy", "this instrument is retained with the works", "the
        # copyright text below is included in the resulting source code"
        r"\b(?:this|these|the)\s+(?:(?:above|below|following|entire|original)\s+)*(?:copyright\s+)?(?:notices?|comments?|instrument|terms|copyright|statements?|headers?|legend)\b"
        r"(?:\s+(?:text|below|above)){0,2}(?:,?\s+(?:and|,)\s+(?:this|these|the)\s+(?:\w+\s+){0,2}?(?:notices?|terms|conditions|permission))?"
        r"\s+(?:is|are|be|must\s+be|shall\s+be)\s+(?:\w+\s+)?(?:retained|preserved|duplicated|maintained|kept|included|reproduced|present)\b(?!\s+by\b)",
        needs=r"\bprovided\b|\b(?:as|so)\s+long\s+as\b|\b(?:in|on|with)\s+(?:all|any|every|each|such)\b|\bmust\b|\bshall\b",
        unless=r"\bneed\s+not\b|\bnot\s+(?:be\s+)?(?:required|necessary)\b",
    ),
    Rule(
        7,
        "asks that the notice or this file stay with copies",
        # you as the subject: "by leaving this copyright notice intact", "include this document in
        # its original form in your distribution"
        r"\b(?:leav|keep|retain|preserv)\w*\s+(?:this|the\s+above)\s+(?:entire\s+)?(?:copyright\s+)?(?:notices?|comments?|headers?)\s+(?:\w+\s+)?intact\b"
        # "provided that you do not remove any proprietary notices"
        r"|\bnot\s+remov\w*\s+(?:or\s+alter\s+)?(?:any|the|this|these|all)\s+(?:\w+\s+){0,2}?notices?\b"
        r"|\binclude\s+this\s+(?:document|file|notice)\s+in\s+it'?s\s+(?:original|unmodified|unaltered|unchanged)\s+form\b",
    ),
    Rule(
        7,
        "asks that copies be passed on only under this license",
        # "must be distributed using this license, and may not be distributed under any other
        # license", "may not be relicensed under a different license"
        r"\b(?:only|must|shall)\s+(?:be\s+)?(?:\w+\s+){0,3}?using\s+this\s+licen[cs]e\b"
        r"|\bnot\s+(?:be\s+)?[\"“']?(?:re-?licen[cs]ed|sublicen[cs]ed|distributed)[\"”']?\s+under\s+(?:a\s+|any\s+)?(?:different|other|another)\s+licen[cs]e\b",
        needs=r"\b(?:distribut\w*|licen[cs]ed|versions?|copies)\b",
    ),
    Rule(
        7,
        "asks that this notice stay with copies",
        # the notice as part of what is reproduced: "provided that it is reproduced in its
        # entirety, including this Notice"
        r"\bincluding\s+this\s+(?:entire\s+|copyright\s+|permission\s+)?notice\b",
        needs=r"\bprovided\b|\b(?:as|so)\s+long\s+as\b|\b(?:must|shall)\b|\bcop(?:y|ies)\b|\breproduc\w*",
    ),
    Rule(
        7,
        "asks that the license travel with copies",
        # the license as the subject of a duty to go with the work: "The license text must be
        # distributed with the Software", "this Agreement shall be supplied along with every copy"
        r"\b(?:licen[cs]e|agreement)\s+(?:text\s+|file\s+|document\s+)?(?:must|shall)\s+(?:also\s+|always\s+)?be\s+"
        r"(?:distributed|provided|supplied|shipped|delivered|given|bundled|packaged)\s+(?:\w+\s+){0,2}?"
        r"(?:with|along\s+with|together\s+with|alongside)\b",
    ),
    Rule(
        7,
        "asks that recipients get the same terms",
        # "anyone who receives a copy from you receives it under the same terms", "recipients of
        # the Software may use it on the same terms and conditions"
        r"\b(?:recipients?|licensees?|anyone|everyone|third\s+part(?:y|ies)|persons?)\b[^.;]{0,80}?\b(?:under|on|with|subject\s+to)\s+the\s+same\s+terms\b"
        r"|\bthe\s+same\s+terms\b[^.;]{0,60}?\b(?:to|for)\s+(?:all\s+|any\s+|every\s+|each\s+)?(?:recipients?|licensees?|third\s+part(?:y|ies))\b",
        # the share-alike of a derived work is OSD 3's question
        unless=PATENT + r"|\b(?:{DERIVED}|derivative|modified|modifications?|adaptations?)\b",
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
        # "Aggregation of this Package with a commercial distribution is always permitted"
        AGGREGATION_PERMITTED,
    ),
    Rule(
        9,
        "concerns other software combined or distributed with it",
        r"\b(?:an?|the|in)\s+[“\"']?aggregat(?:e|ion)\b|\bmere\s+aggregation\b",
        # "sell or give away the Licensed Product, alone or as a component of an aggregate
        # software distribution" is OSD 1's own wording for passing copies on in a compilation;
        # it sets no term for the other programs.
        unless=r"\bcomponent\s+of\s+an?\s+aggregate\s+(?:\w+\s+)?distribution\b",
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
        r"\b(?:other|separate|independent|independently\s+developed|proprietary)\s+(?:\w+\s+){0,2}?(?:software|programs?|works?|modules?|librar(?:y|ies))\b"
        # "does not limit your right to distribute files that are entirely your own work"
        r"|\b(?:entirely\s+)?your\s+own\s+(?:original\s+)?(?:work|code|files?|software|programs?)\b",
        needs=r"(?:does|do|shall|will)\s+not\s+(?:apply|extend|bring|cause|cover|limit|restrict)|\bexempt\b|\bunder\s+their\s+own\s+licen|\bcontradict\w*|\bnot\s+(?:governed|covered)\b",
        unless=PATENT + r"|\bsoftware\s+(?:or|and|and/or)\s+(?:hardware|devices?)\b",
    ),
    Rule(
        9,
        "says where the license stops for other software",
        # "This License does not affect any software except the Package", "does not apply to any
        # other program that links to it"
        r"\b(?:does|do|shall|will)\s+not\s+(?:affect|apply\s+to|cover)\s+any\s+(?:other\s+)?(?:software|programs?|code|works?)\b",
    ),
    Rule(
        9,
        "says where the license stops for other software",
        # "Such a work, in isolation, … falls outside the scope of this License"
        r"\b(?:falls?|is|are|lies?)\s+outside\s+(?:of\s+)?the\s+scope\s+of\s+this\s+licen[cs]e\b"
        # "link it with other works … does not by itself cause the resulting work to be covered by"
        r"|\b(?:does|do|shall|will)\s+not\s+(?:by\s+itself\s+|themselves\s+)?cause\s+(?:the\s+)?(?:resulting|combined|whole|other)\b[^.;]{0,40}?\bto\s+be\s+(?:covered|governed|licensed)\b"
        # "scripts … produced as output … may be aggregated with this Package"
        r"|\b(?:may|can)\s+(?:also\s+)?be\s+aggregated\s+with\b",
        needs=r"\b(?:works?|programs?|software|code|files?|scripts?)\b",
    ),
    Rule(
        9,
        "reaches other software used with it",
        r"\bother\s+software\s+(?:with|using)\s+(?:it|this|the)\b|\bservice\s+source\s+code\b|\b(?:all|any)\s+(?:the\s+)?(?:programs?|software)\s+(?:that\s+)?(?:you\s+)?use\s+to\b"
        r"|\bindependent\s+of\s+any\s+other\s+(?:product|software|program)s?\b|\bsoftware\s+that\s+uses\s+(?:the|this)\b",
        unless=PATENT,
    ),
)
