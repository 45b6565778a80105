"""licenses.text.html_tokens: HTMLParser's tokens in linear time, whatever the markup.

The equality with the stdlib parser on ordinary markup is checked by
tests/review/mail/test_html_text.py (a property test over mail markup); these tests pin the
cost of constructs that never end, which made the stdlib's own scan quadratic."""

import time

import pytest

from licenses.text.html_tokens import tokenize


class Collect:
    def __init__(self) -> None:
        self.data: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)

    def handle_data(self, data):
        self.data.append(data)


def cost(markup: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        tokenize(markup, Collect())
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", ['<a href="', "<!-- ", "<!x ", "<?x ", '</a "', '<a b="<!-- '])
def test_constructs_that_never_end_cost_linear_time(unit):
    small, big = cost("<p>x</p>" + unit * 5000), cost("<p>x</p>" + unit * 20000)
    assert big < 8 * small + 0.05  # four times the markup: about four times, never sixteen


def test_an_unterminated_construct_is_text_and_what_follows_is_read():
    got = Collect()
    tokenize("<p>one</p><!-- never closed <b>two</b>", got)
    assert got.tags[:2] == ["p", "/p"]
    assert "".join(got.data).startswith("one")


@pytest.mark.parametrize("unit", ['<a href="', "<!-- ", "<!x "])
def test_past_the_budget_no_words_are_lost(unit):
    got = Collect()
    tokenize("<p>first</p>" + unit * 30000 + "words after", got)
    text = "".join(got.data)
    assert text.startswith("first") and text.endswith("words after")


@pytest.mark.parametrize("section", ["<![CD", "<![CDtd[x]]>", "<![if !supportLists]>", "<![endif]>"])
def test_a_marked_section_the_stdlib_refuses_is_read_past(section):
    # html.parser raises AssertionError on a marked section of a keyword it does not know ("<![CD",
    # a CDATA section cut off); Word's "<![if ...]>" it reads. A mail or page holding either is read
    got = Collect()
    tokenize(f"<p>before</p>{section}<p>after</p>", got)
    text = "".join(got.data)
    assert text.startswith("before") and text.endswith("after")
