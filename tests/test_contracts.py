# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form, tagged

from .sync_common import SyncCase


@tagged("post_install", "-at_install")
class TestTwoContracts(SyncCase):
    """RSC-103: one application, several Recruiter contracts per company."""

    def add_other_contract(self):
        return self.env["linkedin.contract"].create(
            {
                "backend_id": self.backend.id,
                "contract_urn": self.fixtures["other_contract"],
            }
        )

    def test_a_company_with_two_contracts_imports_both(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        self.sync()
        first_only = self.linkedin_messages(jane)
        self.assertNotIn("Offer from another company", first_only.mapped("subject"))

        other = self.add_other_contract()
        run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        self.assertEqual(run.dropped, 0)
        messages = self.linkedin_messages(jane)
        self.assertLessEqual(first_only, messages)
        subjects = set(messages.mapped("subject"))
        self.assertIn("Offer from another company", subjects)
        self.assertIn("Re: Offer from another company", subjects)
        notes = messages.filtered(lambda m: m.linkedin_activity_id.kind == "note")
        self.assertIn(
            "Contract 2999 note, never for 2000.",
            " ".join(notes.mapped("body")),
        )
        zoe = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.seats["zoe_other_contract"])]
        )
        self.assertEqual(zoe.contract_id, other)
        self.assertAlmostEqual(other.notes_cursor_ms, self.now_ms(), delta=60000)
        self.assertGreater(zoe.linkedin_inmail_cursor_ms, 0)

        again = self.sync()
        self.assertEqual(again.created, 0)
        self.assertEqual(self.linkedin_messages(jane), messages)

    def test_settings_edit_the_first_contract_in_place(self):
        first = self.backend.contract_ids
        other = self.add_other_contract()
        settings = self.env["res.config.settings"].with_company(self.company)
        with Form(settings) as form:
            self.assertEqual(form.linkedin_contract_urn, self.fixtures["contract"])
            form.linkedin_contract_urn = "urn:li:contract:4242"
        self.assertEqual(self.backend.contract_ids, first | other)
        self.assertEqual(first.contract_urn, "urn:li:contract:4242")
        self.assertEqual(other.contract_urn, self.fixtures["other_contract"])

    def test_the_contract_list_opens_from_settings(self):
        self.add_other_contract()
        settings = self.env["res.config.settings"].with_company(self.company).create({})
        action = settings.action_linkedin_contracts()
        contracts = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(
            contracts.mapped("contract_urn"),
            [self.fixtures["contract"], self.fixtures["other_contract"]],
        )
