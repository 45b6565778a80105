"""licenses.text.list_ends through the segmenter: words after a list's last item that are not
that item's (the parent's closing words, a paragraph after the list, a disclaimer in capitals)."""

from __future__ import annotations

import pytest

from licenses.text.segmentation import Segment, segment


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text)]


def by_path(text: str) -> dict[str, Segment]:
    return {s.path: s for s in segment(text)}


GRANT = "1. Grant.\n\nThe Author grants you a licence to:\n\n  (a) copy the work;\n\n"
LIMITS = "\n\n2. Limits.\n"


# -- closing words that finish the parent's sentence ------------------------------------


@pytest.mark.parametrize("end", ["share the work;", "share the work; and", "share the work; or,"])
def test_lower_case_words_after_an_item_ending_with_a_semicolon_finish_the_parent_sentence(end: str):
    text = GRANT + f"  (b) {end}\nfor any purpose." + LIMITS
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.closing", "2"]
    assert got["1(b)"].text == end
    assert got["1.closing"].text == "for any purpose."
    assert got["1.closing"].parent == 0 and got["1.closing"].depth == 1


def test_lower_case_words_after_a_comma_are_the_items_wrapped_line():
    text = GRANT + "  (b) share the work,\nfor any purpose." + LIMITS
    assert by_path(text)["1(b)"].text == "share the work,\nfor any purpose."


@pytest.mark.parametrize("end", ["share the work,", "share the work"])
def test_lower_case_words_left_of_the_items_after_a_blank_line_finish_the_parent_sentence(end: str):
    text = GRANT + f"  (b) {end}\n\nfor any purpose." + LIMITS
    got = by_path(text)
    assert got["1(b)"].text == end
    assert got["1.closing"].text == "for any purpose."


def test_lower_case_words_in_line_with_the_items_after_a_comma_stay_in_the_item():
    text = GRANT + "  (b) share the work,\n\n  for any purpose." + LIMITS
    assert "1.closing" not in by_path(text)


def test_lower_case_words_after_a_full_stop_and_a_blank_line_stay_in_the_item():
    text = GRANT + "  (b) share the work.\n\nfor any purpose." + LIMITS
    assert by_path(text)["1(b)"].text == "share the work.\n\nfor any purpose."


def test_words_between_two_items_stay_in_the_first():
    text = GRANT + "  (b) share the work;\nfor any purpose;\n\n  (c) adapt it." + LIMITS
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1(c)", "2"]
    assert got["1(b)"].text == "share the work;\nfor any purpose;"


def test_a_misprinted_label_after_the_last_item_is_no_closing_words():
    text = GRANT + "  (b) share the work;\nc) adapt it." + LIMITS
    assert paths(text) == ["1", "1(a)", "1(b)", "2"]
    assert by_path(text)["1(b)"].text == "share the work;\nc) adapt it."


def test_a_titled_items_text_may_sit_left_of_it():
    text = "Article 4 - TERM\n\n      4.1 EFFECTIVE DATE\n\nThe Agreement starts when accepted.\n\n      4.2 END\n\nIt ends.\n"
    assert by_path(text)["4.1"].text == "The Agreement starts when accepted."


def test_a_list_needs_a_parent_for_closing_words():
    text = "1. Copy the work;\n\n2. share the work;\nfor any purpose.\n"
    assert paths(text) == ["1", "2"]
    assert by_path(text)["2"].text == "share the work;\nfor any purpose."


# -- a paragraph left of the items ------------------------------------------------------


@pytest.mark.parametrize("blank", ["\n", ""])
def test_a_paragraph_left_of_the_items_after_a_full_stop_closes_the_list(blank: str):
    text = GRANT + f"  (b) share the work.\n{blank}These rights are worldwide." + LIMITS
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.closing", "2"]
    assert got["1(b)"].text == "share the work."
    assert got["1.closing"].text == "These rights are worldwide."


def test_a_paragraph_in_line_with_the_items_stays_in_the_last_one():
    text = GRANT + "  (b) share the work.\n\n  These rights are worldwide." + LIMITS
    assert by_path(text)["1(b)"].text == "share the work.\n\n  These rights are worldwide."


def test_a_paragraph_in_a_script_without_capitals_closes_the_list():
    text = GRANT + "  (b) share the work.\n\n本ライセンスは世界中で有効です。" + LIMITS
    assert by_path(text)["1.closing"].text == "本ライセンスは世界中で有効です。"


def test_a_definition_left_of_the_items_is_the_next_definition_of_the_top_clause():
    text = GRANT + '  (b) share the work.\n\n"Work" means the book.' + LIMITS
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.def-work", "2"]
    assert got["1.def-work"].text == '"Work" means the book.'
    assert got["1.def-work"].parent == 0


def test_words_back_at_an_enclosing_items_indentation_close_only_the_inner_list():
    head = "1. Grant.\n\n  (a) The Author grants you a licence to:\n\n      (i) copy the work;\n\n      (ii) share the work.\n\n"
    inner = by_path(head + "  These rights are worldwide." + LIMITS)
    assert inner["1(a).closing"].text == "These rights are worldwide."
    assert inner["1(a).closing"].depth == 2 and inner["1(a).closing"].parent == 1
    outer = by_path(head + "These rights are worldwide." + LIMITS)
    assert outer["1.closing"].text == "These rights are worldwide."
    assert outer["1.closing"].depth == 1 and outer["1.closing"].parent == 0


def test_a_clause_whose_text_sits_left_of_its_number_keeps_the_words_at_that_margin():
    def text(own: str) -> str:
        return (
            "1. Scope.\n\nWords.\n\n     1.1. Terms\n\n"
            f"{own}The Licensor grants you these rights:\n\n"
            "          (a) copy the work;\n\n          (b) share the work.\n\n"
            "They apply worldwide.\n\n     1.2. Limits.\n"
        )

    at_margin = by_path(text(""))
    assert at_margin["1.1.closing"].text == "They apply worldwide."
    assert at_margin["1.1.closing"].parent == 1
    # the clause's text in line with its number: the words go back to clause 1
    indented = by_path(text("     "))
    assert indented["1.closing"].text == "They apply worldwide."
    assert "1.1.closing" not in indented


def _item(width: int) -> str:
    """ "  (b) share the work…." filling ``width`` characters from "(b)" on."""
    head = "(b) share the work"
    return "  " + head + "x" * (width - len(head) - 1) + "."


@pytest.mark.parametrize(("width", "closed"), [(49, True), (50, False)])
def test_an_unwrapped_item_line_shorter_than_fifty_characters_cannot_have_wrapped(width: int, closed: bool):
    text = GRANT + _item(width) + "\nThese rights are worldwide." + LIMITS
    assert ("1.closing" in paths(text)) is closed


LONG = "W" + "o" * 100  # 101 characters


@pytest.mark.parametrize(
    ("preamble", "closed"),
    [
        (LONG + "\n\n" + LONG + "\n\n", True),  # two lines of eight over 100: a quarter
        (LONG + "\n\n" + LONG[:-1] + "\n\n", False),  # the second is 100: one of eight
    ],
)
def test_a_text_with_a_quarter_of_its_lines_over_100_characters_is_unwrapped(preamble: str, closed: bool):
    text = preamble + GRANT + _item(50) + "\nThese rights are worldwide." + LIMITS
    assert ("1.closing" in paths(text)) is closed


def test_words_right_after_an_item_whose_lines_hang_right_of_them_close_the_list():
    text = (
        GRANT + "  (b) share the work with anyone you like, anywhere in\n      the world.\n"
        "These rights are worldwide." + LIMITS
    )
    got = by_path(text)
    assert got["1(b)"].text == "share the work with anyone you like, anywhere in\n      the world."
    assert got["1.closing"].text == "These rights are worldwide."


def test_words_right_after_an_item_wrapped_flush_left_are_its_own():
    text = (
        GRANT + "  (b) share the work with anyone you like, anywhere in\nthe world.\n"
        "These rights are worldwide." + LIMITS
    )
    assert "1.closing" not in paths(text)


def test_words_right_under_a_title_item_are_its_text():
    text = (
        "1. Grant.\n\nThe Author grants you:\n\n  (a) Copying\n\n  (b) Sharing\nYou may share the work."
        + LIMITS
    )
    got = by_path(text)
    assert "1.closing" not in got
    assert got["1(b)"].text.endswith("You may share the work.")


# -- one-line items ---------------------------------------------------------------------


def test_a_sentence_right_under_one_line_items_is_a_paragraph_after_the_list():
    text = "1. Keep the notices.\n2. Mark your changes.\nThat is all you must do.\n"
    got = by_path(text)
    assert list(got) == ["1", "2", "notice"]
    assert got["2"].text == "Mark your changes."
    assert got["notice"].text == "That is all you must do."
    assert got["notice"].parent is None


def test_a_sentence_right_under_one_line_sub_items_closes_their_list():
    text = "1. Grant.\n\n  a. Keep the notices.\n  b. Mark your changes.\n  That is all you must do.\n"
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.closing"]
    assert got["1.closing"].text == "That is all you must do."


@pytest.mark.parametrize(
    "text",
    [
        "1. Keep the notices.\n2. Mark your changes\nthat you made.\n",  # a wrapped line
        "1. Keep the notices.\n2. Mark your changes,\nThat you made.\n",  # no sentence end
        "1. Keep the notices.\n\n2. Mark your changes.\nThat is all.\n",  # the elder is not right above
        "1. Keep the notices.\n2. Mark your changes.\n    That is all.\n",  # right of the item
        "1. Keep the notices.\n2. Mark your changes.\nThat is all.\n3. Be kind.\n",  # the list goes on
    ],
)
def test_a_line_right_under_one_line_items_stays_in_the_last_unless_the_list_ended(text: str):
    assert "notice" not in paths(text)


# -- a paragraph left of a hanging list -------------------------------------------------

HANGING = (
    "1. Do not remove the notices from\n   the software.\n\n2. Do not sell the software\n   to anyone.\n\n"
)


def test_a_paragraph_left_of_the_hanging_lines_of_the_last_item_is_after_the_list():
    got = by_path(HANGING + "To contribute, write to the author.\n")
    assert list(got) == ["1", "2", "notice"]
    assert got["2"].text == "Do not sell the software\n   to anyone."
    assert got["notice"].text == "To contribute, write to the author."


@pytest.mark.parametrize(
    "after",
    [
        "to contribute, write to the author.\n",  # lower case: the item's sentence
        "   To contribute, write to the author.\n",  # in line with the hanging lines
        " To contribute, write to the author.\n",  # right of the number
        "To contribute, write to the author.\n\n3. Do not lie.\n",  # the list goes on
    ],
)
def test_a_paragraph_not_clearly_after_a_hanging_list_stays_in_its_last_item(after: str):
    assert "notice" not in paths(HANGING + after)


def test_an_item_without_hanging_lines_keeps_the_paragraph_under_it():
    text = "1. Do not remove the notices.\n\n2. Do not sell the software.\n\nTo contribute, write to the author.\n"
    assert "notice" not in paths(text)


# -- a disclaimer in capitals after the conditions --------------------------------------

CONDITIONS = (
    "Redistribution is permitted provided that:\n\n"
    "1. Redistributions of source code must retain this notice.\n\n"
    "2. Redistributions in binary form must reproduce this notice.\n\n"
)
FORTY = "THE WORK COMES FROM US\nAND FROM NOBODY ELSE AT ALL.\n"  # 40 capitals


def test_a_paragraph_of_forty_capitals_after_the_conditions_is_a_paragraph_of_its_own():
    got = by_path(CONDITIONS + FORTY)
    assert list(got) == ["preamble", "1", "2", "notice"]
    assert got["notice"].text == FORTY.strip()
    assert got["2"].text == "Redistributions in binary form must reproduce this notice."


def test_thirty_nine_capitals_stay_in_the_last_condition():
    assert "notice" not in paths(CONDITIONS + FORTY.replace(" US", " U"))


@pytest.mark.parametrize(("name", "kept"), [("Oabcd", True), ("Oabcde", False)])
def test_a_name_in_mixed_case_among_the_capitals(name: str, kept: bool):
    # a tenth of small letters at most: "US" -> "USOabcd" has 41 capitals and 4 small letters
    para = FORTY.replace(" US", f" US{name}")
    assert ("notice" in paths(CONDITIONS + para)) is kept


def test_a_paragraph_in_capitals_is_a_disclaimer_when_it_or_what_follows_names_warranties():
    got = by_path(CONDITIONS + "THE WORK COMES AS IS FROM US\nAND FROM NOBODY ELSE AT ALL.\n")
    assert "disclaimer" in got and "notice" not in got
    for word in ("WARRANTY", "LIABLE"):
        later = CONDITIONS + FORTY + "\n" + "x" * 300 + f" {word}\n"
        assert "disclaimer" in paths(later), word


def test_only_four_hundred_characters_after_the_first_line_are_read_for_warranties():
    first = FORTY.split("\n", 1)[0]
    # after the first line: "\n", the X's, " LIABL…": its last letter is character 400, then 401
    near = CONDITIONS + first + "\n" + "X" * 393 + " LIABLE\n"
    assert "disclaimer" in paths(near)
    far = CONDITIONS + first + "\n" + "X" * 394 + " LIABLE\n"
    assert "disclaimer" not in paths(far)
    assert "notice" in paths(far)


@pytest.mark.parametrize(
    "text",
    [
        "1. KEEP THE NOTICES.\n\n2. MARK YOUR CHANGES.\n\n" + FORTY,  # the items shout too
        CONDITIONS + "   " + FORTY.replace("\n", "\n   ", 1),  # right of the first item
        CONDITIONS + FORTY + "\n3. Keep this list.\n",  # the list goes on
        "1. Grant.\n\nYou may.\n\n2. No Warranty.\n\n" + FORTY,  # a titled clause holds it
    ],
)
def test_capitals_that_belong_to_the_list_stay_in_it(text: str):
    got = paths(text)
    assert "notice" not in got and "disclaimer" not in got


def test_a_line_of_capitals_right_after_a_full_stop_needs_no_blank_line():
    text = CONDITIONS.rstrip("\n") + "\nTHE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL.\n"
    got = by_path(text)
    assert got["notice"].text == "THE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL."
    assert got["2"].text == "Redistributions in binary form must reproduce this notice."


@pytest.mark.parametrize(
    "line",
    [
        "THE WORK COMES FROM US AND FROM NOBODY, ELSE AT ALL.",  # fine: the item ended
        "THE WORK COMES FROM US AND FROm NOBODY ELSE AT ALL.",  # a small letter
        "THE WORK COMES FROM US.",  # under twenty capitals
    ],
)
def test_capitals_right_under_an_item_need_all_capitals_and_twenty_of_them(line: str):
    text = CONDITIONS.rstrip("\n") + "\n" + line + "\n"
    assert ("notice" in paths(text)) is line.startswith("THE WORK COMES FROM US AND FROM NOBODY,")


def test_capitals_right_under_an_unfinished_item_are_its_words():
    text = CONDITIONS.rstrip("\n").rstrip(".") + "\nTHE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL.\n"
    assert "notice" not in paths(text)


# -- edges found by the mutation run ----------------------------------------------------


def test_trailing_spaces_after_an_items_semicolon_do_not_hide_it():
    text = GRANT + "  (b) share the work;   \nfor any purpose." + LIMITS
    assert by_path(text)["1.closing"].text == "for any purpose."


def test_an_item_ending_in_a_lone_digit_goes_on_in_lower_case_after_a_blank_line():
    text = GRANT + "  (b) share the work under clause 7\n\nfor any purpose." + LIMITS
    assert by_path(text)["1.closing"].text == "for any purpose."


def test_words_left_of_every_clause_go_to_the_top_clause():
    text = (
        "     1. Grant.\n\n     The Author grants:\n\n        (a) copy;\n\n        (b) share.\n\n"
        "These rights are worldwide.\n\n     2. Limits.\n"
    )
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.closing", "2"]
    assert got["1.closing"].parent == 0


def test_words_right_under_a_lone_item_close_its_list():
    text = (
        "1. Grant.\n\nThe Author grants you a licence to:\n\n  (a) copy the work.\nThese rights are worldwide."
        + LIMITS
    )
    assert list(by_path(text)) == ["1", "1(a)", "1.closing", "2"]


def test_an_item_whose_last_word_alone_reads_like_a_title_is_no_title():
    text = GRANT + "  (b) share the Work.\nThese rights are worldwide." + LIMITS
    assert by_path(text)["1.closing"].text == "These rights are worldwide."


def test_a_closing_line_is_accepted_so_a_number_right_under_it_starts_a_clause():
    text = GRANT + "  (b) share the work;\nfor any purpose\n2. You must not sell it.\n"
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.closing", "2"]
    assert got["1.closing"].label == "" and got["1.closing"].heading == ""
    assert got["2"].text == "You must not sell it."


def test_a_definition_is_read_within_the_closing_line_only():
    text = GRANT + '  (b) share the work.\n\n"Work" shall\nmean the book.' + LIMITS
    assert by_path(text)["1.closing"].text == '"Work" shall\nmean the book.'


@pytest.mark.parametrize(
    "text",
    [
        "1. Keep the notices.\n2. Mark your changes.\nto be sure.\nThat is all.\n",  # the item wrapped
        "1. Keep the notices.\n2. Mark your changes.\nthat is all.\n",  # lower case
        "1. Scope.\n\n1.1 Keep the notices.\n1.2 Mark your changes.\nThat is all you must do.\n",  # decimals
    ],
)
def test_no_paragraph_after_one_line_items_for_a_wrapped_item_lower_case_or_decimals(text: str):
    got = paths(text)
    assert "notice" not in got and "1.closing" not in got


def test_a_long_item_under_its_parents_line_keeps_the_sentence_under_it():
    text = "1. Grant.\n  a. Keep the notices intact in every copy of the work you make.\nThat is all.\n"
    assert paths(text) == ["1", "1(a)"]


def test_trailing_spaces_after_a_one_line_items_full_stop_do_not_hide_it():
    text = "1. Keep the notices.\n2. Mark your changes.   \nThat is all you must do.\n"
    assert by_path(text)["notice"].text == "That is all you must do."


def test_a_paragraph_segment_is_unnumbered_at_the_top_and_accepted():
    got = by_path(HANGING + "To contribute, write to the author\n1. Send us a patch by mail.\n")
    notice = got["notice"]
    assert (notice.label, notice.heading, notice.depth, notice.parent) == ("", "", 0, None)
    assert notice.text == "To contribute, write to the author"
    assert got["part-2/1"].text == "Send us a patch by mail."


@pytest.mark.parametrize(
    "text",
    [
        HANGING.replace("to anyone.\n\n", "to anyone at\n   all.\n")
        + "To contribute, write to the author.\n",
        "    1. Do not remove the notices from\n  the software.\n\n    2. Do not sell the software\n  to anyone.\n\n"
        "To contribute, write to the author.\n",  # the hanging lines sit left of the number
        "  1. Do not remove the notices from\n  the software.\n\n  2. Do not sell the software\n  to anyone.\n\n"
        "To contribute, write to the author.\n",  # flush with the number: the item's own lines
        "1. Do not remove the notices.\n\n2. Do not sell the software.\n\n\nTo contribute, write to the author.\n",
        HANGING + "7. To contribute, write to the author.\n",  # a number, though not the next
    ],
)
def test_no_paragraph_after_a_hanging_list_without_a_blank_line_hanging_lines_or_for_a_number(text: str):
    assert "notice" not in paths(text)


def test_a_paragraph_after_a_hanging_list_at_the_very_end_of_the_text():
    assert by_path(HANGING + "To contribute, write to the author.")["notice"].text == (
        "To contribute, write to the author."
    )


@pytest.mark.parametrize(("filler", "goes_on"), [(58, True), (59, False)])
def test_only_sixty_lines_after_the_paragraph_are_read_for_the_next_item(filler: int, goes_on: bool):
    # the blank line after the capitals is line 9; "3." sits on line 10 + filler: 68 is the last read
    text = CONDITIONS + FORTY + "\n" + "words\n" * filler + "3. Keep this list.\n"
    assert ("notice" not in paths(text)) is goes_on


def test_a_number_in_another_print_does_not_hold_the_capitals():
    assert "notice" in paths(CONDITIONS + FORTY + "\n3) Another print.\n")


def test_the_capitals_paragraph_at_the_very_end_of_the_text():
    assert by_path(CONDITIONS + FORTY.rstrip("\n"))["notice"].text == FORTY.strip()


def test_capitals_after_a_last_item_in_capitals_stay_in_it_though_earlier_items_are_not():
    text = "1. Keep the notices.\n\n2. Mark your changes.\n\n3. SHARE ALIKE.\n\n" + FORTY
    assert "notice" not in paths(text)


@pytest.mark.parametrize(("small", "kept"), [("abcd", True), ("abcde", False)])
def test_a_tenth_of_small_letters_at_most(small: str, kept: bool):
    para = FORTY.replace(" US", f" US {small}")
    assert sum(map(str.isupper, para)) == 40
    assert ("notice" in paths(CONDITIONS + para)) is kept


def test_a_line_of_capitals_right_under_the_first_item_at_the_start_of_the_text():
    text = "1. Keep the notice.\nTHE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL\n"
    assert by_path(text)["notice"].text == "THE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL"


def test_capitals_with_a_small_letter_right_under_an_item_are_its_words():
    text = CONDITIONS.rstrip("\n") + "\nTHE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL, x.\n"
    assert "notice" not in paths(text)


@pytest.mark.parametrize(
    ("first", "notice"), [("THE WORK COMES FROM US", True), ("THE WORK COMES FROM U", False)]
)
def test_twenty_capitals_on_the_first_line_right_under_an_item(first: str, notice: bool):
    # "THE WORK COMES FROM US" holds 18 capitals; "AB" brings it to 20
    line = first.replace("COMES", "COMES AB")
    text = CONDITIONS.rstrip("\n") + f"\n{line}\nAND FROM NOBODY ELSE AT ALL AND EVER.\n"
    assert ("notice" in paths(text)) is notice


def test_trailing_spaces_after_an_items_full_stop_before_capitals():
    text = CONDITIONS.rstrip("\n") + "   \nTHE WORK COMES FROM US AND FROM NOBODY ELSE AT ALL.\n"
    assert "notice" in paths(text)


def test_capitals_under_a_title_after_the_list_are_the_titles_text():
    text = "1. Keep the notices.\n\n2. Mark your changes.\n\nDisclaimer\n\n" + FORTY + "\na. Another list.\n"
    got = by_path(text)
    assert list(got) == ["1", "2", "disclaimer", "a"]
    assert (got["disclaimer"].heading, got["disclaimer"].text) == ("Disclaimer", FORTY.strip())
    assert got["2"].text == "Mark your changes."


def test_a_titled_one_line_item_keeps_the_sentence_under_it():
    got = by_path("## 1. Keep.\n## 2. Warranty.\nThat is all you must do.\n")
    assert list(got) == ["1", "2"]
    assert (got["2"].heading, got["2"].text) == ("Warranty.", "That is all you must do.")


@pytest.mark.parametrize(
    "text",
    [
        "1. Keep the notices.\n2. Mark your changes.\nB. That is all you must do.\n",
        HANGING + "B. To contribute, write to the author.\n",
    ],
)
def test_a_letter_label_that_continues_nothing_is_no_paragraph_after_the_list(text: str):
    assert "notice" not in paths(text)
    assert paths(text) == ["1", "2"]


def test_words_starting_with_a_small_letter_then_a_capital_finish_the_parent_sentence():
    text = GRANT + "  (b) share the work;\neBay sellers included." + LIMITS
    assert by_path(text)["1.closing"].text == "eBay sellers included."


def test_an_item_whose_words_after_the_first_read_like_a_title_is_no_title():
    text = GRANT + "  (b) share Copying Rules.\nThese rights are worldwide." + LIMITS
    assert by_path(text)["1.closing"].text == "These rights are worldwide."


def test_an_empty_item_right_above_a_sentence():
    text = "1. Grant.\n\nThe Author grants:\n\n  a. copy;\n\n  b.\nThese rights are worldwide." + LIMITS
    assert paths(text) == ["1", "1(a)", "1(b)", "1.closing", "2"]


@pytest.mark.parametrize(
    "items",
    [
        "1. 1234 5678.\n\n2. 9012 3456.\n\n",
        "1. Keep the notices.\n\n2. MARK YOUR CHANGES IN EVERY COPY OF THE WORK THAT YOU MAKE OR SHARE.\n\n",
    ],
)
def test_capitals_after_a_last_item_without_small_letters_stay_in_it(items: str):
    assert paths(items + FORTY) == ["1", "2"]


@pytest.mark.parametrize(("at", "notice"), [(1999, True), (2000, False)])
def test_the_last_items_first_two_thousand_characters_are_read_for_small_letters(at: int, notice: bool):
    item = "2. " + "9" * (at - 3) + "x" + "9" * 10 + "."
    assert item.index("x") == at
    text = "1. 1234 5678.\n\n" + item + "\n\n" + FORTY
    assert ("notice" in paths(text)) is notice


def test_a_clause_without_words_of_its_own_keeps_its_numbers_margin():
    # "1.1" has only a title: its margin is its number's (5), not its first item's (2)
    text = (
        "1. Scope.\n\nWords.\n\n     1.1. Terms\n\n  (a) copy;\n\n      (b) share.\n\n"
        "   These rights are worldwide.\n\n     1.2. Limits.\n"
    )
    got = by_path(text)
    assert list(got) == ["1", "1.1", "1.1(a)", "1.1(b)", "1.closing", "1.2"]


def test_capitals_under_a_long_title_kept_open_by_the_list_are_the_titles_text():
    # a title over 40 characters: the title rule leaves the list open, this rule ends it
    title = "Important Notice About The Warranty Of This Work"
    text = (
        "   1. Keep the notices.\n\n   2. Mark your changes.\n\n"
        + title
        + "\n\n   "
        + FORTY.replace("\n", "\n   ", 1)
    )
    got = by_path(text)
    assert [(s.path, s.heading) for s in got.values()][-1] == (
        "important-notice-about-the-warranty-of-t",
        title,
    )
    assert list(got)[:2] == ["1", "2"] and len(got) == 3


def test_capitals_after_closing_words_are_a_paragraph_of_their_own():
    text = "1. You may:\n\n  (a) copy;\n\n  (b) share;\nfor any purpose.\n\n" + FORTY
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.closing", "notice"]
    assert got["1.closing"].text == "for any purpose."


# The rules of the session of 2026-12-04 (second), at their edges ---------------------------------


def test_a_lower_case_line_after_a_semicolon_in_a_flush_list_still_closes_it():
    # the item's wrapped line stands at its number's column: a line there is not "hanging"
    text = "1. You may:\n\n(a) copy the work;\n(b) share the work\nwith others;\nfor personal use only.\n"
    assert by_path(text)["1.closing"].text == "for personal use only."
    # right of the number but not in line with the item's own wrapped lines: not the item's either
    deeper = "1. You may:\n\n   (a) copy;\n   (b) share\n       the work;\n         for personal use only.\n"
    assert by_path(deeper)["1.closing"].text == "for personal use only."


def test_a_paragraph_in_line_with_an_items_flush_lines_stays_the_items():
    text = (
        "1. Redistribution:\n\n   (a) keep the notice; and\n\n   (b) if the Work has a NOTICE file,\n"
        "   keep it too.\n\n   You may add your own statement.\n"
    )
    assert "You may add" in by_path(text)["1(b)"].text


def test_the_look_ahead_past_a_lettered_list_stops_at_a_label_of_another_kind():
    head = "1. You may copy the Library, provided that you keep\n   this notice with it.\n\n"
    head += "2. You may combine the Library\n   with other work.\n\nYou must give notice of it:\n\n"
    items = "     a) Accompany the work with the source.\n\n     b) Use a shared library.\n\n"
    tail = "3. You may not copy the Library otherwise.\n"
    assert "You must give notice" in by_path(head + items + tail)["2"].text
    # another list's later item (not a first one) between: the outer list is not known to go on
    other = head + items + "     (iv) Or keep a copy.\n\n" + tail
    assert "You must give notice" in by_path(other)["notice"].text
    # two lists opened on the way, then the first goes on, then the outer one
    nested = head + "     a) Accompany the work:\n\n        (i) with the source;\n\n     b) Use a shared library.\n\n" + tail
    assert "You must give notice" in by_path(nested)["2"].text


def test_capitals_after_the_notice_are_parted_only_when_they_disclaim():
    text = (
        "Permission is granted, provided you\n\n     1. keep this notice,\n     2. mark your changes.\n\n"
        "PostScript is a trademark of its owner.\n\n"
        "THE NAME OF THE COMPANY MAY NOT BE USED TO ENDORSE PRODUCTS DERIVED FROM THIS SOFTWARE.\n"
    )
    assert "THE NAME OF THE COMPANY" in by_path(text)["notice"].text
    # a disclaimer at the very end, with no line break after it
    last = text.replace("THE NAME OF THE COMPANY MAY NOT BE USED TO ENDORSE PRODUCTS", "THIS SOFTWARE IS PROVIDED AS IS WITHOUT ANY WARRANTY")
    assert by_path(last.rstrip("\n"))["disclaimer"].text.startswith("THIS SOFTWARE IS PROVIDED")
