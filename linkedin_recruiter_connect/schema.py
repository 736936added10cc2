# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Frozen dataclasses for what LinkedIn returns and what we send to it.

Parsing is tolerant: a missing optional field becomes None (or an empty
tuple), a missing required field raises :class:`BadResponseError`. Where
LinkedIn's documentation is silent, the field names are those of the contract
shared with the sandbox (``linkedin_recruiter_sandbox/CONTRACT.md``); each
parser also accepts the obvious alternative spellings listed there.
"""

import re
from dataclasses import dataclass, field

from .errors import BadResponseError, InvalidRecordError

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ORGANIZATION_INTEGRATIONS = ("PROFILE_PLUGIN", "IN_ATS_INDICATOR")
CONTRACT_INTEGRATIONS = ("CSA_API",)
INTEGRATION_TYPES = ORGANIZATION_INTEGRATIONS + CONTRACT_INTEGRATIONS
SENT = "SENT"
RECEIVED = "RECEIVED"
# Candidate field names of the legacy ``/v2/atsCandidates`` (False) and of the
# versioned ``/rest/candidates`` (True, LinkedIn-Version 202602 and later).
CANDIDATE_NAMES = {
    False: {
        "id": "atsCandidateId",
        "created": "atsCreatedAt",
        "modified": "atsLastModifiedAt",
    },
    True: {
        "id": "externalCandidateId",
        "created": "externalCreatedAt",
        "modified": "externalLastModifiedAt",
    },
}


def candidate_names(versioned=False):
    """``{"id", "created", "modified"}`` field names of the API flavour."""
    return CANDIDATE_NAMES[bool(versioned)]


# -- parsing helpers ---------------------------------------------------------


def _first(data, *keys):
    """Value of the first of ``keys`` present (and not None) in ``data``."""
    for key in keys:
        value = data.get(key)
        if value is not None:
            return value
    return None


def _text(value):
    """A plain string from a string or a LinkedIn localized-string object."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        localized = value.get("localized")
        if isinstance(localized, dict) and localized:
            return str(next(iter(localized.values())))
        for key in ("name", "text", "value"):
            if isinstance(value.get(key), str):
                return value[key]
    return str(value)


def _ms(value, what):
    """Epoch ms from an int or an audit stamp ``{"time": ms}``."""
    if isinstance(value, dict):
        value = value.get("time")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadResponseError(f"{what} is not a timestamp in milliseconds")
    return int(value)


def _required(data, what, *keys):
    value = _first(data, *keys)
    if value is None:
        raise BadResponseError(f"{what} has no {keys[0]!r} field")
    return value


def _check_object(data, what):
    if not isinstance(data, dict):
        raise BadResponseError(f"{what} is not a JSON object")


# -- authentication and configuration ---------------------------------------


@dataclass(frozen=True)
class Token:
    """An OAuth access token; ``obtained_at`` is a monotonic clock reading.

    The token value is left out of the repr so it can never reach a log line.
    """

    access_token: str = field(repr=False)
    expires_in: int
    obtained_at: float

    @classmethod
    def from_api(cls, data, obtained_at):
        _check_object(data, "The token response")
        token = _required(data, "The token response", "access_token")
        expires_in = _required(data, "The token response", "expires_in")
        if not isinstance(token, str) or not isinstance(expires_in, int | float):
            raise BadResponseError("The token response has unexpected field types")
        return cls(token, int(expires_in), obtained_at)

    @property
    def expires_at(self):
        return self.obtained_at + self.expires_in

    def is_fresh(self, now, margin=60):
        """True while ``now`` is more than ``margin`` seconds before expiry."""
        return now < self.expires_at - margin


@dataclass(frozen=True)
class IntegrationStatus:
    """Which RSC integrations are enabled for an organization and a contract.

    ``enabled`` maps each integration type to a bool; ``messages`` explains,
    for some of the disabled ones, why (e.g. LinkedIn's 403 text for a
    Recruiter Lite contract). ``ready`` requires every type of
    :data:`INTEGRATION_TYPES`.
    """

    organization_urn: str
    contract_urn: str
    enabled: dict
    messages: dict = field(default_factory=dict)

    @property
    def missing(self):
        return [kind for kind in INTEGRATION_TYPES if not self.enabled.get(kind)]

    @property
    def ready(self):
        return not self.missing

    @property
    def csa_enabled(self):
        return bool(self.enabled.get("CSA_API"))


def integration_enabled(data):
    """Whether an atsIntegrations element says the integration is enabled."""
    if isinstance(data.get("enabled"), bool):
        return data["enabled"]
    status = _first(data, "status", "integrationStatus")
    return isinstance(status, str) and status.upper() in ("ENABLED", "ACTIVE")


# -- candidates (what we send) ----------------------------------------------


@dataclass(frozen=True)
class CandidateRecord:
    """One ATS candidate as sent to ``atsCandidates`` (a full record).

    LinkedIn nulls omitted fields, so :meth:`to_entity` always builds the full
    entity. ``created_ms``/``modified_ms`` are epoch milliseconds.
    """

    ats_candidate_id: int | str
    first_name: str | None
    last_name: str | None = None
    emails: tuple = ()
    phones: tuple = ()
    created_ms: int = 0
    modified_ms: int = 0
    linkedin_profile_url: str | None = None
    company_name: str | None = None
    job_title: str | None = None
    external_profile_url: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "emails", tuple(self.emails or ()))
        object.__setattr__(self, "phones", tuple(self.phones or ()))

    @property
    def candidate_id(self):
        """The atsCandidateId as it appears in keys (a string)."""
        return str(self.ats_candidate_id)

    def validate(self, versioned=False):
        """Raise :class:`InvalidRecordError` naming the candidate and the field
        when LinkedIn would refuse the record; return None when it is fine.

        Field names are those of ``/rest/candidates`` when ``versioned``, of
        ``/v2/atsCandidates`` otherwise.
        """
        names = candidate_names(versioned)
        label = f"Candidate {self.candidate_id}"
        if self.candidate_id.strip() == "":
            raise InvalidRecordError(
                f"A candidate has no {names['id']}", field=names["id"]
            )
        if not (self.first_name or "").strip():
            raise InvalidRecordError(
                f"{label}: firstName is required",
                field="firstName",
                record=self.candidate_id,
            )
        for email in self.emails:
            if not isinstance(email, str) or not EMAIL_RE.match(email):
                raise InvalidRecordError(
                    f"{label}: {email!r} is not a valid email address",
                    field="emailAddresses",
                    record=self.candidate_id,
                )
        self._validate_dates(label, names)

    def _validate_dates(self, label, names):
        created, modified = names["created"], names["modified"]
        for name, value in (
            (created, self.created_ms),
            (modified, self.modified_ms),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise InvalidRecordError(
                    f"{label}: {name} must be a positive int of epoch milliseconds",
                    field=name,
                    record=self.candidate_id,
                )
        if self.modified_ms < self.created_ms:
            raise InvalidRecordError(
                f"{label}: {modified} is before {created}",
                field=modified,
                record=self.candidate_id,
            )

    def to_entity(self, versioned=False):
        """The candidate entity: every field, lists always present.

        ``versioned`` gives the ``/rest/candidates`` names
        (``externalCreatedAt``, ``externalLastModifiedAt``), else those of
        ``/v2/atsCandidates`` (``atsCreatedAt``, ``atsLastModifiedAt``).
        Optional text fields are left out when empty rather than sent as
        ``null`` (Rest.li refuses explicit nulls; absent means null anyway).
        """
        names = candidate_names(versioned)
        entity = {
            "addresses": [],
            names["created"]: self.created_ms,
            names["modified"]: self.modified_ms,
            "firstName": self.first_name,
            "emailAddresses": list(self.emails),
            "phoneNumbers": [{"number": phone} for phone in self.phones],
        }
        optional = {
            "lastName": self.last_name,
            "currentCompanyName": self.company_name,
            "currentJobTitle": self.job_title,
            "externalProfileUrl": self.external_profile_url,
            "linkedInProfileUrl": self.linkedin_profile_url,
        }
        entity.update({key: value for key, value in optional.items() if value})
        return entity


@dataclass(frozen=True)
class CandidateSyncResult:
    """LinkedIn's answer for one candidate of a batch update."""

    candidate_id: str
    status: int
    ok: bool
    message: str | None = None


# -- members and matches -----------------------------------------------------


@dataclass(frozen=True)
class MemberProfile:
    """A LinkedIn member's public profile facts; only ``urn`` is certain."""

    urn: str
    first_name: str | None = None
    last_name: str | None = None
    headline: str | None = None
    location: str | None = None
    profile_url: str | None = None
    picture_url: str | None = None
    email: str | None = None

    @property
    def name(self):
        return " ".join(p for p in (self.first_name, self.last_name) if p) or None

    @classmethod
    def from_api(cls, urn, data):
        _check_object(data, "A member profile")
        return cls(
            urn=urn,
            first_name=_text(data.get("firstName")),
            last_name=_text(data.get("lastName")),
            headline=_text(data.get("headline")),
            location=_text(data.get("location")),
            profile_url=_first(data, "profileUrl", "publicProfileUrl"),
            picture_url=_first(data, "pictureUrl", "profilePicture"),
            email=_first(data, "email", "emailAddress"),
        )


@dataclass(frozen=True)
class MatchedMember:
    """One algorithmic match; ``score`` (0..1) and ``reason`` are optional."""

    member_urn: str
    profile: MemberProfile | None = None
    score: float | None = None
    reason: str | None = None

    @classmethod
    def from_api(cls, item):
        """Accept a bare person URN or an object with ``member`` and extras."""
        if isinstance(item, str):
            return cls(item)
        _check_object(item, "A matched member")
        urn = _required(item, "A matched member", "member", "memberUrn", "urn")
        score = item.get("score")
        if isinstance(score, bool) or not isinstance(score, int | float):
            score = None
        profile = item.get("profile")
        if isinstance(profile, dict):
            profile = MemberProfile.from_api(urn, profile)
        else:
            profile = None
        reason = item.get("reason")
        return cls(
            urn,
            profile,
            None if score is None else float(score),
            reason if isinstance(reason, str) else None,
        )


@dataclass(frozen=True)
class CandidateMatches:
    """Matches LinkedIn holds for one candidate, best first.

    ``found`` is False when LinkedIn does not know the candidate (404 in the
    batch); ``manual_member_urn`` is the match a user chose, if any.
    """

    candidate_id: str
    matched: tuple = ()
    manual_member_urn: str | None = None
    found: bool = True

    @property
    def best(self):
        return self.matched[0] if self.matched else None

    @property
    def described(self):
        """Whether LinkedIn named every matched member (profile details, not
        bare URNs), so that a user can tell them apart outside its widget."""
        return bool(self.matched) and all(
            member.profile and member.profile.name for member in self.matched
        )

    @classmethod
    def from_api(cls, candidate_id, data, versioned=False):
        """Read a batch-get entity of ``/v2/atsCandidates`` or, when
        ``versioned``, of ``/rest/candidates``; an entity naming another
        candidate in its id field (``atsCandidateId`` /
        ``externalCandidateId``) than its key is a :class:`BadResponseError`.
        """
        _check_object(data, "A candidate")
        id_field = candidate_names(versioned)["id"]
        echoed = data.get(id_field)
        if echoed is not None and str(echoed) != str(candidate_id):
            raise BadResponseError(
                f"The entity of candidate {candidate_id} names {id_field} {echoed}"
            )
        raw = data.get("matchedMembers") or []
        if not isinstance(raw, list):
            raise BadResponseError("matchedMembers is not a list")
        members = [MatchedMember.from_api(item) for item in raw]
        # Stable: without scores LinkedIn's own order is kept.
        members.sort(key=lambda m: (m.score is None, -(m.score or 0.0)))
        manual = data.get("manualMatchedMember")
        return cls(str(candidate_id), tuple(members), manual or None)


# -- seats, InMail, notes ----------------------------------------------------


def _seat_id(value):
    text = str(value)
    return text.rsplit(":", 1)[-1] if text.startswith("urn:li:seat:") else text


@dataclass(frozen=True)
class Seat:
    """One Recruiter seat; ``member_urn`` identifies the seat holder."""

    urn: str
    id: str
    member_urn: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    state: str | None = None
    contract: str | None = None
    roles: tuple = ()

    @property
    def name(self):
        return " ".join(p for p in (self.first_name, self.last_name) if p) or None

    @classmethod
    def from_api(cls, data):
        _check_object(data, "A seat")
        seat_id = _seat_id(_required(data, "A seat", "id", "entityUrn", "seat"))
        roles = data.get("seatRoles") or data.get("roles") or ()
        return cls(
            urn=f"urn:li:seat:{seat_id}",
            id=seat_id,
            member_urn=_first(data, "member", "memberUrn"),
            first_name=_text(data.get("firstName")),
            last_name=_text(data.get("lastName")),
            email=_first(data, "email", "emailAddress"),
            state=data.get("state"),
            contract=data.get("contract"),
            roles=tuple(roles) if isinstance(roles, list | tuple) else (),
        )


@dataclass(frozen=True)
class InMailEvent:
    """One InMail message seen by a seat (the viewer).

    ``direction`` is SENT or RECEIVED relative to the seat; ``member_urn`` is
    the prospect's side of the conversation; ``body`` may contain HTML and
    must be sanitised before display.
    """

    external_id: str
    thread_urn: str | None
    contract: str | None
    seat_urn: str
    member_urn: str
    author_urn: str
    direction: str
    subject: str | None
    body: str | None
    created_ms: int
    thread_url: str | None = None
    member_name: str | None = None

    @classmethod
    def from_api(cls, data, seat_urn, seat_member_urn=None):
        _check_object(data, "A conversation event")
        what = "A conversation event"
        author = _required(data, what, "author", "from", "sender")
        content = data.get("content") if isinstance(data.get("content"), dict) else {}
        direction = _direction(data, author, seat_urn, seat_member_urn)
        return cls(
            external_id=str(_required(data, what, "id", "entityUrn")),
            thread_urn=_first(data, "thread", "threadUrn"),
            contract=data.get("contract"),
            seat_urn=data.get("viewer") or seat_urn,
            member_urn=_prospect(data, author, direction),
            author_urn=author,
            direction=direction,
            subject=_text(_first(data, "subject") or content.get("subject")),
            body=_text(_first(data, "body") or content.get("body")),
            created_ms=_ms(_required(data, what, "createdAt", "created"), what),
            thread_url=data.get("threadUrl"),
            member_name=_prospect_name(data, direction),
        )


def _prospect_name(data, direction):
    """The prospect's name when the event carries one (our contract's
    optional ``prospectName``, else the author's name of a received InMail or
    the recipient's of a sent one); LinkedIn documents none."""
    side = "authorName" if direction == RECEIVED else "recipientName"
    return _name(_first(data, "prospectName", side))


def _name(value):
    """A person's name from a string or localized string; None when blank."""
    name = _text(value)
    return (name.strip() or None) if isinstance(name, str) else None


def _direction(data, author, seat_urn, seat_member_urn):
    direction = data.get("direction")
    if isinstance(direction, str) and direction.upper() in (SENT, RECEIVED):
        return direction.upper()
    if author in (seat_urn, seat_member_urn):
        return SENT
    prospect = _first(data, "prospect", "member")
    if seat_member_urn or (prospect and author == prospect):
        return RECEIVED
    raise BadResponseError("Cannot tell the direction of a conversation event")


def _prospect(data, author, direction):
    prospect = _first(data, "prospect", "member")
    if prospect:
        return prospect
    if direction == RECEIVED:
        return author
    recipients = data.get("recipients")
    if isinstance(recipients, list) and recipients:
        return recipients[0]
    raise BadResponseError("A conversation event names no prospect")


@dataclass(frozen=True)
class ProspectNote:
    """One Recruiter note on a prospect; inactive notes were deleted."""

    external_id: str
    contract: str | None
    owner_urn: str | None
    member_urn: str | None
    text: str | None
    created_ms: int
    last_modified_ms: int
    active: bool = True
    member_name: str | None = None

    @property
    def deleted(self):
        return not self.active

    @classmethod
    def from_api(cls, data):
        what = "A prospect note"
        _check_object(data, what)
        created = _ms(_required(data, what, "created"), what)
        modified = data.get("lastModified")
        active = data.get("active")
        return cls(
            external_id=str(_required(data, what, "id")),
            contract=data.get("contract"),
            owner_urn=_first(data, "owner", "author"),
            member_urn=_first(data, "prospect", "member"),
            text=_text(_first(data, "note", "text")),
            created_ms=created,
            last_modified_ms=created if modified is None else _ms(modified, what),
            active=active if isinstance(active, bool) else True,
            member_name=_name(data.get("prospectName")),
        )


@dataclass(frozen=True)
class PurgedMember:
    """A member LinkedIn reports closed or purged (data-protection check)."""

    member_urn: str
    reason: str
    purged_ms: int

    @classmethod
    def from_api(cls, data):
        what = "A purged member"
        _check_object(data, what)
        return cls(
            member_urn=_required(data, what, "member", "memberUrn"),
            reason=str(data.get("reason") or "CLOSED"),
            purged_ms=_ms(_required(data, what, "purgedAt"), what),
        )
