# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""SandboxAdmin: a tiny urllib client of the sandbox's ``/_sandbox/`` API.

For tests and demos; the admin API needs no authentication (see
CONTRACT.md). Every method returns the decoded JSON answer and raises
:class:`SandboxAdminError` on an HTTP error.
"""

import json
import urllib.error
import urllib.request


class SandboxAdminError(Exception):
    """The sandbox refused an admin call; ``status`` is the HTTP status."""

    def __init__(self, status, message):
        super().__init__(f"Sandbox admin error {status}: {message}")
        self.status = status


class SandboxAdmin:
    """Admin helper for a sandbox at ``base_url``."""

    def __init__(self, base_url, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _call(self, method, action, payload=None):
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(
            f"{self.base_url}/_sandbox/{action}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            try:
                message = json.loads(exc.read()).get("message")
            except ValueError:
                message = exc.reason
            raise SandboxAdminError(exc.code, message) from None

    @staticmethod
    def _clean(values):
        return {key: value for key, value in values.items() if value is not None}

    def reset(self, seed="demo"):
        """Reseed the whole sandbox (``demo`` or ``empty``); faults are cleared."""
        return self._call("POST", "reset", {"seed": seed})

    def fixtures(self):
        """Credentials, URNs and fixture records of the current seed."""
        return self._call("GET", "fixtures")

    def stats(self):
        """Request counts per endpoint (and per status), faults, data counts."""
        return self._call("GET", "stats")

    def candidates(self):
        """Every candidate stored by atsCandidates batch updates."""
        return self._call("GET", "candidates")

    def add_member(self, **fields):
        """Add a member (``urn``, ``firstName``, ``lastName``, ``email``,
        ``headline``, ``location``, ``profileUrl``, ``pictureUrl``, ``phone``,
        ``company``, ``title``); returns it with its URN."""
        return self._call("POST", "members", fields)

    def add_seat(self, contract, **fields):
        """Add a seat to ``contract`` (``id``, ``member``, names, ``email``,
        ``state``, ``seatRoles``)."""
        return self._call("POST", "seats", {"contract": contract, **fields})

    def add_inmail(
        self,
        seat,
        member,
        direction="SENT",
        subject=None,
        body=None,
        created_ms=None,
        thread=None,
    ):
        """Add an InMail between a seat and a member; returns the event."""
        return self._call(
            "POST",
            "inmails",
            self._clean(
                {
                    "seat": seat,
                    "member": member,
                    "direction": direction,
                    "subject": subject,
                    "body": body,
                    "created_ms": created_ms,
                    "thread": thread,
                }
            ),
        )

    def add_note(self, owner, member, text, created_ms=None):
        """Add a note by seat ``owner`` on ``member``; returns the note."""
        return self._call(
            "POST",
            "notes",
            self._clean(
                {
                    "owner": owner,
                    "member": member,
                    "text": text,
                    "created_ms": created_ms,
                }
            ),
        )

    def edit_note(self, note_id, text, modified_ms=None):
        """Change a note's text; lastModified moves forward."""
        payload = self._clean({"text": text, "modified_ms": modified_ms})
        return self._call("PATCH", f"notes/{note_id}", payload)

    def delete_note(self, note_id, modified_ms=None):
        """Mark a note deleted (``active: false``); lastModified moves forward."""
        payload = self._clean({"modified_ms": modified_ms})
        return self._call("DELETE", f"notes/{note_id}", payload)

    def purge_member(self, member, reason="CLOSED", purged_ms=None):
        """Report ``member`` closed (or purged) in atsPurgedExportedCandidates."""
        payload = self._clean(
            {"member": member, "reason": reason, "purged_ms": purged_ms}
        )
        return self._call("POST", "purged", payload)

    def expire_tokens(self):
        """Expire every issued token: the next data call gets a 401."""
        return self._call("POST", "tokens/expire", {})

    def set_integration(self, context, integration_type, enabled):
        """Enable or disable an integration type for an org or contract URN."""
        return self._call(
            "POST",
            "integrations",
            {"context": context, "type": integration_type, "enabled": enabled},
        )

    def seed_bulk(self, members=0, seats=0, events=0, notes=0, **options):
        """Add synthetic data (``contract``, ``days`` and ``seed`` optional);
        ``member_urns=True`` also returns the new members' URNs."""
        return self._call(
            "POST",
            "bulk",
            {
                "members": members,
                "seats": seats,
                "events": events,
                "notes": notes,
                **options,
            },
        )

    def set_fault(
        self,
        endpoint,
        kind,
        rate=1.0,
        every=None,
        times=None,
        after=0,
        retry_after=None,
        delay=None,
        seed=0,
    ):
        """Inject a fault; ``kind`` is 429, 500, 502, 503, 504, 401, delay or
        malformed. See CONTRACT.md for how rate/every/times/after combine."""
        return self._call(
            "POST",
            "faults",
            self._clean(
                {
                    "endpoint": endpoint,
                    "kind": str(kind),
                    "rate": rate,
                    "every": every,
                    "times": times,
                    "after": after,
                    "retry_after": retry_after,
                    "delay": delay,
                    "seed": seed,
                }
            ),
        )

    def faults(self):
        return self._call("GET", "faults")

    def set_strict(self, strict=True):
        """Answer only what LinkedIn documents (CONTRACT.md, Strict mode)."""
        return self._call("POST", "mode", {"strict": bool(strict)})

    def register_domains(self, client_id, domains):
        """Replace the origins whose pages may show ``client_id``'s profile
        widget (its validJsSdkDomains)."""
        return self._call(
            "POST", "domains", {"client_id": client_id, "domains": list(domains)}
        )

    def clear_faults(self):
        return self._call("DELETE", "faults")
