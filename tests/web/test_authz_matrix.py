"""The authorization matrix: every route of the table, for anonymous, a
seller, a manager, an admin and a buyer's link, allowed or refused.

The routes come from the table itself (tests/web/dump_routes prints
route_table as JSON), and every one of them must have a line in EXPECTED
below: a route added to route.c without one fails this test, so nobody
can add an endpoint and forget who may call it. The test checks that
the table says what EXPECTED says, then asks the live server:

- allowed: anything but 401/403 and a redirect to the login page (a
  made-up id gives 404 or 422, which is fine: the check runs first);
- anonymous on a non-public route: 401 (API), 303 to /login (page GET),
  403 (page POST);
- a role too low: 403;
- a session's write without its CSRF token: 403 on every route that
  needs one, never on those that do not (the logins);
- the buyer's link: its pages with a live token are allowed, with an
  unknown one 404; it opens nothing else.

Users log in with sessions (so that pages which want a browser, like
/account, are reached as a browser would), sending the CSRF token on
writes. Ids are made up (999999), so no request changes anything that a
later one needs; the two routes that end the session go last.
Usage: test_authz_matrix.py RAPPORT_BINARY DUMP_ROUTES_BINARY
"""
import http.client
import json
import subprocess
import sys
import urllib.parse

from harness import Server, expect, expect_eq, main

BINARY = sys.argv[1]
DUMP = sys.argv[2]

# METHOD PATTERN WHO (public, buyer_link, user, manager, admin): one line
# per route of route.c. Keep it in the table's order.
EXPECTED = """
GET     /healthz                                      public
GET     /                                             user
GET     /static/{name}                                public
GET     /people                                       user
GET     /people/new                                   user
POST    /people/new                                   user
GET     /people/{id}                                  user
GET     /people/{id}/edit                             user
POST    /people/{id}/edit                             user
POST    /people/{id}/delete                           user
POST    /people/{id}/facts                            user
POST    /people/{id}/dates                            user
POST    /people/{id}/interactions                     user
POST    /people/{id}/facts/{id}                       user
POST    /people/{id}/facts/{id}/delete                user
POST    /people/{id}/dates/{id}                       user
POST    /people/{id}/dates/{id}/delete                user
POST    /people/{id}/interactions/{id}                user
POST    /people/{id}/interactions/{id}/delete         user
POST    /people/{id}/relationships                    user
POST    /people/{id}/relationships/{id}/delete        user
GET     /organizations                                user
GET     /organizations/new                            user
POST    /organizations/new                            user
GET     /organizations/{id}                           user
GET     /organizations/{id}/edit                      user
POST    /organizations/{id}/edit                      user
POST    /organizations/{id}/delete                    user
GET     /coach                                        user
POST    /coach                                        user
POST    /coach/apply                                  user
GET     /deals                                        user
GET     /deals/new                                    user
POST    /deals/new                                    user
GET     /deals/{id}                                   user
GET     /deals/{id}/edit                              user
POST    /deals/{id}/edit                              user
POST    /deals/{id}/concerns                          user
POST    /deals/{id}/concerns/{id}/answer              user
POST    /deals/{id}/concerns/{id}/resolve             user
POST    /deals/{id}/concerns/{id}/drop                user
POST    /deals/{id}/concerns/{id}/reopen              user
POST    /deals/{id}/stakeholders                      user
POST    /deals/{id}/stakeholders/{id}                 user
POST    /deals/{id}/plan                              user
POST    /deals/{id}/plan/{id}/done                    user
POST    /deals/{id}/plan/{id}                         user
POST    /deals/{id}/plan/{id}/delete                  user
POST    /deals/{id}/stakeholders/{id}/delete          user
POST    /deals/{id}/interactions                      user
POST    /deals/{id}/delete                            user
POST    /deals/{id}/stage                             user
POST    /deals/{id}/status                            user
GET     /metrics                                      user
GET     /deals/{id}/fit                               user
POST    /deals/{id}/fit/needs                         user
POST    /deals/{id}/fit/scores                        user
POST    /deals/{id}/fit/offerings                     user
POST    /deals/{id}/fit/recommend                     user
GET     /deals/{id}/guide                             user
GET     /api/v1/people                                user
POST    /api/v1/people                                user
GET     /api/v1/people/{id}                           user
PATCH   /api/v1/people/{id}                           user
DELETE  /api/v1/people/{id}                           user
GET     /api/v1/organizations                         user
POST    /api/v1/organizations                         user
GET     /api/v1/organizations/{id}                    user
PATCH   /api/v1/organizations/{id}                    user
DELETE  /api/v1/organizations/{id}                    user
GET     /api/v1/people/{id}/facts                     user
POST    /api/v1/people/{id}/facts                     user
GET     /api/v1/facts/{id}                            user
PATCH   /api/v1/facts/{id}                            user
DELETE  /api/v1/facts/{id}                            user
GET     /api/v1/people/{id}/dates                     user
POST    /api/v1/people/{id}/dates                     user
GET     /api/v1/dates/{id}                            user
PATCH   /api/v1/dates/{id}                            user
DELETE  /api/v1/dates/{id}                            user
GET     /api/v1/interactions                          user
POST    /api/v1/interactions                          user
GET     /api/v1/interactions/{id}                     user
PATCH   /api/v1/interactions/{id}                     user
DELETE  /api/v1/interactions/{id}                     user
POST    /api/v1/relationships                         user
GET     /api/v1/relationships/{id}                    user
DELETE  /api/v1/relationships/{id}                    user
GET     /api/v1/people/{id}/relationships             user
GET     /api/v1/relationship-types                    user
POST    /api/v1/relationship-types                    manager
DELETE  /api/v1/relationship-types/{id}               manager
GET     /api/v1/tags                                  user
PUT     /api/v1/tags/{name}                           user
GET     /api/v1/today                                 user
GET     /api/v1/search                                user
GET     /api/v1/deals                                 user
POST    /api/v1/deals                                 user
GET     /api/v1/deals/{id}                            user
PATCH   /api/v1/deals/{id}                            user
DELETE  /api/v1/deals/{id}                            user
POST    /api/v1/deals/{id}/stage                      user
POST    /api/v1/deals/{id}/status                     user
GET     /api/v1/deals/{id}/readiness                  user
GET     /api/v1/deals/{id}/stakeholders               user
POST    /api/v1/deals/{id}/stakeholders               user
GET     /api/v1/stakeholders/{id}                     user
PATCH   /api/v1/stakeholders/{id}                     user
DELETE  /api/v1/stakeholders/{id}                     user
GET     /api/v1/deals/{id}/plan                       user
POST    /api/v1/deals/{id}/plan                       user
GET     /api/v1/plan-steps/{id}                       user
PATCH   /api/v1/plan-steps/{id}                       user
DELETE  /api/v1/plan-steps/{id}                       user
POST    /api/v1/plan-steps/{id}/done                  user
GET     /api/v1/deals/{id}/concerns                   user
POST    /api/v1/deals/{id}/concerns                   user
GET     /api/v1/concerns/{id}                         user
POST    /api/v1/concerns/{id}/answer                  user
POST    /api/v1/concerns/{id}/resolve                 user
POST    /api/v1/concerns/{id}/drop                    user
POST    /api/v1/concerns/{id}/reopen                  user
GET     /api/v1/metrics                               user
POST    /api/v1/coach                                 user
GET     /api/v1/offerings                             user
POST    /api/v1/offerings                             user
GET     /api/v1/offerings/{id}                        user
PATCH   /api/v1/offerings/{id}                        user
DELETE  /api/v1/offerings/{id}                        user
GET     /api/v1/deals/{id}/needs                      user
POST    /api/v1/deals/{id}/needs                      user
GET     /api/v1/needs/{id}                            user
PATCH   /api/v1/needs/{id}                            user
DELETE  /api/v1/needs/{id}                            user
GET     /api/v1/deals/{id}/fit                        user
PUT     /api/v1/deals/{id}/fit                        user
POST    /api/v1/deals/{id}/fit                        user
DELETE  /api/v1/deals/{id}/fit                        user
GET     /api/v1/deals/{id}/recommendations            user
POST    /api/v1/deals/{id}/recommendations            user
GET     /login                                        public
POST    /login                                        public
POST    /logout                                       public
GET     /account                                      user
POST    /account/password                             user
POST    /account/tokens                               user
POST    /account/tokens/{id}/revoke                   user
GET     /api/v1/session                               user
POST    /api/v1/session                               public
DELETE  /api/v1/session                               user
GET     /api/v1/tokens                                user
POST    /api/v1/tokens                                user
DELETE  /api/v1/tokens/{id}                           user
GET     /api/v1/audit                                 admin
GET     /audit                                        admin
POST    /api/v1/deals/{id}/links                      user
GET     /api/v1/deals/{id}/links                      user
DELETE  /api/v1/deals/{id}/links/{id}                 user
GET     /buyer/{name}                                 buyer_link
GET     /buyer/{name}/guide                           buyer_link
POST    /buyer/{name}/plan/{id}/done                  buyer_link
POST    /buyer/{name}/concerns                        buyer_link
POST    /buyer/{name}/concerns/{id}/resolve           buyer_link
"""

LEVEL = {"user": 1, "manager": 2, "admin": 3}
ROLES = ("seller", "manager", "admin")
ROLE_LEVEL = {"seller": 1, "manager": 2, "admin": 3}
MADE_UP = "999999"
ENDS_SESSION = {"POST /logout", "DELETE /api/v1/session"}


def expected():
    out = {}
    for line in EXPECTED.strip().splitlines():
        method, pattern, who = line.split()
        out["%s %s" % (method, pattern)] = who
    return out


def routes():
    out = subprocess.run([DUMP], capture_output=True, timeout=30, check=True)
    rs = json.loads(out.stdout)
    # Those ending the session run last, so the session lasts the matrix.
    return sorted(rs, key=lambda r: "%s %s" % (r["method"], r["pattern"])
                  in ENDS_SESSION)


def path_of(r, link):
    parts = []
    for seg in r["pattern"].split("/"):
        if seg == "{id}":
            seg = MADE_UP
        elif seg == "{name}":
            seg = {"public": "app.css", "buyer_link": link}.get(r["who"],
                                                                "matrix")
        parts.append(seg)
    return "/".join(parts)


def send(srv, r, path, cookie=None, csrf=None):
    hdrs = {"X-Harness-Anonymous": "1"}
    data = None
    if r["body"]:
        data = b"{}"
        hdrs["Content-Type"] = "application/json"
    elif r["method"] == "POST":
        data = b""
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    if cookie:
        hdrs["Cookie"] = cookie
    if csrf and r["method"] != "GET":
        hdrs["X-CSRF-Token"] = csrf
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    try:
        c.request(r["method"], path, body=data, headers=hdrs)
        resp = c.getresponse()
        resp.read()
        return resp.status, resp.getheader("Location") or ""
    finally:
        c.close()


def refused(status, location):
    return status in (401, 403) or (status == 303 and
                                    location.startswith("/login?next="))


def is_page(pattern):
    return not pattern.startswith("/api/")


class Matrix:
    def __init__(self):
        self.srv = Server(BINARY)
        self.srv.add_user("m-seller", "seller", team="matrix")
        self.srv.add_user("m-manager", "manager", team="matrix")
        self.srv.add_user("m-admin", "admin")
        self.sessions = {
            "seller": self.srv.login("m-seller"),
            "manager": self.srv.login("m-manager"),
            "admin": self.srv.login("m-admin"),
        }
        self.link = self.make_link()
        self.routes = routes()

    def make_link(self):
        """A live buyer link of a deal of the harness admin's."""
        o = self.srv.post("/api/v1/organizations", {"name": "Matrix org"})
        expect_eq(o.status, 201, "org: %r" % o)
        d = self.srv.post("/api/v1/deals", {"title": "Matrix deal",
                                            "org_id": o.json["id"],
                                            "source": "inbound",
                                            "need": "A way to share"})
        expect_eq(d.status, 201, "deal: %r" % d)
        r = self.srv.post("/api/v1/deals/%d/links" % d.json["id"],
                          {"days": 7})
        expect_eq(r.status, 201, "link: %r" % r)
        return r.json["token"]

    def stop(self):
        self.srv.stop()


M = None


def test_every_route_has_an_expectation():
    want = expected()
    got = {"%s %s" % (r["method"], r["pattern"]): r["who"]
           for r in M.routes}
    missing = sorted(set(got) - set(want))
    expect(not missing, "routes with no line in EXPECTED (add one, saying "
           "who may call): %s" % missing)
    gone = sorted(set(want) - set(got))
    expect(not gone, "EXPECTED names routes the table no longer has: %s"
           % gone)
    wrong = sorted("%s: table says %s, EXPECTED %s" % (k, got[k], want[k])
                   for k in got if k in want and got[k] != want[k])
    expect(not wrong, "; ".join(wrong))


def test_anonymous_and_buyer_link():
    bad = []
    for r in M.routes:
        key = "%s %s" % (r["method"], r["pattern"])
        status, loc = send(M.srv, r, path_of(r, M.link))
        if r["who"] in ("public", "buyer_link"):
            if refused(status, loc) and key != "POST /logout":
                bad.append("%s: %d for anyone" % (key, status))
            continue
        if not is_page(r["pattern"]):
            want = 401
        else:
            want = 303 if r["method"] == "GET" else 403
        if status != want or (want == 303 and
                              not loc.startswith("/login?next=")):
            bad.append("%s: anonymous got %d %s, want %d" %
                       (key, status, loc, want))
    expect(not bad, "\n".join(bad))


def test_buyer_link_opens_only_its_pages():
    bad = []
    for r in M.routes:
        if r["who"] != "buyer_link":
            continue
        key = "%s %s" % (r["method"], r["pattern"])
        status, _ = send(M.srv, r, path_of(r, "x" * 43))
        if status != 404:
            bad.append("%s: a made-up link got %d, want 404" % (key, status))
    expect(not bad, "\n".join(bad))


def test_each_role():
    bad = []
    for role in ROLES:
        cookie, csrf = M.sessions[role]
        for r in M.routes:
            key = "%s %s" % (r["method"], r["pattern"])
            if key in ENDS_SESSION:  # each ends a session of its own
                cookie, csrf = M.srv.login("m-" + role)
            status, loc = send(M.srv, r, path_of(r, M.link), cookie, csrf)
            if r["who"] in ("public", "buyer_link"):
                ok = not refused(status, loc)
            else:
                ok = ROLE_LEVEL[role] >= LEVEL[r["who"]]
                if not ok and status != 403:
                    bad.append("%s as %s: got %d, want 403" %
                               (key, role, status))
                    continue
            if ok and refused(status, loc):
                bad.append("%s as %s: refused with %d %s" %
                           (key, role, status, loc))
        # The session ended with the last routes: log in again.
        M.sessions[role] = M.srv.login("m-" + role)
    expect(not bad, "\n".join(bad))


def test_csrf_column():
    cookie, csrf = M.srv.login("m-admin")
    bad = []
    for r in M.routes:
        if r["method"] == "GET":
            continue
        key = "%s %s" % (r["method"], r["pattern"])
        status, loc = send(M.srv, r, path_of(r, M.link), cookie, None)
        if r["csrf"] and status != 403:
            bad.append("%s: a session without X-CSRF-Token got %d, want "
                       "403" % (key, status))
        if not r["csrf"] and status == 403:
            bad.append("%s: needs no CSRF token but got 403" % key)
    expect(not bad, "\n".join(bad))


def run():
    global M
    M = Matrix()
    try:
        main([test_every_route_has_an_expectation,
              test_anonymous_and_buyer_link,
              test_buyer_link_opens_only_its_pages, test_each_role,
              test_csrf_column])
    finally:
        M.stop()


if __name__ == "__main__":
    run()
