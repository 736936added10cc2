# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers the tests, the test and demo scripts and the benchmarks share:
the people they create and the backend values of the sandbox. Outside
``tests`` so a script imports them without Odoo's test framework (which
18.0 logs as an error outside a test run)."""
