# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PERSON_MODEL, LinkedInCase, applicant_values, create_person


@tagged("post_install", "-at_install")
class TestApplicantLinkedInFields(LinkedInCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.applicant = create_person(
            cls.env, applicant_values("Jane Doe", "Backend Developer")
        )

    def test_new_applicant_is_not_connected(self):
        self.assertFalse(self.applicant.linkedin_connected)
        self.assertFalse(self.applicant.linkedin_member_urn)
        self.assertFalse(self.applicant.linkedin_auto_match_blocked)

    def test_connected_follows_member_urn_and_is_searchable(self):
        now = fields.Datetime.now()
        self.applicant.write(
            {
                "linkedin_member_urn": "urn:li:person:Ab12_x-Y",
                "linkedin_connected_by_id": self.officer.id,
                "linkedin_connected_at": now,
            }
        )
        self.assertTrue(self.applicant.linkedin_connected)
        found = self.env[PERSON_MODEL].search([("linkedin_connected", "=", True)])
        self.assertIn(self.applicant, found)
        self.applicant.linkedin_member_urn = False
        self.assertFalse(self.applicant.linkedin_connected)

    def test_link_is_not_copied(self):
        self.applicant.write(
            {
                "linkedin_member_urn": "urn:li:person:abc",
                "linkedin_connected_by_id": self.officer.id,
                "linkedin_connected_at": fields.Datetime.now(),
                "linkedin_auto_match_blocked": True,
            }
        )
        copy = self.applicant.copy()
        self.assertFalse(copy.linkedin_member_urn)
        self.assertFalse(copy.linkedin_connected)
        self.assertFalse(copy.linkedin_connected_by_id)
        self.assertFalse(copy.linkedin_connected_at)
        self.assertFalse(copy.linkedin_auto_match_blocked)

    def test_member_urn_format(self):
        with self.assertRaisesRegex(ValidationError, r"expected urn:li:person:<id>"):
            self.applicant.linkedin_member_urn = "https://www.linkedin.com/in/jane"

    def test_member_urn_is_indexed(self):
        field = self.env[PERSON_MODEL]._fields["linkedin_member_urn"]
        self.assertTrue(field.index)

    def test_form_shows_connection_state_read_only(self):
        arch = self.env[PERSON_MODEL].get_view(view_type="form")["arch"]
        self.assertIn("LinkedIn Recruiter connected", arch)
        self.assertIn("Not connected", arch)
        self.assertTrue(self.env[PERSON_MODEL]._fields["linkedin_member_urn"].readonly)
