"""Clause references in mail: find them in a body (raw), then match them to a version's clauses.

Both functions are pure. ``find_refs`` knows nothing about the license; ``match_refs`` gets the
clauses of the reviewed version as (path, text) pairs.
"""

from __future__ import annotations

import re

from review.mail_types import ClauseMatch, ClauseRef

_SUB = r"\s?\((?:[ivx]{1,5}|[a-zA-Z]{1,2}|\d{1,2})\)"
_PATH = rf"\d{{1,3}}(?:\.\d{{1,3}})*(?:\.?[a-z]{{1,2}}\b)?(?:{_SUB})*"
# The word right before a number decides whether it is a reference: word -> (kind, confidence).
_KEYWORDS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(
        [
            "§",
            "§§",
            "¶",
            "¶¶",
            "section",
            "sections",
            "sec.",
            "secs.",
            "sect.",
            "sects.",
            "subsection",
            "subsections",
            "sub-section",
            "sub-sections",
        ],
        ("section", 0.95),
    ),
    **dict.fromkeys(["s.", "ss."], ("section", 0.85)),
    **dict.fromkeys(["clause", "clauses"], ("clause", 0.9)),
    **dict.fromkeys(["article", "articles", "art.", "arts."], ("article", 0.9)),
    **dict.fromkeys(
        ["paragraph", "paragraphs", "para.", "paras.", "paragraphe", "absatz"], ("paragraph", 0.9)
    ),
}
_PLURAL = frozenset(
    [
        "§§",
        "¶¶",
        "sections",
        "secs.",
        "sects.",
        "subsections",
        "sub-sections",
        "ss.",
        "clauses",
        "articles",
        "arts.",
        "paragraphs",
        "paras.",
    ]
)
_NUMBER = re.compile(r"(?<!\d)(?<!\d\.)\d")
_MORE = re.compile(rf"(?:\s*(?:,|and|or|&|to|through|-|–)\s*(?:{_PATH}))+")
_PATH_RE = re.compile(_PATH)
# Bare forms: "2.2 (b)", "4(d)" and the near misses "2.2b", "2.bb"; plain "2.2" only weakly.
_BARE = re.compile(
    r"(?<![\w.§$€£/-])(?:"
    rf"(?P<sub>\d{{1,2}}(?:\.\d{{1,2}})*(?:{_SUB})+)"
    r"|(?P<letter>\d{1,2}\.(?:\d{1,2}\.?)?[a-z]{1,2})\b(?![.(]?\w)"
    r"|(?P<dotted>\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)(?![\w%]|\.\d|\s?(?:%|percent|million|billion)))"
)
_DIGITS_DOTS = re.compile(r"[\d.]")
_UNITS = {
    "am",
    "pm",
    "mm",
    "cm",
    "km",
    "kg",
    "gb",
    "mb",
    "kb",
    "th",
    "st",
    "nd",
    "rd",
    "x",
    "m",
    "h",
    "s",
    "k",
}
_VERSIONISH = re.compile(
    r"\b(?:version|v|ver\.?|release|draft|rev\.?|revision|gpl|lgpl|agpl|gplv|apache|mpl|epl|cddl|eupl|cc|by|sa|"
    r"python|django|osd|spdx|rfc|iso|openrail|llama)[\s-]*$",
    re.I,
)


def normalise_path(path: str) -> str:
    return "".join(path.split()).rstrip(".")


def _word_before(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` ("§" and "¶" count as words even when glued on)."""
    window = text[max(0, start - 15) : start]
    if window.endswith((" ", "\u00a0")):
        window = window[:-1]
    if window.endswith(("§", "¶")):
        return "§§" if window.endswith(("§§", "¶¶")) else "§"
    parts = window.rsplit(None, 1)
    word = parts[-1] if parts else ""
    if len(parts) < 2 and start - 15 > 0:
        return ""  # the word is longer than the window: not a keyword
    return word.lstrip("([{\"'“‘«").lower()


def find_refs(text: str) -> list[ClauseRef]:
    """Raw clause references in ``text``, in order of first appearance, one per path."""
    found: dict[str, tuple[int, ClauseRef]] = {}

    def add(pos: int, path: str, confidence: float, kind: str) -> None:
        path = normalise_path(path)
        old = found.get(path)
        if old is None or old[1].confidence < confidence:
            found[path] = (min(pos, old[0]) if old else pos, ClauseRef(path, round(confidence, 2), kind))

    done = 0  # everything before this offset is already part of a reference
    for number in _NUMBER.finditer(text):
        start = number.start()
        if start < done:
            continue
        word = _word_before(text, start)
        if word in _KEYWORDS:
            path = _PATH_RE.match(text, start)
            if path is None:
                continue
            kind, confidence = _KEYWORDS[word]
            add(start, path.group(0), confidence, kind)
            done = path.end()
            if word in _PLURAL and (more := _MORE.match(text, done)):
                for p in _PATH_RE.finditer(more.group(0)):
                    add(done + p.start(), p.group(0), confidence - 0.05, kind)
                done = more.end()
            continue
        m = _BARE.match(text, start)
        if not m:
            continue
        form = m.lastgroup or "dotted"
        value = m.group(form)
        if form == "letter" and _DIGITS_DOTS.sub("", value) in _UNITS:
            continue
        if form != "sub" and _VERSIONISH.search(text, max(0, start - 12), start):
            continue
        confidence = {"sub": 0.75 if "." in value else 0.6, "letter": 0.4}.get(form, 0.35)
        add(start, value, confidence, "bare")
        done = m.end()
    return [ref for _, ref in sorted(found.values(), key=lambda item: item[0])]


# --- matching against a version ---------------------------------------------

_KEYWORD_PREFIX = re.compile(r"^(?:§+|section|sec\.|clause|article|art\.|paragraph|para\.)\s*", re.I)
_WORD = re.compile(r"\w+")
SHINGLE = 8  # words in a row that make a quotation


def _components(path: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\d+|[a-z]+", _KEYWORD_PREFIX.sub("", path.strip()).lower()))


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _match_path(ref: ClauseRef, clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    want = _components(ref.path)
    if not want:
        return []
    compact = "".join(want)
    exact = [p for p, _ in clauses if normalise_path(_KEYWORD_PREFIX.sub("", p)).lower() == ref.path.lower()]
    if exact:
        return [ClauseMatch(p, round(ref.confidence, 3), "exact", ref.path) for p in exact]
    same = [p for p, _ in clauses if _components(p) == want]
    if same:  # "2.2b", "2.2.b", "2.2 b" for "2.2(b)"
        return [ClauseMatch(p, round(ref.confidence * 0.8, 3), "near", ref.path) for p in same]
    out: list[ClauseMatch] = []
    for path, _ in clauses:
        have = _components(path)
        if not have or abs(len("".join(have)) - len(compact)) > 1:
            continue
        if len(compact) >= 2 and _distance("".join(have), compact) == 1:  # "2.bb" for "2.2(b)"
            bonus = 0.05 * (have[0] == want[0]) + 0.05 * (have[-1] == want[-1])
            out.append(ClauseMatch(path, round(ref.confidence * (0.45 + bonus), 3), "near", ref.path))
    if out:
        return out
    parents = [
        (len(_components(p)), p)
        for p, _ in clauses
        if _components(p)
        and want[: len(_components(p))] == _components(p)
        and len(_components(p)) < len(want)
    ]
    if parents:  # "2.2(b)(iii)" when the version stops at "2.2(b)"
        return [ClauseMatch(max(parents)[1], round(ref.confidence * 0.6, 3), "parent", ref.path)]
    return []


def _match_quotes(body: str, clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    words = _WORD.findall(body.lower())
    if len(words) < SHINGLE:
        return []
    wanted = {tuple(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}
    owners: dict[tuple[str, ...], list[tuple[int, int, str]]] = {}
    for order, (path, text) in enumerate(clauses):
        cw = _WORD.findall(text.lower())
        for k in range(len(cw) - SHINGLE + 1):
            gram = tuple(cw[k : k + SHINGLE])
            if gram in wanted:
                owners.setdefault(gram, []).append((len(cw), order, path))
    hits: dict[str, list[tuple[str, ...]]] = {}
    for gram, paths in owners.items():
        hits.setdefault(min(paths)[2], []).append(gram)  # the most specific (shortest) clause wins
    out = []
    for path, grams in hits.items():
        confidence = min(0.95, 0.75 + 0.02 * (len(grams) - 1))
        out.append(ClauseMatch(path, round(confidence, 3), "quote", " ".join(grams[0])))
    return out


def match_refs(message_body: str, refs: list[ClauseRef], clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    """Clauses of a version that a message refers to, best first.

    Exact paths keep the reference's confidence; near misses a person would understand
    ("2.2b", "2.2.b", "2.bb" for "2.2(b)") and parent clauses score lower; 8 or more words
    quoted from a clause's text point at that clause.
    """
    best: dict[str, ClauseMatch] = {}
    for match in [m for ref in refs for m in _match_path(ref, clauses)] + _match_quotes(
        message_body, clauses
    ):
        if match.path not in best or best[match.path].confidence < match.confidence:
            best[match.path] = match
    order = {path: k for k, (path, _) in enumerate(clauses)}
    return sorted(best.values(), key=lambda m: (-m.confidence, order.get(m.path, 0)))
