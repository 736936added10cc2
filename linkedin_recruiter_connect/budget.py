# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How long one slice of background work may run inside Odoo's worker limits.

Production Odoo kills a cron worker whose pass over the due jobs exceeds
``limit_time_real_cron`` (or ``limit_time_real``) of wall time, and whose CPU
time since the pass started exceeds ``limit_time_cpu`` (an ``RLIMIT_CPU`` set
at the start of each pass). A job does not see when its pass started, except
on the threaded server, which marks the cron thread with ``start_time``. So
a slice takes at most a share of the wall-time limit (the rest is left to the
other jobs of the same pass), no more than half of the CPU time the worker
has left, and never more than what is known to remain of the pass.
"""

import math
import resource
import time

# Share of the wall-time limit one slice may use.
REAL_SHARE = 0.25
# Share of the CPU time left one slice may use.
CPU_SHARE = 0.5
# Kept free before the known end of the pass: answers in flight, the commit.
MARGIN_SECONDS = 10.0
MIN_SLICE_SECONDS = 5.0
# Without any limit (a dev server), a slice still ends and commits.
UNLIMITED_SLICE_SECONDS = 120.0


def wall_limit(limit_time_real, limit_time_real_cron):
    """The wall-time limit of a cron pass in seconds (None: no limit).

    As Odoo reads its options: ``limit_time_real_cron`` -1 means
    ``limit_time_real``, 0 means no limit.
    """
    limit = limit_time_real if limit_time_real_cron == -1 else limit_time_real_cron
    return float(limit) if limit and limit > 0 else None


def cpu_left(limit_time_cpu, rlimit=None, used=None):
    """CPU seconds this process may still use (None: no limit).

    ``rlimit`` is the soft ``RLIMIT_CPU`` (prefork workers set it at each
    pass) and ``used`` the process's CPU time so far; both are read from the
    process when not given. Without a finite rlimit, ``limit_time_cpu``
    counts from now.
    """
    if rlimit is None:
        rlimit = resource.getrlimit(resource.RLIMIT_CPU)[0]
    if rlimit not in (resource.RLIM_INFINITY, -1) and rlimit > 0:
        if used is None:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            used = usage.ru_utime + usage.ru_stime
        return max(0.0, rlimit - used)
    return float(limit_time_cpu) if limit_time_cpu and limit_time_cpu > 0 else None


def slice_seconds(wall, cpu, pass_elapsed=None):
    """Seconds one slice may run, from the limits above.

    ``pass_elapsed`` is how long the current cron pass has run, when known.
    """
    candidates = []
    if wall is not None:
        candidates.append(wall * REAL_SHARE)
        if pass_elapsed is not None:
            candidates.append(wall - pass_elapsed - MARGIN_SECONDS)
    if cpu is not None:
        candidates.append(cpu * CPU_SHARE)
    if not candidates:
        return UNLIMITED_SLICE_SECONDS
    return max(MIN_SLICE_SECONDS, min(candidates))


class Deadline:
    """A point on the monotonic clock after which work stops and commits.

    ``Deadline(None)`` never expires.
    """

    def __init__(self, seconds, clock=time.monotonic):
        self.seconds = seconds
        self._clock = clock
        self._end = math.inf if seconds is None else clock() + seconds

    def expired(self):
        return self._clock() >= self._end

    def remaining(self):
        return max(0.0, self._end - self._clock())

    def __repr__(self):
        return f"<Deadline {self.seconds!r} s, {self.remaining():.1f} s left>"
