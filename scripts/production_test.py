# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The first import as production Odoo runs it: prefork, default limits.

Usage (an Odoo config whose database has the addon installed is the template;
it must be idle, as PostgreSQL copies it)::

    PYTHONPATH=$ODOO_SRC $VENV/bin/python scripts/production_test.py \
        --config /tmp/test.conf --template lrc_test

It starts a sandbox whose every call takes ``--latency`` seconds, with
enough seats and history that the first import needs several slices, and
copies the template into copy A (connected applicants, the company set up
for the sandbox) and A into copy B. Odoo serves copy A with ``--workers=2
--max-cron-threads=1`` and no limit overrides (so ``limit_time_real`` 120 s
and ``limit_time_cpu`` 60 s), and its cron imports on its own. Copy B is
imported in one process, as the reference. It prints one line: slices, wall
time, workers killed, whether the websocket worker came up and whether the
two chatters are identical; it exits 1 unless the import completed, no
worker was killed, the websocket worker is up and the chatters match.
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

from crash_test import chatter, child, prepare, psql

BACKFILL_DAYS = 120
SEATS = 20
LATENCY = 0.1
WAIT_SECONDS = 900
KILLED = re.compile(
    r"timeout after|CPU time limit|virtual real time limit|Worker \(\d+\) Exception"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_prefork(args, database, log):
    """Odoo in prefork mode on ``database``, as an admin would deploy it."""
    http_port, gevent_port = free_port(), free_port()
    command = [
        sys.executable,
        args.odoo_bin,
        "-c",
        args.config,
        "-d",
        database,
        f"--db-filter=^{database}$",
        "--workers=2",
        "--max-cron-threads=1",
        f"--http-port={http_port}",
        f"--gevent-port={gevent_port}",
        "--log-level=info",
    ]
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT), gevent_port


def run_state(database):
    """(status, slices) of the company's latest run, or None."""
    row = psql(
        database,
        "SELECT status || '|' || slices FROM linkedin_sync_run "
        "ORDER BY started_at DESC, id DESC LIMIT 1",
    )
    return tuple(row.split("|")) if row else None


def wait_for_import(database, process):
    """Seconds until the cron's run of ``database`` ends; None on timeout."""
    started = time.monotonic()
    while time.monotonic() - started < WAIT_SECONDS:
        if process.poll() is not None:
            return None
        state = run_state(database)
        if not state:
            # Wake the cron worker as a trigger does, rather than wait for
            # the end of its first minute of sleep.
            psql(database, f"NOTIFY cron_trigger, '{database}'")
        elif state[0] not in ("queued", "running"):
            return time.monotonic() - started
        time.sleep(1)
    return None


def websocket_up(port):
    """Whether the gevent (websocket) worker answers its health check."""
    url = f"http://127.0.0.1:{port}/websocket/health"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--latency", type=float, default=LATENCY)
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, repo)
    from linkedin_recruiter_sandbox import start_sandbox

    sandbox = start_sandbox(seed="empty")
    members = sandbox.admin.seed_bulk(
        members=300,
        seats=SEATS,
        events=6000,
        notes=1500,
        days=BACKFILL_DAYS,
        member_urns=True,
    )["member_urns"]
    prefork, reference = f"{args.template}_prod_a", f"{args.template}_prod_b"
    for database in (prefork, reference):
        subprocess.run(["dropdb", "--if-exists", database], check=True)
    subprocess.run(["createdb", "-T", args.template, prefork], check=True)
    prepare(args.config, prefork, sandbox.url, members, backfill_days=BACKFILL_DAYS + 1)
    subprocess.run(["createdb", "-T", prefork, reference], check=True)

    sandbox.admin.set_fault("*", "delay", delay=args.latency)
    log_path = os.path.join(os.path.dirname(args.config), "production.log")
    with open(log_path, "w") as log:
        server, gevent_port = serve_prefork(args, prefork, log)
        try:
            seconds = wait_for_import(prefork, server)
            websocket = websocket_up(gevent_port)
        finally:
            server.terminate()
            server.wait(timeout=60)
    sandbox.admin.clear_faults()
    # The reference: one import in one process, as crash_test's child runs it.
    subprocess.run(child(args, reference), check=True, stdout=subprocess.DEVNULL)
    reference_status = run_state(reference)[0]
    sandbox.stop()

    with open(log_path) as log:
        text = log.read()
    killed = len(KILLED.findall(text)) + text.count("DistributionNotFound")
    state = run_state(prefork) or ("none", "0")
    got, want = chatter(prefork), chatter(reference)
    same = got == want and got[0] == got[1] and int(want[0]) > 0
    latency_ms = args.latency * 1000
    print(
        f"production: prefork 2 workers + cron, default limits, {latency_ms:.0f} ms "
        f"per call: run {state[0]} in {state[1]} slices, "
        f"{seconds or float('nan'):.0f} s; workers killed {killed}; websocket worker "
        f"{'up' if websocket else 'DOWN'}; chatter {got[0]} messages, reference "
        f"({reference_status}) {want[0]}: {'IDENTICAL' if same else 'DIFFERENT'}"
    )
    for database in (prefork, reference):
        subprocess.run(["dropdb", "--if-exists", database], check=False)
    ok = (
        state[0] == "done"
        and int(state[1]) > 1
        and not killed
        and websocket
        and same
        and seconds
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
