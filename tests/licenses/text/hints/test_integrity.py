"""licenses.text.hints.integrity (OSD 4): wordings of each rule that the older tests did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


def test_notices_of_changes_are_marking_but_keeping_notices_is_not():
    assert found("Changed files must carry notices stating that they were modified.") == [
        (4, "notices stating that they were modified")
    ]
    # a duty to keep notices intact is about the notices, not about marking changes
    assert (
        found(
            "Changed files must carry notices that they were modified, and such notices must not be removed."
        )
        == []
    )
    assert found("You must not remove any copyright or licence notices from files you have modified.") == []


def test_marked_as_different_from_the_original():
    assert found("Copies must be marked as different from the original.") == [(4, "marked as different")]
    assert found("Copies must be marked as fresh.") == []


def test_a_different_name_for_changed_versions():
    assert found("Changed versions must use a different name from the original.") == [(4, "different name")]
    assert found("Changed versions must use a different font from the original.") == []


def test_what_changed_versions_may_not_be_called():
    assert found("Modified copies must not be called Frob.") == [(4, "must not be called")]
    assert found("Modified copies should not be called Frob.") == [(4, "not be called")]
    assert found("Modified copies should not be sold as Frob.") == []
    # a name kept from endorsing is a trademark matter
    assert found("Modified copies should not be called Frob, nor used to promote the Owner.") == []


def test_renaming_so_that_the_names_differ():
    assert found("If you make changes, you must rename the files so that the names differ.") == [
        (3, "If you make changes"),
        (4, "rename the files so that the names"),
    ]
    assert found("If you make changes, you must tidy the files so that the names differ.") == [
        (3, "If you make changes")
    ]


def test_changed_copies_that_must_be_marked():
    assert found("Changed copies must be clearly marked.") == [(4, "Changed copies must be clearly marked")]
    assert found("Changed copies must be clearly printed.") == []


def test_what_a_version_may_be_called_needs_a_change_and_no_endorsement():
    assert found("The Tool should not be called Frob.") == []
    assert found("Modified copies should not be called Frob, as the Owner does not endorse them.") == []


def test_renaming_needs_a_change_in_view():
    assert found("You must rename the files so that the names differ.") == []


# dev6 (clauses no rule caught)


def test_changes_that_must_be_flagged():
    assert found("Alterations to the Gadget should be flagged in the change log.") == [
        (4, "Alterations to the Gadget should be flagged")
    ]
    assert found("Alterations to the Gadget should be tested in the lab.") == []


def test_a_version_that_says_how_it_differs_from_the_original():
    assert found("Each adapted version says how it differs from the original.") == [
        (4, "version says how it differs from the original")
    ]
    assert found("Each adapted version says how it differs from the others.") == []


def test_a_new_version_number_for_a_change():
    assert found("Whoever changes the Gadget picks a new version number.") == [(4, "new version number")]
    assert found("Whoever modifies the Gadget picks a new version number.") == [(4, "new version number")]
    assert found("Pick a new version number for each release.") == []


# --- hints13 ------------------------------------------------------------------------------------


def phrase(text: str, number: int = 4) -> str | None:
    return next((p for n, p in found(text) if n == number), None)


def test_changes_noted_in_the_present():
    assert phrase("All modifications to these files are clearly noted in the files themselves.") == (
        "modifications to these files are clearly noted"
    )
    assert phrase("All modifications to these files are welcome.") is None


def test_a_changed_file_under_a_new_name():
    assert phrase("If you alter the program, it must be given a new name.") == "given a new name"
    # nothing says it is changed
    assert phrase("Each release must be given a new name.") is None
    assert phrase("If you change this file, do not distribute it under the original name.") == (
        "not distribute it under the original name"
    )
    assert phrase("If you change this file, do not distribute it under the GPL.") is None
