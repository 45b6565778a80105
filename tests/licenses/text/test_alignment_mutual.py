"""A removed and an added clause that are each other's best match point at each other (pure).

Synthetic clauses of our own: the rewrite sits far out of order, so it is not shown as a
"moved" pair (too weak for that), but neither is it shown as simply dropped and new.
"""

from __future__ import annotations

from licenses.text.comparison import compare
from licenses.text.segmentation import Segment


def seg(text: str, path: str) -> Segment:
    return Segment(f"{path}.", path, path, "", text, 0, len(text), 0, None)


STEADY = [
    "Alpha clause grants rights to copy the program in any medium whatsoever.",
    "Bravo clause covers patents licensed by each contributor to recipients.",
    "Charlie clause keeps notices intact in every copy that is distributed.",
    "Delta clause disclaims warranties of merchantability and fitness entirely.",
    "Echo clause limits liability for damages arising out of any use.",
    "Foxtrot clause ends the licence automatically upon a material breach.",
]


def words(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{k}" for k in range(n)]


def rewrite(shared: list[str], own: str, n_own: int) -> str:
    """A clause of ``n_own`` words of its own with ``shared`` scattered among them."""
    mine = words(own, n_own)
    step = max(1, n_own // max(1, len(shared)))
    out: list[str] = []
    for k, w in enumerate(mine):
        out.append(w)
        if k % step == step - 1 and k // step < len(shared):
            out.append(shared[k // step])
    return " ".join(out) + "."


SHARED = ["escrow", "arbitration", "venue", "tribunal", "statute", "jurisdiction", "governs", "forum"]


def sides(shared: list[str], n_own: int = 24) -> tuple[list[Segment], list[Segment]]:
    old = [seg(rewrite(shared, "old", n_own), "1")] + [seg(t, str(k + 2)) for k, t in enumerate(STEADY)]
    new = [seg(t, str(k + 1)) for k, t in enumerate(STEADY)] + [seg(rewrite(shared, "new", n_own), "7")]
    return old, new


def row(pairs, *, a: str | None = None, b: str | None = None):
    return next(
        p
        for p in pairs
        if (a is not None and p.a is not None and p.a.path == a)
        or (b is not None and p.b is not None and p.b.path == b)
    )


def test_a_far_rewrite_is_removed_and_added_but_each_names_the_other():
    pairs = compare(*sides(SHARED))
    gone, new = row(pairs, a="1"), row(pairs, b="7")
    assert (gone.kind, new.kind) == ("removed", "added")
    assert gone.also is not None and gone.also.path == "7"
    assert new.also is not None and new.also.path == "1"


def test_too_few_shared_words_name_nothing():
    # 3 shared words among 24 of their own: similarity 0.11, under MUTUAL_MIN
    pairs = compare(*sides(SHARED[:3]))
    assert row(pairs, a="1").also is None
    assert row(pairs, b="7").also is None


def test_only_each_others_best_match_counts():
    old, new = sides(SHARED)
    # a long old clause holds more of the new clause's words (12 of 32, against 8) but too
    # few of its own to match it: the new clause's best source is that one, so the first old
    # clause and the new one are not each other's best, and nothing is named
    old.append(seg(rewrite(words("new", 12), "third", 200), "8"))
    pairs = compare(old, new)
    assert row(pairs, a="1").also is None
    assert row(pairs, b="7").also is None
