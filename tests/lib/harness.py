"""Shared harness for the tests that drive the real rapport binary.

Starts `rapport serve` on a loopback address with an ephemeral port and a
fresh database, sends requests with the standard library only, runs test
functions and ends with one summary line: "N passed, N failed".
Servers are stopped by their own process id, with a bounded wait.

Every route but /healthz, /login, /static/ and the buyer's link needs a
login, so a Server first adds an admin (`rapport user add`, the password
through a pipe), then makes an API token for it once listening, and sends
`Authorization: Bearer TOKEN` with every request unless the request names
its own Authorization or Cookie header or says auth=False. A Bearer token
needs no CSRF token, so tests written without thinking of logins (JSON
and form posts alike) keep working. Page tests that want the browser's
way use srv.session(): it logs in through /login, keeps the cookie and
puts the csrf_token (read from the last page) into every form it posts.
"""
import html
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

# Servers that send a token by default: port -> token. A request through
# http.client (urllib included) to one of them gets the token unless it
# names its own Authorization or Cookie header, or carries ANONYMOUS (a
# header the harness removes before sending), so tests that post forms
# with http.client directly need no change either.
_TOKENS = {}
ANONYMOUS = "X-Harness-Anonymous"
_http_request = http.client.HTTPConnection.request


def _request_with_token(self, method, url, body=None, headers=None, **kw):
    hdrs = dict(headers or {})
    anon = any(k.lower() == ANONYMOUS.lower() for k in hdrs)
    hdrs = {k: v for k, v in hdrs.items() if k.lower() != ANONYMOUS.lower()}
    named = {k.lower() for k in hdrs}
    token = _TOKENS.get(self.port) if self.host in ("127.0.0.1",
                                                    "::1") else None
    if token and not anon and not named & {"authorization", "cookie"}:
        hdrs["Authorization"] = "Bearer " + token
    return _http_request(self, method, url, body, hdrs, **kw)


http.client.HTTPConnection.request = _request_with_token

ADMIN_LOGIN = "harness-admin"
ADMIN_PASSWORD = "harness admin password"
USER_PASSWORD = "harness user password"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


class Server:
    """A rapport server on 127.0.0.1 with its own database in a temp dir."""

    def __init__(self, binary, db=None, extra_args=(), timeout=20,
                 auth=True):
        """auth=False starts the server as a user would the first time:
        no admin added, no token, requests anonymous."""
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="rapport-test-")
        self.db = db or os.path.join(self.dir, "test.db")
        self.token = None
        self.first_run_output = None
        if auth:
            self.add_user(ADMIN_LOGIN, "admin", ADMIN_PASSWORD,
                          exist_ok=True)
        port_file = os.path.join(self.dir, "port")
        self.proc = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", "--db", self.db,
             "--port-file", port_file] + list(extra_args),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + timeout
        self.port = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                out, err = self.proc.communicate()
                raise RuntimeError("server exited: %s" % err.decode())
            try:
                with open(port_file) as f:
                    text = f.read().strip()
                if text:
                    self.port = int(text)
                    break
            except FileNotFoundError:
                pass
            time.sleep(0.05)
        if self.port is None:
            self.stop()
            raise RuntimeError("server did not start within %ss" % timeout)
        self.base = "http://127.0.0.1:%d" % self.port
        if auth:
            self.token = self.make_token(ADMIN_LOGIN, ADMIN_PASSWORD)
            _TOKENS[self.port] = self.token

    # ---- accounts ----

    def add_user(self, login, role="seller", password=USER_PASSWORD,
                 team=None, exist_ok=False):
        """Adds a user with `rapport user add` (password from a pipe)."""
        args = ["user", "add", login, "--role", role, "--db", self.db]
        if team:
            args += ["--team", team]
        rc, out, err = run_cli(self.binary, *args,
                               stdin=(password + "\n").encode())
        if rc != 0 and not (exist_ok and "exist" in err + out):
            raise RuntimeError("user add %s: %s%s" % (login, out, err))

    def login(self, login, password=USER_PASSWORD):
        """Logs in through POST /api/v1/session; returns (cookie header
        value, csrf token)."""
        r = self.request("POST", "/api/v1/session",
                         body={"login": login, "password": password},
                         auth=False)
        if r.status != 201:
            raise RuntimeError("login %s: %r" % (login, r))
        cookie = r.headers.get("Set-Cookie", "").split(";")[0]
        return cookie, r.json["csrf_token"]

    def make_token(self, login, password=USER_PASSWORD, read_only=False):
        """Returns a new API token of the user (through a session)."""
        cookie, csrf = self.login(login, password)
        r = self.request("POST", "/api/v1/tokens",
                         body={"name": "harness", "read_only": read_only},
                         headers={"Cookie": cookie, "X-CSRF-Token": csrf})
        if r.status != 201:
            raise RuntimeError("token for %s: %r" % (login, r))
        return r.json["token"]

    def as_token(self, token):
        """A client of this server sending another Bearer token (None:
        anonymous); same methods as the Server."""
        return TokenClient(self, token)

    def session(self, login=ADMIN_LOGIN, password=None):
        """A browser-like client logged in through /login."""
        if password is None:
            password = (ADMIN_PASSWORD if login == ADMIN_LOGIN
                        else USER_PASSWORD)
        return Session(self, login, password)

    # ---- requests ----

    def request(self, method, path, body=None, headers=None, raw=None,
                timeout=20, auth=True):
        """Sends one request; body is JSON-encoded, raw is sent as is.
        Sends the harness's Bearer token unless auth is False or headers
        has its own Authorization or Cookie (see _request_with_token)."""
        data = raw
        hdrs = dict(headers or {})
        if not auth:
            hdrs[ANONYMOUS] = "1"
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            hdrs.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base + path, data=data,
                                     method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def stop(self):
        _TOKENS.pop(self.port, None)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        out, err = self.proc.communicate()
        self.output = out.decode(errors="replace")  # its standard output
        shutil.rmtree(self.dir, ignore_errors=True)
        return self.proc.returncode, err.decode(errors="replace")


class TokenClient:
    """Requests to a server with another token (or none)."""

    def __init__(self, srv, token):
        self.srv = srv
        self.token = token

    def request(self, method, path, body=None, headers=None, raw=None,
                timeout=20):
        hdrs = dict(headers or {})
        if self.token:
            hdrs["Authorization"] = "Bearer " + self.token
        return self.srv.request(method, path, body=body, headers=hdrs,
                                raw=raw, timeout=timeout,
                                auth=bool(self.token))

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)


_CSRF_RE = re.compile(r'name="csrf_token" value="([^"]*)"')


class Session:
    """A browser's way in: logs in through the /login form, keeps the
    session cookie, follows redirects itself (keeping a cookie set on
    the way), sends X-CSRF-Token on JSON writes and fills csrf_token into
    every form it posts, from the last page that carried one."""

    def __init__(self, srv, login, password):
        self.srv = srv
        self.cookie = None
        self.csrf = None
        r = self.post_form("/login", {"login": login, "password": password,
                                      "next": "/"})
        if self.cookie is None or r.status != 200:
            raise RuntimeError("login %s through /login: %r" % (login, r))
        if self.csrf is None:
            self.csrf = self.get("/api/v1/session").json["csrf_token"]

    def _send(self, method, path, data, hdrs, follow):
        for _ in range(10):
            h = dict(hdrs)
            if self.cookie:
                h["Cookie"] = self.cookie
            h.setdefault("Sec-Fetch-Site", "same-origin")
            c = http.client.HTTPConnection("127.0.0.1", self.srv.port,
                                           timeout=30)
            try:
                c.request(method, path, body=data, headers=h)
                resp = c.getresponse()
                out = Response(resp.status, resp.headers, resp.read())
            finally:
                c.close()
            set_cookie = out.headers.get("Set-Cookie")
            if set_cookie:
                pair = set_cookie.split(";")[0]
                self.cookie = pair if pair.split("=", 1)[1] else None
            text = out.body.decode("utf-8", errors="replace")
            m = _CSRF_RE.search(text)
            if m:
                self.csrf = html.unescape(m.group(1))
            if not (follow and out.status in (301, 302, 303)):
                return out
            path = out.headers.get("Location")
            method, data, hdrs = "GET", None, {}
        raise RuntimeError("too many redirects at %s" % path)

    def request(self, method, path, body=None, headers=None, raw=None,
                follow=True):
        hdrs = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            hdrs.setdefault("Content-Type", "application/json")
        if method != "GET" and self.csrf:
            hdrs.setdefault("X-CSRF-Token", self.csrf)
        return self._send(method, path, data, hdrs, follow)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def post_form(self, path, fields, follow=True, csrf=True):
        """Posts fields (a dict or a list of pairs) as a browser would,
        with the csrf_token added unless csrf is False or it is there."""
        pairs = list(fields.items() if isinstance(fields, dict) else fields)
        if csrf and self.csrf and not any(k == "csrf_token"
                                          for k, _ in pairs):
            pairs.append(("csrf_token", self.csrf))
        data = urllib.parse.urlencode(pairs).encode()
        return self._send("POST", path, data, {
            "Content-Type": "application/x-www-form-urlencoded"}, follow)


def run_cli(binary, *args, stdin=None, timeout=60, env=None):
    """Runs the binary; returns (exit code, stdout text, stderr text)."""
    p = subprocess.run([binary] + list(args), input=stdin,
                       capture_output=True, timeout=timeout, env=env)
    return (p.returncode, p.stdout.decode(errors="replace"),
            p.stderr.decode(errors="replace"))


def expect(cond, msg="expectation failed"):
    if not cond:
        raise AssertionError(msg)


def expect_eq(got, want, what="value"):
    if got != want:
        raise AssertionError("%s: got %r, want %r" % (what, got, want))


def main(tests):
    """Runs each test function, prints one line per test and the summary."""
    passed = failed = 0
    for fn in tests:
        try:
            fn()
            passed += 1
            print("ok   %s" % fn.__name__)
        except Exception:  # report every failure and go on
            failed += 1
            print("FAIL %s" % fn.__name__)
            traceback.print_exc(file=sys.stdout)
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
