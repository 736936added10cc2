# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import _, api, fields, models

from .. import compat
from ..models.linkedin_person_mixin import safe_picture_url, safe_profile_url

# A person's form in a new tab: id, model, name.
CONNECTED_LINK = (
    '<a href="/web#id=%s&amp;model=%s&amp;view_type=form" target="_blank">%s</a>'
)


class LinkedInMatchWizardLine(models.TransientModel):
    """One LinkedIn member proposed as the applicant's profile."""

    _name = "linkedin.match.wizard.line"
    _description = "LinkedIn Recruiter Match"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "linkedin.match.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    rank = fields.Integer(help="LinkedIn's rank of the profile, 1 for the best.")
    member_urn = fields.Char(required=True)
    name = fields.Char()
    headline = fields.Char()
    location = fields.Char()
    profile_url = fields.Char(string="Profile")
    picture_url = fields.Char(string="Photo")
    score = fields.Float(help="How closely the profile matches, from 0 to 1.")
    reason = fields.Char(string="Why")
    rejected = fields.Boolean(help="The recruiter said it is not the right profile.")
    rejected_label = fields.Char(
        string="Your Choice", compute="_compute_rejected_label"
    )

    connected_applicant_ids = fields.Many2many(
        compat.PERSON_MODEL,
        string="Already Connected",
        compute="_compute_connected_applicant_ids",
        help="Other applicants of the company already connected to this profile.",
    )
    connected_warning = fields.Html(
        string="Already Connected To", compute="_compute_connected_applicant_ids"
    )

    @api.depends("member_urn", "wizard_id.applicant_id")
    def _compute_connected_applicant_ids(self):
        """The company's other applicants connected to each line's member,
        read as the user (one search for all lines)."""
        applicants = self.wizard_id.applicant_id
        connected = self.env[compat.PERSON_MODEL].search(
            [
                ("linkedin_member_urn", "in", list(set(self.mapped("member_urn")))),
                ("company_id", "in", applicants.company_id.ids + [False]),
                ("id", "not in", applicants.ids),
            ],
            order="create_date, id",
        )
        for line in self:
            applicant = line.wizard_id.applicant_id
            others = connected.filtered(
                lambda other, line=line, applicant=applicant: (
                    other.linkedin_member_urn == line.member_urn
                    and other.company_id == applicant.company_id
                )
            )
            line.connected_applicant_ids = others
            line.connected_warning = (
                line._connected_warning(others) if others else False
            )

    @staticmethod
    def _connected_link(applicant):
        """A link opening ``applicant`` in a new tab, named after the person
        and, when it has one, the application's title."""
        link = Markup(CONNECTED_LINK) % (
            applicant.id,
            applicant._name,
            applicant.partner_name or applicant.display_name,
        )
        title = applicant._linkedin_application_title()
        return link + Markup(" (%s)") % title if title else link

    @classmethod
    def _connected_warning(cls, applicants):
        """ "Already connected to <link>, <link>"."""
        links = Markup(", ").join(cls._connected_link(a) for a in applicants)
        return Markup(_("Already connected to %(applicants)s", applicants=links))

    @api.depends("rejected")
    def _compute_rejected_label(self):
        for line in self:
            line.rejected_label = line.rejected and _("Not the right profile")

    @api.model
    def _values_from_member(self, rank, member):
        """Line values from a schema.MatchedMember ranked ``rank``."""
        profile = member.profile
        return {
            "sequence": rank,
            "rank": rank,
            "member_urn": member.member_urn,
            "name": (profile and profile.name) or member.member_urn,
            "headline": profile and profile.headline,
            "location": profile and profile.location,
            "profile_url": safe_profile_url(profile and profile.profile_url),
            "picture_url": safe_picture_url(profile and profile.picture_url),
            "score": member.score or 0.0,
            "reason": member.reason,
        }

    def action_select(self):
        """Connect the wizard's applicant to this profile and close."""
        self.ensure_one()
        applicant = self.wizard_id.applicant_id
        applicant._linkedin_connect_member(self.member_urn, self.profile_url)
        return {"type": "ir.actions.act_window_close"}
