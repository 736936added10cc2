# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..linkedin_recruiter_connect import errors
from ..linkedin_recruiter_connect.schema import CandidateRecord
from ..linkedin_recruiter_connect.windows import to_epoch_ms

PERSON_URN_RE = re.compile(r"^urn:li:person:[A-Za-z0-9_-]+$")


class HrApplicant(models.Model):
    _inherit = "hr.applicant"

    linkedin_member_urn = fields.Char(
        string="LinkedIn Member URN",
        index=True,
        copy=False,
        readonly=True,
        help="The LinkedIn member (urn:li:person:...) this applicant is "
        "connected to in LinkedIn Recruiter.",
    )
    linkedin_connected = fields.Boolean(
        string="LinkedIn Recruiter Connected",
        compute="_compute_linkedin_connected",
        store=True,
    )
    linkedin_connected_by_id = fields.Many2one(
        "res.users",
        string="LinkedIn Connected By",
        copy=False,
        readonly=True,
    )
    linkedin_connected_at = fields.Datetime(
        string="LinkedIn Connected On", copy=False, readonly=True
    )
    linkedin_auto_match_blocked = fields.Boolean(
        string="LinkedIn Auto-match Blocked",
        copy=False,
        help="Set when a recruiter disconnects this applicant, so that no "
        "later synchronisation reconnects it silently.",
    )

    linkedin_enabled = fields.Boolean(related="company_id.linkedin_enabled")

    @api.depends("linkedin_member_urn")
    def _compute_linkedin_connected(self):
        for applicant in self:
            applicant.linkedin_connected = bool(applicant.linkedin_member_urn)

    @api.constrains("linkedin_member_urn")
    def _check_linkedin_member_urn(self):
        for applicant in self:
            urn = applicant.linkedin_member_urn
            if urn and not PERSON_URN_RE.match(urn):
                raise ValidationError(
                    _(
                        "The LinkedIn member URN %(value)r is not valid: "
                        "expected urn:li:person:<id>.",
                        value=urn,
                    )
                )

    # -- actions ---------------------------------------------------------------

    def action_linkedin_connect(self):
        """Push the applicant to LinkedIn, fetch its matches, open the wizard."""
        self.ensure_one()
        self._linkedin_check_officer()
        company = self.company_id or self.env.company
        company._linkedin_check_ready()
        self._linkedin_check_connectable()
        self._linkedin_check_user_seat(company)
        matches = self._linkedin_push_and_match(company)
        wizard = self.env["linkedin.match.wizard"].create(
            self.env["linkedin.match.wizard"]._values_from_matches(self, matches)
        )
        return wizard._action_reopen()

    def action_linkedin_open_profile(self):
        self.ensure_one()
        if not self.linkedin_profile:
            raise UserError(_("This applicant has no LinkedIn profile URL."))
        return {
            "type": "ir.actions.act_url",
            "url": self.linkedin_profile,
            "target": "new",
        }

    # -- connect helpers -------------------------------------------------------

    def _linkedin_check_officer(self):
        """Only recruitment officers and managers change LinkedIn links."""
        if not self.env.user.has_group("hr_recruitment.group_hr_recruitment_user"):
            raise AccessError(
                _(
                    "Only recruitment officers and managers can change an "
                    "applicant's LinkedIn Recruiter connection."
                )
            )
        self.check_access_rights("write")
        self.check_access_rule("write")

    def _linkedin_check_connectable(self):
        if self.linkedin_connected:
            raise UserError(
                _(
                    "%(applicant)s is already connected to LinkedIn Recruiter.",
                    applicant=self.partner_name or self.name,
                )
            )
        missing = []
        if not (self.partner_name or "").strip():
            missing.append(_("the applicant's name"))
        if not (self.email_from or "").strip():
            missing.append(_("the applicant's email"))
        if missing:
            raise UserError(
                _(
                    "To connect to LinkedIn Recruiter, fill in %(missing)s first.",
                    missing=_(" and ").join(missing),
                )
            )

    def _linkedin_check_user_seat(self, company):
        if not company.linkedin_require_seat:
            return
        if self.env["linkedin.seat"]._seat_of_user(self.env.user, company):
            return
        raise UserError(
            _(
                "You hold no active LinkedIn Recruiter seat mapped to your user "
                "in %(company)s. An administrator can map seats to users in "
                "Recruitment > Configuration > LinkedIn Recruiter Seats.",
                company=company.name,
            )
        )

    def _linkedin_candidate_record(self):
        """The full atsCandidates record LinkedIn expects for this applicant."""
        self.ensure_one()
        first, _sep, last = (self.partner_name or "").strip().partition(" ")
        phones = [p for p in (self.partner_phone, self.partner_mobile) if p]
        base_url = self.get_base_url()
        return CandidateRecord(
            ats_candidate_id=self.id,
            first_name=first,
            last_name=last.strip() or None,
            emails=[self.email_from.strip()],
            phones=phones,
            created_ms=to_epoch_ms(self.create_date),
            modified_ms=max(
                to_epoch_ms(self.write_date or self.create_date),
                to_epoch_ms(self.create_date),
            ),
            linkedin_profile_url=self.linkedin_profile or None,
            external_profile_url=f"{base_url}/web#id={self.id}&model=hr.applicant",
        )

    def _linkedin_push_and_match(self, company):
        """Send the candidate to LinkedIn and return its CandidateMatches."""
        organization = company.linkedin_organization_urn
        client = company._linkedin_client()
        try:
            (result,) = client.sync_candidates(
                [self._linkedin_candidate_record()], organization
            )
            if not result.ok:
                raise UserError(
                    _(
                        "LinkedIn refused the applicant: %(reason)s",
                        reason=result.message or result.status,
                    )
                )
            matches = client.get_candidate_matches([self.id], organization)
        except errors.LinkedInError as error:
            raise company._linkedin_user_error(error) from error
        finally:
            client.close()
        return matches.get(str(self.id))

    def _linkedin_connect_member(self, member_urn, profile_url=None):
        """Set the manual match at LinkedIn, then store the link locally."""
        self.ensure_one()
        self._linkedin_check_officer()
        self._linkedin_check_connectable()
        company = self.company_id or self.env.company
        client = company._linkedin_client()
        try:
            client.set_manual_match(
                self.id, company.linkedin_organization_urn, member_urn
            )
        except errors.LinkedInError as error:
            raise company._linkedin_user_error(error) from error
        finally:
            client.close()
        values = {
            "linkedin_member_urn": member_urn,
            "linkedin_connected_by_id": self.env.user.id,
            "linkedin_connected_at": fields.Datetime.now(),
            "linkedin_auto_match_blocked": False,
        }
        if profile_url:
            values["linkedin_profile"] = profile_url
        self.write(values)
        self.message_post(
            body=_(
                "Connected to LinkedIn Recruiter profile %(profile)s by %(user)s.",
                profile=profile_url or member_urn,
                user=self.env.user.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        self._linkedin_attach_staged_activity()

    def _linkedin_attach_staged_activity(self):
        """Hook: attach LinkedIn activity already staged for these members.

        The import (linkedin.activity) extends this; connecting calls it so
        that activity delivered before the connection appears at once.
        """
        return True
