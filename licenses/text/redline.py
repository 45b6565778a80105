"""Pure word-level redlines and the text normalisation they run on. No Django imports.

The redline of two texts is computed over their *normalised* forms (see
:func:`normalise`): line wrapping and runs of spaces collapse to one space,
paragraph breaks become ``"\\n\\n"``, and decoration lines (``-----``,
``****``, ``=====``) are dropped. The pieces then rebuild those normalised
texts exactly::

    "".join(t for op, t in pieces if op != "insert") == normalise(a_text)
    "".join(t for op, t in pieces if op != "delete") == normalise(b_text)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

try:  # the C twin of difflib: same algorithm and output, several times faster
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - pure-Python fallback with identical results
    from difflib import SequenceMatcher

Piece = tuple[str, str]  # ("equal" | "insert" | "delete", text)

_DECORATION = re.compile(r"^[ \t]*([-=*_~#+.·•])(?:[ \t]*\1){2,}[ \t]*$", re.M)
# a line inside a box of stars ("*  6. Disclaimer of Warranty   *"): keep the inside
_FRAMED = re.compile(r"^[ \t]*\*(?:[ \t]+(.*?))?[ \t]*\*[ \t]*$", re.M)
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
# A token is a word or one punctuation mark, with the whitespace that follows it.
_TOKEN = re.compile(r"(?:\w+|[^\w\s])\s*")
_KEY = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")

# Equal runs of at most this many tokens between two changes are folded into the change.
SLIVER = 2


def normalise(text: str) -> str:
    """Collapse line wrapping, keep paragraph breaks as ``"\\n\\n"``, drop decoration.

    Decoration is a line of one repeated mark (``-----``, ``****``, ``=====``)
    and the borders of a box of stars, as around MPL-2.0's sections 6 and 7.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "*" in text:
        text = _FRAMED.sub(lambda m: m.group(1) or "", text)
    text = _DECORATION.sub("", text)
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def tokens(normalised: str) -> list[str]:
    """Split normalised text into tokens that join back into it exactly."""
    return _TOKEN.findall(normalised)


# Function words carry little evidence that two clauses correspond; scoring without
# them roughly halves the similarity of unrelated legal clauses (0.15 -> 0.07).
_FUNCTION_WORDS = """
a an the of to and or in on for by with as at from that this these those is are be been was were
it its any all such which who whom you your we our he she they them their not no may shall will
must can if then than so under upon into other each
"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())


def words(text: str) -> list[str]:
    """Lower-case word tokens (no punctuation)."""
    return _WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """Lower-case words without function words, numbers and single letters: the unit of scoring.

    Numbers and list letters are mostly cross-references ("Section 2.1(a)"),
    which change with every renumbering and make unrelated clauses look alike.
    """
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()]


def _append(out: list[Piece], op: str, text: str) -> None:
    """Append a piece; a run of changes stays one deletion followed by one insertion."""
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    elif op == "delete" and out and out[-1][0] == "insert":
        if len(out) > 1 and out[-2][0] == "delete":
            out[-2] = ("delete", out[-2][1] + text)
        else:
            out.insert(len(out) - 1, ("delete", text))
    else:
        out.append((op, text))


def _opcodes(ka: list[str], kb: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes with short equal runs between changes folded into the changes."""
    codes = SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
    merged: list[list] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal" and 0 < n < len(codes) - 1 and i2 - i1 <= SLIVER:
            tag = "replace"
        if tag != "equal" and merged and merged[-1][0] != "equal":
            merged[-1][0], merged[-1][2], merged[-1][4] = "replace", i2, j2
        else:
            merged.append([tag, i1, i2, j1, j2])
    return [tuple(c) for c in merged]


Tokens = tuple[list[str], list[str]]  # (words and marks, the whitespace after each)


def split(normalised: str) -> Tokens:
    """Tokens of normalised text as parallel lists: keys and the whitespace after each."""
    keys = _KEY.findall(normalised)
    # normalised text has no leading whitespace, so the first gap is always ""
    return keys, _KEY.split(normalised)[1:]


def joined(parts: Sequence[Tokens]) -> Tokens:
    """Several token lists (from :func:`split`) joined by paragraph breaks."""
    if len(parts) == 1:
        return parts[0]
    keys: list[str] = []
    spaces: list[str] = []
    for k, w in parts:
        if keys and k:
            spaces[-1] += "\n\n"
        keys += k
        spaces += w
    return keys, spaces


def redline_split(a: Tokens, b: Tokens) -> list[Piece]:
    """Redline two token lists (from :func:`split`); see :func:`redline`."""
    ka, wa = a
    kb, wb = b
    codes = [("equal", 0, len(ka), 0, len(kb))] if ka == kb else _opcodes(ka, kb)
    out: list[Piece] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal":
            _append(out, "delete", "".join(k + w for k, w in zip(ka[i1:i2], wa[i1:i2], strict=True)))
            _append(out, "insert", "".join(k + w for k, w in zip(kb[j1:j2], wb[j1:j2], strict=True)))
            continue
        # Equal words may be followed by different whitespace (" " vs a paragraph
        # break): keep the word equal and show the whitespace as a tiny edit.
        buf: list[str] = []
        for key, x, y in zip(ka[i1:i2], wa[i1:i2], wb[j1:j2], strict=True):
            buf.append(key)
            if x == y:
                buf.append(x)
                continue
            _append(out, "equal", "".join(buf))
            buf = []
            _append(out, "delete", x)
            _append(out, "insert", y)
        _append(out, "equal", "".join(buf))
    return out


def redline(a_text: str, b_text: str) -> list[Piece]:
    """Word-level redline of ``a_text`` -> ``b_text`` as ``(op, text)`` pieces.

    ``op`` is ``"equal"``, ``"delete"`` or ``"insert"``. Words and punctuation
    marks are tokens; whitespace stays attached to the token before it, so the
    pieces read naturally. Both texts are normalised first (:func:`normalise`),
    and the pieces rebuild the normalised texts exactly. Equal runs of one or
    two tokens between changes are folded into the change, so there are no
    slivers. In a change, the deletion comes before the insertion.
    """
    return redline_split(split(normalise(a_text)), split(normalise(b_text)))


def rebuild(pieces: list[Piece], side: str) -> str:
    """The text of side ``"a"`` (equal + delete) or ``"b"`` (equal + insert) of a redline."""
    skip = "insert" if side == "a" else "delete"
    return "".join(t for op, t in pieces if op != skip)
