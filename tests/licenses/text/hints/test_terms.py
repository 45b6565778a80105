"""licenses.text.hints.terms: a license's own defined terms, read from its definitions.

Pure (no database). Each test names the part of the reading it protects and gives a definition
it must learn and a near miss it must not. The wording is our own.
"""

import pytest

from licenses.text.hints.terms import NO_TERMS, Terms, _forms, defined_terms

# --- Terms ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "terms",
    [Terms(derived=("Remix",)), Terms(distribute=("Pass On",)), Terms(source=("Editable Form",))],
)
def test_terms_are_true_when_any_concept_has_a_term(terms):
    assert bool(terms) is True


def test_no_terms_are_false():
    assert bool(NO_TERMS) is False
    assert Terms() == NO_TERMS


# --- the forms of a term -------------------------------------------------------------------------


def test_forms_a_plural_phrase_also_in_the_singular():
    assert _forms("Remixed  Assets") == ["Remixed Asset", "Remixed Assets"]


def test_forms_a_single_word_in_s_keeps_its_s():
    assert _forms("Mods") == ["Mods"]


def test_forms_a_verb_in_e_gets_its_inflections():
    assert _forms("Share") == ["Share", "Shared", "Shares", "Sharing"]


def test_forms_a_phrase_in_e_is_not_inflected():
    assert _forms("Hand Over Stage") == ["Hand Over Stage"]


def test_forms_a_word_in_neither_stays_as_it_is():
    assert _forms("Remix") == ["Remix"]


# --- reading definitions -------------------------------------------------------------------------


def test_defined_terms_reads_nothing_from_no_texts():
    assert defined_terms([]) == NO_TERMS


def test_defined_terms_a_quoted_derived_term_with_its_forms():
    terms = defined_terms(['"Remake" means any modified copy of the Tool.'])
    assert terms == Terms(derived=("Remaking", "Remaked", "Remakes", "Remake"))


def test_defined_terms_the_alias_in_brackets_is_a_term_too():
    terms = defined_terms(['"Remix" (or "Remixes") means the making of copies for others.'])
    assert terms == Terms(distribute=("Remixes", "Remix"))


def test_defined_terms_a_bare_term_at_the_start_of_a_line_after_a_list_label():
    text = (
        "2) Reworked Tool means any modification of the Tool.\n  Passing On means making the Tool available."
    )
    assert defined_terms([text]) == Terms(derived=("Reworked Tool",), distribute=("Passing On",))


def test_defined_terms_reads_every_text_it_is_given():
    terms = defined_terms(
        ['"Remake" means an adaptation of the Tool.', '"Pass On" means the act of handing copies over.']
    )
    assert terms.derived == ("Remaking", "Remaked", "Remakes", "Remake")
    assert terms.distribute == ("Pass On",)


@pytest.mark.parametrize(
    "text",
    [
        '"Licensor" means whoever adapts the Tool.',
        '"You " means the person who makes modifications.',
        "Licensee means whoever adapts the Tool.",
    ],
)
def test_defined_terms_words_that_name_a_party_are_never_terms(text):
    assert defined_terms([text]) == NO_TERMS


def test_defined_terms_the_concept_is_read_from_the_first_words_only():
    # derived: the first 6 words of the definition
    assert defined_terms(['"Remake" means one two three four five modified copy.']).derived
    assert not defined_terms(['"Remake" means one two three four five six modified copy.']).derived
    # distribute: the first 3
    assert defined_terms(['"Pass On" means one two making copies.']).distribute == ("Pass On",)
    assert not defined_terms(['"Pass On" means one two three making copies.']).distribute
    # source: the first 12
    ten = "one two three four five six seven eight nine ten"
    assert defined_terms([f'"Code Form" means {ten} preferred form.']).source == ("Code Form",)
    assert not defined_terms([f'"Code Form" means {ten} eleven preferred form.']).source


def test_defined_terms_the_source_form_is_not_a_derived_work():
    terms = defined_terms(['"Editable Form" means the preferred form for making modifications.'])
    assert terms == Terms(source=("Editable Form",))


def test_defined_terms_the_work_or_its_modifications_together_is_not_a_derived_work():
    assert defined_terms(['"Whole Work" means the Tool or any modification of it.']) == NO_TERMS
    # the original named in the first eight words
    whole = defined_terms(['"Whole Work" means The Adapted Red Tool or any modifications.'])
    assert whole == NO_TERMS
    # a list of derived things names no original
    assert defined_terms(['"Changes" means all alterations and derivative works.']).derived == ("Changes",)


def test_defined_terms_a_term_named_for_a_derived_work_is_one_whatever_it_means():
    terms = defined_terms(['"Adapted Stuff" is whatever the Licensee makes.'])
    assert terms == Terms(derived=("Adapted Stuff",))
    assert defined_terms(['"Fresh Stuff" is whatever the Licensee makes.']) == NO_TERMS


def test_defined_terms_a_term_named_for_a_derived_work_keeps_its_alias_too():
    terms = defined_terms(['"Fresh Stuff" (or "Modified Stuff") is what the Licensee makes.'])
    assert terms == Terms(derived=("Modified Stuff",))


def test_defined_terms_are_sorted_longest_first_then_alphabetically():
    terms = defined_terms(
        [
            '"Remix" means an adaptation.',
            '"Remake" means an adaptation.',
            '"Rework Result" means an adaptation.',
        ]
    )
    assert terms.derived == ("Rework Result", "Remaking", "Remaked", "Remakes", "Remake", "Remix")
