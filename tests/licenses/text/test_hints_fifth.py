"""licenses.text.hints, fifth round: general fixes found on unlabelled SPDX clauses.

Pure (no Django). Every sentence is our own wording, with an invented "Gadget", "Widget" and
"Owner", so that the tests check the shape of a clause, not one license's phrase.
"""

import pytest

from licenses.text.hints import (
    Terms,
    candidate_hints,
    derived,
    discrimination,
    integrity,
    license_reach,
    neutrality,
    redistribution,
    source,
)
from licenses.text.hints.clean import is_about_license_text, is_definition
from licenses.text.hints.rules import RULES


def numbers(text: str, heading: str = "") -> set[int]:
    return {h.number for h in candidate_hints(text, heading, terms=Terms())}


# --- definitions quoted the TeX way are definitions -------------------------------------------


def test_a_definition_in_tex_quotes_is_a_definition():
    assert is_definition("``Bundle'' means a work that puts the Gadget together with code under other terms.")
    assert is_definition("``Gadget Source'' shall mean the form people edit.")
    assert not is_definition("``Bundle'' is what people call a box set, and you may give it away.")


def test_a_tex_quoted_definition_of_a_larger_work_is_not_an_osd9_term():
    text = "``Larger Work'' means a work that joins the Gadget with other code not governed by this Licence."
    assert 9 not in numbers(text)
    # the clause that uses the name still counts
    assert 9 in numbers(
        "You may build a Larger Work by joining the Gadget with other code and ship it as one product."
    )


# --- OSD 9: OSD 1's own words about aggregate distributions set no term for other software -----


def test_a_component_of_an_aggregate_distribution_is_osd1_wording_not_osd9():
    text = "You may sell the Gadget by itself or as a component of an aggregate software distribution of many programs."
    assert 9 not in numbers(text)
    assert 1 in numbers(text)


def test_mere_aggregation_still_reads_as_osd9():
    assert 9 in numbers(
        "Mere aggregation of the Gadget with an unrelated program on one disc does not extend these terms to it."
    )


# --- OSD 1: the license as an instrument is no grant -----------------------------------------


def test_using_this_license_for_your_own_works_grants_no_redistribution():
    assert 1 not in numbers(
        "You may use this License to distribute your own tools, and then its terms apply to them."
    )
    assert 1 not in numbers("Authors can apply this Licence to share new manuals.")
    # a grant in the same words stays a grant
    assert 1 in numbers("You may distribute your copies of the Gadget.")


def test_contributions_given_to_the_licensor_are_no_grant_to_you():
    text = "If you send your contributions to the Owner, you are giving the Owner the contributions free of charge, to use, change or distribute."
    assert 1 not in numbers(text)
    assert 1 in numbers("The Owner lets you have the Gadget free of charge, to use, change or distribute.")


# --- OSD 2: the source inside a patent clause ------------------------------------------------


def test_the_source_named_inside_a_patent_clause_is_no_osd2_term():
    text = "If you pass on the Gadget while relying on a patent licence, and the source code is not available to the public, you must make it so."
    assert 2 not in numbers(text)
    assert 2 in numbers("If you pass on the Gadget, the source code must be available to every recipient.")


# --- OSD 3: moral rights; an exception's boilerplate is about the license text ----------------


def test_moral_rights_about_adaptations_are_no_grant_to_modify():
    text = (
        "Where the right to adapt the Gadget would be taken as harm to the author's honour and reputation, "
        "the Owner waives that right so far as the law allows."
    )
    assert 3 not in numbers(text)
    assert 3 in numbers("You have the right to adapt the Gadget and to share what you make.")


def test_an_exception_statement_about_itself_is_about_the_license_text():
    assert is_about_license_text(
        "If you change the Widget, you may extend this exception to your version of it."
    )
    assert is_about_license_text("If you would rather not, delete this exception statement from your copy.")
    assert 3 not in numbers("If you change the Widget, you may extend this exception to your version of it.")


# --- the rules live in one module per criterion or theme --------------------------------------


@pytest.mark.parametrize(
    ("module", "criteria"),
    [
        (redistribution.REDISTRIBUTION, {1}),
        (source.SOURCE_CODE, {2}),
        (derived.DERIVED_WORKS, {3}),
        (integrity.INTEGRITY, {4}),
        (discrimination.DISCRIMINATION, {5, 6}),
        (license_reach.LICENSE_REACH, {7, 8, 9}),
        (neutrality.NEUTRALITY, {10}),
    ],
)
def test_each_module_holds_the_rules_of_its_criteria(module, criteria):
    assert {r.number for r in module} == criteria


def test_the_gathered_rules_are_every_module_in_criterion_order():
    assert [r.number for r in RULES] == sorted(r.number for r in RULES)
    assert len(RULES) == sum(
        len(m)
        for m in (
            redistribution.REDISTRIBUTION,
            source.SOURCE_CODE,
            derived.DERIVED_WORKS,
            integrity.INTEGRITY,
            discrimination.DISCRIMINATION,
            license_reach.LICENSE_REACH,
            neutrality.NEUTRALITY,
        )
    )


# --- second batch: rights that end, pointers to other licensing, a source copy's price --------


def test_rights_that_are_the_subject_of_their_own_end_grant_nothing():
    text = "If you sue the Owner, then all rights to copy, pass on or run the Gadget shall end at once."
    assert 1 not in numbers(text)
    assert 1 in numbers("You have the right to copy and redistribute the Gadget.")


def test_a_pointer_to_licensing_on_other_terms_grants_nothing():
    text = "For a licence to run or redistribute the Gadget under conditions other than those below, write to the Owner."
    assert 1 not in numbers(text)


def test_indicating_that_you_understand_and_accept_names_acts_and_grants_none():
    text = (
        "Only this licence gives you the right to run, share and change the Gadget; "
        "so by running, sharing or changing it you indicate that you understand and accept it."
    )
    assert 1 not in numbers(text) and 3 not in numbers(text)


def test_a_cap_on_the_price_of_a_source_copy_is_no_ban_on_selling():
    assert 1 not in numbers(
        "You may not charge a fee for any copy of the source code beyond what the disc cost you."
    )
    assert 1 not in numbers("You cannot charge for, or take gifts for, the source code of the Gadget.")
    assert 1 in numbers("You may not sell the Gadget.")


def test_a_long_subject_at_the_head_of_a_passive_grant_still_grants():
    text = (
        "Redistribution of this kit and of any gadget built from it, in paper or electronic form, together with "
        "its manuals, with or without changes (“the Kit”), is permitted provided that these rules are kept."
    )
    assert 1 in numbers(text)


# --- a list of duties that names a disclaimer is read part by part ----------------------------


def test_a_duty_list_naming_a_disclaimer_keeps_its_other_duties():
    text = (
        "You may pass on copies of the Gadget, provided that you put on each copy a notice and a disclaimer of "
        "warranty; keep every notice about the absence of any warranty; and hand each recipient a copy of this "
        "Licence with the Gadget."
    )
    assert 7 in numbers(text)


def test_a_disclaimer_split_by_semicolons_stays_unread():
    text = (
        "THE GADGET IS PROVIDED AS IS; THE OWNER SHALL NOT BE LIABLE FOR ANY CLAIM ARISING FROM OTHER DEALINGS "
        "WITH OTHER SOFTWARE; NO WARRANTY OF FITNESS IS GIVEN."
    )
    assert numbers(text) == set()


# --- OSD 7: a copy of or a link to the terms; notices that refer to the license ----------------


def test_a_copy_of_or_a_link_to_the_terms_travels_with_copies():
    assert 7 in numbers(
        "If you pass on the Gadget, you must include a copy of or a link to these Terms with it."
    )


def test_notices_that_refer_to_this_license_are_kept_intact():
    assert 7 in numbers("In every copy, keep intact all notices in the Gadget that refer to this License.")
    assert 7 not in numbers("In every copy, keep intact all notices in the Gadget that name its authors.")


def test_which_version_of_the_license_governs_is_about_the_license_text():
    text = "You may always go on using and passing on the Gadget under the version of the License under which you got it."
    assert is_about_license_text(text)
    assert 1 not in numbers(text)
    assert is_about_license_text(
        "You may also follow any later version of this License published by the Steward."
    )
    assert is_about_license_text(
        "If you change the parser, you may remove this special exception from your copy."
    )


def test_two_element_names_joined_by_and_are_no_share_alike_term():
    assert 3 not in numbers("The elements of this licence are Attribution and ShareAlike.")
    assert 3 in numbers("If you share adapted work, you must license it under this License, ShareAlike.")


# --- grant items that start with "to" --------------------------------------------------------


def test_a_grant_item_starting_with_to_reads_like_one_starting_with_its_verb():
    assert 1 in numbers("to copy, show and pass on, distribute or sell copies of the Gadget;")
    assert 3 in numbers("to prepare derivative works of the Gadget;")
    # an item whose only object is derived works is OSD 3's, not OSD 1's
    item = "to Distribute and publicly show Derivative Works."
    assert 3 in numbers(item) and 1 not in numbers(item)
    # a use restriction that starts with "to" grants nothing
    assert numbers("to deceive people by pretending to be human;") & {1, 3} == set()


# --- OSD 4: renamed changed versions, patches --------------------------------------------------


def test_changed_versions_that_must_be_renamed_read_as_osd4():
    assert 4 in numbers("If you change the Gadget's drawings, the Gadget must be renamed.")
    assert 4 in numbers("Changes are allowed, but only if the resulting files are renamed.")
    assert 4 in numbers("You may pass on your changes to the Gadget in patch form.")
    assert 4 not in numbers("The Owner's company was renamed in 2004.")


# --- OSD 10: the act as the subject of acceptance ---------------------------------------------


def test_an_act_as_the_subject_of_acceptance_reads_as_osd10():
    assert 10 in numbers("Use of the Gadget is an explicit acceptance of these rules.")
    assert 10 in numbers(
        "Doing any of the acts above, the exercise of these rights indicates acceptance of the terms."
    )
    assert 10 not in numbers("Use of the Gadget is at your own risk.")


def test_use_solely_for_education_or_teaching_narrows_the_field():
    assert 6 in numbers("You may copy and use the Gadget solely for education, training and benchmarking.")
    assert 6 in numbers("The Gadget may be run only for teaching purposes.")


def test_the_corresponding_machine_readable_source_is_the_corresponding_source():
    assert 2 in numbers("Ship it with the complete corresponding machine-readable source code of the Gadget.")


def test_a_non_commercial_limit_cited_from_another_section_is_read_where_it_is_made():
    cited = "For clarity, Section 3(b) grants You the right to copy and Share the Gadget for NonCommercial purposes only."
    assert numbers(cited) & {1, 6} == set()
    assert {1, 6} <= numbers("You may copy and Share the Gadget for NonCommercial purposes only.")


def test_terms_defined_in_tex_quotes_are_learned():
    from licenses.text.hints import defined_terms

    terms = defined_terms(["``Reworked Gadget'' means any change to or adaptation of the Gadget."])
    assert terms.derived == ("Reworked Gadget",)
