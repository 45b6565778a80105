"""Mailing-list digests: one mail that carries many, each under a "Message: N" header block.

Mailman's plain digest (what a subscriber in digest mode has to forward or paste) separates
its messages by a line of 30 dashes; each starts with ``Message: N`` and its own headers
(Date, From, Subject, Message-ID, In-Reply-To). Read as one mail, its messages would come out
as a reply nesting older quotes, in the wrong order, with the digest's table of contents as
a message of its own. Split, each is a mail with its real author, date and ids.
"""

from __future__ import annotations

import re

_MESSAGE = re.compile(r"^Message:\s*\d+[ \t]*\n(?=[A-Za-z-]+:)", re.M)
_SEPARATOR = re.compile(r"^-{26,}[ \t]*$", re.M)
_DIGEST_FOOTER = re.compile(r"^(?:Subject: Digest Footer|End of .{0,200}Digest\b)", re.M)


def looks_like_digest(text: str) -> bool:
    """At least one "Message: N" block right after a separator line, as digests print them."""
    for m in _MESSAGE.finditer(text):
        before = text[max(0, m.start() - 200) : m.start()].rstrip("\n \t")
        if _SEPARATOR.search(before.rsplit("\n", 1)[-1]):
            return True
    return False


def split_digest(text: str) -> list[str]:
    """The digest's messages, each as mail text (its header block, a blank line, its body)."""
    text = text.replace("\r\n", "\n")
    starts = [m for m in _MESSAGE.finditer(text)]
    chunks: list[str] = []
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        chunk = text[m.end() : end]
        footer = _DIGEST_FOOTER.search(chunk)
        if footer:
            chunk = chunk[: footer.start()]
        # The separator line (and blank lines) between this message and the next.
        seps = list(_SEPARATOR.finditer(chunk))
        if seps and not chunk[seps[-1].end() :].strip():
            chunk = chunk[: seps[-1].start()]
        chunks.append(chunk.rstrip() + "\n")
    return chunks
