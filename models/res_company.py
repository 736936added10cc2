# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import compat


class ResCompany(models.Model):
    _inherit = "res.company"

    linkedin_backend_ids = fields.One2many(
        "linkedin.backend", "company_id", string="LinkedIn Recruiter Backends"
    )
    linkedin_backend_id = fields.Many2one(
        "linkedin.backend",
        string="LinkedIn Recruiter Backend",
        compute="_compute_linkedin_backend_id",
        search="_search_linkedin_backend_id",
    )
    linkedin_seat_ids = fields.One2many(
        "linkedin.seat", "company_id", string="LinkedIn Recruiter Seats"
    )

    @api.depends("linkedin_backend_ids")
    def _compute_linkedin_backend_id(self):
        for company in self:
            company.linkedin_backend_id = company.linkedin_backend_ids[:1]

    def _search_linkedin_backend_id(self, operator, value):
        return [("linkedin_backend_ids", operator, value)]

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._linkedin_ensure_backend()
        return companies

    def _linkedin_ensure_backend(self):
        """Give each of these companies its LinkedIn backend (disabled)."""
        missing = self.sudo().filtered(lambda company: not company.linkedin_backend_ids)
        if missing:
            self.env["linkedin.backend"].sudo().create(
                [{"company_id": company.id} for company in missing]
            )

    def _linkedin_todo_for_managers(self, record, summary, note):
        """Give each active recruitment manager of this company a to-do on
        ``record`` (a record of this company).

        Used for alerts raised by background jobs, so no assignment email.
        """
        group = self.env.ref("hr_recruitment.group_hr_recruitment_manager")
        managers = group[compat.GROUP_USERS_FIELD].filtered(
            lambda user: user.active and not user.share and self in user.company_ids
        )
        record = record.sudo().with_context(mail_activity_quick_update=True)
        for manager in managers:
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=summary,
                note=note,
            )
