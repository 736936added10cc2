# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain-Python core of the LinkedIn Recruiter Connect addon.

Nothing in this package imports ``odoo``: it is the layer that speaks LinkedIn's
Recruiter System Connect (RSC) APIs and can be tested with plain pytest.

- ``client``: :class:`RecruiterClient`, the only module that imports ``requests``.
- ``errors``: the exception taxonomy (retryable vs permanent).
- ``schema``: frozen dataclasses for what the API returns and what we send.
- ``matching``: explainable ranking of LinkedIn members against a candidate.
- ``windows``: time-window planning and LinkedIn's date-range conventions.
- ``fetching``: many windows fetched at once, in order, on threads or in a
  child process (``python -m linkedin_recruiter_connect.fetching``).
- ``sandbox``: a stdlib-only LinkedIn Recruiter sandbox server (see its CONTRACT.md).

Modules are imported lazily by their users so that importing the package stays
cheap and the sandbox never pulls in ``requests``.
"""
