"""Pure secondary links of the alignment: the one clause of each side that defines a term. No Django imports.

A rewrite often moves definitions: a term defined in passing inside an opening clause ('A
"library" means a collection of software functions ...') gets a clause of its own in a new
definitions section ('"The Library" refers to a covered work ...'), or the other way round.
The words of the two definitions may have nothing else in common, but a term that exactly one
clause of each side defines names the same matter on both sides.

:func:`defined_terms` reads the terms a clause defines anywhere in it (a quoted term followed,
within a few words, by "means", "refers to", "has the meaning", "is defined as", ...; in double
quotes or, as British drafting has it, in single ones: "'Product' means"), with a
leading article set aside ("the library" and "library" are one term). :func:`term_links` links
the two clauses, when no link joins them yet, for every term defined by exactly one clause of
each side.
"""

from __future__ import annotations

import re
from collections import Counter

from licenses.text.matching import Side
from licenses.text.rescue import defined_term

# In folded text quotes stand apart: ' " library " means ...'; the verb within 30 characters,
# no quote or full stop between.
_VERB = r"(?:means|mean|shall mean|refers to|shall refer to|has the meaning|is defined as)\b"
_DEFINES = re.compile(r'" ([^"]{1,60}?) " (?:[^".]{0,30}? )?' + _VERB)
# Single quotes, as British drafting quotes a term ("'Product' means ..."): the term is words
# only, and an apostrophe ("the licensor ' s name", "can ' t") never opens one.
_DEFINES_SINGLE = re.compile(
    r"(?:^|(?<= ))' (?!(?:s|t|d|m|re|ll|ve) )(\w[\w -]{0,58}?) ' (?:[^\"'.]{0,30}? )?" + _VERB
)
_ARTICLE = re.compile(r"^(?:the|a|an) ")


def defined_terms(folded: str) -> set[str]:
    """The terms a clause (its folded text) defines, anywhere in it, without a leading article."""
    found = {m.group(1) for pattern in (_DEFINES, _DEFINES_SINGLE) for m in pattern.finditer(folded)}
    lead = defined_term(folded)
    if lead:
        found.add(lead)
    return {_ARTICLE.sub("", t.strip()) for t in found if t.strip()}


def term_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for the one clause of each side that defines the same term."""
    terms_a = [defined_terms(k) for k in sa.key]
    terms_b = [defined_terms(k) for k in sb.key]
    count_a = Counter(t for ts in terms_a for t in ts)
    count_b = Counter(t for ts in terms_b for t in ts)
    where_a = {t: i for i, ts in enumerate(terms_a) for t in ts if count_a[t] == 1}
    where_b = {t: j for j, ts in enumerate(terms_b) for t in ts if count_b[t] == 1}
    out = {(i, where_b[t]) for t, i in where_a.items() if t in where_b}
    return out - linked
