import pytest

from tests.factories import SAMPLE_TEXT, make_license, make_user
from tests.search.test_similarity import catalogue  # noqa: F401 - fixture

PASTED = SAMPLE_TEXT.replace("provided as is.", "provided as is, without any guarantee of fitness.")

pytestmark = pytest.mark.django_db


def test_version_page_offers_similar_clauses(client, catalogue):  # noqa: F811
    base, _, _ = catalogue
    body = client.get(base.get_absolute_url()).content.decode()
    assert "Similar clauses in other licenses" in body
    assert f"/licenses/{base.license.slug}/1.0/similar/2.2.b/" in body
    assert f"/search/closest/?version={base.license.slug}%401.0" in body


def test_similar_clauses_page_and_fragment(client, catalogue):  # noqa: F811
    base, derived, _ = catalogue
    url = f"/licenses/{base.license.slug}/1.0/similar/2.2.b/"
    page = client.get(url).content.decode()
    assert derived.get_absolute_url() + "#c-2.2.b" in page
    assert "<ins>" in page and "<html" in page
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and "<ins>" in fragment


def test_similar_clauses_404s(client, catalogue):  # noqa: F811
    base, _, _ = catalogue
    assert client.get(f"/licenses/{base.license.slug}/1.0/similar/9.9/").status_code == 404
    assert client.get("/licenses/nope/1.0/similar/1/").status_code == 404


def test_closest_from_a_paste(client, catalogue):  # noqa: F811
    base, _, _ = catalogue
    response = client.post("/search/closest/", {"text": PASTED})
    body = response.content.decode()
    assert response.status_code == 200
    assert "This looks like Base License 1.0" in body
    assert base.get_absolute_url() in body


def test_closest_from_a_version(client, catalogue):  # noqa: F811
    base, derived, _ = catalogue
    body = client.get("/search/closest/", {"version": derived.ref}).content.decode()
    assert f"/compare/?a={base.license.slug}%401.0&amp;b={derived.license.slug}%401.0" in body


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"text": ""},
        {"text": "   "},
        {"text": "\x00binary"},
        {"text": "许可证 " * 100},
        {"text": "x" * 2_000_000},
    ],
)
def test_closest_bad_input(client, catalogue, data):  # noqa: F811
    assert client.post("/search/closest/", data).status_code == 200


def test_closest_unknown_version(client, db):
    response = client.get("/search/closest/", {"version": "nope@1"})
    assert response.status_code == 200
    body = response.content.decode()
    # Above the paste form, with a way on (it stood below the empty form, easy to miss)
    assert body.index("No license version matches “nope@1”.") < body.index('name="text"')
    assert 'href="/licenses/"' in body.split('name="text"')[0].split("form-error")[-1]


def test_new_version_form_checks_before_saving(client, catalogue, settings):  # noqa: F811
    base, _, _ = catalogue
    license = make_license(name="Fresh License")
    steward = make_user(roles=("steward",))
    license.stewards.add(steward)
    client.force_login(steward)
    form = client.get(f"/licenses/{license.slug}/versions/new/").content.decode()
    assert 'formaction="/search/closest/"' in form
    response = client.post(
        "/search/closest/",
        {"label": "1.0", "text": PASTED},
        headers={"HX-Request": "true", "HX-Target": "closest-report"},
    )
    body = response.content.decode()
    assert "<html" not in body and "This looks like Base License 1.0" in body
    assert not license.versions.exists()


def test_closest_table_names_the_versions_own_spdx_id(client, catalogue):  # noqa: F811
    # A license row keeps its first version's id; the table ranks versions, so each shows its own.
    from licenses.models import LicenseVersion

    base, _, _ = catalogue
    base.license.spdx_id = "BASE-0.9"
    base.license.save()
    LicenseVersion.objects.filter(pk=base.pk).update(spdx_ids="BASE-1.0 BASE-1.0-or-later")
    body = client.post("/search/closest/", {"text": PASTED}).content.decode()
    assert "<code>BASE-1.0</code>" in body
    assert "BASE-0.9" not in body
