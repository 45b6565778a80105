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
