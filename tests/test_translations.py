# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os
import re

from babel.messages.pofile import read_po

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

I18N = os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n")
LANGUAGES = {"fr": "fr_FR", "de": "de_DE", "es": "es_ES"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]")


def _catalog(name):
    with open(os.path.join(I18N, name), "rb") as po_file:
        return read_po(po_file)


def _ids(message):
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """French, German and Spanish cover every user-facing string."""

    def test_every_string_is_translated_with_its_placeholders(self):
        template = _catalog("linkedin_recruiter_connect.pot")
        wanted = [message for message in template if message.id]
        self.assertGreater(len(wanted), 300)
        for language in LANGUAGES:
            catalog = _catalog(f"{language}.po")
            for message in wanted:
                with self.subTest(language=language, msgid=_ids(message)[0][:60]):
                    translated = catalog.get(message.id, message.context)
                    self.assertTrue(translated, "missing")
                    strings = _strings(translated)
                    self.assertTrue(all(strings), "empty")
                    self.assertFalse(translated.fuzzy, "fuzzy")
                    expected = set(PLACEHOLDER.findall(_ids(message)[-1]))
                    for string in strings:
                        self.assertEqual(set(PLACEHOLDER.findall(string)), expected)

    def test_each_language_loads_without_warnings(self):
        translate_logger = "odoo.tools.translate"
        for language, code in LANGUAGES.items():
            with self.subTest(language=language):
                self.env["res.lang"]._activate_lang(code)
                with (
                    self.assertNoLogs(translate_logger, "WARNING"),
                    mute_logger("odoo.modules.loading"),
                ):
                    self.env["ir.module.module"]._load_module_terms(
                        ["linkedin_recruiter_connect"], [code], overwrite=True
                    )
                action = self.env.ref(
                    "linkedin_recruiter_connect.linkedin_sync_run_action"
                ).with_context(lang=code)
                self.assertNotEqual(action.name, "LinkedIn Recruiter Sync Runs")
