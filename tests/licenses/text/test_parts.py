"""licenses.text.parts: part headings, second documents and their address spaces. Pure."""

from __future__ import annotations

import pytest

from licenses.text.parts import Spaces, part_name, short_slug, title_slug
from licenses.text.segmentation import segment


def rows(text: str) -> list[tuple[str, str, str]]:
    return [(s.path, s.label, s.heading) for s in segment(text)]


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text)]


# --- part_name ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, name",
    [
        ("PART B. DOWNLOADS", "part-b"),
        ("Part A: contributions", "part-a"),
        ("Schedule 2", "schedule-2"),
        ("SCHEDULE", "schedule"),
        ("Exhibit A - Form of Notice", "exhibit-a"),
        ("EXHIBIT B", "exhibit-b"),
        ("Appendix:", "appendix"),
        ("APPENDIX C", "appendix-c"),
        ("ANNEX IV", "annex-iv"),
        ("Annex", "annex"),
        ("ADDENDUM", "addendum"),
        ("Addendum 1", "addendum-1"),
        ("Attachment 3.", "attachment-3"),
        ("ATTACHMENT", "attachment"),
        ("PART 123", "part-123"),
        ("PART VIIII", "part-viiii"),
        ("PART\tB:", "part-b"),
        ("Schedule – fees", "schedule"),
        ("Schedule — fees", "schedule"),
        ("Schedule-fees", "schedule"),
        ("**PART A**", "part-a"),
        ("  ## Schedule 1  ", "schedule-1"),
        ("_PART A_", "part-a"),
    ],
)
def test_a_part_heading_is_named_by_its_word_and_number(line, name):
    assert part_name(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Part C of this Agreement applies to all",  # prose: the name runs on into words
        "Partner",
        "PART 1234",  # at most three digits
        "PART IIIIII",  # at most five roman numerals
        "Part b.",  # a lower-case letter is no part number
        "attachment",  # the words are capitalised
        "The PART A terms",  # the name starts the line
    ],
)
def test_a_line_that_only_mentions_a_part_is_no_part_heading(line):
    assert part_name(line) == ""


# --- title_slug and short_slug --------------------------------------------------------------------


def test_the_title_of_a_second_document_is_the_first_line_naming_a_license():
    assert title_slug(["Preamble", "GNU GENERAL PUBLIC LICENSE"]) == "gnu-general-public-license"
    assert title_slug(["Zope Public Licence", "Other Licence"]) == "zope-public-licence"
    for word in ("Agreement", "Terms", "LIZENZ", "Licencia", "licenza"):
        assert title_slug(["Preamble", f"Example {word}"]) == f"example-{word.lower()}"


def test_without_a_line_naming_a_license_the_first_line_is_the_title():
    assert title_slug(["Preamble", "Other Words"]) == "preamble"
    # "Licensed" is not the word "license"
    assert title_slug(["Preamble", "Licensed Works"]) == "preamble"


def test_no_title_at_all_lets_the_part_be_numbered():
    assert title_slug([]) == ""
    assert title_slug(["条款结束"]) == ""
    assert title_slug(["条款结束", "Example License"]) == "example-license"


def test_a_short_slug_keeps_at_most_four_words():
    assert short_slug("BeOpen.com License Agreement for Python 2.0") == "beopen-com-license-agreement"
    assert short_slug("one two three four five") == "one-two-three-four"
    assert short_slug("one") == "one"


def test_a_short_slug_keeps_at_most_thirty_characters():
    assert short_slug("aaaaaaaaaa bbbbbbbbbb cccccccc") == "aaaaaaaaaa-bbbbbbbbbb-cccccccc"  # 30
    assert short_slug("aaaaaaaaaa bbbbbbbbbb ccccccccc") == "aaaaaaaaaa-bbbbbbbbbb"  # 31 would be too long
    assert short_slug("a" * 35) == "a" * 30  # a long first word is cut
    # the words stop at the first that does not fit: no later, shorter word jumps in
    assert short_slug("aaaaaaaaaa " + "b" * 25 + " cc") == "aaaaaaaaaa"


def test_a_title_without_ascii_letters_or_digits_has_no_short_slug():
    assert short_slug("条款结束") == ""
    assert short_slug("éé") == ""
    assert short_slug("---") == ""
    assert short_slug("-a") == "a"
    assert short_slug("2.0") == "2-0"
    assert short_slug("Licença 2") == "licen-a-2"


# --- Spaces ---------------------------------------------------------------------------------------


def test_the_first_top_level_path_records_where_the_space_started():
    spaces = Spaces(part="part-a")
    assert spaces.top_level("1", 3) is False
    assert (spaces.space_part, spaces.start) == ("part-a", 3)
    spaces.add("1")
    spaces.part = "part-b"
    assert spaces.top_level("2", 5) is False
    assert spaces.top_level("1", 7) is True  # a repeat: a new space must open
    assert (spaces.space_part, spaces.start) == ("part-a", 3)  # only the first path records


def test_a_top_level_path_repeats_only_within_its_own_space():
    spaces = Spaces(prefix="gnu", used={"gnu/1"})
    assert spaces.top_level("1", 0) is True
    assert spaces.top_level("2", 0) is False
    assert Spaces(used={"gnu/1"}).top_level("1", 0) is False


def test_a_new_space_takes_the_title_and_starts_empty():
    spaces = Spaces(used={"1", "2"}, start=0)
    assert spaces.open(4, "gnu-general-public-license") == ("gnu-general-public-license", "")
    assert spaces.prefix == "gnu-general-public-license"
    assert (spaces.space_part, spaces.start, spaces.used) == ("", 4, set())
    assert spaces.prefixes == {"gnu-general-public-license"}


def test_a_new_space_without_a_title_is_numbered():
    spaces = Spaces(used={"1"})
    assert spaces.open(2, "") == ("part-2", "")
    spaces.used = {"part-2/1"}
    assert spaces.open(5, "") == ("part-3", "")


def test_a_title_used_before_gets_a_number():
    spaces = Spaces(used={"1"})
    assert spaces.open(1, "example")[0] == "example"
    assert spaces.open(2, "example")[0] == "example-2"
    assert spaces.open(3, "example")[0] == "example-3"


def test_a_part_heading_names_the_new_space_and_the_earlier_part_its_run():
    spaces = Spaces(part="part-a")
    spaces.top_level("1", 1)
    spaces.add("1")
    spaces.part = "part-b"
    assert spaces.open(3, "title") == ("part-b", "part-a")
    assert spaces.prefixes == {"part-a", "part-b"}
    assert (spaces.prefix, spaces.space_part, spaces.start, spaces.used) == ("part-b", "part-b", 3, set())
    # a third run under the same part heading is another space, numbered
    assert spaces.open(6, "title") == ("title", "")


def test_a_part_heading_read_before_the_space_began_does_not_name_the_next():
    spaces = Spaces(part="part-a")
    spaces.top_level("1", 0)
    # still under "PART A": the title names the new space, and the run before is not renamed
    assert spaces.open(2, "title") == ("title", "")
    assert spaces.prefixes == {"title"}


def test_the_earlier_runs_prefix_is_never_taken_by_the_new_space():
    spaces = Spaces(part="part-a")
    spaces.top_level("1", 0)
    spaces.part = ""  # "PART A" was the last part heading; a title that reads the same follows
    assert spaces.open(2, "part-a") == ("part-a-2", "part-a")
    assert spaces.open(4, "part-a")[0] == "part-a-3"


def test_only_the_first_space_can_rename_its_earlier_run():
    spaces = Spaces(prefix="title", part="part-a", space_part="part-a")
    spaces.part = "part-b"
    assert spaces.open(2, "other") == ("part-b", "")


# --- part headings in a text ----------------------------------------------------------------------


def test_a_part_heading_under_a_finished_sentence_opens_its_part():
    text = "1. Grant.\n\nYou may copy.\nSCHEDULE 1\n1. Fee.\n\n2. Support.\n"
    assert rows(text) == [
        ("1", "1.", "Grant."),
        ("schedule-1", "", "SCHEDULE 1"),
        ("schedule-1/1", "1.", ""),
        ("schedule-1/2", "2.", ""),
    ]


def test_a_part_word_that_ends_a_wrapped_sentence_is_no_heading():
    text = "1. Grant.\n\nYou may copy it in\nSCHEDULE 1\n\n1. Fee.\n\n2. Support.\n"
    assert paths(text) == ["1", "part-2/1", "part-2/2"]


def test_a_part_heading_right_under_a_clause_line_opens_its_part():
    for line in ("2. Share.", "2. Share it"):
        text = f"1. Grant.\n\n{line}\nSCHEDULE 1\n1. Fee.\n\n2. Support.\n"
        assert paths(text) == ["1", "2", "schedule-1", "schedule-1/1", "schedule-1/2"]


def test_a_long_line_that_starts_like_a_part_is_text():
    text = "1. Grant.\n\nYou may copy.\n\nSCHEDULE 1. " + "x" * 120 + "\n\n1. Fee.\n\n2. Support.\n"
    assert paths(text) == ["1", "part-2/1", "part-2/2"]
    short = "1. Grant.\n\nYou may copy.\n\nSCHEDULE 1. " + "x" * 100 + "\n\n1. Fee.\n\n2. Support.\n"
    assert paths(short)[-2:] == ["schedule-1/1", "schedule-1/2"]


def test_part_headings_on_the_first_line_and_later_prefix_both_runs():
    text = "PART A\n1. You grant us a license.\n\n2. You keep your rights.\n\nPART B\n\n1. We grant.\n\n2. No warranty.\n"
    assert paths(text) == ["part-a", "part-a/1", "part-a/2", "part-b", "part-b/1", "part-b/2"]


def test_numbering_that_restarts_under_part_headings_prefixes_both_parts():
    text = (
        "Intro Agreement\n\nThis Agreement has two parts.\n\nPART A. CONTRIBUTIONS\n\n"
        "1. You grant us a license.\n\nRights\n\n2. You keep your rights.\n\n"
        "PART B. DOWNLOADS\n\nDefinitions\n\n1. We grant you a license.\n\n2. No warranty.\n"
    )
    assert rows(text) == [
        ("preamble", "", ""),
        ("part-a-contributions", "", "PART A. CONTRIBUTIONS"),
        ("part-a/1", "1.", ""),
        ("rights", "", "Rights"),  # a heading of the earlier run keeps its path
        ("part-a/2", "2.", ""),
        ("part-b-downloads", "", "PART B. DOWNLOADS"),  # the part heading keeps its own slug
        ("part-b/definitions", "", "Definitions"),  # a heading inside the new part moves in
        ("part-b/1", "1.", ""),
        ("part-b/2", "2.", ""),
    ]


def test_a_part_heading_read_twice_numbers_the_second_space():
    text = "1. A.\n\n2. B.\n\nSchedule 1\n\n1. C.\n\n2. D.\n\nSchedule 1\n\n1. E.\n"
    assert paths(text) == [
        "1",
        "2",
        "schedule-1",
        "schedule-1/1",
        "schedule-1/2",
        "schedule-1-2",
        "schedule-1-2/1",
    ]


def test_numbering_restarts_only_with_a_first_number():
    text = "1. You may copy.\n\n2. You may share.\n\nExample License\n\n2. Definitions.\n\n3. Permissions.\n"
    assert paths(text) == ["1", "2", "3"]
    letters = "a. You may copy.\n\nb. You may share.\n\nOther Terms\n\na. Definitions.\n\nb. Permissions.\n"
    assert paths(letters) == ["a", "b", "other-terms", "other-terms/a", "other-terms/b"]


def test_a_first_number_after_a_colon_is_a_list_not_a_new_space():
    text = "1. You may copy.\n\nPermitted uses:\n\n1. Reading.\n\n2. Writing.\n"
    assert paths(text) == ["1", "list-2", "list-2/1", "list-2/2"]


def test_a_second_documents_title_opens_it():
    text = (
        "1. You may copy.\n\n2. You may share.\n\nThe Example License\n\n"
        "1. Definitions.\n\n2. Basic permissions.\n"
    )
    assert rows(text) == [
        ("1", "1.", ""),
        ("2", "2.", ""),
        ("the-example-license/preamble", "", "The Example License"),
        ("the-example-license/1", "1.", ""),
        ("the-example-license/2", "2.", ""),
    ]


def test_the_title_naming_a_license_is_chosen_among_the_lines_before():
    text = (
        "1. You may copy.\n\n2. You may share.\n\nPreamble Words\n\nExample Public License\n\n"
        "1. Definitions.\n\n2. Basic permissions.\n"
    )
    segs = segment(text)
    assert [s.path for s in segs] == [
        "1",
        "2",
        "example-public-license/preamble",
        "example-public-license/1",
        "example-public-license/2",
    ]
    assert segs[1].text == "You may share.\n\nPreamble Words"


def test_a_title_inside_the_last_clause_becomes_a_segment_of_its_own():
    text = (
        "1. You may copy.\n\n2. You may share.\n\nExample License\nVersion 2\n\n"
        "1. Definitions.\n\n2. Basic permissions.\n"
    )
    segs = segment(text)
    assert [(s.path, s.heading, s.text) for s in segs] == [
        ("1", "", "You may copy."),
        ("2", "", "You may share."),
        ("example-license/preamble", "Example License", "Version 2"),
        ("example-license/1", "", "Definitions."),
        ("example-license/2", "", "Basic permissions."),
    ]
    assert [s.parent for s in segs] == [None, None, None, None, None]


def test_an_appendix_heading_before_the_title_keeps_its_path():
    text = (
        "1. You may copy.\n\n2. You may share.\n\nEND OF TERMS\n\nGNU GENERAL PUBLIC LICENSE\n\n"
        "Version 3\n\n1. Definitions.\n\n2. Basic permissions.\n"
    )
    assert paths(text) == [
        "1",
        "2",
        "end-of-terms",
        "end-of-terms/gnu-general-public-license",
        "end-of-terms/version-3",
        "end-of-terms/1",
        "end-of-terms/2",
    ]


def test_a_second_text_with_no_title_gets_a_numbered_space():
    text = (
        "1. You may copy.\n\n2. You may share.\nThe second text follows here with words.\n"
        "1. Definitions.\n\n2. Basic permissions.\n"
    )
    assert paths(text) == ["1", "2", "part-2/1", "part-2/2"]


def test_a_part_number_that_is_a_letter_x_is_kept():
    assert part_name("PART X") == "part-x"
    assert paths("1. Grant.\n\nYou may copy.\n\nPART X\n\n1. Fee.\n\n2. Support.\n")[1:] == [
        "part-x",
        "part-x/1",
        "part-x/2",
    ]


def test_a_part_heading_line_may_be_120_characters_long():
    line = ("SCHEDULE 1. " + "x" * 200)[:120]
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{line}\n\n1. Fee.\n\n2. Support.\n")[2:] == [
        "schedule-1/1",
        "schedule-1/2",
    ]
    line = ("SCHEDULE 1. " + "x" * 200)[:121]
    assert paths(f"1. Grant.\n\nYou may copy.\n\n{line}\n\n1. Fee.\n\n2. Support.\n") == [
        "1",
        "part-2/1",
        "part-2/2",
    ]


def test_a_long_part_line_opening_the_text_is_no_part_heading():
    text = ("PART A. " + "x" * 200)[:125] + "\n\n1. Fee.\n\n2. Support.\n\nThe end."
    assert paths(text) == ["preamble", "1", "2"]


def test_only_the_line_above_a_part_word_says_whether_a_sentence_ended():
    # the line below ends a sentence, the line above does not: a wrapped sentence
    text = "1. Grant.\n\nYou may copy it in\nSCHEDULE 1\nsome more words.\n\n1. Fee.\n\n2. Support.\n"
    assert paths(text) == ["1", "part-2/1", "part-2/2"]
    # spaces after the full stop above do not hide it
    text = "1. Grant.\n\nYou may copy.   \nSCHEDULE 1\n1. Fee.\n\n2. Support.\n"
    assert paths(text) == ["1", "schedule-1", "schedule-1/1", "schedule-1/2"]


def test_a_title_under_the_part_heading_the_first_run_stood_under_is_the_second_documents():
    text = "PART A\n\n1. You grant.\n\n2. You keep.\n\nExample License\n\n1. We grant.\n\n2. No warranty.\n"
    assert rows(text) == [
        ("part-a", "", "PART A"),
        ("1", "1.", ""),
        ("2", "2.", ""),
        ("example-license/preamble", "", "Example License"),
        ("example-license/1", "1.", ""),
        ("example-license/2", "2.", ""),
    ]


def test_a_title_found_inside_a_clause_is_an_unnumbered_segment_at_the_top():
    text = "1. You may copy.\n\n2. You may share.\n\n**Example License X**\nVersion 2\n\n1. Definitions.\n\n2. Basic.\n"
    title = segment(text)[2]
    assert (title.path, title.label, title.heading, title.text, title.depth, title.parent) == (
        "example-license-x/preamble",
        "",
        "Example License X",  # the marks stripped, the letter X kept
        "Version 2",
        0,
        None,
    )


def test_an_inserted_title_keeps_the_headings_after_it_in_order():
    text = (
        "1. You may copy.\n\n2. You may share.\n\nExample License\nVersion 2\n\nDEFINITIONS\n\n"
        '"Work" means the work.\n\n1. Definitions.\n\n2. Basic permissions.\n'
    )
    segs = segment(text)
    assert [(s.path, s.parent) for s in segs] == [
        ("1", None),
        ("2", None),
        ("example-license/preamble", None),
        ("example-license/definitions", None),
        ("example-license/definitions.def-work", 3),
        ("example-license/1", None),
        ("example-license/2", None),
    ]


def test_a_title_right_under_a_clause_line_is_no_title():
    text = "1. You may copy.\nExample License\n\n1. Definitions.\n\n2. Basic permissions.\n"
    assert paths(text) == ["1", "part-2/1", "part-2/2"]


TITLE_100 = (
    "Supercalifragilistic Expialidocious Extraordinarily Magnificent Wonderful Licence Agreement Terms Xy"
)


def test_a_title_inside_a_clause_is_shorter_than_100_characters():
    def text(title: str) -> str:
        return (
            f"1. You may copy.\n\n2. You may share.\n\n{title}\nVersion 2\n\n1. Definitions.\n\n2. Basic.\n"
        )

    assert len(TITLE_100) == 100
    assert paths(text(TITLE_100))[2:] == ["part-2/1", "part-2/2"]
    assert paths(text(TITLE_100[:99]))[2] == "supercalifragilistic/preamble"
