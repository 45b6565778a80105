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
import zlib
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.distance import Indel

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
    return content_of(_WORD.findall(text.lower()))


def content_of(found: list[str]) -> list[str]:
    """The content words of a list of lower-case words (see :func:`content_words`)."""
    # decide once per distinct word: a long text repeats a few thousand words many times
    keep = {w for w in set(found) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()}
    return [w for w in found if w in keep]


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


# --- bounded cost ----------------------------------------------------------------------------
#
# difflib with autojunk=False reads best (it finds the longest common run first), but on
# repetitive text it does about (token pairs that match) x (matching blocks) steps: a 24 KB
# table of 1,000 edited rows took 17 s. Each diff is priced before it runs; one over its
# price is first aligned by units (sentences and content-defined chunks of a few words, with
# rapidfuzz's bit-parallel LCS, which is O(n*m/64) whatever the text), and only the changed
# stretches are then refined word by word while the budget lasts. What is left unrefined is
# shown unit by unit and the redline says so (it is "coarse").

# Work (about the steps of difflib's longest-match search) allowed for one word-level diff,
# and for all the diffs of one comparison. 1e8 is 0.1-0.3 s here; the largest clause pair in
# the SPDX version pairs (LGPL-2.1 -> 3.0 preamble) costs 1.2e7.
CLAUSE_WORK = 100_000_000
TOTAL_WORK = 150_000_000
# A unit ends after a sentence mark or a paragraph break, after a token whose checksum
# picks it (content-defined, so an insertion does not shift every later boundary), or at
# UNIT_TOKENS tokens.
UNIT_TOKENS = 48
_UNIT_END = frozenset(".;:!?")
# Unit-level LCS cells allowed (rapidfuzz: 4e8 cells in about 0.3 s); beyond, units are grouped.
UNIT_CELLS = 600_000_000
# A changed stretch too costly for difflib is diffed word by word with the same LCS while
# this many cells last (per comparison); after that it stays at unit level.
LCS_CELLS = 1_000_000_000


class Budget:
    """Word-level diff work left for one comparison (see :data:`TOTAL_WORK`)."""

    def __init__(self, total: int = TOTAL_WORK, cells: int = LCS_CELLS) -> None:
        self.left = total
        self.cells = cells

    def take(self, work: int) -> bool:
        if work > CLAUSE_WORK or work > self.left:
            return False
        self.left -= work
        return True

    def take_cells(self, cells: int) -> bool:
        if cells > self.cells:
            return False
        self.cells -= cells
        return True


def work(ka: Sequence[str], kb: Sequence[str]) -> int:
    """The price of a word-level difflib diff: matching token pairs x the shorter length."""
    if not ka or not kb:
        return 0
    count_a, count_b = Counter(ka), Counter(kb)  # counted in C; then one step per distinct token
    if len(count_b) > len(count_a):
        count_a, count_b = count_b, count_a
    return sum(count_a[k] * n for k, n in count_b.items()) * min(len(ka), len(kb))


def _unit_ends(keys: Sequence[str], spaces: Sequence[str], lo: int, hi: int) -> list[int]:
    """Where units end in ``keys[lo:hi]`` (exclusive ends; the last is ``hi``).

    Only tokens that may end a unit are visited (sentence marks, paragraph breaks, tokens
    whose checksum picks them); the runs of UNIT_TOKENS between them are counted out.
    """
    strong: dict[str, bool] = {}  # per distinct token: ends a unit wherever it stands
    picked: dict[str, bool] = {}  # per distinct token: ends a unit of at least 4 tokens
    for k in set(keys[lo:hi]):
        strong[k] = k in _UNIT_END
        picked[k] = zlib.crc32(k.encode()) & 15 == 0
    may_end = [i for i in range(lo, hi) if strong[keys[i]] or picked[keys[i]] or "\n" in spaces[i]]
    ends: list[int] = []
    start = lo  # first token of the current unit
    for i in may_end:
        while i - start >= UNIT_TOKENS:  # a full unit before this token
            start += UNIT_TOKENS
            ends.append(start)
        n = i + 1 - start
        k = keys[i]
        if n >= UNIT_TOKENS or strong[k] or "\n" in spaces[i] or (n >= 4 and picked[k]):
            ends.append(i + 1)
            start = i + 1
    while hi - start >= UNIT_TOKENS:
        start += UNIT_TOKENS
        ends.append(start)
    if not ends or ends[-1] != hi:
        ends.append(hi)
    return ends


def _units(keys: Sequence[str], ends: list[int], lo: int) -> list[str]:
    out, start = [], lo
    for end in ends:
        out.append("\x00".join(keys[start:end]))
        start = end
    return out


Code = tuple[str, int, int, int, int]


def _coarse_codes(a: Tokens, b: Tokens, budget: Budget) -> tuple[list[Code], bool]:
    """Opcodes of a diff too costly for difflib at once: units first, then words where affordable."""
    ka, kb = a[0], b[0]
    n, m = len(ka), len(kb)
    pre = 0
    while pre < min(n, m) and ka[pre] == kb[pre]:
        pre += 1
    suf = 0
    while suf < min(n, m) - pre and ka[n - 1 - suf] == kb[m - 1 - suf]:
        suf += 1
    codes: list[Code] = [("equal", 0, pre, 0, pre)] if pre else []
    ea, eb = _unit_ends(ka, a[1], pre, n - suf), _unit_ends(kb, b[1], pre, m - suf)
    # too many units for the LCS: group consecutive units (a last resort for huge, odd texts)
    group = 1
    while (len(ea) // group + 1) * (len(eb) // group + 1) > UNIT_CELLS:
        group *= 2
    if group > 1:
        ea = ea[group - 1 :: group] + ([ea[-1]] if len(ea) % group else [])
        eb = eb[group - 1 :: group] + ([eb[-1]] if len(eb) % group else [])
    starts_a, starts_b = [pre, *ea[:-1]], [pre, *eb[:-1]]
    if n - suf == pre:
        ea, starts_a = [], []
    if m - suf == pre:
        eb, starts_b = [], []
    coarse = False
    pending: list[int] | None = None  # a changed stretch [i1, i2, j1, j2] in tokens

    def flush() -> None:
        nonlocal coarse, pending
        if pending is None:
            return
        i1, i2, j1, j2 = pending
        pending = None
        if i2 > i1 and j2 > j1 and budget.take(work(ka[i1:i2], kb[j1:j2])):
            sub = SequenceMatcher(None, ka[i1:i2], kb[j1:j2], autojunk=False).get_opcodes()
            codes.extend((t, x1 + i1, x2 + i1, y1 + j1, y2 + j1) for t, x1, x2, y1, y2 in sub)
            return
        if i2 > i1 and j2 > j1 and budget.take_cells((i2 - i1) * (j2 - j1)):
            sub = Indel.opcodes(ka[i1:i2], kb[j1:j2]).as_list()
            codes.extend((t, x1 + i1, x2 + i1, y1 + j1, y2 + j1) for t, x1, x2, y1, y2 in sub)
            return
        coarse = coarse or (i2 > i1 and j2 > j1)
        codes.append(
            ("replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert", i1, i2, j1, j2)
        )

    ua, ub = _units(ka, ea, pre), _units(kb, eb, pre)
    for tag, x1, x2, y1, y2 in Indel.opcodes(ua, ub).as_list():
        i1 = starts_a[x1] if x1 < len(ua) else n - suf
        i2 = starts_a[x2] if x2 < len(ua) else n - suf
        j1 = starts_b[y1] if y1 < len(ub) else m - suf
        j2 = starts_b[y2] if y2 < len(ub) else m - suf
        if tag == "equal":
            flush()
            codes.append(("equal", i1, i2, j1, j2))
        elif pending is None:
            pending = [i1, i2, j1, j2]
        else:
            pending[1], pending[3] = i2, j2
    flush()
    if suf:
        codes.append(("equal", n - suf, n, m - suf, m))
    return codes, coarse


def _opcodes(ka: list[str], kb: list[str], budget: Budget | None, spaces: tuple) -> tuple[list[Code], bool]:
    """difflib opcodes with short equal runs between changes folded into the changes.

    Returns the opcodes and whether any changed stretch was left at unit level.
    """
    coarse = False
    if budget is None:
        budget = Budget()
    if budget.take(work(ka, kb)):
        codes = SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes()
    else:
        codes, coarse = _coarse_codes((ka, spaces[0]), (kb, spaces[1]), budget)
    merged: list[list] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal" and 0 < n < len(codes) - 1 and i2 - i1 <= SLIVER:
            tag = "replace"
        if tag != "equal" and merged and merged[-1][0] != "equal":
            merged[-1][0], merged[-1][2], merged[-1][4] = "replace", i2, j2
        else:
            merged.append([tag, i1, i2, j1, j2])
    return [tuple(c) for c in merged], coarse


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


def redline_split(a: Tokens, b: Tokens, budget: Budget | None = None) -> list[Piece]:
    """Redline two token lists (from :func:`split`); see :func:`redline`."""
    return redline_tokens(a, b, budget)[0]


# Quote and dash styles: “Contributor” and "Contributor" are the same word between different
# marks. Tokens are matched with these marks folded, and only the marks that differ are shown
# changed (as a changed space is), not the word they enclose.
TYPOGRAPHY = {
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
_TYPOGRAPHIC = frozenset(TYPOGRAPHY)


def _folded(keys: list[str]) -> list[str]:
    """``keys`` with typographic quotes and dashes as plain ones (the same list when it has none)."""
    if _TYPOGRAPHIC.isdisjoint(keys):
        return keys
    return [TYPOGRAPHY.get(k, k) for k in keys]


def redline_tokens(a: Tokens, b: Tokens, budget: Budget | None = None) -> tuple[list[Piece], bool]:
    """Redline two token lists, and whether it is coarse (changes marked by unit, not by word)."""
    ka, wa = a
    kb, wb = b
    fa, fb = _folded(ka), _folded(kb)
    coarse = False
    if fa == fb:
        codes: list[Code] = [("equal", 0, len(ka), 0, len(kb))]
    else:
        codes, coarse = _opcodes(fa, fb, budget, (wa, wb))
    out: list[Piece] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal":
            _append(out, "delete", "".join(k + w for k, w in zip(ka[i1:i2], wa[i1:i2], strict=True)))
            _append(out, "insert", "".join(k + w for k, w in zip(kb[j1:j2], wb[j1:j2], strict=True)))
            continue
        # Equal words may be followed by different whitespace (" " vs a paragraph break), or
        # be marks of another style: keep the words equal and show those as tiny edits.
        if wa[i1:i2] == wb[j1:j2] and (fa is ka and fb is kb or ka[i1:i2] == kb[j1:j2]):  # the usual case
            _append(out, "equal", "".join(k + w for k, w in zip(ka[i1:i2], wa[i1:i2], strict=True)))
            continue
        buf: list[str] = []
        for key, other, x, y in zip(ka[i1:i2], kb[j1:j2], wa[i1:i2], wb[j1:j2], strict=True):
            if key == other:
                buf.append(key)
            else:
                _append(out, "equal", "".join(buf))
                buf = []
                _append(out, "delete", key)
                _append(out, "insert", other)
            if x == y:
                buf.append(x)
                continue
            _append(out, "equal", "".join(buf))
            buf = []
            _append(out, "delete", x)
            _append(out, "insert", y)
        _append(out, "equal", "".join(buf))
    return out, coarse


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
