# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""RecruiterClient: the only code that talks HTTP to LinkedIn.

One client serves one customer (one RSC child application). It fetches and
caches the 2-legged OAuth token (shared with the process's other clients of
the same credentials through a :class:`tokens.TokenCache`), retries
transient failures with bounded exponential backoff, pages through finders
and maps every failure to the :mod:`errors` taxonomy. It is not thread-safe:
use one client per thread.

API modes: ``api_mode="versioned"`` (the default) sends candidates to
``/rest/candidates`` and integration status to ``/rest/integrations``
(LinkedIn-Version 202602 and later: ``externalCandidateId``,
``externalCreatedAt``, ``externalLastModifiedAt``, no ``dataProvider`` in
keys); ``api_mode="v2"`` keeps the legacy ``/v2/atsCandidates`` and
``/v2/atsIntegrations``. InMail, notes and seats stay on ``/v2`` in both
modes, ``atsPurgedExportedCandidates`` is on ``/rest`` in both. Every
``/rest`` call sends ``LinkedIn-Version: <version>`` and
``X-Restli-Protocol-Version: 2.0.0`` and writes keys in Rest.li 2.0 notation
(:mod:`restli`); ``/v2`` calls send neither and use Rest.li 1.0 keys.

Query encoding: values are percent-encoded except ``:``, so URNs stay
readable (``viewer=urn:li:seat:5001``) as in LinkedIn's Postman collection;
LinkedIn and the sandbox also accept ``urn%3Ali%3Aseat%3A5001``. Batch keys
``ids[0].atsCandidateId`` go out as ``ids%5B0%5D.atsCandidateId``: requests
and urllib3 percent-encode brackets on the wire whatever we build, so the
client builds that form itself; servers decode it back to ``ids[0]``. A
Rest.li 2.0 ``ids=List(...)`` value is URL-encoded by :mod:`restli` and sent
as it is.

Secrets: the client secret and the access token never appear in a log line,
an exception text or a repr; messages coming back from the server are
scrubbed of both (raw or percent/form-encoded, whatever their length) before
they are raised, and the body of a token response is never echoed. Redirects
are never followed (a 3xx is a :class:`BadResponseError`), and both URLs must
be https unless their host is a loopback address (the sandbox).
"""

import contextlib
import ipaddress
import json
import logging
import random
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, quote, urlsplit

import requests

from . import restli, windows
from .errors import (
    AuthenticationError,
    BadRequestError,
    BadResponseError,
    IntegrationNotEnabledError,
    InvalidRecordError,
    LinkedInError,
    MalformedJSONError,
    RetryableError,
    ThrottledError,
)
from .schema import (
    CONTRACT_INTEGRATIONS,
    ORGANIZATION_INTEGRATIONS,
    CandidateMatches,
    CandidateSyncResult,
    InMailEvent,
    IntegrationStatus,
    ProspectNote,
    PurgedMember,
    Seat,
    Token,
    candidate_names,
    integration_enabled,
)
from .tokens import token_key

LINKEDIN_API_URL = "https://api.linkedin.com"
LINKEDIN_TOKEN_URL = "https://www.linkedin.com/oauth/v2/accessToken"
# The one place that says which API flavour we call (see the versioning notes
# in the API brief before switching to "/rest").
API_PREFIX = "/v2"
# Versioned endpoints (our contract for atsPurgedExportedCandidates) live here.
REST_PREFIX = "/rest"
VERSIONED = "versioned"
LEGACY_V2 = "v2"
API_MODES = (VERSIONED, LEGACY_V2)
# The latest LinkedIn-Version LinkedIn's documentation names.
DEFAULT_VERSION = "202604"
RESTLI_PROTOCOL_VERSION = "2.0.0"
BATCH_LIMIT = 100
TOKEN_MARGIN_SECONDS = 60
RETRY_STATUSES = frozenset({500, 502, 503, 504})
# ``client_secret=<value>`` as echoed from a form body, whatever the value.
SECRET_PARAM = re.compile(r"(client_secret=)[^&\s\"']*")
# The OAuth ``error`` code of a token refusal, the only part ever shown.
OAUTH_ERROR_CODE = re.compile(r"[a-z_]{1,64}")


# -- query and key encoding --------------------------------------------------


def quote_value(value):
    """Percent-encode a query value, keeping ``:`` readable in URNs."""
    return quote(str(value), safe=":")


class Encoded(str):
    """A query value already encoded for the wire (a Rest.li 2.0 value)."""


def encode_query(params):
    """Encode ``[(key, value), ...]`` in order, exactly as sent on the wire;
    an :class:`Encoded` value goes as it is."""
    return "&".join(
        f"{quote(key, safe='.')}={v if isinstance(v, Encoded) else quote_value(v)}"
        for key, v in params
    )


def encode_key(fields):
    """A Rest.li compound key string (as used in batch bodies)."""
    return encode_query(fields.items())


def parse_key(key):
    """Fields of a compound key string, whether ``:`` is encoded or not."""
    return dict(parse_qsl(key, keep_blank_values=True))


def candidate_key_fields(candidate_id, organization_urn, versioned=False):
    """The compound key of a candidate in ``/v2`` or (``versioned``) ``/rest``."""
    if versioned:
        return {
            "externalCandidateId": str(candidate_id),
            "integrationContext": organization_urn,
        }
    return {
        "atsCandidateId": str(candidate_id),
        "dataProvider": "ATS",
        "integrationContext": organization_urn,
    }


def integration_key_fields(context, kind, versioned=False):
    """The compound key of an integration in ``/v2`` or ``/rest``."""
    key = {
        "integrationContext": context,
        "integrationType": kind,
        "tenantType": "RECRUITER",
    }
    if not versioned:
        key["dataProvider"] = "ATS"
    return key


def batch_ids_params(keys):
    """``ids[i].field=value`` parameters for a list of compound keys."""
    return [
        (f"ids[{index}].{name}", value)
        for index, fields in enumerate(keys)
        for name, value in fields.items()
    ]


def _response_key(key, versioned):
    """The fields of a batch response key; BadResponseError if unreadable."""
    if not versioned:
        return parse_key(key)
    try:
        fields = restli.decode_key(key)
    except restli.RestliSyntaxError:
        raise BadResponseError(
            f"LinkedIn sent a batch key that is not Rest.li 2.0: {key[:100]!r}"
        ) from None
    if not all(isinstance(value, str) for value in fields.values()):
        raise BadResponseError(f"LinkedIn sent a nested batch key: {key[:100]!r}")
    return fields


def _chunks(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]


def _check_urn(value, kind, field):
    prefix = f"urn:li:{kind}:"
    if not isinstance(value, str) or not value.startswith(prefix) or value == prefix:
        raise InvalidRecordError(f"{field} must look like {prefix}<id>", field=field)


# What a parser raises on an element it cannot read.
MALFORMED_ELEMENT = (BadResponseError, TypeError, ValueError, KeyError)
# Attempts at a finder page that arrives truncated (malformed JSON).
MALFORMED_PAGE_ATTEMPTS = 3


def _secret_pattern(secret):
    """A regex matching ``secret`` raw or percent/form-encoded, in any mix.

    Each character matches its UTF-8 percent-encoding (hex in either case),
    ``+`` for a space, or itself; the encoded form is tried first so that a
    ``%`` in the secret takes a whole ``%25``.
    """
    return "".join(_char_pattern(char) for char in secret)


def _char_pattern(char):
    encoded = "".join(f"%{byte:02x}" for byte in char.encode())
    options = [f"(?i:{encoded})", *([r"\+"] if char == " " else []), re.escape(char)]
    return f"(?:{'|'.join(options)})"


def is_loopback_host(host):
    """Whether ``host`` is ``localhost`` or a loopback IP (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_transport(name, url):
    """Raise ValueError unless ``url`` is https, or http to a loopback host.

    The message names the scheme and host only (never credentials or a path).
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return
    if parts.scheme == "http" and is_loopback_host(host):
        return
    raise ValueError(
        f"{name} must be an https:// URL (plain http is allowed only to a "
        f"loopback host such as 127.0.0.1 or localhost), not "
        f"{parts.scheme or '(no scheme)'}://{host}"
    )


def _retry_after(response):
    """Seconds from a Retry-After header (delta-seconds or HTTP date)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().replace(".", "", 1).isdecimal():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class RecruiterClient:
    """Client of LinkedIn's Recruiter System Connect APIs for one customer.

    ``timeout`` is the (connect, read) timeout of every HTTP call. A failed
    call is retried on connection errors, timeouts, 429 (honouring
    Retry-After) and 500/502/503/504, at most ``max_attempts`` times in total
    and never beyond ``max_retry_seconds`` since the first attempt; a
    Retry-After longer than the remaining budget raises :class:`ThrottledError`
    at once. ``api_mode`` is ``"versioned"`` (``/rest`` candidates and
    integrations) or ``"v2"`` (legacy), see the module docstring; ``version``
    is the ``LinkedIn-Version`` of every ``/rest`` call (``None`` means
    :data:`DEFAULT_VERSION`). Redirects are not followed: a 3xx raises
    :class:`BadResponseError` at once. ``base_url`` and ``token_url`` must be
    https unless their host is loopback (else ValueError). ``calls`` counts
    every HTTP request sent (token requests included), ``token_calls`` the
    token requests alone. ``token_cache`` (a tokens.TokenCache) shares the
    access token with the process's other clients of the same credentials;
    without it the client keeps its own. ``sleep`` and ``clock`` are
    injectable for tests.
    """

    def __init__(
        self,
        client_id,
        client_secret,
        base_url=LINKEDIN_API_URL,
        token_url=None,
        version=DEFAULT_VERSION,
        api_mode=VERSIONED,
        timeout=(5, 30),
        max_attempts=4,
        max_retry_seconds=60,
        backoff_base=0.5,
        page_size=100,
        max_pages=1000,
        session=None,
        logger=None,
        sleep=time.sleep,
        clock=time.monotonic,
        rng=None,
        token_cache=None,
    ):
        if not client_id or not client_secret:
            raise InvalidRecordError(
                "The LinkedIn client id and client secret are required",
                field="client_id" if not client_id else "client_secret",
            )
        if len(timeout) != 2 or min(timeout) <= 0:
            raise ValueError("timeout must be a (connect, read) pair of positives")
        if max_attempts < 1 or page_size < 1 or max_pages < 1:
            raise ValueError("max_attempts, page_size and max_pages must be >= 1")
        if api_mode not in API_MODES:
            raise ValueError(f"api_mode must be one of {', '.join(API_MODES)}")
        self.client_id = client_id
        self._client_secret = client_secret
        self.base_url = base_url.rstrip("/")
        self.token_url = token_url or self._default_token_url(self.base_url)
        _check_transport("base_url", self.base_url)
        _check_transport("token_url", self.token_url)
        self.version = str(version or DEFAULT_VERSION)
        self.api_mode = api_mode
        self.versioned = api_mode == VERSIONED
        self.timeout = tuple(timeout)
        self.max_attempts = max_attempts
        self.max_retry_seconds = max_retry_seconds
        self.backoff_base = backoff_base
        self.page_size = min(page_size, BATCH_LIMIT)
        self.max_pages = max_pages
        self.logger = logger or logging.getLogger(__name__)
        self.calls = 0
        self.token_calls = 0
        self._own_session = session is None
        self._session = session or self._new_session(self.base_url)
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self._token = None
        self._token_cache = token_cache
        self._token_key = token_key(self.token_url, client_id, client_secret)

    @staticmethod
    def _new_session(base_url):
        """A session that reads proxy and CA settings from the environment once.

        requests otherwise re-reads them on every call, which costs more CPU
        than the rest of a small call (a sync makes tens of thousands). The
        proxies are those of ``base_url`` (``NO_PROXY`` applied to its host)
        and serve the token URL too.
        """
        session = requests.Session()
        settings = session.merge_environment_settings(base_url, {}, None, None, None)
        session.proxies.update(settings["proxies"])
        session.verify = settings["verify"]
        session.trust_env = False
        return session

    @staticmethod
    def _default_token_url(base_url):
        if urlsplit(base_url).hostname == "api.linkedin.com":
            return LINKEDIN_TOKEN_URL
        return f"{base_url}/oauth/v2/accessToken"

    def __repr__(self):
        return (
            f"<RecruiterClient client_id={self.client_id!r} base_url={self.base_url!r}"
            f" api_mode={self.api_mode!r}>"
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        """Close the HTTP session if the client created it."""
        if self._own_session:
            self._session.close()

    # -- secrets ---------------------------------------------------------------

    def _scrub(self, text):
        """``text`` with the client secret and the current token masked.

        Both are masked whatever their length, raw or percent/form-encoded;
        then any ``client_secret=<value>`` is masked whatever the value.
        """
        text = str(text)
        for secret in self._secrets():
            text = re.sub(_secret_pattern(secret), "***", text)
        return SECRET_PARAM.sub(r"\1***", text)

    def _secrets(self):
        """The client secret and the current token, longest first."""
        secrets = [self._client_secret]
        if self._token:
            secrets.append(self._token.access_token)
        return sorted(filter(None, secrets), key=len, reverse=True)

    # -- HTTP core -------------------------------------------------------------

    def _attempt(self, method, url, is_token, kwargs):
        """Send once; return the response, or the error to retry on."""
        self.calls += 1
        if is_token:
            self.token_calls += 1
        path = urlsplit(url).path
        started = time.perf_counter()
        try:
            response = self._session.request(
                method, url, timeout=self.timeout, allow_redirects=False, **kwargs
            )
        except requests.Timeout:
            return RetryableError(f"LinkedIn did not answer {method} {path} in time")
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):
            return RetryableError(f"Could not reach LinkedIn for {method} {path}")
        except requests.RequestException as exc:
            raise LinkedInError(
                f"Could not send {method} {path}: {type(exc).__name__}"
            ) from None
        self.logger.debug(
            "LinkedIn %s %s -> %s in %.0f ms",
            method,
            path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return self._outcome(method, path, response)

    @staticmethod
    def _outcome(method, path, response):
        """The response, or the error to retry on; raise on a redirect.

        A redirect is never followed (it could carry the secret or the token
        to another host) and its Location is never shown.
        """
        status = response.status_code
        if 300 <= status < 400:
            raise BadResponseError(
                f"LinkedIn answered {method} {path} with a redirect ({status}); "
                "redirects are not followed",
                status=status,
            )
        if status == 429:
            return ThrottledError(
                f"LinkedIn throttled {method} {path} (429)",
                retry_after=_retry_after(response),
            )
        if status in RETRY_STATUSES:
            return RetryableError(
                f"LinkedIn failed {method} {path} ({status})", status=status
            )
        return response

    def _retry_delay(self, error, attempt, started):
        """Seconds to wait before the next attempt, or None to give up."""
        if attempt >= self.max_attempts:
            return None
        remaining = self.max_retry_seconds - (self._clock() - started)
        retry_after = getattr(error, "retry_after", None)
        if retry_after is not None:
            delay = retry_after
        else:
            jitter = 0.5 + self._rng.random() / 2
            delay = self.backoff_base * 2 ** (attempt - 1) * jitter
        return delay if delay <= remaining else None

    def _send(self, method, url, is_token=False, **kwargs):
        """Send with retries; return a response whose status is not retryable."""
        started = self._clock()
        attempt = 0
        while True:
            attempt += 1
            outcome = self._attempt(method, url, is_token, kwargs)
            if not isinstance(outcome, LinkedInError):
                return outcome
            delay = self._retry_delay(outcome, attempt, started)
            if delay is None:
                raise outcome
            self.logger.warning(
                "%s; retry %d/%d in %.2f s",
                self._scrub(outcome),
                attempt,
                self.max_attempts - 1,
                delay,
            )
            self._sleep(delay)

    def _decode(self, method, path, response):
        """The JSON object of a 2xx response; else raise the mapped error."""
        status = response.status_code
        try:
            payload = response.json() if response.content else {}
        except ValueError:
            if 200 <= status < 300:
                raise MalformedJSONError(
                    f"LinkedIn sent malformed JSON for {method} {path}",
                    status=status,
                ) from None
            payload = {}
        if 200 <= status < 300:
            if not isinstance(payload, dict):
                raise BadResponseError(
                    f"LinkedIn sent unexpected JSON for {method} {path}",
                    status=status,
                )
            return payload
        message = payload.get("message") if isinstance(payload, dict) else None
        raise self._error_for(status, f"{method} {path}", message)

    def _error_for(self, status, what, linkedin_message):
        """The :mod:`errors` instance for a failed status."""
        detail = self._scrub(linkedin_message) if linkedin_message else None
        text = f"LinkedIn refused {what} ({status})" + (f": {detail}" if detail else "")
        kwargs = {"status": status, "linkedin_message": detail}
        if status == 401:
            return AuthenticationError(text, **kwargs)
        if status == 403:
            return IntegrationNotEnabledError(text, **kwargs)
        if status == 429:
            return ThrottledError(text, **kwargs)
        if status >= 500:
            return RetryableError(text, **kwargs)
        if 400 <= status < 500:
            return BadRequestError(text, **kwargs)
        return BadResponseError(f"LinkedIn sent an unexpected {status} for {what}")

    # -- token -----------------------------------------------------------------

    def _access_token(self, force=False):
        """A valid access token: this client's or the shared one while fresh,
        else a new one; ``force`` (LinkedIn refused the token) gets a new one."""
        now = self._clock()
        if force:
            self._forget_token()
        token = self._token or self._shared_token()
        if token and token.is_fresh(now, TOKEN_MARGIN_SECONDS):
            self._token = token
            return token.access_token
        self._token = None
        response = self._send(
            "POST",
            self.token_url,
            is_token=True,
            data={
                "grant_type": "client_credentials",
                "client_id": self.client_id,
                "client_secret": self._client_secret,
            },
            headers={"Accept": "application/json"},
        )
        path = urlsplit(self.token_url).path
        self._check_token_status(path, response)
        payload = self._decode("POST", path, response)
        self._token = Token.from_api(payload, obtained_at=now)
        if self._token_cache is not None:
            self._token_cache.put(self._token_key, self._token)
        self.logger.debug("LinkedIn token obtained, valid %d s", self._token.expires_in)
        return self._token.access_token

    def _shared_token(self):
        if self._token_cache is None:
            return None
        return self._token_cache.get(self._token_key)

    def _forget_token(self):
        if self._token and self._token_cache is not None:
            self._token_cache.discard(self._token_key, self._token)
        self._token = None

    def _check_token_status(self, path, response):
        """Raise for a failed token response, never echoing its body.

        400/401/403 is an :class:`AuthenticationError`; any other non-2xx is
        mapped by status alone.
        """
        status = response.status_code
        if status in (400, 401, 403):
            raise AuthenticationError(self._token_refusal(response), status=401)
        if not 200 <= status < 300:
            raise self._error_for(status, f"POST {path}", None)

    def _token_refusal(self, response):
        """The text of a refused token request.

        Of the body it shows at most the OAuth ``error`` code (a short
        ``[a-z_]+`` token), never ``error_description`` or other free text:
        servers echo the request, secret included.
        """
        text = f"LinkedIn refused the client credentials of {self.client_id!r}"
        text = f"{text} ({response.status_code})"
        code = self._oauth_error_code(response)
        return self._scrub(f"{text}: {code}" if code else text)

    @staticmethod
    def _oauth_error_code(response):
        """The body's OAuth ``error`` when it is a short code, else None."""
        try:
            payload = response.json()
        except ValueError:
            return None
        code = payload.get("error") if isinstance(payload, dict) else None
        if isinstance(code, str) and OAUTH_ERROR_CODE.fullmatch(code):
            return code
        return None

    # -- data calls ------------------------------------------------------------

    def _call(
        self, method, path, query=None, body=None, restli_method=None, prefix=API_PREFIX
    ):
        """One data call with the bearer token; on 401 re-token once."""
        path = f"{prefix}{path}"
        url = f"{self.base_url}{path}"
        if query:
            url = f"{url}?{encode_query(query)}"
        data = None if body is None else json.dumps(body)
        for force_token in (False, True):
            headers = {
                "Authorization": f"Bearer {self._access_token(force=force_token)}",
                "Accept": "application/json",
            }
            if prefix == REST_PREFIX:
                headers["LinkedIn-Version"] = self.version
                headers["X-Restli-Protocol-Version"] = RESTLI_PROTOCOL_VERSION
            if restli_method:
                headers["x-restli-method"] = restli_method
            if data is not None:
                headers["Content-Type"] = "application/json"
            response = self._send(method, url, data=data, headers=headers)
            if response.status_code != 401:
                break
            self.logger.info("LinkedIn refused the access token; getting a new one")
        return self._decode(method, path, response)

    def _paged(self, path, query, parse, prefix=API_PREFIX):
        """Yield parsed elements of every page of a finder."""
        start = 0
        for _page in range(self.max_pages):
            params = [*query, ("start", start), ("count", self.page_size)]
            payload = self._page(path, params, prefix)
            elements = payload.get("elements")
            if not isinstance(elements, list):
                raise BadResponseError(f"LinkedIn sent no elements list for {path}")
            for element in elements:
                yield parse(element)
            start, more = self._next_page(payload, start, len(elements))
            if not more:
                return
        raise BadResponseError(
            f"LinkedIn server never ends paging {prefix}{path} "
            f"(stopped after {self.max_pages} pages)"
        )

    def _page(self, path, params, prefix):
        """One finder page; one that arrives truncated is asked for again."""
        for _attempt in range(MALFORMED_PAGE_ATTEMPTS - 1):
            with contextlib.suppress(MalformedJSONError):
                return self._call("GET", path, query=params, prefix=prefix)
        return self._call("GET", path, query=params, prefix=prefix)

    def _next_page(self, payload, start, received):
        """``(next_start, more)`` from the ``paging`` object and the page size."""
        paging = payload.get("paging")
        paging = paging if isinstance(paging, dict) else {}
        next_start = start + received
        if received == 0:
            return next_start, False
        total = paging.get("total")
        if isinstance(total, int) and not isinstance(total, bool):
            return next_start, next_start < total
        count = paging.get("count")
        if not isinstance(count, int) or count <= 0:
            count = self.page_size
        return next_start, received >= min(count, self.page_size)

    # -- batch keys (Rest.li 1.0 on /v2, 2.0 on /rest) ---------------------------

    def _batch_query(self, keys, versioned):
        """The query naming the keys of a batch call."""
        if versioned:
            return [("ids", Encoded(restli.encode_ids(keys)))]
        return batch_ids_params(keys)

    @staticmethod
    def _body_key(key, versioned):
        """A key of a batch body's ``entities``."""
        return restli.encode_key(key) if versioned else encode_key(key)

    @staticmethod
    def _batch_entries(payload, versioned=False):
        """``(results, errors)`` of a Rest.li batch response, keyed by fields.

        Keys are parsed (Rest.li 2.0 ``(k:v,...)`` when ``versioned``, else
        ``k=v&...``), never compared as strings; a key that cannot be parsed
        is a :class:`BadResponseError`.
        """
        entries = []
        for name in ("results", "errors"):
            raw = payload.get(name) or {}
            if not isinstance(raw, dict):
                raise BadResponseError(f"LinkedIn sent a malformed batch {name!r}")
            entries.append(
                {
                    frozenset(_response_key(key, versioned).items()): value
                    for key, value in raw.items()
                }
            )
        return entries

    def _candidates_call(self, method, keys, body=None, restli_method=None):
        """One batch call on the candidates resource of the API mode."""
        if self.versioned:
            path, prefix = "/candidates", REST_PREFIX
        else:
            path, prefix = "/atsCandidates", API_PREFIX
        if body is not None:
            body = {
                "entities": {
                    self._body_key(key, self.versioned): value
                    for key, value in zip(keys, body, strict=True)
                }
            }
        return self._call(
            method,
            path,
            query=self._batch_query(keys, self.versioned),
            body=body,
            restli_method=restli_method,
            prefix=prefix,
        )

    # -- candidates ------------------------------------------------------------

    def sync_candidates(self, records, organization_urn):
        """Create or fully replace candidates (batch_update of
        ``rest/candidates``, or ``v2/atsCandidates`` in v2 mode).

        Every record is validated first (:class:`InvalidRecordError` names the
        candidate and the field, nothing is sent). Records go in chunks of at
        most 100, sent one after the other. Returns one
        :class:`CandidateSyncResult` per record, in input order.
        """
        _check_urn(organization_urn, "organization", "organization_urn")
        records = list(records)
        id_field = candidate_names(self.versioned)["id"]
        seen = set()
        for record in records:
            record.validate(versioned=self.versioned)
            if record.candidate_id in seen:
                raise InvalidRecordError(
                    f"Candidate {record.candidate_id} appears twice in one sync",
                    field=id_field,
                    record=record.candidate_id,
                )
            seen.add(record.candidate_id)
        results = []
        for chunk in _chunks(records, BATCH_LIMIT):
            keys = [
                self._candidate_key(record.candidate_id, organization_urn)
                for record in chunk
            ]
            entities = [r.to_entity(versioned=self.versioned) for r in chunk]
            payload = self._candidates_call(
                "PUT", keys, body=entities, restli_method="batch_update"
            )
            results.extend(self._sync_results(payload, keys))
        return results

    def _candidate_key(self, candidate_id, organization_urn):
        return candidate_key_fields(candidate_id, organization_urn, self.versioned)

    def _candidate_id(self, key):
        return key[candidate_names(self.versioned)["id"]]

    def _sync_results(self, payload, keys):
        results, errors = self._batch_entries(payload, self.versioned)
        reported = bool(results or errors)
        out = []
        for key in keys:
            lookup = frozenset(key.items())
            candidate_id = self._candidate_id(key)
            if lookup in errors:
                error = errors[lookup] if isinstance(errors[lookup], dict) else {}
                status = error.get("status") or 400
                message = self._scrub(error.get("message") or "Rejected by LinkedIn")
                out.append(CandidateSyncResult(candidate_id, status, False, message))
            elif lookup in results or not reported:
                entry = results.get(lookup)
                status = entry.get("status", 204) if isinstance(entry, dict) else 204
                out.append(CandidateSyncResult(candidate_id, status, status < 300))
            else:
                out.append(
                    CandidateSyncResult(
                        candidate_id, 0, False, "LinkedIn did not report on it"
                    )
                )
        return out

    def get_candidate_matches(self, candidate_ids, organization_urn):
        """Matches LinkedIn holds for candidates (batch get of
        ``rest/candidates``, or ``v2/atsCandidates`` in v2 mode).

        Returns ``{candidate_id (str): CandidateMatches}`` for every id asked;
        candidates LinkedIn does not know have ``found=False``.
        """
        _check_urn(organization_urn, "organization", "organization_urn")
        ids = list(dict.fromkeys(str(i) for i in candidate_ids))
        matches = {}
        for chunk in _chunks(ids, BATCH_LIMIT):
            keys = [self._candidate_key(i, organization_urn) for i in chunk]
            payload = self._candidates_call("GET", keys)
            results, errors = self._batch_entries(payload, self.versioned)
            for key in keys:
                matches[self._candidate_id(key)] = self._matches_for(
                    key, results, errors
                )
        return matches

    def _matches_for(self, key, results, errors):
        lookup = frozenset(key.items())
        candidate_id = self._candidate_id(key)
        if lookup in results:
            return CandidateMatches.from_api(
                candidate_id, results[lookup], versioned=self.versioned
            )
        error = errors.get(lookup)
        status = error.get("status") if isinstance(error, dict) else None
        if status and status != 404:
            raise self._error_for(
                status, f"candidate {candidate_id}", error.get("message")
            )
        return CandidateMatches(candidate_id, found=False)

    def set_manual_match(self, candidate_id, organization_urn, person_urn):
        """Record the member a user chose for a candidate (``$set``
        ``manualMatchedMember`` with batch_partial_update)."""
        _check_urn(person_urn, "person", "person_urn")
        self._patch_candidate(
            candidate_id,
            organization_urn,
            {"$set": {"manualMatchedMember": person_urn}},
        )

    def clear_manual_match(self, candidate_id, organization_urn):
        """Clear the manual match of a candidate.

        LinkedIn documents no API for this. Our contract (shared with the
        sandbox, see linkedin_recruiter_sandbox/CONTRACT.md) is Rest.li's
        field-removal patch on the same call as :meth:`set_manual_match`:
        ``{"patch": {"$delete": ["manualMatchedMember"]}}``.
        """
        self._patch_candidate(
            candidate_id, organization_urn, {"$delete": ["manualMatchedMember"]}
        )

    def _patch_candidate(self, candidate_id, organization_urn, patch):
        _check_urn(organization_urn, "organization", "organization_urn")
        key = self._candidate_key(candidate_id, organization_urn)
        payload = self._candidates_call(
            "POST", [key], body=[{"patch": patch}], restli_method="batch_partial_update"
        )
        _results, errors = self._batch_entries(payload, self.versioned)
        error = errors.get(frozenset(key.items()))
        if error is not None:
            error = error if isinstance(error, dict) else {}
            raise self._error_for(
                error.get("status") or 400,
                f"the update of candidate {candidate_id}",
                error.get("message"),
            )

    # -- seats, InMail, notes --------------------------------------------------

    def list_seats(self, contract_urn, states=("ACTIVE",)):
        """Every seat of a contract in the given states (``seatsV2``)."""
        _check_urn(contract_urn, "contract", "contract_urn")
        query = [("q", "attributes"), ("contracts", contract_urn)]
        query += [("states", state) for state in states]
        return list(self._paged("/seatsV2", query, Seat.from_api))

    def inmail_events(
        self,
        seat_urn,
        start_ms,
        end_ms,
        seat_member_urn=None,
        thread_urn=None,
        on_bad_element=None,
    ):
        """InMails seen by one seat created in ``[start_ms, end_ms)``.

        Sent and received messages of the seat's contract, every page, oldest
        first as LinkedIn returns them. ``direction`` comes from the payload,
        else from comparing the author with ``seat_member_urn``. LinkedIn asks
        for windows of at most 12 hours (see :mod:`windows`).

        An element that cannot be read fails the whole call, unless
        ``on_bad_element`` is given: then ``on_bad_element(element, error)``
        is called and the element left out. A malformed page still raises
        :class:`BadResponseError`.
        """
        _check_urn(seat_urn, "seat", "seat_urn")
        if start_ms >= end_ms:
            return []
        query = [("q", "criteria"), ("viewer", seat_urn)]
        if thread_urn:
            query.append(("threadUrn", thread_urn))
        query += windows.conversation_range_params(start_ms, end_ms).items()
        return self._elements(
            "/conversationEvents",
            query,
            lambda data: InMailEvent.from_api(data, seat_urn, seat_member_urn),
            on_bad_element,
        )

    def prospect_notes(
        self, contract_urn, after_ms, before_ms, owners=None, on_bad_element=None
    ):
        """Notes of a contract last modified in ``[after_ms, before_ms)``.

        The half-open window is converted to LinkedIn's exclusive
        ``cutoffDate`` and inclusive ``beforeDate``. Deleted notes come back
        with ``deleted=True``. ``owners`` (seat URNs) narrows the search.
        ``on_bad_element`` works as in :meth:`inmail_events`.
        """
        _check_urn(contract_urn, "contract", "contract_urn")
        if after_ms >= before_ms:
            return []
        query = [("q", "criteria"), ("contract", contract_urn)]
        for owner in owners or ():
            _check_urn(owner, "seat", "owners")
            query.append(("owners", owner))
        query += windows.notes_range_params(after_ms, before_ms).items()
        return self._elements(
            "/prospectNotes", query, ProspectNote.from_api, on_bad_element
        )

    def _elements(self, path, query, parse, on_bad_element):
        """Every parsed element of a finder; with ``on_bad_element``, one that
        cannot be read is reported (``on_bad_element(element, error)``) and
        left out."""
        if on_bad_element is None:
            return list(self._paged(path, query, parse))
        items = []
        for element in self._paged(path, query, lambda element: element):
            try:
                items.append(parse(element))
            except MALFORMED_ELEMENT as error:
                on_bad_element(element, error)
        return items

    def purged_members(self, contract_urn, after_ms=0):
        """Members who closed their account or were purged after ``after_ms``.

        LinkedIn names ``rest/atsPurgedExportedCandidates`` but documents no
        finder; our contract (linkedin_recruiter_sandbox/CONTRACT.md):
        ``q=contract``, ``contract``, ``purgedAfter`` (exclusive, epoch ms),
        paged; elements ``{"member", "reason": CLOSED|PURGED, "purgedAt"}``.
        The ATS must check at least every 30 days and offer to delete the
        member's data.
        """
        _check_urn(contract_urn, "contract", "contract_urn")
        query = [
            ("q", "contract"),
            ("contract", contract_urn),
            ("purgedAfter", int(after_ms)),
        ]
        return list(
            self._paged(
                "/atsPurgedExportedCandidates",
                query,
                PurgedMember.from_api,
                prefix=REST_PREFIX,
            )
        )

    # -- configuration ---------------------------------------------------------

    def integration_status(self, organization_urn, contract_urn):
        """Which RSC integrations are enabled (batch get of
        ``rest/integrations``, or ``v2/atsIntegrations`` in v2 mode).

        PROFILE_PLUGIN and IN_ATS_INDICATOR are asked with the organization
        URN, CSA_API with the contract URN. A 403 (e.g. a Recruiter Lite
        contract without RSC) means "not enabled" and its message is kept in
        ``IntegrationStatus.messages``; other failures raise.
        """
        _check_urn(organization_urn, "organization", "organization_urn")
        _check_urn(contract_urn, "contract", "contract_urn")
        enabled, messages = {}, {}
        for context, types in (
            (organization_urn, ORGANIZATION_INTEGRATIONS),
            (contract_urn, CONTRACT_INTEGRATIONS),
        ):
            self._integration_group(context, types, enabled, messages)
        return IntegrationStatus(organization_urn, contract_urn, enabled, messages)

    def _integration_group(self, context, types, enabled, messages):
        keys = [integration_key_fields(context, kind, self.versioned) for kind in types]
        if self.versioned:
            path, prefix = "/integrations", REST_PREFIX
        else:
            path, prefix = "/atsIntegrations", API_PREFIX
        try:
            payload = self._call(
                "GET",
                path,
                query=self._batch_query(keys, self.versioned),
                prefix=prefix,
            )
        except IntegrationNotEnabledError as exc:
            for kind in types:
                enabled[kind] = False
                messages[kind] = exc.linkedin_message or str(exc)
            return
        results, errors = self._batch_entries(payload, self.versioned)
        for key in keys:
            kind, lookup = key["integrationType"], frozenset(key.items())
            entry = results.get(lookup)
            enabled[kind] = isinstance(entry, dict) and integration_enabled(entry)
            error = errors.get(lookup)
            if isinstance(error, dict) and error.get("message"):
                messages[kind] = self._scrub(error["message"])
