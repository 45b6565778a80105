"""The short permissive notices (batch 16, dev10): grants and duties the rules missed because of
how the notice is written, not what it says.

Pure (no database). Each test gives a clause of our own wording the rules must read, and a near
miss they must leave alone.
"""

import pytest

from licenses.text.hints import candidate_hints
from licenses.text.hints.clean import is_definition, is_disclaimer, readable, sentences


def phrase(text: str, number: int) -> str | None:
    return next((h.phrase for h in candidate_hints(text) if h.number == number), None)


def numbers(text: str) -> set[int]:
    return {h.number for h in candidate_hints(text)}


# --- what the rules read -------------------------------------------------------------------------


def test_a_comment_block_is_read_without_its_markers():
    block = (
        "Copyright 2001 Ann Writer\n"
        " *\n"
        " * Modification and passing on of this tool in any form is\n"
        " * permitted provided that this notice is kept.\n"
        " *\n"
        " * THE TOOL COMES WITH NO WARRANTY.\n"
    )
    assert (
        sentences(block)[1]
        == "Modification and passing on of this tool in any form is permitted provided that this notice is kept."
    )
    # the blank comment line ends the paragraph, so the warranty stays out of the grant's sentence
    assert phrase(block, 3) == "Modification and passing on of this tool in any form is permitted"
    # a list whose items start with a star is not a comment block
    listed = "You are free to:\n* copy the tool\n* change it\nas you wish."
    assert "* copy the tool" in " ".join(sentences(listed))


def test_a_word_in_stars_is_read_as_the_word():
    assert sentences("A changed copy must carry a *distinct* name.") == [
        "A changed copy must carry a distinct name."
    ]
    assert phrase("A changed copy must carry a *distinct* name.", 4) == "distinct name"
    assert sentences("Use a * as the wildcard and a * for the rest.") == [
        "Use a * as the wildcard and a * for the rest."
    ]


def test_a_grant_after_a_colon_is_read_apart_from_its_disclaimer():
    text = "To anyone who accepts that the tool comes with no warranty: permission to change the tool is granted."
    assert readable(text) == ["permission to change the tool is granted."]
    assert phrase(text, 3) == "permission to change"
    # without the grant after the colon the sentence stays whole, and stays out
    assert readable("To anyone who accepts that the tool comes with no warranty: thank you.") == []


def test_the_notice_and_disclaimer_that_must_travel_are_not_a_disclaimer():
    duty = "Permission to change this tool is granted, provided that this notice and disclaimer of warranty are in all copies."
    assert is_disclaimer(duty) is False
    assert phrase(duty, 3) == "Permission to change"
    assert is_disclaimer("The authors give a disclaimer of warranty for this tool.") is True


def test_a_pronoun_that_means_defines_nothing():
    assert (
        is_definition("This means you may hand out copies if this file comes in its original form.") is False
    )
    assert is_definition("Tool means the program and its manual.") is True
    assert phrase("This means you may hand out copies if you include this file in its original form.", 7) == (
        "include this file in its original form"
    )


# --- OSD 1 and 3: grants in the passive and granted to anyone ------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "Use and modification of the tool is hereby granted.",
            3,
            "modification of the tool is hereby granted",
        ),
        (
            "License hereby granted for anybody to use or modify the tool.",
            3,
            "License hereby granted for anybody to use or modify",
        ),
        (
            "Rights are hereby granted to copy and alter the tool.",
            3,
            "Rights are hereby granted to copy and alter",
        ),
        (
            "License is also granted to make derivative works of the tool.",
            3,
            "License is also granted to make derivative works",
        ),
        ("The Owner permits you to copy, adapt and share the tool.", 3, "permits you to copy, adapt"),
        (
            "Permission has been granted to copy and modify the tool.",
            3,
            "Permission has been granted to copy and modify",
        ),
    ],
)
def test_grants_worded_as_granted_or_permits(text, number, expected):
    assert phrase(text, number) == expected


def test_granted_rights_that_are_not_a_grant():
    assert phrase("Use and modification of the tool is not granted.", 3) is None
    assert phrase("License granted under the owner's patents to modify the tool.", 3) is None
    assert phrase("The Owner permits nobody to modify the tool.", 3) is None


def test_a_passive_list_of_acts_grants_the_right_to_modify():
    assert phrase("This tool may be copied, used, modified and shared.", 3) == "may be copied, used, modified"
    assert phrase("This tool may be used, adapted, and handed on.", 3) == "may be used, adapted"
    # one act alone describes; a relative clause describes; a patent grant grants something else
    assert phrase("This tool may be modified.", 3) is None
    assert phrase("These are the terms under which the tool may be copied, modified and sold.", 3) is None
    assert phrase("This tool may be copied, modified and sold under the owner's patents.", 3) is None
    assert phrase("This tool may be copied, modified and sold where that does not infringe.", 3) is None


# --- OSD 3 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Copies of the tool may be handed on with or without changes.", "with or without changes"),
        (
            "Copies of the tool, modified or unmodified, must be handed on under these terms.",
            "modified or unmodified",
        ),
        (
            "There is no requirement on copies of the tool, whether modified or original.",
            "whether modified or original",
        ),
    ],
)
def test_copies_whether_modified_or_not(text, expected):
    assert phrase(text, 3) == expected


def test_copies_whether_modified_or_not_but_not_patents_or_without_copies():
    assert phrase("The patent covers the tool, modified or unmodified, in any copy.", 3) is None
    assert phrase("Copies of the tool, modified or unmodified, must not infringe.", 3) is None
    assert phrase("The tool, modified or unmodified, is old.", 3) is None


def test_the_source_of_your_modifications_made_available():
    assert phrase("You make available the source code of any modifications that you hand out.", 3) == (
        "make available the source code of any modifications"
    )
    for excused in ("need not", "are not required to", "have no obligation to", "do not have to"):
        assert phrase(f"You {excused} make available the source code of any modifications.", 3) is None
    assert phrase("We make available the source code of the tool.", 3) is None


def test_a_bulleted_item_that_lists_verbs():
    assert phrase("You are free to: * Copy, adapt, publish the data in any medium.", 3) == (
        "free to: * Copy, adapt"
    )
    assert phrase("You are free to: * Copy, publish the data in any medium.", 3) is None


def test_modified_versions_may_be_copied_and_passed_on():
    assert phrase("Modified versions of this Guide may also be copied and distributed.", 3) == (
        "Modified versions of this Guide may also be copied and distributed"
    )
    assert phrase("Modified versions of this Guide may also be printed.", 3) is None
    assert phrase("Modified versions of this Guide may also be sold under its patents.", 3) is None
    assert phrase("Modified versions of this Guide may also be sold if they infringe.", 3) is None


def test_changes_are_permissible_or_if_changed():
    assert phrase("Changes are permissible only if the changed file gets a new name.", 3) == (
        "Changes are permissible"
    )
    assert phrase("Changes are not permissible.", 3) is None
    assert phrase("If changed, it must carry a new name.", 3) == "If changed,"
    assert phrase("If unchanged, it may be shared.", 3) is None
    assert phrase("Changes are permissible under the owner's patents.", 3) is None
    assert phrase("If changed, it may infringe.", 3) is None


# --- OSD 4 ---------------------------------------------------------------------------------------


def test_derived_works_identified_as_derived_from_the_original():
    assert phrase(
        'Such works must be identified as "derived from the Original Tool" in any material.', 4
    ) == ('identified as "derived from')
    assert phrase("Such works must be identified by the Original Tool's name in any material.", 4) is None


def test_a_modified_version_presented_as_such():
    assert phrase("The modified version must be clearly presented as such.", 4) == "presented as such"
    assert phrase("The report must be clearly presented as such.", 4) is None


def test_the_notice_in_all_copies_is_not_a_mark_of_the_changes():
    assert phrase("This notice must appear in all copies of the tool and of modified versions.", 4) is None
    assert phrase("This notice is retained on all copies or modifications.", 4) is None
    assert phrase("This notice is not removed or altered in modified copies.", 4) is None
    # a notice stating the changes still is
    assert phrase("Modified copies must carry a notice stating that they were modified.", 4) == (
        "notice stating that they were modified"
    )


# --- OSD 7 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You may sell it, provided that the copyright and these terms are retained.",
            "the copyright and these terms are retained",
        ),
        (
            "Passing it on is fine if this entire copyright notice is duplicated in all such copies.",
            "this entire copyright notice is duplicated",
        ),
        ("Hand it on, provided that this comment is maintained in the copy.", "this comment is maintained"),
        (
            "Use is free provided that this instrument is retained with the works.",
            "this instrument is retained",
        ),
        (
            "You may ship it as long as the copyright text below is included in the program.",
            "the copyright text below is included",
        ),
        (
            "You may copy it provided that this notice is present in the documentation.",
            "this notice is present",
        ),
    ],
)
def test_a_notice_kept_with_copies_as_the_subject(text, expected):
    assert phrase(text, 7) == expected


def test_a_notice_kept_but_not_by_you_or_not_required():
    assert phrase("This comment must be maintained by the author.", 7) is None
    assert phrase("You need not ensure this comment is retained in all copies.", 7) is None
    assert phrase("These terms are retained.", 7) is None
    assert phrase("It is not required that this comment be kept in all copies.", 7) is None
    # a duty without "provided" or "all copies" still asks
    assert phrase("This comment must be kept.", 7) == "This comment must be kept"
    assert phrase("This comment shall be kept.", 7) == "This comment shall be kept"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sharing is fine by leaving this copyright notice intact.", "leaving this copyright notice intact"),
        (
            "You may share the tool, provided that you do not remove any proprietary notices.",
            "not remove any proprietary notices",
        ),
        (
            "You may pass copies on if you include this file in its unmodified form.",
            "include this file in its unmodified form",
        ),
        ("Copies must be distributed using this license only.", "must be distributed using this license"),
        (
            'Source versions may not be "relicensed" under a different license.',
            'not be "relicensed" under a different license',
        ),
    ],
)
def test_the_notice_or_the_license_stays_with_copies(text, expected):
    assert phrase(text, 7) == expected


def test_the_notice_or_the_license_near_misses():
    assert phrase("Sharing is fine by leaving this copyright notice out.", 7) is None
    assert phrase("You may remove any proprietary notices.", 7) is None
    assert phrase("You may relicense your own code under a different license.", 7) is None
    assert phrase("You must be using this license.", 7) is None


# --- OSD 9 ---------------------------------------------------------------------------------------


def test_a_work_outside_the_scope_of_this_license():
    assert phrase("A program that only calls the tool falls outside the scope of this License.", 9) == (
        "falls outside the scope of this License"
    )
    assert phrase("That question falls outside the scope of this License.", 9) is None


def test_linking_does_not_bring_the_other_work_under_this_license():
    assert (
        phrase(
            "Linking the file with other works does not by itself cause the resulting work to be covered by this License.",
            9,
        )
        == "does not by itself cause the resulting work to be covered"
    )
    assert phrase("Linking the file does not cause the build to be slow.", 9) is None


def test_other_files_may_be_aggregated_with_the_package():
    assert phrase("Scripts you write may be aggregated with the Package.", 9) == "may be aggregated with"
    assert phrase("They may be aggregated with the Package.", 9) is None


def test_a_later_item_of_a_grant_may_repeat_to():
    assert phrase(
        "The Owner grants the right to use, copy, and show the tool, and to prepare derivative works of it.",
        3,
    ) == ("right to use, copy, and show the tool, and to prepare derivative works")
    assert (
        phrase("The Owner grants the right to use the tool, and hopes to prepare derivative works of it.", 3)
        is None
    )
