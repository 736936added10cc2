# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..import_engine import ImportEngine, _Stream
from ..linkedin_recruiter_connect import budget
from ..linkedin_recruiter_connect.activity_kinds import KINDS
from ..linkedin_recruiter_connect.schema import InMailEvent
from ..models.mail_message import UNIQUE_INDEX
from .sync_common import DAY_MS, HOUR_MS, SyncCase


@tagged("post_install", "-at_install")
class TestSyncChatter(SyncCase):
    def test_inmails_sent_and_received_become_emails(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        now = self.now_ms()
        sent = self.sandbox.admin.add_inmail(
            self.seats["alice"],
            self.jane_urn,
            "SENT",
            subject="Python role",
            body="<p>Hi <b>Jane</b></p>",
            created_ms=now - 3 * HOUR_MS,
        )
        received = self.sandbox.admin.add_inmail(
            self.seats["alice"],
            self.jane_urn,
            "RECEIVED",
            subject="Re: Python role",
            body="<p>Sure</p><script>alert('x')</script>",
            created_ms=now - 2 * HOUR_MS,
        )

        run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        comment = self.env.ref("mail.mt_comment")
        message = self.message_of("inmail", sent["id"], jane)
        self.assertEqual(message.message_type, "email")
        self.assertEqual(message.subtype_id, comment)
        self.assertEqual(message.author_id, self.recruiter.partner_id)
        self.assertEqual(message.date, self.odoo_date(sent["createdAt"]))
        self.assertEqual(message.subject, "Python role")
        self.assertIn("<b>Jane</b>", message.body)
        self.assertIn(sent["threadUrl"], message.body)
        self.assertEqual(
            message.message_id,
            f"<linkedin-inmail-{sent['id']}-{jane.id}@linkedin-recruiter-connect>",
        )
        reply = self.message_of("inmail", received["id"], jane)
        self.assertEqual(reply.message_type, "email")
        self.assertEqual(reply.subtype_id, comment)
        self.assertEqual(reply.author_id, jane.partner_id)
        self.assertTrue(jane.partner_id)
        self.assertEqual(reply.date, self.odoo_date(received["createdAt"]))
        self.assertEqual(reply.subject, "Re: Python role")
        self.assertIn("Sure", reply.body)
        self.assertNotIn("<script", reply.body)
        self.assertNotIn("alert", reply.body)

    def test_received_inmail_without_partner_shows_email_text(self):
        jane = self.connected("Jane Doe", False, self.jane_urn)
        event = self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "RECEIVED", body="Hello"
        )
        self.sync()
        message = self.message_of("inmail", event["id"], jane)
        self.assertFalse(message.author_id)
        self.assertEqual(message.email_from, "Jane Doe")

    def test_notes_become_internal_notes_by_their_seat_holder(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        now = self.now_ms()
        mine = self.sandbox.admin.add_note(
            self.seats["alice"], self.jane_urn, "Salary < 80k & remote", now - HOUR_MS
        )
        unmapped = self.sandbox.admin.add_note(
            self.seats["bob"], self.jane_urn, "Bob's note", now - HOUR_MS
        )

        self.sync()

        note = self.message_of("note", mine["id"], jane)
        self.assertEqual(note.message_type, "comment")
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertTrue(note.is_internal)
        self.assertEqual(note.author_id, self.recruiter.partner_id)
        self.assertEqual(note.date, self.odoo_date(now - HOUR_MS))
        self.assertIn("Salary &lt; 80k &amp; remote", note.body)
        bob = self.message_of("note", unmapped["id"], jane)
        self.assertFalse(bob.author_id, "Bob's seat is mapped to no Odoo user")
        self.assertIn("Bob Hiring", bob.email_from)

    def test_demo_script_never_reaches_the_chatter(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        run = self.sync()
        self.assertEqual(run.status, "done", run.error)
        bodies = self.linkedin_messages(jane).mapped("body")
        self.assertTrue(any("My updated CV is attached" in body for body in bodies))
        self.assertFalse([body for body in bodies if "<script" in body])

    def test_hostile_html_is_sanitised(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        hostile = {
            "unclosed": "<p>Hi</p><img src=x onerror=alert(1)",
            "handler": '<p onclick="alert(2)">Click</p>',
            "link": '<a href="javascript:alert(3)">CV</a>',
        }
        sent = {
            name: self.sandbox.admin.add_inmail(
                self.seats["alice"],
                self.jane_urn,
                "RECEIVED",
                subject=name,
                body=body,
                created_ms=self.now_ms() - HOUR_MS,
            )
            for name, body in hostile.items()
        }
        run = self.sync()
        self.assertEqual(run.status, "done", run.error)
        for name, event in sent.items():
            body = self.message_of("inmail", event["id"], jane).body
            with self.subTest(name=name):
                self.assertNotIn("onerror", body)
                self.assertNotIn("onclick", body)
                self.assertNotIn("javascript:", body)
                self.assertIn("Reply on LinkedIn Recruiter", body)

    def test_note_edit_updates_and_delete_removes(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        note = self.sandbox.admin.add_note(self.seats["alice"], self.jane_urn, "First")
        self.sync()
        message = self.message_of("note", note["id"], jane)

        self.sandbox.admin.edit_note(note["id"], "Second thoughts")
        run = self.sync()

        self.assertEqual(run.updated, 1)
        self.assertEqual(self.message_of("note", note["id"], jane), message)
        self.assertIn("Second thoughts", message.body)
        self.assertNotIn("First", message.body)

        self.sandbox.admin.delete_note(note["id"])
        run = self.sync()

        self.assertEqual(run.deleted, 1)
        self.assertFalse(message.exists())
        row = (
            self.env["linkedin.activity"]
            .with_context(active_test=False)
            .search([("kind", "=", "note"), ("external_id", "=", str(note["id"]))])
        )
        self.assertEqual(len(row), 1, "the deleted note keeps a tombstone")
        self.assertFalse(row.active)

    def test_other_contract_is_never_imported(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        self.sync()
        bodies = " ".join(self.linkedin_messages(jane).mapped("body"))
        self.assertIn("following up on Alice", bodies)
        self.assertNotIn("2999", bodies)
        staged = self.env["linkedin.activity"].with_context(active_test=False)
        self.assertFalse(staged.search([("body", "ilike", "2999")]))

    def test_rerun_imports_nothing_new(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        first = self.sync()
        self.assertGreater(first.created, 0)
        before = self.imported(jane)

        second = self.sync()

        self.assertEqual(second.status, "done", second.error)
        self.assertEqual(
            (second.created, second.updated, second.deleted, second.staged),
            (0, 0, 0, 0),
        )
        self.assertEqual(self.imported(jane), before)
        self.assertEqual(len(before), len(set(before)))

    def test_connection_after_the_activity_attaches_it_at_once(self):
        jane = self.create_applicant("Jane Doe", "jane.doe@example.com")
        self.sync()
        staged = self.env["linkedin.activity"].search(
            [("member_urn", "=", self.jane_urn)]
        )
        self.assertTrue(staged)
        self.assertFalse(self.linkedin_messages(jane))

        wizard = self.open_match_wizard(jane)
        wizard.with_user(self.recruiter).action_connect_best()

        self.assertEqual(
            self.imported(jane),
            sorted((row.kind, row.external_id) for row in staged),
        )
        self.assertEqual(
            self.imported(jane), self.expected({self.jane_urn}, self.backfill_start())
        )

    def test_import_notifies_mails_and_subscribes_nobody(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        jane.message_subscribe(partner_ids=self.officer.partner_id.ids)
        jane.message_subscribe(partner_ids=self.recruiter.partner_id.ids)
        models = ("mail.mail", "mail.notification", "mail.followers")
        before = {name: self.env[name].sudo().search_count([]) for name in models}

        run = self.sync()

        self.assertGreater(run.created, 0)
        after = {name: self.env[name].sudo().search_count([]) for name in models}
        self.assertEqual(after, before)

    def test_two_applicants_of_one_member_each_show_the_activity(self):
        first = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        second = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        self.entitle(second, "Second application")
        self.sync()
        self.sync()
        expected = self.expected({self.jane_urn}, self.backfill_start())
        self.assertTrue(expected)
        self.assertEqual(self.imported(first), expected)
        self.assertEqual(self.imported(second), expected)
        pairs = Counter(
            (m.linkedin_activity_id.id, m.res_id)
            for m in self.linkedin_messages(first) | self.linkedin_messages(second)
        )
        self.assertEqual(set(pairs.values()), {1})

    def test_reply_on_linkedin_opens_the_thread(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        with self.assertRaises(UserError):
            jane.action_linkedin_reply()
        event = self.sandbox.admin.add_inmail(
            self.seats["alice"], self.jane_urn, "SENT", body="Latest"
        )
        self.sync()

        action = jane.with_user(self.recruiter).action_linkedin_reply()

        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], event["threadUrl"])
        self.assertIn(
            event["threadUrl"], self.message_of("inmail", event["id"], jane).body
        )


@tagged("post_install", "-at_install")
class TestSyncSchedule(SyncCase):
    def test_interval_spending_over_half_the_limit_is_refused(self):
        self.env["linkedin.seat"].create(
            [
                {"seat_urn": f"urn:li:seat:9{index:04d}", "company_id": self.company.id}
                for index in range(200)
            ]
        )
        seats = self.backend._active_seat_count()
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.linkedin_projected_daily_calls, 96 * (seats + 2))
        self.assertEqual(settings.linkedin_daily_call_limit, 100000)
        with self.assertRaisesRegex(ValidationError, "more than half"):
            with Form(self.env["res.config.settings"]) as form:
                form.linkedin_sync_interval = 5
        self.backend.sync_interval = 30
        self.assertEqual(self.backend.sync_interval, 30)

    def test_cron_runs_the_import_and_respects_the_interval(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        cron = self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync")
        self.assertEqual(cron.user_id, self.env.ref("base.user_root"))

        self.run_cron("ir_cron_linkedin_sync")

        runs = self.Run.search([("company_id", "=", self.company.id)])
        self.assertEqual(len(runs), 1)
        self.assertEqual((runs.trigger, runs.status), ("cron", "done"), runs.error)
        self.assertEqual(
            self.imported(jane), self.expected({self.jane_urn}, self.backfill_start())
        )
        self.run_cron("ir_cron_linkedin_sync")
        self.assertEqual(
            self.Run.search_count([("company_id", "=", self.company.id)]),
            1,
            "a company whose last run is recent is skipped",
        )

    def test_sync_now_queues_a_run_that_the_cron_imports(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        cron = self.env.ref("linkedin_recruiter_connect.ir_cron_linkedin_sync")
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        settings = self.env["res.config.settings"].create({})

        action = settings.action_linkedin_sync_now()

        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("starts in a moment", action["params"]["message"])
        run = self.Run.search([("company_id", "=", self.company.id)])
        self.assertEqual((run.trigger, run.status), ("manual", "queued"))
        self.assertEqual(run.progress, "Waiting for the scheduler")
        self.assertFalse(self.imported(jane), "nothing is imported in the request")
        self.assertFalse(self.sandbox.admin.stats()["requests"].get("seatsV2"))
        self.assertGreater(
            len(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])),
            len(triggers),
        )
        again = settings.action_linkedin_sync_now()
        self.assertIn("already under way", again["params"]["message"])
        self.assertEqual(
            self.Run.search_count([("company_id", "=", self.company.id)]), 1
        )

        self.Run._cron_sync()

        self.assertEqual((run.trigger, run.status), ("manual", "done"), run.error)
        self.assertEqual(self.Run.search([("company_id", "=", self.company.id)]), run)
        self.assertGreater(run.created, 0)
        self.assertGreater(run.api_calls, 0)
        self.assertEqual(
            self.imported(jane), self.expected({self.jane_urn}, self.backfill_start())
        )

    def test_seat_cursors_advance_and_first_run_backfills(self):
        self.sync()
        seats = self.env["linkedin.seat"].search(
            [("company_id", "=", self.company.id), ("state", "=", "active")]
        )
        now = self.now_ms()
        for seat in seats:
            self.assertAlmostEqual(seat.linkedin_inmail_cursor_ms, now, delta=60000)
        self.assertAlmostEqual(
            self.backend.contract_ids.notes_cursor_ms, now, delta=60000
        )
        oldest = self.env["linkedin.activity"].search(
            [("kind", "=", "inmail")], order="linkedin_created_at", limit=1
        )
        self.assertGreaterEqual(
            oldest.linkedin_created_at, self.odoo_date(now - 36 * DAY_MS)
        )

    def test_foreign_contract_rows_are_dropped_and_counted(self):
        foreign = InMailEvent(
            external_id="999",
            thread_urn=None,
            contract=self.fixtures["other_contract"],
            seat_urn=self.seats["alice"],
            member_urn=self.jane_urn,
            author_urn=self.jane_urn,
            direction="RECEIVED",
            subject="Elsewhere",
            body="Other contract",
            created_ms=self.now_ms(),
        )
        engine = ImportEngine(
            self.backend, self.now_ms(), budget.Deadline(None), lambda _result: None
        )
        seat = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.seats["alice"])]
        )
        stream = _Stream(KINDS["inmail"], seat, self.fixtures["contract"], [])
        engine._stage(stream, [foreign])
        self.assertEqual(engine.result.counts["dropped"], 1)
        self.assertFalse(
            self.env["linkedin.activity"].search([("external_id", "=", "999")])
        )


@tagged("post_install", "-at_install")
class TestSyncWritePath(SyncCase):
    """Imported messages go through the ORM, exactly once per record."""

    def test_messages_are_created_through_mail_message_create(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        Message = type(self.env["mail.message"])
        created = []
        original = Message.create

        def spy(records, values_list):
            messages = original(records, values_list)
            created.extend(messages.filtered("linkedin_activity_id").ids)
            return messages

        with patch.object(Message, "create", spy):
            run = self.sync()

        self.assertEqual(run.status, "done", run.error)
        self.assertTrue(created)
        self.assertEqual(sorted(created), sorted(self.linkedin_messages(jane).ids))

    def test_the_database_refuses_a_second_message_of_an_activity(self):
        jane = self.connected("Jane Doe", "jane.doe@example.com", self.jane_urn)
        self.sync()
        message = self.linkedin_messages(jane)[:1]
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [UNIQUE_INDEX]
        )
        self.assertIn("(linkedin_activity_id, res_id)", self.env.cr.fetchone()[0])
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                message.copy({"linkedin_activity_id": message.linkedin_activity_id.id})
