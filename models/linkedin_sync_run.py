# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The run log of the scheduled import, and the cron that drives it.

The import itself is :mod:`import_engine`; a run is one backend's import up
to a fixed instant, done in slices. ``_cron_sync`` serves the companies in
turn, the one served longest ago first, so a backfill delays another company
by one slice at most; a slice reports its progress to the cron job in its
series' own way (``compat``) and, when it leaves work, triggers the cron
again at once. "Sync now" only queues a run for the cron.
"""

import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .. import compat, import_engine
from ..linkedin_recruiter_connect import budget

_logger = logging.getLogger(__name__)

# pg_try_advisory_lock(key, company_id): one run per company at a time.
LOCK_KEY = 0x4C524335
# A company is due when its last run started at least interval - slack ago.
DUE_SLACK_SECONDS = 60
# Runs in a row that must fail (or stop partway) before managers are alerted.
FAILURE_ALERT_RUNS = 3
COUNTERS = import_engine.COUNTERS


class LinkedInSyncRun(models.Model):
    """One import run for one company: what it did, what it cost, how it ended."""

    _name = "linkedin.sync.run"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "LinkedIn Recruiter Sync Run"
    _order = "started_at desc, id desc"
    _rec_name = "started_at"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, ondelete="cascade", index=True
    )
    started_at = fields.Datetime(required=True, readonly=True, index=True)
    ended_at = fields.Datetime(readonly=True)
    duration = fields.Float(
        string="Duration (s)", compute="_compute_duration", digits=(16, 1)
    )
    status = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("partial", "Partial"),
            ("failed", "Failed"),
        ],
        required=True,
        default="running",
        readonly=True,
    )
    trigger = fields.Selection(
        [("cron", "Scheduled"), ("manual", "Manual")],
        required=True,
        default="manual",
        readonly=True,
    )
    fetched = fields.Integer(readonly=True, help="Elements received from LinkedIn.")
    created = fields.Integer(readonly=True, help="Chatter messages created.")
    updated = fields.Integer(readonly=True, help="Chatter messages updated.")
    deleted = fields.Integer(readonly=True, help="Chatter messages removed.")
    staged = fields.Integer(readonly=True, help="New staged activity rows.")
    dropped = fields.Integer(
        readonly=True, help="Elements of another contract, never imported."
    )
    skipped_malformed = fields.Integer(
        readonly=True, help="Elements that could not be read or stored."
    )
    api_calls = fields.Integer(string="API Calls", readonly=True)
    error = fields.Text(readonly=True)
    slices = fields.Integer(
        readonly=True, help="Time slices the run has taken so far (see README)."
    )
    last_slice_at = fields.Datetime(
        string="Last Slice On", readonly=True, help="When a slice last ended."
    )
    windows_planned = fields.Integer(
        readonly=True, help="Time windows the run fetches from LinkedIn in all."
    )
    windows_done = fields.Integer(readonly=True, help="Time windows imported.")
    active_seconds = fields.Float(
        string="Working Time (s)",
        readonly=True,
        digits=(16, 1),
        help="Time spent in slices, without the pauses between them.",
    )
    progress = fields.Char(compute="_compute_progress")
    target_ms = fields.Float(
        string="Imports Up To (epoch ms)",
        digits=(16, 0),
        readonly=True,
        help="The instant the run imports up to, fixed by its first slice.",
    )

    @api.depends("started_at", "ended_at")
    def _compute_duration(self):
        for run in self:
            if run.started_at and run.ended_at:
                run.duration = (run.ended_at - run.started_at).total_seconds()
            else:
                run.duration = 0.0

    @api.depends("status", "windows_planned", "windows_done", "active_seconds")
    def _compute_progress(self):
        for run in self:
            run.progress = run._progress_text()

    def _progress_text(self):
        if self.status == "queued":
            return _("Waiting for the scheduler")
        if not self.windows_planned:
            return False
        done, planned = f"{self.windows_done:,}", f"{self.windows_planned:,}"
        text = _("%(done)s of %(planned)s windows", done=done, planned=planned)
        left = self.windows_planned - self.windows_done
        if self.status != "running" or not left or not self.windows_done:
            return text
        minutes = -(-self.active_seconds * left // self.windows_done // 60)
        return _(
            "%(progress)s, about %(minutes)s min left",
            progress=text,
            minutes=int(max(minutes, 1)),
        )

    # -- entry points ----------------------------------------------------------

    @api.model
    def _cron_sync(self):
        """ir.cron entry point: one slice of work, then report what is left.

        Serves the companies with a queued or unfinished run, or due at their
        backend's own ``sync_interval``, the one served longest ago first,
        until the slice's time is up. The slice's time counts from the start
        of the cron job, which 18.0 and 19.0 run several times in a row while
        it reports progress (see ``compat.cron_seconds``). Progress is
        reported in time windows (a company not reached counts one); when
        work is left the cron is triggered to run again at once
        (``compat.cron_continue``). Never writes the ir.cron record.
        """
        seconds = compat.cron_seconds(self.env, import_engine.slice_seconds(self.env))
        deadline = budget.Deadline(seconds or 0.0)
        left = 0
        for index, company in enumerate(self._companies_in_turn()):
            if seconds is None or (index and deadline.expired()):
                left += self._work_left(company)
                continue
            run = self._sync_company(company, "cron", deadline)
            if run and run.status == "running":
                left += run._windows_left()
        compat.cron_continue(
            self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync"), left
        )

    @api.model
    def _work_left(self, company):
        """What ``company`` has left to import, in windows: those of its
        unfinished run, one when its run has not planned them yet."""
        run = self.sudo().search(
            [("company_id", "=", company.id), ("status", "=", "running")], limit=1
        )
        return run._windows_left() if run else 1

    def _windows_left(self):
        """The run's windows still to import (at least one while it runs)."""
        return max(self.windows_planned - self.windows_done, 1)

    @api.model
    def _companies_in_turn(self):
        """Companies with work to do now, the one served longest ago first."""
        backends = self.env["linkedin.backend"].sudo().search([("enabled", "=", True)])
        turns = []
        for backend in backends:
            company = backend.company_id
            if backend._missing_settings():
                _logger.info("LinkedIn sync: %s is not fully configured", company.name)
                continue
            last = self.sudo().search([("company_id", "=", company.id)], limit=1)
            if last.status in ("queued", "running") or self._is_due(backend, last):
                served = last.last_slice_at or last.started_at
                turns.append(((bool(last), served or 0, company.id), company))
        return [company for _key, company in sorted(turns, key=lambda t: t[0])]

    def action_sync_now(self):
        """Queue a sync of the current company (settings and run list button).

        The import never runs in the request: the cron is triggered and the
        run list shows its progress.
        """
        if not self.env.user.has_group("hr_recruitment.group_hr_recruitment_manager"):
            raise AccessError(
                _("Only recruitment managers can start a LinkedIn Recruiter sync.")
            )
        company = self.env.company
        company.linkedin_backend_id._check_ready()
        Run = self.sudo()
        run = Run.search(
            [("company_id", "=", company.id), ("status", "in", ("queued", "running"))],
            limit=1,
        )
        if run:
            message = _(
                "A LinkedIn Recruiter sync of %(company)s is already under way "
                "(%(progress)s).",
                company=company.name,
                progress=run.progress or run.status,
            )
        else:
            Run.with_context(mail_create_nolog=True).create(
                {
                    "company_id": company.id,
                    "started_at": fields.Datetime.now(),
                    "trigger": "manual",
                    "status": "queued",
                }
            )
            self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync")._trigger()
            message = _(
                "A LinkedIn Recruiter sync of %(company)s starts in a moment; "
                "Sync Runs shows its progress.",
                company=company.name,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("LinkedIn Recruiter sync"),
                "message": message,
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _is_due(self, backend, last):
        """Whether ``backend``, whose company's latest run is ``last``, is due
        a sync."""
        if not last:
            return True
        elapsed = (fields.Datetime.now() - last.started_at).total_seconds()
        return elapsed >= backend.sync_interval * 60 - DUE_SLACK_SECONDS

    @api.model
    def _sync_company(self, company, trigger, deadline=None):
        """Work on ``company``'s run until it ends or ``deadline`` expires.

        Continues the company's queued or unfinished run, else starts one.
        Returns the run (``running`` when the deadline stopped it), or None
        when another slice of the company holds its lock.
        """
        cr = self.env.cr
        cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (LOCK_KEY, company.id))
        if not cr.fetchone()[0]:
            _logger.info("LinkedIn sync of %s already running; skipped", company.name)
            return None
        try:
            run = self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("status", "in", ("queued", "running")),
                ],
                limit=1,
            ) or self.sudo().with_context(mail_create_nolog=True).create(
                {
                    "company_id": company.id,
                    "started_at": fields.Datetime.now(),
                    "trigger": trigger,
                }
            )
            if run.status == "queued":
                run.write({"status": "running", "started_at": fields.Datetime.now()})
            else:
                run.status = "running"
            run._commit()
            run._execute(deadline or budget.Deadline(None))
            return run
        finally:
            cr.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_KEY, company.id))

    # -- the log of a run --------------------------------------------------------

    def _execute(self, deadline):
        """One slice of the import engine, logged on this run.

        Counters add up over slices; the run stays ``running`` when the
        deadline stopped the slice.
        """
        self.ensure_one()
        backend = self.company_id.sudo().linkedin_backend_id
        if not self.target_ms:
            self.target_ms = import_engine.now_ms()
        base = {name: self[name] for name in COUNTERS}
        base["windows_done"] = self.windows_done
        engine = import_engine.ImportEngine(
            backend,
            self.target_ms,
            deadline,
            lambda result: self._checkpoint(base, result),
        )
        try:
            result = engine.run()
        except Exception as error:
            self._fail_hard(error)
            raise
        self._log_slice(base, result)
        if result.status != "running":
            self._update_health_alert(backend.company_id)
        self._commit()

    def _checkpoint(self, base, result):
        """A batch is saved: log it on the run and report it to the cron job
        (committed with the batch; on 19.0 ``_commit_progress`` commits)."""
        before = self.windows_done
        self._log_progress(base, result)
        if result.windows_left is not None:
            compat.cron_progress(
                self.env,
                self.windows_done - before,
                max(result.windows_left - result.windows_done, 0),
            )

    def _log_progress(self, base, result):
        """The run's counters: those before this slice plus the slice's."""
        values = {name: base[name] + result.counts[name] for name in COUNTERS}
        values["windows_done"] = base["windows_done"] + result.windows_done
        self.write(values)

    def _log_slice(self, base, result):
        """Add a slice's result to the run; a final status ends the run."""
        self._log_progress(base, result)
        values = {
            "slices": self.slices + 1,
            "last_slice_at": fields.Datetime.now(),
            "active_seconds": self.active_seconds + result.seconds,
            "api_calls": self.api_calls + result.api_calls,
            "status": result.status,
        }
        if result.windows_left is not None:
            values["windows_planned"] = base["windows_done"] + result.windows_left
        if result.status != "running":
            values.update(error=result.error, ended_at=fields.Datetime.now())
        self.write(values)

    def _update_health_alert(self, company):
        """Alert recruitment managers when runs keep failing; close it on recovery.

        After FAILURE_ALERT_RUNS failed or partial runs in a row, the latest
        run gets one to-do per manager (once per streak); the next successful
        run marks open alerts done.
        """
        runs = self.sudo().search(
            [("company_id", "=", company.id), ("status", "!=", "running")],
            limit=FAILURE_ALERT_RUNS,
        )
        alerted = self.sudo().search(
            [("company_id", "=", company.id), ("activity_ids", "!=", False)]
        )
        if runs[:1].status == "done":
            alerted.activity_feedback(
                ["mail.mail_activity_data_todo"],
                feedback=_("The LinkedIn Recruiter sync works again."),
            )
            return
        failing = len(runs) == FAILURE_ALERT_RUNS and all(
            run.status in ("failed", "partial") for run in runs
        )
        if not failing or alerted:
            return
        company._linkedin_todo_for_managers(
            runs[0],
            _("LinkedIn Recruiter sync keeps failing"),
            _(
                "The last %(count)s LinkedIn Recruiter syncs of %(company)s "
                "failed or stopped early. Latest error: %(error)s",
                count=FAILURE_ALERT_RUNS,
                company=company.name,
                error=runs[0].error or _("none recorded"),
            ),
        )

    def _fail_hard(self, error):
        """An unexpected error: keep committed batches, log the run failed."""
        if not import_engine.auto_commit():
            return
        self.env.cr.rollback()
        self.write(
            {
                "status": "failed",
                "error": f"{type(error).__name__}: {error}",
                "ended_at": fields.Datetime.now(),
            }
        )
        self._commit()

    def _commit(self):
        """Commit the run's state, except in tests (they share one cursor)."""
        if import_engine.auto_commit():
            # A run's progress must survive a kill of the worker.
            self.env.cr.commit()  # pylint: disable=invalid-commit
