# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..linkedin_recruiter_connect.schema import Seat
from .common import (
    SandboxCase,
    applicant_values,
    applications_of,
    create_person,
    stored_candidate,
)


@tagged("post_install", "-at_install")
class TestConnect(SandboxCase):
    def test_best_match_connects(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        wizard = self.open_match_wizard(applicant)

        self.assertFalse(wizard.show_all)
        self.assertEqual(wizard.best_line_id.member_urn, "urn:li:person:jane-doe")
        self.assertEqual(wizard.best_name, "Jane Doe")
        self.assertEqual(wizard.best_headline, "Senior Python Developer")
        self.assertEqual(wizard.best_location, "Brussels, Belgium")
        self.assertIn("mail", wizard.best_reason.lower())
        self.assertEqual(
            wizard.best_profile_url, "https://www.linkedin.com/in/jane-doe"
        )
        sent = stored_candidate(self.sandbox, applicant)
        self.assertEqual(sent["firstName"], "Jane")
        self.assertEqual(sent["emailAddresses"], ["jane.doe@example.com"])

        wizard.with_user(self.recruiter).action_connect_best()

        self.assertTrue(applicant.linkedin_connected)
        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:jane-doe")
        self.assertEqual(
            applicant.linkedin_profile, "https://www.linkedin.com/in/jane-doe"
        )
        self.assertEqual(applicant.linkedin_connected_by_id, self.recruiter)
        self.assertTrue(applicant.linkedin_connected_at)
        note = applicant.message_ids[0]
        self.assertIn("Connected to LinkedIn Recruiter profile", note.body)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(
            stored_candidate(self.sandbox, applicant)["manualMatchedMember"],
            "urn:li:person:jane-doe",
        )
        # the link is stored, so it survives a reload
        applicant.invalidate_recordset()
        self.assertTrue(applicant.linkedin_connected)

    def test_not_the_right_profile_lists_closest_matches(self):
        applicant = self.create_applicant("John Smith", "j.smith@unknown.example")
        wizard = self.open_match_wizard(applicant)
        rejected = wizard.best_line_id
        self.assertEqual(rejected.member_urn, "urn:li:person:john-smith")
        self.assertGreater(len(wizard.line_ids), 1)

        wizard.action_not_right_profile()

        self.assertTrue(wizard.show_all)
        self.assertTrue(rejected.rejected)
        ranked = wizard.line_ids.sorted("sequence")
        self.assertEqual(ranked[-1], rejected, "the rejected profile goes last")
        self.assertEqual(ranked[0].member_urn, "urn:li:person:jon-smith")
        self.assertTrue(all(line.reason for line in ranked))
        scores = [line.score for line in ranked[:-1]]
        self.assertEqual(scores, sorted(scores, reverse=True))

        ranked[0].with_user(self.recruiter).action_select()

        self.assertEqual(applicant.linkedin_member_urn, "urn:li:person:jon-smith")
        self.assertEqual(
            applicant.linkedin_profile,
            "https://www.linkedin.com/in/jon-smith-analyst",
        )

    def test_missing_name_and_email_are_named(self):
        cases = [
            ({"partner_name": "Nona Me", "email_from": "x@example.com"}, "name"),
            ({"partner_name": "Nomail Person"}, "email"),
        ]
        for values, missing in cases:
            with self.subTest(missing=missing):
                applicant = create_person(
                    self.env,
                    applicant_values(
                        values.pop("partner_name"), "Incomplete", **values
                    ),
                )
                if missing == "name":
                    applicant.partner_name = False
                with self.assertRaises(UserError) as caught:
                    applicant.with_user(self.recruiter).action_linkedin_connect()
                self.assertIn(
                    f"fill in the applicant's {missing}", str(caught.exception)
                )
        applicant = create_person(self.env, applicant_values(False, "Nobody"))
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_connect()
        self.assertIn(
            "fill in the applicant's name and the applicant's email",
            str(caught.exception),
        )

    def test_disabled_integration_points_to_settings(self):
        self.backend.enabled = False
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_connect()
        self.assertIn("Recruitment > Configuration > Settings", str(caught.exception))

    def test_recruiter_lite_is_refused_with_the_reason(self):
        self.backend.write(
            {
                "client_id": "lite-client",
                "client_secret": "lite-secret",
                "organization_urn": "urn:li:organization:1001",
                "contract_urn": "urn:li:contract:3000",
                "require_seat": False,
            }
        )
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.officer).action_linkedin_connect()
        self.assertIn("Recruiter Lite is not supported", str(caught.exception))
        self.assertFalse(applicant.linkedin_connected)

    def test_wrong_secret_is_reported_without_the_secret(self):
        self.backend.client_secret = "wrong-secret-value"
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_connect()
        message = str(caught.exception)
        self.assertIn("refused the credentials", message)
        self.assertNotIn("wrong-secret-value", message)

    def test_user_without_seat_is_refused_unless_relaxed(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.officer).action_linkedin_connect()
        self.assertIn("no active LinkedIn Recruiter seat", str(caught.exception))
        self.assertIn("LinkedIn Recruiter > Seats", str(caught.exception))

        self.backend.require_seat = False
        wizard = self.open_match_wizard(applicant, user=self.officer)
        self.assertEqual(wizard.best_line_id.member_urn, "urn:li:person:jane-doe")

    def test_interviewer_cannot_connect(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        applications_of(applicant).interviewer_ids = self.interviewer
        with self.assertRaises(AccessError) as caught:
            applicant.with_user(self.interviewer).action_linkedin_connect()
        self.assertIn("Only recruitment officers and managers", str(caught.exception))
        view = self.env["hr.applicant"].with_user(self.interviewer).get_view()
        self.assertNotIn("action_linkedin_connect", view["arch"])
        view = self.env["hr.applicant"].with_user(self.recruiter).get_view()
        self.assertIn("action_linkedin_connect", view["arch"])

    def test_unconfigured_company_is_refused(self):
        applicant = self.create_applicant(
            "Jane Doe", "jane.doe@example.com", company_id=self.other_company.id
        )
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).with_company(
                self.other_company
            ).action_linkedin_connect()
        self.assertIn("not enabled for Other Co", str(caught.exception))

    def test_linkedin_error_leaves_the_applicant_unconnected(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        self.sandbox.admin.set_fault("atsCandidates", "malformed")
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_connect()
        self.assertIn(
            "LinkedIn answered with something unexpected", str(caught.exception)
        )
        self.assertFalse(applicant.linkedin_connected)

    def test_error_while_choosing_keeps_the_applicant_unconnected(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        wizard = self.open_match_wizard(applicant)
        self.sandbox.admin.set_fault("atsCandidates", "malformed")
        with self.assertRaises(UserError):
            wizard.with_user(self.recruiter).action_connect_best()
        self.assertFalse(applicant.linkedin_connected)
        self.assertFalse(applicant.linkedin_member_urn)

    def test_already_connected_is_refused(self):
        applicant = self.create_applicant("Jane Doe", "jane.doe@example.com")
        self.open_match_wizard(applicant).action_connect_best()
        with self.assertRaises(UserError) as caught:
            applicant.with_user(self.recruiter).action_linkedin_connect()
        self.assertIn("already connected", str(caught.exception))


@tagged("post_install", "-at_install")
class TestSeats(SandboxCase):
    def test_seats_are_synced_and_mapped_by_email(self):
        seats = self.env["linkedin.seat"].search([("company_id", "=", self.company.id)])
        by_urn = {seat.seat_urn: seat for seat in seats}
        alice = by_urn[self.fixtures["seats"]["alice"]]
        self.assertEqual(alice.user_id, self.recruiter)
        self.assertEqual(alice.holder_name, "Alice Recruiter")
        self.assertEqual(alice.state, "active")
        self.assertFalse(by_urn[self.fixtures["seats"]["bob"]].user_id)
        self.assertNotIn(self.fixtures["seats"]["zoe_other_contract"], by_urn)
        self.assertNotIn(self.fixtures["seats"]["frank_inactive"], by_urn)

    def test_a_seat_without_email_is_mapped_by_its_holder_s_name(self):
        dan = self._create_user("dan", "hr_recruitment.group_hr_recruitment_user")
        dan.name = "Dan  TALENT"
        self._create_user("dana", "hr_recruitment.group_hr_recruitment_user")
        listed = [
            Seat("urn:li:seat:9001", "9001", None, "Dan", "Talent"),
            Seat("urn:li:seat:9002", "9002", None, "Dana", "Nobody"),
        ]
        contract = self.backend.contract_ids[:1]

        seats = self.env["linkedin.seat"]._sync_from_linkedin(contract, listed)

        by_urn = {seat.seat_urn: seat for seat in seats}
        self.assertEqual(by_urn["urn:li:seat:9001"].user_id, dan)
        self.assertFalse(by_urn["urn:li:seat:9002"].user_id, "no user of that name")

    def test_refresh_is_idempotent_and_keeps_manual_mapping(self):
        bob = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.fixtures["seats"]["bob"])]
        )
        bob.user_id = self.officer
        before = self.env["linkedin.seat"].search_count([])
        self.backend._refresh_seats()
        self.assertEqual(self.env["linkedin.seat"].search_count([]), before)
        self.assertEqual(bob.user_id, self.officer)

    def test_one_seat_per_user_and_company(self):
        bob = self.env["linkedin.seat"].search(
            [("seat_urn", "=", self.fixtures["seats"]["bob"])]
        )
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            bob.user_id = self.recruiter
            bob.flush_recordset()

    def test_officer_reads_but_cannot_remap_seats(self):
        seats = self.env["linkedin.seat"].with_user(self.recruiter).search([])
        self.assertTrue(seats)
        with self.assertRaises(AccessError):
            seats[0].user_id = self.recruiter

    def test_profile_already_connected_to_another_applicant_is_pointed_out(self):
        first = self.create_applicant("Jane Doe", "jane.doe@example.com")
        self.entitle(first, "First application")
        self.open_match_wizard(first).action_connect_best()
        second = self.create_applicant("Jane Doe", "jane.doe@example.com")
        self.entitle(second, "Second application")

        wizard = self.open_match_wizard(second)

        self.assertEqual(wizard.best_line_id.connected_applicant_ids, first)
        warning = wizard.best_connected_warning
        self.assertIn("Already connected to", warning)
        self.assertIn(f"/web#id={first.id}&amp;model={first._name}", warning)
        self.assertIn("Jane Doe</a> (First application)", warning)
        others = wizard.line_ids - wizard.best_line_id
        self.assertFalse(any(others.mapped("connected_warning")), "Jane's only")
        john = self.create_applicant("John Smith", "j.smith@unknown.example")
        self.assertFalse(self.open_match_wizard(john).best_connected_warning)
