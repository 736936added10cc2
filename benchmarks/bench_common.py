# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the click benchmarks share: the LinkedIn calls the sandbox served."""


def api_requests(admin):
    """API requests the sandbox served so far, per endpoint (its widget's
    pages, ``/...``, and the per-status counts left out)."""
    return {
        key: count
        for key, count in admin.stats()["requests"].items()
        if " " not in key and not key.startswith("/")
    }


def calls_per_click(before, after, clicks):
    """``"<total> (<endpoint> <count>, ...)"``: the API calls per click
    between two api_requests readings."""
    calls = {
        endpoint: (count - before.get(endpoint, 0)) / clicks
        for endpoint, count in sorted(after.items())
        if count != before.get(endpoint, 0)
    }
    detail = ", ".join(f"{endpoint} {count:.1f}" for endpoint, count in calls.items())
    return f"{sum(calls.values()):.1f} ({detail})"
