# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.tests import tagged

from ..import_engine import SLICE_SECONDS_PARAM
from .common import PERSON_MODEL
from .sync_common import SyncCase


@tagged("post_install", "-at_install")
class TestSyncSlices(SyncCase):
    """The cron imports in time slices that resume the same run."""

    def setUp(self):
        super().setUp()
        self.cron = self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync")

    def short_slices(self):
        """Every slice stops after its first saved batch."""
        self.env["ir.config_parameter"].sudo().set_param(SLICE_SECONDS_PARAM, "0.001")

    def triggers(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )

    def slice_until_done(self, limit=50):
        """Run the cron until the company's run ends; return (run, progress
        texts seen while it was running)."""
        seen = []
        for _index in range(limit):
            self.Run._cron_sync()
            run = self.Run.search([("company_id", "=", self.company.id)], limit=1)
            if run.status != "running":
                return run, seen
            seen.append(run.progress)
        self.fail(f"the run did not finish in {limit} slices")

    def test_a_long_import_is_one_run_over_several_slices(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        john = self.connected(
            "John Smith", "john@x.example", self.members["john_smith"]
        )
        self.short_slices()
        triggers = self.triggers()

        self.Run._cron_sync()

        run = self.Run.search([("company_id", "=", self.company.id)])
        self.assertEqual(run.status, "running", run.error)
        self.assertEqual(run.slices, 1)
        self.assertFalse(run.ended_at)
        self.assertGreater(self.triggers(), triggers, "the cron triggers itself again")
        self.assertRegex(
            run.progress, r"^[\d,]+ of [\d,]+ windows, about \d+ min left$"
        )
        self.assertLess(run.windows_done, run.windows_planned)

        run, seen = self.slice_until_done()

        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(self.Run.search([("company_id", "=", self.company.id)]), run)
        self.assertGreater(run.slices, 2)
        self.assertEqual(run.windows_done, run.windows_planned)
        self.assertTrue(all(text for text in seen))
        since = self.backfill_start()
        self.assertEqual(self.imported(jane), self.expected({self.jane_urn}, since))
        self.assertEqual(
            self.imported(john), self.expected({self.members["john_smith"]}, since)
        )
        self.assertFalse(run.activity_ids, "a normal backfill in slices alerts nobody")

    def test_sliced_chatter_equals_a_single_run(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        self.sync()
        whole = self.chatter(jane)
        self.env["mail.message"].search(
            [("model", "=", PERSON_MODEL), ("linkedin_activity_id", "!=", False)]
        ).unlink()
        self.env["linkedin.activity"].search([]).unlink()
        self.env["linkedin.seat"].search([]).write({"linkedin_inmail_cursor_ms": 0})
        self.backend.contract_ids.notes_cursor_ms = 0
        self.Run.search([]).unlink()
        self.short_slices()

        run, _seen = self.slice_until_done()

        self.assertEqual(run.status, "done", run.error)
        self.assertGreater(run.slices, 1)
        self.assertEqual(self.chatter(jane), whole)

    def chatter(self, applicant):
        return sorted(
            (
                m.linkedin_activity_id.kind,
                m.linkedin_activity_id.external_id,
                m.date,
                m.message_type,
                m.author_id.id,
                m.body,
            )
            for m in self.linkedin_messages(applicant)
        )

    def test_a_killed_slice_is_continued_not_failed(self):
        self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        # What a worker killed mid-slice leaves: a running run, no lock held.
        run = self.Run.create(
            {
                "company_id": self.company.id,
                "started_at": fields.Datetime.now(),
                "trigger": "cron",
                "status": "running",
                "slices": 1,
            }
        )

        self.Run._cron_sync()

        self.assertEqual(self.Run.search([("company_id", "=", self.company.id)]), run)
        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(run.slices, 2)

    def test_companies_take_turns(self):
        other = self.other_company
        self.configure_other_company()
        now = fields.Datetime.now()
        backfill = self.Run.create(
            {
                "company_id": self.company.id,
                "started_at": now,
                "last_slice_at": now,
                "trigger": "cron",
                "status": "running",
            }
        )
        self.assertEqual(self.Run._companies_in_turn(), [other, self.company])
        self.Run.create(
            {
                "company_id": other.id,
                "started_at": now,
                "last_slice_at": now,
                "trigger": "cron",
                "status": "done",
            }
        )
        self.assertEqual(
            self.Run._companies_in_turn(),
            [self.company],
            "the other company is not due; the unfinished run goes on",
        )
        backfill.status = "done"
        self.assertEqual(self.Run._companies_in_turn(), [])
