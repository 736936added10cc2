# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
from urllib.parse import urlsplit

from odoo.tests import HttpCase, TransactionCase
from odoo.tests import common as odoo_test_common

from .. import compat
from ..linkedin_recruiter_sandbox import FIXTURES, start_sandbox
from ..models.linkedin_backend import TOKEN_CACHE
from ..testing.records import (
    PERSON_MODEL,
    applicant_values,
    applications_of,
    create_application,
    create_person,
    person_of,
)
from ..testing.sandbox_backend import sandbox_backend_values

__all__ = [
    "PERSON_MODEL",
    "applicant_values",
    "applications_of",
    "create_application",
    "create_person",
    "person_of",
]

SANDBOX_SETTINGS = sandbox_backend_values("http://127.0.0.1:8099")

# The bundles a tour's pages load on 17.0 to 19.0 (each series has some of
# them), and which of their files.
WEB_CLIENT_BUNDLES = {
    "web.assets_web": ("js", "css"),
    "web.assets_web_print": ("css",),
    "web.assets_tests": ("js",),
    "bus.websocket_worker_assets": ("js",),
    "web_editor.backend_assets_wysiwyg": ("js", "css"),
    "web.assets_emoji": ("js",),
    "mail.assets_message_email": ("css",),
}


def build_web_client_bundles(env):
    """Build the web client's bundles in ``env``'s transaction. Built by a
    tour's page, they are rolled back with its test and cost the next tour
    about 10 s again: enough, on a loaded machine, to miss the 60 s Odoo
    gives a page to become ready."""
    qweb = env["ir.qweb"]
    for name, kinds in WEB_CLIENT_BUNDLES.items():
        bundle = qweb._get_asset_bundle(name)
        if not bundle.files:
            continue
        for kind in kinds:
            getattr(bundle, kind)()


def stored_candidate(sandbox, applicant):
    """The candidate ``sandbox`` stores for ``applicant`` (or None)."""
    return next(
        (
            candidate
            for candidate in sandbox.admin.candidates()
            if str(candidate.get("atsCandidateId")) == str(applicant.id)
        ),
        None,
    )


class PairTimeoutMixin:
    """Lets the client's (connect, read) timeout pair through the test guard
    on outgoing requests, which compares the timeout with a number since
    19.0 and fails on a pair; requests to the loopback sandbox go out as
    they are, anything else meets Odoo's guard."""

    @classmethod
    def _request_handler(cls, session, request, /, **kwargs):
        loopback = urlsplit(request.url).hostname in ("127.0.0.1", "localhost")
        if loopback and isinstance(kwargs.get("timeout"), tuple):
            return odoo_test_common._super_send(session, request, **kwargs)
        return super()._request_handler(session, request, **kwargs)


class FreshTokenMixin:
    """Each test starts with no shared access token: a sandbox reset revokes
    tokens, and the tests count LinkedIn calls as a fresh process makes them."""

    def setUp(self):
        super().setUp()
        TOKEN_CACHE.clear()


class LinkedInCase(FreshTokenMixin, PairTimeoutMixin, TransactionCase):
    """Shared fixtures: two companies and users of each recruitment role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.backend = cls.company.linkedin_backend_id
        cls.other_company = cls.env["res.company"].create({"name": "Other Co"})
        cls.other_backend = cls.other_company.linkedin_backend_id
        cls.officer = cls._create_user(
            "officer", "hr_recruitment.group_hr_recruitment_user"
        )
        cls.interviewer = cls._create_user(
            "interviewer", "hr_recruitment.group_hr_recruitment_interviewer"
        )

    def run_cron(self, xmlid):
        """Run this addon's scheduled action ``xmlid`` now, as its "Run
        Manually" button does, and fail on the error it reports. Since 19.0
        the job runs in a cursor of its own, which the test's transaction
        must stand in for."""
        cron = self.env.ref(f"linkedin_recruiter_connect.{xmlid}")
        lend_cursor = getattr(self, "enter_registry_test_mode", None)
        with lend_cursor() if lend_cursor else contextlib.nullcontext():
            result = cron.method_direct_trigger()
        self.assertIs(result, True, result)

    @classmethod
    def _create_user(cls, login, group_xmlid, email=None):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": login.replace("_", " ").title(),
                    "login": f"lrc_{login}",
                    "email": email or f"{login}@example.com",
                    "company_id": cls.company.id,
                    "company_ids": [(6, 0, (cls.company | cls.other_company).ids)],
                    compat.GROUPS_FIELD: [(6, 0, [cls.env.ref(group_xmlid).id])],
                }
            )
        )


class SandboxCase(LinkedInCase):
    """LinkedInCase against the LinkedIn Recruiter sandbox over real HTTP.

    The sandbox runs in a thread on an ephemeral 127.0.0.1 port (Odoo's test
    harness lets requests to 127.0.0.1 through) and is reset for every test.
    The company is configured for it and the officer holds Alice's seat.
    """

    fixtures = FIXTURES

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sandbox = start_sandbox(seed="demo")
        cls.addClassCleanup(cls.sandbox.stop)
        cls.backend.write(sandbox_backend_values(cls.sandbox.url))
        cls.recruiter = cls._create_user(
            "alice",
            "hr_recruitment.group_hr_recruitment_user",
            email="alice.recruiter@example.com",
        )
        cls.backend._refresh_seats()

    def setUp(self):
        super().setUp()
        self.sandbox.admin.reset("demo")

    def create_applicant(self, name, email=None, **values):
        """The person of a new application of ``name``: the applicant, in
        18.0 its candidate."""
        values = applicant_values(name, **values)
        if email:
            values["email_from"] = email
        return create_person(self.env, values)

    def entitle(self, applicant, title):
        """Give ``applicant`` what tells an application apart in its series:
        a subject line until 17.0, a job position since (on the candidate's
        applications in 18.0)."""
        if compat.APPLICANT_HAS_NAME:
            applicant.name = title
        else:
            job = self.env["hr.job"].create({"name": title})
            applications_of(applicant).job_id = job

    def open_match_wizard(self, applicant, user=None):
        """The match wizard ``user`` (default: the recruiter) opened, as them."""
        user = user or self.recruiter
        action = applicant.with_user(user).action_linkedin_connect()
        self.assertEqual(action["res_model"], "linkedin.match.wizard")
        return (
            self.env["linkedin.match.wizard"].with_user(user).browse(action["res_id"])
        )


class SandboxTourCase(FreshTokenMixin, PairTimeoutMixin, HttpCase):
    """HttpCase whose company uses an in-process sandbox (for the tours),
    in strict mode when ``strict``; admin holds a Recruiter seat."""

    strict = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sandbox = start_sandbox(seed="demo", strict=cls.strict)
        cls.addClassCleanup(cls.sandbox.stop)
        cls.company = cls.env.company
        cls.backend = cls.company.linkedin_backend_id
        cls.backend.write(sandbox_backend_values(cls.sandbox.url))
        # the sandbox's seat 5005 belongs to this email and name (a strict
        # sandbox, like LinkedIn, gives no seat email: the name maps it)
        cls.env.ref("base.user_admin").write(
            {"email": "admin@yourcompany.example.com", "name": "Mitchell Admin"}
        )
        cls.backend._refresh_seats()
        build_web_client_bundles(cls.env)

    def start_form_tour(self, applicant, tour):
        """Run ``tour`` as admin, starting on ``applicant``'s form (the
        person's: in 18.0 the candidate's)."""
        self.start_tour(
            f"/web#id={applicant.id}&model={applicant._name}&view_type=form",
            tour,
            login="admin",
        )
