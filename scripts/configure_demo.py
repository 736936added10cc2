# ruff: noqa: F821  (`env` is provided by `odoo-bin shell`)
# Point the demo company at the LinkedIn Recruiter sandbox started by
# scripts/run.sh, with the sandbox's demo credentials, and fetch its seats
# (mapped to the demo users by email).
import os

from odoo.addons.linkedin_recruiter_connect.tests.sandbox_backend import (
    sandbox_backend_values,
)

company = env.ref("base.main_company")
backend = company.linkedin_backend_id
backend.write(sandbox_backend_values(os.environ["LRC_SANDBOX_URL"]))
seats = backend._refresh_seats()
mapped = seats.filtered("user_id")
env.cr.commit()
print(
    f"LinkedIn sandbox configured: {len(seats)} seats, "
    f"{len(mapped)} mapped ({', '.join(mapped.mapped('user_id.login'))})"
)
