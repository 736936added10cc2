# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The recruiter's story against a sandbox that answers only what LinkedIn
documents (strict mode): bare member URNs, no seat emails, no names in
InMail events and notes."""

from odoo.tests import tagged

from .sync_common import HOUR_MS, SyncCase


@tagged("post_install", "-at_install")
class TestStrictLinkedIn(SyncCase):
    def setUp(self):
        super().setUp()
        self.sandbox.admin.set_strict(True)
        self.addCleanup(self.sandbox.admin.set_strict, False)

    def connect_in_the_widget(self, applicant, member_urn):
        """Connect as the recruiter does in LinkedIn's widget: LinkedIn
        records the choice, then the page's onlink reaches Odoo."""
        person = applicant.with_user(self.recruiter)
        person.action_linkedin_widget_sync()
        with self.backend._client() as client:
            client.set_manual_match(
                applicant.id, self.backend.organization_urn, member_urn
            )
        person.action_linkedin_widget_linked(member_urn)

    def test_linkedin_s_bare_matches_open_its_widget(self):
        jane = self.create_applicant("Jane Doe", "jane.doe@example.com")

        action = jane.with_user(self.recruiter).action_linkedin_connect()

        self.assertEqual(action["tag"], "linkedin_recruiter_connect.profile_widget")
        self.assertFalse(self.env["linkedin.match.wizard"].search([]))

    def test_seats_without_emails_map_by_the_holder_s_name(self):
        self.company.linkedin_seat_ids.unlink()
        self.recruiter.name = "Alice Recruiter"

        seats = self.backend._refresh_seats()

        alice = seats.filtered(lambda s: s.seat_urn == self.seats["alice"])
        self.assertFalse(alice.email, "LinkedIn documents no seat email")
        self.assertEqual(alice.user_id, self.recruiter)

    def test_connected_in_the_widget_the_chatter_shows_named_activity(self):
        jane = self.create_applicant("Jane Doe", "jane.doe@example.com")
        now = self.now_ms()
        received = self.sandbox.admin.add_inmail(
            self.seats["alice"],
            self.jane_urn,
            "RECEIVED",
            subject="Re: Python role",
            body="<p>Sure</p>",
            created_ms=now - 2 * HOUR_MS,
        )
        note = self.sandbox.admin.add_note(
            self.seats["alice"], self.jane_urn, "Strong Python", now - HOUR_MS
        )

        self.connect_in_the_widget(jane, self.jane_urn)
        run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(jane.linkedin_member_urn, self.jane_urn)
        reply = self.message_of("inmail", received["id"], jane)
        self.assertEqual(reply.author_id, jane.partner_id)
        self.assertEqual(reply.author_id.name, "Jane Doe")
        written = self.message_of("note", note["id"], jane)
        self.assertEqual(written.author_id, self.recruiter.partner_id)
        shown = self.linkedin_messages(jane)
        self.assertTrue(shown)
        for message in shown:
            with self.subTest(message=message.subject or message.id):
                self.assertNotIn("urn:li:", message.email_from or "")
                self.assertNotIn("urn:li:", message.author_id.name or "")
