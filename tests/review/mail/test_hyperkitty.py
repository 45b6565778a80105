"""review.mail.hyperkitty: a Mailman 3 (HyperKitty) thread page, saved from the browser.

The page below is built the way HyperKitty's templates render a thread (messages/message.html
inside thread.html and ajax/replies.html): the first mail unfolded, then each reply in a
<div> whose left margin is twice its depth in the thread, an author name (or an address with
"@" written "(a)"), the viewer's time with the sender's own time in a tooltip ("Sender's
time: May 6, 2025, 10 a.m.", Django's format, no zone), and a body rendered with quotes as
<blockquote class="quoted-text"> behind a "..." switch and newlines kept (white-space:
pre-wrap). The words are ours. Run without Django: pytest -p no:django.
"""

from __future__ import annotations

from review.mail.hyperkitty import looks_like_hyperkitty, split_hyperkitty
from review.mail.parse import parse_thread, parse_thread_bytes


def email(hash_, name, day, sender_time, body, *, first=False):
    return f"""
<div class="email{" email-first" if first else ""}">
    <div id="{hash_}" class="email-header">
        <div class="gravatar-wrapper d-flex">
            <div class="gravatar circle"><img class="gravatar" src="/avatar/{hash_}" width="120" height="120" alt="" /></div>
            <div class="email-author d-flex">
                <h2 class="name">
                    <a href="/hyperkitty/users/{hash_[:6]}/" title="See the profile for {name}">{name}</a>
                </h2>
            </div>
        </div>
        <div class="email-date right">
            <span class="date d-none d-sm-inline">{day}</span>
            <span class="date d-sm-none">{day}</span>
            <div class="time">
                <span title="Sender&#x27;s time: {sender_time}">8:00 a.m.</span>
            </div>
        </div>
    </div> <!-- /email-header: gravatar, author-info, date, peramlink, changed_subject -->
    <div class="email-body ">
      {body}
    </div>
    <div class="email-info">
      <div class="likeform-wrapper right">
        <div class="messagelink pull-right">
          <button class="toggle-font btn btn-sm" title="Display in fixed font"><i class="fa fa-font"></i></button>
          <a href="/hyperkitty/list/license-review@lists.example.org/message/{hash_}/" title="Permalink for this message"><i class="fa fa-link"></i></a>
        </div>
        <form method="post" class="likeform"><a class="youlike vote disabled" title="You must be logged-in to vote." href="#like">+1</a></form>
      </div>
      <a class="reply reply-mailto" title="Reply" href="#"><i class="fa fa-reply"></i> Reply</a>
      <div class="reply-form-unauthenticated">
        <a class="btn btn-sm btn-primary" href="/accounts/login/?next=/hyperkitty/#">Sign in to reply online</a>
        <a class="btn btn-sm btn-secondary reply-mailto" href="mailto:license-review@lists.example.org?Subject=Re%3A%20MG-BY&amp;In-Reply-To=&lt;x&gt;">Use email software</a>
      </div>
    </div>
</div>
"""


def reply(level, inner):
    style = f' style="margin-left:{level * 2}em;"' if level else ""
    return f"""<div class="odd"{style}>
    <!-- Start email -->
    <!-- email level: {level} -->
    {inner}
    <!-- End of email -->
</div>"""


FIRST = email(
    "AB12CD",
    "Pat Steward",
    "6 May 2025",
    "May 6, 2025, 10 a.m.",
    "<p>I submit ModelGo MG-BY 2.0 for review.\nSection 2.2(b) asks for a notice when a collection\n"
    "of Output is distributed as a dataset.</p>",
    first=True,
)
SECOND = email(
    "EF34GH",
    "Lee Counsel",
    "6 May",
    "May 6, 2025, 4:15 p.m.",
    "<p>On Tue, May 6, 2025 at 10:00 AM Pat Steward &lt;pat(a)modelgo.example&gt; wrote:</p>"
    '<div class="quoted-switch"><a href="#">...</a></div><blockquote class="blockquote quoted-text">'
    "<p>Section 2.2(b) asks for a notice when a collection\nof Output is distributed as a dataset.</p>"
    "</blockquote><p>That notice runs with the Output, so it restricts use: OSD 6.</p>"
    '<div class="text-muted">-- \nLee</div>',
)
THIRD = email(
    "IJ56KL",
    "pat(a)modelgo.example",
    "7 May",
    "May 7, 2025, noon",
    "<p>No OSD item is violated; what is the remaining concern?</p>",
)
FOURTH = email(
    "MN78OP",
    "Lee Counsel",
    "7 May",
    "May 7, 2025, 9:05 p.m.",
    "<p>Back to the first mail: I also read 2.2(b) as covering fine-tuned weights.</p>",
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>[License-review] ModelGo MG-BY 2.0 - License-review - lists.example.org</title>
<link rel="stylesheet" href="/static/hyperkitty/css/hyperkitty.css"></head>
<body><nav class="navbar"><a class="navbar-brand" href="/hyperkitty/">Mailman 3 archives</a>
<form class="navbar-form" action="/hyperkitty/search"><input name="q" placeholder="Search this list"></form></nav>
<div class="container-xxl"><div class="row view-thread d-flex">
<div class="thread-header"><div class="row"><div class="col-sm-8"><h3>[License-review] ModelGo MG-BY 2.0</h3></div></div></div>
<div class="row"><div class="col-sm-12 col-md-9"><div id="thread-content">
<!-- Start first email -->
{FIRST}
<!-- End first email -->
<p class="sort-mode"><a href="?sort=date">Show replies by date</a></p>
<div class="anchor-link"><a id="replies"></a></div>
<div class="replies">
{reply(1, SECOND)}
{reply(2, THIRD)}
{reply(1, FOURTH)}
</div>
</div></div>
<div class="col-12 col-md-3"><section id="thread-overview-info"><p>4 comments</p><p>2 participants</p></section></div>
</div></div></div></body></html>
"""


def test_a_saved_hyperkitty_thread_is_recognised():
    assert looks_like_hyperkitty(PAGE)
    assert not looks_like_hyperkitty("<html><body><div class='email'>Hello</div></body></html>")


def test_each_message_gives_its_author_the_senders_own_time_and_its_depth():
    subject, mails = split_hyperkitty(PAGE)
    assert subject == "[License-review] ModelGo MG-BY 2.0"
    assert [(m.key, m.author, m.when, m.level) for m in mails] == [
        ("AB12CD", "Pat Steward", "May 6, 2025, 10:00 am", 0),
        ("EF34GH", "Lee Counsel", "May 6, 2025, 4:15 pm", 1),
        ("IJ56KL", "pat@modelgo.example", "May 7, 2025, 12:00 pm", 2),
        ("MN78OP", "Lee Counsel", "May 7, 2025, 9:05 pm", 1),
    ]


def test_the_body_keeps_its_lines_and_quotes_and_drops_the_page_around_it():
    _, mails = split_hyperkitty(PAGE)
    assert mails[0].body.splitlines()[:2] == [
        "I submit ModelGo MG-BY 2.0 for review.",
        "Section 2.2(b) asks for a notice when a collection",
    ]
    assert "> Section 2.2(b) asks for a notice" in mails[1].body
    for chrome in ("...", "Reply", "Permalink", "+1", "Sign in", "Use email software"):
        assert chrome not in mails[1].body.replace("...</", "")


def test_the_thread_imports_in_order_by_author_with_replies_linked():
    messages = parse_thread(PAGE)
    assert [(m.author_name, m.author_email) for m in messages] == [
        ("Pat Steward", "pat@modelgo.example"),  # the address from Lee's attribution
        ("Lee Counsel", None),
        ("Pat Steward", "pat@modelgo.example"),  # the name the thread writes with the address
        ("Lee Counsel", None),
    ]
    assert [(m.date.month, m.date.day, m.date.hour, m.date.minute) for m in messages] == [
        (5, 6, 10, 0),
        (5, 6, 16, 15),
        (5, 7, 12, 0),
        (5, 7, 21, 5),
    ]
    assert all(m.date_zone_guessed for m in messages)
    assert [m.reply_to for m in messages] == [None, 0, 1, 0]


def test_own_words_only_quotes_and_signature_removed():
    messages = parse_thread(PAGE)
    assert messages[1].body == "That notice runs with the Output, so it restricts use: OSD 6."
    assert [r.path for r in messages[0].clause_refs] == ["2.2(b)"]


def test_an_uploaded_page_reads_the_same():
    assert [m.body for m in parse_thread_bytes(PAGE.encode())] == [m.body for m in parse_thread(PAGE)]


def test_a_single_message_page_is_one_message():
    page = PAGE.split("<!-- End first email -->")[0] + "</div></div></div></div></body></html>"
    (message,) = parse_thread(page)
    assert message.author_name == "Pat Steward"


def test_a_mail_whose_body_is_empty_is_not_imported():
    empty = email("QR90ST", "Sam Empty", "8 May", "May 8, 2025, 9 a.m.", "")
    page = PAGE.replace(
        '</div>\n</div></div>\n<div class="col-12',
        reply(1, empty) + '</div>\n</div></div>\n<div class="col-12',
        1,
    )
    assert len(split_hyperkitty(page)[1]) == 5
    assert [m.author_name for m in parse_thread(page)].count("Sam Empty") == 0
    assert len(parse_thread(page)) == 4


# --- older HyperKitty pages, and pages missing a part ----------------------------------------


def bare_reply(level, inner):
    """An older HyperKitty: the depth only as the wrapper's margin, no level comment."""
    return f'<div class="even" style="margin-left:{level * 2}em;">{inner}</div>'


def test_the_depth_comes_from_the_margin_when_the_page_has_no_level_comments():
    page = PAGE.replace(reply(1, SECOND), bare_reply(1, SECOND)).replace(
        reply(2, THIRD), bare_reply(2, THIRD)
    )
    page = page.replace(reply(1, FOURTH), bare_reply(1, FOURTH))
    assert [m.level for m in split_hyperkitty(page)[1]] == [0, 1, 2, 1]
    assert [m.reply_to for m in parse_thread(page)] == [None, 0, 1, 0]


def test_a_reply_without_margin_or_comment_is_at_the_top_level():
    page = PAGE.replace(reply(2, THIRD), f'<div class="odd">{THIRD}</div>')
    assert [m.level for m in split_hyperkitty(page)[1]] == [0, 1, 0, 1]


def test_without_the_senders_time_the_shown_day_and_time_are_read():
    page = PAGE.replace(
        '<span title="Sender&#x27;s time: May 6, 2025, 10 a.m.">8:00 a.m.</span>', "<span>10:30 a.m.</span>"
    )
    first = split_hyperkitty(page)[1][0]
    assert first.when == "6 May 2025 10:30 am"
    assert parse_thread(page)[0].date.hour == 10


def test_a_tooltip_without_a_label_is_the_time_itself():
    page = PAGE.replace("Sender&#x27;s time: May 6, 2025, 10 a.m.", "May 6, 2025, 10 a.m.")
    assert split_hyperkitty(page)[1][0].when == "May 6, 2025, 10:00 am"


def test_djangos_noon_midnight_and_capital_meridiems_are_times():
    page = (
        PAGE.replace("May 6, 2025, 10 a.m.", "May 6, 2025, midnight")
        .replace("May 6, 2025, 4:15 p.m.", "May 6, 2025, NOON")
        .replace("May 7, 2025, noon", "May 7, 2025, 10 P.M.")
        .replace("May 7, 2025, 9:05 p.m.", "May 7, 2025, 11 PM")
    )
    assert [m.when for m in split_hyperkitty(page)[1]] == [
        "May 6, 2025, 12:00 am",
        "May 6, 2025, 12:00 pm",
        "May 7, 2025, 10:00 pm",
        "May 7, 2025, 11:00 PM",
    ]
    assert [m.date.hour for m in parse_thread(page)] == [0, 12, 22, 23]


def test_an_address_shown_with_capitals_is_still_an_address():
    page = PAGE.replace("pat(a)modelgo.example</a>", "Pat(a)ModelGo.EXAMPLE</a>")
    assert split_hyperkitty(page)[1][2].author == "Pat@ModelGo.EXAMPLE"


def test_a_mail_missing_its_name_or_body_never_borrows_the_next_ones():
    nameless = SECOND.replace('<h2 class="name">', '<h2 class="alias">')
    bodiless = THIRD.replace('class="email-body "', 'class="email-text"')
    page = PAGE.replace(SECOND, nameless).replace(THIRD, bodiless)
    mails = split_hyperkitty(page)[1]
    assert [m.author for m in mails] == ["Pat Steward", "", "pat@modelgo.example", "Lee Counsel"]
    assert mails[2].body == ""
    assert "No OSD item" not in " ".join(m.body for m in parse_thread(page))


def test_the_subject_falls_back_to_the_page_title():
    page = PAGE.replace('<div class="thread-header">', '<div class="header">')
    assert (
        split_hyperkitty(page)[0] == "[License-review] ModelGo MG-BY 2.0 - License-review - lists.example.org"
    )


def test_a_page_needs_mail_headers_bodies_and_mail_blocks_to_be_an_archive():
    assert not looks_like_hyperkitty('<div class="email"><div class="email-header">x</div></div>')
    assert not looks_like_hyperkitty('<div class="email"><div class="email-body">x</div></div>')
    assert not looks_like_hyperkitty('<div class="email-header"></div><div class="email-body">x</div>')


def test_mails_without_an_archive_id_stay_apart():
    page = PAGE.replace('id="EF34GH" ', "").replace('id="MN78OP" ', "")
    messages = parse_thread(page)
    assert [m.author_name for m in messages] == ["Pat Steward", "Lee Counsel", "Pat Steward", "Lee Counsel"]
    assert len({m.message_id for m in messages}) == 4


def test_a_page_with_no_subject_and_no_times_still_gives_its_mails():
    page = PAGE.replace('<div class="thread-header">', '<div class="header">').replace("<title>", "<meta>")
    page = page.replace('class="time"', 'class="clock"').replace('class="date', 'class="day')
    subject, mails = split_hyperkitty(page)
    assert subject == ""
    assert [m.when for m in mails] == ["", "", "", ""]
    assert [m.date for m in parse_thread(page)] == [None, None, None, None]


def test_midnight_and_noon_are_read_in_any_case():
    page = PAGE.replace("May 6, 2025, 10 a.m.", "May 6, 2025, Midnight").replace(
        "May 7, 2025, noon", "May 7, 2025, Noon"
    )
    assert [m.when for m in split_hyperkitty(page)[1]][::2] == [
        "May 6, 2025, 12:00 am",
        "May 7, 2025, 12:00 pm",
    ]


def test_a_saved_replies_fragment_keeps_each_mails_own_depth():
    # HyperKitty loads the replies as a fragment of their own; saved alone, its first mail is
    # already a reply, and a later mail at the same depth is its sibling, not its answer.
    fragment = reply(2, SECOND) + reply(3, THIRD) + reply(2, FOURTH)
    assert [m.level for m in split_hyperkitty(fragment)[1]] == [2, 3, 2]
    messages = parse_thread("<html><body>" + fragment + "</body></html>")
    # Pat's first mail is not on the page: it comes back from Lee's quote of it.
    assert [(m.author_name, m.quoted) for m in messages] == [
        ("Pat Steward", True),
        ("Lee Counsel", False),
        ("Pat Steward", False),
        ("Lee Counsel", False),
    ]
    assert [m.reply_to for m in messages] == [None, 0, 1, None]
