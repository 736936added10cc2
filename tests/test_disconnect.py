# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PERSON_MODEL, applications_of
from .disconnect_common import JANE_EMAIL, JANE_PROFILE, JANE_URN, DisconnectCase
from .sync_common import HOUR_MS, SyncCase


@tagged("post_install", "-at_install")
class TestDisconnect(DisconnectCase):
    def test_disconnect_without_duplicates_confirms_then_clears(self):
        jane = self.connected_jane()
        self.assertEqual(self.manual_match(jane), JANE_URN)
        self.assertTrue(jane.linkedin_profile_from_linkedin)

        wizard = self.disconnect_wizard(jane)
        self.assertFalse(wizard.has_duplicates)
        self.assertFalse(wizard.duplicate_ids)
        action = wizard.action_disconnect()

        self.assertEqual(action, {"type": "ir.actions.act_window_close"})
        self.assertFalse(jane.linkedin_connected)
        self.assertFalse(jane.linkedin_member_urn)
        self.assertFalse(jane.linkedin_connected_by_id)
        self.assertFalse(jane.linkedin_connected_at)
        self.assertTrue(jane.linkedin_auto_match_blocked)
        self.assertFalse(jane.linkedin_clear_pending)
        self.assertFalse(jane.linkedin_profile, "a URL set by LinkedIn is cleared")
        self.assertIsNone(self.manual_match(jane), "LinkedIn forgot the match")
        note = jane.message_ids[0]
        self.assertIn("Disconnected from LinkedIn Recruiter by Alice", note.body)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))

    def test_user_typed_profile_url_is_kept(self):
        typed = self.connected_jane(linkedin_profile=JANE_PROFILE)
        self.assertFalse(typed.linkedin_profile_from_linkedin)
        edited = self.connected_jane("Jane Edited")
        self.assertTrue(edited.linkedin_profile_from_linkedin)
        edited.linkedin_profile = "https://www.linkedin.com/in/jane-typed"
        set_by_linkedin = self.connected_jane("Jane Set")

        (typed | edited | set_by_linkedin)._linkedin_disconnect()

        self.assertEqual(typed.linkedin_profile, JANE_PROFILE)
        self.assertEqual(
            edited.linkedin_profile, "https://www.linkedin.com/in/jane-typed"
        )
        self.assertFalse(set_by_linkedin.linkedin_profile)

    def test_imported_messages_stay_and_the_member_urn_is_gone(self):
        jane = self.connected_jane()
        message = self.imported_message(jane, self.activity("inmail-1"))

        self.disconnect_wizard(jane).action_disconnect()

        self.assertTrue(message.exists())
        self.assertEqual(message.res_id, jane.id)
        self.assertFalse(jane.linkedin_member_urn)
        self.assertFalse(
            self.env[PERSON_MODEL].search([("linkedin_member_urn", "=", JANE_URN)]),
            "no applicant is left for the import to attach Jane's activity to",
        )

    def test_duplicates_are_listed_archived_included(self):
        jane = self.connected_jane()
        archived = self.create_applicant("Jane Archived", JANE_EMAIL, active=False)
        other_email = self.create_applicant("J. Doe", "j.doe@other.example")
        (archived | other_email).linkedin_member_urn = JANE_URN
        not_connected = self.create_applicant("Jane Twin", JANE_EMAIL)
        elsewhere = self.create_applicant(
            "Jane Abroad", JANE_EMAIL, company_id=self.other_company.id
        )
        elsewhere.linkedin_member_urn = JANE_URN

        wizard = self.disconnect_wizard(jane)

        self.assertTrue(wizard.has_duplicates)
        self.assertEqual(wizard.duplicate_ids, archived | other_email)
        self.assertNotIn(not_connected, wizard.duplicate_ids)
        self.assertNotIn(elsewhere, wizard.duplicate_ids)
        self.assertIn("with the same email", wizard.explanation)
        self.assertIn("2 other applicants with the same email are", wizard.explanation)

    def test_disconnect_them_all(self):
        jane = self.connected_jane()
        twin = self.connected_jane("Jane Twin")

        wizard = self.disconnect_wizard(twin)
        self.assertEqual(
            wizard.explanation,
            "1 other applicant with the same email is also connected to this "
            "LinkedIn profile.",
        )
        wizard.action_disconnect()

        for applicant in jane | twin:
            self.assertFalse(applicant.linkedin_connected)
            self.assertTrue(applicant.linkedin_auto_match_blocked)
            self.assertIsNone(self.manual_match(applicant))
        self.assertTrue(jane.active and twin.active, "nothing is merged")

    def test_merge_then_disconnect_the_duplicate_scenario(self):
        jane = self.connected_jane()
        twin = self.connected_jane("Jane Twin")
        shared = self.activity("inmail-shared")
        only_twin = self.activity("note-twin", kind="note")
        self.imported_message(jane, shared)
        twin_copy = self.imported_message(twin, shared)
        self.imported_message(twin, only_twin)
        twin.message_post(body="Called her", subtype_xmlid="mail.mt_note")
        jane.message_post(body="Sent the test", subtype_xmlid="mail.mt_note")
        before = self.messages(jane) | self.messages(twin)

        wizard = self.disconnect_wizard(twin)
        self.assertEqual(wizard.duplicate_ids, jane)
        action = wizard.action_merge_then_disconnect()
        self.assertEqual(action["res_model"], "hr.applicant.merge")
        merge = self.env["hr.applicant.merge"].browse(action["res_id"])
        self.assertEqual(merge.primary_id, jane, "the oldest connected is kept")
        self.assertTrue(merge.disconnect_after)
        action = merge.with_user(self.recruiter).action_merge()

        self.assertEqual(
            (action["res_model"], action["res_id"]), (PERSON_MODEL, jane.id)
        )
        active = self.env[PERSON_MODEL].search([("email_normalized", "=", JANE_EMAIL)])
        self.assertEqual(active, jane, "one active applicant")
        self.assertFalse(twin.active, "the duplicate is archived, not deleted")
        self.assertFalse(jane.linkedin_connected)
        self.assertTrue(jane.linkedin_auto_match_blocked)
        self.assertFalse(twin.linkedin_connected)
        self.assertIsNone(self.manual_match(jane))
        self.assertIsNone(self.manual_match(twin))
        # every message is present exactly once on the kept applicant
        for activity in shared | only_twin:
            self.assertEqual(
                len(self.messages(jane, linkedin_activity_id=activity.id)), 1
            )
        self.assertFalse(before - twin_copy - self.messages(jane), "all moved")
        self.assertEqual(
            self.messages(twin) & before, twin_copy, "only the duplicate copy stays"
        )

    def test_linkedin_failure_keeps_the_local_disconnect_and_retries(self):
        jane = self.connected_jane()
        self.sandbox.admin.set_fault("atsCandidates", "malformed")

        action = self.disconnect_wizard(jane).action_disconnect()

        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("LinkedIn answered with something", action["params"]["message"])
        self.assertEqual(
            action["params"]["next"]["type"], "ir.actions.act_window_close"
        )
        self.assertFalse(jane.linkedin_connected, "the local disconnect holds")
        self.assertTrue(jane.linkedin_clear_pending)
        self.assertIn("will be asked again", jane.message_ids[0].body)
        self.assertEqual(self.manual_match(jane), JANE_URN)

        self.run_cron("ir_cron_linkedin_retry_pending_clears")
        self.assertTrue(jane.linkedin_clear_pending, "still failing: still pending")

        self.sandbox.admin.clear_faults()
        self.run_cron("ir_cron_linkedin_retry_pending_clears")
        self.assertFalse(jane.linkedin_clear_pending)
        self.assertIsNone(self.manual_match(jane))

    def test_reconnecting_cancels_a_pending_clear(self):
        jane = self.connected_jane()
        self.sandbox.admin.set_fault("atsCandidates", "malformed")
        self.disconnect_wizard(jane).action_disconnect()
        self.sandbox.admin.clear_faults()
        self.assertTrue(jane.linkedin_clear_pending)

        self.connect(jane)
        self.assertFalse(jane.linkedin_clear_pending)
        self.assertFalse(jane.linkedin_auto_match_blocked)
        self.assertEqual(self.env[PERSON_MODEL]._linkedin_retry_pending_clears(), 0)
        self.assertEqual(self.manual_match(jane), JANE_URN)

    def test_unknown_candidate_counts_as_cleared(self):
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        jane.linkedin_member_urn = JANE_URN  # never pushed to LinkedIn

        self.disconnect_wizard(jane).action_disconnect()

        self.assertFalse(jane.linkedin_clear_pending)

    def test_interviewer_cannot_disconnect(self):
        jane = self.connected_jane()
        applications_of(jane).interviewer_ids = self.interviewer
        with self.assertRaises(AccessError) as caught:
            jane.with_user(self.interviewer).action_linkedin_disconnect()
        self.assertIn("Only recruitment officers and managers", str(caught.exception))
        with self.assertRaises(AccessError):
            jane.with_user(self.interviewer)._linkedin_disconnect()
        self.assertTrue(jane.linkedin_connected)
        view = self.env["hr.applicant"].with_user(self.interviewer).get_view()
        self.assertNotIn("action_linkedin_disconnect", view["arch"])
        view = self.env["hr.applicant"].with_user(self.recruiter).get_view()
        self.assertIn("action_linkedin_disconnect", view["arch"])

    def test_not_connected_is_refused(self):
        applicant = self.create_applicant("Jane Doe", JANE_EMAIL)
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_disconnect()
        self.assertIn("is not connected", str(caught.exception))


@tagged("post_install", "-at_install")
class TestDisconnectThenSync(SyncCase, DisconnectCase):
    def test_rerun_of_the_sync_reconnects_nothing(self):
        jane = self.connected_jane()
        self.sandbox.admin.add_inmail(
            self.seats["alice"],
            JANE_URN,
            "SENT",
            body="Before",
            created_ms=self.now_ms() - 2 * HOUR_MS,
        )
        self.assertEqual(self.sync().status, "done")
        imported = self.linkedin_messages(jane)
        self.assertTrue(imported)

        self.disconnect_wizard(jane).action_disconnect()
        event = self.sandbox.admin.add_inmail(
            self.seats["alice"],
            JANE_URN,
            "RECEIVED",
            body="After",
        )
        run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        self.assertFalse(jane.linkedin_connected)
        self.assertTrue(jane.linkedin_auto_match_blocked)
        self.assertEqual(self.linkedin_messages(jane), imported, "old messages stay")
        self.assertFalse(
            self.env[PERSON_MODEL].search([("linkedin_member_urn", "=", JANE_URN)])
        )
        staged = self.env["linkedin.activity"].search(
            [("kind", "=", "inmail"), ("external_id", "=", str(event["id"]))]
        )
        self.assertTrue(staged, "the new InMail is staged")
        self.assertFalse(staged.message_ids, "but attached to nobody")
