# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A LinkedIn Recruiter (RSC) sandbox server, for tests and demos.

A development package beside the addon's runtime package
``linkedin_recruiter_connect``: the addon never imports it, and it uses only
the runtime's data rules (see ``_runtime``), never its HTTP client. Run it
with ``python -m linkedin_recruiter_sandbox`` or in-process with
:func:`start_sandbox`. Its HTTP contract is documented in CONTRACT.md.
"""

from .admin import SandboxAdmin, SandboxAdminError
from .seed import FIXTURES
from .server import SandboxHandle, start_sandbox
