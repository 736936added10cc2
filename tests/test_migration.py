# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The 17.0.2.0.0 migration on a company shaped like 17.0.1.0.0 left it.

The real upgrade of a database made by the previous release is the
``upgrade`` tier of ``make test`` (scripts/upgrade_test.py); this test pins
the mapping column by column.
"""

import importlib.util
import os

from odoo.tests import tagged

from .common import SandboxCase

MIGRATION = os.path.join(
    os.path.dirname(os.path.dirname(__file__)),
    "migrations",
    "17.0.2.0.0",
    "post-migration.py",
)
OLD_COLUMNS = {
    "linkedin_enabled": ("boolean", True),
    "linkedin_client_id": ("varchar", "old-client"),
    "linkedin_client_secret": ("varchar", "old-secret"),
    "linkedin_organization_urn": ("varchar", "urn:li:organization:1000"),
    "linkedin_contract_urn": ("varchar", "urn:li:contract:2000"),
    "linkedin_api_base_url": ("varchar", "http://127.0.0.1:8099"),
    "linkedin_api_version": ("varchar", "202604"),
    "linkedin_sync_interval": ("integer", 45),
    "linkedin_require_seat": ("boolean", False),
    "linkedin_backfill_days": ("integer", 90),
    "linkedin_retention_days": ("integer", 30),
    "linkedin_test_ok": ("boolean", True),
    "linkedin_notes_cursor_ms": ("numeric", 1767225600000),
    "linkedin_purge_checked_ms": ("numeric", 1767000000000),
}


def _load_migration():
    spec = importlib.util.spec_from_file_location("lrc_migration_2", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestMigrationFromCompanySettings(SandboxCase):
    def setUp(self):
        super().setUp()
        cr = self.env.cr
        for column, (kind, value) in OLD_COLUMNS.items():
            cr.execute(f"ALTER TABLE res_company ADD COLUMN {column} {kind}")  # noqa: S608
            cr.execute(
                f"UPDATE res_company SET {column} = %s WHERE id = %s",  # noqa: S608
                (value, self.company.id),
            )
        # As 17.0.1.0.0 left it: no backend yet, seats without a contract.
        self.seats = self.env["linkedin.seat"].search(
            [("company_id", "=", self.company.id)]
        )
        self.cursors = {seat.id: seat.linkedin_inmail_cursor_ms for seat in self.seats}
        self.seats.write({"contract_id": False})
        self.backend.unlink()
        self.env.invalidate_all()

    def test_settings_cursors_and_seats_move_to_the_backend(self):
        _load_migration().migrate(self.env.cr, "17.0.1.0.0")
        self.env.invalidate_all()

        backend = self.company.linkedin_backend_id
        self.assertTrue(backend.enabled)
        self.assertEqual(backend.client_id, "old-client")
        self.assertEqual(backend.client_secret, "old-secret")
        self.assertEqual(backend.organization_urn, "urn:li:organization:1000")
        self.assertEqual(backend.api_base_url, "http://127.0.0.1:8099")
        self.assertEqual(backend.api_version, "202604")
        self.assertEqual(backend.api_mode, "v2", "17.0.1.0.0 called /v2 only")
        self.assertEqual(backend.sync_interval, 45)
        self.assertFalse(backend.require_seat)
        self.assertEqual((backend.backfill_days, backend.retention_days), (90, 30))
        self.assertTrue(backend.test_ok)
        contract = backend.contract_ids
        self.assertEqual(contract.contract_urn, "urn:li:contract:2000")
        self.assertEqual(contract.notes_cursor_ms, 1767225600000)
        self.assertEqual(contract.purge_checked_ms, 1767000000000)
        self.assertEqual(self.seats.contract_id, contract)
        self.assertEqual(
            {seat.id: seat.linkedin_inmail_cursor_ms for seat in self.seats},
            self.cursors,
        )

    def test_a_version_linkedin_no_longer_serves_is_emptied(self):
        self.env.cr.execute(
            "UPDATE res_company SET linkedin_api_version = '202001' WHERE id = %s",
            (self.company.id,),
        )
        with self.assertLogs(level="WARNING") as logs:
            _load_migration().migrate(self.env.cr, "17.0.1.0.0")
        self.env.invalidate_all()
        backend = self.company.linkedin_backend_id
        self.assertEqual((backend.api_mode, backend.api_version), ("v2", False))
        self.assertIn("'202001' is not served any more (retired)", logs.output[0])
        self.assertEqual(backend.client_id, "old-client")

    def test_other_companies_get_an_empty_backend(self):
        self.other_backend.unlink()
        _load_migration().migrate(self.env.cr, "17.0.1.0.0")
        self.env.invalidate_all()

        backend = self.other_company.linkedin_backend_id
        self.assertTrue(backend)
        self.assertFalse(backend.enabled)
        self.assertFalse(backend.contract_ids)
        # Empty before, empty after: not LinkedIn's URL, not the defaults' 0.
        self.assertFalse(backend.api_base_url)
        self.assertEqual(backend.sync_interval, 15)
        # never set up: the versioned API; its version stays empty (the latest)
        self.assertEqual((backend.api_mode, backend.api_version), ("versioned", False))
