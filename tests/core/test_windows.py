# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Window planning and LinkedIn's date conventions (property-style, seeded)."""

import random
from datetime import datetime, timedelta, timezone

import pytest

from linkedin_recruiter_connect import windows

HOUR_MS = 3600 * 1000
CASES = 3000


def _random_range(rng):
    """A random (cursor, now, max_window) with at most ~2000 windows."""
    cursor = rng.randint(0, 2_000_000_000_000)
    span = rng.choice(
        [0, 1, rng.randint(1, 10 * HOUR_MS), rng.randint(0, 400 * 24 * HOUR_MS)]
    )
    max_window = rng.choice([windows.MAX_WINDOW_MS, 1, rng.randint(1, 24 * HOUR_MS)])
    max_window = max(max_window, span // 2000 + 1)
    if rng.random() < 0.1:
        cursor, span = cursor + span, -span  # cursor after now
    return cursor, cursor + span, max_window


def test_plan_windows_properties_over_random_ranges():
    rng = random.Random(1234)
    for _case in range(CASES):
        cursor, now, max_window = _random_range(rng)
        planned = windows.plan_windows(cursor, now, max_window)
        if cursor >= now:
            assert planned == []
            continue
        assert planned[0][0] == cursor
        assert planned[-1][1] == now
        for (_start, end), (next_start, _next_end) in zip(
            planned, planned[1:], strict=False
        ):
            assert end == next_start  # no gap, no overlap
        for start, end in planned:
            assert 0 < end - start <= max_window
        # Greedy: every window but the last is full, so the count is minimal.
        assert all(end - start == max_window for start, end in planned[:-1])
        assert len(planned) == -(-(now - cursor) // max_window)


def test_plan_windows_examples():
    day = 24 * HOUR_MS
    assert windows.plan_windows(0, day) == [(0, 12 * HOUR_MS), (12 * HOUR_MS, day)]
    assert windows.plan_windows(0, day + 5) == [
        (0, 12 * HOUR_MS),
        (12 * HOUR_MS, day),
        (day, day + 5),
    ]
    assert windows.plan_windows(10, 10) == []
    assert windows.plan_windows(11, 10) == []
    assert windows.plan_windows(0, 10, max_window_ms=4) == [(0, 4), (4, 8), (8, 10)]


@pytest.mark.parametrize("bad", [1.5, True, "10", None])
def test_plan_windows_refuses_non_int(bad):
    with pytest.raises(TypeError):
        windows.plan_windows(bad, 100)


def test_plan_windows_refuses_non_positive_max():
    with pytest.raises(ValueError):
        windows.plan_windows(0, 100, max_window_ms=0)


def test_to_epoch_ms_naive_is_utc_and_aware_is_converted():
    naive = datetime(2026, 1, 2, 3, 4, 5, 678901)
    assert windows.to_epoch_ms(naive) == 1767323045678
    brussels = timezone(timedelta(hours=1))
    aware = datetime(2026, 1, 2, 4, 4, 5, 678901, tzinfo=brussels)
    assert windows.to_epoch_ms(aware) == 1767323045678
    assert windows.to_epoch_ms(datetime(1970, 1, 1)) == 0
    # Floors, never rounds up past the instant.
    assert windows.to_epoch_ms(datetime(1969, 12, 31, 23, 59, 59, 999999)) == -1


def test_epoch_ms_round_trip_random():
    rng = random.Random(99)
    for _case in range(CASES):
        ms = rng.randint(-(10**12), 4 * 10**12)
        value = windows.from_epoch_ms(ms)
        assert value.tzinfo == timezone.utc
        assert windows.to_epoch_ms(value) == ms
        assert windows.to_epoch_ms(value.replace(tzinfo=None)) == ms


def test_from_epoch_ms_example():
    assert windows.from_epoch_ms(1767323045678) == datetime(
        2026, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc
    )


def test_conversation_range_is_half_open():
    assert windows.conversation_range_params(100, 200) == {
        "timeRange.start": 100,
        "timeRange.end": 200,
    }


def test_notes_params_match_half_open_window_for_random_instants():
    rng = random.Random(7)
    for _case in range(CASES):
        start = rng.randint(1, 10**13)
        end = start + rng.randint(1, 3 * HOUR_MS)
        params = windows.notes_range_params(start, end)
        cutoff, before = params["cutoffDate"], params["beforeDate"]
        probes = [start - 1, start, start + 1, end - 1, end, end + 1]
        probes.append(rng.randint(start - HOUR_MS, end + HOUR_MS))
        for instant in probes:
            linkedin_says = cutoff < instant <= before
            assert linkedin_says == (start <= instant < end)


def test_notes_params_example():
    assert windows.notes_range_params(1000, 2000) == {
        "cutoffDate": 999,
        "beforeDate": 1999,
    }
