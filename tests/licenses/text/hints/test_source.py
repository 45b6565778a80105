"""licenses.text.hints.source (OSD 2): wordings of each rule that the older tests did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

import pytest

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


def test_obfuscated_or_intermediate_source():
    assert found("The source must not be obfuscated.") == [(2, "obfuscated")]
    assert found("Shipping intermediate forms instead of the source is not enough.") == [
        (2, "intermediate forms")
    ]
    assert found("The source must be tidy.") == []
    assert found("Shipping the source is enough.") == []


def test_providing_the_source_but_not_in_a_sentence_about_promoting():
    assert found("You must provide the source code.") == [(2, "provide the source code")]
    assert found("You must provide the source code and you may not use it to promote your products.") == []


def test_a_written_offer_or_availability_in_source_form():
    assert found("Binaries must come with a written offer to send the source.") == [(2, "written offer")]
    assert found("The Tool is available in source code form.") == [(2, "available in source code form")]
    assert found("Binaries must come with a written note.") == []
    assert found("The Tool is available in binary form.") == []


def test_the_corresponding_source_of_an_infringing_part_is_a_patent_matter():
    assert found("You must name the corresponding source.") == [(2, "corresponding source")]
    assert found("You must name the corresponding source of any infringing part.") == []


@pytest.mark.parametrize(
    "text",
    [
        "You must provide the source code without using the trade names of the Owner.",
        "You must provide the source code, which the Owner does not endorse.",
        "You must provide the source code of any infringing part.",
    ],
)
def test_providing_the_source_in_a_trademark_or_patent_sentence_is_not_osd2(text):
    assert found(text) == []


def test_copies_say_where_to_get_the_source():
    assert found("Ship the binaries together with instructions on where to get the original package.") == [
        (2, "instructions on where to get")
    ]
    assert found("Ship the binaries together with instructions on how to install them.") == []


def test_making_the_source_available_unless_about_patents():
    # dev6: a clause no rule caught
    assert found("You must make the source code of the Gadget available.") == [
        (2, "make the source code of the Gadget available")
    ]
    assert found("You must make the Gadget available.") == []
    assert found("You must make the source code available under the patent.") == []
    assert found("You must make the source code available for infringing copies.") == []
