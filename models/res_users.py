# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    linkedin_seat_ids = fields.One2many(
        "linkedin.seat", "user_id", string="LinkedIn Recruiter Seats"
    )
