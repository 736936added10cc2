# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    linkedin_enabled = fields.Boolean(
        related="company_id.linkedin_enabled", readonly=False
    )
    linkedin_client_id = fields.Char(
        related="company_id.linkedin_client_id", readonly=False
    )
    linkedin_client_secret = fields.Char(
        related="company_id.linkedin_client_secret",
        readonly=False,
        groups="base.group_system",
    )
    linkedin_organization_urn = fields.Char(
        related="company_id.linkedin_organization_urn", readonly=False
    )
    linkedin_contract_urn = fields.Char(
        related="company_id.linkedin_contract_urn", readonly=False
    )
    linkedin_api_base_url = fields.Char(
        related="company_id.linkedin_api_base_url", readonly=False
    )
    linkedin_api_version = fields.Char(
        related="company_id.linkedin_api_version", readonly=False
    )
    linkedin_sync_interval = fields.Integer(
        related="company_id.linkedin_sync_interval", readonly=False
    )
    linkedin_require_seat = fields.Boolean(
        related="company_id.linkedin_require_seat", readonly=False
    )

    def action_linkedin_refresh_seats(self):
        """Fetch the contract's seats from LinkedIn and open the mapping list."""
        self.ensure_one()
        self.execute()
        seats = self.company_id._linkedin_refresh_seats()
        unmapped = seats.filtered(lambda s: s.state == "active" and not s.user_id)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("LinkedIn Recruiter seats refreshed"),
                "message": _(
                    "%(active)s active seats, %(unmapped)s not mapped to a user.",
                    active=len(seats.filtered(lambda s: s.state == "active")),
                    unmapped=len(unmapped),
                ),
                "type": "warning" if unmapped else "success",
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }
