# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "linkedin_tour")
class TestSettingsTour(HttpCase):
    def test_settings_block_tour(self):
        self.start_tour(
            "/web#action=hr_recruitment.action_hr_recruitment_configuration",
            "linkedin_recruiter_settings_tour",
            login="admin",
        )

    def test_applicant_state_tour(self):
        applicant = self.env["hr.applicant"].create(
            {"name": "Tour applicant", "partner_name": "Tess Tour"}
        )
        self.start_tour(
            f"/web#id={applicant.id}&model=hr.applicant&view_type=form",
            "linkedin_recruiter_applicant_state_tour",
            login="admin",
        )
