# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models


class HrCandidate(models.Model):
    """From 18.0 the candidate is the person: it holds the LinkedIn link, one
    LinkedIn member per candidate, and its chatter receives the InMails and
    Recruiter Notes (imported once, whatever its number of applications)."""

    _name = "hr.candidate"
    _inherit = ["linkedin.person.mixin", "hr.candidate"]
    # How meetings, skills and applications point to the person.
    _linkedin_person_field = "candidate_id"

    linkedin_applications = fields.Char(
        string="Applications",
        compute="_compute_linkedin_applications",
        help="The jobs this candidate applied to, with their stages: what the "
        "LinkedIn wizards tell namesakes apart by.",
    )

    def _compute_linkedin_applications(self):
        for candidate in self:
            jobs, stages = candidate._linkedin_jobs_and_stages()
            candidate.linkedin_applications = " / ".join(
                label for label in (jobs, stages) if label
            )

    def _linkedin_jobs_and_stages(self):
        """(jobs, stages) of this candidate's applications, archived ones
        included, each as one comma-separated text."""
        self.ensure_one()
        applications = self.with_context(active_test=False).applicant_ids
        return (
            ", ".join(dict.fromkeys(applications.job_id.mapped("name"))),
            ", ".join(dict.fromkeys(applications.stage_id.mapped("name"))),
        )

    def _linkedin_application_title(self):
        """What tells this candidate apart from a namesake: the jobs it
        applied to."""
        return self._linkedin_jobs_and_stages()[0]

    def _linkedin_describe_labels(self):
        """What the merge preview tells a candidate apart by: its jobs (or
        "Application") and their stages."""
        jobs, stages = self._linkedin_jobs_and_stages()
        return (jobs or _("Application"), stages)
