# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one way ORM code opens a LinkedIn client for a user's action.

``with backend._session() as client:`` opens a client of the backend's
settings and closes it on exit; a LinkedIn error raised inside reaches the
caller as the translated UserError the user should read. Background jobs that
must tell LinkedIn errors apart (the import, the purge check) use
``backend._client()`` and :func:`user_error` instead.
"""

from odoo import _
from odoo.exceptions import UserError

from .linkedin_recruiter_connect import errors


class ClientSession:
    """Context manager: a backend's RecruiterClient, closed on exit."""

    def __init__(self, backend):
        self.backend = backend
        self.client = None

    def __enter__(self):
        self.client = self.backend._client()
        return self.client

    def __exit__(self, exc_type, exc, traceback):
        self.client.close()
        if isinstance(exc, errors.LinkedInError):
            raise user_error(self.backend, exc) from exc
        return False


def user_error(backend, error):
    """The UserError a user should read for a LinkedIn client ``error``."""
    company = backend.company_id.name
    if isinstance(error, errors.AuthenticationError):
        message = _(
            "LinkedIn refused the credentials of %(company)s: check the "
            "client ID and secret in Recruitment > Configuration > Settings.",
            company=company,
        )
    elif isinstance(error, errors.IntegrationNotEnabledError):
        message = _(
            "LinkedIn Recruiter System Connect is not enabled for contract "
            "%(contract)s. Recruiter Lite is not supported: RSC needs "
            "LinkedIn Recruiter Corporate or Professional Services, with the "
            "integration enabled by your Recruiter administrator.",
            contract=", ".join(backend.sudo().contract_ids.mapped("contract_urn")),
        )
    elif isinstance(error, errors.ThrottledError):
        message = _(
            "LinkedIn is limiting requests right now; try again in "
            "%(seconds)s seconds.",
            seconds=int(error.retry_after or 60),
        )
    elif isinstance(error, errors.InvalidRecordError):
        message = _(
            "The applicant cannot be sent to LinkedIn: %(reason)s", reason=error
        )
    elif isinstance(error, errors.BadRequestError):
        message = _("LinkedIn refused the request: %(reason)s", reason=error)
    elif isinstance(error, errors.BadResponseError):
        message = _(
            "LinkedIn answered with something unexpected; try again later. "
            "(%(reason)s)",
            reason=error,
        )
    else:
        message = _(
            "LinkedIn cannot be reached right now; try again later. (%(reason)s)",
            reason=error,
        )
    return UserError(message)
