"""A removed and an added clause that the engine links only with each other show as one
"reworded" row (licenses.compare.rows), not as a clause dropped and a new one."""

from licenses.compare.rows import build_rows, page_summary, reworded_pairs
from licenses.sources import spdx_text
from licenses.text.comparison import Pair, compare
from licenses.text.segmentation import segment
from tests.licenses.text.test_comparison_summary import seg as _seg


def seg(path, text):
    return _seg(text, path)


OLD = seg("8.1", "This License terminates if You fail to cure a breach within 30 days.")
NEW = seg("5.1", "Your rights end when You do not comply; they are reinstated once You comply again.")
OTHER = seg("5.2", "Patent claims end Your rights.")


def removed(a, **kw):
    return Pair("removed", a, None, 0.0, [("delete", a.text)], a_text=a.text, **kw)


def added(b, **kw):
    return Pair("added", None, b, 0.0, [("insert", b.text)], b_text=b.text, **kw)


def test_a_mutual_secondary_link_is_one_reworded_row_where_the_new_clause_is():
    pairs = [
        removed(OLD, more_into=(NEW,), meaning_into=frozenset({"5.1"})),
        added(NEW, more_from=(OLD,), meaning_from=frozenset({"8.1"})),
    ]
    assert reworded_pairs(pairs) == {0: 1}
    rows = build_rows(pairs, [OLD])
    assert [r.kind for r in rows] == ["reworded"]
    row = rows[0]
    assert row.dom_id == "d-5.1"
    assert [s.path for s in row.a] == ["8.1"] and [s.path for s in row.b] == ["5.1"]
    assert row.by_meaning and row.is_change
    # each side whole and unmarked; inline, the old struck and the new inserted
    assert "30 days" in row.a_html and "<del>" not in row.a_html
    assert "reinstated" in row.b_html and "<ins>" not in row.b_html
    assert row.inline_html.startswith("<del>This License") and "<ins>Your rights" in row.inline_html


def test_the_summary_counts_a_reworded_clause_once():
    pairs = [removed(OLD, also=NEW), added(NEW, also=OLD), added(OTHER)]
    counts = page_summary(pairs)["counts"]
    assert (counts["reworded"], counts["removed"], counts["added"]) == (1, 0, 1)


def test_a_link_that_is_not_one_to_one_stays_two_rows():
    # the new clause also draws from another old clause: a merge the engine did not pair
    other_old = seg("8.2", "Patent claims end Your rights.")
    pairs = [
        removed(OLD, also=NEW),
        removed(other_old, also=NEW),
        added(NEW, more_from=(OLD, other_old)),
    ]
    assert reworded_pairs(pairs) == {}
    assert [r.kind for r in build_rows(pairs, [OLD, other_old])] == ["removed", "removed", "added"]
    # and a one-sided link (the added clause names no source) stays too
    pairs = [removed(OLD, also=NEW), added(NEW)]
    assert reworded_pairs(pairs) == {}


def test_the_text_is_escaped():
    evil = seg("1", "<script>alert(1)</script> terminates")
    new = seg("2", "<b>bold</b> ends")
    rows = build_rows([removed(evil, also=new), added(new, also=evil)], [evil])
    assert "<script>" not in rows[0].a_html and "&lt;script&gt;" in rows[0].a_html
    assert "<b>" not in rows[0].inline_html


def test_mpl_termination_reads_as_reworded():
    # MPL 1.1 8.1 and MPL 2.0 5.1 (the example): both about termination for breach
    a, b = segment(spdx_text("MPL-1.1")), segment(spdx_text("MPL-2.0"))
    rows = build_rows(compare(a, b), a)
    reworded = {(r.a[0].path, r.b[0].path) for r in rows if r.kind == "reworded"}
    assert ("8.1", "5.1") in reworded
    assert not any(r.kind == "removed" and r.a[0].path == "8.1" for r in rows)


def test_a_reworded_clause_far_from_its_old_place_leaves_a_stub_there():
    # 8.1 stood before 6 in the old text; its reworded row sits after 6's row, in the new order
    six = seg("6", "Six stays as it was.")
    pairs = [
        removed(OLD, also=NEW),
        Pair("unchanged", six, six, 1.0, [("equal", six.text)], a_text=six.text, b_text=six.text),
        added(NEW, also=OLD),
    ]
    rows = build_rows(pairs, [OLD, six])
    assert [r.kind for r in rows] == ["moved-away", "unchanged", "reworded"]
    stub = rows[0]
    assert stub.stub_reworded and not stub.stub_up and stub.moved_to == "d-5.1" and stub.stub_for == "5.1"
    assert stub.dom_id == "d-a-8.1" and [s.path for s in stub.a] == ["8.1"]
    # side by side, no stub when nothing of the old text stands between
    assert [r.kind for r in build_rows(pairs[::2], [OLD])] == ["reworded"]
