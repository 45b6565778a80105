"""licenses.text.hints.redistribution (OSD 1): wordings of each rule that the older tests did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

import pytest

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


def test_non_commercial_distribution_limits_passing_copies_on():
    assert found("The Tool is offered for non-commercial distribution.") == [
        (1, "non-commercial distribution"),
        (6, "non-commercial"),
    ]
    assert found("The Tool is offered for non-commercial research.") == [(6, "non-commercial")]


def test_a_distribution_fee_is_a_fee():
    assert found("Resellers pay a distribution fee to the Owner.") == [(1, "distribution fee")]
    assert found("Resellers pay a visit to the Owner.") == []


def test_fees_for_the_work_itself_say_copies_pass_on_free():
    assert found("No one may ask fees for the Tool itself.") == [(1, "fees for the Tool itself")]
    assert found("No one may ask fees for the printed manual.") == []


def test_passing_on_free_of_charge_under_a_contributor_agreement_is_a_grant_back():
    assert found("Copies are passed on free of charge.") == [(1, "Copies are passed on free of charge")]
    assert found("Copies are passed on free of charge under the contributor agreement.") == []


def test_buying_a_commercial_license():
    assert found("Companies must buy a commercial licence.") == [(1, "buy a commercial licence")]
    assert found("Companies must buy a commercial vehicle.") == []


def test_a_grant_of_redistribution_under_a_contributor_agreement_or_to_promote_is_none():
    assert found("You may distribute the Tool.") == [(1, "You may distribute")]
    assert found("You may distribute the Tool as set out in the contributor agreement.") == []
    assert found("You may distribute the Tool, but never to promote other products.") == []


def test_a_grant_item_about_patents_is_no_grant_of_redistribution():
    assert found("make, sell and distribute the Tool;") == [(1, "sell")]
    assert found("make, sell and distribute the patented Tool;") == []
    assert found("make, sell and distribute anything that infringes;") == []


def test_a_row_or_item_that_gives_copies_away():
    assert found("Give away copies freely.") == [(1, "Give away copies")]
    assert found("Give away your spare time.") == []


# --- the exceptions, one by one: each clause below gets its hint once the exception's words go --


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Each licensee pays a royalty for the patents.", []),
        ("A royalty is due for infringing copies.", []),
        ("A royalty is due for the corresponding source.", [(2, "corresponding source")]),
        ("The losing party in any litigation pays a royalty.", []),
        ("A royalty settles all claims.", []),
    ],
)
def test_a_royalty_for_patents_the_source_or_a_dispute_is_no_fee_on_copies(text, expected):
    assert found("Each licensee pays a royalty.") == [(1, "royalty")]
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copies are passed on free of charge under the patents.", []),
        ("Copies that infringe are passed on free of charge.", []),
        ("You grant the Owner copies free of charge.", []),
        ("Copies of the source code are passed on free of charge.", []),
        ("Copies of the corresponding source are passed on free of charge.", [(2, "corresponding source")]),
    ],
)
def test_free_copies_of_patents_the_source_or_given_back_are_not_osd1(text, expected):
    assert found("Copies are passed on free of charge.") == [(1, "Copies are passed on free of charge")]
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copies may be sold for a fee under the patents.", []),
        ("Infringing copies go for a fee.", []),
        ("Copies of the corresponding source go for a fee.", [(2, "corresponding source")]),
    ],
)
def test_copies_for_a_fee_of_patents_or_the_source_are_not_osd1(text, expected):
    assert found("Copies go for a fee.") == [(1, "Copies go for a fee")]
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may distribute the Tool, even if it infringes.",
        "You may distribute the Tool, and doing so indicates your acceptance of these terms.",
        "You may distribute the Tool once you indicate that you accept these terms.",
        "You may distribute the Tool, but there is no licence to sell it.",
        "You may distribute the Tool and nothing in these terms limits that.",
        "Users who breach these terms are no longer free to distribute the Tool.",
        "Your rights to distribute the Tool shall terminate on breach.",
        "You may distribute the Tool and give your contributions to the Owner.",
        "You may distribute the Tool without using the name of the Owner.",
        "You may distribute the Tool, but the Owner does not endorse your copies.",
        "You may distribute the Tool in object code form.",
    ],
)
def test_a_grant_of_redistribution_that_ends_is_withheld_given_back_or_for_binaries_is_none(text):
    assert found(text) == []


def test_a_grant_that_points_to_the_section_that_makes_it_is_read_there():
    """ "you may distribute it under the terms of Section 4" routes to the section that grants and
    conditions it; a grant under the license itself, or under several sections, is still one."""
    assert (
        found("If the bundle holds the Tool, you may distribute the bundle under the terms of Section 4.")
        == []
    )
    assert found("You may distribute the bundle under the terms of Clause 2(b).") == []
    assert found("You may distribute the bundle under the terms of this License.") == [
        (1, "You may distribute")
    ]


# dev6 (clauses no rule caught)


def test_selling_as_the_second_verb_of_a_prohibition():
    assert found("You cannot copy the Gadget and sell it.") == [(1, "cannot copy the Gadget and sell")]
    assert found("You cannot copy the Gadget and sell the copy to a friend.")[0][0] == 1
    assert found("You cannot copy the Gadget and seal it.") == []


def test_redistribution_in_french_or_german():
    assert found("Vous pouvez diffuser le Gadget.") == [(1, "diffuser")]
    assert found("Sie dürfen das Gadget verbreiten.") == [(1, "verbreiten")]
    assert found("Vous pouvez lire le Gadget.") == []


# dev7 (where an OSD 1 rule fired on a clause about something else)


def test_distributing_a_named_modified_version_or_the_whole_is_not_a_grant_of_redistribution():
    assert 1 not in dict(found("The Licensee is authorized to distribute the Modified Gadget in any form."))
    assert 1 not in dict(found("You can distribute the modified Gadget under the GNU GPL."))
    assert 1 not in dict(found("The Licensee is authorized to redistribute the whole under the GPL."))
    assert 1 not in dict(
        found(
            "You may copy and distribute under your own terms, binary versions of works based on the Gadget."
        )
    )
    assert found("You may distribute the Gadget, modified or not.")[0] == (1, "You may distribute")
    assert found("You may distribute modified or unmodified copies of the Gadget.")[0][0] == 1


def test_distributing_under_a_later_version_or_only_this_license_granting_is_not_a_grant():
    assert 1 not in dict(found("You may Distribute the Gadget under any Later Version."))
    assert 1 not in dict(
        found("Only this license grants you the right to use, distribute, and modify the Gadget.")
    )
    assert found("You may distribute the Gadget under this License.")[0] == (1, "You may distribute")


def test_a_derived_work_free_of_charge_is_not_the_price_of_a_copy():
    assert 1 not in dict(found("The Derivative Database must be free of charge if distributed online."))
    assert found("The Gadget must be free of charge if distributed online.")[0][0] == 1


def test_french_or_german_acceptance_or_modified_versions_are_not_grants():
    # (a permission in the sentence, so that only the acceptance keeps the rule off)
    assert 1 not in dict(
        found(
            "Le fait de copier ou de diffuser le Gadget, comme vous y êtes autorisé, constitue une acceptation tacite."
        )
    )
    assert 1 not in dict(
        found("Sie erklären Ihre Zustimmung, indem Sie das Gadget verbreiten, wie Sie es dürfen.")
    )
    assert 1 not in dict(found("Le Licencié est autorisé à redistribuer le Gadget Modifié."))
    assert 1 not in dict(found("Le Licencié est autorisé à redistribuer le Logiciel modifié."))
    assert found("Le Licencié est autorisé à redistribuer le Gadget.") == [(1, "redistribuer")]


# dev9 (OSD 1 rule hits on the topics of the held-out false hits: modified works, the whole, ...)


def test_reproducing_is_not_passing_copies_on_in_french_or_german():
    # "reproduire" / "vervielfältigen" make copies, as "reproduce" does in English: no grant of
    # redistribution by itself
    assert 1 not in dict(
        found("Le droit de modifier comporte le droit de reproduire le Gadget en résultant.")
    )
    assert 1 not in dict(found("Sie dürfen das Gadget vervielfältigen."))
    assert found("Sie dürfen das Gadget vervielfältigen und verbreiten.") == [(1, "verbreiten")]
    assert found("Vous pouvez reproduire et diffuser le Gadget.") == [(1, "diffuser")]


def test_redistributing_the_whole_in_french_is_not_a_grant_of_redistribution():
    assert 1 not in dict(found("Le Licencié est autorisé à redistribuer l’ensemble sous la licence GPL."))
    assert 1 not in dict(found("Le Licencié est autorisé à redistribuer l'ensemble sous la licence GPL."))
    assert found("Le Licencié est autorisé à redistribuer le Gadget sous la licence GPL.") == [
        (1, "redistribuer")
    ]


def test_distributing_only_under_this_license_in_german_or_french_is_a_condition():
    assert 1 not in dict(
        found(
            "Veränderte Versionen des Gadgets dürfen Sie nur unter den Bedingungen dieser Lizenz verbreiten."
        )
    )
    assert 1 not in dict(found("Sie dürfen das Gadget nur unter dieser Lizenz verbreiten."))
    assert 1 not in dict(
        found("Vous pouvez diffuser le Gadget uniquement selon les termes de la présente licence.")
    )
    assert 1 not in dict(found("Vous pouvez diffuser le Gadget seulement sous cette licence."))
    assert found("Sie dürfen das Gadget unter den Bedingungen dieser Lizenz verbreiten.") == [
        (1, "verbreiten")
    ]
    assert found("Vous pouvez diffuser le Gadget selon les termes de la présente licence.") == [
        (1, "diffuser")
    ]


def test_a_permission_the_sentence_is_conditioned_on_is_not_granted_by_it():
    assert 1 not in dict(
        found(
            "You must also distribute the source code of that component if you have it and are allowed to do so."
        )
    )
    assert 1 not in dict(found("You must distribute the manual too, if the Vendor is permitted to do so."))
    assert found("You may distribute the component, and you are allowed to do so for a fee.")[0][0] == 1
    assert found("Distribution of the component is allowed.")[0] == (
        1,
        "Distribution of the component is allowed",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Licencié est autorisé à diffuser le Gadget.",
        "Vous pouvez diffuser le Gadget.",
        "Chacun peut diffuser le Gadget.",
        "La liberté de diffuser le Gadget.",
        "Vous êtes libre de diffuser le Gadget.",
        "Le Licencié a le droit de diffuser le Gadget.",
        "Sie dürfen das Gadget verbreiten.",
        "Jeder darf das Gadget verbreiten.",
        "Es ist Ihnen gestattet, das Gadget zu verbreiten.",
        "Es ist erlaubt, das Gadget zu verbreiten.",
        "- de le copier, le diffuser et le publier,",
        "d’en diffuser des copies ;",
    ],
)
def test_french_or_german_redistribution_is_granted_where_a_permission_reaches_the_verb(sentence):
    assert found(sentence)[0] in {(1, "diffuser"), (1, "verbreiten")}  # the quoted phrase is the verb


def test_the_french_or_german_verb_alone_grants_nothing():
    # what the licensor chose, a condition, a definition, a description: no permission reaches the verb
    assert 1 not in dict(found("Le Titulaire a choisi de diffuser le Gadget sous ces conditions."))
    assert 1 not in dict(found("Wenn Sie das Gadget verbreiten, müssen Sie den Quelltext mitliefern."))
    assert 1 not in dict(found("Verbreiten: die öffentliche Weitergabe von Kopien des Gadgets."))
    assert 1 not in dict(found("Dazu gehören alle Personen, die das Gadget benutzen oder verbreiten."))


def test_a_french_or_german_right_that_ends_or_the_license_itself_is_no_grant():
    assert 1 not in dict(
        found("Le Licencié dont le Contrat est résilié n’est plus autorisé à distribuer le Gadget.")
    )
    assert 1 not in dict(found("Sie dürfen das Gadget nicht mehr verbreiten."))
    assert 1 not in dict(
        found("Toute personne est autorisée à copier et distribuer des copies de ce Contrat.")
    )
    assert 1 not in dict(found("Vous êtes autorisé à diffuser la présente licence."))
    assert 1 not in dict(found("Sie dürfen diese Lizenz unverändert verbreiten."))
    assert found("Le Licencié est autorisé à distribuer des copies du Gadget.")[0] == (1, "distribuer")
    assert found("Sie dürfen das Gadget unverändert verbreiten.")[0] == (1, "verbreiten")
