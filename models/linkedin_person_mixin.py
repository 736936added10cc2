# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import email_normalize

from .. import compat
from ..linkedin_recruiter_connect import errors
from ..linkedin_recruiter_connect.schema import CandidateRecord
from ..linkedin_recruiter_connect.windows import to_epoch_ms
from .linkedin_activity import IMPORTED_MESSAGE_ID_LIKE

_logger = logging.getLogger(__name__)

PERSON_URN_RE = re.compile(r"urn:li:person:[A-Za-z0-9_-]+")
SAFE_PROFILE_URL_RE = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
SAFE_PICTURE_DATA_RE = re.compile(
    r"data:image/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}"
)
# The link and its flags: only the addon's own flows (connect, disconnect,
# merge, purge, remove) write them, after their checks, with elevated rights.
LINK_FIELDS = frozenset(
    {
        "linkedin_member_urn",
        "linkedin_connected_by_id",
        "linkedin_connected_at",
        "linkedin_auto_match_blocked",
        "linkedin_profile_from_linkedin",
        "linkedin_clear_pending",
        "linkedin_purge_reason",
    }
)
# What clearing an applicant's LinkedIn link writes: auto-matching is blocked
# so that no later sync reconnects it silently.
UNLINK_VALUES = {
    "linkedin_member_urn": False,
    "linkedin_connected_by_id": False,
    "linkedin_connected_at": False,
    "linkedin_auto_match_blocked": True,
}


def safe_profile_url(url):
    """``url`` when it is an http(s) URL, else False (e.g. ``javascript:``)."""
    return url if url and SAFE_PROFILE_URL_RE.fullmatch(url) else False


def safe_picture_url(url):
    """``url`` when an <img> may show it: http(s), or an inline base64 image
    (an image element runs no script, SVG included); else False."""
    if url and SAFE_PICTURE_DATA_RE.fullmatch(url):
        return url
    return safe_profile_url(url)


class LinkedInPersonMixin(models.AbstractModel):
    """The LinkedIn Recruiter link of a person: connect, disconnect, find the
    duplicates of the link, push the person to LinkedIn, remove their data.

    The person is ``compat.PERSON_MODEL``: the applicant, or the candidate
    from 18.0. It provides partner_name, email_from, partner_phone,
    partner_id, company_id, linkedin_profile and the chatter. It comes first
    in the person's ``_inherit``, so that its overrides (create, write, the
    message fields) run before the person's own methods.
    """

    _name = "linkedin.person.mixin"
    _description = "LinkedIn Recruiter Person"

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
        readonly=True,
        help="Set when a recruiter disconnects this applicant, so that no "
        "later synchronisation reconnects it silently.",
    )
    linkedin_profile_from_linkedin = fields.Boolean(
        string="LinkedIn Profile Set by the Connection",
        copy=False,
        readonly=True,
        help="The LinkedIn profile URL was written by the LinkedIn Recruiter "
        "connection, not typed by a user: disconnecting clears it.",
    )
    linkedin_clear_pending = fields.Boolean(
        string="LinkedIn Disconnect Pending",
        copy=False,
        readonly=True,
        help="Disconnected in Odoo, but LinkedIn could not yet be told to "
        "forget the match: a scheduled job asks again.",
    )

    linkedin_purge_reason = fields.Selection(
        [("CLOSED", "Account closed"), ("PURGED", "Data purged")],
        string="LinkedIn Data-protection Flag",
        copy=False,
        readonly=True,
        help="LinkedIn reported that this member closed their account or was "
        "purged: remove their LinkedIn data unless you have a legal basis to "
        "keep it.",
    )
    linkedin_enabled = fields.Boolean(
        string="LinkedIn Recruiter",
        compute="_compute_linkedin_enabled",
        help="Connect this company's applicants to LinkedIn Recruiter.",
    )

    @api.depends("linkedin_member_urn")
    def _compute_linkedin_connected(self):
        for applicant in self:
            applicant.linkedin_connected = bool(applicant.linkedin_member_urn)

    # The mixin itself has no company: the people who inherit it do.
    @api.depends(
        lambda self: (
            ["company_id.linkedin_backend_id.enabled"]
            if "company_id" in self._fields
            else []
        )
    )
    def _compute_linkedin_enabled(self):
        for person in self:
            backend = (person.company_id or self.env.company).linkedin_backend_id
            person.linkedin_enabled = backend.enabled

    @api.constrains("linkedin_member_urn")
    def _check_linkedin_member_urn(self):
        for applicant in self:
            urn = applicant.linkedin_member_urn
            if urn and not PERSON_URN_RE.fullmatch(urn):
                raise ValidationError(
                    _(
                        "The LinkedIn member URN %(value)r is not valid: "
                        "expected urn:li:person:<id>.",
                        value=urn,
                    )
                )

    def _inverse_partner_email(self):
        """Odoo names the contact it creates for an applicant after the email
        address; name it after the applicant, since it signs the candidate's
        InMails in the chatter."""
        result = super()._inverse_partner_email()
        self._linkedin_name_contacts()
        return result

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._linkedin_check_link_write(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._linkedin_check_link_write(vals)
        # A profile URL typed by a user is kept when disconnecting.
        if "linkedin_profile" in vals and "linkedin_profile_from_linkedin" not in vals:
            vals = dict(vals, linkedin_profile_from_linkedin=False)
        return super().write(vals)

    @api.model
    def _linkedin_check_link_write(self, vals):
        """Refuse a direct write of the LinkedIn link or its flags.

        Only the addon's flows write LINK_FIELDS, as superuser once their own
        checks (officer, seat, LinkedIn's matches) passed: a user who may
        edit the applicant must not connect it to any member by hand.
        """
        if self.env.su:
            return
        forbidden = sorted(LINK_FIELDS.intersection(vals))
        if forbidden:
            raise AccessError(
                _(
                    "The LinkedIn Recruiter connection of an applicant changes "
                    'only through "Connect to LinkedIn Recruiter", '
                    "Disconnect, Merge or Remove LinkedIn data; these fields "
                    "cannot be written directly: %(fields)s.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in forbidden
                    ),
                )
            )

    def _get_message_create_valid_field_names(self):
        """The import creates its messages with their LinkedIn activity."""
        return super()._get_message_create_valid_field_names() | {
            "linkedin_activity_id"
        }

    def _linkedin_backend(self):
        """The LinkedIn backend of this applicant's company."""
        self.ensure_one()
        return (self.company_id or self.env.company).linkedin_backend_id

    # -- actions ---------------------------------------------------------------

    def action_linkedin_connect(self):
        """Push the applicant to LinkedIn, fetch its matches and let the user
        choose: in Odoo's match wizard when LinkedIn described the matches
        (names, headlines), else in LinkedIn's own profile widget (LinkedIn
        documents bare member URNs, which tell a user nothing)."""
        self.ensure_one()
        matches = self._linkedin_push_and_match(self._linkedin_check_can_connect())
        if matches and matches.described:
            wizard = self.env["linkedin.match.wizard"]._create_for(self, matches)
            return wizard._action_reopen()
        return self._linkedin_widget_action()

    def _linkedin_widget_action(self):
        """The dialog showing LinkedIn's profile widget for this person."""
        return {
            "type": "ir.actions.client",
            "tag": "linkedin_recruiter_connect.profile_widget",
            "name": _("LinkedIn Recruiter"),
            "target": "new",
            "params": {"model": self._name, "res_id": self.id},
        }

    def action_linkedin_reply(self):
        """Open the latest InMail conversation with this member on LinkedIn.

        Replies are written in LinkedIn Recruiter; Odoo never sends InMail.
        """
        self.ensure_one()
        latest = (
            self.env["linkedin.activity"]
            .sudo()
            .search(
                [
                    ("kind", "=", "inmail"),
                    ("member_urn", "=", self.linkedin_member_urn),
                    ("company_id", "=", self.company_id.id),
                    ("thread_url", "!=", False),
                ],
                order="linkedin_created_at desc, id desc",
                limit=1,
            )
            if self.linkedin_member_urn
            else None
        )
        if not latest:
            raise UserError(
                _(
                    "There is no LinkedIn InMail conversation with %(applicant)s "
                    "yet: start one in LinkedIn Recruiter.",
                    applicant=self.partner_name or self.display_name,
                )
            )
        return {"type": "ir.actions.act_url", "url": latest.thread_url, "target": "new"}

    def action_linkedin_open_profile(self):
        self.ensure_one()
        if not self.linkedin_profile:
            raise UserError(_("This applicant has no LinkedIn profile URL."))
        return {
            "type": "ir.actions.act_url",
            "url": self.linkedin_profile,
            "target": "new",
        }

    def action_linkedin_disconnect(self):
        """Open the disconnect wizard of this connected applicant.

        The wizard lists the other applicants connected to the same LinkedIn
        profile (see :meth:`_linkedin_connected_duplicates`), or only asks
        for confirmation when there are none.
        """
        self.ensure_one()
        self._linkedin_check_officer()
        if not self.linkedin_connected:
            raise UserError(
                _(
                    "%(applicant)s is not connected to LinkedIn Recruiter.",
                    applicant=self.partner_name or self.display_name,
                )
            )
        return self.env["linkedin.disconnect.wizard"]._action_open_for(self)

    # -- disconnect helpers ----------------------------------------------------

    def _linkedin_connected_duplicates(self):
        """The company's other applicants, archived ones included, connected
        to the same LinkedIn member as this one.

        Sharing the member URN is what makes a duplicate of the link, whether
        or not the normalized email is shared too: an applicant with the same
        email but no (or another) connection is not listed.
        """
        self.ensure_one()
        if not self.linkedin_member_urn:
            return self.browse()
        return self.with_context(active_test=False).search(
            [
                ("id", "!=", self.id),
                ("company_id", "=", self.company_id.id),
                ("linkedin_member_urn", "=", self.linkedin_member_urn),
            ],
            order="create_date, id",
        )

    def _linkedin_disconnect(self, next_action=None):
        """Disconnect these applicants from LinkedIn Recruiter.

        The local link is cleared and holds whatever LinkedIn answers: member
        URN, connected by/on, and the profile URL when the connection set it
        (a URL a user typed is kept). Auto-matching is blocked so that no
        later sync reconnects them silently; messages already imported stay.
        LinkedIn is then asked to forget each candidate's manual match; the
        applicants it could not clear keep ``linkedin_clear_pending`` for
        :meth:`_linkedin_retry_pending_clears`. Each applicant gets a note.

        Returns the action to run next: ``next_action`` (default: close the
        dialog), behind a warning notification when a clear is pending.
        """
        self._linkedin_check_officer()
        connected = self.filtered("linkedin_member_urn")
        values = dict(UNLINK_VALUES, linkedin_profile_from_linkedin=False)
        set_by_linkedin = connected.filtered("linkedin_profile_from_linkedin")
        (connected - set_by_linkedin).sudo().write(values)
        set_by_linkedin.sudo().write(dict(values, linkedin_profile=False))
        pending, error = connected._linkedin_clear_manual_matches()
        pending.sudo().write({"linkedin_clear_pending": True})
        connected._linkedin_log_disconnect(pending)
        next_action = next_action or {"type": "ir.actions.act_window_close"}
        if not pending:
            return next_action
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning",
                "sticky": True,
                "title": _("LinkedIn not updated yet"),
                "message": _(
                    "%(applicants)s disconnected in Odoo, but LinkedIn could "
                    "not be told to forget the match: %(reason)s It will be "
                    "asked again automatically.",
                    applicants=", ".join(
                        pending.mapped(lambda a: a.partner_name or a.display_name)
                    ),
                    reason=error.args[0] if error else "",
                ),
                "next": next_action,
            },
        }

    def _linkedin_clear_manual_matches(self):
        """Ask LinkedIn to forget the manual match of these candidates.

        Returns ``(pending, error)``: the applicants whose match could not be
        cleared and the last error, as a UserError for the user. A candidate
        LinkedIn does not know (404) has nothing to clear. After a retryable
        error (throttling, outage) the company's remaining candidates are not
        tried and stay pending.
        """
        pending = self.browse()
        error = None
        for company, applicants in self.grouped("company_id").items():
            backend = (company or self.env.company).linkedin_backend_id
            try:
                with backend._client() as client:
                    failed, failure = applicants._linkedin_clear_with(client, backend)
            except UserError as exc:
                _logger.warning("Cannot clear LinkedIn matches: %s", exc)
                failed, failure = applicants, exc
            pending |= failed
            error = failure or error
        return pending, error

    def _linkedin_clear_with(self, client, backend):
        """``(pending, error)`` of clearing these applicants of ``backend``
        with ``client``; a retryable error leaves the rest pending."""
        pending = self.browse()
        error = None
        for index, applicant in enumerate(self):
            failure = applicant._linkedin_clear_one(client, backend)
            if failure:
                pending |= applicant
                error = backend._user_error(failure)
                if failure.retryable:
                    return pending | self[index:], error
        return pending, error

    def _linkedin_clear_one(self, client, backend):
        """Clear this candidate's manual match; return the LinkedInError or
        None."""
        try:
            client.clear_manual_match(self.id, backend.organization_urn)
        except errors.LinkedInError as exc:
            if exc.status == 404:
                return None
            _logger.warning(
                "LinkedIn did not clear the match of applicant %s: %s", self.id, exc
            )
            return exc
        return None

    def _linkedin_log_disconnect(self, pending):
        body = _(
            "Disconnected from LinkedIn Recruiter by %(user)s. Messages already "
            "imported stay; no new LinkedIn activity is attached.",
            user=self.env.user.name,
        )
        later = _("LinkedIn could not be updated yet and will be asked again.")
        done = self - pending
        if done:
            done._message_log_batch(bodies={applicant.id: body for applicant in done})
        if pending:
            pending._message_log_batch(
                bodies={applicant.id: f"{body} {later}" for applicant in pending}
            )

    @api.model
    def _linkedin_retry_pending_clears(self, limit=200):
        """Ask LinkedIn again to forget the matches disconnects left pending.

        Run by the "retry pending disconnects" cron; the sync cron may call it
        too. Handles at most ``limit`` applicants, skips the ones reconnected
        since, and returns how many were cleared.
        """
        applicants = self.with_context(active_test=False).search(
            [
                ("linkedin_clear_pending", "=", True),
                ("linkedin_member_urn", "=", False),
            ],
            order="id",
            limit=limit,
        )
        pending = applicants._linkedin_clear_manual_matches()[0]
        cleared = applicants - pending
        cleared.sudo().write({"linkedin_clear_pending": False})
        return len(cleared)

    # -- connect helpers -------------------------------------------------------

    def _linkedin_name_contacts(self):
        """Give the applicant's name to contacts still named after their email
        address (the placeholder Odoo's find_or_create leaves)."""
        for applicant in self:
            partner = applicant.partner_id
            name = (applicant.partner_name or "").strip()
            if (
                partner
                and name
                and partner.email_normalized
                and email_normalize(partner.name or "") == partner.email_normalized
            ):
                partner.name = name

    def _linkedin_check_officer(self):
        """Only recruitment officers and managers change LinkedIn links."""
        if not self.env.user.has_group("hr_recruitment.group_hr_recruitment_user"):
            raise AccessError(
                _(
                    "Only recruitment officers and managers can change an "
                    "applicant's LinkedIn Recruiter connection."
                )
            )
        compat.check_access(self, "write")

    def _linkedin_check_connectable(self):
        if self.linkedin_connected:
            raise UserError(
                _(
                    "%(applicant)s is already connected to LinkedIn Recruiter.",
                    applicant=self.partner_name or self.display_name,
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

    def _linkedin_check_user_seat(self, backend):
        if not backend.require_seat:
            return
        company = backend.company_id
        if self.env["linkedin.seat"]._seat_of_user(self.env.user, company):
            return
        raise UserError(
            _(
                "You hold no active LinkedIn Recruiter seat mapped to your user "
                "in %(company)s. An administrator can map seats to users in "
                "Recruitment > Configuration > LinkedIn Recruiter > Seats.",
                company=company.name,
            )
        )

    def _linkedin_candidate_record(self):
        """The full atsCandidates record LinkedIn expects for this applicant."""
        self.ensure_one()
        first, _sep, last = (self.partner_name or "").strip().partition(" ")
        phones = [self[name] for name in compat.APPLICANT_PHONE_FIELDS if self[name]]
        base_url = self.get_base_url()
        return CandidateRecord(
            ats_candidate_id=self.id,
            first_name=first,
            last_name=last.strip() or None,
            emails=[email_normalize(self.email_from) or self.email_from.strip()],
            phones=phones,
            created_ms=to_epoch_ms(self.create_date),
            modified_ms=max(
                to_epoch_ms(self.write_date or self.create_date),
                to_epoch_ms(self.create_date),
            ),
            linkedin_profile_url=self.linkedin_profile or None,
            external_profile_url=f"{base_url}/web#id={self.id}&model={self._name}",
        )

    def _linkedin_push_and_match(self, backend):
        """Send the candidate to LinkedIn and return its CandidateMatches."""
        organization = backend.organization_urn
        with backend._session() as client:
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
        return matches.get(str(self.id))

    def _linkedin_connect_member(self, member_urn, profile_url=None):
        """Connect to ``member_urn`` once LinkedIn confirms it, then store the link.

        The caller's choice is never trusted: the user's seat is checked
        again and LinkedIn must hold the member among the candidate's matches
        (or as its manual match) before the manual match is set. A profile
        URL other than http(s) is not stored.
        """
        self.ensure_one()
        backend = self._linkedin_check_can_connect()
        organization = backend.organization_urn
        with backend._session() as client:
            matches = client.get_candidate_matches([self.id], organization)
            self._linkedin_check_proposed(matches.get(str(self.id)), member_urn)
            client.set_manual_match(self.id, organization, member_urn)
        self._linkedin_store_link(member_urn, profile_url)

    def _linkedin_check_can_connect(self):
        """Raise unless the user may connect this person now; its backend."""
        self._linkedin_check_officer()
        backend = self._linkedin_backend()
        backend._check_ready()
        self._linkedin_check_connectable()
        self._linkedin_check_user_seat(backend)
        return backend

    def _linkedin_store_link(self, member_urn, profile_url=None):
        """Store the link LinkedIn confirmed, say so in the chatter and
        attach the member's staged activity."""
        profile_url = safe_profile_url(profile_url)
        values = {
            "linkedin_member_urn": member_urn,
            "linkedin_connected_by_id": self.env.user.id,
            "linkedin_connected_at": fields.Datetime.now(),
            "linkedin_auto_match_blocked": False,
        }
        if profile_url:
            values["linkedin_profile"] = profile_url
            values["linkedin_profile_from_linkedin"] = (
                profile_url != self.linkedin_profile
                or self.linkedin_profile_from_linkedin
            )
        values["linkedin_clear_pending"] = False
        self.sudo().write(values)
        # The contact signs the candidate's InMails: not with a bare email.
        self.sudo()._linkedin_name_contacts()
        if profile_url:
            body = _(
                "Connected to LinkedIn Recruiter profile %(profile)s by %(user)s.",
                profile=profile_url,
                user=self.env.user.name,
            )
        else:
            body = _(
                "Connected to LinkedIn Recruiter by %(user)s, in LinkedIn's "
                "profile widget.",
                user=self.env.user.name,
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        self._linkedin_attach_staged_activity()

    # -- LinkedIn's profile widget ---------------------------------------------

    def linkedin_widget_config(self):
        """What the browser needs to embed LinkedIn's Enhanced Profile Widget
        for this person (see linkedin.backend's ``_widget_config``), with the
        candidate id LinkedIn knows it by and whether it is connected."""
        self.ensure_one()
        self._linkedin_check_officer()
        return {
            **self._linkedin_backend()._widget_config(),
            "candidate_id": str(self.id),
            "connected": self.linkedin_connected,
        }

    def action_linkedin_widget_sync(self):
        """Send this person to LinkedIn so that its widget can match them;
        return the widget's configuration."""
        self.ensure_one()
        self._linkedin_push_and_match(self._linkedin_check_can_connect())
        return self.linkedin_widget_config()

    def action_linkedin_widget_linked(self, member_urn):
        """LinkedIn's widget says the user linked this person to
        ``member_urn`` (its ``onlink``): connect them once LinkedIn confirms.

        The browser's word is never trusted: the candidate is read back from
        LinkedIn, and connected only when its manual match, or without one
        its single algorithmic match, is ``member_urn``. Linking the member
        it is connected to already changes nothing. Returns ``{"warning"}``:
        what the user should know of other people connected to the same
        member (duplicates to merge), or False.
        """
        self.ensure_one()
        if not isinstance(member_urn, str) or not PERSON_URN_RE.fullmatch(member_urn):
            raise UserError(_("LinkedIn's widget sent no valid member."))
        if self.linkedin_connected and self.linkedin_member_urn == member_urn:
            self._linkedin_check_officer()
            return {"warning": False}
        backend = self._linkedin_check_can_connect()
        matches = self._linkedin_matches_at_linkedin(backend)
        self._linkedin_check_widget_link(matches, member_urn)
        self._linkedin_store_link(member_urn)
        return {"warning": self._linkedin_duplicates_warning()}

    def _linkedin_duplicates_warning(self):
        """What to tell the user who just connected this person when others
        are connected to the same member, or False."""
        duplicates = self._linkedin_connected_duplicates()
        if not duplicates:
            return False
        return _(
            "Also connected to this LinkedIn Recruiter profile: %(others)s. If "
            "they are the same person, merge them (Action > Merge Applicants).",
            others=", ".join(
                person.partner_name or person.display_name for person in duplicates
            ),
        )

    def _linkedin_check_widget_link(self, matches, member_urn):
        """Raise unless LinkedIn's ``matches`` (schema.CandidateMatches)
        confirm the widget's link to ``member_urn``."""
        linked = matches and matches.manual_member_urn
        if matches and not linked and len(matches.matched) == 1:
            linked = matches.best.member_urn
        if linked != member_urn:
            raise UserError(
                _(
                    "LinkedIn does not confirm that %(applicant)s is linked to "
                    "this profile, so it was not connected. Link the profile "
                    "again in the LinkedIn tab.",
                    applicant=self.partner_name or self.display_name,
                )
            )

    def _linkedin_matches_at_linkedin(self, backend):
        """This candidate's matches as LinkedIn holds them now
        (schema.CandidateMatches), or None when LinkedIn has none."""
        with backend._session() as client:
            return client.get_candidate_matches(
                [self.id], backend.organization_urn
            ).get(str(self.id))

    def action_linkedin_widget_unlinked(self, member_urn):
        """LinkedIn's widget says the user unlinked ``member_urn`` (its
        ``onunlink``): disconnect, or let the user choose with the duplicates.

        The user confirmed in LinkedIn's widget, so once LinkedIn no longer
        links the candidate to that member and nobody else of the company is
        connected to it, the person is disconnected at once. Otherwise the
        disconnect wizard opens: with the duplicates to disconnect or merge,
        or only to confirm when LinkedIn still has the link (the browser's
        word alone undoes nothing).

        Returns the action to run next (a notification, or the wizard), or
        False when this person is not connected to that member.
        """
        self.ensure_one()
        self._linkedin_check_officer()
        if not self.linkedin_connected or self.linkedin_member_urn != member_urn:
            return False
        if self._linkedin_connected_duplicates():
            return self.action_linkedin_disconnect()
        matches = self._linkedin_matches_at_linkedin(self._linkedin_backend())
        if matches and matches.manual_member_urn == member_urn:
            return self.action_linkedin_disconnect()
        return self._linkedin_disconnect(next_action=self._linkedin_unlinked_notice())

    def _linkedin_unlinked_notice(self):
        """The notification of a person disconnected from the widget."""
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "%(applicant)s is no longer connected to LinkedIn Recruiter.",
                    applicant=self.partner_name or self.display_name,
                ),
            },
        }

    def _linkedin_check_proposed(self, matches, member_urn):
        """Raise unless LinkedIn's ``matches`` (schema.CandidateMatches) hold
        ``member_urn`` as an algorithmic or the manual match."""
        proposed = set()
        if matches:
            proposed = {member.member_urn for member in matches.matched}
            proposed.add(matches.manual_member_urn)
        if member_urn not in proposed:
            raise UserError(
                _(
                    "LinkedIn does not propose this profile for %(applicant)s, "
                    'so it was not connected. Use "Connect to LinkedIn '
                    "Recruiter\" again to see LinkedIn's current matches.",
                    applicant=self.partner_name or self.display_name,
                )
            )

    def _linkedin_attach_staged_activity(self):
        """Hook: attach LinkedIn activity already staged for these members.

        Connecting calls it so that activity LinkedIn delivered before the
        connection appears at once (one message per activity and applicant).
        """
        connected = self.sudo().filtered("linkedin_member_urn")
        if connected:
            activity = (
                self.env["linkedin.activity"]
                .sudo()
                .search(
                    [
                        ("member_urn", "in", connected.mapped("linkedin_member_urn")),
                        ("company_id", "in", connected.company_id.ids),
                    ]
                )
            )
            activity._attach(applicants=connected)
        return True

    # -- data protection ---------------------------------------------------------

    def action_linkedin_remove_data(self):
        """Remove what was imported from LinkedIn for these applicants' members.

        Deletes the LinkedIn chatter messages and staging rows of each member
        (on every applicant of the company connected to it) and the link,
        keeping the applicants themselves. Recruitment managers only.
        """
        if not self.env.user.has_group("hr_recruitment.group_hr_recruitment_manager"):
            raise AccessError(
                _("Only recruitment managers can remove an applicant's LinkedIn data.")
            )
        for company, applicants in self.grouped("company_id").items():
            applicants._linkedin_remove_member_data(company)
        return True

    def _linkedin_remove_member_data(self, company):
        members = set(
            self.filtered("linkedin_member_urn").mapped("linkedin_member_urn")
        )
        applicants = self
        if members:
            applicants |= self.with_context(active_test=False).search(
                [
                    ("company_id", "=", company.id),
                    ("linkedin_member_urn", "in", list(members)),
                ]
            )
        staged = (
            self.env["linkedin.activity"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [("company_id", "=", company.id), ("member_urn", "in", list(members))]
            )
        )
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", applicants.ids),
                    "|",
                    ("linkedin_activity_id", "!=", False),
                    # A message whose staged row is gone still says where
                    # it came from.
                    ("message_id", "=like", IMPORTED_MESSAGE_ID_LIKE),
                ]
            )
        )
        counts = {"messages": len(messages), "staged": len(staged)}
        messages.unlink()
        staged.unlink()
        applicants.sudo().write(dict(UNLINK_VALUES, linkedin_purge_reason=False))
        applicants.activity_unlink(["mail.mail_activity_data_todo"])
        for applicant in applicants:
            applicant.message_post(
                body=_(
                    "LinkedIn data removed by %(user)s: %(messages)s imported "
                    "messages, %(staged)s LinkedIn records and the LinkedIn "
                    "Recruiter link.",
                    user=self.env.user.name,
                    **counts,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _linkedin_flag_purged(self, purged_by_member):
        """Flag applicants whose member LinkedIn reports closed or purged.

        ``purged_by_member`` maps member URNs to a reason (CLOSED/PURGED).
        Each newly flagged applicant gets a to-do for the recruitment managers.
        """
        reasons = dict(self._fields["linkedin_purge_reason"].selection)
        for applicant in self.filtered(lambda a: not a.linkedin_purge_reason):
            reason = purged_by_member[applicant.linkedin_member_urn]
            applicant.sudo().linkedin_purge_reason = reason
            applicant.company_id._linkedin_todo_for_managers(
                applicant,
                _("LinkedIn member closed or purged"),
                _(
                    "LinkedIn reports that this candidate's member account is "
                    '%(reason)s. Unless you have a legal basis to keep it, use "Remove '
                    'LinkedIn data" on the applicant.',
                    reason=reasons[reason].lower(),
                ),
            )
