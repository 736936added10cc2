# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Constants and helpers shared by the tier-1 tests (imported by name:
tests/core is on sys.path because it has no ``__init__.py``)."""

ORG = "urn:li:organization:1000"
CONTRACT = "urn:li:contract:2000"
OTHER_CONTRACT = "urn:li:contract:2999"
LITE_CONTRACT = "urn:li:contract:3000"
CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
DAY_MS = 24 * 3600 * 1000


class FakeTime:
    """A clock that only moves when the client sleeps."""

    def __init__(self, start=1000.0):
        self.now = start
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def clock(self):
        return self.now
