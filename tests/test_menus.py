# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import re

from odoo.tests import TransactionCase, tagged

MODULE = "linkedin_recruiter_connect"
README = os.path.join(os.path.dirname(os.path.dirname(__file__)), "README.md")
# A menu path the README names, e.g. "*Recruitment > Configuration >
# LinkedIn Recruiter > Seats*" (line breaks and emphasis aside).
README_PATH_RE = re.compile(
    r"\*(Recruitment > Configuration > LinkedIn Recruiter > [^*]+)\*"
)


@tagged("post_install", "-at_install")
class TestMenus(TransactionCase):
    """The addon's menus sit where Odoo's apps put configuration, each
    action in one place, and the README names them as they are."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        data = cls.env["ir.model.data"].search(
            [("module", "=", MODULE), ("model", "=", "ir.ui.menu")]
        )
        cls.menus = cls.env["ir.ui.menu"].browse(data.mapped("res_id"))
        with open(README, encoding="utf-8") as readme:
            cls.readme = " ".join(readme.read().split())

    @staticmethod
    def _path(menu):
        return menu.complete_name.replace("/", " > ")

    def test_menus_are_a_section_of_recruitment_configuration(self):
        configuration = self.env.ref("hr_recruitment.menu_hr_recruitment_configuration")
        section = self.env.ref(f"{MODULE}.linkedin_config_menu")
        self.assertEqual(section.parent_id, configuration)
        self.assertEqual(self.menus - section, section.child_id)
        self.assertFalse(
            self.menus.filtered(lambda menu: not menu.parent_id), "no top-level menu"
        )

    def test_each_action_has_one_menu(self):
        actions = [menu.action for menu in self.menus if menu.action]
        self.assertEqual(len(actions), len(set(actions)), [str(a) for a in actions])

    def test_readme_names_the_menus_as_they_are(self):
        paths = {self._path(menu) for menu in self.menus.filtered("action")}
        named = {" ".join(path.split()) for path in README_PATH_RE.findall(self.readme)}
        self.assertTrue(named, "the README names the LinkedIn Recruiter menus")
        self.assertEqual(named - paths, set(), "the README names missing menus")
        for path in sorted(paths):
            short = path.rsplit(" > ", 1)[1]
            with self.subTest(menu=path):
                self.assertTrue(
                    path in self.readme or f"*{short}*" in self.readme,
                    f"the README does not mention {path}",
                )
