# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from ..linkedin_recruiter_connect.windows import from_epoch_ms
from .common import PERSON_MODEL, SandboxCase

HOUR_MS = 3600 * 1000
DAY_MS = 24 * HOUR_MS


class SyncCase(SandboxCase):
    """SandboxCase with a fast client and helpers for the import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        # No client-side retries and short timeouts: faults surface at once.
        params.set_param("linkedin_recruiter_connect.max_attempts", "1")
        params.set_param("linkedin_recruiter_connect.backoff_base", "0.01")
        params.set_param("linkedin_recruiter_connect.timeout", "2,2")
        # 35 days covers the demo seed's recent fixtures (max 30 days old).
        cls.backend.backfill_days = 35
        cls.Run = cls.env["linkedin.sync.run"]
        cls.seats = cls.fixtures["seats"]
        cls.members = cls.fixtures["members"]
        cls.jane_urn = cls.members["jane_doe"]

    def now_ms(self):
        return int(time.time() * 1000)

    def backfill_start(self):
        return self.now_ms() - self.backend.backfill_days * DAY_MS

    def sync(self):
        return self.Run._sync_company(self.company, "manual")

    def configure_other_company(self):
        """Give the other company the main company's LinkedIn settings."""
        self.other_backend.write(
            {
                key: self.backend.sudo()[key]
                for key in (
                    "enabled",
                    "client_id",
                    "client_secret",
                    "organization_urn",
                    "contract_urn",
                    "api_base_url",
                )
            }
        )

    def connected(self, name, email, member_urn, **values):
        applicant = self.create_applicant(name, email, **values)
        applicant.linkedin_member_urn = member_urn
        return applicant

    def linkedin_messages(self, applicant):
        return self.env["mail.message"].search(
            [
                ("model", "=", PERSON_MODEL),
                ("res_id", "=", applicant.id),
                ("linkedin_activity_id", "!=", False),
            ]
        )

    def message_of(self, kind, external_id, applicant):
        messages = self.linkedin_messages(applicant).filtered(
            lambda m: (
                m.linkedin_activity_id.kind == kind
                and m.linkedin_activity_id.external_id == str(external_id)
            )
        )
        self.assertEqual(len(messages), 1, f"one message for {kind} {external_id}")
        return messages

    def imported(self, applicant):
        """(kind, external id) of every LinkedIn message in the chatter."""
        return sorted(
            (m.linkedin_activity_id.kind, m.linkedin_activity_id.external_id)
            for m in self.linkedin_messages(applicant)
        )

    def expected(self, member_urns, since_ms):
        """(kind, external id) the sandbox holds for these members, contract
        2000, active seats and active notes, since ``since_ms``."""
        store = self.sandbox.store
        contract = self.fixtures["contract"]
        active_seats = {
            f"urn:li:seat:{seat['id']}"
            for seat in store.seats_of({contract}, {"ACTIVE"})
        }
        found = []
        for seat_urn, timeline in store.events.items():
            if seat_urn not in active_seats:
                continue
            found += [
                ("inmail", str(event["id"]))
                for event in timeline.items
                if event["prospect"] in member_urns
                and event["contract"] == contract
                and event["createdAt"] >= since_ms
            ]
        found += [
            ("note", str(note["id"]))
            for note in store.notes.values()
            if note["prospect"] in member_urns
            and note["contract"] == contract
            and note["active"]
            and note["lastModified"]["time"] >= since_ms
        ]
        return sorted(found)

    @staticmethod
    def odoo_date(ms):
        return from_epoch_ms(ms).replace(tzinfo=None, microsecond=0)
