"""licenses.text.hints.structure: the pieces of clause structure the criteria share.

Pure (no database). The wording is our own.
"""

import re

import pytest

from licenses.text.hints.structure import any_of, permitted, span


def test_any_of_joins_patterns_as_alternatives():
    assert any_of(r"\bfee\b", r"\bprice\b") == r"\bfee\b|\bprice\b"
    assert any_of(r"\bfee\b") == r"\bfee\b"


def test_span_reaches_up_to_n_characters_inside_one_sentence():
    within = re.compile("a" + span(6) + "z")
    assert within.search("a12345z")
    assert within.search("a123456z")
    assert not within.search("a1234567z")
    assert not within.search("a.z")  # a full stop ends the sentence
    assert not within.search("a;z")


def test_span_a_section_number_does_not_end_the_sentence():
    assert re.compile("a" + span(6) + "z").search("a 2.1 z")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("You may use, modify and copy the Tool.", "You may use, modify and copy"),
        ("Copying of the Tool is hereby permitted.", "Copying of the Tool is hereby permitted"),
        ("The Owner gives you permission to copy it.", "permission to copy"),
    ],
)
def test_permitted_a_grant_whose_verbs_reach_the_verb(text, phrase):
    match = re.compile(permitted(r"copy|copying"), re.IGNORECASE).search(text)
    assert match and match.group(0) == phrase


@pytest.mark.parametrize("text", ["You may not copy it.", "The Tool may be copied.", "You must copy it."])
def test_permitted_not_a_prohibition_a_description_or_a_duty(text):
    assert not re.compile(permitted(r"copy|copied"), re.IGNORECASE).search(text)
