# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Exception taxonomy of the LinkedIn client.

Every failure the client reports is a :class:`LinkedInError`. Callers decide
between "try again later" and "fix something first" with the ``retryable``
attribute alone; the subclasses say why. Messages are plain English and never
contain a client secret or an access token (the client scrubs them).
"""


class LinkedInError(Exception):
    """Base class of every client failure.

    ``status`` is the HTTP status (None when there was no response),
    ``retryable`` tells whether the same call may succeed later unchanged and
    ``linkedin_message`` holds LinkedIn's own ``message`` field, if any.
    """

    retryable = False

    def __init__(self, message, *, status=None, retryable=None, linkedin_message=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.linkedin_message = linkedin_message
        if retryable is not None:
            self.retryable = retryable

    def __str__(self):
        return self.message


class AuthenticationError(LinkedInError):
    """The credentials or the access token were refused (401, token endpoint)."""


class IntegrationNotEnabledError(LinkedInError):
    """403: the integration is not enabled for this organization or contract.

    This is what a Recruiter Lite customer (no RSC contract) gets.
    """


class ThrottledError(LinkedInError):
    """429: LinkedIn throttled us; ``retry_after`` is in seconds (or None)."""

    retryable = True

    def __init__(self, message, *, status=429, retry_after=None, **kwargs):
        super().__init__(message, status=status, **kwargs)
        self.retry_after = retry_after


class RetryableError(LinkedInError):
    """A transient failure: 5xx, connection error or timeout."""

    retryable = True


class BadRequestError(LinkedInError):
    """LinkedIn refused the request itself (400, 404, 422...); see
    ``linkedin_message`` for its reason."""


class BadResponseError(LinkedInError):
    """The response could not be understood (malformed or unexpected JSON)."""


class MalformedJSONError(BadResponseError):
    """A 2xx response whose body is not JSON at all (truncated, garbled)."""


class InvalidRecordError(LinkedInError):
    """The client refused to send a record; ``field`` and ``record`` name it."""

    def __init__(self, message, *, field=None, record=None):
        super().__init__(message)
        self.field = field
        self.record = record
