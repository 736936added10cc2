# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one mapping of the sandbox's demo RSC customer to res.company fields.

The sandbox knows nothing of Odoo: it publishes its credentials and URNs in
its own terms (``FIXTURES``). The tests, the demo database
(``scripts/configure_demo.py``), the crash and production tiers and the
benchmarks point a company at a sandbox with these values; outside the tests
import it as ``odoo.addons.linkedin_recruiter_connect.tests.sandbox_company``.
"""

from ..linkedin_recruiter_sandbox import FIXTURES


def sandbox_company_values(url):
    """res.company values that point a company at the sandbox at ``url``."""
    rsc = FIXTURES["clients"]["rsc"]
    return {
        "linkedin_enabled": True,
        "linkedin_client_id": rsc["client_id"],
        "linkedin_client_secret": rsc["client_secret"],
        "linkedin_organization_urn": rsc["organization"],
        "linkedin_contract_urn": FIXTURES["contract"],
        "linkedin_api_base_url": url,
    }
