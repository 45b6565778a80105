"""The opening clauses of two versions link when their first lines name the same license
(licenses.text.fanout.titles), whatever the rest of each preamble did."""

from __future__ import annotations

from licenses.text import fanout
from licenses.text.comparison import compare
from licenses.text.matching import Side
from licenses.text.segmentation import segment
from tests.licenses.text.test_alignment_fanout import linked

BODY = (
    "2. Grant.\n\nThe Licensor grants You a worldwide licence to copy, modify and share the Model.\n\n"
    "3. Notice.\n\nYou must keep this notice and the name of the Licensor in every copy You share.\n\n"
    "4. No Warranty.\n\nThe Model is provided as is, without warranty of any kind, express or implied.\n"
)
ACCEPT = "By exercising the rights granted in this License, You accept and agree to be bound by its terms and conditions."
OLD = "Sample Model License Version 1.0, Apr 2024, https://example.org/licenses/sample-model\n\nBEGIN TERMS AND CONDITIONS OF USE, REPRODUCTION AND DISTRIBUTION\n\n1. Acceptance.\n\n" + ACCEPT + "\n\n" + BODY
# The new version moves the acceptance into its preamble: the new preamble pairs with old 1, and
# the old preamble, a title and a line, is left with no partner but its title.
NEW = "Sample Model License Version 2.0, Dec 2025\n\n" + ACCEPT + "\n\n" + BODY.replace("2. ", "1. ").replace("3. ", "2. ").replace("4. ", "3. ")


def sides(old: str, new: str) -> tuple[Side, Side]:
    return Side(segment(old)), Side(segment(new))


def test_preambles_whose_titles_agree_but_for_the_version_link():
    pairs = compare(segment(OLD), segment(NEW))
    assert linked(pairs, "preamble", "preamble")
    sa, sb = sides(OLD, NEW)
    assert fanout.titles(sa, sb, set()) == {(0, 0)}
    assert fanout.titles(sa, sb, {(0, 0)}) == set()  # already linked: nothing new


def test_another_license_title_does_not_link():
    other = NEW.replace("Sample Model License", "Different Data Agreement")
    assert fanout.titles(*sides(OLD, other), set()) == set()


def test_a_one_word_title_names_nothing():
    # "License" alone, or a title made only of a version, is no evidence
    assert fanout._title("LICENSE\n\nmore") == ["license"]
    assert fanout.titles(*sides("License 1.0\n\n" + BODY, "License 2.0\n\nOther words.\n\n" + BODY), set()) == set()
    assert fanout._title("Version 2.0, 2025\n\nwords") == []


def test_no_preamble_on_either_side_no_link():
    assert fanout.titles(*sides(BODY, NEW), set()) == set()
    assert fanout.titles(*sides(OLD, BODY), set()) == set()
    assert fanout.titles(Side([]), Side(segment(NEW)), set()) == set()


def test_titles_agree_by_words_not_by_case_numbers_dates_or_addresses():
    assert fanout._title("The Apache Software License, Version 1.1") == ["the", "apache", "software", "license"]
    assert fanout._title("\n\n  ECLIPSE Public License - v 2.0\nrest") == ["eclipse", "public", "license"]
    assert fanout._title("Model License 1.0, Apr 2024, https://example.org/x mail@example.org") == ["model", "license"]
