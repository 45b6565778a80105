"""Pure secondary links by legal topic: a clause of several matters, linked for one, and another. No Django imports.

One clause of a license often deals with matters that another license, or the next version,
gives a clause each: Apache 1.1 ends on one paragraph that disclaims warranties ("AS IS") and
limits liability ("IN NO EVENT ... BE LIABLE"), which Apache 2.0 splits into "Disclaimer of
Warranty" and "Limitation of Liability"; a "Miscellaneous" section holds the entire
agreement, severability and the governing law that another text states apart. The words pair
the clause with one of its counterparts; the other, rewritten, is left alone.

:func:`matter_links` links a clause already linked with the clause of the other side in no
link that deals with one of its matters (:data:`licenses.text.topics.TOPICS`, read from that
clause's first sentence, :func:`licenses.text.topics.lead`) when, for that topic, each is the
only clause of its side to deal with it (the multi-matter clause anywhere in its text) and
none of the clause's partners deals with it: the matter went there and nowhere else.
"""

from __future__ import annotations

from licenses.text.matching import Side
from licenses.text.topics import TOPIC_WORDS, deals_with, may_deal_with, plain_of, tags


class _Reader:
    """The topics of clauses, read one topic at a time and remembered for both directions."""

    def __init__(self) -> None:
        self.maybe: dict[tuple[int, int], frozenset[str]] = {}
        self.plain: dict[tuple[int, int, bool], str] = {}

    def reads(self, side: Side, k: int, topic: str, first: bool) -> bool:
        """Whether clause ``k`` of ``side`` deals with ``topic`` (in its lead only when ``first``)."""
        key = (id(side), k)
        maybe = self.maybe.get(key)
        if maybe is None:
            many = len(set(side.words[k])) >= TOPIC_WORDS
            maybe = self.maybe[key] = may_deal_with(side.key[k]) if many else frozenset()
        if topic not in maybe:
            return False
        plain = self.plain.get((*key, first))
        if plain is None:
            plain = self.plain[(*key, first)] = plain_of(side.key[k], first=first)
        return deals_with(plain, topic)

    def only(self, side: Side, topic: str, first: bool) -> int | None:
        """The one clause of ``side`` that deals with ``topic``; None for none or several."""
        found = None
        for k in range(len(side)):
            if self.reads(side, k, topic, first):
                if found is not None:
                    return None
                found = k
        return found


def _one_way(this: Side, other: Side, links: set[tuple[int, int]], read: _Reader) -> set[tuple[int, int]]:
    """(this x, other z) for a multi-matter clause x of ``this`` side; ``links`` read this -> other.

    Only the topics of the other side's clauses in no link are read on every clause, one
    topic at a time: reading every topic in the whole text of every clause would cost more
    than the rest of the second pass.
    """
    partners: dict[int, set[int]] = {}
    for x, y in links:
        partners.setdefault(x, set()).add(y)
    busy = {y for _, y in links}
    free = [z for z in range(len(other)) if z not in busy and len(set(other.words[z])) >= TOPIC_WORDS]
    out = set()
    for topic in sorted({t for z in free for t in tags(other.key[z], first=True)}):
        z = read.only(other, topic, True)
        if z is None or z in busy:
            continue
        x = read.only(this, topic, False)
        if x is None or x not in partners or any(read.reads(other, y, topic, False) for y in partners[x]):
            continue
        out.add((x, z))
    return out


def matter_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a linked clause of several matters and the one clause in no link of the
    other side that deals with one of them; see the module docstring."""
    read = _Reader()
    out = _one_way(sa, sb, linked, read)
    out |= {(i, j) for j, i in _one_way(sb, sa, {(j, i) for i, j in linked}, read)}
    return out - linked
