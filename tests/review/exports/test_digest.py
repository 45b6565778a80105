"""review.exports.digest on its own: what the committee's summary says about each clause."""

from __future__ import annotations

from review.exports.data import Clause, Comment, Position, Thread
from review.exports.digest import (
    digest,
    digest_clause,
    digest_to_dict,
    first_paragraph,
    in_dispute,
    overview,
    plural,
    redline_text,
    settled,
)
from tests.review.exports.builders import (
    BASE,
    T0,
    notices_clause,
    quiet_clause,
    settled_clause,
    small_summary,
)

TEXT = "The Licensee must keep every notice of the Licensor intact in all copies."


def clause(path: str = "2.2", positions=(), threads=(), text: str = TEXT) -> Clause:
    return Clause(
        path=path,
        anchor=path,
        url=f"{BASE}#c-{path}",
        text=text,
        positions=list(positions),
        threads=list(threads),
    )


def position(reviewer: str, verdict: str, rationale: str = "", thread_ids=()) -> Position:
    return Position(reviewer, "osd-6", verdict, rationale, T0, list(thread_ids))


def thread(id: int, *comments: Comment, status: str = "open", quote: str = "") -> Thread:
    return Thread(
        id=id,
        status=status,
        quote=quote,
        criterion_key="osd-6",
        url=f"{BASE}#t-{id}",
        comments=list(comments),
    )


def comment(author: str, body: str, stance: str = "note", wording: str = "") -> Comment:
    return Comment(author, T0, stance, body, suggested_wording=wording)


# ---- counts ---------------------------------------------------------------------------------


def test_counts_agree_with_their_noun() -> None:
    assert plural(1, "clause") == "1 clause"
    assert plural(0, "clause") == "0 clauses"
    assert plural(2, "open thread") == "2 open threads"
    assert plural(2, "reply", "replies") == "2 replies"
    assert plural(1, "reply", "replies") == "1 reply"


# ---- a reason in one paragraph --------------------------------------------------------------


def test_the_first_paragraph_is_joined_onto_one_line() -> None:
    assert first_paragraph("  The notice duty\r\n   reaches outputs.  \r\n\r\nSecond point.") == (
        "The notice duty reaches outputs."
    )


def test_blank_blocks_and_quoted_mail_are_skipped() -> None:
    md = "\n \n\n> Ana wrote:\n>\n> keep it\n\n  \t\n\nMy answer."
    assert first_paragraph(md) == "My answer."


def test_a_block_only_partly_quoted_is_the_writers() -> None:
    assert first_paragraph("> Ana: keep it\nNo, drop it.") == "> Ana: keep it No, drop it."


def test_fenced_code_is_skipped_however_it_is_fenced() -> None:
    assert first_paragraph("```\ncode\n```\n\nAfter.") == "After."
    assert first_paragraph("~~~\ncode\n\nmore\n~~~\n\nAfter.") == "After."
    assert first_paragraph("  ```py\nx = 1\n\ny = 2\n\nz = 3\n```\n\nAfter.") == "After."
    assert first_paragraph("```\ncode\n```\n```\nmore\n```\n\nAfter.") == "After."


def test_nothing_but_quotes_and_code_gives_nothing() -> None:
    assert first_paragraph("> quoted\n\n```\ncode\n```") == ""
    assert first_paragraph("") == ""


def test_a_long_reason_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "The licensee must keep the notice, " * 3
    assert first_paragraph(text, limit=len(text.strip())) == text.strip()
    assert first_paragraph(text, limit=40) == "The licensee must keep the notice, The…"
    assert first_paragraph(text, limit=36) == "The licensee must keep the notice…"


def test_a_reason_of_one_long_word_is_cut_where_it_must_be() -> None:
    assert first_paragraph("x" * 50, limit=10) == "x" * 10 + "…"


def test_the_default_limit_is_six_hundred_characters() -> None:
    words = "word " * 120
    assert first_paragraph(words.strip()) == words.strip()  # 599 characters
    longer = "words " * 101
    assert first_paragraph(longer) == ("words " * 99 + "words").strip() + "…"


# ---- in dispute or settled ------------------------------------------------------------------


def test_a_negative_position_or_an_open_thread_puts_a_clause_in_dispute() -> None:
    assert in_dispute(clause(positions=[position("ann", "conflicts")]))
    assert in_dispute(clause(positions=[position("ann", "complies"), position("ben", "concern")]))
    assert in_dispute(clause(threads=[thread(1, status="open")]))
    assert not in_dispute(clause(positions=[position("ann", "complies"), position("ben", "not_applicable")]))
    assert not in_dispute(clause(threads=[thread(1, status="resolved")]))
    assert not in_dispute(clause())


def test_the_digest_lists_clauses_in_dispute_in_document_order_and_names_the_settled() -> None:
    s = small_summary(
        clauses=[
            quiet_clause(),
            clause("3", threads=[thread(9)]),
            settled_clause(),
            notices_clause(),
            clause("7", positions=[position("ann", "complies")]),
        ]
    )
    assert [d.clause.path for d in digest(s)] == ["3", "4.1"]
    assert [c.path for c in settled(s)] == ["5", "7"]
    assert overview(s) == "2 clauses in dispute, 2 settled; 2 open threads, 1 resolved."


def test_the_overview_counts_in_the_singular() -> None:
    s = small_summary(clauses=[notices_clause(), settled_clause()])
    assert overview(s) == "1 clause in dispute, 1 settled; 1 open thread, 1 resolved."
    assert (
        overview(small_summary(clauses=[])) == "0 clauses in dispute, 0 settled; 0 open threads, 0 resolved."
    )


# ---- reasons --------------------------------------------------------------------------------


def test_each_position_gives_its_reason_in_one_paragraph() -> None:
    c = clause(positions=[position("ann", "conflicts", "Too broad.\n\nDetails follow.", [4])])
    [r] = digest_clause(c).reasons
    assert (r.reviewer, r.criterion_key, r.verdict, r.reason, r.thread_ids) == (
        "ann",
        "osd-6",
        "conflicts",
        "Too broad.",
        [4],
    )


def test_without_a_rationale_the_reviewers_latest_words_in_its_threads_are_the_reason() -> None:
    t = thread(
        4,
        comment("ann", "First thoughts."),
        comment("ben", "Ben's view."),
        comment("ann", "On reflection, it fails OSD 6."),
        comment("ann", "> Ben wrote:\n> fine"),
    )
    c = clause(positions=[position("ann", "conflicts", "", [4])], threads=[t])
    assert digest_clause(c).reasons[0].reason == "On reflection, it fails OSD 6."


def test_only_the_threads_a_position_rests_on_give_its_reason() -> None:
    other = thread(3, comment("ann", "Words elsewhere."))
    c = clause(positions=[position("ann", "conflicts", "", [4])], threads=[other])
    assert digest_clause(c).reasons[0].reason == ""
    c = clause(
        positions=[position("ann", "conflicts", "", [4])], threads=[thread(4, comment("ben", "Not ann."))]
    )
    assert digest_clause(c).reasons[0].reason == ""


# ---- threads, questions and wording ---------------------------------------------------------


def test_each_thread_is_linked_with_its_title_status_and_size() -> None:
    t = thread(4, comment("ann", "a"), comment("ben", "b"), quote="keep  every\nnotice", status="resolved")
    [link] = digest_clause(clause(threads=[t, thread(5)])).threads[:1]
    assert (
        link.id,
        link.url,
        link.status,
        link.title,
        link.criterion_key,
        link.comments,
        link.started_by,
    ) == (
        4,
        f"{BASE}#t-4",
        "resolved",
        "“keep every notice”",
        "osd-6",
        2,
        "ann",
    )
    empty = digest_clause(clause(threads=[thread(5)])).threads[0]
    assert (empty.title, empty.started_by, empty.comments) == ("the whole clause", "", 0)


def test_a_long_quote_is_cut_to_eighty_characters_in_the_title() -> None:
    eighty = "x" * 80
    assert digest_clause(clause(threads=[thread(1, quote=eighty)])).threads[0].title == f"“{eighty}”"
    long = digest_clause(clause(threads=[thread(1, quote=eighty + "y")])).threads[0].title
    assert long == f"“{eighty}…”"


def test_open_questions_come_from_open_threads_only() -> None:
    asked = comment("ben", "Which notices?\n\nI ask because…", stance="question")
    c = clause(
        threads=[
            thread(4, comment("ann", "A note."), asked, comment("cy", "> quoted only", stance="question")),
            thread(5, comment("dee", "Closed question?", stance="question"), status="resolved"),
        ]
    )
    [q] = digest_clause(c).questions
    assert (q.author, q.text, q.thread_id, q.url) == ("ben", "Which notices?", 4, f"{BASE}#t-4")


def test_each_authors_latest_wording_is_shown_as_a_redline() -> None:
    t = thread(
        4,
        comment("ann", "Try this.", wording="The Licensee must keep the notice intact."),
        comment("ben", "Or this.", wording="  The Licensee must keep every notice intact.  "),
        comment("ann", "Better:", wording="The Licensee must keep the copyright notice intact."),
        comment("cy", "No wording.", wording="   "),
    )
    wordings = digest_clause(clause(threads=[t])).wordings
    assert [(w.author, w.text, w.thread_id, w.url) for w in wordings] == [
        ("ann", "The Licensee must keep the copyright notice intact.", 4, f"{BASE}#t-4"),
        ("ben", "The Licensee must keep every notice intact.", 4, f"{BASE}#t-4"),
    ]
    assert wordings[0].redline == [
        ("equal", "The Licensee must keep "),
        ("delete", "every notice of the Licensor intact in all copies"),
        ("insert", "the copyright notice intact"),
        ("equal", "."),
    ]


def test_a_wording_that_changes_nothing_is_left_out() -> None:
    t = thread(4, comment("ann", "Same.", wording=TEXT))
    assert digest_clause(clause(threads=[t])).wordings == []


def test_wording_in_a_resolved_thread_is_still_shown() -> None:
    t = thread(4, comment("ann", "x", wording="Keep the notices."), status="resolved")
    assert [w.author for w in digest_clause(clause(threads=[t])).wordings] == ["ann"]


# ---- plain-text redline ---------------------------------------------------------------------


def test_a_plain_text_redline_marks_words_and_keeps_spaces_outside_the_marks() -> None:
    pieces = [("equal", "keep "), ("delete", "every "), ("insert", "the copyright\n"), ("equal", "notice")]
    assert redline_text(pieces) == "keep [-every-] {+the copyright+}\nnotice"
    assert redline_text([("equal", "  a "), ("insert", "b  ")]) == "a {+b+}"


# ---- JSON -----------------------------------------------------------------------------------


def test_the_digest_as_json() -> None:
    doc = digest_to_dict(small_summary())
    assert doc["overview"] == "1 clause in dispute, 1 settled; 1 open thread, 1 resolved."
    assert doc["settled"] == ["5"]
    [entry] = doc["in_dispute"]
    assert {k: entry[k] for k in ("anchor", "path", "url")} == {
        "anchor": "4.1",
        "path": "4.1",
        "url": BASE + "#c-4.1",
    }
    assert entry["positions"] == [
        {
            "reviewer": "ann",
            "criterion": "osd-3",
            "verdict": "concern",
            "reason_markdown": "Too strict.",
            "thread_ids": [5],
        },
        {
            "reviewer": "ben",
            "criterion": "osd-3",
            "verdict": "complies",
            "reason_markdown": "",
            "thread_ids": [],
        },
    ]
    assert entry["open_questions"] == [
        {"author": "ann", "text_markdown": "Which notices?", "thread_id": 5, "url": BASE + "#t-5"}
    ]
    [wording] = entry["suggested_wording"]
    assert {k: wording[k] for k in ("author", "text", "thread_id", "url")} == {
        "author": "ann",
        "text": "You must keep the copyright notices intact.",
        "thread_id": 5,
        "url": BASE + "#t-5",
    }
    assert wording["redline"] == [
        ["equal", "You must keep "],
        ["delete", "all "],
        ["insert", "the copyright "],
        ["equal", "notices intact."],
    ]
    assert entry["threads"] == [
        {
            "id": 5,
            "url": BASE + "#t-5",
            "status": "open",
            "title": "“all notices”",
            "criterion": "osd-3",
            "comments": 1,
        }
    ]


def test_an_indented_fence_further_down_is_still_a_fence() -> None:
    assert first_paragraph("> Ana wrote:\n> keep it\n\n  ```\ncode\n\nmore code\n  ```\n\nAfter.") == "After."


def test_a_quote_with_indented_lines_is_still_quoted_mail() -> None:
    assert first_paragraph("> Ana wrote:\n  > keep it\n\nMine.") == "Mine."


def test_a_cut_after_a_word_ending_in_a_capital_x_keeps_it() -> None:
    assert first_paragraph("It runs on macOS X and on Linux too.", limit=20) == "It runs on macOS X…"
