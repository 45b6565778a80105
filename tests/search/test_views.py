import pytest

from tests.factories import make_review, make_user

pytestmark = pytest.mark.django_db


def test_search_page_finds_a_phrase(client, sample):
    response = client.get("/search/", {"q": '"as a dataset"'})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/licenses/sample-model/1.0/#c-2.2.b"' in body
    assert "<mark>" in body


def test_header_has_the_search_box(client, db):
    body = client.get("/licenses/").content.decode()
    assert 'action="/search/"' in body and 'name="q"' in body


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": '"'},
        {"q": "*"},
        {"q": "NEAR OR"},
        {"q": "a" * 10_000},
        {"q": "许可证"},
        {"q": "x", "page": "abc"},
        {"q": "x", "page": "-3"},
        {"q": "x", "in": "bogus", "osi": "nope", "status": "??"},
    ],
)
def test_bad_input_is_not_an_error(client, sample, params):
    assert client.get("/search/", params).status_code == 200


def test_htmx_request_gets_the_results_fragment(client, sample):
    response = client.get(
        "/search/", {"q": "notice"}, headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and 'id="search-results"' in body
    assert "HX-Request" in response["Vary"]


def test_query_is_escaped_in_the_page(client, sample):
    body = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in body


def test_private_discussion_not_on_the_page(client, sample):
    from review.services import thread_start

    review = make_review(sample, is_public=False)
    thread_start(review=review, clause=None, author=make_user(roles=("reviewer",)), body="hidden kookaburra")
    body = client.get("/search/", {"q": "kookaburra"}).content.decode()
    assert "Nothing matches" in body


def test_search_page_query_count(client, sample, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/search/", {"q": "notice"})


def test_a_count_that_stopped_early_says_at_least(client, index_on_commit, monkeypatch):
    from search import backends
    from tests.factories import make_license, make_version

    for i in range(3):
        index_on_commit(make_version, make_license(name=f"Counted {i}"))
    monkeypatch.setattr(backends, "COUNT_SCAN", 2)
    monkeypatch.setattr("search.selectors.PAGE_SIZE", 1)
    body = client.get("/search/", {"q": '"as a dataset"'}).content.decode()
    assert "2+ results" in body
    assert "page 1." in body and "Page 1<" in body  # no "of N": the number of pages is not known
    assert 'page=2">Next' in body
    past = client.get("/search/", {"q": '"as a dataset"', "page": "4"})
    assert past.status_code == 200
    text = past.content.decode()
    assert "No more results" in text and "Nothing matches" not in text


def test_an_empty_search_of_several_words_offers_any_of_them(client, sample):
    # "kookaburra" is in no text, "notice" is: all words together find nothing
    body = client.get("/search/", {"q": "notice kookaburra", "in": "clauses"}).content.decode()
    assert "Nothing matches" in body
    assert "No result holds every word." in body
    assert 'href="?q=notice%20OR%20kookaburra&amp;in=clauses&amp;osi=&amp;status="' in body
    followed = client.get("/search/", {"q": "notice OR kookaburra", "in": "clauses"}).content.decode()
    assert "Nothing matches" not in followed and "<mark>notice</mark>" in followed


def test_no_way_out_is_offered_when_no_word_finds_anything(client, sample):
    body = client.get("/search/", {"q": "kookaburra wombat"}).content.decode()
    assert "Nothing matches" in body and "No result holds every word." not in body


def test_an_empty_search_with_its_way_out_keeps_a_bounded_query_count(
    client, sample, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get("/search/", {"q": "notice kookaburra"})


def test_an_empty_search_blames_filters_only_when_there_are_some(client, sample):
    # Nothing anywhere, on the Clauses tab, with no filter set: the filters are not the reason.
    body = client.get("/search/", {"q": '"no such kookaburra"', "in": "clauses"}).content.decode()
    assert "Nothing matches &quot;no such kookaburra&quot;." in body  # its own quotes, not “"…"”
    assert "with these filters" not in body
    # A tab that hides what the search found elsewhere, or an OSI filter, is named.
    body = client.get("/search/", {"q": '"as a dataset"', "in": "licenses"}).content.decode()
    assert "with these filters" in body
    body = client.get("/search/", {"q": "kookaburra", "osi": "approved"}).content.decode()
    assert "Nothing matches “kookaburra” with these filters." in body


def test_the_prefix_star_is_not_read_as_a_required_mark(client, db):
    body = client.get("/search/").content.decode()
    assert "or a prefix*</label>" not in body
    assert "the start of a word and <code>*</code></label>" in body
