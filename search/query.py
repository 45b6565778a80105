"""PURE: parse what a person typed into a search box and compile it for SQLite FTS5 or PostgreSQL.

The syntax is the one people know from web search engines (PostgreSQL's ``websearch_to_tsquery``):

- words are all required: ``output dataset``;
- ``"a quoted phrase"`` must appear as written (stemmed: "distributes copies" finds "distribute copy");
- ``OR`` between two items accepts either: ``sublicense OR relicense``;
- ``-word`` or ``-"a phrase"`` excludes;
- ``word*`` matches every word that begins with it: ``licen*`` (at least two letters: ``a*`` is ``a``).

Everything else a person may type (FTS5 operators such as ``NEAR``, ``AND``, ``^``, ``:``, brackets,
SQL quotes, a stray ``"``) is treated as text: a token is a run of letters and digits, joined by
``.``, ``-``, ``+`` or ``/`` (``GPL-3.0-only`` stays one token, which each database then splits the
way it splits the indexed text). Compiled queries quote every token, so no input can reach either
database's query syntax. No Django imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 300
MAX_ITEMS = 12
MIN_PREFIX = 2  # letters before a *

# A token: letters/digits, optionally joined by . - + / (e.g. "GPL-3.0-only", "2.2", "C++" -> "C").
_TOKEN = re.compile(r"[^\W_]+(?:[.\-+/][^\W_]+)*\*?")
_SCAN = re.compile(r'(?P<quote>"[^"]*"?)|(?P<neg>-)?(?P<word>[^\s"]+)')


@dataclass(frozen=True)
class Item:
    """One required (or excluded) unit: a word, or a phrase of several words."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word is a prefix

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass
class Query:
    groups: list[list[Item]] = field(default_factory=list)  # AND of ORs
    excluded: list[Item] = field(default_factory=list)
    shortened: bool = False  # the input was cut to MAX_QUERY_CHARS / MAX_ITEMS

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def words(self) -> list[str]:
        """The words to look for (for highlighting and spelling suggestions)."""
        return [w for group in self.groups for item in group for w in item.words]


def _tokens(text: str) -> list[tuple[str, bool]]:
    out = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        word = token.rstrip("*")
        # "a*" would match nearly every document and make each database expand thousands of
        # words: a beginning shorter than MIN_PREFIX is looked for as the word itself.
        out.append((word, token.endswith("*") and len(word) >= MIN_PREFIX))
    return out


def parse(raw: str) -> Query:
    """Parse ``raw`` into a :class:`Query`; never raises."""
    raw = raw or ""
    shortened = len(raw) > MAX_QUERY_CHARS
    raw = raw[:MAX_QUERY_CHARS]
    query = Query(shortened=shortened)
    pending_or = False
    for match in _SCAN.finditer(raw):
        if match.group("quote") is not None:
            toks = _tokens(match.group("quote").strip('"'))
            negated = False
            if (
                match.start() > 0
                and raw[match.start() - 1] == "-"
                and (match.start() == 1 or raw[match.start() - 2].isspace())
            ):
                negated = True
            if not toks:
                continue
            item = Item(words=tuple(t for t, _ in toks), prefix=toks[-1][1])
        else:
            word = match.group("word")
            if word == "OR":
                pending_or = bool(query.groups)
                continue
            negated = bool(match.group("neg"))
            toks = _tokens(word)
            if not toks:
                continue
            if len(toks) > 1:  # "don't", "a,b": the parts, as a phrase
                item = Item(words=tuple(t for t, _ in toks), prefix=toks[-1][1])
            else:
                item = Item(words=(toks[0][0],), prefix=toks[0][1])
        if len(query.groups) + len(query.excluded) >= MAX_ITEMS:
            query.shortened = True
            break
        if negated:
            query.excluded.append(item)
            pending_or = False
        elif pending_or and query.groups:
            query.groups[-1].append(item)
            pending_or = False
        else:
            query.groups.append([item])
    return query


def _written(item: Item) -> str:
    """``item`` as a person would type it: a word, or a phrase in quotes; a prefix keeps its *."""
    text = item.words[0] if len(item.words) == 1 else '"' + " ".join(item.words) + '"'
    return text + "*" if item.prefix else text


def any_of(query: Query) -> str | None:
    """The query that accepts any one of ``query``'s required items (its exclusions kept).

    Offered when every word together finds nothing; None when there is nothing broader to ask
    (one group) or when the longer text would not fit MAX_QUERY_CHARS (it would be cut).
    """
    if len(query.groups) < 2:
        return None
    text = " OR ".join(_written(item) for group in query.groups for item in group)
    text = " ".join([text, *("-" + _written(item) for item in query.excluded)])
    return text if len(text) <= MAX_QUERY_CHARS else None


# --- SQLite FTS5 ------------------------------------------------------------------------------


def _fts5_item(item: Item) -> str:
    # Tokens hold only letters, digits and . - + /, so a double quote cannot occur inside.
    phrase = '"' + " ".join(item.words) + '"'
    return phrase + " *" if item.prefix else phrase


def to_fts5(query: Query) -> str:
    """An FTS5 MATCH expression; empty when there is nothing to look for."""
    if query.is_empty:
        return ""
    parts = []
    for group in query.groups:
        if len(group) == 1:
            parts.append(_fts5_item(group[0]))
        else:
            parts.append("(" + " OR ".join(_fts5_item(i) for i in group) + ")")
    expr = " AND ".join(parts)
    for item in query.excluded:
        expr += " NOT " + _fts5_item(item)
    return expr


# --- PostgreSQL to_tsquery ----------------------------------------------------------------------


def _pg_item(item: Item) -> str:
    # Each token goes to to_tsquery as one quoted literal: PostgreSQL runs its own parser and
    # the English stemmer over it (as to_tsvector did over the text) and turns several words into
    # a phrase. Tokens hold no quote or backslash, so nothing can escape the literal.
    if not item.prefix:
        return "'" + " ".join(item.words) + "'"
    head, last = item.words[:-1], item.words[-1]
    if not head:
        return f"'{last}':*"
    return "('" + " ".join(head) + "' <-> '" + last + "':*)"


def to_tsquery(query: Query) -> str:
    """A ``to_tsquery`` expression; empty when there is nothing to look for."""
    if query.is_empty:
        return ""
    parts = []
    for group in query.groups:
        if len(group) == 1:
            parts.append(_pg_item(group[0]))
        else:
            parts.append("(" + " | ".join(_pg_item(i) for i in group) + ")")
    expr = " & ".join(parts)
    for item in query.excluded:
        expr += " & !" + _pg_item(item)
    return expr
