"""review.rounds.alignment (pure): where a clause and its quotes go in the next version."""

from __future__ import annotations

from licenses.text.redline import normalise, redline
from licenses.text.segmentation import segment
from review.rounds.alignment import FUZZY_MIN_CHARS, Target, align_clauses, clause_redline, reanchor_quote

LONG = "alpha beta gamma delta epsilon zeta eta theta. The Licensor grants you a licence. iota kappa lambda mu nu xi"


def test_quote_match_keeps_32_characters_of_context_each_side():
    found = reanchor_quote(LONG, "Licensor grants")
    start = LONG.index("Licensor")
    assert (found.start, found.end, found.fuzzy) == (start, start + 15, False)
    assert found.exact == "Licensor grants"
    assert found.prefix == LONG[start - 32 : start] and len(found.prefix) == 32
    assert found.suffix == LONG[start + 15 : start + 47] and len(found.suffix) == 32


def test_quote_at_the_start_or_the_end_has_short_context():
    found = reanchor_quote("Licensor grants you", "Licensor")
    assert (found.prefix, found.suffix) == ("", " grants you")
    found = reanchor_quote("you a licence", "licence")
    assert (found.prefix, found.suffix) == ("you a ", "")


def test_quote_without_words_or_text_is_not_found():
    assert reanchor_quote(LONG, "   ") is None
    assert reanchor_quote("", "Licensor") is None
    assert reanchor_quote("Licensor", "") is None


def test_quote_found_twice_with_no_context_to_tell_takes_the_first():
    found = reanchor_quote("x Model y Model z", "Model")
    assert found.start == 2
    found = reanchor_quote("x Model y Model z", "Model", suffix=" z")
    assert found.start == 10


def test_quote_of_exactly_the_fuzzy_minimum_is_matched_fuzzily():
    quote = "Licensor grant y"  # 16 characters, not in the text as written
    assert len(quote) == FUZZY_MIN_CHARS
    found = reanchor_quote("The Licensor grants you a licence.", quote)
    assert found is not None and found.fuzzy
    assert reanchor_quote("The Licensor grants you a licence.", "icensor grant y") is None  # 15


def test_fuzzy_quote_widens_to_whole_words_at_both_ends():
    text = "The Licenser grant you a licence here."
    found = reanchor_quote(text, "Licensor grants you a licence")
    assert found.fuzzy
    assert found.exact == "Licenser grant you a licence"
    assert (found.start, found.end) == (4, 32)
    assert (found.prefix, found.suffix) == ("The ", " here.")
    found = reanchor_quote("Licenserx grant you a licencex", "Licensor grants you a licence")
    assert found.exact == "Licenserx grant you a licencex"


def test_fuzzy_quote_leaves_surrounding_spaces_out():
    found = reanchor_quote(
        "intro.   keep this notice and the copyright line   outro", "keep this notice and copyright line"
    )
    assert found.fuzzy
    assert found.exact == "keep this notice and the copyright line"


def test_fuzzy_quote_below_the_score_is_not_guessed():
    assert reanchor_quote("The Software comes with no promise.", "without warranty of any kind") is None


def test_clause_redline_is_the_redline_of_the_normalised_texts():
    old, new = "You may\ncopy it.", "You may  share\r\nit."
    assert clause_redline(old, new) == redline(normalise(old), normalise(new))
    pieces = clause_redline(old, new)
    assert [t.strip() for op, t in pieces if op != "equal"] == ["copy", "share"]


V1 = """1. Grant.
You may use, copy and share the Software for any purpose.
2. Attribution.
You must keep this notice and the copyright line in every copy you make of the Software.
3. Advertising.
All advertising materials mentioning features of this software must display an acknowledgement of the authors.
"""
V2 = """1. Grant.
You may use, copy and share the Software for any purpose.
2. Attribution.
You must keep this notice and the copyright line in every copy you make of the Software.
"""


def test_align_clauses_unchanged_clauses_are_not_changed():
    targets = align_clauses(segment(V1), segment(V1))
    assert {a: (t.anchor, t.changed, t.alternatives) for a, t in targets.items()} == {
        "1": ("1", False, ()),
        "2": ("2", False, ()),
        "3": ("3", False, ()),
    }


def test_align_clauses_a_removed_clause_goes_nowhere_and_counts_as_changed():
    targets = align_clauses(segment(V1), segment(V2))
    assert (targets["3"].anchor, targets["3"].changed) == (None, True)
    assert (targets["1"].anchor, targets["1"].changed) == ("1", False)


def test_align_clauses_follows_hand_links_and_unlinks():
    linked = align_clauses(segment(V1), segment(V2), links=[("3", "2")])
    assert linked["3"].anchor == "2"
    unlinked = align_clauses(segment(V1), segment(V1), unlinks=[("2", "2")])
    assert unlinked["2"].anchor != "2"


GRANT = "1. Grant.\nYou may use, copy and share the Software for any purpose.\n"
KEEP = "You must keep this notice and the copyright line in every copy you make of the Software"
STATE = "you must state all the changes you made to the files of the Software in a notice."
ADS = "All advertising materials mentioning features of this software must display an acknowledgement of the authors.\n"
SPLIT_OLD = f"{GRANT}2. Attribution.\n{KEEP}, and {STATE}\n3. Advertising.\n{ADS}"
SPLIT_NEW = f"{GRANT}2. Attribution.\n{KEEP}.\n3. Changes.\nY{STATE[1:]}\n"


def test_align_clauses_a_split_clause_goes_to_its_first_half_with_the_other_as_alternative():
    targets = align_clauses(segment(SPLIT_OLD), segment(SPLIT_NEW))
    assert (targets["2"].anchor, targets["2"].changed, targets["2"].alternatives) == ("2", True, ("3",))
    assert targets["1"].alternatives == ()


def test_align_clauses_merged_clauses_both_go_to_the_merged_one_as_changed():
    old = f"{GRANT}2. Attribution.\n{KEEP}.\n3. Changes.\nY{STATE[1:]}\n4. Advertising.\n{ADS}"
    new = f"{GRANT}2. Attribution.\n{KEEP}, and {STATE}\n3. Advertising.\n{ADS}"
    targets = align_clauses(segment(old), segment(new))
    assert (targets["2"].anchor, targets["2"].changed) == ("2", True)
    assert (targets["3"].anchor, targets["3"].changed) == ("2", True)
    assert (targets["4"].anchor, targets["4"].changed) == ("3", False)


GRANT_TEXT = "You may use, copy and share the Software for any purpose."
NOTICE_TEXT = 'You must keep this "notice" and the copyright line in every copy you make of the Software.'
ADS_TEXT = "All advertising materials mentioning features of this software must display an acknowledgement."
WARRANTY_TEXT = "The Software is provided as is, without any warranty of any kind, express or implied."
HEADINGS = {GRANT_TEXT: "Grant", ADS_TEXT: "Advertising", WARRANTY_TEXT: "Warranty"}


def numbered(*texts: str) -> str:
    return "".join(f"{n}. {HEADINGS.get(t, 'Notice')}.\n{t}\n" for n, t in enumerate(texts, 1))


def test_align_clauses_a_moved_clause_with_the_same_words_is_not_changed():
    old = segment(numbered(GRANT_TEXT, NOTICE_TEXT, ADS_TEXT, WARRANTY_TEXT))
    new = segment(numbered(WARRANTY_TEXT, GRANT_TEXT, NOTICE_TEXT, ADS_TEXT))
    targets = align_clauses(old, new)
    assert {a: (t.anchor, t.changed) for a, t in targets.items()} == {
        "1": ("2", False),
        "2": ("3", False),
        "3": ("4", False),
        "4": ("1", False),
    }


def test_align_clauses_a_typographic_change_alone_is_not_a_change():
    """Straight quotes become curly ones: the words are the same, so the thread is not flagged."""
    old = segment(numbered(GRANT_TEXT, NOTICE_TEXT, ADS_TEXT))
    new = segment(numbered(GRANT_TEXT, NOTICE_TEXT.replace('"notice"', "“notice”"), ADS_TEXT))
    assert align_clauses(old, new)["2"] == Target("2", False, ())


def test_align_clauses_an_edited_clause_is_changed():
    old = segment(numbered(GRANT_TEXT, NOTICE_TEXT, ADS_TEXT))
    new = segment(numbered(GRANT_TEXT, NOTICE_TEXT.replace("every copy", "each copy"), ADS_TEXT))
    assert align_clauses(old, new)["2"] == Target("2", True, ())


def test_align_clauses_a_removed_clause_rewritten_elsewhere_sends_its_threads_there():
    from tests.licenses.text.test_alignment_mutual import SHARED, sides

    old, new = sides(SHARED)
    # no pair of its own: the link to where its words went is followed
    assert align_clauses(old, new)["1"] == Target(None, True, (), ("7",))


def test_quote_is_found_across_a_new_line_wrapping():
    found = reanchor_quote("The Licensor\n   grants you", "Licensor grants")
    assert (found.exact, found.start, found.end, found.fuzzy) == ("Licensor\n   grants", 4, 22, False)
    assert (found.prefix, found.suffix) == ("The ", " you")


def test_quote_punctuation_is_matched_literally():
    found = reanchor_quote("axb then a.b", "a.b")
    assert (found.start, found.exact) == (9, "a.b")


def test_quote_found_twice_follows_its_prefix():
    assert reanchor_quote("x Model y Model z", "Model", prefix="y ").start == 10
    assert reanchor_quote("x Model y Model z", "Model", prefix="x ").start == 2


def test_fuzzy_quote_spread_over_lines_is_compared_word_by_word():
    found = reanchor_quote("Licenser grant you a licence", "Licensor   grants\nyou a licence")
    assert (found.exact, found.start, found.end, found.fuzzy) == ("Licenser grant you a licence", 0, 28, True)
    assert (found.prefix, found.suffix) == ("", "")


def test_without_context_the_first_occurrence_wins_whatever_surrounds_the_others():
    assert reanchor_quote("Model XModelX", "Model").start == 0


def test_fuzzy_quote_needs_a_score_of_85():
    quote = "keep all the notice"  # 19 characters
    assert reanchor_quote("we must kaep oll tha notice here", quote) is None  # 3 letters off: 84
    found = reanchor_quote("we must kaep all tha notice here", quote)  # 2 letters off: 89
    assert (found.exact, found.start, found.fuzzy) == ("kaep all tha notice", 8, True)


def test_fuzzy_quote_widens_to_a_word_at_the_very_start_of_the_text():
    found = reanchor_quote("Licenser grant you a licence", "censor grants you a licence")
    assert (found.exact, found.start, found.end) == ("Licenser grant you a licence", 0, 28)
    found = reanchor_quote("Licenser grant you a licence", "icensor grants you a licence")
    assert (found.exact, found.start, found.end) == ("Licenser grant you a licence", 0, 28)


def test_fuzzy_quote_leaves_brackets_and_stops_around_it_out():
    text = "see (Licenser grant you a licence) now"
    found = reanchor_quote(text, "icensor grants you a licence")
    assert (found.exact, found.prefix, found.suffix) == ("Licenser grant you a licence", "see (", ") now")
    found = reanchor_quote("The Licensor grant you a licence. More", "grants you a licence")
    assert (found.exact, found.suffix) == ("grant you a licence", ". More")
    found = reanchor_quote("(((keep tha notice and copyright line", "keep the notice and the copyright line")
    assert (found.exact, found.start) == ("keep tha notice and copyright line", 3)


def test_fuzzy_quote_keeps_punctuation_it_begins_or_ends_with():
    found = reanchor_quote("The Licensor grant you a licence. More", "grants you a licence.")
    assert found.exact == "grant you a licence."
    found = reanchor_quote(
        "x --- keep tha notice and copyright line", "- keep the notice and the copyright line"
    )
    assert found.exact == "- keep tha notice and copyright line"
    found = reanchor_quote(
        "here: (keep tha notice and copyright line", "(keep the notice and the copyright line"
    )
    assert found.exact == "(keep tha notice and copyright line"
    found = reanchor_quote("The Licensor grant you a licence.  More", "grants you a licences.")
    assert (found.exact, found.suffix) == ("grant you a licence.", "  More")  # the spaces after it go


def test_fuzzy_quote_found_only_inside_a_longer_word_is_not_guessed():
    assert reanchor_quote("SuperLicensorgrantsyouanything", "Licensor grants you") is None


def test_fuzzy_quote_widened_to_whole_words_must_still_score_80():
    quote = "keep this notice intact"  # 23 characters; "thas" below is one letter off
    found = reanchor_quote("so: keep thas notice intactssss here", quote)  # widened: 88
    assert found.exact == "keep thas notice intactssss"
    found = reanchor_quote("so: keep thas notice intact" + "s" * 9 + " here", quote)  # widened: exactly 80
    assert found.exact == "keep thas notice intact" + "s" * 9
    assert reanchor_quote("so: keep thas notice intact" + "s" * 10 + " here", quote) is None  # 78.6
    longer = "keep this notice intact always"  # 30 characters
    assert reanchor_quote("so: keep thas notice intact always" + "s" * 12 + " here", longer)  # 80.6
    assert reanchor_quote("so: keep thas notice intact always" + "s" * 13 + " here", longer) is None  # 79.5


def test_fuzzy_quote_that_begins_with_a_bracket_takes_no_other_mark_before_its_first_word():
    found = reanchor_quote(
        "here “keep tha notice and copyright line", "(keep the notice and the copyright line"
    )
    assert (found.exact, found.start) == ("keep tha notice and copyright line", 6)
