"""Clause references in mail: find them in a body (raw), then match them to a version's clauses.

All of it is pure. ``find_refs`` knows nothing about the license; ``match_refs`` gets the
clauses of the reviewed version as (path, text) pairs.
"""

from __future__ import annotations

import re

from review.mail.message import ClauseMatch, ClauseRef

_SUB = r"\s?\((?:[ivx]{1,5}|[a-zA-Z]{1,2}|\d{1,2})\)"
_PATH = rf"\d{{1,4}}(?!\d)(?:\.\d{{1,3}}(?!\d))*(?:\.?[a-z]{{1,2}}\b)?(?:{_SUB})*"
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
    **dict.fromkeys(["s.", "ss.", "sec"], ("section", 0.85)),
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
_NUMBER = re.compile(r"(?<!\d)(?<!\d\.)\d+")
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


# A license's name just before a number: a hyphenated id ("MG-BY-OS", "CDLA-Permissive"), a
# word of two or more capitals with at most one small letter among them ("BUSL", "ODbL", "MG0"),
# a word with a capital inside it ("ModelGo", "OpenRAIL"), "License" / "Licence" ("Public
# License 2.0"), or the last of two capitalised words ("Creative Commons 4.0", "Blue Oak 1.0")
_NAMED = re.compile(
    r"(?:\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+"
    r"|\b(?=[A-Z0-9]*[a-z]?[A-Z0-9]*(?![A-Za-z0-9]))[A-Z][A-Za-z0-9]{1,9}"
    r"|\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*"
    r"|\bLicen[cs]e"
    r"|\b[A-Z][a-z]+[ \t]+[A-Z][a-z]+)[ \t]*$"
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


# A long mail holds many numbers (dates, times, amounts); only two kinds can start a reference:
# a number right after something that ends like a keyword (``_word_before`` decides), and a
# number of one or two digits followed by "." or "(" (a bare form). Regexes find both, so the
# rules below run only on those numbers. The scans read the text lower-cased (a case-blind
# regex costs several times more per character), with the original's offsets.
_KEYWORD_FORMS = (
    r"§§?|¶¶?|s(?:ec(?:tions?|ts?\.|s?\.)?|ub-?sections?|s?\.)|clauses?|art(?:icles?|s?\.)"
    r"|para(?:graph[se]?|s?\.)|absatz"
)  # every key of _KEYWORDS, as a tree (a flat alternation costs far more per character)
_AFTER_KEYWORD = re.compile(rf"(?:{_KEYWORD_FORMS})\s*(?=\d)")
_SECONDS = re.compile(r"\d\s*sec\s*$", re.I)
_BARE_START = re.compile(r"\d{1,2}(?=[.(]|\s\()")  # _NUMBER.match drops those inside a number


def _candidates(text: str, scan: str, after_keyword: re.Pattern[str]) -> list[re.Match[str]]:
    """The numbers of ``text`` (as ``_NUMBER`` reads them) that may start a reference, in order."""
    starts = {m.end() for m in after_keyword.finditer(scan)}
    starts.update(m.start() for m in _BARE_START.finditer(scan))
    found = (_NUMBER.match(text, start) for start in sorted(starts))
    return [m for m in found if m is not None]


# "paragraph (b) of Section 2.2", "item iii of clause 4", "point (b) of 2.2": the part named
# first, its parent after (with no keyword, only a dotted number is a parent).
_PART_OF = re.compile(
    r"\b(?:sub-?paragraph|paragraph|para\.|sub-?section|subclause|sub-clause|item|point|letter|clause)\s+"
    r"\(?(?P<part>[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)?\s+of\s+(?:the\s+)?"
    r"(?:(?:section|sec\.?|clause|article|art\.|§)\s*(?P<parent>\d{1,4}(?!\d)(?:\.\d{1,3}(?!\d))*(?:\s?\([a-z0-9]{1,5}\))*)"
    # without a keyword the parent must look like a clause number: "item (b) of 2.2"
    r"|(?P<dotted>\d{1,2}\.\d{1,2}(?!\d)(?:\.\d{1,2}(?!\d))*(?:\s?\([a-z0-9]{1,5}\))*)(?![\w%]|\.\d|\s?(?:%|percent|million|billion)))"
)  # read on the lower-cased text; its groups are taken from the original
# When lower-casing changes the length ("İ" becomes two characters), offsets would not hold:
# such a text is read as written, by the same regexes made case-blind.
_AFTER_KEYWORD_ANY_CASE = re.compile(_AFTER_KEYWORD.pattern, re.IGNORECASE)
_PART_OF_ANY_CASE = re.compile(_PART_OF.pattern, re.IGNORECASE)


def find_refs(text: str) -> list[ClauseRef]:
    """Raw clause references in ``text``, in order of first appearance, one per path."""
    found: dict[str, tuple[int, ClauseRef]] = {}
    nested: list[tuple[int, int]] = []  # spans already read as "part of parent"

    def add(pos: int, path: str, confidence: float, kind: str) -> None:
        path = normalise_path(path)
        old = found.get(path)
        if old is None or old[1].confidence < confidence:
            found[path] = (min(pos, old[0]) if old else pos, ClauseRef(path, round(confidence, 2), kind))

    low = text.lower()
    if len(low) == len(text):
        scan, after_keyword, part_of = low, _AFTER_KEYWORD, _PART_OF
    else:
        scan, after_keyword, part_of = text, _AFTER_KEYWORD_ANY_CASE, _PART_OF_ANY_CASE
    if " of " in low:  # "OF" too: upper-case mail was read without its "part of parent"
        for m in part_of.finditer(scan):
            group = "parent" if m.group("parent") is not None else "dotted"
            part, parent = text[m.start("part") : m.end("part")], text[m.start(group) : m.end(group)]
            if group == "dotted" and part.isdigit():
                continue  # "item 3 of 2.5": a count as likely as a clause
            confidence = 0.95 if group == "parent" else 0.8
            add(m.start(), f"{parent}({part.lower() if part.isalpha() else part})", confidence, "section")
            nested.append((m.start(group), m.end()))
    done = 0  # everything before this offset is already part of a reference
    inside = 0  # nested[inside] is the first span that does not end before the current number
    for number in _candidates(text, scan, after_keyword):
        start = number.start()
        if start < done:
            continue
        while inside < len(nested) and nested[inside][1] <= start:
            inside += 1
        if inside < len(nested) and nested[inside][0] <= start:
            continue
        word = _word_before(text, start)
        if word == "sec" and _SECONDS.search(text, max(0, start - 16), start):
            continue  # "30 sec 2 times": seconds, not a section
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
        m = _BARE.match(text, start)  # each form is one or two digits, then "." or "(" or " ("
        if not m:
            continue
        form = m.lastgroup or "dotted"
        value = m.group(form)
        if form == "letter" and _DIGITS_DOTS.sub("", value) in _UNITS:
            continue
        if form != "sub" and _VERSIONISH.search(text, max(0, start - 12), start):
            continue
        if form == "dotted" and _NAMED.search(text, max(0, start - 40), start):
            continue  # "MG-BY-OS 2.0", "ODbL 1.0", "BUSL 1.1": a license's version, not its clause
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


def _windows(words: list[str]) -> zip:
    """The 8-word windows of ``words``, as tuples, in order (none when there are fewer)."""
    return zip(*(words[i:] for i in range(SHINGLE)), strict=False)


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


class ClauseIndex:
    """The clauses of one version, prepared once for matching many messages against them.

    Built from (path, text) pairs in reading order. It holds lookup tables for the paths
    (exact, same parts, near misses by length, parents) and an index of every 8-word window
    of the clause texts, so each message costs one pass over its own words. ``match`` gives
    the same result as ``match_refs`` over the same pairs; path lookups are remembered per
    reference, since a thread cites the same few clauses again and again.
    """

    def __init__(self, clauses: list[tuple[str, str]]) -> None:
        self.clauses = list(clauses)
        self._exact: dict[str, list[str]] = {}
        self._by_parts: dict[tuple[str, ...], list[str]] = {}
        self._parted: list[tuple[str, tuple[str, ...], str]] = []  # (path, parts, parts joined)
        for path, _ in self.clauses:
            key = normalise_path(_KEYWORD_PREFIX.sub("", path)).lower()
            self._exact.setdefault(key, []).append(path)
            parts = _components(path)
            if parts:
                self._by_parts.setdefault(parts, []).append(path)
                self._parted.append((path, parts, "".join(parts)))
        self._order = {path: k for k, (path, _) in enumerate(self.clauses)}
        # Every 8-word window of every clause: its owner (the shortest clause holding it, then
        # the first) and where it first appears, which fixes the order of the quote matches.
        self._grams: dict[tuple[str, ...], tuple[tuple[int, int], str]] = {}
        owners: dict[tuple[str, ...], tuple[int, int, str]] = {}
        for order, (path, text) in enumerate(self.clauses):
            words = _WORD.findall(text.lower())
            for k, gram in enumerate(_windows(words)):
                owner = (len(words), order, path)
                if gram not in self._grams:
                    self._grams[gram] = ((order, k), path)
                    owners[gram] = owner
                elif owner < owners[gram]:
                    owners[gram] = owner
                    self._grams[gram] = (self._grams[gram][0], path)
        self._paths: dict[tuple[str, float], tuple[ClauseMatch, ...]] = {}

    def match(self, body: str, refs: list[ClauseRef]) -> list[ClauseMatch]:
        """Clauses that a message with ``body`` and raw ``refs`` refers to, best first."""
        best: dict[str, ClauseMatch] = {}
        for ref in refs:
            for match in self.match_path(ref):
                if match.path not in best or best[match.path].confidence < match.confidence:
                    best[match.path] = match
        for match in self.match_quotes(body):
            if match.path not in best or best[match.path].confidence < match.confidence:
                best[match.path] = match
        order = self._order
        return sorted(best.values(), key=lambda m: (-m.confidence, order.get(m.path, 0)))

    def match_path(self, ref: ClauseRef) -> tuple[ClauseMatch, ...]:
        """Clauses whose path ``ref`` names: exactly, nearly, or as a sub-clause of theirs."""
        key = (ref.path, ref.confidence)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = tuple(self._match_path(ref))
        return found

    def _match_path(self, ref: ClauseRef) -> list[ClauseMatch]:
        want = _components(ref.path)
        if not want:
            return []
        exact = self._exact.get(ref.path.lower())
        if exact:
            return [ClauseMatch(p, round(ref.confidence, 3), "exact", ref.path) for p in exact]
        same = self._by_parts.get(want)
        if same:  # "2.2b", "2.2.b", "2.2 b" for "2.2(b)"
            return [ClauseMatch(p, round(ref.confidence * 0.8, 3), "near", ref.path) for p in same]
        compact = "".join(want)
        out: list[ClauseMatch] = []
        if len(compact) >= 2:
            for path, have, joined in self._parted:
                if abs(len(joined) - len(compact)) <= 1 and _distance(joined, compact) == 1:  # "2.bb"
                    bonus = 0.05 * (have[0] == want[0]) + 0.05 * (have[-1] == want[-1])
                    out.append(ClauseMatch(path, round(ref.confidence * (0.45 + bonus), 3), "near", ref.path))
        if out:
            return out
        parents = [(n, p) for n in range(1, len(want)) for p in self._by_parts.get(want[:n], ())]
        if parents:  # "2.2(b)(iii)" when the version stops at "2.2(b)"
            return [ClauseMatch(max(parents)[1], round(ref.confidence * 0.6, 3), "parent", ref.path)]
        return []

    def match_quotes(self, body: str) -> list[ClauseMatch]:
        """Clauses that ``body`` quotes 8 or more words in a row from."""
        words = _WORD.findall(body.lower())
        if len(words) < SHINGLE or not self._grams:
            return []
        grams = self._grams
        seen = {gram: grams[gram] for gram in _windows(words) if gram in grams}
        hits: dict[str, list[tuple[str, ...]]] = {}
        for gram, (_, path) in sorted(seen.items(), key=lambda item: item[1][0]):
            hits.setdefault(path, []).append(gram)
        out = []
        for path, found in hits.items():
            confidence = min(0.95, 0.75 + 0.02 * (len(found) - 1))
            out.append(ClauseMatch(path, round(confidence, 3), "quote", " ".join(found[0])))
        return out


def match_refs(message_body: str, refs: list[ClauseRef], clauses: list[tuple[str, str]]) -> list[ClauseMatch]:
    """Clauses of a version that a message refers to, best first.

    Exact paths keep the reference's confidence; near misses a person would understand
    ("2.2b", "2.2.b", "2.bb" for "2.2(b)") and parent clauses score lower; 8 or more words
    quoted from a clause's text point at that clause. To match many messages against one
    version, build a ``ClauseIndex`` once and call its ``match``.
    """
    return ClauseIndex(clauses).match(message_body, refs)
