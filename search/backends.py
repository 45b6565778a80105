"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL text search.

Both run the same SQL apart from three things: how a document matches, how it ranks and how its
snippet is cut. Filters and visibility are one piece of SQL (:func:`where_sql`, in the selectors)
joined to the review, comment and license of each document at query time.

The full-text structures live outside the ORM, so :func:`ensure_fulltext` creates them (migration
0002) and checks them again after every ``migrate``: on SQLite, a table rebuilt by a schema change
loses its triggers, and an FTS table created late must be filled from its content table.
"""

# SQL here is built from constant table names and fixed fragments; every value typed by a person
# (the compiled query, filters, ids) travels as a parameter.
# ruff: noqa: S608
from __future__ import annotations

from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections

from search import snippets

TABLE = "search_document"
FTS = "search_document_fts"

# How much more a match in the title counts than one in the body (titles: names, ids, headings).
TITLE_WEIGHT = 4.0
# How many of the best text matches are checked against filters and visibility before falling
# back to ranking the matches that pass them (see Engine.hits).
CANDIDATES = 200
# A very common word ("licen*" matches 87,000 of 110,000 documents) would be ranked and counted
# over every match. Ranking and counting stop at this many matches, taken in the order the index
# gives them (SQLite's FTS5: oldest documents first, the catalogue, then the discussion;
# PostgreSQL: table order, which a vacuum may change); a rarer query is ranked over all of them.
RANK_CAP = 2000
COUNT_SCAN = 2000
# A license whose name or id matches is usually what a person typed; comments are many and long.
KIND_BOOST = {"license": 3.0, "clause": 1.0, "review": 1.0, "thread": 1.0, "comment": 0.8}

_SQLITE_TRIGGERS = {
    "search_document_ai": f"""CREATE TRIGGER IF NOT EXISTS search_document_ai AFTER INSERT ON {TABLE} BEGIN
  INSERT INTO {FTS}(rowid, title, body) VALUES (new.id, new.title, new.body);
END""",
    "search_document_ad": f"""CREATE TRIGGER IF NOT EXISTS search_document_ad AFTER DELETE ON {TABLE} BEGIN
  INSERT INTO {FTS}({FTS}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END""",
    "search_document_au": f"""CREATE TRIGGER IF NOT EXISTS search_document_au AFTER UPDATE ON {TABLE} BEGIN
  INSERT INTO {FTS}({FTS}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO {FTS}(rowid, title, body) VALUES (new.id, new.title, new.body);
END""",
}

_PG_VECTOR = (
    "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')"
)


# The comments search must never show: few, so a query leaves them out with NOT IN over this
# partial index instead of joining every match to its comment (see selectors._visibility). It is
# declared here, not on the Comment model, because only search needs it; checked after every
# migrate because SQLite drops indexes it does not know of when a migration rebuilds the table.
INVISIBLE_COMMENTS = "hidden_at IS NOT NULL OR deleted_at IS NOT NULL"
INVISIBLE_COMMENT_IDS = f"SELECT id FROM review_comment WHERE {INVISIBLE_COMMENTS}"
_INVISIBLE_INDEX = (
    f"CREATE INDEX IF NOT EXISTS search_comment_invisible ON review_comment (id) WHERE {INVISIBLE_COMMENTS}"
)


def ensure_fulltext(sender=None, using: str = DEFAULT_DB_ALIAS, connection=None, **kwargs) -> None:
    """Create the full-text table or column, indexes and triggers if missing. Idempotent."""
    connection = connection or connections[using]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        if TABLE not in tables:
            return
        if connection.vendor == "sqlite":
            _ensure_sqlite(cursor, connection)
        elif connection.vendor == "postgresql":
            _ensure_postgresql(cursor)
        if "review_comment" in tables:
            cursor.execute(_INVISIBLE_INDEX)


def _ensure_sqlite(cursor, connection) -> None:
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    present = {row[0] for row in cursor.fetchall()}
    missing = FTS not in present or any(name not in present for name in _SQLITE_TRIGGERS)
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS} USING fts5(title, body, content='{TABLE}', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
    )
    for sql in _SQLITE_TRIGGERS.values():
        cursor.execute(sql)
    if missing:  # rows written while the triggers were absent: re-read the content table
        cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def _ensure_postgresql(cursor) -> None:
    cursor.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = 'vector'", [TABLE]
    )
    if cursor.fetchone() is None:
        cursor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS ({_PG_VECTOR}) STORED"
        )
    cursor.execute(f"CREATE INDEX IF NOT EXISTS search_document_vector_gin ON {TABLE} USING gin (vector)")


# --- queries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    doc_id: int
    score: float


def _joins(where: str) -> str:
    # Visibility needs no join (NOT IN over the few hidden comments and private reviews); the
    # review and license rows are joined only when a filter reads them.
    joins = ""
    if "r.status" in where:
        joins += " JOIN review_review r ON r.id = d.review_id"
    if "l.osi_status" in where:
        joins += " JOIN licenses_license l ON l.id = d.license_id"
    return joins


def _boost_sql() -> str:
    cases = " ".join(f"WHEN '{kind}' THEN {boost}" for kind, boost in KIND_BOOST.items())
    return f"(CASE d.kind {cases} ELSE 1.0 END)"


def _kinds_sql(kinds: tuple) -> str:
    return f"AND d.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""


class Engine:
    vendor = ""

    def __init__(self, connection):
        self.connection = connection

    def hits(
        self, match: str, where: str, params: list, *, kinds: tuple = (), limit: int, offset: int
    ) -> list[Hit]:
        """One page of matches, best first.

        A common word matches tens of thousands of documents; checking each against filters and
        visibility only to rank it costs most of the time. So the engine first takes the best
        CANDIDATES by text rank alone (among the first RANK_CAP matches), then checks filters and
        visibility on those and applies the kind boost. Only when too few of them pass (a rare
        filter) does it rank the matches that pass (again the first RANK_CAP of them).
        """
        want = offset + limit
        size = max(CANDIDATES, want * 4)
        candidates = self._rows(self._top_sql(_kinds_sql(kinds)), [*self._match_params(match), *kinds, size])
        if not candidates:
            return []
        marks = ", ".join(["%s"] * len(candidates))
        passed = dict(
            self._rows(
                f"SELECT d.id, d.kind FROM {TABLE} d {_joins(where)} WHERE d.id IN ({marks}) AND {where}",
                [c[0] for c in candidates] + params,
            )
        )
        if len(passed) < want and len(candidates) == min(size, RANK_CAP):
            return self._all_hits(match, where, params, kinds=kinds, limit=limit, offset=offset)
        scored = sorted(
            (
                (doc_id, float(score) * KIND_BOOST.get(passed[doc_id], 1.0))
                for doc_id, score in candidates
                if doc_id in passed
            ),
            key=lambda h: (-h[1], h[0]),
        )
        return [Hit(doc_id, score) for doc_id, score in scored[offset:want]]

    def _match_params(self, match: str) -> list:
        """The parameters of the top-candidates query before the kinds (the match, once or twice)."""
        return [match]

    def _top_sql(self, kind_sql: str) -> str:
        raise NotImplementedError

    def _all_hits(self, match, where, params, *, kinds, limit, offset) -> list[Hit]:
        raise NotImplementedError

    def counts(
        self, match: str, where: str, params: list, groups: dict[str, tuple]
    ) -> tuple[dict[str, int], bool]:
        """Matches per group of kinds that pass filters and visibility, in one pass over at most
        COUNT_SCAN matches. Returns the counts and whether the pass stopped at COUNT_SCAN (then
        each count is only a lower bound: "at least")."""
        sql = f"SELECT kind, COUNT(*) FROM (SELECT d.kind AS kind {self._from(where)} AND {where} LIMIT %s) m GROUP BY kind"
        per_kind = dict(self._rows(sql, [match, *params, COUNT_SCAN]))
        counts = {name: sum(per_kind.get(k, 0) for k in kinds) for name, kinds in groups.items()}
        return counts, sum(per_kind.values()) >= COUNT_SCAN

    def _from(self, where: str) -> str:
        raise NotImplementedError

    def snippets(self, match: str, ids: list[int]) -> dict[int, str]:
        raise NotImplementedError

    def _rows(self, sql: str, params: list) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


class SQLiteEngine(Engine):
    vendor = "sqlite"

    def _from(self, where: str) -> str:
        return f"FROM {FTS} JOIN {TABLE} d ON d.id = {FTS}.rowid {_joins(where)} WHERE {FTS} MATCH %s"

    def _score_sql(self) -> str:
        # bm25 is lower for better matches: negate so that higher is better on both engines.
        return f"-bm25({FTS}, {TITLE_WEIGHT}, 1.0)"

    def _top_sql(self, kind_sql: str) -> str:
        # The inner LIMIT stops the scan (and bm25) at RANK_CAP matches; the outer one ranks them.
        join = f"JOIN {TABLE} d ON d.id = {FTS}.rowid" if kind_sql else ""
        return (
            f"SELECT id, score FROM (SELECT {FTS}.rowid AS id, {self._score_sql()} AS score FROM {FTS} "
            f"{join} WHERE {FTS} MATCH %s {kind_sql} LIMIT {RANK_CAP}) ORDER BY score DESC LIMIT %s"
        )

    def _all_hits(self, match, where, params, *, kinds, limit, offset) -> list[Hit]:
        sql = (
            f"SELECT id, score FROM (SELECT d.id AS id, {self._score_sql()} * {_boost_sql()} AS score "
            f"{self._from(where)} AND {where} {_kinds_sql(kinds)} LIMIT {RANK_CAP}) "
            "ORDER BY score DESC, id LIMIT %s OFFSET %s"
        )
        return [Hit(i, float(s)) for i, s in self._rows(sql, [match, *params, *kinds, limit, offset])]

    def snippets(self, match, ids):
        if not ids:
            return {}
        # One pass over the matches between the lowest and highest id, with the ids checked
        # outside FTS5 ("+rowid": not handed to the index). ``rowid IN (…)`` would run the match
        # once per id, and a prefix ("licen*") is expanded over its words every time.
        marks = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT rowid, snippet({FTS}, 1, %s, %s, '…', 24) FROM {FTS} "
            f"WHERE {FTS} MATCH %s AND rowid BETWEEN %s AND %s AND +rowid IN ({marks})"
        )
        return dict(self._rows(sql, [snippets.START, snippets.STOP, match, min(ids), max(ids), *ids]))


class PostgresEngine(Engine):
    vendor = "postgresql"
    # Normalisation 1: divide by 1 + log(length), so a long comment does not win by repetition.
    _RANK = "ts_rank('{0.1, 0.2, %s, 1.0}', m.vector, q, 1)" % (1.0 / TITLE_WEIGHT)
    _HEADLINE = (
        f"StartSel={snippets.START}, StopSel={snippets.STOP}, MaxWords=40, MinWords=15, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )

    def _from(self, where: str) -> str:
        return f"FROM {TABLE} d CROSS JOIN to_tsquery('english', %s) q {_joins(where)} WHERE d.vector @@ q"

    def _match_params(self, match: str) -> list:
        return [match, match]

    def _top_sql(self, kind_sql: str) -> str:
        # The inner LIMIT stops the scan at RANK_CAP matches; ts_rank (which reads each vector)
        # runs only on those.
        return (
            f"SELECT m.id, {self._RANK} AS score FROM to_tsquery('english', %s) q, "
            f"(SELECT d.id, d.vector FROM {TABLE} d, to_tsquery('english', %s) q2 "
            f"WHERE d.vector @@ q2 {kind_sql} LIMIT {RANK_CAP}) m ORDER BY score DESC LIMIT %s"
        )

    def _all_hits(self, match, where, params, *, kinds, limit, offset) -> list[Hit]:
        sql = (
            f"SELECT m.id, {self._RANK} * m.boost AS score FROM to_tsquery('english', %s) q, "
            f"(SELECT d.id, d.vector, {_boost_sql()} AS boost {self._from(where)} AND {where} "
            f"{_kinds_sql(kinds)} LIMIT {RANK_CAP}) m ORDER BY score DESC, m.id LIMIT %s OFFSET %s"
        )
        rows = self._rows(sql, [match, match, *params, *kinds, limit, offset])
        return [Hit(i, float(s)) for i, s in rows]

    def snippets(self, match, ids):
        if not ids:
            return {}
        sql = (
            "SELECT d.id, ts_headline('english', d.body, to_tsquery('english', %s), %s) "
            f"FROM {TABLE} d WHERE d.id = ANY(%s)"
        )
        return dict(self._rows(sql, [match, self._HEADLINE, list(ids)]))


def engine(using: str = DEFAULT_DB_ALIAS) -> Engine:
    connection = connections[using]
    if connection.vendor == "postgresql":
        return PostgresEngine(connection)
    if connection.vendor == "sqlite":
        return SQLiteEngine(connection)
    raise NotImplementedError(f"Search supports SQLite and PostgreSQL, not {connection.vendor}.")
