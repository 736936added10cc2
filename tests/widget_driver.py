# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A recruiter's hands inside LinkedIn's profile widget, for the tours.

The widget is an iframe of another origin (LinkedIn's; here the sandbox's):
a tour, which runs in Odoo's page, cannot see into it, exactly as Odoo's
own code cannot. The driver plays the recruiter there through the Chrome
DevTools protocol of the tour's own browser, in a thread beside the tour:
it waits for the widget's frame, reads its text, types and clicks in it.
"""

import contextlib
import json
import threading
import time
from contextlib import contextmanager
from unittest.mock import patch

from odoo.tests import common

WIDGET_PATH = "/rsc/widget/"
STARTUP_TIMEOUT = 120
# Set on Odoo's page once every action is done: tours whose steps do not
# depend on the widget's actions end by waiting for it.
DONE_ATTRIBUTE = "data-lrc-widget-driver"


class WidgetDriverError(AssertionError):
    """The widget did not show what the driver waited for."""


class WidgetDriver:
    """Runs ``actions`` (``(name, *args)`` tuples of this class's action
    methods) in the widget frame served from ``sandbox_url``, one after the
    other, each waiting up to ``timeout`` seconds for what it needs."""

    def __init__(self, sandbox_url, actions, timeout=20):
        self.widget_url = f"{sandbox_url}{WIDGET_PATH}"
        self.actions = list(actions)
        self.timeout = timeout
        self.browser = None
        self.error = None
        self.done = []
        # The member of each profile card clicked in, in order.
        self.members = []
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name="lrc-widget-driver", daemon=True
        )

    # -- the thread ------------------------------------------------------------

    def _run(self):
        try:
            # The first page load may build Odoo's assets: wait longer for it.
            self._until(
                lambda: self.browser is not None and self._frame_id(),
                "the widget's frame",
                STARTUP_TIMEOUT,
            )
            for name, *args in self.actions:
                getattr(self, name)(*args)
                self.done.append(name)
            self._mark_done()
        except Exception as error:  # reported by check(), in the test thread
            self.error = error

    def _mark_done(self):
        """Tell Odoo's page that every action is done: a tour that only
        watches the widget ends by waiting for ``DONE_ATTRIBUTE``. A tour
        that already ended needs no signal."""
        script = f"document.body.setAttribute('{DONE_ATTRIBUTE}', 'done')"
        with contextlib.suppress(common.ChromeBrowserException, TimeoutError):
            self.browser._websocket_request(
                "Runtime.evaluate", params={"expression": script}
            )

    def check(self):
        """Raise what went wrong in the widget, if anything did."""
        self._stop.set()
        self._thread.join(STARTUP_TIMEOUT)
        if self.error:
            raise WidgetDriverError(
                f"In LinkedIn's widget, after {self.done}: {self.error}"
            ) from self.error
        if len(self.done) != len(self.actions):
            raise WidgetDriverError(
                f"The widget driver did only {self.done} of {self.actions}"
            )

    def _until(self, condition, what, timeout=None):
        timeout = timeout or self.timeout
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._stop.is_set():
                raise WidgetDriverError(f"The tour ended before {what}")
            try:
                value = condition()
            except (common.ChromeBrowserException, TimeoutError, KeyError, TypeError):
                value = None
            if value:
                return value
            time.sleep(0.2)
        raise WidgetDriverError(f"Waited {timeout} s for {what}")

    # -- Chrome DevTools -------------------------------------------------------

    def _frame_id(self):
        """The id of the widget's frame, if it is in the page."""
        tree = self.browser._websocket_request("Page.getFrameTree")["frameTree"]
        stack = [tree]
        while stack:
            node = stack.pop()
            if node["frame"].get("url", "").startswith(self.widget_url):
                return node["frame"]["id"]
            stack.extend(node.get("childFrames", ()))
        return None

    def _evaluate(self, expression):
        """``expression``'s value in the widget frame's current document."""
        frame_id = self._frame_id()
        if not frame_id:
            return None
        world = self.browser._websocket_request(
            "Page.createIsolatedWorld",
            params={"frameId": frame_id, "worldName": "lrc_widget_driver"},
        )
        result = self.browser._websocket_request(
            "Runtime.evaluate",
            params={
                "expression": expression,
                "contextId": world["executionContextId"],
                "returnByValue": True,
            },
        )
        return result.get("result", {}).get("value")

    # -- actions ---------------------------------------------------------------

    def wait_text(self, text):
        """Wait until the widget shows ``text``."""
        self._until(
            lambda: self._evaluate(
                f"document.body && document.body.innerText.includes({json.dumps(text)})"
            ),
            f"the widget to show {text!r}",
        )

    def fill(self, selector, value):
        """Type ``value`` into the widget's field matching ``selector``."""
        script = f"""(() => {{
            const input = document.querySelector({json.dumps(selector)});
            if (!input) return false;
            input.value = {json.dumps(value)};
            input.dispatchEvent(new Event("input", {{bubbles: true}}));
            return true;
        }})()"""
        self._until(lambda: self._evaluate(script), f"a field {selector!r}")

    def click(self, text, within=None, index=0):
        """Click the ``index``-th button or link reading ``text`` (counted in
        the elements matching ``within``, when given); a click in a profile
        card (``data-member``) records its member in ``members``."""
        script = f"""(() => {{
            const text = {json.dumps(text)};
            const within = {json.dumps(within)};
            const roots = within
                ? [...document.querySelectorAll(within)]
                : [document.body];
            const hits = roots.flatMap((root) =>
                [...root.querySelectorAll("button, a, input[type=submit]")].filter(
                    (el) => (el.innerText || el.value || "").trim() === text
                )
            );
            const target = hits[{int(index)}];
            if (!target) return false;
            const card = target.closest("[data-member]");
            target.click();
            return card ? card.dataset.member : true;
        }})()"""
        clicked = self._until(lambda: self._evaluate(script), f"{text!r} to click")
        if isinstance(clicked, str):
            self.members.append(clicked)

    def sign_in(self, email, password):
        """Sign in to LinkedIn in the widget."""
        self.wait_text("Sign in to LinkedIn")
        self.fill("input[name=email]", email)
        self.fill("input[name=password]", password)
        self.click("Sign in")


@contextmanager
def widget_driver(sandbox_url, actions, timeout=20):
    """Drive LinkedIn's widget with ``actions`` in the browser of the tours
    started inside this block; raise what went wrong in it on exit."""
    driver = WidgetDriver(sandbox_url, actions, timeout)
    original = common.ChromeBrowser

    class DrivenBrowser(original):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            driver.browser = self

    with patch.object(common, "ChromeBrowser", DrivenBrowser):
        driver._thread.start()
        try:
            yield driver
        except AssertionError as error:
            driver._stop.set()
            driver._thread.join(driver.timeout)
            raise AssertionError(
                f"{error}\n\nMeanwhile in LinkedIn's widget: did {driver.done} "
                f"of {driver.actions}; {driver.error or 'no error'}"
            ) from error
    driver.check()
