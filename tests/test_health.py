# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .sync_common import SyncCase


@tagged("post_install", "-at_install")
class TestSyncHealth(SyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._create_user(
            "health_manager", "hr_recruitment.group_hr_recruitment_manager"
        )

    def _alerts(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "linkedin.sync.run"),
                ("summary", "=", "LinkedIn Recruiter sync keeps failing"),
            ]
        )

    def test_repeated_failures_alert_managers_once_then_recover(self):
        self.sandbox.admin.set_fault("seatsV2", "500")
        first, second = self.sync(), self.sync()
        self.assertEqual((first.status, second.status), ("failed", "failed"))
        self.assertFalse(self._alerts(), "two failures are not yet a pattern")

        third = self.sync()
        alerts = self._alerts()
        self.assertIn(self.manager, alerts.user_id)
        self.assertEqual(set(alerts.mapped("res_id")), {third.id})
        self.assertIn("failed or stopped early", alerts[0].note)
        self.assertIn("500", alerts[0].note)

        self.sync()
        self.assertEqual(self._alerts(), alerts, "one alert per failing streak")

        self.sandbox.admin.clear_faults()
        recovered = self.sync()
        self.assertEqual(recovered.status, "done")
        self.assertFalse(self._alerts(), "a successful run closes the alert")

    def test_checklist_calls_today_and_seat_progress(self):
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.linkedin_check_credentials)
        self.assertFalse(settings.linkedin_check_test)
        self.assertFalse(settings.linkedin_check_seats, "only Alice is mapped")
        self.assertEqual(
            (settings.linkedin_seats_mapped, settings.linkedin_seats_active), (1, 6)
        )
        self.assertFalse(settings.linkedin_check_sync)
        self.assertEqual(settings.linkedin_api_calls_today, 0)

        self.assertEqual(settings.linkedin_first_import_state, "todo")

        self.backend._test_connection()
        first = self.sync()
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.linkedin_check_test)
        self.assertTrue(settings.linkedin_check_sync)
        self.assertGreater(first.api_calls, 0)
        self.assertGreater(first.fetched, 0)
        self.assertEqual(
            (
                settings.linkedin_first_import_state,
                settings.linkedin_first_import_calls,
                settings.linkedin_first_import_fetched,
            ),
            ("done", first.api_calls, first.fetched),
            "the first import is shown apart, with its size",
        )
        self.assertEqual(settings.linkedin_api_calls_today, 0)

        later = self.sync()
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.linkedin_api_calls_today, later.api_calls)
        self.assertEqual(settings.linkedin_first_import_calls, first.api_calls)
        self.assertLess(later.api_calls, first.api_calls)

        alice = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.seats["alice"])]
        )
        self.assertTrue(alice.last_synced_at)

    def test_first_import_under_way_spans_the_runs_until_one_is_done(self):
        self.sandbox.admin.set_fault("seatsV2", "500")
        failed = self.sync()
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(failed.status, "failed")
        self.assertEqual(settings.linkedin_first_import_state, "running")
        self.assertEqual(settings.linkedin_first_import_calls, failed.api_calls)
        self.sandbox.admin.clear_faults()
        done = self.sync()
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.linkedin_first_import_state, "done")
        self.assertEqual(
            settings.linkedin_first_import_calls, failed.api_calls + done.api_calls
        )

    def test_seats_are_ticked_once_every_active_seat_is_mapped(self):
        seats = self.company.linkedin_seat_ids.filtered(
            lambda seat: seat.state == "active" and not seat.user_id
        )
        for index, seat in enumerate(seats):
            seat.user_id = self._create_user(
                f"seat_holder_{index}", "hr_recruitment.group_hr_recruitment_user"
            )
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.linkedin_check_seats)
        self.assertEqual(
            (settings.linkedin_seats_mapped, settings.linkedin_seats_active), (6, 6)
        )

    def test_linkedin_configuration_menu_is_for_managers(self):
        menu = self.env.ref("linkedin_recruiter_connect.linkedin_config_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.manager)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.recruiter)._visible_menu_ids())
