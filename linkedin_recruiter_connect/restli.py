# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rest.li protocol 2.0 object and list notation: the one implementation.

LinkedIn's versioned (``/rest``) APIs speak Rest.li 2.0
(``X-Restli-Protocol-Version: 2.0.0``), whose compound keys and lists are
written, per the Rest.li protocol specification
(https://linkedin.github.io/rest.li/spec/protocol):

- an object (a compound key) as ``(k1:v1,k2:v2)``, the empty object ``()``;
- a list as ``List(v1,v2)``, the empty list ``List()``;
- the empty string as ``''``;
- a primitive value with the characters the notation reserves percent-encoded.

Two encodings of primitives are defined. In a URL (a query parameter value)
the value is URL-encoded: every character outside RFC 3986's unreserved set
(``A-Z a-z 0-9 - . _ ~``) is percent-encoded, the reserved ``( ) , : '`` and
``%`` included. In a request or response body (batch keys of ``entities``,
``results``, ``errors``) and in headers the *reduced* encoding applies: only
``%``, ``(``, ``)``, ``,``, ``:`` and ``'`` are percent-encoded. So
``urn:li:organization:1000`` is ``urn%3Ali%3Aorganization%3A1000`` in both.

:func:`decode` reads either form (it percent-decodes each primitive once,
after the structure is parsed), so a server must hand it the *raw* query
value, not one its framework already percent-decoded. Primitives decode to
strings: the notation carries no types (``42`` is ``"42"``).

The Rest.li 1.0 form (``ids[0].field=value``) of the ``/v2`` endpoints is not
here: it stays in :mod:`client`.
"""

from urllib.parse import quote, unquote

LIST_PREFIX = "List("
# The characters the reduced (body and header) encoding percent-encodes;
# "%" first so that the others' escapes are not encoded again.
REDUCED = ("%", "(", ")", ",", ":", "'")
EMPTY_STRING = "''"


class RestliSyntaxError(ValueError):
    """A string that is not valid Rest.li 2.0 notation."""


def _primitive(value, query):
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    if text == "":
        return EMPTY_STRING
    if query:
        return quote(text, safe="")
    for char in REDUCED:
        text = text.replace(char, f"%{ord(char):02X}")
    return text


def encode(value, query=False):
    """The Rest.li 2.0 string of ``value`` (dict, list/tuple or primitive).

    ``query=True`` URL-encodes primitives for a query parameter value;
    otherwise the reduced encoding of bodies and headers is used. Dict keys
    are encoded like values, in the dict's order.
    """
    if isinstance(value, dict):
        items = ",".join(
            f"{_primitive(key, query)}:{encode(item, query)}"
            for key, item in value.items()
        )
        return f"({items})"
    if isinstance(value, list | tuple):
        return f"{LIST_PREFIX}{','.join(encode(item, query) for item in value)})"
    if value is None:
        raise TypeError("Rest.li 2.0 has no notation for null")
    return _primitive(value, query)


def encode_key(fields):
    """A compound key as it appears in a batch body or response (reduced)."""
    return encode(dict(fields))


def encode_ids(keys):
    """The ``ids`` query parameter value of a batch call: ``List((..),(..))``,
    URL-encoded (put it in the URL as is, never encode it again)."""
    return encode(list(keys), query=True)


def decode(text):
    """The value of a Rest.li 2.0 string: dicts, lists and strings.

    Raises :class:`RestliSyntaxError` for anything else (unbalanced
    parentheses, a missing ``:``, trailing characters, a raw reserved
    character inside a value).
    """
    if not isinstance(text, str):
        raise RestliSyntaxError("Rest.li 2.0 notation must be a string")
    value, end = _parse(text, 0)
    if end != len(text):
        raise RestliSyntaxError(f"Unexpected {text[end]!r} at {end} in {text!r}")
    return value


def decode_key(text):
    """A compound key (object) of a batch body or response, as a dict."""
    value = decode(text)
    if not isinstance(value, dict):
        raise RestliSyntaxError(f"{text!r} is not a Rest.li 2.0 key (k:v,...)")
    return value


def decode_ids(text):
    """The keys of an ``ids=List(...)`` value, as a list of dicts."""
    value = decode(text)
    if not isinstance(value, list) or not all(isinstance(k, dict) for k in value):
        raise RestliSyntaxError(f"{text!r} is not a Rest.li 2.0 List of keys")
    return value


def _parse(text, pos):
    """``(value, end)`` of the value starting at ``pos``."""
    if text.startswith(LIST_PREFIX, pos):
        return _parse_sequence(text, pos + len(LIST_PREFIX), _parse, list)
    if text.startswith("(", pos):
        pairs, end = _parse_sequence(text, pos + 1, _parse_pair, list)
        keys = [key for key, _value in pairs]
        if len(set(keys)) != len(keys):
            raise RestliSyntaxError(f"A key repeats a field in {text!r}")
        return dict(pairs), end
    return _parse_primitive(text, pos)


def _parse_sequence(text, pos, parse_item, kind):
    items = []
    if text.startswith(")", pos):
        return kind(items), pos + 1
    while True:
        item, pos = parse_item(text, pos)
        items.append(item)
        if text.startswith(",", pos):
            pos += 1
        elif text.startswith(")", pos):
            return kind(items), pos + 1
        else:
            raise RestliSyntaxError(f"Expected ',' or ')' at {pos} in {text!r}")


def _parse_pair(text, pos):
    key, pos = _parse_primitive(text, pos)
    if not text.startswith(":", pos):
        raise RestliSyntaxError(f"Expected ':' at {pos} in {text!r}")
    value, pos = _parse(text, pos + 1)
    return (key, value), pos


def _parse_primitive(text, pos):
    end = pos
    while end < len(text) and text[end] not in "(),:":
        end += 1
    raw = text[pos:end]
    if raw == EMPTY_STRING:
        return "", end
    if raw == "" or "'" in raw:
        raise RestliSyntaxError(f"Expected a value at {pos} in {text!r}")
    return unquote(raw), end
