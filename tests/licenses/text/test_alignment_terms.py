"""The one clause of each side that defines a term links (licenses.text.terms). Pure, on synthetic texts of our own.

The old text defines "toolkit" in passing inside its opening clause; the new one gives it a
definition of its own in a glossary, in other words.
"""

from __future__ import annotations

from licenses.text.matching import Side, fold
from licenses.text.terms import defined_terms, term_links
from tests.licenses.text.test_alignment_scoped import at, segs  # rows of (path, parent, text)

OPENING = (
    "0",
    None,
    'These terms cover every program that carries a notice naming them. A "toolkit" means a set '
    "of gardening routines prepared to be linked with other programs. Each recipient is called you.",
)
OLD = [OPENING, ("1", None, "You may copy the toolkit verbatim in any medium.")]
NEW = [
    ("0", None, "Definitions."),
    ("0.def-the-toolkit", "0", '"The Toolkit" refers to a covered work governed by these terms.'),
    ("1", None, "You may copy the toolkit verbatim in any medium."),
]


def test_a_term_is_read_anywhere_in_a_clause_without_its_article():
    assert defined_terms(fold(OPENING[2])) == {"toolkit"}
    assert defined_terms(fold(NEW[1][2])) == {"toolkit"}
    assert defined_terms(fold('The word "toolkit" appears in the title.')) == set()


def test_the_only_clauses_to_define_a_term_link():
    sa, sb = Side(segs(OLD)), Side(segs(NEW))
    kept = {(at(OLD, "1"), at(NEW, "1"))}
    assert term_links(sa, sb, kept) == {(at(OLD, "0"), at(NEW, "0.def-the-toolkit"))}
    assert term_links(sa, sb, kept | {(at(OLD, "0"), at(NEW, "0.def-the-toolkit"))}) == set()


def test_a_term_defined_twice_on_one_side_links_nothing():
    new = [*NEW, ("2", None, 'In this section "toolkit" means the compiled routines only.')]
    sa, sb = Side(segs(OLD)), Side(segs(new))
    assert term_links(sa, sb, set()) == set()


def test_a_term_in_single_quotes_is_read_and_an_apostrophe_opens_none():
    assert defined_terms(fold("In these terms 'Gadget' means any device built from the plans.")) == {"gadget"}
    assert defined_terms(fold("\u2018The Plans\u2019 refers to the drawings we publish.")) == {"plans"}
    assert defined_terms(fold("The maker's name 'means' little here.")) == set()
    assert defined_terms(fold("You can't say what the maker's drawings mean.")) == set()


def test_terms_quoted_in_single_quotes_on_one_side_and_double_on_the_other_link():
    old = [
        ("1", None, "Definitions. 'Gadget' means any device built from the plans, in whole or in part."),
        ("2", None, "You may build and sell gadgets."),
    ]
    new = [
        ("1", None, "Definitions."),
        ("1.1", "1", '"Gadget" means any object made by following the published drawings.'),
        ("2", None, "You may build and sell gadgets."),
    ]
    sa, sb = Side(segs(old)), Side(segs(new))
    kept = {(at(old, "1"), at(new, "1")), (at(old, "2"), at(new, "2"))}
    assert term_links(sa, sb, kept) == {(at(old, "1"), at(new, "1.1"))}
