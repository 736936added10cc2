# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rest.li protocol 2.0 notation (linkedin_recruiter_connect.restli)."""

import pytest

from linkedin_recruiter_connect import restli

ORG = "urn:li:organization:1000"
KEY = {"externalCandidateId": "42", "integrationContext": ORG}


def test_body_key_uses_the_reduced_encoding():
    assert restli.encode_key(KEY) == (
        "(externalCandidateId:42,integrationContext:urn%3Ali%3Aorganization%3A1000)"
    )


def test_ids_list_of_keys_for_a_query():
    other = {"externalCandidateId": 43, "integrationContext": ORG}
    assert restli.encode_ids([KEY, other]) == (
        "List((externalCandidateId:42,integrationContext:urn%3Ali%3Aorganization%3A1000),"
        "(externalCandidateId:43,integrationContext:urn%3Ali%3Aorganization%3A1000))"
    )


@pytest.mark.parametrize(
    ("value", "reduced", "query"),
    [
        ("a(b)c", "a%28b%29c", "a%28b%29c"),
        ("x,y", "x%2Cy", "x%2Cy"),
        ("k:v", "k%3Av", "k%3Av"),
        ("it's", "it%27s", "it%27s"),
        ("100%", "100%25", "100%25"),
        # %28 in the value is text, not an escape: its % is encoded
        ("%28", "%2528", "%2528"),
        # only the query form URL-encodes the other characters
        ("a b&c=d/é", "a b&c=d/é", "a%20b%26c%3Dd%2F%C3%A9"),
        ("", "''", "''"),
        (True, "true", "true"),
        (7, "7", "7"),
    ],
)
def test_reserved_characters_in_values(value, reduced, query):
    assert restli.encode({"f": value}) == f"(f:{reduced})"
    assert restli.encode({"f": value}, query=True) == f"(f:{query})"
    expected = value if isinstance(value, str) else restli.encode(value)
    assert restli.decode(f"(f:{reduced})") == {"f": expected}
    assert restli.decode(f"(f:{query})") == {"f": expected}


def test_nested_objects_lists_and_empties_round_trip():
    value = {
        "a": ["1", {"b": "c d", "e": []}],
        "f": {},
        "g": "",
        "h:i": "(x)",
    }
    for query in (False, True):
        text = restli.encode(value, query=query)
        assert restli.decode(text) == value
    assert (
        restli.encode(value) == "(a:List(1,(b:c d,e:List())),f:(),g:'',h%3Ai:%28x%29)"
    )


def test_decode_ids_and_keys():
    text = (
        "List((integrationContext:urn%3Ali%3Aorganization%3A1000,"
        "externalCandidateId:7))"
    )
    assert restli.decode_ids(text) == [
        {"integrationContext": ORG, "externalCandidateId": "7"}
    ]
    assert restli.decode_key("(externalCandidateId:7)") == {"externalCandidateId": "7"}
    assert restli.decode_ids("List()") == []


@pytest.mark.parametrize(
    "text",
    [
        "(a:1",  # unbalanced
        "(a:1))",  # trailing
        "(a)",  # no ':'
        "(a:1,)",  # empty value
        "(a:it's)",  # raw quote
        "(a:1,a:2)",  # repeated field
        "List((a:1)",  # unbalanced list
        "(a:b:c)",  # raw ':' in a value
        "(a:b(c))",  # raw '(' in a value
    ],
)
def test_malformed_notation_is_refused(text):
    with pytest.raises(restli.RestliSyntaxError):
        restli.decode(text)


def test_key_and_ids_decoders_check_the_shape():
    with pytest.raises(restli.RestliSyntaxError):
        restli.decode_key("List((a:1))")
    with pytest.raises(restli.RestliSyntaxError):
        restli.decode_ids("(a:1)")
    with pytest.raises(restli.RestliSyntaxError):
        restli.decode_ids("List(1,2)")
    with pytest.raises(TypeError):
        restli.encode({"a": None})
