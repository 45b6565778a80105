"""Pure clause alignment of two license versions, with word-level redlines. No Django imports.

:func:`compare` takes two segment lists (from :func:`licenses.text.segmentation.segment`)
and returns :class:`Pair` objects in reading order of the new text ``b``, with
removed clauses of ``a`` placed after their nearest surviving neighbour.

Alignment, in order:

0. links made by hand (``links``) pair first; pairs unlinked by hand (``unlinks``) never pair;
1. exact matches on the *folded* clause text (heading + text; labels ignored; quotes,
   dashes, spacing and case folded away, see :func:`licenses.text.matching.fold`). A pair
   equal only once folded is "unchanged" with ``typography`` set;
2. a word-level similarity matrix (rapidfuzz Indel on content words) on the rest,
   solved by optimal assignment; labels, headings and position only break ties,
   and a pair must clear a threshold that is stricter for short clauses;
3. the second pass (:mod:`licenses.text.rescue`): pairs against the order of their
   neighbours need evidence, and the clauses still alone pair on shared rare phrases,
   defined terms, headings, or their place between the same aligned neighbours; a heading
   clause with no words to score ("3. Responsibilities") is placed by where its children went;
4. splits and merges: one clause whose text is much better matched by itself
   plus an adjacent unmatched clause on the other side;
   A pair against the order of another pair whose shared words, once the phrases each side
   repeats in other clauses are set aside, no longer clear the threshold is undone
   (:mod:`licenses.text.boilerplate`: a stock lead-in is no sign that a clause moved);
5. moves: matched pairs outside the longest run of pairs still in their
   original order; a definition paired with one of a list at the same address is never a
   move (a glossary sorted anew moved nothing);
6. secondary links (:mod:`licenses.text.fanout`), beside the pairs: a clause whose words
   sit, as one passage, mostly in a clause of the other side that went elsewhere (one old
   clause feeding several new ones), the lone leftovers between the same aligned
   neighbours, a clause left alone whose parallel twin went where its own words fit, a
   lead-in whose item is linked, a lead-in whose items all went under one clause, and an
   item mostly held by the clause its sibling is linked with, and, last, two clauses in no link
   between the same aligned neighbours that mean alike in other words (word vectors trained
   offline on license texts, :mod:`licenses.text.meaning`), and the two opening clauses when their
   first lines name the same license (:func:`licenses.text.fanout.titles`), items in no link
   that are the clear best of each other inside two linked sections (:mod:`licenses.text.scoped`),
   and clauses in no link that are the only ones of their sides to deal with one legal topic
   ("trademarks", "entire agreement", ...; :mod:`licenses.text.topics`), and a clause in no link with
   the lead-ins above the items of a new list it fed (:mod:`licenses.text.lead_ins`), and a paired
   clause with the clause that holds the words its pair left over (:mod:`licenses.text.residue`),
   and the one clause of each side that defines a term (:mod:`licenses.text.terms`), the one clause
   of each side under the same heading, one of them in no link (:mod:`licenses.text.same_headings`),
   two section headings in no link whose sections' clauses are mostly linked with each other
   (:mod:`licenses.text.section_headings`),
   and a clause in no link with the clause it shares at least three rare phrases with, more than with
   any other (:mod:`licenses.text.shared_phrases`), and a linked clause of several legal matters with
   the one clause in no link of the other side that deals with one of them
   (:mod:`licenses.text.other_matters`), and a clause linked with items of the clause its parallel
   twin went into, with that clause (:mod:`licenses.text.twin_sections`), and two clauses in no link
   that define one term, its name longer by words at its end on one side ("Source Code", "Source
   Code Form"; :mod:`licenses.text.term_forms`), and a clause in no link with the clause its rare
   phrases (two, strictly the most) and its words (its best match, above the threshold) both point
   to (:mod:`licenses.text.phrases_and_words`), and a linked clause with the clause of the other side
   that one of its sentences, held by none of its partners, clearly went to
   (:mod:`licenses.text.moved_sentences`).
   They are ``Pair.more_from`` /
   ``Pair.more_into`` and never change a pairing.

Cost is bounded for texts up to the upload limit and beyond: see
:mod:`licenses.text.matching` (dense or sparse candidates) and
:mod:`licenses.text.redline` (a coarse redline when a word-level one would be too costly).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz.distance import Indel

from licenses.text.boilerplate import drop_boilerplate_moves
from licenses.text.fanout import (
    among_siblings,
    by_items,
    contained,
    in_gaps,
    over_item,
    titles,
    twins,
    under_parent,
)
from licenses.text.lead_ins import above_fed_items
from licenses.text.matching import (
    Side,
    assign,
    assign_sparse,
    clause_text,
    common,
    exact,
    fold,
    increasing,
    label_key,
    lcs,
    similarity,
    threshold,
    tie,
)
from licenses.text.meaning import by_meaning
from licenses.text.moved_sentences import sentence_links
from licenses.text.other_matters import matter_links
from licenses.text.phrases_and_words import agreeing_links
from licenses.text.redline import (
    Budget,
    Piece,
    joined,
    normalise,
    rebuild,
    redline,
    redline_tokens,
    split,
    words,
)
from licenses.text.rescue import MAX_WORDS, Evidence, derived, drop_weak_moves, headings, mutual, rescue
from licenses.text.residue import leftovers
from licenses.text.same_headings import heading_links
from licenses.text.scoped import scoped_links
from licenses.text.section_headings import section_links
from licenses.text.segmentation import Segment
from licenses.text.shared_phrases import phrase_links
from licenses.text.term_forms import term_form_links
from licenses.text.terms import term_links
from licenses.text.topics import topic_links
from licenses.text.twin_sections import twin_sections

__all__ = [
    "ALGORITHM_VERSION",
    "KINDS",
    "Pair",
    "Pairs",
    "clause_text",
    "compare",
    "fold",
    "label_key",
    "normalise",
    "rebuild",
    "redline",
    "summary",
]

# Bump whenever the output of compare() or redline() can change (cache keys use it).
ALGORITHM_VERSION = "comparison-15"

KINDS = ("unchanged", "changed", "moved", "added", "removed", "split", "merged")

# A split or merge must beat the plain one-to-one match by this much similarity.
SPLIT_GAIN = 0.1
# Above this many token pairs, a pair's reported similarity is read off its redline.
EXACT_SIMILARITY_CELLS = 10_000_000
# Clauses with more content words than this are never part of a split or merge.
GROUP_WORDS = 5_000


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of a comparison.

    - ``unchanged`` / ``changed`` / ``moved``: ``a`` and ``b`` are set.
    - ``added``: only ``b``; ``removed``: only ``a``.
    - ``split``: ``a`` became ``b`` followed by ``b2`` (in ``b``'s order).
    - ``merged``: ``a`` followed by ``a2`` became ``b``.

    ``a_text`` and ``b_text`` are the normalised texts the redline runs over
    (:func:`clause_text` of each side; the two segments of a split or merge
    joined with a paragraph break). ``redline`` rebuilds them exactly: equal +
    delete pieces give ``a_text``, equal + insert pieces give ``b_text``.
    ``similarity`` is the share of word and punctuation tokens the two sides
    keep (Indel, case-sensitive): 1.0 for unchanged, 0.0 for added/removed.
    ``moved`` is a matched pair outside the longest in-order run, whatever its
    similarity; a moved pair with similarity below 1 was also edited.
    ``renumbered`` is true for a one-to-one pair whose label number changed
    (``12.`` -> ``13.``); a change of style only (``(a)`` -> ``a.``) is not a
    renumbering (see :func:`label_key`), and neither makes a clause "changed".
    ``typography`` marks an ``unchanged`` pair whose texts differ only in quotes, dashes,
    spacing or letter case (its redline shows those marks). ``manual`` marks a pair
    linked by hand. ``coarse`` marks a redline that was too costly word by word and
    marks some changes by sentence or chunk instead.
    """

    kind: str
    a: Segment | None
    b: Segment | None
    similarity: float
    redline: list[Piece] = field(repr=False)
    renumbered: bool = False
    a2: Segment | None = None
    b2: Segment | None = None
    a_text: str = field(default="", repr=False)
    b_text: str = field(default="", repr=False)
    typography: bool = False
    manual: bool = False
    coarse: bool = False
    # For an added clause, the old clause its words were drawn from; for a removed one, the
    # new clause its words went into (see licenses.text.rescue.derived). Not a pairing.
    also: Segment | None = None
    # Secondary links (licenses.text.fanout), beside the pairing: old clauses, other than
    # ``a``/``a2``/``also``, that the new clause(s) of this row also draw words from, and
    # new clauses, other than ``b``/``b2``/``also``, that the old clause(s) also went into.
    more_from: tuple[Segment, ...] = ()
    more_into: tuple[Segment, ...] = ()
    # The paths, among ``more_from`` (old side) and ``more_into`` (new side), linked by meaning
    # (licenses.text.meaning) rather than by shared words: shown as such.
    meaning_from: frozenset[str] = frozenset()
    meaning_into: frozenset[str] = frozenset()

    @property
    def a_segments(self) -> tuple[Segment, ...]:
        return tuple(s for s in (self.a, self.a2) if s is not None)

    @property
    def b_segments(self) -> tuple[Segment, ...]:
        return tuple(s for s in (self.b, self.b2) if s is not None)


class Pairs(list):
    """The rows of a comparison (a list of :class:`Pair`), and how thoroughly they were aligned.

    ``quick`` is true when the texts were too large for the full alignment (thousands of
    clauses, or more than :data:`licenses.text.rescue.MAX_WORDS` content words): clauses were
    paired on their words only, without the second pass (headings, defined terms, rare
    phrases, order) and, for thousands of clauses, without splits and merges. Pages say so.
    """

    quick: bool = False


def _groups(
    sa: Side, sb: Side, com: np.ndarray, match: dict[int, tuple[int, float]], fixed: set[int], forbid
):
    """Split candidates: a[i] -> b[j] + b[k] with b[j], b[k] adjacent.

    A candidate must reach the pairing threshold, beat the one-to-one match,
    and each half must find at least half of its words in a[i] beyond what
    the other half already took. Without that last check, adding any text to
    the shorter side raises the score. Yields (gain, i, j, k, similarity);
    callers swap the sides to find merges.
    """
    matched_b = {j: i for i, (j, _) in match.items()}
    lb = np.array([len(w) for w in sb.words])
    # cheap necessary condition: each half alone shares at least half its words with a[i]
    half = (2 * com >= lb[None, :]) & (lb[None, :] > 0)
    for i in range(len(sa.segs)):
        if i in fixed or not sa.words[i] or len(sa.words[i]) > GROUP_WORDS:
            continue
        j0, s0 = match.get(i, (None, 0.0))
        # a matched clause can only grow by a neighbour of its match
        starts = np.nonzero(half[i, :-1] & half[i, 1:])[0].tolist() if j0 is None else (j0 - 1, j0)
        for j in starts:
            k = j + 1
            if j < 0 or k >= len(sb.segs) or any(x != j0 and x in matched_b for x in (j, k)):
                continue
            if (i, j) in forbid or (i, k) in forbid:
                continue
            x, cj, ck = sa.words[i], sb.words[j], sb.words[k]
            if not (half[i, j] and half[i, k]) or len(cj) + len(ck) > GROUP_WORDS:
                continue
            both = lcs(x, cj + ck)
            if both - com[i, j] < len(ck) / 2 or both - com[i, k] < len(cj) / 2:
                continue
            s = 2 * both / (len(x) + len(cj) + len(ck))
            if s >= threshold(min(len(x), len(cj) + len(ck))) and s >= s0 + SPLIT_GAIN / 2:
                yield s - s0, i, j, k, s


def _group_texts(sa: Side, sb: Side, cand: tuple) -> tuple[str, str]:
    _, kind, one, j, k, _ = cand
    if kind == "split":
        return sa.text[one], sb.text[j] + sb.text[k]
    return sa.text[j] + sa.text[k], sb.text[one]


def compare(
    a: Sequence[Segment],
    b: Sequence[Segment],
    *,
    links: Iterable[tuple[str, str]] = (),
    unlinks: Iterable[tuple[str, str]] = (),
) -> Pairs:
    """Align the clauses of ``a`` (old) with those of ``b`` (new); see the module docstring.

    ``links`` are (a anchor, b anchor) pairs a person linked by hand: they always pair
    (one to one; anchors that no longer exist are ignored). ``unlinks`` are pairs a person
    unlinked: they never pair. Every segment of ``a`` and of ``b`` appears in exactly one pair.
    """
    sa, sb = Side(a), Side(b)
    forced: dict[int, int] = {}
    for x, y in links:
        i, j = sa.anchor_index.get(x), sb.anchor_index.get(y)
        if i is not None and j is not None and i not in forced and j not in forced.values():
            forced[i] = j
    forbid = frozenset(
        (sa.anchor_index[x], sb.anchor_index[y])
        for x, y in unlinks
        if x in sa.anchor_index and y in sb.anchor_index
    )
    same = exact(sa, sb, forbid, taken_a=forced, taken_b=set(forced.values()))
    fixed = {**forced, **same}
    rest_a = [i for i in range(len(sa)) if i not in fixed]
    used_b = set(fixed.values())
    rest_b = [j for j in range(len(sb)) if j not in used_b]
    com = common(sa, sb)
    if com is None:  # thousands of clauses: sparse candidates, no second pass, no splits
        first = assign_sparse(sa, sb, rest_a, rest_b, forbid)
    else:
        first = assign(sa, sb, com, rest_a, rest_b, forbid)
    match = {i: (j, 1.0) for i, j in fixed.items()} | first
    from_a: dict[int, int] = {}
    into_b: dict[int, int] = {}
    # the second pass reads phrases and structure: for texts of licence size, with a choice to make
    second = (
        com is not None
        and (len(sa) > 1 or len(sb) > 1)
        and sum(map(len, sa.words)) + sum(map(len, sb.words)) <= MAX_WORDS
    )
    if second:
        ev = Evidence(sa, sb)
        match = drop_weak_moves(sa, sb, match, ev, set(fixed))
        match = drop_boilerplate_moves(sa, sb, match, ev, set(fixed))
        match |= rescue(sa, sb, com, match, ev, forbid)
        match = drop_weak_moves(sa, sb, match, ev, set(fixed))
        new_pairs, heading_from, heading_into = headings(sa, sb, match, forbid)
        match |= {i: (j, similarity(sa, sb, com, i, j)) for i, j in new_pairs.items()}

    groups: dict[tuple[int, ...], tuple[str, tuple[int, ...], tuple[int, ...], float]] = {}
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    if com is not None:
        # Splits and merges: best gain first; a split of (a, b) is a merge of (b, a).
        back = {j: (i, s) for i, (j, s) in match.items()}
        flip = frozenset((j, i) for i, j in forbid)
        cands = [
            (g, "split", i, j, k, s) for g, i, j, k, s in _groups(sa, sb, com, match, set(fixed), forbid)
        ]
        cands += [
            (g, "merged", i, j, k, s)
            for g, i, j, k, s in _groups(sb, sa, com.T, back, set(fixed.values()), flip)
        ]
        cands.sort(key=lambda c: (-c[0], tie(*_group_texts(sa, sb, c))))
        for _, kind, one, j, k, s in cands:
            ai, bi = ((one,), (j, k)) if kind == "split" else ((j, k), (one,))
            if taken_a & set(ai) or taken_b & set(bi):
                continue
            # the one-to-one matches the group replaces must stay inside it
            if any(x in match and match[x][0] not in bi for x in ai) or any(
                y in back and back[y][0] not in ai for y in bi
            ):
                continue
            taken_a.update(ai)
            taken_b.update(bi)
            groups[ai] = (kind, ai, bi, s)
    for i, (j, s) in match.items():
        if i not in taken_a:
            groups[(i,)] = ("pair", (i,), (j,), s)
    if second:
        paired = {i: (bi[0], 0.0) for ai, (_, _, bi, _) in groups.items() for i in ai}
        paired_b = {j for _, _, bi, _ in groups.values() for j in bi}
        from_a, into_b = derived(sa, sb, com, paired)
        from_a = {j: i for j, i in from_a.items() if j not in paired_b and (i, j) not in forbid}
        into_b = {i: j for i, j in into_b.items() if (i, j) not in forbid}
        # leftovers that are each other's best match point at each other
        for i, j in mutual(sa, sb, com, paired).items():
            if (i, j) not in forbid and j not in paired_b:
                into_b.setdefault(i, j)
                from_a.setdefault(j, i)
        # a heading placed by its children says where it went when the words cannot
        from_a |= {j: i for j, i in heading_from.items() if j not in paired_b and j not in from_a}
        into_b |= {i: j for i, j in heading_into.items() if i not in paired and i not in into_b}

    more: set[tuple[int, int]] = set()
    meant: set[tuple[int, int]] = set()
    if second:
        shown = {(i, j) for _, ai, bi, _ in groups.values() for i in ai for j in bi}
        shown |= {(i, j) for j, i in from_a.items()} | {(i, j) for i, j in into_b.items()}
        pairs_1 = {ai[0]: bi[0] for _, ai, bi, _ in groups.values()}
        more = contained(sa, sb, com, {i for i, _ in shown}, {j for _, j in shown})
        more |= in_gaps(sa, sb, com, pairs_1, shown | more)
        more |= under_parent(sa, sb, com, pairs_1, shown | more)
        more |= twins(sa, sb, com, shown | more)
        more |= over_item(sa, sb, com, shown | more)
        more |= by_items(sa, sb, com, shown | more)
        more |= among_siblings(sa, sb, com, shown | more)
        meant = by_meaning(sa, sb, paired, shown | more)
        more |= meant
        more |= titles(sa, sb, shown | more)
        more |= scoped_links(sa, sb, shown | more)
        more |= topic_links(sa, sb, shown | more)
        more |= above_fed_items(sa, sb, com, shown | more)
        more |= leftovers(sa, sb, com, pairs_1, shown | more)
        more |= term_links(sa, sb, shown | more)
        more |= heading_links(sa, sb, shown | more)
        more |= section_links(sa, sb, shown | more)
        more |= phrase_links(sa, sb, ev, shown | more)
        more |= matter_links(sa, sb, shown | more)
        more |= twin_sections(sa, sb, shown | more)
        more |= term_form_links(sa, sb, shown | more)
        more |= agreeing_links(sa, sb, com, ev, shown | more)
        more |= sentence_links(sa, sb, com, shown | more)
        more -= shown | forbid
        meant &= more

    # Moves: groups outside the longest run still in the original order. A definition paired
    # with a definition of the same list never moved: a glossary's order carries no meaning.
    ordered = sorted(groups.values(), key=lambda g: g[2][0])
    glossary = {k for k, g in enumerate(ordered) if _same_glossary(sa, sb, g[1], g[2])}
    rest = [k for k in range(len(ordered)) if k not in glossary]
    in_order = {rest[x] for x in increasing([ordered[k][1][0] for k in rest])} | glossary
    out = Pairs(_assemble(sa, sb, ordered, in_order, same, forced, from_a, into_b, more, meant))
    out.quick = (len(sa) > 1 or len(sb) > 1) and not second
    return out


def _same_glossary(sa: Side, sb: Side, ai, bi) -> bool:
    """One definition paired with one definition of a list at the same address."""
    if len(ai) != 1 or len(bi) != 1:
        return False
    owner_a, _, leaf_a = sa.segs[ai[0]].path.rpartition(".")
    owner_b, _, leaf_b = sb.segs[bi[0]].path.rpartition(".")
    return leaf_a.startswith("def-") and leaf_b.startswith("def-") and owner_a == owner_b


def _assemble(
    sa: Side,
    sb: Side,
    ordered,
    in_order: set[int],
    same: dict[int, int],
    forced: dict[int, int],
    from_a: dict[int, int],
    into_b: dict[int, int],
    more: set[tuple[int, int]] = frozenset(),
    meant: set[tuple[int, int]] = frozenset(),
) -> list[Pair]:
    budget = Budget()
    more_from: dict[int, list[int]] = {}
    more_into: dict[int, list[int]] = {}
    for i, j in sorted(more):
        more_from.setdefault(j, []).append(i)
        more_into.setdefault(i, []).append(j)

    def extra_from(bi) -> tuple[Segment, ...]:
        return tuple(sa.segs[i] for i in sorted({i for j in bi for i in more_from.get(j, ())}))

    def extra_into(ai) -> tuple[Segment, ...]:
        return tuple(sb.segs[j] for j in sorted({j for i in ai for j in more_into.get(i, ())}))

    def meant_from(bi) -> frozenset[str]:
        return frozenset(sa.segs[i].path for i, j in meant if j in bi)

    def meant_into(ai) -> frozenset[str]:
        return frozenset(sb.segs[j].path for i, j in meant if i in ai)

    keyed: list[tuple[tuple[int, int, int], Pair]] = []
    anchor: dict[int, int] = {}  # a index -> last b index of its in-order group
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    for p, (kind, ai, bi, s) in enumerate(ordered):
        seen_a.update(ai)
        seen_b.update(bi)
        coarse = False
        if len(ai) == len(bi) == 1 and sa.text[ai[0]] == sb.text[bi[0]]:
            a_text = b_text = sa.text[ai[0]]
            pieces, s = _whole("equal", a_text), 1.0
        else:
            ta, tb = joined([split(sa.text[i]) for i in ai]), joined([split(sb.text[j]) for j in bi])
            pieces, coarse = redline_tokens(ta, tb, budget)
            a_text, b_text = rebuild(pieces, "a"), rebuild(pieces, "b")
            # Reported similarity: the share of word and punctuation tokens kept, case-sensitive;
            # for huge clauses, read off the redline (the exact LCS would cost their product).
            if len(ta[0]) * len(tb[0]) <= EXACT_SIMILARITY_CELLS:
                s = float(Indel.normalized_similarity(ta[0], tb[0]))
            else:
                s = _kept(pieces)
        typography = manual = False
        if kind == "pair":
            i, j = ai[0], bi[0]
            manual = forced.get(i) == j
            if sa.key[i] == sb.key[j]:
                kind, typography, s = "unchanged", sa.raw(i) != sb.raw(j), 1.0
            else:
                kind = "changed"
            if p not in in_order:
                kind = "moved"
        if p in in_order:
            anchor.update(dict.fromkeys(ai, bi[-1]))
        seg_a = [sa.segs[i] for i in ai]
        seg_b = [sb.segs[j] for j in bi]
        renumbered = len(ai) == len(bi) == 1 and sa.label[ai[0]] != sb.label[bi[0]]
        keyed.append(
            (
                (bi[0], 0, 0),
                Pair(
                    kind,
                    seg_a[0],
                    seg_b[0],
                    s,
                    pieces,
                    renumbered,
                    a2=seg_a[1] if len(seg_a) > 1 else None,
                    b2=seg_b[1] if len(seg_b) > 1 else None,
                    a_text=a_text,
                    b_text=b_text,
                    typography=typography,
                    manual=manual,
                    coarse=coarse,
                    more_from=extra_from(bi),
                    more_into=extra_into(ai),
                    meaning_from=meant_from(bi),
                    meaning_into=meant_into(ai),
                ),
            )
        )
    last = -1
    for i in range(len(sa.segs)):
        if i in anchor:
            last = anchor[i]
        if i in seen_a:
            continue
        text = sa.text[i]
        also = sb.segs[into_b[i]] if i in into_b else None
        keyed.append(
            (
                (last, 1, i),
                Pair(
                    "removed",
                    sa.segs[i],
                    None,
                    0.0,
                    _whole("delete", text),
                    a_text=text,
                    also=also,
                    more_into=extra_into((i,)),
                    meaning_into=meant_into((i,)),
                ),
            )
        )
    for j in range(len(sb.segs)):
        if j not in seen_b:
            text = sb.text[j]
            also = sa.segs[from_a[j]] if j in from_a else None
            keyed.append(
                (
                    (j, 0, 0),
                    Pair(
                        "added",
                        None,
                        sb.segs[j],
                        0.0,
                        _whole("insert", text),
                        b_text=text,
                        also=also,
                        more_from=extra_from((j,)),
                        meaning_from=meant_from((j,)),
                    ),
                )
            )
    keyed.sort(key=lambda kp: kp[0])
    return [p for _, p in keyed]


def _kept(pieces: list[Piece]) -> float:
    """The share of characters a redline keeps (cheap; for clauses too long for an exact LCS)."""
    kept = sum(len(t) for op, t in pieces if op == "equal")
    total = kept + sum(len(t) for _, t in pieces)
    return 2 * kept / total if total else 1.0


def _whole(op: str, text: str) -> list[Piece]:
    return [(op, text)] if text else []


def summary(pairs: Sequence[Pair]) -> dict:
    """Counts per kind, renumbered count, overall similarity (weighted by words), and whether
    the alignment was the quick one for texts too large for the full one (:class:`Pairs`)."""
    counts = dict.fromkeys(KINDS, 0)
    num = den = 0.0
    for p in pairs:
        counts[p.kind] += 1
        weight = len(words(p.a_text)) + len(words(p.b_text))
        num += p.similarity * weight
        den += weight
    return {
        "counts": counts,
        "renumbered": sum(p.renumbered for p in pairs),
        "similarity": round(num / den, 4) if den else 1.0,
        "quick": bool(getattr(pairs, "quick", False)),
    }
