"""The deal side of the JSON API against the real server: deals with
everything nested, stage and status moves, the committee, the plan, the
concern ledger and its illegal moves, asks, readiness, stall and the
measures; and the bad input of each (400, 404, 405, 422, never a 500).

usage: test_api_deals.py RAPPORT_BINARY
"""
import datetime
import sys

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
S = None


def server():
    global S
    if S is None:
        S = Server(BIN)
    return S


def create(path, body):
    r = server().post(path, body)
    expect_eq(r.status, 201, "POST %s status (%r)" % (path, r))
    expect(r.headers.get("Location"), "Location header")
    return r.json


def problem(r, status, field=None):
    expect_eq(r.status, status, "status (%r)" % r)
    expect(r.headers["Content-Type"].startswith("application/problem+json"),
           "problem+json")
    if field is not None:
        expect_eq(r.json.get("field"), field, "problem field")
    expect(r.json["detail"], "a detail")
    return r.json


def setup_deal(owner="sam", source="inbound", **extra):
    org = create("/api/v1/organizations", {"name": "Org %s" % owner})
    ana = create("/api/v1/people", {"given_name": "Ana", "org_id": org["id"]})
    body = {"org_id": org["id"], "title": "Pilot", "source": source,
            "owner": owner}
    body.update(extra)
    return org, ana, create("/api/v1/deals", body)


def test_deal_create_get_patch_delete():
    s = server()
    org, ana, d = setup_deal(need="fewer outages\nand calmer nights",
                             value_minor=1250000, currency="EUR")
    expect_eq(d["stage"], "exploring", "default stage")
    expect_eq(d["status"], "open", "new deals are open")
    expect_eq(d["org_name"], org["name"], "org name")
    for k in ("stakeholders", "plan", "concerns", "events", "asks",
              "readiness", "stall"):
        expect(k in d, "nested %s" % k)
    expect_eq(d["events"][0]["kind"], "created", "created event")
    expect_eq(d["readiness"]["ready"], False, "not ready: no decision maker")
    expect_eq(d["stall"]["threshold_days"], 21, "default threshold")
    r = s.get("/api/v1/deals/%d" % d["id"])
    expect_eq(r.status, 200, "get")
    expect_eq(r.json["title"], "Pilot", "read back")
    r = s.patch("/api/v1/deals/%d" % d["id"], {"title": "Pilot, phase 2",
                                               "benefit": None})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq(r.json["title"], "Pilot, phase 2", "patched")
    expect_eq(r.json["need"], "fewer outages\nand calmer nights", "kept")
    # stage and status are read-only here: their POSTs record the move
    p = problem(s.patch("/api/v1/deals/%d" % d["id"], {"stage": "deciding"}),
                400, "stage")
    expect("/stage" in p["detail"], "points to the stage endpoint")
    problem(s.patch("/api/v1/deals/%d" % d["id"], {"status": "won"}),
            400, "status")
    expect_eq(s.delete("/api/v1/deals/%d" % d["id"]).status, 204, "delete")
    problem(s.get("/api/v1/deals/%d" % d["id"]), 404)
    problem(s.delete("/api/v1/deals/%d" % d["id"]), 404)


def test_deal_referral_and_list():
    s = server()
    org, ana, d = setup_deal(owner="lee")
    problem(s.post("/api/v1/deals", {"org_id": org["id"], "title": "x",
                                     "source": "referral"}),
            422, "referred_by")
    ref = create("/api/v1/deals", {"org_id": org["id"], "title": "Ref",
                                   "source": "referral",
                                   "referred_by": ana["id"], "owner": "lee"})
    expect_eq(ref["referred_by_name"], "Ana", "referred by")
    problem(s.post("/api/v1/deals", {"org_id": 999999, "title": "x",
                                     "source": "inbound"}), 422, "org_id")
    r = s.get("/api/v1/deals?owner=lee&limit=1")
    expect_eq(r.status, 200, "list")
    expect_eq(len(r.json["items"]), 1, "one per page")
    expect(r.json["next_cursor"], "a next page")
    r2 = s.get("/api/v1/deals?owner=lee&limit=1&cursor=" +
               r.json["next_cursor"])
    expect_eq(r2.json["items"][0]["id"], ref["id"], "second page")
    expect_eq(r2.json["next_cursor"], None, "last page")
    r = s.get("/api/v1/deals?org_id=%d&status=open&stage=exploring" %
              org["id"])
    expect_eq(len(r.json["items"]), 2, "filtered")
    problem(s.get("/api/v1/deals?status=closed"), 400, "status")
    problem(s.get("/api/v1/deals?stage=done"), 400, "stage")
    problem(s.get("/api/v1/deals?cursor=zz"), 400, "cursor")
    problem(s.get("/api/v1/deals?color=red"), 400)


def test_stage_moves_both_ways():
    s = server()
    _, _, d = setup_deal(owner="moe")
    path = "/api/v1/deals/%d/stage" % d["id"]
    r = s.post(path, {"stage": "trialing", "reason": "pilot agreed"})
    expect_eq(r.status, 200, "forward (%r)" % r)
    r = s.post(path, {"stage": "evaluating", "reason": "new stakeholder"})
    expect_eq(r.status, 200, "back")
    ev = r.json["events"]
    expect_eq([e["to"] for e in ev], ["exploring", "trialing", "evaluating"],
              "events")
    expect_eq(ev[2]["from"], "trialing", "from")
    expect_eq(ev[2]["reason"], "new stakeholder", "reason")
    problem(s.post(path, {"stage": "evaluating"}), 422, "stage")
    problem(s.post(path, {"stage": "closing"}), 400, "stage")
    problem(s.post(path, {}), 400, "stage")
    problem(s.post(path, {"stage": "deciding", "at": "2999-01-01T00:00:00Z"}),
            422, "at")
    problem(s.post("/api/v1/deals/999999/stage", {"stage": "deciding"}), 404)
    problem(s.get(path), 405)


def test_status_rules():
    s = server()
    _, _, d = setup_deal(owner="pat")
    path = "/api/v1/deals/%d/status" % d["id"]
    p = problem(s.post(path, {"status": "rescinded", "reason": "refund"}),
                422, "status")
    expect("won" in p["detail"], "says to win first: %s" % p["detail"])
    r = s.post(path, {"status": "won", "date": "2026-01-10"})
    expect_eq(r.status, 200, "won (%r)" % r)
    expect_eq(r.json["won_on"], "2026-01-10", "won_on")
    problem(s.post(path, {"status": "lost"}), 422, "status")
    problem(s.post(path, {"status": "rescinded"}), 422, "reason")
    problem(s.post(path, {"status": "rescinded", "reason": "x",
                          "date": "2026-01-01"}), 422, "date")
    r = s.post(path, {"status": "rescinded", "reason": "refund asked",
                      "date": "2026-02-01"})
    expect_eq(r.status, 200, "rescinded")
    expect_eq(r.json["won_on"], "2026-01-10", "won_on kept")
    expect_eq(r.json["status_reason"], "refund asked", "reason")
    problem(s.post(path, {"status": "open"}), 422, "status")
    problem(s.post(path, {"status": "won", "date": "2026-02-30"}), 400,
            "date")


def test_committee_and_plan():
    s = server()
    _, ana, d = setup_deal(owner="quinn")
    base = "/api/v1/deals/%d" % d["id"]
    k = create(base + "/stakeholders", {"person_id": ana["id"],
                                        "role": "champion",
                                        "stance": "supportive"})
    expect_eq(k["person_name"], "Ana", "name")
    problem(s.post(base + "/stakeholders", {"person_id": ana["id"],
                                            "role": "user"}), 409,
            "person_id")
    problem(s.post(base + "/stakeholders", {"person_id": 999999,
                                            "role": "user"}), 422,
            "person_id")
    problem(s.post(base + "/stakeholders", {"person_id": ana["id"],
                                            "role": "boss"}), 400, "role")
    r = s.patch("/api/v1/stakeholders/%d" % k["id"],
                {"role": "decision_maker"})
    expect_eq(r.status, 200, "patch stakeholder")
    expect_eq(s.get(base + "/stakeholders").json["items"][0]["role"],
              "decision_maker", "list")
    yesterday = (datetime.datetime.now(datetime.timezone.utc).date() -
                 datetime.timedelta(days=2)).isoformat()
    st = create(base + "/plan", {"title": "Security review", "side": "buyer",
                                 "due_on": yesterday,
                                 "owner_person_id": ana["id"]})
    expect_eq(st["position"], 0, "first step")
    st2 = create(base + "/plan", {"title": "Send quote", "side": "seller"})
    expect_eq(st2["position"], 1, "appended")
    r = s.get(base)
    expect_eq(r.json["readiness"]["overdue_buyer_steps"], 1, "overdue")
    expect(any("Security review" in m for m in
               r.json["readiness"]["missing"]), "named step")
    r = s.post("/api/v1/plan-steps/%d/done" % st["id"], {})
    expect_eq(r.status, 200, "done (%r)" % r)
    expect_eq(r.json["done"], True, "done")
    problem(s.post("/api/v1/plan-steps/%d/done" % st["id"], {}), 422, "done")
    expect_eq(s.get(base).json["readiness"]["ready"], True, "ready now")
    r = s.patch("/api/v1/plan-steps/%d" % st["id"], {"done": False})
    expect_eq(r.json["done_at"], None, "undone")
    problem(s.patch("/api/v1/plan-steps/%d" % st["id"],
                    {"done_at": "2026-01-01T00:00:00Z"}), 400, "done_at")
    problem(s.post(base + "/plan", {"title": "x", "side": "nobody"}), 400,
            "side")
    problem(s.post(base + "/plan", {"side": "buyer"}), 400, "title")
    expect_eq(s.get(base).json["readiness"]["ready"], False, "late again")
    expect_eq(s.delete("/api/v1/plan-steps/%d" % st2["id"]).status, 204,
              "delete step")
    expect_eq(s.delete("/api/v1/stakeholders/%d" % k["id"]).status, 204,
              "delete stakeholder")
    problem(s.get("/api/v1/deals/999999/plan"), 404)
    problem(s.get("/api/v1/deals/999999/stakeholders"), 404)


def test_concern_ledger():
    s = server()
    _, ana, d = setup_deal(owner="ray")
    base = "/api/v1/deals/%d" % d["id"]
    k = create(base + "/stakeholders", {"person_id": ana["id"],
                                        "role": "finance"})
    c = create(base + "/concerns", {"category": "price",
                                    "words": "It costs more than we planned",
                                    "raised_by": k["id"]})
    expect_eq(c["status"], "open", "new concern")
    expect_eq(c["raised_by_name"], "Ana", "raised by")
    cp = "/api/v1/concerns/%d" % c["id"]
    p = problem(s.post(cp + "/resolve", {}), 422, "status")
    expect("answer it first" in p["detail"], p["detail"])
    problem(s.post(cp + "/reopen", {}), 422, "status")
    problem(s.post(cp + "/answer", {}), 400, "answer")
    problem(s.post(cp + "/answer", {"answer": "   "}), 422, "answer")
    r = s.post(cp + "/answer", {"answer": "Shared the three-year cost model"})
    expect_eq(r.status, 200, "answered (%r)" % r)
    expect_eq(r.json["status"], "answered", "status")
    expect(r.json["answered_at"], "answered_at")
    r = s.post(cp + "/resolve", {})
    expect_eq(r.json["status"], "resolved", "resolved")
    expect(r.json["resolved_at"], "resolved_at")
    problem(s.post(cp + "/drop", {}), 422, "status")
    r = s.post(cp + "/reopen", {"reason": "budget cut"})
    expect_eq(r.json["status"], "open", "reopened")
    expect_eq(r.json["resolved_at"], None, "resolution undone")
    expect_eq(r.json["reopen_count"], 1, "count")
    r = s.post(cp + "/drop", {"reason": "no longer relevant"})
    expect_eq(r.json["status"], "dropped", "dropped")
    expect_eq(s.get(cp).json["reason"], "no longer relevant", "reason")
    problem(s.post(base + "/concerns", {"category": "mood", "words": "x"}),
            400, "category")
    problem(s.post(base + "/concerns", {"category": "risk", "words": "x",
                                        "status": "resolved"}), 400, "status")
    problem(s.post(base + "/concerns", {"category": "risk", "words": "x",
                                        "raised_by": 999999}), 422,
            "raised_by")
    problem(s.post("/api/v1/deals/999999/concerns",
                   {"category": "risk", "words": "x"}), 404)
    problem(s.post("/api/v1/concerns/999999/answer", {"answer": "x"}), 404)
    expect_eq(len(s.get(base + "/concerns").json["items"]), 1, "list")


def test_asks_flagged_and_stall():
    s = server()
    _, ana, d = setup_deal(owner="sue")
    base = "/api/v1/deals/%d" % d["id"]
    create(base + "/concerns", {"category": "timing",
                                "words": "Not before the audit"})
    create("/api/v1/interactions", {"kind": "ask", "people": [ana["id"]],
                                    "summary": "asked for the order",
                                    "deal_id": d["id"]})
    r = s.get(base)
    expect_eq(r.json["asks"]["count"], 1, "asks")
    expect_eq(r.json["asks"]["flagged"], 1, "flagged: a concern was open")
    expect(r.json["last_interaction"], "last interaction")
    r = s.get(base + "/readiness")
    expect_eq(r.status, 200, "readiness")
    expect_eq(r.json["readiness"]["open_concerns"], 1, "open concern")
    expect_eq(r.json["stall"]["stalled"], False, "fresh deal")
    problem(s.get(base + "?stall_days=0"), 400, "stall_days")
    problem(s.get("/api/v1/deals/999999/readiness"), 404)


def test_metrics():
    s = server()
    org = create("/api/v1/organizations", {"name": "Metrics Org"})
    ana = create("/api/v1/people", {"given_name": "Mia"})
    d1 = create("/api/v1/deals", {"org_id": org["id"], "title": "First",
                                  "source": "referral",
                                  "referred_by": ana["id"], "owner": "tia"})
    d2 = create("/api/v1/deals", {"org_id": org["id"], "title": "Second",
                                  "source": "inbound", "owner": "tia"})
    s.post("/api/v1/deals/%d/status" % d1["id"], {"status": "won"})
    s.post("/api/v1/deals/%d/status" % d2["id"], {"status": "won"})
    c = create("/api/v1/deals/%d/concerns" % d2["id"],
               {"category": "risk", "words": "What if it breaks?",
                "raised_at": "2026-01-01T00:00:00Z"})
    s.post("/api/v1/concerns/%d/answer" % c["id"],
           {"answer": "the runbook", "at": "2026-01-01T06:00:00Z"})
    r = s.get("/api/v1/metrics?owner=tia&from=2025-01-01")
    expect_eq(r.status, 200, "metrics (%r)" % r)
    m = r.json
    expect_eq(m["owner"], "tia", "owner")
    expect_eq(m["won"], 2, "won")
    expect_eq(m["win_rate"]["value"], 1.0, "win rate")
    expect_eq((m["repeat_business_rate"]["num"],
               m["repeat_business_rate"]["den"]), (1, 2), "repeat")
    expect_eq((m["referral_share"]["num"], m["referral_share"]["den"]),
              (1, 2), "referral share")
    expect_eq(m["time_to_answer"]["seconds"], 6 * 3600, "time to answer")
    expect_eq(m["by_owner"], [], "no breakdown for one owner")
    r = s.get("/api/v1/metrics")
    expect(any(o["owner"] == "tia" for o in r.json["by_owner"]), "by owner")
    problem(s.get("/api/v1/metrics?from=2026-13-01"), 400, "from")
    problem(s.get("/api/v1/metrics?from=2026-02-01&to=2026-01-01"), 400,
            "from")
    problem(s.get("/api/v1/metrics?stall_days=-1"), 400, "stall_days")
    problem(s.post("/api/v1/metrics", {}), 405)


def test_bad_bodies():
    s = server()
    _, _, d = setup_deal(owner="uma")
    for path in ("/api/v1/deals", "/api/v1/deals/%d/stage" % d["id"],
                 "/api/v1/deals/%d/status" % d["id"],
                 "/api/v1/deals/%d/concerns" % d["id"],
                 "/api/v1/deals/%d/plan" % d["id"],
                 "/api/v1/deals/%d/stakeholders" % d["id"]):
        r = s.request("POST", path, raw=b"{\"title\": ",
                      headers={"Content-Type": "application/json"})
        p = problem(r, 400, "body")
        expect("line" in p["detail"], "says where: %s" % p["detail"])
        problem(s.post(path, [1, 2]), 400)
        problem(s.post(path, {"nonsense": 1}), 400, "nonsense")
    problem(s.post("/api/v1/deals", {"org_id": "one", "title": "x",
                                     "source": "inbound"}), 400, "org_id")
    problem(s.post("/api/v1/deals", {"org_id": 1, "title": "x" * 201,
                                     "source": "inbound"}), 400, "title")
    problem(s.post("/api/v1/deals", {"org_id": 1, "title": "x",
                                     "source": "inbound",
                                     "value_minor": -5}), 400, "value_minor")
    problem(s.post("/api/v1/deals", {"org_id": 1, "title": "x",
                                     "source": "inbound",
                                     "value_minor": 5}), 422, "currency")
    problem(s.post("/api/v1/deals", {"org_id": 1, "title": "a\u0001b",
                                     "source": "inbound"}), 422, "title")
    problem(s.request("PUT", "/api/v1/deals/%d" % d["id"], body={}), 405)
    problem(s.get("/api/v1/deals/99999999999999999999"), 404)


if __name__ == "__main__":
    try:
        main([test_deal_create_get_patch_delete, test_deal_referral_and_list,
              test_stage_moves_both_ways, test_status_rules,
              test_committee_and_plan, test_concern_ledger,
              test_asks_flagged_and_stall, test_metrics, test_bad_bodies])
    finally:
        if S is not None:
            S.stop()
