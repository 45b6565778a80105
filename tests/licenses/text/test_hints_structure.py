"""licenses.text.hints, second round: rules read clause structure, not one license's phrases.

Pure (no Django). Every sentence here is our own wording, unlike any labelled clause, with an
invented "Gadget" and "Owner", so that the tests check the shape a rule looks for.
"""

import pytest

from licenses.text.hints import Terms, candidate_hints, defined_terms
from licenses.text.hints.clean import is_about_license_text, is_definition, readable


def numbers(text: str, heading: str = "", terms: Terms | None = None) -> set[int]:
    return {h.number for h in candidate_hints(text, heading, terms=terms or Terms())}


# --- OSD 1: a permission whose verb list reaches passing copies on; fees ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Owner gives you a licence to run, study, copy, and sell the Gadget.",
        "You may store, print and give away copies of the Gadget.",
        "Licensee is free to mirror, copy and redistribute the Gadget.",
        "Passing on the Gadget, changed or not, and its redistribution are permitted.",
        "Permission is hereby granted to everybody, without any payment, to copy the Gadget and to sell it.",
        "Copies handed to others must be distributed at no charge beyond the cost of the disc.",
        "Each box of the Gadget may be sold with other things, but no copy may be sold by itself.",
        "You may charge a handling fee for each copy you pass on.",
        "Copies may be shared only for non-commercial purposes.",
    ],
)
def test_osd1_passing_copies_on_and_fees(text):
    assert 1 in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        # a reservation is not a grant
        "The Owner reserves the right to sell and distribute the Gadget in other forms.",
        # the licensee licenses its own changes back: not a grant of redistribution to it
        "You hereby grant the Owner a licence to copy and distribute Your Changes.",
        # the price of a source copy is OSD 2's business
        "You may charge a fee no higher than your cost for a copy of the source code.",
        # a fee for a service, not for the software
        "You may charge a fee for warranty or support that you offer yourself.",
        # "you may no longer" ends a right
        "If you break these terms you may no longer copy or distribute the Gadget.",
        # a permission tied to this license is a condition that the license travel (OSD 7)
        "Recipients may redistribute the Gadget only under this License.",
        # patent grants sell for patent reasons only
        "Each Owner grants you a licence under its patent claims to make, sell and import the Gadget.",
    ],
)
def test_osd1_not_a_grant_or_fee_on_copies(text):
    assert 1 not in numbers(text)


# --- OSD 2: the source is provided, offered or obtainable -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Anyone who gets a binary must also be able to obtain the complete source code.",
        "Include the full source files with every installer you hand out.",
        "The source code of your changed Gadget must be made available to each recipient.",
        "'Editable text' is the form most convenient for people to study and modify.",
    ],
)
def test_osd2_source_availability(text):
    assert 2 in numbers(text)


def test_osd2_not_a_file_next_to_the_source():
    assert 2 not in numbers("Put a file called NOTES next to your source files.")
    assert 2 not in numbers("Users asked us for a preferred form of credit line to use.")
    assert 2 not in numbers(
        "This list names the files, including manuals and source code, that carry the Owner's name."
    )
    assert 2 not in numbers("You may not receive payment for the source code.")
    assert 2 not in numbers("Include a credits file with the source code bundle.")


# --- OSD 3: modification granted, withheld, or bound to the same terms ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Owner gives you the right to study, adapt and improve the Gadget.",
        "Use of the Gadget, with or without modifications, is permitted.",
        "Permission is granted to anyone to run the Gadget on any machine, and to alter it.",
        "Any modified version you pass on must be licensed to everyone under this License.",
        "You may make derivatives of the Gadget for any use.",
    ],
)
def test_osd3_modification(text):
    assert 3 in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Owner reserves the right to modify the Gadget at any time.",
        "Nobody other than the Owner may change these terms.",
        "You may not use the Owner's trademarks on modified versions.",
    ],
)
def test_osd3_not_a_grant_of_modification(text):
    assert 3 not in numbers(text)


# --- OSD 4: names of changed versions, a record of changes ----------------------------------


def test_osd4_names_and_change_records():
    assert 4 in numbers("Versions derived from the Gadget must not be called Gadget.")
    assert 4 in numbers("No changed version may use the Reserved Names of the Gadget.")
    assert 4 in numbers("Keep a file documenting the changes you made and their dates.")
    # the usual endorsement clause is not about the integrity of the source
    assert 4 not in numbers(
        "The Owner's name may not be used to endorse or promote products derived from the Gadget, "
        "which must not be called Gadget Pro."
    )


# --- OSD 5: export control with its laws, excluded countries ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You shall not re-export the Gadget without the approval the law requires.",
        "Exporting the Gadget is subject to the trade regulations of your country.",
        "The Owner may add a clause excluding some countries from this grant.",
        "The Gadget may not be provided to nationals of the listed states.",
    ],
)
def test_osd5_export_and_countries(text):
    assert 5 in numbers(text)


def test_osd5_not_patent_lists_or_government_alone():
    assert 5 not in numbers(
        "The Owner grants a licence under its patent claims to make, use, sell and export the Gadget."
    )
    assert 5 not in numbers("Rights of the federal government in the Gadget are those of this licence.")


# --- OSD 6: narrowed uses, fields of application ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "You may run the Gadget solely for your own internal evaluation.",
        "The Gadget is offered for academic use only.",
        "The Gadget may be used without any limit as to its fields of application.",
        "Use of the Gadget by or for any military body is not licensed.",
    ],
)
def test_osd6_fields(text):
    assert 6 in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        # allowing both is not a limit
        "You may use the Gadget for commercial or non-commercial purposes.",
        # a license's elements listed by name
        "The elements of this licence are Attribution, NonCommercial and ShareAlike in its title.",
        # a warning about fitness, not a restriction
        "The Gadget is not designed or intended for use in nuclear plants.",
    ],
)
def test_osd6_not_a_limit(text):
    assert 6 not in numbers(text)


# --- OSD 7: the license with every copy; no further restrictions on recipients ----------------


def test_osd7_terms_travel_and_no_further_restrictions():
    assert 7 in numbers("Every copy must contain the author's notice and this license.")
    assert 7 in numbers("You may not impose any further restrictions on what recipients may do.")
    # a grant that imposes no further restriction on the licensee is not about recipients
    assert 7 not in numbers("The Owner may add a grant that does not impose any additional restriction.")
    # the license document itself
    assert 7 not in numbers("Any person is authorized to duplicate and distribute copies of this Agreement.")


# --- OSD 8: a grant tied to one product or platform -------------------------------------------


def test_osd8_product_tied():
    assert 8 in numbers("The licence covers the Gadget only for use with the Owner's own devices.")
    assert 8 in numbers("These rights apply solely as part of the Owner's product.")
    assert 8 not in numbers("You are solely responsible for your own systems.")


# --- OSD 9: other software used together -----------------------------------------------------


def test_osd9_other_libraries_together():
    assert 9 in numbers("You may not ship other proprietary libraries together with the Gadget.")


# --- definitions and clean-up ------------------------------------------------------------------


def test_definitions_name_things_and_get_few_hints():
    assert is_definition('"Release" means making copies of the Gadget available to others.')
    assert is_definition("‘Derived Gadget’ means any work based on the Gadget.")
    assert not is_definition("You may copy the Gadget.")
    assert (
        numbers('"Original Parts" means the source code of the Gadget, including the source code of updates.')
        == set()
    )
    # a definition of the non-commercial limit is itself the limit
    assert 6 in numbers('"Non-Commercial" means not intended for commercial advantage.')
    assert 2 in numbers('"Source" means the preferred form for making changes.')


def test_sentences_about_changing_the_terms_are_about_the_license():
    assert is_about_license_text("No one but the Steward may modify the terms applicable to the Gadget.")
    assert is_about_license_text("The Owner may revise these terms.")


def test_defined_distribution_terms_still_widen_grants():
    terms = defined_terms(['"Hand Over" means the making of the Gadget available to a third party.'])
    assert 1 in numbers("You may copy and Hand Over the Gadget.", terms=terms)


def test_binaries_and_licensing_of_the_source_are_not_osd1_or_osd2_grants():
    # terms for binaries: what goes with them is the source question
    assert 1 not in numbers(
        "You may pass the Gadget on in object code form, provided that you also offer the source."
    )
    # source "available under" other licenses is about licensing, not providing it
    assert 2 not in numbers("This source code may also be made available under the following other licences.")


def test_verb_lists_cost_linear_time():
    """The permission shape (a verb list of up to eight items) does not backtrack badly on long
    sentences of list-like words that never reach a verb: four times the text, about four times
    the time (best of five, so that a busy machine does not count)."""
    import time

    def best(reps: int) -> float:
        text = "Permission is hereby granted to " + "alpha beta, gamma and delta, " * reps
        times = []
        for _ in range(5):
            start = time.perf_counter()
            candidate_hints(text)
            times.append(time.perf_counter() - start)
        return min(times)

    small, large = best(150), best(600)
    assert large < 8 * small + 0.2


# --- Third round: shapes that made false hits on unlabelled SPDX clauses ---------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # a verb list ends at a modal verb: the right is revoked, not the Gadget modified
        ("Your right to view, print or share the Gadget will be revoked or modified on breach.", 3),
        # a participle between "rights" and "to" makes the rights something else's subject
        ("Describe the recipients' rights relating to changed copies of the Gadget.", 3),
        # a right that ends
        ("Once the term is over, you shall no longer be allowed to copy, alter or pass on the Gadget.", 3),
        ("Any breach results in the revocation of all rights to copy and redistribute the Gadget.", 1),
        # a right spoken of to say what it does not give
        ("The right to redistribute the Gadget does not give you the right to use the Owner's logo.", 1),
        # a royalty in a patent dispute, or one the licensee is spared
        (
            "Unless you agree to pay the Owner a reasonable royalty or drop the litigation claim, this grant ends.",
            1,
        ),
        ("The Owner has secured the rights needed, without you having to pay any royalties to anybody.", 1),
        # acts that mean acceptance are named, not granted
        (
            "By copying or changing the Gadget you indicate your acceptance of these terms and all its terms for copying, sharing or altering it.",
            3,
        ),
        # "License to the contrary" lists no verbs
        (
            "Notwithstanding anything in this License to the contrary, by selling or altering the Gadget you and the Owner agree to arbitration.",
            3,
        ),
        # a licence the Owner offers each recipient is OSD 7's matter, not share-alike
        (
            "Each time you pass on an adaptation, the Owner offers the recipient a licence to the original Gadget on the same terms.",
            3,
        ),
        # a license's name
        ("Gadget Attribution-ShareAlike 3.0", 3),
        # describing what a form consists of is no offer of the source
        ("This may include source files, drawings and notes.", 2),
        ("If no source code licence is included, the Gadget's source code is under the Owner's terms.", 2),
    ],
)
def test_third_round_shapes_are_not_hints(text, number):
    assert number not in numbers(text)


def test_a_file_notice_pointing_to_the_license_is_no_condition_that_it_travel():
    assert 7 not in numbers("You may obtain a copy of the License at https://gadget.example/licence.")
    assert 7 in numbers("You must give every recipient a copy of this License.")


def test_larger_work_counts_as_a_combination_not_as_an_item_of_a_grant():
    assert 9 in numbers(
        "You may build a Larger Work by joining the Gadget with other code not under this licence."
    )
    assert 9 not in numbers(
        "to copy and pass on the Gadget, with or without changes, or as part of a Larger Work; and"
    )


def test_advice_on_applying_the_license_is_about_its_text():
    heading = "How to Apply These Terms to Your Own Gadget"
    assert numbers("Anyone may then copy and change your gadget under these terms.", heading) == set()


def test_a_term_for_the_work_and_its_derivatives_together_is_not_a_derived_term():
    terms = defined_terms(
        [
            '"Covered Gadget" means the Original Gadget or Changes to it.\n'
            '"Gadget Source" means the preferred form of the Gadget for making modifications.\n'
            '"Changed Gadget" means all alterations and derivative works of the Gadget.\n'
        ]
    )
    assert "Covered Gadget" not in terms.derived and "Gadget Source" not in terms.derived
    assert "Gadget Source" in terms.source
    assert "Changed Gadget" in terms.derived


@pytest.mark.parametrize(
    "sentence",
    [
        '"Object" form shall mean any form made by compiling the Source form.',
        '"Setup Data" for a Gadget Device means the keys needed to install it.',
        '"Original Gadget": means the first release of the Gadget.',
    ],
)
def test_qualified_definitions_are_definitions(sentence):
    assert is_definition(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "The terms for any changed copy or derivative of the Gadget cannot be changed.",
        "Gadgets and their derivatives, however, may not be released under any other licence.",
        "Adaptations must not be shared with anyone.",
    ],
)
def test_osd3_derived_works_that_may_not_be_released(text):
    assert 3 in numbers(text)


def test_osd3_a_reciprocal_grant_of_your_changes_to_everyone():
    assert 3 in numbers(
        "You hereby grant everyone who receives the Gadget a licence to copy and share Your Modifications."
    )
    # to the Owner alone it is a contributor agreement
    assert 3 not in numbers("You hereby grant the Owner a licence to keep Your Modifications on file.")


# --- issue 19, fourth round: shapes found on the tune splits, checked on unlabelled texts -------


def test_a_drawn_table_is_read_cell_by_cell():
    table = (
        "Gadget Rights\n"
        "+--------------------------+---+-------------------------+---+\n"
        "| Change the Gadget        | ✓ | Selling the Gadget      | ✗ |\n"
        "+--------------------------+---+-------------------------+---+\n"
        "| Commercial Use of Output | ✗ | Keep Original Licence   | ✓ |\n"
        "+--------------------------+---+-------------------------+---+\n"
        "| No Warranty              | ✓ |                         |   |\n"
    )
    assert "Commercial Use of Output ✗" in readable(table)
    # the warranty row no longer hides the rest of the table
    assert {6, 7} <= numbers(table)


@pytest.mark.parametrize(
    "text",
    [
        # a grant cited from another section is read where it is made
        "To be clear, Section 3(b) grants You the right to copy and sell the Gadget's tables.",
        # a verb list stops at a negation
        "The Licence extends to the Gadget, and you may not copy, print or sell the Gadget unless it says so.",
        # terms set for the acts (a licence for one's changes, OSD 3), not the acts granted
        "You may offer your own terms and conditions for use, copying, or distribution of your changes.",
    ],
)
def test_osd1_cited_negated_or_terms_for_grants_are_no_grants(text):
    assert 1 not in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "To be clear, Section 3(b) grants You the right to copy and change the Gadget's tables.",
        "The Licence extends to the Gadget, and you may not copy, print or change the Gadget unless it says so.",
    ],
)
def test_osd3_cited_or_negated_grants_are_no_grants(text):
    assert 3 not in numbers(text)


def test_osd1_a_fee_the_licensor_would_pay_is_no_fee():
    assert 1 not in numbers(
        "Once the Owner can, without payment of a royalty, sell the Gadget again, it will say so."
    )
    assert 1 in numbers("You must pay the Owner a royalty on each copy you sell.")


@pytest.mark.parametrize(
    "text",
    [
        "You are free to: print and lend the Gadget; alter the Gadget; show it to friends.",
        "You must not:\n\nadapt the Gadget or any part of it;",
        "Anyone who changes the Gadget must license each Derivative Work under this License.",
        "Your changes must not keep anyone else from making changes of their own to the Gadget.",
    ],
)
def test_osd3_list_items_share_alike_verbs_and_freedom_to_change(text):
    assert 3 in numbers(text)


def test_osd3_a_licensor_not_obliged_to_license_changes_asks_nothing():
    assert 3 not in numbers(
        "The Owner is under no obligation to license such Modifications under this License."
    )


def test_osd7_the_licence_travels_but_including_it_is_not_sufficient_for_something_else():
    assert 7 in numbers("Each copy you hand on must keep the original licence with it.")
    assert 7 not in numbers(
        "Merely including a copy of this Licence is not sufficient to relicense the Gadget."
    )


def test_osd3_a_list_of_element_names_is_no_share_alike_term():
    assert 3 not in numbers(
        "The parts of this licence are called Attribution, NonCommercial, and ShareAlike."
    )
    assert 3 in numbers("ShareAlike. If you share a changed Gadget, you must share it under these terms.")


def test_osd9_combination_with_other_software_or_hardware_is_patent_scope():
    assert 9 not in numbers("iii) the combination of the Gadget with other software or hardware.")
    assert 9 in numbers("You may combine the Gadget with other software and hand on the two together.")


def test_permission_table_rows_on_copies_and_source():
    table = "| Sell Exact Copy | ✗ |\n| Disclose Source | ✓ |\n"
    assert {1, 2} <= numbers(table)
    assert 2 not in numbers("| Source Files | 12 |\n")


def test_a_promise_not_made_is_a_disclaimer():
    assert 2 not in numbers(
        "The Owner makes no promises that the Gadget's source code is available anywhere."
    )
    assert 2 in numbers("The Gadget's source code is available from the Owner on request.")


@pytest.mark.parametrize(
    "text",
    [
        "Copies of the Gadget may be handed on and distributed only under the terms of this Licence.",
        "Every changed Gadget must be distributed wholly under this licence.",
    ],
)
def test_osd7_copies_pass_on_only_under_this_license(text):
    assert 7 in numbers(text)


def test_osd7_a_work_offered_under_this_license_sets_no_condition():
    assert 7 not in numbers("The Gadget is offered under this Licence by the Owner.")


@pytest.mark.parametrize(
    "text",
    [
        "If you change the Gadget, tag your copy as a variant of the Gadget.",
        "Anyone who edits the Gadget must clearly state that changes have been made.",
        "A changed Gadget must carry a name that is different from the Owner's name for it.",
        "The Gadget may be copied, but not altered unless its name is changed also.",
        "Please mark as “not part of the original” any modification you make to the Gadget.",
    ],
)
def test_osd4_changed_versions_labelled_or_renamed(text):
    assert 4 in numbers(text)


def test_osd4_a_label_with_no_change_in_view_is_not_marking_changes():
    assert 4 not in numbers("Each box must be labelled as such by the seller.")


@pytest.mark.parametrize(
    "text",
    [
        "Your own terms for the binary Gadget must not narrow or restrict the recipients' rights in its source.",
        "Whenever you hand the Gadget on, the Owner offers each recipient a licence on these same terms.",
        "No one may remove this licence from a copy of the Gadget.",
    ],
)
def test_osd7_recipients_keep_their_rights(text):
    assert 7 in numbers(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you do not agree to these terms, do not open or run the Gadget.",
        "Anyone who starts the Gadget is deemed to have accepted these terms.",
        "Handing the Gadget on in any form signifies acceptance of this licence.",
    ],
)
def test_osd10_acceptance_said_the_other_way_round_or_deemed(text):
    assert 10 in numbers(text)


def test_osd10_a_duty_to_agree_names_no_act():
    assert 10 not in numbers("To get any licence under these terms, you must agree to them.")


def test_osd3_passive_permissions_with_an_adverb():
    assert 3 in numbers(
        "Modifications, and passing on changed copies, are also permitted if the files are renamed."
    )
    # a condition on passing on the work *or* a derivative is a condition on every copy
    assert 3 not in numbers(
        "If you publish copies of the Gadget or any Derivative Work, the Owner must be told."
    )


def test_a_passive_grant_with_freely_or_also_grants():
    assert {1, 3} <= numbers(
        "The Gadget may be freely copied, changed, and redistributed on these conditions:"
    )
    assert 1 in numbers("Changed Gadgets may also be copied and sold for any purpose.")
    assert 1 not in numbers("The Gadget may be distributed by the Owner alone.")
    assert 3 in numbers("You may otherwise modify your copy of the Gadget.")


@pytest.mark.parametrize(
    "text",
    [
        "You cannot sell the Gadget's manual.",
        "Resale of the Gadget by a shop to anyone is prohibited if money changes hands.",
        "Whoever hands on copies of the Gadget, for nothing or for a small fee, must pass on these rights.",
        "Everyone may copy the Gadget (and charge for it if they like).",
        "Redistributions must be made at no charge to the recipient.",
    ],
)
def test_osd1_prohibitions_and_fees_for_passing_copies_on(text):
    assert 1 in numbers(text)


def test_osd1_a_fee_for_a_source_copy_stays_with_osd2():
    assert 1 not in numbers("You may charge for the physical act of sending a copy of the source code.")


def test_osd2_providing_the_source_as_a_list_item():
    assert 2 in numbers("- Providing the source code and build files of every changed Gadget;")


@pytest.mark.parametrize(
    "text",
    [
        "Parts of a product that are separate works of their own are not covered by this Licence.",
        "Add-ons shipped beside the Gadget under their own licence are separate programs.",
        "Its terms may contradict the terms of other closed libraries you ship with it.",
    ],
)
def test_osd9_where_the_license_stops_for_other_software(text):
    assert 9 in numbers(text)


def test_osd9_a_patent_carve_out_for_other_software_is_not_osd9():
    assert 9 not in numbers(
        "This clause does not apply to patent claims on the Gadget combined with other software or hardware."
    )
