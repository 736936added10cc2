# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged

from .sync_common import HOUR_MS, SyncCase


@tagged("post_install", "-at_install")
class TestActivityNames(SyncCase):
    """Staged activity names people, not URNs (Waiting for a Connection, All
    LinkedIn Activity)."""

    def staged(self, kind, external_id):
        return self.env["linkedin.activity"].search(
            [("kind", "=", kind), ("external_id", "=", str(external_id))]
        )

    def test_inmails_and_notes_are_staged_with_the_candidate_name(self):
        now = self.now_ms()
        sent = self.sandbox.admin.add_inmail(
            self.seats["alice"],
            self.jane_urn,
            "SENT",
            body="Hi",
            created_ms=now - HOUR_MS,
        )
        received = self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "RECEIVED", body="Hello"
        )
        note = self.sandbox.admin.add_note(
            self.seats["bob"], self.jane_urn, "Strong profile", now - HOUR_MS
        )

        self.assertEqual(self.sync().status, "done")

        for kind, item in (("inmail", sent), ("inmail", received), ("note", note)):
            with self.subTest(kind=kind, id=item["id"]):
                row = self.staged(kind, item["id"])
                self.assertEqual(row.member_name, "Jane Doe")
                self.assertEqual(row.member_display_name, "Jane Doe")
                self.assertEqual(row.member_urn, self.jane_urn, "kept as a detail")

    def test_without_a_name_from_linkedin_the_applicant_or_the_urn_stands_in(self):
        Activity = self.env["linkedin.activity"]
        rows = Activity.create(
            [
                {
                    "kind": "inmail",
                    "external_id": external_id,
                    "company_id": self.company.id,
                    "member_urn": urn,
                }
                for external_id, urn in (
                    ("1", self.jane_urn),
                    ("2", "urn:li:person:nobody-known"),
                )
            ]
        )
        self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        rows.invalidate_recordset()
        self.assertEqual(
            rows.mapped("member_display_name"),
            ["Jane Doe", "urn:li:person:nobody-known"],
        )
        self.assertEqual(
            Activity.search([("member_display_name", "ilike", "nobody-known")]),
            rows[1],
        )

    def test_lists_show_the_name_and_the_urn_only_as_a_detail(self):
        arch = self.env["linkedin.activity"].get_views([(False, "list")])["views"][
            "list"
        ]["arch"]
        columns = {
            node.get("name"): node.get("optional")
            for node in etree.fromstring(arch).iter("field")
        }
        self.assertIn("member_display_name", columns)
        self.assertIsNone(columns["member_display_name"], "always shown")
        self.assertEqual(columns["member_urn"], "hide")
        for xmlid in ("linkedin_activity_action", "linkedin_activity_waiting_action"):
            action = self.env.ref(f"linkedin_recruiter_connect.{xmlid}")
            self.assertEqual(action.res_model, "linkedin.activity")
