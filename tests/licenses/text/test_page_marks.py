"""licenses.text.page_marks: the page marks of a text copied from a PDF are not license text."""

from licenses.text.page_marks import drop_page_marks
from licenses.text.segmentation import segment

PDF = (
    "Sample License\n\n"
    "1. Grant. You may copy the\n"
    "Page 1 of 3\n"
    "Software in any medium.\n\n"
    "   - 2 -\n\n"
    "2. Conditions. Keep this notice.\n"
    "Page 3 of 3\n"
)


def test_each_page_mark_line_goes_and_a_broken_sentence_reads_on():
    text, n = drop_page_marks(PDF)
    assert n == 3
    assert "Page" not in text and "- 2 -" not in text
    assert "You may copy the\nSoftware in any medium." in text
    by_path = {s.path: (s.heading, s.text) for s in segment(text)}
    assert by_path["1"] == ("Grant.", "You may copy the\nSoftware in any medium.")
    assert by_path["2"] == ("Conditions.", "Keep this notice.")


def test_one_mark_alone_may_be_the_texts_own_and_stays():
    text = "1. Grant.\n\nSee page 4 of the manual.\n\n3/4\n"
    assert drop_page_marks(text) == (text, 0)


def test_a_mark_inside_a_line_is_words():
    text = "1. On page 2 of 9 the grant.\n2. Split 3/4 of it.\n"
    assert drop_page_marks(text) == (text, 0)
