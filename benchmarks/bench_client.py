# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark RecruiterClient against the sandbox; prints figures, asserts nothing.

For each operation it times N client calls and N raw ``requests`` calls of
the very same HTTP request (same URL, headers and body, JSON decoded) on the
same server. The difference is the client's own overhead per call: URL
building, retry and token bookkeeping, response checks and dataclass
parsing. Figures are medians over several runs.

    python benchmarks/bench_client.py                 # in-process sandbox
    python benchmarks/bench_client.py --url http://127.0.0.1:8123
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from linkedin_recruiter_connect.client import (  # noqa: E402
    API_PREFIX,
    RecruiterClient,
    batch_ids_params,
    candidate_key_fields,
    encode_key,
    encode_query,
)
from linkedin_recruiter_connect.schema import CandidateRecord  # noqa: E402
from linkedin_recruiter_connect.windows import (  # noqa: E402
    conversation_range_params,
    notes_range_params,
)
from linkedin_recruiter_sandbox import SandboxAdmin, start_sandbox  # noqa: E402
from linkedin_recruiter_sandbox.seed import (  # noqa: E402
    CONTRACT,
    FIXTURES,
    ORGANIZATION,
)

SEAT = FIXTURES["seats"]["alice"]
RSC = FIXTURES["clients"]["rsc"]
DAY_MS = 24 * 3600 * 1000
WINDOW_MS = 12 * 3600 * 1000


def _records(count, now_ms):
    return [
        CandidateRecord(
            100000 + i,
            "Jane" if i % 2 else "John",
            f"Bench{i}",
            [f"bench{i}@example.com"],
            [f"+32 470 00 00 {i % 100:02d}"],
            now_ms - DAY_MS,
            now_ms,
            company_name="Acme Corp",
        )
        for i in range(count)
    ]


def _operations(client, now_ms, records):
    """``{name: (client_call, raw_request)}``; raw_request = (method, url, body,
    restli_method) of the identical single HTTP request."""
    start, end = now_ms - 100 * DAY_MS, now_ms - 100 * DAY_MS + WINDOW_MS
    ids = [r.candidate_id for r in records[:10]]
    keys = [candidate_key_fields(r.candidate_id, ORGANIZATION) for r in records]
    sync_body = {
        "entities": {
            encode_key(key): record.to_entity()
            for key, record in zip(keys, records, strict=True)
        }
    }
    page = [("start", 0), ("count", client.page_size)]
    return {
        "list_seats": (
            lambda: client.list_seats(CONTRACT),
            ("GET", "/seatsV2", [("q", "attributes"), ("contracts", CONTRACT),
                                 ("states", "ACTIVE"), *page], None, None),
        ),
        "inmail_events (12 h)": (
            lambda: client.inmail_events(SEAT, start, end),
            ("GET", "/conversationEvents", [("q", "criteria"), ("viewer", SEAT),
             *conversation_range_params(start, end).items(), *page], None, None),
        ),
        "prospect_notes (12 h)": (
            lambda: client.prospect_notes(CONTRACT, start, end),
            ("GET", "/prospectNotes", [("q", "criteria"), ("contract", CONTRACT),
             *notes_range_params(start, end).items(), *page], None, None),
        ),
        "get_candidate_matches x10": (
            lambda: client.get_candidate_matches(ids, ORGANIZATION),
            ("GET", "/atsCandidates", batch_ids_params(keys[:10]), None, None),
        ),
        "sync_candidates x100": (
            lambda: client.sync_candidates(records, ORGANIZATION),
            ("PUT", "/atsCandidates", batch_ids_params(keys), sync_body,
             "batch_update"),
        ),
    }  # fmt: skip


def _raw_caller(session, client, spec):
    method, path, query, body, restli_method = spec
    url = f"{client.base_url}{API_PREFIX}{path}?{encode_query(query)}"
    headers = {
        "Authorization": f"Bearer {client._access_token()}",
        "Accept": "application/json",
    }
    data = None
    if body is not None:
        data = json.dumps(body)
        headers["Content-Type"] = "application/json"
    if restli_method:
        headers["x-restli-method"] = restli_method

    def call():
        response = session.request(
            method, url, data=data, headers=headers, timeout=client.timeout
        )
        response.raise_for_status()
        return response.json()

    return call


def _time_per_call(function, calls):
    started = time.perf_counter()
    for _index in range(calls):
        function()
    return (time.perf_counter() - started) / calls


def run(url, calls, runs):
    client = RecruiterClient(
        RSC["client_id"], RSC["client_secret"], base_url=url, timeout=(5, 30)
    )
    now_ms = SandboxAdmin(url).fixtures()["now_ms"]
    records = _records(100, now_ms)
    client.sync_candidates(records, ORGANIZATION)  # so matches have something to find
    print(f"{'operation':28} {'client ms':>10} {'raw ms':>8} {'overhead ms':>12}"
          f" {'HTTP/call':>9} {'req/s':>8}")  # fmt: skip
    # Set up like the client's session: environment proxy settings read once.
    with RecruiterClient._new_session(client.base_url) as session:
        for name, (client_call, spec) in _operations(client, now_ms, records).items():
            raw_call = _raw_caller(session, client, spec)
            client_call(), raw_call()  # warm up connections and caches
            before = client.calls
            client_times, raw_times = [], []
            for _run in range(runs):
                raw_times.append(_time_per_call(raw_call, calls))
                client_times.append(_time_per_call(client_call, calls))
            http_per_call = (client.calls - before - 1) / (calls * runs)
            client_ms = statistics.median(client_times) * 1000
            raw_ms = statistics.median(raw_times) * 1000
            print(
                f"{name:28} {client_ms:10.2f} {raw_ms:8.2f} {client_ms - raw_ms:12.3f}"
                f" {http_per_call:9.1f} {http_per_call * 1000 / client_ms:8.0f}"
            )
    print(f"client HTTP calls: {client.calls} (token calls: {client.token_calls})")
    client.close()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="benchmark a running sandbox instead")
    parser.add_argument("--calls", type=int, default=50, help="calls per run")
    parser.add_argument("--runs", type=int, default=5, help="runs (median)")
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--notes", type=int, default=20000)
    args = parser.parse_args(argv)
    handle = None
    url = args.url
    if url is None:
        started = time.perf_counter()
        handle = start_sandbox(seed="demo")
        url = handle.url
        print(f"sandbox started in {(time.perf_counter() - started) * 1000:.0f} ms"
              f" at {url}")  # fmt: skip
    try:
        started = time.perf_counter()
        SandboxAdmin(url).seed_bulk(
            members=args.members,
            seats=args.seats,
            events=args.events,
            notes=args.notes,
        )
        print(
            f"bulk seed ({args.members} members, {args.seats} seats, "
            f"{args.events} InMails, {args.notes} notes) in "
            f"{time.perf_counter() - started:.1f} s"
        )
        print(f"{args.calls} calls x {args.runs} runs, medians per call")
        run(url, args.calls, args.runs)
    finally:
        if handle:
            handle.stop()


if __name__ == "__main__":
    main()
