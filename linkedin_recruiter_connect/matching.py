# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How names, emails, phones and profile URLs are normalized before people
are compared.

The merge wizard tells different people apart by their normalized names;
the sandbox ranks LinkedIn members on the same normalized facts.
"""

import re
import unicodedata


def normalize_name(text, keep_accents=False):
    """Casefold, optionally strip accents, drop punctuation, collapse spaces."""
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    if not keep_accents:
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def normalize_email(email):
    return (email or "").strip().casefold()


def normalize_phone(phone):
    """Digits only, last 10 kept so country prefixes do not matter."""
    if isinstance(phone, dict):
        phone = phone.get("number")
    return re.sub(r"\D", "", phone or "")[-10:]


def normalize_url(url):
    """Profile URL without scheme, ``www.``, query, fragment or final slash."""
    url = (url or "").strip().casefold()
    url = re.sub(r"^[a-z]+://", "", url)
    url = re.sub(r"^www\.", "", url)
    url = re.split(r"[?#]", url, maxsplit=1)[0]
    return url.rstrip("/")
