# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SandboxTourCase, applicant_values, create_person


@tagged("post_install", "-at_install", "linkedin_tour")
class TestConnectTour(SandboxTourCase):
    """Connect through the real UI against the sandbox over HTTP."""

    def _applicant(self, job, name, email):
        return create_person(self.env, applicant_values(name, job, email_from=email))

    def _john_smith(self):
        return self._applicant("Data engineer", "John Smith", "j.smith@unknown.example")

    def test_connect_best_match_then_reload(self):
        applicant = self._applicant(
            "Python developer", "Jane Doe", "jane.doe@example.com"
        )
        self.start_form_tour(applicant, "linkedin_connect_best_match_tour")
        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:jane-doe")
        # a fresh page load still shows the badge
        self.start_form_tour(applicant, "linkedin_connected_badge_tour")

    def test_connect_through_not_the_right_profile(self):
        applicant = self._john_smith()
        self.start_form_tour(applicant, "linkedin_connect_not_right_profile_tour")
        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:jon-smith")

    def test_closest_matches_read_clearly_and_lead_back(self):
        applicant = self._john_smith()
        self.start_form_tour(applicant, "linkedin_closest_matches_tour")
        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:john-smith")
