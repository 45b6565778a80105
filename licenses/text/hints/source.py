"""OSD 2 (source code): the rules that read what a license says about the source and its form.

Pure. See ``rule.Rule`` for what a rule is; ``rules.RULES`` gathers every criterion's.
"""

from __future__ import annotations

from licenses.text.hints.rule import Rule
from licenses.text.hints.structure import (
    PATENT,
    SOURCE_FORM,
    TRADEMARK,
)

SOURCE_CODE: tuple[Rule, ...] = (
    # 2. Source code: included or offered; the preferred form; no obfuscation.
    Rule(
        2,
        "defines or requires the source code (the preferred form for modification)",
        r"\bpreferred\s+form\b[^.;]{0,60}?\b(?:modif\w*|changes|edit\w*)|\bmost\s+convenient\s+for\s+(?:\w+\s+){0,2}?(?:study|modif)",
        definitions=True,
    ),
    # "the complete corresponding machine-readable source code"
    Rule(
        2,
        "requires the corresponding source",
        r"\bcorresponding\s+(?:machine-readable\s+)?source\b",
        unless=PATENT,
    ),
    Rule(
        2,
        "asks for the source code to be provided",
        # the source between the verb and "available": "make Source Code available under Section 3.2",
        # "make the source code to the modified version available", "make the Service Source Code
        # available"
        r"\bmake\s+(?:the\s+|its\s+)?(?:\w+\s+)?" + SOURCE_FORM + r"\s+(?:\w+\s+){0,6}?available\b",
        unless=PATENT,
    ),
    Rule(2, "forbids obfuscated or intermediate source", r"\bobfuscat\w*|\bintermediate\s+forms?\b"),
    Rule(
        2,
        "asks that copies say where to get the source",
        # "distribute the executables ..., together with instructions (in the manual page or
        # equivalent) on where to get the Standard Version"
        r"\binstructions\b[^.;]{0,60}?\bwhere\s+to\s+(?:get|obtain|find)\b",
    ),
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
        # In a patent clause ("knowingly relying on a patent license, and the Corresponding Source
        # ... is not available") the source is a condition of the patent terms.
        unless=TRADEMARK + r"|\bmay\s+include\b|" + PATENT,
    ),
    Rule(
        2,
        "asks for the source code to be provided",
        r"\bwritten\s+offer\b|\bavailable\s+in\s+source\s+(?:code\s+)?form\b"
        # a permissions table's row: "Disclose Source ✓"
        r"|^(?:disclose|provide|include|publish|share)\s+(?:the\s+)?source\b",
    ),
    Rule(
        2,
        "asks for the source code to be provided",
        # the source as a form the thing is offered in: "provide recipients with access to the
        # Software in source code format", "made available ... in Source Code form"
        r"\b(?:access\s+to|provide|make\s+available|made\s+available)\b[^.;]{0,80}?\bin\s+source\s+(?:code\s+)?(?:form|format)\b",
        unless=PATENT,
    ),
    Rule(
        2,
        "sets terms for distributing without the source",
        # "You may distribute Compiled forms without the Source, provided that ...", "in object code
        # or executable form, provided that you do at least one of the following" (the options
        # are ways of giving the source)
        r"\b(?:compiled|object|executable|binary)\s+(?:code\s+)?forms?\b[^.;]{0,60}?\bwithout\s+(?:the\s+)?source\b"
        r"|\b(?:object\s+code|executable|binary|compiled)\s+(?:or\s+(?:\w+\s+){1,2})?forms?\b[^.;]{0,80}?\bprovided\s+that\s+you\s+(?:also\s+)?do\s+(?:at\s+least\s+)?one\s+of\s+the\s+following\b",
    ),
)
