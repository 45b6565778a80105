"""licenses.text.hints.derived (OSD 3): wordings of each rule that the older tests did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


LONG_SUBJECT = (
    "Modification of the Tool, of its manual, of its sample data, of its test suites, of its build "
    "scripts and of every other file that comes with it in the download"
)


def test_a_grant_of_modification_whose_subject_is_long():
    assert found(f"{LONG_SUBJECT} is permitted.") == [(3, f"{LONG_SUBJECT} is permitted")]
    assert found(f"{LONG_SUBJECT} is welcome.") == []


def test_a_grant_of_modification_to_promote_or_about_moral_rights_is_none():
    assert found("You may modify the Tool.") == [(3, "You may modify")]
    assert found("You may modify the Tool, but not to promote your own shop.") == []
    assert found("You may adapt the Tool without waiving the author's moral rights.") == []


def test_a_grant_item_naming_derived_works_but_not_patents():
    assert found("make and sell derivative works;") == [(3, "derivative works")]
    assert found("make and sell derivative works under a patent;") == []
    assert found("make and sell derivative works that infringe;") == []


def test_no_right_to_share_derived_works_unless_it_is_about_promoting():
    assert found("You have no right to share modified versions of the Tool.") == [
        (3, "no right to share modified versions")
    ]
    assert found("You have no right to share modified versions of the Tool or to promote them.") == []


def test_forbidding_changes_to_the_software():
    assert found("You must not modify or disable the software.") == [(3, "must not modify or disable the software")]
    assert found("You must not modify or disable the invoice.") == []


def test_share_alike_but_not_a_versioned_name_or_a_sentence_about_promoting():
    assert found("Adaptations are ShareAlike.") == [(3, "ShareAlike")]
    assert found("This work is offered under ShareAlike 3 terms.") == []
    assert found("Adaptations are ShareAlike, and you must not promote the Owner.") == []


def test_licensing_your_changes_under_this_license_unless_you_do_not_have_to():
    assert found("You must license your modifications under this License.") == [
        (3, "license your modifications under this License")
    ]
    assert found("You do not have to license your modifications under this License.") == []


def test_derived_works_that_may_not_be_released_unless_it_is_about_promoting():
    assert found("Adaptations may not be published.") == [(3, "Adaptations may not be published")]
    assert found("Adaptations may not be published to promote the Owner.") == []


def test_a_derivative_of_the_work():
    assert found("Your app is a derivative of the Tool.") == [(3, "is a derivative of")]
    assert found("Your app is derived from a recipe.") == []


def test_publishing_a_modified_version():
    assert found("Those who publish a modified version must sign it.") == [(3, "publish a modified version")]
    assert found("Those who publish a picture must sign it.") == []
    assert found("Those who publish a modified version must not promote the Owner.") == []
