# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from odoo.tests import tagged

from .common import SandboxTourCase, applicant_values, create_person

DAY_MS = 24 * 3600 * 1000
JANE = "urn:li:person:jane-doe"
JANE_EMAIL = "jane.doe@example.com"


@tagged("post_install", "-at_install", "linkedin_tour")
class TestChatterOrderTour(SandboxTourCase):
    """The rendered chatter reads in LinkedIn's date order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.backend.backfill_days = 35
        cls.seats = cls.sandbox.admin.fixtures()["seats"]

    def setUp(self):
        super().setUp()
        self.sandbox.admin.reset("demo")
        now = int(time.time() * 1000)
        add = self.sandbox.admin.add_inmail
        # Alice's seat is imported before Bob's, so ids follow seats, not dates.
        add(
            self.seats["alice"],
            JANE,
            "SENT",
            "Hello",
            "Newest from Alice",
            now - DAY_MS,
        )
        add(
            self.seats["alice"], JANE, "SENT", "Hi", "Old from Alice", now - 20 * DAY_MS
        )
        add(
            self.seats["bob"], JANE, "SENT", "Role", "Older from Bob", now - 10 * DAY_MS
        )
        self.sandbox.admin.add_note(
            self.seats["bob"], JANE, "Note from Bob", now - 5 * DAY_MS
        )

    def sync(self):
        run = self.env["linkedin.sync.run"]._sync_company(self.company, "manual")
        self.assertEqual(run.status, "done", run.error)

    def applicant(self, name):
        admin_env = self.env(user=self.env.ref("base.user_admin"))
        return create_person(admin_env, applicant_values(name, email_from=JANE_EMAIL))

    def assert_ids_not_in_date_order(self, applicant):
        """Without date ordering, id order would put these out of order."""
        messages = applicant.message_ids.sorted("id", reverse=True)
        self.assertNotEqual(
            messages.ids, messages.sorted(lambda m: (m.date, m.id), reverse=True).ids
        )

    def test_multi_seat_backfill_reads_in_date_order(self):
        applicant = self.applicant("Jane Doe")
        applicant.sudo().linkedin_member_urn = JANE
        self.sync()
        self.assert_ids_not_in_date_order(applicant)
        self.start_form_tour(applicant, "linkedin_chatter_order_tour")

    def test_late_connection_reads_in_date_order(self):
        self.sync()  # staged while nobody is connected
        applicant = self.applicant("Jane Doe")
        applicant._linkedin_push_and_match(self.backend)
        applicant._linkedin_connect_member(JANE)
        self.assert_ids_not_in_date_order(applicant)
        self.start_form_tour(applicant, "linkedin_chatter_order_tour")
