# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The registry of activity kinds: what the import and the chatter read."""

from datetime import datetime
from types import SimpleNamespace

import pytest

from linkedin_recruiter_connect import activity_kinds, fetching
from linkedin_recruiter_connect.schema import InMailEvent, ProspectNote

CREATED_MS = 1767225600000  # 2026-01-01 00:00:00 UTC
EDITED_MS = CREATED_MS + 90_061_500  # a day, an hour, a minute and 1.5 s later


def test_every_kind_names_a_finder_of_its_items():
    assert activity_kinds.KINDS.keys() == {"inmail", "note"}
    for kind in activity_kinds.KINDS.values():
        assert kind.finder in fetching.FINDERS
        assert kind.cursor_owner in ("seat", "contract")
        assert kind.message_type in ("email", "comment")


def test_selection_lists_each_kind_once():
    assert activity_kinds.selection() == [
        ("inmail", "InMail"),
        ("note", "Recruiter Note"),
    ]


def test_inmails_are_emails_fetched_per_seat_and_never_change():
    kind = activity_kinds.INMAIL
    seat = SimpleNamespace(seat_urn="urn:li:seat:1", member_urn="urn:li:person:s")
    assert kind.finder_args(seat, 10, 20) == (
        "urn:li:seat:1",
        10,
        20,
        "urn:li:person:s",
    )
    assert (kind.cursor_owner, kind.mutable, kind.internal, kind.html) == (
        "seat",
        False,
        False,
        True,
    )
    assert kind.message_type == "email"


def test_notes_are_internal_plain_text_fetched_per_contract_and_editable():
    kind = activity_kinds.NOTE
    contract = SimpleNamespace(contract_urn="urn:li:contract:2000")
    assert kind.finder_args(contract, 10, 20) == ("urn:li:contract:2000", 10, 20)
    assert (kind.cursor_owner, kind.mutable, kind.internal, kind.html) == (
        "contract",
        True,
        True,
        False,
    )
    assert kind.message_type == "comment"


def test_inmail_values():
    event = InMailEvent(
        external_id=42,
        thread_urn="urn:li:thread:7",
        contract=None,
        seat_urn="urn:li:seat:1",
        member_urn="urn:li:person:jane",
        author_urn="urn:li:person:jane",
        direction="RECEIVED",
        subject="Re: a role",
        body="<p>Yes</p>",
        created_ms=CREATED_MS,
        thread_url="https://www.linkedin.com/talent/inbox/7",
        member_name="Jane Doe",
    )
    values = activity_kinds.INMAIL.values(event)
    assert values["kind"] == "inmail"
    assert values["external_id"] == "42"
    assert values["direction"] == "received"
    assert values["contract_urn"] is None  # the engine fills in the stream's
    assert values["linkedin_created_at"] == datetime(2026, 1, 1)
    assert values["linkedin_modified_at"] == values["linkedin_created_at"]
    assert values["linkedin_modified_ms"] == CREATED_MS
    assert values["active"] is True
    assert "company_id" not in values and "seat_id" not in values


@pytest.mark.parametrize("active", [True, False])
def test_note_values(active):
    note = ProspectNote(
        external_id="n1",
        contract="urn:li:contract:2000",
        owner_urn="urn:li:seat:1",
        member_urn="urn:li:person:jane",
        text="Strong <b>Python</b>",
        created_ms=CREATED_MS,
        last_modified_ms=EDITED_MS,
        active=active,
    )
    values = activity_kinds.NOTE.values(note)
    assert values["kind"] == "note"
    assert values["seat_urn"] == values["author_urn"] == "urn:li:seat:1"
    assert values["body"] == "Strong <b>Python</b>"
    assert values["linkedin_modified_at"] == datetime(2026, 1, 2, 1, 1, 1)
    assert values["linkedin_modified_ms"] == EDITED_MS
    assert values["active"] is active


def test_naive_utc_drops_the_zone_and_the_milliseconds():
    assert activity_kinds.naive_utc(None) is None
    assert activity_kinds.naive_utc(EDITED_MS) == datetime(2026, 1, 2, 1, 1, 1)
