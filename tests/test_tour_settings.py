# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import SandboxTourCase, applicant_values, create_person

SETTINGS_URL = "/web#action=hr_recruitment.action_hr_recruitment_configuration"


@tagged("post_install", "-at_install", "linkedin_tour")
class TestSettingsTour(HttpCase):
    def test_settings_block_tour(self):
        self.start_tour(SETTINGS_URL, "linkedin_recruiter_settings_tour", login="admin")

    def test_applicant_state_tour(self):
        applicant = create_person(
            self.env, applicant_values("Tess Tour", "Tour applicant")
        )
        self.start_tour(
            f"/web#id={applicant.id}&model={applicant._name}&view_type=form",
            "linkedin_recruiter_applicant_state_tour",
            login="admin",
        )


@tagged("post_install", "-at_install", "linkedin_tour")
class TestSettingsButtonsTour(SandboxTourCase):
    def test_refresh_seats_and_test_connection_report_in_place(self):
        self.company.linkedin_seat_ids.unlink()
        self.start_tour(SETTINGS_URL, "linkedin_settings_buttons_tour", login="admin")
        self.assertTrue(self.backend.test_ok)

    def test_labels_explain_themselves_and_do_not_wrap(self):
        self.start_tour(SETTINGS_URL, "linkedin_settings_labels_tour", login="admin")

    def test_a_second_contract_is_added_from_settings(self):
        self.start_tour(SETTINGS_URL, "linkedin_settings_contracts_tour", login="admin")
        self.assertEqual(
            self.backend.contract_ids.mapped("contract_urn"),
            ["urn:li:contract:2000", "urn:li:contract:2999"],
        )
