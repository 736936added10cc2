# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""LinkedIn's versioned REST API in the sandbox: ``/rest/candidates``,
``/rest/integrations`` and the version check of every ``/rest`` path.

The versioned resources serve the same store as ``/v2/atsCandidates`` and
``/v2/atsIntegrations``: a candidate synced through v2 with
``atsCandidateId=42`` is ``externalCandidateId=42`` here, manual match
included. Entities are stored under their v2 names and renamed at this
boundary. Keys are Rest.li 2.0 (``ids=List((k:v,...))``), parsed from the raw
query string with :mod:`restli`. Mixing the flavours is refused with a 400
saying what to send instead: v2 names or Rest.li 1.0 keys on ``/rest``,
versioned names or ``List(...)`` keys on ``/v2``. See CONTRACT.md,
"Versioned REST API".
"""

import functools
import re
from urllib.parse import unquote

from ._runtime import restli
from .store import SandboxError

VERSION_RE = re.compile(r"[0-9]{4}(0[1-9]|1[0-2])")
# The versions the sandbox serves (LinkedIn keeps each about two years).
OLDEST_VERSION = "202404"
LATEST_VERSION = "202604"
RESTLI_PROTOCOL_VERSION = "2.0.0"
BATCH_LIMIT = 100
IDS_V1_RE = re.compile(r"^ids\[\d+\]\.")
CANDIDATE_KEY = ("externalCandidateId", "integrationContext")
INTEGRATION_KEY = ("integrationContext", "integrationType", "tenantType")
# v2 name -> versioned name (LinkedIn-Version 202602 renamed them).
RENAMED = {
    "atsCandidateId": "externalCandidateId",
    "atsCreatedAt": "externalCreatedAt",
    "atsLastModifiedAt": "externalLastModifiedAt",
}
TO_V2 = {new: old for old, new in RENAMED.items()}
LEGACY_NAMES = (*RENAMED, "dataProvider")


class Refusal(Exception):
    """A 400 in LinkedIn's style: ``{"status", "code", "message"}``."""

    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def answer(self):
        body = {"status": self.status, "code": self.code, "message": self.message}
        return self.status, body, {}


def check_version(request):
    """Raise :class:`Refusal` unless ``LinkedIn-Version`` names a served
    version (YYYYMM, OLDEST_VERSION..LATEST_VERSION)."""
    version = request.headers.get("LinkedIn-Version")
    if not version:
        raise Refusal(
            "VERSION_MISSING",
            "A version must be present. Please specify a version by adding the "
            "LinkedIn-Version header.",
        )
    if not (
        VERSION_RE.fullmatch(version) and OLDEST_VERSION <= version <= LATEST_VERSION
    ):
        raise Refusal(
            "NONEXISTENT_VERSION", f"Requested version {version} is not active"
        )


def raw_query(request):
    """``[(name, raw value)]`` of the query string: names decoded, values
    still percent-encoded (Rest.li 2.0 values must be parsed before that)."""
    text = request.query_string.decode("latin-1")
    pairs = []
    for part in text.split("&"):
        if part:
            name, _sep, value = part.partition("=")
            pairs.append((unquote(name), value))
    return pairs


def _legacy_name_message(name, resource):
    if name == "dataProvider":
        return (
            f"dataProvider is not part of {resource} keys since LinkedIn-Version "
            "202602; remove it"
        )
    return f"{name} is the /v2 name; {resource} takes {RENAMED[name]}"


class RestApi:
    """Handlers of the versioned paths, bound to a :class:`SandboxApp`."""

    def __init__(self, app):
        self.app = app

    @property
    def store(self):
        return self.app.store

    # -- wrappers --------------------------------------------------------------

    def versioned(self, handler):
        """``handler`` behind the version check (every ``/rest`` path)."""

        @functools.wraps(handler)
        def serve(request):
            try:
                check_version(request)
                self.store.count(request.path)
                return handler(request)
            except Refusal as refusal:
                return refusal.answer()

        return serve

    def legacy(self, handler, resource):
        """A ``/v2`` handler that first refuses the versioned flavour."""

        @functools.wraps(handler)
        def serve(request):
            try:
                self._refuse_versioned_on_v2(request, resource)
            except Refusal as refusal:
                return refusal.answer()
            return handler(request)

        return serve

    def _refuse_versioned_on_v2(self, request, resource):
        for name, value in raw_query(request):
            if name == "ids" and value.startswith(restli.LIST_PREFIX):
                raise Refusal(
                    "RESTLI_1_REQUIRED",
                    f"Rest.li 2.0 keys (ids=List(...)) are the /rest form; "
                    f"{resource} takes ids[0].field=value",
                )
            match = IDS_V1_RE.match(name)
            field = name[match.end() :] if match else None
            if field in TO_V2:
                raise Refusal(
                    "VERSIONED_FIELD",
                    f"{field} is the versioned (/rest) name; {resource} takes "
                    f"{TO_V2[field]}",
                )
        try:
            entities = request.payload().get("entities")
        except SandboxError:
            return  # the handler reports the body
        for entity in (entities or {}).values() if isinstance(entities, dict) else ():
            for field in entity if isinstance(entity, dict) else ():
                if field in TO_V2:
                    raise Refusal(
                        "VERSIONED_FIELD",
                        f"{field} is the versioned (/rest) name; {resource} "
                        f"takes {TO_V2[field]}",
                    )

    # -- keys ------------------------------------------------------------------

    def _ids(self, request, fields, resource):
        """``[(key string, key)]`` of the ``ids=List(...)`` parameter."""
        protocol = request.headers.get("X-Restli-Protocol-Version")
        if protocol != RESTLI_PROTOCOL_VERSION:
            raise Refusal(
                "RESTLI_2_REQUIRED",
                f"{resource} speaks Rest.li 2.0: send X-Restli-Protocol-Version: "
                f"{RESTLI_PROTOCOL_VERSION} and ids=List((...))",
            )
        pairs = raw_query(request)
        if any(IDS_V1_RE.match(name) for name, _value in pairs):
            raise Refusal(
                "RESTLI_2_REQUIRED",
                f"Rest.li 1.0 keys (ids[0].field=) are not accepted on {resource}: "
                "send ids=List((field:value,...))",
            )
        values = [value for name, value in pairs if name == "ids"]
        if len(values) != 1:
            raise SandboxError(400, "One ids=List((...)) parameter is required")
        try:
            keys = restli.decode_ids(values[0])
        except restli.RestliSyntaxError as error:
            raise SandboxError(400, f"Malformed ids: {error}") from None
        if not keys or len(keys) > BATCH_LIMIT:
            raise SandboxError(400, f"ids must list 1 to {BATCH_LIMIT} keys")
        return [self._key(key, fields, resource) for key in keys]

    @staticmethod
    def _key(key, fields, resource):
        """``(key string, ordered key)``; Refusal/SandboxError if wrong."""
        for name in key:
            if name in LEGACY_NAMES:
                raise Refusal("LEGACY_FIELD", _legacy_name_message(name, resource))
        if set(key) != set(fields) or not all(
            isinstance(value, str) and value for value in key.values()
        ):
            raise SandboxError(400, f"Each id needs exactly {', '.join(fields)}")
        ordered = {name: key[name] for name in fields}
        return restli.encode_key(ordered), ordered

    def _entities(self, request, keys, resource):
        """``[(key string, entity, key)]`` of a batch body matching the ids."""
        entities = request.payload().get("entities")
        if not isinstance(entities, dict):
            raise SandboxError(400, "The body needs an entities object")
        by_key = {}
        for raw_key, entity in entities.items():
            try:
                key = restli.decode_key(raw_key)
            except restli.RestliSyntaxError:
                raise Refusal(
                    "RESTLI_2_REQUIRED",
                    f"Entity key {raw_key!r} is not a Rest.li 2.0 key "
                    "(field:value,...)",
                ) from None
            key_string, ordered = self._key(key, CANDIDATE_KEY, resource)
            by_key[key_string] = (entity, ordered)
        if set(by_key) != {key_string for key_string, _key in keys} or len(
            by_key
        ) != len(entities):
            raise SandboxError(400, "The entity keys do not match the ids in the URL")
        return [(ks, by_key[ks][0], key) for ks, key in keys]

    # -- /rest/candidates --------------------------------------------------------

    def candidates(self, request):
        """Batch update (PUT), partial update (POST), get and delete."""
        resource = "/rest/candidates"
        client = self.app._client(request)
        keys = self._ids(request, CANDIDATE_KEY, resource)
        for _key_string, key in keys:
            self.store.check_organization(client, key["integrationContext"])
        method = request.headers.get("X-RestLi-Method", "").lower()
        if request.method == "PUT" and method == "batch_update":
            return self._batch_update(request, keys, resource)
        if request.method == "POST" and method == "batch_partial_update":
            return self._batch_each(
                self._patch, self._entities(request, keys, resource)
            )
        if request.method == "GET":
            return self._batch_get(keys)
        if request.method == "DELETE":
            return self._batch_each(self._delete, [(ks, None, k) for ks, k in keys])
        raise SandboxError(
            400,
            f"{request.method} candidates needs x-restli-method batch_update "
            "(PUT) or batch_partial_update (POST)",
        )

    def _batch_update(self, request, keys, resource):
        items = self._entities(request, keys, resource)
        for _key_string, entity, _key in items:
            for name in entity if isinstance(entity, dict) else ():
                if name in LEGACY_NAMES:
                    raise Refusal("LEGACY_FIELD", _legacy_name_message(name, resource))
        results, errors = {}, {}
        for key_string, entity, key in items:
            stored = (
                {TO_V2.get(name, name): value for name, value in entity.items()}
                if isinstance(entity, dict)
                else entity
            )
            problem = self.store.validate_candidate(stored)
            if problem:
                errors[key_string] = {"status": 400, "message": _renamed(problem)}
                continue
            self.store.put_candidate(
                key["integrationContext"], key["externalCandidateId"], stored
            )
            results[key_string] = {"status": 204}
        return 200, {"results": results, "errors": errors}, {}

    def _batch_get(self, keys):
        results, statuses, errors = {}, {}, {}
        for key_string, key in keys:
            candidate_id = key["externalCandidateId"]
            view = self.store.candidate_view(key["integrationContext"], candidate_id)
            if view is None:
                statuses[key_string] = 404
                errors[key_string] = {
                    "status": 404,
                    "message": f"Candidate {candidate_id} not found",
                }
            else:
                statuses[key_string] = 200
                results[key_string] = {
                    RENAMED.get(name, name): value for name, value in view.items()
                }
        return 200, {"results": results, "statuses": statuses, "errors": errors}, {}

    @staticmethod
    def _batch_each(action, items):
        results, errors = {}, {}
        for key_string, entity, key in items:
            try:
                action(key, entity)
            except SandboxError as exc:
                errors[key_string] = {"status": exc.status, "message": exc.message}
            else:
                results[key_string] = {"status": 204}
        return 200, {"results": results, "errors": errors}, {}

    def _patch(self, key, entity):
        if not isinstance(entity, dict) or "patch" not in entity:
            raise SandboxError(400, "patch is required")
        self.store.patch_candidate(
            key["integrationContext"], key["externalCandidateId"], entity["patch"]
        )

    def _delete(self, key, _entity):
        self.store.delete_candidate(
            key["integrationContext"], key["externalCandidateId"]
        )

    # -- /rest/integrations ------------------------------------------------------

    def integrations(self, request):
        """Batch get of integration status (no ``dataProvider`` in keys)."""
        if request.method != "GET":
            raise SandboxError(405, "Only the batch GET of integrations is served")
        client = self.app._client(request)
        keys = self._ids(request, INTEGRATION_KEY, "/rest/integrations")
        for _key_string, key in keys:
            self.app._check_context(client, key["integrationContext"])
        return self.app._integration_statuses(client, keys)


def _renamed(message):
    """A store validation message with the versioned field names."""
    for old, new in RENAMED.items():
        message = message.replace(old, new)
    return message
