"""XSS payloads: every user-writable field of the audit's world carries one."""

from __future__ import annotations

# --- payloads -------------------------------------------------------------------------------------
# Every payload carries the marker "pwn", so that an htmx attribute written by a user is told
# apart from the site's own (whose values never say "pwn").

#: For short fields: a version label (50 characters, no "/" or "@"), a username.
P_SHORT = "\"'><svg onload=alert(1) hx-get=pwn>"
#: For fields of at most 100 characters (display name).
P_MID = "\"><script>alert('pwn')</script><img src=x onerror=alert(1) hx-post=pwn>"
#: For fields of at most 200 characters (license name and steward, affiliation, mail author).
P_LONG = (
    "\"'><script>alert('pwn')</script><img src=x onerror=alert('pwn')>"
    '<a href="javascript:alert(\'pwn\')" hx-get="/pwn" hx-trigger="load" data-hx-post="/pwn">pwn</a>'
)
#: For Markdown and free text: every trick of the trade, as raw HTML and as Markdown.
P_TEXT = (
    P_LONG
    + "\n\n[click](javascript:alert('pwn')) [c2](JaVaScRiPt:alert('pwn')) [c3](java\tscript:alert('pwn'))"
    + " ![i](data:image/svg+xml,<svg onload=alert('pwn')>) [p](//evil.example/pwn)"
    + "\n\n<svg onload=\"alert('pwn')\"></svg><style>body{display:none}</style>"
    + '<form action="/pwn"><button>pwn</button></form><iframe src="/pwn"></iframe>'
    + '<div hx-on:click="alert(\'pwn\')" data-hx-get="/pwn">pwn</div>'
)
assert len(P_SHORT) <= 50 and "/" not in P_SHORT and "@" not in P_SHORT
assert len(P_MID) <= 100 and len(P_LONG) <= 200

#: A license text whose headings and clause texts carry the payloads.
PAYLOAD_TEXT = f"""Payload License {P_LONG}

1. Definitions.

"Model" means {P_LONG}.

2. Grant.

2.1 You may use, copy and share the Model. {P_LONG}

2.2 Conditions.

(a) You must keep this notice.

(b) If you distribute {P_LONG} you must include a notice that it was made with the Model.

3. No Warranty.

The Model is provided as is.
"""

MAIL_EMAIL = "evil@example.org"


def mail(n: int, *, body: str = "") -> str:
    """A raw RFC 5322 message from an author whose name is a payload."""
    body = body or f"About Section 2.2(b), message {n}: {P_TEXT}"
    return (
        f'From: "{P_LONG.replace(chr(34), "")}" <{MAIL_EMAIL}>\n'
        "To: license-review@example.org\n"
        f"Subject: Section 2.2(b) {P_MID}\n"
        f"Date: Tue, 13 May 2025 10:0{n}:00 +0000\n"
        f"Message-ID: <xss-{n}@example.org>\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        f"{body}\n"
    )
