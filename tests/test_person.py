# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""LinkedIn links a person: the applicant, in 18.0 the candidate that all
of the person's applications share. An application shows its person's link
and its LinkedIn buttons act on the person."""

from odoo.tests import tagged

from .common import (
    PERSON_MODEL,
    applicant_values,
    applications_of,
    create_application,
    person_of,
)
from .disconnect_common import JANE_EMAIL, JANE_URN, DisconnectCase
from .sync_common import SyncCase

CANDIDATES = PERSON_MODEL == "hr.candidate"


@tagged("post_install", "-at_install")
class TestThePersonOfAnApplication(DisconnectCase, SyncCase):
    def application(self, name="Jane Doe", email=JANE_EMAIL, **values):
        return create_application(
            self.env, applicant_values(name, email_from=email, **values)
        )

    def test_connecting_from_the_application_connects_its_person(self):
        application = self.application()
        person = person_of(application)
        action = application.with_user(self.recruiter).action_linkedin_connect()
        wizard = self.env["linkedin.match.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.applicant_id, person)

        wizard.with_user(self.recruiter).action_connect_best()
        self.assertEqual(person.linkedin_member_urn, JANE_URN)
        self.assertTrue(application.linkedin_connected, "the application shows it")
        self.assertEqual(application.linkedin_member_urn, JANE_URN)
        self.assertEqual(application.linkedin_connected_by_id, self.recruiter)
        self.assertEqual(
            self.manual_match(person), JANE_URN, "LinkedIn knows the person"
        )

    def test_disconnecting_from_the_application_disconnects_its_person(self):
        person = self.connected_jane()
        application = applications_of(person)
        wizard = self.disconnect_wizard(application)
        self.assertEqual(wizard.applicant_id, person)

        wizard.action_disconnect()
        self.assertFalse(person.linkedin_connected)
        self.assertFalse(application.linkedin_connected)
        self.assertTrue(person.linkedin_auto_match_blocked)
        self.assertIn(
            "Disconnected from LinkedIn Recruiter", person.message_ids[0].body
        )

    def test_inmails_and_notes_land_in_the_persons_chatter_only(self):
        person = self.connected("Jane Doe", JANE_EMAIL, self.jane_urn)
        self.sync()
        expected = self.expected({self.jane_urn}, self.backfill_start())
        self.assertTrue(expected)
        self.assertEqual(self.imported(person), expected)
        imported = self.env["mail.message"].search(
            [("linkedin_activity_id", "!=", False)]
        )
        self.assertEqual(set(imported.mapped("model")), {PERSON_MODEL})
        self.assertLessEqual(imported, person.message_ids)

    def test_both_forms_show_the_linkedin_state(self):
        for model in {"hr.applicant", PERSON_MODEL}:
            with self.subTest(model=model):
                arch = self.env[model].get_view(view_type="form")["arch"]
                for shown in (
                    "LinkedIn Recruiter connected",
                    "action_linkedin_connect",
                    "action_linkedin_disconnect",
                    "action_linkedin_remove_data",
                ):
                    self.assertIn(shown, arch)


if CANDIDATES:

    @tagged("post_install", "-at_install")
    class TestTheCandidateIsThePerson(DisconnectCase, SyncCase):
        """18.0: the person is the candidate that all of its applications
        share."""

        def test_two_applications_of_a_candidate_share_its_link_and_chatter(self):
            person = self.connected("Jane Doe", JANE_EMAIL, self.jane_urn)
            first = person.applicant_ids
            job = self.env["hr.job"].create({"name": "Second job"})
            second = self.env["hr.applicant"].create(
                {"candidate_id": person.id, "job_id": job.id}
            )
            self.assertTrue(second.linkedin_connected)
            self.assertEqual(second.linkedin_member_urn, self.jane_urn)
            self.assertFalse(
                person._linkedin_connected_duplicates(), "one person, not a duplicate"
            )

            self.sync()
            self.sync()
            expected = self.expected({self.jane_urn}, self.backfill_start())
            self.assertEqual(self.imported(person), expected, "each activity once")
            on_applications = self.env["mail.message"].search(
                [
                    ("model", "=", "hr.applicant"),
                    ("res_id", "in", (first | second).ids),
                    ("linkedin_activity_id", "!=", False),
                ]
            )
            self.assertFalse(on_applications)

        def test_duplicates_are_other_candidates_of_the_member(self):
            jane = self.connected_jane()
            twin = self.connected_jane("Jane D. Twin")
            wizard = self.disconnect_wizard(jane.applicant_ids)
            self.assertEqual(wizard.applicant_id, jane)
            self.assertEqual(wizard.duplicate_ids, twin)
            self.assertEqual(wizard.duplicate_ids._name, "hr.candidate")

        def test_the_merge_merges_candidates_and_moves_their_applications(self):
            jane = self.connected_jane()
            twin = self.create_applicant("Jane D. Twin", JANE_EMAIL)
            applications = jane.applicant_ids | twin.applicant_ids
            merge = (
                self.env["hr.applicant.merge"]
                .with_user(self.recruiter)
                .with_context(active_model="hr.candidate", active_ids=(jane | twin).ids)
                .create({})
            )
            self.assertEqual(merge.primary_id, jane, "the connected candidate is kept")
            self.assertIn("1 application", merge.preview)

            merge.action_merge()
            self.assertEqual(jane.applicant_ids, applications)
            self.assertTrue(all(applications.mapped("active")))
            self.assertTrue(all(applications.mapped("linkedin_connected")))
            self.assertFalse(twin.active)
            self.assertFalse(twin.applicant_ids)
