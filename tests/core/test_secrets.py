# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client secret and access tokens never reach logs, errors or reprs."""

import logging

import pytest
import responses
from core_support import API, CLIENT_SECRET, CONTRACT, ORG, TOKEN_URL

from linkedin_recruiter_connect.client import RecruiterClient
from linkedin_recruiter_connect.errors import (
    AuthenticationError,
    BadRequestError,
    LinkedInError,
)
from linkedin_recruiter_connect.schema import CandidateRecord

SECRET = "very-secret-client-secret"
TOKEN = "issued-access-token-0123456789"


def _assert_clean(texts, secrets):
    for text in texts:
        for secret in secrets:
            assert secret not in text


def test_no_secret_or_token_in_logs_errors_or_reprs(
    make_client, fresh_sandbox, caplog, now_ms
):
    caplog.set_level(logging.DEBUG)  # every logger, urllib3 included
    client = make_client(max_attempts=2)
    errors = []
    client.list_seats(CONTRACT)
    record = CandidateRecord(1, "Jane", "Doe", created_ms=now_ms, modified_ms=now_ms)
    client.sync_candidates([record], ORG)
    client.get_candidate_matches([1], ORG)
    fresh_sandbox.admin.expire_tokens()
    client.inmail_events("urn:li:seat:5001", now_ms - 1000, now_ms)  # 401 + renewal
    token_repr = repr(client._token)
    admin = fresh_sandbox.admin
    for endpoint, kind in (
        ("seatsV2", 503),
        ("seatsV2", "malformed"),
        ("seatsV2", "401"),
        ("seatsV2", 429),
    ):
        admin.clear_faults()
        admin.set_fault(endpoint, kind, retry_after=999)
        with pytest.raises(LinkedInError) as caught:
            client.list_seats(CONTRACT)
        errors.append(caught.value)
    admin.clear_faults()
    with pytest.raises(LinkedInError) as caught:
        client.list_seats("urn:li:contract:3000")
    errors.append(caught.value)
    bad = make_client(client_secret="wrong-" + CLIENT_SECRET)
    with pytest.raises(AuthenticationError) as caught:
        bad.list_seats(CONTRACT)
    errors.append(caught.value)

    tokens = list(fresh_sandbox.store.tokens)
    assert len(tokens) >= 3 and client.token_calls >= 3
    secrets = [CLIENT_SECRET, "wrong-" + CLIENT_SECRET, *tokens]
    assert caplog.records, "the client should log at DEBUG"
    texts = [caplog.text, repr(client), repr(bad), token_repr]
    texts += [str(error) for error in errors] + [repr(error) for error in errors]
    texts += [repr(error.__cause__) for error in errors if error.__cause__]
    _assert_clean(texts, secrets)


def test_server_echoes_are_scrubbed():
    with responses.RequestsMock() as rsps:
        rsps.add(
            responses.POST,
            TOKEN_URL,
            json={"access_token": TOKEN, "expires_in": 1800},
        )
        rsps.add(
            responses.GET,
            f"{API}/seatsV2",
            status=400,
            json={"message": f"bad secret {SECRET} and token {TOKEN}"},
        )
        with RecruiterClient("cid", SECRET) as client:
            with pytest.raises(BadRequestError) as caught:
                client.list_seats(CONTRACT)
    error = caught.value
    assert error.linkedin_message == "bad secret *** and token ***"
    _assert_clean([str(error), repr(error)], [SECRET, TOKEN])


def test_token_refusal_echo_is_scrubbed():
    with responses.RequestsMock() as rsps:
        rsps.add(
            responses.POST,
            TOKEN_URL,
            status=401,
            json={"error": "invalid_client", "error_description": f"secret={SECRET}"},
        )
        with RecruiterClient("cid", SECRET) as client:
            with pytest.raises(AuthenticationError) as caught:
                client.list_seats(CONTRACT)
    assert str(caught.value).endswith("secret=***")
    assert SECRET not in repr(caught.value)
