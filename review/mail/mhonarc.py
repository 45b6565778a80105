"""A message page of an MHonArc archive (lists.debian.org, where the DFSG is argued, W3C's and
many other lists' archives). No Django imports.

MHonArc marks every part of its page with comments: ``<!--X-Head-of-Message-->`` holds a list of
the mail's headers (``<li><em>From</em>: Name &lt;address&gt;</li>``), ``<!--X-Body-of-Message-->``
its words, and the rest is navigation (date and thread links, follow-ups) that is no part of
them. The comments at the very top (``<!--X-Subject: …-->``, ``X-Date``, ``X-Message-Id``) name
the subject, date and id again, so a page saved without its header list still has them; the
sender there is ROT13-scrambled, so it is not read. An address the archive masks
(``user@xxxxxxxxxx``) is no address.
"""

from __future__ import annotations

import html
import re

from review.mail.html_text import ArchivePage, fragment_text, html_to_text

_MARK = re.compile(r"<!--\s*(?:MHonArc\b|X-Head-of-Message-->|X-Body-of-Message-->)", re.I)
_TOP = re.compile(r"<!--X-(Subject|Date|Message-Id): ?(.{0,998}?) ?-->")
_HEAD = re.compile(r"<!--X-Head-of-Message-->(.{0,50000}?)<!--X-Head-of-Message-End-->", re.S)
_BODY = re.compile(r"<!--X-Body-of-Message-->(.*?)<!--X-Body-of-Message-End-->", re.S)
_FIELD = re.compile(
    r"<li>\s*<(?:em|strong|b)>\s*([\w-]{1,40})\s*</(?:em|strong|b)>\s*:?\s*(.{0,2000}?)</li>", re.I | re.S
)
_MASKED = re.compile(r"@x{3,}(?:\.x+)*$", re.I)
_ADDRESS = re.compile(r"^(?P<name>.*?)\s*<(?P<addr>[^<>\s]+@[^<>\s]+)>\s*$", re.S)


def looks_like_mhonarc(markup: str) -> bool:
    return _MARK.search(markup[:20000]) is not None and "<!--X-Body-of-Message-->" in markup


def _text(fragment: str) -> str:
    return " ".join(fragment_text(fragment).split())


def _id(value: str) -> str | None:
    return value.strip().strip("<>").strip() or None


def parse_mhonarc(markup: str) -> ArchivePage:
    """The sender, date, subject, ids and words of one MHonArc message page."""
    top = {key.lower(): html.unescape(value).strip() for key, value in _TOP.findall(markup[:20000])}
    head = _HEAD.search(markup)
    fields: dict[str, str] = {}
    for key, value in _FIELD.findall(head.group(1) if head else ""):
        fields.setdefault(key.lower(), _text(value))
    sender = fields.get("from", "")
    name, address = sender, ""
    if m := _ADDRESS.match(sender):
        name, address = m.group("name").strip().strip('"'), m.group("addr")
        if _MASKED.search(address):
            address = ""
    body = _BODY.search(markup)
    return ArchivePage(
        subject=fields.get("subject") or top.get("subject", ""),
        author=name,
        address=address,
        date=fields.get("date") or top.get("date", ""),
        in_reply_to=_id(fields.get("in-reply-to", "")),
        body=html_to_text(body.group(1)) if body else "",
        message_id=_id(fields.get("message-id", "")) or _id(top.get("message-id", "")),
    )
