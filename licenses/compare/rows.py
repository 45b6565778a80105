"""Compare rows: aligned pairs -> rows a template can show without further logic.

Takes the pairs from the pure :func:`licenses.text.comparison.compare` and shapes them: each pair
becomes a :class:`Row` with its redline rendered to escaped HTML, a "moved away" stub marks
where each moved clause used to be, rows link to the previous and next change, and
:func:`changes_only_rows` folds runs of unchanged rows into gaps. No queries and no cache:
:mod:`licenses.compare.selectors` loads the clauses and caches what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from licenses.text.comparison import Pair, clause_text, summary
from licenses.text.redline import TYPOGRAPHY
from licenses.text.reflow import reflow
from licenses.text.segmentation import Segment

CHANGE_KINDS = frozenset({"changed", "moved", "added", "removed", "split", "merged", "reworded"})


@dataclass(frozen=True)
class Side:
    """One clause as a compare row shows it."""

    label: str
    path: str
    anchor: str
    heading: str
    snippet: str = ""  # the opening words, to tell clauses apart in the hand-link choices
    meaning: bool = False  # a secondary link by meaning (licenses.text.meaning), not by shared words

    @property
    def name(self) -> str:
        return self.path or self.label or "¶"

    @property
    def dom_id(self) -> str:
        return f"c-{self.anchor}"


@dataclass
class Row:
    kind: str
    dom_id: str
    a: list[Side]
    b: list[Side]
    similarity: float
    renumbered: bool
    # Rendered redline HTML, escaped here: the old side, the new side, and both inline.
    a_html: SafeString
    b_html: SafeString
    inline_html: SafeString
    # For moves: the row where the clause now is (on the stub) or where it was (on the pair).
    moved_to: str = ""
    moved_from_after: str = ""
    stub_for: str = ""
    # a stub where a reworded clause stood (kind "moved-away"), and whether its row is above it
    stub_reworded: bool = False
    stub_up: bool = False
    next_change: str = ""
    prev_change: str = ""
    # unchanged but for quotes, dashes, spacing or letter case (the redline shows those)
    typography: bool = False
    # linked by hand (see licenses.compare.links)
    manual: bool = False
    # a clause too long to redline word by word: some changes are marked by sentence
    coarse: bool = False
    # added: the old clause its words were drawn from; removed: the new clause they went into
    also: Side | None = None
    # secondary links (licenses.text.fanout): other old clauses the new side also draws
    # words from, and other new clauses the old side's words also went into
    also_from: list[Side] = field(default_factory=list)
    also_into: list[Side] = field(default_factory=list)
    # reworded: the two clauses were linked by meaning (few words in common), not by wording
    by_meaning: bool = False

    @property
    def also_from_by_meaning(self) -> bool:
        """Every clause of ``also_from`` is linked by meaning: "reworded from", not "drawn from"."""
        return bool(self.also_from) and all(s.meaning for s in self.also_from)

    @property
    def also_into_by_meaning(self) -> bool:
        return bool(self.also_into) and all(s.meaning for s in self.also_into)

    @property
    def is_change(self) -> bool:
        return self.kind in CHANGE_KINDS

    @property
    def is_stub(self) -> bool:
        return self.kind == "moved-away"

    @property
    def percent(self) -> int:
        return round(self.similarity * 100)


@dataclass
class Comparison:
    rows: list[Row]
    summary: dict
    identical: bool
    counts: dict = field(default_factory=dict)


SNIPPET_CHARS = 70


def _side(seg: Segment) -> Side:
    text = " ".join(clause_text(seg).split())
    snippet = text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1].rstrip() + "…"
    return Side(label=seg.label, path=seg.path, anchor=seg.anchor, heading=seg.heading, snippet=snippet)


def _also(segments: tuple[Segment, ...], by_meaning: frozenset[str]) -> list[Side]:
    return [replace(side, meaning=True) if side.path in by_meaning else side for side in map(_side, segments)]


# The marks the redline matches folded (licenses.text.redline._TYPOGRAPHY), plain and typographic
_MARKS = frozenset(set(TYPOGRAPHY) | set(TYPOGRAPHY.values()))


def _html(pieces, keep: frozenset[str]) -> SafeString:
    out = []
    for op, text in pieces:
        if op not in keep:
            continue
        if op != "equal" and text and not text.strip():
            out.append(_whitespace_edit(op, text))
            continue
        t = escape(text)
        if op != "equal" and text in _MARKS:  # a quote or dash of another style: shown quietly
            tag = "del" if op == "delete" else "ins"
            out.append(f'<{tag} class="mark" title="punctuation style">{t}</{tag}>')
            continue
        out.append(t if op == "equal" else f"<del>{t}</del>" if op == "delete" else f"<ins>{t}</ins>")
    return mark_safe("".join(out))  # noqa: S308 - every piece of text is escaped above


def _whitespace_edit(op: str, text: str) -> str:
    """A space or paragraph break removed or added, shown as a marked ␣ or ¶ and named for
    screen readers: struck through, a lone space read as a stray "-". An added break still
    breaks the line."""
    what = "paragraph break" if "\n" in text else "space"
    done = "removed" if op == "delete" else "added"
    tag = "del" if op == "delete" else "ins"
    sign = "¶" if "\n" in text else "␣"
    after = text if op == "insert" else ""
    return (
        f'<{tag} class="ws" title="{what} {done}"><span aria-hidden="true">{sign}</span>'
        f'<span class="visually-hidden">{what} {done}</span></{tag}>{after}'
    )


_OLD, _NEW, _BOTH = (
    frozenset({"equal", "delete"}),
    frozenset({"equal", "insert"}),
    frozenset({"equal", "delete", "insert"}),
)


def _row(pair: Pair) -> Row:
    a = [_side(s) for s in pair.a_segments]
    b = [_side(s) for s in pair.b_segments]
    dom_id = f"d-{b[0].anchor}" if b else f"d-a-{a[0].anchor}"
    if pair.kind == "unchanged" and not pair.typography:
        # Reflowed for reading (hard-wrapped lines joined); changed rows are normalised by the redline.
        plain = mark_safe(escape(reflow(pair.b_text or pair.a_text)))  # noqa: S308 - escaped
        a_html = mark_safe(escape(reflow(pair.a_text)))  # noqa: S308 - escaped
        return Row(
            pair.kind,
            dom_id,
            a,
            b,
            1.0,
            pair.renumbered,
            a_html,
            plain,
            plain,
            manual=pair.manual,
            also_from=_also(pair.more_from, pair.meaning_from),
            also_into=_also(pair.more_into, pair.meaning_into),
        )
    return Row(
        pair.kind,
        dom_id,
        a,
        b,
        pair.similarity,
        pair.renumbered,
        _html(pair.redline, _OLD),
        _html(pair.redline, _NEW),
        _html(pair.redline, _BOTH),
        typography=pair.typography,
        manual=pair.manual,
        coarse=pair.coarse,
        also=_side(pair.also) if pair.also is not None else None,
        also_from=_also(pair.more_from, pair.meaning_from),
        also_into=_also(pair.more_into, pair.meaning_into),
    )


def _links_out(pair: Pair) -> set[str]:
    """Anchors of the clauses a removed or added pair's secondary links name, on the other side."""
    linked = [*pair.more_into, *pair.more_from]
    if pair.also is not None:
        linked.append(pair.also)
    return {s.anchor for s in linked}


def reworded_pairs(pairs: list[Pair]) -> dict[int, int]:
    """Removed and added clauses that name only each other: index of the removed pair -> index
    of the added one. The engine links them secondarily (the words are too different to pair:
    licenses.text.rescue, fanout, meaning); shown as two rows, "removed" and "added", they read
    as a clause dropped and a new one. Such a pair is one clause rewritten."""
    removed = {p.a.anchor: k for k, p in enumerate(pairs) if p.kind == "removed" and p.a is not None}
    added = {p.b.anchor: k for k, p in enumerate(pairs) if p.kind == "added" and p.b is not None}
    out: dict[int, int] = {}
    for anchor, k in removed.items():
        to = _links_out(pairs[k])
        if len(to) != 1:
            continue
        j = added.get(next(iter(to)))
        if j is not None and _links_out(pairs[j]) == {anchor}:
            out[k] = j
    return out


def _reworded_row(old: Pair, new: Pair) -> Row:
    """One row for a clause rewritten: each text whole on its side (a word redline between
    texts this different marks nearly everything); inline, the old text struck, then the new."""
    a_text, b_text = reflow(old.a_text), reflow(new.b_text)
    a_html = mark_safe(escape(a_text))  # noqa: S308 - escaped
    b_html = mark_safe(escape(b_text))  # noqa: S308 - escaped
    inline = mark_safe(f"<del>{escape(a_text)}</del>\n\n<ins>{escape(b_text)}</ins>")  # noqa: S308 - escaped
    b_anchor, a_path = new.b.anchor, old.a.path
    by_meaning = b_anchor in {s.anchor for s in old.more_into if s.path in old.meaning_into} or (
        a_path in new.meaning_from
    )
    return Row(
        "reworded",
        f"d-{b_anchor}",
        [_side(old.a)],
        [_side(new.b)],
        0.0,
        False,
        a_html,
        b_html,
        inline,
        by_meaning=by_meaning,
    )


def build_rows(pairs: list[Pair], a_segments: list[Segment]) -> list[Row]:
    """Rows in the new text's order, with a stub where each moved clause used to be; a removed
    and an added clause that name only each other are one "reworded" row, where the new one is."""
    rows = [_row(p) for p in pairs]
    merged = reworded_pairs(pairs)
    for k, j in merged.items():
        rows[j] = _reworded_row(pairs[k], pairs[j])
    # Which row shows each old clause, to place "moved away" stubs after the old neighbour.
    a_index = {s.anchor: i for i, s in enumerate(a_segments)}
    row_of_a: dict[int, int] = {}
    for r, pair in enumerate(pairs):
        for s in pair.a_segments:
            row_of_a[a_index[s.anchor]] = r
    stubs: dict[int, list[Row]] = {}  # insert before row index
    for r, pair in enumerate(pairs):
        if pair.kind != "moved" or pair.a is None:
            continue
        i = a_index[pair.a.anchor]
        # the nearest earlier old clause that did not move too
        before = next((row_of_a[k] for k in range(i - 1, -1, -1) if pairs[row_of_a[k]].kind != "moved"), None)
        at = before + 1 if before is not None else 0
        row = rows[r]
        stub = Row(
            "moved-away",
            f"{row.dom_id}-was",
            row.a,
            [],
            row.similarity,
            False,
            mark_safe(""),  # noqa: S308 - empty
            mark_safe(""),  # noqa: S308 - empty
            mark_safe(""),  # noqa: S308 - empty
            moved_to=row.dom_id,
            stub_for=row.b[0].name if row.b else "",
        )
        row.moved_from_after = rows[before].a[0].name if before is not None and rows[before].a else ""
        stubs.setdefault(at, []).append(stub)
    for k, j in merged.items():
        # a reworded row far from where its old clause stood (old clauses shown between the
        # two places) leaves a stub there, as a moved clause does
        lo, hi = sorted((k, j))
        if any(pairs[x].a_segments for x in range(lo + 1, hi) if x not in merged):
            row = rows[j]
            stub = Row(
                "moved-away",
                f"d-a-{row.a[0].anchor}",
                row.a,
                [],
                0.0,
                False,
                mark_safe(""),  # noqa: S308 - empty
                mark_safe(""),  # noqa: S308 - empty
                mark_safe(""),  # noqa: S308 - empty
                moved_to=row.dom_id,
                stub_for=row.b[0].name,
                stub_reworded=True,
                stub_up=j < k,
            )
            stubs.setdefault(k, []).append(stub)
    out: list[Row] = []
    for r, row in enumerate(rows):
        out.extend(stubs.get(r, []))
        if r not in merged:
            out.append(row)
    out.extend(stubs.get(len(rows), []))
    changes = [row for row in out if row.is_change]
    for prev, nxt in zip(changes, changes[1:], strict=False):
        prev.next_change, nxt.prev_change = nxt.dom_id, prev.dom_id
    return out


def page_summary(pairs: list[Pair]) -> dict:
    """The comparison's summary as the page counts its rows: each reworded row once, not as
    one clause removed and one added."""
    out = summary(pairs)
    n = len(reworded_pairs(pairs))
    counts = dict(out["counts"], reworded=n)
    counts["removed"] -= n
    counts["added"] -= n
    return out | {"counts": counts}


@dataclass
class Gap:
    """A run of unchanged clauses hidden by "changes only"."""

    count: int
    kind: str = "gap"


def changes_only_rows(rows: list[Row]) -> list[Row | Gap]:
    out: list[Row | Gap] = []
    hidden = 0
    for row in rows:
        if row.is_change or row.is_stub:
            if hidden:
                out.append(Gap(hidden))
                hidden = 0
            out.append(row)
        else:
            hidden += 1
    if hidden:
        out.append(Gap(hidden))
    return out
