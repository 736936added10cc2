# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SandboxCase


@tagged("post_install", "-at_install")
class TestConnection(SandboxCase):
    def _test(self):
        settings = self.env["res.config.settings"].create({})
        action = settings.action_linkedin_test_connection()
        return action["params"]

    def test_ready(self):
        params = self._test()
        self.assertEqual(params["title"], "LinkedIn Recruiter is ready")
        self.assertEqual(params["type"], "success")
        message = params["message"]
        self.assertIn("InMail and Notes history: enabled (InMails and", message)
        self.assertIn("In-ATS indicator: enabled (LinkedIn Recruiter shows", message)
        self.assertIn("Profile widget: enabled (recruiters see", message)
        self.assertNotIn("CSA_API", message, "features, not API names")
        self.assertIn("Ready: applicants can be connected", message)
        self.assertTrue(self.backend.test_ok)
        self.assertTrue(self.backend.test_at)

    def test_recruiter_lite_is_explained(self):
        self.backend.write(
            {
                "client_id": "lite-client",
                "client_secret": "lite-secret",
                "organization_urn": "urn:li:organization:1001",
                "contract_urn": "urn:li:contract:3000",
            }
        )
        params = self._test()
        self.assertEqual(params["title"], "LinkedIn Recruiter is not ready")
        self.assertIn("InMail and Notes history: NOT enabled.", params["message"])
        self.assertIn("Recruiter Lite, which is not supported", params["message"])
        self.assertFalse(self.backend.test_ok)

    def test_integration_disabled_in_recruiter(self):
        self.sandbox.admin.set_integration(
            "urn:li:organization:1000", "PROFILE_PLUGIN", False
        )
        ok, message = self.backend._test_connection()
        self.assertFalse(ok)
        self.assertIn("Profile widget: NOT enabled.", message)
        self.assertIn("missing integrations (PROFILE_PLUGIN)", message)
        self.assertIn("Recruiter's admin center", message)

    def test_wrong_credentials_never_show_the_secret(self):
        self.backend.client_secret = "s3cr3t-that-must-not-leak"
        ok, message = self.backend._test_connection()
        self.assertFalse(ok)
        self.assertIn("refused the credentials", message)
        self.assertNotIn("s3cr3t-that-must-not-leak", message)
        self.assertNotIn("s3cr3t", self.backend.test_message)
