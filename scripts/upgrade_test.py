# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrade in place: a database of the previous release keeps its LinkedIn data.

Usage (an Odoo config whose addons_path holds the current checkout)::

    PYTHONPATH=$ODOO_SRC $VENV/bin/python scripts/upgrade_test.py \
        --config .build/odoo-test.conf --odoo-bin $ODOO_SRC/odoo-bin \
        --previous 42bda82

1. ``git archive <previous>`` of the repository into a temporary addons
   directory, and a config whose addons_path has it instead of the current
   checkout's entry.
2. A fresh database where the previous version is installed without demo
   data, then set up as a customer would have it, with the previous
   version's own code (``tests/sandbox_company.py``, the match wizard, the
   disconnect wizard, the sync and the purge check) against a sandbox
   started here (demo seed): three companies (configured and enabled with no
   setting at its default; configured, moved to another contract, disabled
   and its API base URL cleared; untouched), seats mapped to users,
   applicants connected, disconnected and flagged, one full import. A
   snapshot of the settings, cursors, seats, links, scheduled jobs, chatter,
   to-dos and staged activity is taken.
3. ``odoo-bin -u linkedin_recruiter_connect`` with the current code; its log
   must hold no ERROR or CRITICAL line and the module must reach the current
   manifest version (above the previous one, or no migration runs).
4. The snapshot read back in the current shape (``linkedin.backend``,
   ``linkedin.contract``, see SETTINGS and CONTRACT_FIELDS) must be equal,
   value for value; each seat belongs to its company's contract of its URN
   (none when the company left that contract); the chatter, to-dos and
   staged activity are untouched and every scheduled job still names an
   existing method. One more sync with the current code must then duplicate
   nothing, resume from the migrated cursors (a handful of windows, not a
   new first import) and move no cursor backwards; one more purged-members
   check must flag nobody again (its cursor was kept).
5. The database is dropped, also on failure.

Every comparison is printed; the last line starts with ``upgrade:`` and sums
it up. Exits 0 only when everything matched.
"""

import argparse
import ast
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

from crash_test import odoo_env, psql

ADDON = "linkedin_recruiter_connect"
SNAPSHOT_PREFIX = "UPGRADE-SNAPSHOT "
LOG_PROBLEM = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", re.MULTILINE)
LOG_WARNING = re.compile(r"^\S+ \S+ \d+ WARNING \S+ (.*)$", re.MULTILINE)
LOG_MIGRATION = re.compile(rf"module {ADDON}: Running migration .*")

# The contract of the 17.0.2.0.0 migration: res.company field of the previous
# version -> field of the company's linkedin.backend.
SETTINGS = {
    "linkedin_enabled": "enabled",
    "linkedin_client_id": "client_id",
    "linkedin_client_secret": "client_secret",
    "linkedin_organization_urn": "organization_urn",
    "linkedin_api_base_url": "api_base_url",
    "linkedin_api_version": "api_version",
    "linkedin_sync_interval": "sync_interval",
    "linkedin_require_seat": "require_seat",
    "linkedin_backfill_days": "backfill_days",
    "linkedin_retention_days": "retention_days",
    "linkedin_test_ok": "test_ok",
    "linkedin_test_at": "test_at",
    "linkedin_test_message": "test_message",
    "linkedin_purge_checked_at": "purge_checked_at",
}
# res.company field of the previous version -> field of the backend's
# linkedin.contract of that URN.
CONTRACT_FIELDS = {
    "linkedin_contract_urn": "contract_urn",
    "linkedin_notes_cursor_ms": "notes_cursor_ms",
    "linkedin_purge_checked_ms": "purge_checked_ms",
}
SEAT_FIELDS = (
    "seat_urn",
    "member_urn",
    "holder_name",
    "email",
    "state",
    "contract_urn",
    "company_id",
    "user_id",
    "is_mapped",
    "linkedin_inmail_cursor_ms",
)
APPLICANT_FIELDS = (
    "name",
    "partner_name",
    "email_from",
    "company_id",
    "active",
    "linkedin_profile",
    "linkedin_member_urn",
    "linkedin_connected",
    "linkedin_connected_by_id",
    "linkedin_connected_at",
    "linkedin_auto_match_blocked",
    "linkedin_profile_from_linkedin",
    "linkedin_clear_pending",
    "linkedin_purge_reason",
)
SECRETS = ("client_secret",)
TODOS = "SELECT count(*) FROM mail_activity"

# The customer set up on the previous version (step 2). Every setting differs
# from its default, so a migration that drops one shows.
MAIN_SETTINGS = {
    "linkedin_api_version": "202604",
    "linkedin_sync_interval": 30,
    "linkedin_require_seat": False,
    "linkedin_backfill_days": 400,  # the whole demo history
    "linkedin_retention_days": 90,
}
SECOND_SETTINGS = {
    "linkedin_api_version": False,
    "linkedin_sync_interval": 60,
    "linkedin_require_seat": True,
    "linkedin_backfill_days": 30,
    "linkedin_retention_days": 0,
}
# (partner name, email, member to connect to or None, what then happens)
APPLICANTS = (
    ("Jane Doe", "jane.doe@example.com", "jane_doe", "connected"),
    ("John Smith", "john.smith@example.com", "john_smith", "connected"),
    ("Jon Smith", "j.smith@unknown.example", "jon_smith", "not the right profile"),
    ("Ahmed Khan", "a.khan@example.net", "ahmed_khan", "disconnected"),
    ("Jane Doe", "jane.doe.design@example.net", "jane_doe_paris", "purged"),
    ("Quentin Zyxwvut", "nobody.matches@example.com", None, "never connected"),
)
PURGED_MEMBER = "jane_doe_paris"
GENERATED_MEMBER = "urn:li:person:demo-00000"  # connected as the sync tests do


def shown(label, value):
    """``value`` as printed: secrets by their length, long texts cut."""
    if label.rsplit(".", 1)[-1] in SECRETS and value:
        return f"<{len(value)} chars>"
    text = repr(value)
    return text if len(text) <= 70 else f"{text[:60]}...<{len(value)} chars>"


class Failed(Exception):
    """A step failed; the message says what and why."""


# -- child processes: the Odoo side, with the previous or the current code ----


def plain(value):
    """A JSON value of an ORM value: ids for records, text for dates, integral
    floats as ints (a Float cursor and an Integer one compare equal)."""
    import datetime

    from odoo import models

    if isinstance(value, models.BaseModel):
        return value.ids if len(value) > 1 else (value.id or False)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read(record, names):
    """{name: plain value}; a field the model lacks reads ``<no field>``."""
    return {
        name: plain(record[name]) if name in record._fields else "<no field>"
        for name in names
    }


def emit(data):
    print(SNAPSHOT_PREFIX + json.dumps(data, sort_keys=True, default=str), flush=True)


def run_info(run):
    names = ("status", "created", "updated", "deleted", "staged", "fetched")
    info = read(run, names + ("windows_planned", "api_calls", "error"))
    info["id"] = run.id
    return info


def seed_previous(env, sandbox_url):
    """With the previous version's code: the customer's set-up and first import."""
    from odoo.addons.linkedin_recruiter_connect.linkedin_recruiter_sandbox import (
        FIXTURES,
    )
    from odoo.addons.linkedin_recruiter_connect.tests.sandbox_company import (
        sandbox_company_values,
    )

    company = env.ref("base.main_company")
    # the sandbox's seat 5005 belongs to this email (as in the tour tests)
    env.ref("base.user_admin").email = "admin@yourcompany.example.com"
    company.write(dict(sandbox_company_values(sandbox_url), **MAIN_SETTINGS))
    recruiter = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            {
                "name": "Alice Recruiter",
                "login": "lrc_upgrade_alice",
                "email": "alice.recruiter@example.com",
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "groups_id": [
                    (6, 0, [env.ref("hr_recruitment.group_hr_recruitment_user").id])
                ],
            }
        )
    )
    company._linkedin_refresh_seats()
    ok, message = company._linkedin_test_connection()
    if not ok:
        raise Failed(f"connection test of the main company failed: {message}")

    # A second company, first on the main contract, then moved to the other
    # one (the main contract's seats stay, inactive, with their old URN),
    # then disabled and its API base URL cleared (an empty setting must stay
    # empty, not become a default); a third one never configured.
    second = env["res.company"].create({"name": "Upgrade Second Company"})
    second.write(dict(sandbox_company_values(sandbox_url), **SECOND_SETTINGS))
    second._linkedin_refresh_seats()
    second.linkedin_contract_urn = FIXTURES["other_contract"]
    second._linkedin_refresh_seats()
    second._linkedin_test_connection()
    second.write({"linkedin_enabled": False, "linkedin_api_base_url": False})
    env["res.company"].create({"name": "Upgrade Unconfigured Company"})

    members = FIXTURES["members"]
    applicants = {}
    for name, email, member, fate in APPLICANTS:
        applicant = env["hr.applicant"].create(
            {
                "name": f"{name} ({fate})",
                "partner_name": name,
                "email_from": email,
                "company_id": company.id,
            }
        )
        if member:
            connect(env, applicant, recruiter, members[member], fate)
        applicants[fate] = applicant
    generated = env["hr.applicant"].create(
        {"name": "Member 0 (set by the sync)", "partner_name": "Member Zero"}
    )
    generated.sudo().linkedin_member_urn = GENERATED_MEMBER
    env.cr.commit()

    run = env["linkedin.sync.run"]._linkedin_sync_company(company, "manual")
    env.cr.commit()
    if run.status != "done":
        raise Failed(f"first import: run {run.status}: {run.error}")

    applicant = applicants["disconnected"].with_user(recruiter)
    action = applicant.action_linkedin_disconnect()
    env["linkedin.disconnect.wizard"].with_user(recruiter).browse(
        action["res_id"]
    ).action_disconnect()
    flagged = company._linkedin_check_purged_members()
    if applicants["purged"] not in flagged:
        raise Failed("the purge check flagged no applicant")
    env.cr.commit()
    return run_info(run)


def connect(env, applicant, user, member_urn, fate):
    """Connect ``applicant`` to ``member_urn`` through the match wizard as
    ``user``: the best match, or from the closest matches."""
    action = applicant.with_user(user).action_linkedin_connect()
    wizard = env["linkedin.match.wizard"].with_user(user).browse(action["res_id"])
    if wizard.best_line_id.member_urn == member_urn:
        wizard.action_connect_best()
    else:
        wizard.action_not_right_profile()
        line = wizard.line_ids.filtered(lambda line: line.member_urn == member_urn)
        if not line:
            raise Failed(f"LinkedIn does not propose {member_urn} for {fate}")
        line[:1].action_select()
    if applicant.linkedin_member_urn != member_urn:
        raise Failed(f"{applicant.name} was not connected to {member_urn}")


def previous_snapshot(env):
    """The LinkedIn data in the previous version's shape, keyed the new way."""
    companies = {}
    for company in env["res.company"].search([]):
        companies[str(company.id)] = {
            "name": company.name,
            "settings": {new: plain(company[old]) for old, new in SETTINGS.items()},
            "contract": {
                new: plain(company[old]) for old, new in CONTRACT_FIELDS.items()
            },
        }
    return {"companies": companies, **records_snapshot(env)}


def records_snapshot(env):
    """Seats, applicants and runs, the same in both versions."""
    seats = env["linkedin.seat"].with_context(active_test=False).search([])
    applicants = env["hr.applicant"].with_context(active_test=False).search([])
    return {
        "main_company": env.ref("base.main_company").id,
        "seats": {str(seat.id): read(seat, SEAT_FIELDS) for seat in seats},
        "applicants": {str(a.id): read(a, APPLICANT_FIELDS) for a in applicants},
        "runs": env["linkedin.sync.run"].search_count([]),
        "crons": crons(env),
    }


def crons(env):
    """The addon's scheduled jobs: {xmlid: (active, whether their code
    ``model.method()`` names a method of an existing model)}."""
    result = {}
    for data in env["ir.model.data"].search(
        [("module", "=", ADDON), ("model", "=", "ir.cron")]
    ):
        cron = env["ir.cron"].with_context(active_test=False).browse(data.res_id)
        match = re.fullmatch(r"model\.(\w+)\(\)", (cron.code or "").strip())
        model = cron.model_id.model
        runs = bool(match and model in env and hasattr(env[model], match[1]))
        result[data.name] = {"active": cron.active, "runs": runs, "code": cron.code}
    return result


def current_snapshot(env):
    """The LinkedIn data in the current version's shape."""
    missing = [m for m in ("linkedin.backend", "linkedin.contract") if m not in env]
    if missing:
        return {"error": f"no model {', '.join(missing)} after the upgrade"}
    Backend = env["linkedin.backend"].with_context(active_test=False)
    Contract = env["linkedin.contract"].with_context(active_test=False)
    contract_names = list(CONTRACT_FIELDS.values()) + ["backend_id"]
    companies = {}
    for company in env["res.company"].search([]):
        backends = Backend.search([("company_id", "=", company.id)])
        entry = {
            "name": company.name,
            "backends": backends.ids,
            "linked": plain(company.linkedin_backend_id)
            if "linkedin_backend_id" in company._fields
            else "<no field res.company.linkedin_backend_id>",
        }
        if backends:
            backend = backends[:1]
            entry["settings"] = read(backend, SETTINGS.values())
            entry["computed_contract_urn"] = read(backend, ["contract_urn"])[
                "contract_urn"
            ]
            entry["contracts"] = [
                dict(read(contract, contract_names), id=contract.id)
                for contract in Contract.search(
                    [("backend_id", "=", backend.id)], order="id"
                )
            ]
        companies[str(company.id)] = entry
    snapshot = {"companies": companies, **records_snapshot(env)}
    seats = env["linkedin.seat"].with_context(active_test=False).search([])
    for seat in seats:
        contract = seat.contract_id if "contract_id" in seat._fields else None
        snapshot["seats"][str(seat.id)]["contract_id"] = (
            "<no field linkedin.seat.contract_id>"
            if contract is None
            else dict(read(contract, ["contract_urn", "backend_id"]), id=contract.id)
        )
    return snapshot


def sync_current(env):
    """One manual sync of the main company with the current code."""
    Run = env["linkedin.sync.run"]
    company = env.ref("base.main_company")
    entry = getattr(Run, "_sync_company", None)
    name = "_sync_company"
    if entry is None:
        entry, name = Run._linkedin_sync_company, "_linkedin_sync_company"
    run = entry(company, "manual")
    env.cr.commit()
    if not run:
        raise Failed(f"{name} returned no run (another sync holds the lock?)")
    return dict(run_info(run), entry_point=name)


def purge_check_current(env):
    """One purged-members check of the main company with the current code."""
    company = env.ref("base.main_company")
    backend = (
        company.linkedin_backend_id
        if "linkedin_backend_id" in company._fields
        else None
    )
    if backend is not None and hasattr(backend, "_check_purged_members"):
        flagged = backend._check_purged_members()
        name = "linkedin.backend._check_purged_members"
    else:
        flagged = company._linkedin_check_purged_members()
        name = "res.company._linkedin_check_purged_members"
    env.cr.commit()
    return {"entry_point": name, "flagged": flagged.ids}


def child(args):
    """Run one phase in this process and print its snapshot as JSON."""
    registry, odoo = odoo_env(args.config, args.database)
    data = {}
    try:
        with registry.cursor() as cr:
            env = odoo.api.Environment(
                cr, odoo.api.SUPERUSER_ID, {"tracking_disable": True}
            )
            data["version"] = (
                env["ir.module.module"].search([("name", "=", ADDON)]).latest_version
            )
            if args.phase == "seed":
                data["run"] = seed_previous(env, args.sandbox_url)
                env.invalidate_all()
                data.update(previous_snapshot(env))
            elif args.phase == "read":
                data.update(current_snapshot(env))
            elif args.phase == "sync":
                data["run"] = sync_current(env)
                data["purge"] = purge_check_current(env)
                env.invalidate_all()
                data.update(current_snapshot(env))
    except Exception as error:  # reported to the parent, which says what failed
        traceback.print_exc()
        data["error"] = f"{type(error).__name__}: {error}"
    emit(data)
    odoo.sql_db.close_db(args.database)
    return 0 if "error" not in data else 1


# -- the parent: archive, databases, odoo-bin, comparisons --------------------


def read_conf(path):
    parser = configparser.ConfigParser(interpolation=None)
    if not parser.read(path):
        raise Failed(f"cannot read the Odoo config {path}")
    return parser


def write_conf(parser, path, database, addons_path, data_dir):
    copy = configparser.ConfigParser(interpolation=None)
    copy.read_dict(parser)
    options = copy["options"]
    options["addons_path"] = addons_path
    options["db_name"] = database
    options["dbfilter"] = f"^{database}$"
    options["data_dir"] = data_dir
    options["without_demo"] = "all"
    options["max_cron_threads"] = "0"
    with open(path, "w") as handle:
        copy.write(handle)
    return path


def addon_entry(addons_path):
    """(index, entry) of the addons_path entry holding this addon."""
    entries = [entry.strip() for entry in addons_path.split(",") if entry.strip()]
    for index, entry in enumerate(entries):
        if os.path.isfile(os.path.join(entry, ADDON, "__manifest__.py")):
            return entries, index
    raise Failed(f"no {ADDON} on the config's addons_path {addons_path}")


def manifest_version(addon_dir):
    with open(os.path.join(addon_dir, "__manifest__.py")) as handle:
        return ast.literal_eval(handle.read())["version"]


def version_key(version):
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def pg_environ(parser):
    """The environment for psql/createdb/dropdb, filled from the config's
    db_* options where the environment sets nothing."""
    environ = dict(os.environ)
    options = parser["options"]
    for option, name in (
        ("db_host", "PGHOST"),
        ("db_port", "PGPORT"),
        ("db_user", "PGUSER"),
        ("db_password", "PGPASSWORD"),
    ):
        value = options.get(option, "False")
        if name not in environ and value not in ("", "False"):
            environ[name] = value
    return environ


def extract_previous(repo, previous, target):
    """``git archive`` of ``previous`` as ``target``/linkedin_recruiter_connect."""
    archive = subprocess.run(
        ["git", "-C", repo, "archive", "--format=tar", f"--prefix={ADDON}/", previous],
        capture_output=True,
    )
    if archive.returncode:
        raise Failed(
            f"git archive {previous} in {repo} failed: "
            f"{archive.stderr.decode().strip()} (a shallow clone needs "
            "`git fetch --unshallow`)"
        )
    os.makedirs(target)
    subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)
    addon = os.path.join(target, ADDON)
    needed = (
        "__manifest__.py",
        "tests/sandbox_company.py",
        "linkedin_recruiter_sandbox/__init__.py",
    )
    absent = [name for name in needed if not os.path.exists(os.path.join(addon, name))]
    if absent:
        raise Failed(f"{previous} has no {', '.join(absent)}")
    files = sum(len(names) for _root, _dirs, names in os.walk(addon))
    return addon, files


class Upgrade:
    """The parent's state: paths, database, sandbox, what was printed."""

    def __init__(self, args):
        self.args = args
        self.parser = read_conf(args.config)
        self.environ = pg_environ(self.parser)
        odoo_src = os.path.dirname(os.path.abspath(args.odoo_bin))
        self.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, (odoo_src, self.environ.get("PYTHONPATH")))
        )
        self.database = args.database or f"lrc_upgrade_{os.getpid()}"
        self.tmp = tempfile.mkdtemp(prefix="lrc-upgrade-")
        self.log_dir = args.log_dir or os.path.dirname(os.path.abspath(args.config))
        self.sandbox = None
        self.problems = []
        self.compared = 0

    # -- helpers --------------------------------------------------------------

    def odoo(self, conf, flag, log_name):
        """``odoo-bin -i/-u`` the addon on the database; return the log text."""
        log_path = os.path.join(self.log_dir, log_name)
        command = [
            sys.executable,
            self.args.odoo_bin,
            "-c",
            conf,
            "-d",
            self.database,
            flag,
            ADDON,
            "--stop-after-init",
            "--without-demo=all",
            "--no-http",
            "--log-level=info",
        ]
        with open(log_path, "w") as log:
            code = subprocess.run(
                command, stdout=log, stderr=subprocess.STDOUT, env=self.environ
            ).returncode
        with open(log_path) as log:
            text = log.read()
        problems = [
            line
            for line in text.splitlines()
            if LOG_PROBLEM.match(line + "\n") or line.startswith("Traceback")
        ]
        if code or problems:
            print(f"    {log_path}:")
            for line in (problems or text.splitlines()[-20:])[:20]:
                print(f"      {line}")
            raise Failed(
                f"odoo-bin {flag} exited {code} with {len(problems)} ERROR/CRITICAL "
                f"lines (see {log_path})"
            )
        return text

    def phase(self, phase, conf):
        """Run a child phase; return its snapshot."""
        command = [
            sys.executable,
            os.path.abspath(__file__),
            "--phase",
            phase,
            "--config",
            conf,
            "--database",
            self.database,
            "--sandbox-url",
            self.sandbox.url,
        ]
        log_path = os.path.join(self.log_dir, f"upgrade-{phase}.log")
        with open(log_path, "w") as log:
            out = subprocess.run(
                command, stdout=subprocess.PIPE, stderr=log, text=True, env=self.environ
            )
        lines = [ln for ln in out.stdout.splitlines() if ln.startswith(SNAPSHOT_PREFIX)]
        data = json.loads(lines[-1][len(SNAPSHOT_PREFIX) :]) if lines else {}
        if out.returncode or not lines or data.get("error"):
            with open(log_path) as log:
                for line in log.read().splitlines()[-30:]:
                    print(f"      {line}")
            error = data.get("error") or f"exit {out.returncode}, no snapshot"
            raise Failed(f"{phase} phase: {error} (see {log_path})")
        return data

    def check(self, label, old, new):
        """Compare one value, print it, remember a difference."""
        self.compared += 1
        if old == new:
            print(f"    = {label}: {shown(label, old)}")
            return True
        print(f"    ! {label}: {shown(label, old)} -> {shown(label, new)}")
        self.problems.append(f"{label}: {shown(label, old)} became {shown(label, new)}")
        return False

    def check_record(self, label, old, new, names):
        """Compare the fields ``names`` of one record: one line when all are
        equal (with the values that are set), one line per difference."""
        differ = [name for name in names if old[name] != new.get(name)]
        self.compared += len(names)
        for name in differ:
            self.check(f"{label}.{name}", old[name], new.get(name))
        if not differ:
            values = ", ".join(
                f"{name}={shown(name, old[name])}" for name in names if old[name]
            )
            print(f"    = {label}: {len(names)} fields equal ({values})")

    def problem(self, text):
        print(f"    ! {text}")
        self.problems.append(text)

    def chatter(self):
        """Digests of the imported chatter, the applicants' chatter and the
        staged activity, read with SQL (the same whatever the code)."""
        imported = psql(
            self.database,
            "SELECT count(*), count(DISTINCT (model, res_id, linkedin_activity_id)),"
            " md5(string_agg(id::text, ',' ORDER BY id)),"
            " md5(string_agg(concat_ws('/', id, model, res_id, date, author_id,"
            " email_from, subtype_id, message_type, subject, body, message_id,"
            " linkedin_activity_id), '|' ORDER BY id))"
            " FROM mail_message WHERE linkedin_activity_id IS NOT NULL",
            env=self.environ,
        ).split("|")
        applicants = psql(
            self.database,
            "SELECT count(*), md5(string_agg(concat_ws('/', id, res_id, date,"
            " author_id, subtype_id, message_type, subject, body), '|' ORDER BY id))"
            " FROM mail_message WHERE model = 'hr.applicant'",
            env=self.environ,
        ).split("|")
        activity = psql(
            self.database,
            "SELECT count(*), count(DISTINCT (company_id, kind, external_id)),"
            " md5(string_agg(concat_ws('/', id, kind, external_id, company_id,"
            " member_urn, member_name, seat_id, seat_urn, contract_urn, author_urn,"
            " direction, thread_urn, subject, body, linkedin_created_at,"
            " linkedin_modified_at, linkedin_modified_ms, active), '|' ORDER BY id))"
            " FROM linkedin_activity",
            env=self.environ,
        ).split("|")
        return {
            "messages": int(imported[0]),
            "distinct_messages": int(imported[1]),
            "message_ids": imported[2],
            "message_digest": imported[3],
            "applicant_messages": int(applicants[0]),
            "applicant_digest": applicants[1],
            "activity": int(activity[0]),
            "distinct_activity": int(activity[1]),
            "activity_digest": activity[2],
            "to-dos": int(psql(self.database, TODOS, env=self.environ) or 0),
        }

    # -- the steps ------------------------------------------------------------

    def run(self):
        args = self.args
        entries, index = addon_entry(self.parser["options"]["addons_path"])
        current = os.path.realpath(os.path.join(entries[index], ADDON))
        repo = args.repo or current
        new_version = manifest_version(current)

        print(f"[1/5] previous version {args.previous} from {repo}")
        old_dir, files = extract_previous(
            repo, args.previous, os.path.join(self.tmp, "old")
        )
        old_version = manifest_version(old_dir)
        old_entries = list(entries)
        old_entries[index] = os.path.dirname(old_dir)
        data_dir = os.path.join(self.tmp, "data")
        old_conf = write_conf(
            self.parser,
            os.path.join(self.tmp, "previous.conf"),
            self.database,
            ",".join(old_entries),
            data_dir,
        )
        new_conf = write_conf(
            self.parser,
            os.path.join(self.tmp, "current.conf"),
            self.database,
            ",".join(entries),
            data_dir,
        )
        print(
            f"    {old_dir}: version {old_version}, {files} files, sandbox package "
            f"and tests/sandbox_company.py present\n"
            f"    addons_path entry {entries[index]} -> {old_entries[index]}\n"
            f"    current code {current}: version {new_version}"
        )
        if not args.previous_only and version_key(new_version) <= version_key(
            old_version
        ):
            raise Failed(
                f"the current version {new_version} is not above {old_version}: "
                "Odoo runs no migration script"
            )

        sys.path.insert(0, current)
        from linkedin_recruiter_sandbox import FIXTURES, start_sandbox

        self.sandbox = start_sandbox(seed="demo")
        self.sandbox.admin.purge_member(FIXTURES["members"][PURGED_MEMBER], "CLOSED")
        print(f"    sandbox (demo seed) at {self.sandbox.url}")

        started = time.monotonic()
        print(f"[2/5] database {self.database} with {ADDON} {old_version}")
        subprocess.run(
            ["dropdb", "--if-exists", self.database],
            check=True,
            env=self.environ,
            capture_output=True,
        )
        self.odoo(old_conf, "-i", "upgrade-install.log")
        before = self.phase("seed", old_conf)
        chatter_before = self.chatter()
        self.print_previous(before, chatter_before, time.monotonic() - started)
        if args.previous_only:
            return before, None, chatter_before, old_version, new_version

        started = time.monotonic()
        print(f"[3/5] odoo-bin -u {ADDON} with the current code")
        text = self.odoo(new_conf, "-u", "upgrade-update.log")
        migrations = LOG_MIGRATION.findall(text)
        installed = psql(
            self.database,
            f"SELECT state || ' ' || latest_version FROM ir_module_module "
            f"WHERE name = '{ADDON}'",
            env=self.environ,
        )
        warnings = LOG_WARNING.findall(text)
        print(
            f"    {installed} ({time.monotonic() - started:.0f} s), no ERROR or "
            f"CRITICAL line, {len(warnings)} warnings; migrations run: "
            f"{len(migrations)}"
        )
        for line in migrations:
            print(f"      {line.strip()}")
        for line in warnings[:10]:
            print(f"      warning: {line.strip()[:160]}")
        if installed != f"installed {new_version}":
            raise Failed(f"the module is {installed!r} after -u, not {new_version}")
        left = psql(
            self.database,
            "SELECT string_agg(column_name, ', ' ORDER BY column_name) FROM "
            "information_schema.columns WHERE table_name = 'res_company' AND "
            "column_name LIKE 'linkedin%'",
            env=self.environ,
        )
        print(f"    res_company columns left: {left or 'none'}")

        print("[4/5] the previous data read in the current shape")
        after = self.phase("read", new_conf)
        self.compare(before, after)
        chatter_after = self.chatter()
        self.compare_chatter(chatter_before, chatter_after, "after the upgrade")
        self.check("sync runs", before["runs"], after["runs"])
        self.compare_crons(before["crons"], after["crons"])
        synced = self.phase("sync", new_conf)
        self.compare_sync(before, after, synced, chatter_after)
        return before, synced, chatter_before, old_version, new_version

    def print_previous(self, before, chatter, seconds):
        run = before["run"]
        companies = before["companies"]
        connected = [
            a for a in before["applicants"].values() if a["linkedin_member_urn"]
        ]
        print(
            f"    set up and imported with the previous code in {seconds:.0f} s: "
            f"{len(companies)} companies, {len(before['seats'])} seats "
            f"({sum(bool(s['user_id']) for s in before['seats'].values())} mapped), "
            f"{len(before['applicants'])} applicants ({len(connected)} connected)"
        )
        print(
            f"    first import: run {run['status']}, {run['windows_planned']} windows,"
            f" {run['api_calls']} calls, {run['created']} messages, {run['staged']} "
            f"staged; now {chatter['messages']} imported messages, "
            f"{chatter['activity']} activity rows, {chatter['applicant_messages']} "
            "applicant messages in all"
        )
        for company_id, company in companies.items():
            settings, contract = company["settings"], company["contract"]
            print(
                f"    company {company_id} {company['name']!r}: enabled="
                f"{settings['enabled']} contract={contract['contract_urn']} "
                f"notes cursor={contract['notes_cursor_ms']} purge cursor="
                f"{contract['purge_checked_ms']} tested={settings['test_ok']}"
            )

    def compare(self, before, after):
        """The snapshot of the previous version against the current one."""
        for company_id, old in before["companies"].items():
            self.compare_company(company_id, old, after["companies"].get(company_id))
        backends = {
            company_id: (entry.get("backends") or [None])[0]
            for company_id, entry in after["companies"].items()
        }
        contracts = {
            company_id: entry.get("contracts") or []
            for company_id, entry in after["companies"].items()
        }
        for seat_id, old in before["seats"].items():
            new = after["seats"].get(seat_id)
            label = f"seat {seat_id} ({old['seat_urn']})"
            if new is None:
                self.problem(f"{label} is gone")
                continue
            self.check_record(label, old, new, SEAT_FIELDS)
            contract = new["contract_id"]
            if not isinstance(contract, dict):
                self.problem(f"{label}.contract_id: {contract!r}")
                continue
            company_contracts = contracts.get(str(old["company_id"]), [])
            expected = next(
                (
                    c["id"]
                    for c in company_contracts
                    if c["contract_urn"] == old["contract_urn"]
                    or not old["contract_urn"]
                ),
                False,
            )
            if not expected:
                # a seat of a contract the company left: no contract of its own
                self.check(
                    f"{label}.contract_id (its {old['contract_urn']} is not a "
                    "contract of the company any more)",
                    False,
                    contract["id"],
                )
                continue
            self.check_record(
                f"{label}.contract_id",
                {
                    "id": expected,
                    "contract_urn": old["contract_urn"],
                    "backend_id": backends.get(str(old["company_id"])),
                },
                contract,
                ("id", "contract_urn", "backend_id"),
            )
        for applicant_id, old in before["applicants"].items():
            new = after["applicants"].get(applicant_id)
            label = f"applicant {applicant_id} ({old['name']})"
            if new is None:
                self.problem(f"{label} is gone")
                continue
            self.check_record(label, old, new, APPLICANT_FIELDS)

    def compare_company(self, company_id, old, new):
        label = f"company {company_id} ({old['name']})"
        settings, contract = old["settings"], old["contract"]
        configured = any(
            (
                settings["enabled"],
                settings["client_id"],
                settings["organization_urn"],
                contract["contract_urn"],
            )
        )
        backends = (new or {}).get("backends") or []
        if not backends:
            if configured:
                self.problem(f"{label}: no linkedin.backend")
            else:
                print(f"    = {label}: never configured, no linkedin.backend")
            return
        if len(backends) > 1:
            self.problem(f"{label}: {len(backends)} linkedin.backend records")
        self.check(f"{label}.linkedin_backend_id", backends[0], new["linked"])
        prefix = f"{label} backend {backends[0]}"
        for name, value in settings.items():
            self.check(f"{prefix}.{name}", value, new["settings"][name])
        contracts = new["contracts"]
        urn = contract["contract_urn"]
        self.check(
            f"{prefix}.contract_urn (computed)", urn, new["computed_contract_urn"]
        )
        if not urn:
            if contracts:
                self.problem(f"{prefix}: contracts {contracts!r} without a URN before")
            return
        if len(contracts) != 1:
            self.problem(f"{prefix}: {len(contracts)} contracts, expected 1")
        found = [c for c in contracts if c["contract_urn"] == urn]
        if not found:
            self.problem(f"{prefix}: no linkedin.contract {urn}")
            return
        for name, value in contract.items():
            self.check(
                f"{prefix} contract {found[0]['id']}.{name}", value, found[0][name]
            )
        self.check(
            f"{prefix} contract {found[0]['id']}.backend_id",
            backends[0],
            found[0]["backend_id"],
        )

    def compare_crons(self, before, after):
        """The addon's scheduled jobs keep their state and still run: their
        records are noupdate, so the upgrade does not rewrite their code."""
        for xmlid, old in before.items():
            new = after.get(xmlid)
            if new is None:
                self.problem(f"cron {xmlid} is gone")
                continue
            self.check(f"cron {xmlid}.active", old["active"], new["active"])
            if not new["runs"]:
                self.problem(f"cron {xmlid}: {new['code']!r} names no method")
            else:
                print(f"    = cron {xmlid}: {new['code']!r} runs")

    def compare_chatter(self, before, after, when):
        print(
            f"    chatter {when}: {after['messages']} imported messages "
            f"({after['distinct_messages']} distinct), {after['activity']} activity "
            f"rows, {after['applicant_messages']} applicant messages"
        )
        for name in before:
            self.check(f"{name} {when}", before[name], after[name])

    def compare_sync(self, before, after, synced, chatter_before):
        run = synced["run"]
        print(
            f"[4/5] one more sync with the current code ({run['entry_point']}): "
            f"run {run['status']}, {run['windows_planned']} windows, "
            f"{run['api_calls']} calls, created {run['created']}, updated "
            f"{run['updated']}, deleted {run['deleted']}, staged {run['staged']}"
        )
        if run["status"] != "done":
            self.problem(f"post-upgrade sync: run {run['status']}: {run['error']}")
        chatter = self.chatter()
        for name in ("messages", "distinct_messages", "message_ids", "activity"):
            self.check(f"{name} after the sync", chatter_before[name], chatter[name])
        self.check(
            "messages duplicated", 0, chatter["messages"] - chatter["distinct_messages"]
        )
        self.check(
            "activity rows duplicated",
            0,
            chatter["activity"] - chatter["distinct_activity"],
        )
        self.check("messages created by the sync", 0, run["created"])
        for name in ("message_digest", "activity_digest"):
            same = chatter[name] == chatter_before[name]
            print(f"    {name} after the sync: {'unchanged' if same else 'CHANGED'}")
        self.check("sync runs after the sync", after["runs"] + 1, synced["runs"])
        main = after["main_company"]
        active = [
            seat
            for seat in after["seats"].values()
            if seat["state"] == "active" and seat["company_id"] == main
        ]
        contracts = after["companies"][str(main)].get("contracts") or []
        streams = len(active) + len(contracts)
        planned = run["windows_planned"]
        if isinstance(planned, int) and planned > 2 * streams:
            self.problem(
                f"post-upgrade sync planned {planned} windows for {streams} streams: "
                "it did not resume from the migrated cursors"
            )
        else:
            print(
                f"    resumed from the cursors: {planned} windows for {streams} streams"
            )
        self.compare_cursors(after, synced)
        purge = synced["purge"]
        main_settings = after["companies"][str(main)].get("settings", {})
        synced_settings = synced["companies"][str(main)].get("settings", {})
        print(
            f"[4/5] one more purged-members check ({purge['entry_point']}): "
            f"{len(purge['flagged'])} applicants flagged, checked at "
            f"{synced_settings.get('purge_checked_at')}"
        )
        self.check("applicants flagged again by the purge check", [], purge["flagged"])
        if not (synced_settings.get("purge_checked_at") or "") > (
            main_settings.get("purge_checked_at") or ""
        ):
            self.problem("the purge check did not record when it ran")
        self.check(
            "to-dos after the sync and purge check",
            chatter_before["to-dos"],
            chatter["to-dos"],
        )

    def compare_cursors(self, after, synced):
        """No cursor moved backwards in the post-upgrade sync."""
        for company_id, entry in after["companies"].items():
            new_entry = synced["companies"].get(company_id, {})
            new_contracts = {c["id"]: c for c in new_entry.get("contracts") or []}
            for contract in entry.get("contracts") or []:
                moved = new_contracts.get(contract["id"], {})
                for name in ("notes_cursor_ms", "purge_checked_ms"):
                    self.forward(
                        f"contract {contract['id']}.{name}",
                        contract[name],
                        moved.get(name),
                    )
        for seat_id, seat in after["seats"].items():
            moved = synced["seats"].get(seat_id, {})
            self.forward(
                f"seat {seat_id}.linkedin_inmail_cursor_ms",
                seat["linkedin_inmail_cursor_ms"],
                moved.get("linkedin_inmail_cursor_ms"),
            )

    def forward(self, label, old, new):
        self.compared += 1
        if not isinstance(new, (int, float)) or (old and new < old):
            self.problem(f"{label} moved backwards: {old!r} -> {new!r}")
        elif new != old:
            print(f"    > {label}: +{(new - old) / 1000:.0f} s")
        else:
            print(f"    = {label}: {old!r}")

    def cleanup(self):
        if self.sandbox:
            self.sandbox.stop()
        if not self.args.keep:
            subprocess.run(
                ["dropdb", "--if-exists", self.database],
                env=self.environ,
                check=False,
                capture_output=True,
            )
        shutil.rmtree(self.tmp, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--odoo-bin")
    parser.add_argument(
        "--previous", default="42bda82", help="commit of the previous release"
    )
    parser.add_argument("--repo", help="git repository (default: the current code's)")
    parser.add_argument("--database", help="default: lrc_upgrade_<pid>")
    parser.add_argument("--log-dir", help="odoo-bin logs (default: the config's dir)")
    parser.add_argument(
        "--previous-only",
        action="store_true",
        help="steps 1, 2 and 5 only: set up the previous version's database",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--phase", choices=("seed", "read", "sync"), help="internal")
    parser.add_argument("--sandbox-url", help="internal")
    args = parser.parse_args()
    if args.phase:
        return child(args)
    if not args.odoo_bin:
        parser.error("--odoo-bin is required")

    started = time.monotonic()
    upgrade = None
    try:
        upgrade = Upgrade(args)
        before, synced, chatter, old_version, new_version = upgrade.run()
    except (Failed, subprocess.CalledProcessError) as error:
        print(f"upgrade: FAILED: {error} ({time.monotonic() - started:.0f} s)")
        return 1
    finally:
        if upgrade:
            upgrade.cleanup()
            kept = "kept" if args.keep else "dropped"
            print(f"[5/5] database {upgrade.database} {kept}")
    seconds = time.monotonic() - started
    scope = (
        f"{len(before['companies'])} companies, {len(before['seats'])} seats, "
        f"{len(before['applicants'])} applicants, {chatter['messages']} messages, "
        f"{chatter['activity']} activity rows"
    )
    if synced is None:
        print(f"upgrade: previous {old_version} set up only: {scope} ({seconds:.0f} s)")
        return 0
    if upgrade.problems:
        print(f"{len(upgrade.problems)} differences:")
        for problem in upgrade.problems:
            print(f"  {problem}")
        print(
            f"upgrade: {old_version} ({args.previous}) -> {new_version}: FAILED, "
            f"{len(upgrade.problems)} of {upgrade.compared} checks differ; first: "
            f"{upgrade.problems[0]} ({seconds:.0f} s)"
        )
        return 1
    print(
        f"upgrade: {old_version} ({args.previous}) -> {new_version} in place: "
        f"{upgrade.compared} checks equal ({scope}); post-upgrade sync "
        f"{synced['run']['status']}, {synced['run']['windows_planned']} windows, "
        f"nothing duplicated ({seconds:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
