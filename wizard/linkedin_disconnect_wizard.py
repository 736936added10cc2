# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, _, api, fields, models

from .. import compat


class LinkedInDisconnectWizard(models.TransientModel):
    """Disconnect an applicant from LinkedIn Recruiter.

    Without duplicates it only asks for confirmation. When other applicants
    of the company (archived ones included) are connected to the same
    LinkedIn profile, it lists them and offers to disconnect them all, or to
    merge them into one applicant and then disconnect it.
    """

    _name = "linkedin.disconnect.wizard"
    _description = "Disconnect an Applicant from LinkedIn Recruiter"

    applicant_id = fields.Many2one(
        compat.PERSON_MODEL,
        required=True,
        ondelete="cascade",
        context={"active_test": False},
    )
    # Read as the user: a wizard never shows an applicant its user cannot read.
    applicant_name = fields.Char(
        related="applicant_id.partner_name", compute_sudo=False
    )
    profile_url = fields.Char(
        related="applicant_id.linkedin_profile", compute_sudo=False
    )
    duplicate_ids = fields.Many2many(
        compat.PERSON_MODEL,
        "linkedin_disconnect_wizard_duplicate_rel",
        "wizard_id",
        "applicant_id",
        string="Duplicates",
        context={"active_test": False},
        help="Other applicants of the company connected to the same LinkedIn "
        "profile, archived ones included.",
    )
    has_duplicates = fields.Boolean(compute="_compute_explanation")
    explanation = fields.Char(compute="_compute_explanation")

    @api.depends("applicant_id", "duplicate_ids")
    def _compute_explanation(self):
        for wizard in self:
            duplicates = wizard.duplicate_ids
            wizard.has_duplicates = bool(duplicates)
            email = wizard.applicant_id.email_normalized
            same_email = duplicates.filtered(
                lambda applicant, email=email: (
                    email and applicant.email_normalized == email
                )
            )
            count = len(duplicates)
            if same_email and count == 1:
                wizard.explanation = _(
                    "1 other applicant with the same email is also connected to "
                    "this LinkedIn profile."
                )
            elif same_email:
                wizard.explanation = _(
                    "%(count)s other applicants with the same email are also "
                    "connected to this LinkedIn profile.",
                    count=count,
                )
            elif count == 1:
                wizard.explanation = _(
                    "1 other applicant is also connected to this LinkedIn profile."
                )
            elif duplicates:
                wizard.explanation = _(
                    "%(count)s other applicants are also connected to this "
                    "LinkedIn profile.",
                    count=count,
                )
            else:
                wizard.explanation = False

    @api.model
    def _action_open_for(self, applicant):
        """Create the wizard for a connected ``applicant`` and open it.

        Only this flow creates disconnect wizards (users have no create
        right on them), once the caller has checked the user and applicant.
        """
        wizard = self.sudo().create(
            {
                "applicant_id": applicant.id,
                "duplicate_ids": [
                    Command.set(applicant._linkedin_connected_duplicates().ids)
                ],
            }
        )
        return wizard._action_reopen()

    def _action_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Disconnect from LinkedIn Recruiter"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_disconnect(self):
        """Disconnect the applicant and every listed duplicate."""
        self.ensure_one()
        return (self.applicant_id | self.duplicate_ids)._linkedin_disconnect()

    def action_merge_then_disconnect(self):
        """Open the merge of the applicant and its duplicates; once merged,
        the kept applicant is disconnected."""
        self.ensure_one()
        merge = self.env["hr.applicant.merge"].create(
            {
                "applicant_ids": [
                    Command.set((self.applicant_id | self.duplicate_ids).ids)
                ],
                "disconnect_after": True,
            }
        )
        return merge._action_reopen()
