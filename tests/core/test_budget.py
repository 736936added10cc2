# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import resource

import pytest

from linkedin_recruiter_connect import budget


@pytest.mark.parametrize(
    ("real", "real_cron", "expected"),
    [(120, -1, 120.0), (120, 300, 300.0), (120, 0, None), (0, -1, None)],
)
def test_wall_limit_reads_odoo_options_as_odoo_does(real, real_cron, expected):
    assert budget.wall_limit(real, real_cron) == expected


def test_cpu_left_counts_from_the_workers_rlimit():
    assert budget.cpu_left(60, rlimit=100, used=70.5) == 29.5
    assert budget.cpu_left(60, rlimit=100, used=130) == 0.0


def test_cpu_left_without_rlimit_is_limit_time_cpu():
    assert budget.cpu_left(60, rlimit=resource.RLIM_INFINITY) == 60.0
    assert budget.cpu_left(0, rlimit=resource.RLIM_INFINITY) is None


def test_default_limits_give_a_quarter_of_the_wall_time():
    # limit_time_real 120 s, limit_time_cpu 60 s with nothing used yet
    assert budget.slice_seconds(120.0, 60.0) == 30.0


def test_cpu_nearly_spent_by_other_jobs_shortens_the_slice():
    assert budget.slice_seconds(120.0, 20.0) == 10.0


def test_known_pass_time_shortens_the_slice():
    # most of the 120 s pass gone: only what is left, minus the margin
    assert (
        budget.slice_seconds(120.0, 60.0, pass_elapsed=108.0)
        == budget.MIN_SLICE_SECONDS
    )
    assert budget.slice_seconds(120.0, 60.0, pass_elapsed=85.0) == 25.0


def test_no_limits_still_end_the_slice():
    assert budget.slice_seconds(None, None) == budget.UNLIMITED_SLICE_SECONDS


def test_deadline_expires_on_its_clock():
    now = [100.0]
    deadline = budget.Deadline(5, clock=lambda: now[0])
    assert not deadline.expired()
    assert deadline.remaining() == 5
    now[0] = 105.0
    assert deadline.expired()
    assert deadline.remaining() == 0
    assert not budget.Deadline(None).expired()
