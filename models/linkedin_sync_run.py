# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scheduled import of InMails and Recruiter Notes, and its run log.

How a run stays exactly-once and resumable:

- Per seat (conversationEvents) and per contract (prospectNotes) it walks
  windows of at most 12 hours from a stored cursor to now, starting a few
  minutes before the cursor (``CURSOR_OVERLAP_MS``) so late-indexed events are
  seen; re-fetched rows are recognised by external id and change nothing.
- Windows are fetched a few at a time (``FETCH_WORKERS`` clients; HTTP and
  parsing only, no ORM; see ``fetching``): on threads, or for a backfill in a
  child process, so that fetching does not compete with the saving for this
  process's interpreter lock. They are handed back in planned order: the
  import only ever saves the contiguous windows that follow the cursor, never
  one past a window still in flight or failed.
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
"""

import contextlib
import logging
import threading
import time
from collections import defaultdict, namedtuple

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..linkedin_recruiter_connect import errors, fetching, windows

_logger = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000
CURSOR_OVERLAP_MS = 5 * 60 * 1000
# Rows buffered before a batch is staged, attached and committed.
BATCH_ROWS = 2000
# Windows buffered at most per batch, so a quiet backfill still commits.
BATCH_WINDOWS = 200
# Clients fetching windows at the same time.
FETCH_WORKERS = 4
# From this many windows on (a backfill), fetch in a child process: it pays
# for its start-up and frees this process's interpreter lock for the saving.
# The system parameter overrides it (0: always; a huge number: never).
PROCESS_FETCH_MIN_WINDOWS = 500
PROCESS_FETCH_PARAM = "linkedin_recruiter_connect.process_fetch_min_windows"
# pg_try_advisory_lock(key, company_id): one run per company at a time.
LOCK_KEY = 0x4C524335
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

    @api.depends("started_at", "ended_at")
    def _compute_duration(self):
        for run in self:
            if run.started_at and run.ended_at:
                run.duration = (run.ended_at - run.started_at).total_seconds()
            else:
                run.duration = 0.0

    # -- entry points ----------------------------------------------------------

    @api.model
    def _cron_sync(self):
        """ir.cron entry point: sync every enabled company that is due.

        The cron ticks every few minutes; each company runs at its own
        ``linkedin_sync_interval``. Never writes the ir.cron record.
        """
        companies = (
            self.env["res.company"].sudo().search([("linkedin_enabled", "=", True)])
        )
        for company in companies:
            if company._linkedin_missing_settings():
                _logger.info("LinkedIn sync: %s is not fully configured", company.name)
                continue
            if self._linkedin_is_due(company):
                self._linkedin_sync_company(company, "cron")

    def action_sync_now(self):
        """Sync the current company now (settings and run list button)."""
        if not self.env.user.has_group("hr_recruitment.group_hr_recruitment_manager"):
            raise AccessError(
                _("Only recruitment managers can start a LinkedIn Recruiter sync.")
            )
        company = self.env.company
        company._linkedin_check_ready()
        run = self._linkedin_sync_company(company, "manual")
        if not run:
            raise UserError(
                _(
                    "A LinkedIn Recruiter sync is already running for %(company)s.",
                    company=company.name,
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("LinkedIn Recruiter sync: %(status)s", status=run.status),
                "message": _(
                    "%(created)s messages created, %(updated)s updated, "
                    "%(deleted)s removed. %(error)s",
                    created=run.created,
                    updated=run.updated,
                    deleted=run.deleted,
                    error=run.error or "",
                ),
                "type": "success" if run.status == "done" else "warning",
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }

    @api.model
    def _linkedin_is_due(self, company):
        last = self.sudo().search([("company_id", "=", company.id)], limit=1)
        if not last:
            return True
        elapsed = (fields.Datetime.now() - last.started_at).total_seconds()
        return elapsed >= company.linkedin_sync_interval * 60 - DUE_SLACK_SECONDS

    @api.model
    def _linkedin_sync_company(self, company, trigger):
        """Run one import for ``company``; return the run (None if locked)."""
        cr = self.env.cr
        cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (LOCK_KEY, company.id))
        if not cr.fetchone()[0]:
            _logger.info("LinkedIn sync of %s already running; skipped", company.name)
            return None
        try:
            self.sudo().search(
                [("company_id", "=", company.id), ("status", "=", "running")]
            ).write(
                {
                    "status": "failed",
                    "ended_at": fields.Datetime.now(),
                    "error": _("Interrupted before it finished."),
                }
            )
            run = (
                self.sudo()
                .with_context(mail_create_nolog=True)
                .create(
                    {
                        "company_id": company.id,
                        "started_at": fields.Datetime.now(),
                        "trigger": trigger,
                    }
                )
            )
            run._linkedin_commit()
            run._linkedin_execute(company.sudo())
            return run
        finally:
            cr.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_KEY, company.id))

    # -- the run ---------------------------------------------------------------

    def _linkedin_execute(self, company):
        """Fetch, stage and attach everything new since the cursors."""
        self.ensure_one()
        counts = defaultdict(int)
        status, error_text = "done", False
        # The run's client and fetcher, closed at the end; their calls count.
        callers = []
        try:
            client = company._linkedin_client()
            callers.append(client)
            seats = company._linkedin_sync_seats(client).filtered(
                lambda seat: seat.state == "active"
            )
            now_ms = _now_ms()
            streams = [
                self._linkedin_seat_stream(company, seat, now_ms) for seat in seats
            ]
            streams.append(self._linkedin_notes_stream(company, now_ms))
            fetcher = self._linkedin_fetcher(company, streams)
            callers.append(fetcher)
            self._linkedin_walk(fetcher, streams, counts)
            self.env["linkedin.activity"]._linkedin_purge_unclaimed(company)
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
            self._linkedin_fail_hard(error, callers)
            raise
        self._linkedin_close(callers)
        self._linkedin_write_counts(counts, callers, status, error_text)
        self._linkedin_update_health_alert(company)
        self._linkedin_commit()

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

    def _linkedin_fail_hard(self, error, callers):
        """An unexpected error: keep committed batches, log the run failed."""
        if not self._linkedin_auto_commit():
            return
        self.env.cr.rollback()
        self._linkedin_write_counts(
            defaultdict(int), callers, "failed", f"{type(error).__name__}: {error}"
        )
        self._linkedin_commit()

    @staticmethod
    def _linkedin_close(callers):
        """Close the run's fetcher and client (the fetcher counts on close)."""
        for caller in reversed(callers):
            caller.close()

    def _linkedin_write_counts(self, counts, callers, status, error_text):
        values = {name: counts[name] for name in COUNTERS}
        if callers is not None:
            values["api_calls"] = sum(caller.calls for caller in callers)
        if status is not None:
            values.update(
                status=status, error=error_text, ended_at=fields.Datetime.now()
            )
        self.write(values)

    @api.model
    def _linkedin_fetcher(self, company, streams):
        """A fetcher of ``company``'s windows with FETCH_WORKERS clients.

        A backfill (PROCESS_FETCH_MIN_WINDOWS windows or more) is fetched in
        a child process, the usual few windows on threads; so are backfills
        when the child process cannot start.
        """
        planned = sum(len(stream.windows) for stream in streams)
        threshold = company._linkedin_param(
            PROCESS_FETCH_PARAM, int, PROCESS_FETCH_MIN_WINDOWS
        )
        if planned >= threshold:
            try:
                fetcher = fetching.ProcessFetcher(
                    company._linkedin_client_options(), FETCH_WORKERS
                )
            except fetching.FetchProcessError as error:
                _logger.warning("%s; fetching on threads instead", error)
            else:
                _logger.info(
                    "LinkedIn sync of %s: %s windows, fetched in a child process",
                    company.name,
                    planned,
                )
                return fetcher
        clients = []
        try:
            for _index in range(FETCH_WORKERS):
                clients.append(company._linkedin_client())
        except Exception:
            for client in clients:
                client.close()
            raise
        return fetching.ThreadFetcher(clients)

    def _linkedin_start_ms(self, cursor_ms, company, now_ms):
        if cursor_ms:
            return int(cursor_ms) - CURSOR_OVERLAP_MS
        return now_ms - company.linkedin_backfill_days * DAY_MS

    def _linkedin_seat_stream(self, company, seat, now_ms):
        """conversationEvents of one seat, window by window, from its cursor."""
        start = self._linkedin_start_ms(seat.linkedin_inmail_cursor_ms, company, now_ms)
        seat_urn, member_urn = seat.seat_urn, seat.member_urn or None

        def task(window):
            return "inmail_events", (seat_urn, *window, member_urn)

        def save(items, end_ms, counts):
            self._linkedin_stage(company, "inmail", items, counts)
            seat.linkedin_inmail_cursor_ms = end_ms

        return _Stream(task, save, windows.plan_windows(start, now_ms))

    def _linkedin_notes_stream(self, company, now_ms):
        """prospectNotes of the contract, window by window, from its cursor."""
        start = self._linkedin_start_ms(
            company.linkedin_notes_cursor_ms, company, now_ms
        )
        contract_urn = company.linkedin_contract_urn

        def task(window):
            return "prospect_notes", (contract_urn, *window)

        def save(items, end_ms, counts):
            self._linkedin_stage(company, "note", items, counts)
            company.linkedin_notes_cursor_ms = end_ms

        return _Stream(task, save, windows.plan_windows(start, now_ms))

    def _linkedin_walk(self, fetcher, streams, counts):
        """Fetch every stream's windows; save and commit them in batches.

        A batch holds consecutive windows of one stream, at most BATCH_ROWS
        rows or BATCH_WINDOWS windows. On a LinkedIn error the windows
        fetched before the failed one are still saved, then it propagates.
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
                    self._linkedin_save(batch, counts)
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
                    batch = _Batch(stream)
        self._linkedin_save(batch, counts)

    def _linkedin_save(self, batch, counts):
        """Save a batch (stage, attach, move the cursor) and commit it."""
        if not batch.windows:
            return
        batch.stream.save(batch.items, batch.end_ms, counts)
        self._linkedin_write_counts(counts, None, None, None)
        self._linkedin_commit()

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
