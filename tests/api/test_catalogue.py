"""Licenses, versions with clauses, comparisons and criteria: anonymous reads of public data."""

from __future__ import annotations

import pytest
from django.urls import reverse

from licenses.models import License
from tests.api import get
from tests.factories import make_license, make_version, numbered_text

pytestmark = pytest.mark.django_db

CHANGED = """Sample Model License

1. Definitions.

"Model" means the trained weights and their code.

2. Grant.

2.1 You may use, copy and share the Model.

2.2 Conditions.

(a) You must keep this notice.

(b) If you distribute a collection of Output as a dataset, you must include a notice that it was made with the Model.

3. No Warranty.

The Model is provided as is.
"""


def test_version_has_clauses_with_paths_anchors_parents_and_permalinks(client, version, people):
    url = reverse("api:version", args=["sample", "1.0"])
    for who in (None, people["reader"], people["reviewer"], people["moderator"]):
        response = get(client, url, who)
        assert response.status_code == 200
    data = response.json()
    assert data["license"]["slug"] == "sample"
    assert data["ref"] == "sample@1.0"
    assert data["text_url"].endswith("/licenses/sample/1.0/raw/")
    clauses = {c["path"]: c for c in data["clauses"]}
    b = clauses["2.2(b)"]
    assert b["anchor"] == "2.2.b"
    assert b["parent"] == "2.2"
    assert clauses["2.2"]["parent"] == "2"
    assert clauses["2"]["parent"] is None
    assert b["label"] == "(b)"
    assert b["text"].startswith("If you distribute a collection of Output")
    assert b["permalink"] == "http://testserver/licenses/sample/1.0/#c-2.2.b"
    assert clauses["2.2"]["heading"] == "Conditions."
    assert [c["anchor"] for c in data["clauses"]] == list(
        version.clauses.order_by("ordinal").values_list("anchor", flat=True)
    )
    # The offsets point into the version text.
    text = version.text
    assert "If you distribute" in text[b["start"] : b["end"]]


def test_version_in_two_queries_whatever_its_size(client, django_assert_max_num_queries):
    big = make_version(make_license(slug="big"), text=numbered_text(200), label="1")
    small = make_version(make_license(slug="small"), text=numbered_text(3), label="1")
    for v in (small, big):
        with django_assert_max_num_queries(2):
            response = client.get(reverse("api:version", args=[v.license.slug, "1"]))
        assert response.status_code == 200
    assert len(response.json()["clauses"]) == 201  # the preamble and 200 numbered clauses


def test_unknown_license_and_version_are_json_404(client, version):
    for url in (
        reverse("api:license", args=["nope"]),
        reverse("api:version", args=["sample", "9.9"]),
        reverse("api:version", args=["nope", "1.0"]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        assert response.json()["message"]


def test_license_detail_lists_versions_oldest_first(client, version):
    make_version(version.license, text=CHANGED, label="2.0", previous=version)
    data = client.get(reverse("api:license", args=["sample"])).json()
    assert data["name"] == "Sample Model License"
    assert data["spdx_id"] == "Sample-1.0"
    assert [v["label"] for v in data["versions"]] == ["1.0", "2.0"]
    assert data["versions"][1]["previous"] == "1.0"
    assert data["versions"][1]["url"] == "http://testserver/api/v1/licenses/sample/versions/2.0/"


def _licenses(n: int, **fields) -> None:
    for i in range(n):
        lic = make_license(slug=f"lic-{i:03}", name=f"Lic {i:03}", **fields)
        make_version(lic, text=numbered_text(2), label="1")
        make_version(lic, text=numbered_text(3), label="2")


def test_license_list_items_and_next_links(client):
    _licenses(5)
    url = reverse("api:licenses")
    data = client.get(url, {"page_size": 2}).json()
    assert data["count"] == 5
    assert data["previous"] is None
    assert data["next"] == "http://testserver/api/v1/licenses/?page=2&page_size=2"
    first = data["results"][0]
    assert first == {
        "slug": "lic-000",
        "name": "Lic 000",
        "spdx_id": None,
        "osi_status": "unknown",
        "osi_approved": False,
        "fsf_libre": None,
        "deprecated": False,
        "versions": ["1", "2"],
        "url": "http://testserver/api/v1/licenses/lic-000/",
        "html_url": "http://testserver/licenses/lic-000/",
    }
    # What a source did say comes through as a plain yes or no.
    License.objects.filter(slug="lic-001").update(fsf_libre=True, osi_status=License.OsiStatus.APPROVED)
    second = client.get(url, {"page_size": 2}).json()["results"][1]
    assert (second["fsf_libre"], second["osi_status"], second["osi_approved"]) == (True, "approved", True)
    # Follow the links to the end.
    seen, next_url = [], url + "?page_size=2"
    while next_url:
        page = client.get(next_url).json()
        seen += [item["slug"] for item in page["results"]]
        next_url = page["next"]
    assert seen == [f"lic-{i:03}" for i in range(5)]
    assert page["previous"] == "http://testserver/api/v1/licenses/?page=2&page_size=2"


def test_license_list_filters_by_search_and_osi_status(client):
    _licenses(2)
    make_license(slug="mpl", name="Mozilla Public License", spdx_id="MPL-2.0", osi_status="approved")
    url = reverse("api:licenses")
    assert [i["slug"] for i in client.get(url, {"search": "mozilla"}).json()["results"]] == ["mpl"]
    assert [i["slug"] for i in client.get(url, {"search": "MPL-2"}).json()["results"]] == ["mpl"]
    approved = client.get(url, {"osi": "approved"}).json()["results"]
    assert [(i["slug"], i["osi_approved"]) for i in approved] == [("mpl", True)]
    assert client.get(url, {"search": "nothing like it"}).json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }
    bad = client.get(url, {"osi": "maybe"})
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_request"


def test_license_list_page_out_of_range_and_bad_sizes(client):
    _licenses(3)
    url = reverse("api:licenses")
    assert client.get(url, {"page": 3, "page_size": 2}).json()["code"] == "not_found"
    assert client.get(url, {"page": 0}).status_code == 422
    assert client.get(url, {"page_size": 1000}).status_code == 422
    assert client.get(url, {"page": "x"}).status_code == 422


def test_license_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    _licenses(3)
    url = reverse("api:licenses")
    with django_assert_max_num_queries(3):
        small = client.get(url, {"page_size": 2})
    _licenses(0)
    for i in range(30):
        lic = make_license(slug=f"more-{i:02}", name=f"More {i:02}")
        make_version(lic, text=numbered_text(2), label="1")
    with django_assert_max_num_queries(3):
        large = client.get(url, {"page_size": 30})
    assert len(small.json()["results"]) == 2
    assert len(large.json()["results"]) == 30
    assert License.objects.count() == 33


def test_compare_gives_pairs_with_kinds_paths_similarity_and_redline(client, version):
    make_version(version.license, text=CHANGED, label="2.0", previous=version)
    url = reverse("api:compare")
    response = client.get(url, {"a": "sample@1.0", "b": "sample@2.0"})
    assert response.status_code == 200
    data = response.json()
    assert data["a"]["ref"] == "sample@1.0"
    assert data["b"]["url"] == "http://testserver/api/v1/licenses/sample/versions/2.0/"
    assert data["identical"] is False
    assert data["summary"]["counts"]["changed"] == 1
    assert data["summary"]["quick"] is False  # small texts get the full alignment
    assert data["html_url"] == "http://testserver/compare/?a=sample@1.0&b=sample@2.0"
    changed = [p for p in data["pairs"] if p["kind"] == "changed"]
    assert len(changed) == 1
    pair = changed[0]
    assert [s["path"] for s in pair["a"]] == [s["path"] for s in pair["b"]]
    assert 0 < pair["similarity"] < 1
    assert ["insert", " and their code"] in pair["redline"] or any(
        op == "insert" and "and their code" in text for op, text in pair["redline"]
    )
    # equal + delete pieces rebuild the old side, equal + insert the new.
    old = "".join(t for op, t in pair["redline"] if op != "insert")
    new = "".join(t for op, t in pair["redline"] if op != "delete")
    assert "and their code" in new and "and their code" not in old
    unchanged = next(p for p in data["pairs"] if p["kind"] == "unchanged")
    assert {op for op, _ in unchanged["redline"]} == {"equal"}
    assert unchanged["similarity"] == 1.0
    only = client.get(url, {"a": "sample@1.0", "b": "sample@2.0", "changes": "true"}).json()
    assert [p["kind"] for p in only["pairs"]] == ["changed"]


def test_compare_refuses_unknown_or_missing_refs(client, version):
    url = reverse("api:compare")
    response = client.get(url, {"a": "sample@1.0", "b": "sample@7"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert "sample@7" in response.json()["message"]
    response = client.get(url, {"a": "sample@1.0"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_compare_is_cached_and_cheap_when_warm(client, version, django_assert_max_num_queries):
    make_version(version.license, text=CHANGED, label="2.0", previous=version)
    params = {"a": "sample@1.0", "b": "sample@2.0"}
    first = client.get(reverse("api:compare"), params).json()
    with django_assert_max_num_queries(3):  # the two refs, the hand links (part of the cache key)
        second = client.get(reverse("api:compare"), params).json()
    assert first == second


def test_criteria_sets_with_their_items(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(reverse("api:criteria"))
    data = response.json()
    osd = next(s for s in data if s["slug"] == "osd-1.9")
    assert osd["short_name"] == "OSD"
    assert [c["number"] for c in osd["criteria"]] == list(range(1, 11))
    six = osd["criteria"][5]
    assert six["key"] and six["title"] and six["summary"]
    assert {s["slug"] for s in data} >= {"osd-1.9", "dfsg-1.2", "fsd-freedoms"}


def test_compare_names_the_secondary_links_of_removed_and_added_clauses(client):
    """MPL 1.1 8.1 and 2.0 5.1 (termination) share few words: the API shows them removed and
    added, each naming the other, by meaning, as the page's one "reworded" row does."""
    from licenses.sources import spdx_text

    mpl = make_license(slug="mpl", name="Mozilla Public License")
    make_version(mpl, text=spdx_text("MPL-1.1"), label="1.1")
    make_version(mpl, text=spdx_text("MPL-2.0"), label="2.0")
    data = client.get(reverse("api:compare"), {"a": "mpl@1.1", "b": "mpl@2.0", "changes": "true"}).json()
    removed = next(p for p in data["pairs"] if p["kind"] == "removed" and p["a"][0]["path"] == "8.1")
    assert [(s["path"], s["by_meaning"]) for s in removed["also_into"]] == [("5.1", True)]
    added = next(p for p in data["pairs"] if p["kind"] == "added" and p["b"][0]["path"] == "5.1")
    assert [(s["path"], s["by_meaning"]) for s in added["also_from"]] == [("8.1", True)]
    assert not removed["manual"] and removed["also_from"] == []
