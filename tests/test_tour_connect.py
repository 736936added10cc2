# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from ..linkedin_recruiter_connect.sandbox import odoo_company_values, start_sandbox


@tagged("post_install", "-at_install", "linkedin_tour")
class TestConnectTour(HttpCase):
    """Connect through the real UI against the sandbox over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sandbox = start_sandbox(seed="demo")
        cls.addClassCleanup(cls.sandbox.stop)
        cls.env.company.write(odoo_company_values(cls.sandbox.url))
        admin = cls.env.ref("base.user_admin")
        admin.email = "admin@yourcompany.example.com"
        cls.env.company._linkedin_refresh_seats()

    def _open_form(self, applicant, tour):
        self.start_tour(
            f"/web#id={applicant.id}&model=hr.applicant&view_type=form",
            tour,
            login="admin",
        )

    def test_connect_best_match_then_reload(self):
        applicant = self.env["hr.applicant"].create(
            {
                "name": "Python developer",
                "partner_name": "Jane Doe",
                "email_from": "jane.doe@example.com",
            }
        )
        self._open_form(applicant, "linkedin_connect_best_match_tour")
        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:jane-doe")
        # a fresh page load still shows the badge
        self._open_form(applicant, "linkedin_connected_badge_tour")

    def test_connect_through_not_the_right_profile(self):
        applicant = self.env["hr.applicant"].create(
            {
                "name": "Data engineer",
                "partner_name": "John Smith",
                "email_from": "j.smith@unknown.example",
            }
        )
        self._open_form(applicant, "linkedin_connect_not_right_profile_tour")
        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:jon-smith")
