"""A clause in no link whose rare phrases and words agree on one clause links there (licenses.text.phrases_and_words).

Pure, on synthetic texts of our own: a seed library's rule on returning seeds is split in two by
the new rules; the first half pairs with the old rule, the second half is left alone.
"""

from __future__ import annotations

from licenses.text.matching import Side, common
from licenses.text.phrases_and_words import agreeing_links
from licenses.text.rescue import Evidence
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

OLD = [
    ("3", None, "Duties of borrowers."),
    (
        "3.1",
        "3",
        "Seeds borrowed from the library must be returned after the harvest in clean paper packets, "
        "and every packet handed back must carry the name of the grower written in ink.",
    ),
    ("3.2", "3", "Members meet each spring to plan the common beds and share the work."),
]
NEW = [
    ("3", None, "Duties of borrowers."),
    (
        "3.1",
        "3",
        "Seeds borrowed from the library must be returned after the harvest, and each one must "
        "carry the name of the grower written in ink on its label.",
    ),
    ("3.2", "3", "Members meet each spring to plan the common beds and share the work."),
    ("3.3", "3", "Returned seeds are kept in clean paper packets in the cool room of the library."),
]
KEPT = {(at(OLD, "3"), at(NEW, "3")), (at(OLD, "3.2"), at(NEW, "3.2")), (at(OLD, "3.1"), at(NEW, "3.3"))}


def run(old=OLD, new=NEW, kept=KEPT) -> set[tuple[int, int]]:
    sa, sb = Side(segs(old)), Side(segs(new))
    return agreeing_links(sa, sb, common(sa, sb), Evidence(sa, sb), kept)


def test_phrases_and_words_agreeing_on_a_linked_clause_link_the_clause_in_no_link():
    assert run() == {(at(OLD, "3.1"), at(NEW, "3.1"))}


def test_a_clause_already_linked_is_left_alone():
    assert run(kept=KEPT | {(at(OLD, "3.2"), at(NEW, "3.1"))}) == set()


def test_one_rare_phrase_is_not_enough():
    new = [
        r if r[0] != "3.1" else ("3.1", "3", "Every borrower must carry the name of the grower on a card.")
        for r in NEW
    ]
    assert run(new=new) == set()


def test_phrases_pointing_away_from_the_best_words_link_nothing():
    # the lone clause shares its phrases with a long 3.1, its words with a short 3.2
    old = [
        ("3", None, "Duties of borrowers."),
        (
            "3.1",
            "3",
            "Seeds borrowed from the library must be returned after the harvest in clean paper packets "
            "kept dry, sorted by variety, weighed by the keeper, entered in the ledger and counted at the "
            "autumn fair, and every packet handed back must carry the name of the grower written in ink.",
        ),
        ("3.2", "3", "Borrowed seeds: library returns after harvest carry grower name, written ink."),
    ]
    new = [
        ("3", None, "Duties of borrowers."),
        (
            "3.1",
            "3",
            "Seeds borrowed from the library must be returned after the harvest and carry the name of "
            "the grower written in ink.",
        ),
        ("3.3", "3", "Returned seeds are kept in clean paper packets in the cool room of the library."),
    ]
    sa, sb = Side(segs(old)), Side(segs(new))
    com = common(sa, sb)
    i1, i2, j = at(old, "3.1"), at(old, "3.2"), at(new, "3.1")
    sims = [2 * com[i, j] / (len(sa.words[i]) + len(sb.words[j])) for i in (i1, i2)]
    assert Evidence(sa, sb).phrases[(i1, j)] >= 2 and sims[1] > sims[0]
    kept = {(at(old, "3"), at(new, "3")), (i1, at(new, "3.3"))}
    assert run(old, new, kept) == set()
