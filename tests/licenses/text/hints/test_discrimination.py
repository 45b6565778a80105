"""licenses.text.hints.discrimination (OSD 5 and 6): wordings of each rule that the older tests
did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

import pytest

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Nobody may ship the Tool to sanctioned persons.", "sanctioned"),
        ("The Tool may not go to countries under embargo.", "embargo"),
        ("Sales to denied parties are barred.", "denied parties"),
    ],
)
def test_sanctions_embargoes_and_denied_parties(text, phrase):
    assert found(text) == [(5, phrase)]


@pytest.mark.parametrize(
    "text", ["The board gave its sanction to the plan.", "Sales to denied customers are barred."]
)
def test_not_sanctions_or_denied_parties(text):
    assert found(text) == []


def test_a_geographical_limitation():
    assert found("The Owner may add a geographical limitation.") == [(5, "geographical limitation")]
    assert found("The Owner may add a geographical note.") == []


def test_competitors():
    assert found("Competitors of the Owner get no licence.") == [(5, "Competitors")]
    assert found("Companies that compete with the Owner get a licence.") == []


def test_non_commercial_or_commercial_allows_both():
    assert found("You may use the Tool for non-commercial purposes.") == [(6, "non-commercial")]
    assert found("You may use the Tool for non-commercial or commercial purposes.") == []


def test_production_use():
    assert found("The Tool is for non-production systems.") == [(6, "non-production")]
    assert found("The Tool is not for production use.") == [(6, "production use")]
    assert found("The Tool is for producing music.") == []


def test_offering_the_software_as_a_service():
    assert found("You may not offer the Tool as a service.") == [(6, "as a service")]
    assert found("You may not offer the Tool as a gift.") == []


def test_a_list_item_for_any_listed_purpose():
    assert found("for any lawful, fair, or honest purpose;") == [
        (6, "for any lawful, fair, or honest purpose")
    ]
    assert found("for lawful, fair, or honest reasons;") == []


def test_a_named_field_in_a_fault_tolerance_warning_is_no_limit():
    assert found("The Tool is fragile, so keep it out of nuclear plants.") == [(6, "nuclear")]
    assert found("The Tool is not fault tolerant, so keep it out of nuclear plants.") == []


def test_what_the_software_may_only_be_used_for():
    assert found("Users may only use the Tool in a manner consistent with the law.") == [
        (6, "may only use the Tool in a manner")
    ]
    assert found("Users may use the Tool in a manner consistent with the law.") == []
    assert found("The Tool shall be used only for peace.") == [(6, "shall be used only for")]
    # "promote" is the trademark exception's word (endorsing, promoting)
    assert found("The Tool shall be used only for peace and never to promote war.") == []


def test_not_licensed_for_use_in_some_field():
    assert found("The Tool is not licensed for use in aircraft.") == [(6, "not licensed for use in")]
    assert found("The Tool is licensed for use in aircraft.") == []


def test_use_by_some_kind_of_organisation():
    assert found("The grant excludes use by public institutions.") == [(5, "use by public institutions")]
    assert found("The grant excludes use by night.") == []


def test_export_control_is_quoted_whole():
    assert found("The Tool is subject to export control.") == [(5, "export control")]


def test_an_export_needs_a_law_and_no_infringement():
    assert found("The Tool exports data.") == []
    assert found("You may not export infringing copies in breach of the law.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Use the Tool for permitted purposes under the patents.",
        "Use the Tool for permitted purposes, never for infringing ones.",
    ],
)
def test_permitted_purposes_but_not_of_a_patent(text):
    assert found("Use the Tool for permitted purposes.") == [(6, "permitted purposes")]
    assert found(text) == []


def test_a_service_that_is_being_defined_is_no_limit():
    assert found("In short, a managed service means one run for you.") == []


@pytest.mark.parametrize(
    "text",
    [
        "You may only use the Tool for work, not using the name of the Owner.",
        "You may only use the Tool for work the Owner does not endorse.",
    ],
)
def test_what_the_software_may_only_be_used_for_but_not_names_or_endorsement(text):
    assert found("You may only use the Tool for work.") == [(6, "may only use the Tool for")]
    assert found(text) == []


def test_an_aim_to_facilitate_commercial_use_limits_nothing():
    assert found("The Tool is for commercial use only.") == [(6, "commercial use")]
    text = "While this licence is intended to facilitate commercial use of the Tool, each distributor bears its own risk."
    assert found(text) == []
