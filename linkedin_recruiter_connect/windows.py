# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time-window planning for polling LinkedIn, and its date conventions.

LinkedIn asks integrations to poll InMail and notes in windows of at most 12
hours. Everything here works on integer epoch milliseconds (UTC), LinkedIn's
only date format. A window is half-open: ``[start_ms, end_ms)``.

LinkedIn uses two conventions for ranges, converted here in one place:

- conversationEvents: ``timeRange.start`` inclusive, ``timeRange.end``
  exclusive, i.e. already half-open.
- prospectNotes: ``cutoffDate`` exclusive lower bound, ``beforeDate`` inclusive
  upper bound on the note's last modification. For integer milliseconds the
  half-open window ``[a, b)`` is therefore ``cutoffDate=a-1, beforeDate=b-1``.
"""

from datetime import datetime, timedelta, timezone

MAX_WINDOW_MS = 12 * 3600 * 1000
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_ONE_MS = timedelta(milliseconds=1)


def _check_ms(value, name):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int of epoch milliseconds")


def plan_windows(cursor_ms, now_ms, max_window_ms=MAX_WINDOW_MS):
    """Split ``[cursor_ms, now_ms)`` into consecutive half-open windows.

    Each window is at most ``max_window_ms`` long; they leave no gap and do
    not overlap, the first starts at ``cursor_ms`` and the last ends exactly at
    ``now_ms``. Returns a list of ``(start_ms, end_ms)``; empty when
    ``cursor_ms >= now_ms``.
    """
    _check_ms(cursor_ms, "cursor_ms")
    _check_ms(now_ms, "now_ms")
    _check_ms(max_window_ms, "max_window_ms")
    if max_window_ms <= 0:
        raise ValueError("max_window_ms must be positive")
    windows = []
    start = cursor_ms
    while start < now_ms:
        end = min(start + max_window_ms, now_ms)
        windows.append((start, end))
        start = end
    return windows


def to_epoch_ms(value):
    """Return epoch milliseconds for a datetime (naive means UTC).

    Sub-millisecond precision is floored, so the result never lies after
    ``value``.
    """
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return (value - _EPOCH) // _ONE_MS


def from_epoch_ms(ms):
    """Return the aware UTC datetime of epoch milliseconds ``ms``."""
    _check_ms(ms, "ms")
    return _EPOCH + timedelta(milliseconds=ms)


def conversation_range_params(start_ms, end_ms):
    """Query parameters of conversationEvents for the window ``[start, end)``."""
    _check_ms(start_ms, "start_ms")
    _check_ms(end_ms, "end_ms")
    return {"timeRange.start": start_ms, "timeRange.end": end_ms}


def notes_range_params(start_ms, end_ms):
    """Query parameters of prospectNotes for the window ``[start, end)``.

    ``cutoffDate`` is exclusive and ``beforeDate`` inclusive, hence the -1s.
    """
    _check_ms(start_ms, "start_ms")
    _check_ms(end_ms, "end_ms")
    return {"cutoffDate": start_ms - 1, "beforeDate": end_ms - 1}
