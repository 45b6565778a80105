"""The catalogue stamp and what rests on it (issue 18): every write that the catalogue, a version
page or the compare page shows moves the stamp; visitors get an ETag (a reload is a 304) and
share one render of the costly part, and a write shows to them at once; signed-in readers never
get a visitor's page."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from licenses import page_cache, stamps
from licenses.compare import links
from licenses.corrections import services as corrections
from licenses.families import services as families
from licenses.models import License
from tests.factories import SAMPLE_TEXT, make_license, make_review, make_user, make_version, numbered_text
from tests.licenses.compare.test_views import NEW, OLD

pytestmark = pytest.mark.django_db
CATALOGUE = reverse("licenses:license-list")
COMPARE = reverse("licenses:compare") + "?a=tl@1.0&b=tl@2.0"
LINKS = reverse("licenses:compare-links")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pair():
    license = make_license(slug="tl", name="Test License", spdx_id="TL-1")
    return make_version(license, text=OLD, label="1.0"), make_version(license, text=NEW, label="2.0")


@pytest.fixture
def steward(pair):
    user = make_user("stella", roles=("steward",))
    pair[0].license.stewards.add(user)
    return user


def _license_file(tmp_path):
    path = tmp_path / "mg.txt"
    path.write_text("Imported License\n\n1. Use it.\n\n2. Keep this notice.\n")
    return path


def test_every_write_path_moves_the_stamp(pair, steward, tmp_path):
    old, new = pair
    clause = old.clauses.get(anchor="2")
    admin = make_user("admin", is_superuser=True, is_staff=True)
    writes = {
        "license": lambda: make_license(),
        "license edit": lambda: License.objects.get(slug="tl").save(),
        "version": lambda: make_version(old.license, text=SAMPLE_TEXT, label="3.0"),
        "relabel": lambda: corrections.clause_relabel(clause=clause, label="2a", heading="", actor=steward),
        "split": lambda: corrections.clause_split(
            clause=old.clauses.get(anchor="2a"), before_text="free of charge", actor=steward
        ),
        "undo": lambda: corrections.correction_undo(version=old, actor=steward),
        "link": lambda: links.link_clauses(a=old, b=new, a_anchor="3", b_anchor="2", by=steward),
        "forget": lambda: links.forget_link(
            a=old, b=new, link_id=links.links_for(old, new).rows[0].pk, by=steward
        ),
        "import_license": lambda: call_command(
            "import_license",
            str(_license_file(tmp_path)),
            "--slug",
            "mg",
            "--name",
            "MG",
            "--version-label",
            "1.0",
        ),
        "import_spdx": lambda: call_command("import_spdx", "MIT"),
        "family": lambda: families.family_create(
            name="TL family", members=[old.license, License.objects.get(slug="mg")], user=admin
        ),
    }
    for name, write in writes.items():
        before = stamps.current()
        write()
        assert stamps.current() != before, name


def test_bulk_writes_move_the_stamp_without_signals():
    from licenses.ingest import save_clauses
    from licenses.text import segmentation

    version = make_version(text="Other\n\n1. One.\n")
    version.clauses.all()._raw_delete(version.clauses.db)  # sends no signal
    before = stamps.current()
    save_clauses(version, segmentation.segment(version.text))  # bulk_create: no signal either
    assert stamps.current() != before


def test_catalogue_gives_a_304_until_an_import(tmp_path):
    make_license(name="Alpha License")
    visitor = Client()
    first = visitor.get(CATALOGUE)
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    assert visitor.get(CATALOGUE, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert visitor.get(CATALOGUE, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304
    # another address is another validator; a fragment is not the page
    assert visitor.get(CATALOGUE + "?osi=approved")["ETag"] != etag
    assert visitor.get(CATALOGUE, headers={"HX-Request": "true", "HX-Target": "results"})["ETag"] != etag
    call_command(
        "import_license",
        str(_license_file(tmp_path)),
        "--slug",
        "mg",
        "--name",
        "Imported",
        "--version-label",
        "1",
    )
    fresh = visitor.get(CATALOGUE, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag
    assert "Imported" in fresh.content.decode()
    assert "2 licenses" in fresh.content.decode()


def test_catalogue_shares_a_render_only_for_bounded_addresses():
    make_license(name="Alpha License")
    visitor = Client()
    stamp = stamps.current()
    visitor.get(CATALOGUE)
    visitor.get(CATALOGUE + "?osi=approved&page=1")
    assert page_cache.get_fragment(page_cache.catalogue_key(stamp, osi="", page=1)) is not None
    assert page_cache.get_fragment(page_cache.catalogue_key(stamp, osi="approved", page=1)) is not None
    for query in (
        "?q=alpha",
        "?q=zzz&page=1",
        "?page=99",
        "?page=abc",
        "?osi=nonsense&x=1",
        "?x=" + "y" * 50,
    ):
        response = visitor.get(CATALOGUE + query)
        assert response.status_code == 200
        assert response.has_header("ETag")
    # free text, unknown filters and pages that are not there are rendered but never kept
    kept = [k for k in cache._cache if ":lic-catalogue:" in k]
    assert len([k for k in kept if not k.endswith(":total")]) == 2, kept


def test_catalogue_page_is_the_same_from_the_shared_render():
    for n in range(3):
        make_license(name=f"License {n}", spdx_id=f"L-{n}")
    visitor = Client()
    first = visitor.get(CATALOGUE).content.decode()
    again = visitor.get(CATALOGUE).content.decode()
    strip = lambda html: html.split('id="results"')[1].split("</main>")[0]  # noqa: E731
    assert strip(first) == strip(again)
    part = visitor.get(CATALOGUE, headers={"HX-Request": "true", "HX-Target": "results"}).content.decode()
    assert part.strip().startswith('<div id="results">')
    assert "<html" not in part


def test_a_web_correction_shows_at_once_to_a_visitor(pair, steward):
    old, _ = pair
    clause = old.clauses.get(anchor="2")
    visitor = Client()
    first = visitor.get(old.get_absolute_url())
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    assert visitor.get(old.get_absolute_url(), HTTP_IF_NONE_MATCH=etag).status_code == 304
    visitor.get(old.get_absolute_url())  # the shared render is kept
    editor = Client()
    editor.force_login(steward)
    edit = reverse("licenses:clause-edit", args=["tl", "1.0", clause.pk])
    response = editor.post(edit, {"label": "9", "heading": "Renumbered"})
    assert response.status_code == 302
    after = visitor.get(old.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag
    assert "Renumbered" in after.content.decode()


def test_a_new_review_of_the_version_shows_on_its_page(pair):
    old, _ = pair
    visitor = Client()
    etag = visitor.get(old.get_absolute_url())["ETag"]
    make_review(old)
    after = visitor.get(old.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert "Reviews of this version" in after.content.decode()


def test_a_hand_link_shows_at_once_to_a_visitor(pair, steward):
    visitor = Client()
    first = visitor.get(COMPARE)
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    assert visitor.get(COMPARE, HTTP_IF_NONE_MATCH=etag).status_code == 304
    editor = Client()
    editor.force_login(steward)
    response = editor.post(
        LINKS, {"a": "tl@1.0", "b": "tl@2.0", "action": "link", "a_anchor": "3", "b_anchor": "2"}
    )
    assert response.status_code == 302
    after = visitor.get(COMPARE, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200
    assert after["ETag"] != etag
    assert after.content != first.content


def _same_page(html: str) -> str:
    """A page without what differs per response (the CSRF token, the CSP nonce)."""
    import re

    return re.sub(r'"[A-Za-z0-9+/=_-]{20,}"', '""', html)


@pytest.mark.parametrize("htmx", [False, True])
def test_the_shared_compare_render_is_the_same_page(pair, htmx):
    headers = {"HX-Request": "true", "HX-Target": "comparison"} if htmx else {}
    visitor = Client()
    for path in (COMPARE, COMPARE + "&view=inline&changes=1"):
        first = visitor.get(path, headers=headers).content.decode()
        again = visitor.get(path, headers=headers).content.decode()
        assert _same_page(first) == _same_page(again)
        assert ("<html" in first) is not htmx
        assert "<title>Compare Test License 1.0 → Test License 2.0" in again or htmx


def test_the_shared_version_page_is_the_same_page(pair):
    old, _ = pair
    make_review(old)
    visitor = Client()
    first = visitor.get(old.get_absolute_url()).content.decode()
    again = visitor.get(old.get_absolute_url()).content.decode()
    assert _same_page(first) == _same_page(again)
    assert "Reviews of this version" in again
    assert 'href="/licenses/tl/2.0/"' in again  # its sibling
    assert again.count('class="clause"') == old.clauses.count()


def test_the_compare_page_moves_with_an_import(pair, tmp_path):
    visitor = Client()
    etag = visitor.get(COMPARE)["ETag"]
    call_command("import_spdx", "MIT")
    assert visitor.get(COMPARE, HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("address", ["catalogue", "version", "compare"])
def test_signed_in_readers_never_get_the_visitors_page(pair, steward, address):
    old, _ = pair
    path = {"catalogue": CATALOGUE, "version": old.get_absolute_url(), "compare": COMPARE}[address]
    visitor = Client()
    etag = visitor.get(path)["ETag"]
    visitor.get(path)  # the shared render is now kept
    reader = Client()
    reader.force_login(steward)
    response = reader.get(path, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]
    if address == "version":
        assert "Edit clauses" in response.content.decode()  # her own page, with her tools
    if address == "compare":
        assert "Correct the alignment by hand" in response.content.decode()


def test_the_stored_renders_hold_no_csrf_token(pair):
    old, _ = pair
    visitor = Client()
    visitor.get(CATALOGUE)
    visitor.get(old.get_absolute_url())
    kept = [v for k, v in cache._cache.items() if ":lic-" in k]
    assert len(kept) >= 2
    for key in [k for k in cache._cache if ":lic-" in k]:
        html = cache.get(key.split(":", 2)[2])
        assert html is not None
        assert "csrfmiddlewaretoken" not in str(html)
        assert "X-CSRFToken" not in str(html)
    page_cache.set_fragment("lic-x:1", '<input name="csrfmiddlewaretoken" value="secret">')
    assert cache.get("lic-x:1") is None


def test_a_message_waiting_gets_no_validator(pair):
    visitor = Client()
    visitor.cookies["messages"] = "something"
    assert not visitor.get(CATALOGUE).has_header("ETag")


# Warm, a visitor's page costs the stamp and, on a version page, its public reviews (they are
# not licenses writes, so they are never in a kept render); everything else is the shared render
# (the local-memory cache here; the database cache adds one query for all the parts).
WARM = {"catalogue": 1, "version": 2, "big version": 2, "compare": 1}
NOT_MODIFIED = {"catalogue": 1, "version": 2, "big version": 2, "compare": 1}


def test_query_counts_stay_fixed(pair, django_assert_max_num_queries):
    old, _ = pair
    big = make_version(make_license(slug="big"), text=numbered_text(66), label="1")
    for n in range(30):
        make_license(name=f"Extra {n}")
    visitor = Client()
    paths = {
        "catalogue": CATALOGUE,
        "version": old.get_absolute_url(),
        "big version": big.get_absolute_url(),
        "compare": COMPARE,
    }
    for name, path in paths.items():
        etag = visitor.get(path)["ETag"]  # cold
        with django_assert_max_num_queries(WARM[name]):
            assert visitor.get(path).status_code == 200
        with django_assert_max_num_queries(NOT_MODIFIED[name]):
            assert visitor.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
