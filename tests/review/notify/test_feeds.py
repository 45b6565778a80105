"""Atom feeds honour visibility: public reviews only, never hidden or deleted comments."""

from xml.etree import ElementTree

from django.urls import reverse

from licenses.models import Family
from review import services
from review.notify.models import Watch
from tests.factories import make_review, make_user

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    return [
        (e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}summary") or "") for e in root.iter(f"{ATOM}entry")
    ]


def test_feeds_show_public_comments_only(world, client):
    alice, bob = world["alice"], world["bob"]
    mod = make_user("mona", roles=("moderator",))
    thread = services.thread_start(
        review=world["review"], clause=world["clause"], author=alice, body="Seen *everywhere*."
    )
    hidden = services.comment_add(thread=thread, author=bob, body="Hidden words.")
    services.comment_hide(comment=hidden, user=mod, reason="Spam.")
    private = make_review(is_public=False, opened_by=mod)
    services.thread_start(
        review=private, clause=private.version.clauses.get(anchor="2.2.b"), author=mod, body="Secret words."
    )
    family = Family.objects.create(slug="samples", name="Samples")
    family.members.add(world["review"].version.license, private.version.license)

    for url in (
        reverse("notify:feed-activity"),
        reverse("notify:feed-review", args=[world["review"].pk]),
        reverse("notify:feed-license", args=[world["review"].version.license.slug]),
        reverse("notify:feed-family", args=[family.slug]),
    ):
        found = entries(client, url)
        text = " ".join(t + s for t, s in found)
        assert "alice on §2.2(b)" in text, url
        assert "<em>everywhere</em>" in text
        assert "Hidden words" not in text and "Secret words" not in text, url
    assert client.get(reverse("notify:feed-review", args=[private.pk])).status_code == 404


def test_license_and_family_pages_offer_watching(world):
    from django.test import Client

    license = world["review"].version.license
    client = Client()
    client.force_login(world["bob"])
    page = client.get(license.get_absolute_url()).content.decode()
    assert "Watch license" in page and reverse("notify:feed-license", args=[license.slug]) in page
    client.post(reverse("notify:watch", args=["license", license.pk]), {"action": "watch"})
    assert Watch.objects.filter(user=world["bob"], license=license).exists()
    assert "Unwatch license" in client.get(license.get_absolute_url()).content.decode()
