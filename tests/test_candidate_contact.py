# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .. import compat
from .sync_common import SyncCase

JANE_EMAIL = "jane.doe@example.com"


@tagged("post_install", "-at_install")
class TestCandidateContact(SyncCase):
    """The candidate's InMails are signed with their name, not their email."""

    def test_received_inmails_are_signed_with_the_candidate_name(self):
        jane = self.connected("Jane Doe", JANE_EMAIL, self.jane_urn)
        self.assertEqual(jane.partner_id.name, "Jane Doe")
        event = self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "RECEIVED", body="Hello"
        )

        self.sync()

        message = self.message_of("inmail", event["id"], jane)
        self.assertEqual(message.author_id, jane.partner_id)
        self.assertEqual(message.author_id.name, "Jane Doe")
        self.assertIn("Jane Doe", message.email_from)

    def test_a_contact_named_after_its_email_takes_the_applicant_name(self):
        placeholder = self.env["res.partner"].create(
            {"name": JANE_EMAIL, "email": JANE_EMAIL}
        )
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        self.assertEqual(jane.partner_id, placeholder, "Odoo reuses the contact")
        self.assertEqual(placeholder.name, "Jane Doe")

    def test_connecting_names_a_contact_left_with_its_email(self):
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        jane.partner_id.name = JANE_EMAIL  # as applicants created before
        self.open_match_wizard(jane).action_connect_best()
        self.assertTrue(jane.linkedin_connected)
        self.assertEqual(jane.partner_id.name, "Jane Doe")

    def test_a_real_contact_name_is_kept(self):
        partner = self.env["res.partner"].create(
            {"name": "Jane A. Doe", "email": JANE_EMAIL}
        )
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        self.assertEqual(jane.partner_id, partner)
        # since 19.0 Odoo itself renames the contact after the applicant
        expected = "Jane Doe" if compat.SERIES >= (19, 0) else "Jane A. Doe"
        self.assertEqual(partner.name, expected)
