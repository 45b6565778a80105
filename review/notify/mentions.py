"""PURE: ``@username`` mentions in a comment's Markdown. No Django imports.

A mention is ``@`` followed by a username (Django's default characters: letters, digits and
``@.+-_``), not preceded by a word character (so ``me@example.org`` is an address, not a
mention) and not inside code. A trailing full stop or comma ends the sentence, not the name.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_MENTION = re.compile(r"(?<![\w@/])@([\w.+-]{1,150})", re.U)


def find_mentions(markdown: str) -> list[str]:
    """Usernames mentioned, in order of first mention, without duplicates."""
    text = _CODE.sub(" ", _FENCE.sub(" ", markdown))
    seen: dict[str, None] = {}
    for match in _MENTION.finditer(text):
        name = match.group(1).rstrip(".,;:!?-")
        if name:
            seen.setdefault(name, None)
    return list(seen)
