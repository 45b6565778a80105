"""licenses.text.hints.derived (OSD 3): wordings of each rule that the older tests did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

import pytest

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


LONG_SUBJECT = (
    "Modification of the Tool, of its manual, of its sample data, of its test suites, of its build "
    "scripts and of every other file that comes with it in the download"
)


def test_a_grant_of_modification_whose_subject_is_long():
    assert found(f"{LONG_SUBJECT} is permitted.") == [(3, f"{LONG_SUBJECT} is permitted")]
    assert found(f"{LONG_SUBJECT} is welcome.") == []


def test_a_grant_of_modification_to_promote_or_about_moral_rights_is_none():
    assert found("You may modify the Tool.") == [(3, "You may modify")]
    assert found("You may modify the Tool, but not to promote your own shop.") == []
    assert found("You may adapt the Tool without waiving the author's moral rights.") == []


def test_a_grant_item_naming_derived_works_but_not_patents():
    assert found("make and sell derivative works;") == [(3, "derivative works")]
    assert found("make and sell derivative works under a patent;") == []
    assert found("make and sell derivative works that infringe;") == []


def test_no_right_to_share_derived_works_unless_it_is_about_promoting():
    assert found("You have no right to share modified versions of the Tool.") == [
        (3, "no right to share modified versions")
    ]
    assert found("You have no right to share modified versions of the Tool or to promote them.") == []


def test_forbidding_changes_to_the_software():
    assert found("You must not modify or disable the software.") == [
        (3, "must not modify or disable the software")
    ]
    assert found("You must not modify or disable the invoice.") == []


def test_share_alike_but_not_a_versioned_name_or_a_sentence_about_promoting():
    assert found("Adaptations are ShareAlike.") == [(3, "ShareAlike")]
    assert found("This work is offered under ShareAlike 3 terms.") == []
    assert found("Adaptations are ShareAlike, and you must not promote the Owner.") == []


def test_licensing_your_changes_under_this_license_unless_you_do_not_have_to():
    assert found("You must license your modifications under this License.") == [
        (3, "license your modifications under this License")
    ]
    assert found("You do not have to license your modifications under this License.") == []


def test_derived_works_that_may_not_be_released_unless_it_is_about_promoting():
    assert found("Adaptations may not be published.") == [(3, "Adaptations may not be published")]
    assert found("Adaptations may not be published to promote the Owner.") == []


def test_a_derivative_of_the_work():
    assert found("Your app is a derivative of the Tool.") == [(3, "is a derivative of")]
    assert found("Your app is derived from a recipe.") == []


def test_publishing_a_modified_version():
    assert found("Those who publish a modified version must sign it.") == [(3, "publish a modified version")]
    assert found("Those who publish a picture must sign it.") == []
    assert found("Those who publish a modified version must not promote the Owner.") == []


def test_a_passive_grant_of_modification_inside_the_sentence():
    assert found("In all cases modification of the Tool is permitted.") == [
        (3, "modification of the Tool is permitted")
    ]


# --- the exceptions, one by one: each clause below gets its hint once the exception's words go --


@pytest.mark.parametrize(
    "text",
    [
        "You may modify the Tool under the patents.",
        "You may modify the Tool even if it infringes.",
        "You may modify the Tool, and doing so indicates your acceptance of these terms.",
        "You may modify the Tool, but there is no licence to sell it.",
        "You may modify the Tool and nothing in these terms limits that.",
        "You may modify the Tool, but that does not give you the Owner's name.",
        "You may modify the Tool until termination of your rights.",
        "Your rights to modify the Tool shall terminate on breach.",
        "For a licence to modify the Tool on terms other than these, write to the Owner.",
        "You may modify the Tool without using the name of the Owner.",
        "You may modify the Tool, but the Owner does not endorse your work.",
    ],
)
def test_a_grant_of_modification_read_as_no_grant(text):
    assert found(text) == []


def test_a_list_item_of_changing_needs_an_object():
    assert found("Modify the Tool as you wish.") == [(3, "Modify")]
    assert found("Modify nothing.") == []
    assert found("Change of address is free.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Nothing may stop you from making changes under the patents.",
        "Nothing may stop you from making changes that infringe.",
    ],
)
def test_no_one_kept_from_making_changes_unless_patents(text):
    assert found("Nothing may stop you from making changes.") == [(3, "stop you from making changes")]
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "You have no right to share modified versions using the name of the Owner.",
        "You have no right to share modified versions the Owner does not endorse.",
    ],
)
def test_no_right_to_share_derived_works_unless_names_or_endorsement(text):
    assert found(text) == []


def test_share_your_changes_alike():
    assert found("Share your changes alike.") == [(3, "Share your changes alike")]
    assert found("Share your changes freely.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adaptations are ShareAlike and may not use the name of the Owner.", []),
        ("Adaptations are ShareAlike, which the Owner does not endorse.", []),
        (
            "Adaptations are ShareAlike, and the Owner offers the recipient a licence.",
            [(7, "offers the recipient a licence")],
        ),
        ("Adaptations carry the Attribution-ShareAlike terms.", []),
    ],
)
def test_share_alike_in_names_endorsement_offers_or_element_names_is_no_term(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You are not required to license your modifications under this License.",
        "You need not ever license your modifications under this License.",
    ],
)
def test_licensing_your_changes_that_is_not_required_asks_nothing(text):
    assert found(text) == []


def test_a_reciprocal_grant_of_your_changes():
    assert found("You hereby grant anyone who receives the Tool a licence to use your modifications.") == [
        (3, "your modifications")
    ]
    assert found("You hereby grant the Owner a licence to use your modifications.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Adaptations may not be published under the patents.",
        "Infringing adaptations may not be published.",
        "Adaptations may not be published using the name of the Owner.",
        "Adaptations the Owner does not endorse may not be published.",
    ],
)
def test_derived_works_not_released_for_patent_or_trademark_reasons_is_no_term(text):
    assert found(text) == []


def test_derived_from_the_software():
    assert found("Your app is derived from the software.") == [(3, "is derived from the software")]


@pytest.mark.parametrize(
    "text",
    [
        "Those who publish a modified version under the patents must sign it.",
        "Those who publish a modified version that infringes must sign it.",
        "Those who publish a modified version using the name of the Owner must sign it.",
        "Those who publish a modified version the Owner does not endorse must sign it.",
    ],
)
def test_publishing_a_modified_version_for_patent_or_trademark_reasons_is_no_term(text):
    assert found(text) == []


def test_with_or_without_modifications():
    assert found("Copies may be passed on, with or without modifications.") == [
        (3, "with or without modifications")
    ]
    assert found("Copies may be passed on, with or without a box.") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Permission is given to distribute possibly modified copies of this page.",
            "distribute possibly modified",
        ),
        (
            "Any copy of the Tool, whether in its original form or modified, must carry this text.",
            "copy of the Tool, whether in its original form or modified",
        ),
        (
            "If you redistribute a modified or translated version of the Tool, say so.",
            "redistribute a modified or translated version",
        ),
    ],
)
def test_copies_that_may_be_modified(text, phrase):
    assert (3, phrase) in found(text)


def test_copies_in_their_original_form_only_are_no_hint():
    assert (
        found("Any copy of the Tool, whether in its original form or in print, must carry this text.") == []
    )
    assert found("Permission is given to distribute possibly damaged copies of this page.") == []


# dev6 (clauses no rule caught): duties and terms for the licensee's own changes


def test_a_duty_on_your_own_changes_unless_not_asked_or_about_patents():
    assert found("Put your changes on a public server where anyone may fetch them.") == [
        (3, "Put your changes")
    ]
    assert found("Publish your improvements.") == [(3, "Publish your improvements")]
    assert found("You are not required to publish your improvements.") == []
    assert found("You need not publish your improvements.") == []
    assert found("You do not have to publish your improvements.") == []
    assert found("You are under no obligation to publish your improvements.") == []
    assert found("Nothing here lets you publish your improvements under a patent.") == []
    assert found("Publish your improvements that infringe.") == []


def test_license_terms_for_your_own_changes_unless_about_patents():
    assert found("You may choose the licensing terms that govern your own alterations.") == [
        (3, "licensing terms that govern your own alterations")
    ]
    assert found("The licensing terms of the patent pool reach your own alterations.") == []
    assert found("The licensing terms reach your own alterations that infringe.") == []


def test_a_changed_version_that_must_be_shared_in_some_way_unless_about_patents():
    assert found("A changed Gadget must be shared only as a whole.") == [(3, "changed Gadget must be shared")]
    assert found("A changed Gadget must be shared only as the patent allows.") == []
    assert found("A changed Gadget must be shared only if it does not infringe.") == []


def test_changes_to_the_original_and_their_author_unless_about_patents():
    assert found("The author of the modifications keeps a log of them.") == [
        (3, "author of the modifications")
    ]
    assert found("Any deletions made to the original code belong in the log.") == [
        (3, "deletions made to the original code")
    ]
    assert found("Any deletions made to the original code that infringe are yours.") == []
    assert found("Any deletions made to the original code belong to the patent pool.") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Vous pouvez modifier le Gadget.", "modifier"),
        ("Les oeuvres dérivées sont libres.", "oeuvres dérivées"),
        ("Sie dürfen das Gadget verändern.", "verändern"),
    ],
)
def test_modifying_in_french_or_german(text, phrase):
    assert found(text) == [(3, phrase)]


# --- dev8 (bench/hints_sample12.py): wordings the rules missed -------------------------------------


def test_derived_works_put_under_this_license_unless_patents():
    assert found("Your modifications to the Tool are governed by the terms of this License.") == [
        (3, "modifications to the Tool are governed by the terms of this License")
    ]
    assert found("Each adaptation you make is subject to this Agreement.") == [
        (3, "adaptation you make is subject to this Agreement")
    ]
    assert (
        3,
        "modification you make must be made available in source form under the terms of this License",
    ) in found(
        "Any modification you make must be made available in source form under the terms of this License."
    )
    assert found("Your modifications to the Tool are subject to a patent licence.") == []


def test_derived_works_to_be_licensed_under_this_license():
    assert found(
        "You must cause any derived work that you share to be licensed as a whole under this License."
    ) == [(3, "derived work that you share to be licensed as a whole under this License")]


def test_a_condition_whose_subject_is_the_derived_work():
    assert found("The modified work must itself be a tool.") == [(3, "The modified work must itself be")]
    assert found("Any derived version of the Tool must carry a new name.") == [
        (3, "Any derived version of the Tool must carry")
    ]


def test_modifications_may_be_made_unless_no_longer():
    assert found("Changes to the Tool may be freely made.") == [(3, "Changes to the Tool may be freely made")]
    assert found("Modified versions may no longer be made.") == []


def test_a_bulleted_list_of_freedoms_that_reaches_adapting():
    assert found("You are free to: * share the Tool * adapt the Tool") == [
        (3, "free to: * share the Tool * adapt")
    ]
    assert found("You are free to: * share the Tool * run the Tool") == []


def test_a_grant_with_an_aside_before_to():
    assert found("The maintainers grant you a licence, free of charge, to modify and share the Tool.") == [
        (1, "licence, free of charge, to modify and share"),
        (3, "licence, free of charge, to modify"),
    ]
    assert found("Permission is also granted to adapt the Tool.") == [
        (3, "Permission is also granted to adapt")
    ]


# --- the exceptions and needed words of the rules above, one by one (bench/hints_reach.py --kill) --
# Each clause below gets an OSD 3 hint once its exception's words go from the rule (or, for the
# needed words, loses it once the word goes).

# "to be licensed at no charge to all third parties under the terms of this License": more words
# between "licensed" and "under" than the share-alike rule reads, so only the "cause ... to be
# licensed" rule reads these
AT_NO_CHARGE = "to be licensed at no charge to all third parties under the terms of this License"


def osd3(text: str) -> list[str]:
    return [phrase for number, phrase in found(text) if number == 3]


@pytest.mark.parametrize(
    "subject",
    [
        "any modified version that you share",  # a derived-work term
        "any app that is derived from the Tool",  # "derived from"
        "any derivative of the Tool that you share",  # "derivative"
    ],
)
def test_derived_works_to_be_licensed_at_no_charge_need_a_derived_work_named(subject):
    assert osd3(f"You must cause {subject} {AT_NO_CHARGE}.") == [f"cause {subject} {AT_NO_CHARGE}"]
    assert osd3(f"You must cause any work that you share {AT_NO_CHARGE}.") == []


@pytest.mark.parametrize(
    "text",
    [
        f"You must cause any patent you hold that reads on a derived work you share {AT_NO_CHARGE}.",
        f"You must cause every claim that a derived work you share would infringe {AT_NO_CHARGE}.",
    ],
)
def test_patents_to_be_licensed_at_no_charge_are_no_term_for_derived_works(text):
    assert osd3(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A patent licence for modifications is subject to the terms of this License.",
        "Any claim that modifications infringe is subject to this Agreement.",
        "There is no obligation to release modifications, which are subject to this License once released.",
        "Modifications are not required to be released, and are subject to this License once released.",
        "Modifications need not be released, and are subject to this License once released.",
        "Modifications do not have to be released, and are subject to this License once released.",
    ],
)
def test_derived_works_under_this_license_about_patents_or_not_asked_is_no_term(text):
    assert found("Modifications are subject to this License once released.") == [
        (3, "Modifications are subject to this License")
    ]
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Any modified version shall be covered by the patent licence of section 3.",
        "Any modified version shall be treated as infringing if it bears the Owner's logo.",
    ],
)
def test_a_condition_on_derived_works_about_patents_is_no_term(text):
    assert found("Any modified version shall be a tool.") == [(3, "Any modified version shall be")]
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Whether changes to the Tool may be made under the Owner's patents is for the patent licence to say.",
        "Whether changes to the Tool may be made without infringing is for you to check.",
        "Changes to the Tool may be made by the Owner alone, and you have no right to make them.",
        "Nothing in this notice says that changes to the Tool may be made.",
        "This notice does not affect whether changes to the Tool may be made.",
        "Changes to the Tool may be made only by the Owner, and no longer by you.",
        "No changes to the Tool may be made after termination of the rights.",
        "Your rights to the Tool will end on breach, and then no changes to the Tool may be made.",
        "For a separate licence to the Tool, under which changes may be made on terms other than these, write to the Owner.",
    ],
)
def test_changes_that_may_be_made_read_as_no_grant(text):
    assert found(text) == []


# --- hints13 ------------------------------------------------------------------------------------


def test_distributing_the_modified_program():
    assert [p for n, p in found("You may distribute the modified program under any license.") if n == 3] == [
        "distribute the modified program"
    ]
    assert [
        p for n, p in found("You may distribute copies of the modified or unmodified work.") if n == 3
    ] == ["distribute copies of the modified or unmodified work"]
    assert [p for n, p in found("You may distribute the program under any license.") if n == 3] == []
