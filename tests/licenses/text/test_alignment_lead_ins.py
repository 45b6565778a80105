"""An old clause that fed the items of a new list links with the list's lead-ins (licenses.text.lead_ins).

Pure, on synthetic texts of our own: the old credit clause, one long sentence, becomes a titled
section ("Credit.") with a lead-in and two items and a closing sentence; the grant and the
disclaimer are kept word for word.
"""

from __future__ import annotations

from licenses.text.lead_ins import above_fed_items
from licenses.text.matching import Side, common
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

GRANT = ("1", None, "You may copy and share the program freely, in any medium, without fee or royalty.")
DISCLAIMER = ("3", None, 'The program is provided "as is", without warranty of any kind, express or implied.')
OLD = [
    GRANT,
    (
        "2",
        None,
        "If you share the program, you must keep intact every copyright notice and give credit: "
        "the author names supplied with the program, the project title, and the web address that "
        "the authors name for the program, in any reasonable manner fitting the medium you use.",
    ),
    DISCLAIMER,
]
NEW = [
    GRANT,
    ("2", None, "Credit."),
    ("2(a)", "2", "When you pass the work on to others, you must:"),
    ("2(a)(i)", "2(a)", "state the author names supplied with the program;"),
    ("2(a)(ii)", "2(a)", "state the web address the authors name for the program;"),
    ("2(b)", "2", "You may meet these duties in any reasonable manner fitting the medium."),
    DISCLAIMER,
]


def _links(old, new, *extra):
    sa, sb = Side(segs(old)), Side(segs(new))
    kept = {(at(old, "1"), at(new, "1")), (at(old, "3"), at(new, "3"))}
    kept |= {(at(old, x), at(new, y)) for x, y in extra}
    return above_fed_items(sa, sb, common(sa, sb), kept)


FED = {"2", "2(a)", "2(a)(i)", "2(a)(ii)", "2(b)"}  # the heading, the lead-in and the three items


def test_the_clause_links_with_the_heading_lead_in_and_items_it_fed():
    assert _links(OLD, NEW) == {(at(OLD, "2"), at(NEW, p)) for p in FED}


def test_the_rule_reads_both_ways_a_list_merged_into_one_clause():
    assert _links(NEW, OLD) == {(at(NEW, p), at(OLD, "2")) for p in FED}


def test_a_lead_in_linked_elsewhere_stays_out_and_its_subtree_is_read_alone():
    got = _links(OLD, NEW, ("1", "2"))  # the heading went with the grant
    assert got == {(at(OLD, "2"), at(NEW, p)) for p in ("2(a)", "2(a)(i)", "2(a)(ii)")}


def test_an_item_another_clause_holds_as_well_counts_for_the_list_but_does_not_link():
    # the grant, linked, also names the web address of the program as often as the old clause
    grant = (
        "1",
        None,
        "You may copy and share the program freely, in any medium, without fee or royalty; "
        "state the web address the authors name for the program.",
    )
    old, new = [grant, *OLD[1:]], [grant, *NEW[1:]]
    got = _links(old, new)
    assert (at(old, "2"), at(new, "2(a)(ii)")) not in got
    assert {(at(old, "2"), at(new, p)) for p in ("2", "2(a)", "2(a)(i)", "2(b)")} <= got


def test_one_fed_item_is_no_list():
    new = [row for row in NEW if row[0] != "2(a)(ii)"]
    new = [(p, par, "Other duties may apply.") if p == "2(b)" else (p, par, t) for p, par, t in new]
    assert _links(OLD, new) == set()


def test_a_clause_in_some_link_feeds_nothing():
    assert _links(OLD, NEW, ("2", "2(b)")) == set()


def test_a_short_clause_feeds_nothing():
    old = [
        GRANT,
        ("2", None, "Give the author names supplied with the program and its web address."),
        DISCLAIMER,
    ]
    assert _links(old, NEW) == set()
