# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    linkedin_activity_id = fields.Many2one(
        "linkedin.activity",
        string="LinkedIn Activity",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        help="The LinkedIn InMail or Recruiter Note this message was imported from.",
    )
