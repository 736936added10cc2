# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""RecruiterClient's versioned mode on the wire, with ``responses``.

Candidates go to ``/rest/candidates`` and integration status to
``/rest/integrations`` with ``LinkedIn-Version``, ``X-Restli-Protocol-Version:
2.0.0`` and Rest.li 2.0 keys; InMail, notes and seats stay on ``/v2``.
"""

import json

import pytest
import responses
from core_support import CONTRACT, ORG, TOKEN_URL

from linkedin_recruiter_connect.client import DEFAULT_VERSION, RecruiterClient
from linkedin_recruiter_connect.errors import (
    BadRequestError,
    BadResponseError,
    InvalidRecordError,
)
from linkedin_recruiter_connect.schema import CandidateRecord, CandidateSyncResult

REST = "https://api.linkedin.com/rest"
ORG_ENC = "urn%3Ali%3Aorganization%3A1000"
KEY42 = f"(externalCandidateId:42,integrationContext:{ORG_ENC})"
KEY43 = f"(externalCandidateId:43,integrationContext:{ORG_ENC})"
EMPTY_PAGE = {"elements": [], "paging": {"start": 0, "count": 100}}


@pytest.fixture
def rsps():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(
            responses.POST,
            TOKEN_URL,
            json={"access_token": "tok-123", "expires_in": 1800},
        )
        yield mock


@pytest.fixture
def client():
    with RecruiterClient("cid", "secret-value", version="202603") as client:
        yield client


def _data_calls(rsps):
    return [call for call in rsps.calls if call.request.url != TOKEN_URL]


def _record(candidate_id, **changes):
    values = {
        "first_name": "Jane",
        "last_name": "Doe",
        "emails": ["jane.doe@example.com"],
        "created_ms": 1_700_000_000_000,
        "modified_ms": 1_700_000_000_500,
    }
    values.update(changes)
    return CandidateRecord(candidate_id, **values)


def _assert_rest_headers(call, version="202603"):
    headers = call.request.headers
    assert headers["LinkedIn-Version"] == version
    assert headers["X-Restli-Protocol-Version"] == "2.0.0"
    assert headers["Authorization"] == "Bearer tok-123"


def test_defaults_are_versioned_and_the_latest_documented_version():
    client = RecruiterClient("cid", "secret")
    assert (client.api_mode, client.version, DEFAULT_VERSION) == (
        "versioned",
        "202604",
        "202604",
    )
    assert RecruiterClient("cid", "secret", version=None).version == "202604"
    with pytest.raises(ValueError, match="api_mode must be one of versioned, v2"):
        RecruiterClient("cid", "secret", api_mode="rest")


def test_sync_candidates_exact_versioned_request(rsps, client):
    rsps.add(
        responses.PUT,
        f"{REST}/candidates",
        json={
            "results": {KEY42: {"status": 204}},
            "errors": {KEY43: {"status": 400, "message": "Bad phone"}},
        },
    )
    results = client.sync_candidates(
        [_record(42, company_name="Acme"), _record(43, first_name="John")], ORG
    )
    (call,) = _data_calls(rsps)
    assert call.request.method == "PUT"
    assert call.request.url == f"{REST}/candidates?ids=List({KEY42},{KEY43})"
    _assert_rest_headers(call)
    assert call.request.headers["x-restli-method"] == "batch_update"
    body = json.loads(call.request.body)
    assert body == {
        "entities": {
            KEY42: {
                "addresses": [],
                "externalCreatedAt": 1_700_000_000_000,
                "externalLastModifiedAt": 1_700_000_000_500,
                "firstName": "Jane",
                "lastName": "Doe",
                "emailAddresses": ["jane.doe@example.com"],
                "phoneNumbers": [],
                "currentCompanyName": "Acme",
            },
            KEY43: {
                "addresses": [],
                "externalCreatedAt": 1_700_000_000_000,
                "externalLastModifiedAt": 1_700_000_000_500,
                "firstName": "John",
                "lastName": "Doe",
                "emailAddresses": ["jane.doe@example.com"],
                "phoneNumbers": [],
            },
        }
    }
    assert results == [
        CandidateSyncResult("42", 204, True, None),
        CandidateSyncResult("43", 400, False, "Bad phone"),
    ]


def test_response_keys_are_parsed_not_compared(rsps, client):
    # Another field order and a raw-looking but valid encoding still match.
    reordered = f"(integrationContext:{ORG_ENC},externalCandidateId:42)"
    rsps.add(
        responses.GET,
        f"{REST}/candidates",
        json={
            "results": {
                reordered: {
                    "externalCandidateId": "42",
                    "externalCreatedAt": 1,
                    "matchedMembers": [{"member": "urn:li:person:a", "score": 0.9}],
                    "manualMatchedMember": "urn:li:person:b",
                }
            },
            "errors": {KEY43: {"status": 404, "message": "not found"}},
        },
    )
    matches = client.get_candidate_matches([42, 43], ORG)
    (call,) = _data_calls(rsps)
    assert call.request.method == "GET"
    assert call.request.url == f"{REST}/candidates?ids=List({KEY42},{KEY43})"
    _assert_rest_headers(call)
    assert "x-restli-method" not in call.request.headers
    assert matches["42"].found and matches["42"].best.member_urn == "urn:li:person:a"
    assert matches["42"].manual_member_urn == "urn:li:person:b"
    assert not matches["43"].found


def test_an_entity_naming_another_candidate_is_refused(rsps, client):
    rsps.add(
        responses.GET,
        f"{REST}/candidates",
        json={"results": {KEY42: {"externalCandidateId": "43"}}},
    )
    with pytest.raises(BadResponseError, match="names externalCandidateId 43"):
        client.get_candidate_matches([42], ORG)


def test_a_response_key_that_is_not_restli_2_is_a_bad_response(rsps, client):
    rsps.add(
        responses.GET,
        f"{REST}/candidates",
        json={"results": {"externalCandidateId=42&integrationContext=x": {}}},
    )
    with pytest.raises(BadResponseError, match="not Rest.li 2.0"):
        client.get_candidate_matches([42], ORG)


@pytest.mark.parametrize(
    ("action", "patch"),
    [
        ("set", {"$set": {"manualMatchedMember": "urn:li:person:jane"}}),
        ("clear", {"$delete": ["manualMatchedMember"]}),
    ],
)
def test_manual_match_patch_on_rest_candidates(rsps, client, action, patch):
    rsps.add(
        responses.POST,
        f"{REST}/candidates",
        json={"results": {KEY42: {"status": 204}}, "errors": {}},
    )
    if action == "set":
        client.set_manual_match(42, ORG, "urn:li:person:jane")
    else:
        client.clear_manual_match(42, ORG)
    (call,) = _data_calls(rsps)
    assert call.request.url == f"{REST}/candidates?ids=List({KEY42})"
    _assert_rest_headers(call)
    assert call.request.headers["x-restli-method"] == "batch_partial_update"
    assert json.loads(call.request.body) == {"entities": {KEY42: {"patch": patch}}}


def test_a_refused_patch_raises_with_linkedins_message(rsps, client):
    rsps.add(
        responses.POST,
        f"{REST}/candidates",
        json={"errors": {KEY42: {"status": 404, "message": "Unknown candidate 42"}}},
    )
    with pytest.raises(BadRequestError, match="Unknown candidate 42"):
        client.set_manual_match(42, ORG, "urn:li:person:jane")


def test_integration_status_on_rest_integrations(rsps, client):
    def key(context, kind):
        return (
            f"(integrationContext:{context.replace(':', '%3A')},"
            f"integrationType:{kind},tenantType:RECRUITER)"
        )

    rsps.add(
        responses.GET,
        f"{REST}/integrations",
        json={
            "results": {
                key(ORG, "PROFILE_PLUGIN"): {"enabled": True},
                key(ORG, "IN_ATS_INDICATOR"): {"enabled": False},
            }
        },
    )
    rsps.add(
        responses.GET,
        f"{REST}/integrations",
        json={"results": {key(CONTRACT, "CSA_API"): {"status": "ENABLED"}}},
    )
    status = client.integration_status(ORG, CONTRACT)
    org_call, contract_call = _data_calls(rsps)
    assert org_call.request.url == (
        f"{REST}/integrations?ids=List({key(ORG, 'PROFILE_PLUGIN')},"
        f"{key(ORG, 'IN_ATS_INDICATOR')})"
    )
    assert contract_call.request.url == (
        f"{REST}/integrations?ids=List({key(CONTRACT, 'CSA_API')})"
    )
    for call in (org_call, contract_call):
        _assert_rest_headers(call)
        assert "dataProvider" not in call.request.url
    assert status.enabled == {
        "PROFILE_PLUGIN": True,
        "IN_ATS_INDICATOR": False,
        "CSA_API": True,
    }


def test_inmail_notes_and_seats_stay_on_v2_without_version(rsps, client):
    for path in ("seatsV2", "conversationEvents", "prospectNotes"):
        rsps.add(responses.GET, f"https://api.linkedin.com/v2/{path}", json=EMPTY_PAGE)
    client.list_seats(CONTRACT)
    client.inmail_events("urn:li:seat:5001", 0, 10)
    client.prospect_notes(CONTRACT, 0, 10)
    calls = _data_calls(rsps)
    assert [c.request.path_url.split("?")[0] for c in calls] == [
        "/v2/seatsV2",
        "/v2/conversationEvents",
        "/v2/prospectNotes",
    ]
    for call in calls:
        assert "LinkedIn-Version" not in call.request.headers
        assert "X-Restli-Protocol-Version" not in call.request.headers


def test_versioned_validation_names_the_versioned_fields(client):
    with pytest.raises(InvalidRecordError) as caught:
        client.sync_candidates([_record(42, modified_ms=1)], ORG)
    assert caught.value.field == "externalLastModifiedAt"
    assert "externalLastModifiedAt is before externalCreatedAt" in str(caught.value)
    with pytest.raises(InvalidRecordError) as caught:
        client.sync_candidates([_record(42), _record(42)], ORG)
    assert caught.value.field == "externalCandidateId"


def test_values_with_reserved_characters_are_encoded_in_ids(rsps, client):
    rsps.add(responses.GET, f"{REST}/candidates", json={})
    client.get_candidate_matches(["a(1),b:'2%"], ORG)
    (call,) = _data_calls(rsps)
    assert call.request.url == (
        f"{REST}/candidates?ids=List((externalCandidateId:a%281%29%2Cb%3A%272%25,"
        f"integrationContext:{ORG_ENC}))"
    )
