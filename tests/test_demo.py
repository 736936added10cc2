# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools import convert_file

from .. import compat

MODULE = "linkedin_recruiter_connect"
DEMO_APPLICANTS = ("jane_doe", "john_smith", "maria_garcia", "no_match")


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo applicants sit in the Applications kanban like real ones:
    each applies to a job and is in a stage (the tests run without demo
    data, so the demo file is loaded here)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for path in get_manifest(MODULE)["demo"]:
            convert_file(cls.env, MODULE, path, {}, mode="init", kind="demo")
        cls.applicants = cls.env["hr.applicant"].browse(
            [
                cls.env.ref(f"{MODULE}.hr_applicant_demo_{name}").id
                for name in DEMO_APPLICANTS
            ]
        )

    def test_every_demo_applicant_has_a_job_and_a_stage(self):
        for applicant in self.applicants:
            with self.subTest(applicant=applicant.partner_name):
                self.assertTrue(applicant.job_id)
                self.assertTrue(applicant.stage_id)
                if compat.APPLICANT_HAS_NAME:
                    self.assertIn(applicant.job_id.name, applicant.name)

    def test_no_demo_applicant_is_in_the_kanban_none_group(self):
        groups = self.env["hr.applicant"].read_group(
            [("id", "in", self.applicants.ids)], ["stage_id"], ["stage_id"]
        )
        self.assertTrue(groups)
        self.assertTrue(all(group["stage_id"] for group in groups), groups)
        by_job = self.env["hr.applicant"].read_group(
            [("id", "in", self.applicants.ids)], ["job_id"], ["job_id"]
        )
        self.assertTrue(all(group["job_id"] for group in by_job), by_job)
