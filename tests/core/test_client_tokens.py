# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clients of one process share an access token per set of credentials
(against the sandbox over real HTTP)."""

import pytest
from core_support import CLIENT_SECRET, CONTRACT

from linkedin_recruiter_connect.errors import AuthenticationError
from linkedin_recruiter_connect.tokens import TokenCache

SANDBOX_TOKEN_SECONDS = 1800


@pytest.fixture
def cache():
    return TokenCache()


def test_clients_of_the_same_credentials_make_one_token_call(make_client, cache):
    first, second = make_client(token_cache=cache), make_client(token_cache=cache)
    first.list_seats(CONTRACT)
    assert len(second.list_seats(CONTRACT)) == 6
    assert (first.token_calls, second.token_calls) == (1, 0)
    assert second.calls == 1


def test_a_client_without_the_cache_keeps_its_own_token(make_client, cache):
    make_client(token_cache=cache).list_seats(CONTRACT)
    alone = make_client()
    alone.list_seats(CONTRACT)
    assert alone.token_calls == 1


def test_other_credentials_never_get_the_shared_token(make_client, cache):
    make_client(token_cache=cache).list_seats(CONTRACT)
    wrong = make_client(client_secret="another-secret", token_cache=cache)
    with pytest.raises(AuthenticationError):
        wrong.list_seats(CONTRACT)
    assert wrong.token_calls == 1
    other_id = make_client(client_id="lite-client", token_cache=cache)
    with pytest.raises(AuthenticationError):
        other_id.list_seats(CONTRACT)
    assert other_id.token_calls == 1


def test_the_cache_keys_hold_no_secret(make_client, cache):
    make_client(token_cache=cache).list_seats(CONTRACT)
    (key,) = cache._tokens
    assert CLIENT_SECRET not in repr(key)


def test_a_refused_shared_token_is_replaced_for_every_client(
    make_client, cache, fresh_sandbox
):
    first, second = make_client(token_cache=cache), make_client(token_cache=cache)
    first.list_seats(CONTRACT)
    fresh_sandbox.admin.expire_tokens()
    assert len(second.list_seats(CONTRACT)) == 6
    assert second.token_calls == 1  # the refused shared token, then a new one
    assert len(first.list_seats(CONTRACT)) == 6
    assert first.token_calls == 1  # took the new shared token, no second call


def test_a_shared_token_near_expiry_is_renewed(make_client, cache, fake_time):
    make_client(token_cache=cache).list_seats(CONTRACT)
    fake_time.sleep(SANDBOX_TOKEN_SECONDS - 30)  # inside the 60 s margin
    later = make_client(token_cache=cache)
    later.list_seats(CONTRACT)
    assert later.token_calls == 1
