import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection

from search.backends import ensure_fulltext
from search.models import ClauseSignature, Document, VersionSignature
from search.selectors import search
from tests.factories import make_license, make_review, make_user, make_version

pytestmark = pytest.mark.django_db


def test_search_index_rebuilds_everything(capsys):
    version = make_version(make_license(name="Unindexed License"))  # commit hooks never ran
    review = make_review(version)
    from review.services import thread_start

    thread_start(review=review, clause=None, author=make_user(roles=("reviewer",)), body="A wallaby remark.")
    assert not ClauseSignature.objects.exists()
    call_command("search_index")
    assert "Indexed" in capsys.readouterr().out
    assert Document.objects.filter(kind="clause").count() == version.clauses.count()
    assert ClauseSignature.objects.count() == version.clauses.count()
    assert VersionSignature.objects.filter(version=version).exists()
    assert search("wallaby", user=AnonymousUser()).total == 1
    assert search('"as a dataset"', user=AnonymousUser()).total == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 triggers are SQLite's")
def test_lost_triggers_are_restored_and_the_fts_table_refilled(sample):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER search_document_ai")
    make_license(name="Written While Broken")
    assert search("broken", user=AnonymousUser()).total == 0
    ensure_fulltext()
    assert search("broken", user=AnonymousUser()).total == 1
    make_license(name="Written After Repair")
    assert search("repair", user=AnonymousUser()).total == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the generated tsvector is PostgreSQL's")
def test_vector_column_and_gin_index_exist(sample):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_vector_gin'")
        assert "gin" in cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM search_document WHERE vector IS NULL")
        assert cursor.fetchone()[0] == 0


def test_indexing_failure_never_breaks_the_write(monkeypatch, sample):
    from search import indexing

    def boom(*args, **kwargs):
        raise RuntimeError("index down")

    monkeypatch.setattr(indexing, "index_license", boom)
    license = make_license(name="Still Saved")
    assert license.pk


def test_imported_mail_and_a_next_round_are_searchable(sample, django_capture_on_commit_callbacks):
    from review.mail.parse import parse_thread
    from review.mail.services import ImportChoice, import_messages
    from review.rounds.services import open_next_round

    moderator = make_user(roles=("moderator",))
    review = make_review(sample, opened_by=moderator)
    raw = (
        "From: Bob <bob@example.org>\nTo: list@example.org\nSubject: 2.2(b)\n"
        "Message-ID: <m1@example.org>\nDate: Mon, 19 May 2025 10:00:00 +0000\n\n"
        "The bandicoot wording in 2.2(b) is too broad.\n"
    )
    messages = parse_thread(raw)
    import_messages(review=review, items=[ImportChoice(message=m) for m in messages], by=moderator)
    assert search("bandicoot", user=AnonymousUser()).total == 1

    successor = make_version(
        sample.license, label="2.0", text=sample.text + "\n4. Extra.\n\nAn added clause.\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        new_review = open_next_round(review=review, new_version=successor, by=moderator)
    hits = search("bandicoot", user=AnonymousUser()).results
    assert {h.url.split("#")[0] for h in hits} == {review.get_absolute_url(), new_review.get_absolute_url()}


def test_the_partial_index_of_invisible_comments_exists_and_is_restored():
    def present() -> bool:
        return "search_comment_invisible" in {
            c
            for c, info in connection.introspection.get_constraints(
                connection.cursor(), "review_comment"
            ).items()
        }

    assert present()  # created after migrate
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX search_comment_invisible")
    assert not present()
    ensure_fulltext()
    assert present()


def test_a_version_spdx_id_finds_its_license(index_on_commit):
    from search import indexing

    family = make_license(name="Gnu Wombat License", slug="gwl", spdx_id="GWL-1.0")
    version = index_on_commit(make_version, family, label="3.0")
    version.spdx_ids = "GWL-3.0-only GWL-3.0-or-later"
    version.save(update_fields=["spdx_ids"])
    indexing.index_version(version.pk)  # what the commit hook of that save runs
    hit = search("GWL-3.0-or-later", user=AnonymousUser()).results[0]
    assert hit.kind == "license" and hit.license == family
    Document.objects.filter(kind="license").delete()
    indexing.index_licenses()  # the bulk path writes the same title
    assert search("GWL-3.0-only", user=AnonymousUser()).results[0].license == family
