"""licenses.text.addresses: the one copy of path, anchor and slug rules."""

import pytest

from licenses.text.addresses import anchor, child_path, number_tokens, slug, split_space


@pytest.mark.parametrize(
    ("label", "parent", "path"),
    [
        ("1.", None, "1"),
        ("(a)", None, "(a)"),
        ("(c)", "2.2", "2.2(c)"),
        ("c.", "2.2", "2.2(c)"),
        ("(iv)", "2.2(b)", "2.2(b)(iv)"),
        ("2.3", "2", "2.3"),
        ("1.1", "Section 1", "1.1"),  # the child already holds its parent's number
        ("1.1", "1.0", "1.1"),  # MPL-1.1: "1.0 Definitions" > "1.1"
        ("1.0.1", "1.0", "1.0.1"),
        ("1.1", "A", "A.1.1"),
        ("Section 4", "3", "Section 4"),
        ("2.2(b)", "2", "2.2(b)"),
        ("2.0", None, "2.0"),
        ("(a)", "part-b/3", "part-b/3(a)"),
        ("3.1", "part-b/3", "part-b/3.1"),
        ("第2条", None, "第2条"),
    ],
)
def test_child_path(label, parent, path):
    assert child_path(label, parent) == path


def test_anchor_is_url_safe_and_bounded():
    assert anchor("2.2(b)") == "2.2.b"
    assert anchor("§ 3") == "s.3"
    assert anchor("part-b/1(a)") == "part-b.1.a"
    assert anchor("第1条") == "article.1"
    assert anchor("第十二条(a)") == "article.12.a"
    assert anchor("제3조") == "article.3"
    assert anchor("***") == "clause"
    assert len(anchor("1." * 300)) <= 190


def test_slug_and_spaces():
    assert slug("PART B. Downloading Agreement") == "part-b-downloading-agreement"
    assert slug("") == "part"
    assert split_space("part-b/1.2") == ("part-b", "1.2")
    assert split_space("1.2") == ("", "1.2")
    assert number_tokens("Section 1") == ("1",)
    assert number_tokens("part-b/2.0") == ("2",)


@pytest.mark.parametrize(
    ("label", "parent", "path"),
    [
        ("2.0", "part-b/2", "part-b/2.0"),
        ("1.1", "part-b/A", "part-b/A.1.1"),
        ("Section 4", "part-b/3", "part-b/Section 4"),
        ("2.2(b)", "part-b/1", "part-b/2.2(b)"),
        ("2.3", "part-b/Section 2", "part-b/2.3"),
    ],
)
def test_a_child_stays_in_its_parents_address_space(label, parent, path):
    assert child_path(label, parent) == path


@pytest.mark.parametrize(
    ("label", "parent", "path"),
    [
        ("2.0.", "2", "2.0"),
        ("2.3.", "2", "2.3"),
        ("2.2(b).", "1", "2.2(b)"),
        ("a.", None, "a"),
        ("Definitions.", "1", "1.Definitions"),
    ],
)
def test_trailing_punctuation_of_a_label_is_not_part_of_the_path(label, parent, path):
    assert child_path(label, parent) == path


def test_a_printed_address_is_never_prefixed_even_under_another_number():
    assert child_path("2.2(b)", "1") == "2.2(b)"
    assert child_path("Article 5)", "3").endswith("Article 5")


def test_anchor_edges():
    assert anchor("(a)") == "a"
    assert anchor("-x-") == "x"
    assert anchor("") == "clause"
    assert anchor("第〇条") == "article"  # no number to read: the article mark alone
    long = anchor("1." * 300)
    assert len(long) <= 190 and not long.endswith((".", "-"))


def test_slug_is_cut_to_its_limit_without_dangling_dashes():
    assert slug("(" + "a" * 45) == "a" * 40
    cut = slug("abc " * 15)  # the 40th character is a dash
    assert cut == "abc-" * 9 + "abc"
    assert slug("Part B", limit=3) == "par"


def test_address_space_is_the_part_before_the_first_slash():
    assert split_space("part-b/x/1") == ("part-b", "x/1")
    assert split_space("Part B/1") == ("", "Part B/1")  # not a slug: no space
    assert number_tokens("part-b/§2") == ("2",)


def test_a_short_label_the_numbering_does_not_know_is_still_a_list_item():
    assert child_path("(xyz)", "2") == "2(xyz)"
    assert child_path("IVX", "2") == "2(IVX)"
    assert child_path("(A1)", None) == "(A1)"
