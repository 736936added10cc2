# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HrCandidate(models.Model):
    """From 18.0 the candidate is the person: it holds the LinkedIn link, one
    LinkedIn member per candidate, and its chatter receives the InMails and
    Recruiter Notes (imported once, whatever its number of applications)."""

    _name = "hr.candidate"
    _inherit = ["linkedin.person.mixin", "hr.candidate"]
    # How meetings, skills and applications point to the person.
    _linkedin_person_field = "candidate_id"

    def _linkedin_application_title(self):
        """What tells this candidate apart from a namesake: the jobs it
        applied to."""
        self.ensure_one()
        applications = self.with_context(active_test=False).applicant_ids
        return ", ".join(dict.fromkeys(applications.job_id.mapped("name")))

    def _linkedin_describe_labels(self):
        """What the merge preview tells a candidate apart by: its jobs."""
        self.ensure_one()
        return (self._linkedin_application_title(),)
