"""The pure parts of review/notify: tokens and clause names."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from review.notify import compose, tokens

SECRET = "s3cret"


@given(st.integers(1, 10**9), st.integers(1, 10**9), st.integers(10**9, 4 * 10**9))
def test_a_token_reads_back_what_it_grants(user_id, thread_id, expires):
    token = tokens.make_token(secret=SECRET, user_id=user_id, thread_id=thread_id, expires=expires)
    assert token == token.lower() and "@" not in token and "+" not in token
    grant = tokens.read_token(token.upper(), secret=SECRET, now=expires - 1)  # case folded by a server
    assert (grant.user_id, grant.thread_id, grant.expires) == (user_id, thread_id, expires)
    assert tokens.token_from_address(f"Bob <{tokens.reply_address(token, 'x.org')}>") == token


def test_another_secret_or_an_expired_token_is_refused():
    token = tokens.make_token(secret=SECRET, user_id=1, thread_id=2, expires=2_000_000_000)
    with pytest.raises(tokens.TokenError, match="altered"):
        tokens.read_token(token, secret="other", now=0)
    with pytest.raises(tokens.TokenError, match="expired"):
        tokens.read_token(token, secret=SECRET, now=2_000_000_001)
    with pytest.raises(tokens.TokenError, match="not one Clausewise"):
        tokens.read_token("1.2.3", secret=SECRET, now=0)
    assert tokens.token_from_address("someone@example.org") is None


def test_clause_names():
    assert compose.clause_name("2.2(b)", "Conditions") == "§2.2(b) Conditions"
    assert compose.clause_name("Section 2(a)(1)(A)") == "Section 2(a)(1)(A)"
    assert compose.clause_name("", "Preamble") == "Preamble"
