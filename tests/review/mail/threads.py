"""Mail threads written for these tests (our own words), shared by the parser and browser tests.

NESTED_PASTE is built like the thread in issue 11: an Apple Mail HTML reply (the paste's own
top part, with no header) quotes Omar's Apple Mail reply, which quotes Lena's Thunderbird reply
(moz-cite-prefix, "wrote:" on its own line), which quotes Chiara's Zimbra reply in Italian,
whose "----- Messaggio originale -----" header block the quoting client cut into several
<blockquote> pieces, wrapping Henrik's address in the middle. The text went through a JSON
export, so Apple's narrow no-break space before "AM"/"PM" and its apostrophes are the literal
six characters ``\\u202f`` and ``\\u2019``; Chiara's client quoted the raw quoted-printable
source of Henrik's message; the Mailman footer was wrapped and a fragment of it ("org>") fell
out of the quote into Lena's words.
"""

from datetime import UTC, datetime, timedelta, timezone

NESTED_PASTE = """\
<html><head><meta charset="utf-8"></head><body style="overflow-wrap: break-word;">
<div>I\\u2019d settle for a notice in the dataset\\u2019s README. That meets 2.2(b) without stamping every file.</div>
<div><br></div>
<div><br><blockquote type="cite"><div>On 18 May 2025, at 5:51\\u202fAM, Omar Haddad &lt;omar@example.net&gt; wrote:</div>
<br class="Apple-interchange-newline">
<div><div>We don\\u2019t need a notice on generated data at all; the model card already says where it came from.</div>
<div><br><blockquote type="cite"><div>On 14 May 2025, at 8:05\\u202fPM, Lena Fischer &lt;lena@example.de&gt; wrote:</div>
<br class="Apple-interchange-newline">
<div>
<p>That is still a restriction on use, and I object to it as written.</p>
<div class="moz-cite-prefix">On 5/14/2025 10:12 AM, Chiara Ferri<br>wrote:<br></div>
<blockquote type="cite">
<div>Secondo me l'obbligo va oltre il modello: ogni dataset derivato dovrebbe portare l'avviso?</div>
<div>----- Messaggio originale -----<br>Da: "Henrik Dahl" &lt;henrik@exam</div>
</blockquote>
<blockquote type="cite">
<div>ple.org&gt;<br>A: "License review" &lt;license-review@lists.example.org&gt;<br>
Inviato: Marted=C3=AC, 13 maggio 2025 9:00:00<br>Oggetto: Notice on every dataset</div>
</blockquote>
<blockquote type="cite">
<div>Clause 2.2(b) would make every dataset built with the model carry our notice. Before the next d=<br>
raft goes out: is that acceptable under the sixth criterion?=20<br>
Reply to the list address, please.</div>
<div>_______________________________________________<br>License-review mailing list<br>License-review@lists.example.</div>
</blockquote>
<div>org&gt;</div>
</div></blockquote></div>
</div></blockquote></div>
</body></html>
"""

# (author name, address, date, own words), oldest first.
NESTED_EXPECTED = [
    (
        "Henrik Dahl",
        "henrik@example.org",
        datetime(2025, 5, 13, 9, 0, tzinfo=UTC),
        "Clause 2.2(b) would make every dataset built with the model carry our notice. Before the next "
        "draft goes out: is that acceptable under the sixth criterion?\nReply to the list address, please.",
    ),
    (
        "Chiara Ferri",
        None,
        datetime(2025, 5, 14, 10, 12, tzinfo=UTC),
        "Secondo me l'obbligo va oltre il modello: ogni dataset derivato dovrebbe portare l'avviso?",
    ),
    (
        "Lena Fischer",
        "lena@example.de",
        datetime(2025, 5, 14, 20, 5, tzinfo=UTC),
        "That is still a restriction on use, and I object to it as written.",
    ),
    (
        "Omar Haddad",
        "omar@example.net",
        datetime(2025, 5, 18, 5, 51, tzinfo=UTC),
        "We don\u2019t need a notice on generated data at all; the model card already says where it came from.",
    ),
    (
        "",
        None,
        None,
        "I\u2019d settle for a notice in the dataset\u2019s README. That meets 2.2(b) without stamping every file.",
    ),
]

CEST = timezone(timedelta(hours=2))
