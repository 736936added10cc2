# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SandboxTourCase, applicant_values, create_person, stored_candidate
from .test_tour_settings import SETTINGS_URL
from .widget_driver import widget_driver

JANE_EMAIL = "jane.doe@example.com"
JANE_URN = "urn:li:person:jane-doe"


@tagged("post_install", "-at_install", "linkedin_tour")
class TestWidgetTour(SandboxTourCase):
    """Connect, re-match and unlink in LinkedIn's profile widget, in a real
    browser, against a sandbox that answers only what LinkedIn documents
    (strict mode: bare member URNs, no seat emails)."""

    strict = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sandbox.admin.register_domains(
            cls.backend.sudo().client_id, [cls.base_url()]
        )
        cls.admin = cls.env.ref("base.user_admin")
        fixtures = cls.sandbox.admin.fixtures()
        cls.seat_login = ("admin@yourcompany.example.com", fixtures["widget_password"])

    def person(self, name, email, job="Widget job"):
        return create_person(self.env, applicant_values(name, job, email_from=email))

    def manual_match(self, person):
        return (stored_candidate(self.sandbox, person) or {}).get("manualMatchedMember")

    def connected_in_widget(self, person, member_urn=JANE_URN):
        """``person`` linked to ``member_urn`` in LinkedIn's widget (its
        manual match) and connected by Odoo."""
        person.with_user(self.admin).action_linkedin_widget_sync()
        with self.backend._client() as client:
            client.set_manual_match(
                person.id, self.backend.organization_urn, member_urn
            )
        person.with_user(self.admin).action_linkedin_widget_linked(member_urn)
        return person

    def unlink_in_widget(self, person, tour, *waits):
        """The recruiter unlinks ``person``'s profile in the widget, after
        ``waits``, while ``tour`` runs on its form."""
        with self.drive(
            ("wait_text", "Connected LinkedIn profile"),
            *waits,
            ("click", "Unlink"),
            ("click", "Unlink", ".confirm"),
        ):
            self.start_form_tour(person, tour)

    def drive(self, *actions):
        """The recruiter signs in to LinkedIn in the widget, then ``actions``."""
        return widget_driver(
            self.sandbox.url, [("sign_in", *self.seat_login), *actions]
        )

    def test_admin_seat_is_mapped_without_an_email_from_linkedin(self):
        seat = self.env["linkedin.seat"].search([("user_id", "=", self.admin.id)])
        self.assertEqual(seat.seat_urn, "urn:li:seat:5005")
        self.assertFalse(seat.email, "strict LinkedIn sends no seat email")

    def test_connect_the_best_match_in_the_widget_then_reload(self):
        jane = self.person("Jane Doe", JANE_EMAIL)

        with self.drive(("wait_text", "Jane Doe"), ("click", "Connect")):
            self.start_form_tour(jane, "linkedin_widget_connect_tour")

        self.assertEqual(jane.linkedin_member_urn, JANE_URN)
        self.assertEqual(self.manual_match(jane), JANE_URN)
        note = jane.message_ids.filtered(
            lambda m: "Connected to LinkedIn Recruiter" in (m.body or "")
        )
        self.assertNotIn("urn:li:", note.body, "no raw URN stands for a person")
        # a fresh page load: the badge and LinkedIn's widget for the profile
        self.start_form_tour(jane, "linkedin_widget_connected_tab_tour")

    def test_connect_the_second_closest_match(self):
        john = self.person("John Smith", "j.smith@unknown.example")
        for slug, first, last in (
            ("johnny-smith", "Johnny", "Smith"),
            ("john-smyth", "John", "Smyth"),
        ):
            self.sandbox.admin.add_member(
                urn=f"urn:li:person:{slug}",
                firstName=first,
                lastName=last,
                email=f"{slug}@example.com",
                headline="Data engineer",
            )

        with self.drive(
            ("click", "Not the right profile?"),
            ("wait_text", "Closest matches"),
            ("click", "Connect", ".closest .card", 1),
        ) as driver:
            self.start_form_tour(john, "linkedin_widget_connect_tour")

        (second_closest,) = driver.members
        self.assertEqual(john.linkedin_member_urn, second_closest)
        self.assertEqual(self.manual_match(john), second_closest)
        # best John Smith, closest Jon Smith, Johnny Smith, John Smyth
        self.assertEqual(second_closest, "urn:li:person:johnny-smith")

    def test_unlink_in_the_widget_explains_the_connected_duplicate(self):
        jane = self.connected_in_widget(self.person("Jane Doe", JANE_EMAIL))
        duplicate = self.connected_in_widget(
            self.person("Jane Doe", JANE_EMAIL, job="Another job")
        )

        self.unlink_in_widget(
            jane, "linkedin_widget_unlink_tour", ("wait_text", "Jane Doe")
        )

        self.assertIsNone(self.manual_match(jane), "unlinked at LinkedIn")
        self.assertTrue(jane.linkedin_connected, "Odoo waits for the user's choice")
        self.assertTrue(duplicate.linkedin_connected)

    def test_unlink_in_the_widget_disconnects_at_once(self):
        jane = self.connected_in_widget(self.person("Jane Doe", JANE_EMAIL))

        self.unlink_in_widget(jane, "linkedin_widget_unlink_disconnects_tour")

        self.assertIsNone(self.manual_match(jane), "unlinked at LinkedIn")
        self.assertFalse(jane.linkedin_connected, "and in Odoo")

    def test_a_forged_onlink_connects_nobody(self):
        john = self.person("John Smith", "j.smith@unknown.example")
        john.with_user(self.admin).action_linkedin_widget_sync()
        with self.backend._client() as client:
            client.set_manual_match(
                john.id, self.backend.organization_urn, "urn:li:person:jon-smith"
            )

        self.start_form_tour(john, "linkedin_widget_forged_link_tour")

        self.assertFalse(john.linkedin_connected)
        self.assertEqual(self.manual_match(john), "urn:li:person:jon-smith")


@tagged("post_install", "-at_install", "linkedin_tour")
class TestWidgetPreviewTour(SandboxTourCase):
    """The settings preview shows LinkedIn's own answer for Odoo's domain."""

    def test_an_unregistered_domain_gets_linkedin_s_error_then_sign_in(self):
        with widget_driver(
            self.sandbox.url,
            [
                ("wait_text", "You must specify a valid JavaScript API Domain"),
                ("wait_text", f"Refused origin: {self.base_url()}"),
            ],
        ):
            self.start_tour(
                SETTINGS_URL, "linkedin_widget_preview_refused_tour", login="admin"
            )

        self.sandbox.admin.register_domains(
            self.backend.sudo().client_id, [self.base_url()]
        )
        with widget_driver(self.sandbox.url, [("wait_text", "Sign in to LinkedIn")]):
            self.start_tour(
                SETTINGS_URL, "linkedin_widget_preview_signin_tour", login="admin"
            )
