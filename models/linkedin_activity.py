# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import plaintext2html

from .. import compat
from ..linkedin_recruiter_connect.activity_kinds import KINDS, selection

_logger = logging.getLogger(__name__)

MESSAGE_ID = "<linkedin-{kind}-{external_id}-{applicant_id}@linkedin-recruiter-connect>"
# Matches every MESSAGE_ID with the =like operator.
IMPORTED_MESSAGE_ID_LIKE = "<linkedin-%@linkedin-recruiter-connect>"
HTML_TAG_RE = re.compile(r"<[a-zA-Z/!]")
# Any tag-like token, to check HTML against SIMPLE_TAGS.
TAG_TOKEN_RE = re.compile(r"<[^>]*>?")
# Attribute-less tags the sanitiser keeps as they are: HTML made only of
# these (and text) can run nothing, so it is stored without a sanitiser pass.
SIMPLE_TAGS = frozenset(
    f"<{slash}{tag}>"
    for slash in ("", "/")
    for tag in ("p", "br", "b", "i", "u", "em", "strong", "ul", "ol", "li")
) | {"<br/>", "<br />"}
SAFE_URL_RE = re.compile(r"https?://", re.IGNORECASE)


def _is_simple_html(text):
    return all(token.lower() in SIMPLE_TAGS for token in TAG_TOKEN_RE.findall(text))


class LinkedInActivity(models.Model):
    """One InMail event or Recruiter Note exactly as LinkedIn sent it.

    The staging table of the import: rows are upserted by external id (unique
    per company and kind), which makes the import idempotent, and kept until
    a connected applicant claims them, which makes late connections complete.
    Each chatter message made from a row points back to it through
    ``mail.message.linkedin_activity_id``: one message per (row, applicant),
    found again by that pair, never by ``mail.message.message_id``.
    """

    _name = "linkedin.activity"
    _description = "LinkedIn Recruiter Activity"
    _order = "linkedin_created_at desc, id desc"
    _rec_name = "external_id"

    kind = fields.Selection(selection(), required=True)
    external_id = fields.Char(required=True, help="LinkedIn's id of the event.")
    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    member_urn = fields.Char(
        string="Member URN",
        required=True,
        index=True,
        help="The candidate's side of the InMail, or the prospect of the note.",
    )
    member_name = fields.Char(
        string="Candidate Name",
        help="The candidate's name as LinkedIn sent it, when it did.",
    )
    member_display_name = fields.Char(
        string="Candidate",
        compute="_compute_member_display_name",
        search="_search_member_display_name",
        help="The best name known for the member: LinkedIn's, else the "
        "connected applicant's; the member URN when there is none.",
    )
    seat_id = fields.Many2one("linkedin.seat", ondelete="set null")
    seat_urn = fields.Char(string="Seat URN")
    contract_urn = fields.Char(string="Contract URN")
    author_urn = fields.Char(string="Author URN")
    direction = fields.Selection([("sent", "Sent"), ("received", "Received")])
    thread_urn = fields.Char()
    thread_url = fields.Char()
    subject = fields.Char()
    body = fields.Text(help="As LinkedIn sent it; sanitised when posted.")
    linkedin_created_at = fields.Datetime(string="Created on LinkedIn")
    linkedin_modified_at = fields.Datetime(string="Modified on LinkedIn")
    linkedin_modified_ms = fields.Float(
        string="Modified on LinkedIn (ms)",
        digits=(16, 0),
        help="Exact last modification (epoch ms) used to detect note edits.",
    )
    active = fields.Boolean(
        default=True, help="False once LinkedIn reports the note deleted."
    )
    message_ids = fields.One2many(
        "mail.message", "linkedin_activity_id", string="Chatter Messages"
    )
    message_count = fields.Integer(compute="_compute_message_count")

    compat.sql_constraints(
        locals(),
        external_id_uniq=(
            "unique(company_id, kind, external_id)",
            "A LinkedIn activity is staged once per company.",
        ),
    )

    @api.depends("member_name", "member_urn")
    def _compute_member_display_name(self):
        nameless = self.filtered(lambda row: not row.member_name)
        applicants = (
            self.env[compat.PERSON_MODEL]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    (
                        "linkedin_member_urn",
                        "in",
                        list(set(nameless.mapped("member_urn"))),
                    ),
                    ("company_id", "in", nameless.company_id.ids),
                    ("partner_name", "!=", False),
                ],
                order="active desc, create_date, id",
            )
            if nameless
            else []
        )
        names = {}
        for applicant in applicants:
            key = (applicant.company_id.id, applicant.linkedin_member_urn)
            names.setdefault(key, applicant.partner_name)
        for row in self:
            row.member_display_name = (
                row.member_name
                or names.get((row.company_id.id, row.member_urn))
                or row.member_urn
            )

    def _search_member_display_name(self, operator, value):
        # "not like" / "!=": neither field matches; otherwise either one does
        negative = operator == "!=" or operator.startswith("not ")
        either = "&" if negative else "|"
        return [
            either,
            ("member_name", operator, value),
            ("member_urn", operator, value),
        ]

    def _compute_message_count(self):
        groups = self.env["mail.message"]._read_group(
            [("linkedin_activity_id", "in", self.ids)],
            ["linkedin_activity_id"],
            ["__count"],
        )
        counts = {activity.id: count for activity, count in groups}
        for activity in self:
            activity.message_count = counts.get(activity.id, 0)

    # -- staging ---------------------------------------------------------------

    @api.model
    def _upsert(self, company, kind, values_list):
        """Create or update staged rows of one kind by external id, in bulk.

        One search for the whole batch. A known row of an immutable kind
        (InMails never change on LinkedIn) is left alone; a mutable one (a
        note) is updated when it was modified later than the staged copy.
        Returns ``(rows, counts)``: the rows created or changed, the ones
        whose chatter messages need attention, and the Counter of rows
        ``staged`` and ``skipped_malformed`` (refused by the database).
        """
        latest = {}
        for values in values_list:
            known = latest.get(values["external_id"])
            if (
                not known
                or values["linkedin_modified_ms"] >= known["linkedin_modified_ms"]
            ):
                latest[values["external_id"]] = values
        if not latest:
            return self.browse(), Counter()
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", company.id),
                    ("kind", "=", kind.code),
                    ("external_id", "in", list(latest)),
                ]
            )
        )
        changed = self.sudo().browse()
        for row in existing:
            values = latest.pop(row.external_id)
            if kind.mutable and (
                values["linkedin_modified_ms"] > row.linkedin_modified_ms
            ):
                row.write(values)
                changed |= row
        created, counts = self._create_rows(list(latest.values()))
        counts["staged"] += len(created)
        return changed | created, counts

    @api.model
    def _create_rows(self, values_list):
        """Create in one batch; on a database error create row by row,
        skipping the rows that cannot be stored. Returns ``(rows, counts)``
        with the Counter of ``skipped_malformed`` rows."""
        Activity = self.sudo().with_context(active_test=False)
        counts = Counter()
        if not values_list:
            return Activity.browse(), counts
        try:
            with self.env.cr.savepoint():
                return Activity.create(values_list), counts
        except Exception:  # noqa: BLE001 - any refusal: find the bad rows below
            _logger.info("LinkedIn staging batch refused; retrying row by row")
        created = Activity.browse()
        for values in values_list:
            try:
                with self.env.cr.savepoint():
                    created |= Activity.create(values)
            except Exception as error:  # noqa: BLE001 - skip what cannot be stored
                counts["skipped_malformed"] += 1
                _logger.warning(
                    "Skipping LinkedIn %s %s that cannot be stored: %s",
                    values.get("kind"),
                    values.get("external_id"),
                    error,
                )
        return created, counts

    # -- chatter ---------------------------------------------------------------

    def _attach(self, applicants=None):
        """Make the chatter match these rows for connected applicants.

        For every (row, applicant) pair of the same member and company: create
        the message once, update a note's message when its text changed and
        remove the messages of deleted notes. ``applicants`` limits the work
        to those applicants (the connect hook); by default every connected
        applicant of the rows' members. All reads and writes are batched;
        nothing notifies, emails or subscribes anyone. Returns the Counter of
        messages ``created``, ``updated`` and ``deleted``.
        """
        counts = Counter()
        rows = self.sudo().with_context(active_test=False)
        if not rows:
            return counts
        Message = self.env["mail.message"].sudo()
        existing = Message.search_fetch(
            [
                ("linkedin_activity_id", "in", rows.ids),
                ("model", "=", compat.PERSON_MODEL),
            ],
            ["linkedin_activity_id", "res_id", "body"],
        )
        gone = existing.filtered(lambda m: not m.linkedin_activity_id.active)
        if gone:
            counts["deleted"] += len(gone)
            gone.unlink()
        live = rows.filtered("active")
        if not live:
            return counts
        by_applicant = self._applicants_by_member(live, applicants)
        have = {(m.linkedin_activity_id.id, m.res_id): m for m in existing - gone}
        context = _AttachContext(self.env, live, by_applicant)
        create_values = []
        for row in live:
            for applicant in by_applicant.get((row.company_id.id, row.member_urn), ()):
                message = have.get((row.id, applicant.id))
                if message is None:
                    create_values.append(row._message_values(applicant, context))
                elif KINDS[row.kind].mutable and row._body_changed(message):
                    message.write({"body": row._message_body()})
                    counts["updated"] += 1
        if create_values:
            # Ids then follow LinkedIn's dates within the batch.
            create_values.sort(key=lambda values: values["date"] or datetime.min)
            self._create_messages(create_values)
            counts["created"] += len(create_values)
        return counts

    @api.model
    def _create_messages(self, values_list):
        """Create chatter messages in batches, through each document model's
        ``_message_create`` (so every ``mail.message.create`` override runs).

        The values carry what create would otherwise compute (email_from,
        message_id, reply_to, record_name where stored); nothing notifies, emails or
        subscribes anyone.
        """
        by_model = defaultdict(list)
        for values in values_list:
            by_model[values["model"]].append(values)
        messages = self.env["mail.message"].sudo()
        for model, model_values in by_model.items():
            documents = self.env[model].sudo().with_context(mail_notrack=True)
            messages |= documents._message_create(model_values)
        return messages

    def _body_changed(self, message):
        """Whether ``message`` no longer shows this row's text.

        Bodies are stored as built or, once edited, as sanitised by the
        ORM; both forms count as unchanged.
        """
        body = self._message_body()
        if message.body == body:
            return False
        return message.body != self._sanitized(body)

    def _sanitized(self, html):
        """``html`` sanitised exactly as mail.message.body stores it."""
        Message = self.env["mail.message"]
        return Message._fields["body"].convert_to_cache(html, Message)

    @api.model
    def _applicants_by_member(self, rows, applicants=None):
        """{(company id, member URN): applicants} of the connected applicants."""
        if applicants is None:
            applicants = (
                self.env[compat.PERSON_MODEL]
                .sudo()
                .search(
                    [
                        (
                            "linkedin_member_urn",
                            "in",
                            list(set(rows.mapped("member_urn"))),
                        ),
                        ("company_id", "in", rows.company_id.ids),
                    ]
                )
            )
        result = defaultdict(lambda: self.env[compat.PERSON_MODEL])
        for applicant in applicants.sudo().filtered("linkedin_member_urn"):
            key = (applicant.company_id.id, applicant.linkedin_member_urn)
            result[key] |= applicant
        return result

    def _message_body(self, reply_label=None):
        """The chatter body (Markup) of this row, safe to store as it is.

        Plain text (every kind not flagged ``html``) is escaped. LinkedIn's
        HTML is kept when it only uses
        SIMPLE_TAGS; otherwise the whole body is sanitised like
        mail.message.body (scripts, event handlers and javascript: links are
        stripped), as is a body whose reply link is not http(s).
        """
        self.ensure_one()
        text = self.body or ""
        safe = True
        if not KINDS[self.kind].html or not HTML_TAG_RE.search(text):
            body = Markup(plaintext2html(text))
        else:
            body, safe = Markup(text), _is_simple_html(text)
        if self.thread_url:
            body += Markup(
                '<p class="o_linkedin_reply"><a href="%s" target="_blank" '
                'rel="noopener noreferrer">%s</a></p>'
            ) % (self.thread_url, reply_label or _("Reply on LinkedIn Recruiter"))
            safe = safe and bool(SAFE_URL_RE.match(self.thread_url))
        return body if safe else self._sanitized(body)

    def _message_values(self, applicant, context):
        """mail.message values of this row in ``applicant``'s chatter."""
        self.ensure_one()
        kind = KINDS[self.kind]
        if self.direction == "received":
            author_id, email_from = context.candidate(applicant)
        else:
            author_id, email_from = context.seat_author(self)
        values = {
            "model": compat.PERSON_MODEL,
            "res_id": applicant.id,
            "reply_to": context.reply_to.get(applicant.id) or False,
            "author_id": author_id,
            "email_from": email_from,
            "message_type": kind.message_type,
            "subtype_id": context.note.id if kind.internal else context.comment.id,
            "is_internal": kind.internal,
            "date": self.linkedin_created_at,
            "subject": self.subject or False,
            "body": context.body(self),
            "message_id": MESSAGE_ID.format(
                kind=self.kind, external_id=self.external_id, applicant_id=applicant.id
            ),
            "linkedin_activity_id": self.id,
        }
        if context.stores_record_name:
            values["record_name"] = context.record_name(applicant)
        return values

    # -- maintenance -----------------------------------------------------------

    @api.model
    def _purge_unclaimed(self, backend):
        """Delete rows no applicant claimed, staged longer than the retention."""
        days = backend.retention_days
        if not days or days <= 0:
            return 0
        limit = fields.Datetime.now() - timedelta(days=days)
        stale = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("company_id", "=", backend.company_id.id),
                    ("create_date", "<", limit),
                    ("message_ids", "=", False),
                ]
            )
        )
        stale.unlink()
        return len(stale)


class _AttachContext:
    """What building many messages shares: subtypes, seats, reply-to."""

    def __init__(self, env, rows, by_applicant):
        applicants = env[compat.PERSON_MODEL].sudo()
        for found in by_applicant.values():
            applicants |= found
        # _() reads the language from self.env (a cron's may have none)
        self.env = env
        self.reply_label = _("Reply on LinkedIn Recruiter")
        self.comment = env.ref("mail.mt_comment")
        self.note = env.ref("mail.mt_note")
        seats = (
            env["linkedin.seat"]
            .sudo()
            .search(
                [
                    ("company_id", "in", rows.company_id.ids),
                    ("seat_urn", "in", list(set(rows.mapped("seat_urn")))),
                ]
            )
        )
        self.seats = {seat.seat_urn: seat for seat in seats}
        self.reply_to = (
            applicants._notify_get_reply_to(default=False) if applicants else {}
        )
        # A stored column until 18.0, computed from the document since 19.0.
        self.stores_record_name = env["mail.message"]._fields["record_name"].store
        self._cache = {}

    def _cached(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def record_name(self, applicant):
        return self._cached(("name", applicant.id), lambda: applicant.display_name)

    def body(self, row):
        """The row's message body (str), built once for all its applicants."""
        return self._cached(
            ("body", row.id), lambda: str(row._message_body(self.reply_label))
        )

    def candidate(self, applicant):
        """(author id, email_from) of a message the candidate sent."""

        def compute():
            author = applicant.partner_id
            email_from = (
                author.email_formatted or applicant.email_from or applicant.partner_name
            )
            return author.id or False, email_from

        return self._cached(("candidate", applicant.id), compute)

    def seat_author(self, row):
        """(author id, email_from) of a message the row's seat holder wrote."""
        seat = row.seat_id or self.seats.get(row.seat_urn)
        return self._cached(
            ("seat", seat.id if seat else row.seat_urn),
            lambda: self._seat_author(seat, row.seat_urn),
        )

    def _seat_author(self, seat, seat_urn):
        # a method, so that _() finds the language in self.env
        author = seat.user_id.partner_id if seat else None
        email_from = (author and author.email_formatted) or _(
            "%(name)s (LinkedIn Recruiter)",
            name=(seat.holder_name if seat else None) or seat_urn,
        )
        return (author.id if author else False), email_from
