# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .. import compat
from .common import PERSON_MODEL, applications_of
from .disconnect_common import JANE_EMAIL, JANE_PROFILE, JANE_URN, DisconnectCase


@tagged("post_install", "-at_install")
class TestMerge(DisconnectCase):
    def merge_wizard(self, applicants, user=None, **context):
        """The wizard as the list view's "Merge Applicants" action opens it."""
        Merge = self.env["hr.applicant.merge"].with_user(user or self.recruiter)
        Merge = Merge.with_context(
            active_model=PERSON_MODEL, active_ids=applicants.ids, **context
        )
        return Merge.create({})

    def set_created(self, applicant, days_ago):
        applicant.flush_recordset()
        when = datetime.now() - timedelta(days=days_ago)
        self.env.cr.execute(
            f"UPDATE {applicant._table} SET create_date = %s WHERE id = %s",
            (when, applicant.id),
        )
        applicant.invalidate_recordset(["create_date"])

    def test_list_action_is_bound_to_applicants(self):
        action = self.env.ref("linkedin_recruiter_connect.hr_applicant_merge_action")
        self.assertEqual(action.binding_model_id.model, PERSON_MODEL)
        self.assertEqual(action.binding_view_types, "list")
        self.assertEqual(action.target, "new")
        self.assertIn(
            self.env.ref("hr_recruitment.group_hr_recruitment_user"),
            action[compat.GROUPS_FIELD],
        )

    def test_default_primary_is_oldest_connected_else_oldest(self):
        old = self.create_applicant("Jane Old", JANE_EMAIL)
        connected = self.create_applicant("Jane Connected", JANE_EMAIL)
        newest = self.create_applicant("Jane New", JANE_EMAIL)
        self.set_created(old, 30)
        self.set_created(connected, 20)
        self.set_created(newest, 10)
        applicants = old | connected | newest

        self.assertEqual(self.merge_wizard(applicants).primary_id, old)
        connected.linkedin_member_urn = JANE_URN
        self.assertEqual(self.merge_wizard(applicants).primary_id, connected)

    def test_moves_activities_attachments_meetings_tags(self):
        jane, twin = (
            self.create_applicant("Jane", JANE_EMAIL),
            self.create_applicant("Jane Twin", JANE_EMAIL),
        )
        tags = self.env["hr.applicant.category"].create(
            [{"name": "Python"}, {"name": "Remote"}]
        )
        jane.categ_ids = tags[0]
        twin.categ_ids = tags
        attachment = self.env["ir.attachment"].create(
            {
                "name": "cv.pdf",
                "raw": b"%PDF-1.4 cv",
                "res_model": PERSON_MODEL,
                "res_id": twin.id,
            }
        )
        activity = twin.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call back", user_id=self.env.uid
        )
        meeting = self.env["calendar.event"].create(
            {
                "name": "Interview",
                "start": datetime.now(),
                "stop": datetime.now() + timedelta(hours=1),
                twin._linkedin_person_field: twin.id,
                "res_model_id": self.env["ir.model"]._get_id(PERSON_MODEL),
                "res_id": twin.id,
            }
        )

        # since 19.0 the meeting is an activity of the applicant too
        activities = twin.activity_ids
        self.assertEqual(len(activities), 1 if compat.SERIES < (19, 0) else 2)
        wizard = self.merge_wizard(jane | twin)
        self.assertEqual(wizard.primary_id, jane)
        counted = "1 activity" if len(activities) == 1 else "2 activities"
        self.assertIn(f"1 attachment, {counted}", wizard.preview)
        # a candidate's applications move with it (18.0)
        moved = (
            "1 meeting, 1 tag and 1 application."
            if PERSON_MODEL == "hr.candidate"
            else "1 meeting and 1 tag."
        )
        self.assertIn(moved, wizard.preview)
        self.assertNotIn("(s)", wizard.preview)
        # A count of 0, not the last digit of a creation time ("3:18:30 PM").
        self.assertNotRegex(
            wizard.preview, r"\b0 ", "nothing said of what does not move"
        )
        wizard.action_merge()

        self.assertEqual(
            (attachment.res_model, attachment.res_id), (PERSON_MODEL, jane.id)
        )
        self.assertEqual(activities.mapped("res_id"), [jane.id] * len(activities))
        self.assertLessEqual(activity | activities, jane.activity_ids)
        self.assertEqual(meeting[jane._linkedin_person_field], jane)
        self.assertEqual(meeting.res_id, jane.id)
        self.assertEqual(jane.categ_ids, tags)
        self.assertTrue(jane.active)
        self.assertFalse(twin.active)
        self.assertTrue(twin.exists(), "archived, never deleted")

    def test_followers_are_deduplicated(self):
        jane = self.create_applicant("Jane", JANE_EMAIL)
        twin = self.create_applicant("Jane Twin", JANE_EMAIL)
        third = self.create_applicant("Jane Third", JANE_EMAIL)
        shared, only_twin = self.env["res.partner"].create(
            [{"name": "Shared follower"}, {"name": "Twin follower"}]
        )
        jane.message_subscribe(partner_ids=shared.ids)
        twin.message_subscribe(partner_ids=(shared | only_twin).ids)
        third.message_subscribe(partner_ids=only_twin.ids)

        self.merge_wizard(jane | twin | third).action_merge()

        followers = self.env["mail.followers"].search(
            [("res_model", "=", PERSON_MODEL), ("res_id", "=", jane.id)]
        )
        partners = followers.mapped("partner_id")
        self.assertEqual(len(followers), len(partners), "each partner once")
        self.assertIn(shared, partners)
        self.assertIn(only_twin, partners)

    def test_linkedin_messages_are_not_duplicated_and_notes_link_back(self):
        jane = self.connected_jane()
        twin = self.connected_jane("Jane Twin")
        shared, own = self.activity("inmail-1"), self.activity("inmail-2")
        kept = self.imported_message(jane, shared)
        twin_copy = self.imported_message(twin, shared)
        twin_own = self.imported_message(twin, own)

        wizard = self.merge_wizard(jane | twin)
        self.assertIn(
            "1 LinkedIn message the kept applicant already has stays", wizard.preview
        )
        wizard.action_merge()

        self.assertEqual(self.messages(jane, linkedin_activity_id=shared.id), kept)
        self.assertEqual(self.messages(jane, linkedin_activity_id=own.id), twin_own)
        self.assertEqual(twin_copy.res_id, twin.id, "the duplicate copy stays")
        # the LinkedIn link and the staging rows are kept
        self.assertEqual(jane.linkedin_member_urn, JANE_URN)
        self.assertEqual(self.manual_match(jane), JANE_URN)
        self.assertTrue((shared | own).exists())
        # a note on each side
        note = twin.message_ids[0]
        self.assertIn("Merged into", note.body)
        self.assertIn(f'data-oe-id="{jane.id}"', note.body)
        summary = jane.message_ids[0]
        self.assertIn("into this applicant", summary.body)
        self.assertIn(f'data-oe-id="{twin.id}"', summary.body)

    def test_unconnected_primary_inherits_the_link(self):
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        twin = self.connected_jane("Jane Twin")
        wizard = self.merge_wizard(jane | twin)
        wizard.primary_id = jane
        self.assertIn(JANE_URN, wizard.preview)

        wizard.action_merge()

        self.assertEqual(jane.linkedin_member_urn, JANE_URN)
        self.assertEqual(jane.linkedin_profile, JANE_PROFILE)
        self.assertTrue(jane.linkedin_profile_from_linkedin)
        self.assertFalse(twin.active)

    def test_archived_applicants_from_other_applications(self):
        jane = self.create_applicant("Jane", JANE_EMAIL)
        archived = self.create_applicant("Jane Archived", JANE_EMAIL, active=False)
        action = getattr(jane, compat.OTHER_APPLICATIONS_ACTION)()
        found = (
            self.env[action["res_model"]]
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertEqual(found, jane | archived)

        wizard = self.merge_wizard(found, active_test=False)
        self.assertEqual(wizard.applicant_ids, jane | archived)
        wizard.primary_id = jane
        wizard.action_merge()
        self.assertTrue(jane.active)
        self.assertIn("Merged into", archived.message_ids[0].body)

    def test_other_company_is_refused(self):
        jane = self.create_applicant("Jane", JANE_EMAIL)
        abroad = self.create_applicant(
            "Jane Abroad", JANE_EMAIL, company_id=self.other_company.id
        )
        companies = (self.company | self.other_company).ids
        wizard = self.merge_wizard(jane | abroad, allowed_company_ids=companies)
        with self.assertRaises(UserError) as caught:
            wizard.action_merge()
        self.assertIn("Only applicants of the same company", str(caught.exception))
        self.assertIn("Other Co", str(caught.exception))
        self.assertTrue(abroad.active)

    def test_fewer_than_two_is_refused(self):
        jane = self.create_applicant("Jane", JANE_EMAIL)
        wizard = self.merge_wizard(jane)
        with self.assertRaises(UserError) as caught:
            wizard.action_merge()
        self.assertIn("at least two applicants", str(caught.exception))

    def test_interviewer_is_refused(self):
        jane = self.create_applicant("Jane", JANE_EMAIL)
        twin = self.create_applicant("Jane Twin", JANE_EMAIL)
        applications_of(jane | twin).interviewer_ids = self.interviewer
        with self.assertRaises(AccessError) as caught:
            self.merge_wizard(jane | twin, user=self.interviewer)
        self.assertIn(
            "Only recruitment officers and managers can merge applicants",
            str(caught.exception),
        )
        wizard = self.merge_wizard(jane | twin)
        with self.assertRaises(AccessError):
            wizard.with_user(self.interviewer).action_merge()
        self.assertTrue(twin.active)

    def test_skills_are_moved_when_the_module_is_installed(self):
        skills = f"{PERSON_MODEL}.skill"
        if skills not in self.env:
            self.skipTest("hr_recruitment_skills is not installed")
        jane = self.create_applicant("Jane", JANE_EMAIL)
        twin = self.create_applicant("Jane Twin", JANE_EMAIL)
        skill_type = self.env["hr.skill.type"].create(
            {
                "name": "Languages",
                "skill_ids": [Command.create({"name": "Dutch"})],
                "skill_level_ids": [
                    Command.create({"name": "C1", "level_progress": 90})
                ],
            }
        )
        values = {
            "skill_id": skill_type.skill_ids.id,
            "skill_level_id": skill_type.skill_level_ids.id,
            "skill_type_id": skill_type.id,
        }
        field = jane._linkedin_person_field
        self.env[skills].create(
            [dict(values, **{field: jane.id}), dict(values, **{field: twin.id})]
        )
        self.merge_wizard(jane | twin).action_merge()
        self.assertEqual(len(self.env[skills].search([(field, "=", jane.id)])), 1)

    def test_preview_tells_namesakes_apart(self):
        job = self.env["hr.job"].create({"name": "Backend Developer"})
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        twin = self.create_applicant("Jane Doe", JANE_EMAIL, job_id=job.id)
        stage = applications_of(twin).stage_id.name
        if compat.APPLICANT_HAS_NAME:
            twin.name = "Backend role"
            kept = "Keep Jane Doe, Jane Doe application (created"
            other = f"Jane Doe, Backend role (Backend Developer, {stage}, created"
        else:  # the job position is the application's title (the candidate's
            # applications' from 18.0)
            kept = "Keep Jane Doe, Application (created"
            other = f"Jane Doe, Backend Developer ({stage}, created"
        self.set_created(jane, 2)
        wizard = self.merge_wizard(jane | twin)
        self.assertIn(kept, wizard.preview)
        self.assertIn(other, wizard.preview)
        self.assertTrue(stage)
        self.assertIn(str(fields.Date.today().year), wizard.preview)

    def test_plural_forms_follow_the_count(self):
        jane = self.create_applicant("Jane", JANE_EMAIL)
        twin = self.create_applicant("Jane Twin", JANE_EMAIL)
        for summary in ("Call back", "Send offer"):
            twin.activity_schedule(
                "mail.mail_activity_data_todo", summary=summary, user_id=self.env.uid
            )
        preview = self.merge_wizard(jane | twin).preview
        self.assertIn("2 activities", preview)
        self.assertIn(
            "2 activities, 1 follower and 1 application."
            if PERSON_MODEL == "hr.candidate"
            else "2 activities and 1 follower.",
            preview,
        )
        self.assertNotIn("(ies)", preview)

    def test_different_people_are_warned_first(self):
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        john = self.create_applicant("John Smith", "john.smith@example.com")
        wizard = self.merge_wizard(jane | john)
        self.assertIn("look like different people", wizard.difference)
        for detail in ("Jane Doe", "John Smith", JANE_EMAIL, "john.smith@example.com"):
            self.assertIn(detail, wizard.difference)
        with self.assertRaises(UserError) as caught:
            wizard.action_merge()
        self.assertIn("They are the same person", str(caught.exception))
        self.assertTrue(john.active, "nothing merged without the confirmation")

        wizard.confirm_different = True
        wizard.action_merge()
        self.assertFalse(john.active)

    def test_same_person_by_email_or_name_merges_without_warning(self):
        jane = self.create_applicant("Jane Doe", JANE_EMAIL)
        renamed = self.create_applicant("Jane Smith", JANE_EMAIL)
        accented = self.create_applicant("Jäne Doe", "jane@elsewhere.example")
        self.assertFalse(self.merge_wizard(jane | renamed).difference)
        self.assertFalse(self.merge_wizard(jane | accented).difference)


if compat.HAS_TALENT_POOLS:

    @tagged("post_install", "-at_install")
    class TestMergeTalentPools(DisconnectCase):
        """19.0's talent pools: Odoo's own duplicate signals find what the
        LinkedIn link finds, and a merge keeps every pool membership."""

        merge_wizard = TestMerge.merge_wizard
        set_created = TestMerge.set_created

        @classmethod
        def setUpClass(cls):
            super().setUpClass()
            Pool = cls.env["hr.talent.pool"]
            cls.python_pool = Pool.create({"name": "Python developers"})
            cls.remote_pool = Pool.create({"name": "Remote"})

        def test_odoo_finds_the_applicants_linkedin_connects_to_one_member(self):
            jane = self.connected_jane("Jane Doe", "jane@home.example")
            twin = self.connected_jane("Jane Doe", "jane@work.example")
            self.assertEqual(jane._linkedin_connected_duplicates(), twin)
            similar = self.env["hr.applicant"].search(
                jane._get_similar_applicants_domain()
            )
            self.assertEqual(similar, jane | twin, "the same LinkedIn profile")
            # the form's "Applications" count includes the applicant itself
            self.assertEqual(jane.application_count, 2)

        def test_the_kept_applicant_joins_the_merged_talents_pools(self):
            jane = self.create_applicant("Jane", JANE_EMAIL)
            talent = self.create_applicant("Jane Talent", JANE_EMAIL)
            talent.write(
                {
                    "talent_pool_ids": [Command.set(self.python_pool.ids)],
                    "pool_applicant_id": talent.id,
                }
            )
            application = self.create_applicant("Jane again", JANE_EMAIL)
            application.pool_applicant_id = talent
            self.set_created(jane, 2)

            wizard = self.merge_wizard(jane | talent)
            self.assertEqual(wizard.primary_id, jane)
            wizard.action_merge()

            self.assertFalse(talent.active)
            self.assertEqual(jane.talent_pool_ids, self.python_pool)
            self.assertEqual(jane.pool_applicant_id, jane, "now the talent")
            self.assertEqual(application.pool_applicant_id, jane)
            self.assertEqual(jane.talent_pool_count, 1)

        def test_a_talent_outside_the_merge_keeps_the_pools(self):
            talent = self.create_applicant("Jane Talent", JANE_EMAIL)
            talent.write(
                {
                    "talent_pool_ids": [Command.set(self.python_pool.ids)],
                    "pool_applicant_id": talent.id,
                }
            )
            jane = self.create_applicant("Jane", JANE_EMAIL)
            twin = self.create_applicant("Jane Twin", JANE_EMAIL)
            twin.pool_applicant_id = talent
            other_talent = self.create_applicant("Jane Remote", JANE_EMAIL)
            other_talent.write(
                {
                    "talent_pool_ids": [Command.set(self.remote_pool.ids)],
                    "pool_applicant_id": other_talent.id,
                }
            )

            wizard = self.merge_wizard(jane | twin | other_talent)
            wizard.primary_id = jane
            wizard.action_merge()

            self.assertEqual(jane.pool_applicant_id, talent)
            both = self.python_pool | self.remote_pool
            self.assertEqual(talent.talent_pool_ids, both)
            self.assertTrue(talent.active)
