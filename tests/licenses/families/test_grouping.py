"""The pure clause grouping across a family's members."""

from hypothesis import given, settings
from hypothesis import strategies as st

from licenses.families.grouping import group, same_wording
from licenses.text.segmentation import segment

BASE = """1. Definitions.

"Model" means the trained weights.

2. Grant.

You may use, copy and share the Model.

3. Notice.

You must keep this notice with every copy of the Model.

4. No Warranty.

The Model is provided as is.
"""

NC = BASE.replace(
    "3. Notice.",
    "3. NonCommercial.\n\nYou may not use the Model for commercial purposes of any kind whatsoever.\n\n4. Notice.",
).replace("4. No Warranty.", "5. No Warranty.")
NC_SA = NC.replace("every copy of the Model", "every copy or adaptation of the Model")


def _paths(members, rows):
    return [[members[m][i].path if i is not None else None for m, i in enumerate(row)] for row in rows]


def test_an_added_clause_shared_by_siblings_is_one_row():
    members = [segment(BASE), segment(NC), segment(NC_SA)]
    rows = group(members)
    paths = _paths(members, rows)
    assert [None, "3", "3"] in paths  # NonCommercial: absent in the base, one row for both
    assert ["3", "4", "4"] in paths  # the notice, renumbered
    assert ["4", "5", "5"] in paths
    notice = next(row for row in rows if row[0] is not None and members[0][row[0]].path == "3")
    assert same_wording(members[0][notice[0]], members[1][notice[1]])  # renumbered, same words
    assert not same_wording(members[0][notice[0]], members[2][notice[2]])


def test_rows_keep_the_base_order_with_insertions_in_place():
    members = [segment(BASE), segment(NC)]
    paths = [p[0] or f"+{p[1]}" for p in _paths(members, group(members))]
    assert paths.index("2") < paths.index("+3") < paths.index("3")


def test_modelgo_2_0_section_2_2_b(shared_data):
    names = ["MG-BY", "MG-BY-NC", "MG-BY-NC-ND", "MG-BY-NC-RAI", "MG-BY-ND", "MG-BY-RAI", "MG-BY-SA", "MG0"]
    members = [segment((shared_data / "modelgo" / "V2" / f"{n}-2.0.txt").read_text()) for n in names]
    rows = group(members)
    row = next(r for r in rows if r[1] is not None and members[1][r[1]].path == "2.2(b)")
    # the dataset notice: four siblings share it word for word, the four others have none
    sharing = [names[m] for m, i in enumerate(row) if i is not None]
    assert sharing == ["MG-BY-NC", "MG-BY-NC-ND", "MG-BY-NC-RAI", "MG-BY-ND"]
    assert all(members[m][row[m]].path == "2.2(b)" for m in (1, 2, 3, 4))
    assert all(same_wording(members[1][row[1]], members[m][row[m]]) for m in (2, 3, 4))


clauses = st.lists(
    st.sampled_from(["alpha beta", "gamma delta", "epsilon", "zeta eta theta", "iota"]), max_size=6
)


@settings(max_examples=40, deadline=None)
@given(st.lists(clauses, min_size=1, max_size=4))
def test_every_clause_of_every_member_is_in_exactly_one_row(texts):
    members = [
        segment("\n\n".join(f"{n}. {body} {n}." for n, body in enumerate(bodies, 1)) + "\n")
        for bodies in texts
    ]
    rows = group(members)
    for m, segs in enumerate(members):
        assert sorted(row[m] for row in rows if row[m] is not None) == list(range(len(segs)))
