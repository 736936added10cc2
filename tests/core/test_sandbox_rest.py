# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sandbox's versioned REST API, spoken to with raw HTTP, and the links
it shares with /v2 (through RecruiterClient in both API modes)."""

import time

import pytest
import requests
from core_support import CLIENT_ID, CLIENT_SECRET, CONTRACT, JANE, ORG

from linkedin_recruiter_connect.schema import CandidateRecord

ORG_ENC = "urn%3Ali%3Aorganization%3A1000"
KEY42 = f"(externalCandidateId:42,integrationContext:{ORG_ENC})"
REST_HEADERS = {"LinkedIn-Version": "202604", "X-Restli-Protocol-Version": "2.0.0"}
V2_IDS = (
    f"ids[0].atsCandidateId=42&ids[0].dataProvider=ATS&ids[0].integrationContext={ORG}"
)


@pytest.fixture
def api(fresh_sandbox):
    """A requests session with a sandbox token (no version headers)."""
    token = requests.post(
        f"{fresh_sandbox.url}/oauth/v2/accessToken",
        data={
            "grant_type": "client_credentials",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
        timeout=5,
    ).json()["access_token"]
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        session.base = fresh_sandbox.url
        yield session


def _entity(**changes):
    entity = {
        "addresses": [],
        "externalCreatedAt": 1000,
        "externalLastModifiedAt": 2000,
        "firstName": "Jane",
        "lastName": "Doe",
        "emailAddresses": ["jane.doe@example.com"],
        "phoneNumbers": [],
    }
    entity.update(changes)
    return entity


def _put(api, body=None, query=f"ids=List({KEY42})", headers=REST_HEADERS):
    return api.put(
        f"{api.base}/rest/candidates?{query}",
        json=body if body is not None else {"entities": {KEY42: _entity()}},
        headers={**headers, "X-RestLi-Method": "batch_update"},
        timeout=5,
    )


def _get(api, query=f"ids=List({KEY42})", path="candidates", headers=REST_HEADERS):
    return api.get(f"{api.base}/rest/{path}?{query}", headers=headers, timeout=5)


# -- versions ----------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        f"candidates?ids=List({KEY42})",
        "integrations?ids=List()",
        f"atsPurgedExportedCandidates?q=contract&contract={CONTRACT}",
    ],
)
def test_every_rest_path_needs_a_version(api, path):
    answer = api.get(f"{api.base}/rest/{path}", timeout=5)
    assert answer.status_code == 400
    assert answer.json() == {
        "status": 400,
        "code": "VERSION_MISSING",
        "message": "A version must be present. Please specify a version by "
        "adding the LinkedIn-Version header.",
    }


@pytest.mark.parametrize("version", ["202001", "202403", "202605", "2026-04", "202613"])
def test_unknown_or_inactive_versions_are_refused(api, version):
    for path in (
        f"candidates?ids=List({KEY42})",
        f"atsPurgedExportedCandidates?q=contract&contract={CONTRACT}",
    ):
        answer = api.get(
            f"{api.base}/rest/{path}",
            headers={**REST_HEADERS, "LinkedIn-Version": version},
            timeout=5,
        )
        assert answer.status_code == 400
        assert answer.json() == {
            "status": 400,
            "code": "NONEXISTENT_VERSION",
            "message": f"Requested version {version} is not active",
        }


@pytest.mark.parametrize("version", ["202404", "202602", "202604"])
def test_served_versions(api, version):
    answer = api.get(
        f"{api.base}/rest/atsPurgedExportedCandidates?q=contract&contract={CONTRACT}",
        headers={"LinkedIn-Version": version},
        timeout=5,
    )
    assert answer.status_code == 200 and "elements" in answer.json()


# -- /rest/candidates ---------------------------------------------------------


def test_candidate_round_trip_with_versioned_names(api, fresh_sandbox):
    answer = _put(api)
    assert answer.status_code == 200
    assert answer.json() == {"results": {KEY42: {"status": 204}}, "errors": {}}
    (stored,) = fresh_sandbox.admin.candidates()
    assert stored["atsCandidateId"] == "42"  # one store with /v2
    entity = _get(api).json()["results"][KEY42]
    assert entity["externalCreatedAt"] == 1000
    assert entity["externalLastModifiedAt"] == 2000
    assert not {"atsCreatedAt", "atsLastModifiedAt"} & set(entity)
    assert entity["matchedMembers"][0]["member"] == JANE
    stats = fresh_sandbox.admin.stats()["requests"]
    assert stats["/rest/candidates"] == 2
    assert stats["atsCandidates 200"] == 2


def test_validation_messages_use_the_versioned_names(api):
    body = {"entities": {KEY42: _entity(externalLastModifiedAt=10)}}
    answer = _put(api, body)
    assert answer.json()["errors"][KEY42] == {
        "status": 400,
        "message": "externalLastModifiedAt must not be before externalCreatedAt",
    }


def test_unknown_candidate_and_reserved_characters_in_ids(api):
    odd = "(externalCandidateId:a%281%29%2Cb,integrationContext:" + ORG_ENC + ")"
    answer = _get(api, f"ids=List({odd})")
    assert answer.status_code == 200
    assert answer.json()["errors"] == {
        odd: {"status": 404, "message": "Candidate a(1),b not found"}
    }


def test_patch_and_delete_on_rest(api, fresh_sandbox):
    _put(api)
    patch = {"$set": {"manualMatchedMember": JANE}}
    answer = api.post(
        f"{api.base}/rest/candidates?ids=List({KEY42})",
        json={"entities": {KEY42: {"patch": patch}}},
        headers={**REST_HEADERS, "X-RestLi-Method": "batch_partial_update"},
        timeout=5,
    )
    assert answer.json() == {"results": {KEY42: {"status": 204}}, "errors": {}}
    assert _get(api).json()["results"][KEY42]["manualMatchedMember"] == JANE
    answer = api.delete(
        f"{api.base}/rest/candidates?ids=List({KEY42})", headers=REST_HEADERS, timeout=5
    )
    assert answer.json() == {"results": {KEY42: {"status": 204}}, "errors": {}}
    assert fresh_sandbox.admin.candidates() == []


# -- mixes are refused -----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("atsCreatedAt", "atsCreatedAt is the /v2 name; /rest/candidates takes "
         "externalCreatedAt"),
        ("atsLastModifiedAt", "atsLastModifiedAt is the /v2 name; /rest/candidates "
         "takes externalLastModifiedAt"),
        ("dataProvider", "dataProvider is not part of /rest/candidates keys since "
         "LinkedIn-Version 202602; remove it"),
    ],
)  # fmt: skip
def test_v2_field_names_in_a_rest_body_are_refused(api, fresh_sandbox, field, message):
    answer = _put(api, {"entities": {KEY42: _entity(**{field: 1000})}})
    assert answer.status_code == 400
    assert answer.json() == {"status": 400, "code": "LEGACY_FIELD", "message": message}
    assert fresh_sandbox.admin.candidates() == []


def test_v2_names_in_rest_keys_are_refused(api):
    key = f"(atsCandidateId:42,integrationContext:{ORG_ENC})"
    answer = _get(api, f"ids=List({key})")
    assert answer.status_code == 400
    assert answer.json()["message"] == (
        "atsCandidateId is the /v2 name; /rest/candidates takes externalCandidateId"
    )
    key = f"(externalCandidateId:42,dataProvider:ATS,integrationContext:{ORG_ENC})"
    answer = _get(api, f"ids=List({key})")
    assert answer.status_code == 400 and answer.json()["code"] == "LEGACY_FIELD"
    answer = _put(api, {"entities": {key: _entity()}})
    assert answer.status_code == 400 and "dataProvider" in answer.json()["message"]


def test_restli_1_keys_on_rest_are_refused(api):
    query = f"ids[0].externalCandidateId=42&ids[0].integrationContext={ORG}"
    answer = _get(api, query)
    assert answer.status_code == 400
    assert answer.json() == {
        "status": 400,
        "code": "RESTLI_2_REQUIRED",
        "message": "Rest.li 1.0 keys (ids[0].field=) are not accepted on "
        "/rest/candidates: send ids=List((field:value,...))",
    }
    body = {"entities": {f"externalCandidateId=42&integrationContext={ORG}": {}}}
    answer = _put(api, body)
    assert answer.status_code == 400 and answer.json()["code"] == "RESTLI_2_REQUIRED"


def test_rest_needs_the_restli_2_protocol_header(api):
    answer = _get(api, headers={"LinkedIn-Version": "202604"})
    assert answer.status_code == 400
    assert answer.json()["message"] == (
        "/rest/candidates speaks Rest.li 2.0: send X-Restli-Protocol-Version: "
        "2.0.0 and ids=List((...))"
    )


def test_versioned_names_on_v2_are_refused(api, fresh_sandbox):
    query = f"ids[0].externalCandidateId=42&ids[0].integrationContext={ORG}"
    answer = api.get(f"{api.base}/v2/atsCandidates?{query}", timeout=5)
    assert answer.status_code == 400
    assert answer.json()["message"] == (
        "externalCandidateId is the versioned (/rest) name; /v2/atsCandidates "
        "takes atsCandidateId"
    )
    key = f"atsCandidateId=42&dataProvider=ATS&integrationContext={ORG}"
    entity = _entity()
    answer = api.put(
        f"{api.base}/v2/atsCandidates?{V2_IDS}",
        json={"entities": {key: entity}},
        headers={"X-RestLi-Method": "batch_update"},
        timeout=5,
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "status": 400,
        "code": "VERSIONED_FIELD",
        "message": "externalCreatedAt is the versioned (/rest) name; "
        "/v2/atsCandidates takes atsCreatedAt",
    }
    answer = api.get(f"{api.base}/v2/atsIntegrations?ids=List((a:b))", timeout=5)
    assert answer.status_code == 400 and answer.json()["code"] == "RESTLI_1_REQUIRED"
    assert fresh_sandbox.admin.candidates() == []


# -- /rest/integrations ------------------------------------------------------------


def test_rest_integrations_keys_have_no_data_provider(api):
    key = (
        f"(integrationContext:{ORG_ENC},integrationType:PROFILE_PLUGIN,"
        "tenantType:RECRUITER)"
    )
    answer = _get(api, f"ids=List({key})", path="integrations")
    assert answer.status_code == 200
    assert answer.json()["results"][key] == {
        "integrationContext": ORG,
        "integrationType": "PROFILE_PLUGIN",
        "tenantType": "RECRUITER",
        "integrationName": "Odoo - sandbox-client",
        "enabled": True,
    }
    legacy = key[:-1] + ",dataProvider:ATS)"
    answer = _get(api, f"ids=List({legacy})", path="integrations")
    assert answer.status_code == 400 and answer.json()["code"] == "LEGACY_FIELD"


# -- one store for both modes ---------------------------------------------------------


@pytest.mark.parametrize(("first", "then"), [("v2", "versioned"), ("versioned", "v2")])
def test_switching_modes_keeps_candidate_and_manual_match(make_client, first, then):
    now = int(time.time() * 1000)
    record = CandidateRecord(
        42, "John", "Smith", ["js@example.com"], created_ms=now - 1, modified_ms=now
    )
    before = make_client(api_mode=first)
    assert before.sync_candidates([record], ORG)[0].ok
    before.set_manual_match(42, ORG, "urn:li:person:jon-smith")
    after = make_client(api_mode=then)
    matches = after.get_candidate_matches([42], ORG)["42"]
    assert matches.found
    assert matches.manual_member_urn == "urn:li:person:jon-smith"
    assert matches.matched == before.get_candidate_matches([42], ORG)["42"].matched
    # a resync in the other mode keeps the manual match
    assert after.sync_candidates([record], ORG)[0].ok
    after.clear_manual_match(42, ORG)
    assert before.get_candidate_matches([42], ORG)["42"].manual_member_urn is None
