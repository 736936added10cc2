# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Connecting through LinkedIn's Enhanced Profile Widget, server side.

The widget (LinkedIn's UI, in the browser) sets or clears the candidate's
manual match at LinkedIn itself and then calls the page's ``onlink`` /
``onunlink``; here LinkedIn's side of that is played with the API call the
widget's choice amounts to, against the sandbox over real HTTP.
"""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import applications_of
from .disconnect_common import JANE_EMAIL, JANE_URN, DisconnectCase

JANE_PARIS_URN = "urn:li:person:jane-doe-paris"


@tagged("post_install", "-at_install")
class TestProfileWidget(DisconnectCase):
    def widget_links(self, applicant, member_urn):
        """LinkedIn's side of a user choosing ``member_urn`` in the widget."""
        with self.backend._client() as client:
            client.set_manual_match(
                applicant.id, self.backend.organization_urn, member_urn
            )

    def synced(self, name="Jane Doe", email=JANE_EMAIL):
        applicant = self.create_applicant(name, email)
        applicant.with_user(self.recruiter).action_linkedin_widget_sync()
        return applicant

    def chatter_notes(self, applicant):
        return applicant.message_ids.filtered(
            lambda message: "Connected to LinkedIn Recruiter" in (message.body or "")
        )

    def test_connect_opens_the_widget_when_linkedin_names_no_match(self):
        applicant = self.create_applicant(
            "Quentin Zyxwvut", self.fixtures["unmatched_email"]
        )

        action = applicant.with_user(self.recruiter).action_linkedin_connect()

        self.assertEqual(action["tag"], "linkedin_recruiter_connect.profile_widget")
        self.assertEqual(action["target"], "new")
        self.assertEqual(
            action["params"], {"model": applicant._name, "res_id": applicant.id}
        )
        self.assertEqual(
            self.manual_match(applicant), None, "synced, and nothing linked yet"
        )
        self.assertFalse(applicant.linkedin_connected)

    def test_the_widget_gets_the_company_s_loader_and_candidate(self):
        applicant = self.create_applicant("Jane Doe", JANE_EMAIL)

        config = applicant.with_user(self.recruiter).linkedin_widget_config()

        rsc = self.fixtures["clients"]["rsc"]
        self.assertEqual(
            config,
            {
                "loader_url": f"{self.sandbox.url}/xdoor/scripts/in.js",
                "extension_url": f"{self.sandbox.url}/rsc/extensions/profile-widget",
                "api_key": rsc["client_id"],
                "integration_context": rsc["organization"],
                "integration_contract": self.fixtures["contract"],
                "candidate_id": str(applicant.id),
                "connected": False,
            },
        )
        self.assertNotIn(rsc["client_secret"], str(config))

    def test_a_link_linkedin_confirms_connects_once(self):
        applicant = self.synced()
        self.widget_links(applicant, JANE_PARIS_URN)

        answer = applicant.with_user(self.recruiter).action_linkedin_widget_linked(
            JANE_PARIS_URN
        )
        applicant.with_user(self.recruiter).action_linkedin_widget_linked(
            JANE_PARIS_URN
        )

        self.assertTrue(applicant.linkedin_connected)
        self.assertEqual(applicant.linkedin_member_urn, JANE_PARIS_URN)
        self.assertEqual(applicant.linkedin_connected_by_id, self.recruiter)
        self.assertEqual(answer, {"warning": False}, "nobody else is connected")
        (note,) = self.chatter_notes(applicant)
        self.assertIn("in LinkedIn's profile widget", note.body)
        self.assertNotIn("urn:li:person", note.body)

    def test_a_link_to_a_member_others_hold_warns_of_the_duplicate(self):
        first = self.connected_jane("Jane Doe")
        applicant = self.synced("Jane Doe", JANE_EMAIL)
        self.widget_links(applicant, JANE_URN)

        answer = applicant.with_user(self.recruiter).action_linkedin_widget_linked(
            JANE_URN
        )

        self.assertTrue(applicant.linkedin_connected)
        self.assertIn(
            f"Also connected to this LinkedIn Recruiter profile: {first.partner_name}",
            answer["warning"],
        )
        self.assertIn("merge them", answer["warning"])

    def test_a_forged_link_is_refused_and_connects_nothing(self):
        applicant = self.synced()
        self.widget_links(applicant, JANE_URN)

        with self.assertRaisesRegex(UserError, "LinkedIn does not confirm"):
            applicant.with_user(self.recruiter).action_linkedin_widget_linked(
                "urn:li:person:john-smith"
            )

        self.assertFalse(applicant.linkedin_connected)
        self.assertFalse(self.chatter_notes(applicant))
        self.assertEqual(self.manual_match(applicant), JANE_URN)

    def test_without_a_manual_match_a_best_guess_is_not_a_link(self):
        applicant = self.synced("John Smith", "j.smith@unknown.example")

        with self.assertRaisesRegex(UserError, "LinkedIn does not confirm"):
            applicant.with_user(self.recruiter).action_linkedin_widget_linked(
                "urn:li:person:john-smith"
            )
        self.assertFalse(applicant.linkedin_connected)

    def test_linkedin_s_single_match_confirms_a_link_without_a_manual_one(self):
        ahmed = self.synced("Ahmed Khan", "a.khan@example.net")
        self.assertIsNone(self.manual_match(ahmed))

        ahmed.with_user(self.recruiter).action_linkedin_widget_linked(
            "urn:li:person:ahmed-khan"
        )

        self.assertEqual(ahmed.linkedin_member_urn, "urn:li:person:ahmed-khan")

    def test_a_malformed_member_is_refused(self):
        applicant = self.synced()
        for member in ("", "urn:li:person:", "javascript:alert(1)", None, 42):
            with (
                self.subTest(member=member),
                self.assertRaisesRegex(UserError, "sent no valid member"),
            ):
                applicant.with_user(self.recruiter).action_linkedin_widget_linked(
                    member
                )
        self.assertFalse(applicant.linkedin_connected)

    def test_a_person_connected_elsewhere_is_not_relinked(self):
        applicant = self.connected_jane()
        self.widget_links(applicant, JANE_PARIS_URN)

        with self.assertRaisesRegex(UserError, "is already connected"):
            applicant.with_user(self.recruiter).action_linkedin_widget_linked(
                JANE_PARIS_URN
            )
        self.assertEqual(applicant.linkedin_member_urn, JANE_URN)

    def test_an_unlink_opens_the_disconnect_wizard_with_the_duplicate(self):
        applicant = self.connected_jane()
        duplicate = self.connected_jane("Jane Doe (copy)")

        action = applicant.with_user(self.recruiter).action_linkedin_widget_unlinked(
            JANE_URN
        )

        self.assertEqual(action["res_model"], "linkedin.disconnect.wizard")
        wizard = self.env["linkedin.disconnect.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.applicant_id, applicant)
        self.assertEqual(wizard.duplicate_ids, duplicate)
        self.assertTrue(applicant.linkedin_connected, "nothing is undone unasked")

    def widget_unlinks(self, applicant):
        """LinkedIn's side of a user unlinking the profile in the widget."""
        with self.backend._client() as client:
            client.clear_manual_match(applicant.id, self.backend.organization_urn)

    def test_an_unlink_linkedin_confirms_disconnects_at_once(self):
        applicant = self.connected_jane()
        self.widget_unlinks(applicant)

        action = applicant.with_user(self.recruiter).action_linkedin_widget_unlinked(
            JANE_URN
        )

        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            action["params"]["message"],
            "Jane Doe is no longer connected to LinkedIn Recruiter.",
        )
        self.assertFalse(applicant.linkedin_connected)
        self.assertTrue(applicant.linkedin_auto_match_blocked, "no silent relink")
        self.assertIsNone(self.manual_match(applicant))
        self.assertTrue(
            applicant.message_ids.filtered(
                lambda message: (
                    "Disconnected from LinkedIn Recruiter by" in (message.body or "")
                )
            )
        )

    def test_an_unlink_linkedin_does_not_confirm_asks_first(self):
        applicant = self.connected_jane()  # LinkedIn still links Jane

        action = applicant.with_user(self.recruiter).action_linkedin_widget_unlinked(
            JANE_URN
        )

        self.assertEqual(action["res_model"], "linkedin.disconnect.wizard")
        wizard = self.env["linkedin.disconnect.wizard"].browse(action["res_id"])
        self.assertFalse(wizard.duplicate_ids)
        self.assertTrue(applicant.linkedin_connected, "the browser's word alone")
        self.assertEqual(self.manual_match(applicant), JANE_URN)

    def test_unlinked_in_the_widget_then_linked_to_the_right_profile(self):
        applicant = self.synced()
        self.widget_links(applicant, JANE_URN)
        person = applicant.with_user(self.recruiter)
        person.action_linkedin_widget_linked(JANE_URN)
        self.widget_unlinks(applicant)

        person.action_linkedin_widget_unlinked(JANE_URN)
        self.assertFalse(applicant.linkedin_connected)
        self.widget_links(applicant, JANE_PARIS_URN)
        person.action_linkedin_widget_linked(JANE_PARIS_URN)

        self.assertEqual(applicant.linkedin_member_urn, JANE_PARIS_URN)
        self.assertEqual(self.manual_match(applicant), JANE_PARIS_URN)
        self.assertEqual(len(self.chatter_notes(applicant)), 2)

    def test_an_unlink_of_another_member_undoes_nothing(self):
        applicant = self.connected_jane()
        stranger = self.create_applicant("Jon Smith", "jon.smith@example.org")
        for person, member in ((applicant, JANE_PARIS_URN), (stranger, JANE_URN)):
            with self.subTest(person=person.partner_name):
                self.assertFalse(
                    person.with_user(self.recruiter).action_linkedin_widget_unlinked(
                        member
                    )
                )
        self.assertEqual(applicant.linkedin_member_urn, JANE_URN)

    def test_an_interviewer_cannot_use_the_widget(self):
        interviewer = self.interviewer
        applicant = self.synced()
        applications_of(applicant).interviewer_ids = interviewer
        self.widget_links(applicant, JANE_URN)
        calls = (
            lambda person: person.linkedin_widget_config(),
            lambda person: person.action_linkedin_widget_linked(JANE_URN),
        )
        for call in calls:
            with self.assertRaises(AccessError):
                call(applicant.with_user(interviewer))
        self.assertFalse(applicant.linkedin_connected)


@tagged("post_install", "-at_install")
class TestWidgetSettings(DisconnectCase):
    def test_the_admin_is_told_which_domain_to_register(self):
        base_url = "https://odoo.example.com"
        self.env["ir.config_parameter"].sudo().set_param("web.base.url", base_url)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.linkedin_widget_domain, base_url)

        _ok, message = self.backend._test_connection()

        self.assertIn(
            f"register {base_url} in the child application's validJsSdkDomains",
            message,
        )

    def test_a_widget_url_must_be_https_or_the_sandbox(self):
        for url in ("http://platform.example.com/in.js", "javascript:alert(1)"):
            with (
                self.subTest(url=url),
                self.assertRaisesRegex(ValidationError, "Widget Loader URL"),
            ):
                self.backend.widget_loader_url = url
                self.backend.flush_recordset()
