# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

# One message per LinkedIn activity and record, whatever the import does.
UNIQUE_INDEX = "mail_message_linkedin_activity_res_id_uniq"


class MailMessage(models.Model):
    _inherit = "mail.message"

    linkedin_activity_id = fields.Many2one(
        "linkedin.activity",
        string="LinkedIn Activity",
        ondelete="set null",
        copy=False,
        help="The LinkedIn InMail or Recruiter Note this message was imported from.",
    )

    def init(self):
        result = super().init()
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s"
                " ON mail_message (linkedin_activity_id, res_id)"
                " WHERE linkedin_activity_id IS NOT NULL",
                SQL.identifier(UNIQUE_INDEX),
            )
        )
        return result
