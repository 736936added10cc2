# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Schema dataclasses: tolerant parsing, entity building, validation."""

import dataclasses

import pytest

from linkedin_recruiter_connect.errors import BadResponseError, InvalidRecordError
from linkedin_recruiter_connect.schema import (
    CandidateMatches,
    CandidateRecord,
    InMailEvent,
    IntegrationStatus,
    MatchedMember,
    MemberProfile,
    ProspectNote,
    Seat,
    Token,
)

SEAT = "urn:li:seat:5001"
HOLDER = "urn:li:person:alice"
PROSPECT = "urn:li:person:jane"


def _record(**changes):
    values = {
        "ats_candidate_id": 42,
        "first_name": "Jane",
        "last_name": "Doe",
        "emails": ["jane.doe@example.com"],
        "phones": ["+32 470 12 34 56"],
        "created_ms": 1_700_000_000_000,
        "modified_ms": 1_700_000_100_000,
        "linkedin_profile_url": "https://www.linkedin.com/in/jane-doe",
        "company_name": "Acme Corp",
        "job_title": "Developer",
        "external_profile_url": "https://odoo.example.com/odoo/recruitment/42",
    }
    values.update(changes)
    return CandidateRecord(**values)


def test_candidate_entity_has_every_field():
    assert _record().to_entity() == {
        "addresses": [],
        "atsCreatedAt": 1_700_000_000_000,
        "atsLastModifiedAt": 1_700_000_100_000,
        "firstName": "Jane",
        "lastName": "Doe",
        "emailAddresses": ["jane.doe@example.com"],
        "phoneNumbers": [{"number": "+32 470 12 34 56"}],
        "currentCompanyName": "Acme Corp",
        "currentJobTitle": "Developer",
        "externalProfileUrl": "https://odoo.example.com/odoo/recruitment/42",
        "linkedInProfileUrl": "https://www.linkedin.com/in/jane-doe",
    }


def test_candidate_entity_minimal_keeps_required_lists_and_drops_nulls():
    record = CandidateRecord(7, "Solo", created_ms=5, modified_ms=5)
    assert record.to_entity() == {
        "addresses": [],
        "atsCreatedAt": 5,
        "atsLastModifiedAt": 5,
        "firstName": "Solo",
        "emailAddresses": [],
        "phoneNumbers": [],
    }
    assert record.emails == () and record.candidate_id == "7"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_name": ""}, "firstName"),
        ({"first_name": "   "}, "firstName"),
        ({"first_name": None}, "firstName"),
        ({"emails": ["not-an-email"]}, "emailAddresses"),
        ({"emails": ["a@b"]}, "emailAddresses"),
        ({"emails": ["a b@example.com"]}, "emailAddresses"),
        ({"created_ms": 0}, "atsCreatedAt"),
        ({"created_ms": 1.5}, "atsCreatedAt"),
        ({"created_ms": True}, "atsCreatedAt"),
        ({"modified_ms": 1_600_000_000_000}, "atsLastModifiedAt"),
        ({"ats_candidate_id": " "}, "atsCandidateId"),
    ],
)
def test_candidate_validation_names_field_and_record(changes, field):
    with pytest.raises(InvalidRecordError) as caught:
        _record(**changes).validate()
    assert caught.value.field == field
    if field != "atsCandidateId":
        assert caught.value.record == "42"
        assert str(caught.value).startswith("Candidate 42: ")


def test_valid_candidate_passes():
    assert _record().validate() is None


def test_token_repr_hides_the_token_and_knows_its_freshness():
    token = Token.from_api({"access_token": "s3cr3t-token", "expires_in": 1800}, 100.0)
    assert "s3cr3t-token" not in repr(token)
    assert token.expires_at == 1900.0
    assert token.is_fresh(1839.9) and not token.is_fresh(1840.0)


@pytest.mark.parametrize(
    "data", [{}, {"access_token": "x"}, {"access_token": 3, "expires_in": 1}, []]
)
def test_token_requires_its_fields(data):
    with pytest.raises(BadResponseError):
        Token.from_api(data, 0.0)


def test_integration_status_ready_and_missing():
    status = IntegrationStatus(
        "urn:li:organization:1",
        "urn:li:contract:2",
        {"PROFILE_PLUGIN": True, "IN_ATS_INDICATOR": True, "CSA_API": False},
    )
    assert (status.ready, status.missing, status.csa_enabled) == (
        False,
        ["CSA_API"],
        False,
    )
    full = dataclasses.replace(status, enabled={**status.enabled, "CSA_API": True})
    assert (full.ready, full.missing, full.csa_enabled) == (True, [], True)


def test_matched_member_accepts_urn_strings_and_objects():
    assert MatchedMember.from_api("urn:li:person:a") == MatchedMember("urn:li:person:a")
    member = MatchedMember.from_api(
        {
            "memberUrn": "urn:li:person:b",
            "score": 1,
            "reason": "Email matches",
            "profile": {"firstName": {"localized": {"en_US": "Bo"}}, "headline": "X"},
        }
    )
    assert member.score == 1.0 and member.reason == "Email matches"
    assert member.profile == MemberProfile("urn:li:person:b", "Bo", headline="X")
    odd = MatchedMember.from_api({"member": "urn:li:person:c", "score": "high"})
    assert odd.score is None and odd.profile is None
    with pytest.raises(BadResponseError):
        MatchedMember.from_api({"score": 0.5})


def test_candidate_matches_sorts_by_score_and_keeps_unscored_order():
    matches = CandidateMatches.from_api(
        "42",
        {
            "matchedMembers": [
                "urn:li:person:unscored1",
                {"member": "urn:li:person:low", "score": 0.6},
                {"member": "urn:li:person:high", "score": 0.9},
                "urn:li:person:unscored2",
            ],
            "manualMatchedMember": "urn:li:person:manual",
        },
    )
    assert [m.member_urn for m in matches.matched] == [
        "urn:li:person:high",
        "urn:li:person:low",
        "urn:li:person:unscored1",
        "urn:li:person:unscored2",
    ]
    assert matches.best.member_urn == "urn:li:person:high"
    assert matches.manual_member_urn == "urn:li:person:manual"
    empty = CandidateMatches.from_api("43", {})
    assert (empty.matched, empty.best, empty.manual_member_urn) == ((), None, None)
    with pytest.raises(BadResponseError):
        CandidateMatches.from_api("44", {"matchedMembers": "nope"})


def test_seat_parsing_is_tolerant():
    seat = Seat.from_api(
        {
            "id": 5001,
            "member": HOLDER,
            "firstName": {"localized": {"en_US": "Alice"}},
            "lastName": "Recruiter",
            "state": "ACTIVE",
            "seatRoles": ["RECRUITER"],
        }
    )
    assert (seat.urn, seat.id, seat.name, seat.roles, seat.email) == (
        SEAT,
        "5001",
        "Alice Recruiter",
        ("RECRUITER",),
        None,
    )
    assert Seat.from_api({"entityUrn": "urn:li:seat:9"}).urn == "urn:li:seat:9"
    with pytest.raises(BadResponseError):
        Seat.from_api({"member": HOLDER})


def test_inmail_event_contract_fields():
    event = InMailEvent.from_api(
        {
            "id": 11,
            "thread": "urn:li:messagingThread:1",
            "contract": "urn:li:contract:2000",
            "viewer": SEAT,
            "author": PROSPECT,
            "prospect": PROSPECT,
            "direction": "RECEIVED",
            "subject": "Re: hi",
            "body": "<p>hello</p>",
            "createdAt": 123,
            "threadUrl": "https://www.linkedin.com/talent/inbox/0/main/id/1",
        },
        SEAT,
    )
    assert event == InMailEvent(
        "11",
        "urn:li:messagingThread:1",
        "urn:li:contract:2000",
        SEAT,
        PROSPECT,
        PROSPECT,
        "RECEIVED",
        "Re: hi",
        "<p>hello</p>",
        123,
        "https://www.linkedin.com/talent/inbox/0/main/id/1",
    )


def test_inmail_event_alternative_spellings_and_derived_direction():
    sent = InMailEvent.from_api(
        {
            "entityUrn": "urn:li:event:1",
            "threadUrn": "urn:li:messagingThread:2",
            "from": HOLDER,
            "recipients": [PROSPECT],
            "content": {"subject": "S", "body": "B"},
            "created": {"time": 456},
        },
        SEAT,
        seat_member_urn=HOLDER,
    )
    assert (sent.direction, sent.member_urn, sent.subject, sent.body) == (
        "SENT",
        PROSPECT,
        "S",
        "B",
    )
    assert (sent.external_id, sent.created_ms, sent.seat_urn) == (
        "urn:li:event:1",
        456,
        SEAT,
    )
    received = InMailEvent.from_api(
        {"id": 2, "author": PROSPECT, "createdAt": 1}, SEAT, seat_member_urn=HOLDER
    )
    assert (received.direction, received.member_urn) == ("RECEIVED", PROSPECT)


@pytest.mark.parametrize(
    "data",
    [
        {"id": 1, "createdAt": 1},  # no author
        {"author": PROSPECT, "createdAt": 1, "direction": "SENT", "prospect": "x"},
        {"id": 1, "author": PROSPECT, "direction": "SENT", "prospect": "x"},
        {"id": 1, "author": PROSPECT, "createdAt": "yesterday", "prospect": "x"},
        {"id": 1, "author": PROSPECT, "createdAt": 1},  # direction unknowable
    ],
)
def test_inmail_event_missing_required_raises(data):
    with pytest.raises(BadResponseError):
        InMailEvent.from_api(data, SEAT)


def test_prospect_note_defaults_and_deleted():
    note = ProspectNote.from_api({"id": 5, "created": 10})
    assert (note.external_id, note.last_modified_ms, note.active, note.deleted) == (
        "5",
        10,
        True,
        False,
    )
    deleted = ProspectNote.from_api(
        {
            "id": 6,
            "contract": "urn:li:contract:2000",
            "owner": SEAT,
            "prospect": PROSPECT,
            "note": "gone",
            "created": {"time": 10, "actor": SEAT},
            "lastModified": {"time": 20, "actor": HOLDER},
            "active": False,
        }
    )
    assert deleted == ProspectNote(
        "6", "urn:li:contract:2000", SEAT, PROSPECT, "gone", 10, 20, False
    )
    assert deleted.deleted
    alt = ProspectNote.from_api(
        {"id": 7, "created": 1, "member": PROSPECT, "text": "t", "author": SEAT}
    )
    assert (alt.member_urn, alt.text, alt.owner_urn) == (PROSPECT, "t", SEAT)
    for bad in ({"created": 1}, {"id": 1}, "nope"):
        with pytest.raises(BadResponseError):
            ProspectNote.from_api(bad)


def test_prospect_names_are_read_when_the_payload_has_them():
    base = {"id": 1, "viewer": SEAT, "prospect": PROSPECT, "createdAt": 1}
    sent = InMailEvent.from_api(
        dict(
            base,
            author=HOLDER,
            direction="SENT",
            authorName="Alice Recruiter",
            recipientName="Jane Doe",
        ),
        SEAT,
    )
    received = InMailEvent.from_api(
        dict(
            base,
            author=PROSPECT,
            direction="RECEIVED",
            authorName={"localized": {"en_US": "Jane Doe"}},
            recipientName="Alice Recruiter",
        ),
        SEAT,
    )
    assert (sent.member_name, received.member_name) == ("Jane Doe", "Jane Doe")
    explicit = InMailEvent.from_api(
        dict(base, author=HOLDER, direction="SENT", prospectName=" Jane D. "), SEAT
    )
    assert explicit.member_name == "Jane D."
    bare = InMailEvent.from_api(dict(base, author=HOLDER, direction="SENT"), SEAT)
    assert bare.member_name is None, "strict payloads carry no name"
    note = ProspectNote.from_api({"id": 5, "created": 10, "prospectName": "Jane Doe"})
    assert note.member_name == "Jane Doe"
    assert ProspectNote.from_api({"id": 5, "created": 10}).member_name is None
