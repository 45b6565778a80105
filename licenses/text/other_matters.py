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
from licenses.text.topics import TOPIC_WORDS, TOPICS, tags


def _tags(side: Side, *, first: bool) -> list[frozenset[str]]:
    """The topics of each clause (of its first sentence only when ``first``); none for a
    clause of few words."""
    return [
        tags(side.key[k], first=first) if len(set(side.words[k])) >= TOPIC_WORDS else frozenset()
        for k in range(len(side))
    ]


def _one_way(this: Side, other: Side, links: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(this x, other z) for a multi-matter clause x of ``this`` side; ``links`` read this -> other."""
    partners: dict[int, set[int]] = {}
    for x, y in links:
        partners.setdefault(x, set()).add(y)
    busy = {y for _, y in links}
    whole_this = _tags(this, first=False)
    whole_other = _tags(other, first=False)
    first_other = _tags(other, first=True)
    out = set()
    for topic in TOPICS:
        xs = [k for k, t in enumerate(whole_this) if topic in t]
        zs = [k for k, t in enumerate(first_other) if topic in t]
        if len(xs) != 1 or len(zs) != 1:
            continue
        x, z = xs[0], zs[0]
        if z in busy or x not in partners or any(topic in whole_other[y] for y in partners[x]):
            continue
        out.add((x, z))
    return out


def matter_links(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a linked clause of several matters and the one clause in no link of the
    other side that deals with one of them; see the module docstring."""
    out = _one_way(sa, sb, linked)
    out |= {(i, j) for j, i in _one_way(sb, sa, {(j, i) for i, j in linked})}
    return out - linked
