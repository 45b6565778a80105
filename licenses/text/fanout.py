"""Pure secondary links of the alignment: where else a clause's words came from or went. No Django imports.

The alignment pairs clauses one to one (plus two-clause splits and merges). A rewrite often
does more: one old clause feeds several new ones (a definition split into a term and its
items, a grant split into copyright and patent halves), or a sentence of an old clause
moves into a new clause that already has its own counterpart. Those links are shown beside
the pairs, as "also drawn from" / "its words also went into" notes; they never change
which clauses pair. Three general signs, none tied to any license's wording:

- **containment**: most of a clause's content words appear, in order, in one clause of the
  other side, clearly more than in any other clause there (:func:`contained`);
- **place**: after the pairs are made, a clause left alone between two aligned neighbours,
  facing one clause left alone between their counterparts, is what the rewrite did with
  that place; the two link when they share a fair part of their words (:func:`in_gaps`);
- **structure**: a link already made says where a clause's relatives went. An item left
  alone under a paired parent (:func:`under_parent`), a lead-in whose item is linked
  (:func:`over_item`), a lead-in whose linked items all went under one clause
  (:func:`by_items`), an item whose sibling is linked (:func:`among_siblings`) and a clause
  whose parallel twin is linked with its own best match (:func:`twins`) follow their
  relative when enough of their words agree, and more there than anywhere else;
- **title**: the two texts' opening clauses (their preambles) link when their first lines, the
  license's title, agree once version numbers are set aside (:func:`titles`): "ModelGo
  Attribution License Version 1.0, Apr 2024" and "... Version 2.0, Dec 2025" name one license
  even when the rest of the preamble went elsewhere.

Each sign has a guard against the obvious false friend: a contained clause must be
the clear best match (:data:`CONTAIN_MARGIN`), its shared words must form one passage of the
other clause rather than common words scattered through a long one (:func:`passage`), a
line repeated on its own side (boilerplate closing several lists) or a clause of fewer than
:data:`CONTAIN_WORDS` content words is never traced, and two clauses that both have
counterparts of their own are parallel wording, not a move.

Cost: numpy over the content-word LCS matrix the first pass already computed, plus a
Python loop over the clauses of each gap (the gaps partition the texts, so it is linear).
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from rapidfuzz.distance import Indel

from licenses.text.matching import Side, lcs, threshold
from licenses.text.rescue import _bounds

CONTAIN_MIN = 0.6  # share of a clause's content words found, in order, in one clause of the other side
CONTAIN_WORDS = 6  # clauses with fewer content words are never traced by containment alone
CONTAIN_MARGIN = 0.2  # the best clause must beat the second best by this share
SPAN = 2.0  # the shared words must lie within this many times the contained clause's length
GAP_MIN = 0.3  # share of either lone leftover's words found, in order, in the other
GAP_WORDS = 4  # leftovers with fewer content words are never traced by place
GAP_ROOM = 1  # a stretch with more leftovers than this on either side is a rewrite too loose to read


def _best(share: np.ndarray) -> int | None:
    """The index holding clearly the largest share, or None."""
    if not len(share):
        return None
    top = int(np.argmax(share))
    second = float(np.partition(share, -2)[-2]) if len(share) > 1 else 0.0
    if share[top] >= CONTAIN_MIN and share[top] - second >= CONTAIN_MARGIN:
        return top
    return None


def passage(part: list[str], whole: list[str]) -> bool:
    """Whether the words ``part`` shares with ``whole`` form one passage of ``whole``.

    The shared words, in order, must lie within :data:`SPAN` times the length of ``part``: a
    sentence carried over, not the same common words scattered through a long clause. One
    alignment of the words is read first; as it takes each word at its first chance, a common
    word ("file", "change") met early in a long clause can stretch it over the whole clause while
    the rest sit together further on, so the windows of ``whole`` are read next (:func:`_window`).
    """
    blocks = [b for b in Indel.editops(part, whole).as_matching_blocks() if b.size]
    if not blocks:
        return False
    span = blocks[-1].b + blocks[-1].size - blocks[0].b
    return span <= SPAN * len(part) or _window(part, whole)


def _window(part: list[str], whole: list[str]) -> bool:
    """Whether a stretch of ``whole`` :data:`SPAN` times as long as ``part`` holds :data:`CONTAIN_MIN` of it.

    The stretches start every half ``part``, so a passage of ``SPAN`` times its length is met
    whole by one of them; their number grows with ``whole`` over ``part``, each an LCS at C speed.
    """
    n = len(part)
    width = int(SPAN * n)
    need = CONTAIN_MIN * n
    if not n or len(whole) <= width:
        return False  # the alignment above already spans at most the whole clause
    step = max(1, n // 2)
    return any(lcs(part, whole[s : s + width]) >= need for s in range(0, len(whole) - width + step, step))


def _unique(side: Side) -> np.ndarray:
    """unique[k]: no other clause of the side has the same folded text."""
    count = Counter(side.key)
    return np.array([count[k] == 1 for k in side.key], dtype=bool)


def contained(
    sa: Side, sb: Side, com: np.ndarray, paired_a: set[int] = frozenset(), paired_b: set[int] = frozenset()
) -> set[tuple[int, int]]:
    """(a i, b j) where most of one clause's words sit, in order, in the other (clear best).

    Two clauses that each have a counterpart of their own (``paired_a``, ``paired_b``) are
    not linked: parallel wording ("the Initial Developer grants ..." beside "each Contributor
    grants ...") makes them look alike without any words having moved between them.
    """
    la = np.array([len(w) for w in sa.words], dtype=np.float64)
    lb = np.array([len(w) for w in sb.words], dtype=np.float64)
    out: set[tuple[int, int]] = set()
    if not len(la) or not len(lb):
        return out
    # a line repeated on its side ("make other arrangements with the holder" closing two
    # lists) is boilerplate, not a passage that went somewhere
    ok_a = _unique(sa) & (la >= CONTAIN_WORDS)
    ok_b = _unique(sb) & (lb >= CONTAIN_WORDS)
    for j in np.nonzero(ok_b)[0].tolist():
        i = _best(com[:, j] / lb[j])
        if i is not None and not (i in paired_a and j in paired_b) and passage(sb.words[j], sa.words[i]):
            out.add((i, j))
    for i in np.nonzero(ok_a)[0].tolist():
        j = _best(com[i, :] / la[i])
        if j is not None and not (i in paired_a and j in paired_b) and passage(sa.words[i], sb.words[j]):
            out.add((i, j))
    return out


def in_gaps(sa: Side, sb: Side, com: np.ndarray, pairs: dict[int, int], linked: set[tuple[int, int]]):
    """(a i, b j) for the lone leftovers between the same two aligned neighbours, when they share words.

    ``pairs`` is the one-to-one alignment {a i: b j} (a split or merge counts by its first
    clause); ``linked`` the links already shown. A clause counts as left over when it is in
    no link at all and has at least :data:`GAP_WORDS` content words. Where a stretch between
    aligned neighbours holds one leftover on each side (:data:`GAP_ROOM`), the two are what
    the rewrite did with that place: they link when either holds at least :data:`GAP_MIN` of
    its words in the other, in order.
    """
    busy_a = {i for i, _ in linked} | set(pairs)
    busy_b = {j for _, j in linked} | set(pairs.values())
    low, high = _bounds(len(sa), {i: (j, 0.0) for i, j in pairs.items()}, len(sb))
    stretch: dict[tuple[int, int], list[int]] = {}
    for i in range(len(sa)):
        if i not in busy_a and len(sa.words[i]) >= GAP_WORDS:
            stretch.setdefault((low[i], high[i]), []).append(i)
    out: set[tuple[int, int]] = set()
    for (lo, hi), free_a in stretch.items():
        if len(free_a) > GAP_ROOM:
            continue
        free_b = []
        for j in range(lo + 1, hi):
            if j not in busy_b and len(sb.words[j]) >= GAP_WORDS:
                free_b.append(j)
                if len(free_b) > GAP_ROOM:
                    break
        if not free_b or len(free_b) > GAP_ROOM:
            continue
        block = com[np.ix_(free_a, free_b)].astype(np.float64)
        la = np.array([len(sa.words[i]) for i in free_a], dtype=np.float64)
        lb = np.array([len(sb.words[j]) for j in free_b], dtype=np.float64)
        # each other's best in the stretch, on the share of either clause's words
        share_b = block / lb[None, :]
        share_a = block / la[:, None]
        best_a, best_b = share_b.argmax(axis=0), share_a.argmax(axis=1)
        for y, j in enumerate(free_b):
            x = int(best_a[y])
            if int(best_b[x]) == y and max(share_a[x, y], share_b[x, y]) >= GAP_MIN:
                out.add((free_a[x], j))
    return out


def under_parent(sa: Side, sb: Side, com: np.ndarray, pairs: dict[int, int], linked: set[tuple[int, int]]):
    """(a i, b j) for an item in no link whose parent is paired, traced to the parent's partner.

    A rewrite often turns one clause into a lead-in with items (or folds items back into
    their parent): an item left alone under a paired parent that holds at least
    :data:`GAP_MIN` of its words as one passage of the parent's partner, and not a larger
    share as a passage of any other clause, came from (or went into) that partner.
    """
    busy_a = {i for i, _ in linked} | set(pairs)
    busy_b = {j for _, j in linked} | set(pairs.values())
    back = {j: i for i, j in pairs.items()}
    out: set[tuple[int, int]] = set()
    for this, other, partner, busy, flip in ((sb, sa, back, busy_b, True), (sa, sb, pairs, busy_a, False)):
        for k, seg in enumerate(this.segs):
            n = len(this.words[k])
            if k in busy or n < GAP_WORDS or seg.parent is None or seg.parent not in partner:
                continue
            p = partner[seg.parent]
            row = com[:, k] if flip else com[k, :]
            if row[p] / n < GAP_MIN or not passage(this.words[k], other.words[p]):
                continue
            rivals = [q for q in np.nonzero(row >= row[p])[0].tolist() if q != p]
            if not any(passage(this.words[k], other.words[q]) for q in rivals):
                out.add((p, k) if flip else (k, p))
    return out


TWIN_MIN = 0.45  # content-word similarity of two clauses of one side that are parallel wording


def _parallel(side: Side, x: int, y: int) -> bool:
    """Whether clauses ``x`` and ``y`` of one side stand in parallel places: the same depth and
    document part, and the same parent or the same number ("2.1(b)" and "2.2(b)")."""
    sx, sy = side.segs[x], side.segs[y]
    if sx.depth != sy.depth or sx.path.rpartition("/")[0] != sy.path.rpartition("/")[0]:
        return False
    return sx.parent == sy.parent or side.label[x] == side.label[y]


def _twin(side: Side, x: int, y: int) -> bool:
    """``x`` and ``y`` are parallel clauses that read alike (:data:`TWIN_MIN`)."""
    wx, wy = side.words[x], side.words[y]
    if not wx or not wy or not _parallel(side, x, y):
        return False
    return 2 * lcs(wx, wy) / (len(wx) + len(wy)) >= TWIN_MIN


def twins(sa: Side, sb: Side, com: np.ndarray, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a clause in no link whose best match is linked with its parallel twin.

    Two parallel clauses of one version ("the Initial Developer grants ..." and "each
    Contributor grants ...", items (i) and (ii) of one list) are often merged into one clause
    of the other; the alignment pairs that clause with one twin and leaves the other alone,
    though its words clear the pairing threshold (:func:`licenses.text.matching.threshold`)
    there too. A clause in no link whose best match clears that threshold, and is linked with
    a clause of its own side that stands in a parallel place and reads like it
    (:data:`TWIN_MIN`), went into the same clause. Without a twin, a best match already linked
    elsewhere is only a look-alike.
    """
    out: set[tuple[int, int]] = set()
    if not len(sa) or not len(sb):
        return out
    of_a: dict[int, set[int]] = {}
    of_b: dict[int, set[int]] = {}
    for i, j in linked:
        of_a.setdefault(i, set()).add(j)
        of_b.setdefault(j, set()).add(i)
    for this, other, k_of, other_of, flip in ((sa, sb, of_a, of_b, False), (sb, sa, of_b, of_a, True)):
        alone = [k for k in range(len(this)) if k not in k_of and this.words[k]]
        if not alone:
            continue
        # similarity of each clause left alone with every clause of the other side
        shared = (com[:, alone].T if flip else com[alone]).astype(np.float64)
        lk = np.array([len(this.words[k]) for k in alone], dtype=np.float64)[:, None]
        lo = np.array([len(w) for w in other.words], dtype=np.float64)[None, :]
        best = (shared / np.maximum(lk + lo, 1)).argmax(axis=1).tolist()
        for x, (k, o) in enumerate(zip(alone, best, strict=True)):
            if o not in other_of or not other.words[o]:
                continue
            n, m = len(this.words[k]), len(other.words[o])
            if 2 * shared[x, o] / (n + m) < threshold(min(n, m)):
                continue
            if any(_twin(this, k, t) for t in sorted(other_of[o])):
                out.add((o, k) if flip else (k, o))
    return out


def _family(
    this: Side, linked: set[tuple[int, int]], flip: bool
) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
    """The links and the lists of one side: ``partners`` {k: clauses of the other side linked
    with k} (its keys are the clauses in some link) and ``children`` {k: k's items, in order}.

    ``flip`` says ``this`` is side b, so that a link (a i, b j) counts for j.
    """
    partners: dict[int, set[int]] = {}
    for i, j in linked:
        k, o = (j, i) if flip else (i, j)
        partners.setdefault(k, set()).add(o)
    children: dict[int, list[int]] = {}
    for k, seg in enumerate(this.segs):
        if seg.parent is not None:
            children.setdefault(seg.parent, []).append(k)
    return partners, children


def over_item(sa: Side, sb: Side, com: np.ndarray, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a lead-in in no link whose item is linked, traced to the item's partner.

    The converse of :func:`under_parent`: a clause that became an item of a new list often
    lends words to the list's lead-in too ("You may convey ... provided that you also meet
    all of these conditions" gives both the lead-in and its first item). A clause in no link
    with at least :data:`GAP_WORDS` content words, one of whose children is linked with a
    clause of the other side, links with that clause when it holds at least :data:`GAP_MIN`
    of its words there, and a smaller share in every other clause. The linked child is the
    sign of place, so the words need not form one passage: a short lead-in ("If You
    distribute the Software in compiled form, then:") takes its words from all over the
    long clause its items came from. When that clause is also an ancestor of another item's
    partner (an old lead-in that went to one item while its own item went to a sibling: the
    old list is the new one), the smaller share elsewhere is not needed (:func:`_over`).
    """
    out: set[tuple[int, int]] = set()
    for this, other, flip in ((sb, sa, True), (sa, sb, False)):
        partners, children = _family(this, linked, flip)
        for k in range(len(this)):
            n = len(this.words[k])
            if k in partners or n < GAP_WORDS or k not in children:
                continue
            row = com[:, k] if flip else com[k, :]
            went = {o for c in children[k] for o in partners.get(c, ())}
            for o in sorted(went):
                if row[o] / n < GAP_MIN:
                    continue
                if int((row >= row[o]).sum()) == 1 or _over(other, o, went - {o}):
                    out.add((o, k) if flip else (k, o))
    return out


def _over(side: Side, o: int, others: set[int]) -> bool:
    """Whether clause ``o`` is an ancestor of one of ``others`` (all of one side)."""
    for x in others:
        p = side.segs[x].parent
        while p is not None:
            if p == o:
                return True
            p = side.segs[p].parent
    return False


def by_items(sa: Side, sb: Side, com: np.ndarray, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for a lead-in in no link whose linked items all went under one clause: that clause.

    :func:`licenses.text.rescue.headings` places a bare heading by where its children went; a
    lead-in with words of its own ("The Package may be distributed in modified form provided
    that you do one of the following:") is placed the same way when its words agree: every
    linked child of a clause in no link (at least :data:`GAP_WORDS` content words) is linked
    with a child of one clause of the other side, and the lead-in holds at least
    :data:`GAP_MIN` of its words in that clause and a smaller share in every other clause.
    A lead-in too short to be told by its words (fewer than :data:`GAP_WORDS`: "its license
    agreement:") is placed by its items alone when at least :data:`SHORT_ITEMS` of them went, one
    to one and each to its own item, into the list of one clause that holds all its words
    (:func:`_list_kept`); the other items may have gone elsewhere.
    """
    out: set[tuple[int, int]] = set()
    for this, other, flip in ((sb, sa, True), (sa, sb, False)):
        partners, children = _family(this, linked, flip)
        for k in range(len(this)):
            n = len(this.words[k])
            if k in partners or not n or k not in children:
                continue
            row = com[:, k] if flip else com[k, :]
            if n < GAP_WORDS:
                p = _list_kept(children[k], partners, other)
                # a lead-in too short to be told by its words ("its license:") is told by its
                # items: two or more went, one to one, each to its own item of one list
                if p is not None and row[p] == n:
                    out.add((p, k) if flip else (k, p))
                continue
            went = {o for c in children[k] for o in partners.get(c, ())}
            parents = {other.segs[o].parent for o in went}
            if len(parents) != 1 or None in parents:
                continue
            p = parents.pop()
            if row[p] / n >= GAP_MIN and int((row >= row[p]).sum()) == 1:
                out.add((p, k) if flip else (k, p))
    return out


SHORT_ITEMS = 2  # items of a short lead-in that must each go to their own item of one list


def _list_kept(items: list[int], partners: dict[int, set[int]], other: Side) -> int | None:
    """The clause of the other side whose own items took at least :data:`SHORT_ITEMS` of
    ``items``, each linked with that one item only and no two with the same, more than any
    other clause's items did; None if there is none."""
    one = [next(iter(partners[c])) for c in items if len(partners.get(c, ())) == 1]
    if len(set(one)) != len(one):
        return None
    counts = Counter(other.segs[o].parent for o in one if other.segs[o].parent is not None).most_common(2)
    if not counts or counts[0][1] < SHORT_ITEMS or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def among_siblings(sa: Side, sb: Side, com: np.ndarray, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """(a i, b j) for an item in no link whose sibling is linked with a clause that holds most of it.

    :func:`contained` wants the clear best container (:data:`CONTAIN_MARGIN`), since most of a
    clause's words turning up somewhere can be chance. When a sibling of the clause (an item
    of the same list) is linked with that container, the list is where the container's words
    went, and the margin is not needed: an item in no link with at least
    :data:`CONTAIN_WORDS` content words links with the partner of one of its siblings that
    holds at least :data:`CONTAIN_MIN` of its words, more than any other clause does.
    """
    out: set[tuple[int, int]] = set()
    for this, flip in ((sb, True), (sa, False)):
        partners, children = _family(this, linked, flip)
        for k, seg in enumerate(this.segs):
            n = len(this.words[k])
            if k in partners or n < CONTAIN_WORDS or seg.parent is None:
                continue
            row = com[:, k] if flip else com[k, :]
            for o in sorted({o for c in children[seg.parent] if c != k for o in partners.get(c, ())}):
                if row[o] / n >= CONTAIN_MIN and int((row >= row[o]).sum()) == 1:
                    out.add((o, k) if flip else (k, o))
    return out


TITLE_MIN = 0.6  # word similarity of the two titles, versions, dates and addresses set aside
_TITLE_WORD = re.compile(r"[^\W\d_]+")
_ADDRESS = re.compile(r"\S+://\S+|\S+@\S+")
# What changes from one version's title to the next: the word "version" and the date.
_NOT_TITLE = frozenset(
    ["version", "ver", "v", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"]
)


def _title(text: str) -> list[str]:
    """The words of a text's first line, without numbers, "version", month names and addresses."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    return [w for w in _TITLE_WORD.findall(_ADDRESS.sub(" ", line).lower()) if w not in _NOT_TITLE]


def titles(sa: Side, sb: Side, linked: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """{(0, 0)} when both texts open with a preamble whose first lines name the same license.

    A title carries a version number and a date that change with every version, and a new
    version often opens with other matter after it (an acceptance clause where there was none),
    so the two preambles may pair with nothing, or with other clauses. Their titles still agree
    word for word once numbers are set aside; two words at least, so that a lone "License" or
    "Preamble" line names nothing.
    """
    if not len(sa) or not len(sb) or (0, 0) in linked:
        return set()
    if sa.segs[0].path != "preamble" or sb.segs[0].path != "preamble":
        return set()
    ta, tb = _title(sa.segs[0].text), _title(sb.segs[0].text)
    if min(len(ta), len(tb)) >= 2 and Indel.normalized_similarity(ta, tb) >= TITLE_MIN:
        return {(0, 0)}
    return set()
