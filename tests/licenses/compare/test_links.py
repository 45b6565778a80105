"""Hand links on the compare page: rights, htmx and no-JS forms, persistence, cache, swapping."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from licenses.compare import links
from licenses.models import ClauseLink
from tests.factories import make_license, make_user, make_version
from tests.licenses.compare.test_views import NEW, OLD, url

pytestmark = pytest.mark.django_db
LINKS = reverse("licenses:compare-links")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pair():
    license = make_license(slug="tl", name="Test License", spdx_id="TL-1")
    old = make_version(license, text=OLD, label="1.0")
    new = make_version(license, text=NEW, label="2.0")
    return old, new


@pytest.fixture
def steward(pair):
    user = make_user("stella", roles=("steward",))
    pair[0].license.stewards.add(user)
    return user


def kinds(client, a="tl@1.0", b="tl@2.0") -> dict[str, str]:
    """Row aria-labels of the compare page, e.g. {"Removed: 3": ..., "Changed: 2 → 2": ...}."""
    import re

    html = client.get(url(a=a, b=b)).content.decode()
    return re.findall(
        r'<section class="cmp-row kind-([a-z-]+)[^"]*" id="[^"]*" tabindex="-1" aria-label="([^"]*)"', html
    )


def post(client, headers=None, **data):
    return client.post(LINKS, {"a": "tl@1.0", "b": "tl@2.0", **data}, headers=headers or {})


def test_the_panel_is_only_for_those_who_may_link(client, pair, steward):
    assert "Correct the alignment by hand" not in client.get(url(a="tl@1.0", b="tl@2.0")).content.decode()
    client.force_login(make_user(roles=("reviewer",)))
    assert "Correct the alignment by hand" not in client.get(url(a="tl@1.0", b="tl@2.0")).content.decode()
    client.force_login(steward)
    html = client.get(url(a="tl@1.0", b="tl@2.0")).content.decode()
    assert "Correct the alignment by hand" in html
    assert '<option value="3">3 · Advertising. All advertising materials' in html


@pytest.mark.parametrize("who", [None, ("reviewer",), ("steward",)])
def test_others_get_404_and_nothing_is_stored(client, pair, who):
    if who is not None:
        client.force_login(make_user(roles=who))  # a steward, but not of this license
    response = post(client, action="link", a_anchor="3", b_anchor="4")
    assert response.status_code == 404
    assert not ClauseLink.objects.exists()


def test_link_without_javascript_redirects_and_the_page_shows_the_pair(client, pair, steward):
    client.force_login(steward)
    before = kinds(client)
    assert ("removed", "Removed: 3") in before and ("added", "Added: 4") in before
    response = post(client, action="link", a_anchor="3", b_anchor="4")
    assert response.status_code == 302
    assert response["Location"].endswith("#cmp-linking")
    page = client.get(response["Location"]).content.decode()
    assert "Linked. The comparison now shows the two clauses as one row." in page
    assert "linked by hand" in page
    after = kinds(client)
    assert ("removed", "Removed: 3") not in after
    assert any(label == "Changed: 3 → 4" for _, label in after)
    # anyone reads the corrected comparison; the link reads backwards on the swapped one
    client.logout()
    assert any(label == "Changed: 4 → 3" for _, label in kinds(client, a="tl@2.0", b="tl@1.0"))


def test_htmx_link_answers_with_the_result_fragment_and_needs_csrf(pair, steward):
    client = Client(enforce_csrf_checks=True)
    client.force_login(steward)
    data = {"a": "tl@1.0", "b": "tl@2.0", "action": "link", "a_anchor": "3", "b_anchor": "4"}
    assert client.post(LINKS, data, headers={"HX-Request": "true"}).status_code == 403
    page = client.get(url(a="tl@1.0", b="tl@2.0"))
    token = page.cookies["csrftoken"].value
    response = client.post(LINKS, data, headers={"HX-Request": "true", "X-CSRFToken": token})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="cmp-result">')
    assert "<html" not in html
    assert 'role="status">Linked.' in html
    assert "linked by hand" in html


def test_a_bad_link_says_why_and_changes_nothing(client, pair, steward):
    client.force_login(steward)
    post(client, action="link", a_anchor="3", b_anchor="4")
    response = post(client, action="link", a_anchor="3", b_anchor="3", headers={"HX-Request": "true"})
    assert response.status_code == 200  # htmx swaps 2xx only: the message must reach the page
    assert 'role="alert">3 is already linked by hand to 4; unlink it first.' in response.content.decode()
    response = post(client, action="link", a_anchor="nope", b_anchor="4")
    assert response.status_code == 302
    assert "has no clause" in client.get(response["Location"]).content.decode()
    assert ClauseLink.objects.count() == 1


def test_unlink_an_engine_pair_then_undo(client, pair, steward):
    client.force_login(steward)
    assert any(label == "Changed: 2 → 2" for _, label in kinds(client))
    post(client, action="unlink", pair="2 2")
    after = kinds(client)
    assert ("removed", "Removed: 2") in after and ("added", "Added: 2") in after
    (row,) = ClauseLink.objects.all()
    assert row.kind == ClauseLink.Kind.UNLINK and row.created_by == steward
    post(client, action="forget", link_id=row.pk)
    assert not ClauseLink.objects.exists()
    assert any(label == "Changed: 2 → 2" for _, label in kinds(client))


def test_unlinking_a_hand_link_removes_it(pair, steward):
    old, new = pair
    links.link_clauses(a=old, b=new, a_anchor="3", b_anchor="4", by=steward)
    assert links.unlink_clauses(a=old, b=new, a_anchor="3", b_anchor="4", by=steward) is None
    assert not ClauseLink.objects.exists()


def test_moderators_may_link_any_comparison(client, pair):
    client.force_login(make_user(roles=("moderator",)))
    assert post(client, action="link", a_anchor="3", b_anchor="4").status_code == 302
    assert ClauseLink.objects.count() == 1


def test_forget_only_reaches_corrections_of_this_comparison(client, pair, steward):
    other = make_license(slug="other")
    o1, o2 = make_version(other, text=OLD, label="1"), make_version(other, text=NEW, label="2")
    foreign = links.link_clauses(a=o1, b=o2, a_anchor="3", b_anchor="4", by=make_user(is_superuser=True))
    client.force_login(steward)
    post(client, action="forget", link_id=foreign.pk)
    assert ClauseLink.objects.filter(pk=foreign.pk).exists()


def test_the_api_comparison_follows_the_hand_links(client, pair, steward):
    """The API and the page agree: a hand link pairs in the API's comparison too, marked
    manual, and a later unlink is seen at once (the links are part of its cache key)."""
    old, new = pair
    api = reverse("api:compare")
    params = {"a": "tl@1.0", "b": "tl@2.0"}
    before = client.get(api, params).json()
    assert not any(p["manual"] for p in before["pairs"])
    links.link_clauses(a=old, b=new, a_anchor="3", b_anchor="4", by=steward)
    after = client.get(api, params).json()
    (hand,) = [p for p in after["pairs"] if p["manual"]]
    assert [s["path"] for s in hand["a"]] == ["3"] and [s["path"] for s in hand["b"]] == ["4"]
    links.unlink_clauses(a=old, b=new, a_anchor="3", b_anchor="4", by=steward)
    assert not any(p["manual"] for p in client.get(api, params).json()["pairs"])
