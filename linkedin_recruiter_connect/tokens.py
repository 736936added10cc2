# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Access tokens shared by the clients of one process.

A client made for one click or one slice would otherwise spend a token
request (a LinkedIn round trip) before its first data call. A token is
shared only by clients of the same token URL, client id and client secret:
the key holds a digest of the secret, never the secret, so a changed secret
never reuses the old token. Tokens stay in memory, as a client's own does.
"""

import hashlib
import threading


def token_key(token_url, client_id, client_secret):
    """The cache key of a customer's credentials."""
    digest = hashlib.sha256(client_secret.encode()).hexdigest()
    return (token_url, client_id, digest)


class TokenCache:
    """Thread-safe ``{token_key: schema.Token}``."""

    def __init__(self):
        self._tokens = {}
        self._lock = threading.Lock()

    def get(self, key):
        """The token stored for ``key``, or None."""
        with self._lock:
            return self._tokens.get(key)

    def put(self, key, token):
        with self._lock:
            self._tokens[key] = token

    def discard(self, key, token):
        """Forget ``key``'s token if it still is ``token`` (LinkedIn refused
        it); a newer token another client stored meanwhile stays."""
        with self._lock:
            if self._tokens.get(key) is token:
                del self._tokens[key]

    def clear(self):
        with self._lock:
            self._tokens.clear()
