# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextlib
import ipaddress
import logging
import re
from urllib.parse import urlsplit

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..linkedin_recruiter_connect import errors
from ..linkedin_recruiter_connect.client import (
    LINKEDIN_API_URL,
    RecruiterClient,
    is_loopback_host,
)

_logger = logging.getLogger(__name__)

# (connect, read) seconds; overridable with the system parameter below.
DEFAULT_TIMEOUT = (5.0, 30.0)
TIMEOUT_PARAM = "linkedin_recruiter_connect.timeout"
DEFAULT_SYNC_INTERVAL = 15
MIN_SYNC_INTERVAL = 5
MAX_SYNC_INTERVAL = 24 * 60
# Sync import (issue 5): LinkedIn's shared daily budget of the RSC read APIs,
# of which the schedule may spend at most half; client retry parameters.
LINKEDIN_DAILY_CALL_LIMIT = 100_000
SYNC_CALL_BUDGET = LINKEDIN_DAILY_CALL_LIMIT // 2
RETRY_PARAMS = {
    "max_attempts": ("linkedin_recruiter_connect.max_attempts", int),
    "max_retry_seconds": ("linkedin_recruiter_connect.max_retry_seconds", float),
    "backoff_base": ("linkedin_recruiter_connect.backoff_base", float),
}

# Matched with fullmatch: ``$`` would accept a trailing newline, ``\d``
# full-width digits.
ORGANIZATION_URN_RE = re.compile(r"urn:li:organization:[0-9]+")
CONTRACT_URN_RE = re.compile(r"urn:li:contract:[0-9]+")
API_VERSION_RE = re.compile(r"[0-9]{4}(0[1-9]|1[0-2])")
BASE_URL_RE = re.compile(r"https?://[A-Za-z0-9.:\[\]-]+(/[A-Za-z0-9._~/-]*)?")
DAY_LIMITS = {
    "linkedin_backfill_days": (1, 3650),
    "linkedin_retention_days": (0, 3650),
}


def is_allowed_api_url(url):
    """Whether ``url`` may receive the client secret: https to a public
    host, or a loopback address (the sandbox), over http or https."""
    if not BASE_URL_RE.fullmatch(url or ""):
        return False
    parts = urlsplit(url)
    try:
        host, _port = parts.hostname, parts.port  # a malformed port raises
    except ValueError:
        return False
    if not host:
        return False
    if is_loopback_host(host):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return parts.scheme == "https" and "." in host
    return parts.scheme == "https" and address.is_global


def _parse_timeout(raw):
    """``(connect, read)`` seconds of a ``connect,read`` parameter."""
    connect, read = (float(part) for part in raw.split(","))
    return (connect, read)


class ResCompany(models.Model):
    _inherit = "res.company"

    linkedin_enabled = fields.Boolean(
        string="LinkedIn Recruiter",
        help="Connect this company's applicants to LinkedIn Recruiter.",
    )
    linkedin_client_id = fields.Char(
        string="LinkedIn Client ID",
        groups="base.group_system",
        help="Client ID of the child application LinkedIn provisioned for this "
        "company.",
    )
    linkedin_client_secret = fields.Char(
        string="LinkedIn Client Secret",
        groups="base.group_system",
        copy=False,
    )
    linkedin_organization_urn = fields.Char(
        string="LinkedIn Organization URN",
        help="The company's LinkedIn organization, e.g. urn:li:organization:12345.",
    )
    linkedin_contract_urn = fields.Char(
        string="LinkedIn Recruiter Contract URN",
        help="The Recruiter contract whose InMails and Notes are imported, "
        "e.g. urn:li:contract:67890.",
    )
    linkedin_api_base_url = fields.Char(
        string="LinkedIn API Base URL",
        groups="base.group_system",
        default=LINKEDIN_API_URL,
        help="LinkedIn's API, or the address of a LinkedIn Recruiter sandbox.",
    )
    linkedin_api_version = fields.Char(
        string="LinkedIn API Version",
        help="LinkedIn-Version header (YYYYMM) for versioned endpoints; leave "
        "empty for the unversioned /v2 API.",
    )
    linkedin_sync_interval = fields.Integer(
        string="LinkedIn Sync Interval (minutes)",
        default=DEFAULT_SYNC_INTERVAL,
        help="How often InMails and Recruiter Notes are fetched from LinkedIn.",
    )
    linkedin_require_seat = fields.Boolean(
        string="Require a Recruiter Seat to Connect",
        default=True,
        help="Only users mapped to an active LinkedIn Recruiter seat may "
        "connect applicants to LinkedIn.",
    )
    linkedin_test_ok = fields.Boolean(
        string="LinkedIn Connection Test Passed", copy=False, readonly=True
    )
    linkedin_test_at = fields.Datetime(
        string="LinkedIn Connection Tested On", copy=False, readonly=True
    )
    linkedin_test_message = fields.Text(
        string="LinkedIn Connection Test Result", copy=False, readonly=True
    )
    linkedin_purge_checked_ms = fields.Float(
        string="LinkedIn Purged Members Cursor",
        copy=False,
        readonly=True,
        help="Epoch milliseconds of the latest closed/purged member seen.",
    )
    linkedin_purge_checked_at = fields.Datetime(
        string="LinkedIn Purged Members Checked On", copy=False, readonly=True
    )
    linkedin_seat_ids = fields.One2many(
        "linkedin.seat", "company_id", string="LinkedIn Recruiter Seats"
    )
    linkedin_backfill_days = fields.Integer(
        string="LinkedIn First Import (days back)",
        default=365,
        help="How far back the first import fetches InMails and Notes.",
    )
    linkedin_retention_days = fields.Integer(
        string="Keep LinkedIn Activity Waiting for a Connection (days)",
        default=180,
        help="InMails and Notes of members no applicant is connected to wait "
        "this long, so that a later connection still shows them, then they "
        "are deleted; 0 keeps them until an applicant is connected.",
    )
    linkedin_notes_cursor_ms = fields.Float(
        string="LinkedIn Notes Cursor (epoch ms)",
        digits=(16, 0),
        copy=False,
        help="Recruiter Notes modified before this instant are imported.",
    )

    @api.constrains("linkedin_organization_urn")
    def _check_linkedin_organization_urn(self):
        for company in self:
            urn = company.linkedin_organization_urn
            if urn and not ORGANIZATION_URN_RE.fullmatch(urn):
                raise ValidationError(
                    _(
                        "The LinkedIn organization URN %(value)r is not valid: "
                        "expected urn:li:organization:<digits>, "
                        "e.g. urn:li:organization:12345.",
                        value=urn,
                    )
                )

    @api.constrains("linkedin_contract_urn")
    def _check_linkedin_contract_urn(self):
        for company in self:
            urn = company.linkedin_contract_urn
            if urn and not CONTRACT_URN_RE.fullmatch(urn):
                raise ValidationError(
                    _(
                        "The LinkedIn contract URN %(value)r is not valid: "
                        "expected urn:li:contract:<digits>, "
                        "e.g. urn:li:contract:67890.",
                        value=urn,
                    )
                )

    @api.constrains("linkedin_api_base_url")
    def _check_linkedin_api_base_url(self):
        for company in self:
            url = company.linkedin_api_base_url
            if url and not is_allowed_api_url(url):
                raise ValidationError(
                    _(
                        "The LinkedIn API base URL %(value)r is not valid: "
                        "expected https://host[/path] with a public host, "
                        "e.g. https://api.linkedin.com (http only for a "
                        "sandbox on 127.0.0.1 or localhost).",
                        value=url,
                    )
                )

    @api.constrains("linkedin_api_version")
    def _check_linkedin_api_version(self):
        for company in self:
            version = company.linkedin_api_version
            if version and not API_VERSION_RE.fullmatch(version):
                raise ValidationError(
                    _(
                        "The LinkedIn API version %(value)r is not valid: "
                        "expected YYYYMM, e.g. 202604.",
                        value=version,
                    )
                )

    @api.constrains("linkedin_sync_interval")
    def _check_linkedin_sync_interval(self):
        for company in self:
            interval = company.linkedin_sync_interval
            if not MIN_SYNC_INTERVAL <= interval <= MAX_SYNC_INTERVAL:
                raise ValidationError(
                    _(
                        "The LinkedIn sync interval must be between %(low)s and "
                        "%(high)s minutes (got %(value)s).",
                        low=MIN_SYNC_INTERVAL,
                        high=MAX_SYNC_INTERVAL,
                        value=interval,
                    )
                )

    @api.constrains(*DAY_LIMITS)
    def _check_linkedin_days(self):
        for company in self:
            for name, (low, high) in DAY_LIMITS.items():
                if not low <= company[name] <= high:
                    raise ValidationError(
                        _(
                            "%(field)s must be between %(low)s and %(high)s days "
                            "(got %(value)s).",
                            field=company._fields[name].get_description(self.env)[
                                "string"
                            ],
                            low=low,
                            high=high,
                            value=company[name],
                        )
                    )

    def _linkedin_missing_settings(self):
        """Labels of the required LinkedIn settings this company lacks."""
        self.ensure_one()
        required = (
            "linkedin_client_id",
            "linkedin_client_secret",
            "linkedin_organization_urn",
            "linkedin_contract_urn",
            "linkedin_api_base_url",
        )
        company = self.sudo()
        return [
            company._fields[name].get_description(self.env)["string"]
            for name in required
            if not company[name]
        ]

    def _linkedin_check_ready(self):
        """Raise a UserError saying what to fix when LinkedIn is not usable."""
        self.ensure_one()
        if not self.linkedin_enabled:
            raise UserError(
                _(
                    "LinkedIn Recruiter is not enabled for %(company)s. An "
                    "administrator can enable it in Recruitment > Configuration "
                    "> Settings.",
                    company=self.name,
                )
            )
        missing = self._linkedin_missing_settings()
        if missing:
            raise UserError(
                _(
                    "LinkedIn Recruiter is not fully configured for %(company)s: "
                    "an administrator must fill in %(missing)s in Recruitment > "
                    "Configuration > Settings.",
                    company=self.name,
                    missing=", ".join(missing),
                )
            )

    def _linkedin_client(self):
        """The RecruiterClient for this company's settings.

        Every ORM call to LinkedIn goes through it. Raises a UserError when
        the settings are incomplete or unusable.
        """
        options = self._linkedin_client_options()
        try:
            return RecruiterClient(**options, logger=_logger)
        except ValueError as error:
            raise UserError(
                _(
                    "The LinkedIn settings of %(company)s cannot be used: "
                    "%(reason)s. An administrator can fix them in Recruitment > "
                    "Configuration > Settings.",
                    company=self.name,
                    reason=error,
                )
            ) from error

    @contextlib.contextmanager
    def _linkedin_session(self):
        """A client of this company's LinkedIn, closed on exit.

        A LinkedIn error raised inside reaches the caller as the UserError
        the user should read (see :meth:`_linkedin_user_error`).
        """
        with self._linkedin_client() as client:
            try:
                yield client
            except errors.LinkedInError as error:
                raise self._linkedin_user_error(error) from error

    def _linkedin_client_options(self):
        """RecruiterClient keyword arguments of this company's settings.

        Plain values, the secret included. Raises a UserError when the
        settings are incomplete.
        """
        self.ensure_one()
        self._linkedin_check_ready()
        company = self.sudo()
        return {
            "client_id": company.linkedin_client_id,
            "client_secret": company.linkedin_client_secret,
            "base_url": company.linkedin_api_base_url,
            "version": company.linkedin_api_version or None,
            "timeout": self._linkedin_timeout(),
            **self._linkedin_retry_options(),
        }

    def _linkedin_timeout(self):
        return self._linkedin_param(TIMEOUT_PARAM, _parse_timeout, DEFAULT_TIMEOUT)

    def _linkedin_retry_options(self):
        """Client retry options overridden by system parameters (tests, ops)."""
        options = {}
        for name, (key, cast) in RETRY_PARAMS.items():
            value = self._linkedin_param(key, cast)
            if value is not None:
                options[name] = value
        return options

    @api.model
    def _linkedin_param(self, key, cast, default=None):
        """System parameter ``key`` converted by ``cast``; ``default`` when it
        is unset, or malformed (then a warning is logged)."""
        raw = self.env["ir.config_parameter"].sudo().get_param(key)
        if not raw:
            return default
        try:
            return cast(raw)
        except ValueError:
            _logger.warning("Ignoring malformed %s=%r", key, raw)
            return default

    def _linkedin_projected_daily_calls(self, interval=None, seats=None):
        """LinkedIn calls a day the schedule spends when nothing is new.

        Each run: one seatsV2 call, one conversationEvents window per active
        seat and one prospectNotes window (token calls are not counted).
        """
        self.ensure_one()
        interval = interval or self.linkedin_sync_interval or DEFAULT_SYNC_INTERVAL
        if seats is None:
            seats = self._linkedin_active_seat_count()
        runs = -(-24 * 60 // interval)
        return runs * (seats + 2)

    def _linkedin_active_seat_count(self):
        self.ensure_one()
        return (
            self.env["linkedin.seat"]
            .sudo()
            .search_count([("company_id", "=", self.id), ("state", "=", "active")])
        )

    @api.constrains("linkedin_sync_interval", "linkedin_enabled")
    def _check_linkedin_sync_budget(self):
        for company in self.filtered("linkedin_enabled"):
            seats = company._linkedin_active_seat_count()
            calls = company._linkedin_projected_daily_calls(seats=seats)
            if calls > SYNC_CALL_BUDGET:
                raise ValidationError(
                    _(
                        "Syncing every %(interval)s minutes with %(seats)s active "
                        "seats would spend about %(calls)s LinkedIn calls a day, "
                        "more than half of LinkedIn's limit of %(limit)s. Choose "
                        "a longer sync interval.",
                        interval=company.linkedin_sync_interval,
                        seats=seats,
                        calls=calls,
                        limit=LINKEDIN_DAILY_CALL_LIMIT,
                    )
                )

    def _linkedin_user_error(self, error):
        """Translate a LinkedIn client error into a UserError for the user."""
        self.ensure_one()
        if isinstance(error, errors.AuthenticationError):
            message = _(
                "LinkedIn refused the credentials of %(company)s: check the "
                "client ID and secret in Recruitment > Configuration > Settings.",
                company=self.name,
            )
        elif isinstance(error, errors.IntegrationNotEnabledError):
            message = _(
                "LinkedIn Recruiter System Connect is not enabled for contract "
                "%(contract)s. Recruiter Lite is not supported: RSC needs "
                "LinkedIn Recruiter Corporate or Professional Services, with the "
                "integration enabled by your Recruiter administrator.",
                contract=self.linkedin_contract_urn,
            )
        elif isinstance(error, errors.ThrottledError):
            message = _(
                "LinkedIn is limiting requests right now; try again in "
                "%(seconds)s seconds.",
                seconds=int(error.retry_after or 60),
            )
        elif isinstance(error, errors.InvalidRecordError):
            message = _(
                "The applicant cannot be sent to LinkedIn: %(reason)s", reason=error
            )
        elif isinstance(error, errors.BadRequestError):
            message = _("LinkedIn refused the request: %(reason)s", reason=error)
        elif isinstance(error, errors.BadResponseError):
            message = _(
                "LinkedIn answered with something unexpected; try again later. "
                "(%(reason)s)",
                reason=error,
            )
        else:
            message = _(
                "LinkedIn cannot be reached right now; try again later. (%(reason)s)",
                reason=error,
            )
        return UserError(message)

    def _linkedin_refresh_seats(self):
        """Fetch the contract's seats and map them to users; return the seats."""
        self.ensure_one()
        with self._linkedin_session() as client:
            return self._linkedin_sync_seats(client)

    def _linkedin_sync_seats(self, client):
        """The contract's seats listed with ``client``, upserted and mapped to
        users; LinkedIn errors are raised as they are."""
        self.ensure_one()
        found = client.list_seats(self.linkedin_contract_urn)
        return self.env["linkedin.seat"]._sync_from_linkedin(self, found)

    def _linkedin_test_connection(self):
        """Fetch a token and the integration status; store and return the verdict.

        Returns ``(ok, message)``; the message says in plain words what is
        ready and what is missing, and never contains a secret.
        """
        self.ensure_one()
        with self._linkedin_client() as client:
            try:
                status = client.integration_status(
                    self.linkedin_organization_urn, self.linkedin_contract_urn
                )
            except errors.LinkedInError as error:
                ok, message = False, str(self._linkedin_user_error(error).args[0])
            else:
                ok, message = status.ready, self._linkedin_status_message(status)
        self.sudo().write(
            {
                "linkedin_test_ok": ok,
                "linkedin_test_at": fields.Datetime.now(),
                "linkedin_test_message": message,
            }
        )
        return ok, message

    def _linkedin_integration_labels(self):
        """{RSC integration type: (what it is called, what it gives recruiters)}."""
        return {
            "PROFILE_PLUGIN": (
                _("Profile widget"),
                _("recruiters see and connect the LinkedIn profile on the applicant"),
            ),
            "IN_ATS_INDICATOR": (
                _("In-ATS indicator"),
                _("LinkedIn Recruiter shows who is already in Odoo"),
            ),
            "CSA_API": (
                _("InMail and Notes history"),
                _("InMails and Recruiter Notes appear in the applicant's chatter"),
            ),
        }

    def _linkedin_status_message(self, status):
        lines = [_("Credentials accepted by LinkedIn.")]
        labels = self._linkedin_integration_labels()
        for kind in sorted(status.enabled, key=lambda kind: labels.get(kind, kind)):
            feature, benefit = labels.get(kind, (kind, ""))
            if status.enabled[kind]:
                lines.append(
                    _(
                        "%(feature)s: enabled (%(benefit)s).",
                        feature=feature,
                        benefit=benefit,
                    )
                    if benefit
                    else _("%(feature)s: enabled.", feature=feature)
                )
            else:
                lines.append(_("%(feature)s: NOT enabled.", feature=feature))
        if not status.csa_enabled:
            lines.append(
                _(
                    "InMail and Notes history needs the CSA_API integration on "
                    "contract %(contract)s. A contract without Recruiter System "
                    "Connect is Recruiter Lite, which is not supported: RSC needs "
                    "LinkedIn Recruiter Corporate or Professional Services.",
                    contract=self.linkedin_contract_urn,
                )
            )
        elif not status.ready:
            lines.append(
                _(
                    "Ask your LinkedIn Recruiter administrator to enable the "
                    "missing integrations (%(missing)s) for this ATS in "
                    "Recruiter's admin center.",
                    missing=", ".join(status.missing),
                )
            )
        else:
            lines.append(_("Ready: applicants can be connected and synced."))
        return "\n".join(lines)

    @api.model
    def _cron_linkedin_check_purged_members(self):
        """Data protection: flag applicants of members LinkedIn closed/purged.

        LinkedIn asks ATSs to check at least every 30 days; the cron runs
        weekly. A failing company is logged and retried next time.
        """
        for company in self.search([("linkedin_enabled", "=", True)]):
            try:
                company._linkedin_check_purged_members()
            except (UserError, errors.LinkedInError) as error:
                _logger.warning(
                    "LinkedIn purged-members check failed for %s: %s",
                    company.name,
                    error,
                )

    def _linkedin_check_purged_members(self):
        """Fetch members purged since the cursor and flag their applicants."""
        self.ensure_one()
        with self._linkedin_client() as client:
            purged = client.purged_members(
                self.linkedin_contract_urn, int(self.linkedin_purge_checked_ms)
            )
        by_member = {member.member_urn: member.reason for member in purged}
        applicants = (
            self.env["hr.applicant"]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", self.id),
                    ("linkedin_member_urn", "in", list(by_member)),
                ]
            )
        )
        applicants._linkedin_flag_purged(by_member)
        values = {"linkedin_purge_checked_at": fields.Datetime.now()}
        if purged:
            values["linkedin_purge_checked_ms"] = max(m.purged_ms for m in purged)
        self.sudo().write(values)
        return applicants

    def _linkedin_todo_for_managers(self, record, summary, note):
        """Give each active recruitment manager of this company a to-do on
        ``record`` (a record of this company).

        Used for alerts raised by background jobs, so no assignment email.
        """
        managers = self.env.ref(
            "hr_recruitment.group_hr_recruitment_manager"
        ).users.filtered(
            lambda user: user.active and not user.share and self in user.company_ids
        )
        record = record.sudo().with_context(mail_activity_quick_update=True)
        for manager in managers:
            record.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=summary,
                note=note,
            )
