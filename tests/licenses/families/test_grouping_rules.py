"""The grouping rules, clause by clause: which row a member's clause joins, where new rows open,
and when a clause's own address wins over a loose textual match. Pure: segments built here."""

from licenses.families.grouping import SURE, Attachment, attach, group, insertion_order
from licenses.text.comparison import compare
from licenses.text.segmentation import Segment


def clause(path: str, text: str) -> Segment:
    return Segment(path, path, path, "", text, 0, len(text), 0, None)


INTRO = "This licence applies to the Model and to every copy that anyone makes of it."
COPY = "You may copy the Model for research purposes."
SHARE = "You may share the Model with others for research purposes only."
WARRANTY = "The Model is provided as is, without warranty of any kind, express or implied."


def test_rows_open_in_place_of_their_after_row_in_reading_order():
    # two rows opened after old row 1 keep the member's order; one opened at the top comes first
    assert insertion_order(3, [(-1, 0), (1, 2), (1, 3)]) == [(-1, 0), 0, 1, (1, 2), (1, 3), 2]
    assert insertion_order(2, []) == [0, 1]
    assert insertion_order(0, [(-1, 0), (-1, 1)]) == [(-1, 0), (-1, 1)]


def test_the_first_member_opens_one_row_per_clause_from_the_top():
    member = [clause("1", INTRO), clause("2", COPY), clause("3", WARRANTY)]
    assert attach([], member) == Attachment(joins={}, opens=[(-1, 0), (-1, 1), (-1, 2)])
    assert group([member]) == [[0], [1], [2]]


def test_an_empty_member_has_no_clause_in_any_row():
    member = [clause("1", INTRO), clause("2", COPY)]
    assert group([member, []]) == [[0, None], [1, None]]
    assert group([[], member]) == [[None, 0], [None, 1]]


def test_added_clauses_open_after_the_row_of_the_nearest_earlier_clause_that_joined():
    reps = [clause("1", INTRO), clause("2", WARRANTY)]
    member = [
        clause("1", INTRO),
        clause("2", "You must not use the Model to harm any person or to break any law anywhere."),
        clause("3", "Attribution must name the original authors in every copy you distribute."),
        clause("4", WARRANTY),
    ]
    found = attach(reps, member)
    assert found.joins == {0: 0, 1: 3}
    assert found.opens == [(0, 1), (0, 2)]  # both after the intro's row, in reading order
    assert group([reps, member]) == [[0, 0], [None, 1], [None, 2], [1, 3]]


def test_the_second_half_of_a_split_clause_opens_its_own_row_right_after():
    whole = (
        "You must keep every copyright notice and this licence text"
        " with each copy of the software that you distribute to others."
    )
    base = [clause("1.", INTRO), clause("2.", whole), clause("3.", WARRANTY)]
    member = [
        clause("1.", INTRO),
        clause("2.", "You must keep every copyright notice and this licence text"),
        clause("3.", "with each copy of the software that you distribute to others."),
        clause("4.", WARRANTY),
    ]
    found = attach(base, member)
    assert found.joins == {0: 0, 1: 1, 2: 3}
    assert found.opens == [(1, 2)]
    assert group([base, member]) == [[0, 0], [1, 1], [None, 2], [2, 3]]


def test_a_loose_match_moves_to_the_free_row_with_its_own_address():
    # by words the member's (a) is a little closer to the base's (b), but (a)'s row is free and
    # close enough: the clause keeps its address, and a clause added after it opens below it
    base = [clause("1", INTRO), clause("(a)", COPY), clause("(b)", SHARE)]
    member = [
        clause("1", INTRO),
        clause("(a)", "You may share the Model for research and teaching purposes."),
        clause("(c)", "Attribution must name the original authors in every copy you distribute."),
    ]
    found = attach(base, member)
    assert found.joins == {0: 0, 1: 1}
    assert found.opens == [(1, 2)]
    assert group([base, member]) == [[0, 0], [1, 1], [None, 2], [2, None]]


def test_a_close_match_is_trusted_over_the_address():
    base = [clause("(a)", "You may copy the Model for research purposes only."), clause("(b)", SHARE)]
    member = [clause("(a)", "You may share the Model for research purposes only.")]
    assert attach(base, member).joins == {1: 0}  # 0.9 alike: stays with (b)


def test_a_free_row_with_the_address_but_other_words_does_not_take_the_clause():
    base = [clause("(a)", WARRANTY), clause("(b)", SHARE)]
    member = [clause("(a)", "You may share the Model for research and teaching purposes.")]
    assert attach(base, member).joins == {1: 0}


def test_two_loosely_crossed_clauses_swap_back_to_their_addresses():
    base = [clause("1", INTRO), clause("(a)", COPY), clause("(b)", SHARE)]
    member = [
        clause("1", INTRO),
        clause("(a)", "You may share the Model for research and teaching purposes."),
        clause("(b)", "You may copy the Model with others for research."),
    ]
    found = attach(base, member)
    assert found.joins == {0: 0, 1: 1, 2: 2}
    assert found.opens == []
    assert group([base, member]) == [[0, 0], [1, 1], [2, 2]]


def test_crossed_clauses_stay_crossed_when_their_addresses_fit_their_words_much_worse():
    base = [clause("1", INTRO), clause("(a)", COPY), clause("(b)", SHARE)]
    member = [
        clause("1", INTRO),
        clause("(a)", "You may share the Model with others for teaching."),
        clause("(b)", "You must copy the licence for research purposes."),
    ]
    assert attach(base, member).joins == {0: 0, 2: 1, 1: 2}
    assert group([base, member]) == [[0, 0], [1, 2], [2, 1]]


def test_a_crossed_clause_does_not_take_a_row_held_by_a_close_match():
    base = [clause("1", INTRO), clause("(a)", COPY), clause("(b)", SHARE)]
    member = [
        clause("1", INTRO),
        clause("(a)", "You may share the Model for research and teaching purposes."),
        clause("(b)", "You may copy the Model for research purposes and teaching."),  # 0.9 like (a)
    ]
    assert attach(base, member).joins == {0: 0, 2: 1, 1: 2}


# a second, unrelated pair of lead-in clauses: (c) matched loosely to (d), its own row free
MODIFY = "You may modify the Software for personal purposes."
PUBLISH = "You may publish the Software with others for personal purposes only."
PUBLISH_FAMILY = "You may publish the Software for personal and family purposes."


def test_a_clause_that_keeps_its_loose_match_does_not_stop_the_next_from_moving():
    # (a)'s own row reads otherwise (stays with (b)); (c) still moves back to its own row
    base = [clause("(a)", WARRANTY), clause("(b)", SHARE), clause("(c)", MODIFY), clause("(d)", PUBLISH)]
    member = [
        clause("(a)", "You may share the Model for research and teaching purposes."),
        clause("(c)", PUBLISH_FAMILY),
    ]
    assert attach(base, member).joins == {1: 0, 2: 1}


def test_a_clause_with_an_address_no_row_has_does_not_stop_the_next_from_moving():
    base = [clause("(b)", SHARE), clause("(c)", MODIFY), clause("(d)", PUBLISH)]
    member = [
        clause("(z)", "You may share the Model for research and teaching purposes."),
        clause("(c)", PUBLISH_FAMILY),
    ]
    assert attach(base, member).joins == {0: 0, 1: 1}


def test_a_refused_swap_does_not_stop_the_next_clause_from_moving():
    base = [clause("(a)", COPY), clause("(b)", SHARE), clause("(c)", MODIFY), clause("(d)", PUBLISH)]
    member = [
        clause("(a)", "You may share the Model with others for teaching."),
        clause("(b)", "You must copy the licence for research purposes."),
        clause("(c)", PUBLISH_FAMILY),
    ]
    assert attach(base, member).joins == {1: 0, 0: 1, 2: 2}


def test_a_row_freed_by_a_move_is_taken_by_the_clause_whose_address_it_has():
    # the member's (b) first matches (c) loosely, its own row held by the member's (a); once
    # (a) moves back to its own row, (b) takes the row (b) it left
    base = [
        clause("(a)", COPY),
        clause("(b)", SHARE),
        clause("(c)", "You may share the Model with partners for commercial purposes only."),
    ]
    member = [
        clause("(b)", "You may share the Model with partners for research purposes."),
        clause("(a)", "You may share the Model for research and teaching purposes."),
    ]
    assert attach(base, member).joins == {0: 1, 1: 0}
    assert group([base, member]) == [[0, 1], [1, 0], [2, None]]


def test_a_crossed_clause_does_not_swap_with_a_match_exactly_as_close_as_sure():
    # the addresses would fit better by the sums, but the member's (b) matches the base's (a)
    # at exactly SURE (0.9): a sure join keeps its row, so both clauses stay crossed
    base = [
        clause("(a)", "You may copy the Model for research share only."),
        clause("(b)", "You and may copy the Model for research purposes only."),
    ]
    member = [
        clause("(a)", "You may teaching the Model for research purposes only."),
        clause("(b)", "You may copy the Model for research and only."),
    ]
    sure = next(p for p in compare(base, member) if p.b is member[1])
    assert (sure.a, sure.similarity) == (base[0], SURE)
    assert attach(base, member).joins == {1: 0, 0: 1}
