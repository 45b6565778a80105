"""Pure secondary links of the alignment: a defined term that grew a word or lost one. No Django imports.

A rewrite often keeps a defined term and lengthens its name: "Source Code" becomes "Source
Code Form", "Executable" becomes "Executable Form". The two definitions may share few words
("the common form of computer software code in which modifications are made" against "the form
of the work preferred for making modifications"), too few to pair, but they define one matter.

:func:`term_form_links` links two clauses in no link at all when one defines a term whose words
open the term the other defines (the longer name adds words at its end only: "Work" and
"Derivative Work" are not one matter), each term defined by exactly one clause of its side and
by none of the other side, and no other term of either side reads that way with them.
"""

from __future__ import annotations

from collections import Counter

from licenses.text.matching import Side
from licenses.text.terms import defined_terms


def _opens(short: str, long: str) -> bool:
    """``long`` is ``short`` with words added at its end."""
    s, lg = short.split(), long.split()
    return 0 < len(s) < len(lg) and lg[: len(s)] == s


def term_form_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for two clauses in no link that define the same term, once longer on one side."""
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    terms_a = [defined_terms(k) for k in sa.key]
    terms_b = [defined_terms(k) for k in sb.key]
    count_a = Counter(t for ts in terms_a for t in ts)
    count_b = Counter(t for ts in terms_b for t in ts)
    # terms of exactly one clause, in no link, that the other side does not define
    only_a = {t: i for i, ts in enumerate(terms_a) for t in ts if count_a[t] == 1 and t not in count_b}
    only_b = {t: j for j, ts in enumerate(terms_b) for t in ts if count_b[t] == 1 and t not in count_a}
    only_a = {t: i for t, i in only_a.items() if i not in busy_a}
    only_b = {t: j for t, j in only_b.items() if j not in busy_b}
    pairs = [(ta, tb) for ta in only_a for tb in only_b if _opens(ta, tb) or _opens(tb, ta)]
    uses = Counter(t for pair in pairs for t in pair)
    return {(only_a[ta], only_b[tb]) for ta, tb in pairs if uses[ta] == uses[tb] == 1}
