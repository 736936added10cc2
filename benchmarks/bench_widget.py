# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Server time from the "Connect to LinkedIn Recruiter" click to LinkedIn's
profile widget being ready, against a strict sandbox over real HTTP; prints
figures.

Each sample, on a fresh applicant, runs what the click makes servers do when
LinkedIn names no match (it documents bare member URNs): Odoo's part, the
click's ``action_linkedin_connect`` (push the candidate, fetch its matches)
and the widget's ``linkedin_widget_config`` call; then LinkedIn's part, the
requests the browser makes for the widget (in.js, the HcmWidget extension
and the widget's page for a signed-in recruiter, which shows the best
match). ``--latency`` adds that many milliseconds to every LinkedIn API call
(not to the widget's own pages). Everything in Odoo is rolled back.

    PYTHONPATH=$ODOO_SRC python benchmarks/bench_widget.py -c odoo.conf -d DB
"""

import argparse
import statistics
import time
from urllib.parse import urlencode

import requests
from bench_common import api_requests, calls_per_click

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

PEOPLE = [
    ("Jane Doe", "jane.doe@example.com"),
    ("John Smith", "j.smith@unknown.example"),
    ("Maria Garcia", "maria.g@unknown.example"),
    ("Ahmed Khan", "a.khan@example.net"),
]
ODOO_ORIGIN = "http://127.0.0.1:8069"
TIMEOUT = (5, 30)


def _percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


class WidgetBrowser:
    """The requests a browser makes for LinkedIn's widget, signed in once."""

    def __init__(self, sandbox_url, email, password):
        self.sandbox_url = sandbox_url
        self.http = requests.Session()
        self.http.headers["Referer"] = f"{ODOO_ORIGIN}/odoo"
        self.email, self.password = email, password

    def page_url(self, config):
        query = {
            "api_key": config["api_key"],
            "atsCandidateId": config["candidate_id"],
            "integrationContext": config["integration_context"],
            "integrationContract": config["integration_contract"] or "",
            "showUnlinkUrl": "true",
            "confirmUnlink": "true",
            "origin": ODOO_ORIGIN,
        }
        return f"{self.sandbox_url}/rsc/widget/profile?{urlencode(query)}"

    def get(self, url):
        response = self.http.get(url, timeout=TIMEOUT)
        response.raise_for_status()
        return response.text

    def sign_in(self, config):
        response = self.http.post(
            self.page_url(config),
            data={"action": "signin", "email": self.email, "password": self.password},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        if 'data-in-state="match"' not in response.text:
            raise SystemExit(f"Could not sign in to the widget: {response.text[:300]}")

    def load(self, config):
        """Load the widget; its page's text."""
        self.get(config["loader_url"])
        self.get(config["extension_url"])
        return self.get(self.page_url(config))


def _one_click(env, browser, index, create_person, applicant_values):
    name, email = PEOPLE[index % len(PEOPLE)]
    person = create_person(
        env, applicant_values(name, f"Bench job {index}", email_from=email)
    )
    env.flush_all()
    start = time.perf_counter()
    action = person.action_linkedin_connect()
    config = person.linkedin_widget_config()
    env.flush_all()
    odoo_done = time.perf_counter()
    if action.get("tag") != "linkedin_recruiter_connect.profile_widget":
        raise SystemExit(f"The click opened {action} instead of LinkedIn's widget")
    page = browser.load(config)
    if "Best match" not in page and "No matching LinkedIn profile" not in page:
        raise SystemExit(f"The widget is not ready for {name}: {page[:300]}")
    return odoo_done - start, time.perf_counter() - odoo_done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--samples", type=int, default=40)
    parser.add_argument("--latency", type=int, default=100, help="ms per API call")
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
    with (
        sandbox.start_sandbox(seed="demo", strict=True) as handle,
        registry.cursor() as cr,
    ):
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        values = sandbox_backend_values(handle.url)
        env.company.linkedin_backend_id.write(dict(values, require_seat=False))
        handle.admin.register_domains(values["client_id"], [ODOO_ORIGIN])
        fixtures = handle.admin.fixtures()
        browser = WidgetBrowser(
            handle.url, "alice.recruiter@example.com", fixtures["widget_password"]
        )
        warm = create_person(
            env, applicant_values("Warm Up", "Bench", email_from="w@example.com")
        )
        warm.action_linkedin_connect()
        browser.sign_in(warm.linkedin_widget_config())
        if args.latency:
            handle.admin.set_fault("*", "delay", delay=args.latency / 1000)
        before = api_requests(handle.admin)
        samples = [
            _one_click(env, browser, i, create_person, applicant_values)
            for i in range(args.samples)
        ]
        after = api_requests(handle.admin)
        cr.rollback()
    odoo_ms = [s[0] * 1000 for s in samples]
    widget_ms = [s[1] * 1000 for s in samples]
    total_ms = [(s[0] + s[1]) * 1000 for s in samples]
    print(
        f"connect click -> LinkedIn's widget ready, {len(samples)} samples "
        f"(strict sandbox over HTTP, {args.latency} ms per API call)"
    )
    print(
        "  LinkedIn API calls per click: "
        + calls_per_click(before, after, len(samples))
    )
    for label, figures in (
        ("Odoo (push, matches, widget config)", odoo_ms),
        ("LinkedIn widget (in.js, extension, page)", widget_ms),
        ("total", total_ms),
    ):
        print(
            f"  {label:42s} median {statistics.median(figures):7.1f} ms"
            f"   p95 {_percentile(figures, 0.95):7.1f} ms"
        )


if __name__ == "__main__":
    main()
