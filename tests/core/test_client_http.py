# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""RecruiterClient wire format and failure handling, with ``responses``.

Exact URLs (path, query order and encoding), headers and bodies are checked
against the API brief; retries run on a fake clock. The clients here are in
the legacy ``v2`` API mode (their candidate and integration calls go to
``/v2``); the versioned mode's wire format is in test_client_rest.py.
"""

import json
import random
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
import requests
import responses
from core_support import API, CONTRACT, ORG, TOKEN_URL, FakeTime

from linkedin_recruiter_connect.client import (
    MALFORMED_PAGE_ATTEMPTS,
    RecruiterClient,
    _retry_after,
)
from linkedin_recruiter_connect.errors import (
    AuthenticationError,
    BadRequestError,
    BadResponseError,
    IntegrationNotEnabledError,
    InvalidRecordError,
    MalformedJSONError,
    RetryableError,
    ThrottledError,
)
from linkedin_recruiter_connect.schema import CandidateRecord, CandidateSyncResult

SECRET = "top-secret-value"
TOKEN = "tok-abc-123456"
SEAT = "urn:li:seat:5001"
KEY42 = f"atsCandidateId=42&dataProvider=ATS&integrationContext={ORG}"
KEY42_ENCODED = KEY42.replace(":", "%3A")
EMPTY_PAGE = {"elements": [], "paging": {"start": 0, "count": 100}}


@pytest.fixture
def rsps():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def clock():
    return FakeTime()


@pytest.fixture
def make(clock):
    clients = []

    def build(**options):
        settings = {
            "api_mode": "v2",
            "sleep": clock.sleep,
            "clock": clock.clock,
            "rng": random.Random(0),
        }
        settings.update(options)
        client = RecruiterClient("cid", SECRET, **settings)
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


def _token(rsps, token=TOKEN, expires_in=1800):
    rsps.add(
        responses.POST,
        TOKEN_URL,
        json={"access_token": token, "expires_in": expires_in},
    )


def wire(url):
    """The URL as requests/urllib3 put it on the wire (brackets encoded)."""
    return url.replace("[", "%5B").replace("]", "%5D")


def _data_calls(rsps):
    return [call for call in rsps.calls if call.request.url != TOKEN_URL]


def _record(candidate_id, **changes):
    values = {
        "first_name": "Jane",
        "last_name": "Doe",
        "emails": ["jane.doe@example.com"],
        "created_ms": 1_700_000_000_000,
        "modified_ms": 1_700_000_000_000,
    }
    values.update(changes)
    return CandidateRecord(candidate_id, **values)


# -- token -------------------------------------------------------------------


def test_token_request_and_bearer_header(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    client = make()
    assert client.list_seats(CONTRACT) == []
    token_call, data_call = rsps.calls
    assert token_call.request.method == "POST"
    assert token_call.request.url == TOKEN_URL
    assert token_call.request.body == (
        "grant_type=client_credentials&client_id=cid&client_secret=top-secret-value"
    )
    assert token_call.request.headers["Content-Type"] == (
        "application/x-www-form-urlencoded"
    )
    assert data_call.request.url == (
        f"{API}/seatsV2?q=attributes&contracts=urn:li:contract:2000"
        "&states=ACTIVE&start=0&count=100"
    )
    headers = data_call.request.headers
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["Accept"] == "application/json"
    for absent in ("LinkedIn-Version", "x-restli-method", "Content-Type"):
        assert absent not in headers
    assert (client.calls, client.token_calls) == (2, 1)
    for call in rsps.calls:
        assert call.request.req_kwargs["timeout"] == (5, 30)


def test_token_is_cached_until_60_seconds_before_expiry(rsps, make, clock):
    _token(rsps, "first-token")
    _token(rsps, "second-token")
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    client = make()
    client.list_seats(CONTRACT)
    clock.now += 1739
    client.list_seats(CONTRACT)
    assert client.token_calls == 1
    clock.now += 2  # 1741 s after issue: inside the 60 s margin
    client.list_seats(CONTRACT)
    assert client.token_calls == 2
    bearers = [c.request.headers["Authorization"] for c in _data_calls(rsps)]
    assert bearers == ["Bearer first-token"] * 2 + ["Bearer second-token"]


def test_default_and_explicit_token_urls(make):
    assert make().token_url == TOKEN_URL
    assert make(base_url="http://127.0.0.1:9/").token_url == (
        "http://127.0.0.1:9/oauth/v2/accessToken"
    )
    assert make(token_url="https://t.example/x").token_url == "https://t.example/x"


def test_linkedin_version_header_only_on_rest_calls(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    rsps.add(
        responses.GET,
        "https://api.linkedin.com/rest/atsPurgedExportedCandidates",
        json=EMPTY_PAGE,
    )
    client = make(version="202512")
    client.list_seats(CONTRACT)
    client.purged_members(CONTRACT)
    v2_call, rest_call = _data_calls(rsps)
    assert v2_call.request.url.startswith(f"{API}/seatsV2?")
    assert "LinkedIn-Version" not in v2_call.request.headers
    assert "X-Restli-Protocol-Version" not in v2_call.request.headers
    assert rest_call.request.headers["LinkedIn-Version"] == "202512"
    assert rest_call.request.headers["X-Restli-Protocol-Version"] == "2.0.0"


def test_token_refused_raises_authentication_error(rsps, make):
    rsps.add(
        responses.POST,
        TOKEN_URL,
        status=401,
        json={
            "error": "invalid_client",
            "error_description": "Client authentication failed",
        },
    )
    client = make()
    with pytest.raises(AuthenticationError) as caught:
        client.list_seats(CONTRACT)
    assert str(caught.value) == (
        "LinkedIn refused the client credentials of 'cid' (401): invalid_client"
    )
    assert (client.calls, client.token_calls) == (1, 1)


def test_token_server_error_is_retried(rsps, make, clock):
    rsps.add(responses.POST, TOKEN_URL, status=503)
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    client = make()
    client.list_seats(CONTRACT)
    assert (client.calls, client.token_calls, len(clock.sleeps)) == (3, 2, 1)


# -- candidates ----------------------------------------------------------------


def test_sync_candidates_exact_request_and_results(rsps, make):
    _token(rsps)
    rsps.add(
        responses.PUT,
        f"{API}/atsCandidates",
        json={
            "results": {KEY42_ENCODED: {"status": 204}},
            "errors": {
                KEY42.replace("42", "43"): {"status": 400, "message": "Bad phone"}
            },
        },
    )
    records = [
        _record(42, phones=["+32 2 555 00 00"], company_name="Acme"),
        _record(43, first_name="John", emails=[]),
    ]
    results = make().sync_candidates(records, ORG)
    (call,) = _data_calls(rsps)
    assert call.request.method == "PUT"
    assert call.request.url == wire(
        f"{API}/atsCandidates?ids[0].atsCandidateId=42&ids[0].dataProvider=ATS"
        "&ids[0].integrationContext=urn:li:organization:1000"
        "&ids[1].atsCandidateId=43&ids[1].dataProvider=ATS"
        "&ids[1].integrationContext=urn:li:organization:1000"
    )
    assert call.request.headers["x-restli-method"] == "batch_update"
    assert call.request.headers["Content-Type"] == "application/json"
    assert json.loads(call.request.body) == {
        "entities": {
            KEY42: {
                "addresses": [],
                "atsCreatedAt": 1_700_000_000_000,
                "atsLastModifiedAt": 1_700_000_000_000,
                "firstName": "Jane",
                "lastName": "Doe",
                "emailAddresses": ["jane.doe@example.com"],
                "phoneNumbers": [{"number": "+32 2 555 00 00"}],
                "currentCompanyName": "Acme",
            },
            KEY42.replace("42", "43"): {
                "addresses": [],
                "atsCreatedAt": 1_700_000_000_000,
                "atsLastModifiedAt": 1_700_000_000_000,
                "firstName": "John",
                "lastName": "Doe",
                "emailAddresses": [],
                "phoneNumbers": [],
            },
        }
    }
    assert results == [
        CandidateSyncResult("42", 204, True, None),
        CandidateSyncResult("43", 400, False, "Bad phone"),
    ]


def test_sync_candidates_sends_chunks_of_100_in_order(rsps, make):
    _token(rsps)
    rsps.add(responses.PUT, f"{API}/atsCandidates", json={})
    results = make().sync_candidates([_record(i) for i in range(1, 251)], ORG)
    calls = _data_calls(rsps)
    sizes = [len(json.loads(c.request.body)["entities"]) for c in calls]
    assert sizes == [100, 100, 50]
    marker = wire("ids[0].atsCandidateId=")
    firsts = [c.request.url.split(marker)[1].split("&")[0] for c in calls]
    assert firsts == ["1", "101", "201"]
    assert wire("ids[99]") in calls[0].request.url
    assert wire("ids[100]") not in calls[0].request.url
    # An empty batch answer (e.g. 204) counts as success for every record.
    assert [r.candidate_id for r in results] == [str(i) for i in range(1, 251)]
    assert all(r.ok and r.status == 204 for r in results)


def test_sync_candidates_reports_unmentioned_records(rsps, make):
    _token(rsps)
    rsps.add(
        responses.PUT,
        f"{API}/atsCandidates",
        json={"results": {KEY42: {"status": 200}}},
    )
    results = make().sync_candidates([_record(42), _record(43)], ORG)
    assert results == [
        CandidateSyncResult("42", 200, True, None),
        CandidateSyncResult("43", 0, False, "LinkedIn did not report on it"),
    ]


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"first_name": ""}, "firstName"),
        ({"emails": ["jane@"]}, "emailAddresses"),
        ({"created_ms": 0}, "atsCreatedAt"),
        ({"modified_ms": 1}, "atsLastModifiedAt"),
    ],
)
def test_sync_candidates_validates_everything_before_sending(rsps, make, bad, field):
    records = [_record(i) for i in range(1, 200)] + [_record(999, **bad)]
    with pytest.raises(InvalidRecordError) as caught:
        make().sync_candidates(records, ORG)
    assert (caught.value.field, caught.value.record) == (field, "999")
    assert "Candidate 999" in str(caught.value)
    assert len(rsps.calls) == 0


def test_sync_candidates_refuses_duplicates_and_bad_urns(rsps, make):
    client = make()
    with pytest.raises(InvalidRecordError, match="appears twice"):
        client.sync_candidates([_record(1), _record("1")], ORG)
    with pytest.raises(InvalidRecordError) as caught:
        client.sync_candidates([_record(1)], "urn:li:contract:2000")
    assert caught.value.field == "organization_urn"
    assert len(rsps.calls) == 0


def test_get_candidate_matches_request_and_parsing(rsps, make):
    _token(rsps)
    key43 = KEY42_ENCODED.replace("42", "43")
    rsps.add(
        responses.GET,
        f"{API}/atsCandidates",
        json={
            "results": {
                KEY42_ENCODED: {
                    "firstName": "Jane",
                    "matchedMembers": [
                        {"member": "urn:li:person:b", "score": 0.7, "reason": "Name"},
                        {
                            "member": "urn:li:person:a",
                            "score": 1.0,
                            "reason": "Email matches",
                            "profile": {"firstName": "Jane", "lastName": "Doe"},
                        },
                    ],
                    "manualMatchedMember": "urn:li:person:b",
                }
            },
            "statuses": {KEY42_ENCODED: 200, key43: 404},
            "errors": {key43: {"status": 404, "message": "not found"}},
        },
    )
    matches = make().get_candidate_matches([42, "43", 44, 42], ORG)
    (call,) = _data_calls(rsps)
    assert call.request.method == "GET"
    assert call.request.url == wire(
        f"{API}/atsCandidates?ids[0].atsCandidateId=42&ids[0].dataProvider=ATS"
        "&ids[0].integrationContext=urn:li:organization:1000"
        "&ids[1].atsCandidateId=43&ids[1].dataProvider=ATS"
        "&ids[1].integrationContext=urn:li:organization:1000"
        "&ids[2].atsCandidateId=44&ids[2].dataProvider=ATS"
        "&ids[2].integrationContext=urn:li:organization:1000"
    )
    assert call.request.body is None
    assert sorted(matches) == ["42", "43", "44"]
    jane = matches["42"]
    assert [m.member_urn for m in jane.matched] == [
        "urn:li:person:a",
        "urn:li:person:b",
    ]
    assert jane.best.profile.name == "Jane Doe"
    assert (jane.best.score, jane.best.reason) == (1.0, "Email matches")
    assert jane.manual_member_urn == "urn:li:person:b" and jane.found
    assert not matches["43"].found and not matches["44"].found


def test_get_candidate_matches_raises_on_other_key_errors(rsps, make):
    _token(rsps)
    rsps.add(
        responses.GET,
        f"{API}/atsCandidates",
        json={"errors": {KEY42: {"status": 403, "message": "Not enabled"}}},
    )
    with pytest.raises(IntegrationNotEnabledError, match="Not enabled"):
        make().get_candidate_matches([42], ORG)


def test_manual_match_set_and_clear_requests(rsps, make):
    _token(rsps)
    rsps.add(
        responses.POST,
        f"{API}/atsCandidates",
        json={"results": {KEY42: {"status": 204}}},
    )
    client = make()
    client.set_manual_match(42, ORG, "urn:li:person:abc")
    client.clear_manual_match(42, ORG)
    set_call, clear_call = _data_calls(rsps)
    for call in (set_call, clear_call):
        assert call.request.method == "POST"
        assert call.request.url == wire(
            f"{API}/atsCandidates?ids[0].atsCandidateId=42&ids[0].dataProvider=ATS"
            "&ids[0].integrationContext=urn:li:organization:1000"
        )
        assert call.request.headers["x-restli-method"] == "batch_partial_update"
        assert call.request.headers["Content-Type"] == "application/json"
    assert json.loads(set_call.request.body) == {
        "entities": {
            KEY42: {"patch": {"$set": {"manualMatchedMember": "urn:li:person:abc"}}}
        }
    }
    assert json.loads(clear_call.request.body) == {
        "entities": {KEY42: {"patch": {"$delete": ["manualMatchedMember"]}}}
    }


def test_manual_match_key_error_raises(rsps, make):
    _token(rsps)
    rsps.add(
        responses.POST,
        f"{API}/atsCandidates",
        json={
            "errors": {KEY42_ENCODED: {"status": 404, "message": "Unknown candidate"}}
        },
    )
    client = make()
    with pytest.raises(BadRequestError) as caught:
        client.set_manual_match(42, ORG, "urn:li:person:abc")
    assert caught.value.status == 404
    assert caught.value.linkedin_message == "Unknown candidate"
    with pytest.raises(InvalidRecordError):
        client.set_manual_match(42, ORG, "jane-doe")


# -- seats, InMail, notes, integrations ------------------------------------------


def test_list_seats_parses_and_pages_with_total(rsps, make):
    _token(rsps)
    page = {
        "elements": [
            {"id": 1, "member": "urn:li:person:a"},
            {"id": 2, "member": "urn:li:person:b"},
        ],
        "paging": {"start": 0, "count": 2, "total": 3},
    }
    rsps.add(responses.GET, f"{API}/seatsV2", json=page)
    rsps.add(
        responses.GET,
        f"{API}/seatsV2",
        json={"elements": [{"id": 3}], "paging": {"start": 2, "count": 2, "total": 3}},
    )
    seats = make(page_size=2).list_seats(CONTRACT, states=("ACTIVE", "INACTIVE"))
    assert [s.urn for s in seats] == ["urn:li:seat:1", "urn:li:seat:2", "urn:li:seat:3"]
    assert [c.request.url for c in _data_calls(rsps)] == [
        f"{API}/seatsV2?q=attributes&contracts=urn:li:contract:2000"
        f"&states=ACTIVE&states=INACTIVE&start={start}&count=2"
        for start in (0, 2)
    ]


@pytest.mark.parametrize(
    ("pages", "expected_calls"),
    [
        ([[1, 2], [3]], 2),  # short page ends it
        ([[1, 2], []], 2),  # empty page ends it
        ([[1, 2], [3, 4], [5]], 3),
    ],
)
def test_paging_without_total_stops_on_short_page(rsps, make, pages, expected_calls):
    _token(rsps)
    for ids in pages:
        rsps.add(
            responses.GET,
            f"{API}/seatsV2",
            json={"elements": [{"id": i} for i in ids], "paging": {"count": 2}},
        )
    seats = make(page_size=2).list_seats(CONTRACT)
    assert [s.id for s in seats] == [str(i) for ids in pages for i in ids]
    assert len(_data_calls(rsps)) == expected_calls


def test_paging_honours_a_smaller_server_count(rsps, make):
    _token(rsps)
    rsps.add(
        responses.GET,
        f"{API}/seatsV2",
        json={"elements": [{"id": 1}, {"id": 2}], "paging": {"count": 2}},
    )
    rsps.add(responses.GET, f"{API}/seatsV2", json={"elements": [{"id": 3}]})
    assert len(make(page_size=50).list_seats(CONTRACT)) == 3


def test_paging_cap_on_a_never_ending_server(rsps, make):
    _token(rsps)
    rsps.add(
        responses.GET,
        f"{API}/seatsV2",
        json={"elements": [{"id": 1}, {"id": 2}], "paging": {"count": 2}},
    )
    client = make(page_size=2, max_pages=5)
    with pytest.raises(BadResponseError, match="never ends paging"):
        client.list_seats(CONTRACT)
    assert len(_data_calls(rsps)) == 5


def test_inmail_events_request_and_derived_direction(rsps, make):
    _token(rsps)
    rsps.add(
        responses.GET,
        f"{API}/conversationEvents",
        json={
            "elements": [
                {"id": 1, "author": "urn:li:person:holder",
                 "prospect": "urn:li:person:p", "createdAt": 1500,
                 "body": "<b>hi</b>"},
                {"id": 2, "author": "urn:li:person:p", "createdAt": 1600},
            ],
            "paging": {"start": 0, "count": 100, "total": 2},
        },
    )  # fmt: skip
    events = make().inmail_events(
        SEAT, 1000, 2000, seat_member_urn="urn:li:person:holder"
    )
    (call,) = _data_calls(rsps)
    assert call.request.url == (
        f"{API}/conversationEvents?q=criteria&viewer=urn:li:seat:5001"
        "&timeRange.start=1000&timeRange.end=2000&start=0&count=100"
    )
    assert [(e.external_id, e.direction, e.member_urn) for e in events] == [
        ("1", "SENT", "urn:li:person:p"),
        ("2", "RECEIVED", "urn:li:person:p"),
    ]
    assert events[0].seat_urn == SEAT and events[0].body == "<b>hi</b>"


def test_inmail_events_thread_filter_and_empty_window(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/conversationEvents", json=EMPTY_PAGE)
    client = make()
    assert client.inmail_events(SEAT, 5, 5) == []
    assert len(rsps.calls) == 0
    client.inmail_events(SEAT, 1, 2, thread_urn="urn:li:messagingThread:9")
    (call,) = _data_calls(rsps)
    assert call.request.url == (
        f"{API}/conversationEvents?q=criteria&viewer=urn:li:seat:5001"
        "&threadUrn=urn:li:messagingThread:9&timeRange.start=1&timeRange.end=2"
        "&start=0&count=100"
    )


def test_prospect_notes_request_converts_the_window(rsps, make):
    _token(rsps)
    rsps.add(
        responses.GET,
        f"{API}/prospectNotes",
        json={
            "elements": [
                {"id": 9, "created": {"time": 1}, "lastModified": {"time": 1500},
                 "active": False, "note": "x"},
            ],
            "paging": {"start": 0, "count": 100},
        },
    )  # fmt: skip
    notes = make().prospect_notes(
        CONTRACT, 1000, 2000, owners=[SEAT, "urn:li:seat:5002"]
    )
    (call,) = _data_calls(rsps)
    assert call.request.url == (
        f"{API}/prospectNotes?q=criteria&contract=urn:li:contract:2000"
        "&owners=urn:li:seat:5001&owners=urn:li:seat:5002"
        "&cutoffDate=999&beforeDate=1999&start=0&count=100"
    )
    assert [(n.external_id, n.deleted, n.last_modified_ms) for n in notes] == [
        ("9", True, 1500)
    ]


BAD_AND_GOOD_EVENTS = {
    "elements": [
        {"id": 1, "author": "urn:li:person:p", "createdAt": 1500},
        {"id": 2, "createdAt": 1600},
        "not an object",
        {"id": 4, "author": "urn:li:person:p", "createdAt": 1700},
    ],
    "paging": {"start": 0, "count": 100, "total": 4},
}


def test_inmail_events_fail_on_a_bad_element_by_default(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/conversationEvents", json=BAD_AND_GOOD_EVENTS)
    with pytest.raises(BadResponseError):
        make().inmail_events(SEAT, 1000, 2000, seat_member_urn="urn:li:person:h")


def test_inmail_events_report_and_skip_bad_elements(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/conversationEvents", json=BAD_AND_GOOD_EVENTS)
    bad = []
    events = make().inmail_events(
        SEAT,
        1000,
        2000,
        seat_member_urn="urn:li:person:h",
        on_bad_element=lambda element, error: bad.append((element, error)),
    )
    assert [event.external_id for event in events] == ["1", "4"]
    assert [element for element, _error in bad] == [
        {"id": 2, "createdAt": 1600},
        "not an object",
    ]
    assert all(isinstance(error, BadResponseError) for _element, error in bad)


def test_prospect_notes_report_and_skip_bad_elements(rsps, make):
    _token(rsps)
    rsps.add(
        responses.GET,
        f"{API}/prospectNotes",
        json={
            "elements": [
                {"id": 9, "created": {"time": 1}, "lastModified": {"time": 1500},
                 "note": "x"},
                {"id": 10, "created": {"time": 1}, "lastModified": "yesterday"},
            ],
            "paging": {"start": 0, "count": 100},
        },
    )  # fmt: skip
    bad = []
    notes = make().prospect_notes(
        CONTRACT, 1000, 2000, on_bad_element=lambda *args: bad.append(args)
    )
    assert [note.external_id for note in notes] == ["9"]
    assert [element["id"] for element, _error in bad] == [10]


def test_a_malformed_page_raises_even_when_skipping_bad_elements(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/prospectNotes", body="{not json")
    with pytest.raises(BadResponseError, match="malformed JSON"):
        make().prospect_notes(CONTRACT, 1000, 2000, on_bad_element=print)


def test_a_truncated_page_is_fetched_again_alone(rsps, make):
    _token(rsps)
    url = f"{API}/prospectNotes"
    note = {"id": 9, "created": {"time": 1}, "lastModified": {"time": 2}}
    page = {"elements": [note]}
    rsps.add(responses.GET, url, body='{"elements": [')
    rsps.add(responses.GET, url, json=page)
    notes = make().prospect_notes(CONTRACT, 1000, 2000)
    assert [note.external_id for note in notes] == ["9"]
    assert len(_data_calls(rsps)) == 2


def test_a_page_truncated_every_time_fails_after_the_attempts(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/prospectNotes", body="{not json")
    with pytest.raises(MalformedJSONError, match="malformed JSON"):
        make().prospect_notes(CONTRACT, 1000, 2000)
    assert len(_data_calls(rsps)) == MALFORMED_PAGE_ATTEMPTS


@pytest.mark.parametrize(
    "value, expected",
    [("120", 120.0), ("1.5", 1.5), ("\u00b2", None), ("soon", None), ("", None)],
)
def test_retry_after_values_that_are_not_seconds_or_a_date_are_ignored(value, expected):
    response = requests.Response()
    response.headers["Retry-After"] = value
    assert _retry_after(response) == expected


def test_integration_status_requests_and_lite_contract(rsps, make):
    _token(rsps)
    org_key = (
        "dataProvider=ATS&integrationContext=urn%3Ali%3Aorganization%3A1000"
        "&integrationType={}&tenantType=RECRUITER"
    )
    rsps.add(
        responses.GET,
        f"{API}/atsIntegrations",
        json={
            "results": {
                org_key.format("PROFILE_PLUGIN"): {"status": "ENABLED"},
                org_key.format("IN_ATS_INDICATOR"): {"enabled": False},
            }
        },
    )
    rsps.add(
        responses.GET,
        f"{API}/atsIntegrations",
        status=403,
        json={"message": "Contract has no RSC", "status": 403},
    )
    status = make().integration_status(ORG, "urn:li:contract:3000")
    org_call, contract_call = _data_calls(rsps)
    assert org_call.request.url == wire(
        f"{API}/atsIntegrations"
        "?ids[0].integrationContext=urn:li:organization:1000"
        "&ids[0].integrationType=PROFILE_PLUGIN&ids[0].tenantType=RECRUITER"
        "&ids[0].dataProvider=ATS"
        "&ids[1].integrationContext=urn:li:organization:1000"
        "&ids[1].integrationType=IN_ATS_INDICATOR&ids[1].tenantType=RECRUITER"
        "&ids[1].dataProvider=ATS"
    )
    assert contract_call.request.url == wire(
        f"{API}/atsIntegrations?ids[0].integrationContext=urn:li:contract:3000"
        "&ids[0].integrationType=CSA_API&ids[0].tenantType=RECRUITER"
        "&ids[0].dataProvider=ATS"
    )
    assert status.enabled == {
        "PROFILE_PLUGIN": True,
        "IN_ATS_INDICATOR": False,
        "CSA_API": False,
    }
    assert status.messages == {"CSA_API": "Contract has no RSC"}
    assert status.missing == ["IN_ATS_INDICATOR", "CSA_API"]


# -- failures ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "error_class", "linkedin_message"),
    [
        (400, {"message": "Invalid param", "status": 400}, BadRequestError,
         "Invalid param"),
        (422, {"message": "Unprocessable", "status": 422}, BadRequestError,
         "Unprocessable"),
        (404, {"message": "No resource", "status": 404}, BadRequestError,
         "No resource"),
        (418, None, BadRequestError, None),
        (403, {"message": "Not enabled", "status": 403}, IntegrationNotEnabledError,
         "Not enabled"),
        (501, {"message": "Not implemented"}, RetryableError, "Not implemented"),
    ],
)  # fmt: skip
def test_status_mapping(rsps, make, status, body, error_class, linkedin_message):
    _token(rsps)
    kwargs = {"json": body} if body is not None else {"body": "<html>teapot</html>"}
    rsps.add(responses.GET, f"{API}/seatsV2", status=status, **kwargs)
    client = make()
    with pytest.raises(error_class) as caught:
        client.list_seats(CONTRACT)
    error = caught.value
    assert (type(error), error.status, error.linkedin_message) == (
        error_class,
        status,
        linkedin_message,
    )
    expected = f"LinkedIn refused GET /v2/seatsV2 ({status})"
    assert str(error) == (f"{expected}: {linkedin_message}" if body else expected)
    assert len(_data_calls(rsps)) == 1  # permanent: not retried


def test_401_fetches_a_new_token_once_then_succeeds(rsps, make):
    _token(rsps, "old-token")
    _token(rsps, "new-token")
    rsps.add(responses.GET, f"{API}/seatsV2", status=401, json={"message": "expired"})
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    client = make()
    assert client.list_seats(CONTRACT) == []
    bearers = [c.request.headers["Authorization"] for c in _data_calls(rsps)]
    assert bearers == ["Bearer old-token", "Bearer new-token"]
    assert (client.calls, client.token_calls) == (4, 2)


def test_401_twice_raises_authentication_error(rsps, make):
    _token(rsps, "old-token")
    _token(rsps, "new-token")
    rsps.add(responses.GET, f"{API}/seatsV2", status=401, json={"message": "no"})
    client = make()
    with pytest.raises(AuthenticationError) as caught:
        client.list_seats(CONTRACT)
    assert caught.value.status == 401 and not caught.value.retryable
    assert (client.calls, client.token_calls) == (4, 2)


def test_5xx_retried_with_exponential_backoff_up_to_max_attempts(rsps, make, clock):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", status=500, json={"message": "oops"})
    client = make(max_attempts=4, backoff_base=0.5)
    with pytest.raises(RetryableError) as caught:
        client.list_seats(CONTRACT)
    assert caught.value.status == 500 and caught.value.retryable
    assert len(_data_calls(rsps)) == 4
    assert len(clock.sleeps) == 3
    for attempt, delay in enumerate(clock.sleeps):
        full = 0.5 * 2**attempt
        assert full / 2 <= delay <= full  # equal jitter


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_transient_status_then_success(rsps, make, clock, status):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", status=status)
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    client = make()
    assert client.list_seats(CONTRACT) == []
    assert len(_data_calls(rsps)) == 2 and len(clock.sleeps) == 1


def test_429_honours_retry_after(rsps, make, clock):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", status=429, headers={"Retry-After": "7"})
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    make().list_seats(CONTRACT)
    assert clock.sleeps == [7.0]


def test_429_retry_after_as_http_date(rsps, make, clock):
    _token(rsps)
    when = datetime.now(timezone.utc) + timedelta(seconds=30)
    rsps.add(
        responses.GET,
        f"{API}/seatsV2",
        status=429,
        headers={"Retry-After": format_datetime(when, usegmt=True)},
    )
    rsps.add(responses.GET, f"{API}/seatsV2", json=EMPTY_PAGE)
    make().list_seats(CONTRACT)
    (delay,) = clock.sleeps
    assert 27 <= delay <= 30


def test_429_beyond_the_retry_budget_raises_at_once(rsps, make, clock):
    _token(rsps)
    rsps.add(
        responses.GET, f"{API}/seatsV2", status=429, headers={"Retry-After": "120"}
    )
    client = make(max_retry_seconds=60)
    with pytest.raises(ThrottledError) as caught:
        client.list_seats(CONTRACT)
    assert (caught.value.retry_after, caught.value.status) == (120.0, 429)
    assert clock.sleeps == [] and len(_data_calls(rsps)) == 1


def test_429_without_retry_after_uses_backoff_then_gives_up(rsps, make, clock):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", status=429)
    client = make(max_attempts=3, backoff_base=1)
    with pytest.raises(ThrottledError) as caught:
        client.list_seats(CONTRACT)
    assert caught.value.retry_after is None
    assert len(clock.sleeps) == 2 and len(_data_calls(rsps)) == 3


def test_total_retry_time_is_bounded(rsps, make, clock):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", status=503)
    client = make(max_attempts=20, backoff_base=10, max_retry_seconds=25)
    with pytest.raises(RetryableError):
        client.list_seats(CONTRACT)
    assert 1 <= len(clock.sleeps) <= 2
    assert sum(clock.sleeps) <= 25
    assert len(_data_calls(rsps)) == len(clock.sleeps) + 1


@pytest.mark.parametrize(
    ("exception", "text"),
    [
        (requests.ConnectionError("refused"), "Could not reach LinkedIn"),
        (requests.ReadTimeout("slow"), "did not answer"),
        (requests.ConnectTimeout("slow"), "did not answer"),
    ],
)
def test_network_failures_are_retryable(rsps, make, clock, exception, text):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", body=exception)
    client = make(max_attempts=3)
    with pytest.raises(RetryableError, match=text) as caught:
        client.list_seats(CONTRACT)
    assert caught.value.status is None and caught.value.retryable
    assert len(clock.sleeps) == 2 and client.calls == 4


@pytest.mark.parametrize("body", ['{"elements": [', "[1, 2]", '"text"'])
def test_malformed_or_unexpected_json_is_a_bad_response(rsps, make, body):
    _token(rsps)
    rsps.add(
        responses.GET, f"{API}/seatsV2", body=body, content_type="application/json"
    )
    with pytest.raises(BadResponseError):
        make().list_seats(CONTRACT)


def test_elements_must_be_a_list(rsps, make):
    _token(rsps)
    rsps.add(responses.GET, f"{API}/seatsV2", json={"elements": {"id": 1}})
    with pytest.raises(BadResponseError, match="no elements list"):
        make().list_seats(CONTRACT)


def test_constructor_checks():
    with pytest.raises(InvalidRecordError) as caught:
        RecruiterClient("cid", "")
    assert caught.value.field == "client_secret"
    with pytest.raises(ValueError):
        RecruiterClient("cid", SECRET, timeout=(5, 0))
    with pytest.raises(ValueError):
        RecruiterClient("cid", SECRET, max_attempts=0)
    client = RecruiterClient("cid", SECRET, page_size=500)
    assert client.page_size == 100
    client.close()


def test_environment_proxies_are_read_once(monkeypatch, make):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "")
    client = make()
    session = client._session
    assert session.proxies.get("https") == "http://proxy.example:3128"
    assert session.trust_env is False
    monkeypatch.setenv("HTTPS_PROXY", "http://other.example:1")
    assert session.proxies.get("https") == "http://proxy.example:3128"


# -- redirects and transport -----------------------------------------------------

ELSEWHERE = "https://collector.example/steal"


def _redirect(rsps, method, url, status):
    rsps.add(
        method,
        url,
        status=status,
        headers={"Location": f"{ELSEWHERE}?client_secret={SECRET}&token={TOKEN}"},
    )
    rsps.add(responses.POST, ELSEWHERE, json={"access_token": TOKEN, "expires_in": 1})
    rsps.add(responses.GET, ELSEWHERE, json=EMPTY_PAGE)


def _requested(rsps):
    return [call.request.url.split("?")[0] for call in rsps.calls]


@pytest.mark.parametrize("status", [307, 308])
def test_token_redirect_is_not_followed(rsps, make, status):
    _redirect(rsps, responses.POST, TOKEN_URL, status)
    client = make()
    with pytest.raises(BadResponseError) as caught:
        client.list_seats(CONTRACT)
    assert str(caught.value) == (
        f"LinkedIn answered POST /oauth/v2/accessToken with a redirect ({status}); "
        "redirects are not followed"
    )
    assert caught.value.status == status and not caught.value.retryable
    assert _requested(rsps) == [TOKEN_URL]
    assert (client.calls, client.token_calls) == (1, 1)


def test_data_call_redirect_is_not_followed(rsps, make):
    _token(rsps)
    _redirect(rsps, responses.GET, f"{API}/seatsV2", 302)
    client = make()
    with pytest.raises(BadResponseError) as caught:
        client.list_seats(CONTRACT)
    assert str(caught.value) == (
        "LinkedIn answered GET /v2/seatsV2 with a redirect (302); "
        "redirects are not followed"
    )
    assert _requested(rsps) == [TOKEN_URL, f"{API}/seatsV2"]
    assert client.calls == 2


@pytest.mark.parametrize(
    ("option", "url"),
    [
        ("base_url", "http://api.linkedin.com"),
        ("base_url", "http://10.0.0.5:8099"),
        ("base_url", "http://sandbox.internal:8099"),
        ("base_url", "http://127.0.0.1.collector.example"),
        ("base_url", "http://localhost.collector.example"),
        ("base_url", "http://user:pw@[2001:db8::1]:8099"),
        ("base_url", "ftp://127.0.0.1"),
        ("base_url", "api.linkedin.com"),
        ("token_url", "http://www.linkedin.com/oauth/v2/accessToken"),
    ],
)
def test_http_to_non_loopback_host_is_refused(option, url):
    with pytest.raises(
        ValueError, match=f"^{option} must be an https:// URL"
    ) as caught:
        RecruiterClient("cid", SECRET, **{option: url})
    assert "pw" not in str(caught.value)


@pytest.mark.parametrize(
    ("base_url", "token_url"),
    [
        ("http://127.0.0.1:8099", None),
        ("http://127.8.9.10", None),
        ("http://localhost:8099", None),
        ("http://[::1]:8099", None),
        ("https://api.linkedin.com", "https://www.linkedin.com/oauth/v2/accessToken"),
        ("https://sandbox.internal", "https://10.0.0.5/oauth/v2/accessToken"),
        ("https://sandbox.internal", "http://127.0.0.1:8099/oauth/v2/accessToken"),
    ],
)
def test_http_to_loopback_and_https_anywhere_are_accepted(base_url, token_url):
    with RecruiterClient("cid", SECRET, base_url=base_url, token_url=token_url) as c:
        assert c.base_url == base_url
        assert c.token_url == (token_url or f"{base_url}/oauth/v2/accessToken")
