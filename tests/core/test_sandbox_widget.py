# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The sandbox's stand-in for LinkedIn's Enhanced Profile Widget, over HTTP
with a cookie-keeping session, as the widget's iframe would be driven."""

import html
import json
import re
import shutil
import subprocess

import pytest
import requests
from core_support import CLIENT_ID, CLIENT_SECRET, JANE, ORG

from linkedin_recruiter_sandbox import FIXTURES

HOST = "http://localhost:8069"
PASSWORD = FIXTURES["widget_password"]
ALICE_EMAIL = "alice.recruiter@example.com"
LITE_ORG = "urn:li:organization:1001"
DATA_RE = re.compile(
    r'<script type="application/json" id="in-widget-data">(.*?)</script>', re.S
)
TOKEN_RE = re.compile(r'name="token" value="([^"]+)"')


def _key(candidate_id):
    return f"atsCandidateId={candidate_id}&dataProvider=ATS&integrationContext={ORG}"


def _ids(candidate_id):
    return (
        f"ids[0].atsCandidateId={candidate_id}&ids[0].dataProvider=ATS"
        f"&ids[0].integrationContext={ORG}"
    )


def _token(url, client_id=CLIENT_ID, secret=CLIENT_SECRET):
    return requests.post(
        f"{url}/oauth/v2/accessToken",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
        },
        timeout=5,
    ).json()["access_token"]


class Page:
    """A widget page: its HTML, its visible text and its postMessage data."""

    def __init__(self, response):
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"].startswith("text/html")
        self.response = response
        self.html = response.text
        self.data = json.loads(DATA_RE.search(self.html).group(1))
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", self.html, flags=re.S)
        self.text = html.unescape(re.sub(r"<[^>]+>", " ", body))
        self.text = " ".join(self.text.split())

    @property
    def state(self):
        return self.data["state"]

    @property
    def token(self):
        return TOKEN_RE.search(self.html).group(1)

    def cards(self):
        return re.findall(r'class="card" data-member="([^"]+)"', self.html)


class Widget:
    """Drives the widget pages of one candidate with a cookie-keeping session."""

    def __init__(self, url, **params):
        self.url = url
        self.session = requests.Session()
        self.params = {
            "api_key": CLIENT_ID,
            "atsCandidateId": "42",
            "integrationContext": ORG,
            "showUnlinkUrl": "true",
            "confirmUnlink": "true",
            "origin": HOST,
            **params,
        }

    def get(self, headers=None, **extra):
        return Page(
            self.session.get(
                f"{self.url}/rsc/widget/profile",
                params={**self.params, **extra},
                headers=headers,
                timeout=5,
            )
        )

    def post(self, **form):
        return Page(
            self.session.post(
                f"{self.url}/rsc/widget/profile",
                params=self.params,
                data=form,
                headers={"Origin": self.url},
                timeout=5,
            )
        )

    def sign_in(self, email=ALICE_EMAIL, password=PASSWORD):
        return self.post(action="signin", email=email, password=password)


@pytest.fixture
def sandbox_url(fresh_sandbox):
    """The fresh sandbox with HOST registered for sandbox-client and candidates
    42 (Jane Doe, exact match), 43 (John Smith) and 44 (no match)."""
    url = fresh_sandbox.url
    requests.post(
        f"{url}/_sandbox/domains",
        json={"client_id": CLIENT_ID, "domains": [HOST]},
        timeout=5,
    ).raise_for_status()
    people = {
        42: ("Jane", "Doe", "jane.doe@example.com"),
        43: ("John", "Smith", "john.smith@example.com"),
        44: ("Nobody", "Matches", "nobody.matches@example.com"),
    }
    _put(url, people)
    return url


def _put(url, people):
    headers = {
        "Authorization": f"Bearer {_token(url)}",
        "x-restli-method": "batch_update",
    }
    for candidate_id, (first, last, email) in people.items():
        entity = {
            "addresses": [],
            "phoneNumbers": [],
            "atsCreatedAt": 1000,
            "atsLastModifiedAt": 2000,
            "firstName": first,
            "lastName": last,
            "emailAddresses": [email],
        }
        requests.put(
            f"{url}/v2/atsCandidates?{_ids(candidate_id)}",
            json={"entities": {_key(candidate_id): entity}},
            headers=headers,
            timeout=5,
        ).raise_for_status()


def _manual_match(url, candidate_id=42):
    answer = requests.get(
        f"{url}/v2/atsCandidates?{_ids(candidate_id)}",
        headers={"Authorization": f"Bearer {_token(url)}"},
        timeout=5,
    ).json()
    return answer["results"][_key(candidate_id)].get("manualMatchedMember")


# -- scripts -------------------------------------------------------------------


def test_loader_and_extension_are_javascript(sandbox):
    loader = requests.get(f"{sandbox.url}/xdoor/scripts/in.js", timeout=5)
    assert loader.status_code == 200
    assert loader.headers["Content-Type"].startswith("application/javascript")
    js = loader.text
    assert "window.IN = {" in js and "parse: function (root)" in js
    assert "document.currentScript" in js and "api_key" in js and "extensions" in js
    assert 'window.addEventListener("message"' in js
    assert "event.origin !== widget.origin" in js
    assert "event.source !== widget.iframe.contentWindow" in js
    assert '"data-in-state"' in js and "onlink" in js and "onunlink" in js
    for path in ("/rsc/extensions/profile-widget", "/recruiter/widget/hcm"):
        extension = requests.get(f"{sandbox.url}{path}", timeout=5)
        assert extension.headers["Content-Type"].startswith("application/javascript")
        assert 'script[type="IN/HcmWidget"]' in extension.text
        assert "data-in-rendered" in extension.text
        assert '"/rsc/widget/profile?"' in extension.text
        assert 'IN._register("HcmWidget"' in extension.text


@pytest.mark.skipif(not shutil.which("node"), reason="needs node")
def test_scripts_are_valid_javascript(sandbox, tmp_path):
    from linkedin_recruiter_sandbox.widget_js import EXTENSION_JS, LOADER_JS, PAGE_JS

    for name, text in (("in", LOADER_JS), ("ext", EXTENSION_JS), ("page", PAGE_JS)):
        path = tmp_path / f"{name}.js"
        path.write_text(text)
        subprocess.run(["node", "--check", str(path)], check=True)


# -- refusals before sign-in ---------------------------------------------------


def test_an_unregistered_origin_is_refused(sandbox_url):
    page = Widget(sandbox_url, origin="http://127.0.0.1:9999").get()
    assert page.state == "error"
    assert (
        "You must specify a valid JavaScript API Domain as part of this key's "
        "configuration." in page.text
    )
    assert "http://127.0.0.1:9999" in page.text
    assert page.data["hostOrigin"] == "http://127.0.0.1:9999"


def test_other_refusals(sandbox_url):
    assert "Invalid API key." in Widget(sandbox_url, api_key="nope").get().text
    missing = Widget(sandbox_url, atsCandidateId="").get()
    assert missing.state == "error" and "atsCandidateId" in missing.text
    liar = Widget(sandbox_url).get(headers={"Referer": "http://evil.example/"})
    assert liar.state == "error" and "http://evil.example" in liar.text
    honest = Widget(sandbox_url).get(headers={"Referer": f"{HOST}/odoo/action-1"})
    assert honest.state == "signin"


def test_domains_through_provisioned_applications(fresh_sandbox):
    url = fresh_sandbox.url
    assert requests.get(f"{url}/_sandbox/domains", timeout=5).json() == {
        "sandbox-client": [],
        "lite-client": [],
    }
    application = FIXTURES["clients"]["rsc"]["application"]
    headers = {"Authorization": f"Bearer {_token(url)}"}
    body = {"patch": {"$set": {"validJsSdkDomains": [HOST, "https://ats.example"]}}}
    answer = requests.post(
        f"{url}/v2/provisionedApplications/{application}",
        json=body,
        headers=headers,
        timeout=5,
    )
    assert answer.status_code == 204 and answer.content == b""
    domains = requests.get(f"{url}/_sandbox/domains", timeout=5).json()
    assert domains["sandbox-client"] == [HOST, "https://ats.example"]
    other = FIXTURES["clients"]["lite"]["application"]
    refused = requests.post(
        f"{url}/v2/provisionedApplications/{other}",
        json=body,
        headers=headers,
        timeout=5,
    )
    assert refused.status_code == 403
    slash = {"patch": {"$set": {"validJsSdkDomains": [f"{HOST}/"]}}}
    bad = requests.post(
        f"{url}/v2/provisionedApplications/{application}",
        json=slash,
        headers=headers,
        timeout=5,
    )
    assert bad.status_code == 400


# -- sign-in -------------------------------------------------------------------


def test_sign_in(sandbox_url):
    widget = Widget(sandbox_url)
    page = widget.get()
    assert page.state == "signin" and page.data["events"] == []
    assert "Sign in to LinkedIn" in page.text and "Sign in" in page.text
    assert 'type="email"' in page.html and 'type="password"' in page.html
    wrong = widget.sign_in(password="wrong")
    assert wrong.state == "signin" and "Wrong email or password." in wrong.text
    assert "li_sandbox_session" not in widget.session.cookies
    page = widget.sign_in()
    cookie = page.response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert page.state == "match"
    assert page.response.headers["Content-Security-Policy"] == (
        f"frame-ancestors {HOST}"
    )
    # The session is kept: a reload is still signed in.
    assert widget.get().state == "match"


def test_best_match_and_closest_matches(sandbox_url):
    widget = Widget(sandbox_url, atsCandidateId="43")
    page = widget.sign_in()
    assert page.cards()[0] == "urn:li:person:john-smith"
    assert "John Smith" in page.text and "Data Engineer" in page.text
    assert "London, United Kingdom" in page.text and "Connect" in page.text
    assert "Not the right profile?" in page.text and len(page.cards()) == 1
    closest = widget.get(view="closest")
    assert closest.state == "match"
    assert "urn:li:person:jon-smith" in closest.cards()[1:]
    assert 2 <= len(closest.cards()) <= 6
    assert closest.html.count(">Connect</button>") == len(closest.cards())


def test_search_by_name(sandbox_url):
    widget = Widget(sandbox_url, atsCandidateId="44")
    page = widget.sign_in()
    assert page.state == "match" and "No matching LinkedIn profile." in page.text
    assert 'placeholder="Search by name"' in page.html
    found = widget.get(q="garcia")
    assert set(found.cards()) == {
        "urn:li:person:maria-garcia",
        "urn:li:person:maria-garcia-es",
    }
    assert "María García" in found.text
    assert found.html.count(">Connect</button>") == 2


def test_connect_then_unlink_with_confirmation(sandbox_url):
    widget = Widget(sandbox_url)
    page = widget.sign_in()
    assert page.cards()[0] == JANE
    connected = widget.post(action="connect", member=JANE, token=page.token)
    assert connected.state == "connected"
    assert connected.data["events"] == ["link"] and connected.data["member"] == JANE
    assert connected.data["hostOrigin"] == HOST
    assert connected.data["atsCandidateId"] == "42"
    assert "Jane Doe" in connected.text and "Unlink" in connected.text
    assert "https://www.linkedin.com/in/jane-doe" in connected.html
    assert _manual_match(sandbox_url) == JANE
    reloaded = widget.get()
    assert reloaded.state == "connected" and reloaded.data["events"] == []
    confirm = widget.get(view="unlink")
    assert "Unlink this profile?" in confirm.text and "Cancel" in confirm.text
    assert _manual_match(sandbox_url) == JANE
    unlinked = widget.post(action="unlink", token=confirm.token)
    assert unlinked.state == "match"
    assert unlinked.data["events"] == ["unlink"] and unlinked.data["member"] == JANE
    assert _manual_match(sandbox_url) is None


def test_unlink_without_confirmation_and_hidden_unlink(sandbox_url):
    widget = Widget(sandbox_url, confirmUnlink="false")
    page = widget.sign_in()
    widget.post(
        action="connect", member="urn:li:person:jane-doe-paris", token=page.token
    )
    connected = widget.get()
    link = re.search(r'class="unlink" href="([^"]+)"', connected.html).group(1)
    assert "action=unlink" in html.unescape(link)
    unlinked = Page(widget.session.get(sandbox_url + html.unescape(link), timeout=5))
    assert unlinked.data["events"] == ["unlink"]
    assert _manual_match(sandbox_url) is None
    hidden = Widget(sandbox_url, showUnlinkUrl="false")
    page = hidden.sign_in()
    connected = hidden.post(action="connect", member=JANE, token=page.token)
    assert connected.state == "connected" and "Unlink" not in connected.text


def test_actions_need_the_session_token(sandbox_url):
    widget = Widget(sandbox_url)
    widget.sign_in()
    page = widget.post(action="connect", member=JANE, token="forged")
    assert page.state == "match" and page.data["events"] == []
    assert _manual_match(sandbox_url) is None
    other_site = widget.session.post(
        f"{sandbox_url}/rsc/widget/profile",
        params=widget.params,
        data={"action": "connect", "member": JANE},
        headers={"Origin": "http://evil.example"},
        timeout=5,
    )
    assert Page(other_site).state == "error"


def test_sign_out(sandbox_url):
    widget = Widget(sandbox_url)
    widget.sign_in()
    page = widget.get(action="signout")
    assert page.state == "signin" and "Sign in to LinkedIn" in page.text
    assert widget.get().state == "signin"


def test_licence_checks(sandbox_url):
    requests.post(
        f"{sandbox_url}/_sandbox/domains",
        json={"client_id": "lite-client", "domains": [HOST]},
        timeout=5,
    ).raise_for_status()
    lite = Widget(sandbox_url, api_key="lite-client", integrationContext=LITE_ORG)
    page = lite.sign_in(email="lena.lite@example.com")
    assert page.state == "error" and "Recruiter Lite" in page.text
    assert "Sign out" in page.text
    inactive = Widget(sandbox_url).sign_in(email="frank.former@example.com")
    assert inactive.state == "error" and "not active" in inactive.text
    other = Widget(sandbox_url, api_key="lite-client", integrationContext=LITE_ORG)
    page = other.sign_in()
    assert page.state == "error" and "belongs to another company" in page.text


def test_unknown_candidate(sandbox_url):
    page = Widget(sandbox_url, atsCandidateId="999").sign_in()
    assert page.state == "error"
    assert "This candidate is not known to LinkedIn yet." in page.text


def test_member_data_is_escaped(sandbox_url, fresh_sandbox):
    fresh_sandbox.admin.add_member(
        urn="urn:li:person:evil",
        firstName="<img src=x onerror=alert(1)>Eve",
        lastName="Hacker",
        email="eve@example.com",
        headline="</script><script>alert(2)</script>",
    )
    _put(sandbox_url, {45: ("Eve", "Hacker", "eve@example.com")})
    widget = Widget(sandbox_url, atsCandidateId="45")
    page = widget.sign_in()
    assert page.cards()[0] == "urn:li:person:evil"
    assert "<img src=x" not in page.html and "&lt;img src=x" in page.html
    assert "<script>alert(2)" not in page.html
    connected = widget.post(
        action="connect", member="urn:li:person:evil", token=page.token
    )
    assert "<img src=x" not in connected.html
    assert "<img src=x onerror=alert(1)>Eve Hacker" in connected.text


def test_the_widget_is_the_same_in_strict_mode(sandbox_url):
    requests.post(f"{sandbox_url}/_sandbox/mode", json={"strict": True}, timeout=5)
    try:
        widget = Widget(sandbox_url)
        page = widget.sign_in()
        assert "Jane Doe" in page.text and "Senior Python Developer" in page.text
        connected = widget.post(action="connect", member=JANE, token=page.token)
        assert connected.data["events"] == ["link"]
        assert _manual_match(sandbox_url) == JANE
    finally:
        requests.post(f"{sandbox_url}/_sandbox/mode", json={"strict": False}, timeout=5)
