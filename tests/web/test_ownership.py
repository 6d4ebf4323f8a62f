"""Owners (migration 0005): two teams, a manager, two sellers and an
admin. A seller sees their own records and those their team shares, and
writes only their own; a manager sees and writes their team's, private
ones too; an admin sees everything; a record someone may not see is a
404 through get, update, delete, sub-records and pages, and is missing
from lists and search. Records from before the owners (no owner) stay
open to everyone.
"""
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


def run():
    global srv
    srv = Server(BIN)
    try:
        setup()
        main([test_people_lists_and_search, test_get_update_delete_people,
              test_deals, test_pages])
    finally:
        srv.stop()


if __name__ == "__main__":
    run()
