# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize

from .. import compat
from ..linkedin_recruiter_connect.windows import from_epoch_ms


def _folded(name):
    """``name`` compared case- and spacing-insensitively."""
    return " ".join((name or "").split()).casefold()


class LinkedInSeat(models.Model):
    """One LinkedIn Recruiter seat of the company's contract.

    Synced from LinkedIn (seatsV2) and mapped to at most one Odoo user, so
    that imported InMails and Notes get the right author and only seat
    holders connect applicants.
    """

    _name = "linkedin.seat"
    _description = "LinkedIn Recruiter Seat"
    _order = "company_id, holder_name, seat_urn"
    _rec_name = "holder_name"

    seat_urn = fields.Char(string="Seat URN", required=True, readonly=True)
    member_urn = fields.Char(string="Seat Holder URN", readonly=True, index=True)
    holder_name = fields.Char(string="Seat Holder", readonly=True)
    email = fields.Char(readonly=True)
    state = fields.Selection(
        [("active", "Active"), ("inactive", "Inactive")],
        default="active",
        required=True,
        readonly=True,
    )
    contract_urn = fields.Char(string="Contract URN", readonly=True)
    contract_id = fields.Many2one(
        "linkedin.contract",
        readonly=True,
        ondelete="set null",
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
        ondelete="cascade",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Odoo User",
        domain="[('share', '=', False)]",
        help="The Odoo user who holds this seat in LinkedIn Recruiter.",
    )
    is_mapped = fields.Boolean(
        string="Mapped", compute="_compute_is_mapped", store=True
    )
    linkedin_inmail_cursor_ms = fields.Float(
        string="InMail Cursor (epoch ms)",
        digits=(16, 0),
        readonly=True,
        copy=False,
        help="InMails this seat saw before this instant are imported.",
    )
    last_synced_at = fields.Datetime(
        string="InMails Synced Up To",
        compute="_compute_last_synced_at",
        help="Every InMail this seat saw before this moment is in Odoo.",
    )

    compat.sql_constraints(
        locals(),
        seat_urn_company_uniq=(
            "unique(seat_urn, company_id)",
            "A LinkedIn seat can only be listed once per company.",
        ),
        user_contract_uniq=(
            "unique(user_id, contract_id)",
            "A user can hold only one LinkedIn Recruiter seat per contract.",
        ),
    )

    @api.depends("user_id")
    def _compute_is_mapped(self):
        for seat in self:
            seat.is_mapped = bool(seat.user_id)

    @api.depends("linkedin_inmail_cursor_ms")
    def _compute_last_synced_at(self):
        for seat in self:
            cursor = seat.linkedin_inmail_cursor_ms
            seat.last_synced_at = (
                from_epoch_ms(int(cursor)).replace(tzinfo=None) if cursor else False
            )

    @api.constrains("user_id", "company_id")
    def _check_user_company(self):
        for seat in self.filtered("user_id"):
            if seat.company_id not in seat.user_id.company_ids:
                raise ValidationError(
                    _(
                        "%(user)s cannot hold a LinkedIn seat of %(company)s: "
                        "the user has no access to that company.",
                        user=seat.user_id.name,
                        company=seat.company_id.name,
                    )
                )

    @api.model
    def _sync_from_linkedin(self, contract, seats):
        """Upsert ``seats`` (schema.Seat) of ``contract`` (linkedin.contract).

        The contract's seats LinkedIn no longer lists become inactive;
        unmapped seats are mapped to the internal user with the same email
        (without one, the same name) when exactly one user of the company
        has it. Returns the contract's
        seats.
        """
        company = contract.company_id
        existing = self.sudo().search(
            [
                ("company_id", "=", company.id),
                "|",
                ("contract_id", "=", contract.id),
                ("contract_urn", "in", [contract.contract_urn, False]),
            ]
        )
        listed = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("seat_urn", "in", [seat.urn for seat in seats]),
            ]
        )
        by_urn = {seat.seat_urn: seat for seat in existing | listed}
        seen = self.browse()
        for seat in seats:
            values = {
                "member_urn": seat.member_urn,
                "holder_name": seat.name or seat.urn,
                "email": seat.email,
                "state": "active"
                if (seat.state or "ACTIVE").upper() == "ACTIVE"
                else "inactive",
                "contract_urn": seat.contract or contract.contract_urn,
                "contract_id": contract.id,
            }
            record = by_urn.get(seat.urn)
            if record:
                record.write(values)
            else:
                record = existing.create(
                    dict(values, seat_urn=seat.urn, company_id=company.id)
                )
            seen |= record
        (existing - seen).write({"state": "inactive"})
        (seen | existing)._map_users()
        return seen | existing

    def _map_users(self):
        """Map each unmapped seat to the one internal user of its company who
        shares its email, or, for a seat LinkedIn gave no email (it documents
        none), its holder's name; a user holds one seat per contract."""
        unmapped = self.filtered(lambda s: not s.user_id)
        if not unmapped:
            return
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [("share", "=", False), ("company_ids", "in", unmapped.company_id.ids)]
            )
        )
        taken = {
            (seat.user_id.id, seat.contract_id.id)
            for seat in self.sudo().search([("user_id", "!=", False)])
        }
        for seat in unmapped:
            matches = users.filtered(
                lambda user, seat=seat: (
                    seat._holder_is(user)
                    and seat.company_id in user.company_ids
                    and (user.id, seat.contract_id.id) not in taken
                )
            )
            if len(matches) == 1:
                seat.user_id = matches
                taken.add((matches.id, seat.contract_id.id))

    def _holder_is(self, user):
        """Whether ``user`` looks like this seat's holder: the same email, or
        without a seat email the same name (case and spacing aside)."""
        if self.email:
            return user.partner_id.email_normalized == email_normalize(self.email)
        return bool(self.holder_name) and _folded(user.name) == _folded(
            self.holder_name
        )

    @api.model
    def _seat_of_user(self, user, company):
        """An active seat ``user`` holds in ``company``'s contracts, if any."""
        return self.sudo().search(
            [
                ("user_id", "=", user.id),
                ("company_id", "=", company.id),
                ("state", "=", "active"),
            ],
            limit=1,
        )
