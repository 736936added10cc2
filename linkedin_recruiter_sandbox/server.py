# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Serve the sandbox app with werkzeug's threaded WSGI server, on loopback.

:func:`start_sandbox` serves it from a daemon thread and returns a
:class:`SandboxHandle` (``url``, ``admin``, ``store``, ``stop()``; also a
context manager), for tests and demos that need a real HTTP server in-process.
"""

import contextlib
import ipaddress
import logging
import socket
import threading

from werkzeug.exceptions import ClientDisconnected
from werkzeug.serving import WSGIRequestHandler
from werkzeug.serving import make_server as make_werkzeug_server
from werkzeug.wsgi import LimitedStream, get_content_length

from .admin import SandboxAdmin
from .app import SandboxApp
from .store import Store

_logger = logging.getLogger(__name__)


def _end(connection):
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)


class _Connections:
    """The connections a server serves, so that a stop ends them at once.

    A connection that registers after :meth:`close` (accepted just before the
    stop) is ended on arrival.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._open = set()
        self._closed = False

    def add(self, connection):
        with self._lock:
            if not self._closed:
                self._open.add(connection)
                return
        _end(connection)

    def discard(self, connection):
        with self._lock:
            self._open.discard(connection)

    def close(self):
        with self._lock:
            self._closed = True
            connections, self._open = self._open, set()
        for connection in connections:
            _end(connection)


class _KeepAliveHandler(WSGIRequestHandler):
    """werkzeug's handler, serving every request of a persistent connection
    as LinkedIn does.

    werkzeug (2.x) answers every request with ``Connection: close``, as the
    rest of a body the app left unread would otherwise be taken for the next
    request. Here the app reads the body through a stream bounded by its
    Content-Length, and what it leaves is drained after the answer; the
    connection closes when the client sends ``Connection: close`` or speaks
    HTTP/1.0, when a body has no usable length, or after :attr:`timeout`
    idle seconds.
    """

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 60
    # Whether werkzeug is answering a request (and sending its close).
    _serving = False

    def setup(self):
        self.server.connections.add(self.request)
        return super().setup()

    def finish(self):
        self.server.connections.discard(self.request)
        return super().finish()

    def make_environ(self):
        environ = super().make_environ()
        if not environ.get("wsgi.input_terminated"):  # chunked input ends itself
            length = get_content_length(environ)
            if length is None and environ.get("CONTENT_LENGTH"):
                self.close_connection = True
            environ["wsgi.input"] = LimitedStream(self.rfile, length or 0)
        return environ

    def run_wsgi(self):
        self._serving = True
        result = super().run_wsgi()
        self._serving = False
        if not self.close_connection:
            self._drain()
        return result

    def _drain(self):
        """Read what the app left of the request body."""
        try:
            while self.environ["wsgi.input"].read(65536):
                pass
        except (OSError, ClientDisconnected):
            self.close_connection = True

    def send_header(self, keyword, value):
        # Drops werkzeug's unconditional close (see above) while the connection
        # stays open; http.server's own error answers still close it.
        keep = self._serving and not self.close_connection
        if keep and keyword.lower() == "connection":
            return None
        return super().send_header(keyword, value)

    def log(self, kind, message, *args):
        _logger.debug("%s %s", self.address_string(), message % args)


def make_server(host="127.0.0.1", port=0, seed="demo", strict=False):
    """Build (but do not start) a threaded server of a freshly seeded app.

    ``host`` must be a loopback address (ValueError otherwise): the admin API
    has no authentication; ``strict`` starts it in strict mode (CONTRACT.md).
    The server's ``app`` is the :class:`SandboxApp`,
    its ``connections`` the connections it serves.
    """
    if not ipaddress.ip_address(socket.gethostbyname(host)).is_loopback:
        raise ValueError(f"The sandbox serves on loopback only, not on {host}")
    server = make_werkzeug_server(
        host,
        port,
        SandboxApp(Store(seed, strict=strict)),
        threaded=True,
        request_handler=_KeepAliveHandler,
    )
    server.connections = _Connections()
    return server


class SandboxHandle:
    """A sandbox running in a daemon thread."""

    def __init__(self, server, thread):
        self.server = server
        self.thread = thread
        host, port = server.server_address[:2]
        self.url = f"http://{host}:{port}"
        self.app = server.app
        self.store = server.app.store
        self.admin = SandboxAdmin(self.url)

    def stop(self):
        """Stop serving, cut injected delays short and release the port."""
        self.app.stop_event.set()
        self.server.shutdown()
        self.server.connections.close()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def start_sandbox(seed="demo", host="127.0.0.1", port=0, strict=False):
    """Start a sandbox on ``host:port`` (0 = ephemeral), in strict mode if
    ``strict``, and return its handle."""
    server = make_server(host, port, seed, strict=strict)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="linkedin-sandbox",
        daemon=True,
    )
    thread.start()
    return SandboxHandle(server, thread)
