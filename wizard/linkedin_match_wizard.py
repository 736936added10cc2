# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .. import compat


class LinkedInMatchWizard(models.TransientModel):
    """Choose the LinkedIn Recruiter profile an applicant is connected to.

    Opens on the best match; "Not the right profile?" (or no best match)
    shows the ranked closest matches, each with the reason for its score.
    """

    _name = "linkedin.match.wizard"
    _description = "Connect an Applicant to LinkedIn Recruiter"

    applicant_id = fields.Many2one(
        compat.PERSON_MODEL, required=True, ondelete="cascade"
    )
    # Read as the user: a wizard never shows an applicant its user cannot read.
    applicant_name = fields.Char(
        related="applicant_id.partner_name", compute_sudo=False
    )
    applicant_email = fields.Char(related="applicant_id.email_from", compute_sudo=False)
    line_ids = fields.One2many(
        "linkedin.match.wizard.line", "wizard_id", string="Closest Matches"
    )
    best_line_id = fields.Many2one(
        "linkedin.match.wizard.line", compute="_compute_best_line_id", store=True
    )
    show_all = fields.Boolean(string="Show Closest Matches")
    has_rejected = fields.Boolean(compute="_compute_has_rejected")
    has_connected = fields.Boolean(
        compute="_compute_has_connected",
        help="A proposed profile is already connected to another applicant.",
    )
    best_name = fields.Char(related="best_line_id.name")
    best_headline = fields.Char(related="best_line_id.headline")
    best_location = fields.Char(related="best_line_id.location")
    best_profile_url = fields.Char(related="best_line_id.profile_url")
    best_picture_url = fields.Char(related="best_line_id.picture_url")
    best_score = fields.Float(related="best_line_id.score")
    best_reason = fields.Char(related="best_line_id.reason")
    best_connected_warning = fields.Html(related="best_line_id.connected_warning")

    @api.depends("line_ids.sequence", "line_ids.rejected")
    def _compute_best_line_id(self):
        for wizard in self:
            candidates = wizard.line_ids.filtered(lambda line: not line.rejected)
            wizard.best_line_id = candidates.sorted("sequence")[:1]

    @api.depends("line_ids.rejected")
    def _compute_has_rejected(self):
        for wizard in self:
            wizard.has_rejected = any(wizard.line_ids.mapped("rejected"))

    @api.depends("line_ids.connected_warning")
    def _compute_has_connected(self):
        for wizard in self:
            wizard.has_connected = any(wizard.line_ids.mapped("connected_warning"))

    @api.model
    def _create_for(self, applicant, matches):
        """The wizard of ``applicant`` and LinkedIn's ``matches``.

        Only the connect flow creates wizards and lines (users have no create
        right on them), once it has checked the user and the applicant.
        """
        return self.sudo().create(self._values_from_matches(applicant, matches))

    @api.model
    def _values_from_matches(self, applicant, matches):
        """Wizard values for ``applicant`` from a schema.CandidateMatches."""
        members = matches.matched if matches else ()
        return {
            "applicant_id": applicant.id,
            "show_all": not members,
            "line_ids": [
                fields.Command.create(
                    self.env["linkedin.match.wizard.line"]._values_from_member(
                        rank, member
                    )
                )
                for rank, member in enumerate(members, start=1)
            ],
        }

    def _action_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Connect to LinkedIn Recruiter"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            # Room for the closest matches' columns.
            "context": {"dialog_size": "extra-large"},
        }

    def action_connect_best(self):
        self.ensure_one()
        if not self.best_line_id:
            raise UserError(_("LinkedIn proposed no profile to connect."))
        return self.best_line_id.action_select()

    def action_not_right_profile(self):
        """Reject the best match and show the closest matches instead."""
        self.ensure_one()
        compat.check_access(self, "write")
        rejected = self.best_line_id
        if rejected:
            last = max(self.line_ids.mapped("sequence"), default=0)
            rejected.sudo().write({"rejected": True, "sequence": last + 1})
        self.show_all = True
        return self._action_reopen()

    def action_back_to_best_match(self):
        """Undo "Not the right profile?": LinkedIn's order and best match again."""
        self.ensure_one()
        compat.check_access(self, "write")
        for line in self.line_ids.filtered("rejected"):
            line.sudo().write({"rejected": False, "sequence": line.rank})
        self.show_all = False
        return self._action_reopen()
