"""licenses.text.hints.license_reach (OSD 7, 8 and 9): wordings of each rule that the older tests
did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

import pytest

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


# --- OSD 7 ---------------------------------------------------------------------------------------


def test_the_license_must_accompany_copies():
    assert found("This License must accompany every copy.") == [(7, "This License must accompany")]
    assert found("This License must be read with care.") == []


def test_this_notice_must_not_be_removed():
    assert found("This notice must not be removed.") == [(7, "This notice must not be removed")]
    assert found("This notice must not be ignored.") == []
    # "provided that this notice is not removed"
    assert found("Any use is permitted provided that this notice is not removed.") == [
        (7, "this notice is not removed")
    ]


def test_a_notice_that_refers_to_this_license():
    assert found("Every copy must keep the notice, which refers to this License.") == [
        (7, "refers to this License")
    ]
    assert found("Every copy must keep the notice, which speaks of this License.") == []
    # a duty to carry a file that refers to it is no definition (it was read as one: fixed)
    assert found("Each copy must carry a file that refers to this License.") == [
        (7, "refers to this License")
    ]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("You may copy it, provided that this notice is preserved.", "this notice is preserved"),
        (
            "Copying is allowed as long as this copyright notice remains intact.",
            "this copyright notice remains intact",
        ),
        (
            "You may make copies, provided that you keep intact this entire notice.",
            "keep intact this entire notice",
        ),
        (
            "Any copy must include the above copyright notice of the Owner, this paragraph and the one after it.",
            "include the above copyright notice of the Owner, this paragraph",
        ),
    ],
)
def test_this_notice_stays_with_copies(text, phrase):
    assert found(text) == [(7, phrase)]


def test_this_notice_named_without_a_duty_to_keep_it_is_no_hint():
    assert found("This notice is short and plain.") == []
    assert found("You must retain all copyright notices of the authors.") == []


def test_every_recipient_receives_an_offer_of_the_license():
    assert found(
        "Every recipient automatically receives an offer from the Owner to exercise the rights."
    ) == [(7, "automatically receives an offer")]
    assert found("Every recipient automatically receives an email from the Owner.") == []


def test_no_downstream_restrictions():
    assert found("Recipients face no downstream restrictions.") == [(7, "no downstream restrictions")]
    assert found("Recipients face no downstream delays.") == []


# --- OSD 8 ---------------------------------------------------------------------------------------


def test_part_of_a_particular_distribution():
    assert found("The Tool is licensed as part of a particular software distribution.") == [
        (8, "part of a particular software distribution")
    ]
    assert found("The Tool is licensed as part of a distribution.") == []


def test_a_platform_limitation():
    assert found("There is no platform limitation.") == [(8, "platform limitation")]
    assert found("There is no platform.") == []


# --- OSD 9 ---------------------------------------------------------------------------------------


def test_larger_works_as_a_heading_of_its_own():
    assert found("Larger Works.") == [(9, "Larger Works.")]
    assert found("Larger Works are welcome here.") == []


def test_larger_works_not_governed_by_this_license():
    assert found("Larger works that are not governed by this License may hold the Tool.") == [
        (9, "Larger works")
    ]
    assert found("Larger works may hold the Tool.") == []


def test_other_software_combined_but_not_hardware_or_software():
    assert found("The Tool may be combined with other software.") == [(9, "combined with other software")]
    assert found("The Tool may be combined with hardware or other software.") == []


def test_other_programs_exempt_from_the_terms():
    assert found("Other programs are exempt from these terms.") == [(9, "Other programs")]
    assert found("Other programs are bound by these terms.") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("You must publish the service source code.", "service source code"),
        ("You must publish all the programs you use to run the Tool.", "all the programs you use to"),
        ("The Tool is a program independent of any other software.", "independent of any other software"),
        ("You must publish any software that uses the Tool.", "software that uses the"),
    ],
)
def test_the_license_reaching_other_software_used_with_it(text, phrase):
    assert found(text) == [(9, phrase)]


@pytest.mark.parametrize(
    "text",
    [
        "You must publish the service manual.",
        "You must publish all the programs you like.",
        "The Tool is a program independent of its author.",
        "You must publish any software that feeds the Tool.",
    ],
)
def test_not_other_software_used_with_it(text):
    assert found(text) == []


# --- the wordings and exceptions that only one alternative decides ------------------------------


def test_the_permission_notice_travels():
    assert found("Copies must include the permission notice.") == [(7, "permission notice")]
    assert found("Copies must include the price notice.") == []


def test_the_text_of_this_license_with_copies_needs_a_verb_of_giving():
    assert found("Each copy must include the text of this License.") == [(7, "text of this License")]
    assert found("The text of this License is short.") == []


def test_every_recipient_automatically_receives_a_license():
    assert found("Every recipient automatically receives a licence from the Owner.") == [
        (7, "automatically receives a licence")
    ]


@pytest.mark.parametrize(
    "text",
    ["You may not impose further terms downstream.", "You may not impose further terms on any third party."],
)
def test_no_further_terms_downstream_or_on_third_parties(text):
    assert found(text) == [(7, "not impose further terms")]
    assert found("You may not impose further terms.") == []


@pytest.mark.parametrize(
    "text", ["A larger work may hold separate parts.", "A larger work may hold independent parts."]
)
def test_a_larger_work_of_separate_or_independent_parts(text):
    assert found(text) == [(9, "larger work")]


@pytest.mark.parametrize(
    "text",
    [
        "The Tool may be combined with other software under the patents.",
        "The Tool may be combined with other software that infringes.",
        "This License does not apply to other software under the patents.",
        "This License does not apply to other programs that infringe.",
        "This License does not apply to other software and hardware.",
        "You must publish the service source code under the patents.",
        "You must publish the service source code of infringing parts.",
    ],
)
def test_other_software_named_for_a_patent_or_with_hardware_is_not_osd9(text):
    assert found(text) == []


def test_the_license_not_extending_to_other_programs():
    assert found("This License does not extend to other programs.") == [(9, "other programs")]


def test_other_software_run_with_it():
    assert found("You may not run other software with the Tool.") == [(9, "other software with the")]
    assert found("You may not run other software at night.") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "That duty may contradict the terms of proprietary libraries, and then you cannot ship both.",
            "proprietary libraries",
        ),
        (
            "These terms do not restrict how you share code that is entirely your own work.",
            "entirely your own work",
        ),
        ("These terms do not limit what you do with your own files.", "your own files"),
    ],
)
def test_proprietary_or_your_own_software_outside_the_license(text, phrase):
    assert (9, phrase) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Proprietary libraries may be linked with it.",
        "Keep a copy of your own work and of the notice.",
    ],
)
def test_proprietary_or_your_own_software_without_a_limit_is_not_osd9(text):
    assert 9 not in [n for n, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "keep the terms for further recipients as they are, and",
            None,
        ),
        (
            "do not vary its terms with respect to any later licensees; and",
            "vary its terms with respect to any later licensees",
        ),
        (
            "You may not modify the terms of the Agreement as to the recipients of your copies.",
            None,
        ),
        (
            "You shall not amend the terms of this Licence for all subsequent recipients.",
            "amend the terms of this Licence for all subsequent recipients",
        ),
    ],
)
def test_the_same_terms_for_later_recipients(text, phrase):
    hits = [p for n, p in found(text) if n == 7]
    assert hits == ([phrase] if phrase else [])


# dev6 (clauses no rule caught)


def test_a_copyright_notice_that_stays_intact():
    assert found("So long as the copyright notice stays intact, anyone may use the Gadget.") == [
        (7, "copyright notice stays intact")
    ]
    assert found("So long as the copyright notice stays legible, anyone may use the Gadget.") == []


def test_aggregation_permitted_is_about_redistribution_and_other_software():
    assert found("Aggregation of the Gadget with other tools is allowed.") == [
        (1, "Aggregation of the Gadget with other tools is allowed"),
        (9, "Aggregation of the Gadget with other tools is allowed"),
    ]
    assert found("Aggregation of the Gadget with other tools is discouraged.") == []


# --- dev8 (bench/hints_sample12.py): wordings the rules missed -------------------------------------


def test_copies_published_under_this_agreement():
    assert found("Copies must be published under this Agreement.") == [
        (7, "must be published under this Agreement")
    ]
    assert found("Copies must be published under the laws of Ruritania.") == []


def test_a_notice_that_the_copy_is_covered_by_this_license():
    assert found("Each copy must carry a notice saying that the Tool is covered by this License.") == [
        (7, "notice saying that the Tool is covered by this License")
    ]
    assert found("Each copy must carry a notice saying that the Tool is covered by a warranty.") == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "The copyright notice above must appear in every copy.",
            "The copyright notice above must appear in every",
        ),
        ("This notice must appear in every copy.", "This notice must appear in every"),
        ("The notice below must appear on each copy.", "The notice below must appear on each"),
    ],
)
def test_the_notice_appears_in_every_copy(text, phrase):
    assert found(text) == [(7, phrase)]


def test_the_notice_need_not_appear():
    assert found("This notice need not appear in every copy.") == []


def test_a_link_to_this_licence_and_a_duplicate_of_it():
    assert found("Include a link to this licence with each copy.") == [(7, "a link to this licence")]
    assert found("Include a link to the author's homepage with each copy.") == []
    assert found("You must duplicate this License in the manual.") == [(7, "duplicate this License")]


def test_restricting_the_version_of_this_license_or_the_recipients_rights():
    text = "You may not offer terms that restrict the version of this License that applies or the recipients' rights."
    assert (7, "restrict the version of this License that applies or the recipients' rights") in found(text)


def test_a_notice_that_the_tool_is_licensed_under_this_license_needs_a_duty():
    assert found("The notice says that the Tool is licensed under this License.") == []


# --- hints13: the notice or the license in every copy ------------------------------------------


def phrase(text: str, number: int) -> str | None:
    return next((p for n, p in found(text) if n == number), None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the notice as the subject, with more words between it and "appear"
        (
            "Provided that the above copyright notice and these three sentences appear in all copies of the program.",
            "notice and these three sentences appear in all",
        ),
        ("This legend must be kept on every disk.", "legend must be kept on every"),
        ("The above copyright notice and these three sentences appear in the manual.", None),
        # you as the subject
        (
            "You must include the following on all copies you make: the author's name.",
            "include the following on all copies",
        ),
        ("You must include the following on the first page of the manual.", None),
    ],
)
def test_the_notice_or_license_appears_in_every_copy(text, expected):
    assert phrase(text, 7) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This is allowed as long as the copyright message is kept in the source files.",
            "copyright message is kept in the",
        ),
        ("This is allowed as long as the copyright message is printed in the source files.", None),
        (
            "Every copy must reproduce the above copyright notice.",
            "must reproduce the above copyright notice",
        ),
        ("Every copy may omit the above copyright notice.", None),
        ("Redistributions must retain this entire copyright notice.", "retain this entire copyright notice"),
        ("Redistributions may drop this entire copyright notice.", None),
        (
            "You must include this copyright statement with any code you release.",
            "include this copyright statement",
        ),
    ],
)
def test_the_copyright_notice_stays_in_the_software(text, expected):
    assert phrase(text, 7) == expected


def test_the_license_file_must_accompany_copies():
    # a file name's dot does not end the sentence
    assert phrase('The License, in the file named "COPYING.TXT", must accompany any copy.', 7) == (
        'License, in the file named "COPYING.TXT", must accompany'
    )
    assert phrase('The License, in the file named "COPYING.TXT", may accompany any copy.', 7) is None


def test_the_license_does_not_affect_any_other_software():
    assert phrase("These terms do not affect any software you write yourself.", 9) == (
        "do not affect any software"
    )
    assert phrase("These terms do not affect the software you write yourself.", 9) is None
