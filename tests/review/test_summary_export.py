"""The summary a committee posts (issue 13): digest, Markdown, plain text, HTML and JSON. No database."""

import json
import re
from html.parser import HTMLParser

import pytest

from review.exports import ExportOptions, from_json, to_html, to_json, to_markdown, to_text
from review.exports.digest import digest, first_paragraph, in_dispute, overview, plural, redline_text, settled
from review.matrix.verdicts import tally
from tests.review.test_exports import assert_wrapped, make_summary


def summary_kind():
    s = make_summary()
    s.options = ExportOptions(kind="summary")
    s.clauses[0].threads[0].url = "https://clausewise.example/reviews/42/#t-7"
    s.clauses[0].threads[1].url = "https://clausewise.example/reviews/42/#t-8"
    return s


def test_grammar_of_counts():
    assert tally(["conflicts"]).label() == "1 conflict"
    assert tally(["concern", "concern", "complies"]).label() == "2 concerns, 1 complies"
    assert tally(["complies", "complies"]).label() == "2 comply"
    assert plural(1, "clause") == "1 clause" and plural(0, "clause") == "0 clauses"
    assert overview(summary_kind()) == "1 clause in dispute, 1 settled; 1 open thread, 1 resolved."


def test_first_paragraph_is_the_writers_own_words():
    assert first_paragraph("> quoted mail\n> more\n\nMy point is\nthis.\n\nSecond.") == "My point is this."
    assert first_paragraph("```\ncode\n\nmore code\n```\n\nAfter.") == "After."
    assert first_paragraph("word " * 200).endswith("…")
    assert len(first_paragraph("word " * 200)) <= 601
    assert first_paragraph("") == ""


def test_digest_picks_clauses_in_dispute_with_reasons_questions_wording_and_threads():
    s = summary_kind()
    [d] = digest(s)
    assert d.clause.anchor == "2.2.b"
    assert [(r.reviewer, r.verdict) for r in d.reasons] == [
        ("alice", "conflicts"),
        ("Eve <img src=x onerror=alert(1)>", "complies"),
        ("bob", "concern"),
    ]
    assert d.reasons[2].reason == "Military users are a group."
    assert [(q.author, q.thread_id) for q in d.questions] == [("Eve <img onerror>", 7)]
    [w] = d.wordings
    assert (w.author, w.thread_id) == ("alice", 7)
    assert ("delete", "not ") in w.redline
    assert [t.id for t in d.threads] == [7, 8]
    assert [c.anchor for c in settled(s)] == ["x"]
    assert not in_dispute(s.clauses[2])


def test_a_position_without_rationale_takes_the_reviewers_words_from_its_thread():
    s = summary_kind()
    s.clauses[0].positions[0].rationale = ""
    [d] = digest(s)
    assert d.reasons[0].reason == "This is a **field-of-use** restriction."


def test_summary_markdown_is_short_wrapped_and_links_back():
    s = summary_kind()
    md = to_markdown(s)
    assert_wrapped(md)
    assert md.startswith("# Summary of the review of")
    assert "## Clauses in dispute" in md
    assert "- bob, OSD 5: concern. Military users are a group." in md
    assert "Open questions:" in md
    assert "You may ~~not~~ use the Software" in md
    assert "https://clausewise.example/reviews/42/#t-7" in md.split()
    assert "1 conflict, 1" in md and "1 conflicts" not in md
    # The summary does not re-paste the thread: the code block and the long word stay out.
    assert "code line" not in md and "averyveryverylong" not in md


def test_plain_text_for_the_mailing_list():
    text = to_text(summary_kind())
    assert_wrapped(text)
    assert "#" not in "".join(line[:1] for line in text.splitlines())  # no Markdown headings
    assert "Clauses in dispute\n------------------" in text
    assert "You may [-not-] use the Software" in text
    assert "{+purpose.+}" in text


class Walk(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def walk(page):
    w = Walk()
    w.feed(page)
    return w


@pytest.mark.parametrize("kind", ["summary", "transcript"])
def test_html_renders_markdown_and_redlines_and_stays_safe(kind):
    s = summary_kind()
    s.options = ExportOptions(kind=kind)
    page = to_html(s)
    w = walk(page)
    tags = [t for t, _ in w.tags]
    assert "**" not in page  # Markdown is rendered, not shown raw
    assert "del" in tags and "ins" in tags  # suggested wording as a redline
    assert "script" not in tags and "img" not in tags
    for _, attrs in w.tags:
        assert not any(name.startswith("on") for name in attrs)
        assert not (attrs.get("href") or "").lower().startswith("javascript")
    text = "".join(w.text)
    assert "<script>alert(1)</script> why?" in text  # raw HTML in a comment stays text
    if kind == "transcript":
        assert ("strong", {}) in w.tags  # **field-of-use**


def test_html_prints_each_address_once():
    page = to_html(summary_kind())
    w = walk(page)
    # Links that show their own address carry class "url", which print leaves alone; the others
    # (such as "The review online") get the address printed after them.
    for tag, attrs in w.tags:
        if tag == "a" and attrs.get("href", "").startswith("http"):
            label_is_url = "url" in (attrs.get("class") or "").split()
            assert label_is_url or attrs["href"] not in re.sub(r"<[^>]+>", "", page).split()
    assert 'a[href^="http"]:not(.url)::after' in page
    assert ("a", {"class": "review-link", "href": "https://clausewise.example/reviews/42/"}) in w.tags


def test_json_summary_carries_the_digest_and_round_trips():
    s = summary_kind()
    doc = json.loads(to_json(s))
    assert doc["options"]["kind"] == "summary"
    [clause] = doc["digest"]["in_dispute"]
    assert clause["anchor"] == "2.2.b"
    assert clause["open_questions"][0]["url"] == "https://clausewise.example/reviews/42/#t-7"
    assert ["delete", "not "] in clause["suggested_wording"][0]["redline"]
    assert doc["digest"]["settled"] == ["x"]
    assert doc["clauses"][0]["threads"][0]["url"] == "https://clausewise.example/reviews/42/#t-7"
    assert from_json(to_json(s)) == s
    transcript = summary_kind()
    transcript.options = ExportOptions(kind="transcript")
    assert "digest" not in json.loads(to_json(transcript))


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        ExportOptions(kind="novel")


def test_redline_text():
    assert (
        redline_text([("equal", "a "), ("delete", "b "), ("insert", "c "), ("equal", "d")])
        == "a [-b-] {+c+} d"
    )
