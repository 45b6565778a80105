"""The alignment's folding, second pass and hand links (pure)."""

from __future__ import annotations

from licenses.sources import spdx_text
from licenses.text.comparison import compare
from licenses.text.matching import fold
from licenses.text.rescue import defined_term
from licenses.text.segmentation import Segment, segment


def seg(text: str, label: str = "", heading: str = "", anchor: str = "") -> Segment:
    anchor = anchor or label.strip("().") or "preamble"
    return Segment(label, anchor, anchor, heading, text, 0, len(text), 0, None)


def test_fold_ignores_quotes_dashes_spacing_and_case():
    assert fold("The “Licensor” — you ,and  ‘them’") == fold("the \"licensor\" - You, AND 'them'")
    assert fold("non\u2011exclusive\u00a0licence") == fold("non-exclusive licence")
    assert fold("Definitions") == fold("DEFINITIONS")
    assert fold("licence") != fold("license")
    # text pasted from a PDF: soft hyphens and zero-width spaces are invisible, ligatures are letters
    assert fold("de\u00adfi\u00adnition of the\u200b Work") == fold("deﬁnition of the Work")


def test_a_typography_only_change_is_unchanged_with_punctuation_differing():
    a = [seg('The "Work" means the software – and its documentation.', "1.")]
    b = [seg("THE “Work” means the software — and its documentation.", "1.")]
    (p,) = compare(a, b)
    assert p.kind == "unchanged"
    assert p.typography
    assert p.similarity == 1.0
    assert any(op != "equal" for op, _ in p.redline)  # the marks that differ are shown

    (same,) = compare(a, a)
    assert same.kind == "unchanged" and not same.typography


def test_the_stop_that_ends_a_clause_is_typography():
    assert fold("Definitions.") == fold("DEFINITIONS") == fold("Definitions:")
    assert fold("You may copy it. Or not.") != fold("You may copy it Or not")  # only the last one
    (p,) = compare([seg("Definitions.", "1.")], [seg("DEFINITIONS", "1.")])
    assert p.kind == "unchanged" and p.typography


def test_a_changed_word_is_never_unchanged():
    a = [seg("You may copy the software.", "1.")]
    b = [seg("You may not copy the software.", "1.")]
    (p,) = compare(a, b)
    assert p.kind == "changed"


def test_definitions_of_the_same_term_pair_even_when_rewritten():
    assert defined_term(fold('"Covered Code" means the Original Code')) == "covered code"
    assert defined_term(fold("“Licensed Patents” mean patent claims")) == "licensed patents"
    a = [
        seg("Definitions.", "1."),
        seg('"Executable" means Covered Code in any form other than Source Code.', "1.1", anchor="1.1"),
        seg('"Larger Work" means a work combining Covered Code with other code.', "1.2", anchor="1.2"),
    ]
    b = [
        seg("Definitions.", "1."),
        seg('"Executable" shall refer to every form of the work but its preferred one.', "1.1", anchor="1.1"),
        seg(
            '"Larger Work" means a work that combines Covered Software with other material.',
            "1.2",
            anchor="1.2",
        ),
    ]
    kinds = [(p.kind, p.a.path if p.a else None, p.b.path if p.b else None) for p in compare(a, b)]
    assert ("changed", "1.1", "1.1") in kinds


def test_rare_shared_phrases_pair_a_rewritten_clause():
    # Apache-1.1 §3 and Apache-2.0 §4(d) share "wherever such third-party ... normally appear"
    pairs = compare(segment(spdx_text("Apache-1.1")), segment(spdx_text("Apache-2.0")))
    notice = next(p for p in pairs if p.b is not None and p.b.path == "4(d)")
    assert notice.a is not None and notice.a.path == "3"


def test_a_weak_match_far_out_of_order_is_not_shown_as_moved():
    # MPL-1.1 §5 (Application of this License) is not MPL-2.0's 1.5(a), whatever words they share
    pairs = compare(segment(spdx_text("MPL-1.1")), segment(spdx_text("MPL-2.0")))
    wrong = [p for p in pairs if p.a is not None and p.a.path == "5" and p.b is not None]
    assert not wrong


def test_links_by_hand_pair_first_and_unlinks_never_pair():
    a = [seg("Alpha clause about the grant of rights.", "1."), seg("Gamma clause on warranty.", "2.")]
    b = [seg("Entirely new wording here.", "1."), seg("Gamma clause on warranty.", "2.")]
    plain = compare(a, b)
    assert [p.kind for p in plain][-1] == "unchanged"
    linked = compare(a, b, links=[("1", "1")])
    first = next(p for p in linked if p.a is a[0])
    assert first.b is b[0] and first.manual and first.kind == "changed"
    # unlinking a pair the engine made keeps both clauses apart
    apart = compare(a, b, unlinks=[("2", "2")])
    assert {p.kind for p in apart if p.a is a[1] or p.b is b[1]} == {"removed", "added"}
    # links to clauses that no longer exist are ignored
    assert [p.kind for p in compare(a, b, links=[("9", "1")])] == [p.kind for p in plain]


def test_definitions_put_in_another_order_are_not_moves():
    # A definitions list is a glossary: a new version that sorts it differently moved nothing.
    old = segment(
        '1. Definitions.\n\n"Model" means the trained weights.\n\n"Output" means what the Model makes.\n\n'
        '"Data" means what the Model learned from.\n\n2. Grant.\n\nYou may use the Model.\n'
    )
    new = segment(
        '1. Definitions.\n\n"Data" means what the Model learned from.\n\n"Model" means the trained weights.\n\n'
        '"Output" means what the Model makes.\n\n2. Grant.\n\nYou may use the Model.\n'
    )
    kinds = {(p.a.path if p.a else None): p.kind for p in compare(old, new)}
    assert kinds == {
        "1": "unchanged",
        "1.def-model": "unchanged",
        "1.def-output": "unchanged",
        "1.def-data": "unchanged",
        "2": "unchanged",
    }


def test_a_clause_put_in_another_place_is_still_a_move():
    old = segment(
        "1. Grant.\n\nYou may use it.\n\n2. Notice.\n\nKeep this notice.\n\n3. Fees.\n\nNo fee is due.\n"
    )
    new = segment(
        "1. Notice.\n\nKeep this notice.\n\n2. Fees.\n\nNo fee is due.\n\n3. Grant.\n\nYou may use it.\n"
    )
    kinds = {p.a.path: p.kind for p in compare(old, new)}
    assert kinds["1"] == "moved"
