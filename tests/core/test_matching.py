# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Explainable member ranking."""

import random

from linkedin_recruiter_connect.matching import normalize_name, normalize_url
from linkedin_recruiter_connect.schema import CandidateRecord, MemberProfile
from linkedin_recruiter_sandbox.ranking import MemberIndex, rank_members


def _member(urn, first, last, **extra):
    return {
        "urn": f"urn:li:person:{urn}",
        "firstName": first,
        "lastName": last,
        **extra,
    }


MEMBERS = [
    _member("john", "John", "Smith", email="john.smith@example.com"),
    _member("jon", "Jon", "Smith", email="jon@example.org"),
    _member("johanna", "Johanna", "Smithers"),
    _member("maria", "Maria", "Garcia"),
    _member("maria-es", "María", "García"),
    _member("zed", "Zed", "Unrelated"),
]


def _urns(ranked):
    return [item.member["urn"].rsplit(":", 1)[-1] for item in ranked]


def test_email_match_wins_over_a_better_name():
    candidate = {
        "firstName": "J.",
        "lastName": "S.",
        "emailAddresses": ["JON@example.org "],
    }
    ranked = rank_members(candidate, MEMBERS)
    assert _urns(ranked)[0] == "jon"
    assert (ranked[0].score, ranked[0].reason) == (1.0, "Email matches")


def test_profile_url_match_is_normalized():
    members = [
        _member("a", "Ann", "Other", profileUrl="https://www.linkedin.com/in/ann-x/"),
        _member("b", "Ann", "Lee"),
    ]
    candidate = {
        "firstName": "Ann",
        "lastName": "Lee",
        "linkedInProfileUrl": "http://linkedin.com/in/Ann-X?trk=abc",
    }
    ranked = rank_members(candidate, members)
    assert [(item.score, item.reason) for item in ranked] == [
        (0.98, "LinkedIn profile URL matches"),
        (0.9, "Same name"),
    ]
    assert normalize_url("HTTPS://www.LinkedIn.com/in/x/#top") == "linkedin.com/in/x"


def test_near_duplicate_names_ordered_sensibly_with_reasons():
    ranked = rank_members({"firstName": "John", "lastName": "Smith"}, MEMBERS)
    assert _urns(ranked) == ["john", "jon", "johanna"]
    assert [item.reason for item in ranked] == [
        "Same name",
        "Nearly the same name, same last name",
        "Similar name",
    ]
    assert [item.score for item in ranked] == [0.9, 0.8553, 0.6538]


def test_accents_are_nearly_equal_and_exact_spelling_wins():
    ranked = rank_members({"firstName": "María", "lastName": "García"}, MEMBERS)
    assert _urns(ranked)[:2] == ["maria-es", "maria"]
    assert ranked[1].reason == "Same name but for accents"
    assert ranked[0].reason == "Same name"
    plain = rank_members({"first_name": "Maria", "last_name": "Garcia"}, MEMBERS)
    assert _urns(plain)[:2] == ["maria", "maria-es"]
    assert normalize_name("  María   GARCÍA-López ") == "maria garcia lopez"


def test_bonuses_for_phone_company_and_title():
    members = [
        _member("a", "John", "Smyth", phone="+44 20 7946 0001", company="Northwind"),
        _member("b", "John", "Smyth", title="Data Engineer"),
    ]
    candidate = CandidateRecord(
        1,
        "Jon",
        "Smith",
        phones=["020 7946 0001"],
        company_name="northwind",
        job_title="Data engineer",
    )
    ranked = rank_members(candidate, members)
    assert [(item.score, item.reason) for item in ranked] == [
        (0.7958, "Similar name, same phone, same company"),
        (0.7358, "Similar name, same job title"),
    ]


def test_reasons_never_show_a_percentage_nor_repeat_themselves():
    candidates = [
        {"firstName": "John", "lastName": "Smith"},
        {"firstName": "María", "lastName": "García"},
        {"firstName": "Jon", "lastName": "Smyth", "phone": "+44 20 7946 0001"},
    ]
    for candidate in candidates:
        for item in rank_members(candidate, MEMBERS):
            assert "%" not in item.reason, item.reason
            assert not (
                "Same name" in item.reason and "same last name" in item.reason
            ), item.reason


def test_weak_matches_are_dropped_and_limit_applies():
    assert rank_members({"firstName": "Qwerty", "lastName": "Uiop"}, MEMBERS) == []
    assert rank_members({"firstName": "", "lastName": ""}, MEMBERS) == []
    ranked = rank_members({"firstName": "John", "lastName": "Smith"}, MEMBERS, limit=1)
    assert _urns(ranked) == ["john"]
    strict = rank_members(
        {"firstName": "John", "lastName": "Smith"}, MEMBERS, threshold=0.88
    )
    assert _urns(strict) == ["john"]


def test_ties_are_broken_by_urn_whatever_the_input_order():
    twins = [_member(name, "Ann", "Lee") for name in ("c", "a", "b")]
    for order in (twins, twins[::-1]):
        assert _urns(rank_members({"firstName": "Ann", "lastName": "Lee"}, order)) == [
            "a",
            "b",
            "c",
        ]


def test_dataclass_members_work_too():
    members = [
        MemberProfile("urn:li:person:x", "Jane", "Doe", email="jane@example.com"),
        MemberProfile("urn:li:person:y", "Jane", "Doe"),
    ]
    candidate = CandidateRecord(1, "Jane", "Doe", emails=["jane@example.com"])
    ranked = rank_members(candidate, members)
    assert [item.member.urn for item in ranked] == [
        "urn:li:person:x",
        "urn:li:person:y",
    ]
    assert [item.score for item in ranked] == [1.0, 0.9]


def test_member_index_agrees_with_a_full_scan():
    rng = random.Random(5)
    firsts = ["John", "Jon", "Joan", "Ann", "Anna", "Marie", "María"]
    lasts = ["Smith", "Smyth", "Lee", "García", "Garcia"]
    members = [
        _member(f"m{i:03d}", rng.choice(firsts), rng.choice(lasts)) for i in range(200)
    ]
    index = MemberIndex(members)
    assert len(index) == 200
    for _case in range(25):
        candidate = {"firstName": rng.choice(firsts), "lastName": rng.choice(lasts)}
        full = rank_members(candidate, members)
        indexed = index.rank(candidate)
        # Members sharing no token may be missing from the index, never reordered.
        assert [i for i in full if i in indexed] == indexed
        assert all(item in full for item in indexed)
        assert indexed[:1] == full[:1]


def test_member_index_replaces_and_removes():
    index = MemberIndex()
    index.add(_member("a", "Ann", "Lee", email="ann@example.com"))
    index.add(_member("a", "Bob", "Ray"))  # replaces: old keys must be gone
    assert (
        index.rank({"firstName": "X", "lastName": "Y", "email": "ann@example.com"})
        == []
    )
    assert _urns(index.rank({"firstName": "Bob", "lastName": "Ray"})) == ["a"]
    index.remove("urn:li:person:a")
    assert len(index) == 0 and index.rank({"firstName": "Bob", "lastName": "Ray"}) == []
