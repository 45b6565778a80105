"""Clause references in mail: find them in a body (raw), then match them to a version's clauses.

Both functions are pure. ``find_refs`` knows nothing about the license; ``match_refs`` gets the
clauses of the reviewed version as (path, text) pairs.
"""

from __future__ import annotations

import re

from review.mail_types import ClauseMatch, ClauseRef

_SUB = r"\s?\((?:[ivx]{1,5}|[a-zA-Z]{1,2}|\d{1,2})\)"
_PATH = rf"\d{{1,3}}(?:\.\d{{1,3}})*(?:\.?[a-z]{{1,2}}\b)?(?:{_SUB})*"
_KEYWORDS = [
    (r"§§?|¶¶?", "section", 0.95),
    (r"\b[Ss]ub-?sections?\b|\b[Ss]ections?\b|\b[Ss]ects?\.|\b[Ss]ecs?\.", "section", 0.95),
    (r"(?<![\w.])s{1,2}\.", "section", 0.85),
    (r"\b[Cc]lauses?\b", "clause", 0.9),
    (r"\b[Aa]rticles?\b|\b[Aa]rts?\.", "article", 0.9),
    (r"\b[Pp]aragraphs?\b|\b[Pp]aras?\.|\b[Pp]aragraphe\b|\b[Aa]bsatz\b", "paragraph", 0.9),
]
# A keyword right before a number: searched only in the few characters before each number.
_KEYWORD_BEFORE = re.compile(
    "(?:" + "|".join(f"(?P<k{i}>{pattern})" for i, (pattern, _, _) in enumerate(_KEYWORDS)) + r")\s?\Z"
)
_NUMBER = re.compile(r"(?<!\d)(?<!\d\.)\d")
_MORE = re.compile(rf"(?:\s*(?:,|and|or|&|to|through|-|–)\s*(?:{_PATH}))+")
_PATH_RE = re.compile(_PATH)
# Bare forms: "2.2 (b)", "4(d)" and the near misses "2.2b", "2.bb"; plain "2.2" only weakly.
_BARE_SUB = re.compile(rf"(?<![\w.§$€£/-])(\d{{1,2}}(?:\.\d{{1,2}})*(?:{_SUB})+)")
_BARE_LETTER = re.compile(r"(?<![\w.§$€£/-])(\d{1,2}\.(?:\d{1,2}\.?)?[a-z]{1,2})\b(?![.(]?\w)")
_BARE_DOTTED = re.compile(r"(?<![\w.§$€£/-])(\d{1,2}\.\d{1,2}(?:\.\d{1,2})*)(?![\w%]|\.\d|\s?(?:%|percent|million|billion))")
_UNITS = {"am", "pm", "mm", "cm", "km", "kg", "gb", "mb", "kb", "th", "st", "nd", "rd", "x", "m", "h", "s", "k"}
_VERSIONISH = re.compile(
    r"\b(?:version|v|ver\.?|release|draft|rev\.?|revision|gpl|lgpl|agpl|gplv|apache|mpl|epl|cddl|eupl|cc|by|sa|"
    r"python|django|osd|spdx|rfc|iso|openrail|llama)[\s-]*$",
    re.I,
)


def normalise_path(path: str) -> str:
    return re.sub(r"\s+", "", path).rstrip(".")


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
        keyword = _KEYWORD_BEFORE.search(text, max(0, start - 16), start)
        if keyword:
            path = _PATH_RE.match(text, start)
            if path is None:
                continue
            index = next(i for i in range(len(_KEYWORDS)) if keyword.group(f"k{i}"))
            _, kind, confidence = _KEYWORDS[index]
            add(start, path.group(0), confidence, kind)
            done = path.end()
            word = keyword.group(0).strip()
            plural = word.endswith("s") or word in ("§§", "¶¶", "ss.") or word.lower().startswith("ss")
            if plural and (more := _MORE.match(text, done)):
                for p in _PATH_RE.finditer(more.group(0)):
                    add(done + p.start(), p.group(0), confidence - 0.05, kind)
                done = more.end()
            continue
        for pattern, confidence in ((_BARE_SUB, 0.75), (_BARE_LETTER, 0.4), (_BARE_DOTTED, 0.35)):
            m = pattern.match(text, start)
            if not m:
                continue
            value = m.group(1)
            if pattern is _BARE_LETTER and re.sub(r"[\d.]", "", value) in _UNITS:
                break
            if pattern is not _BARE_SUB and _VERSIONISH.search(text, max(0, start - 12), start):
                break
            add(start, value, confidence if "." in value or pattern is not _BARE_SUB else 0.6, "bare")
            done = m.end(1)
            break
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
    parents = [(len(_components(p)), p) for p, _ in clauses
               if _components(p) and want[: len(_components(p))] == _components(p) and len(_components(p)) < len(want)]
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
    for match in [m for ref in refs for m in _match_path(ref, clauses)] + _match_quotes(message_body, clauses):
        if match.path not in best or best[match.path].confidence < match.confidence:
            best[match.path] = match
    order = {path: k for k, (path, _) in enumerate(clauses)}
    return sorted(best.values(), key=lambda m: (-m.confidence, order.get(m.path, 0)))
