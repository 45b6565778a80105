"""The full-text structures the ORM cannot describe: an FTS5 table with triggers on SQLite, a
generated tsvector column with a GIN index on PostgreSQL. Existing rows are indexed after the
migrate (``search.apps``), or with ``manage.py search_index``."""

from django.db import migrations

from search.backends import ensure_fulltext


def create(apps, schema_editor):
    ensure_fulltext(connection=schema_editor.connection)


def drop(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for trigger in ("search_document_ai", "search_document_ad", "search_document_au"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            cursor.execute("DROP TABLE IF EXISTS search_document_fts")
        elif connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS search_document_vector_gin")
            cursor.execute("ALTER TABLE search_document DROP COLUMN IF EXISTS vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents_and_signatures")]

    operations = [migrations.RunPython(create, drop)]
