# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Crash safety of the LinkedIn import: SIGKILL mid-run, rerun, compare.

Usage (an Odoo config whose database has the addon installed is the template;
it must be idle, as PostgreSQL copies it)::

    PYTHONPATH=$ODOO_SRC $VENV/bin/python scripts/crash_test.py \
        --config /tmp/h5.conf --template lrc_h5

It starts a sandbox with synthetic activity, copies the template into copy A,
connects applicants there and copies A into copy B. In copy A it starts an
import in a subprocess that really commits, SIGKILLs it as soon as a batch is
committed and reruns the import to completion; in copy B it runs one
uninterrupted import. It prints both chatters' sizes and whether they are
identical (same messages, no duplicate), and exits 1 if not.
"""

import argparse
import os
import signal
import subprocess
import sys
import time

BACKFILL_DAYS = 61  # covers the 60 days of seeded activity


def odoo_env(config, database):
    """(registry, odoo module) for ``database`` with ``config``."""
    import odoo.api
    import odoo.netsvc
    import odoo.sql_db
    from odoo.modules.registry import Registry
    from odoo.tools import config as odoo_config

    odoo_config.parse_config(["-c", config, "-d", database, "--log-level=warn"])
    odoo.netsvc.init_logger()
    return Registry(database), odoo


def run_import(config, database):
    """Child: one import of the main company, committing batch by batch."""
    registry, odoo = odoo_env(config, database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.api.SUPERUSER_ID, {})
        company = env.ref("base.main_company")
        run = env["linkedin.sync.run"]._sync_company(company, "cron")
        cr.commit()
        print(f"child run {run.id}: {run.status} created={run.created}", flush=True)


def prepare(config, database, sandbox_url, members, backfill_days=BACKFILL_DAYS):
    """Configure the company for the sandbox at ``sandbox_url`` and connect one
    applicant per member."""
    registry, odoo = odoo_env(config, database)
    # importable only once the addons path is configured
    from odoo.addons.linkedin_recruiter_connect.testing.records import (
        applicant_values,
        create_application,
    )
    from odoo.addons.linkedin_recruiter_connect.testing.sandbox_backend import (
        sandbox_backend_values,
    )

    with registry.cursor() as cr:
        env = odoo.api.Environment(
            cr, odoo.api.SUPERUSER_ID, {"tracking_disable": True}
        )
        env.ref("base.main_company").linkedin_backend_id.write(
            dict(
                sandbox_backend_values(sandbox_url),
                backfill_days=backfill_days,
            )
        )
        for index, urn in enumerate(members):
            values = applicant_values(
                f"Member {index}", f"Application {index}", linkedin_member_urn=urn
            )
            create_application(env, values)
        cr.commit()
    odoo.sql_db.close_db(database)


def chatter(database):
    """(messages, distinct message ids, digest) of the imported chatter."""
    return psql(
        database,
        "SELECT count(*), count(DISTINCT message_id), md5(string_agg("
        "concat_ws('/', message_id, res_id, date, author_id, email_from,"
        " subtype_id, message_type, subject, body), '|' ORDER BY message_id))"
        " FROM mail_message WHERE linkedin_activity_id IS NOT NULL",
    ).split("|")


def psql(database, query, env=None):
    """psql's unaligned output of ``query``; ``env`` for the connection."""
    out = subprocess.run(
        ["psql", "-X", "-At", "-d", database, "-c", query],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return out.stdout.strip()


def count_messages(database):
    return int(
        psql(
            database,
            "SELECT count(*) FROM mail_message WHERE linkedin_activity_id IS NOT NULL",
        )
        or 0
    )


def child(args, database):
    return [
        sys.executable,
        os.path.abspath(__file__),
        "--config",
        args.config,
        "--child",
        database,
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--template")
    parser.add_argument("--child")
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    if args.child:
        run_import(args.config, args.child)
        return 0

    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, repo)
    from linkedin_recruiter_sandbox import start_sandbox

    started = time.monotonic()
    sandbox = start_sandbox(seed="empty")
    members = sandbox.admin.seed_bulk(
        members=500,
        seats=10,
        events=args.events,
        notes=2000,
        days=60,
        member_urns=True,
    )["member_urns"]
    crashed, reference = f"{args.template}_crash_a", f"{args.template}_crash_b"
    for database in (crashed, reference):
        subprocess.run(["dropdb", "--if-exists", database], check=True)
    subprocess.run(["createdb", "-T", args.template, crashed], check=True)
    prepare(args.config, crashed, sandbox.url, members)
    subprocess.run(["createdb", "-T", crashed, reference], check=True)

    process = subprocess.Popen(child(args, crashed))
    while process.poll() is None and count_messages(crashed) == 0:
        time.sleep(0.02)
    killed_at = count_messages(crashed)
    interrupted = process.poll() is None
    if interrupted:
        process.send_signal(signal.SIGKILL)
    process.wait()
    subprocess.run(child(args, crashed), check=True)
    subprocess.run(child(args, reference), check=True)

    got, want = chatter(crashed), chatter(reference)
    same = got == want and got[0] == got[1] and int(want[0]) > 0
    print(
        f"crash test: killed={'yes' if interrupted else 'NO (finished first)'} "
        f"after {killed_at} committed messages; rerun chatter {got[0]} messages "
        f"({got[1]} distinct), uninterrupted {want[0]}; "
        f"{'IDENTICAL' if same else 'DIFFERENT'} "
        f"({time.monotonic() - started:.0f} s)"
    )
    sandbox.stop()
    for database in (crashed, reference):
        subprocess.run(["dropdb", "--if-exists", database], check=False)
    return 0 if same and interrupted else 1


if __name__ == "__main__":
    sys.exit(main())
