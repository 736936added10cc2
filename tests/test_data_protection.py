# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SandboxCase

JANE = "urn:li:person:jane-doe"


@tagged("post_install", "-at_install")
class TestDataProtection(SandboxCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._create_user(
            "manager", "hr_recruitment.group_hr_recruitment_manager"
        )

    def _connected_jane(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        self.open_match_wizard(applicant).action_connect_best()
        self.assertEqual(applicant.linkedin_member_urn, JANE)
        return applicant

    def _imported_message(self, applicant, external_id="ext-1"):
        """A staged InMail and its chatter message, as the import makes them."""
        activity = self.env["linkedin.activity"].create(
            {
                "kind": "inmail",
                "external_id": external_id,
                "company_id": self.company.id,
                "member_urn": JANE,
                "subject": "Hello",
                "body": "Hi Jane",
                "linkedin_created_at": fields.Datetime.now(),
            }
        )
        message = applicant.message_post(body="Hi Jane", message_type="email")
        message.linkedin_activity_id = activity
        return activity, message

    def test_purged_member_is_flagged_with_a_manager_todo(self):
        applicant = self._connected_jane()
        other = self.create_applicant("John Smith", "john.smith@example.com")
        self.sandbox.admin.purge_member(JANE, "CLOSED")

        self.run_cron("ir_cron_linkedin_check_purged_members")

        self.assertEqual(applicant.linkedin_purge_reason, "CLOSED")
        self.assertFalse(other.linkedin_purge_reason)
        todos = applicant.activity_ids.filtered(
            lambda a: a.summary == "LinkedIn member closed or purged"
        )
        self.assertIn(self.manager, todos.user_id)
        self.assertTrue(self.backend.purge_checked_at)
        # a rerun neither re-flags nor adds to-dos
        self.backend._check_purged_members()
        self.assertEqual(
            len(applicant.activity_ids.filtered(lambda a: a.user_id == self.manager)),
            1,
        )

    def test_remove_linkedin_data_keeps_the_applicant(self):
        applicant = self._connected_jane()
        activity, message = self._imported_message(applicant)
        applicant.linkedin_purge_reason = "PURGED"

        applicant.with_user(self.manager).action_linkedin_remove_data()

        self.assertTrue(applicant.exists())
        self.assertFalse(message.exists())
        self.assertFalse(activity.exists())
        self.assertFalse(applicant.linkedin_member_urn)
        self.assertFalse(applicant.linkedin_connected)
        self.assertFalse(applicant.linkedin_purge_reason)
        self.assertTrue(applicant.linkedin_auto_match_blocked)
        self.assertIn("LinkedIn data removed", applicant.message_ids[0].body)
        self.assertIn("1 imported messages", applicant.message_ids[0].body)

    def test_remove_covers_every_applicant_of_the_member(self):
        first = self._connected_jane()
        second = self.create_applicant("Jane Doe", "jane.doe@example.com")
        second.linkedin_member_urn = JANE
        _activity, message = self._imported_message(second, "ext-2")

        first.with_user(self.manager).action_linkedin_remove_data()

        self.assertFalse(second.linkedin_member_urn)
        self.assertFalse(message.exists())

    def test_only_managers_remove_data(self):
        applicant = self._connected_jane()
        with self.assertRaises(AccessError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_remove_data()
        self.assertIn("Only recruitment managers", str(caught.exception))
        self.assertTrue(applicant.linkedin_connected)

    def test_unclaimed_rows_are_purged_after_the_retention(self):
        applicant = self._connected_jane()
        claimed, _message = self._imported_message(applicant, "claimed")
        old_unclaimed = claimed.copy(
            {"external_id": "old", "member_urn": "urn:li:person:x"}
        )
        fresh_unclaimed = claimed.copy(
            {"external_id": "new", "member_urn": "urn:li:person:y"}
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE linkedin_activity SET create_date = now() - interval '181 days' "
            "WHERE id IN %s",
            [(claimed.id, old_unclaimed.id)],
        )
        self.backend.retention_days = 180

        purged = self.env["linkedin.activity"]._purge_unclaimed(self.backend)

        self.assertEqual(purged, 1)
        self.assertFalse(old_unclaimed.exists())
        self.assertTrue(claimed.exists(), "a row in a chatter is kept")
        self.assertTrue(fresh_unclaimed.exists())
