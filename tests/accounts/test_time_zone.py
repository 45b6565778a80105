"""Times in the reader's zone (issue 13, defect 6): a profile setting, empty for the browser's."""

from datetime import UTC, datetime

import pytest
from django.test import Client

from accounts.models import Profile
from review import services
from review.models import Comment
from tests.factories import make_review, make_user

pytestmark = pytest.mark.django_db


def _page_with_a_comment(user):
    review = make_review()
    clause = review.version.clauses.get(anchor="2.2.b")
    thread = services.thread_start(review=review, clause=clause, author=user, body="Too wide?")
    Comment.objects.filter(thread=thread).update(created_at=datetime(2025, 5, 18, 3, 51, tzinfo=UTC))
    return review


def test_a_chosen_zone_shows_every_time_in_it_with_its_name():
    rita = make_user("rita", roles=("reviewer",))
    review = _page_with_a_comment(rita)
    client = Client()
    client.force_login(rita)
    assert "18 May 2025, 03:51 UTC" in client.get(review.get_absolute_url()).content.decode()
    saved = client.post(
        "/accounts/profile/",
        {"display_name": "", "affiliation": "", "email": "rita@example.org", "time_zone": "Europe/Rome"},
    )
    assert saved.status_code == 302
    assert Profile.objects.get(user=rita).time_zone == "Europe/Rome"
    page = client.get(review.get_absolute_url()).content.decode()
    assert "18 May 2025, 05:51 CEST" in page
    assert 'data-zone="Europe/Rome"' in page  # the script leaves server-chosen times alone
    # A new session (another browser) finds the zone at log-in.
    other = Client()
    other.force_login(rita)  # django.contrib.auth.login, as the log-in form does
    assert "05:51 CEST" in other.get(review.get_absolute_url()).content.decode()


def test_empty_means_the_browsers_zone_and_unknown_zones_are_refused():
    rita = make_user("rita", roles=("reviewer",))
    client = Client()
    client.force_login(rita)
    refused = client.post(
        "/accounts/profile/",
        {"display_name": "", "affiliation": "", "email": "rita@example.org", "time_zone": "Mars/Olympus"},
    )
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    page = client.get("/accounts/profile/").content.decode()
    assert '<option value="" selected>Your browser&#x27;s zone</option>' in page
    assert "data-zone=" not in page
