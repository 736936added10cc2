# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Server-side time from the "Connect to LinkedIn Recruiter" click to the
match wizard's content, against the sandbox over real HTTP; prints figures.

Each sample runs what the click runs on the server (``action_linkedin_connect``:
push the candidate, fetch its matches, create the wizard) plus the web
client's read of the wizard form, on a fresh applicant (for the one LinkedIn
finds no match for, the click opens LinkedIn's profile widget instead:
``bench_widget.py`` times that). Everything is rolled back afterwards.

    PYTHONPATH=$ODOO_SRC python benchmarks/bench_connect.py -c odoo.conf -d DB
"""

import argparse
import functools
import statistics
import time

from bench_common import api_requests, calls_per_click

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

WIZARD_FIELDS = [
    "best_name",
    "best_headline",
    "best_location",
    "best_profile_url",
    "best_score",
    "best_reason",
    "show_all",
    "line_ids",
]
PEOPLE = [
    ("Jane Doe", "jane.doe@example.com"),
    ("John Smith", "j.smith@unknown.example"),
    ("Maria Garcia", "maria.g@unknown.example"),
    ("Quentin Zyxwvut", "nobody.matches@example.com"),
]


def _configure(env, company_values):
    env.company.linkedin_backend_id.write(dict(company_values, require_seat=False))


def _one_click(env, index, create_person, applicant_values):
    name, email = PEOPLE[index % len(PEOPLE)]
    person = create_person(
        env, applicant_values(name, subject=f"Bench {index}", email_from=email)
    )
    env.flush_all()
    start = time.perf_counter()
    action = person.action_linkedin_connect()
    if action.get("res_model") == "linkedin.match.wizard":
        wizard = env["linkedin.match.wizard"].browse(action["res_id"])
        wizard.read(WIZARD_FIELDS)
        wizard.line_ids.read(["name", "headline", "location", "score", "reason"])
    # else LinkedIn described no match: the browser opens its profile widget
    env.flush_all()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--samples", type=int, default=60)
    parser.add_argument("--log-level", default="warn")
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, f"--log-level={args.log_level}"]
    )
    # importable only once the addons path is configured
    from odoo.addons.linkedin_recruiter_connect import (  # pylint: disable=import-outside-toplevel
        linkedin_recruiter_sandbox as sandbox,
    )
    from odoo.addons.linkedin_recruiter_connect.testing.records import (  # pylint: disable=import-outside-toplevel
        applicant_values,
        create_person,
    )
    from odoo.addons.linkedin_recruiter_connect.testing.sandbox_backend import (  # pylint: disable=import-outside-toplevel
        sandbox_backend_values,
    )

    registry = Registry(args.database)
    with sandbox.start_sandbox(seed="demo") as handle, registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        _configure(env, sandbox_backend_values(handle.url))
        click = functools.partial(
            _one_click, create_person=create_person, applicant_values=applicant_values
        )
        click(env, 0)  # warm-up: registry caches, first token
        requests_before = api_requests(handle.admin)
        samples = [click(env, i) for i in range(args.samples)]
        requests_after = api_requests(handle.admin)
        cr.rollback()
    samples_ms = sorted(s * 1000 for s in samples)
    p95 = samples_ms[max(0, round(0.95 * len(samples_ms)) - 1)]
    print(f"connect click -> wizard content, {len(samples_ms)} samples (sandbox HTTP)")
    print(f"  median: {statistics.median(samples_ms):.1f} ms")
    print(f"  p95:    {p95:.1f} ms")
    print(f"  max:    {samples_ms[-1]:.1f} ms")
    print(
        "  LinkedIn API calls per click: "
        + calls_per_click(requests_before, requests_after, len(samples_ms))
    )


if __name__ == "__main__":
    main()
