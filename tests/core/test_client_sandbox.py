# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every client operation against the sandbox over real HTTP."""

import time

import pytest
from core_support import (
    ALICE,
    ALICE_MEMBER,
    CONTRACT,
    DAY_MS,
    JANE,
    LITE_CONTRACT,
    ORG,
    OTHER_CONTRACT,
)

from linkedin_recruiter_connect import windows
from linkedin_recruiter_connect.errors import (
    AuthenticationError,
    BadRequestError,
    BadResponseError,
    IntegrationNotEnabledError,
    RetryableError,
    ThrottledError,
)
from linkedin_recruiter_connect.schema import CandidateRecord

YEAR_MS = 365 * DAY_MS


def _candidate(candidate_id, first, last, emails=(), now=None, **extra):
    now = now or int(time.time() * 1000)
    return CandidateRecord(
        candidate_id, first, last, list(emails), created_ms=now - 1000, modified_ms=now,
        **extra,
    )  # fmt: skip


# -- configuration -------------------------------------------------------------


def test_integration_status_of_the_rsc_customer(client):
    status = client.integration_status(ORG, CONTRACT)
    assert status.ready and status.csa_enabled and status.missing == []
    assert status.messages == {}


def test_recruiter_lite_is_refused_with_a_reason(make_client):
    lite = make_client("lite-client", "lite-secret")
    status = lite.integration_status("urn:li:organization:1001", LITE_CONTRACT)
    assert not status.ready and not status.csa_enabled
    assert status.enabled == {
        "PROFILE_PLUGIN": False,
        "IN_ATS_INDICATOR": False,
        "CSA_API": False,
    }
    assert "Recruiter Lite" in status.messages["CSA_API"]
    with pytest.raises(IntegrationNotEnabledError, match="Recruiter Lite") as caught:
        lite.list_seats(LITE_CONTRACT)
    assert caught.value.status == 403


def test_disabled_csa_integration_blocks_inmail_and_notes(client, fresh_sandbox):
    fresh_sandbox.admin.set_integration(CONTRACT, "CSA_API", False)
    status = client.integration_status(ORG, CONTRACT)
    assert status.missing == ["CSA_API"] and not status.ready
    with pytest.raises(IntegrationNotEnabledError, match="CSA_API"):
        client.inmail_events(ALICE, 0, 10)
    with pytest.raises(IntegrationNotEnabledError):
        client.prospect_notes(CONTRACT, 0, 10)


def test_a_contract_of_another_customer_is_forbidden(make_client):
    lite = make_client("lite-client", "lite-secret")
    with pytest.raises(IntegrationNotEnabledError, match="not authorized"):
        lite.list_seats(CONTRACT)


# -- seats -----------------------------------------------------------------------


def test_list_active_seats_with_emails(client):
    seats = client.list_seats(CONTRACT)
    assert [(s.urn, s.email) for s in seats] == [
        ("urn:li:seat:5001", "alice.recruiter@example.com"),
        ("urn:li:seat:5002", "bob.hiring@example.com"),
        ("urn:li:seat:5003", "carol.sourcer@example.com"),
        ("urn:li:seat:5004", "dan.talent@example.com"),
        ("urn:li:seat:5005", "admin@yourcompany.example.com"),
        ("urn:li:seat:5006", "mark.brown23@example.com"),
    ]
    alice = seats[0]
    assert (alice.name, alice.member_urn, alice.state, alice.contract) == (
        "Alice Recruiter",
        ALICE_MEMBER,
        "ACTIVE",
        CONTRACT,
    )
    assert alice.roles == ("RECRUITER", "ADMIN")


def test_seats_paging_and_states(make_client):
    client = make_client(page_size=2)
    seats = client.list_seats(CONTRACT, states=("ACTIVE", "INACTIVE"))
    assert len(seats) == 7 and seats[-1].state == "INACTIVE"
    assert (client.calls, client.token_calls) == (5, 1)  # 4 pages of 2 + token
    other = client.list_seats(OTHER_CONTRACT)
    assert [s.urn for s in other] == ["urn:li:seat:6001"]


# -- candidates and matching ---------------------------------------------------


def test_sync_then_match_fixture_candidates(client, fresh_sandbox):
    records = [
        _candidate(1, "Jane", "Doe", ["jane.doe@example.com"]),
        _candidate(2, "John", "Smith"),
        _candidate(3, "María", "García"),
        _candidate(4, "Zed", "Nomatch", ["nobody.matches@example.com"]),
        _candidate(
            5,
            "A.",
            "K.",
            linkedin_profile_url="https://www.linkedin.com/in/ahmed-khan-42",
        ),
    ]
    results = client.sync_candidates(records, ORG)
    assert [(r.candidate_id, r.ok, r.status) for r in results] == [
        (str(i), True, 204) for i in range(1, 6)
    ]
    stored = fresh_sandbox.admin.candidates()
    assert [c["atsCandidateId"] for c in stored] == ["1", "2", "3", "4", "5"]
    assert stored[0]["addresses"] == [] and stored[0]["phoneNumbers"] == []

    matches = client.get_candidate_matches([1, 2, 3, 4, 5, 6], ORG)
    jane = matches["1"]
    assert [(m.member_urn, m.score, m.reason) for m in jane.matched] == [
        (JANE, 1.0, "Email matches"),
        ("urn:li:person:jane-doe-paris", 0.9, "Same name"),
    ]
    assert jane.best.profile.headline == "Senior Python Developer"
    assert jane.best.profile.profile_url == "https://www.linkedin.com/in/jane-doe"
    assert [m.member_urn for m in matches["2"].matched][:2] == [
        "urn:li:person:john-smith",
        "urn:li:person:jon-smith",
    ]
    assert [m.member_urn for m in matches["3"].matched][:2] == [
        "urn:li:person:maria-garcia-es",
        "urn:li:person:maria-garcia",
    ]
    assert matches["4"].matched == () and matches["4"].found
    assert matches["5"].best.member_urn == "urn:li:person:ahmed-khan"
    assert matches["5"].best.score == 0.98
    assert not matches["6"].found


def test_manual_match_set_survives_resync_and_clears(client):
    client.sync_candidates([_candidate(7, "John", "Smith")], ORG)
    client.set_manual_match(7, ORG, "urn:li:person:jon-smith")
    assert client.get_candidate_matches([7], ORG)["7"].manual_member_urn == (
        "urn:li:person:jon-smith"
    )
    client.sync_candidates([_candidate(7, "John", "Smith", ["js@example.com"])], ORG)
    assert client.get_candidate_matches([7], ORG)["7"].manual_member_urn == (
        "urn:li:person:jon-smith"
    )
    client.clear_manual_match(7, ORG)
    assert client.get_candidate_matches([7], ORG)["7"].manual_member_urn is None
    client.clear_manual_match(7, ORG)  # clearing twice is fine


def test_manual_match_of_an_unknown_candidate_is_a_404(client):
    with pytest.raises(BadRequestError) as caught:
        client.set_manual_match(404, ORG, JANE)
    assert caught.value.status == 404
    assert caught.value.linkedin_message == "Unknown candidate 404"


def test_sync_many_candidates_in_chunks(client, fresh_sandbox):
    records = [_candidate(i, f"First{i}", "Bulk") for i in range(1, 231)]
    results = client.sync_candidates(records, ORG)
    assert len(results) == 230 and all(r.ok for r in results)
    assert fresh_sandbox.admin.stats()["requests"]["atsCandidates 200"] == 3
    assert len(client.get_candidate_matches(range(1, 231), ORG)) == 230


def test_candidate_sync_needs_an_enabled_org_integration(client, fresh_sandbox):
    for kind in ("PROFILE_PLUGIN", "IN_ATS_INDICATOR"):
        fresh_sandbox.admin.set_integration(ORG, kind, False)
    with pytest.raises(IntegrationNotEnabledError, match="No RSC integration"):
        client.sync_candidates([_candidate(1, "Jane", "Doe")], ORG)


# -- InMail ------------------------------------------------------------------------


def test_inmail_events_of_a_seat_with_directions(client, now_ms):
    events = client.inmail_events(
        ALICE, now_ms - YEAR_MS, now_ms + 1, seat_member_urn=ALICE_MEMBER
    )
    assert [e.created_ms for e in events] == sorted(e.created_ms for e in events)
    jane = [e for e in events if e.member_urn == JANE]
    assert [(e.direction, e.author_urn) for e in jane] == [
        ("SENT", ALICE_MEMBER),
        ("RECEIVED", JANE),
        ("SENT", ALICE_MEMBER),
        ("RECEIVED", JANE),
    ]
    assert len({e.thread_urn for e in jane}) == 1
    assert jane[0].subject == "Senior Python role at Acme"
    assert "<script>" in jane[3].body  # raw: sanitising is the caller's job
    assert jane[0].thread_url.startswith("https://www.linkedin.com/talent/inbox/")
    assert all(e.contract == CONTRACT and e.seat_urn == ALICE for e in events)


def test_other_contract_activity_never_reaches_contract_2000(client, now_ms):
    seen = []
    for seat in client.list_seats(CONTRACT, states=("ACTIVE", "INACTIVE")):
        seen += client.inmail_events(seat.urn, now_ms - YEAR_MS, now_ms + 1)
    assert seen and {e.contract for e in seen} == {CONTRACT}
    assert not [e for e in seen if "2999" in (e.body or "")]
    notes = client.prospect_notes(CONTRACT, now_ms - YEAR_MS, now_ms + 1)
    assert {n.contract for n in notes} == {CONTRACT}
    assert not [n for n in notes if "2999" in (n.text or "")]
    other = client.inmail_events("urn:li:seat:6001", now_ms - YEAR_MS, now_ms + 1)
    assert {e.contract for e in other} == {OTHER_CONTRACT} and len(other) == 2


def test_windowed_polling_equals_one_big_range(make_client, now_ms):
    client = make_client(page_size=3)
    cursor = now_ms - 200 * DAY_MS
    whole = client.inmail_events(ALICE, cursor, now_ms)
    windowed = []
    for start, end in windows.plan_windows(cursor, now_ms, max_window_ms=7 * DAY_MS):
        windowed += client.inmail_events(ALICE, start, end)
    assert [e.external_id for e in windowed] == [e.external_id for e in whole]
    assert len(whole) >= 6


def test_window_bounds_are_half_open(client, fresh_sandbox, now_ms):
    at = now_ms - 5 * DAY_MS
    added = fresh_sandbox.admin.add_inmail(
        ALICE, JANE, "RECEIVED", "Edge", "on the edge", created_ms=at
    )
    ids = {str(added["id"])}
    assert ids <= {e.external_id for e in client.inmail_events(ALICE, at, at + 1)}
    assert not ids & {e.external_id for e in client.inmail_events(ALICE, at - 10, at)}
    new = client.inmail_events(ALICE, at, at + 1)
    assert [(e.direction, e.subject, e.member_urn) for e in new] == [
        ("RECEIVED", "Edge", JANE)
    ]


def test_thread_filter(client, now_ms):
    all_events = client.inmail_events(ALICE, now_ms - YEAR_MS, now_ms + 1)
    thread = next(e.thread_urn for e in all_events if e.member_urn == JANE)
    only = client.inmail_events(ALICE, now_ms - YEAR_MS, now_ms + 1, thread_urn=thread)
    assert len(only) == 4 and {e.thread_urn for e in only} == {thread}


# -- notes ---------------------------------------------------------------------------


def test_prospect_notes_edited_and_deleted(client, now_ms):
    notes = client.prospect_notes(CONTRACT, now_ms - YEAR_MS, now_ms + 1)
    assert [n.last_modified_ms for n in notes] == sorted(
        n.last_modified_ms for n in notes
    )
    on_jane = {n.owner_urn: n for n in notes if n.member_urn == JANE}
    assert set(on_jane) == {ALICE, "urn:li:seat:5002", "urn:li:seat:5003"}
    alice, bob, carol = (on_jane[s] for s in sorted(on_jane))
    assert alice.text == "Strong Python background; available in March."
    assert alice.last_modified_ms == alice.created_ms and not alice.deleted
    assert bob.last_modified_ms - bob.created_ms == 95 * DAY_MS and not bob.deleted
    assert carol.deleted and not carol.active
    owned = client.prospect_notes(
        CONTRACT, now_ms - YEAR_MS, now_ms + 1, owners=["urn:li:seat:5002"]
    )
    assert {n.owner_urn for n in owned} == {"urn:li:seat:5002"} and len(owned) >= 2


def test_note_edit_and_delete_move_into_the_next_window(client, fresh_sandbox, now_ms):
    cursor = now_ms + 1
    note = fresh_sandbox.admin.add_note(
        ALICE, JANE, "first", created_ms=now_ms - DAY_MS
    )
    before = client.prospect_notes(CONTRACT, now_ms - 2 * DAY_MS, cursor)
    assert str(note["id"]) in {n.external_id for n in before}

    edited = fresh_sandbox.admin.edit_note(note["id"], "second", modified_ms=cursor)
    assert edited["lastModified"]["time"] == cursor
    window = client.prospect_notes(CONTRACT, cursor, cursor + 1)
    assert [(n.external_id, n.text, n.deleted) for n in window] == [
        (str(note["id"]), "second", False)
    ]
    fresh_sandbox.admin.delete_note(note["id"], modified_ms=cursor + 5)
    window = client.prospect_notes(CONTRACT, cursor + 1, cursor + 6)
    assert [(n.external_id, n.deleted) for n in window] == [(str(note["id"]), True)]


def test_notes_window_bounds_follow_cutoff_and_before(client, fresh_sandbox, now_ms):
    at = now_ms - 3 * DAY_MS
    note = fresh_sandbox.admin.add_note(ALICE, JANE, "edge", created_ms=at)
    note_id = str(note["id"])
    assert note_id in {
        n.external_id for n in client.prospect_notes(CONTRACT, at, at + 1)
    }
    assert note_id not in {
        n.external_id for n in client.prospect_notes(CONTRACT, at - 100, at)
    }
    assert note_id not in {
        n.external_id for n in client.prospect_notes(CONTRACT, at + 1, at + 100)
    }


# -- failures over real HTTP ---------------------------------------------------------


def test_expired_token_is_renewed_once(client, fresh_sandbox):
    client.list_seats(CONTRACT)
    fresh_sandbox.admin.expire_tokens()
    assert len(client.list_seats(CONTRACT)) == 6
    assert client.token_calls == 2


def test_persistent_401_raises_after_one_renewal(client, fresh_sandbox):
    fresh_sandbox.admin.set_fault("seatsV2", "401")
    with pytest.raises(AuthenticationError, match="expired"):
        client.list_seats(CONTRACT)
    assert (client.calls, client.token_calls) == (4, 2)


def test_bad_credentials(make_client):
    client = make_client(client_secret="wrong-secret")
    with pytest.raises(AuthenticationError, match="invalid_client|authentication"):
        client.list_seats(CONTRACT)


def test_throttling_honours_retry_after_then_succeeds(client, fresh_sandbox, fake_time):
    fresh_sandbox.admin.set_fault("seatsV2", 429, retry_after=3, times=2)
    assert len(client.list_seats(CONTRACT)) == 6
    assert fake_time.sleeps == [3.0, 3.0]
    requests = fresh_sandbox.admin.stats()["requests"]
    assert (requests["seatsV2 429"], requests["seatsV2 200"]) == (2, 1)


def test_throttling_past_the_budget_stops_at_once(make_client, fresh_sandbox):
    fresh_sandbox.admin.set_fault("prospectNotes", 429, retry_after=3600)
    client = make_client(max_retry_seconds=60)
    with pytest.raises(ThrottledError) as caught:
        client.prospect_notes(CONTRACT, 0, 10)
    assert caught.value.retry_after == 3600.0
    assert fresh_sandbox.admin.stats()["requests"]["prospectNotes"] == 1


@pytest.mark.parametrize("kind", [500, 502, 503, 504])
def test_server_errors_retry_up_to_max_attempts(make_client, fresh_sandbox, kind):
    fresh_sandbox.admin.set_fault("conversationEvents", kind)
    client = make_client(max_attempts=3)
    with pytest.raises(RetryableError) as caught:
        client.inmail_events(ALICE, 0, 10)
    assert caught.value.status == kind
    assert fresh_sandbox.admin.stats()["requests"][f"conversationEvents {kind}"] == 3


def test_intermittent_server_errors_are_absorbed(client, fresh_sandbox, now_ms):
    fresh_sandbox.admin.set_fault("conversationEvents", 503, every=2)
    events = client.inmail_events(ALICE, now_ms - YEAR_MS, now_ms + 1)
    assert len(events) >= 6


def test_timeout_past_the_client_read_timeout(make_client, fresh_sandbox):
    fresh_sandbox.admin.set_fault("seatsV2", "delay", delay=1.5)
    client = make_client(timeout=(1, 0.2), max_attempts=2)
    started = time.perf_counter()
    with pytest.raises(RetryableError, match="did not answer"):
        client.list_seats(CONTRACT)
    assert time.perf_counter() - started < 1.2
    assert client.calls == 3  # token + 2 attempts


def test_malformed_json(client, fresh_sandbox):
    fresh_sandbox.admin.set_fault("prospectNotes", "malformed")
    with pytest.raises(BadResponseError, match="malformed JSON"):
        client.prospect_notes(CONTRACT, 0, 10)


def test_unknown_viewer_seat_is_a_404(client):
    with pytest.raises(BadRequestError) as caught:
        client.inmail_events("urn:li:seat:424242", 0, 10)
    assert caught.value.status == 404


def test_purged_members_since_a_cursor(client, fresh_sandbox):
    first = fresh_sandbox.admin.purge_member(JANE, "CLOSED")
    fresh_sandbox.admin.purge_member(
        "urn:li:person:jon-smith", "PURGED", purged_ms=first["purgedAt"] + 1
    )
    members = client.purged_members(CONTRACT)
    assert [(m.member_urn, m.reason) for m in members] == [
        (JANE, "CLOSED"),
        ("urn:li:person:jon-smith", "PURGED"),
    ]
    later = client.purged_members(CONTRACT, after_ms=first["purgedAt"])
    assert [m.member_urn for m in later] == ["urn:li:person:jon-smith"]


def test_purged_members_refused_for_recruiter_lite(make_client):
    client = make_client("lite-client", "lite-secret")
    with pytest.raises(IntegrationNotEnabledError, match="Recruiter Lite"):
        client.purged_members(LITE_CONTRACT)
