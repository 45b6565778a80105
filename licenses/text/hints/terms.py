"""A license's own defined terms, read from its definitions, so that rules understand its words.

Pure. ModelGo says "Derivative Materials" and "Distribute", Creative Commons "Adapted Material"
and "Share", the Artistic License "Modified Version". ``defined_terms`` reads definitions of the
shapes ``"Term" means …``, ``"Term" (or "Alias") means …``, ``Term means …`` at the start of a
line (after a list label such as ``a.``) and ``**Term** is …``, in a clause or a whole text, and files each term under the concept its definition speaks of:

- ``derived``: a modified or derived work ("improvements, modifications or derivative works");
- ``distribute``: making copies available to others ("making … available to a third party");
- ``source``: the form for making modifications ("the preferred form").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Quotes of every kind, TeX's ``Term'' among them.
_QUOTED = r"[\"“‘'*`]{1,2}(?P<term>[A-Z][\w’'\- ]{1,40}?)[\"”’'*]{1,2}"
_ALIAS = r"(?:\s*\((?:or\s+)?(?:[\"“‘'*`]{1,2}(?P<alias>[A-Z][\w’'\- ]{1,40}?)[\"”’'*]{1,2})[^)]*\))?"
_VERB = r"\s*(?:shall\s+mean|means?|refers?\s+to|is|are)\b"
_DEFINITION = re.compile(rf"{_QUOTED}{_ALIAS}{_VERB}(?P<body>[^\n]{{0,400}})")
_BARE = re.compile(
    r"^[ \t]*(?:\(?[0-9A-Za-z]{1,4}[.)][ \t]+)?(?P<term>[A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'\-]*){0,3})[ \t]+means\b"
    r"(?P<body>[^\n]{0,400})",
    re.MULTILINE,
)

# Each concept is read from the first words of the definition, where its genus is ("means all
# improvements, modifications ..."), not from anything it mentions later ("Licensed Materials
# means the Model ... that are Distributed by the Licensor" is not a kind of distribution).
_CONCEPTS = {
    "derived": (
        6,
        re.compile(r"\b(?:modif\w*|derivative|derived|adapt\w*|improvements?|translat\w*)\b", re.I),
    ),
    "distribute": (
        3,
        re.compile(r"\b(?:the\s+acts?\s+of|transmission|making|to\s+provide|conveying)\b", re.I),
    ),
    "source": (12, re.compile(r"\bpreferred\s+form\b", re.I)),
}
# "the Original Code or Modifications", "My Work or a Derived Work": a term for the work and its
# derivatives together. The first item names the work (capitalised, a defined term or a name);
# "all alterations and derivative works" is a list of derived things.
_ALSO_ORIGINAL = re.compile(
    r"^\s*(?:[Tt]he\s+|[Mm]y\s+|[Oo]ur\s+|[Tt]his\s+)?(?:[A-Z][\w-]*\s+){1,3}(?i:or|and|and/or)\s+"
    r"(?i:an?\s+|any\s+|the\s+)?(?i:derived|derivative|modified|modifications?|adaptations?)\b"
)
# A term named for what it is ("Modified Version", "Adapted Material") whatever its definition says.
_DERIVED_NAME = re.compile(r"\b(?:modifi\w*|modified|derivative|derived|adapted|adaptations?)\b", re.I)
# Terms whose own name says what they are; a definition never turns them into something else.
_FIXED = re.compile(r"^(?:you|your|licen[cs]or|licen[cs]ee|contributor|licen[cs]e|agreement)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Terms:
    """Defined terms per concept, as written in the license (hashable, so rules can be cached)."""

    derived: tuple[str, ...] = ()
    distribute: tuple[str, ...] = ()
    source: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.derived or self.distribute or self.source)


NO_TERMS = Terms()


def _forms(term: str) -> list[str]:
    """ "Derivative Materials" -> also "Derivative Material"; "Distribute" -> "Distributing" etc."""
    term = " ".join(term.split())
    forms = {term}
    if term.endswith("s") and " " in term:
        forms.add(term[:-1])
    if term.endswith("e") and " " not in term:
        forms.update({term + "s", term + "d", term[:-1] + "ing"})
    return sorted(forms)


def defined_terms(texts: Iterable[str]) -> Terms:
    """The derived-work, distribution and source terms defined anywhere in ``texts``."""
    found: dict[str, set[str]] = {k: set() for k in _CONCEPTS}
    for text in texts:
        matches = [*_DEFINITION.finditer(text), *_BARE.finditer(text)]
        for m in matches:
            names = [m.group("term")]
            if "alias" in m.re.groupindex and m.group("alias"):
                names.append(m.group("alias"))
            names = [n for n in names if not _FIXED.match(n.strip())]
            words = m.group("body").split()
            hit = {
                c for c, (window, pattern) in _CONCEPTS.items() if pattern.search(" ".join(words[:window]))
            }
            # "Source Code means the preferred form ... for making modifications" is the source,
            # not a derived work; "Covered Code means the Original Code or Modifications" names
            # the original as well, so it is the whole work, not a derived one.
            if "source" in hit or _ALSO_ORIGINAL.search(" ".join(words[:8])):
                hit.discard("derived")
            for concept in hit:
                for n in names:
                    found[concept].update(_forms(n))
            for n in names:
                if _DERIVED_NAME.search(n):
                    found["derived"].update(_forms(n))
    return Terms(**{k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in found.items()})
