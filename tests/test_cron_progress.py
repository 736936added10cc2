# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import time
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .. import compat
from ..import_engine import SLICE_SECONDS_PARAM
from .sync_common import SyncCase


@tagged("post_install", "-at_install")
class TestCronProgress(SyncCase):
    """The import cron reports its progress through its series' own cron API
    and counts its slice from the start of the cron job.

    The job runs as a cron worker runs it (acquire, run, reschedule), in the
    test's transaction. No applicant is needed: the import stages what it
    fetches, so these tests run on 18.0 too.
    """

    def setUp(self):
        super().setUp()
        self.cron = self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync")

    # -- helpers ----------------------------------------------------------------

    @contextlib.contextmanager
    def registry_test_mode(self):
        """New cursors of the registry wrap the test's cursor."""
        if hasattr(self, "enter_registry_test_mode"):  # 19.0
            with self.enter_registry_test_mode():
                yield
            return
        self.env.flush_all()
        self.registry.enter_test_mode(self.cr)
        try:
            yield
        finally:
            self.registry.leave_test_mode()
            self.env.invalidate_all()

    def run_cron_job(self):
        """One run of the import cron's job, as a cron worker does it."""
        # After a job the runner deletes the triggers older than its
        # transaction's start, here the test's; trigger times have whole
        # seconds, so a job in that very second would lose its "again at
        # once" (a real continuation comes after a whole slice, never then).
        while fields.Datetime.now() <= self.env.cr.now():
            time.sleep(0.05)
        self.cron.nextcall = fields.Datetime.now() - timedelta(hours=1)
        IrCron = self.registry["ir.cron"]
        with self.registry_test_mode(), self.registry.cursor() as cr:
            if compat.SERIES >= (19, 0):
                IrCron._process_jobs_loop(cr, job_ids=[self.cron.id])
                return
            job_ids = (self.cron.id,) if compat.SERIES < (18, 0) else self.cron.id
            job = IrCron._acquire_one_job(cr, job_ids)
            self.assertTrue(job, "the cron job is ready")
            IrCron._process_job(self.registry.db_name, cr, job)

    def progress_rows(self):
        if compat.SERIES < (18, 0):
            return None
        return self.env["ir.cron.progress"].search(
            [("cron_id", "=", self.cron.id)], order="id"
        )

    def triggers(self):
        return self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )

    def company_run(self):
        return self.Run.search([("company_id", "=", self.company.id)])

    # -- tests ------------------------------------------------------------------

    def test_a_backfill_goes_on_job_after_job_reporting_its_progress(self):
        # Every slice stops after its first saved batch.
        self.env["ir.config_parameter"].sudo().set_param(SLICE_SECONDS_PARAM, "0.001")
        progress_before = self.progress_rows()
        triggers = self.triggers()

        self.run_cron_job()

        run = self.company_run()
        self.assertEqual(len(run), 1)
        self.assertEqual(run.status, "running", run.error)
        self.assertEqual(
            run.slices, 1, "one slice per job: its time counts from the job's start"
        )
        self.assertGreater(run.windows_done, 0)
        left = run.windows_planned - run.windows_done
        self.assertGreater(left, 0)
        self.assertGreater(self.triggers(), triggers, "the cron runs again at once")
        if compat.SERIES >= (18, 0):
            rows = self.progress_rows() - progress_before
            self.assertEqual(
                [(row.done, row.remaining) for row in rows],
                [(run.windows_done, left), (0, left)],
                "the job called the import again; the job's time was spent, "
                "so it did nothing and the job ended",
            )

        first = (run.id, run.windows_done)
        self.run_cron_job()

        self.assertEqual(self.company_run(), run, "the next job continues the run")
        self.assertEqual(run.slices, 2)
        self.assertGreater(run.windows_done, first[1])
        if compat.SERIES >= (18, 0):
            rows = self.progress_rows() - progress_before
            self.assertEqual(len(rows), 4)
            self.assertEqual(rows[2].done, run.windows_done - first[1])

        for _index in range(50):
            if run.status != "running":
                break
            self.run_cron_job()
        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(run.windows_done, run.windows_planned)
        if compat.SERIES >= (18, 0):
            last = self.progress_rows()[-1]
            self.assertEqual(last.remaining, 0, "the last job says nothing is left")
            self.assertGreater(last.done, 0)
        triggers = self.triggers()
        self.run_cron_job()
        self.assertEqual(self.triggers(), triggers, "nothing left: no trigger")

    def test_a_company_not_reached_is_work_left(self):
        self.env["ir.config_parameter"].sudo().set_param(SLICE_SECONDS_PARAM, "0.001")
        self.configure_other_company()
        progress_before = self.progress_rows()

        self.run_cron_job()

        run = self.Run.search([])
        self.assertEqual(run.company_id, self.company, "the slice ended after it")
        self.assertEqual(run.status, "running", run.error)
        if compat.SERIES >= (18, 0):
            rows = self.progress_rows() - progress_before
            self.assertEqual(
                rows[0].remaining,
                run.windows_planned - run.windows_done + 1,
                "the windows left and the company not reached",
            )

        self.run_cron_job()

        self.assertEqual(
            self.Run.search([]).company_id,
            self.company | self.other_company,
            "the company served longest ago goes first",
        )

    def test_the_budget_counts_from_the_job_start(self):
        if compat.SERIES < (18, 0):
            # 17.0 calls a job's code once per run: every call has it all
            env = self.env(context=dict(self.env.context, cron_id=self.cron.id))
            self.assertEqual(compat.cron_seconds(env, 0.005), 0.005)
            time.sleep(0.01)
            self.assertEqual(compat.cron_seconds(env, 0.005), 0.005)
            return

        def first_call(cr, seconds):
            context = {"cron_id": self.cron.id}
            if compat.SERIES >= (19, 0):
                context["cron_end_time"] = time.monotonic() + 10
            cron = self.cron.with_env(self.cron.env(cr=cr, context=context))
            job, _progress = cron._add_progress()
            return cron, compat.cron_seconds(job.env, seconds)

        def next_call(cron, seconds):
            # The job calls its code again: a new progress, the same cursor.
            job, _progress = cron._add_progress()
            return compat.cron_seconds(job.env, seconds)

        with self.registry_test_mode(), self.registry.cursor() as cr:
            cron, seconds = first_call(cr, 0.005)
            self.assertGreater(seconds, 0)
            time.sleep(0.01)
            self.assertIsNone(next_call(cron, 0.005), "the job's time is spent")
            self.assertIsNone(next_call(cron, 3600), "the first call set it")
        # Another job (another cursor) starts afresh.
        with self.registry_test_mode(), self.registry.cursor() as cr:
            cron, seconds = first_call(cr, 3600)
            if compat.SERIES >= (19, 0):
                self.assertLessEqual(seconds, 10, "Odoo's time for one job")
            else:
                self.assertEqual(seconds, 3600)
            left = next_call(cron, 3600)
            self.assertLess(left, seconds)
            self.assertGreater(left, seconds - 60)

    def test_outside_a_cron_job(self):
        self.assertEqual(compat.cron_seconds(self.env, 30.0), 30.0)
        triggers = self.triggers()
        compat.cron_continue(self.cron, 0)
        self.assertEqual(self.triggers(), triggers)
        compat.cron_continue(self.cron, 3)
        self.assertEqual(self.triggers(), triggers + 1)
