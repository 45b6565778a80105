"""Fresh pages after a deploy (issue 18): every shared render and ETag key carries the deploy
fingerprint (config.release), so a new release never serves what the one before rendered; and a
``migrate`` that applied migrations moves the catalogue and review stamps (a data migration
writes through historical models, which no stamp receiver hears)."""

import pytest
from django.apps import apps as global_apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client

from config import http_cache, release
from licenses import stamps
from licenses.models import License
from review.models import Review
from tests.factories import make_review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_fingerprint_is_the_release_when_set(monkeypatch):
    monkeypatch.setenv("RELEASE", "2026-12-03.1")
    assert release.fingerprint() == "r-2026-12-03.1"
    monkeypatch.setenv("RELEASE", "")
    assert release.fingerprint() == f"f-{release.from_files()}"


def test_the_fingerprint_moves_with_any_code_template_or_static_file(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "app").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>{{ x }}</p>")
    (tmp_path / "app" / "views.py").write_text("X = 1\n")
    (tmp_path / "app" / "notes.bin").write_bytes(b"\0")
    sources = ("templates", "app")
    first = release.from_files(tmp_path, sources)
    assert release.from_files(tmp_path, sources) == first  # stable
    page.write_text("<p>{{ x }}!</p>")
    second = release.from_files(tmp_path, sources)
    assert second != first
    (tmp_path / "app" / "views.py").write_text("X = 2\n")
    assert release.from_files(tmp_path, sources) != second
    third = release.from_files(tmp_path, sources)
    (tmp_path / "app" / "notes.bin").write_bytes(b"\1")  # not a source file
    assert release.from_files(tmp_path, sources) == third


def _pages(review) -> dict[str, str]:
    return {
        "catalogue": "/licenses/",
        "version": review.version.get_absolute_url(),
        "review": review.get_absolute_url(),
    }


@pytest.mark.parametrize("kind", ["catalogue", "version", "review"])
def test_a_new_release_never_serves_the_previous_ones_render(monkeypatch, kind):
    review = make_review()
    path = _pages(review)[kind]
    license = review.version.license
    visitor = Client()
    first = visitor.get(path)
    assert license.name in first.content.decode()
    # A write no stamp hears (as a data migration's or a bug's): this release keeps its render...
    License.objects.filter(pk=license.pk).update(name="Renamed License")
    again = visitor.get(path)
    assert "Renamed License" not in again.content.decode()
    assert visitor.get(path, headers={"If-None-Match": first["ETag"]}).status_code == 304
    # ... and the next release (another fingerprint) asks for keys this one never wrote.
    monkeypatch.setattr(http_cache, "FINGERPRINT", "r-next")
    after = visitor.get(path, headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200
    assert "Renamed License" in after.content.decode()
    assert after["ETag"] != first["ETag"]


def _a_plan() -> list:
    loader = MigrationLoader(connection)
    node = next(n for n in loader.graph.leaf_nodes() if n[0] == "licenses")
    return [(loader.graph.nodes[node], False)]


def _review_stamp(review) -> object:
    return Review.objects.values_list("changed_at", flat=True).get(pk=review.pk)


# Outside a test transaction, as migrate runs: on PostgreSQL other apps' post_migrate handlers
# (search's index) cannot run beside the test's deferred constraint checks.
@pytest.mark.django_db(transaction=True)
def test_migrations_applied_move_the_stamps_and_the_change_shows_at_once():
    review = make_review()
    license = review.version.license
    visitor = Client()
    paths = _pages(review)
    for path in paths.values():
        visitor.get(path)  # kept
    catalogue, reviewed = stamps.current(), _review_stamp(review)
    License.objects.filter(pk=license.pk).update(name="Renamed By A Data Migration")
    emit_post_migrate_signal(0, False, "default", plan=_a_plan(), apps=global_apps)
    assert stamps.current() != catalogue
    assert _review_stamp(review) > reviewed
    for path in paths.values():
        assert "Renamed By A Data Migration" in visitor.get(path).content.decode(), path


@pytest.mark.django_db(transaction=True)
def test_a_migrate_with_nothing_to_apply_leaves_the_stamps():
    review = make_review()
    catalogue, reviewed = stamps.current(), _review_stamp(review)
    call_command("migrate", verbosity=0)
    assert stamps.current() == catalogue
    assert _review_stamp(review) == reviewed
