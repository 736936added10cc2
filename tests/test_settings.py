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
                setattr(form, f"linkedin_{name}", value)
            form.linkedin_sync_interval = 30
        with self._settings_form(self.other_company) as form:
            form.linkedin_enabled = True
            for name, value in SANDBOX_SETTINGS.items():
                setattr(form, f"linkedin_{name}", value)
            form.linkedin_client_secret = "other-secret"
            form.linkedin_organization_urn = "urn:li:organization:777"
            form.linkedin_contract_urn = "urn:li:contract:888"
            form.linkedin_api_version = "202604"

        self.assertTrue(self.backend.enabled)
        self.assertEqual(self.backend.contract_urn, "urn:li:contract:2000")
        self.assertEqual(self.backend.sync_interval, 30)
        self.assertEqual(self.backend.client_secret, "sandbox-secret")
        self.assertTrue(self.other_backend.enabled)
        self.assertEqual(self.other_backend.organization_urn, "urn:li:organization:777")
        self.assertEqual(self.other_backend.contract_urn, "urn:li:contract:888")
        self.assertEqual(self.other_backend.api_version, "202604")
        self.assertEqual(self.other_backend.client_secret, "other-secret")
        self.assertEqual(self.backend.api_version, "202604")
        self.assertEqual(self.backend.api_mode, "versioned")
        self.assertEqual(self.other_backend.sync_interval, 15)

    def test_defaults(self):
        company = self.env["res.company"].create({"name": "Fresh Co"})
        backend = company.linkedin_backend_id
        self.assertEqual(backend.api_base_url, "https://api.linkedin.com")
        self.assertEqual(backend.sync_interval, 15)
        self.assertEqual(backend.api_mode, "versioned")
        self.assertEqual(backend.api_version, "202604")
        self.assertFalse(backend.enabled)
        self.assertFalse(backend.contract_ids)

    def test_secret_unreadable_for_non_system_users(self):
        self.backend.sudo().client_secret = "top-secret"
        for user in (self.officer, self.interviewer):
            backend = self.backend.with_user(user)
            with self.assertRaises(AccessError):
                backend.read(["client_secret"])
            data = backend.read(["organization_urn"])[0]
            self.assertNotIn("client_secret", data)
            self.assertNotIn(
                "client_secret",
                backend.fields_get(),
                "a recruiter must not even see the secret field",
            )
        self.assertEqual(self.backend.client_secret, "top-secret")

    def test_settings_access_is_admin_only(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.officer).create({})

    def test_format_checks_name_the_expected_form(self):
        cases = [
            ("organization_urn", "12345", r"urn:li:organization:<digits>"),
            (
                "organization_urn",
                "urn:li:organization:abc",
                r"urn:li:organization:<digits>",
            ),
            ("contract_urn", "urn:li:seat:1", r"urn:li:contract:<digits>"),
            ("api_base_url", "api.linkedin.com", r"https://host"),
            ("api_base_url", "ftp://x.example", r"https://host"),
            ("api_version", "2026-04", r"expected YYYYMM"),
            ("api_version", "202613", r"expected YYYYMM"),
            ("sync_interval", 2, r"between 5 and 1440 minutes \(got 2\)"),
        ]
        for field_name, value, message in cases:
            with self.subTest(field=field_name, value=value):
                with self.assertRaises(ValidationError) as caught:
                    self.backend.write({field_name: value})
                self.assertRegex(str(caught.exception), message)
                self.assertNotEqual(self.backend[field_name], value)

    def test_valid_formats_are_accepted(self):
        self.backend.write(
            {
                "organization_urn": "urn:li:organization:12345",
                "contract_urn": "urn:li:contract:67890",
                "api_base_url": "http://127.0.0.1:8099",
                "api_version": "202604",
                "sync_interval": 60,
            }
        )
        self.assertEqual(self.backend.api_version, "202604")

    def test_missing_settings_are_named(self):
        self.backend.write({"enabled": True, "client_id": "x"})
        self.assertEqual(
            self.backend._missing_settings(),
            [
                "LinkedIn Client Secret",
                "LinkedIn Organization URN",
                "LinkedIn Recruiter Contract URN",
            ],
        )
        self.backend.write(SANDBOX_SETTINGS)
        self.assertEqual(self.backend._missing_settings(), [])

    def test_settings_form_refuses_bad_contract(self):
        form = self._settings_form(self.company)
        form.linkedin_enabled = True
        for name, value in SANDBOX_SETTINGS.items():
            setattr(form, f"linkedin_{name}", value)
        form.linkedin_contract_urn = "contract-42"
        with self.assertRaises(ValidationError) as caught:
            form.save().execute()
        self.assertIn("expected urn:li:contract:<digits>", str(caught.exception))
        self.assertFalse(self.backend.contract_urn)
