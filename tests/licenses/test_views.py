import pytest
from django.urls import reverse

from licenses.models import LicenseVersion
from tests.factories import SAMPLE_TEXT, make_license, make_user, make_version, numbered_text

pytestmark = pytest.mark.django_db


def test_home_page_has_search_catalogue_and_empty_reviews(client):
    make_version(make_license(name="Apache License 2.0", slug="apache-2.0"))
    response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'role="search"' in body
    assert "Apache License 2.0" in body
    assert "No review is open yet" in body


def test_catalogue_filters_by_name_and_spdx_id(client):
    make_license(name="Apache License 2.0", slug="apache-2.0", spdx_id="Apache-2.0")
    make_license(name="MIT License", slug="mit", spdx_id="MIT")
    response = client.get("/licenses/", {"q": "apache"})
    assert list(response.context["page"].object_list.values_list("slug", flat=True)) == ["apache-2.0"]
    response = client.get("/licenses/", {"q": "MIT"})
    assert [lic.slug for lic in response.context["page"].object_list] == ["mit"]


def test_a_search_lists_what_its_words_name_first(client):
    make_license(name='BSD 2-Clause "Simplified" License', slug="bsd-2-clause", spdx_id="BSD-2-Clause")
    make_license(name="Mozilla Public License", slug="mpl")
    make_license(name="Example Simple Permissive", slug="example-mpl-like")
    response = client.get("/licenses/", {"q": "mpl"})
    # the license whose slug it is first; those that hold it only inside a word ("Simplified",
    # "Simple", "example-mpl-like") after, by name
    assert [lic.slug for lic in response.context["page"].object_list] == ["mpl", "bsd-2-clause", "example-mpl-like"]
    response = client.get("/licenses/", {"q": "mozilla"})
    assert [lic.slug for lic in response.context["page"].object_list] == ["mpl"]
    response = client.get("/licenses/", {"q": "public"})  # a word of the name, not its start
    assert [lic.slug for lic in response.context["page"].object_list] == ["mpl"]


def test_catalogue_filters_by_osi_status(client):
    make_license(name="Approved", slug="a", osi_status="approved")
    make_license(name="Submitted", slug="s", osi_status="submitted")
    response = client.get("/licenses/", {"osi": "submitted"})
    assert [lic.slug for lic in response.context["page"].object_list] == ["s"]
    assert client.get("/licenses/", {"osi": "bogus", "page": "nope"}).status_code == 200


def test_catalogue_htmx_request_gets_only_the_results_fragment(client):
    make_license(name="Apache License 2.0", slug="apache-2.0")
    response = client.get("/licenses/", {"q": "apache"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="results"')
    assert "<html" not in body
    assert "Apache License 2.0" in body


def test_catalogue_history_restore_gets_the_whole_page(client):
    # The back button after an htmx history cache miss sends HX-Request too; it must not get a bare table.
    make_license(name="Apache License 2.0", slug="apache-2.0")
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    response = client.get("/licenses/", {"q": "apache"}, headers=headers)
    body = response.content.decode()
    assert "<html" in body
    assert "HX-Request" in response["Vary"]


def test_license_detail_lists_versions(client):
    license = make_license(name="Model License", slug="ml")
    make_version(license, label="1.0")
    response = client.get("/licenses/ml/")
    assert response.status_code == 200
    assert "Version 1.0" in response.content.decode()


def test_version_page_shows_clauses_with_permalinks(client):
    version = make_version(make_license(slug="ml"), label="1.0", text=SAMPLE_TEXT)
    response = client.get(version.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    for clause in version.clauses.all():
        assert f'id="{clause.dom_id}"' in body
        assert f'href="#{clause.dom_id}"' in body


def test_version_text_download(client):
    version = make_version(make_license(slug="ml"), label="1.0")
    response = client.get(reverse("licenses:version-text", args=["ml", "1.0"]))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert 'filename="ml-1.0.txt"' in response["Content-Disposition"]
    assert response.content.decode() == version.text


@pytest.mark.parametrize(
    "url", ["/licenses/nope/", "/licenses/nope/1.0/", "/licenses/nope/1.0/raw/", "/reviews/x/"]
)
def test_unknown_addresses_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404


def test_unknown_version_of_known_license_is_404(client):
    make_version(make_license(slug="ml"), label="1.0")
    assert client.get("/licenses/ml/9.9/").status_code == 404


@pytest.mark.parametrize("n", [10, 200])
def test_version_page_query_count_does_not_grow_with_clauses(client, django_assert_max_num_queries, n):
    version = make_version(make_license(slug=f"big-{n}"), text=numbered_text(n))
    assert version.clauses.count() >= n
    # the catalogue stamp (a visitor's page rests on it), the version, its reviews, clauses, siblings
    with django_assert_max_num_queries(5):
        response = client.get(version.get_absolute_url())
    assert response.status_code == 200
    with django_assert_max_num_queries(4):  # the clause list is the shared render now
        assert client.get(version.get_absolute_url()).status_code == 200


def test_new_version_needs_rights(client):
    license = make_license(slug="ml")
    assert client.get("/licenses/ml/versions/new/").status_code == 302  # to login
    client.force_login(make_user())
    assert client.get("/licenses/ml/versions/new/").status_code == 404
    assert client.post("/licenses/ml/versions/new/", {"label": "1", "text": "1. Grant."}).status_code == 404
    assert license.versions.count() == 0


def test_admin_pastes_a_new_version(client):
    license = make_license(slug="ml")
    client.force_login(make_user(is_superuser=True, is_staff=True))
    response = client.post("/licenses/ml/versions/new/", {"label": "2.0", "text": SAMPLE_TEXT})
    version = license.versions.get(label="2.0")
    assert response.status_code == 302
    assert response["Location"] == version.get_absolute_url()
    assert version.source == LicenseVersion.Source.PASTE


def test_identical_text_shows_the_existing_version(client):
    license = make_license(slug="ml")
    existing = make_version(license, label="1.0")
    client.force_login(make_user(is_superuser=True, is_staff=True))
    response = client.post("/licenses/ml/versions/new/", {"label": "1.1", "text": SAMPLE_TEXT}, follow=True)
    assert response.redirect_chain[-1][0] == existing.get_absolute_url()
    assert "identical to version 1.0" in response.content.decode()
    assert license.versions.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # the refused file is named: the file field comes back empty
        (b"bad \xe9", "“x.txt” is not valid UTF-8"),
        (b"a\x00b", "“x.txt” contains NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3", "“x.txt” is a damaged PDF, or one in a form we cannot read. Copy the license text out of it"),
        (b"", "Paste the license text or choose a file"),
    ],
)
def test_bad_upload_shows_a_clear_message_and_keeps_the_form(client, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    license = make_license(slug="ml")
    client.force_login(make_user(is_superuser=True, is_staff=True))
    upload = SimpleUploadedFile("x.txt", content, content_type="text/plain")
    response = client.post(
        "/licenses/ml/versions/new/",
        {"label": "draft 3", "file": upload} if content else {"label": "draft 3"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'value="draft 3"' in response.content.decode()
    assert license.versions.count() == 0


def upload_version(client, name: str, data: str, content_type: str):
    """As a superuser, upload ``data`` as version 1.0 of a new license "ml"; (license, page HTML)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    license = make_license(slug="ml")
    client.force_login(make_user(is_superuser=True, is_staff=True))
    upload = SimpleUploadedFile(name, data.encode(), content_type=content_type)
    response = client.post("/licenses/ml/versions/new/", {"label": "1.0", "file": upload}, follow=True)
    return license, response.content.decode()


def test_a_license_uploaded_as_a_saved_web_page_is_read_as_its_text_and_says_so(client):
    page = (
        "<!DOCTYPE html><html><head><title>ML</title><script>track()</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>My License</h1><h2>1. Grant.</h2><p>You may copy.</p>"
        "<ol type='a'><li>keep this notice;</li><li>say what you changed.</li></ol>"
        "<h2>2. No warranty.</h2><p>None &amp; nothing.</p></body></html>"
    )
    license, html = upload_version(client, "license.html", page, "text/html")
    assert "“license.html” was a web page (HTML): its text was read as a browser shows it" in html
    version = license.versions.get()
    assert "<" not in version.text and "Home" not in version.text and "track" not in version.text
    assert list(version.clauses.values_list("path", flat=True)) == ["preamble", "1", "1(a)", "1(b)", "2"]
    assert version.clauses.get(path="2").text.endswith("None & nothing.")


def test_a_license_file_with_front_matter_is_stored_without_it_and_says_so(client):
    text = "---\ntitle: My License\nspdx-id: ML\nhow: Copy it.\n---\n\nMy License\n\n1. Grant.\n\nYou may copy.\n"
    license, html = upload_version(client, "ml.txt", text, "text/plain")
    assert "“ml.txt” was a text with YAML front matter: the metadata block at its top (My License) was left out" in html
    version = license.versions.get()
    assert version.text.startswith("My License") and "spdx-id" not in version.text


def test_an_spdx_xml_upload_says_what_was_read(client):
    xml = (
        '<SPDXLicenseCollection xmlns="http://www.spdx.org/license"><license licenseId="ML"><text>'
        "<list><item><bullet>1.</bullet> Grant. You may copy.</item><item><bullet>2.</bullet> Fees. None.</item>"
        "</list></text></license></SPDXLicenseCollection>"
    )
    license, html = upload_version(client, "ML.xml", xml, "application/xml")
    assert "“ML.xml” was an SPDX license XML file: the license text in it was read" in html
    assert list(license.versions.get().clauses.values_list("path", flat=True)) == ["1", "2"]


def test_steward_of_the_license_may_add_versions(client):
    license = make_license(slug="ml")
    steward = make_user(roles=("steward",))
    license.stewards.add(steward)
    client.force_login(steward)
    client.post("/licenses/ml/versions/new/", {"label": "1.0", "text": SAMPLE_TEXT})
    assert license.versions.count() == 1


def test_security_headers(client):
    response = client.get("/licenses/")
    csp = response["Content-Security-Policy"]
    assert "object-src 'none'" in csp
    assert "base-uri 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'nonce-" in csp
    assert response["X-Frame-Options"] == "DENY"


def test_version_page_offers_to_open_a_review_to_those_who_may(client):
    from review.models import Review
    from tests.factories import osd

    version = make_version(make_license(slug="ml"), label="1.0")
    link = f"/reviews/new/?version={version.pk}"
    assert link not in client.get(version.get_absolute_url()).content.decode()
    client.force_login(make_user(roles=("reviewer",)))
    assert link not in client.get(version.get_absolute_url()).content.decode()
    client.force_login(make_user(roles=("moderator",)))
    assert link in client.get(version.get_absolute_url()).content.decode()

    review = Review.objects.create(version=version, criterion_set=osd())
    body = client.get(version.get_absolute_url()).content.decode()
    assert f'href="{review.get_absolute_url()}"' in body


def test_new_review_without_a_version_points_moderators_to_the_catalogue(client):
    client.force_login(make_user(roles=("moderator",)))
    response = client.get("/reviews/new/", follow=True)
    assert response.redirect_chain[-1][0] == "/licenses/"
    assert "Open a review of this version" in response.content.decode()
    client.force_login(make_user(roles=("reviewer",)))
    assert client.get("/reviews/new/").status_code == 404


def test_catalogue_names_the_spdx_id_of_every_version(client):
    # EPL's license row carried only its first id ("EPL-1.0") beside "2 versions".
    epl = make_license(name="Eclipse Public License", slug="epl", spdx_id="EPL-1.0")
    for label, text in (("1.0", SAMPLE_TEXT), ("2.0", SAMPLE_TEXT + "\n\nMore.")):
        version = make_version(epl, text=text, label=label)
        LicenseVersion.objects.filter(pk=version.pk).update(spdx_ids=f"EPL-{label}")
    make_license(name="MIT License", slug="mit", spdx_id="MIT")  # no version: its own id
    make_license(name="No Id License", slug="noid")
    body = client.get("/licenses/").content.decode()
    assert '<td data-label="SPDX id"><code>EPL-1.0</code>, <code>EPL-2.0</code></td>' in body
    assert '<td data-label="SPDX id"><code>MIT</code></td>' in body
    assert '<td data-label="SPDX id">—</td>' in body


def test_license_page_keeps_its_watch_button_inside_the_actions(client):
    # The watch form sat in a <p>: the parser closes a <p> at a <form>, so the button and the
    # feed link fell out of .watch-controls and stood glued together.
    make_version(make_license(name="Model License", slug="ml"), label="1.0")
    client.force_login(make_user(roles=("reviewer",)))
    body = client.get("/licenses/ml/").content.decode()
    actions = body.split('<div class="page-actions">', 1)[1].split("</div>", 1)[0]
    assert "<form" in actions and "Atom feed" in actions
    assert '<p class="page-actions">' not in body


def test_new_version_form_says_which_version_it_follows_when_none_is_chosen(client):
    # The field was "Previous" with "- Select an option -": nothing said that empty means the latest.
    license = make_license(slug="ml")
    client.force_login(make_user(is_superuser=True, is_staff=True))
    body = client.get("/licenses/ml/versions/new/").content.decode()
    assert "Follows version" in body and "None: this is the first version" in body
    make_version(license, label="1.0")
    make_version(license, text=SAMPLE_TEXT + "\n\nMore.", label="1.1")
    body = client.get("/licenses/ml/versions/new/").content.decode()
    assert '<option value="" selected>The latest, 1.1</option>' in body
    assert "Select an option" not in body
    client.post("/licenses/ml/versions/new/", {"label": "2.0", "text": SAMPLE_TEXT + "\n\nMore still."})
    assert license.versions.get(label="2.0").previous.label == "1.1"
