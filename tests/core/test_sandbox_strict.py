# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sandbox's strict mode: API answers with only what LinkedIn documents."""

import subprocess
import sys

import pytest
import requests
from core_support import (
    ALICE,
    CLIENT_ID,
    CLIENT_SECRET,
    CONTRACT,
    JANE,
    ORG,
    REPO,
)

from linkedin_recruiter_sandbox import start_sandbox

KEY = f"atsCandidateId=42&dataProvider=ATS&integrationContext={ORG}"
IDS = (
    f"ids[0].atsCandidateId=42&ids[0].dataProvider=ATS&ids[0].integrationContext={ORG}"
)
CANDIDATE = {
    "addresses": [],
    "phoneNumbers": [],
    "atsCreatedAt": 1000,
    "atsLastModifiedAt": 2000,
    "firstName": "Jane",
    "lastName": "Doe",
    "emailAddresses": ["jane.doe@example.com"],
}


def _api(url):
    token = requests.post(
        f"{url}/oauth/v2/accessToken",
        data={
            "grant_type": "client_credentials",
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        },
        timeout=5,
    ).json()["access_token"]
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def _answers(url):
    """The seats, InMail events, notes and candidate 42 (Jane Doe) answers."""
    with _api(url) as api:
        api.put(
            f"{url}/v2/atsCandidates?{IDS}",
            json={"entities": {KEY: CANDIDATE}},
            headers={"x-restli-method": "batch_update"},
            timeout=5,
        ).raise_for_status()
        seats = api.get(
            f"{url}/v2/seatsV2?q=attributes&contracts={CONTRACT}&start=0", timeout=5
        ).json()["elements"]
        events = api.get(
            f"{url}/v2/conversationEvents?q=criteria&viewer={ALICE}&count=100",
            timeout=5,
        ).json()["elements"]
        notes = api.get(
            f"{url}/v2/prospectNotes?q=criteria&contract={CONTRACT}&count=100",
            timeout=5,
        ).json()["elements"]
        candidate = api.get(f"{url}/v2/atsCandidates?{IDS}", timeout=5).json()
    return seats, events, notes, candidate["results"][KEY]


def _set_strict(url, value):
    response = requests.post(f"{url}/_sandbox/mode", json={"strict": value}, timeout=5)
    response.raise_for_status()
    return response.json()


@pytest.fixture
def strict_sandbox(fresh_sandbox):
    """The session sandbox switched to strict mode (switched back after)."""
    _set_strict(fresh_sandbox.url, True)
    yield fresh_sandbox
    _set_strict(fresh_sandbox.url, False)


def _assert_strict(seats, events, notes, candidate):
    assert seats and all("email" not in seat for seat in seats)
    assert all(seat["firstName"] and seat["member"] for seat in seats)
    assert events and not any(
        "authorName" in event or "recipientName" in event for event in events
    )
    assert all(event["prospect"].startswith("urn:li:person:") for event in events)
    assert notes and not any("prospectName" in note for note in notes)
    matched = candidate["matchedMembers"]
    assert matched and all(isinstance(item, str) for item in matched)
    assert matched[0] == JANE
    assert all(item.startswith("urn:li:person:") for item in matched)


def test_default_mode_has_the_sandbox_extras(fresh_sandbox):
    assert requests.get(f"{fresh_sandbox.url}/_sandbox/mode", timeout=5).json() == {
        "strict": False
    }
    seats, events, notes, candidate = _answers(fresh_sandbox.url)
    assert seats[0]["email"] == "alice.recruiter@example.com"
    assert any("authorName" in event for event in events)
    assert any("prospectName" in note for note in notes)
    assert candidate["matchedMembers"][0]["member"] == JANE
    assert candidate["matchedMembers"][0]["profile"]["firstName"] == "Jane"


def test_strict_mode_answers_only_documented_fields(strict_sandbox):
    _assert_strict(*_answers(strict_sandbox.url))
    # The store keeps every field: strict mode hides them from answers only.
    assert strict_sandbox.store.seats[ALICE]["email"] == "alice.recruiter@example.com"


def test_strict_mode_switches_at_run_time_and_survives_a_reset(fresh_sandbox):
    url = fresh_sandbox.url
    try:
        assert _set_strict(url, True) == {"strict": True}
        fresh_sandbox.admin.reset("demo")
        assert requests.get(f"{url}/_sandbox/mode", timeout=5).json()["strict"]
        _assert_strict(*_answers(url))
        assert _set_strict(url, False) == {"strict": False}
        seats, _events, _notes, candidate = _answers(url)
        assert "email" in seats[0]
        assert isinstance(candidate["matchedMembers"][0], dict)
    finally:
        _set_strict(url, False)


def test_mode_must_be_a_boolean(fresh_sandbox):
    response = requests.post(
        f"{fresh_sandbox.url}/_sandbox/mode", json={"strict": "yes"}, timeout=5
    )
    assert response.status_code == 400


def test_start_option_starts_strict():
    with start_sandbox(seed="demo", strict=True) as handle:
        assert requests.get(f"{handle.url}/_sandbox/mode", timeout=5).json() == {
            "strict": True
        }
        _assert_strict(*_answers(handle.url))


def test_command_line_strict_option():
    process = subprocess.Popen(
        [sys.executable, "-m", "linkedin_recruiter_sandbox", "--port", "0", "--strict"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = process.stdout.readline().rsplit(" ", 1)[-1].strip()
        lines = "".join(process.stdout.readline() for _line in range(4))
        assert "strict mode: on" in lines
        assert "alice.recruiter@example.com / recruiter" in lines
        mode = requests.get(f"{url}/_sandbox/mode", timeout=5).json()
        assert mode == {"strict": True}
    finally:
        process.terminate()
        process.wait(timeout=5)
