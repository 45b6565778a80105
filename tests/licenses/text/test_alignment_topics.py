"""Secondary links by legal topic (licenses.text.topics). Pure, on synthetic texts of our own.

Two versions of a small license: the old one's clause against using the authors' names to
endorse products becomes a "Trademarks" clause in other words, and its "entire agreement"
clause becomes two new ones (no other terms bind; other understandings stay separate). The
grant and the warranty disclaimer are kept word for word.
"""

from __future__ import annotations

import pytest

from licenses.text import comparison
from licenses.text.comparison import compare
from licenses.text.matching import Side, fold
from licenses.text.topics import (
    TOPIC_FAN,
    TOPIC_RARE,
    TOPIC_WORDS,
    TOPICS,
    deals_with,
    lead,
    may_deal_with,
    plain_of,
    tags,
    topic_links,
)
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

GRANT = (
    "1",
    None,
    "Permission is hereby granted to copy, modify and share this software in any medium, "
    "free of charge, subject to the conditions below.",
)
DISCLAIMER = (
    "3",
    None,
    'The software is provided "as is", without warranty of any kind, express or implied.',
)
OLD = [
    GRANT,
    (
        "2",
        None,
        "Neither the names of the authors nor of the project may be used to endorse or promote "
        "products derived from this software without prior written permission.",
    ),
    DISCLAIMER,
    (
        "4",
        None,
        "This document constitutes the entire agreement between the parties concerning the "
        "software; nothing else binds them.",
    ),
]
NEW = [
    GRANT,
    (
        "2",
        None,
        "Trademarks. This license does not grant permission to use the trade names, service "
        "marks, or logos of the authors, except as required to describe where the software "
        "came from.",
    ),
    DISCLAIMER,
    (
        "4(a)",
        None,
        "The licensor shall not be bound by any additional or different terms communicated "
        "by you unless expressly agreed.",
    ),
    (
        "4(b)",
        None,
        "Any arrangements, understandings, or agreements regarding the material not stated "
        "herein are separate from and independent of these terms.",
    ),
]


def sides(old=OLD, new=NEW) -> tuple[Side, Side]:
    return Side(segs(old)), Side(segs(new))


def kept(old=OLD, new=NEW) -> set[tuple[int, int]]:
    """The grant and the disclaimer, linked (they are kept word for word)."""
    return {(at(old, "1"), at(new, "1")), (at(old, "3"), at(new, "3"))}


NAMES = (at(OLD, "2"), at(NEW, "2"))
ENTIRE = {(at(OLD, "4"), at(NEW, "4(a)")), (at(OLD, "4"), at(NEW, "4(b)"))}


def tagged(text: str) -> frozenset[str]:
    return tags(fold(text), first=True)


# tags: the topics of a clause's first sentence


def test_tags_read_wording_common_to_licenses():
    assert tagged(OLD[1][2]) == {"trademark"}
    assert tagged(NEW[1][2]) == {"trademark"}
    assert tagged(DISCLAIMER[2]) == {"warranty"}
    assert tagged(OLD[3][2]) == {"entire"}
    assert tagged(NEW[3][2]) == {"entire"} and tagged(NEW[4][2]) == {"entire"}
    assert tagged("This Agreement is governed by the laws of the State of Utah.") == {"law"}
    assert tagged("If any provision is held to be unenforceable, the rest stays in force.") == {
        "severability"
    }
    assert tagged(GRANT[2]) == {"grant"}


def test_a_grant_of_rights_is_a_topic_in_its_usual_wordings():
    assert tagged("Each author hereby grants you a worldwide licence to copy the patterns.") == {"grant"}
    assert tagged("The collection is hereby licensed to you for any use, subject to section 3.") == {"grant"}
    assert tagged("A member may use, copy and share the pattern book if the member keeps its notice.") == {
        "grant"
    }
    assert tagged("This licence does not grant permission to use the trademarks of the authors.") == {
        "trademark"
    }
    # the topic links a grant rewritten in other words, both clauses in no link
    old = [
        (
            "1",
            None,
            "Subject to section 3, each author hereby grants to you a right to reproduce and publish the patterns.",
        )
    ]
    new = [("1", None, "A member may use, copy and share the pattern book if the member keeps its notice.")]
    assert topic_links(Side(segs(old)), Side(segs(new)), set()) == {(0, 0)}


def test_only_the_first_sentence_says_what_a_clause_deals_with():
    text = "You must keep the credits intact in every copy. You may not imply any endorsement by us."
    assert tagged(text) == frozenset()
    assert tags(fold(text)) == {"trademark"}  # the whole text names it, in passing
    # a heading of a few words is read with the sentence after it
    assert lead(fold("Trademarks. No right to use the marks. Other things.")) == fold(
        "Trademarks. No right to use the marks"
    )
    # "e.g." ends no sentence
    assert lead(fold("Use no marks, e.g. a logo of ours, without consent. Next.")) == fold(
        "Use no marks, e.g. a logo of ours, without consent"
    )


def test_a_definition_and_a_list_of_notices_deal_with_no_topic():
    assert tagged('"Trademark" means any mark, name or logo of the licensor.') == frozenset()
    assert tagged("You must retain all copyright, patent, trademark, and attribution notices.") == frozenset()


# topic_links: the one clause in no link on each side for a topic


def test_the_only_free_clauses_of_a_topic_link_and_one_may_link_to_two():
    sa, sb = sides()
    assert topic_links(sa, sb, kept()) == {NAMES} | ENTIRE


def test_a_clause_already_linked_is_left_alone():
    sa, sb = sides()
    assert topic_links(sa, sb, kept() | {(at(OLD, "4"), at(NEW, "4(a)"))}) == {NAMES}
    assert topic_links(sa, sb, kept() | {NAMES}) == ENTIRE


def test_two_free_clauses_of_a_topic_on_both_sides_link_none():
    old = OLD + [("5", None, "The authors' logos may not be used on any product without written consent.")]
    new = NEW + [("5", None, "No trademark of the authors may appear on a product without written consent.")]
    sa, sb = sides(old, new)
    assert topic_links(sa, sb, kept(old, new)) == ENTIRE


def test_more_than_two_on_one_side_link_none():
    assert TOPIC_FAN == 2
    new = NEW + [("4(c)", None, "No understandings outside this document bind the licensor in any way.")]
    sa, sb = sides(new=new)
    assert topic_links(sa, sb, kept(OLD, new)) == {NAMES}


def test_a_topic_in_too_many_clauses_tells_nothing():
    assert TOPIC_RARE == 3
    extra = [
        (f"9({k})", None, f"Clause {k}: no trade names of the authors appear on goods of kind {k}.")
        for k in "abc"
    ]
    old = OLD + extra  # now in four old clauses, three of them linked
    new = NEW + extra
    links = kept(old, new) | {(at(old, p), at(new, p)) for p, _, _ in extra}
    sa, sb = sides(old, new)
    assert topic_links(sa, sb, links) == ENTIRE
    sa, sb = sides(old[:-1], new[:-1])  # three: the topic still counts
    assert topic_links(sa, sb, links - {(len(old) - 1, len(new) - 1)}) == {NAMES} | ENTIRE


def test_a_clause_of_few_words_is_never_tagged():
    assert TOPIC_WORDS == 6
    short = OLD[:1] + [("2", None, "No endorsement by the authors.")] + OLD[2:]  # 3 content words
    sa, sb = sides(old=short)
    assert topic_links(sa, sb, kept(short)) == ENTIRE


# compare: secondary links beside the pairs


def test_compare_shows_the_links_beside_the_pairs_and_never_pairs_them(monkeypatch):
    a, b = segs(OLD), segs(NEW)
    i, j = NAMES
    rows = compare(a, b)
    old = next(p for p in rows if p.a is a[i])
    new = next(p for p in rows if p.b is b[j])
    assert old.kind == "removed" and new.kind == "added"
    assert old.more_into == (b[j],) and new.more_from == (a[i],)
    entire = next(p for p in rows if p.a is a[at(OLD, "4")])
    assert set(entire.more_into) == {b[at(NEW, "4(a)")], b[at(NEW, "4(b)")]}
    monkeypatch.setattr(comparison, "topic_links", lambda *args: set())
    rows = compare(a, b)
    assert next(p for p in rows if p.a is a[i]).more_into == ()


@pytest.mark.parametrize("unlink", [True, False])
def test_an_unlinked_pair_is_never_drawn(unlink):
    a, b = segs(OLD), segs(NEW)
    i, j = NAMES
    unlinks = [(a[i].anchor, b[j].anchor)] if unlink else []
    rows = compare(a, b, unlinks=unlinks)
    assert next(p for p in rows if p.a is a[i]).more_into == (() if unlink else (b[j],))


def test_one_topic_read_alone_agrees_with_all_topics_read_at_once():
    texts = [t for _, _, t in OLD + NEW] + [
        "Trademarks. No right to use the marks. The software comes AS-IS; in no event is anyone liable.",
        '"Trademark" means any mark, name or logo of the licensor.',
        "Each author hereby grants you a licence; it terminates if you sue over a patent claim.",
    ]
    for text in map(fold, texts):
        for first in (False, True):
            found = tags(text, first=first)
            assert found <= may_deal_with(text)
            assert {t for t in TOPICS if deals_with(plain_of(text, first=first), t)} == found
