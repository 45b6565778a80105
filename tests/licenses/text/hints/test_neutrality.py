"""licenses.text.hints.neutrality (OSD 10): wordings of each rule that the older tests did not reach.

Pure (no database). One test per rule: a clause the rule must catch, with the phrase it quotes,
and a near miss it must not. The wording is our own.
"""

from licenses.text.hints import candidate_hints


def found(text: str) -> list[tuple[int, str]]:
    return [(h.number, h.phrase) for h in candidate_hints(text)]


def test_agreeing_by_an_act_named_after_the_agreement():
    assert found("You agree to these terms by downloading the Tool.") == [
        (10, "agree to these terms by downloading")
    ]
    assert found("You agree to these terms by letter.") == []


def test_an_act_that_indicates_agreement():
    assert found("Copying the Tool indicates your agreement to these terms.") == [
        (10, "Copying the Tool indicates your agreement")
    ]
    assert found("Copying the Tool indicates nothing.") == []


def test_if_you_act_you_agree():
    assert found("If you install the Tool, you agree to these terms.") == [
        (10, "If you install the Tool, you agree")
    ]
    assert found("If you install the Tool, you need a disc.") == []


def test_a_grant_tied_to_one_platform_reads_as_osd8_and_osd10():
    phrase = "only for machines that run on the Frob operating system"
    assert found("The Tool is licensed only for machines that run on the Frob operating system.") == [
        (8, phrase),
        (10, phrase),
    ]
    assert found("The Tool runs on any operating system.") == []


def test_a_click():
    assert found("Click the button to accept these terms.") == [(10, "Click")]
    assert found("Nobody clicked anything.") == []


def test_acts_in_a_lettered_list_that_mean_acceptance():
    # dev6: a clause no rule caught
    assert found("By (a) installing the Gadget or (b) running it, you agree to these terms.") == [
        (10, "By (a) installing the Gadget or (b) running it, you agree")
    ]
    assert found("By (a) installing the Gadget or (b) running it, you see the logs.") == []
