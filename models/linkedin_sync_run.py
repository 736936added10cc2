# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The scheduled import of InMails and Recruiter Notes, and its run log.

How a run stays exactly-once and resumable:

- Per seat (conversationEvents) and per contract (prospectNotes) it walks
  windows of at most 12 hours from a stored cursor to now, starting a few
  minutes before the cursor (``CURSOR_OVERLAP_MS``) so late-indexed events are
  seen; re-fetched rows are recognised by external id and change nothing.
- Windows are fetched a few at a time on worker threads (``FETCH_WORKERS``,
  one RecruiterClient each; HTTP and parsing only, no ORM), but handed back
  in planned order: the import only ever saves the contiguous windows that
  follow the cursor, never one past a window still in flight or failed.
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
import functools
import logging
import queue
import threading
import time
from collections import defaultdict, deque, namedtuple
from concurrent.futures import ThreadPoolExecutor

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..linkedin_recruiter_connect import errors, windows

_logger = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000
CURSOR_OVERLAP_MS = 5 * 60 * 1000
# Rows buffered before a batch is staged, attached and committed.
BATCH_ROWS = 2000
# Windows buffered at most per batch, so a quiet backfill still commits.
BATCH_WINDOWS = 200
MALFORMED_PAGE_ATTEMPTS = 3
# Windows fetched at the same time, and at most fetched ahead of the save.
FETCH_WORKERS = 4
FETCH_AHEAD = 32
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

# One cursor's work: ``find(client, start_ms, end_ms, on_bad_element)`` runs
# in a worker thread and must not touch the ORM; ``save(items, end_ms,
# counts)`` stages a batch and moves the cursor; ``windows`` are planned.
_Stream = namedtuple("_Stream", "find save windows")


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


def _fetch_window(find, client, window):
    """``(items, errors of skipped elements)`` of one window.

    A malformed page is fetched again a few times before the error is raised.
    """
    for attempt in range(1, MALFORMED_PAGE_ATTEMPTS + 1):
        skipped = []
        try:
            items = find(client, *window, functools.partial(_skip, skipped))
        except errors.BadResponseError:
            if attempt == MALFORMED_PAGE_ATTEMPTS:
                raise
            continue
        return items, skipped
    return [], []


def _skip(skipped, _element, error):
    skipped.append(error)


class _WindowFetcher:
    """Fetches windows on a few threads, each with its own RecruiterClient.

    ``in_order`` yields ``(task, outcome)`` in the order of the tasks,
    whatever order the answers arrive in, with at most ``ahead`` windows in
    flight; ``outcome`` is the fetched ``(items, skipped)`` or the exception
    the fetch raised. Nothing here touches the ORM.
    """

    def __init__(self, clients, ahead=FETCH_AHEAD):
        self.clients = clients
        self.ahead = ahead
        self._idle = queue.SimpleQueue()
        for client in clients:
            self._idle.put(client)
        self._pool = ThreadPoolExecutor(len(clients), "linkedin-sync")

    @property
    def calls(self):
        return sum(client.calls for client in self.clients)

    def _fetch(self, find, window):
        client = self._idle.get()
        try:
            return _fetch_window(find, client, window)
        finally:
            self._idle.put(client)

    def in_order(self, tasks):
        """Yield ``((stream, window), outcome)`` for every task, in order."""
        tasks, pending = iter(tasks), deque()
        try:
            while True:
                for stream, window in tasks:
                    future = self._pool.submit(self._fetch, stream.find, window)
                    pending.append(((stream, window), future))
                    if len(pending) >= self.ahead:
                        break
                if not pending:
                    return
                task, future = pending.popleft()
                try:
                    outcome = future.result()
                except Exception as error:  # noqa: BLE001 - handed to the caller
                    outcome = error
                yield task, outcome
        finally:
            for _task, future in pending:
                future.cancel()

    def close(self):
        """Wait for fetches in flight (their answers are dropped), close all."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        for client in self.clients:
            client.close()


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
        fetcher = None
        try:
            fetcher = self._linkedin_fetcher(company)
            seats = self._linkedin_refresh_seats(company, fetcher.clients[0])
            now_ms = _now_ms()
            streams = [
                self._linkedin_seat_stream(company, seat, now_ms) for seat in seats
            ]
            streams.append(self._linkedin_notes_stream(company, now_ms))
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
            self._linkedin_fail_hard(error, fetcher)
            raise
        finally:
            if fetcher is not None:
                fetcher.close()
        self._linkedin_write_counts(counts, fetcher, status, error_text)
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

    def _linkedin_fail_hard(self, error, fetcher):
        """An unexpected error: keep committed batches, log the run failed."""
        if not self._linkedin_auto_commit():
            return
        self.env.cr.rollback()
        self._linkedin_write_counts(
            defaultdict(int), fetcher, "failed", f"{type(error).__name__}: {error}"
        )
        self._linkedin_commit()

    def _linkedin_write_counts(self, counts, fetcher, status, error_text):
        values = {name: counts[name] for name in COUNTERS}
        if fetcher is not None:
            values["api_calls"] = fetcher.calls
        if status is not None:
            values.update(
                status=status, error=error_text, ended_at=fields.Datetime.now()
            )
        self.write(values)

    @api.model
    def _linkedin_fetcher(self, company):
        """A _WindowFetcher with FETCH_WORKERS clients of ``company``."""
        clients = []
        try:
            for _index in range(FETCH_WORKERS):
                clients.append(company._linkedin_client())
        except Exception:
            for client in clients:
                client.close()
            raise
        return _WindowFetcher(clients)

    @api.model
    def _linkedin_refresh_seats(self, company, client):
        """Seats from LinkedIn, upserted; return the company's active seats."""
        found = client.list_seats(company.linkedin_contract_urn)
        seats = self.env["linkedin.seat"].sudo()._sync_from_linkedin(company, found)
        return seats.filtered(lambda seat: seat.state == "active")

    def _linkedin_start_ms(self, cursor_ms, company, now_ms):
        if cursor_ms:
            return int(cursor_ms) - CURSOR_OVERLAP_MS
        return now_ms - company.linkedin_backfill_days * DAY_MS

    def _linkedin_seat_stream(self, company, seat, now_ms):
        """conversationEvents of one seat, window by window, from its cursor."""
        start = self._linkedin_start_ms(seat.linkedin_inmail_cursor_ms, company, now_ms)
        seat_urn, member_urn = seat.seat_urn, seat.member_urn or None

        def find(client, start_ms, end_ms, on_bad_element):
            return client.inmail_events(
                seat_urn,
                start_ms,
                end_ms,
                seat_member_urn=member_urn,
                on_bad_element=on_bad_element,
            )

        def save(items, end_ms, counts):
            self._linkedin_stage(company, "inmail", items, counts)
            seat.linkedin_inmail_cursor_ms = end_ms

        return _Stream(find, save, windows.plan_windows(start, now_ms))

    def _linkedin_notes_stream(self, company, now_ms):
        """prospectNotes of the contract, window by window, from its cursor."""
        start = self._linkedin_start_ms(
            company.linkedin_notes_cursor_ms, company, now_ms
        )
        contract_urn = company.linkedin_contract_urn

        def find(client, start_ms, end_ms, on_bad_element):
            return client.prospect_notes(
                contract_urn, start_ms, end_ms, on_bad_element=on_bad_element
            )

        def save(items, end_ms, counts):
            self._linkedin_stage(company, "note", items, counts)
            company.linkedin_notes_cursor_ms = end_ms

        return _Stream(find, save, windows.plan_windows(start, now_ms))

    def _linkedin_walk(self, fetcher, streams, counts):
        """Fetch every stream's windows; save and commit them in batches.

        A batch holds consecutive windows of one stream, at most BATCH_ROWS
        rows or BATCH_WINDOWS windows. On a LinkedIn error the windows
        fetched before the failed one are still saved, then it propagates.
        """
        tasks = ((stream, window) for stream in streams for window in stream.windows)
        batch = _Batch(None)
        with contextlib.closing(fetcher.in_order(tasks)) as outcomes:
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
