# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import email_normalize
from odoo.tools.misc import format_datetime

from .. import compat
from ..linkedin_recruiter_connect.matching import normalize_name

OFFICER_GROUP = "hr_recruitment.group_hr_recruitment_user"
# Plan keys whose records are re-pointed with res_id.
RES_ID_KEYS = ("messages", "attachments", "activities", "followers")


class HrApplicantMerge(models.TransientModel):
    """Merge duplicate applicants into one (Odoo 17 community has none); in
    18.0, where the person is the candidate, duplicate candidates, whose
    applications move to the kept one.

    Modelled on crm.merge.opportunity: the primary applicant receives the
    others' chatter messages, attachments, activities, followers, meetings,
    skills and tags, and keeps (or inherits) the LinkedIn Recruiter link. The
    others are archived, never deleted, each with a note pointing to the
    primary; the primary gets a summary note.
    """

    _name = "hr.applicant.merge"
    _description = "Merge Applicants"

    applicant_ids = fields.Many2many(
        compat.PERSON_MODEL,
        "hr_applicant_merge_applicant_rel",
        "wizard_id",
        "applicant_id",
        string="Applicants",
        context={"active_test": False},
    )
    primary_id = fields.Many2one(
        compat.PERSON_MODEL,
        string="Keep",
        compute="_compute_primary_id",
        store=True,
        readonly=False,
        context={"active_test": False},
        domain="[('id', 'in', applicant_ids)]",
        help="The applicant that stays: the others are merged into it and "
        "archived. By default the oldest connected to LinkedIn Recruiter, "
        "else the oldest.",
    )
    disconnect_after = fields.Boolean(
        string="Then Disconnect from LinkedIn",
        help="Once merged, disconnect the kept applicant from LinkedIn "
        "Recruiter and have LinkedIn forget every merged applicant's match.",
    )
    preview = fields.Html(compute="_compute_preview")
    difference = fields.Text(
        compute="_compute_difference",
        help="Set when the applicants look like different people: what differs.",
    )
    confirm_different = fields.Boolean(
        string="They are the same person",
        help="Merge even though names and emails differ.",
    )

    @api.depends("applicant_ids")
    def _compute_primary_id(self):
        for wizard in self:
            applicants = wizard.applicant_ids._origin
            if wizard.primary_id._origin not in applicants:
                wizard.primary_id = self._default_primary(applicants)

    @api.depends("applicant_ids", "primary_id", "disconnect_after")
    def _compute_preview(self):
        for wizard in self:
            applicants = wizard.applicant_ids._origin
            primary = wizard.primary_id._origin
            if len(applicants) < 2 or primary not in applicants:
                wizard.preview = False
                continue
            wizard.preview = wizard._preview_html(primary, applicants - primary)

    @api.depends("applicant_ids")
    def _compute_difference(self):
        for wizard in self:
            wizard.difference = self._difference(wizard.applicant_ids._origin)

    @api.model
    def default_get(self, fields_list):
        self._check_merge_rights()
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "applicant_ids" in fields_list
            and not values.get("applicant_ids")
            and context.get("active_model") == compat.PERSON_MODEL
        ):
            values["applicant_ids"] = [Command.set(context.get("active_ids") or [])]
        return values

    @api.model_create_multi
    def create(self, vals_list):
        """Create merges only of applicants the user may write."""
        self._check_merge_rights()
        wizards = super().create(vals_list)
        # Read unfiltered: record rules would silently drop hidden applicants.
        applicants = wizards.sudo().applicant_ids.with_env(self.env)
        compat.check_access(applicants, "write")
        return wizards

    def _action_reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Merge Applicants"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_merge(self):
        """Merge the applicants into the primary, then disconnect if asked.

        Returns the primary's form action, behind a warning notification when
        LinkedIn could not be told to forget a match.
        """
        self.ensure_one()
        applicants = self.applicant_ids
        primary = self.primary_id
        self._check_merge(applicants, primary)
        difference = self._difference(applicants)
        if difference and not self.confirm_different:
            raise UserError(
                _(
                    '%(difference)s Tick "They are the same person" to merge '
                    "them anyway.",
                    difference=difference,
                )
            )
        connected = applicants.filtered("linkedin_member_urn")
        self._merge(primary, applicants - primary)
        action = {
            "type": "ir.actions.act_window",
            "res_model": primary._name,
            "res_id": primary.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
        if self.disconnect_after:
            return (primary | connected)._linkedin_disconnect(next_action=action)
        return action

    # -- checks ----------------------------------------------------------------

    @api.model
    def _check_merge_rights(self):
        if not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                _("Only recruitment officers and managers can merge applicants.")
            )

    @api.model
    def _check_merge(self, applicants, primary):
        """Raise unless ``applicants`` may be merged into ``primary``."""
        self._check_merge_rights()
        if len(applicants) < 2:
            raise UserError(_("Select at least two applicants to merge."))
        if primary not in applicants:
            raise UserError(
                _("The applicant to keep must be one of the merged applicants.")
            )
        if len({applicant.company_id.id for applicant in applicants}) > 1:
            companies = applicants.company_id.mapped("name")
            if any(not applicant.company_id for applicant in applicants):
                companies.append(_("no company"))
            raise UserError(
                _(
                    "Only applicants of the same company can be merged; these "
                    "belong to %(companies)s.",
                    companies=", ".join(companies),
                )
            )
        compat.check_access(applicants, "write")

    @api.model
    def _difference(self, applicants):
        """What tells ``applicants`` apart when they look like different
        people (different names and different emails), else False."""
        names = {}
        emails = {}
        for applicant in applicants:
            name = applicant.partner_name or ""
            names.setdefault(normalize_name(name), name)
            email = email_normalize(applicant.email_from or "")
            if email:
                emails.setdefault(email, email)
        names.pop("", None)
        if len(names) < 2 or len(emails) < 2:
            return False
        return _(
            "These applicants look like different people: their names "
            "(%(names)s) and their emails (%(emails)s) differ.",
            names=", ".join(names.values()),
            emails=", ".join(emails.values()),
        )

    @api.model
    def _default_primary(self, applicants):
        """The oldest applicant connected to LinkedIn, else the oldest."""
        return applicants.sorted(
            lambda applicant: (
                not applicant.linkedin_member_urn,
                applicant.create_date,
                applicant.id,
            )
        )[:1]

    # -- plan ------------------------------------------------------------------

    @api.model
    def _merge_plan(self, primary, others):
        """What merging ``others`` into ``primary`` moves, as sudo recordsets.

        Keys: messages, skipped_messages, attachments, activities, followers,
        meetings, skills, tags and, for candidates (18.0), applications.
        Records that would duplicate what the primary already has (a message
        of the same LinkedIn activity, a follower, a skill) are not moved:
        they stay on their archived applicant.
        """
        on_others = [("res_model", "=", primary._name), ("res_id", "in", others.ids)]
        messages, skipped = self._plan_messages(primary, others)
        env = self.sudo().env
        attachments = env["ir.attachment"].search(on_others, order="id")
        followers = env["mail.followers"].search(on_others, order="id")
        return {
            "messages": messages,
            "skipped_messages": skipped,
            "attachments": attachments - skipped.attachment_ids,
            "activities": env["mail.activity"].search(on_others, order="id"),
            "followers": self._first_of_each(
                followers, "partner_id", primary.sudo().message_partner_ids.ids
            ),
            "meetings": env["calendar.event"].search(
                [
                    "|",
                    (primary._linkedin_person_field, "in", others.ids),
                    "&",
                    ("res_model", "=", primary._name),
                    ("res_id", "in", others.ids),
                ]
            ),
            "skills": self._plan_skills(primary, others),
            "tags": others.categ_ids - primary.categ_ids,
            "applications": self._plan_applications(primary, others),
        }

    @api.model
    def _plan_messages(self, primary, others):
        """(messages to move, LinkedIn copies the primary already holds)."""
        messages = self.env["mail.message"].sudo()
        domain = [("model", "=", primary._name)]
        imported = messages.search(
            domain
            + [("res_id", "=", primary.id), ("linkedin_activity_id", "!=", False)]
        )
        candidates = messages.search(
            domain + [("res_id", "in", others.ids)], order="id"
        )
        moved = self._first_of_each(
            candidates, "linkedin_activity_id", imported.linkedin_activity_id.ids
        )
        return moved, candidates - moved

    @api.model
    def _plan_skills(self, primary, others):
        # hr.applicant.skill (hr.candidate.skill from 18.0) comes with
        # hr_recruitment_skills, not a dependency.
        model = f"{primary._name}.skill"
        if model not in self.env:
            return primary.browse()
        skills = self.env[model].sudo()
        field = primary._linkedin_person_field
        held = skills.search([(field, "=", primary.id)]).skill_id.ids
        candidates = skills.search([(field, "in", others.ids)], order="id")
        return self._first_of_each(candidates, "skill_id", held)

    @api.model
    def _plan_applications(self, primary, others):
        """The applications of merged candidates (from 18.0): they move to
        the kept candidate. An applicant has none."""
        if primary._name == "hr.applicant":
            return self.env["hr.applicant"].browse()
        return others.sudo().with_context(active_test=False).applicant_ids

    @staticmethod
    def _first_of_each(records, key, taken):
        """``records`` minus those whose ``key`` is in ``taken`` or repeats an
        earlier record's; records with an empty ``key`` are all kept."""
        seen = set(taken)
        kept = []
        for record in records:
            value = record[key].id
            if value and value in seen:
                continue
            seen.add(value)
            kept.append(record.id)
        return records.browse(kept)

    # -- merge -----------------------------------------------------------------

    @api.model
    def _merge(self, primary, others):
        """Move ``others``' records to ``primary``, archive them and log it."""
        plan = self._merge_plan(primary, others)
        for key in RES_ID_KEYS:
            plan[key].write({"res_id": primary.id})
        self._merge_meetings(primary, others, plan["meetings"])
        plan["skills"].write({primary._linkedin_person_field: primary.id})
        plan["applications"].write({"candidate_id": primary.id})
        primary.write({"categ_ids": [Command.link(tag.id) for tag in plan["tags"]]})
        self._merge_linkedin_link(primary, others)
        self._merge_talent_pools(primary, others)
        others.write({"active": False})
        # res_id moves bypass the one2many caches of both sides.
        (primary | others).invalidate_recordset()
        self._merge_log(primary, others, plan)
        return plan

    @api.model
    def _merge_meetings(self, primary, others, meetings):
        field = primary._linkedin_person_field
        meetings.filtered(lambda event: event[field] in others).write(
            {field: primary.id}
        )
        meetings.filtered(
            lambda event: (
                event.res_model == primary._name and event.res_id in others.ids
            )
        ).write({"res_id": primary.id})

    @api.model
    @api.model
    def _merge_talent_pools(self, primary, others):
        """Since 19.0: the kept applicant stays in every talent pool a merged
        one was in.

        A person's pools hang on one applicant, the talent, to which their
        other applications point (``pool_applicant_id``). The merged
        applicants' pools go to the kept applicant's talent: the one it
        points to, else one a merged applicant points to outside the merge,
        else the kept applicant itself. Applications that pointed to a merged
        applicant point to that talent instead.
        """
        if not compat.HAS_TALENT_POOLS:
            return
        Applicant = self.env["hr.applicant"].sudo().with_context(active_test=False)
        followers = Applicant.search([("pool_applicant_id", "in", others.ids)])
        if not (others.talent_pool_ids or followers or primary.pool_applicant_id):
            return
        talent = (
            (primary.pool_applicant_id - others)
            or (others.pool_applicant_id - others - primary)[:1]
            or primary
        )
        pools = others.talent_pool_ids - talent.talent_pool_ids
        if pools:
            talent.write({"talent_pool_ids": [Command.link(p.id) for p in pools]})
        if talent.talent_pool_ids:
            # a talent is its own pool applicant
            linked = (primary | talent | (followers - others)).filtered(
                lambda applicant: applicant.pool_applicant_id != talent
            )
            linked.write({"pool_applicant_id": talent.id})

    def _merge_linkedin_link(self, primary, others):
        """A primary with no LinkedIn link inherits the oldest merged one."""
        if primary.linkedin_member_urn:
            return
        source = self._default_primary(others.filtered("linkedin_member_urn"))
        if not source:
            return
        values = {
            "linkedin_member_urn": source.linkedin_member_urn,
            "linkedin_connected_by_id": source.linkedin_connected_by_id.id,
            "linkedin_connected_at": source.linkedin_connected_at,
            "linkedin_auto_match_blocked": False,
        }
        if not primary.linkedin_profile:
            values["linkedin_profile"] = source.linkedin_profile
            values["linkedin_profile_from_linkedin"] = (
                source.linkedin_profile_from_linkedin
            )
        primary.sudo().write(values)

    @api.model
    def _merge_log(self, primary, others, plan):
        primary_link = primary._get_html_link(
            title=primary.partner_name or primary.display_name
        )
        note = Markup(_("Merged into %(primary)s and archived.", primary=primary_link))
        others._message_log_batch(bodies={other.id: note for other in others})
        links = Markup(", ").join(
            other._get_html_link(title=other.partner_name or other.display_name)
            for other in others
        )
        primary._message_log(
            body=Markup(
                _(
                    "Merged %(applicants)s into this applicant (now archived); "
                    "moved: %(summary)s.",
                    applicants=links,
                    summary=escape(self._plan_summary(plan)),
                )
            )
        )

    # -- preview ---------------------------------------------------------------

    @api.model
    def _plan_summary(self, plan):
        """What the merge moves, in words: "2 messages, 1 attachment and
        1 activity" (only what there is)."""
        count = {key: len(records) for key, records in plan.items()}
        # (key, singular, plural): one msgid per form, chosen by the count.
        forms = (
            ("messages", _("1 message"), _("%(n)s messages", n=count["messages"])),
            (
                "attachments",
                _("1 attachment"),
                _("%(n)s attachments", n=count["attachments"]),
            ),
            (
                "activities",
                _("1 activity"),
                _("%(n)s activities", n=count["activities"]),
            ),
            (
                "followers",
                _("1 follower"),
                _("%(n)s followers", n=count["followers"]),
            ),
            ("meetings", _("1 meeting"), _("%(n)s meetings", n=count["meetings"])),
            ("skills", _("1 skill"), _("%(n)s skills", n=count["skills"])),
            ("tags", _("1 tag"), _("%(n)s tags", n=count["tags"])),
            (
                "applications",
                _("1 application"),
                _("%(n)s applications", n=count["applications"]),
            ),
        )
        parts = [
            one if count[key] == 1 else many for key, one, many in forms if count[key]
        ]
        if not parts:
            return _("nothing")
        if len(parts) == 1:
            return parts[0]
        return _("%(items)s and %(last)s", items=", ".join(parts[:-1]), last=parts[-1])

    def _preview_html(self, primary, others):
        """What the merge will do, as an HTML list (values escaped)."""
        plan = self._merge_plan(primary, others)
        lines = [
            _("Keep %(primary)s.", primary=self._describe(primary)),
            _("Moved to it: %(summary)s.", summary=self._plan_summary(plan)),
            _(
                "Archived, with a note pointing to the kept applicant: %(applicants)s.",
                applicants="; ".join(self._describe(other) for other in others),
            ),
        ]
        skipped = len(plan["skipped_messages"])
        if skipped == 1:
            lines.append(
                _(
                    "1 LinkedIn message the kept applicant already has stays "
                    "on its archived applicant."
                )
            )
        elif skipped:
            lines.append(
                _(
                    "%(count)s LinkedIn messages the kept applicant already "
                    "has stay on the archived applicants.",
                    count=skipped,
                )
            )
        if plan["tags"]:
            lines.append(
                _("Tags added: %(tags)s.", tags=", ".join(plan["tags"].mapped("name")))
            )
        lines.append(self._preview_linkedin(primary, others))
        return Markup("<ul>%s</ul>") % Markup().join(
            Markup("<li>%s</li>") % line for line in lines if line
        )

    def _preview_linkedin(self, primary, others):
        connected = (primary | others).filtered("linkedin_member_urn")
        if not connected:
            return False
        if self.disconnect_after and len(connected) == 1:
            return _(
                "Then the kept applicant is disconnected from LinkedIn Recruiter "
                "and LinkedIn is asked to forget its match."
            )
        if self.disconnect_after:
            return _(
                "Then the kept applicant is disconnected from LinkedIn Recruiter "
                "and LinkedIn is asked to forget the match of %(count)s "
                "applicants.",
                count=len(connected),
            )
        member = (
            primary.linkedin_member_urn
            or self._default_primary(connected).linkedin_member_urn
        )
        return _(
            "The kept applicant is connected to LinkedIn Recruiter profile %(member)s.",
            member=member,
        )

    @api.model
    def _describe(self, applicant):
        """The applicant as the preview names it, with what tells it apart
        from a namesake: application, job, stage and creation time."""
        labels = applicant._linkedin_describe_labels()
        # the job is the application's title from 18.0: named once
        named = dict.fromkeys(label for label in labels if label)
        application, *details = named or [_("Application")]
        details.append(
            _(
                "created %(date)s",
                date=format_datetime(self.env, applicant.create_date),
            )
        )
        if not applicant.active:
            details.append(_("archived"))
        return _(
            "%(name)s, %(application)s (%(details)s)",
            name=applicant.partner_name or applicant.display_name,
            application=application,
            details=", ".join(details),
        )
