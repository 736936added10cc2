# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sandbox server itself, spoken to with raw HTTP (no RecruiterClient)."""

import http.client
import json
import socket
import subprocess
import sys
import threading
import time

import pytest
import requests
from core_support import (
    ALICE,
    CLIENT_ID,
    CLIENT_SECRET,
    CONTRACT,
    DAY_MS,
    JANE,
    ORG,
    REPO,
)

from linkedin_recruiter_sandbox import (
    FIXTURES,
    SandboxAdminError,
    start_sandbox,
)
from linkedin_recruiter_sandbox.store import Store

KEY = f"atsCandidateId={{}}&dataProvider=ATS&integrationContext={ORG}"


def _token(url, client_id=CLIENT_ID, secret=CLIENT_SECRET):
    response = requests.post(
        f"{url}/oauth/v2/accessToken",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
        },
        timeout=5,
    )
    return response


@pytest.fixture
def api(fresh_sandbox):
    """A requests session authenticated against the fresh sandbox."""
    token = _token(fresh_sandbox.url).json()["access_token"]
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        session.base = fresh_sandbox.url
        yield session


def _ids(*candidate_ids, org=ORG):
    return "&".join(
        f"ids[{i}].atsCandidateId={cid}&ids[{i}].dataProvider=ATS"
        f"&ids[{i}].integrationContext={org}"
        for i, cid in enumerate(candidate_ids)
    )


def _entity(**changes):
    entity = {
        "addresses": [],
        "atsCreatedAt": 1000,
        "atsLastModifiedAt": 2000,
        "firstName": "Jane",
        "emailAddresses": ["jane@example.com"],
        "phoneNumbers": [],
    }
    entity.update(changes)
    return {key: value for key, value in entity.items() if value != "DROP"}


def _put_candidate(api, candidate_id, **changes):
    """Store candidate ``candidate_id`` with a batch_update (raises on an HTTP
    error status)."""
    api.put(
        f"{api.base}/v2/atsCandidates?{_ids(candidate_id)}",
        json={"entities": {KEY.format(candidate_id): _entity(**changes)}},
        headers={"x-restli-method": "batch_update"},
        timeout=5,
    ).raise_for_status()


# -- server lifecycle ----------------------------------------------------------


def test_start_is_fast_and_stop_releases_the_port():
    started = time.perf_counter()
    handle = start_sandbox(seed="empty")
    assert time.perf_counter() - started < 0.5
    fixtures = requests.get(f"{handle.url}/_sandbox/fixtures", timeout=5).json()
    assert fixtures["seed"] == "empty" and fixtures["contract"] == CONTRACT
    started = time.perf_counter()
    handle.stop()
    assert time.perf_counter() - started < 1
    assert not handle.thread.is_alive()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{handle.url}/_sandbox/fixtures", timeout=1)


def test_it_serves_on_loopback_only():
    with pytest.raises(ValueError, match="loopback only"):
        start_sandbox(seed="empty", host="0.0.0.0")
    with start_sandbox(seed="empty", host="localhost") as handle:
        assert handle.server.server_address[0] == "127.0.0.1"


def test_command_line_prints_url_and_credentials():
    process = subprocess.Popen(
        [sys.executable, "-m", "linkedin_recruiter_sandbox", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        first = process.stdout.readline()
        assert first.startswith("LinkedIn Recruiter sandbox listening on http://")
        url = first.rsplit(" ", 1)[-1].strip()
        lines = [process.stdout.readline() for _line in range(3)]
        assert "sandbox-client / sandbox-secret" in "".join(lines)
        assert "lite-client / lite-secret" in "".join(lines)
        assert _token(url).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=5)


def test_a_slow_request_does_not_block_others(fresh_sandbox, api):
    fresh_sandbox.admin.set_fault("seatsV2", "delay", delay=1.0, times=1)
    slow = threading.Thread(
        target=api.get,
        args=(f"{api.base}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0",),
        kwargs={"timeout": 5},
    )
    slow.start()
    time.sleep(0.05)
    started = time.perf_counter()
    response = api.get(
        f"{api.base}/v2/conversationEvents?q=criteria&viewer={ALICE}", timeout=5
    )
    assert response.status_code == 200
    assert time.perf_counter() - started < 0.5
    slow.join(timeout=5)


def _raw_get(connection, path, headers=None):
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response


def test_connections_are_kept_alive_between_requests(fresh_sandbox):
    host, port = fresh_sandbox.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        answers = [_raw_get(connection, "/_sandbox/fixtures") for _call in range(3)]
        # http.client reconnects silently; a kept socket proves reuse.
        socket_used = connection.sock
        assert _raw_get(connection, "/_sandbox/fixtures").status == 200
        assert connection.sock is socket_used
    finally:
        connection.close()
    assert [answer.status for answer in answers] == [200, 200, 200]
    assert all(answer.version == 11 and not answer.will_close for answer in answers)


def test_connection_close_and_http_1_0_end_the_connection(fresh_sandbox):
    host, port = fresh_sandbox.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        answer = _raw_get(connection, "/_sandbox/fixtures", {"Connection": "close"})
        assert answer.status == 200 and answer.will_close
    finally:
        connection.close()
    with socket.create_connection((host, port), timeout=5) as raw:
        raw.sendall(b"GET /_sandbox/fixtures HTTP/1.0\r\n\r\n")
        received = b""
        while chunk := raw.recv(65536):
            received += chunk
    assert received.startswith(b"HTTP/1.1 200") and received.endswith(b"}")


def test_an_unread_request_body_does_not_spoil_the_next_request(fresh_sandbox):
    """A fault answers before the app reads the body; the connection goes on."""
    fresh_sandbox.admin.set_fault("atsCandidates", "500", times=1)
    host, port = fresh_sandbox.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        connection.request(
            "PUT", "/v2/atsCandidates", body=json.dumps({"entities": {}}) * 50
        )
        faulted = connection.getresponse()
        faulted.read()
        answer = _raw_get(connection, "/_sandbox/fixtures")
    finally:
        connection.close()
    assert faulted.status == 500 and not faulted.will_close
    assert answer.status == 200


def test_stop_ends_kept_alive_connections():
    handle = start_sandbox(seed="empty")
    host, port = handle.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    try:
        assert _raw_get(connection, "/_sandbox/fixtures").status == 200
        handle.stop()
        with pytest.raises((http.client.HTTPException, OSError)):
            _raw_get(connection, "/_sandbox/fixtures")
    finally:
        connection.close()


# -- token and auth --------------------------------------------------------------


def test_token_endpoint(fresh_sandbox):
    good = _token(fresh_sandbox.url)
    assert good.status_code == 200 and good.json()["expires_in"] == 1800
    assert len(good.json()["access_token"]) >= 32
    bad = _token(fresh_sandbox.url, secret="nope")
    assert (bad.status_code, bad.json()["error"]) == (401, "invalid_client")
    grant = requests.post(
        f"{fresh_sandbox.url}/oauth/v2/accessToken",
        data={"grant_type": "password"},
        timeout=5,
    )
    assert (grant.status_code, grant.json()["error"]) == (400, "unsupported_grant_type")
    wrong_method = requests.get(f"{fresh_sandbox.url}/oauth/v2/accessToken", timeout=5)
    assert wrong_method.status_code == 405


def test_data_calls_need_a_live_token(fresh_sandbox, api):
    url = f"{fresh_sandbox.url}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0"
    missing = requests.get(url, timeout=5)
    assert missing.status_code == 401
    assert missing.json() == {"message": "Missing bearer access token", "status": 401}
    unknown = requests.get(url, headers={"Authorization": "Bearer x"}, timeout=5)
    assert unknown.json()["message"] == "Invalid access token"
    assert api.get(url, timeout=5).status_code == 200
    fresh_sandbox.admin.expire_tokens()
    expired = api.get(url, timeout=5)
    assert expired.status_code == 401
    assert expired.json()["message"] == "The token used in the request has expired"


def test_unknown_path_is_404(api):
    response = api.get(f"{api.base}/v2/nothing", timeout=5)
    assert response.status_code == 404 and response.json()["status"] == 404


# -- atsCandidates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"firstName": "DROP"}, "firstName is required"),
        ({"firstName": " "}, "firstName is required"),
        ({"emailAddresses": ["jane@example"]}, "Invalid email address 'jane@example'"),
        ({"lastName": None}, "Field 'lastName' must not be null"),
        ({"nickname": "JD"}, "Unrecognized field 'nickname'"),
        ({"addresses": "DROP"}, "addresses is required (use [] for none)"),
        ({"phoneNumbers": [{"num": "1"}]}, "Each phoneNumbers item needs a number"),
        ({"atsCreatedAt": 0}, "atsCreatedAt must be a positive epoch-millisecond "
         "timestamp"),
        ({"atsLastModifiedAt": 999}, "atsLastModifiedAt must not be before "
         "atsCreatedAt"),
    ],
)  # fmt: skip
def test_batch_update_validates_each_entity(api, changes, message):
    body = {"entities": {KEY.format(1): _entity(), KEY.format(2): _entity(**changes)}}
    response = api.put(
        f"{api.base}/v2/atsCandidates?{_ids(1, 2)}",
        json=body,
        headers={"x-restli-method": "batch_update"},
        timeout=5,
    )
    assert response.status_code == 200
    assert response.json() == {
        "results": {KEY.format(1): {"status": 204}},
        "errors": {KEY.format(2): {"status": 400, "message": message}},
    }


@pytest.mark.parametrize(
    ("query", "body", "headers", "message"),
    [
        (_ids(1), {"entities": {KEY.format(2): {}}},
         {"x-restli-method": "batch_update"},
         "The entity keys do not match the ids in the URL"),
        (_ids(1), "not json", {"x-restli-method": "batch_update"},
         "Unable to parse the request body as JSON"),
        (_ids(1), {"entities": {KEY.format(1): {}}}, {},
         "PUT atsCandidates needs x-restli-method batch_update (PUT) or "
         "batch_partial_update (POST)"),
        (_ids(*range(101)), {"entities": {}}, {"x-restli-method": "batch_update"},
         "ids must be numbered 0..n-1 with n <= 100"),
        ("ids[1].atsCandidateId=1", {}, {"x-restli-method": "batch_update"},
         "ids must be numbered 0..n-1 with n <= 100"),
        ("", {}, {"x-restli-method": "batch_update"},
         "ids[0]... parameters are required"),
    ],
)  # fmt: skip
def test_batch_update_refuses_bad_requests_whole(api, query, body, headers, message):
    data = body if isinstance(body, str) else json.dumps(body)
    response = api.put(
        f"{api.base}/v2/atsCandidates?{query}", data=data, headers=headers, timeout=5
    )
    assert response.status_code == 400
    assert response.json() == {"message": message, "status": 400}


def test_candidates_of_a_foreign_or_disabled_organization_are_403(api):
    response = api.get(
        f"{api.base}/v2/atsCandidates?{_ids(1, org='urn:li:organization:1001')}",
        timeout=5,
    )
    assert response.status_code == 403
    assert "not authorized for organization" in response.json()["message"]


def test_encoded_and_raw_urns_are_equivalent(api):
    _put_candidate(api, 5)
    raw = api.get(f"{api.base}/v2/atsCandidates?{_ids(5)}", timeout=5).json()
    encoded_query = _ids(5).replace(":", "%3A").replace("[", "%5B").replace("]", "%5D")
    encoded = api.get(f"{api.base}/v2/atsCandidates?{encoded_query}", timeout=5).json()
    assert raw == encoded and raw["statuses"] == {KEY.format(5): 200}
    viewer = "viewer=urn%3Ali%3Aseat%3A5001"
    by_encoded = api.get(
        f"{api.base}/v2/conversationEvents?q=criteria&{viewer}&count=100", timeout=5
    ).json()
    by_raw = api.get(
        f"{api.base}/v2/conversationEvents?q=criteria&viewer={ALICE}&count=100",
        timeout=5,
    ).json()
    assert by_encoded == by_raw and len(by_raw["elements"]) > 5


def test_partial_update_refuses_other_fields(api):
    _put_candidate(api, 8)
    patches = [
        {"$set": {"firstName": "X"}},
        {"$set": {"manualMatchedMember": "jane"}},
        {"$unset": ["manualMatchedMember"]},
    ]
    for patch in patches:
        response = api.post(
            f"{api.base}/v2/atsCandidates?{_ids(8)}",
            json={"entities": {KEY.format(8): {"patch": patch}}},
            headers={"x-restli-method": "batch_partial_update"},
            timeout=5,
        ).json()
        assert response["results"] == {}
        assert response["errors"][KEY.format(8)]["status"] == 400


def test_batch_delete(api):
    _put_candidate(api, 9)
    first = api.delete(f"{api.base}/v2/atsCandidates?{_ids(9)}", timeout=5).json()
    second = api.delete(f"{api.base}/v2/atsCandidates?{_ids(9)}", timeout=5).json()
    assert first["results"] == {KEY.format(9): {"status": 204}}
    assert second["errors"][KEY.format(9)]["status"] == 404


# -- finders -----------------------------------------------------------------------


def test_seats_finder_rules_and_paging(api):
    base = f"{api.base}/v2/seatsV2?q=attributes&contracts={CONTRACT}"
    no_start = api.get(base, timeout=5)
    assert (no_start.status_code, no_start.json()["message"]) == (
        400,
        "start is required",
    )
    assert api.get(f"{api.base}/v2/seatsV2?start=0", timeout=5).status_code == 400
    page = api.get(f"{base}&states=ACTIVE,INACTIVE&start=2&count=3", timeout=5).json()
    assert [seat["id"] for seat in page["elements"]] == [5003, 5004, 5005]
    assert page["paging"] == {
        "start": 2,
        "count": 3,
        "total": 7,
        "links": [{"rel": "next", "type": "application/json"}],
    }
    capped = api.get(f"{base}&start=0&count=1000", timeout=5).json()
    assert capped["paging"]["count"] == 100


def test_conversation_events_parameters(api):
    base = f"{api.base}/v2/conversationEvents?q=criteria"
    assert api.get(f"{base}&viewer=alice", timeout=5).status_code == 400
    bad_range = api.get(
        f"{base}&viewer={ALICE}&timeRange.start=10&timeRange.end=10", timeout=5
    )
    assert bad_range.status_code == 400
    not_int = api.get(f"{base}&viewer={ALICE}&timeRange.start=soon", timeout=5)
    assert not_int.json()["message"] == "timeRange.start must be an integer"
    assert api.get(f"{base}&viewer={ALICE}&count=0", timeout=5).status_code == 400


def test_prospect_notes_cutoff_exclusive_before_inclusive(fresh_sandbox, api):
    at = fresh_sandbox.store.started_ms - 7 * DAY_MS
    note = fresh_sandbox.admin.add_note(ALICE, "urn:li:person:x", "t", created_ms=at)

    def found(cutoff, before):
        response = api.get(
            f"{api.base}/v2/prospectNotes?q=criteria&contract={CONTRACT}"
            f"&cutoffDate={cutoff}&beforeDate={before}&count=100",
            timeout=5,
        )
        return note["id"] in {element["id"] for element in response.json()["elements"]}

    assert found(at - 1, at) and found(at - 1, at + 50)
    assert not found(at, at + 50)  # cutoffDate is exclusive
    assert not found(at - 50, at - 1)  # beforeDate is inclusive, at is after it


def test_prospect_notes_owner_filter_accepts_both_forms(api):
    base = f"{api.base}/v2/prospectNotes?q=criteria&contract={CONTRACT}&count=100"
    repeated = api.get(
        f"{base}&owners=urn:li:seat:5002&owners=urn:li:seat:5003", timeout=5
    ).json()
    commas = api.get(f"{base}&owners=urn:li:seat:5002,urn:li:seat:5003", timeout=5)
    assert repeated == commas.json()
    owners = {note["owner"] for note in repeated["elements"]}
    assert owners == {"urn:li:seat:5002", "urn:li:seat:5003"}


# -- admin API, faults, stats ------------------------------------------------------


def test_admin_errors_are_reported(fresh_sandbox):
    with pytest.raises(SandboxAdminError) as caught:
        fresh_sandbox.admin.reset("nonsense")
    assert caught.value.status == 400
    with pytest.raises(SandboxAdminError) as caught:
        fresh_sandbox.admin.edit_note(1, "x")
    assert caught.value.status == 404
    with pytest.raises(SandboxAdminError):
        fresh_sandbox.admin.set_fault("seatsV2", "teapot")
    with pytest.raises(SandboxAdminError):
        fresh_sandbox.admin.add_inmail(ALICE, "jane", "SENT")


def test_admin_added_member_and_seat_are_served(fresh_sandbox, api):
    admin = fresh_sandbox.admin
    member = admin.add_member(firstName="Nina", lastName="Novak", email="n@example.com")
    assert member["urn"].startswith("urn:li:person:")
    seat = admin.add_seat(CONTRACT, firstName="New", lastName="Seat", email="s@x.io")
    _put_candidate(api, 11, firstName="N", emailAddresses=["n@example.com"])
    got = api.get(f"{api.base}/v2/atsCandidates?{_ids(11)}", timeout=5).json()
    matched = got["results"][KEY.format(11)]["matchedMembers"]
    assert matched[0]["member"] == member["urn"] and matched[0]["score"] == 1.0
    assert matched[0]["profile"]["firstName"] == "Nina"
    seats = api.get(
        f"{api.base}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0&count=50",
        timeout=5,
    ).json()["elements"]
    assert seat["id"] in [element["id"] for element in seats]


def test_fault_every_times_after_and_clear(fresh_sandbox, api):
    url = f"{api.base}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0"
    admin = fresh_sandbox.admin
    admin.set_fault("seatsV2", 503, every=2, after=1, times=2)
    statuses = [api.get(url, timeout=5).status_code for _i in range(7)]
    assert statuses == [200, 200, 503, 200, 503, 200, 200]
    assert admin.faults()[0]["fired"] == 2
    admin.set_fault("*", 500)
    assert api.get(url, timeout=5).status_code == 500
    admin.clear_faults()
    assert api.get(url, timeout=5).status_code == 200
    stats = admin.stats()["requests"]
    assert (stats["seatsV2"], stats["seatsV2 503"], stats["seatsV2 500"]) == (9, 2, 1)


def test_fault_rate_is_deterministic(fresh_sandbox, api):
    url = f"{api.base}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0"
    runs = []
    for _run in range(2):
        fresh_sandbox.admin.clear_faults()
        fresh_sandbox.admin.set_fault("seatsV2", 429, rate=0.5, seed=3, retry_after=1)
        runs.append([api.get(url, timeout=5).status_code for _i in range(12)])
    assert runs[0] == runs[1]
    assert 2 <= runs[0].count(429) <= 10
    throttled = api.get(url, timeout=5)
    while throttled.status_code != 429:
        throttled = api.get(url, timeout=5)
    assert throttled.headers["Retry-After"] == "1"


def test_reset_clears_faults_tokens_and_data(fresh_sandbox):
    admin = fresh_sandbox.admin
    admin.set_fault("seatsV2", 500)
    admin.add_member(firstName="Temp", lastName="Member")
    token = _token(fresh_sandbox.url).json()["access_token"]
    admin.reset("empty")
    stats = admin.stats()
    assert stats["faults"] == [] and stats["counts"]["members"] == 0
    assert stats["counts"]["seats"] == 0 and stats["counts"]["events"] == 0
    response = requests.get(
        f"{fresh_sandbox.url}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0",
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    assert response.status_code == 401


# -- seeds -----------------------------------------------------------------------------


def _relative(store):
    start = store.started_ms
    events = [
        (e["viewer"], e["author"], e["direction"], e["subject"], e["body"],
         e["createdAt"] - start)
        for timeline in store.events.values()
        for e in timeline.items
    ]  # fmt: skip
    notes = [
        (n["owner"], n["prospect"], n["note"], n["active"],
         n["lastModified"]["time"] - start)
        for n in store.notes.values()
    ]  # fmt: skip
    return sorted(store.members), sorted(events, key=str), sorted(notes, key=str)


def test_demo_seed_is_deterministic_and_rich():
    first, second = Store("demo"), Store("demo")
    assert _relative(first) == _relative(second)
    members, events, notes = _relative(first)
    assert len(members) >= 40 and len(first.seats) >= 5
    assert set(FIXTURES["members"].values()) <= set(members)
    assert {direction for _v, _a, direction, *_rest in events} == {"SENT", "RECEIVED"}
    ages = [-offset for *_rest, offset in events]
    assert max(ages) >= 150 * DAY_MS and min(ages) >= 0 and max(ages) < 365 * DAY_MS
    bodies = [body for *_rest, body, _offset in events]
    assert sum("<script>" in body for body in bodies) == 1
    assert sum("<p>" in body for body in bodies) >= 5
    assert any(not active for _o, _p, _n, active, _t in notes)
    edited = [n for n in first.notes.values() if n["lastModified"] != n["created"]]
    assert len(edited) >= 3
    other = [e for e in events if e[0] == "urn:li:seat:6001"]
    assert len(other) == 2
    emails = {m["email"] for m in first.members.values()}
    assert FIXTURES["unmatched_email"] not in emails
    assert all(
        m["profileUrl"].startswith("https://www.linkedin.com/in/")
        for m in first.members.values()
    )


def test_bulk_seed_scale_and_fast_window_queries(fresh_sandbox):
    admin = fresh_sandbox.admin
    try:
        started = time.perf_counter()
        sizes = {"members": 10000, "seats": 50, "events": 100000, "notes": 20000}
        assert admin.seed_bulk(**sizes) == sizes
        seeding = time.perf_counter() - started
        assert seeding < 20
        counts = admin.stats()["counts"]
        assert counts["events"] >= 100000 and counts["notes"] >= 20000
        token = _token(fresh_sandbox.url).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        seat = "urn:li:seat:90001"
        now = fresh_sandbox.store.started_ms
        start, end = now - 100 * DAY_MS, now - 100 * DAY_MS + 12 * 3600 * 1000
        expected = [
            e["id"]
            for e in fresh_sandbox.store.events[seat].items
            if start <= e["createdAt"] < end
        ]
        started = time.perf_counter()
        page = requests.get(
            f"{fresh_sandbox.url}/v2/conversationEvents?q=criteria&viewer={seat}"
            f"&timeRange.start={start}&timeRange.end={end}&start=0&count=100",
            headers=headers,
            timeout=5,
        ).json()
        notes = requests.get(
            f"{fresh_sandbox.url}/v2/prospectNotes?q=criteria&contract={CONTRACT}"
            f"&cutoffDate={start - 1}&beforeDate={end - 1}&start=0&count=100",
            headers=headers,
            timeout=5,
        ).json()
        assert time.perf_counter() - started < 0.5
        assert [e["id"] for e in page["elements"]] == expected
        assert page["paging"]["total"] == len(expected)
        assert notes["paging"]["total"] > 0
    finally:
        admin.reset("demo")


def test_inmails_and_notes_name_the_people_as_sandbox_extras(fresh_sandbox, api):
    events = api.get(
        f"{api.base}/v2/conversationEvents?q=criteria&viewer={ALICE}&count=100",
        timeout=5,
    ).json()["elements"]
    with_jane = [event for event in events if event["prospect"] == JANE]
    assert with_jane
    for event in with_jane:
        prospect_side = (
            "authorName" if event["direction"] == "RECEIVED" else "recipientName"
        )
        seat_side = "recipientName" if prospect_side == "authorName" else "authorName"
        assert (event[prospect_side], event[seat_side]) == (
            "Jane Doe",
            "Alice Recruiter",
        )
    notes = api.get(
        f"{api.base}/v2/prospectNotes?q=criteria&contract={CONTRACT}&count=100",
        timeout=5,
    ).json()["elements"]
    assert {note["prospectName"] for note in notes if note["prospect"] == JANE} == {
        "Jane Doe"
    }
