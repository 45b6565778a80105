"""Pure secondary links of the alignment: a sentence that left its clause for another. No Django imports.

A rewrite often keeps a clause and moves one of its sentences into another clause: "All
sublicenses ... properly granted shall survive" leaves the termination clause it closed for a
new "Effect of Termination"; "You may not alter or restrict the recipients' rights" leaves a
clause on additional terms for the one on distributing the source. The clause pairs on the rest
of its words; the moved sentence is too small a part of it for any word share of the whole
clause (:func:`licenses.text.residue.leftovers` reads what the pair left over as one block, and
a long clause leaves much over).

:func:`sentence_links` reads the sentences (split after ".", ";" or ":") of every linked clause
of two sentences or more, and links the clause with a clause of the other side when a sentence of
at least :data:`SENTENCE_WORDS` content words

- **left**: no partner of the clause holds :data:`STAYED` of its words;
- **went there**: that clause, of at least :data:`SENTENCE_WORDS` content words, holds at least
  :data:`SENTENCE_MIN` of them, in order, as one passage (:func:`licenses.text.fanout.passage`),
  and :data:`SENTENCE_MARGIN` more than any other clause does;
- **not parallel wording**: no clause of the sentence's own side linked with that clause holds
  the sentence about as well (two grants alike are not a move).

Cost: a clause whose partner leaves out fewer of its words than a sentence that left must is
skipped (the first pass's word matrix says so), and the sentences that left are matched against
the other side's clauses in one C call (:func:`rapidfuzz.process.cdist`).
"""

from __future__ import annotations

import re

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from licenses.text.fanout import passage
from licenses.text.matching import Side, lcs

SENTENCE_WORDS = 8  # least content words of a sentence read, and of the clause it went to
SENTENCE_MIN = 0.6  # share of the sentence's words the clause it went to holds, in order
SENTENCE_MARGIN = 0.2  # ... more than any other clause of that side holds
STAYED = 0.4  # a sentence of which a partner holds this share stayed with it
_STOP = re.compile(r"(?<=[.;:])\s+")
_WORD = re.compile(r"\w+")


def _sentences(side: Side, k: int) -> list[list[str]]:
    """The content words of each sentence of clause ``k`` with at least SENTENCE_WORDS of them
    (a word is a content word by itself: the clause's own content words say which)."""
    keep = set(side.words[k])
    out = []
    for part in _STOP.split(side.key[k].lower()):
        w = [t for t in _WORD.findall(part) if t in keep]
        if len(w) >= SENTENCE_WORDS:
            out.append(w)
    return out


def _one_way(this: Side, other: Side, com: np.ndarray, links: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(this k, other o); ``com`` and ``links`` read this -> other."""
    partners: dict[int, set[int]] = {}
    for k, o in links:
        partners.setdefault(k, set()).add(o)
    mates: dict[int, set[int]] = {}
    for k, o in links:
        mates.setdefault(o, set()).add(k)
    rows = []
    for k in sorted(partners):
        # a partner that leaves fewer words of the clause out than a sentence that left must
        # (SENTENCE_WORDS * (1 - STAYED)) keeps some of every sentence: nothing to read
        n = len(this.words[k])
        if any(n - com[k, p] < SENTENCE_WORDS * (1 - STAYED) for p in partners[k]):
            continue
        sents = _sentences(this, k)
        if len(sents) < 2:
            continue
        for s in sents:
            if all(lcs(s, other.words[p]) / len(s) < STAYED for p in partners[k]):
                rows.append((k, s))
    out: set[tuple[int, int]] = set()
    if not rows or not len(other):
        return out
    dist = cdist([s for _, s in rows], other.words, scorer=Indel.distance, dtype=np.int64)
    lo = np.array([len(w) for w in other.words], dtype=np.int64)
    for x, (k, s) in enumerate(rows):
        share = (len(s) + lo - dist[x]) / 2 / len(s)
        o = int(share.argmax())
        second = float(np.partition(share, -2)[-2]) if len(share) > 1 else 0.0
        best = float(share[o])
        if (
            best < SENTENCE_MIN
            or best - second < SENTENCE_MARGIN
            or o in partners[k]
            or lo[o] < SENTENCE_WORDS
        ):
            continue
        if not passage(s, other.words[o]):
            continue
        if any(lcs(s, this.words[m]) / len(s) > best - SENTENCE_MARGIN for m in mates.get(o, ())):
            continue
        out.add((k, o))
    return out


def sentence_links(sa: Side, sb: Side, com: np.ndarray, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a linked clause and the clause of the other side one of its sentences went to."""
    out = _one_way(sa, sb, com, linked)
    out |= {(i, j) for j, i in _one_way(sb, sa, com.T, {(j, i) for i, j in linked})}
    return out - linked
