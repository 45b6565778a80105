"""Pure secondary links of the alignment: a clause that fed the items of a list, and the list's lead-ins. No Django imports.

A rewrite often breaks one long clause into a titled section with a lead-in and items ("4(b)
If You distribute the Work, You must keep intact all copyright notices and provide: (i) the
name of the author ...; (ii) the title ..." becomes "3(a) Attribution. (1) If You share, You
must: (A) retain the following: (i) ... (ii) ..."). Each item takes a few of the old clause's
words, too few for a pair, and the lead-ins take almost none: a heading, a condition. The
items say where the old clause went, and the lead-ins above them are what it became.

:func:`above_fed_items`: a clause in no link (at least :data:`FED_WORDS` content words) fed an
item of the other side when that item is in no link, has at least :data:`ITEM_WORDS` content
words, holds at least :data:`ITEM_MIN` of them in the clause, more than in any other clause in
no link and no fewer than in any clause at all (a clause linked elsewhere may tie). The fed
items of one section make a list when at least :data:`ITEMS` of them hang from it and one of
them is held by no other clause as much; the list is their nearest common ancestor in no link
(below a section linked elsewhere, each subsection is read on its own, :func:`_lists`). The
clause links with every clause in no link from the items' parents up to that ancestor, the
lead-ins and headings the list hangs from, and with the fed items that no other clause holds
as much of. An item that a clause linked elsewhere holds as well counts for the list but is
left to the rules that read its words: its few shared words may be the other clause's.
"""

from __future__ import annotations

import numpy as np

from licenses.text.matching import Side

FED_WORDS = 20  # least content words of the clause that fed a list
ITEM_WORDS = 4  # least content words of an item that counts as fed
ITEM_MIN = 0.3  # share of an item's words the clause must hold, more than any other clause
ITEMS = 2  # fed items that must hang from one ancestor


def _ancestors(side: Side, k: int) -> list[int]:
    """``k``'s parent, its parent's parent, ... up to the top."""
    out = []
    p = side.segs[k].parent
    while p is not None:
        out.append(p)
        p = side.segs[p].parent
    return out


def _lists(group: list[tuple[list[int], bool]], busy: set[int]):
    """(top, members) for each list the fed items of ``group`` hang from (members: part of ``group``).

    ``group`` holds, for each fed item, its chain (the item, its parent, ... up to the top) and
    whether no other clause holds as much of it. The list is the items' nearest common ancestor,
    the nearest one in no link: below a clause linked elsewhere (a section that kept its
    counterpart), each of its children's subtrees is a list of its own. A list needs
    :data:`ITEMS` fed items, one of them held by no other clause as much.
    """
    if len(group) < ITEMS or not any(alone for _, alone in group):
        return
    chains = [chain for chain, _ in group]
    common = set(chains[0][1:]).intersection(*(c[1:] for c in chains[1:]))
    top = min(common, key=lambda p: chains[0].index(p))  # the nearest
    if top not in busy:
        yield top, group
        return
    below: dict[int, list[tuple[list[int], bool]]] = {}
    for chain, alone in group:
        at = chain.index(top)
        if at >= 2:  # the child of ``top`` on the chain heads the subtree (an item right under it stays out)
            below.setdefault(chain[at - 1], []).append((chain, alone))
    for sub in below.values():
        yield from _lists(sub, busy)


def above_fed_items(
    sa: Side, sb: Side, com: np.ndarray, linked: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """(a i, b j) for a clause in no link and the lead-ins above the items of the other side it fed."""
    busy_a = {i for i, _ in linked}
    busy_b = {j for _, j in linked}
    out: set[tuple[int, int]] = set()
    for this, other, busy_this, busy_other, flip in (
        (sa, sb, busy_a, busy_b, False),
        (sb, sa, busy_b, busy_a, True),
    ):
        shared = (com.T if flip else com).astype(np.float64)  # shared[k, o]: this clause k, other clause o
        free = np.array([k not in busy_this for k in range(len(this))], dtype=bool)
        fed: dict[int, list[tuple[int, bool]]] = {}
        for o in range(len(other)):
            n = len(other.words[o])
            if o in busy_other or n < ITEM_WORDS or other.segs[o].parent is None:
                continue
            col = np.where(free, shared[:, o], -1.0)
            k = int(col.argmax())
            if col[k] / n < ITEM_MIN or int((col >= col[k]).sum()) != 1 or len(this.words[k]) < FED_WORDS:
                continue
            # no clause holds more of the item; a clause in some link may hold as much
            beaten = int((shared[:, o] >= col[k]).sum())
            if int((shared[:, o] > col[k]).sum()) == 0:
                fed.setdefault(k, []).append((o, beaten == 1))
        for k, items in fed.items():
            by_root: dict[int, list[tuple[list[int], bool]]] = {}
            for o, alone in items:
                chain = [o, *_ancestors(other, o)]
                by_root.setdefault(chain[-1], []).append((chain, alone))
            for group in by_root.values():
                for top, members in _lists(group, busy_other):
                    chains = [chain for chain, _ in members]
                    lead = {p for chain in chains for p in chain[1 : chain.index(top) + 1]}
                    lead |= {chain[0] for chain, alone in members if alone}
                    out |= {(p, k) if flip else (k, p) for p in lead if p not in busy_other}
    return out
