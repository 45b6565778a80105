"""licenses.text.repeats: a second list whose addresses would repeat the first's. Pure."""

from __future__ import annotations

from licenses.text.segmentation import segment


def rows(text: str) -> list[tuple[str, str]]:
    """(path, text) of every segment."""
    return [(s.path, s.text) for s in segment(text)]


def paths(text: str) -> list[str]:
    return [s.path for s in segment(text)]


BINARY = (
    "1. SCOPE\nThese terms cover the work.\n\n"
    "2. REQUIREMENTS\nIn binary form:\n\n"
    "     a) you follow these terms; and\n\n"
    "     b) your own terms apply.\n\n"
)


# --- a second list under a clause -------------------------------------------------------------


def test_a_second_list_under_a_clause_is_addressed_under_list_2():
    text = (
        BINARY
        + "When you give the work away as source:\n\n     a) these apply; and\n\n     b) a copy goes.\n\n3. END\nDone.\n"
    )
    assert rows(text)[2:] == [
        ("2(a)", "you follow these terms; and"),
        ("2(b)", "your own terms apply."),
        ("2.list-2", "When you give the work away as source:"),  # the lead-in opens the list
        ("2.list-2(a)", "these apply; and"),
        ("2.list-2(b)", "a copy goes."),
        ("3", "Done."),
    ]
    lead = next(s for s in segment(text) if s.path == "2.list-2")
    assert segment(text)[lead.parent].path == "2"


def test_the_later_items_of_a_second_list_keep_its_address():
    text = (
        BINARY + "When as source:\n\n     a) these; and\n\n     b) copy.\n\n     c) more.\n\n3. END\nDone.\n"
    )
    assert paths(text)[4:] == ["2.list-2", "2.list-2(a)", "2.list-2(b)", "2.list-2(c)", "3"]


def test_a_third_list_under_the_same_clause_is_list_3():
    text = (
        BINARY
        + "When you give the work away as source:\n\n     a) these apply; and\n\n     b) a copy goes.\n\n"
        + "When you sell it:\n\n     a) keep notices; and\n\n     b) pay.\n\n3. END\nDone.\n"
    )
    assert rows(text)[4:] == [
        ("2.list-2", "When you give the work away as source:"),
        ("2.list-2(a)", "these apply; and"),
        ("2.list-2(b)", "a copy goes."),
        ("2.list-3", "When you sell it:"),
        ("2.list-3(a)", "keep notices; and"),
        ("2.list-3(b)", "pay."),
        ("3", "Done."),
    ]


def test_the_lead_in_may_wrap_over_several_lines():
    text = (
        BINARY
        + "When you give the work away\nas source:\n\n     a) these apply; and\n\n     b) a copy goes.\n"
    )
    assert rows(text)[4:] == [
        ("2.list-2", "When you give the work away\nas source:"),
        ("2.list-2(a)", "these apply; and"),
        ("2.list-2(b)", "a copy goes."),
    ]


def test_a_lone_item_has_no_list_for_the_paragraph_to_open():
    text = BINARY + "When you give the work away as source:\n\n     a) these apply.\n\n3. END\nDone.\n"
    assert rows(text)[4:] == [
        ("2.closing", "When you give the work away as source:"),
        ("2.list-2(a)", "these apply."),
        ("3", "Done."),
    ]


def test_a_paragraph_without_a_colon_opens_no_list():
    text = (
        BINARY
        + "When you give the work away as source.\n\n     a) these apply; and\n\n     b) a copy goes.\n"
    )
    assert rows(text)[4:] == [
        ("2.closing", "When you give the work away as source."),
        ("2.list-2(a)", "these apply; and"),
        ("2.list-2(b)", "a copy goes."),
    ]


def test_a_definition_that_opens_a_list_is_a_definition():
    text = (
        "1. SCOPE\nThese terms cover the work.\n\n2. DEFINITIONS\nIn this licence:\n\n"
        "     a) you means you; and\n\n     b) we means us.\n\n"
        '"Modifications" means:\n\n     a) changes; and\n\n     b) additions.\n\n3. END\nDone.\n'
    )
    assert rows(text)[4:] == [
        ("2.def-modifications", '"Modifications" means:'),
        ("2.list-2(a)", "changes; and"),
        ("2.list-2(b)", "additions."),
        ("3", "Done."),
    ]


def test_a_lead_in_deeper_than_the_item_above_is_the_items_own_words():
    text = (
        BINARY
        + "        When you give the work away as source:\n\n     a) these apply; and\n\n     b) a copy goes.\n"
    )
    assert rows(text)[3:] == [
        ("2(b)", "your own terms apply.\n\n        When you give the work away as source:"),
        ("2.list-2(a)", "these apply; and"),
        ("2.list-2(b)", "a copy goes."),
    ]


def test_the_same_list_under_the_next_clause_repeats_nothing():
    text = "1. Scope.\n\n   a) one;\n\n   b) two.\n\n2. Grant.\n\n   a) three;\n\n   b) four.\n"
    assert paths(text) == ["1", "1(a)", "1(b)", "2", "2(a)", "2(b)"]


def test_a_word_label_again_under_the_next_clause_is_left_to_assembly():
    text = "1. Scope.\n\n   Article 1 Words here.\n\n2. Grant.\n\n   Article 1 Words there.\n"
    assert paths(text) == ["1", "Article 1", "2", "Article 1-2"]


# --- a second list at the top level ---------------------------------------------------------------


def test_top_level_lists_after_lead_ins_are_list_2_and_list_3():
    text = (
        "Terms\n\nYou may:\n\na) copy the work;\n\nb) share the work.\n\n"
        "You may not:\n\na) sell the work;\n\nb) remove this notice.\n\n"
        "You must:\n\na) keep this notice;\n\nb) pay.\n"
    )
    assert rows(text) == [
        ("preamble", "Terms\n\nYou may:"),
        ("a", "copy the work;"),
        ("b", "share the work."),
        ("list-2", "You may not:"),
        ("list-2/a", "sell the work;"),
        ("list-2/b", "remove this notice."),
        ("list-3", "You must:"),
        ("list-3/a", "keep this notice;"),
        ("list-3/b", "pay."),
    ]


def test_a_heading_between_names_the_repeated_list():
    text = (
        "DEFINITIONS\n\nA. Work means the work.\n\nB. You means you.\n\n"
        "GRANT OF RIGHTS\n\nA. You may copy.\n\nB. You may share.\n\n"
        "LIMITS\n\nA. You may not sell.\n\nB. Keep notices.\n"
    )
    assert paths(text) == [
        "preamble",
        "A",
        "B",
        "grant-of-rights",
        "grant-of-rights/A",
        "grant-of-rights/B",
        "limits",
        "limits/A",
        "limits/B",
    ]


def test_an_item_after_a_heading_continues_its_list_when_the_numbers_continue():
    text = (
        "DEFINITIONS\n\nA. Work means the work.\n\nB. You means you.\n\n"
        "GRANT\n\nA. You may copy.\n\nB. You may share.\n\nOTHER\n\nC. More.\n"
    )
    assert paths(text)[-2:] == ["other", "grant/C"]


def test_without_a_heading_since_the_last_item_the_list_is_numbered():
    text = (
        "DEFINITIONS\n\nA. Work means the work.\n\nB. You means you.\n\nYou may:\n\nA. copy.\n\nB. share.\n"
    )
    assert rows(text)[3:] == [("list-2", "You may:"), ("list-2/A", "copy."), ("list-2/B", "share.")]


def test_a_repeated_list_in_a_part_is_numbered_in_the_parts_space():
    text = (
        "1. A.\n\n2. B.\n\nSchedule 1\n\n1. C.\n\n2. D.\n\nLIST ONE\n\nA. x.\n\nB. y.\n\n"
        "You may not:\n\nA. z.\n\nB. w.\n\nYou must:\n\nA. v.\n\nB. u.\n"
    )
    assert paths(text)[5:] == [
        "list-one",
        "schedule-1/A",
        "schedule-1/B",
        "schedule-1-list-2",
        "schedule-1-list-2/A",
        "schedule-1-list-2/B",
        "schedule-1-list-3",
        "schedule-1-list-3/A",
        "schedule-1-list-3/B",
    ]


def test_a_heading_in_a_part_names_the_repeated_list():
    text = (
        "1. A.\n\n2. B.\n\nSchedule 1\n\n1. C.\n\n2. D.\n\nLIST ONE\n\nA. x.\n\nB. y.\n\n"
        "LIST TWO\n\nA. z.\n\nB. w.\n"
    )
    assert paths(text)[5:] == [
        "list-one",
        "schedule-1/A",
        "schedule-1/B",
        "list-two",
        "list-two/A",
        "list-two/B",
    ]


TOP = "Terms\n\nYou may:\n\na) copy the work;\n\nb) share the work.\n\nYou may not:{pad}\n\na) sell the work;\n\nb) remove this notice.\n"


def test_a_top_level_lead_in_is_an_unlabelled_clause_at_the_top():
    segs = segment(TOP.format(pad=""))
    assert [(s.path, s.label, s.depth, s.parent, s.text) for s in segs][3:] == [
        ("list-2", "", 0, None, "You may not:"),
        ("list-2/a", "a)", 0, None, "sell the work;"),
        ("list-2/b", "b)", 0, None, "remove this notice."),
    ]


def test_spaces_after_the_colon_of_a_lead_in_do_not_hide_it():
    assert rows(TOP.format(pad="   "))[3] == ("list-2", "You may not:")


def test_only_the_first_line_of_a_lead_in_is_read_for_a_definition():
    # '"Modifications" shall' / 'mean any of:': the verb is on the next line, so no definition
    text = (
        "1. SCOPE\nThese terms cover the work.\n\n2. DEFINITIONS\nIn this licence:\n\n"
        "     a) you means you; and\n\n     b) we means us.\n\n"
        '"Modifications" shall\nmean any of:\n\n     a) changes; and\n\n     b) additions.\n\n3. END\nDone.\n'
    )
    assert rows(text)[4] == ("2.list-2", '"Modifications" shall\nmean any of:')


def test_a_lead_in_in_line_with_the_items_opens_the_second_list_under_the_clause():
    text = (
        BINARY
        + "     When you give the work away as source:\n\n     a) these apply; and\n\n     b) a copy goes.\n\n3. END\nDone.\n"
    )
    segs = segment(text)
    assert [(s.path, s.label, s.depth, s.parent, s.text) for s in segs][4:7] == [
        ("2.list-2", "", 1, 1, "When you give the work away as source:"),
        ("2.list-2(a)", "a)", 1, 1, "these apply; and"),
        ("2.list-2(b)", "b)", 1, 1, "a copy goes."),
    ]
