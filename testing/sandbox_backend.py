# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one mapping of the sandbox's demo RSC customer to linkedin.backend fields.

The sandbox knows nothing of Odoo: it publishes its credentials and URNs in
its own terms (``FIXTURES``). The tests, the demo database
(``scripts/configure_demo.py``), the crash and production tiers and the
benchmarks point a company's backend at a sandbox with these values; outside
the tests import it as
``odoo.addons.linkedin_recruiter_connect.testing.sandbox_backend``.
"""

from ..linkedin_recruiter_connect.client import DEFAULT_VERSION, VERSIONED
from ..linkedin_recruiter_sandbox import FIXTURES


def sandbox_backend_values(url, api_mode=VERSIONED, widget_url=None):
    """linkedin.backend values that point a backend at the sandbox at ``url``,
    in API mode ``api_mode`` (the versioned REST API unless told ``"v2"``)
    with the latest API version the module knows; the browser loads its
    profile widget stand-in from ``widget_url`` (the same sandbox under the
    host name users open Odoo with: its sign-in cookie is same-site only),
    by default ``url``."""
    widget_url = widget_url or url
    rsc = FIXTURES["clients"]["rsc"]
    return {
        "enabled": True,
        "client_id": rsc["client_id"],
        "client_secret": rsc["client_secret"],
        "organization_urn": rsc["organization"],
        "contract_urn": FIXTURES["contract"],
        "api_base_url": url,
        "api_mode": api_mode,
        "api_version": DEFAULT_VERSION,
        "widget_loader_url": f"{widget_url}/xdoor/scripts/in.js",
        "widget_extension_url": f"{widget_url}/rsc/extensions/profile-widget",
    }
