"""Carry-over along the secondary links of the alignment (review.rounds.alignment, pure).

Synthetic texts of our own: an old clause whose second sentence went into a new clause of
its own (``more_into``), and an old clause removed whose words went into another clause
that keeps its own counterpart (a secondary link, no primary pair). A thread goes where its
quoted words are, else to the primary pair; a clause with no pair follows its link; a link
a steward removed is never followed.
"""

from __future__ import annotations

from licenses.text.comparison import Pair
from licenses.text.segmentation import Segment, segment
from review.rounds.alignment import Landing, Target, align_clauses, choose_clause, targets_from_pairs

STEADY = [
    ("Use", "You may run the tool on any number of machines for any lawful purpose you choose."),
    ("Copies", "You may hand out exact copies of the tool to anyone, in any medium, without asking first."),
    ("Notices", "Every copy you hand out must keep the credits file and this licence text unaltered."),
    ("Warranty", "The tool comes as it stands, and its makers promise nothing about how well it works."),
    ("Liability", "Nobody who made the tool owes you anything for losses that come from running it."),
    (
        "Ending",
        "Your rights stop at once if you break any condition here and do not mend it within thirty days.",
    ),
]
GRANT = (
    "Each maker lets you change the tool, translate it into other languages and fold it into larger "
    "programs of your own design."
)
PATENT = (
    "Any patent a maker holds that reads on their part of the tool is licensed to you free of charge as well."
)
FEE = "Anyone may charge money for the physical act of passing on a copy and may sell support or warranty services."


def text(items) -> str:
    return "".join(f"{n}. {h}.\n{t}\n" for n, (h, t) in enumerate(items, 1))


# old 2 grants two things; the new text keeps the first in 2 and moves the patent sentence to a new 8
FAN_OLD = text([STEADY[0], ("Changes", f"{GRANT} {PATENT}"), *STEADY[1:]])
FAN_NEW = text([STEADY[0], ("Changes", GRANT), *STEADY[1:], ("Patents", PATENT)])
# old 5 (fees) is removed; its sentence is appended to new 1, which still pairs with old 1
MOVE_OLD = text([("Grant", GRANT), *STEADY[:3], ("Fees", FEE), *STEADY[3:]])
MOVE_NEW = text([("Grant", f"{GRANT} {FEE}"), *STEADY])


# --- align_clauses: the candidates -------------------------------------------------------------


def test_an_old_clause_that_fed_two_new_ones_keeps_its_pair_and_names_the_other():
    target = align_clauses(segment(FAN_OLD), segment(FAN_NEW))["2"]
    assert (target.anchor, target.changed, target.alternatives, target.secondary) == ("2", True, (), ("8",))
    assert target.candidates == ("2", "8")


def test_a_removed_clause_with_only_a_secondary_link_follows_it():
    target = align_clauses(segment(MOVE_OLD), segment(MOVE_NEW))["5"]
    assert (target.anchor, target.changed, target.secondary) == (None, True, ("1",))
    assert target.candidates == ("1",)


def test_clauses_without_secondary_links_have_none():
    targets = align_clauses(segment(FAN_OLD), segment(FAN_NEW))
    assert targets["1"] == Target("1", False, ())
    assert targets["1"].candidates == ("1",)
    assert all(targets[a].secondary == () for a in ("1", "3", "4", "5", "6", "7"))


def test_a_link_a_steward_removed_is_not_a_candidate():
    assert align_clauses(segment(MOVE_OLD), segment(MOVE_NEW), unlinks=[("5", "1")])["5"].candidates == ()
    fan = align_clauses(segment(FAN_OLD), segment(FAN_NEW), unlinks=[("2", "8")])["2"]
    assert (fan.anchor, fan.secondary) == ("2", ())


def seg(anchor: str, text: str = "words") -> Segment:
    return Segment(f"{anchor}.", anchor, anchor, "", text, 0, len(text), 0, None)


def test_targets_from_pairs_drops_every_unlinked_link_whatever_its_kind():
    """Even a link the comparison still shows (``also``, ``more_into``, ``more_from``) is not
    followed once a steward unlinked it."""
    a1, a2, a3 = seg("1"), seg("2"), seg("3")
    b1, b2, b3, b4 = seg("1"), seg("2"), seg("3"), seg("4")
    pairs = [
        Pair("changed", a1, b1, 0.5, [], more_into=(b2, b3)),
        Pair("removed", a2, None, 0.0, [], also=b2, more_into=(b3,)),
        Pair("removed", a3, None, 0.0, []),
        Pair("added", None, b2, 0.0, [], also=a2),
        Pair("added", None, b3, 0.0, [], more_from=(a3,)),
        Pair("added", None, b4, 0.0, [], also=a1),
    ]
    got = targets_from_pairs(pairs)
    assert got["1"].candidates == ("1", "2", "3", "4")  # more_into, and the added clause drawn from it
    assert (got["2"].anchor, got["2"].candidates) == (None, ("2", "3"))  # ``also`` is a link, not a pair
    assert got["3"].candidates == ("3",)  # named only from the new side (more_from)
    got = targets_from_pairs(pairs, unlinks=[("1", "3"), ("2", "2"), ("3", "3"), ("1", "4")])
    assert got["1"].candidates == ("1", "2")
    assert (got["2"].anchor, got["2"].candidates) == (None, ("3",))
    assert got["3"].candidates == ()


def test_secondary_links_keep_the_new_version_order_and_never_repeat_the_pair():
    a1 = seg("1")
    b1, b2, b3 = seg("1"), seg("2"), seg("3")
    pairs = [
        Pair("changed", a1, b1, 0.5, [], more_into=(b3, b2)),
        Pair("added", None, b2, 0.0, [], more_from=(a1,)),
        Pair("added", None, b3, 0.0, [], also=a1),
    ]
    assert targets_from_pairs(pairs)["1"].secondary == ("2", "3")
    pairs[0] = Pair("changed", a1, b1, 0.5, [], more_into=(b1,))
    assert targets_from_pairs(pairs[:1])["1"].secondary == ()


def test_a_removed_clause_tries_its_also_link_first_then_the_others_in_the_new_order():
    """Anchors "9" before "10" in the new version: the order is the text's, not the strings'."""
    a1 = seg("1")
    b9, b10, b11 = seg("9"), seg("10"), seg("11")
    pairs = [
        Pair("removed", a1, None, 0.0, [], also=b11, more_into=(b10, b9)),
        Pair("added", None, b9, 0.0, []),
        Pair("added", None, b10, 0.0, []),
        Pair("added", None, b11, 0.0, []),
    ]
    assert targets_from_pairs(pairs)["1"] == Target(None, True, (), ("11", "9", "10"))


def test_align_clauses_hands_the_stewards_unlinks_to_the_filter_too(monkeypatch):
    """Whatever the comparison shows, a link a steward removed is not followed."""
    from review.rounds import alignment

    a1, b1, b2 = seg("1"), seg("1"), seg("2")
    shown = [Pair("changed", a1, b1, 0.5, [], more_into=(b2,)), Pair("added", None, b2, 0.0, [], also=a1)]
    monkeypatch.setattr(alignment, "compare", lambda old, new, links, unlinks: shown)
    assert align_clauses([a1], [b1, b2])["1"].secondary == ("2",)
    assert align_clauses([a1], [b1, b2], unlinks=iter([("1", "2")]))["1"].secondary == ()


# --- choose_clause: where a thread lands ------------------------------------------------------


TEXTS = {"2": GRANT, "8": PATENT, "9": f"A clause of its own. {PATENT}"}


def test_a_quote_lands_on_the_candidate_that_holds_it():
    target = Target("2", True, (), ("8",))
    landing = choose_clause(target, TEXTS, "licensed to you free of charge", "", "")
    assert landing.anchor == "8" and landing.via == "link"
    assert landing.quote.exact == "licensed to you free of charge" and not landing.quote.fuzzy


def test_a_quote_the_primary_pair_holds_stays_there():
    target = Target("2", True, (), ("8",))
    landing = choose_clause(target, TEXTS, "translate it into other languages", "", "")
    assert (landing.anchor, landing.via, landing.quote.exact) == (
        "2",
        "pair",
        "translate it into other languages",
    )


def test_without_a_quote_the_thread_goes_to_the_primary_pair():
    assert choose_clause(Target("2", True, (), ("8",)), TEXTS, "", "", "") == Landing("2", None, "pair")


def test_a_quote_found_nowhere_goes_to_the_primary_pair_without_a_match():
    landing = choose_clause(
        Target("2", True, (), ("8",)), TEXTS, "a sentence that is nowhere at all now", "", ""
    )
    assert landing == Landing("2", None, "pair")


def test_an_exact_match_beats_a_fuzzy_one_in_an_earlier_candidate():
    texts = {"2": "A patent a maker holds on its part is licenced to you free of charge.", "8": PATENT}
    quote = "is licensed to you free of charge"
    assert choose_clause(
        Target("2", True, (), ("8",)), {"2": texts["2"]}, quote, "", ""
    ).quote.fuzzy  # fuzzy alone
    landing = choose_clause(Target("2", True, (), ("8",)), texts, quote, "", "")
    assert landing.anchor == "8" and not landing.quote.fuzzy


def test_among_equal_matches_the_earlier_candidate_wins():
    landing = choose_clause(Target(None, True, (), ("8", "9")), TEXTS, "free of charge as well", "", "")
    assert (landing.anchor, landing.via) == ("8", "link")
    landing = choose_clause(Target("9", True, (), ("8",)), TEXTS, "free of charge as well", "", "")
    assert (landing.anchor, landing.via) == ("9", "pair")


def test_the_quote_context_picks_the_occurrence_within_the_chosen_clause():
    texts = {"2": "the tool and the tool card and the tool", "8": PATENT}
    target = Target("2", True, (), ("8",))
    assert choose_clause(target, texts, "tool", "", "").quote.start == 4
    assert choose_clause(target, texts, "tool", "and the ", " card").quote.start == 17
    assert choose_clause(target, texts, "tool", "card and the ", "").quote.start == 35
    assert choose_clause(target, texts, "tool", "", " card").quote.start == 17
    assert choose_clause(target, texts, "tool", "", "").quote.exact == "tool"


def test_a_split_half_is_a_split_not_a_link():
    landing = choose_clause(Target("2", True, ("8",)), TEXTS, "reads on their part", "", "")
    assert (landing.anchor, landing.via) == ("8", "split")


def test_with_no_primary_pair_the_first_link_is_followed():
    target = Target(None, True, (), ("8", "9"))
    assert choose_clause(target, TEXTS, "", "", "") == Landing("8", None, "link")
    assert choose_clause(target, TEXTS, "words found nowhere in either", "", "") == Landing("8", None, "link")
    assert choose_clause(target, TEXTS, "A clause of its own", "", "").anchor == "9"


def test_with_no_candidate_the_thread_is_orphaned():
    assert choose_clause(Target(None, True), TEXTS, "", "", "") is None
    assert choose_clause(Target(None, True), TEXTS, "free of charge", "", "") is None


def test_choice_on_the_synthetic_texts_end_to_end():
    old, new = segment(FAN_OLD), segment(FAN_NEW)
    texts = {s.anchor: s.text for s in new}
    target = align_clauses(old, new)["2"]
    assert choose_clause(target, texts, "patent a maker holds", "", "").anchor == "8"
    assert choose_clause(target, texts, "fold it into larger programs", "", "").anchor == "2"
    assert choose_clause(target, texts, "", "", "").anchor == "2"
    moved = align_clauses(segment(MOVE_OLD), segment(MOVE_NEW))["5"]
    texts = {s.anchor: s.text for s in segment(MOVE_NEW)}
    landing = choose_clause(moved, texts, "sell support or warranty services", "", "")
    assert (landing.anchor, landing.via, landing.quote.exact) == (
        "1",
        "link",
        "sell support or warranty services",
    )
