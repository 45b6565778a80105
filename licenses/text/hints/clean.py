"""What the hint rules read: a clause cut into sentences, without the parts that mislead them.

Pure. Three kinds of text are left out, because words in them look like criteria but are not:

- warranty disclaimers and liability or indemnity terms ("OTHER DEALINGS IN THE SOFTWARE",
  "reasonable attorneys' fees", "FAILURE OF THE PROGRAM TO OPERATE WITH ANY OTHER PROGRAMS");
- license titles ("ModelGo Attribution-NonCommercial License Version 2.0, Dec 2025");
- sentences about the license text itself ("You may modify the text of this License ...",
  "Everyone is permitted to copy and distribute verbatim copies of this license document"), and
  clauses headed as advice on applying the license ("How to Apply These Terms to Your New
  Programs").
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(
    r"(?<=[.;!?])[\"'”’)]*\s+(?=[\"“'‘(\[*#]*[A-Z0-9])|\n\s*\n"
    # a grant after a colon that ends a lead-in: "To anyone who acknowledges that this file is
    # provided as is: permission to use, copy … is granted" (the lead-in is a disclaimer)
    r"|(?<=:)\s+(?=permission\s+(?:to|is)\b)"
)
_CLAUSE_END = re.compile(r"(?<=;)\s+")
_DISCLAIMER = re.compile(
    r"\bas[- ]is\b|\bwithout\s+(?:any\s+)?warrant|\bno\s+warrant|\bwarranties\b|\bwarranty\s+of\b"
    r"|\bdisclaim(?:s|ed|ing)\b|\bdisclaimer\s+of\b|\bbe\s+liable\b|\bliable\s+(?:to|for)\b"
    r"|\blimitation\s+of\s+liability\b|\bindemni\w*|\bhold\s+harmless\b|\bdamages\b"
    # "makes no guarantees that any source code is available" ("makes no representations" is left:
    # in run-on permission notices it shares a sentence with the grant)
    r"|\bmakes?\s+no\s+(?:\w+\s+)?(?:guarantees?|commitments?|promises?)\b",
    re.IGNORECASE,
)
# A sentence about the license document: its text, its versions, its steward, renaming it.
_ABOUT_LICENSE = re.compile(
    r"\b(?:modify|modifies|modified|modifying|modification\s+of|change|changing|alter|revise|rename)"
    r"\s+(?:the\s+text\s+of\s+)?(?:this|the|your|that)\s+(?:public\s+)?(?:licen[cs]e|agreement)\b(?!\s+fee)"
    r"|\b(?:licen[cs]e|agreement)\s+(?:document|text)\b|\blicen[cs]e'?s\s+text\b"
    r"|\b(?:new|revised|later|modified|distinguishing)\s+versions?\s+(?:number\s+)?of\s+(?:this|the)\s+"
    r"(?:licen[cs]e|agreement)\b"
    r"|\b(?:licen[cs]e|agreement)\s+steward\b"
    # the appendix that tells an author how to put a work under the license
    r"|\bhow\s+to\s+(?:apply|use)\s+(?:these\s+terms|(?:the\s+|this\s+)?[\w. -]{0,40}?licen[cs]e)\b"
    r"|\b(?:modify|change|alter|amend|revise)\s+the\s+terms\s+(?:in\s+any\s+way|of\s+(?:this|the)\s+licen[cs]e)\b"
    r"|\b(?:communicate|distribute)\s+this\s+licen[cs]e\s+without\s+modification\b"
    r"|\byour\s+(?:modified\s+)?version\s+of\s+the\s+licen[cs]e\b"
    # a licence exception's own boilerplate: "you may extend this exception to your version …
    # If you do not wish to do so, delete this exception statement"
    r"|\b(?:extend|delete|remove)\s+this\s+(?:special\s+)?exception\b"
    # which version of the license governs: "continue to use, distribute … under the terms of the
    # version of the License under which You originally received it", "any subsequent version …
    # published by the steward"
    r"|\bversion\s+of\s+(?:the|this)\s+licen[cs]e\s+under\s+which\b"
    r"|\b(?:subsequent|later|newer)\s+versions?\s+(?:of\s+(?:the|this)\s+licen[cs]e\s+)?(?:as\s+)?published\s+by\b"
    r"|\b(?:everyone|anyone)\s+is\s+permitted\s+to\s+copy\b"
    # text that says it is no part of the license ("The following considerations are for
    # informational purposes only … and do not form part of our licenses")
    r"|\b(?:do|does|is|are)\s+not\s+(?:form\s+)?(?:a\s+)?part\s+of\s+(?:our|this|the)\s+(?:public\s+)?licen[cs]es?\b"
    r"|\b(?:licen[cs]e|agreement)\s+(?:is\s+copyrighted|may\s+only\s+be\s+modified)\b"
    r"|\b(?:modify|change|alter|amend|revise)\s+(?:these|the)\s+terms\s+(?:and\s+conditions\s+)?(?:applicable|of\s+this|for\s+the\s+distribution|from\s+time)\b"
    r"|\b(?:modify|change|alter|amend|revise)\s+these\s+terms\b"
    r"|\b(?:authori[sz]ed|permitted|allowed)\s+to\s+(?:copy|duplicate)\s+(?:and\s+distribute\s+)?(?:verbatim\s+)?copies\s+of\s+this\s+"
    r"(?:licen[cs]e|agreement)\b",
    re.IGNORECASE,
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_VERSION_LINE = re.compile(r"^\s*(?:version\s+[\d.]+|v\.?\s*[\d.]+|\d{4})\b[^.;:]{0,40}$", re.IGNORECASE)
_TITLE_WORD = re.compile(r"\b(?:licen[cs]e|agreement|version)\b", re.IGNORECASE)
_LIST_ITEM_END = re.compile(r";|\s(?:and|or)$", re.IGNORECASE)
_VERB = re.compile(r"\b(?:may|must|shall|will|grants?|is|are|means|you)\b", re.IGNORECASE)


# A definition: "Term" means …, Term shall mean …, "Source" form shall mean …, "Installation
# Information" for a User Product means …, ``Term'' means … (TeX quotes), at the start of the sentence.
# An unquoted term holds no modal verb: "Each copy must carry a file that refers to this License" is
# a duty, not a definition.
_DEFINITION = re.compile(
    r"^(?:[-*•]\s*)?(?:\(?[a-z0-9]{1,3}[.)]\s+)?[\"“‘'*`]{0,2}[A-Z](?:(?!\s(?:must|may|shall|will|can|should)\s)[\w’'\- ]){0,50}?[\"”’'*]{0,2}(?:(?<=[\"”’'*])(?:\s+[\w-]+){1,8}?)?:?\s*"
    r"(?:\((?:or\s+)?[^)]{0,60}\)\s*)?(?:shall\s+mean|means|refers?\s+to|is\s+defined\s+as)\b"
)


# "This means you can pass copies around freely": a pronoun explains, it defines no term.
_PRONOUN_MEANS = re.compile(r"^(?:this|that|it|which)\s+means\b", re.IGNORECASE)


def is_definition(sentence: str) -> bool:
    return bool(_DEFINITION.match(sentence)) and not _PRONOUN_MEANS.match(sentence)


def is_title(line: str) -> bool:
    """A line that names a license ("Elastic License 2.0", "# PolyForm ... 1.0.0") and says nothing."""
    line = line.strip().lstrip("#* ").strip()
    if not line or len(line) > 100 or line[-1] in ".;:,":
        return False
    if _LIST_ITEM_END.search(line):  # a list item ("do not change the terms of this Agreement …; and")
        return False
    return bool(_TITLE_WORD.search(line)) and not _VERB.search(line)


# A duty to keep the disclaimer with copies is not a disclaimer: "Redistributions of source code
# must retain the above copyright notice, this list of conditions and the Disclaimer of Warranty."
_KEEPS_DISCLAIMER = re.compile(
    r"\b(?:retain|reproduce|include|keep|preserve|carry)\b[^.;]{0,120}?\bdisclaimer\s+of\s+(?:warranty|warranties|liability)\b"
    # the disclaimer named beside the notice that must travel: "provided that this notice and
    # disclaimer of warranty appears in all copies"
    r"|\bnotices?\s+and\s+(?:the\s+|this\s+)?disclaimers?\s+of\s+(?:warranty|warranties|liability)\b",
    re.IGNORECASE,
)


def is_disclaimer(sentence: str) -> bool:
    return bool(_DISCLAIMER.search(_KEEPS_DISCLAIMER.sub(" ", sentence)))


# "do not change the terms of this Agreement with respect to subsequent licensees": the terms that
# go on with copies (OSD 7), not the license document.
_FOR_RECIPIENTS = re.compile(
    r"\b(?:with\s+respect\s+to|as\s+(?:to|regards)|for)\s+(?:all\s+|any\s+|the\s+)?"
    r"(?:subsequent|later|downstream|further)\s+(?:licensees|recipients)\b",
    re.IGNORECASE,
)


def is_about_license_text(sentence: str) -> bool:
    return bool(_ABOUT_LICENSE.search(sentence)) and not _FOR_RECIPIENTS.search(sentence)


def _is_title_paragraph(paragraph: str) -> bool:
    lines = [ln for ln in paragraph.splitlines() if ln.strip()]
    return 0 < len(lines) <= 3 and all(is_title(ln) or _VERSION_LINE.match(ln) for ln in lines)


# A source file's comment block: every line after the first starts with "*" or "#" (a bare "*"
# line is a blank one), as license headers are quoted from C or shell files.
_COMMENT_LINE = re.compile(r"^[ \t]*(?:\*(?!\*)|#+)(?:[ \t]|$)")
# Emphasis around a word: "with a *different* name".
_EMPHASIS = re.compile(r"(?<![\w*])\*(\w[^*\n]{0,40}?\w|\w)\*(?![\w*])")


def _uncommented(text: str) -> str:
    """``text`` without the comment markers of a comment block (unchanged if it is not one)."""
    lines = text.split("\n")
    rest = [ln for ln in lines[1:] if ln.strip()]
    if len(rest) < 2 or not all(_COMMENT_LINE.match(ln) for ln in rest):
        return text
    return "\n".join(_COMMENT_LINE.sub("", ln, count=1) for ln in lines)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, whitespace collapsed; title paragraphs dropped first.

    A title is a paragraph of its own (blank lines around it): a hard-wrapped line of a clause
    ("non-transferable license to use, copy, distribute, make") is never one.
    """
    text = _EMPHASIS.sub(r"\1", _uncommented(text))
    kept = "\n\n".join(p for p in _PARAGRAPH.split(text) if not _is_title_paragraph(p))
    out = []
    for part in _SENTENCE_END.split(_table_cells(kept)):
        s = " ".join(part.split())
        if s:
            out.append(s)
    return out


# A row of a drawn table ("| Commercial Use of Model | ✗ |") or its border ("+----+---+", "|---|").
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
_TABLE_BORDER = re.compile(r"^[ \t]*[+|][-=+|: \t]*$", re.MULTILINE)
_MARK = re.compile(r"^[✓✗✔✘xX√×-]?$")


def _table_cells(text: str) -> str:
    """A table's rows read cell by cell: each cell with the mark that follows it ("Commercial Use of
    Model ✗") is a sentence of its own, so that one row about warranties does not hide the rest."""

    def row(m: re.Match[str]) -> str:
        cells = [" ".join(c.split()) for c in m.group(0).strip().strip("|").split("|")]
        items: list[str] = []
        for cell in cells:
            if items and cell and _MARK.match(cell):
                items[-1] += " " + cell
            elif cell:
                items.append(cell)
        return "\n\n".join(items) + "\n\n"

    if "|" not in text:
        return text
    return _TABLE_ROW.sub(row, _TABLE_BORDER.sub("\n", text))


def readable(text: str, heading: str = "") -> list[str]:
    """The sentences the rules may read: disclaimers, titles and license-text sentences left out."""
    parts = []
    if (
        heading
        and not is_title(heading)
        and not is_disclaimer(heading)
        and not is_about_license_text(heading)
    ):
        parts.append(" ".join(heading.split()))
    elif heading and (is_disclaimer(heading) or is_about_license_text(heading)):
        return []  # "DISCLAIMER OF WARRANTY", "MODIFICATION OF THIS LICENSE": the clause is that
    for s in sentences(text):
        if is_about_license_text(s):
            continue
        if not is_disclaimer(s):
            parts.append(s)
            continue
        # A list of duties that names a disclaimer ("publish … a disclaimer of warranty; keep intact
        # all the notices …; and give any other recipients a copy of this License") is read part
        # by part: only the parts that speak of warranty or liability are left out.
        pieces = _CLAUSE_END.split(s)
        if len(pieces) > 1:
            parts.extend(p for p in pieces if p and not is_disclaimer(p) and not is_about_license_text(p))
    return parts
