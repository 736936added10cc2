# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ipaddress
import logging
import re
from datetime import date
from urllib.parse import urlsplit

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import compat
from ..client_session import ClientSession, user_error
from ..linkedin_recruiter_connect import errors
from ..linkedin_recruiter_connect.client import (
    DEFAULT_VERSION,
    LINKEDIN_API_URL,
    VERSIONED,
    RecruiterClient,
    is_loopback_host,
)
from ..linkedin_recruiter_connect.tokens import TokenCache

_logger = logging.getLogger(__name__)
# This process's access tokens, shared by the clients of every backend with
# the same credentials (a click or a slice then skips LinkedIn's token call).
TOKEN_CACHE = TokenCache()

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
API_VERSION_RE = re.compile(r"[0-9]{4}(0[1-9]|1[0-2])")
# LinkedIn keeps each version about two years.
API_VERSION_LIFETIME_MONTHS = 24
API_MODES = [
    ("versioned", "Versioned REST (LinkedIn-Version)"),
    ("v2", "Legacy /v2"),
]
BASE_URL_RE = re.compile(r"https?://[A-Za-z0-9.:\[\]-]+(/[A-Za-z0-9._~/-]*)?")
# LinkedIn's Enhanced Profile Widget: its loader and the HcmWidget extension
# (LinkedIn's pages name two extension URLs, hence a setting).
WIDGET_LOADER_URL = "https://platform.linkedin.com/xdoor/scripts/in.js"
WIDGET_EXTENSION_URL = "https://platform.linkedin.com/rsc/extensions/profile-widget"
DAY_LIMITS = {
    "backfill_days": (1, 3650),
    "retention_days": (0, 3650),
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


def api_version_problem(version, today=None):
    """Why LinkedIn would not serve API version ``version`` on ``today``:
    ``"format"`` (not YYYYMM), ``"future"``, ``"retired"`` (more than
    API_VERSION_LIFETIME_MONTHS months old) or None when it is usable."""
    if not API_VERSION_RE.fullmatch(version or ""):
        return "format"
    today = today or date.today()
    age = (today.year * 12 + today.month) - (int(version[:4]) * 12 + int(version[4:]))
    if age < 0:
        return "future"
    if age > API_VERSION_LIFETIME_MONTHS:
        return "retired"
    return None


def _parse_timeout(raw):
    """``(connect, read)`` seconds of a ``connect,read`` parameter."""
    connect, read = (float(part) for part in raw.split(","))
    return (connect, read)


class LinkedInBackend(models.Model):
    """One LinkedIn Recruiter System Connect customer: a company's LinkedIn.

    Holds the child application's credentials, the organization, the
    Recruiter contracts (RSC-103: one application, several contracts), the
    import's settings and the connection state. Every ORM call to LinkedIn
    goes through :meth:`_session` or :meth:`_client`. Recruitment settings
    edit the current company's backend in place.
    """

    _name = "linkedin.backend"
    _description = "LinkedIn Recruiter Backend"
    _rec_name = "company_id"

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, ondelete="cascade", index=True
    )
    enabled = fields.Boolean(
        string="LinkedIn Recruiter",
        help="Connect this company's applicants to LinkedIn Recruiter.",
    )
    client_id = fields.Char(
        string="LinkedIn Client ID",
        groups="base.group_system",
        help="Client ID of the child application LinkedIn provisioned for this "
        "company.",
    )
    client_secret = fields.Char(
        string="LinkedIn Client Secret",
        groups="base.group_system",
        copy=False,
    )
    organization_urn = fields.Char(
        string="LinkedIn Organization URN",
        help="The company's LinkedIn organization, e.g. urn:li:organization:12345.",
    )
    contract_ids = fields.One2many(
        "linkedin.contract", "backend_id", string="Recruiter Contracts"
    )
    contract_urn = fields.Char(
        string="LinkedIn Recruiter Contract URN",
        compute="_compute_contract_urn",
        inverse="_inverse_contract_urn",
        help="The Recruiter contract whose InMails and Notes are imported, "
        "e.g. urn:li:contract:67890.",
    )
    api_base_url = fields.Char(
        string="LinkedIn API Base URL",
        groups="base.group_system",
        default=LINKEDIN_API_URL,
        help="LinkedIn's API, or the address of a LinkedIn Recruiter sandbox.",
    )
    api_mode = fields.Selection(
        API_MODES,
        string="LinkedIn API Mode",
        required=True,
        default=VERSIONED,
        help="Versioned REST: candidates and integrations on LinkedIn's "
        "versioned /rest API (LinkedIn-Version header). Legacy /v2: the "
        "unversioned API these backends used before. InMail, notes and seats "
        "are on /v2 in both modes; switching keeps every link.",
    )
    api_version = fields.Char(
        string="LinkedIn API Version",
        default=DEFAULT_VERSION,
        help="LinkedIn-Version header (YYYYMM) of the versioned /rest calls; "
        "LinkedIn serves each version about two years. Empty: the latest "
        "version this module knows.",
    )
    widget_loader_url = fields.Char(
        string="LinkedIn Widget Loader URL",
        default=WIDGET_LOADER_URL,
        help="LinkedIn's in.js, which loads the Enhanced Profile Widget on the "
        "applicant form, or the stand-in a LinkedIn Recruiter sandbox serves.",
    )
    widget_extension_url = fields.Char(
        string="LinkedIn Widget Extension URL",
        default=WIDGET_EXTENSION_URL,
        help="The HcmWidget extension in.js loads (LinkedIn's profile widget).",
    )
    sync_interval = fields.Integer(
        string="LinkedIn Sync Interval (minutes)",
        default=DEFAULT_SYNC_INTERVAL,
        help="How often InMails and Recruiter Notes are fetched from LinkedIn.",
    )
    require_seat = fields.Boolean(
        string="Require a Recruiter Seat to Connect",
        default=True,
        help="Only users mapped to an active LinkedIn Recruiter seat may "
        "connect applicants to LinkedIn.",
    )
    test_ok = fields.Boolean(
        string="LinkedIn Connection Test Passed", copy=False, readonly=True
    )
    test_at = fields.Datetime(
        string="LinkedIn Connection Tested On", copy=False, readonly=True
    )
    test_message = fields.Text(
        string="LinkedIn Connection Test Result", copy=False, readonly=True
    )
    purge_checked_at = fields.Datetime(
        string="LinkedIn Purged Members Checked On", copy=False, readonly=True
    )
    backfill_days = fields.Integer(
        string="LinkedIn First Import (days back)",
        default=365,
        help="How far back the first import fetches InMails and Notes.",
    )
    retention_days = fields.Integer(
        string="Keep LinkedIn Activity Waiting for a Connection (days)",
        default=180,
        help="InMails and Notes of members no applicant is connected to wait "
        "this long, so that a later connection still shows them, then they "
        "are deleted; 0 keeps them until an applicant is connected.",
    )

    compat.sql_constraints(
        locals(),
        company_uniq=(
            "unique(company_id)",
            "A company has one LinkedIn Recruiter backend.",
        ),
    )

    @api.depends("contract_ids.contract_urn", "contract_ids.sequence")
    def _compute_contract_urn(self):
        for backend in self:
            backend.contract_urn = backend.contract_ids[:1].contract_urn

    def _inverse_contract_urn(self):
        """The settings' contract field edits the first contract in place."""
        for backend in self.sudo():
            first = backend.contract_ids[:1]
            if not backend.contract_urn:
                first.unlink()
            elif first:
                first.contract_urn = backend.contract_urn
            else:
                self.env["linkedin.contract"].create(
                    {"backend_id": backend.id, "contract_urn": backend.contract_urn}
                )

    @api.constrains("organization_urn")
    def _check_organization_urn(self):
        for backend in self:
            urn = backend.organization_urn
            if urn and not ORGANIZATION_URN_RE.fullmatch(urn):
                raise ValidationError(
                    _(
                        "The LinkedIn organization URN %(value)r is not valid: "
                        "expected urn:li:organization:<digits>, "
                        "e.g. urn:li:organization:12345.",
                        value=urn,
                    )
                )

    @api.constrains("api_base_url")
    def _check_api_base_url(self):
        for backend in self:
            url = backend.api_base_url
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

    @api.constrains("widget_loader_url", "widget_extension_url")
    def _check_widget_urls(self):
        for backend in self:
            for name in ("widget_loader_url", "widget_extension_url"):
                url = backend[name]
                if url and not is_allowed_api_url(url):
                    raise ValidationError(
                        _(
                            "The %(setting)s %(value)r is not valid: expected "
                            "https://host/path with a public host (http only "
                            "for a sandbox on 127.0.0.1 or localhost).",
                            setting=self._fields[name].get_description(self.env)[
                                "string"
                            ],
                            value=url,
                        )
                    )

    @api.constrains("api_version")
    def _check_api_version(self):
        """A version LinkedIn serves: YYYYMM, not in the future, at most two
        years old. Empty means the latest version the module knows."""
        for backend in self:
            version = backend.api_version
            if not version:
                continue
            problem = api_version_problem(version)
            if problem:
                raise ValidationError(backend._api_version_message(problem, version))

    def _api_version_message(self, problem, version):
        if problem == "format":
            return _(
                "The LinkedIn API version %(value)r is not valid: "
                "expected YYYYMM, e.g. %(example)s.",
                value=version,
                example=DEFAULT_VERSION,
            )
        if problem == "future":
            return _(
                "The LinkedIn API version %(value)r is in the future: LinkedIn "
                "does not serve it yet.",
                value=version,
            )
        return _(
            "The LinkedIn API version %(value)r is more than two years old: "
            "LinkedIn no longer serves it. Choose a recent version, e.g. "
            "%(example)s.",
            value=version,
            example=DEFAULT_VERSION,
        )

    @api.constrains("sync_interval")
    def _check_sync_interval(self):
        for backend in self:
            interval = backend.sync_interval
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
    def _check_days(self):
        for backend in self:
            for name, (low, high) in DAY_LIMITS.items():
                if not low <= backend[name] <= high:
                    raise ValidationError(
                        _(
                            "%(field)s must be between %(low)s and %(high)s days "
                            "(got %(value)s).",
                            field=backend._fields[name].get_description(self.env)[
                                "string"
                            ],
                            low=low,
                            high=high,
                            value=backend[name],
                        )
                    )

    @api.constrains("sync_interval", "enabled")
    def _check_sync_budget(self):
        for backend in self.filtered("enabled"):
            seats = backend._active_seat_count()
            calls = backend._projected_daily_calls(seats=seats)
            if calls > SYNC_CALL_BUDGET:
                raise ValidationError(
                    _(
                        "Syncing every %(interval)s minutes with %(seats)s active "
                        "seats would spend about %(calls)s LinkedIn calls a day, "
                        "more than half of LinkedIn's limit of %(limit)s. Choose "
                        "a longer sync interval.",
                        interval=backend.sync_interval,
                        seats=seats,
                        calls=calls,
                        limit=LINKEDIN_DAILY_CALL_LIMIT,
                    )
                )

    # -- readiness and clients -----------------------------------------------

    def _missing_settings(self):
        """Labels of the required LinkedIn settings this backend lacks."""
        self.ensure_one()
        required = (
            "client_id",
            "client_secret",
            "organization_urn",
            "contract_urn",
            "api_base_url",
        )
        backend = self.sudo()
        return [
            backend._fields[name].get_description(self.env)["string"]
            for name in required
            if not backend[name]
        ]

    def _check_ready(self):
        """Raise a UserError saying what to fix when LinkedIn is not usable."""
        self.ensure_one()
        company = self.company_id
        if not self.enabled:
            raise UserError(
                _(
                    "LinkedIn Recruiter is not enabled for %(company)s. An "
                    "administrator can enable it in Recruitment > Configuration "
                    "> Settings.",
                    company=company.name,
                )
            )
        missing = self._missing_settings()
        if missing:
            raise UserError(
                _(
                    "LinkedIn Recruiter is not fully configured for %(company)s: "
                    "an administrator must fill in %(missing)s in Recruitment > "
                    "Configuration > Settings.",
                    company=company.name,
                    missing=", ".join(missing),
                )
            )

    def _client(self, share_token=True):
        """A RecruiterClient of this backend's settings; LinkedIn errors
        raised by its calls reach the caller as they are. It reuses the
        process's access token of these credentials unless ``share_token``
        is False (it then asks LinkedIn for one, as a connection test must).

        Raises a UserError when the settings are incomplete or unusable.
        """
        options = self._client_options()
        token_cache = TOKEN_CACHE if share_token else None
        try:
            return RecruiterClient(**options, logger=_logger, token_cache=token_cache)
        except ValueError as error:
            raise UserError(
                _(
                    "The LinkedIn settings of %(company)s cannot be used: "
                    "%(reason)s. An administrator can fix them in Recruitment > "
                    "Configuration > Settings.",
                    company=self.company_id.name,
                    reason=error,
                )
            ) from error

    def _session(self):
        """A client closed on exit whose LinkedIn errors reach the caller as
        the UserError the user should read (see ``client_session``)."""
        return ClientSession(self)

    def _user_error(self, error):
        """The UserError a user should read for a LinkedIn client error."""
        return user_error(self, error)

    def _client_options(self):
        """RecruiterClient keyword arguments of this backend's settings.

        Plain values, the secret included. Raises a UserError when the
        settings are incomplete.
        """
        self.ensure_one()
        self._check_ready()
        backend = self.sudo()
        return {
            "client_id": backend.client_id,
            "client_secret": backend.client_secret,
            "base_url": backend.api_base_url,
            "api_mode": backend.api_mode or VERSIONED,
            "version": backend.api_version or None,
            "timeout": self._param(TIMEOUT_PARAM, _parse_timeout, DEFAULT_TIMEOUT),
            **self._retry_options(),
        }

    def _retry_options(self):
        """Client retry options overridden by system parameters (tests, ops)."""
        options = {}
        for name, (key, cast) in RETRY_PARAMS.items():
            value = self._param(key, cast)
            if value is not None:
                options[name] = value
        return options

    @api.model
    def _param(self, key, cast, default=None):
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

    # -- seats and calls -------------------------------------------------------

    def _projected_daily_calls(self, interval=None, seats=None):
        """LinkedIn calls a day the schedule spends when nothing is new.

        Each run: one seatsV2 call and one prospectNotes window per contract,
        and one conversationEvents window per active seat (token calls are
        not counted).
        """
        self.ensure_one()
        interval = interval or self.sync_interval or DEFAULT_SYNC_INTERVAL
        if seats is None:
            seats = self._active_seat_count()
        runs = -(-24 * 60 // interval)
        return runs * (seats + 2 * max(len(self.contract_ids), 1))

    def _active_seat_count(self):
        self.ensure_one()
        return (
            self.env["linkedin.seat"]
            .sudo()
            .search_count(
                [("company_id", "=", self.company_id.id), ("state", "=", "active")]
            )
        )

    def _refresh_seats(self):
        """Fetch the contracts' seats and map them to users; return the seats."""
        self.ensure_one()
        with self._session() as client:
            return self._sync_seats(client)

    def _sync_seats(self, client):
        """Every contract's seats listed with ``client``, upserted and mapped
        to users; LinkedIn errors are raised as they are."""
        self.ensure_one()
        seats = self.env["linkedin.seat"]
        for contract in self.contract_ids:
            found = client.list_seats(contract.contract_urn)
            seats |= seats._sync_from_linkedin(contract, found)
        return seats

    # -- profile widget --------------------------------------------------------

    @api.model
    def _widget_domain(self):
        """The origin of this Odoo's pages (``web.base.url`` without path or
        trailing ``/``), which LinkedIn's validJsSdkDomains must list."""
        parts = urlsplit(self.get_base_url())
        return f"{parts.scheme}://{parts.netloc}"

    def _widget_config(self):
        """What the browser needs to load LinkedIn's Enhanced Profile Widget
        for this backend: the loader, its extension, the API key (the client
        id, which LinkedIn's loader publishes in every page anyway), the
        organization and the first Recruiter contract."""
        self.ensure_one()
        self._check_ready()
        backend = self.sudo()
        return {
            "loader_url": backend.widget_loader_url or WIDGET_LOADER_URL,
            "extension_url": backend.widget_extension_url or WIDGET_EXTENSION_URL,
            "api_key": backend.client_id,
            "integration_context": backend.organization_urn,
            "integration_contract": backend.contract_ids[:1].contract_urn or False,
        }

    # -- connection test -------------------------------------------------------

    def _test_connection(self):
        """Fetch a token and each contract's integration status; store and
        return the verdict.

        Returns ``(ok, message)``; the message says in plain words what is
        ready and what is missing, and never contains a secret.
        """
        self.ensure_one()
        contracts = self.contract_ids
        ok, lines = True, [_("Credentials accepted by LinkedIn.")]
        with self._client(share_token=False) as client:
            for contract in contracts:
                try:
                    status = client.integration_status(
                        self.organization_urn, contract.contract_urn
                    )
                except errors.LinkedInError as error:
                    ok, lines = False, [str(self._user_error(error).args[0])]
                    break
                ok = ok and status.ready
                if len(contracts) > 1:
                    lines.append(
                        _("Contract %(contract)s:", contract=contract.contract_urn)
                    )
                lines.extend(self._status_lines(status, contract.contract_urn))
        message = "\n".join(lines)
        self.sudo().write(
            {"test_ok": ok, "test_at": fields.Datetime.now(), "test_message": message}
        )
        return ok, message

    def _integration_labels(self):
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

    def _status_lines(self, status, contract_urn):
        """What a contract's integration status means, line by line."""
        lines = []
        labels = self._integration_labels()
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
        if status.enabled.get("PROFILE_PLUGIN"):
            lines.append(
                _(
                    "Profile widget: LinkedIn shows it only on registered "
                    "domains; register %(domain)s in the child application's "
                    "validJsSdkDomains.",
                    domain=self._widget_domain(),
                )
            )
        if not status.csa_enabled:
            lines.append(
                _(
                    "InMail and Notes history needs the CSA_API integration on "
                    "contract %(contract)s. A contract without Recruiter System "
                    "Connect is Recruiter Lite, which is not supported: RSC needs "
                    "LinkedIn Recruiter Corporate or Professional Services.",
                    contract=contract_urn,
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
        return lines

    @api.model
    def _cron_retry_pending_clears(self):
        """Ask LinkedIn again to forget the matches disconnects left pending
        (on the people of compat.PERSON_MODEL); return how many were
        cleared."""
        return self.env[compat.PERSON_MODEL]._linkedin_retry_pending_clears()

    # -- data protection -------------------------------------------------------

    @api.model
    def _cron_check_purged_members(self):
        """Data protection: flag applicants of members LinkedIn closed/purged.

        LinkedIn asks ATSs to check at least every 30 days; the cron runs
        weekly. A failing backend is logged and retried next time.
        """
        for backend in self.sudo().search([("enabled", "=", True)]):
            try:
                backend._check_purged_members()
            except (UserError, errors.LinkedInError) as error:
                _logger.warning(
                    "LinkedIn purged-members check failed for %s: %s",
                    backend.company_id.name,
                    error,
                )

    def _check_purged_members(self):
        """Fetch members purged since each contract's cursor and flag their
        applicants; return the applicants flagged."""
        self.ensure_one()
        by_member, cursors = {}, {}
        with self._client() as client:
            for contract in self.contract_ids:
                purged = client.purged_members(
                    contract.contract_urn, int(contract.purge_checked_ms)
                )
                by_member.update({m.member_urn: m.reason for m in purged})
                if purged:
                    cursors[contract] = max(m.purged_ms for m in purged)
        applicants = (
            self.env[compat.PERSON_MODEL]
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("linkedin_member_urn", "in", list(by_member)),
                ]
            )
        )
        applicants._linkedin_flag_purged(by_member)
        for contract, cursor_ms in cursors.items():
            contract.sudo().purge_checked_ms = cursor_ms
        self.sudo().purge_checked_at = fields.Datetime.now()
        return applicants
