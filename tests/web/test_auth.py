"""Accounts, phase 1: login and logout, session rotation, CSRF, API
tokens, the back-off, password change, the audit log, the login and
account pages, and `rapport user`/`rapport audit`.

Every route is still open (phase 2 switches enforcement on), so these
tests drive the account endpoints themselves, which check their callers.
Each test gets its own server and database, so the back-off of one does
not leak into another (all clients are 127.0.0.1).
"""
import http.client
import json
import os
import re
import sys
import tempfile
import time
import urllib.parse

from harness import Server, expect, expect_eq, main, run_cli

BINARY = sys.argv[1]
PASSWORD = "correct horse battery"


class Raw:
    """A reply read without following redirects."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    @property
    def json(self):
        return json.loads(self.body.decode("utf-8"))

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


def raw(srv, method, path, body=None, headers=None, form=None):
    hdrs = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        hdrs.setdefault("Content-Type", "application/json")
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    c.request(method, path, body=data, headers=hdrs)
    r = c.getresponse()
    out = Raw(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    c.close()
    return out


def cookie_of(resp):
    """The 'rapport_session=...' pair of a Set-Cookie, or None."""
    sc = resp.header("Set-Cookie")
    if not sc:
        return None
    m = re.match(r"(rapport_session=[^;]*)", sc)
    return m.group(1) if m else None


class Setup:
    """A database with users ana (admin) and ben (seller), and a server."""

    def __init__(self, users=(("ana", "admin"), ("ben", "seller")),
                 extra_args=()):
        self.dir = tempfile.mkdtemp(prefix="rapport-auth-")
        self.db = os.path.join(self.dir, "t.db")
        for login, role in users:
            rc, out, err = run_cli(BINARY, "user", "add", login, "--role",
                                   role, "--db", self.db,
                                   stdin=(PASSWORD + "\n").encode())
            expect_eq(rc, 0, "user add %s: %s" % (login, err))
        # auth=False: these tests log in themselves; the harness's own
        # admin and token would only get in the way.
        self.srv = Server(BINARY, db=self.db, extra_args=extra_args,
                          auth=False)

    def login(self, login="ana", password=PASSWORD, headers=None):
        r = raw(self.srv, "POST", "/api/v1/session",
                body={"login": login, "password": password},
                headers=headers)
        return r

    def session(self, login="ana"):
        r = self.login(login)
        expect_eq(r.status, 201, "login %s: %r" % (login, r))
        return cookie_of(r), r.json["csrf_token"]

    def stop(self):
        self.srv.stop()


def with_setup(fn):
    def run():
        s = Setup()
        try:
            fn(s)
        finally:
            s.stop()
    run.__name__ = fn.__name__
    return run


@with_setup
def test_api_login_and_logout(s):
    bad = s.login(password="wrong password here")
    expect_eq(bad.status, 401, "wrong password")
    expect_eq(bad.header("Content-Type"), "application/problem+json")
    expect("wrong" in bad.json["detail"], bad.json)
    nobody = s.login(login="nobody")
    expect_eq(nobody.status, 401, "unknown login")
    expect_eq(nobody.json["detail"], bad.json["detail"], "same words")

    r = s.login()
    expect_eq(r.status, 201, "login")
    sc = r.header("Set-Cookie")
    for attr in ("HttpOnly", "SameSite=Lax", "Path=/"):
        expect(attr in sc, "cookie lacks %s: %s" % (attr, sc))
    expect("Secure" not in sc, "no Secure without --behind-tls: " + sc)
    expect_eq(r.header("Cache-Control"), "no-store")
    cookie, csrf = cookie_of(r), r.json["csrf_token"]
    expect_eq(r.json["user"]["role"], "admin")

    me = raw(s.srv, "GET", "/api/v1/session", headers={"Cookie": cookie})
    expect_eq(me.status, 200, "who am I")
    expect_eq(me.json["user"]["login"], "ana")
    expect_eq(me.json["csrf_token"], csrf)

    no_csrf = raw(s.srv, "DELETE", "/api/v1/session",
                  headers={"Cookie": cookie})
    expect_eq(no_csrf.status, 403, "logout without CSRF")
    out = raw(s.srv, "DELETE", "/api/v1/session",
              headers={"Cookie": cookie, "X-CSRF-Token": csrf})
    expect_eq(out.status, 204, "logout")
    expect("Max-Age=0" in out.header("Set-Cookie"), "cookie cleared")
    after = raw(s.srv, "GET", "/api/v1/session", headers={"Cookie": cookie})
    expect_eq(after.status, 401, "session gone after logout")
    anon = raw(s.srv, "GET", "/api/v1/session")
    expect_eq(anon.status, 401, "anonymous")
    expect_eq(anon.json["type"], "urn:rapport:problem:unauthorized")


@with_setup
def test_login_bad_input(s):
    for body in ({}, {"login": "ana"}, {"login": 5, "password": "x"},
                 {"login": "ana", "password": PASSWORD, "extra": 1}):
        r = raw(s.srv, "POST", "/api/v1/session", body=body)
        expect_eq(r.status, 400, "body %r" % body)
        expect("detail" in r.json, r)
    r = raw(s.srv, "POST", "/api/v1/session", body={
        "login": "a" * 300, "password": "x"})
    expect_eq(r.status, 400, "overlong login")
    r = raw(s.srv, "POST", "/api/v1/session", body={
        "login": "ana\u0000", "password": "x"})
    expect(r.status in (400, 401), "NUL in login: %r" % r)


@with_setup
def test_session_rotates_at_login(s):
    first, _ = s.session()
    # Logging in again from the same browser ends the first session.
    r = s.login(headers={"Cookie": first})
    expect_eq(r.status, 201)
    second = cookie_of(r)
    expect(second != first, "a new token at login")
    expect_eq(raw(s.srv, "GET", "/api/v1/session",
                  headers={"Cookie": first}).status, 401, "old one ended")
    expect_eq(raw(s.srv, "GET", "/api/v1/session",
                  headers={"Cookie": second}).status, 200, "new one works")
    # A value planted before login (fixation) never becomes the session.
    planted = "rapport_session=" + "A" * 43
    r = s.login(headers={"Cookie": planted})
    expect(cookie_of(r) != planted, "planted value not kept")
    expect_eq(raw(s.srv, "GET", "/api/v1/session",
                  headers={"Cookie": planted}).status, 401)


@with_setup
def test_csrf_checks(s):
    cookie, csrf = s.session()
    body = {"name": "script"}
    for hdrs in ({"Cookie": cookie},
                 {"Cookie": cookie, "X-CSRF-Token": "0" * 64},
                 {"Cookie": cookie, "X-CSRF-Token": csrf[:-1]},
                 {"Cookie": cookie, "X-CSRF-Token": ""}):
        r = raw(s.srv, "POST", "/api/v1/tokens", body=body, headers=hdrs)
        expect_eq(r.status, 403, "CSRF %r" % hdrs)
        expect_eq(r.json.get("field"), "X-CSRF-Token")
    ok = raw(s.srv, "POST", "/api/v1/tokens", body=body,
             headers={"Cookie": cookie, "X-CSRF-Token": csrf})
    expect_eq(ok.status, 201, "with the CSRF token")
    # Another session's CSRF token does not fit this one.
    cookie_b, csrf_b = s.session("ben")
    r = raw(s.srv, "POST", "/api/v1/tokens", body=body,
            headers={"Cookie": cookie, "X-CSRF-Token": csrf_b})
    expect_eq(r.status, 403, "another session's token")
    # Forms: the hidden field.
    r = raw(s.srv, "POST", "/account/tokens", form={"name": "f"},
            headers={"Cookie": cookie})
    expect_eq(r.status, 403, "form without csrf_token")
    r = raw(s.srv, "POST", "/account/tokens",
            form={"name": "f", "csrf_token": csrf},
            headers={"Cookie": cookie})
    expect_eq(r.status, 201, "form with csrf_token")
    expect("new-token" in r.text, "the token is shown once")


@with_setup
def test_api_tokens(s):
    cookie, csrf = s.session()
    auth = {"Cookie": cookie, "X-CSRF-Token": csrf}
    r = raw(s.srv, "POST", "/api/v1/tokens", body={"name": "rw"},
            headers=auth)
    expect_eq(r.status, 201)
    rw = r.json["token"]
    expect_eq(len(rw), 43, "32 bytes in base64url")
    r = raw(s.srv, "POST", "/api/v1/tokens",
            body={"name": "ro", "read_only": True}, headers=auth)
    ro, ro_id = r.json["token"], r.json["id"]
    bad = raw(s.srv, "POST", "/api/v1/tokens", body={"name": ""},
              headers=auth)
    expect_eq(bad.status, 422, "empty name")
    bad = raw(s.srv, "POST", "/api/v1/tokens",
              body={"name": "x", "read_only": "yes"}, headers=auth)
    expect_eq(bad.status, 400, "read_only not a boolean")

    bearer = {"Authorization": "Bearer " + rw}
    me = raw(s.srv, "GET", "/api/v1/session", headers=bearer)
    expect_eq(me.status, 200, "bearer works")
    expect_eq(me.json["via"], "token")
    expect("csrf_token" not in me.json, "no CSRF token for a Bearer")
    # A Bearer token needs no CSRF header to write.
    r = raw(s.srv, "POST", "/api/v1/tokens", body={"name": "by-token"},
            headers=bearer)
    expect_eq(r.status, 201, "write with a Bearer token")
    # A read-only one may read, not write.
    robear = {"Authorization": "bearer " + ro}
    expect_eq(raw(s.srv, "GET", "/api/v1/tokens",
                  headers=robear).status, 200)
    r = raw(s.srv, "POST", "/api/v1/tokens", body={"name": "no"},
            headers=robear)
    expect_eq(r.status, 403, "read-only token writing")
    expect("read-only" in r.json["detail"], r.json)

    listed = raw(s.srv, "GET", "/api/v1/tokens", headers=bearer).json
    expect_eq(len(listed["items"]), 3)
    expect(rw not in json.dumps(listed) and ro not in json.dumps(listed),
           "token text never listed")
    # Revoke, then it no longer works; another user cannot revoke it.
    cookie_b, csrf_b = s.session("ben")
    r = raw(s.srv, "DELETE", "/api/v1/tokens/%d" % ro_id,
            headers={"Cookie": cookie_b, "X-CSRF-Token": csrf_b})
    expect_eq(r.status, 404, "someone else's token")
    r = raw(s.srv, "DELETE", "/api/v1/tokens/%d" % ro_id, headers=bearer)
    expect_eq(r.status, 204, "revoke")
    expect_eq(raw(s.srv, "GET", "/api/v1/session",
                  headers=robear).status, 401, "revoked token")
    for h in ("Bearer", "Bearer " + "x" * 43, "Basic abc",
              "Bearer " + rw + "x"):
        expect_eq(raw(s.srv, "GET", "/api/v1/session",
                      headers={"Authorization": h}).status, 401, h)


def fail_logins(s, failures, login_of):
    """Fails failures logins (login_of(i) names the i-th), waiting out
    the back-off whenever it answers 429. Returns how many 429s came, and
    the index of the first failure after which one came."""
    done = waits = 0
    first = None
    while done < failures:
        r = s.login(login=login_of(done), password="wrong guess")
        if r.status == 429:
            expect(r.json["retry_after"] >= 1, r.json)
            waits += 1
            first = done if first is None else first
            time.sleep(r.json["retry_after"] + 0.1)
            continue
        expect_eq(r.status, 401, "failure %d" % done)
        done += 1
    return waits, first


@with_setup
def test_throttling_per_account(s):
    # Five failures are free; then the waits double: 1, 2, 4 seconds.
    waits, first = fail_logins(s, 8, lambda i: "ana")
    expect(waits >= 1 and first >= 5, "back-off after five: %r" %
           ((waits, first),))
    r = s.login(password="wrong again")
    expect_eq(r.status, 429, "waiting after eight failures")
    expect(r.json["retry_after"] >= 2, r.json)
    expect("try again in" in r.json["detail"], r.json)
    # While waiting, even the right password is not checked.
    expect_eq(s.login().status, 429, "right password while waiting")
    # Another account from the same address is not held up.
    expect_eq(s.login("ben").status, 201, "other account unaffected")
    time.sleep(r.json["retry_after"] + 0.2)
    expect_eq(s.login().status, 201, "the owner gets in after the wait")
    audit = raw(s.srv, "GET", "/api/v1/audit?limit=500",
                headers={"Cookie": s.session()[0]}).json
    actions = [e["action"] for e in audit["items"]]
    expect_eq(actions.count("login_failed"), 8, "audited failures")


def test_throttling_per_address():
    s = Setup(users=(("ana", "admin"),))
    try:
        # Made-up logins, one each: only the address counts them, and
        # twenty are free (an office behind one address).
        waits, first = fail_logins(s, 23, lambda i: "guess%d" % i)
        expect(waits >= 1 and first >= 20, "after twenty: %r" %
               ((waits, first),))
        r = s.login(login="guess-more")
        expect_eq(r.status, 429, "address back-off")
        expect(r.json["retry_after"] >= 2, r.json)
        expect_eq(s.login().status, 429, "the address waits for all")
    finally:
        s.stop()


@with_setup
def test_password_change_ends_sessions(s):
    other, _ = s.session()
    cookie, csrf = s.session()
    page = raw(s.srv, "GET", "/account", headers={"Cookie": cookie})
    expect_eq(page.status, 200)
    expect(csrf in page.text, "forms carry the CSRF token")
    form = {"csrf_token": csrf, "current_password": "not it",
            "password": "a brand new passphrase",
            "password_again": "a brand new passphrase"}
    r = raw(s.srv, "POST", "/account/password", form=form,
            headers={"Cookie": cookie})
    expect_eq(r.status, 422, "wrong current password")
    form["current_password"] = PASSWORD
    form["password_again"] = "something else entirely"
    expect_eq(raw(s.srv, "POST", "/account/password", form=form,
                  headers={"Cookie": cookie}).status, 422, "mismatch")
    form["password"] = form["password_again"] = "short"
    r = raw(s.srv, "POST", "/account/password", form=form,
            headers={"Cookie": cookie})
    expect_eq(r.status, 422, "policy")
    expect("12" in r.text, "says the minimum")
    form["password"] = form["password_again"] = "a brand new passphrase"
    r = raw(s.srv, "POST", "/account/password", form=form,
            headers={"Cookie": cookie})
    expect_eq(r.status, 200, "changed: %r" % r)
    new_cookie = cookie_of(r)
    expect(new_cookie and new_cookie != cookie, "a new session")
    for old in (cookie, other):
        expect_eq(raw(s.srv, "GET", "/api/v1/session",
                      headers={"Cookie": old}).status, 401, "old ended")
    expect_eq(raw(s.srv, "GET", "/api/v1/session",
                  headers={"Cookie": new_cookie}).status, 200)
    expect_eq(s.login().status, 401, "old password")
    expect_eq(s.login(password="a brand new passphrase").status, 201)


@with_setup
def test_audit_is_for_admins(s):
    cookie_b, _ = s.session("ben")
    r = raw(s.srv, "GET", "/api/v1/audit", headers={"Cookie": cookie_b})
    expect_eq(r.status, 403, "a seller")
    expect_eq(raw(s.srv, "GET", "/api/v1/audit").status, 401, "anonymous")
    cookie, csrf = s.session()
    tok = raw(s.srv, "POST", "/api/v1/tokens", body={"name": "t"},
              headers={"Cookie": cookie, "X-CSRF-Token": csrf}).json["token"]
    r = raw(s.srv, "GET", "/api/v1/audit?limit=2",
            headers={"Cookie": cookie})
    expect_eq(r.status, 200)
    expect_eq(len(r.json["items"]), 2)
    expect(r.json["next_cursor"], "more pages")
    everything = json.dumps(raw(s.srv, "GET", "/api/v1/audit?limit=500",
                                headers={"Cookie": cookie}).json)
    for secret in (PASSWORD, tok, cookie.split("=", 1)[1], csrf):
        expect(secret not in everything, "a secret in the audit log")
    expect("api_token" in everything and "login" in everything)
    expect_eq(raw(s.srv, "GET", "/api/v1/audit?cursor=zz",
                  headers={"Cookie": cookie}).status, 400, "bad cursor")


@with_setup
def test_login_and_account_pages(s):
    r = raw(s.srv, "GET", "/login")
    expect_eq(r.status, 200)
    expect('type="password"' in r.text, "a password field")
    r = raw(s.srv, "GET", "/account")
    expect_eq(r.status, 303, "account needs a login")
    expect_eq(r.header("Location"), "/login?next=%2Faccount")
    form = {"login": "ana", "password": PASSWORD, "next": "/people"}
    r = raw(s.srv, "POST", "/login", form=form,
            headers={"Sec-Fetch-Site": "cross-site"})
    expect_eq(r.status, 403, "login posted from another site")
    expect(cookie_of(r) is None, "no cookie then")
    r = raw(s.srv, "POST", "/login", form=form,
            headers={"Origin": "http://evil.example"})
    expect_eq(r.status, 403, "login from another origin")
    r = raw(s.srv, "POST", "/login", form=dict(form, password="nope"))
    expect_eq(r.status, 401, "wrong password on the page")
    expect("wrong" in r.text and PASSWORD not in r.text, "no echo")
    r = raw(s.srv, "POST", "/login", form=form,
            headers={"Sec-Fetch-Site": "same-origin"})
    expect_eq(r.status, 303, "logged in")
    expect_eq(r.header("Location"), "/people")
    cookie = cookie_of(r)
    for nxt in ("//evil.example/", "http://evil.example/", "/\\evil"):
        r = raw(s.srv, "POST", "/login", form=dict(form, next=nxt))
        expect_eq(r.header("Location"), "/", "open redirect via %r" % nxt)
    page = raw(s.srv, "GET", "/login", headers={"Cookie": cookie})
    expect("Logged in" in page.text, "shows who is logged in")
    csrf = raw(s.srv, "GET", "/api/v1/session",
               headers={"Cookie": cookie}).json["csrf_token"]
    r = raw(s.srv, "POST", "/logout", form={}, headers={"Cookie": cookie})
    expect_eq(r.status, 403, "logout form without CSRF")
    r = raw(s.srv, "POST", "/logout", form={"csrf_token": csrf},
            headers={"Cookie": cookie})
    expect_eq(r.status, 303)
    expect_eq(r.header("Location"), "/login")
    expect_eq(raw(s.srv, "GET", "/account",
                  headers={"Cookie": cookie}).status, 303, "logged out")


def test_secure_cookie_behind_tls():
    s = Setup(users=(("ana", "admin"),), extra_args=["--behind-tls"])
    try:
        r = s.login(headers={"X-Forwarded-For": "203.0.113.9"})
        expect_eq(r.status, 201)
        sc = r.header("Set-Cookie")
        expect(sc.startswith("__Host-rapport_session="), sc)
        expect("Secure" in sc, sc)
        cookie = sc.split(";")[0]
        me = raw(s.srv, "GET", "/api/v1/audit", headers={"Cookie": cookie})
        expect_eq(me.status, 200)
        expect_eq(me.json["items"][0]["address"], "203.0.113.9",
                  "address from the proxy")
        # The plain name is not accepted when the __Host- one is expected.
        plain = "rapport_session=" + cookie.split("=", 1)[1]
        expect_eq(raw(s.srv, "GET", "/api/v1/session",
                      headers={"Cookie": plain}).status, 401)
    finally:
        s.stop()


@with_setup
def test_every_route_needs_a_login(s):
    # Phase 2: only /healthz, /login, static assets and the buyer's link
    # are open (tests/web/test_authz_matrix.py walks every route).
    expect_eq(raw(s.srv, "GET", "/api/v1/people").status, 401)
    expect_eq(raw(s.srv, "GET", "/healthz").status, 200)
    r = raw(s.srv, "GET", "/people?q=a%20b")
    expect_eq(r.status, 303, "a page goes to the login")
    expect_eq(r.header("Location"), "/login?next=%2Fpeople%3Fq%3Da%2520b")
    r = raw(s.srv, "POST", "/people/new", form={"given_name": "X"})
    expect_eq(r.status, 403, "a form post without a login")
    cookie, csrf = s.session("ben")
    r = raw(s.srv, "GET", "/people", headers={"Cookie": cookie})
    expect_eq(r.status, 200, "with a session")
    r = raw(s.srv, "POST", "/people/new", form={"given_name": "X"},
            headers={"Cookie": cookie})
    expect_eq(r.status, 403, "a form without its csrf_token")
    r = raw(s.srv, "POST", "/people/new",
            form={"given_name": "X", "csrf_token": csrf},
            headers={"Cookie": cookie})
    expect_eq(r.status, 303, "a form with its csrf_token")
    r = raw(s.srv, "POST", "/api/v1/people", body={"given_name": "Y"},
            headers={"Cookie": cookie})
    expect_eq(r.status, 403, "JSON write with a session needs the header")
    r = raw(s.srv, "POST", "/api/v1/people", body={"given_name": "Y"},
            headers={"Cookie": cookie, "X-CSRF-Token": csrf})
    expect_eq(r.status, 201, "JSON write with the header")
    r = raw(s.srv, "GET", "/api/v1/audit", headers={"Cookie": cookie})
    expect_eq(r.status, 403, "the audit log is for admins")
    r = raw(s.srv, "GET", "/audit", headers={"Cookie": cookie})
    expect_eq(r.status, 403, "the audit page is for admins")


@with_setup
def test_forms_carry_csrf_and_nav_has_account(s):
    cookie, csrf = s.session("ana")
    r = raw(s.srv, "GET", "/people/new", headers={"Cookie": cookie})
    expect_eq(r.status, 200)
    expect('name="csrf_token" value="%s"' % csrf in r.text,
           "page_form_start writes the token")
    expect('href="/account"' in r.text and 'action="/logout"' in r.text,
           "Account and Log out in the navigation")
    expect('href="/audit"' in r.text, "Audit for an admin")
    r = raw(s.srv, "GET", "/audit", headers={"Cookie": cookie})
    expect_eq(r.status, 200, "audit page")
    expect("login" in r.text, "shows the login entries")
    cookie_b, _ = s.session("ben")
    r = raw(s.srv, "GET", "/people/new", headers={"Cookie": cookie_b})
    expect('href="/audit"' not in r.text, "no Audit for a seller")


@with_setup
def test_read_only_token_and_coach_reads(s):
    cookie, csrf = s.session("ana")
    r = raw(s.srv, "POST", "/api/v1/tokens",
            body={"name": "ro", "read_only": True},
            headers={"Cookie": cookie, "X-CSRF-Token": csrf})
    expect_eq(r.status, 201)
    ro = {"Authorization": "Bearer " + r.json["token"]}
    expect_eq(raw(s.srv, "GET", "/api/v1/people", headers=ro).status, 200)
    expect_eq(raw(s.srv, "POST", "/api/v1/people", body={"given_name": "Z"},
                  headers=ro).status, 403, "read-only token writes")
    # The coach only reads unless asked to apply: a read-only token may.
    r = raw(s.srv, "POST", "/api/v1/coach",
            body={"text": "Sign today or lose the price."}, headers=ro)
    expect_eq(r.status, 200, "coach as a read: %r" % r)
    r = raw(s.srv, "POST", "/api/v1/coach?deal=1&apply=1",
            body={"text": "Sign today."}, headers=ro)
    expect_eq(r.status, 403, "coach applying is a write")


def test_first_run_prints_a_password_once():
    d = tempfile.mkdtemp(prefix="rapport-auth-first-")
    db = os.path.join(d, "serve.db")
    srv = Server(BINARY, db=db, auth=False)
    try:
        expect_eq(raw(srv, "GET", "/api/v1/people").status, 401,
                  "nothing open on a first run")
    finally:
        srv.stop()
    m = re.search(r"password:\s+(\S+)", srv.output)
    expect(m is not None, "serve prints the password: %r" % srv.output)
    srv = Server(BINARY, db=db, auth=False)
    try:
        r = raw(srv, "POST", "/api/v1/session",
                body={"login": "admin", "password": m.group(1)})
        expect_eq(r.status, 201, "the printed password works")
    finally:
        srv.stop()
    expect("password" not in srv.output, "a second start prints nothing")
    db = os.path.join(d, "demo.db")
    rc, out, err = run_cli(BINARY, "init", "--demo", "--db", db)
    expect_eq(rc, 0, err)
    expect(re.search(r"password:\s+\S+", out) is not None,
           "init --demo prints the password: %r" % out)
    rc, out, err = run_cli(BINARY, "init", "--demo", "--db", db)
    expect("password:" not in out, "only once")


def test_cli_users():
    d = tempfile.mkdtemp(prefix="rapport-auth-cli-")
    db = os.path.join(d, "t.db")
    rc, out, err = run_cli(BINARY, "user", "add", "ana", "--role", "admin",
                           "--team", "east", "--name", "Ana Ruiz", "--db",
                           db, stdin=(PASSWORD + "\n").encode())
    expect_eq(rc, 0, err)
    rc, out, err = run_cli(BINARY, "user", "add", "bob", "--db", db,
                           stdin=b"short\n")
    expect_eq(rc, 1, "short password")
    expect("12" in err, err)
    rc, out, err = run_cli(BINARY, "user", "add", "bob", "--password",
                           PASSWORD, "--db", db, stdin=b"")
    expect_eq(rc, 2, "no password option on the command line")
    rc, out, err = run_cli(BINARY, "user", "add", "Bad Name", "--db", db,
                           stdin=(PASSWORD + "\n").encode())
    expect_eq(rc, 2, "bad login")
    pwfile = os.path.join(d, "pw")
    with open(pwfile, "w") as f:
        f.write("another good passphrase\n")
    rc, out, err = run_cli(BINARY, "user", "add", "bob", "--role", "bogus",
                           "--db", db, "--password-file", pwfile)
    expect_eq(rc, 2, "bad role")
    rc, out, err = run_cli(BINARY, "user", "add", "bob", "--db", db,
                           "--password-file", pwfile)
    expect_eq(rc, 0, err)
    rc, out, err = run_cli(BINARY, "user", "add", "bob", "--db", db,
                           "--password-file", pwfile)
    expect_eq(rc, 1, "duplicate login")
    expect("taken" in err, err)
    rc, out, err = run_cli(BINARY, "user", "list", "--json", "--db", db)
    expect_eq(rc, 0, err)
    users = json.loads(out)
    expect_eq([u["login"] for u in users], ["ana", "bob"])
    expect_eq(users[0]["team"], "east")
    expect_eq(users[1]["role"], "seller")
    rc, out, err = run_cli(BINARY, "user", "passwd", "bob", "--db", db,
                           stdin=b"yet another passphrase\n")
    expect_eq(rc, 0, err)
    rc, out, err = run_cli(BINARY, "user", "rm", "ana", "--yes", "--db", db)
    expect_eq(rc, 1, "last admin")
    rc, out, err = run_cli(BINARY, "user", "rm", "bob", "--db", db)
    expect_eq(rc, 2, "needs --yes off a terminal")
    rc, out, err = run_cli(BINARY, "user", "rm", "bob", "--yes", "--db", db)
    expect_eq(rc, 0, err)
    rc, out, err = run_cli(BINARY, "audit", "--json", "--db", db)
    expect_eq(rc, 0, err)
    log = json.loads(out)
    expect_eq([e["action"] for e in log["items"]],
              ["delete", "password", "create", "create"])
    expect(all(e["actor"] == "cli" for e in log["items"]))
    expect(PASSWORD not in out and "passphrase" not in out)
    rc, out, err = run_cli(BINARY, "audit", "--limit", "0", "--db", db)
    expect_eq(rc, 2, "bad limit")
    rc, out, err = run_cli(BINARY, "user", "--help")
    expect_eq(rc, 0)
    expect("passwd" in out, out)


if __name__ == "__main__":
    main([test_api_login_and_logout, test_login_bad_input,
          test_session_rotates_at_login, test_csrf_checks, test_api_tokens,
          test_throttling_per_account, test_throttling_per_address,
          test_password_change_ends_sessions, test_audit_is_for_admins,
          test_login_and_account_pages, test_secure_cookie_behind_tls,
          test_every_route_needs_a_login,
          test_forms_carry_csrf_and_nav_has_account,
          test_read_only_token_and_coach_reads,
          test_first_run_prints_a_password_once, test_cli_users])
