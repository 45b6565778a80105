"""licenses.text.hints.clean: what the hint rules read and what they are kept from reading.

Pure (no database). Each test is named after the part of the cleaning it protects and gives both
a text it must act on and a near miss it must leave alone. The wording is our own.
"""

import pytest

from licenses.text.hints.clean import (
    _is_title_paragraph,
    _table_cells,
    is_about_license_text,
    is_definition,
    is_disclaimer,
    is_title,
    readable,
    sentences,
)

# --- definitions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Each copy must carry a file that refers to this License.",
        "The Owner may decide what Software means.",
        "You will keep a note which means the same.",
    ],
)
def test_is_definition_not_a_sentence_whose_subject_has_a_modal_verb(sentence):
    # these were read as definitions, so most rules skipped them
    assert is_definition(sentence) is False


@pytest.mark.parametrize(
    "sentence",
    [
        "Software shall mean the program.",
        "Licensed Material refers to the work.",
        '"Source" form shall mean the code.',
    ],
)
def test_is_definition_a_term_before_shall_mean_or_refers_to(sentence):
    assert is_definition(sentence) is True


def test_is_definition_is_a_plain_true_or_false():
    assert is_definition('"Tool" means the program offered here.') is True
    assert is_definition("the tool means a great deal to us.") is False  # no capital: no term
    assert is_definition("You may copy the Tool.") is False


# --- titles --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Frobnicator Public License 3.1",
        "   ## Frobnicator Licence 2.0  ",
        "** Frobnicator Agreement **",
        "Frobnicator Version 7",
        "x" * 92 + " License",  # exactly 100 characters
        "## " + "x" * 92 + " License",  # 100 once the heading marks are gone
        "Frobnicator License X",  # a version letter, not a full stop
    ],
)
def test_is_title_a_line_that_names_a_license(line):
    assert is_title(line) is True


@pytest.mark.parametrize(
    "line",
    [
        "",
        "  #  ",
        "Frobnicator Public License 3.1.",  # ends like a sentence
        "Frobnicator Public License;",
        "Frobnicator Public License:",
        "Frobnicator Public License,",
        "x" * 93 + " License",  # 101 characters: too long for a title
        "X" + "y" * 92 + " License",  # 101 characters, and an X is not a heading mark
        "Frobnicator Public Software",  # no title word
        "This License grants the right to copy",  # says something
        "You and the License",
    ],
)
def test_is_title_not_a_sentence_a_long_line_or_a_line_without_a_title_word(line):
    assert is_title(line) is False


def test_a_title_paragraph_is_one_to_three_title_or_version_lines():
    assert _is_title_paragraph("Frobnicator Licence\nVersion 2.1, March 2031\n2031")
    assert _is_title_paragraph("\nFrobnicator Licence\n\n")
    assert not _is_title_paragraph("")
    assert not _is_title_paragraph("  \n ")
    # a fourth line is a paragraph of its own kind, not a title block
    assert not _is_title_paragraph("Frobnicator Licence\nVersion 2.1\nv2.1\n2031")
    # a wrapped line of a clause is not a title
    assert not _is_title_paragraph("Frobnicator Licence\nyou may copy, sell and")


# --- sentences -----------------------------------------------------------------------------------


def test_sentences_split_at_sentence_ends_and_collapse_whitespace():
    text = "You may copy the Tool.   You may\n  share it;  and then\nsell it!  Is that all?\n\n\nNext part"
    assert sentences(text) == [
        "You may copy the Tool.",
        "You may share it; and then sell it!",
        "Is that all?",
        "Next part",
    ]


def test_sentences_drop_a_title_paragraph_but_keep_the_rest():
    text = "Frobnicator Licence\nVersion 2.1\n\nYou may copy the Tool.\n\nFrobnicator Licence says so."
    assert sentences(text) == ["You may copy the Tool.", "Frobnicator Licence says so."]


def test_sentences_of_whitespace_are_none():
    assert sentences("  \n\n \n") == []
    assert sentences("") == []


# --- drawn tables --------------------------------------------------------------------------------


def test_table_cells_each_cell_a_part_with_its_mark():
    table = "| Selling copies | ✗ |\n|---|---|\n| Sharing   copies | ✓ |\n+----+---+\n"
    assert _table_cells(table) == "Selling copies ✗\n\n\n\n\nSharing copies ✓\n\n\n\n\n"
    assert sentences(table) == ["Selling copies ✗", "Sharing copies ✓"]


def test_table_cells_a_mark_in_the_first_cell_stands_alone_and_empty_cells_vanish():
    assert _table_cells("| x | Selling copies | | - |") == "x\n\nSelling copies -\n\n"


def test_table_cells_cells_without_spaces_keep_their_marks():
    assert _table_cells("|Selling copies|X|") == "Selling copies X\n\n"


def test_table_cells_a_text_without_bars_is_left_as_it_is():
    text = "+----+\nA line.\n"
    assert _table_cells(text) == text


def test_table_cells_a_bar_inside_a_line_is_no_table():
    text = "Use a | b freely.\n|---|"
    assert _table_cells(text) == "Use a | b freely.\n\n"


def test_a_row_about_warranty_hides_only_its_own_cell():
    table = "| No warranties | ✓ |\n| Commercial use of the Tool | ✗ |"
    assert readable(table) == ["Commercial use of the Tool ✗"]


# --- disclaimers and the license's own text ------------------------------------------------------


def test_is_disclaimer_and_is_about_license_text_are_plain_true_or_false():
    assert is_disclaimer("The Tool comes as is.") is True
    assert is_disclaimer("The Tool comes with a manual.") is False
    assert is_about_license_text("Do not alter this licence in any way.") is True
    assert is_about_license_text("Do not alter the Tool in any way.") is False


# --- readable: the heading -----------------------------------------------------------------------


def test_readable_reads_a_plain_heading_first_with_its_whitespace_collapsed():
    assert readable("You may copy the Tool.", "Copying   and\nsharing") == [
        "Copying and sharing",
        "You may copy the Tool.",
    ]


def test_readable_without_a_heading_reads_the_text_only():
    assert readable("You may copy the Tool.") == ["You may copy the Tool."]


def test_readable_a_title_heading_is_skipped_but_the_clause_is_read():
    assert readable("You may copy the Tool.", "Frobnicator Licence 2.0") == ["You may copy the Tool."]


@pytest.mark.parametrize("heading", ["No Warranty", "Changing this License"])
def test_readable_a_disclaimer_or_license_text_heading_silences_the_clause(heading):
    assert readable("You may copy the Tool.", heading) == []


def test_readable_a_title_that_is_also_a_disclaimer_heading_silences_the_clause():
    # a heading can be both: it names no verb and speaks of warranties
    assert readable("You may copy the Tool.", "Warranties Agreement") == []


# --- readable: the sentences ---------------------------------------------------------------------


def test_readable_drops_sentences_about_the_license_text():
    text = "You may copy the Tool. You may not rename this License. You may share the Tool."
    assert readable(text) == ["You may copy the Tool.", "You may share the Tool."]


def test_readable_drops_a_whole_disclaimer_sentence():
    text = "You may copy the Tool. The Tool is offered as is, and the Owner is not liable for it. Keep it."
    assert readable(text) == ["You may copy the Tool.", "Keep it."]


def test_readable_keeps_the_duties_of_a_list_that_names_a_disclaimer():
    text = (
        "You must print a disclaimer of warranty on each copy; keep all notices intact; "
        "and then   you may pass copies on."
    )
    assert readable(text) == ["keep all notices intact;", "and then you may pass copies on."]


def test_readable_a_sentence_that_names_the_license_text_is_dropped_before_its_pieces_are_read():
    text = "You must print a disclaimer of warranty; keep all notices; and never rename this License."
    assert readable(text) == []


def test_readable_a_disclaimer_in_two_pieces_keeps_the_other_piece():
    assert readable("The Tool comes with no warranty; keep all notices intact.") == [
        "keep all notices intact."
    ]


def test_readable_a_disclaimer_sentence_without_semicolons_is_dropped_whole():
    assert readable("The Tool comes with no warranty, and you may pass copies on.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "These notes are for information only and do not form part of the license.",
        "This foreword is not part of the License.",
        "The remarks below are offered for guidance only and are not a part of our public licenses.",
    ],
)
def test_a_sentence_saying_it_is_no_part_of_the_license_is_about_the_license_text(sentence):
    assert is_about_license_text(sentence)
    assert readable(sentence) == []


def test_text_that_is_no_part_of_the_license_gives_no_use_hint():
    from licenses.text.hints import candidate_hints

    notes = (
        "The guidance that follows is for informational purposes only and does not form part of this license."
    )
    assert 6 not in {h.number for h in candidate_hints(notes)}
    # the same words about use still read as a limit on use
    assert 6 in {h.number for h in candidate_hints("You may use the data for informational purposes only.")}


def test_a_license_that_forms_part_of_something_else_is_still_read():
    assert not is_about_license_text("The attached schedule forms part of this license.")


def test_a_list_item_that_runs_on_is_no_title():
    assert is_title("Tool Public License Version 2")
    assert is_title("Tool and Gadget License")
    assert not is_title("keep the terms of this Agreement for every recipient; and")
    assert not is_title("keep the terms of this Agreement for every recipient or")


def test_changing_the_terms_for_later_recipients_is_not_about_the_license_text():
    assert is_about_license_text("You may change the terms of this Agreement from time to time.")
    assert not is_about_license_text(
        "You may not change the terms of this Agreement for subsequent licensees."
    )
    assert not is_about_license_text(
        "Never alter the terms of this License as regards downstream recipients."
    )


def test_a_duty_to_keep_the_disclaimer_is_not_a_disclaimer():
    duty = "Each copy must retain this list of conditions and the Disclaimer of Warranty below."
    assert not is_disclaimer(duty)
    assert readable(duty) == [duty]
    assert is_disclaimer("Disclaimer of Warranty: the Tool comes as it is.")
