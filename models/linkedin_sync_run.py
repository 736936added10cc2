# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scheduled import of InMails and Recruiter Notes, and its run log.

How a run stays exactly-once and resumable:

- Per seat (conversationEvents) and per contract (prospectNotes) it walks
  windows of at most 12 hours from a stored cursor to now, starting a few
  minutes before the cursor (``CURSOR_OVERLAP_MS``) so late-indexed events are
  seen; re-fetched rows are recognised by external id and change nothing.
- Windows are fetched a few at a time on threads (``FETCH_WORKERS`` clients;
  HTTP and parsing only, no ORM; see ``fetching``) and handed back in planned
  order: the import only ever saves the contiguous windows that follow the
  cursor, never one past a window still in flight or failed.
- Fetched windows are buffered; a buffer is staged (``linkedin.activity``),
  attached to connected applicants and the cursor moved to the end of its last
  window in one transaction, committed outside tests. A kill loses at most the
  uncommitted buffer, which the next run fetches again from the cursor.
- 429, 5xx and timeouts (after the client's own bounded retries) stop the run:
  what was fetched before is committed, the run is logged ``partial`` (or
  ``failed`` when nothing was done) with the error, and the next run resumes.
- A malformed element is skipped and counted. A malformed page (truncated
  JSON) cannot be split into rows: its window is fetched again at once, and if
  it stays malformed the run stops like a 5xx and resumes from the cursor.

How it fits Odoo's worker limits: the cron works in slices (see ``budget``).
A slice stops between two batches once its time is up, commits and triggers
the cron again at once; the run stays ``running`` and the next slice resumes
it from the cursors, so a long first import is one run with its progress. A
slice killed anyway (a stuck call) loses only its uncommitted batch: the next
slice continues the same run. Companies take turns, the one served longest
ago first, so a backfill delays another company by one slice at most.
"Sync now" only queues a run for the cron.
"""

import contextlib
import logging
import threading
import time
from collections import defaultdict, namedtuple

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import config

from ..linkedin_recruiter_connect import budget, errors, fetching, windows

_logger = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000
CURSOR_OVERLAP_MS = 5 * 60 * 1000
# Rows buffered before a batch is staged, attached and committed.
BATCH_ROWS = 2000
# Windows buffered at most per batch, so a quiet backfill still commits.
BATCH_WINDOWS = 200
# Clients fetching windows at the same time: LinkedIn answers each call in
# about 150 ms, so the import waits on the network, not on this process.
FETCH_WORKERS = 8
# pg_try_advisory_lock(key, company_id): one run per company at a time.
LOCK_KEY = 0x4C524335
# Overrides the slice length computed from Odoo's limits (seconds).
SLICE_SECONDS_PARAM = "linkedin_recruiter_connect.slice_seconds"
# A company is due when its last run started at least interval - slack ago.
DUE_SLACK_SECONDS = 60
# Runs in a row that must fail (or stop partway) before managers are alerted.
FAILURE_ALERT_RUNS = 3
COUNTERS = (
    "fetched",
    "created",
    "updated",
    "deleted",
    "staged",
    "dropped",
    "skipped_malformed",
)

# One cursor's work: ``task(window)`` is the fetching task (see
# ``fetching``) of a window; ``save(items, end_ms, counts)`` stages a batch
# and moves the cursor; ``windows`` are planned.
_Stream = namedtuple("_Stream", "task save windows")


class _Batch:
    """Consecutive fetched windows of one stream, saved together."""

    def __init__(self, stream):
        self.stream = stream
        self.items = []
        self.windows = 0
        self.end_ms = None

    def add(self, items, end_ms):
        self.items.extend(items)
        self.windows += 1
        self.end_ms = end_ms

    def full(self):
        return len(self.items) >= BATCH_ROWS or self.windows >= BATCH_WINDOWS


def _now_ms():
    return int(time.time() * 1000)


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
        """ir.cron entry point: one slice of work, then trigger itself again.

        Serves the companies with a queued or unfinished run, or due at their
        own ``linkedin_sync_interval``, the one served longest ago first,
        until the slice's time is up. When work is left (a run to continue,
        a company not reached), the cron is triggered to run again at once.
        Never writes the ir.cron record.
        """
        deadline = budget.Deadline(self._slice_seconds())
        more = False
        for index, company in enumerate(self._companies_in_turn()):
            if index and deadline.expired():
                more = True
                break
            run = self._linkedin_sync_company(company, "cron", deadline)
            more = more or bool(run and run.status == "running")
        if more:
            self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync")._trigger()

    @api.model
    def _slice_seconds(self):
        """How long this cron slice may work, from Odoo's limits (see budget)."""
        forced = self.env["res.company"]._linkedin_param(SLICE_SECONDS_PARAM, float)
        if forced:
            return forced
        started = getattr(threading.current_thread(), "start_time", None)
        return budget.slice_seconds(
            budget.wall_limit(
                config["limit_time_real"], config["limit_time_real_cron"]
            ),
            budget.cpu_left(config["limit_time_cpu"]),
            time.time() - started if started else None,
        )

    @api.model
    def _companies_in_turn(self):
        """Companies with work to do now, the one served longest ago first."""
        companies = (
            self.env["res.company"].sudo().search([("linkedin_enabled", "=", True)])
        )
        turns = []
        for company in companies:
            if company._linkedin_missing_settings():
                _logger.info("LinkedIn sync: %s is not fully configured", company.name)
                continue
            last = self.sudo().search([("company_id", "=", company.id)], limit=1)
            if last.status in ("queued", "running") or self._linkedin_is_due(
                company, last
            ):
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
        company._linkedin_check_ready()
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
    def _linkedin_is_due(self, company, last):
        """Whether ``company``, whose latest run is ``last``, is due a sync."""
        if not last:
            return True
        elapsed = (fields.Datetime.now() - last.started_at).total_seconds()
        return elapsed >= company.linkedin_sync_interval * 60 - DUE_SLACK_SECONDS

    @api.model
    def _linkedin_sync_company(self, company, trigger, deadline=None):
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
            run._linkedin_commit()
            run._linkedin_execute(company.sudo(), deadline or budget.Deadline(None))
            return run
        finally:
            cr.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_KEY, company.id))

    # -- the run ---------------------------------------------------------------

    def _linkedin_execute(self, company, deadline):
        """One slice: fetch, stage and attach what is new since the cursors.

        Stops between two batches once ``deadline`` expires: the run then
        stays ``running`` for the next slice. Counters add up over slices.
        """
        self.ensure_one()
        counts = defaultdict(int, {name: self[name] for name in COUNTERS})
        started = time.monotonic()
        status, error_text = "done", False
        # The run's client and fetcher, closed at the end; their calls count.
        callers = []
        try:
            client = company._linkedin_client()
            callers.append(client)
            seats = company._linkedin_sync_seats(client).filtered(
                lambda seat: seat.state == "active"
            )
            if not self.target_ms:
                self.target_ms = _now_ms()
            target_ms = int(self.target_ms)
            streams = [
                self._linkedin_seat_stream(company, seat, target_ms) for seat in seats
            ]
            streams.append(self._linkedin_notes_stream(company, target_ms))
            # The stream furthest behind first: every slice moves it forward.
            streams.sort(key=lambda stream: stream.windows[:1])
            self.windows_planned = self.windows_done + sum(
                len(stream.windows) for stream in streams
            )
            fetcher = self._linkedin_fetcher(company)
            callers.append(fetcher)
            if self._linkedin_walk(fetcher, streams, counts, deadline):
                self.env["linkedin.activity"]._linkedin_purge_unclaimed(company)
            else:
                status = "running"
        except (
            errors.RetryableError,
            errors.ThrottledError,
            errors.BadResponseError,
        ) as error:
            progressed = any(counts[name] for name in COUNTERS)
            status, error_text = ("partial" if progressed else "failed"), str(error)
            _logger.warning("LinkedIn sync of %s stopped: %s", company.name, error)
        except (errors.LinkedInError, UserError) as error:
            status, error_text = "failed", str(error)
            _logger.warning("LinkedIn sync of %s failed: %s", company.name, error)
        except Exception as error:
            self._linkedin_close(callers)
            self._linkedin_fail_hard(error)
            raise
        self._linkedin_close(callers)
        self._linkedin_end_slice(started, callers)
        self._linkedin_write_counts(counts, status, error_text)
        if status != "running":
            self._linkedin_update_health_alert(company)
        self._linkedin_commit()

    def _linkedin_end_slice(self, started, callers):
        """Add this slice's time and calls to the run."""
        self.write(
            {
                "slices": self.slices + 1,
                "last_slice_at": fields.Datetime.now(),
                "active_seconds": self.active_seconds + time.monotonic() - started,
                "api_calls": self.api_calls + sum(c.calls for c in callers),
            }
        )

    def _linkedin_update_health_alert(self, company):
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

    def _linkedin_fail_hard(self, error):
        """An unexpected error: keep committed batches, log the run failed."""
        if not self._linkedin_auto_commit():
            return
        self.env.cr.rollback()
        self._linkedin_write_counts(
            defaultdict(int, {name: self[name] for name in COUNTERS}),
            "failed",
            f"{type(error).__name__}: {error}",
        )
        self._linkedin_commit()

    @staticmethod
    def _linkedin_close(callers):
        """Close the run's fetcher and client (the fetcher counts on close)."""
        for caller in reversed(callers):
            caller.close()

    def _linkedin_write_counts(self, counts, status=None, error_text=False):
        """Store the counters; with a final ``status``, end the run."""
        values = {name: counts[name] for name in COUNTERS}
        if status == "running":
            values["status"] = status
        elif status is not None:
            values.update(
                status=status, error=error_text, ended_at=fields.Datetime.now()
            )
        self.write(values)

    @api.model
    def _linkedin_fetcher(self, company):
        """A fetcher of ``company``'s windows with FETCH_WORKERS clients."""
        clients = []
        try:
            for _index in range(FETCH_WORKERS):
                clients.append(company._linkedin_client())
        except Exception:
            for client in clients:
                client.close()
            raise
        return fetching.ThreadFetcher(clients)

    def _linkedin_plan(self, cursor_ms, company, target_ms):
        """The windows from a stream's cursor to the run's target instant.

        A stream already at the target has none (it is done for this run);
        otherwise it starts CURSOR_OVERLAP_MS before its cursor, or at the
        backfill horizon on the first import.
        """
        if cursor_ms and cursor_ms >= target_ms:
            return []
        if cursor_ms:
            start = int(cursor_ms) - CURSOR_OVERLAP_MS
        else:
            start = target_ms - company.linkedin_backfill_days * DAY_MS
        return windows.plan_windows(start, target_ms)

    def _linkedin_seat_stream(self, company, seat, target_ms):
        """conversationEvents of one seat, window by window, from its cursor."""
        seat_urn, member_urn = seat.seat_urn, seat.member_urn or None

        def task(window):
            return "inmail_events", (seat_urn, *window, member_urn)

        def save(items, end_ms, counts):
            self._linkedin_stage(company, "inmail", items, counts)
            seat.linkedin_inmail_cursor_ms = end_ms

        return _Stream(
            task,
            save,
            self._linkedin_plan(seat.linkedin_inmail_cursor_ms, company, target_ms),
        )

    def _linkedin_notes_stream(self, company, target_ms):
        """prospectNotes of the contract, window by window, from its cursor."""
        contract_urn = company.linkedin_contract_urn

        def task(window):
            return "prospect_notes", (contract_urn, *window)

        def save(items, end_ms, counts):
            self._linkedin_stage(company, "note", items, counts)
            company.linkedin_notes_cursor_ms = end_ms

        return _Stream(
            task,
            save,
            self._linkedin_plan(company.linkedin_notes_cursor_ms, company, target_ms),
        )

    def _linkedin_walk(self, fetcher, streams, counts, deadline):
        """Fetch every stream's windows; save and commit them in batches.

        A batch holds consecutive windows of one stream, at most BATCH_ROWS
        rows or BATCH_WINDOWS windows. On a LinkedIn error the windows
        fetched before the failed one are still saved, then it propagates.
        Returns False when ``deadline`` stopped it after a saved batch (the
        windows in flight are dropped and fetched again next slice), True
        when every window was saved.
        """
        jobs = (
            ((stream, window), stream.task(window))
            for stream in streams
            for window in stream.windows
        )
        batch = _Batch(None)
        with contextlib.closing(fetcher.in_order(jobs)) as outcomes:
            for (stream, window), outcome in outcomes:
                if stream is not batch.stream:
                    if self._linkedin_save(batch, counts) and deadline.expired():
                        return False
                    batch = _Batch(stream)
                if isinstance(outcome, Exception):
                    if isinstance(outcome, errors.LinkedInError):
                        self._linkedin_save(batch, counts)
                    raise outcome
                items, skipped = outcome
                for error in skipped:
                    _logger.warning("Skipping a malformed LinkedIn element: %s", error)
                counts["skipped_malformed"] += len(skipped)
                batch.add(items, window[1])
                if batch.full():
                    self._linkedin_save(batch, counts)
                    if deadline.expired():
                        return False
                    batch = _Batch(stream)
        self._linkedin_save(batch, counts)
        return True

    def _linkedin_save(self, batch, counts):
        """Save a batch (stage, attach, move the cursor) and commit it;
        return whether there was anything to save."""
        if not batch.windows:
            return False
        batch.stream.save(batch.items, batch.end_ms, counts)
        self.windows_done += batch.windows
        self._linkedin_write_counts(counts)
        self._linkedin_commit()
        return True

    @api.model
    def _linkedin_stage(self, company, kind, items, counts):
        """Stage fetched items of the company's contract and attach them."""
        Activity = self.env["linkedin.activity"]
        seats = {seat.seat_urn: seat for seat in company.linkedin_seat_ids}
        contract = company.linkedin_contract_urn
        convert = (
            Activity._linkedin_values_from_event
            if kind == "inmail"
            else Activity._linkedin_values_from_note
        )
        values_list = []
        for item in items:
            counts["fetched"] += 1
            if item.contract and item.contract != contract:
                counts["dropped"] += 1
                continue
            if not item.member_urn:
                counts["skipped_malformed"] += 1
                continue
            values_list.append(convert(company, item, seats))
        rows = Activity._linkedin_upsert(company, kind, values_list, counts)
        rows._linkedin_attach(counts=counts)
        return rows

    # -- commits ---------------------------------------------------------------

    @api.model
    def _linkedin_auto_commit(self):
        return not getattr(threading.current_thread(), "testing", False)

    def _linkedin_commit(self):
        """Commit a finished batch, except in tests (they share one cursor)."""
        if self._linkedin_auto_commit():
            # The import commits each batch with its cursor, so a crash or a
            # 429 loses nothing already done and the next run resumes there.
            self.env.cr.commit()  # pylint: disable=invalid-commit
