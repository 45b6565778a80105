"""The edges of every page: htmx requests that lose their session, the 404 a user sees with
DEBUG on, quiet management commands (issue 13, defects 1 and 10)."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from review import services
from tests.factories import make_review, make_user

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_CURRENT_URL": "http://testserver/reviews/1/?show=open"}
ROOT = Path(__file__).resolve().parents[2]


def _thread():
    review = make_review()
    author = make_user(roles=("reviewer",))
    clause = review.version.clauses.get(anchor="2.2.b")
    return services.thread_start(review=review, clause=clause, author=author, body="First.")


def test_htmx_post_after_the_session_ended_answers_401_not_the_login_page(client):
    thread = _thread()
    url = reverse("review:thread-reply", args=[thread.review_id, thread.pk])
    response = client.post(url, {"body": "My careful reply.", "stance": "note"}, **HX)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "session" in body.lower()
    assert "<form" not in body  # never the login form, which htmx would swap into the thread
    # The log-in link leads back to the page the person was on, not to the POST endpoint.
    assert "/accounts/login/?next=/reviews/1/%3Fshow%3Dopen" in body
    assert thread.comments.count() == 1


def test_plain_post_after_the_session_ended_still_redirects_to_log_in(client):
    thread = _thread()
    url = reverse("review:thread-reply", args=[thread.review_id, thread.pk])
    response = client.post(url, {"body": "x", "stance": "note"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_htmx_get_of_a_page_for_members_also_answers_401(client):
    response = client.get(reverse("profile"), HTTP_HX_REQUEST="true")
    assert response.status_code == 401


def test_a_redirect_elsewhere_is_left_alone_for_htmx():
    user = make_user()
    c = Client()
    c.force_login(user)
    response = c.get(reverse("signup"), HTTP_HX_REQUEST="true")
    assert response.status_code == 302
    assert response["Location"] == reverse("profile")


def test_debug_404_is_the_styled_page_not_the_url_list(client, settings):
    settings.DEBUG = True
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Not found" in body
    assert "site-header" in body  # our base template
    assert "URLconf" not in body and "reviews/&lt;int:pk&gt;" not in body


def test_debug_404_from_a_view_is_the_styled_page(client, settings):
    settings.DEBUG = True
    response = client.get("/reviews/999999/")
    assert response.status_code == 404
    assert "There is nothing at this address" in response.content.decode()
    assert "Http404" not in response.content.decode()


def test_debug_404_keeps_the_slash_redirect(client, settings):
    settings.DEBUG = True
    assert client.get("/reviews").status_code == 301


def test_technical_404_when_asked(client, settings):
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_404 = True
    assert "URLconf" in client.get("/no/such/page/").content.decode()


def test_management_commands_do_not_print_axes_banner():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "AXES" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("spdx_id", "label", "title"),
    [
        ("MIT", "1", "MIT License"),
        ("MIT-0", "1", "MIT License"),  # "-0" is no version: MIT No Attribution, not "… 1"
        ("GPL-3.0-only", "3.0", "GPL License 3.0"),
        (None, "1", "GPL License 1"),  # a label somebody chose is shown
        ("MIT", "2", "GPL License 2"),
    ],
)
def test_a_single_unnamed_version_shows_no_number(spdx_id, label, title):
    from licenses.models import License, LicenseVersion

    name = "MIT License" if title.startswith("MIT") else "GPL License"
    version = LicenseVersion(license=License(name=name, spdx_id=spdx_id), label=label)
    assert version.title == title


def test_no_debug_script_that_swaps_error_pages_over_the_form(client, settings):
    # django-htmx's DEBUG helper replaces the whole document with a failed request's answer,
    # which throws away the text being typed; clausewise.js reports failures instead.
    settings.DEBUG = True
    body = client.get("/").content.decode()
    assert "django_htmx/htmx-2.min.js" in body
    assert "django-htmx.js" not in body


def test_debug_keeps_a_page_a_view_drew_with_a_404_status(client, settings):
    # The compare page answers an unknown version with 404 and its own message and suggestions;
    # with DEBUG on (make run) the generic "Not found" page used to replace it.
    settings.DEBUG = True
    from tests.factories import make_version

    make_version()
    response = client.get("/compare/", {"a": "no-such-license", "b": "nothing-either"})
    assert response.status_code == 404
    body = response.content.decode()
    assert "No license version matches “no-such-license”" in body
    assert "There is nothing at this address" not in body
    assert 'name="a"' in body  # the form is there to correct it


def test_a_form_refused_by_the_csrf_check_says_what_to_do_without_losing_the_text(db):
    # It said "Not allowed … reload the page and try again": reloading is where the text is lost.
    client = Client(enforce_csrf_checks=True)
    response = client.post("/search/closest/", {"text": "My license text."})
    assert response.status_code == 403
    body = response.content.decode()
    assert "The form could not be sent" in body
    assert "Nothing was saved. Go back with your browser's Back button, copy what you wrote" in body
    assert "site-header" in body  # the site's page, with its navigation
