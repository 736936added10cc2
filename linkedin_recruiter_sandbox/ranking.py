# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Explainable ranking of LinkedIn members against an ATS candidate.

LinkedIn matches on synced data but documents neither its algorithm nor its
scores. The sandbox, standing in for LinkedIn, uses this ranking to fill
``matchedMembers``; every score comes with a human-readable reason. Names,
emails, phones and profile URLs are compared as the runtime package's
``matching`` normalizes them.

Scores, from strongest to weakest evidence:

- 1.0   an email address is equal (normalized);
- 0.98  the LinkedIn profile URL is equal;
- else  0.85 x name similarity (difflib ratio on normalized full names,
  minus 0.01 when only accents differ), plus 0.05 for the same last name,
  0.05 for a shared phone number, 0.03 for the same company and 0.02 for the
  same job title, capped at 0.95 so it never outranks the hard evidence.

Reasons are words, not numbers, so that they never read as a second score
beside the real one ("Same name", "Similar name, same last name"), and never
repeat themselves (a same name implies the same last name).

Matches below ``threshold`` (0.5) are dropped; ties are broken by URN so the
order is deterministic. Candidates and members may be objects (such as the
client's schema dataclasses) or dicts using either the Python or the LinkedIn
field names.
"""

import difflib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from ._runtime import matching

EMAIL_SCORE = 1.0
URL_SCORE = 0.98
NAME_CAP = 0.95
# From this name similarity on, names read "nearly the same" (Jon / John).
NEAR_NAME_RATIO = 0.9
DEFAULT_THRESHOLD = 0.5

_ALIASES = {
    "urn": ("urn", "member_urn", "memberUrn"),
    "first": ("first_name", "firstName"),
    "last": ("last_name", "lastName"),
    "emails": ("emails", "emailAddresses", "email"),
    "phones": ("phones", "phoneNumbers", "phone"),
    "url": ("linkedin_profile_url", "linkedInProfileUrl", "profile_url", "profileUrl"),
    "company": ("company_name", "currentCompanyName", "company"),
    "title": ("job_title", "currentJobTitle", "title"),
}


class RankedMember(NamedTuple):
    """One ranked member: the member as given, its score and why."""

    member: Any
    score: float
    reason: str


@dataclass(frozen=True)
class _Facts:
    urn: str
    name: str
    accented: str
    last: str
    tokens: frozenset
    emails: frozenset
    phones: frozenset
    url: str
    company: str
    title: str


def _get(obj, fact):
    for key in _ALIASES[fact]:
        value = obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)
        if value is not None:
            return value
    return None


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    return list(value)


def facts(obj):
    """Extract the normalized facts used for matching from ``obj``."""
    first, last = _get(obj, "first") or "", _get(obj, "last") or ""
    full = f"{first} {last}"
    name = matching.normalize_name(full)
    phones = {matching.normalize_phone(p) for p in _as_list(_get(obj, "phones"))}
    emails = {matching.normalize_email(e) for e in _as_list(_get(obj, "emails"))}
    return _Facts(
        urn=str(_get(obj, "urn") or ""),
        name=name,
        accented=matching.normalize_name(full, keep_accents=True),
        last=matching.normalize_name(last),
        tokens=frozenset(name.split()),
        emails=frozenset(e for e in emails if e),
        phones=frozenset(p for p in phones if len(p) >= 6),
        url=matching.normalize_url(_get(obj, "url")),
        company=matching.normalize_name(_get(obj, "company")),
        title=matching.normalize_name(_get(obj, "title")),
    )


def _same(left, right):
    return bool(left) and left == right


def score_facts(candidate, member):
    """Return ``(score, reason)`` for two :func:`facts`, or None if unrelated."""
    if candidate.emails & member.emails:
        return EMAIL_SCORE, "Email matches"
    if candidate.url and candidate.url == member.url:
        return URL_SCORE, "LinkedIn profile URL matches"
    if not candidate.name or not member.name:
        return None
    ratio = difflib.SequenceMatcher(None, candidate.name, member.name).ratio()
    same_name = ratio == 1.0
    if same_name and candidate.accented != member.accented:
        ratio = 0.99
        reasons = ["Same name but for accents"]
    elif same_name:
        reasons = ["Same name"]
    else:
        reasons = [
            "Nearly the same name" if ratio >= NEAR_NAME_RATIO else "Similar name"
        ]
    score = 0.85 * ratio
    bonuses = (
        (0.05, "same last name", _same(candidate.last, member.last), not same_name),
        (0.05, "same phone", candidate.phones & member.phones, True),
        (0.03, "same company", _same(candidate.company, member.company), True),
        (0.02, "same job title", _same(candidate.title, member.title), True),
    )
    for bonus, label, applies, said in bonuses:
        if applies:
            score += bonus
            if said:
                reasons.append(label)
    return round(min(score, NAME_CAP), 4), ", ".join(reasons)


def _ranked(candidate_facts, pairs, limit, threshold):
    ranked = []
    for member, member_facts in pairs:
        result = score_facts(candidate_facts, member_facts)
        if result and result[0] >= threshold:
            ranked.append((member_facts.urn, RankedMember(member, *result)))
    ranked.sort(key=lambda item: (-item[1].score, item[0]))
    return [item[1] for item in ranked[:limit]]


def rank_members(candidate, members, limit=10, threshold=DEFAULT_THRESHOLD):
    """Rank ``members`` against ``candidate``, best first.

    Returns at most ``limit`` :class:`RankedMember` ``(member, score, reason)``
    with ``score >= threshold``; equal scores are ordered by member URN.
    """
    pairs = ((member, facts(member)) for member in members)
    return _ranked(facts(candidate), pairs, limit, threshold)


class MemberIndex:
    """Members indexed by email, profile URL, phone and name token.

    :meth:`rank` scores only the members sharing at least one of those with
    the candidate, which keeps ranking fast over tens of thousands of
    members. A member sharing none of them (e.g. "Jon Smyth" for "John
    Smith") is not considered; :func:`rank_members` scans everything.
    """

    def __init__(self, members=()):
        self._members = {}
        self._keys = defaultdict(set)
        for member in members:
            self.add(member)

    def __len__(self):
        return len(self._members)

    @staticmethod
    def _index_keys(member_facts):
        yield from (("email", e) for e in member_facts.emails)
        yield from (("phone", p) for p in member_facts.phones)
        yield from (("token", t) for t in member_facts.tokens)
        if member_facts.url:
            yield ("url", member_facts.url)

    def add(self, member):
        """Add or replace a member (keyed by its URN)."""
        member_facts = facts(member)
        if not member_facts.urn:
            raise ValueError("a member needs a urn to be indexed")
        self.remove(member_facts.urn)
        self._members[member_facts.urn] = (member, member_facts)
        for key in self._index_keys(member_facts):
            self._keys[key].add(member_facts.urn)

    def remove(self, urn):
        old = self._members.pop(urn, None)
        if old:
            for key in self._index_keys(old[1]):
                self._keys[key].discard(urn)

    def rank(self, candidate, limit=10, threshold=DEFAULT_THRESHOLD):
        """Like :func:`rank_members` over the indexed members that share a key."""
        candidate_facts = facts(candidate)
        urns = set()
        for key in self._index_keys(candidate_facts):
            urns |= self._keys.get(key, set())
        pairs = (self._members[urn] for urn in urns)
        return _ranked(candidate_facts, pairs, limit, threshold)
