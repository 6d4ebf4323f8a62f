"""The honest advisor's JSON API against the real server: the offering
catalogue, needs, fits with the ranking and its explanations (must-haves,
unknowns, sureness, value for money), recommendations of ours and of a
competitor's with their snapshot, the count in the measures; and the bad
input of every endpoint (400, 404, 405, 409, 422, never a 500).

usage: test_api_advisor.py RAPPORT_BINARY
"""
import sys

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
S = None
JSON = {"Content-Type": "application/json"}


def server():
    global S
    if S is None:
        S = Server(BIN)
    return S


def create(path, body, status=201):
    r = server().post(path, body)
    expect_eq(r.status, status, "POST %s status (%r)" % (path, r))
    return r.json


def problem(r, status, field=None):
    expect_eq(r.status, status, "status (%r)" % r)
    expect(r.headers["Content-Type"].startswith("application/problem+json"),
           "problem+json")
    if field is not None:
        expect_eq(r.json.get("field"), field, "problem field (%r)" % r)
    expect(r.json["detail"], "a detail")
    return r.json


COUNTER = [0]


def new_deal(value=1800000, currency="EUR", owner="sam"):
    COUNTER[0] += 1
    org = create("/api/v1/organizations",
                 {"name": "Advisor org %d" % COUNTER[0]})
    body = {"org_id": org["id"], "title": "Routes", "source": "inbound",
            "owner": owner}
    if value:
        body.update(value_minor=value, currency=currency)
    return create("/api/v1/deals", body)


def offering(vendor, name, ours, **kw):
    COUNTER[0] += 1
    body = {"vendor": vendor, "name": "%s %d" % (name, COUNTER[0]),
            "is_ours": ours}
    body.update(kw)
    return create("/api/v1/offerings", body)


def setup_example():
    """The worked example of docs/advisor.md (see test_advisor.c)."""
    s = server()
    d = new_deal()
    base = "/api/v1/deals/%d" % d["id"]
    needs = [create(base + "/needs", b) for b in (
        {"words": "offline in the hills", "weight": 5, "must_have": True},
        {"words": "learnt in a day", "weight": 3},
        {"words": "plans 40 stops", "weight": 4},
        {"words": "exports to accounting", "weight": 2})]
    a = offering("Us", "A", True, price_minor=480000, currency="EUR",
                 price_model="yearly")
    b = offering("Them", "B", False, price_minor=30000, currency="EUR",
                 price_model="monthly")
    c = offering("Others", "C", False, price_minor=1500, currency="EUR",
                 price_model="per_user_monthly")
    scores = [(4, 5, 2), (3, 4, 5), (5, 4, 5), (None, 2, 5)]
    for n, row in zip(needs, scores):
        for o, sc in zip((a, b, c), row):
            body = {"need_id": n["id"], "offering_id": o["id"],
                    "score": sc}
            if sc is not None:
                body["evidence"] = "seen in the trial"
                body["source"] = "trial, week 2"
            r = s.put(base + "/fit", body)
            expect(r.status in (200, 201), "put fit (%r)" % r)
    return d, needs, (a, b, c)


def test_offering_crud_and_list():
    s = server()
    o = offering("Acme", "Routes", True, price_minor=9900, currency="EUR",
                 price_model="monthly", notes="hills ok",
                 links=["https://acme.example/pricing"])
    expect_eq(o["is_ours"], True, "ours")
    expect_eq(o["links"], ["https://acme.example/pricing"], "links")
    r = s.get("/api/v1/offerings/%d" % o["id"])
    expect_eq(r.status, 200, "get")
    expect_eq(r.json["price_model"], "monthly", "price model")
    r = s.patch("/api/v1/offerings/%d" % o["id"],
                {"notes": None, "links": [], "price_model": "quote"})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq(r.json["notes"], None, "notes cleared")
    expect_eq(r.json["links"], [], "links cleared")
    theirs = offering("Rival", "Maps", False)
    expect_eq(theirs["price_model"], "yearly", "default price model")
    r = s.get("/api/v1/offerings?is_ours=false&limit=500")
    ids = [x["id"] for x in r.json["items"]]
    expect(theirs["id"] in ids and o["id"] not in ids, "ours filter")
    r = s.get("/api/v1/offerings?limit=1")
    expect(r.json["next_cursor"], "paged")
    r2 = s.get("/api/v1/offerings?limit=1&cursor=" + r.json["next_cursor"])
    expect(r2.json["items"][0]["id"] > r.json["items"][0]["id"], "page 2")
    expect_eq(s.delete("/api/v1/offerings/%d" % theirs["id"]).status, 204,
              "delete")
    problem(s.get("/api/v1/offerings/%d" % theirs["id"]), 404)
    problem(s.delete("/api/v1/offerings/%d" % theirs["id"]), 404)
    problem(s.patch("/api/v1/offerings/999999", {"notes": "x"}), 404)


def test_offering_bad_input():
    s = server()
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N"}), 400,
            "is_ours")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "is_ours": True}),
            400, "name")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": "yes"}), 400, "is_ours")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False, "colour": 1}),
            400, "colour")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False, "id": 3}),
            400, "id")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False,
                                         "price_model": "weekly"}),
            400, "price_model")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False,
                                         "price_minor": -1}),
            400, "price_minor")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False,
                                         "price_minor": 100}),
            422, "currency")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False,
                                         "links": ["javascript:alert(1)"]}),
            422, "links[0]")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False,
                                         "links": "https://x.example"}),
            400, "links")
    problem(s.post("/api/v1/offerings", {"vendor": "V", "name": "N",
                                         "is_ours": False,
                                         "links": [1]}), 400, "links[0]")
    problem(s.post("/api/v1/offerings", {"vendor": " ", "name": "N",
                                         "is_ours": False}), 422, "vendor")
    problem(s.post("/api/v1/offerings", {"vendor": "V" * 201, "name": "N",
                                         "is_ours": False}), 400, "vendor")
    create("/api/v1/offerings", {"vendor": "Dup", "name": "Same",
                                 "is_ours": False})
    problem(s.post("/api/v1/offerings", {"vendor": "Dup", "name": "Same",
                                         "is_ours": True}), 409, "name")
    problem(s.get("/api/v1/offerings?is_ours=maybe"), 400, "is_ours")
    problem(s.get("/api/v1/offerings?cursor=zz"), 400, "cursor")
    problem(s.get("/api/v1/offerings?colour=red"), 400)
    problem(s.request("PUT", "/api/v1/offerings", body={}), 405)
    r = s.request("POST", "/api/v1/offerings", raw=b"{bad", headers=JSON)
    problem(r, 400, "body")


def test_needs_crud_and_bad_input():
    s = server()
    d = new_deal()
    base = "/api/v1/deals/%d/needs" % d["id"]
    n = create(base, {"words": "works offline\nin the hills"})
    expect_eq(n["weight"], 3, "default weight")
    expect_eq(n["must_have"], False, "default not a must-have")
    r = s.patch("/api/v1/needs/%d" % n["id"], {"weight": 5,
                                               "must_have": True})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq(r.json["weight"], 5, "weight")
    expect_eq(r.json["words"], "works offline\nin the hills", "kept")
    expect_eq(s.get("/api/v1/needs/%d" % n["id"]).json["must_have"], True,
              "get")
    r = s.get(base)
    expect_eq([x["id"] for x in r.json["items"]], [n["id"]], "list")
    problem(s.post(base, {"weight": 2}), 400, "words")
    problem(s.post(base, {"words": "x", "weight": 6}), 400, "weight")
    problem(s.post(base, {"words": "x", "weight": "high"}), 400, "weight")
    problem(s.post(base, {"words": "x", "must_have": 1}), 400, "must_have")
    problem(s.post(base, {"words": "x", "deal_id": 3}), 400, "deal_id")
    problem(s.post(base, {"words": "   "}), 422, "words")
    problem(s.post(base, {"words": "bad\u0001"}), 422, "words")
    problem(s.patch("/api/v1/needs/%d" % n["id"], {"weight": None}), 400,
            "weight")
    problem(s.post("/api/v1/deals/999999/needs", {"words": "x"}), 404)
    problem(s.get("/api/v1/deals/999999/needs"), 404)
    problem(s.get("/api/v1/needs/999999"), 404)
    problem(s.patch("/api/v1/needs/999999", {"weight": 2}), 404)
    problem(s.request("PUT", "/api/v1/needs/%d" % n["id"], body={}), 405)
    for i in range(29):
        create(base, {"words": "need %d" % i})
    problem(s.post(base, {"words": "one too many"}), 409)
    expect_eq(s.delete("/api/v1/needs/%d" % n["id"]).status, 204, "delete")
    problem(s.delete("/api/v1/needs/%d" % n["id"]), 404)


def test_fit_ranking_explained():
    s = server()
    d, needs, (a, b, c) = setup_example()
    r = s.get("/api/v1/deals/%d/fit" % d["id"])
    expect_eq(r.status, 200, "fit (%r)" % r)
    j = r.json
    expect_eq(len(j["needs"]), 4, "needs")
    expect_eq(len(j["offerings"]), 3, "offerings compared")
    rk = j["ranking"]
    expect_eq([x["offering_id"] for x in rk], [a["id"], b["id"], c["id"]],
              "order")
    expect_eq([x["place"] for x in rk], [1, 2, 3], "places")
    expect_eq(rk[0]["score"], 4.08, "A: 49/12")
    expect_eq(rk[0]["score_min"], 3.5, "A min")
    expect_eq(rk[0]["score_max"], 4.21, "A max")
    expect_eq(rk[0]["unknown_needs"], 1, "A unknowns")
    expect_eq(rk[1]["score"], 4.07, "B: 57/14")
    expect_eq(rk[2]["fits"], False, "C fails a must-have")
    expect_eq(rk[2]["must_haves_failed"][0]["need_id"], needs[0]["id"],
              "which")
    expect_eq(rk[2]["must_haves_failed"][0]["score"], 2, "its score")
    expect("Does not fit" in rk[2]["reasons"], "C's reason")
    expect_eq(rk[0]["value_for_money"]["ratio"], 3.75, "A vfm")
    expect_eq(rk[1]["value_for_money"]["yearly_cost_minor"], 360000,
              "B yearly")
    expect_eq(rk[2]["value_for_money"]["state"], "per_user", "C per user")
    su = j["sureness"]
    expect_eq(su["level"], "fragile", "sureness")
    expect_eq(su["change"], {"kind": "score", "need_id": needs[0]["id"],
                             "offering_id": a["id"], "from": 4, "to": 3},
              "smallest change")
    expect_eq(j["unknown_count"], 1, "one unknown")
    u = j["unknowns"][0]
    expect_eq((u["need_id"], u["offering_id"], u["changes_first"]),
              (needs[3]["id"], a["id"], True), "the unknown that matters")
    expect(u["text"].startswith("How well"), "its sentence")


def test_fit_bad_input_and_drop():
    s = server()
    d, needs, (a, b, c) = setup_example()
    base = "/api/v1/deals/%d/fit" % d["id"]
    other = new_deal()
    on = create("/api/v1/deals/%d/needs" % other["id"], {"words": "x"})
    problem(s.put(base, {"need_id": needs[0]["id"], "offering_id": a["id"],
                         "score": 4}), 422, "evidence")
    problem(s.put(base, {"need_id": needs[0]["id"], "offering_id": a["id"],
                         "score": 6, "evidence": "x"}), 400, "score")
    problem(s.put(base, {"need_id": needs[0]["id"], "offering_id": a["id"],
                         "score": 3.5, "evidence": "x"}), 400, "score")
    problem(s.put(base, {"need_id": needs[0]["id"], "offering_id": a["id"],
                         "score": "4", "evidence": "x"}), 400, "score")
    problem(s.put(base, {"offering_id": a["id"]}), 400, "need_id")
    problem(s.put(base, {"need_id": needs[0]["id"]}), 400, "offering_id")
    problem(s.put(base, {"need_id": on["id"], "offering_id": a["id"]}),
            422, "need_id")
    problem(s.put(base, {"need_id": needs[0]["id"], "offering_id": 999999}),
            422, "offering_id")
    problem(s.put(base, {"need_id": 0, "offering_id": a["id"]}), 400,
            "need_id")
    problem(s.put("/api/v1/deals/999999/fit",
                  {"need_id": needs[0]["id"], "offering_id": a["id"]}), 404)
    problem(s.get("/api/v1/deals/999999/fit"), 404)
    problem(s.patch(base, {}), 405)
    # a POST sets the same way; unknown again with a note
    r = s.post(base, {"need_id": needs[0]["id"], "offering_id": a["id"],
                      "score": None, "evidence": "asking their IT"})
    expect_eq(r.status, 200, "replaced (%r)" % r)
    expect_eq(r.json["score"], None, "unknown")
    problem(s.delete(base), 400, "offering_id")
    problem(s.delete(base + "?offering_id=abc"), 400, "offering_id")
    expect_eq(s.delete(base + "?offering_id=%d" % c["id"]).status, 204,
              "take C out")
    problem(s.delete(base + "?offering_id=%d" % c["id"]), 404)
    r = s.get(base)
    expect_eq(len(r.json["ranking"]), 2, "two left")


def test_recommendations_ours_and_competitor():
    s = server()
    d, needs, (a, b, c) = setup_example()
    base = "/api/v1/deals/%d/recommendations" % d["id"]
    m0 = s.get("/api/v1/metrics").json["recommendations"]
    rec = create(base, {"offering_id": b["id"],
                        "rationale": "B meets everything they named and "
                                     "costs less; A only wins by a hair"})
    expect_eq(rec["is_ours"], False, "a competitor's")
    expect_eq(rec["offering_name"], b["name"], "name copied")
    expect_eq(rec["ranking"]["ranking"][0]["offering_id"], a["id"],
              "the snapshot")
    expect_eq(rec["ranking"]["sureness"]["level"], "fragile",
              "snapshot sureness")
    rec2 = create(base, {"offering_id": a["id"], "rationale": "after all"})
    expect_eq(rec2["is_ours"], True, "ours")
    r = s.get(base)
    expect_eq([x["id"] for x in r.json["items"]], [rec2["id"], rec["id"]],
              "newest first")
    m = s.get("/api/v1/metrics").json["recommendations"]
    expect_eq(m["total"], m0["total"] + 2, "counted")
    expect_eq(m["competitor"], m0["competitor"] + 1, "competitor counted")
    m = s.get("/api/v1/metrics?owner=nobody").json["recommendations"]
    expect_eq(m, {"total": 0, "competitor": 0}, "per owner")
    # the snapshot stays as it was when the scores change
    s.put("/api/v1/deals/%d/fit" % d["id"],
          {"need_id": needs[3]["id"], "offering_id": a["id"], "score": 0,
           "evidence": "no export"})
    r = s.get(base)
    expect_eq(r.json["items"][1]["ranking"]["ranking"][0]["offering_id"],
              a["id"], "snapshot unchanged")
    expect_eq(s.get("/api/v1/deals/%d/fit" % d["id"]).json["ranking"][0]
              ["offering_id"], b["id"], "B first now")
    problem(s.post(base, {"offering_id": b["id"]}), 400, "rationale")
    problem(s.post(base, {"offering_id": b["id"], "rationale": " "}), 422,
            "rationale")
    problem(s.post(base, {"rationale": "x"}), 400, "offering_id")
    problem(s.post(base, {"offering_id": 999999, "rationale": "x"}), 422,
            "offering_id")
    problem(s.post(base, {"offering_id": b["id"], "rationale": "x",
                          "is_ours": True}), 400, "is_ours")
    problem(s.post("/api/v1/deals/999999/recommendations",
                   {"offering_id": b["id"], "rationale": "x"}), 404)
    problem(s.get("/api/v1/deals/999999/recommendations"), 404)
    problem(s.delete(base), 405)


def test_empty_deal_and_no_benefit():
    s = server()
    d = new_deal(value=0)
    r = s.get("/api/v1/deals/%d/fit" % d["id"])
    expect_eq(r.status, 200, "empty fit")
    expect_eq(r.json["ranking"], [], "nothing compared")
    expect_eq(r.json["sureness"]["level"], "none", "none")
    n = create("/api/v1/deals/%d/needs" % d["id"], {"words": "x"})
    o = offering("Solo", "S", False)
    s.put("/api/v1/deals/%d/fit" % d["id"],
          {"need_id": n["id"], "offering_id": o["id"]})
    r = s.get("/api/v1/deals/%d/fit" % d["id"])
    rk = r.json["ranking"][0]
    expect_eq(rk["score"], None, "unknown is not zero")
    expect_eq((rk["score_min"], rk["score_max"]), (0, 5), "full range")
    expect_eq(rk["value_for_money"]["state"], "no_benefit", "no benefit")


def test_never_500():
    s = server()
    for path in ("/api/v1/offerings", "/api/v1/deals/1/needs",
                 "/api/v1/deals/1/fit", "/api/v1/deals/1/recommendations"):
        for raw in (b"", b"[]", b"null", b"{\"x\":", b"\xff\xfe",
                    b"{\"need_id\": 1e400}", b"{\"score\": {}}"):
            r = s.request("POST", path, raw=raw, headers=JSON)
            expect(r.status < 500, "%s %r: %r" % (path, raw, r))
    rc, err = s.stop()
    globals()["S"] = None
    expect_eq(rc, 0, "server exit (%s)" % err[-2000:])


if __name__ == "__main__":
    main([test_offering_crud_and_list, test_offering_bad_input,
          test_needs_crud_and_bad_input, test_fit_ranking_explained,
          test_fit_bad_input_and_drop,
          test_recommendations_ours_and_competitor,
          test_empty_deal_and_no_benefit, test_never_500])
