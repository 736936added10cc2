# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The registry of the kinds of LinkedIn activity the import brings in.

Each kind says where it is fetched (a finder of :mod:`fetching`), whose
cursor a stream of it moves (every active seat, or every contract), how a
fetched item becomes staging values, whether LinkedIn can still change it,
and how it shows in the chatter. The import and the staging model read these
entries instead of testing the kind by name: a new kind is one entry here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .windows import from_epoch_ms


def naive_utc(ms):
    """Odoo's naive UTC datetime for epoch milliseconds (None stays None)."""
    if ms is None:
        return None
    return from_epoch_ms(int(ms)).replace(tzinfo=None, microsecond=0)


@dataclass(frozen=True)
class ActivityKind:
    """One kind of LinkedIn activity, as the import and the chatter see it."""

    code: str
    """``linkedin.activity.kind`` of its staged rows."""
    label: str
    finder: str
    """The :class:`RecruiterClient` finder fetching a window of it."""
    finder_args: Callable
    """``(owner, start_ms, end_ms) -> args`` of the finder for a stream."""
    cursor_owner: str
    """``"seat"``: one stream per active seat; ``"contract"``: per contract."""
    cursor_field: str
    """The owner's field holding the stream's cursor (epoch ms)."""
    values: Callable
    """``item -> dict``: staging values of a fetched item, without ids."""
    mutable: bool
    """LinkedIn edits or deletes it later: a newer copy restages the row
    and updates its messages."""
    message_type: str
    """``mail.message.message_type`` of its chatter messages."""
    internal: bool
    """Shown as an internal note rather than as a message."""
    html: bool
    """Its text may be HTML (else it is plain text)."""


def _inmail_values(event):
    created = naive_utc(event.created_ms)
    return {
        "kind": "inmail",
        "external_id": str(event.external_id),
        "member_urn": event.member_urn,
        "member_name": event.member_name,
        "seat_urn": event.seat_urn,
        "contract_urn": event.contract,
        "author_urn": event.author_urn,
        "direction": "sent" if event.direction == "SENT" else "received",
        "thread_urn": event.thread_urn,
        "thread_url": event.thread_url,
        "subject": event.subject,
        "body": event.body,
        "linkedin_created_at": created,
        "linkedin_modified_at": created,
        "linkedin_modified_ms": event.created_ms,
        "active": True,
    }


def _note_values(note):
    return {
        "kind": "note",
        "external_id": str(note.external_id),
        "member_urn": note.member_urn,
        "member_name": note.member_name,
        "seat_urn": note.owner_urn,
        "contract_urn": note.contract,
        "author_urn": note.owner_urn,
        "body": note.text,
        "linkedin_created_at": naive_utc(note.created_ms),
        "linkedin_modified_at": naive_utc(note.last_modified_ms),
        "linkedin_modified_ms": note.last_modified_ms,
        "active": note.active,
    }


INMAIL = ActivityKind(
    code="inmail",
    label="InMail",
    finder="inmail_events",
    finder_args=lambda seat, start, end: (
        seat.seat_urn,
        start,
        end,
        seat.member_urn or None,
    ),
    cursor_owner="seat",
    cursor_field="linkedin_inmail_cursor_ms",
    values=_inmail_values,
    mutable=False,
    message_type="email",
    internal=False,
    html=True,
)

NOTE = ActivityKind(
    code="note",
    label="Recruiter Note",
    finder="prospect_notes",
    finder_args=lambda contract, start, end: (contract.contract_urn, start, end),
    cursor_owner="contract",
    cursor_field="notes_cursor_ms",
    values=_note_values,
    mutable=True,
    message_type="comment",
    internal=True,
    html=False,
)

KINDS = {kind.code: kind for kind in (INMAIL, NOTE)}


def selection():
    """``[(code, label)]`` of every kind, for a Selection field."""
    return [(kind.code, kind.label) for kind in KINDS.values()]
