# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import SANDBOX_SETTINGS, LinkedInCase


@tagged("post_install", "-at_install")
class TestLinkedInSettings(LinkedInCase):
    def _settings_form(self, company):
        settings = self.env["res.config.settings"].with_company(company)
        return Form(settings.with_context(allowed_company_ids=[company.id]))

    def test_settings_are_stored_per_company(self):
        with self._settings_form(self.company) as form:
            form.linkedin_enabled = True
            for name, value in SANDBOX_SETTINGS.items():
                setattr(form, name, value)
            form.linkedin_sync_interval = 30
        with self._settings_form(self.other_company) as form:
            form.linkedin_enabled = True
            for name, value in SANDBOX_SETTINGS.items():
                setattr(form, name, value)
            form.linkedin_client_secret = "other-secret"
            form.linkedin_organization_urn = "urn:li:organization:777"
            form.linkedin_contract_urn = "urn:li:contract:888"
            form.linkedin_api_version = "202604"

        self.assertTrue(self.company.linkedin_enabled)
        self.assertEqual(self.company.linkedin_contract_urn, "urn:li:contract:2000")
        self.assertEqual(self.company.linkedin_sync_interval, 30)
        self.assertEqual(self.company.linkedin_client_secret, "sandbox-secret")
        self.assertTrue(self.other_company.linkedin_enabled)
        self.assertEqual(
            self.other_company.linkedin_organization_urn, "urn:li:organization:777"
        )
        self.assertEqual(
            self.other_company.linkedin_contract_urn, "urn:li:contract:888"
        )
        self.assertEqual(self.other_company.linkedin_api_version, "202604")
        self.assertEqual(self.other_company.linkedin_client_secret, "other-secret")
        self.assertFalse(self.company.linkedin_api_version)
        self.assertEqual(self.other_company.linkedin_sync_interval, 15)

    def test_defaults(self):
        company = self.env["res.company"].create({"name": "Fresh Co"})
        self.assertEqual(company.linkedin_api_base_url, "https://api.linkedin.com")
        self.assertEqual(company.linkedin_sync_interval, 15)
        self.assertFalse(company.linkedin_enabled)

    def test_secret_unreadable_for_non_system_users(self):
        self.company.sudo().linkedin_client_secret = "top-secret"
        for user in (self.officer, self.interviewer):
            company = self.company.with_user(user)
            with self.assertRaises(AccessError):
                company.read(["linkedin_client_secret"])
            data = company.read(["linkedin_contract_urn"])[0]
            self.assertNotIn("linkedin_client_secret", data)
            self.assertNotIn(
                "linkedin_client_secret",
                company.fields_get(),
                "a recruiter must not even see the secret field",
            )
        self.assertEqual(self.company.linkedin_client_secret, "top-secret")

    def test_settings_access_is_admin_only(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.officer).create({})

    def test_format_checks_name_the_expected_form(self):
        cases = [
            ("linkedin_organization_urn", "12345", r"urn:li:organization:<digits>"),
            (
                "linkedin_organization_urn",
                "urn:li:organization:abc",
                r"urn:li:organization:<digits>",
            ),
            ("linkedin_contract_urn", "urn:li:seat:1", r"urn:li:contract:<digits>"),
            ("linkedin_api_base_url", "api.linkedin.com", r"https://host"),
            ("linkedin_api_base_url", "ftp://x.example", r"https://host"),
            ("linkedin_api_version", "2026-04", r"expected YYYYMM"),
            ("linkedin_api_version", "202613", r"expected YYYYMM"),
            ("linkedin_sync_interval", 2, r"between 5 and 1440 minutes \(got 2\)"),
        ]
        for field_name, value, message in cases:
            with self.subTest(field=field_name, value=value):
                with self.assertRaises(ValidationError) as caught:
                    self.company.write({field_name: value})
                self.assertRegex(str(caught.exception), message)
                self.assertNotEqual(self.company[field_name], value)

    def test_valid_formats_are_accepted(self):
        self.company.write(
            {
                "linkedin_organization_urn": "urn:li:organization:12345",
                "linkedin_contract_urn": "urn:li:contract:67890",
                "linkedin_api_base_url": "http://127.0.0.1:8099",
                "linkedin_api_version": "202604",
                "linkedin_sync_interval": 60,
            }
        )
        self.assertEqual(self.company.linkedin_api_version, "202604")

    def test_missing_settings_are_named(self):
        self.company.write({"linkedin_enabled": True, "linkedin_client_id": "x"})
        self.assertEqual(
            self.company._linkedin_missing_settings(),
            [
                "LinkedIn Client Secret",
                "LinkedIn Organization URN",
                "LinkedIn Recruiter Contract URN",
            ],
        )
        self.company.write(SANDBOX_SETTINGS)
        self.assertEqual(self.company._linkedin_missing_settings(), [])

    def test_settings_form_refuses_bad_contract(self):
        form = self._settings_form(self.company)
        form.linkedin_enabled = True
        for name, value in SANDBOX_SETTINGS.items():
            setattr(form, name, value)
        form.linkedin_contract_urn = "contract-42"
        with self.assertRaises(ValidationError) as caught:
            form.save().execute()
        self.assertIn("expected urn:li:contract:<digits>", str(caught.exception))
        self.assertFalse(self.company.linkedin_contract_urn)
