"""Licenses published as Markdown (LICENSE.md, model cards): the marks are decoration.

"#" headings, emphasis around a number or a title ("**2. Grant.** Subject …", "**1.** Definitions")
and emphasis around a defined term ('- **"Output"** means …') are part of the stored text, so
every offset keeps them, but not of a clause's number, heading or words: a lawyer cites "2",
"Grant of Rights.", as in the same text printed without the marks.
"""

import re

import pytest

from licenses.text.segmentation import segment
from tests.licenses.text.test_segmentation_properties import _check_spans

HEADINGS = """\
# Example Model License

## 1. Definitions

"Model" means the trained weights and parameters.

"Output" means the results of running the Model.

## 2. Grant

### 2.1 Copyright

Subject to the terms of this License, You may use the Model.

### 2.2 Conditions

You may distribute the Model provided that:

(a) you give every recipient a copy of this License; and

(b) you keep all copyright notices.

## 3. Termination

This License ends automatically if You breach it.
"""

BOLD_TITLES = """\
Example Data License

**1. Definitions.**

"Data" means the data set made available under this License.

**2. Grant of Rights.** Subject to the terms of this License, You may use the Data.

**3. Restrictions.** You may not sell the Data.

(a) You may not re-identify people in the Data.

(b) You may not use the Data to train weapons systems.

**4. Disclaimer.** THE DATA IS PROVIDED AS IS.
"""

BOLD_NUMBERS = """\
Example Weights License

**1.** Definitions.

"Weights" means the numbers that make up the Model.

**2.** Grant. Subject to this License, You may copy the Weights.

**3.** __Notices.__ You must keep this License with every copy.

*4.* Termination. This License ends if You breach it.
"""

BOLD_TERMS = """\
# Example AI License

## 1. Definitions

In this License:

- **"Model"** means the trained weights.
- **"Output"** means the results of running the Model.

## 2. Use Restrictions

You agree not to use the Model:

- to break any applicable law;
- to harm minors in any way.

## 3. Warranty

The Model is provided as is, without warranty of any kind.
"""

MIXED = """\
# Example License

## **1. Definitions**

"Thing" means the thing licensed.

## 2. Grant

**2.1 Copyright.** You may copy the Thing.

**2.2** _Patents._ You may use the patents.

### 2.3 Conditions

- You must keep notices.
- You must not sue.

**3. Termination.** This License ends if You breach it.
"""

# Each text, the paths and headings a lawyer would cite.
CASES = {
    "headings": (
        HEADINGS,
        [
            ("preamble", ""),
            ("1", "Definitions"),
            ("1.def-model", ""),
            ("1.def-output", ""),
            ("2", "Grant"),
            ("2.1", "Copyright"),
            ("2.2", "Conditions"),
            ("2.2(a)", ""),
            ("2.2(b)", ""),
            ("3", "Termination"),
        ],
    ),
    "bold titles": (
        BOLD_TITLES,
        [
            ("preamble", ""),
            ("1", "Definitions."),
            ("1.def-data", ""),
            ("2", "Grant of Rights."),
            ("3", "Restrictions."),
            ("3(a)", ""),
            ("3(b)", ""),
            ("4", "Disclaimer."),
        ],
    ),
    "bold numbers": (
        BOLD_NUMBERS,
        [
            ("preamble", ""),
            ("1", "Definitions."),
            ("1.def-weights", ""),
            ("2", "Grant."),
            ("3", "Notices."),
            ("4", "Termination."),
        ],
    ),
    "mixed marks": (
        MIXED,
        [
            ("preamble", ""),
            ("1", "Definitions"),
            ("1.def-thing", ""),
            ("2", "Grant"),
            ("2.1", "Copyright."),
            ("2.2", "Patents."),
            ("2.3", "Conditions"),  # a "### " heading goes on from bold "**2.2**"
            ("2.3.item-1", ""),  # two bullets: the clause's items
            ("2.3.item-2", ""),
            ("3", "Termination."),  # and bold "**3.**" from a "## 2." heading
        ],
    ),
    "bold terms": (
        BOLD_TERMS,
        [
            ("preamble", ""),
            ("1", "Definitions"),
            ("1.def-model", ""),
            ("1.def-output", ""),
            ("2", "Use Restrictions"),
            ("2.item-1", ""),
            ("2.item-2", ""),
            ("3", "Warranty"),
        ],
    ),
}

_HEADING_MARK = re.compile(r"(?m)^#{1,6} ")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])[*_](?=\S)|(?<=\S)[*_](?![\w*])")


def _unmarked(text: str) -> str:
    """The same text without its Markdown marks (bullets stay: plain texts print them too)."""
    return _EMPHASIS.sub("", _HEADING_MARK.sub("", text))


@pytest.mark.parametrize("name", CASES)
def test_paths_and_headings_a_lawyer_would_cite(name):
    text, expected = CASES[name]
    assert [(s.path, s.heading) for s in segment(text)] == expected


@pytest.mark.parametrize("name", CASES)
def test_same_paths_and_headings_as_the_text_without_marks(name):
    text, _ = CASES[name]
    plain = _unmarked(text)
    assert "#" not in plain and "*" not in plain
    # bullet items aside: only a text written in Markdown reads its "- " lists as items
    marked = [(s.path, s.heading) for s in segment(text) if ".item-" not in s.path]
    assert marked == [(s.path, s.heading) for s in segment(plain)]


@pytest.mark.parametrize("name", CASES)
def test_no_mark_starts_a_clause_text_or_heading(name):
    text, _ = CASES[name]
    for s in segment(text):
        for words in (s.text, s.heading):
            assert not words.startswith(("#", "*", "_")), (s.path, words)
        assert not s.heading.endswith(("*", "_", "#")), (s.path, s.heading)


@pytest.mark.parametrize("name", CASES)
def test_offsets_still_cover_the_text(name):
    text, _ = CASES[name]
    segs = segment(text)
    _check_spans(text, segs)
    for s in segs:
        # own words are the original's, less the marks the segmenter read as decoration
        assert s.text in _unmarked(text[s.start : s.end])
        assert s.heading.rstrip(".") in text[s.start : s.end]


@pytest.mark.parametrize("name", CASES)
def test_no_stray_emphasis_mark_in_any_clause_text(name):
    text, _ = CASES[name]
    for s in segment(text):
        assert "**" not in s.text and "__" not in s.text, (s.path, s.text)


def test_inline_title_in_bold_keeps_the_words_after_it():
    got = {s.path: s for s in segment(BOLD_TITLES)}
    assert got["2"].text == "Subject to the terms of this License, You may use the Data."
    assert got["4"].text == "THE DATA IS PROVIDED AS IS."
    # the segment still starts at the line's first mark: the stored text is untouched
    assert BOLD_TITLES[got["2"].start :].startswith("**2. Grant of Rights.**")


def test_bold_defined_terms_in_bullets_are_definitions():
    got = {s.path: s for s in segment(BOLD_TERMS)}
    assert got["1.def-model"].text == '"Model" means the trained weights.'
    assert got["1.def-output"].text == '"Output" means the results of running the Model.'
    # an ordinary bullet list is the clause's items, not definitions
    assert got["2.item-1"].text == "to break any applicable law;"


def test_a_numbered_list_under_a_markdown_heading_is_that_clause_s():
    text = HEADINGS.replace("(a) you give", "1. you give").replace("(b) you keep", "2. you keep")
    paths = [s.path for s in segment(text)]
    assert paths[paths.index("2.2") + 1 : paths.index("3")] == ["2.2(1)", "2.2(2)"]


def test_a_markdown_title_is_not_in_the_preamble_words():
    pre = segment(HEADINGS)[0]
    assert (pre.path, pre.start, pre.text) == ("preamble", 0, "Example Model License")


def test_a_bullet_and_a_rule_are_not_emphasis():
    text = "Terms\n\n1. Use.\n\n* You may use it.\n\n___\n\n2. Share. You may share it.\n"
    got = [(s.path, s.heading) for s in segment(text)]
    assert got == [("preamble", ""), ("1", "Use."), ("2", "Share.")]


SECTION_GROUPS = """\
# Example RAIL License

## Section I: PRELIMINARIES

**1. Definitions.**

- **"Model"** means the trained weights.
- **"Output"** means the results of operating the Model.

**2. Grant of Copyright License.** Subject to the terms of this License, You may use the Model.

## Section II: CONDITIONS

### 3. Distribution and Redistribution

You may share the Model provided that You meet the following conditions:

1. You must include the use-based restrictions;
2. You must give any recipient a copy of this License.

### 4. Use-based Restrictions

You agree not to use the Model as follows:

* You agree not to use the Model in any way that violates any applicable law.
* You agree not to use the Model to generate malware.

## Attachment A

(a) In any way that violates any applicable national or international law;
(b) To exploit or harm minors in any way.
"""


def test_numbering_runs_on_across_titled_section_groups():
    got = [(s.path, s.heading) for s in segment(SECTION_GROUPS)]
    assert got == [
        ("preamble", ""),
        ("Section I", "PRELIMINARIES"),
        ("Section I(1)", "Definitions."),
        ("Section I(1).def-model", ""),
        ("Section I(1).def-output", ""),
        ("Section I(2)", "Grant of Copyright License."),
        ("Section II", "CONDITIONS"),
        ("Section II(3)", "Distribution and Redistribution"),  # "### 3." goes on from "**2.**"
        ("Section II(3)(1)", ""),  # a list under a Markdown heading is that clause's
        ("Section II(3)(2)", ""),
        ("Section II(4)", "Use-based Restrictions"),
        ("Section II(4).item-1", ""),  # "* " bullets after a lead-in: the clause's items
        ("Section II(4).item-2", ""),
        ("attachment-a", "Attachment A"),
        ("attachment-a/(a)", ""),  # the attachment's own items
        ("attachment-a/(b)", ""),
    ]
    got = {s.path: s for s in segment(SECTION_GROUPS)}
    assert got["Section II(4).item-2"].text == "You agree not to use the Model to generate malware."
    _check_spans(SECTION_GROUPS, list(got.values()))


def test_numbering_does_not_run_on_under_an_untitled_clause():
    # "(c)" straight under an untitled "2." is no item of 1's list: it stays in 2's words
    text = "Terms\n\n1. Use. You may:\n\n(a) copy it;\n\n(b) share it.\n\n2.\n(c) is reserved.\n"
    paths = [s.path for s in segment(text)]
    assert "2(c)" not in paths and "1(c)" not in paths


@pytest.mark.parametrize("mark", ["-", "*", "+"])
def test_every_markdown_bullet_marks_a_definition(mark):
    text = BOLD_TERMS.replace("- **", f"{mark} **")
    got = {s.path: s for s in segment(text)}
    assert got["1.def-model"].text.startswith('"Model"')
    assert got["1.def-output"].text.startswith('"Output"')


def test_a_numbered_list_under_a_bold_title_is_that_clause_s():
    text = (
        "Terms\n\n**1. Use.** You may use it.\n\n**2. Share.** You may share it if:\n\n"
        "1. you keep notices;\n2. you mark changes.\n\n**3. End.** It ends on breach.\n"
    )
    got = [(s.path, s.heading) for s in segment(text)]
    assert got == [
        ("preamble", ""),
        ("1", "Use."),
        ("2", "Share."),
        ("2(1)", ""),
        ("2(2)", ""),
        ("3", "End."),
    ]


# -- the emphasis the segmenter reads as decoration is no part of a clause's words ---------------


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('- **"Output"** means the results.', '"Output" means the results.'),
        ('- __"Output"__ means the results.', '"Output" means the results.'),
        ('- *"Output"* means the results.', '"Output" means the results.'),
        ('- "**Output**" means the results.', '"Output" means the results.'),
        ('**"Output"** means the results.', '"Output" means the results.'),
    ],
)
def test_a_defined_term_s_emphasis_is_dropped_from_its_words(line, words):
    text = f"Terms\n\n1. Definitions.\n\n{line}\n\n2. Use. You may use it.\n"
    got = {s.path: s for s in segment(text)}
    assert got["1.def-output"].text == words
    # the span still covers the marks: the stored text and the plain download keep them
    assert text[got["1.def-output"].start : got["1.def-output"].end].endswith("the results.")


def test_emphasis_opened_before_a_number_closes_out_of_the_words():
    # a bold title too long to read as a heading: its closing mark is no part of the words
    text = (
        "Terms\n\n**1. Use.** You may use it.\n\n"
        "**2. Grant of rights to use the model for any lawful purpose under this License.** You may copy it.\n"
    )
    got = {s.path: s for s in segment(text)}
    assert (
        got["2"].text
        == "Grant of rights to use the model for any lawful purpose under this License. You may copy it."
    )


def test_emphasis_opened_before_a_number_may_close_on_a_wrapped_line():
    text = (
        "Terms\n\n**1. Use.** You may use it.\n\n"
        "**2. Grant of rights to use the model for any lawful purpose\nunder this License.** You may copy it.\n\n"
        "*3. Sharing the model with anyone at all under these terms.* You may share it.\n"
    )
    got = {s.path: s.text for s in segment(text)}
    assert got["2"] == "Grant of rights to use the model for any lawful purpose\nunder this License. You may copy it."
    assert got["3"] == "Sharing the model with anyone at all under these terms. You may share it."


def test_an_unclosed_emphasis_before_a_number_drops_nothing():
    # the search for the closing mark ends with the paragraph: "**3." is not its close
    text = "Terms\n\n**1. Use.** You may use it.\n\n**2. Share. You may share it.\n\n**3. End.** It ends.\n"
    got = {s.path: (s.heading, s.text) for s in segment(text)}
    assert got["2"] == ("Share.", "You may share it.")
    assert got["3"] == ("End.", "It ends.")


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        ("You **must** keep notices.", "You must keep notices."),
        ("You __must__ keep *every* _notice_.", "You must keep every notice."),
        ("Keep **all** notices and **every** mark.", "Keep all notices and every mark."),
        ("Call model_name_here or __init__ as 2 * 3 * 4.", "Call model_name_here or init as 2 * 3 * 4."),
        ("A lone ** mark, a* b and ***three*** stay.", "A lone ** mark, a* b and ***three*** stay."),
    ],
)
def test_emphasis_inside_the_words_of_a_markdown_text_is_decoration(words, shown):
    # the page shows clause text as text, never as Markdown: "**must**" would show its marks
    text = f"# Terms\n\n## 1. Use\n\n{words}\n\n## 2. Share\n\nYou may share it.\n"
    got = {s.path: s for s in segment(text)}
    assert got["1"].text == shown
    assert text[got["1"].start : got["1"].end].endswith(words)  # the span keeps the marks


def test_emphasis_in_a_plain_text_stays():
    text = "Terms\n\n1. Use. You **must** keep notices.\n\n2. Share. You may share it.\n"
    assert {s.path: s.text for s in segment(text)}["1"] == "You **must** keep notices."


def test_emphasis_inside_a_markdown_heading_is_no_part_of_it():
    text = "# Terms\n\n## 1. Grant of **Rights**\n\nYou may use it.\n\n## 2. Share\n\nYou may share it.\n"
    assert [s.heading for s in segment(text)][1] == "Grant of Rights"


# -- plain bullet lists under a numbered clause are that clause's items ----------------------
# A bullet prints no number, so an item's address is its place in the clause's list, as the
# definitions of a "- " list are the clause's (``1.def-output``): ``2.item-1``, ``2.item-2``.
# Only in a text written in Markdown: in the plain SPDX texts a dash list is as often a glossary
# ("- The Licence: this Licence.") or printed with other dashes in the next version (EUPL).


def test_a_bullet_list_under_a_numbered_clause_is_its_items():
    got = {s.path: s for s in segment(BOLD_TERMS)}
    assert [p for p in got if p.startswith("2")] == ["2", "2.item-1", "2.item-2"]
    assert got["2"].text == "You agree not to use the Model:"
    assert (got["2.item-1"].label, got["2.item-1"].text) == ("", "to break any applicable law;")
    assert got["2.item-2"].text == "to harm minors in any way."
    assert got["2.item-1"].parent == list(got).index("2") and got["2.item-1"].depth == got["2"].depth + 1
    _check_spans(BOLD_TERMS, list(got.values()))


@pytest.mark.parametrize("mark", ["-", "*", "+"])
def test_two_bullets_make_a_list_without_a_lead_in(mark):
    text = f"# Terms\n\n1. Use. You may use it.\n\n2. Conditions.\n\n{mark} Keep notices.\n{mark} Mark changes.\n\n3. End. It ends.\n"
    got = [(s.path, s.text) for s in segment(text)]
    assert got[2:5] == [("2", ""), ("2.item-1", "Keep notices."), ("2.item-2", "Mark changes.")]
    assert got[5][0] == "3"


def test_one_bullet_after_a_colon_is_an_item():
    text = "# Terms\n\n1. Use. You may use it only if:\n\n- you keep notices.\n\n2. End. It ends.\n"
    assert [(s.path, s.text) for s in segment(text)][1:3] == [
        ("1", "You may use it only if:"),
        ("1.item-1", "you keep notices."),
    ]


def test_a_hyphen_starting_a_wrapped_line_is_no_bullet():
    text = (
        "# Terms\n\n1. Use. The Licensee may use the Work for any purpose at all, and\n"
        "- as long as every notice is kept intact - may share it with anyone.\n\n2. End. It ends.\n"
    )
    got = {s.path: s for s in segment(text)}
    assert list(got) == ["preamble", "1", "2"]
    assert "- as long as every notice" in got["1"].text


def test_a_bullet_s_wrapped_lines_and_indented_paragraphs_are_its_words():
    text = (
        "# Terms\n\n1. Conditions. You must:\n\n"
        "- keep every notice that came with the Work, in the source and\n"
        "  in any documentation; and\n\n"
        "  where there is no documentation, in a file of its own;\n"
        "- mark your changes.\n\n2. End. It ends.\n"
    )
    got = {s.path: s.text for s in segment(text)}
    assert list(got) == ["preamble", "1", "1.item-1", "1.item-2", "2"]
    assert got["1.item-1"].endswith("in a file of its own;")
    assert got["1.item-2"] == "mark your changes."


def test_words_at_the_margin_after_a_bullet_list_close_it():
    text = (
        "# Terms\n\n1. Restrictions. You may not:\n\n- sell the Work;\n- rent the Work.\n\n"
        "These restrictions survive the end of this License.\n\n2. End. It ends.\n"
    )
    got = {s.path: s for s in segment(text)}
    assert list(got) == ["preamble", "1", "1.item-1", "1.item-2", "1.closing", "2"]
    assert got["1.item-2"].text == "rent the Work."
    assert got["1.closing"].text == "These restrictions survive the end of this License."
    assert got["1.closing"].parent == got["1.item-1"].parent


def test_bullets_outside_a_numbered_clause_stay_words():
    text = "Preamble:\n\n- one;\n- two.\n\n1. Use. You may use it.\n"
    got = {s.path: s.text for s in segment(text)}
    assert list(got) == ["preamble", "1"]
    assert "- one;" in got["preamble"]


def test_a_box_drawn_in_asterisks_is_no_list():
    text = (
        "# Terms\n\n1. Use. You may use it.\n\n"
        "*" * 40 + "\n*                                      *\n"
        "*  2. Disclaimer                       *\n*  -----------                         *\n"
        "*                                      *\n*  The Work is provided as is, without *\n"
        "*  warranty of any kind.               *\n*                                      *\n"
        + "*" * 40
        + "\n"
    )
    assert not any(".item-" in s.path for s in segment(text))


def test_bullets_in_a_plain_text_stay_words():
    text = (
        "Terms\n\n1. Restrictions. You may not:\n\n- sell the Work;\n- rent the Work.\n\n2. End. It ends.\n"
    )
    got = {s.path: s.text for s in segment(text)}
    assert list(got) == ["preamble", "1", "2"]
    assert "- sell the Work;" in got["1"]


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# Terms\n\n1. Use.\n", True),
        ("Terms\n\n**1. Use.** You may.\n", True),
        ('Terms\n\n- **"Output"** means it.\n', True),
        ("Terms\n\n1. Use. You **must** keep it.\n", False),
        ("Terms\n\n** Exhibit A **\n\n1. Use.\n", False),
    ],
)
def test_what_reads_as_a_markdown_text(text, markdown):
    from licenses.text.assembly import is_markdown
    from licenses.text.lines import split_lines

    assert is_markdown(text, split_lines(text)) is markdown


# -- an excerpt whose numbered headings start above 1; items under a Markdown attachment ------

EXCERPT = """\
# Excerpt of a Model License

### 3. Distribution

You may distribute the Model provided that:

1. you include this License;
2. you keep every notice.

### 4. Use Restrictions

You agree not to use the Model for the purposes in Attachment A.

### 5. Termination

This License ends if You breach it.

## Attachment A

(a) In any way that violates any applicable law;
(b) To exploit or harm minors in any way.
"""


def test_numbered_headings_of_an_excerpt_keep_their_numbers():
    got = [(s.path, s.heading) for s in segment(EXCERPT)]
    assert got[:6] == [
        ("preamble", ""),
        ("3", "Distribution"),
        ("3(1)", ""),
        ("3(2)", ""),
        ("4", "Use Restrictions"),
        ("5", "Termination"),
    ]


def test_items_under_a_markdown_attachment_are_its_own():
    segs = segment(EXCERPT)
    got = {s.path: s for s in segs}
    assert [p for p in got][6:] == ["attachment-a", "attachment-a/(a)", "attachment-a/(b)"]
    at = list(got).index("attachment-a")
    assert got["attachment-a/(a)"].parent == at and got["attachment-a/(a)"].depth == 1
    assert got["attachment-a/(b)"].text == "To exploit or harm minors in any way."
    _check_spans(EXCERPT, segs)


def test_a_lone_heading_numbered_above_one_is_no_numbering():
    # nothing confirms "### 3." opens a sequence: a heading with a number in it, as before
    text = "# Notes\n\n### 3. Distribution\n\nYou may distribute it.\n"
    assert [s.path for s in segment(text)] == ["preamble", "3-distribution"]


def test_headings_numbered_out_of_sequence_are_no_numbering():
    text = "# Notes\n\n### 3. Distribution\n\nYou may.\n\n### 7. Termination\n\nIt ends.\n"
    assert [s.path for s in segment(text)] == ["preamble", "3-distribution", "7-termination"]


def test_an_excerpt_in_bold_titles_is_left_alone():
    # only heading marks make it unambiguous: a bold "**3.**" could be a list's third item
    text = "Terms\n\n**3. Use.** You may use it.\n\n**4. Share.** You may share it.\n"
    assert "3" not in [s.path for s in segment(text)]


def test_a_plain_list_under_a_markdown_heading_keeps_its_plain_paths():
    text = "# Terms\n\n## Conditions\n\n1. Keep the notice.\n2. Do not use our names.\n"
    got = {s.path: s for s in segment(text)}
    assert list(got) == ["preamble", "conditions", "1", "2"]
    assert got["1"].parent is None


@pytest.mark.parametrize(
    "tail",
    [
        " *a" * 66_000 + "\n",  # a long line of lone marks: each pair is looked for in 200 characters
        " _a" * 66_000 + "\n",
        "**a** " * 33_000 + "\n",
        "- item\n" * 15_000,  # bullets: numbered as they come, not counted again each time
    ],
)
def test_markdown_marks_and_bullets_cost_linear_time(tail):
    import time

    text = "# Terms\n\n1. Use:\n\n" + tail
    t0 = time.process_time()  # CPU time: other jobs on a shared machine do not count
    segment(text)
    assert time.process_time() - t0 < 1.0


def test_a_second_bullet_list_goes_on_numbering_after_its_lead_in():
    text = (
        "# T\n\n## 1. Use\n\nYou may:\n\n- copy it;\n- share it.\n\nYou may not:\n\n"
        "- sell it;\n- rent it.\n\n## 2. End\n\nIt ends.\n"
    )
    got = [(s.path, s.text) for s in segment(text)]
    assert got[1:8] == [
        ("1", "You may:"),
        ("1.item-1", "copy it;"),
        ("1.item-2", "share it."),
        ("1.closing", "You may not:"),
        ("1.item-3", "sell it;"),
        ("1.item-4", "rent it."),
        ("2", "It ends."),
    ]


def test_dashes_in_fenced_code_are_no_bullets():
    text = (
        "# T\n\n## 1. Notice\n\nPut this in every file:\n\n```\n- Copyright the Authors\n"
        "- Licensed under this License\n```\n\n## 2. End\n\nIt ends.\n"
    )
    got = {s.path: s.text for s in segment(text)}
    assert list(got) == ["preamble", "1", "2"]
    assert "- Licensed under this License" in got["1"]
