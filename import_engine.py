# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The import of InMails and Recruiter Notes: one slice of one backend's run.

How a run stays exactly-once and resumable:

- Per stream (every kind of :mod:`activity_kinds` on each of its cursor
  owners: conversationEvents per active seat, prospectNotes per contract) it
  walks windows of at most 12 hours from a stored cursor to the run's target
  instant, starting a few minutes before the cursor (``CURSOR_OVERLAP_MS``)
  so late-indexed events are seen; re-fetched rows are recognised by external
  id and change nothing.
- Windows are fetched a few at a time on threads (``FETCH_WORKERS`` clients;
  HTTP and parsing only, no ORM; see ``fetching``) and handed back in planned
  order: the import only ever saves the contiguous windows that follow the
  cursor, never one past a window still in flight or failed.
- Fetched windows are buffered; a buffer is staged (``linkedin.activity``),
  attached to connected applicants and the cursor moved to the end of its last
  window in one transaction, committed outside tests. A kill loses at most the
  uncommitted buffer, which the next run fetches again from the cursor.
- 429, 5xx and timeouts (after the client's own bounded retries) stop the
  slice: what was fetched before is committed and the result says
  ``partial`` (or ``failed`` when nothing was done) with the error.
- A malformed element is skipped and counted. A malformed page (truncated
  JSON) cannot be split into rows: its window is fetched again at once, and if
  it stays malformed the slice stops like a 5xx and the run resumes from the
  cursor.

How it fits Odoo's worker limits: a slice (see ``budget``) stops between two
batches once its deadline expires; the result then says ``running`` and the
next slice resumes from the cursors. A slice killed anyway (a stuck call)
loses only its uncommitted batch.
"""

import contextlib
import logging
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from odoo.exceptions import UserError
from odoo.tools import config

from . import compat
from .linkedin_recruiter_connect import budget, errors, fetching, windows
from .linkedin_recruiter_connect.activity_kinds import KINDS

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
# Overrides the slice length computed from Odoo's limits (seconds).
SLICE_SECONDS_PARAM = "linkedin_recruiter_connect.slice_seconds"
COUNTERS = (
    "fetched",
    "created",
    "updated",
    "deleted",
    "staged",
    "dropped",
    "skipped_malformed",
)
STOPPING_ERRORS = (
    errors.RetryableError,
    errors.ThrottledError,
    errors.BadResponseError,
)


def now_ms():
    return int(time.time() * 1000)


def auto_commit():
    """Whether the import commits its batches (never in tests: they share
    one cursor)."""
    return not compat.testing()


def slice_seconds(env):
    """How long this cron slice may work, from Odoo's limits (see budget)."""
    forced = env["linkedin.backend"]._param(SLICE_SECONDS_PARAM, float)
    if forced:
        return forced
    started = getattr(threading.current_thread(), "start_time", None)
    return budget.slice_seconds(
        budget.wall_limit(config["limit_time_real"], config["limit_time_real_cron"]),
        budget.cpu_left(config["limit_time_cpu"]),
        time.time() - started if started else None,
    )


@dataclass
class SliceResult:
    """What one slice did: the run's log adds it up over slices."""

    status: str = "running"
    """``done``, ``running`` (the deadline stopped it), ``partial`` or
    ``failed``."""
    error: str | bool = False
    counts: Counter = field(default_factory=Counter)
    windows_left: int | None = None
    """Windows planned at the start of the slice (None: it stopped before
    planning)."""
    windows_done: int = 0
    api_calls: int = 0
    seconds: float = 0.0

    def progressed(self):
        return any(self.counts[name] for name in COUNTERS)


@dataclass
class _Stream:
    """One cursor's work: a kind on one cursor owner (seat or contract)."""

    kind: object
    owner: object
    contract_urn: str
    windows: list

    def task(self, window):
        return self.kind.finder, self.kind.finder_args(self.owner, *window)

    def move_cursor(self, end_ms):
        self.owner[self.kind.cursor_field] = end_ms


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


class ImportEngine:
    """Plans, fetches, stages, attaches and commits one slice of a run.

    ``backend`` (sudo) is imported up to ``target_ms``; ``checkpoint(result)``
    is called after each saved batch, just before it is committed, so the
    run's log moves with the cursors. :meth:`run` returns a SliceResult;
    only an unexpected error propagates.
    """

    def __init__(self, backend, target_ms, deadline, checkpoint):
        self.backend = backend
        self.env = backend.env
        self.company = backend.company_id
        self.target_ms = int(target_ms)
        self.deadline = deadline
        self.checkpoint = checkpoint
        self.result = SliceResult()
        self._seat_ids = {}

    def run(self):
        """One slice: fetch, stage and attach what is new since the cursors."""
        started = time.monotonic()
        result = self.result
        callers = []
        try:
            client = self.backend._client()
            callers.append(client)
            seats = self.backend._sync_seats(client)
            self._seat_ids = {
                seat.seat_urn: seat.id for seat in self.company.linkedin_seat_ids
            }
            streams = self._plan(seats.filtered(lambda seat: seat.state == "active"))
            result.windows_left = sum(len(stream.windows) for stream in streams)
            fetcher = self._fetcher()
            callers.append(fetcher)
            if self._walk(fetcher, streams):
                self.env["linkedin.activity"]._purge_unclaimed(self.backend)
                result.status = "done"
        except STOPPING_ERRORS as error:
            result.status = "partial" if result.progressed() else "failed"
            result.error = str(error)
            _logger.warning("LinkedIn sync of %s stopped: %s", self.company.name, error)
        except (errors.LinkedInError, UserError) as error:
            result.status, result.error = "failed", str(error)
            _logger.warning("LinkedIn sync of %s failed: %s", self.company.name, error)
        finally:
            for caller in reversed(callers):
                caller.close()  # the fetcher counts its calls on close
            result.api_calls = sum(caller.calls for caller in callers)
            result.seconds = time.monotonic() - started
        return result

    # -- planning --------------------------------------------------------------

    def _plan(self, active_seats):
        """Every stream with windows left, the one furthest behind first:
        every slice moves it forward."""
        owners = {"seat": active_seats, "contract": self.backend.contract_ids}
        streams = []
        for kind in KINDS.values():
            for owner in owners[kind.cursor_owner]:
                # Seats and contracts both carry the contract they belong to.
                planned = self._windows(owner[kind.cursor_field])
                if planned:
                    streams.append(_Stream(kind, owner, owner.contract_urn, planned))
        streams.sort(key=lambda stream: stream.windows[0])
        return streams

    def _windows(self, cursor_ms):
        """The windows from a stream's cursor to the run's target instant.

        A stream already at the target has none (it is done for this run);
        otherwise it starts CURSOR_OVERLAP_MS before its cursor, or at the
        backfill horizon on the first import.
        """
        if cursor_ms and cursor_ms >= self.target_ms:
            return []
        if cursor_ms:
            start = int(cursor_ms) - CURSOR_OVERLAP_MS
        else:
            start = self.target_ms - self.backend.backfill_days * DAY_MS
        return windows.plan_windows(start, self.target_ms)

    def _fetcher(self):
        """A fetcher of the backend's windows with FETCH_WORKERS clients."""
        clients = []
        try:
            for _index in range(FETCH_WORKERS):
                clients.append(self.backend._client())
        except Exception:
            for client in clients:
                client.close()
            raise
        return fetching.ThreadFetcher(clients)

    # -- fetching and saving ---------------------------------------------------

    def _walk(self, fetcher, streams):
        """Fetch every stream's windows; save and commit them in batches.

        A batch holds consecutive windows of one stream, at most BATCH_ROWS
        rows or BATCH_WINDOWS windows. On a LinkedIn error the windows
        fetched before the failed one are still saved, then it propagates.
        Returns False when the deadline stopped it after a saved batch (the
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
                    if self._save(batch) and self.deadline.expired():
                        return False
                    batch = _Batch(stream)
                if isinstance(outcome, Exception):
                    if isinstance(outcome, errors.LinkedInError):
                        self._save(batch)
                    raise outcome
                items, skipped = outcome
                for error in skipped:
                    _logger.warning("Skipping a malformed LinkedIn element: %s", error)
                self.result.counts["skipped_malformed"] += len(skipped)
                batch.add(items, window[1])
                if batch.full():
                    self._save(batch)
                    if self.deadline.expired():
                        return False
                    batch = _Batch(stream)
        self._save(batch)
        return True

    def _save(self, batch):
        """Save a batch (stage, attach, move the cursor) and commit it;
        return whether there was anything to save."""
        if not batch.windows:
            return False
        self._stage(batch.stream, batch.items)
        batch.stream.move_cursor(batch.end_ms)
        self.result.windows_done += batch.windows
        self.checkpoint(self.result)
        self._commit()
        return True

    def _stage(self, stream, items):
        """Stage the items of the stream's contract and attach them."""
        counts = self.result.counts
        values_list = []
        for item in items:
            counts["fetched"] += 1
            if item.contract and item.contract != stream.contract_urn:
                counts["dropped"] += 1
                continue
            if not item.member_urn:
                counts["skipped_malformed"] += 1
                continue
            values = stream.kind.values(item)
            values.update(
                company_id=self.company.id,
                seat_id=self._seat_ids.get(values["seat_urn"], False),
                contract_urn=values["contract_urn"] or stream.contract_urn,
            )
            values_list.append(values)
        Activity = self.env["linkedin.activity"]
        rows, staged = Activity._upsert(self.company, stream.kind, values_list)
        counts.update(staged)
        counts.update(rows._attach())
        return rows

    def _commit(self):
        """Commit a saved batch with its cursor, so a crash or a 429 loses
        nothing already done and the next slice resumes there."""
        if auto_commit():
            self.env.cr.commit()  # pylint: disable=invalid-commit
