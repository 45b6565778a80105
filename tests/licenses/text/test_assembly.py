"""licenses.text.assembly on its own: segments from the segmenter's drafts (a preamble, definitions
split out, spans, unique paths and anchors, inline headings)."""

from __future__ import annotations

import pytest

from licenses.text.assembly import DEFINITION, Draft, Segment, _heads_nothing, _is_definition, assemble
from licenses.text.lines import split_lines
from licenses.text.segmentation import segment


def build(text: str, drafts: list[Draft]) -> list[Segment]:
    return assemble(text, split_lines(text), drafts)


def by_path(text: str) -> dict[str, Segment]:
    return {s.path: s for s in segment(text)}


# -- empty texts and the preamble -------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n\t\n"])
def test_a_text_of_whitespace_has_no_segments(text: str):
    assert build(text, []) == []


def test_a_text_of_invisible_characters_is_one_empty_preamble():
    assert build("\u200b", []) == [Segment("", "preamble", "preamble", "", "", 0, 1, 0, None)]
    assert build(" \u200b\n ", []) == [Segment("", "preamble", "preamble", "", "", 1, 2, 0, None)]


def test_words_before_the_first_clause_are_the_preamble_and_parents_shift_by_one():
    text = "Intro words.\n\n1. Grant.\n\n  (a) You may copy.\n"
    drafts = [
        Draft(2, "1.", "1", 0, None, heading="Grant.", body=text.index("\n\n  (a)")),
        Draft(4, "(a)", "1(a)", 1, 0, body=text.index("You")),
    ]
    assert build(text, drafts) == [
        Segment("", "preamble", "preamble", "", "Intro words.", 0, 12, 0, None),
        Segment("1.", "1", "1", "Grant.", "", 14, 23, 0, None),
        Segment("(a)", "1(a)", "1.a", "", "You may copy.", 27, 44, 1, 1),
    ]


def test_a_first_clause_on_the_first_line_has_no_preamble_and_starts_at_the_first_character():
    text = "\n\n   1. Grant\n\nYou may.\n"
    drafts = [Draft(2, "1.", "1", 0, None, heading="Grant", body=text.index("\n\nYou"))]
    assert build(text, drafts) == [Segment("1.", "1", "1", "Grant", "You may.", 5, 23, 0, None)]


def test_the_first_segment_takes_in_invisible_characters_before_it():
    text = "\u200b\n\n1. You may copy.\n"
    assert split_lines(text)[0].blank
    (seg,) = build(text, [Draft(2, "1.", "1", 0, None, body=6)])
    assert (seg.start, seg.end, seg.text) == (0, 19, "You may copy.")


def test_the_preamble_starts_at_the_first_visible_character():
    text = "  \n  Intro.\n\n1. Grant. You may.\n"
    segs = build(text, [Draft(3, "1.", "1", 0, None, body=text.index("Grant"))])
    assert segs[0] == Segment("", "preamble", "preamble", "", "Intro.", 5, 11, 0, None)
    assert segs[1] == Segment("1.", "1", "1", "Grant.", "You may.", 13, 31, 0, None)


# -- spans and own text -----------------------------------------------------------------


def test_a_segment_ends_where_the_next_starts_without_trailing_whitespace():
    text = "1. one.  \n \n\t\n2. two.\n\n"
    segs = build(text, [Draft(0, "1.", "1", 0, None, body=3), Draft(3, "2.", "2", 0, None, body=17)])
    assert [(s.start, s.end, s.text) for s in segs] == [(0, 7, "one."), (14, 21, "two.")]


def test_own_text_loses_invisible_characters_at_its_ends():
    text = "1. \u200bYou may copy.\ufeff \n"
    (seg,) = build(text, [Draft(0, "1.", "1", 0, None, body=3)])
    assert seg.text == "You may copy."
    assert seg.heading == ""


def test_own_text_is_read_from_the_body_kept_within_the_span():
    text = "1. One.\n\n2. Two.\n"
    segs = build(text, [Draft(0, "1.", "1", 0, None, body=100), Draft(2, "2.", "2", 0, None, body=0)])
    assert [s.text for s in segs] == ["", "2. Two."]


# -- unique paths and anchors -----------------------------------------------------------


def test_a_repeated_path_gets_a_number():
    text = "1. A\n\n1. B\n\n1. C\n"
    drafts = [Draft(k * 2, "1.", "1", 0, None, body=k * 6 + 3) for k in range(3)]
    segs = build(text, drafts)
    assert [(s.path, s.anchor) for s in segs] == [("1", "1"), ("1-2", "1-2"), ("1-3", "1-3")]
    assert [s.text for s in segs] == ["A", "B", "C"]


def test_a_repeated_path_skips_a_number_already_printed():
    text = "1. A\n\n2. B\n\n3. C\n"
    drafts = [
        Draft(0, "1.", "1", 0, None, body=3),
        Draft(2, "2.", "1-2", 0, None, body=9),
        Draft(4, "3.", "1", 0, None, body=15),
    ]
    assert [s.path for s in build(text, drafts)] == ["1", "1-2", "1-3"]


def test_a_repeated_path_takes_the_least_free_number_when_printed_ones_come_between():
    # the least free number is remembered per path (it only grows), so thousands of repeats cost
    # one look each: "1-5" printed between the repeats is still skipped, "1-4" still taken
    written = ["1", "1", "1", "1-5", "1", "1"]
    text = "".join(f"{k}. x\n\n" for k in range(len(written)))
    drafts = [Draft(k * 2, f"{k}.", path, 0, None, body=k * 6 + 3) for k, path in enumerate(written)]
    assert [s.path for s in build(text, drafts)] == ["1", "1-2", "1-3", "1-5", "1-4", "1-6"]


def test_paths_that_make_the_same_anchor_get_numbered_anchors():
    text = "a\n\nb\n\nc\n\nd\n"
    paths = ["2.2(b)", "2.2.b", "2.2(b)", "2.2-b"]
    drafts = [Draft(k * 2, "x", p, 0, None, body=k * 3) for k, p in enumerate(paths)]
    assert [(s.path, s.anchor) for s in build(text, drafts)] == [
        ("2.2(b)", "2.2.b"),
        ("2.2.b", "2.2.b-2"),
        ("2.2(b)-2", "2.2.b.-2"),
        ("2.2-b", "2.2-b"),
    ]
    drafts = [Draft(k * 2, "x", p, 0, None, body=k * 3) for k, p in enumerate(["2.2(b)", "2.2.b", "2.2/b"])]
    assert [s.anchor for s in build(text, drafts)] == ["2.2.b", "2.2.b-2", "2.2.b-3"]
    # "2.2.b-2" is taken by a path of its own: the next free number
    drafts = [
        Draft(k * 2, "x", p, 0, None, body=k * 3)
        for k, p in enumerate(["2.2.b", "2.2.b-2", "2.2(b)", "2.2/b"])
    ]
    assert [s.anchor for s in build(text, drafts)] == ["2.2.b", "2.2.b-2", "2.2.b-3", "2.2.b-4"]


# -- headings ---------------------------------------------------------------------------


def test_an_inline_heading_is_split_from_a_numbered_clause_only():
    text = "Grant of Rights. You may.\n\n1. Grant of Rights. You may.\n"
    segs = build(text, [Draft(0, "", "intro", 0, None, body=0), Draft(2, "1.", "1", 0, None, body=30)])
    assert [(s.heading, s.text) for s in segs] == [
        ("", "Grant of Rights. You may."),
        ("Grant of Rights.", "You may."),
    ]


def _titled(labels: list[str], headings: list[str], text: str = "") -> list[Segment]:
    body = text or "".join(f"{lab} {h}\n\n" for lab, h in zip(labels, headings))
    drafts, at = [], 0
    for k, (lab, h) in enumerate(zip(labels, headings)):
        line_end = at + len(lab) + 1 + len(h)
        drafts.append(Draft(k * 2, lab, lab.strip(".") or f"h{k}", 0, None, heading=h, body=line_end))
        at = line_end + 2
    return build(body, drafts)


def test_a_title_over_nothing_before_a_numbered_clause_is_the_clauses_words():
    segs = _titled(["1.", "2."], ["Use it", "Share it"])
    assert [(s.heading, s.text) for s in segs] == [("", "Use it"), ("", "Share it")]


def test_a_title_in_capitals_stays_a_title():
    segs = _titled(["1.", "2."], ["USE IT", "SHARE IT"])
    assert [(s.heading, s.text) for s in segs] == [("USE IT", ""), ("SHARE IT", "")]


def test_a_title_over_an_unnumbered_segment_stays_a_title():
    segs = _titled(["1.", ""], ["Use it", "Notes"])
    assert [(s.heading, s.text) for s in segs] == [("Use it", ""), ("Notes", "")]


def test_a_title_over_children_stays_a_title():
    text = "1. Use it\n\n(a) copy.\n"
    drafts = [Draft(0, "1.", "1", 0, None, heading="Use it", body=9), Draft(2, "(a)", "1(a)", 1, 0, body=15)]
    segs = build(text, drafts)
    assert [(s.heading, s.text) for s in segs] == [("Use it", ""), ("", "copy.")]


def test_heads_nothing_needs_a_label_and_a_heading():
    full = [Draft(0, "1.", "1", 0, None), Draft(1, "2.", "2", 0, None)]
    assert _heads_nothing(full, 0, {None}, "Use it")
    assert _heads_nothing(full, 1, {None}, "Use it")  # the last clause
    assert not _heads_nothing(full, 0, {None}, "")
    assert not _heads_nothing(full, 0, {0}, "Use it")
    assert not _heads_nothing([Draft(0, "", "h", 0, None), full[1]], 0, {None}, "Use it")
    assert not _heads_nothing(full, 0, {None}, "USE IT")
    assert _heads_nothing(full, 0, {None}, "USE it")  # mixed case
    assert _heads_nothing(full, 0, {None}, "2024")  # no letters: no capitals either
    assert not _heads_nothing([full[0], Draft(1, "", "h", 0, None)], 0, {None}, "Use it")


# -- definitions ------------------------------------------------------------------------


def test_is_definition():
    assert _is_definition(Draft(0, "", "1.def-work", 1, 0))
    assert not _is_definition(Draft(0, "(a)", "1.def-work", 1, 0))
    assert not _is_definition(Draft(0, "", "1.closing", 1, 0))
    assert not _is_definition(Draft(0, "", "def-work.1", 1, 0))


@pytest.mark.parametrize(
    ("words", "term"),
    [
        ('"Work" means the book.', "Work"),
        ("“Licensor” shall mean the owner.", "Licensor"),
        ("'You' refers to you.", "You"),
        ('"Code" shall refer to the source.', "Code"),
        ('"Use" includes copying.', "Use"),
        ('"Law" has the meaning given below.', "Law"),
        ('"Term" shall have the meaning below.', "Term"),
        ("«Œuvre» means the work.", "Œuvre"),
        ('"Work" (or "the Work") means the book.', "Work"),
    ],
)
def test_a_definition_is_a_quoted_term_and_a_defining_verb(words: str, term: str):
    m = DEFINITION.match(words)
    assert m is not None and m.group("term") == term


@pytest.mark.parametrize(
    "words", ['"Work" is the book.', '"Work" meanwhile is the book.', "Work means the book."]
)
def test_what_is_no_definition(words: str):
    assert DEFINITION.match(words) is None


def test_definitions_in_paragraphs_of_a_clause_are_its_children():
    got = by_path('1. Definitions.\n\n"Licensor" means the owner.\n\n"Work" means the book.\n\n2. Grant.\n')
    assert list(got) == ["1", "1.def-licensor", "1.def-work", "2"]
    work = got["1.def-work"]
    assert (work.label, work.text, work.depth, work.parent) == ("", '"Work" means the book.', 1, 0)
    assert got["1"].text == ""


def test_a_definition_right_under_the_clause_line_counts_but_not_inside_a_paragraph():
    got = by_path('1. Definitions.\n"Licensor" means the owner.\n"Work" means the book.\n\n2. Grant.\n')
    assert list(got) == ["1", "1.def-licensor", "2"]
    assert got["1.def-licensor"].text == '"Licensor" means the owner.\n"Work" means the book.'


def test_definitions_written_as_a_bulleted_list_lose_their_bullets():
    text = '1. Definitions.\n\n- "Licensor" means the owner.\n* "Work" means the book.\n\n2. Grant.\n'
    got = by_path(text)
    assert list(got) == ["1", "1.def-licensor", "1.def-work", "2"]
    assert got["1.def-licensor"].start == text.index('- "Licensor"')
    assert got["1.def-licensor"].text == '"Licensor" means the owner.'
    assert got["1.def-work"].text == '"Work" means the book.'
    assert got["1"].end == text.index("\n\n- ")


def test_definitions_in_the_preamble_are_its_children():
    got = by_path('Terms used here:\n\n"Work" means the book.\n\n1. Grant.\n')
    assert list(got) == ["preamble", "preamble.def-work", "1"]
    assert got["preamble.def-work"].parent == 0


def test_a_definition_after_a_definitions_list_is_the_next_definition_of_its_clause():
    text = (
        '1. Definitions.\n\n"Contribution" means:\n\n  a. a change; or\n\n  b. an addition.\n\n'
        '  "Contributor" means a person.\n\n2. Grant.\n'
    )
    got = by_path(text)
    assert list(got) == ["1", "1.def-contribution", "1(a)", "1(b)", "1.def-contributor", "2"]
    contributor = got["1.def-contributor"]
    assert (contributor.parent, contributor.depth) == (0, 1)
    assert got["1(b)"].text == "an addition."


def test_a_definition_under_an_item_of_a_clause_without_definitions_is_the_items():
    text = '1. Terms.\n\n  a. a change; or\n\n  b. an addition.\n\n  "Contributor" means a person.\n\n2. Grant.\n'
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1(b).def-contributor", "2"]
    assert (got["1(b).def-contributor"].parent, got["1(b).def-contributor"].depth) == (2, 2)


def test_definitions_after_a_lists_closing_words_belong_to_the_top_clause():
    text = (
        "1. Grant.\n\n  (a) The Author grants you a licence to:\n\n      (i) copy the work;\n\n"
        '      (ii) share the work.\n\n  These rights are worldwide.\n\n  "Work" means the book.\n\n2. Limits.\n'
    )
    got = by_path(text)
    assert "1(a).closing" in got
    work = got["1.def-work"]
    assert (work.parent, work.depth) == (0, 1)


def test_assembled_parents_follow_the_definitions_split_out_before_them():
    text = '1. Definitions.\n\n"Work" means the book.\n\n2. Grant.\n\n  (a) copy it.\n'
    segs = segment(text)
    assert [(s.path, s.parent) for s in segs] == [("1", None), ("1.def-work", 0), ("2", None), ("2(a)", 2)]


# -- edges found by the mutation run ----------------------------------------------------


def test_spaces_and_invisible_characters_mixed_at_the_ends_of_the_words_are_stripped():
    # a line of a zero-width space, a space and another is no blank line, but no words either
    segs = segment("\u200b \u200b\n\nIntro.\n\n1. Grant. You may.\n")
    assert [(s.path, s.text) for s in segs] == [("preamble", "Intro."), ("1", "You may.")]
    assert segs[0].start == 0
    (seg,) = build("1. \u200b \u200bYou may.\u3000\ufeff\u00a0\n", [Draft(0, "1.", "1", 0, None, body=3)])
    assert seg.text == "You may."


def test_a_title_over_nothing_after_an_unnumbered_segment():
    segs = _titled(["", "1.", "2."], ["Rules", "Use it", "Share it"])
    assert [(s.heading, s.text) for s in segs] == [("Rules", ""), ("", "Use it"), ("", "Share it")]


def test_a_definition_paragraph_may_wrap():
    got = by_path('1. Definitions.\n\n"Work" means the book\nin every form.\n\n2. Grant.\n')
    assert got["1.def-work"].text == '"Work" means the book\nin every form.'


def test_a_defining_verb_on_the_next_line_is_no_definition():
    got = by_path('1. Definitions.\n\n"Work" shall\nmean the book.\n')
    assert list(got) == ["1"]


def test_definitions_in_the_last_clause_are_its_own_only():
    got = by_path('1. Scope.\n\nWords.\n\n2. Definitions.\n\n"Work" means the book.\n')
    assert list(got) == ["1", "2", "2.def-work"]
    assert got["2.def-work"].parent == 1


def test_a_definition_after_a_list_that_follows_a_closing_definition_is_the_clauses():
    text = (
        "1. Definitions.\n\n  (a) the first;\n\n  (b) the second.\n\n"
        '"Contribution" means:\n\n     (i) a change; or\n\n     (ii) an addition.\n\n'
        '     "Contributor" means a person.\n'
    )
    got = by_path(text)
    assert list(got) == ["1", "1(a)", "1(b)", "1.def-contribution", "1(i)", "1(ii)", "1.def-contributor"]
    assert (got["1.def-contributor"].parent, got["1.def-contributor"].depth) == (0, 1)


def test_a_definition_two_lists_deep_after_the_clauses_definitions_is_the_clauses():
    text = (
        '1. Definitions.\n\n"Contribution" means:\n\n  a. a change, namely:\n\n     (i) an edit; or\n\n'
        '     (ii) an addition.\n\n     "Contributor" means a person.\n'
    )
    got = by_path(text)
    assert list(got) == ["1", "1.def-contribution", "1(a)", "1(a)(i)", "1(a)(ii)", "1.def-contributor"]
    assert got["1.def-contributor"].parent == 0


def test_a_closing_definition_under_a_clause_numbered_with_a_dot():
    text = (
        "1.0 Definitions.\n\n  (a) the first;\n\n  (b) the second.\n\n"
        '"Contribution" means:\n\n     (i) a change; or\n\n     (ii) an addition.\n\n'
        '     "Contributor" means a person.\n\n2.0 Grant.\n'
    )
    assert [s.path for s in segment(text)] == [
        "1.0",
        "1.0(a)",
        "1.0(b)",
        "1.0.def-contribution",
        "1.0(i)",
        "1.0(ii)",
        "1.0.def-contributor",
        "2.0",
    ]
