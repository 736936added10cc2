# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fetch many finder windows at once and hand them back in order.

A *task* is ``(finder, args)``: the name of a :class:`RecruiterClient` finder
in :data:`FINDERS` and its positional arguments. :class:`ThreadFetcher`
takes ``(key, task)`` jobs and yields ``(key, outcome)`` in the order of the
jobs, whatever order the answers arrive in, with a bounded number in flight.
``outcome`` is ``(items, skipped)`` (the parsed elements, and the errors of
the malformed elements left out) or the exception the fetch raised.

It fetches on a few threads, one client each: against LinkedIn the import
waits on the network, which threads overlap.
"""

import queue
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from .schema import InMailEvent, ProspectNote

# Finders a task may name, and the dataclass of their items.
FINDERS = {"inmail_events": InMailEvent, "prospect_notes": ProspectNote}
# Jobs submitted ahead of the one the caller waits for.
AHEAD = 32


def fetch_window(client, task):
    """``(items, skipped)`` of one task; ``skipped`` lists the errors of the
    malformed elements left out (a truncated page the client asks again)."""
    finder, args = task
    if finder not in FINDERS:
        raise ValueError(f"Unknown finder {finder!r}")
    skipped = []
    items = getattr(client, finder)(
        *args, on_bad_element=lambda _element, error: skipped.append(error)
    )
    return items, skipped


class ThreadFetcher:
    """Fetches on one thread per client; ``calls`` sums the clients' calls."""

    def __init__(self, clients):
        self.clients = list(clients)
        self._idle = queue.SimpleQueue()
        for client in self.clients:
            self._idle.put(client)
        self._pool = ThreadPoolExecutor(len(self.clients), "linkedin-fetch")

    @property
    def calls(self):
        return sum(client.calls for client in self.clients)

    def in_order(self, jobs):
        """Yield ``(key, outcome)`` for every ``(key, task)`` job, in order.

        Closing the generator early cancels the jobs not started yet.
        """
        jobs, pending = iter(jobs), deque()
        try:
            while True:
                for key, task in jobs:
                    pending.append((key, self._pool.submit(self._fetch, task)))
                    if len(pending) >= AHEAD:
                        break
                if not pending:
                    return
                key, future = pending.popleft()
                yield key, self._outcome(future)
        finally:
            for _key, future in pending:
                future.cancel()

    def _fetch(self, task):
        client = self._idle.get()
        try:
            return fetch_window(client, task)
        finally:
            self._idle.put(client)

    @staticmethod
    def _outcome(future):
        try:
            return future.result()
        except Exception as error:  # noqa: BLE001 - handed to the caller
            return error

    def close(self):
        """Wait for fetches in flight (their answers are dropped), close all."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        for client in self.clients:
            client.close()
