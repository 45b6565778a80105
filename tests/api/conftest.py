"""Fixtures for the API tests: a public review of the sample text, people in each role, and
their personal tokens (see tests.api.person)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from review import services
from tests.api import Person, person
from tests.factories import make_license, make_review, make_version


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and the compare cache count in the cache: start each test from zero."""
    cache.clear()


@pytest.fixture
def people(db) -> dict[str, Person]:
    return {
        "reader": person("rita"),  # an account without a role
        "reviewer": person("rex", ("reviewer",)),
        "other": person("olga", ("reviewer",)),
        "moderator": person("mo", ("moderator",)),
    }


@pytest.fixture
def version(db):
    license = make_license(slug="sample", name="Sample Model License", spdx_id="Sample-1.0")
    return make_version(license, label="1.0")


@pytest.fixture
def review(version, people):
    return make_review(version, opened_by=people["moderator"].user)


@pytest.fixture
def clause(version):
    return version.clauses.get(anchor="2.2.b")


@pytest.fixture
def thread(review, clause, people):
    return services.thread_start(
        review=review, clause=clause, author=people["reviewer"].user, body="Is *this* a dataset notice?"
    )


@pytest.fixture
def client() -> Client:
    return Client()
