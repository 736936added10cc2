# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The window fetcher on threads, over real HTTP."""

import time

import pytest
from core_support import (
    ALICE,
    ALICE_MEMBER,
    CLIENT_ID,
    CLIENT_SECRET,
    CONTRACT,
    DAY_MS,
    JANE,
)

from linkedin_recruiter_connect import fetching, windows
from linkedin_recruiter_connect.client import MALFORMED_PAGE_ATTEMPTS, RecruiterClient
from linkedin_recruiter_connect.errors import (
    BadRequestError,
    BadResponseError,
    InvalidRecordError,
    ThrottledError,
)


def _options(sandbox, **extra):
    return {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "base_url": sandbox.url,
        "timeout": (2, 5),
        "backoff_base": 0.01,
        "max_retry_seconds": 2,
        **extra,
    }


def _jobs(days=30):
    """Alice's InMail windows and the contract's note windows of ``days``."""
    now = int(time.time() * 1000)
    planned = windows.plan_windows(now - days * DAY_MS, now + DAY_MS)
    inmails = [
        (("inmail", window), ("inmail_events", (ALICE, *window, ALICE_MEMBER)))
        for window in planned
    ]
    notes = [
        (("notes", window), ("prospect_notes", (CONTRACT, *window)))
        for window in planned
    ]
    return inmails + notes


def _fetch_all(fetcher, jobs):
    try:
        return list(fetcher.in_order(jobs))
    finally:
        fetcher.close()


@pytest.fixture
def thread_fetcher(fresh_sandbox):
    def make(**extra):
        options = _options(fresh_sandbox, **extra)
        return fetching.ThreadFetcher([RecruiterClient(**options) for _ in range(3)])

    return make


def test_threads_fetch_every_window_in_job_order(fresh_sandbox, thread_fetcher):
    fresh_sandbox.admin.add_inmail(ALICE, JANE, "SENT", subject="Hello", body="<b>Hi")
    fresh_sandbox.admin.add_note(ALICE, JANE, "Strong profile")
    jobs = _jobs()

    outcomes = _fetch_all(thread_fetcher(), jobs)

    assert [key for key, _outcome in outcomes] == [key for key, _task in jobs]
    items = [item for _key, (found, _skipped) in outcomes for item in found]
    assert {"Hello", "Strong profile"} <= {
        getattr(item, "subject", None) or getattr(item, "text", None) for item in items
    }


def test_threads_count_every_http_call_of_their_clients(fresh_sandbox, thread_fetcher):
    jobs = _jobs(days=5)
    fetcher = thread_fetcher()
    _fetch_all(fetcher, jobs)
    # One call per window, plus one token per client that fetched.
    assert len(jobs) < fetcher.calls <= len(jobs) + 3


def test_linkedin_errors_are_outcomes_with_class_and_details(
    fresh_sandbox, thread_fetcher
):
    fresh_sandbox.admin.set_fault("prospectNotes", "429", retry_after=120)
    jobs = [
        ("throttled", ("prospect_notes", (CONTRACT, 0, 10))),
        ("unknown seat", ("inmail_events", ("urn:li:seat:424242", 0, 10, None))),
        ("bad urn", ("inmail_events", ("not-a-seat", 0, 10, None))),
    ]

    outcomes = dict(_fetch_all(thread_fetcher(max_attempts=1), jobs))

    throttled = outcomes["throttled"]
    assert isinstance(throttled, ThrottledError)
    assert throttled.retry_after == 120 and throttled.status == 429
    assert throttled.retryable and "429" in str(throttled)
    assert isinstance(outcomes["unknown seat"], BadRequestError)
    assert outcomes["unknown seat"].status == 404
    assert isinstance(outcomes["bad urn"], InvalidRecordError)
    assert outcomes["bad urn"].field == "seat_urn"


def test_malformed_element_is_skipped_and_reported(fresh_sandbox, thread_fetcher):
    event = fresh_sandbox.admin.add_inmail(ALICE, JANE, "SENT", body="broken")
    good = fresh_sandbox.admin.add_inmail(ALICE, JANE, "SENT", body="fine")
    timeline = fresh_sandbox.store.events[ALICE]
    stored = next(item for item in timeline.items if item["id"] == event["id"])
    del stored["author"], stored["direction"], stored["prospect"]
    window = (event["createdAt"], event["createdAt"] + 3600 * 1000)

    [(_key, (items, skipped))] = _fetch_all(
        thread_fetcher(), [("w", ("inmail_events", (ALICE, *window, None)))]
    )

    assert [item.external_id for item in items] == [str(good["id"])]
    assert len(skipped) == 1 and isinstance(skipped[0], BadResponseError)
    assert "author" in str(skipped[0])


def test_a_page_that_stays_malformed_fails_its_window(fresh_sandbox, thread_fetcher):
    fresh_sandbox.admin.set_fault("prospectNotes", "malformed")
    [(_key, outcome)] = _fetch_all(
        thread_fetcher(), [("w", ("prospect_notes", (CONTRACT, 0, 10)))]
    )
    assert isinstance(outcome, BadResponseError)
    assert "malformed JSON" in str(outcome)
    assert fresh_sandbox.admin.stats()["requests"]["prospectNotes"] == (
        MALFORMED_PAGE_ATTEMPTS
    )


def test_abandoned_jobs_are_not_fetched(fresh_sandbox, thread_fetcher):
    fetcher = thread_fetcher()
    jobs = _jobs(days=20)
    outcomes = fetcher.in_order(jobs)
    first = [next(outcomes) for _index in range(3)]
    outcomes.close()
    fetcher.close()

    assert [key for key, _outcome in first] == [key for key, _task in jobs[:3]]
    assert 3 <= fetcher.calls < len(jobs)
