# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import (
    SandboxTourCase,
    applicant_values,
    create_person,
    stored_candidate,
)
from .disconnect_common import JANE_EMAIL, JANE_PROFILE, JANE_URN


@tagged("post_install", "-at_install", "linkedin_tour")
class TestDisconnectTour(SandboxTourCase):
    """Hover trash, duplicate wizard and merge-then-disconnect in the UI."""

    def _connected(self, name, job):
        """An applicant connected to Jane as the connect flow leaves it: the
        candidate is known to LinkedIn and manually matched there."""
        admin_env = self.env(user=self.env.ref("base.user_admin"))
        applicant = create_person(
            admin_env,
            applicant_values(name, job.name, email_from=JANE_EMAIL, job_id=job.id),
        )
        applicant._linkedin_push_and_match(self.backend)
        applicant._linkedin_connect_member(JANE_URN, JANE_PROFILE)
        return applicant

    def _manual_match(self, applicant):
        """The manualMatchedMember LinkedIn holds for the stored ``applicant``
        (fails if LinkedIn does not know the applicant)."""
        return stored_candidate(self.sandbox, applicant).get("manualMatchedMember")

    def test_disconnect_with_duplicate_merges_then_disconnects(self):
        job = self.env["hr.job"].create({"name": "Tour job"})
        primary = self._connected("Jane Doe", job)
        twin = self._connected("Jane D. Twin", job)
        self.assertEqual(self._manual_match(twin), JANE_URN)

        self.start_form_tour(twin, "linkedin_recruiter_disconnect_tour")

        self.assertTrue(primary.active)
        self.assertFalse(primary.linkedin_connected)
        self.assertTrue(primary.linkedin_auto_match_blocked)
        self.assertFalse(twin.active)
        self.assertIsNone(self._manual_match(primary))
        self.assertIsNone(self._manual_match(twin))

    def test_single_disconnect_is_a_danger_button(self):
        job = self.env["hr.job"].create({"name": "Tour job"})
        jane = self._connected("Jane Doe", job)
        self.start_form_tour(jane, "linkedin_recruiter_disconnect_single_tour")
        self.assertFalse(jane.linkedin_connected)
        self.assertIsNone(self._manual_match(jane))
