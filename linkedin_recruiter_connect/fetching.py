# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Fetch many finder windows at once and hand them back in order.

A *task* is ``(finder, args)``: the name of a :class:`RecruiterClient` finder
in :data:`FINDERS` and its positional arguments, plain values only. A fetcher
takes ``(key, task)`` jobs and yields ``(key, outcome)`` in the order of the
jobs, whatever order the answers arrive in, with a bounded number in flight.
``outcome`` is ``(items, skipped)`` (the parsed elements, and the errors of
the malformed elements left out) or the exception the fetch raised. ``key``
is the caller's and never leaves its process.

- :class:`ThreadFetcher` fetches on a few threads of this process, one
  client each.
- :class:`ProcessFetcher` runs the same threads in a child Python process
  (``python -m linkedin_recruiter_connect.fetching``), so that HTTP and JSON
  work does not compete with the caller for the interpreter lock. The client
  options, secret included, travel over the child's stdin, never its command
  line or environment. The child stops when its stdin closes, so it never
  outlives its parent.
"""

import logging
import marshal
import os
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from . import errors
from .schema import InMailEvent, ProspectNote

_logger = logging.getLogger(__name__)

# Finders a task may name, and the dataclass of their items.
FINDERS = {"inmail_events": InMailEvent, "prospect_notes": ProspectNote}
THREAD_AHEAD = 32
PROCESS_AHEAD = 512
CHILD_START_SECONDS = 30
CHILD_STOP_SECONDS = 120
_FRAME = struct.Struct(">I")
# Error attributes that cross the process boundary.
_ERROR_FIELDS = (
    "message",
    "status",
    "retryable",
    "linkedin_message",
    "retry_after",
    "field",
)


class FetchProcessError(errors.RetryableError):
    """The fetch process could not start, or stopped while fetching."""


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


class _OrderedFetcher:
    """In-order delivery over ``_submit(task) -> handle`` and ``_outcome``,
    with at most ``ahead`` jobs in flight."""

    ahead = THREAD_AHEAD

    def in_order(self, jobs):
        """Yield ``(key, outcome)`` for every ``(key, task)`` job, in order."""
        jobs, pending = iter(jobs), deque()
        try:
            while True:
                for key, task in jobs:
                    pending.append((key, self._submit(task)))
                    if len(pending) >= self.ahead:
                        break
                if not pending:
                    return
                key, handle = pending.popleft()
                yield key, self._outcome(handle)
        finally:
            self._abandon([handle for _key, handle in pending])

    def _submit(self, task):
        raise NotImplementedError

    def _outcome(self, handle):
        raise NotImplementedError

    def _abandon(self, handles):
        """Forget jobs whose outcome is no longer wanted."""


class ThreadFetcher(_OrderedFetcher):
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

    def submit(self, task):
        """A future of ``(items, skipped, calls)``; calls is this task's."""
        return self._pool.submit(self._fetch, task)

    def _fetch(self, task):
        client = self._idle.get()
        calls = client.calls
        try:
            items, skipped = fetch_window(client, task)
            return items, skipped, client.calls - calls
        except Exception as error:
            error.fetch_calls = client.calls - calls
            raise
        finally:
            self._idle.put(client)

    def _submit(self, task):
        return self.submit(task)

    def _outcome(self, handle):
        try:
            items, skipped, _calls = handle.result()
        except Exception as error:  # noqa: BLE001 - handed to the caller
            return error
        return items, skipped

    def _abandon(self, handles):
        for future in handles:
            future.cancel()

    def close(self):
        """Wait for fetches in flight (their answers are dropped), close all."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        for client in self.clients:
            client.close()


# -- the process -------------------------------------------------------------


def _write_frame(stream, message):
    data = marshal.dumps(message)
    stream.write(_FRAME.pack(len(data)) + data)
    stream.flush()


def _read_frame(stream):
    """The next message, or None at the end of the stream."""
    header = stream.read(_FRAME.size)
    if len(header) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        return None
    return marshal.loads(data)


def _encode_items(items):
    return [tuple(vars(item).values()) for item in items]


def _encode_error(error):
    if isinstance(error, errors.LinkedInError):
        name = type(error).__name__
        attributes = {
            field: value
            for field, value in vars(error).items()
            if field in _ERROR_FIELDS and isinstance(value, str | int | float | None)
        }
        return name, attributes
    return "RuntimeError", {"message": f"{type(error).__name__}: {error}"}


def _decode_error(name, attributes):
    """The exception :func:`_encode_error` described, of the same class."""
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, errors.LinkedInError)):
        return RuntimeError(attributes.get("message", name))
    error = cls.__new__(cls)
    Exception.__init__(error, attributes.get("message", ""))
    error.status = error.linkedin_message = None
    vars(error).update(attributes)
    return error


def _serve(stdin, stdout):
    """The child's loop: read tasks, fetch them on threads, write outcomes."""
    settings = _read_frame(stdin)
    if settings is None:
        return
    from .client import RecruiterClient

    options, workers = settings
    try:
        clients = [RecruiterClient(**options, logger=_logger) for _ in range(workers)]
    except (errors.LinkedInError, TypeError, ValueError) as error:
        _write_frame(stdout, ("failed", str(error)))
        return
    fetcher = ThreadFetcher(clients)
    outbox = queue.SimpleQueue()
    writer = threading.Thread(target=_write_outbox, args=(outbox, stdout))
    writer.start()
    outbox.put(("ready",))
    try:
        while (message := _read_frame(stdin)) is not None:
            task_id, task = message
            future = fetcher.submit(task)
            future.add_done_callback(
                lambda done, task_id=task_id: outbox.put(_outcome_frame(task_id, done))
            )
    finally:
        fetcher.close()
        outbox.put(None)
        writer.join()


def _outcome_frame(task_id, future):
    if future.cancelled():
        return ("cancelled", task_id, 0)
    error = future.exception()
    if error is not None:
        calls = getattr(error, "fetch_calls", 0)
        return ("error", task_id, calls, *_encode_error(error))
    items, skipped, calls = future.result()
    skipped = [str(error) for error in skipped]
    return ("result", task_id, calls, _encode_items(items), skipped)


def _write_outbox(outbox, stdout):
    while (message := outbox.get()) is not None:
        try:
            _write_frame(stdout, message)
        except (BrokenPipeError, ValueError, OSError):
            # The parent is gone: nobody wants the rest.
            os._exit(0)


class _SkippedElement(errors.BadResponseError):
    """A malformed element reported by the fetch process (message only)."""


def _decode_result(finder, rows, skipped):
    item_class = FINDERS[finder]
    items = [item_class(*row) for row in rows]
    return items, [_SkippedElement(text) for text in skipped]


class ProcessFetcher(_OrderedFetcher):
    """Fetches in a child process with ``workers`` clients built from ``options``.

    ``options`` are :class:`RecruiterClient` keyword arguments (no logger or
    session). Raises :class:`FetchProcessError` when the child cannot start;
    ``calls`` counts the HTTP calls the child reported.
    """

    # The caller saves for a while between reads: fetch further ahead.
    ahead = PROCESS_AHEAD

    def __init__(self, options, workers, python=None):
        self.calls = 0
        self._next_id = 0
        self._finders = {}
        self._arrived = {}
        self._abandoned = set()
        self._process = self._start(python or sys.executable)
        try:
            _write_frame(self._process.stdin, (dict(options), workers))
            answer = self._read_with_timeout(CHILD_START_SECONDS)
        except OSError:
            answer = None
        if not answer or answer[0] != "ready":
            self._process.kill()
            self._process.wait()
            reason = answer[1] if answer else "it did not answer"
            raise FetchProcessError(
                f"The LinkedIn fetch process did not start: {reason}"
            )

    @staticmethod
    def _start(python):
        package = os.path.dirname(os.path.abspath(__file__))
        package_root = os.path.dirname(package)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, (package_root, env.get("PYTHONPATH")))
        )
        try:
            return subprocess.Popen(
                [python, "-m", f"{os.path.basename(package)}.fetching"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
        except OSError as error:
            raise FetchProcessError(
                f"The LinkedIn fetch process did not start: {error}"
            ) from None

    def _read_with_timeout(self, seconds):
        answer = []
        reader = threading.Thread(
            target=lambda: answer.append(_read_frame(self._process.stdout)),
            daemon=True,
        )
        reader.start()
        reader.join(seconds)
        return answer[0] if answer else None

    def _submit(self, task):
        task_id = self._next_id
        self._next_id += 1
        self._finders[task_id] = task[0]
        try:
            _write_frame(self._process.stdin, (task_id, task))
        except OSError:
            self._arrived[task_id] = self._stopped_error()
        return task_id

    def _outcome(self, task_id):
        while task_id not in self._arrived:
            if not self._receive():
                return self._stopped_error()
        return self._arrived.pop(task_id)

    def _receive(self):
        """Read one message from the child; False when it has stopped."""
        message = _read_frame(self._process.stdout)
        if message is None:
            return False
        kind, task_id, calls, *rest = message
        self.calls += calls
        finder = self._finders.pop(task_id, None)
        if task_id in self._abandoned:
            self._abandoned.discard(task_id)
        elif kind == "result":
            self._arrived[task_id] = _decode_result(finder, *rest)
        elif kind == "error":
            self._arrived[task_id] = _decode_error(*rest)
        return True

    def _stopped_error(self):
        code = self._process.poll()
        return FetchProcessError(
            f"The LinkedIn fetch process stopped unexpectedly (exit code {code})"
        )

    def _abandon(self, handles):
        for task_id in handles:
            if self._arrived.pop(task_id, None) is None:
                self._abandoned.add(task_id)

    def close(self):
        """Stop the child: fetches in flight finish, their calls are counted."""
        process = self._process
        if process.stdin and not process.stdin.closed:
            try:
                process.stdin.close()
            except OSError:
                _logger.debug("The fetch process closed its stdin first")
        while self._receive():
            pass
        try:
            process.wait(CHILD_STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


if __name__ == "__main__":
    # Ctrl-C reaches the whole process group; the parent decides when to stop
    # (it closes our stdin), so the interrupt is its alone.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(
        level=logging.WARNING, format="%(levelname)s linkedin fetch: %(message)s"
    )
    _serve(sys.stdin.buffer, sys.stdout.buffer)
