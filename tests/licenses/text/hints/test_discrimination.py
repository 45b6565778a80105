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
    assert found("for any lawful, fair, or honest purpose;") == [(6, "for any lawful, fair, or honest purpose")]
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
