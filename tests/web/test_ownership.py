"""Owners (migration 0005): two teams, a manager, two sellers and an
admin. A seller sees their own records and those their team shares, and
writes only their own; a manager sees and writes their team's, private
ones too; an admin sees everything; a record someone may not see is a
404 through get, update, delete, sub-records and pages, and is missing
from lists and search. Records from before the owners (no owner) stay
open to everyone.
"""
import datetime
import sqlite3
import sys

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None
C = {}   # login -> client with that user's token
REC = {}  # name -> record


def ids(client, path):
    r = client.get(path)
    expect_eq(r.status, 200, "%s: %r" % (path, r))
    return {x["id"] for x in r.json["items"]}


def search_ids(client, q):
    r = client.get("/api/v1/search?q=" + q)
    expect_eq(r.status, 200, "search %s: %r" % (q, r))
    items = r.json["items"] if isinstance(r.json, dict) else r.json
    return {x.get("person_id", x.get("id")) for x in items}


def setup():
    srv.add_user("mara", role="manager", team="north")
    srv.add_user("sam", role="seller", team="north")
    srv.add_user("sue", role="seller", team="north")
    srv.add_user("otto", role="seller", team="south")
    for login in ("mara", "sam", "sue", "otto"):
        C[login] = srv.as_token(srv.make_token(login))
    C["admin"] = srv
    org = srv.post("/api/v1/organizations", {"name": "Shared Org"}).json
    REC["org"] = org["id"]
    # An unowned record, as made before migration 0005.
    r = srv.post("/api/v1/people", {"given_name": "Legacy",
                                    "family_name": "Zyxlegacy"})
    REC["legacy"] = r.json["id"]
    with sqlite3.connect(srv.db) as db:
        db.execute("UPDATE person SET owner_user_id = NULL WHERE id = ?",
                   (REC["legacy"],))
    for who, name, shared in (("sam", "Samshared", True),
                              ("sam", "Samprivate", False),
                              ("sue", "Sueshared", True),
                              ("otto", "Ottoshared", True)):
        r = C[who].post("/api/v1/people", {"given_name": name,
                                           "family_name": "Zyxowner",
                                           "shared": shared})
        expect_eq(r.status, 201, "%s creates %s: %r" % (who, name, r))
        REC[name] = r.json["id"]
    for who in ("sam", "otto"):
        r = C[who].post("/api/v1/deals", {"org_id": REC["org"],
                                          "title": "Deal of " + who,
                                          "source": "inbound"})
        expect_eq(r.status, 201, "%s creates a deal: %r" % (who, r))
        REC["deal_" + who] = r.json["id"]


def test_people_lists_and_search():
    everyone = {REC[k] for k in ("legacy", "Samshared", "Samprivate",
                                 "Sueshared", "Ottoshared")}
    want = {
        "admin": everyone,
        "mara": everyone - {REC["Ottoshared"]},
        "sam": everyone - {REC["Ottoshared"]},
        "sue": everyone - {REC["Ottoshared"], REC["Samprivate"]},
        "otto": {REC["legacy"], REC["Ottoshared"]},
    }
    for login, ids_want in want.items():
        got = ids(C[login], "/api/v1/people?limit=500") & everyone
        expect_eq(got, ids_want, "%s lists people" % login)
        got = search_ids(C[login], "zyx") & everyone
        expect_eq(got, ids_want, "%s searches" % login)


def test_get_update_delete_people():
    priv, shared = REC["Samprivate"], REC["Sueshared"]
    # Sue may not see Sam's private person: 404 on everything.
    for method, path, body in (
            ("GET", "/api/v1/people/%d" % priv, None),
            ("PATCH", "/api/v1/people/%d" % priv, {"title": "x"}),
            ("DELETE", "/api/v1/people/%d" % priv, None),
            ("GET", "/api/v1/people/%d/facts" % priv, None),
            ("POST", "/api/v1/people/%d/facts" % priv,
             {"kind": "like", "value": "tea"})):
        r = C["sue"].request(method, path, body=body)
        expect_eq(r.status, 404, "sue %s %s" % (method, path))
        r = C["otto"].request(method, path, body=body)
        expect_eq(r.status, 404, "otto %s %s" % (method, path))
    # Sue reads Sam's... no: Sam reads Sue's shared person, may not change it.
    expect_eq(C["sam"].get("/api/v1/people/%d" % shared).status, 200,
              "sam reads sue's shared person")
    expect_eq(C["sam"].patch("/api/v1/people/%d" % shared,
                             {"title": "x"}).status, 403,
              "sam may not change sue's person")
    # The manager reads and writes the team's, private ones too.
    expect_eq(C["mara"].patch("/api/v1/people/%d" % priv,
                              {"title": "Checked"}).status, 200,
              "the manager updates a private person of the team")
    r = C["sam"].post("/api/v1/people/%d/facts" % priv,
                      {"kind": "like", "value": "green tea"})
    expect_eq(r.status, 201, "sam adds a fact to his own person")
    fact = r.json["id"]
    expect_eq(C["sue"].get("/api/v1/facts/%d" % fact).status, 404,
              "a fact follows its person")
    expect_eq(C["mara"].get("/api/v1/facts/%d" % fact).status, 200,
              "the manager reads the fact")
    # Everyone may read and write a record without an owner.
    expect_eq(C["otto"].patch("/api/v1/people/%d" % REC["legacy"],
                              {"title": "Old"}).status, 200,
              "unowned records stay open")
    # The admin sees all; a seller deletes their own.
    expect_eq(C["admin"].get("/api/v1/people/%d" % REC["Ottoshared"]).status,
              200, "admin reads anything")
    r = C["otto"].post("/api/v1/people", {"given_name": "Gone"})
    gone = r.json["id"]
    expect_eq(C["sam"].delete("/api/v1/people/%d" % gone).status, 404,
              "another team's delete is a 404")
    expect_eq(C["otto"].delete("/api/v1/people/%d" % gone).status, 204,
              "a seller deletes their own person")


def test_deals():
    sam, otto = REC["deal_sam"], REC["deal_otto"]
    for login, want in (("admin", {sam, otto}), ("mara", {sam}),
                        ("sam", {sam}), ("sue", {sam}), ("otto", {otto})):
        got = ids(C[login], "/api/v1/deals?limit=500") & {sam, otto}
        expect_eq(got, want, "%s lists deals" % login)
    expect_eq(C["otto"].get("/api/v1/deals/%d" % sam).status, 404,
              "another team's deal is a 404")
    expect_eq(C["otto"].get("/api/v1/deals/%d/plan" % sam).status, 404,
              "its plan too")
    expect_eq(C["otto"].post("/api/v1/deals/%d/concerns" % sam,
                             {"category": "price",
                              "words": "too dear"}).status, 404,
              "adding a concern to it too")
    expect_eq(C["sue"].patch("/api/v1/deals/%d" % sam,
                             {"title": "Mine"}).status, 403,
              "a teammate reads but may not change it")
    r = C["sam"].post("/api/v1/deals/%d/concerns" % sam,
                      {"category": "price", "words": "too dear"})
    expect_eq(r.status, 201, "sam adds a concern: %r" % r)
    concern = r.json["id"]
    expect_eq(C["otto"].get("/api/v1/concerns/%d" % concern).status, 404,
              "a concern follows its deal")
    expect_eq(C["mara"].patch("/api/v1/deals/%d" % sam,
                              {"title": "Deal of sam (checked)"}).status,
              200, "the manager changes the team's deal")


def test_pages():
    s = srv.session("otto")
    r = s.get("/people/%d" % REC["Samshared"])
    expect_eq(r.status, 404, "another team's person page")
    r = s.get("/deals/%d" % REC["deal_sam"])
    expect_eq(r.status, 404, "another team's deal page")
    r = s.get("/people")
    body = r.body.decode()
    expect("Ottoshared" in body and "Samshared" not in body,
           "the people page lists only what otto may see")
    r = s.get("/deals")
    body = r.body.decode()
    expect("Deal of otto" in body and "Deal of sam" not in body,
           "the deals page lists only otto's deals")
    s = srv.session("sue")
    r = s.get("/people")
    body = r.body.decode()
    expect("Samshared" in body and "Samprivate" not in body,
           "a private person is hidden from the team's sellers")
    r = s.post_form("/people/%d/delete" % REC["Samprivate"], {})
    expect_eq(r.status, 404, "deleting it through the page is a 404")


def make_daily(name):
    """Makes the person REC[name] due, with a date today and a follow-up
    late, and returns the follow-up's interaction id."""
    pid = REC[name]
    with sqlite3.connect(srv.db) as db:
        db.execute("UPDATE person SET cadence_days = 7, "
                   "last_touch = 1577836800 WHERE id = ?", (pid,))
    today = datetime.date.today()
    r = srv.post("/api/v1/people/%d/dates" % pid,
                 {"kind": "custom", "label": "day of " + name,
                  "month": today.month, "day": today.day})
    expect_eq(r.status, 201, "a date for %s: %r" % (name, r))
    r = srv.post("/api/v1/interactions",
                 {"kind": "call", "summary": "follow " + name,
                  "occurred_at": "2020-01-01T10:00:00Z", "people": [pid],
                  "follow_up_on": "2020-01-02"})
    expect_eq(r.status, 201, "a follow-up for %s: %r" % (name, r))
    with sqlite3.connect(srv.db) as db:
        db.execute("UPDATE person SET last_touch = 1577836800 WHERE id = ?",
                   (pid,))
    return r.json["id"]


def test_today():
    names = ("Samprivate", "Sueshared", "Ottoshared")
    for name in names:
        make_daily(name)
    # Both deals stalled, with a step due.
    with sqlite3.connect(srv.db) as db:
        db.execute("UPDATE deal SET created_at = 1577836800")
    for who in ("sam", "otto"):
        r = srv.post("/api/v1/deals/%d/plan" % REC["deal_" + who],
                     {"title": "Step of " + who, "side": "seller",
                      "due_on": "2020-01-05"})
        expect_eq(r.status, 201, "a step for %s's deal: %r" % (who, r))
    want = {"admin": set(names), "mara": {"Samprivate", "Sueshared"},
            "sam": {"Samprivate", "Sueshared"}, "sue": {"Sueshared"},
            "otto": {"Ottoshared"}}
    for login, names_want in want.items():
        r = C[login].get("/api/v1/today?limit=100&days=0")
        expect_eq(r.status, 200, "%s today: %r" % (login, r))
        t = r.json
        got = {n for n in names
               for x in t["due"] if x["name"].startswith(n)}
        expect_eq(got, names_want, "%s: who is due" % login)
        got = {n for n in names
               for x in t["dates"] if x["person_name"].startswith(n)}
        expect_eq(got, names_want, "%s: dates" % login)
        got = {n for n in names for x in t["followups"]
               if x["person_name"].startswith(n)}
        expect_eq(got, names_want, "%s: follow-ups" % login)
        expect(t["totals"]["due"] >= len(names_want)
               and (login == "admin" or t["totals"]["due"] <= 3),
               "%s: the due total is filtered too: %r" % (login, t["totals"]))
    for login, mine, other in (("otto", "otto", "sam"),
                               ("sue", "sam", "otto")):
        body = srv.session(login).get("/").body.decode()
        expect("Deal of " + mine in body and "Step of " + mine in body,
               "%s's home page lists the deals they see" % login)
        expect("Deal of " + other not in body and
               "Step of " + other not in body,
               "%s's home page hides %s's deal" % (login, other))
        expect(("Samprivate" in body) == (login == "mara"),
               "%s's home page: private people" % login)


def test_metrics():
    # Both deals were made in 2020 (test_today moved them there).
    q = "/api/v1/metrics?from=2019-12-01&to=2020-12-31"
    for login, want in (("admin", 2), ("mara", 1), ("sam", 1), ("sue", 1),
                        ("otto", 1)):
        r = C[login].get(q)
        expect_eq(r.status, 200, "%s metrics: %r" % (login, r))
        expect_eq(r.json["deals_started"], want,
                  "%s: metrics over the deals they see" % login)
    r = srv.session("otto").get("/metrics?from=2019-12-01&to=2020-12-31")
    expect_eq(r.status, 200, "otto's metrics page")


def test_lists():
    """Lists hanging off a visible record leave out what the viewer may
    not see: touches, people referred, relationships, a deal's timeline,
    a person's deals."""
    sue_p, priv = REC["Sueshared"], REC["Samprivate"]
    r = srv.post("/api/v1/relationships", {"type": "spouse",
                                           "from_id": sue_p, "to_id": priv})
    expect_eq(r.status, 201, "a relationship: %r" % r)
    expect_eq(srv.patch("/api/v1/people/%d" % priv,
                        {"referred_by": sue_p}).status, 200, "a referral")
    r = srv.post("/api/v1/interactions",
                 {"kind": "call", "summary": "Zyxtouchboth",
                  "people": [sue_p, priv], "deal_id": REC["deal_sam"]})
    expect_eq(r.status, 201, "a touch with both: %r" % r)
    both = r.json["id"]
    r = srv.post("/api/v1/deals/%d/stakeholders" % REC["deal_sam"],
                 {"person_id": REC["Ottoshared"], "role": "user"})
    expect_eq(r.status, 201, "otto's person on sam's deal: %r" % r)
    for login, sees in (("sue", False), ("mara", True), ("admin", True)):
        c = C[login]
        got = both in ids(c, "/api/v1/interactions?limit=500")
        expect_eq(got, sees, "%s lists the touch" % login)
        got = both in ids(c, "/api/v1/interactions?person_id=%d" % sue_p)
        expect_eq(got, sees, "%s: the touch on sue's timeline" % login)
        r = c.get("/api/v1/people/%d/relationships" % sue_p)
        expect_eq(r.status, 200, "%s relationships: %r" % (login, r))
        items = r.json["items"] if isinstance(r.json, dict) else r.json
        got = any(x["other_id"] == priv for x in items)
        expect_eq(got, sees, "%s: the relationship" % login)
        page = srv.session(*(() if login == "admin" else (login,)))
        body = page.get("/people/%d" % sue_p).body.decode()
        expect_eq("Samprivate" in body, sees,
                  "%s: sue's page names the private person" % login)
        body = page.get(
            "/deals/%d" % REC["deal_sam"]).body.decode()
        expect_eq("Zyxtouchboth" in body, sees,
                  "%s: the deal's timeline" % login)
    expect_eq(C["sue"].get("/api/v1/interactions?person_id=%d"
                           % priv).status, 404,
              "the timeline of a person one may not see")
    body = srv.session("otto").get(
        "/people/%d" % REC["Ottoshared"]).body.decode()
    expect("Deal of sam" not in body, "otto's person page hides sam's deal")
    r = srv.session("otto").get("/organizations/%d" % REC["org"])
    body = r.body.decode()
    expect(r.status == 200 and "Samshared" not in body,
           "the organization page lists only people otto sees")


def test_body_ids():
    """A person id inside a body must be one the caller may see; one they
    may not is refused with the words of a missing id."""
    sue_p, otto_p = REC["Sueshared"], REC["Ottoshared"]
    deal = REC["deal_sam"]
    for who, method, path, body, field in (
            ("sue", "POST", "/api/v1/interactions",
             {"kind": "call", "summary": "x", "people": [sue_p, "ID"]},
             "people"),
            ("sue", "PATCH", "/api/v1/people/%d" % sue_p,
             {"referred_by": "ID"}, "referred_by"),
            ("sue", "POST", "/api/v1/people",
             {"given_name": "Newone", "referred_by": "ID"}, "referred_by"),
            ("sue", "POST", "/api/v1/relationships",
             {"type": "spouse", "from_id": sue_p, "to_id": "ID"}, "to_id"),
            ("sam", "POST", "/api/v1/deals/%d/stakeholders" % deal,
             {"person_id": "ID", "role": "champion"}, "person_id"),
            ("sam", "POST", "/api/v1/deals",
             {"org_id": REC["org"], "title": "Referred", "source": "referral",
              "referred_by": "ID"}, "referred_by")):
        details = []
        for pid in (otto_p, 99999999):
            b = {k: (pid if v == "ID" else
                     [pid if x == "ID" else x for x in v]
                     if isinstance(v, list) else v)
                 for k, v in body.items()}
            r = C[who].request(method, path, body=b)
            expect_eq(r.status, 422, "%s %s %s with %d: %r"
                      % (who, method, path, pid, r))
            expect_eq(r.json["field"], field, "%s names the field" % path)
            details.append(r.json["detail"].replace(str(pid), "N"))
        expect_eq(details[0], details[1],
                  "%s: a hidden person reads as a missing one" % path)
        expect("no person" in details[0], "the words: %r" % details[0])
    r = C["mara"].post("/api/v1/interactions",
                       {"kind": "call", "summary": "team touch",
                        "people": [sue_p, REC["Samprivate"]]})
    expect_eq(r.status, 201, "the manager names the team's people: %r" % r)


def test_owner_fields_and_forms():
    """Replies and pages say who owns a record and whether it is shared;
    the forms set it."""
    r = C["sam"].get("/api/v1/people/%d" % REC["Samprivate"])
    expect_eq((r.json["owner_user"], r.json["shared"]), ("sam", False),
              "a person's owner and shared")
    r = C["sam"].get("/api/v1/people/%d" % REC["legacy"])
    expect_eq(r.json["owner_user"], None, "no owner")
    r = C["sam"].post("/api/v1/deals", {"org_id": REC["org"],
                                        "title": "Zyxprivate deal",
                                        "source": "inbound",
                                        "shared": False})
    expect_eq(r.status, 201, "a private deal: %r" % r)
    expect_eq((r.json["owner_user"], r.json["shared"]), ("sam", False),
              "a deal's owner and shared")
    priv = r.json["id"]
    expect_eq(C["sue"].get("/api/v1/deals/%d" % priv).status, 404,
              "a private deal is hidden from the team's sellers")
    expect_eq(C["mara"].get("/api/v1/deals/%d" % priv).status, 200,
              "but not from their manager")
    r = C["sam"].patch("/api/v1/deals/%d" % priv, {"shared": True})
    expect_eq((r.status, r.json.get("shared")), (200, True), "shared now")
    expect_eq(C["sue"].get("/api/v1/deals/%d" % priv).status, 200,
              "the teammate reads it now")
    r = C["sam"].patch("/api/v1/deals/%d" % priv, {"shared": "no"})
    expect_eq(r.status, 400, "shared must be a boolean (a type error)")
    # Pages.
    page = srv.session("sam")
    body = page.get("/people/%d" % REC["Samprivate"]).body.decode()
    expect("Owned by sam (private)" in body, "the person page says so")
    body = page.get("/deals/%d" % priv).body.decode()
    expect("Owned by sam (shared with the team)" in body,
           "the deal page says so")
    body = page.get("/people/new").body.decode()
    expect('name="shared"' in body and "checked" in body,
           "the person form has the box, checked when new")
    r = page.post_form("/people/new", {"given_name": "Formprivate",
                                       "shared_shown": "1"})
    expect_eq(r.status, 200, "made through the form: %r" % r)
    got = [x for x in C["sam"].get(
        "/api/v1/people?limit=500").json["items"]
        if x["given_name"] == "Formprivate"]
    expect_eq([x["shared"] for x in got], [False],
              "an unchecked box makes it private")
    fid = got[0]["id"]
    body = page.get("/people/%d/edit" % fid).body.decode()
    expect('name="shared"' in body, "the edit form has the box")
    r = page.post_form("/people/%d/edit" % fid,
                       {"given_name": "Formprivate", "shared_shown": "1",
                        "shared": "yes"})
    expect_eq(C["sam"].get("/api/v1/people/%d" % fid).json["shared"], True,
              "checked, it is shared")
    body = page.get("/deals/new").body.decode()
    expect('name="shared"' in body, "the deal form has the box")
    body = page.get("/deals/%d/edit" % priv).body.decode()
    expect('name="shared"' in body, "the deal edit form has the box")


def run():
    global srv
    srv = Server(BIN)
    try:
        setup()
        main([test_people_lists_and_search, test_get_update_delete_people,
              test_deals, test_pages, test_today,
              test_metrics, test_lists, test_body_ids,
              test_owner_fields_and_forms])
    finally:
        srv.stop()


if __name__ == "__main__":
    run()
