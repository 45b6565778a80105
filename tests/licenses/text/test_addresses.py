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
