# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The client secret and access tokens never reach logs, errors or reprs."""

import logging
from urllib.parse import quote, quote_plus, urlencode

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


# -- encoded and short secrets -------------------------------------------------

ECHO_SECRETS = {
    "specials": "p+ss/w&rd=x%y z",
    "only-specials": "+/&=% ",
    "spaces": "two words here",
    "three-chars": "k9Z",
    "three-specials": "&=%",
}
ECHO_FORMS = {
    "raw": (lambda secret: secret, "***"),
    "url-encoded": (lambda secret: quote(secret, safe=""), "***"),
    "form-encoded": (quote_plus, "***"),
    "form-body": (
        lambda secret: urlencode({"client_id": "cid", "client_secret": secret}),
        "client_id=cid&client_secret=***",
    ),
    "client_secret=raw": (
        lambda secret: f"client_secret={secret}",
        "client_secret=***",
    ),
    "client_secret=other": (
        lambda secret: f"client_secret={quote(quote(secret, safe=''), safe='')}-old",
        "client_secret=***",
    ),
}


RAW_FORMS = {"raw", "client_secret=raw"}


def _leaked_before(values, forms):
    """``(value, form)`` cases the old scrubbing leaked: every encoded form,
    and the raw forms of values shorter than 4 characters."""
    return [
        pytest.param(value, form, id=f"{name}-{form}")
        for name, value in values.items()
        for form in forms
        if len(value) < 4 or form not in RAW_FORMS
    ]


def _echo_client(rsps, secret, message, token=TOKEN):
    rsps.add(responses.POST, TOKEN_URL, json={"access_token": token, "expires_in": 1})
    rsps.add(responses.GET, f"{API}/seatsV2", status=400, json={"message": message})
    return RecruiterClient("cid", secret)


def _error_texts(error, caplog):
    return [str(error), repr(error), error.linkedin_message or "", caplog.text]


@pytest.mark.parametrize(("secret", "form"), _leaked_before(ECHO_SECRETS, ECHO_FORMS))
def test_encoded_secret_echo_is_masked(secret, form, caplog):
    caplog.set_level(logging.DEBUG)
    encode, masked = ECHO_FORMS[form]
    echo = encode(secret)
    with responses.RequestsMock() as rsps, _echo_client(rsps, secret, echo) as client:
        with pytest.raises(BadRequestError) as caught:
            client.list_seats(CONTRACT)
    error = caught.value
    assert error.linkedin_message == masked
    assert str(error) == f"LinkedIn refused GET /v2/seatsV2 (400): {masked}"
    _assert_clean(_error_texts(error, caplog), [echo, secret])


ECHO_TOKENS = {"three-chars": "t+/", "two-chars": "ab", "specials": "tok en/%"}
TOKEN_FORMS = {
    "raw": str,
    "url-encoded": lambda token: quote(token, safe=""),
    "form-encoded": quote_plus,
}


@pytest.mark.parametrize(("token", "form"), _leaked_before(ECHO_TOKENS, TOKEN_FORMS))
def test_short_and_encoded_token_echo_is_masked(token, form, caplog):
    caplog.set_level(logging.DEBUG)
    encode = TOKEN_FORMS[form]
    echo = f"token {encode(token)} is not valid here"
    with responses.RequestsMock() as rsps:
        with _echo_client(rsps, SECRET, echo, token) as client:
            with pytest.raises(BadRequestError) as caught:
                client.list_seats(CONTRACT)
    assert caught.value.linkedin_message == "token *** is not valid here"
    _assert_clean(_error_texts(caught.value, caplog), [encode(token), token])


FREE_TEXT = "Client authentication failed for tenant acme"
REFUSED = "LinkedIn refused the client credentials of 'cid'"
TOKEN_BODIES = {
    "description": (
        401,
        {"error": "invalid_client", "error_description": FREE_TEXT},
        f"{REFUSED} (401): invalid_client",
    ),
    "description-with-secret": (
        400,
        {"error": "invalid_request", "error_description": f"got {quote(SECRET)}"},
        f"{REFUSED} (400): invalid_request",
    ),
    "error-is-free-text": (403, {"error": FREE_TEXT}, f"{REFUSED} (403)"),
    "error-too-long": (401, {"error": "x" * 65}, f"{REFUSED} (401)"),
    "not-found-message": (
        404,
        {"message": FREE_TEXT},
        "LinkedIn refused POST /oauth/v2/accessToken (404)",
    ),
}


@pytest.mark.parametrize("case", TOKEN_BODIES, ids=list(TOKEN_BODIES))
def test_token_response_body_is_never_echoed(case, caplog):
    caplog.set_level(logging.DEBUG)
    status, body, expected = TOKEN_BODIES[case]
    with responses.RequestsMock() as rsps:
        rsps.add(responses.POST, TOKEN_URL, status=status, json=body)
        with RecruiterClient("cid", SECRET) as client:
            with pytest.raises(LinkedInError) as caught:
                client.list_seats(CONTRACT)
    assert str(caught.value) == expected
    assert caught.value.linkedin_message is None
    _assert_clean(_error_texts(caught.value, caplog), [FREE_TEXT, SECRET])
