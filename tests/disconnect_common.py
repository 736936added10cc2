# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import PERSON_MODEL, SandboxCase, stored_candidate

JANE_URN = "urn:li:person:jane-doe"
JANE_PROFILE = "https://www.linkedin.com/in/jane-doe"
JANE_EMAIL = "jane.doe@example.com"


class DisconnectCase(SandboxCase):
    """SandboxCase with helpers for disconnecting and merging applicants."""

    def connect(self, applicant):
        """Connect ``applicant`` to its best match through the real flow."""
        self.open_match_wizard(applicant).with_user(
            self.recruiter
        ).action_connect_best()
        self.assertTrue(applicant.linkedin_connected)
        return applicant

    def connected_jane(self, name="Jane Doe", email=JANE_EMAIL, **values):
        return self.connect(self.create_applicant(name, email, **values))

    def manual_match(self, applicant):
        """The manualMatchedMember LinkedIn holds for ``applicant`` (or None)."""
        candidate = stored_candidate(self.sandbox, applicant)
        return candidate.get("manualMatchedMember") if candidate else None

    def disconnect_wizard(self, applicant, user=None):
        action = applicant.with_user(
            user or self.recruiter
        ).action_linkedin_disconnect()
        self.assertEqual(action["res_model"], "linkedin.disconnect.wizard")
        wizard = self.env["linkedin.disconnect.wizard"].browse(action["res_id"])
        return wizard.with_user(user or self.recruiter)

    def activity(self, external_id, kind="inmail", member_urn=JANE_URN):
        return self.env["linkedin.activity"].create(
            {
                "kind": kind,
                "external_id": external_id,
                "company_id": self.company.id,
                "member_urn": member_urn,
            }
        )

    def imported_message(self, applicant, activity, body=None):
        """A chatter message as the import makes it from ``activity``."""
        return self.env["mail.message"].create(
            {
                "model": PERSON_MODEL,
                "res_id": applicant.id,
                "message_type": "email",
                "subtype_id": self.env.ref("mail.mt_comment").id,
                "body": body or f"InMail {activity.external_id}",
                "linkedin_activity_id": activity.id,
            }
        )

    def messages(self, applicant, **filters):
        domain = [("model", "=", PERSON_MODEL), ("res_id", "=", applicant.id)]
        domain += [(name, "=", value) for name, value in filters.items()]
        return self.env["mail.message"].search(domain)
