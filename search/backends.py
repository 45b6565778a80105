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
# A license whose name or id matches is usually what a person typed; comments are many and long.
# How many of the best text matches are checked against filters and visibility before falling
# back to ranking every match (see Engine.hits).
CANDIDATES = 200
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


def ensure_fulltext(sender=None, using: str = DEFAULT_DB_ALIAS, connection=None, **kwargs) -> None:
    """Create the full-text table or column, index and triggers if missing. Idempotent."""
    connection = connection or connections[using]
    with connection.cursor() as cursor:
        if TABLE not in connection.introspection.table_names(cursor):
            return
        if connection.vendor == "sqlite":
            _ensure_sqlite(cursor, connection)
        elif connection.vendor == "postgresql":
            _ensure_postgresql(cursor)


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


_JOINS = """
LEFT JOIN review_review r ON r.id = d.review_id
LEFT JOIN review_comment c ON c.id = d.comment_id
"""
_LICENSE_JOIN = "JOIN licenses_license l ON l.id = d.license_id"


def _joins(where: str) -> str:
    # The license row is only needed to filter by OSI status: a join per match saved otherwise.
    return _JOINS + (_LICENSE_JOIN if "l.osi_status" in where else "")


def _boost_sql() -> str:
    cases = " ".join(f"WHEN '{kind}' THEN {boost}" for kind, boost in KIND_BOOST.items())
    return f"(CASE d.kind {cases} ELSE 1.0 END)"


class Engine:
    vendor = ""

    def __init__(self, connection):
        self.connection = connection

    def hits(
        self, match: str, where: str, params: list, *, kinds: tuple = (), limit: int, offset: int
    ) -> list[Hit]:
        """One page of matches, best first.

        A common word matches tens of thousands of documents; joining each to its review and
        comment only to rank it costs most of the time. So the engine first takes the best
        CANDIDATES by text rank alone, then checks filters and visibility on those and applies
        the kind boost. Only when too few of them pass (a rare filter) does it rank every match.
        """
        want = offset + limit
        size = max(CANDIDATES, want * 4)
        kind_sql = f"AND d.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""
        candidates = self._rows(self._top_sql(kind_sql), [match, *kinds, size])
        if not candidates:
            return []
        marks = ", ".join(["%s"] * len(candidates))
        passed = dict(
            self._rows(
                f"SELECT d.id, d.kind FROM {TABLE} d {_joins(where)} WHERE d.id IN ({marks}) AND {where}",
                [c[0] for c in candidates] + params,
            )
        )
        if len(passed) < want and len(candidates) == size:
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

    def _top_sql(self, kind_sql: str) -> str:
        raise NotImplementedError

    def _all_hits(self, match, where, params, *, kinds, limit, offset) -> list[Hit]:
        kind_sql = f"AND d.kind IN ({', '.join(['%s'] * len(kinds))})" if kinds else ""
        sql = (
            f"SELECT d.id, {self._score_sql()} * {_boost_sql()} AS score "
            f"{self._from(where)} AND {where} {kind_sql} ORDER BY score DESC, d.id LIMIT %s OFFSET %s"
        )
        return [Hit(i, float(s)) for i, s in self._rows(sql, [match, *params, *kinds, limit, offset])]

    def _score_sql(self) -> str:
        raise NotImplementedError

    def counts(
        self, match: str, where: str, params: list, groups: dict[str, tuple], cap: int
    ) -> dict[str, int]:
        """Matches per group of kinds, each counted up to ``cap`` (deeper pages are never shown)."""
        parts, args = [], []
        for name, kinds in groups.items():
            marks = ", ".join(["%s"] * len(kinds))
            parts.append(
                f"SELECT '{name}', COUNT(*) FROM (SELECT 1 AS one {self._from(where)} AND {where} "
                f"AND d.kind IN ({marks}) LIMIT %s) AS counted_{name}"
            )
            args += [match, *params, *kinds, cap]
        return {name: n for name, n in self._rows(" UNION ALL ".join(parts), args)}

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
        join = f"JOIN {TABLE} d ON d.id = {FTS}.rowid" if kind_sql else ""
        return (
            f"SELECT {FTS}.rowid, {self._score_sql()} AS score FROM {FTS} {join} "
            f"WHERE {FTS} MATCH %s {kind_sql} ORDER BY score DESC LIMIT %s"
        )

    def snippets(self, match, ids):
        if not ids:
            return {}
        marks = ", ".join(["%s"] * len(ids))
        sql = (
            f"SELECT rowid, snippet({FTS}, 1, %s, %s, '…', 24) FROM {FTS} "
            f"WHERE {FTS} MATCH %s AND rowid IN ({marks})"
        )
        return dict(self._rows(sql, [snippets.START, snippets.STOP, match, *ids]))


class PostgresEngine(Engine):
    vendor = "postgresql"
    # Normalisation 1: divide by 1 + log(length), so a long comment does not win by repetition.
    _RANK = "ts_rank('{0.1, 0.2, %s, 1.0}', d.vector, q, 1)" % (1.0 / TITLE_WEIGHT)
    _HEADLINE = (
        f"StartSel={snippets.START}, StopSel={snippets.STOP}, MaxWords=40, MinWords=15, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )

    def _from(self, where: str) -> str:
        return f"FROM {TABLE} d CROSS JOIN to_tsquery('english', %s) q {_joins(where)} WHERE d.vector @@ q"

    def _score_sql(self) -> str:
        return self._RANK

    def _top_sql(self, kind_sql: str) -> str:
        return (
            f"SELECT d.id, {self._RANK} AS score FROM {TABLE} d CROSS JOIN to_tsquery('english', %s) q "
            f"WHERE d.vector @@ q {kind_sql} ORDER BY score DESC LIMIT %s"
        )

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
