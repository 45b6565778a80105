import pytest


@pytest.fixture
def fast_hashing(settings):
    # Argon2 is the production hasher (tested in test_accounts); these tests need no slow hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fresh_cache():
    """The comment rate limit counts in the cache; start each test from zero."""
    from django.core.cache import cache

    cache.clear()
