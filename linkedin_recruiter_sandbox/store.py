# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""In-memory state of the sandbox, guarded by one re-entrant lock.

The store knows nothing about HTTP: it holds credentials and tokens, the
integration switches, members, seats, candidates, InMail events and notes,
and answers the queries of the API endpoints. Every public method takes the
lock itself, so the threaded server may call it from any thread.

InMail events are kept per viewer seat and notes per contract in lists
sorted by time (:class:`Timeline`), so a window query is two bisections.
"""

import bisect
import random
import secrets
import threading
import time
from collections import Counter
from operator import itemgetter

from ._runtime import schema
from .ranking import MemberIndex

TOKEN_LIFETIME_SECONDS = 1800
MATCH_LIMIT = 10
ORG_TYPES = ("PROFILE_PLUGIN", "IN_ATS_INDICATOR", "ONE_CLICK_EXPORT")
CONTRACT_TYPES = ("CSA_API",)
CANDIDATE_FIELDS = frozenset(
    {
        "addresses",
        "atsCreatedAt",
        "atsLastModifiedAt",
        "firstName",
        "lastName",
        "middleInitial",
        "prefix",
        "suffix",
        "emailAddresses",
        "phoneNumbers",
        "currentCompanyName",
        "currentJobTitle",
        "doNotContact",
        "externalProfileUrl",
        "linkedInProfileUrl",
    }
)
PROFILE_FIELDS = (
    "firstName",
    "lastName",
    "headline",
    "location",
    "profileUrl",
    "pictureUrl",
    "email",
)


def now_ms():
    return int(time.time() * 1000)


class SandboxError(Exception):
    """A refusal the HTTP layer turns into ``{"message", "status"}``."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class Timeline:
    """Items sorted by an ``(ms, id)`` key; ranges are half-open on ms."""

    __slots__ = ("keys", "items")

    def __init__(self):
        self.keys = []
        self.items = []

    def add(self, key, item):
        index = bisect.bisect_right(self.keys, key)
        self.keys.insert(index, key)
        self.items.insert(index, item)

    def append_unsorted(self, key, item):
        self.keys.append(key)
        self.items.append(item)

    def sort(self):
        pairs = sorted(zip(self.keys, self.items, strict=True), key=itemgetter(0))
        self.keys = [pair[0] for pair in pairs]
        self.items = [pair[1] for pair in pairs]

    def remove(self, key):
        index = bisect.bisect_left(self.keys, key)
        if index < len(self.keys) and self.keys[index] == key:
            del self.keys[index]
            del self.items[index]

    def between(self, start_ms=None, end_ms=None):
        """Items whose ms lies in ``[start_ms, end_ms)`` (None = unbounded)."""
        lo = 0 if start_ms is None else bisect.bisect_left(self.keys, (start_ms, -1))
        hi = (
            len(self.keys)
            if end_ms is None
            else bisect.bisect_left(self.keys, (end_ms, -1))
        )
        return self.items[lo:hi]


class Fault:
    """One injected fault on an endpoint (or ``*``), see CONTRACT.md."""

    KINDS = ("429", "500", "502", "503", "504", "401", "delay", "malformed")

    def __init__(self, spec):
        kind = str(spec.get("kind", ""))
        if kind not in self.KINDS:
            raise SandboxError(400, f"Unknown fault kind {kind!r}")
        self.endpoint = spec.get("endpoint") or "*"
        self.kind = kind
        self.rate = float(spec.get("rate", 1.0))
        self.every = spec.get("every")
        self.times = spec.get("times")
        self.after = int(spec.get("after", 0))
        self.retry_after = spec.get("retry_after")
        self.delay = float(spec.get("delay", 0.0))
        self.seen = 0
        self.fired = 0
        self._rng = random.Random(spec.get("seed", 0))

    def triggers(self, endpoint):
        if self.endpoint not in ("*", endpoint):
            return False
        self.seen += 1
        if self.seen <= self.after:
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        if self.every:
            hit = (self.seen - self.after) % int(self.every) == 0
        else:
            hit = self._rng.random() < self.rate
        self.fired += hit
        return hit

    def describe(self):
        return {
            "endpoint": self.endpoint,
            "kind": self.kind,
            "rate": self.rate,
            "every": self.every,
            "times": self.times,
            "after": self.after,
            "retry_after": self.retry_after,
            "delay": self.delay,
            "seen": self.seen,
            "fired": self.fired,
        }


class Store:
    """The sandbox's whole state; ``reset`` reseeds it."""

    def __init__(self, seed="demo", strict=False):
        self.lock = threading.RLock()
        # Strict mode (see strict.py) outlives resets, like the server itself.
        self.strict = bool(strict)
        self.reset(seed)

    # -- lifecycle -------------------------------------------------------------

    def reset(self, seed="demo"):
        from . import seed as seeds  # late import: seed builds on this module

        with self.lock:
            self.seed_name = seed
            self.started_ms = now_ms()
            self.clients = {}
            self.tokens = {}
            self.integrations = {}
            self.contracts = {}
            self.members = {}
            self.member_index = MemberIndex()
            self.seats = {}
            self.candidates = {}
            self.events = {}
            self.notes = {}
            self.note_timelines = {}
            self.threads = {}
            self.purged = []
            self.stats = Counter()
            self.faults = []
            self.fixtures = {}
            # The widget stand-in's state (widget.py): validJsSdkDomains per
            # client id, sandbox LinkedIn sessions by cookie value.
            self.js_domains = {}
            self.widget_sessions = {}
            self._ids = Counter()
            seeds.apply(self, seed)

    def next_id(self, kind, start):
        with self.lock:
            self._ids[kind] += 1
            return start + self._ids[kind]

    # -- credentials -----------------------------------------------------------

    def add_client(self, client_id, secret, organization, contracts, name):
        with self.lock:
            self.clients[client_id] = {
                "id": client_id,
                "secret": secret,
                "organization": organization,
                "contracts": set(contracts),
                "name": name,
            }

    def issue_token(self, client_id, secret):
        """A fresh token for valid credentials, else None."""
        with self.lock:
            client = self.clients.get(client_id)
            if not client or not secrets.compare_digest(client["secret"], secret):
                return None
            token = secrets.token_urlsafe(32)
            self.tokens[token] = (client_id, time.time() + TOKEN_LIFETIME_SECONDS)
            return token

    def client_for_token(self, token):
        """The client owning a live token; SandboxError(401) otherwise."""
        with self.lock:
            entry = self.tokens.get(token or "")
            if entry is None:
                raise SandboxError(401, "Invalid access token")
            if entry[1] <= time.time():
                raise SandboxError(401, "The token used in the request has expired")
            return self.clients[entry[0]]

    def expire_tokens(self):
        with self.lock:
            self.tokens = {t: (c, 0.0) for t, (c, _exp) in self.tokens.items()}
            return len(self.tokens)

    # -- contracts and integrations --------------------------------------------

    def add_contract(self, urn, organization, rsc=True, csa=True):
        with self.lock:
            self.contracts[urn] = {"urn": urn, "organization": organization, "rsc": rsc}
            self.integrations[(urn, "CSA_API")] = bool(rsc and csa)

    def set_integration(self, context, kind, enabled):
        with self.lock:
            if kind not in ORG_TYPES + CONTRACT_TYPES:
                raise SandboxError(400, f"Unknown integration type {kind!r}")
            self.integrations[(context, kind)] = bool(enabled)

    def integration_enabled(self, context, kind):
        with self.lock:
            return self.integrations.get((context, kind), False)

    def check_organization(self, client, organization):
        """Raise 403 unless the client may sync candidates for ``organization``."""
        if organization != client["organization"]:
            raise SandboxError(
                403, f"Application is not authorized for organization {organization}"
            )
        if not any(
            self.integration_enabled(organization, kind)
            for kind in ("PROFILE_PLUGIN", "IN_ATS_INDICATOR")
        ):
            raise SandboxError(
                403, f"No RSC integration is enabled for organization {organization}"
            )

    def check_contract(self, client, contract, need_csa=True):
        """Raise 403 unless the client may read ``contract``'s Recruiter data."""
        info = self.contracts.get(contract)
        if info is None or contract not in client["contracts"]:
            raise SandboxError(
                403, f"Application is not authorized for contract {contract}"
            )
        if not info["rsc"]:
            raise SandboxError(
                403,
                f"Contract {contract} has no Recruiter System Connect entitlement "
                "(Recruiter Lite)",
            )
        if need_csa and not self.integration_enabled(contract, "CSA_API"):
            raise SandboxError(
                403, f"The CSA_API integration is not enabled for contract {contract}"
            )

    # -- members and seats -----------------------------------------------------

    def add_member(self, data):
        """Add or replace a member; ``urn`` is generated when missing."""
        with self.lock:
            member = {key: data.get(key) for key in ("urn", *PROFILE_FIELDS)}
            member.update(
                phone=data.get("phone"),
                company=data.get("company"),
                title=data.get("title"),
            )
            if not member["urn"]:
                member["urn"] = f"urn:li:person:m{self.next_id('member', 0):06d}"
            if not str(member["urn"]).startswith("urn:li:person:"):
                raise SandboxError(400, "A member urn must start with urn:li:person:")
            self.members[member["urn"]] = member
            self.member_index.add(member)
            return dict(member)

    def purge_member(self, data):
        """Record that a member closed their account or was purged."""
        with self.lock:
            urn = data.get("member") or ""
            if not urn.startswith("urn:li:person:"):
                raise SandboxError(400, "member must be a urn:li:person: URN")
            reason = data.get("reason") or "CLOSED"
            if reason not in ("CLOSED", "PURGED"):
                raise SandboxError(400, "reason must be CLOSED or PURGED")
            entry = {
                "member": urn,
                "reason": reason,
                "purgedAt": int(data.get("purged_ms") or now_ms()),
            }
            self.purged.append(entry)
            self.purged.sort(key=lambda item: item["purgedAt"])
            return dict(entry)

    def purged_since(self, since_ms):
        with self.lock:
            return [dict(e) for e in self.purged if e["purgedAt"] > (since_ms or 0)]

    def profile(self, urn):
        member = self.members.get(urn)
        if member is None:
            return None
        return {key: member[key] for key in PROFILE_FIELDS if member.get(key)}

    def add_seat(self, data):
        """Add a seat; ``contract`` must exist, ``id`` is generated if missing."""
        with self.lock:
            contract = data.get("contract")
            if contract not in self.contracts:
                raise SandboxError(400, f"Unknown contract {contract!r}")
            seat_id = int(data.get("id") or self.next_id("seat", 90000))
            seat = {
                "id": seat_id,
                "member": data.get("member") or f"urn:li:person:seat{seat_id}",
                "contract": contract,
                "state": data.get("state") or "ACTIVE",
                "seatRoles": list(data.get("seatRoles") or ["RECRUITER"]),
                "firstName": data.get("firstName"),
                "lastName": data.get("lastName"),
                "email": data.get("email"),
            }
            self.seats[f"urn:li:seat:{seat_id}"] = seat
            return dict(seat)

    def seat(self, urn):
        with self.lock:
            seat = self.seats.get(urn)
            if seat is None:
                raise SandboxError(404, f"Unknown seat {urn}")
            return seat

    def seats_of(self, contracts, states):
        with self.lock:
            return sorted(
                (
                    dict(seat)
                    for seat in self.seats.values()
                    if seat["contract"] in contracts
                    and (not states or seat["state"] in states)
                ),
                key=itemgetter("id"),
            )

    # -- InMail ----------------------------------------------------------------

    def thread_for(self, seat_urn, member_urn):
        """The thread between a seat and a member, created on first use."""
        with self.lock:
            key = (seat_urn, member_urn)
            if key not in self.threads:
                self.threads[key] = self.next_id("thread", 400000)
            return f"urn:li:messagingThread:{self.threads[key]}"

    @staticmethod
    def _name_field(key, person):
        """``{key: full name}`` of a member or seat dict, empty without a name."""
        names = (person or {}).get("firstName"), (person or {}).get("lastName")
        name = " ".join(name for name in names if name)
        return {key: name} if name else {}

    def build_event(self, data):
        """An event dict (the API element) from admin-style input.

        ``authorName`` and ``recipientName`` are sandbox extras (LinkedIn
        documents no names): left out when the sandbox knows no name.
        """
        seat = self.seat(data.get("seat"))
        member = data.get("member")
        direction = (data.get("direction") or "SENT").upper()
        if direction not in ("SENT", "RECEIVED"):
            raise SandboxError(400, "direction must be SENT or RECEIVED")
        if not str(member or "").startswith("urn:li:person:"):
            raise SandboxError(400, "member must be a urn:li:person: URN")
        seat_urn = f"urn:li:seat:{seat['id']}"
        thread = data.get("thread") or self.thread_for(seat_urn, member)
        thread_id = thread.rsplit(":", 1)[-1]
        prospect = self.members.get(member)
        author, recipient = (
            (seat, prospect) if direction == "SENT" else (prospect, seat)
        )
        names = {
            **self._name_field("authorName", author),
            **self._name_field("recipientName", recipient),
        }
        return {
            "id": int(data.get("id") or self.next_id("event", 1000000)),
            "contract": seat["contract"],
            "viewer": seat_urn,
            "thread": thread,
            "threadUrl": f"https://www.linkedin.com/talent/inbox/0/main/id/{thread_id}",
            "author": seat["member"] if direction == "SENT" else member,
            "prospect": member,
            "direction": direction,
            "subject": data.get("subject"),
            "body": data.get("body"),
            "createdAt": int(data.get("created_ms") or now_ms()),
            **names,
        }

    def add_event(self, data, sort=True):
        with self.lock:
            event = self.build_event(data)
            timeline = self.events.setdefault(event["viewer"], Timeline())
            key = (event["createdAt"], event["id"])
            if sort:
                timeline.add(key, event)
            else:
                timeline.append_unsorted(key, event)
            return dict(event)

    def events_between(self, seat_urn, start_ms, end_ms, thread=None):
        with self.lock:
            timeline = self.events.get(seat_urn)
            items = timeline.between(start_ms, end_ms) if timeline else []
            if thread:
                items = [event for event in items if event["thread"] == thread]
            return items

    # -- notes -----------------------------------------------------------------

    def add_note(self, data, sort=True):
        with self.lock:
            owner = self.seat(data.get("owner"))
            created = int(data.get("created_ms") or now_ms())
            modified = int(data.get("modified_ms") or created)
            note = {
                "id": int(data.get("id") or self.next_id("note", 7000000)),
                "contract": owner["contract"],
                "owner": f"urn:li:seat:{owner['id']}",
                "prospect": data.get("member"),
                "note": data.get("text") or "",
                # A sandbox extra, like the InMail names.
                **self._name_field(
                    "prospectName", self.members.get(data.get("member"))
                ),
                "created": {"time": created, "actor": f"urn:li:seat:{owner['id']}"},
                "lastModified": {"time": modified, "actor": owner["member"]},
                "active": data.get("active", True) is not False,
            }
            self.notes[note["id"]] = note
            timeline = self.note_timelines.setdefault(note["contract"], Timeline())
            key = (modified, note["id"])
            if sort:
                timeline.add(key, note)
            else:
                timeline.append_unsorted(key, note)
            return dict(note)

    def change_note(self, note_id, text=None, active=None, modified_ms=None):
        """Edit or delete (``active=False``) a note, bumping lastModified."""
        with self.lock:
            note = self.notes.get(int(note_id))
            if note is None:
                raise SandboxError(404, f"Unknown note {note_id}")
            timeline = self.note_timelines[note["contract"]]
            timeline.remove((note["lastModified"]["time"], note["id"]))
            modified = int(modified_ms or now_ms())
            # lastModified must move forward or a cursor-based poll misses it.
            modified = max(modified, note["lastModified"]["time"] + 1)
            if text is not None:
                note["note"] = text
            if active is not None:
                note["active"] = bool(active)
            note["lastModified"] = {**note["lastModified"], "time": modified}
            timeline.add((modified, note["id"]), note)
            return dict(note)

    def notes_between(self, contract, start_ms, end_ms, owners=None):
        with self.lock:
            timeline = self.note_timelines.get(contract)
            items = timeline.between(start_ms, end_ms) if timeline else []
            if owners:
                items = [note for note in items if note["owner"] in owners]
            return items

    def sort_timelines(self):
        with self.lock:
            for timeline in (*self.events.values(), *self.note_timelines.values()):
                timeline.sort()

    # -- candidates ------------------------------------------------------------

    @staticmethod
    def validate_candidate(entity):
        """LinkedIn-like validation; return an error message or None."""
        if not isinstance(entity, dict):
            return "The entity must be a JSON object"
        for key, value in entity.items():
            if key not in CANDIDATE_FIELDS:
                return f"Unrecognized field {key!r}"
            if value is None:
                return f"Field {key!r} must not be null"
        for key in ("addresses", "phoneNumbers"):
            if not isinstance(entity.get(key), list):
                return f"{key} is required (use [] for none)"
        first = entity.get("firstName")
        if not isinstance(first, str) or not first.strip():
            return "firstName is required"
        for email in entity.get("emailAddresses") or []:
            if not isinstance(email, str) or not schema.EMAIL_RE.match(email):
                return f"Invalid email address {email!r}"
        for phone in entity["phoneNumbers"]:
            if not isinstance(phone, dict) or not isinstance(phone.get("number"), str):
                return "Each phoneNumbers item needs a number"
        return Store._validate_candidate_dates(entity)

    @staticmethod
    def _validate_candidate_dates(entity):
        created = entity.get("atsCreatedAt")
        modified = entity.get("atsLastModifiedAt")
        for name, value in (("atsCreatedAt", created), ("atsLastModifiedAt", modified)):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                return f"{name} must be a positive epoch-millisecond timestamp"
        if modified < created:
            return "atsLastModifiedAt must not be before atsCreatedAt"
        return None

    def put_candidate(self, organization, candidate_id, entity):
        with self.lock:
            old = self.candidates.get((organization, candidate_id), {})
            stored = dict(entity)
            if old.get("manualMatchedMember"):
                stored["manualMatchedMember"] = old["manualMatchedMember"]
            self.candidates[(organization, candidate_id)] = stored

    def candidate_view(self, organization, candidate_id):
        """The batch-get entity with computed matches, or None if unknown."""
        with self.lock:
            stored = self.candidates.get((organization, candidate_id))
            if stored is None:
                return None
            ranked = self.member_index.rank(stored, limit=MATCH_LIMIT)
            view = dict(stored)
            view["matchedMembers"] = [
                {
                    "member": item.member["urn"],
                    "score": item.score,
                    "reason": item.reason,
                    "profile": self.profile(item.member["urn"]),
                }
                for item in ranked
            ]
            return view

    def patch_candidate(self, organization, candidate_id, patch):
        """Apply ``$set``/``$delete`` of manualMatchedMember; raise on misuse."""
        with self.lock:
            stored = self.candidates.get((organization, candidate_id))
            if stored is None:
                raise SandboxError(404, f"Unknown candidate {candidate_id}")
            if not isinstance(patch, dict) or set(patch) - {"$set", "$delete"}:
                raise SandboxError(400, "A patch may only hold $set and $delete")
            to_set = patch.get("$set") or {}
            to_delete = patch.get("$delete") or []
            if set(to_set) - {"manualMatchedMember"} or set(to_delete) - {
                "manualMatchedMember"
            }:
                raise SandboxError(400, "Only manualMatchedMember can be patched")
            urn = to_set.get("manualMatchedMember")
            if urn is not None:
                if not str(urn).startswith("urn:li:person:"):
                    raise SandboxError(400, "manualMatchedMember must be a person URN")
                stored["manualMatchedMember"] = urn
            if "manualMatchedMember" in to_delete:
                stored.pop("manualMatchedMember", None)

    def delete_candidate(self, organization, candidate_id):
        with self.lock:
            if self.candidates.pop((organization, candidate_id), None) is None:
                raise SandboxError(404, f"Unknown candidate {candidate_id}")

    # -- faults and stats ------------------------------------------------------

    def add_fault(self, spec):
        with self.lock:
            fault = Fault(spec)
            self.faults.append(fault)
            return fault.describe()

    def clear_faults(self):
        with self.lock:
            self.faults = []

    def fault_for(self, endpoint):
        """The first fault that fires for this request, or None."""
        with self.lock:
            for fault in self.faults:
                if fault.triggers(endpoint):
                    return fault
            return None

    def count(self, endpoint, status=None):
        with self.lock:
            self.stats[endpoint] += 1
            if status is not None:
                self.stats[f"{endpoint} {status}"] += 1

    def snapshot(self):
        with self.lock:
            return {
                "requests": dict(self.stats),
                "faults": [fault.describe() for fault in self.faults],
                "counts": {
                    "members": len(self.members),
                    "seats": len(self.seats),
                    "candidates": len(self.candidates),
                    "events": sum(len(t.keys) for t in self.events.values()),
                    "notes": len(self.notes),
                    "tokens": len(self.tokens),
                },
            }
