"""review.mail.stance (pure): the first guess at a mail message's stance, and when to trust it."""

from __future__ import annotations

import pytest

from review.mail.stance import confident_stance, suggest_stance


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        # the strongest stated stance wins, whatever the order of the sentences
        ("I agree. I suggest a note. I am worried. This conflicts with OSD 6.", "objection"),
        ("I agree. I suggest a note. I am worried.", "concern"),
        ("I agree. I suggest a note.", "proposal"),
        ("Looks good.", "support"),
        # "no objection", "don't object" and "+1" are support; "object code" and "not a concern" nothing
        ("No objections here. I don't object.", "support"),
        ("+1", "support"),
        ("c+1 is a version", "note"),
        ("The object code is fine. It is not a concern.", "note"),
        # a sentence ending in "?" asks; it states nothing
        ("Does this conflict with OSD 6?", "question"),
        ("Does this conflict? I agree with the rest.", "support"),
        ("Hello.", "note"),
        ("", "note"),
        # case and surrounding space do not matter; "2.2(b)" does not end a sentence
        ("  I OBJECT.  ", "objection"),
        ("Clause 2.2(b) conflicts with OSD 6.", "objection"),
        ("Is 2.2(b) fine? Yes.", "question"),
    ],
)
def test_suggest_stance(body, stance):
    assert suggest_stance(body) == stance


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        ("This conflicts with OSD 6.", "objection"),
        ("I am worried.", "concern"),
        ("I suggest a note.", "proposal"),
        ("I agree.", "support"),
        ("Does this conflict?", "note"),  # a question is shown as a hint, preselected as a note
        ("Hello.", "note"),
    ],
)
def test_confident_stance_preselects_only_reliable_guesses(body, stance):
    assert confident_stance(body) == stance
