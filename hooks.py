# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Every company gets its LinkedIn backend, disabled until configured."""
    env["res.company"].with_context(active_test=False).search(
        []
    )._linkedin_ensure_backend()
