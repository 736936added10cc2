# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import compat

# Matched with fullmatch: ``$`` would accept a trailing newline.
CONTRACT_URN_RE = re.compile(r"urn:li:contract:[0-9]+")


class LinkedInContract(models.Model):
    """One LinkedIn Recruiter contract of a backend (RSC-103).

    Its seats' InMails and its Recruiter Notes are imported; it keeps the
    notes and purged-members cursors of the import.
    """

    _name = "linkedin.contract"
    _description = "LinkedIn Recruiter Contract"
    _order = "backend_id, sequence, id"
    _rec_name = "contract_urn"

    backend_id = fields.Many2one(
        "linkedin.backend",
        string="LinkedIn Recruiter Backend",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="backend_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    contract_urn = fields.Char(
        string="Contract URN",
        required=True,
        help="The Recruiter contract, e.g. urn:li:contract:67890.",
    )
    seat_ids = fields.One2many("linkedin.seat", "contract_id", string="Seats")
    notes_cursor_ms = fields.Float(
        string="Notes Cursor (epoch ms)",
        digits=(16, 0),
        copy=False,
        readonly=True,
        help="Recruiter Notes modified before this instant are imported.",
    )
    purge_checked_ms = fields.Float(
        string="Purged Members Cursor",
        digits=(16, 0),
        copy=False,
        readonly=True,
        help="Epoch milliseconds of the latest closed/purged member seen.",
    )

    compat.sql_constraints(
        locals(),
        contract_backend_uniq=(
            "unique(contract_urn, backend_id)",
            "A LinkedIn Recruiter contract is listed once per company.",
        ),
    )

    @api.constrains("contract_urn")
    def _check_contract_urn(self):
        for contract in self:
            urn = contract.contract_urn
            if urn and not CONTRACT_URN_RE.fullmatch(urn):
                raise ValidationError(
                    _(
                        "The LinkedIn contract URN %(value)r is not valid: "
                        "expected urn:li:contract:<digits>, "
                        "e.g. urn:li:contract:67890.",
                        value=urn,
                    )
                )
