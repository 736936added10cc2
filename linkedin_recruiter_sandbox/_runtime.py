# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The addon's runtime package beside the sandbox, however the two are imported.

From the repository root (tier 1, ``python -m linkedin_recruiter_sandbox``,
the scripts) both are top-level packages; inside Odoo (the tests) both are
subpackages of ``odoo.addons.linkedin_recruiter_connect``. The sandbox shares
the runtime's plain data rules only, never its HTTP client.
"""

if "." in __package__:
    from ..linkedin_recruiter_connect import matching, restli, schema
else:
    from linkedin_recruiter_connect import matching, restli, schema

__all__ = ["matching", "restli", "schema"]
