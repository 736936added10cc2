# ruff: noqa: F821  (`env` is provided by `odoo-bin shell`)
# Point the demo company at the LinkedIn Recruiter sandbox started by
# scripts/run.sh, with the sandbox's demo credentials, and fetch its seats
# (mapped to the demo users by email).
import os

company = env.ref("base.main_company")
company.write(
    {
        "linkedin_enabled": True,
        "linkedin_client_id": "sandbox-client",
        "linkedin_client_secret": "sandbox-secret",
        "linkedin_organization_urn": "urn:li:organization:1000",
        "linkedin_contract_urn": "urn:li:contract:2000",
        "linkedin_api_base_url": os.environ["LRC_SANDBOX_URL"],
    }
)
seats = company._linkedin_refresh_seats()
mapped = seats.filtered("user_id")
env.cr.commit()
print(
    f"LinkedIn sandbox configured: {len(seats)} seats, "
    f"{len(mapped)} mapped ({', '.join(mapped.mapped('user_id.login'))})"
)
