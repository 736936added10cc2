# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Attacks found when the addon was probed as each role, refused here.

Every test plays the attacker's user over the same public methods an RPC
client reaches, and checks what was refused, with which message, and that
nothing was stored or sent to LinkedIn.
"""

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.linkedin_person_mixin import safe_picture_url
from .common import PERSON_MODEL, SandboxCase, applicant_values, stored_candidate

JANE = "urn:li:person:jane-doe"
JOHN = "urn:li:person:john-smith"
LINK_REFUSED = "cannot be written directly"


class SecurityCase(SandboxCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls._create_user(
            "manager", "hr_recruitment.group_hr_recruitment_manager"
        )
        cls.other_manager = cls._create_user(
            "other_manager", "hr_recruitment.group_hr_recruitment_manager"
        )
        cls.other_manager.write(
            {
                "company_id": cls.other_company.id,
                "company_ids": [Command.set(cls.other_company.ids)],
            }
        )
        cls.admin = cls.env.ref("base.user_admin")

    def interviewed_applicant(self, name="Jane Doe", email="jane.doe@example.com"):
        """An applicant the interviewer may read and write."""
        return self.create_applicant(
            name, email, interviewer_ids=[Command.set(self.interviewer.ids)]
        )

    def connected_jane(self):
        applicant = self.interviewed_applicant()
        self.open_match_wizard(applicant).action_connect_best()
        self.assertEqual(applicant.linkedin_member_urn, JANE)
        return applicant


@tagged("post_install", "-at_install")
class TestLinkFields(SecurityCase):
    """Finding 1: the link and its flags are written only by the flows."""

    def test_interviewer_cannot_connect_by_writing_the_link(self):
        applicant = self.interviewed_applicant()
        as_interviewer = applicant.with_user(self.interviewer)
        as_interviewer.write({"priority": "2"})  # the applicant itself is writable

        with self.assertRaisesRegex(AccessError, LINK_REFUSED):
            as_interviewer.write(
                {
                    "linkedin_member_urn": JOHN,
                    "linkedin_connected_by_id": self.interviewer.id,
                }
            )

        self.assertFalse(applicant.linkedin_member_urn)
        self.assertFalse(applicant.linkedin_connected)
        self.assertIsNone(stored_candidate(self.sandbox, applicant))

    def test_no_user_writes_a_link_field_directly(self):
        applicant = self.connected_jane()
        applicant.sudo().linkedin_purge_reason = "PURGED"
        for user in (self.interviewer, self.recruiter, self.manager, self.admin):
            for name, value in (
                ("linkedin_member_urn", JOHN),
                ("linkedin_connected_by_id", user.id),
                ("linkedin_connected_at", fields.Datetime.now()),
                ("linkedin_auto_match_blocked", True),
                ("linkedin_profile_from_linkedin", False),
                ("linkedin_clear_pending", True),
                ("linkedin_purge_reason", False),
            ):
                with self.subTest(user=user.login, field=name):
                    with self.assertRaisesRegex(AccessError, LINK_REFUSED):
                        applicant.with_user(user).write({name: value})
        self.assertEqual(applicant.linkedin_member_urn, JANE)
        self.assertEqual(applicant.linkedin_purge_reason, "PURGED")

    def test_officer_cannot_create_a_connected_applicant(self):
        Applicant = self.env[PERSON_MODEL].with_user(self.recruiter)
        with self.assertRaisesRegex(AccessError, LINK_REFUSED):
            Applicant.create(
                applicant_values("Jane", "Forged", linkedin_member_urn=JANE)
            )
        self.assertFalse(
            self.env[PERSON_MODEL].search([("linkedin_member_urn", "=", JANE)])
        )

    def test_the_flows_still_write_the_link(self):
        applicant = self.connected_jane()
        self.assertEqual(applicant.linkedin_connected_by_id, self.recruiter)
        wizard = applicant.with_user(self.recruiter).action_linkedin_disconnect()
        self.env["linkedin.disconnect.wizard"].with_user(self.recruiter).browse(
            wizard["res_id"]
        ).action_disconnect()
        self.assertFalse(applicant.linkedin_member_urn)
        self.assertTrue(applicant.linkedin_auto_match_blocked)


@tagged("post_install", "-at_install")
class TestConnectChecks(SecurityCase):
    """Finding 2: connecting re-checks the seat and LinkedIn's matches."""

    def test_officer_without_seat_cannot_build_a_wizard(self):
        applicant = self.interviewed_applicant()
        Wizard = self.env["linkedin.match.wizard"].with_user(self.officer)
        with self.assertRaises(AccessError):
            Wizard.create(
                {
                    "applicant_id": applicant.id,
                    "line_ids": [Command.create({"member_urn": JOHN})],
                }
            )
        with self.assertRaises(AccessError):
            self.env["linkedin.match.wizard.line"].with_user(self.officer).create(
                {"wizard_id": False, "member_urn": JOHN}
            )
        self.assertFalse(applicant.linkedin_member_urn)

    def test_lines_cannot_be_edited_to_another_member(self):
        applicant = self.interviewed_applicant()
        wizard = self.open_match_wizard(applicant)
        with self.assertRaises(AccessError):
            wizard.best_line_id.write({"member_urn": JOHN})
        with self.assertRaises(AccessError):
            wizard.write({"line_ids": [Command.create({"member_urn": JOHN})]})
        self.assertEqual(wizard.best_line_id.member_urn, JANE)

    def test_member_linkedin_does_not_propose_is_refused(self):
        applicant = self.interviewed_applicant()
        self.open_match_wizard(applicant)  # the candidate is known to LinkedIn
        with self.assertRaisesRegex(UserError, "LinkedIn does not propose"):
            applicant.with_user(self.recruiter)._linkedin_connect_member(
                "urn:li:person:ahmed-khan"
            )
        self.assertFalse(applicant.linkedin_member_urn)
        self.assertFalse(
            stored_candidate(self.sandbox, applicant).get("manualMatchedMember")
        )

    def test_seat_is_checked_again_when_connecting(self):
        applicant = self.interviewed_applicant()
        wizard = self.open_match_wizard(applicant)
        self.env["linkedin.seat"]._seat_of_user(
            self.recruiter, self.company
        ).user_id = False
        with self.assertRaisesRegex(UserError, "no active LinkedIn Recruiter seat"):
            wizard.action_connect_best()
        self.assertFalse(applicant.linkedin_member_urn)


@tagged("post_install", "-at_install")
class TestWizardRules(SecurityCase):
    """Finding 3: every wizard of the addon is its creator's alone."""

    def test_other_users_cannot_read_or_use_a_match_wizard(self):
        applicant = self.interviewed_applicant("John Smith", "j.smith@x.example")
        wizard = self.open_match_wizard(applicant)
        for user in (self.officer, self.other_manager, self.manager):
            with self.subTest(user=user.login):
                stolen = wizard.with_user(user)
                with self.assertRaises(AccessError):
                    stolen.line_ids.mapped("name")
                with self.assertRaises(AccessError):
                    stolen.best_line_id.with_user(user).read(["name", "profile_url"])
                with self.assertRaises(AccessError):
                    stolen.action_not_right_profile()
        self.assertFalse(wizard.show_all)
        self.assertFalse(wizard.line_ids.filtered("rejected"))

    def test_related_fields_read_as_the_user(self):
        applicant = self.interviewed_applicant()
        # A wizard the other company's manager owns, on an applicant it
        # cannot read (as if created before the checks existed).
        wizard = (
            self.env["linkedin.disconnect.wizard"]
            .with_user(self.other_manager)
            .sudo()
            .create({"applicant_id": applicant.id})
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.other_manager).sudo(False).applicant_name  # noqa: B018

    def test_other_company_cannot_create_wizards_on_our_applicants(self):
        applicant = self.connected_jane()
        twin = self.interviewed_applicant("Jane D.", "jane.doe@example.com")
        Disconnect = self.env["linkedin.disconnect.wizard"].with_user(
            self.other_manager
        )
        with self.assertRaises(AccessError):
            Disconnect.create({"applicant_id": applicant.id})
        with self.assertRaises(AccessError):
            applicant.with_user(self.other_manager).action_linkedin_disconnect()
        Merge = self.env["hr.applicant.merge"].with_user(self.other_manager)
        with self.assertRaises(AccessError):
            Merge.create({"applicant_ids": [Command.set((applicant | twin).ids)]})
        self.assertTrue(twin.active)
        self.assertEqual(applicant.linkedin_member_urn, JANE)


@tagged("post_install", "-at_install")
class TestManagerTodos(SecurityCase):
    """Finding 4: alerts go to the record's company's managers only."""

    def test_purge_todo_reaches_only_this_companys_managers(self):
        applicant = self.connected_jane()
        self.sandbox.admin.purge_member(JANE, "CLOSED")

        self.backend._check_purged_members()

        todos = applicant.activity_ids
        self.assertIn(self.manager, todos.user_id)
        self.assertNotIn(self.other_manager, todos.user_id)

    def test_sync_failure_todo_reaches_only_this_companys_managers(self):
        run = self.env["linkedin.sync.run"].create(
            {
                "company_id": self.company.id,
                "trigger": "cron",
                "status": "failed",
                "started_at": fields.Datetime.now(),
            }
        )
        self.company._linkedin_todo_for_managers(run, "Sync failing", "boom")
        self.assertIn(self.manager, run.activity_ids.user_id)
        self.assertNotIn(self.other_manager, run.activity_ids.user_id)


@tagged("post_install", "-at_install")
class TestStagedActivity(SecurityCase):
    """Finding 5: the staging table is internal."""

    def staged(self, **values):
        return self.env["linkedin.activity"].create(
            dict(
                {
                    "kind": "inmail",
                    "external_id": "ext-secret",
                    "company_id": self.company.id,
                    "member_urn": "urn:li:person:not-an-applicant",
                    "body": "Confidential",
                },
                **values,
            )
        )

    def test_officers_and_managers_cannot_read_staged_rows(self):
        row = self.staged()
        for user in (self.recruiter, self.manager):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    row.with_user(user).read(["body"])
        self.assertEqual(row.with_user(self.admin).body, "Confidential")

    def test_nobody_creates_edits_or_deletes_rows_by_hand(self):
        row = self.staged()
        for user in (self.manager, self.admin):
            with self.subTest(user=user.login):
                Activity = self.env["linkedin.activity"].with_user(user)
                with self.assertRaises(AccessError):
                    Activity.create(
                        {
                            "kind": "inmail",
                            "external_id": "forged",
                            "company_id": self.company.id,
                            "member_urn": JANE,
                            "direction": "received",
                        }
                    )
                with self.assertRaises(AccessError):
                    row.with_user(user).write({"body": "Forged"})
                with self.assertRaises(AccessError):
                    row.with_user(user).unlink()
        self.assertEqual(row.body, "Confidential")

    def test_remove_data_finds_messages_whose_row_is_gone(self):
        applicant = self.connected_jane()
        row = self.staged(member_urn=JANE)
        applicant._linkedin_attach_staged_activity()
        message = row.message_ids
        self.assertEqual(len(message), 1)
        row.unlink()  # orphaned, as a hand deletion used to leave it
        self.assertTrue(message.exists())

        applicant.with_user(self.manager).action_linkedin_remove_data()

        self.assertFalse(message.exists())
        self.assertFalse(applicant.linkedin_member_urn)


@tagged("post_install", "-at_install")
class TestSettingsValidation(SecurityCase):
    """Finding 8: strict formats, bounded days, admins-only endpoints."""

    def test_loose_values_are_refused(self):
        cases = [
            ("api_version", "202604\n"),
            ("api_version", "２０２６０４"),
            ("organization_urn", "urn:li:organization:１２３"),
            ("organization_urn", "urn:li:organization:123\n"),
            ("contract_urn", "urn:li:contract:9\n"),
            ("api_base_url", "https://api.linkedin.com\n"),
            ("api_base_url", "http://api.linkedin.com"),
            ("api_base_url", "https://169.254.169.254"),
            ("api_base_url", "http://169.254.169.254"),
            ("api_base_url", "https://10.0.0.8"),
            ("api_base_url", "https://intranet"),
            ("backfill_days", -1),
            ("backfill_days", 0),
            ("backfill_days", 10**6),
            ("retention_days", -5),
            ("retention_days", 10**6),
        ]
        for name, value in cases:
            with self.subTest(field=name, value=value):
                before = self.backend[name]
                with self.assertRaises(ValidationError):
                    self.backend.write({name: value})
                self.assertEqual(self.backend[name], before)

    def test_sandbox_and_linkedin_urls_are_accepted(self):
        for url in (
            "https://api.linkedin.com",
            "http://127.0.0.1:8099",
            "http://localhost:8099",
            "https://[::1]:8443/base",
        ):
            with self.subTest(url=url):
                self.backend.write({"api_base_url": url})
                self.assertEqual(self.backend.api_base_url, url)

    def test_endpoint_and_client_id_are_for_administrators(self):
        for user in (self.recruiter, self.manager):
            for name in ("api_base_url", "client_id"):
                with self.subTest(user=user.login, field=name):
                    with self.assertRaises(AccessError):
                        self.backend.with_user(user).read([name])
        self.assertTrue(self.backend.with_user(self.admin).client_id)


@tagged("post_install", "-at_install")
class TestSeatMapping(SecurityCase):
    """Finding 10: administrators map seats."""

    def test_managers_cannot_map_themselves_to_a_seat(self):
        seat = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.fixtures["seats"]["bob"])]
        )
        with self.assertRaises(AccessError):
            seat.with_user(self.manager).write({"user_id": self.manager.id})
        self.assertNotEqual(seat.user_id, self.manager)
        seat.with_user(self.admin).write({"user_id": self.manager.id})
        self.assertEqual(seat.user_id, self.manager)


@tagged("post_install", "-at_install")
class TestProfileUrls(SecurityCase):
    """Finding 11: only http(s) profile URLs are stored."""

    def test_javascript_profile_url_from_linkedin_is_dropped(self):
        self.sandbox.admin.add_member(
            urn="urn:li:person:evil",
            firstName="Eve",
            lastName="Hacker",
            email="eve.hacker@example.com",
            profileUrl="javascript:alert(document.cookie)",
            pictureUrl="javascript:alert(1)",
        )
        applicant = self.interviewed_applicant("Eve Hacker", "eve.hacker@example.com")
        wizard = self.open_match_wizard(applicant)
        self.assertEqual(wizard.best_line_id.member_urn, "urn:li:person:evil")
        self.assertFalse(wizard.best_profile_url)
        self.assertFalse(wizard.best_picture_url)

        wizard.action_connect_best()

        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:evil")
        self.assertFalse(applicant.linkedin_profile)

    def test_inline_image_pictures_are_kept_other_data_urls_dropped(self):
        self.assertTrue(safe_picture_url("data:image/svg+xml;base64,PHN2Zz4="))
        self.assertTrue(safe_picture_url("https://media.licdn.com/a.png"))
        for url in (
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "javascript:alert(1)",
        ):
            with self.subTest(url=url):
                self.assertFalse(safe_picture_url(url))


@tagged("post_install", "-at_install")
class TestRoleMatrix(SecurityCase):
    """Who may do what, role by role and company by company."""

    ROLES = (
        "interviewer",
        "officer_with_seat",
        "officer_without_seat",
        "manager",
        "admin",
        "other_company_manager",
    )

    def user_of(self, role):
        return {
            "interviewer": self.interviewer,
            "officer_with_seat": self.recruiter,
            "officer_without_seat": self.officer,
            "manager": self.manager,
            "admin": self.admin,
            "other_company_manager": self.other_manager,
        }[role]

    def outcome(self, action):
        """ "ok", or the name of the refusal's exception class."""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.models"):
                action()
                self.env.flush_all()
        except (AccessError, UserError) as error:
            return type(error).__name__
        return "ok"

    def actions(self, user):
        """(name, callable) of every public entry point, run as ``user``."""
        connected = self.connected_jane()
        fresh = self.interviewed_applicant("John Smith", "john.smith@example.com")
        row = self.env["linkedin.activity"].create(
            {
                "kind": "note",
                "external_id": f"note-{user.id}",
                "company_id": self.company.id,
                "member_urn": JANE,
            }
        )
        seat = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.fixtures["seats"]["bob"])]
        )
        env = self.env(user=user)
        return [
            ("connect", lambda: fresh.with_env(env).action_linkedin_connect()),
            (
                "disconnect",
                lambda: connected.with_env(env).action_linkedin_disconnect(),
            ),
            ("reply", lambda: connected.with_env(env).action_linkedin_reply()),
            (
                "remove_data",
                lambda: connected.with_env(env).action_linkedin_remove_data(),
            ),
            (
                "write_link",
                lambda: fresh.with_env(env).write({"linkedin_member_urn": JOHN}),
            ),
            ("read_staged", lambda: row.with_env(env).read(["body"])),
            ("read_runs", lambda: env["linkedin.sync.run"].search([])),
            ("map_seat", lambda: seat.with_env(env).write({"user_id": False})),
            (
                "create_match_wizard",
                lambda: env["linkedin.match.wizard"].create({"applicant_id": fresh.id}),
            ),
            (
                "merge",
                lambda: env["hr.applicant.merge"].create(
                    {"applicant_ids": [Command.set((connected | fresh).ids)]}
                ),
            ),
            ("settings", lambda: env["res.config.settings"].create({})),
        ]

    # Expected outcome of each action, role by role (see ROLES).
    EXPECTED = {
        "connect": (
            "AccessError",
            "ok",
            "UserError",
            "UserError",
            "UserError",
            "AccessError",
        ),
        "disconnect": ("AccessError", "ok", "ok", "ok", "ok", "AccessError"),
        "reply": ("UserError",) * 5 + ("AccessError",),
        "remove_data": (
            "AccessError",
            "AccessError",
            "AccessError",
            "ok",
            "ok",
            "AccessError",
        ),
        "write_link": ("AccessError",) * 6,
        "read_staged": ("AccessError",) * 4 + ("ok", "AccessError"),
        "read_runs": ("AccessError",) * 3 + ("ok", "ok", "ok"),
        "map_seat": ("AccessError",) * 4 + ("ok", "AccessError"),
        "create_match_wizard": ("AccessError",) * 6,
        "merge": ("AccessError", "ok", "ok", "ok", "ok", "AccessError"),
        "settings": ("AccessError",) * 4 + ("ok", "AccessError"),
    }

    def test_role_matrix(self):
        for index, role in enumerate(self.ROLES):
            user = self.user_of(role)
            for name, action in self.actions(user):
                with self.subTest(role=role, action=name):
                    self.assertEqual(self.outcome(action), self.EXPECTED[name][index])
