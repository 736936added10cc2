# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``python -m linkedin_recruiter_sandbox [--host H] [--port N] [--seed S]
[--strict]``"""

import argparse
import logging
import sys

from .seed import FIXTURES
from .server import make_server


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m linkedin_recruiter_sandbox",
        description="Serve the LinkedIn Recruiter System Connect sandbox.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8123, help="0 = any free port")
    parser.add_argument("--seed", default="demo", choices=("demo", "empty"))
    parser.add_argument(
        "--strict",
        action="store_true",
        help="answer with only the fields LinkedIn documents (no sandbox extras)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    server = make_server(args.host, args.port, args.seed, strict=args.strict)
    host, port = server.server_address[:2]
    rsc, lite = FIXTURES["clients"]["rsc"], FIXTURES["clients"]["lite"]
    sys.stdout.write(
        f"LinkedIn Recruiter sandbox listening on http://{host}:{port}\n"
        f"  seed: {args.seed}; strict mode: {'on' if args.strict else 'off'}; "
        f"admin API: http://{host}:{port}/_sandbox/\n"
        f"  RSC client: {rsc['client_id']} / {rsc['client_secret']} "
        f"(organization {FIXTURES['organization']}, contract {FIXTURES['contract']})\n"
        f"  Recruiter Lite client: {lite['client_id']} / {lite['client_secret']} "
        f"(contract {FIXTURES['lite_contract']}, no RSC)\n"
        f"  Profile Widget sign-in: alice.recruiter@example.com / "
        f"{FIXTURES['widget_password']} (any seat's email, that password)\n"
    )
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)  # until Ctrl-C; then it closes
    finally:
        server.app.stop_event.set()


if __name__ == "__main__":
    main()
