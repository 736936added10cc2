# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The database itself enforces what exactly-once relies on, on every series.

19.0 ignores ``_sql_constraints`` (it only logs "no longer supported"), so
these read PostgreSQL's catalogue, not the models.
"""

from psycopg2 import IntegrityError

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..models.mail_message import UNIQUE_INDEX

UNIQUE_CONSTRAINTS = {
    "linkedin_activity_external_id_uniq": "UNIQUE (company_id, kind, external_id)",
    "linkedin_backend_company_uniq": "UNIQUE (company_id)",
    "linkedin_contract_contract_backend_uniq": "UNIQUE (contract_urn, backend_id)",
    "linkedin_seat_seat_urn_company_uniq": "UNIQUE (seat_urn, company_id)",
    "linkedin_seat_user_contract_uniq": "UNIQUE (user_id, contract_id)",
}


@tagged("post_install", "-at_install")
class TestDatabaseConstraints(TransactionCase):
    def test_unique_constraints_exist_in_the_database(self):
        self.env.cr.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'u' AND conname = ANY(%s)",
            [list(UNIQUE_CONSTRAINTS)],
        )
        self.assertEqual(dict(self.env.cr.fetchall()), UNIQUE_CONSTRAINTS)

    def test_one_message_per_activity_and_record_index_exists(self):
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [UNIQUE_INDEX]
        )
        (definition,) = self.env.cr.fetchone()
        self.assertIn("UNIQUE INDEX", definition)
        self.assertIn("(linkedin_activity_id, res_id)", definition)

    def test_the_same_activity_cannot_be_staged_twice(self):
        values = {
            "kind": "inmail",
            "external_id": "dup-1",
            "company_id": self.env.company.id,
            "member_urn": "urn:li:person:dup",
        }
        Activity = self.env["linkedin.activity"].sudo()
        Activity.create(values)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                Activity.create(values)
                self.env.flush_all()
