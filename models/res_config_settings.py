# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .. import compat
from .linkedin_backend import LINKEDIN_DAILY_CALL_LIMIT

# Closing an action started from a form button reloads that form's record.
RELOAD_RECORD = {"type": "ir.actions.act_window_close"}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    linkedin_enabled = fields.Boolean(
        related="company_id.linkedin_backend_id.enabled", readonly=False
    )
    linkedin_client_id = fields.Char(
        related="company_id.linkedin_backend_id.client_id",
        readonly=False,
        groups="base.group_system",
    )
    linkedin_client_secret = fields.Char(
        related="company_id.linkedin_backend_id.client_secret",
        readonly=False,
        groups="base.group_system",
    )
    linkedin_organization_urn = fields.Char(
        related="company_id.linkedin_backend_id.organization_urn", readonly=False
    )
    linkedin_contract_urn = fields.Char(
        related="company_id.linkedin_backend_id.contract_urn", readonly=False
    )
    linkedin_api_base_url = fields.Char(
        related="company_id.linkedin_backend_id.api_base_url",
        readonly=False,
        groups="base.group_system",
    )
    linkedin_api_mode = fields.Selection(
        related="company_id.linkedin_backend_id.api_mode", readonly=False
    )
    linkedin_api_version = fields.Char(
        related="company_id.linkedin_backend_id.api_version", readonly=False
    )
    linkedin_widget_loader_url = fields.Char(
        related="company_id.linkedin_backend_id.widget_loader_url",
        readonly=False,
        groups="base.group_system",
    )
    linkedin_widget_extension_url = fields.Char(
        related="company_id.linkedin_backend_id.widget_extension_url",
        readonly=False,
        groups="base.group_system",
    )
    linkedin_widget_domain = fields.Char(
        string="Domain to Register",
        compute="_compute_linkedin_widget_domain",
        help="LinkedIn shows its profile widget only on pages of the domains "
        "registered in the child application's validJsSdkDomains.",
    )
    linkedin_sync_interval = fields.Integer(
        related="company_id.linkedin_backend_id.sync_interval", readonly=False
    )
    linkedin_require_seat = fields.Boolean(
        related="company_id.linkedin_backend_id.require_seat", readonly=False
    )
    linkedin_backfill_days = fields.Integer(
        related="company_id.linkedin_backend_id.backfill_days", readonly=False
    )
    linkedin_retention_days = fields.Integer(
        related="company_id.linkedin_backend_id.retention_days", readonly=False
    )
    linkedin_projected_daily_calls = fields.Integer(
        string="Projected LinkedIn Calls a Day",
        compute="_compute_linkedin_projected_daily_calls",
    )
    linkedin_daily_call_limit = fields.Integer(
        compute="_compute_linkedin_projected_daily_calls"
    )

    linkedin_api_calls_today = fields.Integer(
        string="LinkedIn Calls Today",
        compute="_compute_linkedin_api_calls",
        help="API calls the scheduled and manual syncs spent since midnight "
        "UTC, when LinkedIn resets its daily counters; the first import is "
        "counted apart.",
    )
    linkedin_first_import_state = fields.Selection(
        [("todo", "Not Run Yet"), ("running", "Under Way"), ("done", "Done")],
        compute="_compute_linkedin_api_calls",
    )
    linkedin_first_import_calls = fields.Integer(
        string="First Import Calls",
        compute="_compute_linkedin_api_calls",
        help="API calls the first import spent: the runs up to the first one "
        "that fetched everything.",
    )
    linkedin_first_import_fetched = fields.Integer(
        string="First Import InMails and Notes",
        compute="_compute_linkedin_api_calls",
    )
    linkedin_check_credentials = fields.Boolean(compute="_compute_linkedin_checklist")
    linkedin_check_test = fields.Boolean(compute="_compute_linkedin_checklist")
    linkedin_check_seats = fields.Boolean(
        compute="_compute_linkedin_checklist",
        help="Every active Recruiter seat is mapped to an Odoo user.",
    )
    linkedin_check_sync = fields.Boolean(compute="_compute_linkedin_checklist")
    linkedin_seats_active = fields.Integer(
        string="Active LinkedIn Seats", compute="_compute_linkedin_checklist"
    )
    linkedin_seats_mapped = fields.Integer(
        string="Mapped LinkedIn Seats", compute="_compute_linkedin_checklist"
    )

    linkedin_test_ok = fields.Boolean(related="company_id.linkedin_backend_id.test_ok")
    linkedin_test_at = fields.Datetime(related="company_id.linkedin_backend_id.test_at")
    linkedin_test_message = fields.Text(
        related="company_id.linkedin_backend_id.test_message"
    )

    @api.model
    def linkedin_widget_preview_config(self):
        """The profile widget's configuration for the settings' preview: the
        current company's, for no candidate (LinkedIn's answer for this
        domain is what the admin wants to see)."""
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(_("Only administrators can preview the widget."))
        return {
            **self.env.company.linkedin_backend_id._widget_config(),
            "candidate_id": "0",
            "connected": False,
        }

    def _compute_linkedin_widget_domain(self):
        domain = self.env["linkedin.backend"]._widget_domain()
        for settings in self:
            settings.linkedin_widget_domain = domain

    @api.depends("company_id", "linkedin_sync_interval")
    def _compute_linkedin_projected_daily_calls(self):
        for settings in self:
            settings.linkedin_daily_call_limit = LINKEDIN_DAILY_CALL_LIMIT
            interval = settings.linkedin_sync_interval
            settings.linkedin_projected_daily_calls = (
                settings.company_id.linkedin_backend_id._projected_daily_calls(interval)
                if settings.company_id and interval and interval > 0
                else 0
            )

    @api.depends("company_id")
    def _compute_linkedin_api_calls(self):
        """Calls spent today, and the first import apart: it fetches the whole
        backfill period once, so it costs far more than the schedule."""
        midnight = fields.Datetime.now().replace(hour=0, minute=0, second=0)
        Run = self.env["linkedin.sync.run"].sudo()
        for settings in self:
            company = settings.company_id
            first = Run.search(
                [("company_id", "=", company.id), ("status", "=", "done")],
                order="started_at, id",
                limit=1,
            )
            first_import = Run.search(
                [("company_id", "=", company.id)]
                + ([("started_at", "<=", first.started_at)] if first else [])
            )
            if first:
                first_import = first_import.filtered(
                    lambda run, first=first: (
                        (run.started_at, run.id) <= (first.started_at, first.id)
                    )
                )
            today = Run.search(
                [("company_id", "=", company.id), ("started_at", ">=", midnight)]
            )
            settings.linkedin_api_calls_today = sum(
                (today - first_import).mapped("api_calls")
            )
            settings.linkedin_first_import_state = (
                "done" if first else ("running" if first_import else "todo")
            )
            settings.linkedin_first_import_calls = sum(first_import.mapped("api_calls"))
            settings.linkedin_first_import_fetched = sum(first_import.mapped("fetched"))

    @api.depends("company_id")
    def _compute_linkedin_checklist(self):
        """The first-run checklist: what is done and what is left."""
        for settings in self:
            company = settings.company_id.sudo()
            backend = company.linkedin_backend_id
            settings.linkedin_check_credentials = bool(
                backend and not backend._missing_settings()
            )
            settings.linkedin_check_test = backend.test_ok
            active = company.linkedin_seat_ids.filtered(
                lambda seat: seat.state == "active"
            )
            settings.linkedin_seats_active = len(active)
            settings.linkedin_seats_mapped = len(active.filtered("user_id"))
            settings.linkedin_check_seats = bool(active) and (
                settings.linkedin_seats_mapped == len(active)
            )
            settings.linkedin_check_sync = bool(
                self.env["linkedin.sync.run"]
                .sudo()
                .search_count(
                    [("company_id", "=", company.id), ("status", "=", "done")],
                    limit=1,
                )
            )

    def action_linkedin_sync_now(self):
        """Save the settings, then queue an import of this company (see
        linkedin.sync.run.action_sync_now)."""
        self.ensure_one()
        self.execute()
        action = (
            self.env["linkedin.sync.run"]
            .with_company(self.company_id)
            .action_sync_now()
        )
        # Reload the settings in place, not the page: the notification stays.
        action["params"]["next"] = RELOAD_RECORD
        return action

    def action_linkedin_test_connection(self):
        """Save the settings, then test them against LinkedIn.

        The verdict shows in a notification and, kept, under the button.
        """
        self.ensure_one()
        self.execute()
        ok, message = self.company_id.linkedin_backend_id._test_connection()
        return self._linkedin_notification(
            _("LinkedIn Recruiter is ready")
            if ok
            else _("LinkedIn Recruiter is not ready"),
            message,
            "success" if ok else "danger",
            sticky=not ok,
        )

    def action_linkedin_refresh_seats(self):
        """Fetch the contracts' seats from LinkedIn and map them to users.

        The counts show in a notification and in the seats setting.
        """
        self.ensure_one()
        self.execute()
        seats = self.company_id.linkedin_backend_id._refresh_seats()
        active = seats.filtered(lambda seat: seat.state == "active")
        unmapped = len(active.filtered(lambda seat: not seat.user_id))
        if unmapped == 1:
            message = _(
                "%(active)s active seats, 1 not mapped to a user.", active=len(active)
            )
        else:
            message = _(
                "%(active)s active seats, %(unmapped)s not mapped to a user.",
                active=len(active),
                unmapped=unmapped,
            )
        return self._linkedin_notification(
            _("LinkedIn Recruiter seats refreshed"),
            message,
            "warning" if unmapped else "success",
        )

    def action_linkedin_contracts(self):
        """Save the settings, then list the company's Recruiter contracts."""
        self.ensure_one()
        self.execute()
        backend = self.company_id.linkedin_backend_id
        return {
            "type": "ir.actions.act_window",
            "name": _("LinkedIn Recruiter Contracts"),
            "res_model": "linkedin.contract",
            "view_mode": compat.LIST_VIEW_MODE,
            "domain": [("backend_id", "=", backend.id)],
            "context": {"default_backend_id": backend.id},
        }

    @api.model
    def _linkedin_notification(self, title, message, kind, sticky=False):
        """A notification, then the settings reloaded in place.

        A page reload would drop the notification and scroll back to the top.
        """
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": title,
                "message": message,
                "type": kind,
                "sticky": sticky,
                "next": RELOAD_RECORD,
            },
        }
