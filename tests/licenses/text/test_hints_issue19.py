"""Issue 19 (branch hints16): the rules written from the dev splits' misses, each read as a general
legal phrasing. Pure (no database). One test per rule change: a clause the rule must catch, with
the phrase it quotes, and a near miss it must not. The wording is our own.
"""

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


# OSD 7: the notice or the license travels with copies; recipients get the same terms


def test_including_this_notice_in_what_is_reproduced():
    assert found("You may pass the Tool on, provided that it is handed on whole, including this notice.") == [
        (7, "including this notice")
    ]
    assert found("This page describes the Tool, including this notice.") == []


def test_the_license_text_or_link_when_the_license_names_itself():
    assert found("Each copy must include the text of, or a link to, this Example Tool License.") == [
        (7, "text of, or a link to, this Example Tool License")
    ]
    assert found("Each copy must include the text of the Tool.") == []


def test_the_license_as_the_subject_of_a_duty_to_go_with_copies():
    assert found("This license must be supplied along with every copy of the Tool.") == [
        (7, "license must be supplied along with")
    ]
    assert found("This license shall be read together with the manual.") == []


def test_recipients_get_the_same_terms():
    assert found("Anyone who receives the Tool from you receives it under the same terms.") == [
        (7, "Anyone who receives the Tool from you receives it under the same terms")
    ]
    # the same terms for derived works is share-alike, OSD 3's question
    assert [
        n for n, _ in found("Derivative works of the Tool are licensed to everyone under the same terms.")
    ] == [3]


# OSD 4: changes stated, and a changed version not passed off as the original


def test_who_changed_it_when_and_what_changed():
    assert found(
        "Copies may be shared if the name of the author and the date of each change are added to the header."
    ) == [(4, "author and the date of each change")]
    assert found("You must include a description of the changes you made.") == [
        (4, "description of the changes")
    ]
    assert found("Your changes should be recorded in a change log.") == [(4, "change log")]
    assert found("You must clearly identify any changes to the files.") == [(4, "identify any changes")]
    assert found("The date of the change is not required to be recorded.") == []
    assert found("The change log lists the releases.") == []


def test_a_changed_version_not_passed_off_as_the_original():
    assert found("A derived work must not be represented as being a copy or version of the original.") == [
        (4, "represented as being a copy or version of the original")
    ]
    assert found("Changed copies may never be presented as the original.") == [
        (4, "presented as the original")
    ]
    assert found("A summary may be presented as the original's abstract.") == []


# OSD 6: use or distribution by commercial organisations


def test_a_limit_on_commercial_or_for_profit_organisations():
    assert [
        n for n, _ in found("The Tool may not be distributed by a commercial organization for payment.")
    ] == [6]
    assert found("Use by for-profit entities requires a separate agreement.")[-1] == (
        6,
        "for-profit entities",
    )
    assert found("The Tool is free for commercial and non-commercial users alike.") == []
    assert found("The licensor declares that it is a not-for-profit organization.") == []
    # (the older rule reads "non-commercial" itself; the new one does not add "commercial organisation")
    assert found("The licensor is a non-commercial organisation.") == [(6, "non-commercial")]
    assert found("The names of the authors may not be used to endorse a commercial company.") == []


# OSD 3: more verbs of changing; the passive with its manner; passing modifications on


def test_improving_remixing_and_building_upon_are_changing():
    assert found("You may improve the Tool.") == [(3, "You may improve")]
    assert found("You may make improvements to the Tool.") == [(3, "You may make improvements")]
    assert found("You may build upon the Tool.") == [(3, "You may build upon")]
    assert found("You may remix, transform and build upon the material.") == [(3, "You may remix")]
    assert found("The Licensor will improve the Tool.") == []


def test_a_passive_grant_of_changes_with_its_manner():
    assert found("The package may be used and extended in any way, as long as the author is credited.") == [
        (3, "may be used and extended in any way")
    ]
    assert found("The code may be modified freely.") == [(3, "may be modified freely")]
    assert found("This license may be changed in any way by its steward.") == []
    assert found("The package may be extended in time.") == []


def test_a_grant_of_passing_modifications_on_but_not_a_grant_back():
    assert found("Permission to redistribute modifications is granted.") == [
        (3, "Permission to redistribute modifications")
    ]
    assert (3, "rights to redistribute your changes") in found(
        "The Licensor grants you the rights to redistribute your changes."
    )
    assert [
        n
        for n, _ in found(
            "Users are asked to return any improvements they make and grant the author the rights to redistribute these changes."
        )
    ] == [1]


# OSD 10: acceptance by an act, in French or German


def test_acceptance_by_an_act_in_french_or_german():
    assert found(
        "Le fait de copier ou de diffuser l'oeuvre constitue une acceptation tacite de la présente licence."
    ) == [(10, "constitue une acceptation")]
    assert found("L'utilisation du logiciel vaut acceptation de ces conditions.") == [
        (10, "vaut acceptation")
    ]
    assert found("Sie erklären Ihre Zustimmung zu dieser Lizenz, indem Sie das Programm verbreiten.") == [
        (10, "Zustimmung zu dieser Lizenz, indem Sie")
    ]
    assert found("Cette licence constitue un contrat entre vous et l'auteur.") == []
    assert found("Sie können das Programm nutzen, indem Sie es herunterladen.") == []


def test_acceptance_by_changing_it_grants_no_change():
    # OSD 3 reads neither the French or German acceptance nor "only this license grants you"
    assert found("Le fait de copier ou de modifier l'oeuvre constitue une acceptation tacite.") == [
        (10, "constitue une acceptation")
    ]
    assert found("Vous avez la liberté de modifier les copies.") == [(3, "modifier")]
    assert (
        found(
            "Only this license, or another one agreed with the authors, grants you the right to use and modify it."
        )
        == []
    )
    assert found("You have the right to use and modify it.") == [(3, "right to use and modify")]


def test_an_encouragement_to_release_changes_is_not_a_duty():
    assert found("You are encouraged to publicly release the modified version of the Tool.") == []
    assert found("You must publicly release the modified version of the Tool.") == [
        (3, "release the modified version")
    ]


def test_a_work_licensed_or_bound_as_a_whole():
    assert (3, "licensed as a whole") in found(
        "You must cause the Tool to be licensed as a whole to all third parties under the terms of this License."
    )
    assert found("These requirements apply to the modified work as a whole.") == [
        (3, "modified work as a whole")
    ]
    assert found("The company is licensed as a whole to operate.") == []


def test_a_change_the_grant_goes_on_to_allow():
    assert found(
        "You may use the report as a starting point for your manuals, modifying it as necessary."
    ) == [(3, "modifying it as necessary")]
    assert found("Changing it as necessary is the maintainer's job.") == []


# OSD 6: more wordings of what the software may not be used for


def test_what_the_software_may_not_be_used_in_or_to_do():
    assert found("You may not use the Tool in any application where failure could cause injury.") == [
        (6, "may not use the Tool in any application")
    ]
    assert found("The Tool shall not be used to train language models.") == [
        (6, "shall not be used to train")
    ]
    assert found("Use of the Tool in safety-critical systems is prohibited.") == [
        (6, "Use of the Tool in safety-critical systems is prohibited")
    ]
    assert found("The names of the authors may not be used to endorse products made with the Tool.") == []
    assert found("You may not use the Tool in violation of this License.") == []
    assert found("The Tool may not be used in advertising.") == []


# every alternative of the new rules decides some sentence (bench/hints_reach.py)


def test_the_other_wordings_of_the_new_rules():
    # German acceptance with "indem Sie" first: OSD 10, and no grant of change for OSD 3
    assert found("Indem Sie das Programm verändern, erklären Sie Ihre Zustimmung zu dieser Lizenz.") == [
        (10, "Indem Sie das Programm verändern, erklären Sie Ihre Zustimmung")
    ]
    # a grant of passing changes on, in the passive
    assert (3, "redistribute your improvements is permitted") in found(
        "To redistribute your improvements is permitted."
    )
    assert (3, "redistribute your improvements is hereby granted") in found(
        "To redistribute your improvements is hereby granted."
    )
    long_subject = (
        "Redistribute your improvements, in source or in binary form, on any medium, through any channel, to any "
        "person, at any time, in any country, with or without a fee, alone or as part of a larger "
        "collection of other programs"
    )
    assert (3, f"{long_subject} is permitted") in found(f"{long_subject} is permitted.")
    # a grant back of the users' changes: neither OSD 3 (no right to change is given) nor, since
    # branch hints17, OSD 1 (their changes are not the work)
    assert [
        n for n, _ in found("Users shall grant the author the rights to redistribute their changes.")
    ] == []
    # organisations of both kinds, and names
    assert found("Both non-profit and for-profit organizations may use the Tool.") == []
    assert found("Both for-profit or non-profit organizations may use the Tool.") == []
    assert found("The names may not be used to promote a commercial company.") == []
    assert found("No name of the authors appears in material promoting any commercial entity.") == []
    # the same terms offered to every recipient
    assert found("The Licensor offers the same terms to all recipients.") == [
        (7, "the same terms to all recipients")
    ]
