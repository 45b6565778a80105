"""PURE: the words of a notification mail, plain text and HTML. No Django imports.

The services hand over plain data (already filtered to what the recipient may see); this
module only lays it out. The comment's HTML is the sanitised rendering stored at write time;
everything else is escaped here.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html import escape

REPLY_HINT = "Reply to this mail to answer in the thread; only your own words above the quote are posted."


@dataclass(frozen=True)
class Item:
    """One event: a comment in a thread, a new thread, a new review or a new version."""

    headline: str  # "tomas replied on §2.2(b) of Sample License 1.0"
    permalink: str
    clause: str = ""  # "§2.2(b) Conditions"
    criterion: str = ""  # "OSD 7: Distribution of License"
    author: str = ""
    stance: str = ""
    body_text: str = ""  # the comment's Markdown
    body_html: str = ""  # the comment, rendered and sanitised
    why: str = ""  # "You watch this thread."


@dataclass(frozen=True)
class Mail:
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class Footer:
    unwatch_url: str
    unwatch_label: str  # "Stop watching this thread"
    settings_url: str
    can_reply: bool = False
    extra: list[str] = field(default_factory=list)


def _quote(text: str) -> str:
    lines = []
    for line in text.strip().splitlines() or [""]:
        wrapped = textwrap.wrap(line, 72) or [""]
        lines += [f"    {w}".rstrip() for w in wrapped]
    return "\n".join(lines)


def _item_text(item: Item) -> str:
    out = [item.headline]
    if item.clause:
        out.append(f"Clause: {item.clause}")
    if item.criterion:
        out.append(f"Criterion: {item.criterion}")
    if item.body_text:
        who = f"{item.author} ({item.stance.lower()})" if item.stance else item.author
        out += ["", f"{who} wrote:", "", _quote(item.body_text)]
    out += ["", f"Read it on the site: {item.permalink}"]
    if item.why:
        out.append(item.why)
    return "\n".join(out)


def _item_html(item: Item) -> str:
    parts = [f'<p style="margin:0 0 .5em"><strong>{escape(item.headline)}</strong></p>']
    meta = []
    if item.clause:
        meta.append(f"Clause: {escape(item.clause)}")
    if item.criterion:
        meta.append(f"Criterion: {escape(item.criterion)}")
    if meta:
        parts.append(f'<p style="margin:0 0 .5em;color:#555">{"<br>".join(meta)}</p>')
    if item.body_html:
        who = escape(item.author) + (f" ({escape(item.stance.lower())})" if item.stance else "")
        parts.append(f"<p style=\"margin:0\">{who} wrote:</p>")
        parts.append(
            '<blockquote style="margin:.5em 0;padding:0 1em;border-left:3px solid #ccc">'
            f"{item.body_html}</blockquote>"
        )
    parts.append(f'<p><a href="{escape(item.permalink)}">Read it on the site</a></p>')
    if item.why:
        parts.append(f'<p style="color:#555;font-size:90%">{escape(item.why)}</p>')
    return "\n".join(parts)


def _footer_text(footer: Footer) -> str:
    out = ["-- "]
    if footer.can_reply:
        out.append(REPLY_HINT)
    out.append(f"{footer.unwatch_label}: {footer.unwatch_url}")
    out.append(f"Mail settings: {footer.settings_url}")
    out += footer.extra
    return "\n".join(out)


def _footer_html(footer: Footer) -> str:
    reply = f"{escape(REPLY_HINT)}<br>" if footer.can_reply else ""
    return (
        '<hr><p style="color:#555;font-size:90%">'
        f"{reply}"
        f'<a href="{escape(footer.unwatch_url)}">{escape(footer.unwatch_label)}</a> · '
        f'<a href="{escape(footer.settings_url)}">Mail settings</a></p>'
    )


def _page(body: str) -> str:
    return (
        '<!doctype html><html><head><meta charset="utf-8"></head>'
        f'<body style="font-family:sans-serif;max-width:40em;line-height:1.45">{body}</body></html>'
    )


def notification_mail(*, subject: str, item: Item, footer: Footer) -> Mail:
    text = f"{_item_text(item)}\n\n{_footer_text(footer)}\n"
    html = _page(f"{_item_html(item)}\n{_footer_html(footer)}")
    return Mail(subject=subject, text=text, html=html)


def digest_mail(*, subject: str, items: list[Item], footer: Footer) -> Mail:
    rule = "\n\n" + "-" * 40 + "\n\n"
    text = f"{len(items)} notification{'s' if len(items) != 1 else ''} since the last digest.\n\n"
    text += rule.join(_item_text(i) for i in items) + f"\n\n{_footer_text(footer)}\n"
    html = _page(
        f"<p>{len(items)} notification{'s' if len(items) != 1 else ''} since the last digest.</p>"
        + "<hr>".join(_item_html(i) for i in items)
        + _footer_html(footer)
    )
    return Mail(subject=subject, text=text, html=html)


def clause_name(path: str, heading: str = "") -> str:
    """``§2.2(b) Conditions``; a path that names itself (``Section 2(a)``, ``part-b/1``) keeps
    its own words; a clause without a path is named by its heading."""
    name = f"§{path}" if path[:1].isdigit() else path
    return f"{name} {heading}".strip() if heading else name


def message_id(local: str, domain: str) -> str:
    return f"<{local}@{domain}>"


def thread_root_id(thread_id: int, domain: str) -> str:
    """The Message-ID every mail about one thread refers to: one thread in a mail client."""
    return message_id(f"thread-{thread_id}", domain)
