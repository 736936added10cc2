# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What differs between the Odoo series this addon runs on, for Python.

The XML differences are rewritten by ``scripts/build_addon.py`` when the
folder of an older series is built; everything Python must know lives here,
except 18.0's person model, hr.candidate, which has its own model file
(``models/hr_candidate.py``, imported on 18.0 only; ``models/hr_applicant.py``
says what the applicant is on each series).
"""

import threading
import time
import weakref

from odoo import release

SERIES = tuple(release.version_info[:2])
# The view type of list views in actions: "tree" until 17.0.
LIST_VIEW_MODE = "list" if SERIES >= (18, 0) else "tree"
# The groups of users and actions: "groups_id" until 18.0.
GROUPS_FIELD = "group_ids" if SERIES >= (19, 0) else "groups_id"
# The person a LinkedIn member is connected to: from 18.0 the candidate
# (hr.candidate), which has its applications, else the applicant.
PERSON_MODEL = "hr.candidate" if SERIES == (18, 0) else "hr.applicant"
# hr.applicant's own subject line ("name"), gone since 18.0.
APPLICANT_HAS_NAME = SERIES < (18, 0)
# The applicant's phone numbers: a mobile one too until 17.0.
APPLICANT_PHONE_FIELDS = (
    ("partner_phone",) if SERIES >= (18, 0) else ("partner_phone", "partner_mobile")
)
# The person's button listing the person's other records: their other
# applications, in 18.0 the similar candidates.
OTHER_APPLICATIONS_ACTION = {
    (17, 0): "action_applications_email",
    (18, 0): "action_open_similar_candidates",
}.get(SERIES, "action_open_applications")
# Talent pools (hr.talent.pool, talent_pool_ids, pool_applicant_id): 19.0.
HAS_TALENT_POOLS = SERIES >= (19, 0)
# The users of a group: "user_ids" since 19.0.
GROUP_USERS_FIELD = "user_ids" if SERIES >= (19, 0) else "users"


def check_access(records, operation):
    """Raise AccessError unless the user may ``operation`` ``records``, by
    the access rights and the record rules (one call since 18.0, which
    deprecates the two separate checks)."""
    if SERIES >= (18, 0):
        records.check_access(operation)
    else:
        records.check_access_rights(operation)
        records.check_access_rule(operation)


def sql_constraints(namespace, **constraints):
    """Declare SQL constraints in a model's class body the way its series
    reads them.

    ``namespace`` is the class body's ``locals()``; ``constraints`` maps a
    name to ``(definition, message)``. From 19.0 each becomes a
    ``models.Constraint`` attribute (19.0 ignores ``_sql_constraints``, so
    exactly-once would be lost without a word); before, the
    ``_sql_constraints`` list. Either way the database constraint is named
    ``<table>_<name>``.
    """
    if SERIES >= (19, 0):
        from odoo import models

        for name, (definition, message) in constraints.items():
            namespace[f"_{name}"] = models.Constraint(definition, message)
    else:
        namespace["_sql_constraints"] = [
            (name, definition, message)
            for name, (definition, message) in constraints.items()
        ]


# -- cron progress --------------------------------------------------------------
#
# 17.0 calls a cron job's code once per run. 18.0 and 19.0 call it again and
# again in the same worker, on the same cursor, while it reports progress
# (done > 0 and remaining > 0): up to 10 times on 18.0, at least 10 times and
# 10 s on 19.0. A partially done job is left ready (18.0) or given a trigger
# (19.0), but no cron worker is woken for it: it waits for the next poll (a
# minute or more). Work that must fit the worker's time limit therefore counts
# its budget from the job's first call, and reports progress the way its
# series reads it.

# The cursor of a running cron job -> the monotonic instant its time is up.
_CRON_JOB_ENDS = weakref.WeakKeyDictionary()


def _cron_progress_record(env):
    """The ``ir.cron.progress`` of the cron job running this code, or None
    (17.0, a test or any call outside a cron job)."""
    progress_id = SERIES >= (18, 0) and env.context.get("ir_cron_progress_id")
    return env["ir.cron.progress"].sudo().browse(progress_id) if progress_id else None


def cron_seconds(env, seconds):
    """How long this call of a cron job may work when the job may work
    ``seconds`` in all; None when an earlier call of the same job spent them
    (report the work left and return: the job then ends).

    On 19.0 a call also ends when the time ``_commit_progress`` gives the
    job is up (Odoo's share of the worker for one job). The first call always
    gets a positive time. Outside a cron job: ``seconds``.
    """
    if not _cron_progress_record(env):
        return seconds
    now = time.monotonic()
    first = env.cr not in _CRON_JOB_ENDS
    if first:
        _CRON_JOB_ENDS[env.cr] = now + seconds
        left = seconds
    else:
        left = _CRON_JOB_ENDS[env.cr] - now
    if SERIES >= (19, 0):
        left = min(left, env["ir.cron"]._commit_progress())
    if first:
        return max(left, 0.001)
    return left if left > 0 else None


def cron_progress(env, processed, remaining):
    """Tell the cron job running this code that ``processed`` more items are
    done and ``remaining`` are left: ``_notify_progress`` on 18.0,
    ``_commit_progress`` on 19.0 (which commits). Nothing on 17.0 or outside
    a cron job."""
    progress = _cron_progress_record(env)
    if not progress:
        return
    if SERIES >= (19, 0):
        env["ir.cron"]._commit_progress(processed, remaining=remaining)
    else:
        env["ir.cron"]._notify_progress(
            done=progress.done + processed, remaining=remaining
        )


def cron_continue(cron, remaining):
    """End a call of ``cron``'s job that leaves ``remaining`` items.

    The work left is reported (see cron_progress) and, when there is any,
    ``cron`` is triggered so that a cron worker takes it up again at once:
    on 17.0 nothing else runs it again; on 18.0 and 19.0 a partially done job
    waits for the next poll, 18.0 takes a call that did nothing (its job's
    time was spent) for "fully done", and a manual run is not called again.
    A trigger made while the job goes on calling this code is spent by the
    job's next run (Odoo deletes the triggers that are due when it runs or
    reschedules the job).
    """
    cron_progress(cron.env, 0, remaining)
    if remaining:
        cron._trigger()


def testing():
    """Whether Odoo is running tests (they share one cursor: never commit).

    Until 18.0 the test runner marks its thread ``testing``; 19.0 no longer
    does and only sets ``odoo.modules.module.current_test``.
    """
    if SERIES >= (19, 0):
        from odoo.modules import module

        return bool(module.current_test)
    return getattr(threading.current_thread(), "testing", False)
