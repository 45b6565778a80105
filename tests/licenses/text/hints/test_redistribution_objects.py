"""Issue 19 (branch hints17): OSD 1 hints read what is passed on. A grant of distributing a
derived work, a combination or a work made from a derived one is OSD 3's or OSD 9's question; a
grant the licensee is deemed to make back is no grant to it; a non-commercial limit on acts that
pass no copies on limits use, not redistribution. Pure; the wording is our own.
"""

from licenses.text.hints import candidate_hints, defined_terms


def osd1(text: str, *, terms=None) -> list[str]:
    kwargs = {"terms": terms} if terms is not None else {}
    return [h.phrase for h in candidate_hints(text, **kwargs) if h.number == 1]


def test_a_derived_work_named_with_a_word_or_two_before_it():
    assert osd1("You may distribute the matching source modifications as a patch with the binaries.") == []
    assert osd1("You may distribute your own small modifications.") == []
    # the work itself and its modifications: still a grant of passing the work on
    assert osd1("You may distribute the Tool and modifications of it.") == ["You may distribute"]
    assert osd1("You may distribute the original or modified versions.") == ["You may distribute"]
    # "possibly modified copies" may be the work as it is
    assert osd1("Permission is granted to distribute possibly modified copies of this page.") == [
        "Permission is granted to distribute"
    ]


def test_a_combination_is_not_the_work():
    assert osd1("You may make and distribute a Larger Work under terms you choose.") == []
    assert osd1("You may distribute the combined work under the terms of your choice.") == []
    assert osd1("You may distribute the Tool as part of a larger work.") == ["You may distribute"]


def test_a_work_made_from_a_derived_work():
    assert (
        osd1("You may distribute a Packaged Work built from a Derived Work, if its source goes with it.")
        == []
    )
    assert osd1("You may distribute a Packaged Work built from the Tool.") == ["You may distribute"]


def test_a_license_the_licensee_is_deemed_to_grant_back():
    text = (
        "If you publish your changes without a separate agreement, you are deemed to have granted the "
        "project a free, perpetual license to use, copy, modify and redistribute them."
    )
    assert osd1(text) == []
    assert osd1(
        "The authors grant you a free, perpetual license to use, copy, modify and redistribute it."
    ) == ["free, perpetual license to use, copy, modify and redistribute"]


def test_a_list_item_begins_with_the_verb_itself():
    text = "Use-based limits of Annex B must be passed on to everyone you distribute to."
    assert osd1(text) == []


def test_a_non_commercial_limit_limits_passing_on_only_where_the_clause_passes_copies_on():
    making = "make, use, reproduce and publicly show Derived Models; for NonCommercial purposes only."
    assert osd1(making) == []
    sharing = "make, use, reproduce and Distribute Derived Models; for NonCommercial purposes only."
    assert osd1(sharing) == ["for NonCommercial purposes only"]
    assert osd1("reproduce and Share the Work, in whole or in part, for NonCommercial purposes only.") == [
        "for NonCommercial purposes only"
    ]


def test_a_defined_term_for_passing_on_counts_as_passing_on():
    terms = defined_terms(['"Hand On" means the act of making the Work available to a third party.'])
    text = "make, use and Hand On the Work; for NonCommercial purposes only."
    assert osd1(text, terms=terms) == ["for NonCommercial purposes only"]
    assert osd1("make and use the Work; for NonCommercial purposes only.", terms=terms) == []


def test_the_work_as_the_subject_of_a_passive_grant():
    assert osd1("This tool may be used, changed, copied, distributed, and sold, if this notice stays.") == []
    assert osd1(
        "This software may be used, changed, copied, distributed, and sold, if this notice stays."
    ) == ["This software may be used, changed, copied, distributed"]
    assert osd1("This file may be freely used, transmitted and printed.") == [
        "This file may be freely used, transmitted"
    ]
    # a condition, a derived work, a combination or a binary as the subject: not a grant
    assert osd1("This program may be distributed only under these terms.") == []
    assert osd1("A modified version of this file may be distributed under another name.") == []
    assert osd1("Programs made by linking your code with this Library may be distributed freely.") == []
    assert osd1("The object code form of the Program may be distributed under your own terms.") == []
    # describing, not granting: "is distributed"
    assert osd1("This program is distributed in the hope that it will be useful.") == []


def test_passing_copies_on():
    assert osd1("You can pass copies around freely if this file goes with them.") == ["can pass copies"]
    assert osd1("You may hand copies on to anyone.") == ["may hand copies"]
    assert osd1("You may give copies only to your employees.") == []


def test_a_non_commercial_limit_standing_alone_closes_a_grant_list():
    # the clause that closes a grant's items ("(iii) ... Distribute Derived Models;" then "for
    # NonCommercial purposes only.") limits the acts listed above it
    assert osd1("for NonCommercial purposes only.") == ["for NonCommercial purposes only"]
    assert osd1("and for non-commercial purposes only;") == ["for non-commercial purposes only"]
    # with acts of its own, those decide
    assert osd1("You may use the Tool for NonCommercial purposes only.") == []
    # the same limit closing items of its own that pass nothing on: those decide
    assert osd1("make, use and publicly show Derived Models;\n\nfor NonCommercial purposes only.") == []
