# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deterministic seed data of the sandbox.

Every seed installs the same credentials, organizations and contracts (see
:data:`FIXTURES`). ``demo`` adds seats, members, InMail threads and notes;
``empty`` adds nothing else. Generated data comes from ``random.Random``
with a fixed seed; timestamps are relative to the moment of the reset, so a
365-day backfill always finds the demo activity.

The ``FIXTURES`` dict documents the records tests may rely on; it is also
served at ``GET /_sandbox/fixtures``.
"""

import base64
import random

from .store import SandboxError

DAY_MS = 24 * 3600 * 1000
HOUR_MS = 3600 * 1000
ORGANIZATION = "urn:li:organization:1000"
LITE_ORGANIZATION = "urn:li:organization:1001"
CONTRACT = "urn:li:contract:2000"
OTHER_CONTRACT = "urn:li:contract:2999"
LITE_CONTRACT = "urn:li:contract:3000"

FIXTURES = {
    "clients": {
        "rsc": {
            "client_id": "sandbox-client",
            "client_secret": "sandbox-secret",
            "organization": ORGANIZATION,
            "contracts": [CONTRACT, OTHER_CONTRACT],
            "application": "urn:li:developerApplication:8001",
        },
        "lite": {
            "client_id": "lite-client",
            "client_secret": "lite-secret",
            "organization": LITE_ORGANIZATION,
            "contracts": [LITE_CONTRACT],
            "application": "urn:li:developerApplication:8002",
        },
    },
    "organization": ORGANIZATION,
    "contract": CONTRACT,
    "other_contract": OTHER_CONTRACT,
    "lite_contract": LITE_CONTRACT,
    "members": {
        "jane_doe": "urn:li:person:jane-doe",
        "jane_doe_paris": "urn:li:person:jane-doe-paris",
        "john_smith": "urn:li:person:john-smith",
        "jon_smith": "urn:li:person:jon-smith",
        "maria_garcia": "urn:li:person:maria-garcia",
        "maria_garcia_accented": "urn:li:person:maria-garcia-es",
        "ahmed_khan": "urn:li:person:ahmed-khan",
    },
    "unmatched_email": "nobody.matches@example.com",
    "url_match": "https://www.linkedin.com/in/ahmed-khan-42",
    "seats": {
        "alice": "urn:li:seat:5001",
        "bob": "urn:li:seat:5002",
        "carol": "urn:li:seat:5003",
        "dan": "urn:li:seat:5004",
        "admin": "urn:li:seat:5005",
        "demo": "urn:li:seat:5006",
        "frank_inactive": "urn:li:seat:5007",
        "zoe_other_contract": "urn:li:seat:6001",
        "lena_lite": "urn:li:seat:7001",
    },
    # The Profile Widget stand-in's password of every seat (its email signs in).
    "widget_password": "recruiter",
}

SEATS = (
    # id, contract, first, last, email, state, roles
    (5001, CONTRACT, "Alice", "Recruiter", "alice.recruiter@example.com", "ACTIVE",
     ["RECRUITER", "ADMIN"]),
    (5002, CONTRACT, "Bob", "Hiring", "bob.hiring@example.com", "ACTIVE",
     ["RECRUITER"]),
    (5003, CONTRACT, "Carol", "Sourcer", "carol.sourcer@example.com", "ACTIVE",
     ["RECRUITER"]),
    (5004, CONTRACT, "Dan", "Talent", "dan.talent@example.com", "ACTIVE",
     ["RECRUITER"]),
    # Odoo's demo users, so seat mapping by email works on a demo database.
    (5005, CONTRACT, "Mitchell", "Admin", "admin@yourcompany.example.com", "ACTIVE",
     ["RECRUITER", "ADMIN"]),
    (5006, CONTRACT, "Marc", "Demo", "mark.brown23@example.com", "ACTIVE",
     ["RECRUITER"]),
    (5007, CONTRACT, "Frank", "Former", "frank.former@example.com", "INACTIVE",
     ["RECRUITER"]),
    (6001, OTHER_CONTRACT, "Zoe", "Elsewhere", "zoe.elsewhere@example.com", "ACTIVE",
     ["RECRUITER"]),
    # Recruiter Lite (no RSC): the widget's licence check refuses this seat.
    (7001, LITE_CONTRACT, "Lena", "Lite", "lena.lite@example.com", "ACTIVE",
     ["RECRUITER"]),
)  # fmt: skip

FIXTURE_MEMBERS = (
    # slug, first, last, email, headline, location, company, phone, profile slug
    ("jane-doe", "Jane", "Doe", "jane.doe@example.com", "Senior Python Developer",
     "Brussels, Belgium", "Acme Corp", "+32 470 12 34 56", "jane-doe"),
    ("jane-doe-paris", "Jane", "Doe", "jane.doe.design@example.net",
     "Graphic Designer", "Paris, France", "Studio Lumière", None, "jane-doe-paris"),
    ("john-smith", "John", "Smith", "john.smith@example.com", "Data Engineer",
     "London, United Kingdom", "Northwind", "+44 20 7946 0001", "john-smith"),
    ("jon-smith", "Jon", "Smith", "jon.smith@example.org", "Data Analyst",
     "Manchester, United Kingdom", "Contoso", None, "jon-smith-analyst"),
    ("maria-garcia", "Maria", "Garcia", "maria.garcia@example.com",
     "HR Business Partner", "Madrid, Spain", "Fabrikam", None, "maria-garcia"),
    ("maria-garcia-es", "María", "García", "maria.garcia@example.org",
     "UX Designer", "Sevilla, Spain", "Tailspin", None, "maria-garcia-ux"),
    ("ahmed-khan", "Ahmed", "Khan", "a.khan@example.net", "DevOps Engineer",
     "Dubai, United Arab Emirates", "Litware", None, "ahmed-khan-42"),
)  # fmt: skip

FIRST_NAMES = (
    "Olivia Liam Emma Noah Ava Lucas Mia Ethan Sofia Mateo Chloe Leo Nora Hugo "
    "Inès Arjun Priya Kenji Yuki Fatima Omar Lena Jonas Elif Mehmet Sara Tom "
    "Anna Pierre Camille Zoë Björn Chiara Diego Aisha Wei"
).split()
LAST_NAMES = (
    "Martin Bernard Dubois Müller Schmidt Rossi Bianchi Jansen Peeters Nowak "
    "Kowalski Silva Santos Tanaka Sato Kim Lee Chen Wang Singh Patel Ahmed "
    "Yilmaz Demir Novak Horvat Andersen Nielsen Larsen Costa O'Brien"
).split()
HEADLINES = (
    "Software Engineer",
    "Backend Developer",
    "Frontend Developer",
    "Product Manager",
    "Data Scientist",
    "QA Engineer",
    "Sales Manager",
    "Accountant",
    "Marketing Specialist",
    "Site Reliability Engineer",
)
LOCATIONS = (
    "Brussels, Belgium",
    "Antwerp, Belgium",
    "Paris, France",
    "Berlin, Germany",
    "Amsterdam, Netherlands",
    "Lisbon, Portugal",
    "Warsaw, Poland",
    "Milan, Italy",
    "Istanbul, Türkiye",
    "Tokyo, Japan",
)
COMPANIES = ("Acme Corp", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay")
SUBJECTS = (
    "Opportunity at {company}",
    "Your profile caught my eye",
    "Quick question about your next move",
    "Role: {headline}",
)
BODIES = (
    "<p>Hi {first},</p><p>We are hiring a <b>{headline}</b>. Interested?</p>",
    "<p>Hello {first}, would you have 15 minutes this week for a call?</p>",
    "Hi {first}, thanks for connecting. Are you open to new roles?",
)
REPLIES = (
    "<p>Thanks, happy to talk. I am free on Thursday.</p>",
    "Not looking right now, but keep me posted.",
    "<p>Sounds interesting! Could you share the <i>salary range</i>?</p>",
)
NOTES = (
    "Strong communicator; follow up next quarter.",
    "Salary expectation < 80k & fully remote.",
    "Met at a meetup; prefers email contact.",
    "Technical screen passed.",
)


def apply(store, seed):
    """Install ``seed`` (``demo`` or ``empty``) into a freshly reset store."""
    if seed not in ("demo", "empty"):
        raise SandboxError(400, f"Unknown seed {seed!r} (use demo or empty)")
    _base(store)
    store.fixtures = {**FIXTURES, "seed": seed, "now_ms": store.started_ms}
    if seed == "demo":
        _demo(store, random.Random(20260101))


def _base(store):
    store.add_contract(CONTRACT, ORGANIZATION)
    store.add_contract(OTHER_CONTRACT, ORGANIZATION)
    store.add_contract(LITE_CONTRACT, LITE_ORGANIZATION, rsc=False)
    for kind in ("PROFILE_PLUGIN", "IN_ATS_INDICATOR"):
        store.set_integration(ORGANIZATION, kind, True)
    for client in FIXTURES["clients"].values():
        store.add_client(
            client["client_id"],
            client["client_secret"],
            client["organization"],
            client["contracts"],
            name=client["client_id"],
        )
        store.clients[client["client_id"]]["application"] = client["application"]


def _demo(store, rng):
    for seat_id, contract, first, last, email, state, roles in SEATS:
        store.add_seat(
            {
                "id": seat_id,
                "contract": contract,
                "member": f"urn:li:person:{first.lower()}-{last.lower()}-seat",
                "firstName": first,
                "lastName": last,
                "email": email,
                "state": state,
                "seatRoles": roles,
            }
        )
    for (
        slug,
        first,
        last,
        email,
        headline,
        location,
        company,
        phone,
        url,
    ) in FIXTURE_MEMBERS:
        store.add_member(
            {
                "urn": f"urn:li:person:{slug}",
                "firstName": first,
                "lastName": last,
                "email": email,
                "headline": headline,
                "location": location,
                "company": company,
                "title": headline,
                "phone": phone,
                "profileUrl": f"https://www.linkedin.com/in/{url}",
                "pictureUrl": avatar_data_uri(first, last),
            }
        )
    generated = generate_members(store, rng, 36, "demo")
    _fixture_activity(store, store.started_ms)
    _generated_activity(store, rng, generated, store.started_ms)


def avatar_data_uri(first, last):
    """A small initials avatar as a data: URI, so demos need no image host."""
    initials = f"{first[:1]}{last[:1]}".upper()
    hue = sum(map(ord, initials)) * 37 % 360
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
        f'<rect width="64" height="64" rx="32" fill="hsl({hue},45%,45%)"/>'
        '<text x="32" y="41" font-family="sans-serif" font-size="24" '
        f'fill="white" text-anchor="middle">{initials}</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def generate_members(store, rng, count, prefix):
    """Add ``count`` members with plausible, distinct names; return them."""
    members = []
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        slug = f"{prefix}-{index:05d}"
        members.append(
            store.add_member(
                {
                    "urn": f"urn:li:person:{slug}",
                    "firstName": first,
                    "lastName": last,
                    "email": f"{slug}@members.example.net",
                    "headline": rng.choice(HEADLINES),
                    "location": rng.choice(LOCATIONS),
                    "company": rng.choice(COMPANIES),
                    "profileUrl": f"https://www.linkedin.com/in/{slug}",
                    "pictureUrl": avatar_data_uri(first, last) if index % 3 else None,
                }
            )
        )
    return members


def _fixture_activity(store, now):
    """Stable threads and notes on the fixture members (see CONTRACT.md)."""
    seats, members = FIXTURES["seats"], FIXTURES["members"]
    jane = members["jane_doe"]
    reply = "Re: Senior Python role at Acme"
    inmails = (
        (seats["alice"], jane, "SENT", 150 * DAY_MS, "Senior Python role at Acme",
         "<p>Hi Jane,</p><p>We are hiring a <b>Senior Python Developer</b> in "
         "Brussels. Interested?</p>"),
        (seats["alice"], jane, "RECEIVED", 149 * DAY_MS, reply,
         "<p>Thanks Alice, happy to talk.</p>"),
        (seats["alice"], jane, "SENT", 148 * DAY_MS, reply,
         'Great! Here is the <a href="https://example.com/jobs/42">job '
         "description</a>."),
        (seats["alice"], jane, "RECEIVED", 20 * DAY_MS, reply,
         "<p>My updated CV is attached.</p><script>alert('xss')</script>"),
        (seats["admin"], jane, "SENT", 10 * DAY_MS, "Following up",
         "Hi Jane, following up on Alice's message."),
        (seats["bob"], members["john_smith"], "SENT", 90 * DAY_MS,
         "Data Engineer at Northwind", "Hi John, are you open to a new role?"),
        (seats["bob"], members["john_smith"], "RECEIVED", 89 * DAY_MS,
         "Re: Data Engineer at Northwind", "Yes, let's talk next week."),
        (seats["carol"], members["jon_smith"], "SENT", 60 * DAY_MS,
         "Analyst opening", "Hi Jon, we have an analyst opening."),
        (seats["dan"], members["maria_garcia_accented"], "SENT", 30 * DAY_MS,
         "Diseñadora UX", "<p>Hola María, ¿hablamos?</p>"),
        (seats["dan"], members["maria_garcia_accented"], "RECEIVED", 29 * DAY_MS,
         "Re: Diseñadora UX", "<p>¡Claro que sí!</p>"),
        (seats["alice"], members["ahmed_khan"], "SENT", 3 * HOUR_MS,
         "DevOps at Acme", "Hi Ahmed, quick chat about DevOps at Acme?"),
        (seats["alice"], members["ahmed_khan"], "RECEIVED", 1 * HOUR_MS,
         "Re: DevOps at Acme", "Sure, call me tomorrow."),
        (seats["zoe_other_contract"], jane, "SENT", 15 * DAY_MS,
         "Offer from another company", "Hi Jane, this is contract 2999."),
        (seats["zoe_other_contract"], jane, "RECEIVED", 14 * DAY_MS,
         "Re: Offer from another company", "Contract 2999 reply, never for 2000."),
    )  # fmt: skip
    for seat, member, direction, age, subject, body in inmails:
        store.add_event(
            {
                "seat": seat,
                "member": member,
                "direction": direction,
                "subject": subject,
                "body": body,
                "created_ms": now - age,
            }
        )
    notes = (
        # owner, member, text, created age, modified age (None = never), active
        (seats["alice"], jane, "Strong Python background; available in March.",
         148 * DAY_MS, None, True),
        (seats["bob"], jane, "Edited: prefers hybrid work, 3 days on site.",
         100 * DAY_MS, 5 * DAY_MS, True),
        (seats["carol"], jane, "Duplicate note, deleted later.", 50 * DAY_MS,
         2 * DAY_MS, False),
        (seats["bob"], members["john_smith"], "Salary expectation < 80k & remote.",
         88 * DAY_MS, None, True),
        (seats["dan"], members["maria_garcia_accented"], "Portfolio reviewed: strong.",
         28 * DAY_MS, 27 * DAY_MS, True),
        (seats["alice"], members["ahmed_khan"], "Call scheduled tomorrow.",
         2 * HOUR_MS, None, True),
        (seats["zoe_other_contract"], jane, "Contract 2999 note, never for 2000.",
         14 * DAY_MS, None, True),
    )  # fmt: skip
    for owner, member, text, created, modified, active in notes:
        store.add_note(
            {
                "owner": owner,
                "member": member,
                "text": text,
                "created_ms": now - created,
                "modified_ms": now - (modified if modified else created),
                "active": active,
            }
        )


def _generated_activity(store, rng, members, now):
    """Threads and notes on generated members over the last ~180 days."""
    active = list(FIXTURES["seats"].values())[:6]  # contract 2000, ACTIVE
    for member in members[:30]:
        seat = rng.choice(active)
        start = now - rng.randint(2, 180) * DAY_MS - rng.randint(0, DAY_MS)
        facts = {
            "first": member["firstName"],
            "headline": member["headline"],
            "company": member["company"],
        }
        for step in range(rng.randint(1, 4)):
            sent = step % 2 == 0
            store.add_event(
                {
                    "seat": seat,
                    "member": member["urn"],
                    "direction": "SENT" if sent else "RECEIVED",
                    "subject": rng.choice(SUBJECTS).format(**facts),
                    "body": (
                        rng.choice(BODIES) if sent else rng.choice(REPLIES)
                    ).format(**facts),
                    "created_ms": min(start + step * rng.randint(1, 48) * HOUR_MS, now),
                }
            )
    for index, member in enumerate(members[:24]):
        created = now - rng.randint(1, 180) * DAY_MS
        edited = index % 5 == 1
        store.add_note(
            {
                "owner": rng.choice(active),
                "member": member["urn"],
                "text": rng.choice(NOTES),
                "created_ms": created,
                "modified_ms": created + (DAY_MS if edited else 0),
                "active": index % 8 != 3,
            }
        )


def bulk(store, spec):
    """Add synthetic data for benchmarks; see ``POST /_sandbox/bulk``.

    ``spec``: ``members``, ``seats``, ``events``, ``notes`` (counts),
    ``contract`` (default 2000), ``days`` (spread, default 365), ``seed``.
    Returns the counts added, plus the new members' URNs under ``member_urns``
    if ``spec["member_urns"]`` is true.
    """
    rng = random.Random(spec.get("seed", 7))
    contract = spec.get("contract") or CONTRACT
    days = int(spec.get("days", 365))
    now = store.started_ms
    with store.lock:
        members = generate_members(
            store, rng, int(spec.get("members", 0)), f"bulk{len(store.members)}"
        )
        for _index in range(int(spec.get("seats", 0))):
            store.add_seat({"contract": contract})
        seats = [
            f"urn:li:seat:{seat['id']}"
            for seat in store.seats_of({contract}, {"ACTIVE"})
        ]
        pool = [member["urn"] for member in members] or list(store.members)
        if (spec.get("events") or spec.get("notes")) and not (seats and pool):
            raise SandboxError(400, "Bulk activity needs seats and members")
        for _index in range(int(spec.get("events", 0))):
            store.add_event(
                {
                    "seat": rng.choice(seats),
                    "member": rng.choice(pool),
                    "direction": rng.choice(("SENT", "RECEIVED")),
                    "subject": "Bulk InMail",
                    "body": "<p>Synthetic message</p>",
                    "created_ms": now - rng.randint(0, days * DAY_MS),
                },
                sort=False,
            )
        for _index in range(int(spec.get("notes", 0))):
            created = now - rng.randint(0, days * DAY_MS)
            store.add_note(
                {
                    "owner": rng.choice(seats),
                    "member": rng.choice(pool),
                    "text": "Synthetic note",
                    "created_ms": created,
                },
                sort=False,
            )
        store.sort_timelines()
    added = {
        key: int(spec.get(key, 0)) for key in ("members", "seats", "events", "notes")
    }
    if spec.get("member_urns"):
        added["member_urns"] = [member["urn"] for member in members]
    return added
