# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run the sandbox app on a threaded stdlib WSGI server.

:func:`start_sandbox` serves it from a daemon thread and returns a
:class:`SandboxHandle` (``url``, ``admin``, ``store``, ``stop()``; also a
context manager), for tests and demos that need a real HTTP server in-process.
"""

import contextlib
import io
import logging
import socket
import socketserver
import threading
from http.server import BaseHTTPRequestHandler
from wsgiref.simple_server import ServerHandler, WSGIRequestHandler, WSGIServer

from .admin import SandboxAdmin
from .app import SandboxApp
from .store import Store

_logger = logging.getLogger(__name__)


class _KeepAliveServerHandler(ServerHandler):
    """Answers in HTTP/1.1, so that a client may keep its connection."""

    http_version = "1.1"

    def cleanup_headers(self):
        result = super().cleanup_headers()
        if "Content-Length" not in self.headers:
            self.request_handler.close_connection = True
        if self.request_handler.close_connection:
            self.headers["Connection"] = "close"
        return result


class _KeepAliveHandler(WSGIRequestHandler):
    """Serves every request of a persistent connection, as LinkedIn does.

    wsgiref answers one request per connection; a client then pays a TCP
    set-up per call, and the server a thread. A response without a
    Content-Length (none here) still closes the connection, as does a client
    sending ``Connection: close`` or speaking HTTP/1.0.
    """

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    # An idle connection is closed after this many seconds.
    timeout = 60
    # The standard HTTP loop: handle_one_request until close_connection.
    handle = BaseHTTPRequestHandler.handle

    def handle_one_request(self):
        try:
            self.raw_requestline = self.rfile.readline(65537)
        except (TimeoutError, ConnectionError):
            self.raw_requestline = b""
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > 65536:
            self.requestline = self.request_version = self.command = ""
            self.send_error(414)
            return
        if not self.parse_request():
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.send_error(400, "Bad Content-Length")
            return
        # The whole body is read whatever the app reads of it, or the next
        # request of the connection would start in its unread rest.
        body = io.BytesIO(self.rfile.read(length))
        handler = _KeepAliveServerHandler(
            body, self.wfile, self.get_stderr(), self.get_environ(), multithread=True
        )
        handler.request_handler = self
        handler.run(self.server.get_app())

    def log_message(self, format, *args):
        _logger.debug("%s %s", self.address_string(), format % args)


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """One thread per connection, so a slow (fault-delayed) call blocks no other."""

    daemon_threads = True
    allow_reuse_address = True

    def server_bind(self):
        # HTTPServer.server_bind calls socket.getfqdn(), a reverse DNS lookup
        # that can stall for seconds on hosts without a resolver.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = host
        self.server_port = port
        self.setup_environ()

    def __init__(self, *args, **kwargs):
        self._connections = set()
        self._connections_lock = threading.Lock()
        super().__init__(*args, **kwargs)

    def process_request(self, request, client_address):
        with self._connections_lock:
            self._connections.add(request)
        return super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._connections_lock:
            self._connections.discard(request)
        return super().shutdown_request(request)

    def close_connections(self):
        """End the kept-alive connections, so none is served after a stop."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request, client_address):
        _logger.debug("Sandbox connection error from %s", client_address, exc_info=True)


def make_server(host="127.0.0.1", port=0, seed="demo"):
    """Build (but do not start) a server; its ``app`` attribute is the app."""
    app = SandboxApp(Store(seed))
    server = ThreadingWSGIServer((host, port), _KeepAliveHandler)
    server.set_app(app)
    server.app = app
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
        self.server.close_connections()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def start_sandbox(seed="demo", host="127.0.0.1", port=0):
    """Start a sandbox on ``host:port`` (0 = ephemeral) and return its handle."""
    server = make_server(host, port, seed)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="linkedin-sandbox",
        daemon=True,
    )
    thread.start()
    return SandboxHandle(server, thread)
