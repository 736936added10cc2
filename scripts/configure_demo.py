# ruff: noqa: F821  (`env` is provided by `odoo-bin shell`)
# Point the demo company at the LinkedIn Recruiter sandbox started by
# scripts/run.sh, with the sandbox's demo credentials, and fetch its seats
# (mapped to the demo users by email). Registers Odoo's URLs as the widget's
# JavaScript API domains (validJsSdkDomains) and prints the widget's sign-in.
import json
import os
import urllib.request

from odoo.addons.linkedin_recruiter_connect.testing.sandbox_backend import (
    sandbox_backend_values,
)


def sandbox_admin(action, payload=None):
    """Call the sandbox's admin API; the decoded JSON answer."""
    request = urllib.request.Request(
        f"{os.environ['LRC_SANDBOX_URL']}/_sandbox/{action}",
        data=None if payload is None else json.dumps(payload).encode(),
        method="GET" if payload is None else "POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


company = env.ref("base.main_company")
backend = company.linkedin_backend_id
# The README opens Odoo at localhost: the browser loads the widget from the
# same host name, or the sandbox's sign-in cookie would be a third-party one.
sandbox_url = os.environ["LRC_SANDBOX_URL"]
values = sandbox_backend_values(
    sandbox_url, widget_url=sandbox_url.replace("//127.0.0.1:", "//localhost:")
)
backend.write(values)
seats = backend._refresh_seats()
mapped = seats.filtered("user_id")
env.cr.commit()
print(
    f"LinkedIn sandbox configured: {len(seats)} seats, "
    f"{len(mapped)} mapped ({', '.join(mapped.mapped('user_id.login'))})"
)

port = os.environ.get("HTTP_PORT", "8069")
domains = [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]
sandbox_admin("domains", {"client_id": values["client_id"], "domains": domains})
fixtures = sandbox_admin("fixtures")
print(
    f"LinkedIn Profile Widget: domains {', '.join(domains)} registered; sign in "
    f"with a seat's email (e.g. admin@yourcompany.example.com) and the password "
    f"{fixtures['widget_password']}"
)
