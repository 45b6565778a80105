"""A conversation printed or copied from a webmail's "print all" view (Gmail's, for one).

Each message there starts with a line naming its sender and the time, the recipients below
it, then the message's own text; there is no quoting, so read as one text the whole
conversation became one message by nobody. Split, each has its real sender and time.

    Gmail\tLee Counsel <lee@gmail.example>
    Model License 2.0
    3 messages
    Ana Steward <ana@example.org>\tMon, Mar 3, 2025 at 11:15 AM
    To: license-review@lists.example.org
    Dear all, ...
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WHEN = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t][^\n]{4,60}?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?(?:[ \t]+[A-Z]{2,5}|[ \t]*\([^)\n]{1,40}\))?"
_HEAD = re.compile(
    r"^(?P<who>[^\t\n<>]{0,100}<[^<>\s@]+@[^<>\s]+>)[ \t]*(?:\n[ \t]*)?(?P<when>" + _WHEN + r")[ \t]*\n"
    r"(?=(?:To|Cc|Reply-To|Bcc):)",
    re.M,
)
_RECIPIENTS = re.compile(r"^(?:To|Cc|Reply-To|Bcc):[^\n]*\n", re.M)
_HIDDEN = re.compile(
    r"^\s*\[(?:Quoted text hidden|Texte des messages précédents masqué|Zitierten Text ausblenden)\]\s*$",
    re.M | re.I,
)
_COUNT = re.compile(r"^\s*\d+ messages?\s*$", re.M)


@dataclass(frozen=True)
class PrintedMessage:
    sender: str  # "Name <address>"
    when: str  # as printed: "Mon, Mar 3, 2025 at 11:15 AM"
    text: str


def looks_like_printed(text: str) -> bool:
    return _HEAD.search(text) is not None


def split_printed(text: str) -> tuple[str, list[PrintedMessage]]:
    """The conversation's subject (when printed above its message count) and its messages."""
    text = text.replace("\r\n", "\n")
    heads = list(_HEAD.finditer(text))
    subject = ""
    if heads:
        lines = [x.strip() for x in text[: heads[0].start()].split("\n") if x.strip()]
        if len(lines) >= 2 and _COUNT.match(lines[-1]):
            subject = lines[-2]
    messages = []
    for k, m in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(text)
        body = text[m.end() : end]
        while (r := _RECIPIENTS.match(body)) is not None:
            body = body[r.end() :]
        body = _HIDDEN.sub("", body).strip("\n")
        messages.append(PrintedMessage(m.group("who").strip(), " ".join(m.group("when").split()), body))
    return subject, messages
