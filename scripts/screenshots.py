# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Take the README's screenshots from the real UI in headless Chromium.

Drives Chromium through the DevTools protocol against a running Odoo (see
scripts/screenshots.sh, which starts the sandbox, a demo database and Odoo):
logs in as admin, opens applicants, clicks through the connect wizard, the
chatter and the disconnect wizard, and saves PNGs into docs/screenshots/.

    python scripts/screenshots.py --url http://127.0.0.1:8069 --out docs/screenshots
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket

BROWSER_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--window-size=1920,1080",
]


class Browser:
    """The little of the DevTools protocol the screenshots need."""

    def __init__(self, binary, port):
        self.profile = tempfile.mkdtemp(prefix="lrc-shots-")
        self.process = subprocess.Popen(
            [
                binary,
                *BROWSER_FLAGS,
                f"--remote-debugging-port={port}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.socket = websocket.create_connection(self._page_socket(port), timeout=30)
        self.next_id = 0

    @staticmethod
    def _page_socket(port):
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json/list", timeout=5
                ) as answer:
                    pages = [p for p in json.load(answer) if p["type"] == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("Chromium did not start")
            time.sleep(0.2)

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        return result.get("result", {}).get("value")

    def goto(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete'")

    def wait_for(self, condition, timeout=30):
        deadline = time.monotonic() + timeout
        while not self.evaluate(f"!!({condition})"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {condition}")
            time.sleep(0.2)

    def wait_selector(self, selector, text=None):
        check = f"[...document.querySelectorAll({json.dumps(selector)})]"
        if text:
            check += f".some(e => e.innerText.includes({json.dumps(text)}))"
        else:
            check += ".some(e => e.getClientRects().length > 0)"
        self.wait_for(check)

    def click(self, selector, text=None):
        self.wait_selector(selector, text)
        pick = f"[...document.querySelectorAll({json.dumps(selector)})]"
        if text:
            pick += f".find(e => e.innerText.includes({json.dumps(text)}))"
        else:
            pick += ".find(e => e.getClientRects().length > 0)"
        self.evaluate(f"{pick}.click()")

    def hover(self, selector):
        self.wait_selector(selector)
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];"
            " })()"
        )
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])

    def screenshot(self, path):
        time.sleep(0.8)  # let animations and images settle
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
        print(f"wrote {path}")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def login(browser, url):
    browser.goto(f"{url}/web/login")
    browser.evaluate(
        "document.querySelector('#login').value = 'admin';"
        "document.querySelector('#password').value = 'admin';"
        "document.querySelector('form.oe_login_form').submit();"
    )
    time.sleep(1)
    browser.wait_selector(".o_main_navbar")


def person_url(url, ids, role):
    """The form of the person (applicant, candidate in 18.0) of ``role``."""
    model = ids.get("model", "hr.applicant")
    return f"{url}/web#id={ids[role]}&model={model}&view_type=form"


def take(browser, url, ids, out):
    """The README's screenshots, in the order a recruiter meets them."""
    browser.goto(person_url(url, ids, "jane"))
    browser.click("button.o_linkedin_connect")
    browser.wait_selector(".o_linkedin_best_match", "Jane Doe")
    browser.screenshot(os.path.join(out, "connect-wizard.png"))

    browser.goto(person_url(url, ids, "john"))
    browser.click("button.o_linkedin_connect")
    browser.click("button.o_linkedin_not_right_profile")
    browser.wait_selector(".modal .o_data_row", "Jon Smith")
    browser.screenshot(os.path.join(out, "closest-matches.png"))
    browser.click(".modal button[special=cancel], .modal .btn-close")

    browser.goto(person_url(url, ids, "chatter"))
    browser.wait_selector(".o-mail-Message")
    browser.screenshot(os.path.join(out, "chatter-inmails-notes.png"))

    browser.goto(person_url(url, ids, "duplicate"))
    browser.hover(".o_linkedin_state")
    browser.screenshot(os.path.join(out, "connected-hover-trash.png"))
    browser.click("button.o_linkedin_disconnect")
    browser.wait_selector(".modal")
    browser.screenshot(os.path.join(out, "disconnect-wizard.png"))

    # Taller, so that the whole LinkedIn Recruiter block fits.
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        width=1920,
        height=1300,
        deviceScaleFactor=1,
        mobile=False,
    )
    browser.goto(f"{url}/web#action=hr_recruitment.action_hr_recruitment_configuration")
    browser.click("button.o_linkedin_test_connection")
    browser.wait_selector(".o_notification", "LinkedIn Recruiter is ready")
    browser.wait_selector(".o_linkedin_test_result", "Passed")
    browser.evaluate(
        "document.querySelector('.o_linkedin_checklist')"
        ".closest('.o_settings_container').previousElementSibling.scrollIntoView()"
    )
    browser.screenshot(os.path.join(out, "settings.png"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument(
        "--ids", required=True, help="JSON: person ids by role, and their model"
    )
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--browser", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--port", type=int, default=9229)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    browser = Browser(args.browser, args.port)
    try:
        login(browser, args.url)
        take(browser, args.url, json.loads(args.ids), args.out)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
