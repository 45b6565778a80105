"""A message page of an MHonArc archive (lists.debian.org, where the DFSG is argued, and many
other lists): the sender, date and ids come from its header list, the words from its body, and
the archive's navigation is no part of them."""

from datetime import datetime, timedelta, timezone

from review.mail.mhonarc import looks_like_mhonarc, parse_mhonarc
from review.mail.parse import parse_thread

CET = timezone(timedelta(hours=1))

PAGE = """<!-- MHonArc v2.6.19 -->
<!--X-Subject: Re: Model licence 2.0 and the DFSG -->
<!--X-From-R13: Nqn Zbff <nqnNrknzcyr.bet> -->
<!--X-Date: Tue, 04 Mar 2025 09:00:00 +0100 -->
<!--X-Message-Id: 20250304.abc@example.org -->
<!--X-Head-End-->
<html><head><title>Re: Model licence 2.0 and the DFSG</title></head><body>
<!--X-Body-Begin-->
<!--X-TopPNI-->
<hr>
[<a href="msg00001.html">Date Prev</a>][<a href="msg00003.html">Date Next</a>]
[<a href="threads.html#00002">Thread Index</a>]
<!--X-TopPNI-End-->
<!--X-MsgBody-->
<!--X-Subject-Header-Begin-->
<h1>Re: Model licence 2.0 and the DFSG</h1>
<hr>
<!--X-Subject-Header-End-->
<!--X-Head-of-Message-->
<ul>
<li><em>To</em>: <a href="mailto:legal%40lists.example.org">legal@lists.example.org</a></li>
<li><em>Subject</em>: Re: Model licence 2.0 and the DFSG</li>
<li><em>From</em>: Ada Moss &lt;<a href="mailto:ada%40example.org">ada@example.org</a>&gt;</li>
<li><em>Date</em>: Tue, 4 Mar 2025 09:00:00 +0100</li>
<li><em>Message-id</em>: &lt;<a href="msg00002.html">20250304.abc@example.org</a>&gt;</li>
<li><em>In-reply-to</em>: &lt;<a href="msg00001.html">20250303.xyz@example.org</a>&gt;</li>
</ul>
<!--X-Head-of-Message-End-->
<!--X-Head-Body-Sep-Begin-->
<hr>
<!--X-Head-Body-Sep-End-->
<!--X-Body-of-Message-->
<pre>On Mon, 3 Mar 2025 10:00:00 +0100 Bo Lind wrote:

&gt; Section 2.2(b) requires a notice when Output is distributed.

That fails DFSG 1, in my view: see 2.2(b) again.

--{sp}
 Ada
</pre>
<!--X-Body-of-Message-End-->
<!--X-MsgBody-End-->
<!--X-Follow-Ups-->
<hr>
<strong>Follow-Ups</strong>:
<ul><li><strong><a href="msg00004.html">Re: Model licence 2.0 and the DFSG</a></strong>
<ul><li><em>From:</em> Cy Park &lt;cy@example.org&gt;</li></ul></li></ul>
</body></html>
""".replace("{sp}", " ")


def test_a_page_is_told_from_other_html():
    assert looks_like_mhonarc(PAGE)
    assert not looks_like_mhonarc("<html><body><h1>Re: x</h1><pre>words</pre></body></html>")


def test_the_header_list_gives_the_sender_date_and_ids():
    page = parse_mhonarc(PAGE)
    assert (page.author, page.address) == ("Ada Moss", "ada@example.org")
    assert page.date == "Tue, 4 Mar 2025 09:00:00 +0100"
    assert page.subject == "Re: Model licence 2.0 and the DFSG"
    assert (page.message_id, page.in_reply_to) == ("20250304.abc@example.org", "20250303.xyz@example.org")
    assert "Date Prev" not in page.body and "Follow-Ups" not in page.body
    assert page.body.startswith("On Mon, 3 Mar 2025")


def test_an_imported_page_is_the_senders_message_with_the_quote_rebuilt():
    older, ada = parse_thread(PAGE)
    assert (ada.author_name, ada.author_email, ada.date) == (
        "Ada Moss",
        "ada@example.org",
        datetime(2025, 3, 4, 9, 0, tzinfo=CET),
    )
    assert ada.body == "That fails DFSG 1, in my view: see 2.2(b) again."
    assert (older.author_name, older.body) == (
        "Bo Lind",
        "Section 2.2(b) requires a notice when Output is distributed.",
    )


def test_a_masked_address_is_no_address():
    masked = PAGE.replace(
        'Ada Moss &lt;<a href="mailto:ada%40example.org">ada@example.org</a>&gt;',
        "Ada Moss &lt;ada@xxxxxxxxxxx&gt;",
    )
    page = parse_mhonarc(masked)
    assert (page.author, page.address) == ("Ada Moss", "")
    [_, ada] = parse_thread(masked)
    assert (ada.author_name, ada.author_email) == ("Ada Moss", None)


def test_without_the_header_list_the_comments_at_the_top_still_name_the_date_and_subject():
    bare = PAGE.split("<!--X-Head-of-Message-->")[0] + PAGE.split("<!--X-Head-of-Message-End-->")[1]
    page = parse_mhonarc(bare)
    assert (page.subject, page.date, page.message_id) == (
        "Re: Model licence 2.0 and the DFSG",
        "Tue, 04 Mar 2025 09:00:00 +0100",
        "20250304.abc@example.org",
    )
    assert page.author == ""


def test_the_header_list_wins_over_the_comments_atop_the_page():
    page = parse_mhonarc(
        PAGE.replace("<li><em>Subject</em>: Re: Model licence 2.0 and the DFSG</li>", "<li><em>Subject</em>: Listed</li>")
        .replace("&lt;<a href=\"msg00002.html\">20250304.abc@example.org</a>&gt;", "&lt;listed@example.org&gt;")
        .replace("<li><em>Date</em>: Tue, 4 Mar 2025 09:00:00 +0100</li>", "<li><em>Date</em>: Wed, 5 Mar 2025 09:00:00 +0100</li>")
    )
    assert (page.subject, page.message_id, page.date) == ("Listed", "listed@example.org", "Wed, 5 Mar 2025 09:00:00 +0100")


def test_a_quoted_name_or_a_sender_without_an_address():
    quoted = PAGE.replace("<em>From</em>: Ada Moss &lt;", "<em>From</em>: &quot;Ada Moss&quot; &lt;")
    assert (parse_mhonarc(quoted).author, parse_mhonarc(quoted).address) == ("Ada Moss", "ada@example.org")
    bare = PAGE.replace(
        'Ada Moss &lt;<a href="mailto:ada%40example.org">ada@example.org</a>&gt;', "Ada Moss"
    )
    assert (parse_mhonarc(bare).author, parse_mhonarc(bare).address) == ("Ada Moss", "")


def test_a_page_with_no_marked_parts_gives_nothing_made_up():
    page = parse_mhonarc("<!-- MHonArc v2.6.19 --><html><body><p>words</p></body></html>")
    assert (page.subject, page.author, page.address, page.date, page.in_reply_to, page.body, page.message_id) == (
        "", "", "", "", None, "", None,
    )


def test_the_mark_alone_is_not_enough_a_page_needs_its_body_marker():
    assert not looks_like_mhonarc("<!-- MHonArc v2.6.19 --><html><body><pre>words</pre></body></html>")


def test_the_comments_atop_are_read_in_the_first_20000_characters_only():
    comment = "<!--X-Subject: Far -->"
    pad = "x" * (20000 - len(comment) + 1)  # the comment's last character at index 20000
    late = pad + comment + PAGE.split("<!--X-Head-of-Message-->")[0].split("<!--X-Head-End-->")[1]
    late += "<!--X-Body-of-Message--><pre>w</pre><!--X-Body-of-Message-End-->"
    assert parse_mhonarc(late).subject == ""
    assert parse_mhonarc(late[1:]).subject == "Far"  # one character earlier: read


def test_names_and_ids_keep_their_own_letters():
    page = parse_mhonarc(
        PAGE.replace("<em>From</em>: Ada Moss &lt;", "<em>From</em>: Xena MarX &lt;").replace(
            '&lt;<a href="msg00002.html">20250304.abc@example.org</a>&gt;', "&lt;X7@example.orgX&gt;"
        )
    )
    assert (page.author, page.message_id) == ("Xena MarX", "X7@example.orgX")


def test_the_mark_is_looked_for_in_the_first_20000_characters_only():
    mark = "<!-- MHonArc v2 -->"
    tail = "<!--X-Body-of-Message--><pre>w</pre><!--X-Body-of-Message-End-->"
    pad = "x" * (20000 - len("<!-- MHonArc") + 1)  # the name's last letter at index 20000
    assert not looks_like_mhonarc(pad + mark + tail)
    assert looks_like_mhonarc(pad[1:] + mark + tail)
