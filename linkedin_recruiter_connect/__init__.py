# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain-Python core of the LinkedIn Recruiter Connect addon.

Nothing in this package imports ``odoo``: it is the layer that speaks LinkedIn's
Recruiter System Connect (RSC) APIs and can be tested with plain pytest.

- ``client``: :class:`RecruiterClient`, the only module that imports ``requests``.
- ``errors``: the exception taxonomy (retryable vs permanent).
- ``schema``: frozen dataclasses for what the API returns and what we send.
- ``activity_kinds``: the registry of the kinds of activity the import
  brings in (InMail, Recruiter Note): finder, cursor owner, staging values,
  mutability and how each shows in the chatter.
- ``matching``: how names, emails, phones and profile URLs are normalized
  before people are compared.
- ``windows``: time-window planning and LinkedIn's date-range conventions.
- ``fetching``: many windows fetched at once, in order, on a few threads.
- ``tokens``: access tokens shared by the clients of one process.
- ``budget``: how long a slice of background work may run within Odoo's
  worker limits.

The LinkedIn Recruiter sandbox the tests and demos talk to is not part of it:
it is the development package ``linkedin_recruiter_sandbox`` beside it.
Modules are imported lazily by their users so that importing the package stays
cheap.
"""
