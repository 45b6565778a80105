"""Mailman 3 (HyperKitty) archive pages -> one entry per message. Pure stdlib.

A thread page saved from the browser once its replies have loaded (or a single message page)
holds each mail as ``<div class="email">``: the author's name in ``.email-author .name`` (an
address when the sender gave no name, its "@" written "(a)"), the time in the viewer's zone
with the sender's own time in a tooltip ("Sender's time: May 6, 2025, 10 a.m.", Django's
format, no zone), and the body rendered with newlines kept (``white-space: pre-wrap``) and
quotes as ``<blockquote class="quoted-text">`` behind a "..." switch. Replies sit in a
``<div>`` whose left margin is twice their depth in the thread.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from review.mail.html_text import html_to_text


@dataclass(frozen=True, slots=True)
class ArchivedMail:
    key: str  # the archive's hash of the Message-ID: the id of the mail's header <div>
    author: str  # "Pat Steward", or "pat@example.org" when only the address was shown
    when: str  # the sender's own time, as "May 6, 2025, 10:00 am"; "" when the page lacks it
    level: int  # depth in the thread: 0 for the first mail, its replies 1, theirs 2 …
    body: str  # text, quotes as "> " lines


_EMAIL_DIV = re.compile(r"<div\s+class=\"email(?:\s[^\"]*)?\"\s*>", re.I)
_HEADER_ID = re.compile(r"<div\s+id=\"([^\"]{1,200})\"\s+class=\"email-header\"", re.I)
_NAME = re.compile(r"class=\"name\"[^>]*>(.*?)</(?:h2|span|div)>", re.I | re.S)
_SENDER_TIME = re.compile(r"class=\"time\"[^>]*>\s*<span\s+title=\"([^\"]{1,200})\"", re.I)
_DAY_AND_TIME = re.compile(
    r"class=\"date[^\"]*\"[^>]*>(.*?)</span>.*?class=\"time\"[^>]*>(.*?)</div>", re.I | re.S
)
_BODY = re.compile(
    r"<div\s+class=\"email-body[^\"]*\"\s*>(.*?)</div>\s*(?:<div\s+class=\"(?:email-info|attachments)|$)",
    re.I | re.S,
)
_SWITCH = re.compile(r"<div\s+class=\"quoted-switch\"\s*>.*?</div>", re.I | re.S)
_MARGIN = re.compile(r"margin-left:\s*(\d+(?:\.\d+)?)em", re.I)
_SUBJECT = re.compile(r"<div\s+class=\"thread-header\".*?<h3>(.*?)</h3>", re.I | re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
_TAGS = re.compile(r"<[^>]{0,2000}>")


def looks_like_hyperkitty(markup: str) -> bool:
    return (
        'class="email-header"' in markup
        and 'class="email-body' in markup
        and _EMAIL_DIV.search(markup) is not None
    )


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", fragment)).split())


def _author(fragment: str) -> str:
    name = _text(fragment)
    # HyperKitty hides addresses from robots as "pat(a)example.org".
    return re.sub(r"^([^\s@()]+)\(a\)([^\s@()]+\.[A-Za-z]{2,})$", r"\1@\2", name)


def _django_time(value: str) -> str:
    """Django's "May 6, 2025, 10 a.m." / "noon" / "midnight" in a form dates.parse_loose reads."""
    value = " ".join(value.split())
    value = re.sub(r"\bnoon\b", "12:00 pm", value, flags=re.I)
    value = re.sub(r"\bmidnight\b", "12:00 am", value, flags=re.I)
    value = re.sub(r"\b([ap])\.m\.", lambda m: m.group(1).lower() + "m", value, flags=re.I)
    return re.sub(r"(?<![:\d])(\d{1,2})\s+([ap]m)\b", r"\1:00 \2", value, flags=re.I)


def _when(chunk: str) -> str:
    title = _SENDER_TIME.search(chunk)
    if title:
        # "Sender's time: …", in the archive's language: the time follows the first ": ".
        label, sep, value = html.unescape(title.group(1)).partition(": ")
        return _django_time(value if sep else label)
    shown = _DAY_AND_TIME.search(chunk)
    return _django_time(f"{_text(shown.group(1))} {_text(shown.group(2))}") if shown else ""


def _body(chunk: str) -> str:
    m = _BODY.search(chunk)
    if not m:
        return ""
    markup = _SWITCH.sub("", m.group(1)).strip()
    # The body is shown with white-space: pre-wrap, so each newline is a line break.
    return html_to_text(markup.replace("\n", "<br>"))


def _level(wrapper: str) -> int:
    """Depth in the thread, from the left margin of the reply's wrapper (twice the depth, in em)."""
    margin = _MARGIN.findall(wrapper)
    return round(float(margin[-1]) / 2) if margin else 0


def split_hyperkitty(markup: str) -> tuple[str, list[ArchivedMail]]:
    """The thread's subject and its mails in page order."""
    subject_m = _SUBJECT.search(markup) or _TITLE.search(markup)
    subject = _text(subject_m.group(1)) if subject_m else ""
    starts = [m.start() for m in _EMAIL_DIV.finditer(markup)]
    mails: list[ArchivedMail] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(markup)
        chunk = markup[start:end]
        # A reply's wrapper (its margin) opens between the mail above and its own start; a
        # mail's body is escaped text, so no margin in it is ours.
        wrapper = markup[starts[k - 1] if k else 0 : start]
        key = _HEADER_ID.search(chunk)
        name = _NAME.search(chunk)
        mails.append(
            ArchivedMail(
                key=key.group(1) if key else f"mail-{k}",
                author=_author(name.group(1)) if name else "",
                when=_when(chunk),
                level=_level(wrapper),
                body=_body(chunk),
            )
        )
    return subject, mails
