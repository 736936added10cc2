# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Create values of the records the tests and the test scripts make, as
their series spells them (no Odoo test machinery, so the scripts can import
it too)."""

from .. import compat


def applicant_values(partner_name, subject=None, **values):
    """``hr.applicant`` create values for the person ``partner_name``, with
    the subject line an application needs until 17.0 (``subject``, else
    "<name> application")."""
    if compat.APPLICANT_HAS_NAME:
        values.setdefault("name", subject or f"{partner_name} application")
    return dict(values, partner_name=partner_name)
