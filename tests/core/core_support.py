# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Constants and helpers shared by the tier-1 tests (imported by name:
tests/core is on sys.path because it has no ``__init__.py``)."""

import os

# the repository (the addon) root
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

ORG = "urn:li:organization:1000"
CONTRACT = "urn:li:contract:2000"
OTHER_CONTRACT = "urn:li:contract:2999"
LITE_CONTRACT = "urn:li:contract:3000"
CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
DAY_MS = 24 * 3600 * 1000
# the demo seed's seat of Alice, the member holding it, and Jane Doe
ALICE = "urn:li:seat:5001"
ALICE_MEMBER = "urn:li:person:alice-recruiter-seat"
JANE = "urn:li:person:jane-doe"
# LinkedIn's real endpoints (the HTTP-mocked tests)
TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken"
API = "https://api.linkedin.com/v2"


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
