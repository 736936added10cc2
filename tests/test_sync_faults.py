# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .sync_common import SyncCase


@tagged("post_install", "-at_install")
class TestSyncFaults(SyncCase):
    def setUp(self):
        super().setUp()
        self.backend.backfill_days = 25
        self.jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        self.ahmed = self.connected(
            "Ahmed Khan", "a.khan@example.net", self.members["ahmed_khan"]
        )
        self.since = self.backfill_start()

    def assert_complete(self):
        self.assertEqual(
            self.imported(self.jane), self.expected({self.jane_urn}, self.since)
        )
        self.assertEqual(
            self.imported(self.ahmed),
            self.expected({self.members["ahmed_khan"]}, self.since),
        )
        self.assertTrue(self.imported(self.jane))

    def seat_cursors(self):
        seats = self.env["linkedin.seat"].search(
            [("company_id", "=", self.company.id), ("state", "=", "active")]
        )
        return {seat.seat_urn: seat.linkedin_inmail_cursor_ms for seat in seats}

    def _stop_and_resume(self, kind):
        # Seats are synced in name order; the 60th conversationEvents call
        # falls in the second seat's windows (50 windows a seat).
        self.sandbox.admin.set_fault("conversationEvents", kind, after=60)

        run = self.sync()

        self.assertEqual(run.status, "partial")
        self.assertIn(kind, run.error)
        cursors = self.seat_cursors()
        self.assertTrue(any(cursors.values()), "finished seats keep their cursor")
        self.assertFalse(all(cursors.values()), "the stopped seat resumes later")
        self.sandbox.admin.clear_faults()

        resumed = self.sync()

        self.assertEqual(resumed.status, "done", resumed.error)
        self.assertTrue(all(self.seat_cursors().values()))
        self.assert_complete()

    def test_throttled_run_stops_cleanly_and_resumes(self):
        self._stop_and_resume("429")

    def test_server_error_stops_cleanly_and_resumes(self):
        self._stop_and_resume("503")

    def test_failure_before_anything_is_logged_failed(self):
        self.sandbox.admin.set_fault("seatsV2", "500")
        run = self.sync()
        self.assertEqual(run.status, "failed")
        self.assertIn("500", run.error)
        self.assertTrue(run.ended_at)

    def test_malformed_element_is_skipped_and_counted(self):
        event = self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "SENT", body="broken"
        )
        timeline = self.sandbox.store.events[self.seats["alice"]]
        stored = next(item for item in timeline.items if item["id"] == event["id"])
        del stored["author"], stored["direction"], stored["prospect"]

        run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(run.skipped_malformed, 1)
        self.assertTrue(self.imported(self.jane))

    def test_row_the_database_refuses_is_skipped_and_counted(self):
        self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "SENT", body="nul \x00 byte"
        )
        good = self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "SENT", body="fine"
        )

        run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(run.skipped_malformed, 1)
        self.assertTrue(self.message_of("inmail", good["id"], self.jane))

    def test_repeated_runs_converge_under_random_faults(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("linkedin_recruiter_connect.max_attempts", "3")
        params.set_param("linkedin_recruiter_connect.timeout", "2,0.15")
        admin = self.sandbox.admin
        for seed, kind in enumerate(("429", "500", "delay", "malformed")):
            admin.set_fault("*", kind, rate=0.05, seed=seed, delay=0.3, retry_after=0)
        statuses = []
        for _attempt in range(25):
            run = self.sync()
            statuses.append(run.status)
            if run.status == "done":
                break
        self.assertEqual(statuses[-1], "done", statuses)
        fired = sum(fault["fired"] for fault in admin.faults())
        self.assertGreater(fired, 10, "faults did fire")
        admin.clear_faults()
        self.sync()
        self.assert_complete()
        pairs = [
            (m.linkedin_activity_id.id, m.res_id)
            for m in self.linkedin_messages(self.jane)
            | self.linkedin_messages(self.ahmed)
        ]
        self.assertEqual(len(pairs), len(set(pairs)))
