# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""17.0.2.0.0: the LinkedIn settings move from res.company to linkedin.backend.

Each company gets its backend with the values its ``linkedin_*`` columns held;
its contract URN becomes its first linkedin.contract, which takes over the
notes and purged-members cursors, and its seats are attached to it. Seat
cursors, applicants' links, staged activity and chatter messages are not
touched. The old columns are read here, before Odoo drops them at the end of
the upgrade.

17.0.1.0.0 called LinkedIn's unversioned ``/v2`` API only, so the backend of
a company that had LinkedIn set up (enabled, or a client id) keeps doing so:
its ``api_mode`` becomes ``v2`` (an administrator switches to the versioned
REST API in the settings; links are kept). Its API version is kept unless
LinkedIn no longer serves it (malformed, in the future or over two years
old): then it is emptied with a warning. An empty version (kept as it was)
means the latest version the module knows.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools.sql import column_exists

from odoo.addons.linkedin_recruiter_connect.models.linkedin_backend import (
    api_version_problem,
)

_logger = logging.getLogger(__name__)

# old res_company column -> linkedin.backend field
BACKEND_COLUMNS = {
    "linkedin_enabled": "enabled",
    "linkedin_client_id": "client_id",
    "linkedin_client_secret": "client_secret",
    "linkedin_organization_urn": "organization_urn",
    "linkedin_api_base_url": "api_base_url",
    "linkedin_api_version": "api_version",
    "linkedin_sync_interval": "sync_interval",
    "linkedin_require_seat": "require_seat",
    "linkedin_backfill_days": "backfill_days",
    "linkedin_retention_days": "retention_days",
    "linkedin_test_ok": "test_ok",
    "linkedin_test_at": "test_at",
    "linkedin_test_message": "test_message",
    "linkedin_purge_checked_at": "purge_checked_at",
}
# Numbers the ORM never stored as NULL: a NULL there keeps the default.
NUMBER_COLUMNS = {
    "linkedin_sync_interval",
    "linkedin_backfill_days",
    "linkedin_retention_days",
}
# old res_company column -> linkedin.contract field
CONTRACT_COLUMNS = {
    "linkedin_notes_cursor_ms": "notes_cursor_ms",
    "linkedin_purge_checked_ms": "purge_checked_ms",
}


def _old_settings(cr):
    """{company id: {old column: value}} of the columns still present."""
    columns = [
        column
        for column in [*BACKEND_COLUMNS, "linkedin_contract_urn", *CONTRACT_COLUMNS]
        if column_exists(cr, "res_company", column)
    ]
    if not columns:
        return {}
    # Column names come from the constants above, never from data.
    cr.execute(f"SELECT id, {', '.join(columns)} FROM res_company")  # noqa: S608
    return {row[0]: dict(zip(columns, row[1:], strict=True)) for row in cr.fetchall()}


def _backend_values(old):
    """Backend values of a company's old columns.

    An empty setting stays empty: a cleared API base URL must not become
    LinkedIn's, which an enabled company would then call.
    """
    values = {}
    for column, field in BACKEND_COLUMNS.items():
        if column not in old:
            continue
        value = old[column]
        if value is None:
            if column in NUMBER_COLUMNS:
                continue
            value = False
        values[field] = value
    version = values.get("api_version")
    if version and api_version_problem(version):
        _logger.warning(
            "LinkedIn API version %r is not served any more (%s): emptied",
            version,
            api_version_problem(version),
        )
        values["api_version"] = False
    if old.get("linkedin_enabled") or old.get("linkedin_client_id"):
        values["api_mode"] = "v2"
    return values


def _migrate_company(env, company, old):
    backend = company.linkedin_backend_id
    backend.write(_backend_values(old))
    urn = old.get("linkedin_contract_urn")
    if not urn or backend.contract_ids:
        return
    contract = env["linkedin.contract"].create(
        {
            "backend_id": backend.id,
            "contract_urn": urn,
            **{
                field: old.get(column) or 0
                for column, field in CONTRACT_COLUMNS.items()
            },
        }
    )
    env["linkedin.seat"].search(
        [
            ("company_id", "=", company.id),
            ("contract_urn", "in", [urn, False]),
            ("contract_id", "=", False),
        ]
    ).write({"contract_id": contract.id})
    _logger.info("LinkedIn settings of %s moved to its backend", company.name)


def _migrate_purge_cron(env):
    """The purge cron (noupdate data) now runs on linkedin.backend."""
    cron = env.ref(
        "linkedin_recruiter_connect.ir_cron_linkedin_check_purged_members",
        raise_if_not_found=False,
    )
    if cron:
        cron.write(
            {
                "model_id": env["ir.model"]._get_id("linkedin.backend"),
                "code": "model._cron_check_purged_members()",
            }
        )


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    # One user may now hold a seat in each contract of a company.
    cr.execute(
        "ALTER TABLE linkedin_seat DROP CONSTRAINT IF EXISTS "
        "linkedin_seat_user_company_uniq"
    )
    old_settings = _old_settings(cr)
    companies = env["res.company"].search([])
    companies._linkedin_ensure_backend()
    for company in companies:
        if company.id in old_settings:
            _migrate_company(env, company, old_settings[company.id])
    _migrate_purge_cron(env)
