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


# --- hints13 ------------------------------------------------------------------------------------


def phrase(text: str, number: int = 2) -> str | None:
    return next((p for n, p in found(text) if n == number), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective and more words around the source
        (
            "You must make the complete source code of every changed file available.",
            "make the complete source code of every changed file available",
        ),
        ("You must make the complete manual of every changed file available.", None),
        # the source as the form the thing is given in
        (
            "You must give every user access to the program in source code form.",
            "access to the program in source code form",
        ),
        ("You must give every user access to the program in compiled form.", None),
        # a patent clause is not about the source
        ("You must make the patented source code of every changed file available.", None),
        ("You must give every user access to the patented program in source code form.", None),
        ("You must give every user access to the infringing program in source code form.", None),
    ],
)
def test_the_source_made_available_with_words_between(text, expected):
    assert phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You may ship binary forms without the source, provided that you say where to get it.",
            "binary forms without the source",
        ),
        ("You may ship binary forms without the manual.", None),
        (
            "You may distribute it in executable form, provided that you do at least one of the following:",
            "executable form, provided that you do at least one of the following",
        ),
        ("You may distribute it in executable form, provided that you keep the notices.", None),
    ],
)
def test_distributing_without_the_source(text, expected):
    assert phrase(text) == expected
