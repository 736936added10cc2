# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .. import compat

if compat.PERSON_MODEL == "hr.applicant":

    class HrApplicant(models.Model):
        """Until 17.0 and since 19.0 the applicant is the person."""

        _name = "hr.applicant"
        _inherit = ["linkedin.person.mixin", "hr.applicant"]
        # How meetings and skills point to the person.
        _linkedin_person_field = "applicant_id"

        def _linkedin_application_title(self):
            """What tells this application apart from the person's others:
            its subject line until 17.0, its job position since."""
            self.ensure_one()
            if compat.APPLICANT_HAS_NAME:
                return self.name
            return self.job_id.name or ""

        def _linkedin_describe_labels(self):
            """Title, job and stage: what tells an application apart from a
            namesake in the merge preview."""
            self.ensure_one()
            return (
                self._linkedin_application_title(),
                self.job_id.name,
                self.stage_id.name,
            )

else:

    class HrApplicant(models.Model):
        """In 18.0 the person is the application's candidate: the applicant
        shows its candidate's LinkedIn link and its LinkedIn buttons act on
        the candidate, so that the applicant form works as in 17.0."""

        _inherit = "hr.applicant"

        linkedin_member_urn = fields.Char(related="candidate_id.linkedin_member_urn")
        linkedin_connected = fields.Boolean(related="candidate_id.linkedin_connected")
        linkedin_connected_by_id = fields.Many2one(
            related="candidate_id.linkedin_connected_by_id"
        )
        linkedin_connected_at = fields.Datetime(
            related="candidate_id.linkedin_connected_at"
        )
        linkedin_clear_pending = fields.Boolean(
            related="candidate_id.linkedin_clear_pending"
        )
        linkedin_purge_reason = fields.Selection(
            related="candidate_id.linkedin_purge_reason"
        )
        linkedin_enabled = fields.Boolean(related="candidate_id.linkedin_enabled")

        @api.model_create_multi
        def create(self, vals_list):
            for vals in vals_list:
                self.env["hr.candidate"]._linkedin_check_link_write(vals)
            return super().create(vals_list)

        def write(self, vals):
            self.env["hr.candidate"]._linkedin_check_link_write(vals)
            return super().write(vals)

        def action_linkedin_connect(self):
            return self.candidate_id.action_linkedin_connect()

        def action_linkedin_disconnect(self):
            return self.candidate_id.action_linkedin_disconnect()

        def action_linkedin_open_profile(self):
            return self.candidate_id.action_linkedin_open_profile()

        def action_linkedin_reply(self):
            return self.candidate_id.action_linkedin_reply()

        def action_linkedin_remove_data(self):
            return self.candidate_id.action_linkedin_remove_data()

        def linkedin_widget_config(self):
            return self.candidate_id.linkedin_widget_config()

        def action_linkedin_widget_sync(self):
            return self.candidate_id.action_linkedin_widget_sync()

        def action_linkedin_widget_linked(self, member_urn):
            return self.candidate_id.action_linkedin_widget_linked(member_urn)

        def action_linkedin_widget_unlinked(self, member_urn):
            return self.candidate_id.action_linkedin_widget_unlinked(member_urn)
