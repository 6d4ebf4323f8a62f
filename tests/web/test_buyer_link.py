"""The buyer's link: made and revoked through the API, opened with no
account at /buyer/TOKEN; it shows the deal's need and benefit, the
mutual plan (the buyer ticks off their own steps), the concerns (the
buyer adds one, confirms an answered one resolved) and the decision
guide, and nothing else. Expired, revoked, made-up and other-deal
tokens and ids all get the same 404.
"""
import os
import sqlite3
import sys
import time
import urllib.parse

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None


def create(path, body):
    r = srv.post(path, body)
    expect_eq(r.status, 201, "%s: %r" % (path, r))
    return r.json


def anon(method, path, form=None):
    """The buyer: no login, no token, no cookie."""
    data = None
    hdrs = {}
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    r = srv.request(method, path, raw=data, headers=hdrs, auth=False)
    return r, r.body.decode("utf-8", "replace")


def new_deal(title, need="Faster month-end close",
             benefit="Two days saved each month"):
    org = create("/api/v1/organizations", {"name": "Org " + title})
    person = create("/api/v1/people", {"given_name": "Pat",
                                       "org_id": org["id"]})
    deal = create("/api/v1/deals", {"org_id": org["id"], "title": title,
                                    "source": "inbound", "need": need,
                                    "benefit": benefit})
    base = "/api/v1/deals/%d" % deal["id"]
    mine = create(base + "/plan", {"title": "Security review by IT",
                                   "side": "buyer"})
    ours = create(base + "/plan", {"title": "Send the quote",
                                   "side": "seller"})
    c = create(base + "/concerns", {"category": "price",
                                    "words": "Too dear for this year"})
    r = srv.post("/api/v1/concerns/%d/answer" % c["id"],
                 {"answer": "Shared the three-year cost model"})
    expect_eq(r.status, 200, "answer: %r" % r)
    return deal, person, mine, ours, c


def link(deal_id, days=None):
    return create("/api/v1/deals/%d/links" % deal_id,
                  {} if days is None else {"days": days})


def test_link_page_shows_only_the_plan():
    deal, person, mine, ours, c = new_deal("Ledger pilot")
    srv.post("/api/v1/people/%d/facts" % person["id"],
             {"kind": "family", "label": "daughter", "value": "Zoe-Secret"})
    lk = link(deal["id"])
    expect(lk["path"] == "/buyer/" + lk["token"], "path: %r" % lk)
    expect("token" not in srv.get("/api/v1/deals/%d/links" %
                                  deal["id"]).json["items"][0],
           "the token is shown once")
    r, body = anon("GET", lk["path"])
    expect_eq(r.status, 200, "buyer page: %s" % body[:300])
    for text in ("Faster month-end close", "Two days saved each month",
                 "Security review by IT", "Send the quote",
                 "Too dear for this year", "three-year cost model",
                 "/guide"):
        expect(text in body, "shows %r" % text)
    for text in ("Zoe-Secret", "Pat", 'href="/people', 'href="/deals',
                 'aria-label="Main"'):
        expect(text not in body, "does not show %r" % text)
    r, body = anon("GET", lk["path"] + "/guide")
    expect_eq(r.status, 200, "guide")
    expect("Choosing well" in body, "the guide")
    expect('href="/deals' not in body, "no link into the seller's pages")


def test_buyer_ticks_steps_adds_and_resolves_concerns():
    deal, person, mine, ours, c = new_deal("Payroll move")
    lk = link(deal["id"])
    r, _ = anon("POST", "%s/plan/%d/done" % (lk["path"], mine["id"]), {})
    expect_eq(r.status, 200, "tick own step (303 followed)")
    step = srv.get("/api/v1/plan-steps/%d" % mine["id"]).json
    expect(step["done_at"], "done: %r" % step)
    r, _ = anon("POST", "%s/plan/%d/done" % (lk["path"], ours["id"]), {})
    expect_eq(r.status, 404, "the seller's step is not the buyer's")
    r, _ = anon("POST", lk["path"] + "/concerns",
                {"words": "Will our auditors accept it?"})
    expect_eq(r.status, 200, "concern added")
    items = srv.get("/api/v1/deals/%d/concerns" % deal["id"]).json["items"]
    added = [x for x in items if x["words"] == "Will our auditors accept it?"]
    expect_eq(len(added), 1, "one concern added")
    expect_eq(added[0]["source"], "buyer_link", "source")
    r, body = anon("POST", lk["path"] + "/concerns", {"words": "  "})
    expect_eq(r.status, 422, "empty words: %s" % body[:200])
    r, _ = anon("POST", "%s/concerns/%d/resolve" % (lk["path"], c["id"]),
                {})
    expect_eq(r.status, 200, "resolve")
    got = srv.get("/api/v1/concerns/%d" % c["id"]).json
    expect_eq(got["status"], "resolved", "confirmed resolved")
    page = srv.get("/deals/%d" % deal["id"]).body.decode()
    expect("Will our auditors accept it?" in page and
           "confirmed a concern resolved" in page, "on the timeline")
    audit = srv.get("/api/v1/audit?limit=50").json["items"]
    by_link = [a for a in audit if a["actor"]["kind"] == "buyer_link"]
    expect(len(by_link) >= 3, "audited as the link: %r" % by_link[:3])
    expect({a["entity"] for a in by_link} >= {"plan_step", "concern"},
           "entities: %r" % by_link)


def test_expired_revoked_unknown_and_other_deal_are_the_same_404():
    deal_a, _, mine_a, _, c_a = new_deal("Deal A")
    deal_b, _, mine_b, _, c_b = new_deal("Deal B")
    la = link(deal_a["id"])
    lb = link(deal_b["id"], days=1)
    bodies = []
    # another deal's step and concern through A's link
    for path in ("%s/plan/%d/done" % (la["path"], mine_b["id"]),
                 "%s/concerns/%d/resolve" % (la["path"], c_b["id"])):
        r, body = anon("POST", path, {})
        expect_eq(r.status, 404, path)
    r, body = anon("GET", "/buyer/" + "A" * 43)
    expect_eq(r.status, 404, "made up")
    bodies.append(body)
    r, body = anon("GET", "/buyer/short")
    expect_eq(r.status, 404, "wrong shape")
    bodies.append(body)
    r = srv.delete("/api/v1/deals/%d/links/%d" % (deal_a["id"], la["id"]))
    expect_eq(r.status, 204, "revoke")
    r, body = anon("GET", la["path"])
    expect_eq(r.status, 404, "revoked")
    bodies.append(body)
    r, body = anon("POST", la["path"] + "/concerns", {"words": "late"})
    expect_eq(r.status, 404, "revoked link cannot write")
    r = srv.delete("/api/v1/deals/%d/links/%d" % (deal_b["id"], la["id"]))
    expect_eq(r.status, 404, "a link is revoked through its own deal")
    # expiry: move B's link into the past in the database
    r, _ = anon("GET", lb["path"])
    expect_eq(r.status, 200, "B live")
    db = sqlite3.connect(srv.db, timeout=10)
    db.execute("UPDATE buyer_link SET expires_at = ? WHERE id = ?",
               (int(time.time()) - 1, lb["id"]))
    db.commit()
    db.close()
    r, body = anon("GET", lb["path"])
    expect_eq(r.status, 404, "expired")
    bodies.append(body)
    expect_eq(len(set(bodies)), 1, "one and the same 404 page")


def test_link_input_is_checked():
    deal, _, _, _, _ = new_deal("Checks")
    for bad, status in (({"days": 0}, 422), ({"days": 91}, 422),
                        ({"days": "7"}, 400), ({"ttl": 3}, 400)):
        r = srv.post("/api/v1/deals/%d/links" % deal["id"], bad)
        expect_eq(r.status, status, "%r: %r" % (bad, r))
    r = srv.post("/api/v1/deals/999999/links", {})
    expect_eq(r.status, 404, "no such deal")
    r = srv.request("POST", "/api/v1/deals/%d/links" % deal["id"], body={},
                    auth=False)
    expect_eq(r.status, 401, "making a link needs a login")


def run():
    global srv
    srv = Server(BIN)
    try:
        main([test_link_page_shows_only_the_plan,
              test_buyer_ticks_steps_adds_and_resolves_concerns,
              test_expired_revoked_unknown_and_other_deal_are_the_same_404,
              test_link_input_is_checked])
    finally:
        srv.stop()


if __name__ == "__main__":
    run()
