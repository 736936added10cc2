# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Strict mode: API answers with only the fields LinkedIn documents.

One filter, :func:`strict_answer`, applied by the app to every API answer
(never to the admin API nor the widget pages) while the store's ``strict``
flag is on. It drops what CONTRACT.md calls sandbox extras, by shape rather
than by endpoint, so every path serving the same records (``/v2`` or the
versioned ``/rest``) is held to the same rule:

- ``matchedMembers`` items become bare member URN strings (no ``score``,
  ``reason`` or ``profile``);
- a seat (a record with ``seatRoles``) loses ``email``;
- an InMail event loses ``authorName``/``recipientName``, a note
  ``prospectName``.

The store keeps every field (seat emails sign in to the widget): strict
mode hides them from API answers only.
"""

from .store import SandboxError

# Keys that are sandbox extras wherever they appear in an API record.
EXTRA_KEYS = frozenset({"authorName", "recipientName", "prospectName"})
# Keys that are sandbox extras in a seat record.
SEAT_EXTRA_KEYS = frozenset({"email"})


def _member_urn(item):
    if isinstance(item, dict):
        return item.get("member") or item.get("urn")
    return item


def strict_record(record):
    """A copy of one API record (entity, element) without sandbox extras."""
    if not isinstance(record, dict):
        return record
    drop = EXTRA_KEYS | (SEAT_EXTRA_KEYS if "seatRoles" in record else frozenset())
    clean = {key: value for key, value in record.items() if key not in drop}
    if isinstance(clean.get("matchedMembers"), list):
        clean["matchedMembers"] = [
            urn for urn in map(_member_urn, clean["matchedMembers"]) if urn
        ]
    return clean


def strict_payload(payload):
    """A JSON answer with every record filtered: collection ``elements``,
    batch ``results`` values, or the answer itself when it is a record."""
    if not isinstance(payload, dict):
        return payload
    clean = strict_record(payload)
    if isinstance(clean.get("elements"), list):
        clean["elements"] = [strict_record(item) for item in clean["elements"]]
    if isinstance(clean.get("results"), dict):
        clean["results"] = {
            key: strict_record(value) for key, value in clean["results"].items()
        }
    return clean


def strict_answer(result):
    """``(status, payload, headers)`` of a handler with its payload filtered;
    raw bytes answers (e.g. injected malformed JSON) pass unchanged."""
    status, payload, headers = result
    return status, strict_payload(payload), headers


def admin_routes(store):
    """``GET``/``POST /_sandbox/mode``: read or switch strict mode."""

    def get_mode(request):
        return {"strict": store.strict}

    def set_mode(request):
        value = request.payload().get("strict")
        if not isinstance(value, bool):
            raise SandboxError(400, "strict must be true or false")
        with store.lock:
            store.strict = value
        return {"strict": store.strict}

    return {("GET", "mode"): get_mode, ("POST", "mode"): set_mode}
