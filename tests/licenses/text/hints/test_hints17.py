"""Issue 19 (branch hints17): rules that read the work's own grant in more of its wordings, and OSD 6
rules that no longer take an event, an origin, the license's construction or a thing's name for a
field of use. Pure; the wording is our own.
"""

from licenses.text.hints import candidate_hints


def found(text: str, number: int) -> list[str]:
    return [h.phrase for h in candidate_hints(text) if h.number == number]


def test_the_rights_a_licensor_can_license_then_the_acts():
    item = (
        "under copyrights Licensable by the Author to use, reproduce, modify, display, perform and "
        "distribute the Original Tool, with or without changes;"
    )
    assert found(item, 1) == [
        "Licensable by the Author to use, reproduce, modify, display, perform and distribute"
    ]
    assert found(item, 3) == ["Licensable by the Author to use, reproduce, modify"]
    assert found("Rights licensable by the Author are listed in Annex A.", 1) == []


def test_a_modified_package_is_a_derived_work():
    assert found("use the modified Package only within your own company.", 3) == ["modified Package"]


def test_commercial_use_as_an_event_or_an_origin_is_no_limit():
    assert (
        found("The grants take effect on the date the Author first makes Commercial Use of the Tool.", 6)
        == []
    )
    assert found("This is a non-commercially developed program that may hold errors.", 6) == []
    assert found("The Tool may not be put to Commercial Use.", 6) == ["Commercial Use"]
    assert found("The Tool is licensed for non-commercial use only.", 6) == ["non-commercial"]


def test_the_license_construction_is_not_a_use_of_the_work():
    assert found("The headings shall not be used to construe this License.", 6) == []
    assert found("Annex C shall not be used to increase the scope of the grant.", 6) == []
    assert found("The Tool shall not be used to track people.", 6) == ["shall not be used to track"]


def test_a_thing_named_military_is_no_field_of_use():
    assert found("This licence does not cover: personal data; military insignia; logos.", 6) == []
    assert found("The Tool may not be used for military purposes.", 6) == ["military"]


def test_a_purpose_that_is_a_definition_the_credit_or_an_explained_scope_is_no_field_of_use():
    assert found('For the purposes of binary copies, the "Notice" refers to the following words.', 6) == []
    assert (
        found("You may only use the credit required by this Section for the purpose of attribution.", 6) == []
    )
    text = "Giving the plans to a maker for the sole purpose of making Boards for you is not considered distribution."
    assert found(text, 6) == []
    assert found("for the purpose of tracking people;", 6) == ["for the purpose"]


def test_personal_information_used_for_a_purpose_is_no_field_of_use():
    assert found("Your name and personal information shall be used for statistical purposes only.", 6) == []
    assert found("The Tool shall be used for research only.", 6) == ["shall be used for"]


def test_an_endorsement_that_seeks_commercial_advantage_is_no_limit_on_use():
    text = "You may not claim an endorsement by the Agency to obtain commercial advantage from its participation."
    assert found(text, 6) == []
    assert found("You may not use the Tool for commercial advantage.", 6) == ["commercial advantage"]


def test_convey_and_share_pass_copies_on():
    assert found("You may convey verbatim copies of the Tool's source code as you receive it.", 1) == [
        "You may convey"
    ]
    assert found("A Data Recipient may share Data, with or without modifications.", 1) == [
        "Recipient may share"
    ]
    # not share-alike, not the rights conveyed, not a copy of a modified version, not work done for you
    assert found("Share your changes alike.", 1) == []
    assert found("You have the rights to grant the rights conveyed by this License.", 1) == []
    assert found("You may convey a copy of the modified version.", 1) == []
    text = "You may convey the Tool to others for the sole purpose of having them make changes exclusively for you."
    assert found(text, 1) == []
    assert found("Conveying in any other way is permitted solely under the conditions stated below.", 1) == []


def test_renaming_non_standard_versions_patches_and_who_changed_it():
    assert found("rename any non-standard programs so the names do not clash with the standard ones.", 4) == [
        "rename any non-standard programs so the names"
    ]
    assert found("give non-standard programs non-standard names, and document the differences.", 4) == [
        "non-standard names"
    ]
    assert found("Changes may be passed on by distributing patches to the original Tool.", 4) == [
        "distributing patches"
    ]
    assert found("It must be clearly stated who last changed the Tool.", 4) == ["stated who last changed"]
    assert found("The standard names are listed in Annex A.", 4) == []
    # "Modifications to this software may be distributed": the subject is a derived work, no OSD 1 grant
    assert found("Modifications to this software may be distributed under these terms.", 1) == []


def test_applying_fixes_and_changes_is_modifying():
    assert found("You may apply bug fixes, portability fixes and other changes from the Owner.", 3) == [
        "may apply bug fixes"
    ]
    assert found("You may apply any other changes made available by the Owner.", 3) == [
        "may apply any other changes"
    ]
    assert found("You may apply for a licence for other uses.", 3) == []


def test_handing_copies_to_others_and_unlimited_distribution():
    text = "Licensor grants you the right to make copies of the Tool and give them to others."
    assert found(text, 1) == ["right to make copies of the Tool and give them to others"]
    assert found("This software may be copied and given away.", 1) == [
        "This software may be copied and given away"
    ]
    assert found("Distribution of this software is unlimited.", 1) == [
        "Distribution of this software is unlimited"
    ]
    assert found("You may give them the manual.", 1) == []
    assert found("The number of users is unlimited.", 1) == []
