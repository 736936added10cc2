# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
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


@tagged("post_install", "-at_install")
class TestSharedToken(SandboxCase):
    """One access token serves the process's calls until LinkedIn refuses it;
    a connection test always asks LinkedIn for one."""

    def token_requests(self):
        return self.sandbox.admin.stats()["requests"].get("token", 0)

    def test_actions_after_the_first_reuse_its_token(self):
        before = self.token_requests()
        self.backend._refresh_seats()
        self.backend._refresh_seats()
        self.env["linkedin.sync.run"]._sync_company(self.company, "manual")
        self.assertEqual(self.token_requests() - before, 1)

    def test_a_revoked_token_is_replaced_once(self):
        self.backend._refresh_seats()
        self.sandbox.admin.expire_tokens()
        before = self.token_requests()
        self.backend._refresh_seats()
        self.backend._refresh_seats()
        self.assertEqual(self.token_requests() - before, 1)

    def test_the_connection_test_checks_the_credentials_with_linkedin(self):
        self.backend._refresh_seats()
        before = self.token_requests()
        self.env["res.config.settings"].create({}).action_linkedin_test_connection()
        self.assertEqual(self.token_requests() - before, 1)

    def test_new_credentials_do_not_reuse_the_token(self):
        self.backend._refresh_seats()
        self.backend.write({"client_secret": "not-the-secret"})
        with self.assertRaisesRegex(UserError, "refused the credentials"):
            self.backend._refresh_seats()
