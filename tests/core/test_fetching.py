# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Window fetchers on threads and in a child process, over real HTTP."""

import signal
import subprocess
import sys
import textwrap
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
    REPO,
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


@pytest.fixture
def process_fetcher(fresh_sandbox):
    started = []

    def make(**extra):
        fetcher = fetching.ProcessFetcher(_options(fresh_sandbox, **extra), 3)
        started.append(fetcher)
        return fetcher

    yield make
    for fetcher in started:
        assert fetcher._process.poll() is not None, "the fetch process still runs"


def test_process_and_threads_fetch_the_same_items_in_job_order(
    fresh_sandbox, thread_fetcher, process_fetcher
):
    fresh_sandbox.admin.add_inmail(ALICE, JANE, "SENT", subject="Hello", body="<b>Hi")
    fresh_sandbox.admin.add_note(ALICE, JANE, "Strong profile")
    jobs = _jobs()

    on_threads = _fetch_all(thread_fetcher(), jobs)
    in_process = _fetch_all(process_fetcher(), jobs)

    assert [key for key, _outcome in in_process] == [key for key, _task in jobs]
    assert in_process == on_threads
    items = [item for _key, (found, _skipped) in in_process for item in found]
    assert {"Hello", "Strong profile"} <= {
        getattr(item, "subject", None) or getattr(item, "text", None) for item in items
    }


def test_process_counts_every_http_call_of_its_clients(
    fresh_sandbox, thread_fetcher, process_fetcher
):
    jobs = _jobs(days=5)
    threads, process = thread_fetcher(), process_fetcher()
    _fetch_all(threads, jobs)
    _fetch_all(process, jobs)
    # One call per window, plus one token per client that fetched.
    assert len(jobs) < process.calls <= len(jobs) + 3
    assert process.calls == threads.calls


def test_linkedin_errors_cross_the_process_with_class_and_details(
    fresh_sandbox, process_fetcher
):
    fresh_sandbox.admin.set_fault("prospectNotes", "429", retry_after=120)
    jobs = [
        ("throttled", ("prospect_notes", (CONTRACT, 0, 10))),
        ("unknown seat", ("inmail_events", ("urn:li:seat:424242", 0, 10, None))),
        ("bad urn", ("inmail_events", ("not-a-seat", 0, 10, None))),
    ]

    outcomes = dict(_fetch_all(process_fetcher(max_attempts=1), jobs))

    throttled = outcomes["throttled"]
    assert isinstance(throttled, ThrottledError)
    assert throttled.retry_after == 120 and throttled.status == 429
    assert throttled.retryable and "429" in str(throttled)
    assert isinstance(outcomes["unknown seat"], BadRequestError)
    assert outcomes["unknown seat"].status == 404
    assert isinstance(outcomes["bad urn"], InvalidRecordError)
    assert outcomes["bad urn"].field == "seat_urn"


def test_malformed_element_is_skipped_and_reported_by_the_process(
    fresh_sandbox, process_fetcher
):
    event = fresh_sandbox.admin.add_inmail(ALICE, JANE, "SENT", body="broken")
    good = fresh_sandbox.admin.add_inmail(ALICE, JANE, "SENT", body="fine")
    timeline = fresh_sandbox.store.events[ALICE]
    stored = next(item for item in timeline.items if item["id"] == event["id"])
    del stored["author"], stored["direction"], stored["prospect"]
    window = (event["createdAt"], event["createdAt"] + 3600 * 1000)

    [(_key, (items, skipped))] = _fetch_all(
        process_fetcher(), [("w", ("inmail_events", (ALICE, *window, None)))]
    )

    assert [item.external_id for item in items] == [str(good["id"])]
    assert len(skipped) == 1 and isinstance(skipped[0], BadResponseError)
    assert "author" in str(skipped[0])


def test_a_page_that_stays_malformed_fails_its_window(fresh_sandbox, process_fetcher):
    fresh_sandbox.admin.set_fault("prospectNotes", "malformed")
    [(_key, outcome)] = _fetch_all(
        process_fetcher(), [("w", ("prospect_notes", (CONTRACT, 0, 10)))]
    )
    assert isinstance(outcome, BadResponseError)
    assert "malformed JSON" in str(outcome)
    assert fresh_sandbox.admin.stats()["requests"]["prospectNotes"] == (
        MALFORMED_PAGE_ATTEMPTS
    )


def test_abandoned_jobs_are_counted_and_the_process_stops(
    fresh_sandbox, process_fetcher
):
    fetcher = process_fetcher()
    jobs = _jobs(days=20)
    outcomes = fetcher.in_order(jobs)
    first = [next(outcomes) for _index in range(3)]
    outcomes.close()
    fetcher.close()

    assert [key for key, _outcome in first] == [key for key, _task in jobs[:3]]
    assert fetcher._process.returncode == 0
    assert fetcher.calls >= 3


def test_the_secret_is_not_on_the_command_line_or_in_the_environment(
    fresh_sandbox, process_fetcher, monkeypatch
):
    started = []
    real_popen = subprocess.Popen

    def spy(args, **kwargs):
        started.append((args, kwargs.get("env") or {}))
        return real_popen(args, **kwargs)

    monkeypatch.setattr(fetching.subprocess, "Popen", spy)
    _fetch_all(process_fetcher(), _jobs(days=1))

    [(args, env)] = started
    assert CLIENT_SECRET not in " ".join(args)
    assert all(CLIENT_SECRET not in value for value in env.values())


def test_a_child_that_cannot_start_is_a_fetch_process_error(fresh_sandbox):
    with pytest.raises(fetching.FetchProcessError, match="did not start"):
        fetching.ProcessFetcher(_options(fresh_sandbox), 2, python="/nonexistent/py")
    with pytest.raises(fetching.FetchProcessError, match="did not answer"):
        fetching.ProcessFetcher(_options(fresh_sandbox), 2, python="/bin/true")


def test_bad_client_options_are_refused_by_the_child(fresh_sandbox):
    with pytest.raises(fetching.FetchProcessError, match="client secret"):
        fetching.ProcessFetcher(_options(fresh_sandbox, client_secret=""), 2)


def test_the_fetch_process_dies_with_its_parent(fresh_sandbox, tmp_path):
    """A parent killed with SIGKILL mid-fetch leaves no fetch process behind."""
    parent = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {REPO!r})
        from linkedin_recruiter_connect import fetching
        fetcher = fetching.ProcessFetcher({_options(fresh_sandbox)!r}, 2)
        print(fetcher._process.pid, flush=True)
        jobs = [(i, ("prospect_notes", ({CONTRACT!r}, i, i + 1)))
                for i in range(10**6)]
        for _key, _outcome in fetcher.in_order(jobs):
            time.sleep(0.01)
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", parent], stdout=subprocess.PIPE, text=True
    )
    child = int(process.stdout.readline())
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()

    for _attempt in range(100):
        if not _alive(child):
            break
        time.sleep(0.1)
    assert not _alive(child), "the fetch process outlived its parent"


def _alive(pid):
    """Whether ``pid`` runs (a zombie, reaped by init later, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
