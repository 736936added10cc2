# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A stand-in for LinkedIn's Enhanced Profile Widget (see CONTRACT.md).

- ``GET /xdoor/scripts/in.js``: the JS SDK loader (``window.IN``);
  ``GET /rsc/extensions/profile-widget`` and ``/recruiter/widget/hcm``: the
  HcmWidget extension, which turns each ``script[type="IN/HcmWidget"]`` tag
  into an iframe of
- ``/rsc/widget/profile``: server-rendered pages (sign in, best match, "Not
  the right profile?", search, connected, unlink), each posting its state to
  the host page with ``postMessage``;
- ``POST /v2/provisionedApplications/{urn}``: LinkedIn's call that sets a
  client's ``validJsSdkDomains``; ``/_sandbox/domains`` the admin shortcut.

The widget is LinkedIn's UI: it shows profile details in strict mode too.
Sessions and domains live in the store (``widget_sessions``,
``js_domains``); a reset clears them.
"""

import html
import json
import secrets
import unicodedata
from urllib.parse import urlencode, urlsplit

from werkzeug.wrappers import Response

from .seed import FIXTURES
from .store import MATCH_LIMIT, SandboxError
from .widget_js import EXTENSION_JS, LOADER_JS, PAGE_JS

LOADER_PATH = "/xdoor/scripts/in.js"
EXTENSION_PATHS = ("/rsc/extensions/profile-widget", "/recruiter/widget/hcm")
PAGE_PATH = "/rsc/widget/profile"
APPLICATIONS_PREFIX = "/v2/provisionedApplications/"
COOKIE = "li_sandbox_session"
PARAMS = (
    "api_key",
    "atsCandidateId",
    "integrationContext",
    "integrationContract",
    "showUnlinkUrl",
    "confirmUnlink",
    "origin",
)
REQUIRED = ("api_key", "atsCandidateId", "integrationContext", "origin")
CLOSEST_LIMIT = 5
SEARCH_LIMIT = 20
DOMAIN_ERROR = (
    "You must specify a valid JavaScript API Domain as part of this key's "
    "configuration."
)


def origin_of(value):
    """``scheme://host[:port]`` of a URL or origin, lower case; None if it is
    not an http(s) URL."""
    try:
        parts = urlsplit(str(value or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _fold(text):
    """Lower case without accents, for the name search."""
    text = unicodedata.normalize("NFKD", str(text or "")).casefold()
    return "".join(char for char in text if not unicodedata.combining(char))


def _e(value):
    return html.escape(str(value if value is not None else ""), quote=True)


def _name(person):
    person = person or {}
    return " ".join(p for p in (person.get("firstName"), person.get("lastName")) if p)


class WidgetPage(Exception):
    """Stop handling a widget request and render this page."""

    def __init__(self, state, body, error=None):
        super().__init__(error or state)
        self.state = state
        self.body = body
        self.error = error


class Widget:
    """The widget's routes; ``app`` is the SandboxApp (its store holds state)."""

    def __init__(self, app):
        self.app = app

    @property
    def store(self):
        return self.app.store

    # -- registration (app.py) -------------------------------------------------

    def serves(self, path):
        return path in (LOADER_PATH, PAGE_PATH, *EXTENSION_PATHS)

    def api_route(self, path):
        if path.startswith(APPLICATIONS_PREFIX) and len(path) > len(
            APPLICATIONS_PREFIX
        ):
            return ("provisionedApplications", self.provisioned_application)
        return None

    def admin_routes(self):
        return {
            ("GET", "domains"): self.admin_list_domains,
            ("POST", "domains"): self.admin_set_domains,
        }

    # -- validJsSdkDomains -----------------------------------------------------

    def set_domains(self, client_id, domains):
        if not isinstance(domains, list):
            raise SandboxError(400, "validJsSdkDomains must be a list of origins")
        clean = []
        for domain in domains:
            origin = origin_of(domain)
            if origin is None or origin != str(domain).strip().lower():
                raise SandboxError(
                    400,
                    f"{domain!r} is not a valid JavaScript API domain (an origin "
                    "such as https://ats.example.com, no path, no trailing /)",
                )
            clean.append(origin)
        with self.store.lock:
            if client_id not in self.store.clients:
                raise SandboxError(404, f"Unknown client {client_id!r}")
            self.store.js_domains[client_id] = clean
        return clean

    def provisioned_application(self, request):
        """LinkedIn's partial update of a child application (Rest.li: 204)."""
        if request.method != "POST":
            raise SandboxError(405, "Use POST (partial update)")
        client = self.app._client(request)
        urn = request.path[len(APPLICATIONS_PREFIX) :]
        if urn != client.get("application"):
            raise SandboxError(
                403, f"Application is not authorized to update application {urn}"
            )
        patch = request.payload().get("patch")
        fields = (patch or {}).get("$set") if isinstance(patch, dict) else None
        if not isinstance(fields, dict) or set(fields) != {"validJsSdkDomains"}:
            raise SandboxError(
                400, 'The body must be {"patch": {"$set": {"validJsSdkDomains": [..]}}}'
            )
        self.set_domains(client["id"], fields["validJsSdkDomains"])
        return 204, b"", {}

    def admin_list_domains(self, request):
        with self.store.lock:
            return {
                client_id: list(self.store.js_domains.get(client_id, []))
                for client_id in self.store.clients
            }

    def admin_set_domains(self, request):
        data = request.payload()
        client_id = data.get("client_id") or ""
        return {
            "client_id": client_id,
            "domains": self.set_domains(client_id, data.get("domains")),
        }

    # -- HTTP ------------------------------------------------------------------

    def respond(self, request):
        if request.path == LOADER_PATH:
            return self._script(LOADER_JS)
        if request.path in EXTENSION_PATHS:
            return self._script(EXTENSION_JS)
        return WidgetRequest(self, request).response()

    @staticmethod
    def _script(text):
        return Response(
            text,
            content_type="application/javascript; charset=utf-8",
            headers={"Cache-Control": "no-cache"},
        )


class WidgetRequest:
    """One request of a widget page: checks, then the page of its state."""

    def __init__(self, widget, request):
        self.widget = widget
        self.store = widget.store
        self.request = request
        self.params = {name: request.args.get(name, "") for name in PARAMS}
        self.sandbox_origin = origin_of(request.host_url)
        self.host_origin = origin_of(self.params["origin"])
        self.client = None
        self.session_key = request.cookies.get(COOKIE)
        self.session = None
        self.set_cookie = None  # None: leave it, "": delete, else the value
        self.events = []
        self.member = None
        self.validated = False
        self.seat = None

    # -- the answer ------------------------------------------------------------

    def response(self):
        try:
            self.check()
            state, body = self.handle()
            error = None
        except WidgetPage as page:
            state, body, error = page.state, page.body, page.error
        data = {
            "state": state,
            "events": self.events,
            "member": self.member,
            "atsCandidateId": self.params["atsCandidateId"] or None,
            "error": error,
            "hostOrigin": self.host_origin,
        }
        response = Response(
            self.document(state, body, data),
            content_type="text/html; charset=utf-8",
            headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"},
        )
        if self.validated:
            response.headers["Content-Security-Policy"] = (
                f"frame-ancestors {self.host_origin}"
            )
        if self.set_cookie == "":
            response.delete_cookie(COOKIE, path="/", httponly=True, samesite="Lax")
        elif self.set_cookie:
            response.set_cookie(
                COOKIE, self.set_cookie, path="/", httponly=True, samesite="Lax"
            )
        return response

    def error(self, message, detail=None, signed_in=False):
        body = f'<div class="error"><p class="message">{_e(message)}</p>'
        if detail:
            body += f'<p class="detail">{_e(detail)}</p>'
        body += "</div>"
        if signed_in:
            body = self.header() + body
        return WidgetPage("error", body, message)

    # -- checks before any LinkedIn data ---------------------------------------

    def check(self):
        missing = [name for name in REQUIRED if not self.params[name]]
        if missing:
            raise self.error(
                "The widget is missing a parameter: " + ", ".join(missing) + "."
            )
        if self.host_origin is None:
            raise self.error(
                "The origin parameter must be the host page's origin, such as "
                "https://ats.example.com."
            )
        self.client = self.store.clients.get(self.params["api_key"])
        if self.client is None:
            raise self.error("Invalid API key.")
        referer = self.request.headers.get("Referer")
        if referer and origin_of(referer) not in (
            self.host_origin,
            self.sandbox_origin,
        ):
            raise self.error(
                "The widget was refused: the page embedding it is not the origin "
                "it names.",
                f"Page: {origin_of(referer)}; origin parameter: {self.host_origin}",
            )
        with self.store.lock:
            domains = self.store.js_domains.get(self.client["id"], [])
        if self.host_origin not in domains:
            raise self.error(DOMAIN_ERROR, f"Refused origin: {self.host_origin}")
        self.validated = True
        self.check_context()
        if self.request.method == "POST":
            sent = self.request.headers.get("Origin")
            if sent and origin_of(sent) != self.sandbox_origin:
                raise self.error("This form was posted from another site: refused.")

    def check_context(self):
        context = self.params["integrationContext"]
        if context != self.client["organization"]:
            raise self.error(
                f"This API key is not authorized for the integration context {context}."
            )
        contract = self.params["integrationContract"]
        if contract and contract not in self.client["contracts"]:
            raise self.error(
                f"This API key is not authorized for the contract {contract}."
            )

    # -- session ---------------------------------------------------------------

    def load_session(self):
        with self.store.lock:
            self.session = self.store.widget_sessions.get(self.session_key or "")

    def sign_in(self):
        email = (self.request.form.get("email") or "").strip().lower()
        password = self.request.form.get("password") or ""
        with self.store.lock:
            seat = next(
                (
                    urn
                    for urn, seat in sorted(self.store.seats.items())
                    if (seat.get("email") or "").lower() == email and email
                ),
                None,
            )
            if seat is None or not secrets.compare_digest(
                password.encode(), FIXTURES["widget_password"].encode()
            ):
                raise WidgetPage(
                    "signin", self.signin_page("Wrong email or password."), None
                )
            key = secrets.token_urlsafe(24)
            self.session = {"seat": seat, "csrf": secrets.token_urlsafe(24)}
            self.store.widget_sessions[key] = self.session
        self.session_key = self.set_cookie = key

    def sign_out(self):
        with self.store.lock:
            self.store.widget_sessions.pop(self.session_key or "", None)
        self.session = None
        self.set_cookie = ""

    def token_ok(self):
        sent = self.request.values.get("token") or ""
        return bool(self.session) and secrets.compare_digest(
            sent.encode(), self.session["csrf"].encode()
        )

    def check_licence(self):
        """The signed-in seat may use this key's widget; WidgetPage if not."""
        with self.store.lock:
            seat = self.store.seats.get(self.session["seat"])
            contract = self.store.contracts.get((seat or {}).get("contract"), {})
        if seat is None:
            self.sign_out()
            raise WidgetPage("signin", self.signin_page(), None)
        if not contract.get("rsc"):
            raise self.error(
                "Your LinkedIn Recruiter licence does not include Recruiter System "
                "Connect (Recruiter Lite): the Profile Widget is not available.",
                signed_in=True,
            )
        if seat["state"] != "ACTIVE":
            raise self.error(
                "Your LinkedIn Recruiter seat is not active: ask your Recruiter "
                "admin to reactivate it.",
                signed_in=True,
            )
        if seat["contract"] not in self.client["contracts"]:
            raise self.error(
                "Your LinkedIn Recruiter seat belongs to another company: it cannot "
                "use this ATS's Profile Widget.",
                signed_in=True,
            )
        self.seat = seat

    # -- states ----------------------------------------------------------------

    def handle(self):
        action = self.request.values.get("action") or ""
        if action == "signin" and self.request.method == "POST":
            self.sign_in()
        else:
            self.load_session()
        if action == "signout":
            self.sign_out()
        if self.session is None:
            return "signin", self.signin_page()
        self.check_licence()
        key = (self.params["integrationContext"], self.params["atsCandidateId"])
        with self.store.lock:
            if key not in self.store.candidates:
                raise self.error(
                    "This candidate is not known to LinkedIn yet.", signed_in=True
                )
            if action in ("connect", "unlink") and self.token_ok():
                getattr(self, f"do_{action}")(key)
            stored = dict(self.store.candidates[key])
        if stored.get("manualMatchedMember"):
            return "connected", self.connected_page(stored["manualMatchedMember"])
        return "match", self.match_page(stored)

    def do_connect(self, key):
        urn = self.request.values.get("member") or ""
        if urn not in self.store.members:
            raise self.error("This LinkedIn profile does not exist.", signed_in=True)
        self.store.patch_candidate(*key, {"$set": {"manualMatchedMember": urn}})
        self.events.append("link")
        self.member = urn

    def do_unlink(self, key):
        former = self.store.candidates[key].get("manualMatchedMember")
        if former:
            self.store.patch_candidate(*key, {"$delete": ["manualMatchedMember"]})
            self.events.append("unlink")
            self.member = former

    # -- pages -----------------------------------------------------------------

    def url(self, **extra):
        values = {k: v for k, v in self.params.items() if v}
        values.update({k: v for k, v in extra.items() if v})
        return f"{PAGE_PATH}?{urlencode(values)}"

    def hidden(self, **extra):
        values = {k: v for k, v in self.params.items() if v}
        values.update(extra)
        return "".join(
            f'<input type="hidden" name="{_e(k)}" value="{_e(v)}">'
            for k, v in values.items()
        )

    def header(self):
        seat = self.seat or self.store.seats.get((self.session or {}).get("seat"), {})
        return (
            '<header><span class="logo">in</span><span class="product">Recruiter'
            f'</span><span class="who">{_e(_name(seat))}</span>'
            f'<a class="signout" href="{_e(self.url(action="signout"))}">Sign out</a>'
            "</header>"
        )

    def signin_page(self, problem=None):
        notice = f'<p class="problem">{_e(problem)}</p>' if problem else ""
        return (
            '<div class="signin"><h1>Sign in to LinkedIn</h1>'
            "<p>Sign in with your LinkedIn Recruiter account to see this "
            "candidate's LinkedIn profile.</p>"
            f'{notice}<form method="post" action="{_e(self.url())}">'
            '<input type="hidden" name="action" value="signin">'
            '<label>Email <input type="email" name="email" autocomplete="username" '
            'required></label><label>Password <input type="password" '
            'name="password" autocomplete="current-password" required></label>'
            '<button type="submit" class="primary">Sign in</button></form></div>'
        )

    def card(self, member, urn, connect=False):
        member = member or {}
        picture = member.get("pictureUrl") or ""
        if not picture.startswith(("data:image/", "https://")):
            picture = ""
        image = (
            f'<img class="picture" src="{_e(picture)}" alt="">'
            if picture
            else f'<span class="picture initials">{_e(_name(member)[:1])}</span>'
        )
        lines = "".join(
            f'<div class="{cls}">{_e(member.get(key))}</div>'
            for key, cls in (("headline", "headline"), ("location", "location"))
            if member.get(key)
        )
        link = member.get("profileUrl") or ""
        if link.startswith("https://"):
            lines += (
                f'<a class="profile-link" href="{_e(link)}" target="_blank" '
                'rel="noopener noreferrer">View profile</a>'
            )
        action = ""
        if connect:
            action = (
                f'<form method="post" action="{_e(self.url())}" class="connect">'
                + self.hidden(action="connect", member=urn, token=self.session["csrf"])
                + '<button type="submit" class="primary">Connect</button></form>'
            )
        return (
            f'<div class="card" data-member="{_e(urn)}">{image}<div class="facts">'
            f'<div class="name">{_e(_name(member) or urn)}</div>{lines}</div>'
            f"{action}</div>"
        )

    def search_box(self):
        query = self.request.args.get("q") or ""
        return (
            f'<form method="get" action="{_e(PAGE_PATH)}" class="search">'
            f"{self.hidden()}"
            f'<input type="search" name="q" value="{_e(query)}" '
            'placeholder="Search by name" aria-label="Search by name">'
            '<button type="submit">Search</button></form>'
        )

    def match_page(self, stored):
        ranked = self.store.member_index.rank(stored, limit=MATCH_LIMIT)
        view = self.request.args.get("view")
        body = self.header()
        if ranked:
            best = ranked[0].member
            body += "<h2>Best match</h2>" + self.card(best, best["urn"], True)
            if view == "closest":
                closest = ranked[1 : 1 + CLOSEST_LIMIT]
                body += '<h2>Closest matches</h2><div class="closest">'
                body += (
                    "".join(
                        self.card(item.member, item.member["urn"], True)
                        for item in closest
                    )
                    or '<p class="empty">No other close match.</p>'
                )
                body += "</div>"
            else:
                body += (
                    f'<a class="not-right" href="{_e(self.url(view="closest"))}">'
                    "Not the right profile?</a>"
                )
        else:
            body += '<p class="empty">No matching LinkedIn profile.</p>'
        body += self.search_box() + self.search_results()
        return body

    def search_results(self):
        query = _fold(self.request.args.get("q")).split()
        if not query:
            return ""
        with self.store.lock:
            found = sorted(
                (
                    member
                    for member in self.store.members.values()
                    if all(word in _fold(_name(member)) for word in query)
                ),
                key=lambda member: (_fold(_name(member)), member["urn"]),
            )[:SEARCH_LIMIT]
        rows = "".join(self.card(member, member["urn"], True) for member in found)
        return (
            '<h2>Search results</h2><div class="results">'
            + (rows or '<p class="empty">No LinkedIn member by that name.</p>')
            + "</div>"
        )

    def connected_page(self, urn):
        member = self.store.members.get(urn)
        body = self.header() + "<h2>Connected LinkedIn profile</h2>"
        body += self.card(member, urn)
        if self.params["showUnlinkUrl"] != "true":
            return body
        if self.params["confirmUnlink"] != "true":
            unlink = self.url(action="unlink", token=self.session["csrf"])
            return body + f'<a class="unlink" href="{_e(unlink)}">Unlink</a>'
        if self.request.args.get("view") != "unlink":
            unlink = self.url(view="unlink")
            return body + f'<a class="unlink" href="{_e(unlink)}">Unlink</a>'
        return body + (
            '<div class="confirm"><p>Unlink this profile?</p>'
            f'<form method="post" action="{_e(self.url())}">'
            f"{self.hidden(action='unlink', token=self.session['csrf'])}"
            '<button type="submit" class="danger">Unlink</button>'
            f'<a class="cancel" href="{_e(self.url())}">Cancel</a></form></div>'
        )

    # -- the document ----------------------------------------------------------

    @staticmethod
    def document(state, body, data):
        # "<" escaped so that no value can end the JSON block's script element.
        blob = json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e")
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>LinkedIn Profile Widget</title>"
            f"<style>{CSS}</style></head>"
            f'<body class="state-{_e(state)}" data-in-state="{_e(state)}">'
            f'<main class="widget">{body}</main>'
            f'<script type="application/json" id="in-widget-data">{blob}</script>'
            f"<script>{PAGE_JS}</script></body></html>"
        )


CSS = """
body{margin:0;font:14px/1.4 -apple-system,system-ui,"Segoe UI",Roboto,Helvetica,
Arial,sans-serif;color:rgba(0,0,0,.9);background:#f3f2ef}
.widget{background:#fff;border:1px solid #e0dfdc;border-radius:8px;margin:8px;
padding:12px 16px}
header{display:flex;align-items:center;gap:8px;border-bottom:1px solid #e0dfdc;
padding-bottom:8px;margin-bottom:8px}
.logo{background:#0a66c2;color:#fff;font-weight:700;border-radius:4px;
padding:0 5px}
.product{font-weight:600}.who{margin-left:auto;color:rgba(0,0,0,.6)}
h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:12px 0 6px}
a{color:#0a66c2;text-decoration:none;font-weight:600}a:hover{text-decoration:underline}
.card{display:flex;align-items:center;gap:12px;padding:8px 0;
border-bottom:1px solid #f0efec}
.picture{width:48px;height:48px;border-radius:50%;flex:none;display:flex;
align-items:center;justify-content:center;background:#d0e4f7;font-weight:600}
.facts{flex:1}.name{font-weight:600}.headline,.location{color:rgba(0,0,0,.6)}
button{font:inherit;border-radius:16px;padding:4px 14px;cursor:pointer;
border:1px solid #0a66c2;background:#fff;color:#0a66c2;font-weight:600}
button.primary{background:#0a66c2;color:#fff}
button.danger{background:#b24020;border-color:#b24020;color:#fff}
form.search{display:flex;gap:8px;margin-top:12px}
input{font:inherit;padding:5px 8px;border:1px solid rgba(0,0,0,.6);border-radius:4px}
form.search input{flex:1}
.signin form{display:flex;flex-direction:column;gap:8px;max-width:320px}
.signin label{display:flex;flex-direction:column;gap:2px}
.problem,.error .message{color:#b24020;font-weight:600}
.detail{color:rgba(0,0,0,.6);word-break:break-all}
.confirm{margin-top:8px}.confirm form{display:flex;gap:12px;align-items:center}
.not-right,.unlink{display:inline-block;margin-top:8px}
.empty{color:rgba(0,0,0,.6)}
"""
