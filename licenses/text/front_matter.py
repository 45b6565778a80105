"""YAML front matter at the top of a license file: metadata, not license text. Pure.

Files from static-site collections (choosealicense.com's ``_licenses/*.txt``, Jekyll and Hugo
pages) open with a block between two ``---`` lines of ``key: value`` pairs: title, SPDX id,
description, permissions. Stored as the license's preamble it would be read, segmented, hinted
and compared as if the license said it.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$")
MAX_BLOCK = 64 * 1024  # a front matter block is a few KB; a rule far down the text is not one


def split_front_matter(text: str) -> tuple[str, dict[str, str]] | None:
    """``(text without the block, its top-level scalar fields)`` when ``text`` opens with YAML
    front matter, else None. A block counts when every unindented line of it is a ``key:`` or
    ``key: value`` line (lists and folded text sit indented or behind "- " under their key), so
    a Markdown text that opens with a ``---`` rule and prose is left alone."""
    m = _BLOCK.match(text[: MAX_BLOCK + 8])
    if m is None:
        return None
    top = [
        ln for ln in m.group(1).splitlines() if ln.strip() and not ln[0].isspace() and not ln.startswith("- ")
    ]
    if not top or not all(_KEY.match(ln.rstrip()) for ln in top if not ln.lstrip().startswith("#")):
        return None
    fields = {}
    for ln in top:
        key = _KEY.match(ln.rstrip())
        if key and key.group(2):
            fields[key.group(1)] = key.group(2).strip().strip("\"'")
    return text[m.end() :].lstrip("\r\n"), fields
