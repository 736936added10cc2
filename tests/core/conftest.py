# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared fixtures of the tier-1 (plain pytest) tests.

One sandbox serves the whole session over real HTTP on an ephemeral port;
``fresh_sandbox`` reseeds it before a test that reads or changes its data.
``FakeTime`` (in core_support) stands in for ``time.sleep`` and
``time.monotonic`` so retry tests run instantly and can assert the delays.
"""

import time

import pytest
from core_support import CLIENT_ID, CLIENT_SECRET, FakeTime

from linkedin_recruiter_connect.client import RecruiterClient
from linkedin_recruiter_sandbox import start_sandbox


@pytest.fixture(scope="session")
def sandbox():
    with start_sandbox(seed="demo") as handle:
        yield handle


@pytest.fixture
def fresh_sandbox(sandbox):
    """The session sandbox, reseeded with the demo data (faults cleared)."""
    sandbox.admin.reset("demo")
    return sandbox


@pytest.fixture
def fake_time():
    return FakeTime()


@pytest.fixture
def make_client(fresh_sandbox, fake_time):
    """Build sandbox clients with fast, fake-time retries; closes them after."""
    clients = []

    def make(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, **options):
        settings = {
            "base_url": fresh_sandbox.url,
            "timeout": (2, 5),
            "backoff_base": 0.01,
            "max_retry_seconds": 10,
            "sleep": fake_time.sleep,
            "clock": fake_time.clock,
        }
        settings.update(options)
        client = RecruiterClient(client_id, client_secret, **settings)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture(params=["versioned", "v2"])
def client(make_client, request):
    """A sandbox client in each API mode: every test using it runs twice."""
    return make_client(api_mode=request.param)


@pytest.fixture
def now_ms():
    return int(time.time() * 1000)
