"""Redlines stay within their cost on any text: coarse when word-level would be too costly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licenses.sources import spdx_text
from licenses.text.redline import (
    CLAUSE_WORK,
    Budget,
    normalise,
    rebuild,
    redline,
    redline_tokens,
    split,
    work,
)
from licenses.text.segmentation import segment

PROPERTY = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _table(rows: int, value: str) -> str:
    return "\n".join(f"| {i} | item {i} | {value}.{i % 7} | yes |" for i in range(rows))


def test_a_table_of_a_thousand_edited_rows_is_redlined_word_by_word_in_bounded_time():
    a, b = _table(1000, "10"), _table(1000, "11")
    ta, tb = split(normalise(a)), split(normalise(b))
    # priced as too costly for one difflib run (which took 17 s here), so the bounded path runs
    assert work(ta[0], tb[0]) > CLAUSE_WORK
    budget = Budget()
    pieces, coarse = redline_tokens(ta, tb, budget)
    # the work is counted, not timed (a shared machine makes timings flaky): it stayed in budget.
    # bench/comparison.py prints the time this takes.
    assert budget.left >= 0
    assert rebuild(pieces, "a") == normalise(a)
    assert rebuild(pieces, "b") == normalise(b)
    assert not coarse  # the changed stretches were small enough to refine word by word
    assert sum(len(t) for op, t in pieces if op == "insert") < 3 * 1000


def test_without_budget_the_redline_is_coarse_but_still_rebuilds_both_texts():
    a = "One sentence stays. Another one changes here and there. The last one stays too."
    b = "One sentence stays. Another one is here and now there. The last one stays too."
    pieces, coarse = redline_tokens(split(normalise(a)), split(normalise(b)), Budget(total=0, cells=0))
    assert coarse
    assert rebuild(pieces, "a") == a
    assert rebuild(pieces, "b") == b
    assert pieces[0] == ("equal", "One sentence stays. Another one ")


text = st.text(st.sampled_from("ab cd,.;\n-"), max_size=120)


@PROPERTY
@given(text, text, st.sampled_from([(0, 0), (0, 10**9), (10**9, 0)]))
def test_any_budget_rebuilds_both_texts(x, y, budget):
    total, cells = budget
    pieces, _ = redline_tokens(split(normalise(x)), split(normalise(y)), Budget(total=total, cells=cells))
    assert rebuild(pieces, "a") == normalise(x)
    assert rebuild(pieces, "b") == normalise(y)


def test_ordinary_clauses_keep_the_readable_word_level_redline():
    # a 260-token clause with three edited words changes a few dozen characters, not the clause
    clause = next(s for s in segment(spdx_text("GPL-3.0-only")) if s.path == "6(b)")
    words = clause.text.split()
    assert len(words) > 100
    edited = list(words)
    for k in (10, 60, 110):
        edited[k] = edited[k].upper() + "X"
    pieces = redline(" ".join(words), " ".join(edited))
    changed = sum(len(t) for op, t in pieces if op != "equal")
    assert changed < 80
    assert work(*[split(normalise(t))[0] for t in (" ".join(words), " ".join(edited))]) < 10**8


def test_real_license_pairs_are_never_coarse():
    from licenses.text.comparison import compare

    for a, b in [("LGPL-2.1-only", "LGPL-3.0-only"), ("GPL-2.0-only", "GPL-3.0-only")]:
        pairs = compare(segment(spdx_text(a)), segment(spdx_text(b)))
        assert not any(p.coarse for p in pairs)
