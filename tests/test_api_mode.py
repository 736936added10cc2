# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The backend's API mode: versioned REST (the default) and legacy /v2, the
switch between them, and the API version LinkedIn must still serve."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from ..models.linkedin_backend import api_version_problem
from .common import SANDBOX_SETTINGS, LinkedInCase
from .disconnect_common import JANE_URN, DisconnectCase
from .sync_common import SyncCase


def _months_ago(months, today=None):
    """The YYYYMM of ``months`` months before ``today`` (negative: ahead)."""
    today = today or date.today()
    index = today.year * 12 + today.month - 1 - months
    return f"{index // 12:04d}{index % 12 + 1:02d}"


class ApiModeCase(DisconnectCase, SyncCase):
    def requests(self):
        """The sandbox's request counts."""
        return self.sandbox.admin.stats()["requests"]

    def linkedin_match(self, applicant):
        """(found, manual match) LinkedIn holds for ``applicant``, asked in
        the backend's current API mode."""
        with self.backend._session() as client:
            matches = client.get_candidate_matches(
                [applicant.id], self.backend.organization_urn
            )[str(applicant.id)]
        return matches.found, matches.manual_member_urn


@tagged("post_install", "-at_install")
class TestApiModes(ApiModeCase):
    def test_the_default_test_backend_is_versioned(self):
        self.assertEqual(self.backend.api_mode, "versioned")
        self.assertEqual(self.backend._client_options()["api_mode"], "versioned")
        jane = self.connected_jane()
        calls = self.requests()
        self.assertGreater(calls.get("/rest/candidates", 0), 0)
        self.assertEqual(self.manual_match(jane), JANE_URN)

    def test_legacy_v2_connect_sync_and_disconnect(self):
        self.backend.api_mode = "v2"
        ok, message = self.backend._test_connection()
        self.assertTrue(ok, message)

        jane = self.connected_jane()
        self.assertEqual(self.manual_match(jane), JANE_URN)
        run = self.sync()
        self.assertEqual(run.status, "done", run.error)
        self.assertTrue(self.linkedin_messages(jane), "Jane's InMails arrived")

        self.disconnect_wizard(jane).action_disconnect()
        self.assertFalse(jane.linkedin_connected)
        self.assertIsNone(self.manual_match(jane))

        calls = self.requests()
        self.assertGreater(calls.get("atsCandidates 200", 0), 0)
        self.assertGreater(calls.get("atsIntegrations 200", 0), 0)
        for path in ("/rest/candidates", "/rest/integrations"):
            self.assertNotIn(path, calls, "v2 mode never calls the /rest twin")

    def test_switching_from_v2_to_versioned_keeps_every_link(self):
        self.backend.api_mode = "v2"
        jane = self.connected_jane()
        john = self.connect(
            self.create_applicant("John Smith", "john.smith@example.com")
        )
        # synced through v2 but not connected yet
        maria = self.create_applicant("Maria Garcia", "maria.garcia@example.com")
        self.open_match_wizard(maria)
        links = {
            person: (person.linkedin_member_urn, self.manual_match(person))
            for person in (jane, john)
        }
        self.assertEqual(links[jane], (JANE_URN, JANE_URN))
        stored = len(self.sandbox.admin.candidates())
        self.assertEqual(stored, 3)
        self.assertNotIn("/rest/candidates", self.requests())

        self.backend.api_mode = "versioned"

        for person, (urn, manual) in links.items():
            self.assertTrue(person.linkedin_connected)
            self.assertEqual(person.linkedin_member_urn, urn)
            self.assertEqual(self.linkedin_match(person), (True, manual))
        self.assertGreater(self.requests()["/rest/candidates"], 0)
        # the next connect syncs through /rest onto the same candidate
        wizard = self.open_match_wizard(maria)
        self.assertEqual(wizard.best_line_id.member_urn, self.members["maria_garcia"])
        wizard.with_user(self.recruiter).action_connect_best()
        self.assertEqual(len(self.sandbox.admin.candidates()), stored)
        self.assertEqual(self.manual_match(maria), self.members["maria_garcia"])
        self.assertEqual(self.manual_match(jane), JANE_URN)
        # the next sync attaches the InMails of the links made through v2
        run = self.sync()
        self.assertEqual(run.status, "done", run.error)
        self.assertTrue(self.linkedin_messages(jane))
        ok, message = self.backend._test_connection()
        self.assertTrue(ok, message)
        self.assertGreater(self.requests()["/rest/integrations"], 0)


@tagged("post_install", "-at_install")
class TestApiVersion(LinkedInCase):
    def _settings_form(self):
        """The settings form with LinkedIn enabled and set up for the sandbox."""
        settings = self.env["res.config.settings"].with_company(self.company)
        form = Form(settings.with_context(allowed_company_ids=[self.company.id]))
        form.linkedin_enabled = True
        for name, value in SANDBOX_SETTINGS.items():
            setattr(form, f"linkedin_{name}", value)
        return form

    def test_version_problems_relative_to_today(self):
        today = date(2026, 12, 1)
        self.assertIsNone(api_version_problem("202604", today))
        self.assertIsNone(api_version_problem("202412", today))
        self.assertIsNone(api_version_problem("202612", today))
        self.assertEqual(api_version_problem("202411", today), "retired")
        self.assertEqual(api_version_problem("202701", today), "future")
        for bad in ("2026-04", "202613", "202600", "20264", "２０２６０４", ""):
            self.assertEqual(api_version_problem(bad, today), "format", bad)

    def test_settings_refuse_old_future_and_malformed_versions(self):
        old, ahead = _months_ago(25), _months_ago(-1)
        cases = [
            (old, rf"{old}'? is more than two years old"),
            (ahead, rf"{ahead}'? is in the future"),
            ("2026-4", r"2026-4'? is not valid: expected YYYYMM"),
        ]
        for value, message in cases:
            with self.subTest(value=value):
                form = self._settings_form()
                form.linkedin_api_version = value
                with (
                    self.assertRaisesRegex(ValidationError, message),
                    self.env.cr.savepoint(),
                ):
                    form.save().execute()
                self.env.invalidate_all()
                self.assertEqual(self.backend.api_version, "202604")

    def test_recent_versions_are_accepted(self):
        for value in (_months_ago(0), _months_ago(24), "202604"):
            self.backend.api_version = value
            self.assertEqual(self.backend.api_version, value)

    def test_mode_and_version_reach_the_client(self):
        self.backend.write(
            {
                "enabled": True,
                "client_id": "id",
                "client_secret": "secret",
                "organization_urn": "urn:li:organization:1",
                "contract_urn": "urn:li:contract:2",
                "api_mode": "v2",
                "api_version": "202602",
            }
        )
        with self.backend._session() as client:
            self.assertEqual((client.api_mode, client.version), ("v2", "202602"))
        self.backend.write({"api_mode": "versioned", "api_version": False})
        with self.backend._session() as client:
            self.assertEqual(
                (client.api_mode, client.version),
                ("versioned", "202604"),
                "an empty version is the latest one known",
            )
