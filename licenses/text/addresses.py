"""Pure clause addresses: the one copy of how a clause's path, anchor and slug are made.

Used by the segmenter (:mod:`licenses.text.segmentation`) and by hand corrections
(:mod:`licenses.corrections.addresses`), so a clause split by hand gets the address the
segmenter would have given it. No Django imports.

A *path* is the citation as a reader writes it: ``2.2(b)``, ``4(d)``, ``Section 4``,
``1.def-licensor``. A text that holds a second document, or restarts its numbering under
``PART B`` or ``Schedule 2``, puts that part's clauses in their own *address space*: the
path starts with the part's slug and a slash, ``part-b/1.2`` or
``gnu-general-public-license/5(a)``. An *anchor* is the URL-safe form of a path (``2.2.b``).
"""

from __future__ import annotations

import re
import unicodedata

from licenses.text.numbering import Label, cjk_number, numeric_tokens, parse_label, tokens

MAX_ANCHOR = 190  # the column holds 200; room for a "-12" that keeps anchors unique
SPACE_SEP = "/"
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_ANCHOR = re.compile(r"[^a-z0-9_-]+")
_PREFIX = re.compile(r"[a-z0-9-]+")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")
_SIMPLE = re.compile(r"^\(?([A-Za-z0-9]{1,5})[.)]?$")
_CJK_ARTICLE = re.compile(r"[第제]\s*([0-9一二三四五六七八九十百〇零]+)\s*[条條조]")


def slug(s: str, limit: int = 40) -> str:
    """``"PART B. Downloading"`` -> ``"part-b-downloading"``; never empty."""
    return _NON_SLUG.sub("-", s.lower()).strip("-")[:limit].strip("-") or "part"


def anchor(path: str) -> str:
    """URL-safe anchor for a path: ``2.2(b)`` -> ``2.2.b``, ``§ 3`` -> ``s.3``, ``第1条`` -> ``article.1``."""
    if not path.isascii():
        path = unicodedata.normalize("NFKC", path)  # full-width "第２条" is "第2条"
        path = _CJK_ARTICLE.sub(lambda m: f".article.{cjk_number(m.group(1)) or m.group(1)}.", path)
    out = _NON_ANCHOR.sub(".", path.lower().replace("§", "s")).strip(".-")
    return out[:MAX_ANCHOR].strip(".-") or "clause"


def split_space(path: str) -> tuple[str, str]:
    """``"part-b/1.2"`` -> ``("part-b", "1.2")``; ``"1.2"`` -> ``("", "1.2")``."""
    prefix, sep, local = path.partition(SPACE_SEP)
    if sep and prefix and _PREFIX.fullmatch(prefix):
        return prefix, local
    return "", path


def in_space(prefix: str, local: str) -> str:
    return f"{prefix}{SPACE_SEP}{local}" if prefix else local


def number_tokens(path: str) -> tuple[str, ...]:
    """The numbers a path carries, for "does this child already hold its parent's number":
    ``Section 1`` -> ``("1",)``, ``1.0`` -> ``("1",)``, ``part-b/2`` -> ``("2",)``."""
    return numeric_tokens(tokens(split_space(path)[1].replace("§", " ")))


def child_path(label: str, parent_path: str | None, *, parsed: Label | None = None) -> str:
    """The full address of a clause printed with ``label`` under a clause at ``parent_path``.

    ``(c)`` under ``2.2`` is ``2.2(c)``; ``2.3`` under ``2`` (or under ``Section 2``, or ``2.0``)
    stays ``2.3``: a child number that already holds its parent's number is that number;
    ``1.1`` under ``A`` is ``A.1.1``; ``Section 4`` and a printed address such as ``2.2(b)`` are
    never prefixed. The parent's address space carries over to the child. ``parsed`` saves
    reading the label again when the caller has (the segmenter).
    """
    label = label.strip()
    prefix, parent_local = split_space(parent_path) if parent_path else ("", None)
    parsed = parsed or parse_label(label)
    simple = _SIMPLE.match(label)
    if parsed is not None and parsed.kind == "simple" or parsed is None and simple:
        core = _NON_ALNUM.sub("", unicodedata.normalize("NFKC", label)) or label  # "１．" is "1"
        if parsed is not None and len(parsed.tokens) == 2 and parsed.tokens[1] == "0":  # "2.0"
            return in_space(prefix, label.rstrip(".) \t"))
        if parent_local is None:
            return f"({core})" if label.startswith("(") else core
        return in_space(prefix, f"{parent_local}({core})")
    own = label.rstrip(".) \t") if parsed is None or parsed.kind != "addr" else label.rstrip(".")
    if parent_local is None or parsed is not None and parsed.kind in ("word", "addr"):
        return in_space(prefix, own)
    parent_numbers = number_tokens(parent_local)
    own_numbers = parsed.tokens if parsed is not None and parsed.kind == "dec" else tokens(own)
    if parent_numbers and own_numbers[: len(parent_numbers)] == parent_numbers:
        return in_space(prefix, own)
    return in_space(prefix, f"{parent_local}.{own}")
