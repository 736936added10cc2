# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`make test`'s summary: a row per series and tier, failures decide."""

import importlib.util
import os

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "test_summary", os.path.join(REPO, "scripts", "test_summary.py")
)
test_summary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(test_summary)

ROWS = (
    "17.0\ttier 2 (odoo)\tok\t1725\t0\t0\t\n"
    "17.0\tupgrade\tok\t1\t0\t0\tupgrade: 352 checks equal\n"
    "19.0\ttier 2 (odoo)\tok\t1729\t0\t0\t\n"
    "19.0\tupgrade\tn/a\t0\t0\t0\tno earlier release on 19.0\n"
)


def summarize(tmp_path, text, required=("17.0", "19.0")):
    results = tmp_path / "summary.tsv"
    results.write_text(text)
    lines, ok = test_summary.summary(test_summary.read_rows(results), list(required))
    return "\n".join(lines), ok


def test_a_row_per_series_and_tier_and_totals(tmp_path):
    text, ok = summarize(tmp_path, ROWS)
    assert ok
    assert "17.0   tier 2 (odoo)      ok       1725 passed, 0 failed" in text
    assert "19.0   upgrade            n/a" in text
    assert "17.0: 1726 passed, 0 failed, 0 skipped" in text
    assert "19.0: 1729 passed, 0 failed, 0 skipped" in text
    assert text.endswith("total: 3455 passed, 0 failed, 0 skipped")


def test_a_failed_tier_fails_the_run(tmp_path):
    text, ok = summarize(tmp_path, ROWS + "19.0\tlint\tFAILED\t0\t1\t0\t\n")
    assert not ok
    assert "total: 3455 passed, 1 failed, 0 skipped" in text


def test_a_required_series_that_recorded_nothing_fails(tmp_path):
    text, ok = summarize(tmp_path, ROWS, required=("17.0", "18.0", "19.0"))
    assert not ok
    assert "18.0   all tiers          FAILED" in text
    assert "the series run recorded nothing" in text
