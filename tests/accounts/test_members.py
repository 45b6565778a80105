"""The members page (issue 13, defect 4): moderators give and withdraw roles, with a history;
people ask for the reviewer role from their profile."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from accounts import roles
from accounts.models import RoleChange, RoleRequest
from tests.factories import make_license, make_user

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def mod():
    return make_user("mona", roles=("moderator",))


@pytest.fixture
def ines():
    return make_user("ines")


def groups(user):
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def test_moderator_grants_and_withdraws_the_reviewer_role_with_history(mod, ines):
    client = login(mod)
    url = reverse("member-role", args=[ines.pk])
    response = client.post(url, {"role": "reviewer", "action": "grant", "note": "known on the list"})
    assert response.status_code == 302
    assert groups(ines) == {"reviewer"}
    client.post(url, {"role": "reviewer", "action": "withdraw"})
    assert groups(ines) == set()
    history = [(c.changed_by, c.role, c.action, c.note) for c in RoleChange.objects.filter(member=ines)]
    assert history == [
        (mod, "reviewer", "withdrawn", ""),
        (mod, "reviewer", "granted", "known on the list"),
    ]
    page = client.get(reverse("member-detail", args=[ines.pk])).content.decode()
    assert "withdrew the <strong>reviewer</strong> role" in page
    assert "(known on the list)" in page


def test_stewards_are_per_license_and_withdrawing_the_role_ends_them(mod, ines):
    mit = make_license(name="MIT License", slug="mit", spdx_id="MIT")
    client = login(mod)
    url = reverse("member-stewardship", args=[ines.pk])
    assert client.post(url, {"action": "add", "license": "MIT"}).status_code == 302
    assert groups(ines) == {"steward"}
    assert roles.is_steward_of(User.objects.get(pk=ines.pk), mit)
    client.post(reverse("member-role", args=[ines.pk]), {"role": "steward", "action": "withdraw"})
    assert list(mit.stewards.all()) == []
    assert groups(ines) == set()
    lines = [str(c) for c in RoleChange.objects.filter(member=ines).order_by("pk")]
    assert lines == [
        "granted steward",
        "granted steward on MIT License",
        "withdrew steward on MIT License",
        "withdrew steward",
    ]


def test_unknown_license_is_refused_in_place_and_changes_nothing(mod, ines):
    response = login(mod).post(
        reverse("member-stewardship", args=[ines.pk]), {"action": "add", "license": "nope"}
    )
    assert response.status_code == 422
    assert "No license has the slug or SPDX id “nope”" in response.content.decode()
    assert 'value="nope"' in response.content.decode()
    assert groups(ines) == set() and not RoleChange.objects.exists()


@pytest.mark.parametrize("who", [None, "reviewer", "steward"])
def test_everyone_but_moderators_gets_404_and_changes_nothing(who, ines):
    make_license(slug="mit", spdx_id="MIT")
    client = Client() if who is None else login(make_user(roles=(who,)))
    request = RoleRequest.objects.create(user=ines, role="reviewer")
    gets = [reverse("member-list"), reverse("member-detail", args=[ines.pk])]
    posts = [
        (reverse("member-role", args=[ines.pk]), {"role": "reviewer", "action": "grant"}),
        (reverse("member-stewardship", args=[ines.pk]), {"action": "add", "license": "mit"}),
        (reverse("role-request-decline", args=[request.pk]), {}),
    ]
    for url in gets:
        response = client.get(url)
        assert response.status_code == (302 if who is None else 404), url
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == (302 if who is None else 404), url
        if who is None:
            assert response["Location"].startswith(reverse("login"))
    assert groups(ines) == set()
    assert not RoleChange.objects.exists()
    assert RoleRequest.objects.get().status == "pending"


def test_the_moderator_role_is_not_given_here(mod, ines):
    response = login(mod).post(
        reverse("member-role", args=[ines.pk]), {"role": "moderator", "action": "grant"}
    )
    assert response.status_code == 404
    assert groups(ines) == set()


def test_asking_for_the_reviewer_role_and_the_moderator_granting_it(mod, ines):
    client = login(ines)
    profile = client.get(reverse("profile")).content.decode()
    assert "Ask for the reviewer role" in profile
    response = client.post(reverse("role-request"), {"note": "I chair the <b>license</b> list."})
    assert response.status_code == 302
    again = client.post(reverse("role-request"), {"note": "again"}, follow=True)
    assert "Your request is already waiting for a moderator." in again.content.decode()
    assert RoleRequest.objects.filter(user=ines).count() == 1

    moderator = login(mod)
    page = moderator.get(reverse("member-list")).content.decode()
    assert "asks for the <strong>reviewer</strong> role" in page
    assert "I chair the &lt;b&gt;license&lt;/b&gt; list." in page  # escaped
    moderator.post(reverse("member-role", args=[ines.pk]), {"role": "reviewer", "action": "grant"})
    assert groups(ines) == {"reviewer"}
    assert RoleRequest.objects.get().status == "granted"
    assert RoleRequest.objects.get().decided_by == mod
    profile = client.get(reverse("profile")).content.decode()
    assert "Ask for the reviewer role" not in profile


def test_declining_and_withdrawing_requests(mod, ines):
    client = login(ines)
    client.post(reverse("role-request"), {"note": ""})
    request = RoleRequest.objects.get()
    login(mod).post(reverse("role-request-decline", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == "declined" and request.decided_by == mod
    assert "declined" in client.get(reverse("profile")).content.decode()
    client.post(reverse("role-request"), {"note": "please"})
    second = RoleRequest.objects.get(status="pending")
    other = login(make_user("otto"))
    assert other.post(reverse("role-request-cancel", args=[second.pk])).status_code == 404
    client.post(reverse("role-request-cancel", args=[second.pk]))
    second.refresh_from_db()
    assert second.status == "cancelled"


def test_members_page_costs_a_fixed_number_of_queries(mod, django_assert_max_num_queries):
    for i in range(30):
        user = make_user(f"member{i}", roles=("reviewer",) if i % 2 else ())
        make_license(slug=f"l{i}").stewards.add(user)
    client = login(mod)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("member-list"))
    assert response.status_code == 200
    assert response.content.decode().count("Manage roles") == 31


def test_members_search_and_role_filter(mod):
    make_user("alvaro", roles=("reviewer",))
    make_user("beatriz")
    client = login(mod)
    page = client.get(reverse("member-list"), {"q": "alv"}).content.decode()
    assert "alvaro" in page and "beatriz" not in page
    page = client.get(reverse("member-list"), {"role": "none"}).content.decode()
    assert "beatriz" in page and "alvaro" not in page


def test_a_member_is_named_once_unless_a_display_name_differs(mod, ines):
    from accounts.models import Profile

    Profile.objects.update_or_create(user=ines, defaults={"display_name": "Ines Ortega"})
    make_user("sven")  # no display name of his own
    page = login(mod).get(reverse("member-list")).content.decode()
    assert '<strong>Ines Ortega</strong> <span class="muted small">ines</span>' in page
    assert '<strong>sven</strong></td>' in page  # not "sven sven"
