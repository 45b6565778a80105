"""review.exports.markdown: the Markdown summary and transcript, and the plain-text summary.

Pure: each test builds a ReviewSummary by hand (tests/review/exports/builders.py) and reads the
text a list subscriber would read.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from review.exports.data import Clause, Comment, Criterion, ExportOptions, Position, Thread
from review.exports.markdown import _redline_markdown, to_markdown, to_text, wrap, wrap_markdown
from tests.review.exports.builders import BASE, T0, T0_PLUS_2, decision, notices_clause, small_summary

URL80 = "https://example.org/" + "a" * 80

SUMMARY_MD = """\
# Summary of the review of Demo License, version 1.0

Status: open
Review:
https://x.example/r/1/

1 clause in dispute, 1 settled; 1 open thread, 1 resolved.

## Criteria

- OSD 3, Derived works: 1 concern, 1 complies (reviewers disagree)
  Clauses in conflict or concern: 4.1 (concern)

## Clauses in dispute

### 4.1 Notices
https://x.example/r/1/#c-4.1

> You must keep all notices intact.

Positions:
- ann, OSD 3: concern. Too strict.
- ben, OSD 3: complies.

Open questions:
- ann (thread 5): Which notices?

Suggested wording by ann (thread 5):
  You must keep ~~all~~ **the copyright** notices intact.

Threads:
- Thread 5 (open, OSD 3) on “all notices”: 1 comment, started by ann
  https://x.example/r/1/#t-5

## Settled

No negative position and no open thread: 5.
"""

SUMMARY_TEXT = """\
Summary of the review of Demo License, version 1.0
==================================================

Status: open
Review:
https://x.example/r/1/

1 clause in dispute, 1 settled; 1 open thread, 1 resolved.

Criteria
--------

- OSD 3, Derived works: 1 concern, 1 complies (reviewers disagree)
  Clauses in conflict or concern: 4.1 (concern)

Clauses in dispute
------------------

In suggested wording, [-words-] are removed and {+words+} added.

4.1 Notices
-----------
https://x.example/r/1/#c-4.1

> You must keep all notices intact.

Positions:
- ann, OSD 3: concern. Too strict.
- ben, OSD 3: complies.

Open questions:
- ann (thread 5): Which notices?

Suggested wording by ann (thread 5):
  You must keep [-all-] {+the copyright+} notices intact.

Threads:
- Thread 5 (open, OSD 3) on “all notices”: 1 comment, started by ann
  https://x.example/r/1/#t-5

Settled
-------

No negative position and no open thread: 5.
"""

TRANSCRIPT_MD = """\
# Review of Demo License, version 1.0

Status: open
Review:
https://x.example/r/1/

## Criteria

- OSD 3, Derived works: 1 concern, 1 complies (reviewers disagree)
  Clauses in conflict or concern: 4.1 (concern)
- OSD 9, No other software: no positions

## Clauses with positions or threads

### 4.1 Notices
https://x.example/r/1/#c-4.1

> You must keep all notices intact.

Positions:

- ann, OSD 3: concern (threads 5)
  Too strict.

  Second para.
- ben, OSD 3: complies

Thread 5 (open, OSD 3)

> all notices

- ann, 2026-03-01 09:30 UTC, question:
  Which notices?

  Suggested wording:
  > You must keep the copyright notices intact.

### 5
https://x.example/r/1/#c-5

> Fine.

Thread 6 (resolved)

- cy, 2026-03-01 09:30 UTC, note:
  ok

- dee, 2026-03-01 09:30 UTC, support:
  yes
"""


# The three documents, whole ------------------------------------------------------------------


def test_summary_markdown_reads_as_a_committee_post():
    assert to_markdown(small_summary("summary")) == SUMMARY_MD


def test_plain_text_summary_underlines_headings_and_marks_redlines_wdiff_style():
    assert to_text(small_summary("summary")) == SUMMARY_TEXT


def test_plain_text_is_the_summary_whatever_kind_the_options_ask():
    assert to_text(small_summary("transcript")) == SUMMARY_TEXT


def test_transcript_lists_every_comment_under_its_clause():
    assert to_markdown(small_summary("transcript")) == TRANSCRIPT_MD


def test_transcript_and_summary_differ_in_what_they_repeat():
    summary = to_markdown(small_summary("summary"))
    transcript = to_markdown(small_summary("transcript"))
    # the transcript has every comment with its date; the summary only the first paragraph
    assert "Second para." in transcript and "Second para." not in summary
    assert "- cy, 2026-03-01 09:30 UTC, note:" in transcript and "cy," not in summary
    # the summary links every thread; the transcript names them
    assert "  https://x.example/r/1/#t-5" in summary.splitlines()
    assert "https://x.example/r/1/#t-5" not in transcript


# Header ----------------------------------------------------------------------------------------


def test_header_names_spdx_id_and_leaves_out_an_empty_version():
    md = to_markdown(small_summary("transcript", spdx_id="Demo-1.0", version_label=""))
    assert md.startswith("# Review of Demo License (SPDX: Demo-1.0)\n\nStatus: open\n")


def test_header_shows_the_decision_in_utc_with_its_rationale_indented():
    md = to_markdown(small_summary("transcript", decision=decision()))
    assert (
        "Review:\nhttps://x.example/r/1/\n\nDecision by mod on 2026-03-01 09:30 UTC:\n"
        "  Approved after the notice change.\n\n## Criteria\n"
    ) in md


def test_header_says_which_criterion_and_that_resolved_threads_are_left_out():
    summary = small_summary("transcript")
    summary.options = ExportOptions(kind="transcript", criterion="osd-3", include_resolved=False)
    md = to_markdown(summary)
    assert "https://x.example/r/1/\n\nOnly OSD 3. Resolved threads are left out.\n\n## Criteria" in md


def test_header_names_an_unknown_criterion_by_its_key():
    summary = small_summary("transcript")
    summary.options = ExportOptions(kind="transcript", criterion="osd-77")
    assert "\nOnly osd-77.\n" in to_markdown(summary)


def test_header_without_options_has_no_notes():
    md = to_markdown(small_summary("transcript"))
    assert "Only" not in md and "left out" not in md


def test_a_long_title_stays_on_its_heading_line():
    # a Markdown heading cannot go on over a line break: wrapped, it would render cut short
    md = to_markdown(small_summary("transcript", license_name="Very " * 14 + "Long License"))
    first, second = md.splitlines()[:2]
    assert first == "# Review of" + " Very" * 14 + " Long License, version 1.0"
    assert second == ""
    from markdown_it import MarkdownIt

    html = MarkdownIt().render(md)
    assert "<h1>Review of" + " Very" * 14 + " Long License, version 1.0</h1>" in html


def test_plain_text_heading_underline_is_as_long_as_its_longest_line_at_most_72():
    text = to_text(small_summary(license_name="Very " * 14 + "Long License"))
    lines = text.splitlines()
    underline = lines.index(next(line for line in lines if set(line) == {"="}))
    assert underline == 2  # the title took two lines
    assert len(lines[underline]) == max(len(lines[0]), len(lines[1]))
    short = to_text(small_summary(license_name="L", version_label=""))
    assert short.startswith("Summary of the review of L\n==========================\n")


# Criteria --------------------------------------------------------------------------------------


def test_summary_lists_only_criteria_with_positions():
    md = to_markdown(small_summary("summary"))
    assert "OSD 3, Derived works" in md and "OSD 9" not in md


def test_summary_without_any_position_says_so():
    summary = small_summary("summary", clauses=[replace(notices_clause(), positions=[])])
    assert "## Criteria\n\nNo reviewer has taken a position yet.\n" in to_markdown(summary)


def test_transcript_lists_every_criterion_even_without_positions():
    summary = small_summary("transcript", clauses=[])
    md = to_markdown(summary)
    assert md.endswith(
        "## Criteria\n\n- OSD 3, Derived works: no positions\n- OSD 9, No other software: no positions\n"
    )
    assert "Clauses with positions or threads" not in md


def test_criterion_counts_agree_in_number_and_flag_each_clause_in_conflict():
    clauses = [
        Clause("1", "1", BASE + "#c-1", positions=[Position("a", "osd-3", "conflicts", "", T0)]),
        Clause("2", "2", BASE + "#c-2", positions=[Position("b", "osd-3", "conflicts", "", T0)]),
        Clause("3", "3", BASE + "#c-3", positions=[Position("c", "osd-3", "concern", "", T0)]),
        Clause("4", "4", BASE + "#c-4", positions=[Position("d", "osd-3", "not_applicable", "", T0)]),
    ]
    md = to_markdown(small_summary("transcript", clauses=clauses))
    assert "- OSD 3, Derived works: 2 conflicts, 1 concern, 1 not applicable\n" in md
    assert "  Clauses in conflict or concern: 1 (conflicts), 2 (conflicts), 3\n  (concern)\n" in md
    assert "(reviewers disagree)" not in md  # conflict beside concern is no disagreement


# Transcript clauses ----------------------------------------------------------------------------


def test_transcript_skips_clauses_without_positions_or_threads():
    md = to_markdown(small_summary("transcript"))
    assert "### 6" not in md and "Nothing here." not in md


def test_transcript_quotes_an_empty_clause_text_as_an_empty_quote():
    clause = replace(notices_clause(), text="", heading="")
    md = to_markdown(small_summary("transcript", clauses=[clause]))
    assert "### 4.1\nhttps://x.example/r/1/#c-4.1\n\n>\n\nPositions:" in md


def test_transcript_position_lists_all_its_threads_and_unknown_criteria_by_key():
    clause = replace(
        notices_clause(), positions=[Position("ann", "osd-x", "conflicts", "", T0, [5, 12])], threads=[]
    )
    md = to_markdown(small_summary("transcript", clauses=[clause]))
    assert md.endswith("Positions:\n\n- ann, osd-x: conflicts (threads 5, 12)\n")


def test_transcript_thread_without_quote_or_criterion():
    thread = Thread(id=9, status="open", quote="  ", criterion_key="osd-x", comments=[])
    clause = replace(notices_clause(), positions=[], threads=[thread])
    md = to_markdown(small_summary("transcript", clauses=[clause]))
    assert md.endswith("> You must keep all notices intact.\n\nThread 9 (open, osd-x)\n")


def test_transcript_comment_prints_its_date_in_utc_and_skips_blank_wording():
    comment = Comment("eve", T0_PLUS_2, "proposal", "Use **bold** here.", suggested_wording="  \n ")
    thread = Thread(id=9, status="open", comments=[comment])
    clause = replace(notices_clause(), positions=[], threads=[thread])
    md = to_markdown(small_summary("transcript", clauses=[clause]))
    assert md.endswith("Thread 9 (open)\n\n- eve, 2026-03-01 09:30 UTC, proposal:\n  Use **bold** here.\n")


def test_user_markdown_is_copied_as_written_not_escaped():
    """A comment body is Markdown already: emphasis, lists and headings stay as the writer typed."""
    comment = Comment("eve", T0, "note", "# Heading\n\n*stress* and `code` <b>tag</b>")
    thread = Thread(id=9, status="open", comments=[comment])
    clause = replace(notices_clause(), positions=[], threads=[thread])
    md = to_markdown(small_summary("transcript", clauses=[clause]))
    assert "  # Heading\n\n  *stress* and `code` <b>tag</b>\n" in md


# Summary clauses -------------------------------------------------------------------------------


def test_summary_leaves_out_sections_it_has_nothing_for():
    summary = small_summary("summary", clauses=[notices_clause()])
    summary.clauses[0].threads = []
    summary.clauses[0].positions = [Position("ann", "osd-3", "conflicts", "", T0)]
    md = to_markdown(summary)
    assert md.endswith("> You must keep all notices intact.\n\nPositions:\n- ann, OSD 3: conflicts.\n")
    assert "Settled" not in md and "Open questions" not in md and "Threads:" not in md


def test_summary_with_nothing_in_dispute_has_no_dispute_heading():
    md = to_markdown(small_summary("summary", clauses=[small_summary().clauses[1]]))
    assert "Clauses in dispute" not in md
    assert md.endswith("## Settled\n\nNo negative position and no open thread: 5.\n")
    assert "0 clauses in dispute, 1 settled; 0 open threads, 1 resolved." in md


def test_summary_thread_links_count_comments_in_the_plural_and_name_who_started():
    long_quote = "word " * 30
    threads = [
        Thread(id=1, status="open", quote=long_quote, comments=[Comment("a", T0, "note", "x")] * 2),
        Thread(id=2, status="open", criterion_key="osd-x", comments=[]),
    ]
    clause = replace(notices_clause(), positions=[], threads=threads)
    md = to_markdown(small_summary("summary", clauses=[clause]))
    flat = " ".join(md.split())
    assert "- Thread 1 (open) on “" + "word " * 16 + "…”: 2 comments, started by a -" in flat
    assert "- Thread 2 (open, osd-x) on the whole clause: 0 comments\n" in md
    assert "https://" not in md.split("Threads:")[1]  # threads without a URL get no link line


def test_summary_reason_falls_back_to_the_reviewers_words_in_the_thread():
    clause = notices_clause()
    clause.positions = [Position("ann", "osd-3", "conflicts", "", T0, [5])]
    md = to_markdown(small_summary("summary", clauses=[clause]))
    assert "- ann, OSD 3: conflicts. Which notices?\n" in md


def test_summary_wraps_long_reasons_under_their_bullet():
    clause = notices_clause()
    clause.positions = [Position("ann", "osd-3", "concern", "because " * 20, T0)]
    md = to_markdown(small_summary("summary", clauses=[clause]))
    lines = md.split("Positions:\n")[1].splitlines()
    assert lines[0].startswith("- ann, OSD 3: concern. because because")
    assert lines[1].startswith("  because") and len(lines[0]) <= 72


def test_plain_text_legend_appears_only_when_there_is_suggested_wording():
    clause = notices_clause()
    clause.threads[0].comments[0].suggested_wording = ""
    text = to_text(small_summary(clauses=[clause]))
    assert "[-words-]" not in text and "Suggested wording" not in text
    assert "In suggested wording" not in to_markdown(small_summary("summary"))


def test_summary_redline_of_a_rewritten_tail():
    clause = replace(notices_clause(), text="Keep the notice.")
    clause.threads[0].comments[0].suggested_wording = "Keep every notice and the licence."
    md = to_markdown(small_summary("summary", clauses=[clause]))
    assert "  Keep ~~the notice~~**every notice and the licence**.\n" in md


def test_redline_marks_hug_the_words_and_leave_spaces_outside():
    pieces = [("equal", "a "), ("delete", "b "), ("insert", " c  "), ("insert", "  "), ("equal", "d ")]
    assert _redline_markdown(pieces) == "a ~~b~~  **c**    d"
    assert _redline_markdown([("insert", "new "), ("equal", "old")]) == "**new** old"


def test_every_line_of_every_document_ends_without_trailing_space():
    for doc in (
        to_markdown(small_summary("summary", decision=decision())),
        to_markdown(small_summary("transcript", decision=decision())),
        to_text(small_summary(decision=decision())),
    ):
        assert all(line == line.rstrip() for line in doc.splitlines())
        assert doc.endswith("\n") and not doc.endswith("\n\n")


# wrap ------------------------------------------------------------------------------------------


def test_wrap_fills_to_72_columns_with_a_hanging_indent():
    lines = wrap("w " * 40, "- ", "  ")
    assert lines == ["- " + "w " * 34 + "w", "  " + "w " * 4 + "w"]
    assert len(lines[0]) == 71


def test_wrap_uses_the_first_indent_for_every_line_by_default():
    assert wrap("aa bb cc", "> ", width=6) == ["> aa", "> bb", "> cc"]


def test_wrap_of_nothing_is_the_bare_prefix():
    assert wrap("  \n ", "- ") == ["-"]
    assert wrap("", "") == [""]


def test_wrap_never_breaks_a_url_even_in_brackets_or_with_punctuation():
    for word in (
        URL80,
        f"<{URL80}>",
        f"({URL80}),",
        "mailto:" + "x" * 80 + "@example.org",
        "FTP://" + "f" * 80,
    ):
        assert wrap(f"see {word} ok", "  ") == ["  see", "  " + word, "  ok"]


def test_wrap_breaks_an_overlong_word_that_is_not_a_url():
    word = "example.org/" + "a" * 100
    lines = wrap(word, "> ")
    assert lines == ["> " + word[:70], "> " + word[70:]]


def test_wrap_keeps_hyphenated_words_whole():
    assert wrap("well-known hyphenated-words", width=22) == ["well-known", "hyphenated-words"]


def test_wrap_breaks_an_overlong_hyphenated_word_at_the_width_not_at_its_hyphen():
    word = "x" * 50 + "-" + "y" * 50
    assert wrap(word, "> ") == ["> " + word[:70], "> " + word[70:]]


def test_wrap_breaks_an_overlong_first_word_under_an_indent_of_another_length():
    assert wrap("z" * 100, "* ", "") == ["* " + "z" * 70, "z" * 30]


def test_wrap_breaks_an_overlong_first_word_under_a_bullet_shorter_than_the_indent():
    assert wrap("z" * 100, "- ", "    ") == ["- " + "z" * 70, "    " + "z" * 30]


def test_a_blank_code_line_is_kept_under_a_prefix_as_wide_as_the_page():
    assert wrap_markdown("```\n\n```", ">" * 10, width=10) == [">" * 10 + "```", ">" * 10, ">" * 10 + "```"]


def test_wrap_takes_a_one_letter_scheme_for_a_url():
    word = "X://" + "a" * 80
    assert wrap(word, "  ") == ["  " + word]


def test_wrap_breaks_overlong_words_with_the_following_indent():
    word = "z" * 100
    assert wrap("a " + word, "- ", "  ") == ["- a", "  " + "z" * 70, "  " + "z" * 30]


# wrap_markdown ---------------------------------------------------------------------------------


def test_paragraph_lines_are_joined_and_reflowed():
    assert wrap_markdown("one\ntwo\nthree", "  ") == ["  one two three"]


def test_blank_lines_separate_blocks_once_and_none_trail():
    assert wrap_markdown("a\n\n\n\nb\n\n\n", "  ") == ["  a", "", "  b"]
    assert wrap_markdown("a\n\n\nb", "> ") == ["> a", ">", "> b"]
    assert wrap_markdown("   \n\n") == []
    assert wrap_markdown("\n\na") == ["a"]


def test_list_items_start_blocks_and_continue_under_their_marker():
    source = "Intro\n- item one\n  more\n- two\n10. ten\n    tail\n* star\n+ plus\n3) paren"
    assert wrap_markdown(source, "  ") == [
        "  Intro",
        "  - item one more",
        "  - two",
        "  10. ten tail",
        "  * star",
        "  + plus",
        "  3) paren",
    ]


def test_a_long_list_item_wraps_aligned_under_its_text():
    lines = wrap_markdown("12. " + "word " * 20, width=30)
    assert lines == ["12. word word word word word"] + ["    word word word word word"] * 3


def test_fenced_code_is_kept_line_by_line():
    source = "Before\n```python\nx  =  1\n  y = 2\n```\nafter\n~~~\nz   z\n~~~"
    assert wrap_markdown(source, "  ") == [
        "  Before",
        "  ```python",
        "  x  =  1",
        "    y = 2",
        "  ```",
        "  after",
        "  ~~~",
        "  z   z",
        "  ~~~",
    ]


def test_blank_lines_inside_a_fence_are_kept():
    assert wrap_markdown("```\na\n\nb\n```") == ["```", "a", "", "b", "```"]


def test_an_overlong_code_line_is_hard_split_but_a_lone_url_is_not():
    assert wrap_markdown("```\n" + "x" * 30 + "\n```", "  ", width=12) == [
        "  ```",
        "  xxxxxxxxxx",
        "  xxxxxxxxxx",
        "  xxxxxxxxxx",
        "  ```",
    ]
    assert wrap_markdown("```\n" + URL80 + "\n```") == ["```", URL80, "```"]


def test_code_split_keeps_eight_columns_under_a_deep_prefix():
    lines = wrap_markdown("```\n" + "x" * 20 + "\n```", " " * 10, width=12)
    assert lines[1:-1] == [" " * 10 + "x" * 8, " " * 10 + "x" * 8, " " * 10 + "x" * 4]


def test_quoted_mail_keeps_its_nesting():
    assert wrap_markdown("> a\nplain\n> > c\n> d") == ["> a", "plain", "> > c", "> d"]


def test_a_long_quoted_line_wraps_inside_its_quote():
    lines = wrap_markdown("> > " + "said " * 20, "  ")
    assert lines[0].startswith("  > > said") and lines[1].startswith("  > > said")
    assert all(len(line) <= 72 for line in lines)


def test_line_endings_and_tabs_are_normalised():
    assert wrap_markdown("a\r\nb\rc\n\n\tx") == ["a b c", "", "x"]
    assert wrap_markdown("```\n\tx\n```") == ["```", "    x", "```"]
    assert wrap_markdown("```\r\nx\r\n```") == ["```", "x", "```"]
    assert wrap_markdown("```\rx   y\r```") == ["```", "x   y", "```"]


def test_an_indented_fence_inside_a_list_item_is_code():
    assert wrap_markdown("- item\n\n  ```\n  a   b\n  ```", "  ") == [
        "  - item",
        "",
        "    ```",
        "    a   b",
        "    ```",
    ]


def test_a_code_line_of_exactly_the_width_is_not_split():
    assert wrap_markdown("```\n" + "x" * 70 + "\n```", "  ") == ["  ```", "  " + "x" * 70, "  ```"]


@pytest.mark.parametrize("kind", ["summary", "transcript"])
def test_every_line_fits_72_columns_but_lone_urls(kind):
    clause = notices_clause()
    clause.threads[0].comments[0].body = "word " * 40 + "\n\n" + URL80
    clause.text = "Text " * 40
    md = to_markdown(small_summary(kind, clauses=[clause]))
    for line in md.splitlines():
        assert len(line) <= 72 or line.strip() == URL80, line


def test_criterion_labels_default_to_the_osd_number_or_the_key():
    assert small_summary(criteria=[Criterion("osd-3", 3, "t")]).criteria[0].label == "OSD 3"
    other = small_summary(criterion_set="eu-1", criteria=[Criterion("eu-a", 1, "t")])
    assert other.criteria[0].label == "eu-a"


LONG_NAME = ("Reviewer " + "with a very long name " * 3).strip()


def test_transcript_long_lines_hang_under_their_bullet_or_heading():
    criteria = [Criterion("osd-3", 3, ("Derived works and " + "many other words " * 3).strip())]
    clauses = [
        Clause(
            path=f"{n}.{n}",
            anchor=str(n),
            url=BASE + f"#c-{n}",
            heading="A heading of quite some length that goes on and on about the Software" if n == 1 else "",
            positions=[Position(LONG_NAME, "osd-3", "conflicts", "", T0, [n])],
            threads=[Thread(n, "open", comments=[Comment(LONG_NAME, T0, "note", "x")])] if n == 1 else [],
        )
        for n in range(1, 8)
    ]
    md = to_markdown(small_summary("transcript", criteria=criteria, clauses=clauses))
    assert (
        "\n- OSD 3, Derived works and many other words many other words many other\n  words: 7 conflicts\n"
        in md
    )
    assert (
        "\n  Clauses in conflict or concern: 1.1 (conflicts), 2.2 (conflicts), 3.3\n"
        "  (conflicts), 4.4 (conflicts), 5.5 (conflicts), 6.6 (conflicts), 7.7\n  (conflicts)\n"
    ) in md
    assert "\n### 1.1 A heading of quite some length that goes on and on about the\n    Software\n" in md
    assert (
        "\n- Reviewer with a very long name with a very long name with a very long\n"
        "  name, OSD 3: conflicts (threads 1)\n"
    ) in md
    assert (
        "\n- Reviewer with a very long name with a very long name with a very long\n"
        "  name, 2026-03-01 09:30 UTC, note:\n"
    ) in md


def test_summary_long_questions_and_reasons_hang_under_their_bullet():
    clause = notices_clause()
    clause.threads[0].comments[0].author = LONG_NAME
    clause.positions = [Position("ann", "osd-x", "conflicts", "", T0)]
    md = to_markdown(small_summary("summary", clauses=[clause]))
    assert (
        "\n- Reviewer with a very long name with a very long name with a very long\n"
        "  name (thread 5): Which notices?\n"
    ) in md
    assert "\n- ann, osd-x: conflicts.\n" in md  # a criterion the summary does not list: its key


def test_summary_lists_every_settled_clause():
    settled = [
        Clause(str(n), str(n), BASE + f"#c-{n}", positions=[Position("a", "osd-3", "complies", "", T0)])
        for n in (1, 2, 3)
    ]
    md = to_markdown(small_summary("summary", clauses=settled))
    assert md.endswith("## Settled\n\nNo negative position and no open thread: 1, 2, 3.\n")


def test_summary_quotes_an_empty_clause_text_as_an_empty_quote():
    clause = replace(notices_clause(), text="")
    md = to_markdown(small_summary("summary", clauses=[clause]))
    assert "### 4.1 Notices\nhttps://x.example/r/1/#c-4.1\n\n>\n\nPositions:" in md


def test_dates_print_in_utc_whatever_the_servers_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        md = to_markdown(small_summary("transcript", decision=decision()))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "Decision by mod on 2026-03-01 09:30 UTC:" in md
    assert "- cy, 2026-03-01 09:30 UTC, note:" in md


MAIL_QUOTE = """\
> You must keep this notice and the copyright line in every copy you make
> of the Software, and you must state all the changes you made to the
> files of the Software in a notice.
>
> > an older quote that was also wrapped at seventy two columns by its
> > writer and goes on.
I agree."""


def test_quoted_mail_is_reflowed_paragraph_by_paragraph_at_each_level():
    assert wrap_markdown(MAIL_QUOTE, "  ") == [
        "  > You must keep this notice and the copyright line in every copy you",
        "  > make of the Software, and you must state all the changes you made to",
        "  > the files of the Software in a notice.",
        "  >",
        "  > > an older quote that was also wrapped at seventy two columns by its",
        "  > > writer and goes on.",
        "  I agree.",
    ]
    assert wrap_markdown("> a\n>b\n>> c\n> > d") == ["> a b", ">> c d"]


def test_quoted_items_headings_and_code_keep_their_lines():
    source = "> - one\n> - two\n> # Title\n> text\n> ```\n> x = 1\n> y = 2\n> ```\n> after\n> more"
    assert wrap_markdown(source) == [
        "> - one",
        "> - two",
        "> # Title",
        "> text",
        "> ```",
        "> x = 1",
        "> y = 2",
        "> ```",
        "> after more",
    ]


def test_quoted_tilde_fences_and_indented_headings_keep_their_lines():
    assert wrap_markdown("> ~~~\n> a\n> b\n> ~~~\n>  # Title\n> text") == [
        "> ~~~",
        "> a",
        "> b",
        "> ~~~",
        "> # Title",
        "> text",
    ]
