# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sandbox's WSGI application: LinkedIn's RSC paths plus an admin API.

Paths, methods, query encoding and payload shapes follow the API brief and,
where LinkedIn is silent, ``CONTRACT.md`` beside this file. Errors use
LinkedIn's shape ``{"message": ..., "status": ...}``. Requests and responses
are werkzeug's.
"""

import json
import logging
import re
import threading
from urllib.parse import parse_qsl, quote, urlencode

from werkzeug.wrappers import Request, Response

from . import seed as seeds
from . import strict as strict_mode
from .rest import RestApi
from .store import CONTRACT_TYPES, ORG_TYPES, SandboxError, Store
from .widget import Widget

_logger = logging.getLogger(__name__)
IDS_RE = re.compile(r"^ids\[(\d+)\]\.(\w+)$")
BATCH_LIMIT = 100
PAGE_LIMIT = 100
CANDIDATE_KEY = ("atsCandidateId", "dataProvider", "integrationContext")
INTEGRATION_KEY = (
    "integrationContext",
    "integrationType",
    "tenantType",
    "dataProvider",
)


class SandboxRequest(Request):
    """werkzeug's request, with the body and query conventions of CONTRACT.md."""

    def payload(self):
        """The body's JSON object, ``{}`` for no body; SandboxError(400) else."""
        body = self.get_data()
        if not body:
            return {}
        try:
            data = json.loads(body)
        except ValueError:
            raise SandboxError(
                400, "Unable to parse the request body as JSON"
            ) from None
        if not isinstance(data, dict):
            raise SandboxError(400, "The request body must be a JSON object")
        return data

    def arg_list(self, name):
        """Every value of a parameter; repeated and comma-separated both work."""
        return [
            part
            for value in self.args.getlist(name)
            for part in value.split(",")
            if part
        ]

    def int_arg(self, name, default=None):
        """An integer parameter, ``default`` when absent; SandboxError(400) if
        it is not an integer."""
        value = self.args.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except ValueError:
            raise SandboxError(400, f"{name} must be an integer") from None


def _fixed(status, message, headers=None):
    return status, {"message": message, "status": status}, headers or {}


class SandboxApp:
    """WSGI callable; ``store`` holds the state, ``stop_event`` cuts delays."""

    def __init__(self, store=None, stop_event=None):
        self.store = store or Store()
        self.stop_event = stop_event or threading.Event()
        # Versioned paths share the fault and stats names of their v2 twins.
        rest = RestApi(self)
        self.routes = {
            "/oauth/v2/accessToken": ("token", self.token),
            "/v2/atsCandidates": (
                "atsCandidates",
                rest.legacy(self.ats_candidates, "/v2/atsCandidates"),
            ),
            "/v2/atsIntegrations": (
                "atsIntegrations",
                rest.legacy(self.ats_integrations, "/v2/atsIntegrations"),
            ),
            "/rest/candidates": ("atsCandidates", rest.versioned(rest.candidates)),
            "/rest/integrations": (
                "atsIntegrations",
                rest.versioned(rest.integrations),
            ),
            "/v2/seatsV2": ("seatsV2", self.seats),
            "/v2/conversationEvents": ("conversationEvents", self.conversation_events),
            "/v2/prospectNotes": ("prospectNotes", self.prospect_notes),
            "/rest/atsPurgedExportedCandidates": (
                "atsPurgedExportedCandidates",
                rest.versioned(self.purged_members),
            ),
        }
        self.admin_routes = {
            ("POST", "reset"): self.admin_reset,
            ("GET", "fixtures"): lambda request: self.store.fixtures,
            ("GET", "stats"): lambda request: self.store.snapshot(),
            ("POST", "members"): lambda r: self.store.add_member(r.payload()),
            ("POST", "seats"): lambda r: self.store.add_seat(r.payload()),
            ("POST", "inmails"): lambda r: self.store.add_event(r.payload()),
            ("POST", "notes"): lambda r: self.store.add_note(r.payload()),
            ("POST", "tokens/expire"): self.admin_expire_tokens,
            ("POST", "integrations"): self.admin_integration,
            ("POST", "bulk"): lambda r: seeds.bulk(self.store, r.payload()),
            ("GET", "faults"): lambda r: self.store.snapshot()["faults"],
            ("POST", "faults"): lambda r: self.store.add_fault(r.payload()),
            ("DELETE", "faults"): self.admin_clear_faults,
            ("GET", "candidates"): self.admin_candidates,
            ("POST", "purged"): lambda r: self.store.purge_member(r.payload()),
        }
        # Strict mode (strict.py) and the widget stand-in (widget.py).
        self.admin_routes.update(strict_mode.admin_routes(self.store))
        self.widget = Widget(self)
        self.admin_routes.update(self.widget.admin_routes())

    # -- WSGI ------------------------------------------------------------------

    def __call__(self, environ, start_response):
        request = SandboxRequest(environ)
        if self.widget.serves(request.path):  # HTML and JavaScript, not JSON
            return self.widget.respond(request)(environ, start_response)
        try:
            status, payload, headers = self.dispatch(request)
        except SandboxError as exc:
            status, payload, headers = _fixed(exc.status, exc.message)
        except Exception:
            _logger.exception("Sandbox failure on %s %s", request.method, request.path)
            status, payload, headers = _fixed(500, "Internal sandbox error")
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        response = Response(
            body, status=status, headers=headers, content_type="application/json"
        )
        return response(environ, start_response)

    def dispatch(self, request):
        if request.path.startswith("/_sandbox/"):
            return 200, self.admin(request), {}
        route = self.routes.get(request.path) or self.widget.api_route(request.path)
        if route is None:
            raise SandboxError(404, f"No resource at {request.path}")
        endpoint, handler = route
        status = 500
        try:
            result = self._fault(endpoint) or handler(request)
            status = result[0]
            if self.store.strict:
                return strict_mode.strict_answer(result)
            return result
        except SandboxError as exc:
            status = exc.status
            raise
        finally:
            self.store.count(endpoint, status)

    def _fault(self, endpoint):
        """The injected response for this request, or None to serve it."""
        fault = self.store.fault_for(endpoint)
        if fault is None:
            return None
        if fault.kind == "delay":
            self.stop_event.wait(fault.delay)
            return None
        if fault.kind == "malformed":
            return 200, b'{"elements": [{"id": 1,', {}
        if fault.kind == "401":
            return _fixed(401, "The token used in the request has expired")
        status = int(fault.kind)
        headers = {}
        if status == 429 and fault.retry_after is not None:
            headers["Retry-After"] = str(fault.retry_after)
        return _fixed(status, f"Injected fault {status}", headers)

    def _client(self, request):
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            raise SandboxError(401, "Missing bearer access token")
        return self.store.client_for_token(auth[len("Bearer ") :])

    # -- token -----------------------------------------------------------------

    def token(self, request):
        """OAuth client-credentials token endpoint (form-encoded POST)."""
        if request.method != "POST":
            raise SandboxError(405, "Use POST")
        form = request.form
        if form.get("grant_type") != "client_credentials":
            return (
                400,
                {
                    "error": "unsupported_grant_type",
                    "error_description": "grant_type must be client_credentials",
                },
                {},
            )
        token = self.store.issue_token(
            form.get("client_id", ""), form.get("client_secret", "")
        )
        if token is None:
            return (
                401,
                {
                    "error": "invalid_client",
                    "error_description": "Client authentication failed",
                },
                {},
            )
        return 200, {"access_token": token, "expires_in": 1800}, {}

    # -- batch helpers ---------------------------------------------------------

    def _ids(self, request, fields):
        """``[(key string, key)]`` of the ``ids[i].field=value`` parameters, in
        index order; a key string lists ``fields`` in their order."""
        found = {}
        for name, value in request.args.items(multi=True):
            match = IDS_RE.match(name)
            if match:
                found.setdefault(int(match.group(1)), {})[match.group(2)] = value
        if not found:
            raise SandboxError(400, "ids[0]... parameters are required")
        if sorted(found) != list(range(len(found))) or len(found) > BATCH_LIMIT:
            raise SandboxError(
                400, f"ids must be numbered 0..n-1 with n <= {BATCH_LIMIT}"
            )
        keys = [found[index] for index in range(len(found))]
        for key in keys:
            if set(key) != set(fields) or not all(key.values()):
                raise SandboxError(400, f"Each id needs exactly {', '.join(fields)}")
        ordered = [{name: key[name] for name in fields} for key in keys]
        return [(urlencode(key, safe=":", quote_via=quote), key) for key in ordered]

    @staticmethod
    def _entities(request, keys):
        """``[(key string, entity, key)]`` of a batch body matching the ids;
        the key string is the body's."""
        entities = request.payload().get("entities")
        if not isinstance(entities, dict):
            raise SandboxError(400, "The body needs an entities object")
        by_key = {frozenset(parse_qsl(ks)): (ks, v) for ks, v in entities.items()}
        wanted = [(frozenset(key.items()), key) for _key_string, key in keys]
        lookups = {lookup for lookup, _key in wanted}
        if set(by_key) != lookups or len(by_key) != len(entities):
            raise SandboxError(400, "The entity keys do not match the ids in the URL")
        return [(*by_key[lookup], key) for lookup, key in wanted]

    # -- atsCandidates ---------------------------------------------------------

    def ats_candidates(self, request):
        client = self._client(request)
        keys = self._ids(request, CANDIDATE_KEY)
        for _key_string, key in keys:
            if key["dataProvider"] != "ATS":
                raise SandboxError(400, "dataProvider must be ATS")
            self.store.check_organization(client, key["integrationContext"])
        method = request.headers.get("X-RestLi-Method", "").lower()
        if request.method == "PUT" and method == "batch_update":
            return self._batch_update(request, keys)
        if request.method == "POST" and method == "batch_partial_update":
            return self._batch_patch(request, keys)
        if request.method == "GET":
            return self._batch_get(keys)
        if request.method == "DELETE":
            return self._batch_delete(keys)
        raise SandboxError(
            400,
            f"{request.method} atsCandidates needs x-restli-method batch_update "
            "(PUT) or batch_partial_update (POST)",
        )

    def _batch_update(self, request, keys):
        results, errors = {}, {}
        for key_string, entity, key in self._entities(request, keys):
            problem = self.store.validate_candidate(entity)
            if problem:
                errors[key_string] = {"status": 400, "message": problem}
                continue
            self.store.put_candidate(
                key["integrationContext"], key["atsCandidateId"], entity
            )
            results[key_string] = {"status": 204}
        return 200, {"results": results, "errors": errors}, {}

    def _batch_get(self, keys):
        results, statuses, errors = {}, {}, {}
        for key_string, key in keys:
            view = self.store.candidate_view(
                key["integrationContext"], key["atsCandidateId"]
            )
            if view is None:
                statuses[key_string] = 404
                errors[key_string] = {
                    "status": 404,
                    "message": f"Candidate {key['atsCandidateId']} not found",
                }
            else:
                statuses[key_string] = 200
                results[key_string] = view
        return 200, {"results": results, "statuses": statuses, "errors": errors}, {}

    def _batch_patch(self, request, keys):
        results, errors = {}, {}
        for key_string, entity, key in self._entities(request, keys):
            if not isinstance(entity, dict) or "patch" not in entity:
                errors[key_string] = {"status": 400, "message": "patch is required"}
                continue
            try:
                self.store.patch_candidate(
                    key["integrationContext"], key["atsCandidateId"], entity["patch"]
                )
            except SandboxError as exc:
                errors[key_string] = {"status": exc.status, "message": exc.message}
            else:
                results[key_string] = {"status": 204}
        return 200, {"results": results, "errors": errors}, {}

    def _batch_delete(self, keys):
        results, errors = {}, {}
        for key_string, key in keys:
            try:
                self.store.delete_candidate(
                    key["integrationContext"], key["atsCandidateId"]
                )
            except SandboxError as exc:
                errors[key_string] = {"status": exc.status, "message": exc.message}
            else:
                results[key_string] = {"status": 204}
        return 200, {"results": results, "errors": errors}, {}

    # -- atsIntegrations -------------------------------------------------------

    def ats_integrations(self, request):
        if request.method != "GET":
            raise SandboxError(405, "Only the batch GET of atsIntegrations is served")
        client = self._client(request)
        keys = self._ids(request, INTEGRATION_KEY)
        for _key_string, key in keys:
            self._check_context(client, key["integrationContext"])
        return self._integration_statuses(client, keys)

    def _integration_statuses(self, client, keys):
        """The batch answer of integration status for ``keys`` (both API
        flavours): a per-key 400 for a type that does not fit its context."""
        results, errors = {}, {}
        for key_string, key in keys:
            context, kind = key["integrationContext"], key["integrationType"]
            expected = (
                ORG_TYPES
                if context.startswith("urn:li:organization:")
                else CONTRACT_TYPES
            )
            if kind not in expected:
                errors[key_string] = {
                    "status": 400,
                    "message": f"{kind} is not an integration type for {context}",
                }
                continue
            results[key_string] = {
                **key,
                "integrationName": f"Odoo - {client['name']}",
                "enabled": self.store.integration_enabled(context, kind),
            }
        return 200, {"results": results, "errors": errors}, {}

    def _check_context(self, client, context):
        if context.startswith("urn:li:contract:"):
            self.store.check_contract(client, context, need_csa=False)
        elif context != client["organization"]:
            raise SandboxError(
                403, f"Application is not authorized for organization {context}"
            )

    # -- finders ---------------------------------------------------------------

    @staticmethod
    def _finder(request, name):
        if request.method != "GET":
            raise SandboxError(405, "Use GET")
        if request.args.get("q") != name:
            raise SandboxError(400, f"q={name} is required")

    @staticmethod
    def _page(request, items, start=None):
        """A Rest.li collection page: ``elements`` and ``paging``."""
        start = request.int_arg("start", 0) if start is None else start
        count = request.int_arg("count", 10)
        if start < 0 or count < 1:
            raise SandboxError(400, "start must be >= 0 and count >= 1")
        count = min(count, PAGE_LIMIT)
        elements = [dict(item) for item in items[start : start + count]]
        links = []
        if start + count < len(items):
            links.append({"rel": "next", "type": "application/json"})
        paging = {"start": start, "count": count, "total": len(items), "links": links}
        return 200, {"elements": elements, "paging": paging}, {}

    def seats(self, request):
        self._finder(request, "attributes")
        client = self._client(request)
        contracts = request.arg_list("contracts")
        if not contracts:
            raise SandboxError(400, "contracts is required")
        for contract in contracts:
            self.store.check_contract(client, contract)
        start = request.int_arg("start")
        if start is None:
            raise SandboxError(400, "start is required")
        items = self.store.seats_of(set(contracts), set(request.arg_list("states")))
        return self._page(request, items, start)

    def conversation_events(self, request):
        self._finder(request, "criteria")
        client = self._client(request)
        viewer = request.args.get("viewer") or ""
        if not viewer.startswith("urn:li:seat:"):
            raise SandboxError(400, "viewer must be a urn:li:seat: URN")
        seat = self.store.seat(viewer)
        self.store.check_contract(client, seat["contract"])
        start_ms = request.int_arg("timeRange.start")
        end_ms = request.int_arg("timeRange.end")
        if start_ms is not None and end_ms is not None and start_ms >= end_ms:
            raise SandboxError(400, "timeRange.start must be before timeRange.end")
        items = self.store.events_between(
            viewer, start_ms, end_ms, request.args.get("threadUrn")
        )
        return self._page(request, items)

    def prospect_notes(self, request):
        self._finder(request, "criteria")
        client = self._client(request)
        contract = request.args.get("contract") or ""
        self.store.check_contract(client, contract)
        cutoff = request.int_arg("cutoffDate")
        before = request.int_arg("beforeDate")
        # cutoffDate is exclusive and beforeDate inclusive: [cutoff+1, before+1).
        items = self.store.notes_between(
            contract,
            None if cutoff is None else cutoff + 1,
            None if before is None else before + 1,
            set(request.arg_list("owners")) or None,
        )
        return self._page(request, items)

    def purged_members(self, request):
        self._finder(request, "contract")
        client = self._client(request)
        contract = request.args.get("contract") or ""
        self.store.check_contract(client, contract, need_csa=False)
        items = self.store.purged_since(request.int_arg("purgedAfter"))
        return self._page(request, items)

    # -- admin -----------------------------------------------------------------

    def admin(self, request):
        action = request.path[len("/_sandbox/") :].strip("/")
        note = re.fullmatch(r"notes/(\d+)", action)
        if note and request.method in ("PATCH", "DELETE"):
            return self.admin_note(request, int(note.group(1)))
        handler = self.admin_routes.get((request.method, action))
        if handler is None:
            raise SandboxError(404, f"No admin action {request.method} {action}")
        return handler(request)

    def admin_reset(self, request):
        seed = request.payload().get("seed") or "demo"
        self.store.reset(seed)
        return {"seed": seed, "now_ms": self.store.started_ms}

    def admin_note(self, request, note_id):
        data = request.payload()
        if request.method == "DELETE":
            return self.store.change_note(
                note_id, active=False, modified_ms=data.get("modified_ms")
            )
        return self.store.change_note(
            note_id, text=data.get("text"), modified_ms=data.get("modified_ms")
        )

    def admin_expire_tokens(self, request):
        return {"expired": self.store.expire_tokens()}

    def admin_integration(self, request):
        data = request.payload()
        self.store.set_integration(
            data.get("context"), data.get("type"), data.get("enabled", True)
        )
        return {"context": data.get("context"), "type": data.get("type")}

    def admin_clear_faults(self, request):
        self.store.clear_faults()
        return {"faults": []}

    def admin_candidates(self, request):
        with self.store.lock:
            return [
                {"organization": org, "atsCandidateId": cid, **entity}
                for (org, cid), entity in sorted(self.store.candidates.items())
            ]
