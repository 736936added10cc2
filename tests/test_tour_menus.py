# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import PERSON_MODEL, applicant_values, create_person

MODULE = "linkedin_recruiter_connect"


@tagged("post_install", "-at_install", "linkedin_tour")
class TestMenusTour(HttpCase):
    """Every menu and window action the addon adds opens without a client
    error (a domain or context the web client cannot evaluate, a view that
    does not render)."""

    def _records(self, model):
        data = self.env["ir.model.data"].search(
            [("module", "=", MODULE), ("model", "=", model)]
        )
        return self.env[model].browse(data.mapped("res_id"))

    def test_every_menu_and_action_opens(self):
        menus = self._records("ir.ui.menu").filtered("action")
        actions = self._records("ir.actions.act_window")
        self.assertGreaterEqual(len(menus), 5)
        in_menus = {menu.action.id for menu in menus}
        dialogs = actions.filtered(lambda action: action.target == "new")
        self.assertEqual(
            dialogs,
            self.env.ref(f"{MODULE}.hr_applicant_merge_action"),
            "a new dialog action needs its own tour below",
        )
        urls = [f"/web#menu_id={menu.id}&action={menu.action.id}" for menu in menus]
        urls += [
            f"/web#action={action.id}"
            for action in actions - dialogs
            if action.id not in in_menus
        ]
        for url in urls:
            with self.subTest(url=url):
                self.start_tour(url, "linkedin_action_opens_tour", login="admin")

    def test_merge_action_opens_from_the_applicant_list(self):
        for subject in ("Merge tour A", "Merge tour B"):
            create_person(self.env, applicant_values("Ann Tour", subject))
        # The merge is bound to the person's list: the candidates' in 18.0.
        action = self.env.ref(
            "hr_recruitment.action_hr_candidate"
            if PERSON_MODEL == "hr.candidate"
            else "hr_recruitment.crm_case_categ0_act_job"
        )
        self.start_tour(
            f"/web#action={action.id}&view_type=list",
            "linkedin_merge_action_opens_tour",
            login="admin",
        )
