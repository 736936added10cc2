# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the LinkedIn import (a script that prints figures, not a test).

Usage (the template database has the addon installed and must be idle)::

    PYTHONPATH=$ODOO_SRC $VENV/bin/python benchmarks/bench_sync.py \
        --config /tmp/h5.conf --template lrc_h5 [--scale 1.0] [--profile]

Seeds a sandbox with 10,000 members, 50 seats, 100,000 InMail events and
20,000 notes (times ``--scale``), copies the template into a scratch
database, connects one applicant per member, then prints for a full import
and for a run with no new activity: wall time, messages per second, SQL
queries (Odoo's global query counter) per imported message and HTTP calls;
and the no-new-activity run again with a tenth of the applicants connected.

``--latency 0.15`` makes every LinkedIn call take 150 ms, as LinkedIn does:
the full import then runs as the cron runs it, slice after slice within
Odoo's default limits, and prints the slices, the wall time, the calls spent
against LinkedIn's 100,000 a day, and the ORM side alone (staging and
attaching) in messages per second. Every mode then times the import's
write path alone (2,000 new InMails staged in one batch, then attached to
the chatter) against a plain ``message_post`` loop on messages like them, in
the same run, and prints how many times faster it is per message.

The sandbox runs in its own process (``python -m
linkedin_recruiter_sandbox``), as LinkedIn would: in-process it would
compete with Odoo for the interpreter lock.
"""

import argparse
import cProfile
import os
import pstats
import subprocess
import sys
import time

import psutil


def run_sync(env, company, profile=False, sandbox_pid=None):
    """One import; (run, seconds, SQL queries).

    Also prints the CPU time of the main (ORM) thread, of the fetch threads
    and of the sandbox, which all share this machine's cores.
    """
    from odoo import sql_db

    sandbox = psutil.Process(sandbox_pid) if sandbox_pid else None
    sandbox_cpu = sum(sandbox.cpu_times()[:2]) if sandbox else 0.0
    queries = sql_db.sql_counter
    started = time.perf_counter()
    cpu, main_cpu = time.process_time(), time.thread_time()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    run = through_slices(env, company)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    env.cr.commit()
    main_cpu = time.thread_time() - main_cpu
    fetch_cpu = time.process_time() - cpu - main_cpu
    sandbox_cpu = sum(sandbox.cpu_times()[:2]) - sandbox_cpu if sandbox else 0.0
    print(
        f"  CPU: main thread {main_cpu:.1f} s, fetch threads {fetch_cpu:.1f} s, "
        f"sandbox {sandbox_cpu:.1f} s"
    )
    return run, time.perf_counter() - started, sql_db.sql_counter - queries


def through_slices(env, company):
    """Run the import as the cron does, slice after slice; return the run."""
    Run = env["linkedin.sync.run"]
    Run.create(
        {
            "company_id": company.id,
            "started_at": env.cr.now(),
            "trigger": "manual",
            "status": "queued",
        }
    )
    env.cr.commit()
    while True:
        Run._cron_sync()
        env.cr.commit()
        run = Run.search([("company_id", "=", company.id)], limit=1)
        if run.status != "running":
            return run
        print(f"  slice {run.slices}: {run.progress}", flush=True)


class OrmClock:
    """Times, in this process, the import's ORM side (staging and attaching,
    ``seconds``) and within it the creation of chatter messages alone
    (``message_seconds``)."""

    def __init__(self, env):
        self.seconds = 0.0
        self.message_seconds = 0.0
        from odoo.addons.linkedin_recruiter_connect.import_engine import ImportEngine

        self._wrap(ImportEngine, "_stage", "seconds")
        self._wrap(
            type(env["linkedin.activity"]), "_create_messages", "message_seconds"
        )

    def _wrap(self, model, method, counter):
        original = getattr(model, method)
        clock = self

        def timed(records, *args, **kwargs):
            started = time.perf_counter()
            try:
                return original(records, *args, **kwargs)
            finally:
                setattr(
                    clock,
                    counter,
                    getattr(clock, counter) + time.perf_counter() - started,
                )

        setattr(model, method, timed)


def message_post_seconds(env, applicants, count):
    """Seconds per message of a plain message_post loop, rolled back."""
    env.cr.commit()
    started = time.perf_counter()
    for index in range(count):
        applicants[index % len(applicants)].message_post(
            body=f"<p>InMail {index}: Hello, would you like to talk?</p>",
            subject="A role for you",
            message_type="email",
            subtype_xmlid="mail.mt_comment",
        )
    env.flush_all()
    seconds = time.perf_counter() - started
    env.cr.rollback()
    return seconds / count


def write_path_seconds(env, company, applicants, count):
    """``(staging, attaching)`` seconds per message of the import's write path
    alone, on ``count`` new InMails of connected applicants staged in one
    batch, then attached (the chatter writes); rolled back."""
    from odoo.addons.linkedin_recruiter_connect.linkedin_recruiter_connect import (
        activity_kinds,
        schema,
    )

    kind = activity_kinds.INMAIL
    seat = env["linkedin.seat"].search([("company_id", "=", company.id)], limit=1)
    now_ms = int(time.time() * 1000)
    members = applicants.mapped("linkedin_member_urn")
    values_list = []
    for index in range(count):
        member = members[index % len(members)]
        event = schema.InMailEvent(
            external_id=f"bench-write-path-{index}",
            thread_urn=None,
            contract=None,
            seat_urn=seat.seat_urn,
            member_urn=member,
            author_urn=seat.member_urn or seat.seat_urn,
            direction="SENT",
            subject="A role for you",
            body=f"<p>InMail {index}: Hello, would you like to talk?</p>",
            created_ms=now_ms - index,
        )
        values = kind.values(event)
        values.update(company_id=company.id, seat_id=seat.id, contract_urn=None)
        values_list.append(values)
    env.cr.commit()
    Activity = env["linkedin.activity"]
    started = time.perf_counter()
    rows, _counts = Activity._upsert(company, kind, values_list)
    env.flush_all()
    staged = time.perf_counter()
    created = rows._attach()["created"]
    env.flush_all()
    attached = time.perf_counter()
    env.cr.rollback()
    return (staged - started) / created, (attached - staged) / created


def report_write_path(env, company, applicants, count=2000):
    """The import's write path against a message_post loop, in the same run."""
    staging, attaching = write_path_seconds(env, company, applicants, count)
    post = message_post_seconds(env, applicants, count)
    print(
        f"write path, {count:,} new InMails in one batch: "
        f"{1 / (staging + attaching):.0f} messages/s "
        f"({post / (staging + attaching):.1f}x faster per message than a "
        f"message_post loop, {1 / post:.0f} messages/s); its chatter writes "
        f"alone {1 / attaching:.0f} messages/s ({post / attaching:.1f}x)",
        flush=True,
    )


def start_sandbox_process(repo):
    """``(process, url)`` of an empty sandbox served by another interpreter.

    Its first output line, once it listens, is ``... listening on <url>``.
    """
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "linkedin_recruiter_sandbox",
            "--port",
            "0",
            "--seed",
            "empty",
        ],
        cwd=repo,
        stdout=subprocess.PIPE,
        text=True,
    )
    first = process.stdout.readline()
    if " listening on http://" not in first:
        process.kill()
        process.wait()
        process.stdout.close()
        raise RuntimeError("the sandbox did not start")
    return process, first.rsplit(" ", 1)[-1].strip()


def seed_sandbox(admin, scale):
    """Seed the bulk data; return the URNs of the members it added."""
    counts = {
        "members": int(10000 * scale),
        "seats": max(1, int(50 * scale)),
        "events": int(100000 * scale),
        "notes": int(20000 * scale),
    }
    started = time.perf_counter()
    added = admin.seed_bulk(days=365, member_urns=True, **counts)
    print(f"sandbox seeded {counts} in {time.perf_counter() - started:.1f} s")
    return added["member_urns"]


def report_realism(env, run, orm, applicants):
    """Slices and calls of the full import; its ORM side against message_post."""
    messages = run.created + run.updated
    import_per_message = orm.seconds / messages if messages else float("nan")
    create_per_message = orm.message_seconds / run.created if run.created else 0
    post_per_message = message_post_seconds(env, applicants, 2000)
    print(
        f"  {run.slices} slices, {run.active_seconds:.0f} s working; "
        f"{run.api_calls} LinkedIn calls, "
        f"{run.api_calls / 100000:.0%} of the 100,000 a day",
        flush=True,
    )
    print(
        f"  ORM side (staging and attaching): {orm.seconds:.1f} s, "
        f"{messages / orm.seconds:.0f} messages/s, "
        f"{post_per_message / import_per_message:.1f}x faster per message than "
        f"a message_post loop ({1 / post_per_message:.0f} messages/s); "
        f"the chatter writes alone: {1 / create_per_message:.0f} messages/s, "
        f"{post_per_message / create_per_message:.1f}x",
        flush=True,
    )


def report(label, run, seconds, queries):
    created = run.created + run.updated
    rate = created / seconds if seconds else 0
    per_message = queries / created if created else float("nan")
    print(
        f"{label}: status={run.status} {seconds:.1f} s, {run.created} messages "
        f"created ({rate:.0f}/s), {run.staged} rows staged, {queries} SQL queries "
        f"({per_message:.2f} per message), {run.api_calls} HTTP calls",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds every LinkedIn call takes"
    )
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, repo)
    import odoo
    from odoo.tools import config

    from linkedin_recruiter_sandbox.admin import SandboxAdmin

    database = f"{args.template}_bench"
    subprocess.run(["dropdb", "--if-exists", database], check=True)
    subprocess.run(["createdb", "-T", args.template, database], check=True)
    config.parse_config(["-c", args.config, "-d", database, "--log-level=warn"])
    odoo.netsvc.init_logger()

    sandbox, url = start_sandbox_process(repo)
    try:
        admin = SandboxAdmin(url, timeout=300)
        members = seed_sandbox(admin, args.scale)
        if args.latency:
            admin.set_fault("*", "delay", delay=args.latency)
            print(f"every LinkedIn call takes {args.latency * 1000:.0f} ms")
        measure(database, url, members, args.profile, sandbox.pid)
    finally:
        sandbox.terminate()
        sandbox.wait()
        sandbox.stdout.close()
        subprocess.run(["dropdb", "--if-exists", database], check=False)


def measure(database, url, members, profile, sandbox_pid):
    """Connect one applicant per member, then time the imports."""
    import odoo
    from odoo.modules.registry import Registry

    from odoo.addons.linkedin_recruiter_connect.testing.records import (
        applicant_values,
        create_applications,
        person_of,
    )
    from odoo.addons.linkedin_recruiter_connect.testing.sandbox_backend import (
        sandbox_backend_values,
    )

    registry = Registry(database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        company = env.ref("base.main_company")
        company.linkedin_backend_id.write(
            dict(
                sandbox_backend_values(url),
                sync_interval=60,
                backfill_days=366,
            )
        )
        started = time.perf_counter()
        applicants = person_of(
            create_applications(
                env,
                [
                    applicant_values(
                        f"Member {index}",
                        subject=f"Application {index}",
                        linkedin_member_urn=urn,
                    )
                    for index, urn in enumerate(members)
                ],
            )
        )
        cr.commit()
        print(
            f"{len(applicants)} connected applicants created in "
            f"{time.perf_counter() - started:.1f} s",
            flush=True,
        )
        orm = OrmClock(env)
        full = run_sync(env, company, profile, sandbox_pid)
        report("full import", *full)
        report_realism(env, full[0], orm, applicants)
        report_write_path(env, company, applicants)
        report("no new activity", *run_sync(env, company, sandbox_pid=sandbox_pid))
        keep = len(applicants) // 10
        applicants[keep:].write({"linkedin_member_urn": False})
        cr.commit()
        report(
            f"no new activity, {keep} connected applicants",
            *run_sync(env, company, sandbox_pid=sandbox_pid),
        )
    odoo.sql_db.close_db(database)


if __name__ == "__main__":
    main()
