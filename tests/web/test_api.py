"""The JSON API against the real server: every endpoint, paging, filters,
the daily list, search, and the shapes of the answers.

usage: test_api.py RAPPORT_BINARY
Bad input has its own file, test_bad_input.py; the server's life (start,
stop, refusals, the home page) is in test_server.py.
"""
import datetime
import sys
import threading

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


def test_healthz():
    r = server().get("/healthz")
    expect_eq(r.status, 200, "status")
    expect_eq(r.json["status"], "ok", "health")
    expect(r.headers["Content-Type"].startswith("application/json"),
           "json content type")


def test_people_crud():
    s = server()
    org = create("/api/v1/organizations",
                 {"name": "Acme Ltd", "domain": "acme.example"})
    p = create("/api/v1/people", {
        "given_name": "Ana", "family_name": "Silva", "org_id": org["id"],
        "title": "CTO", "how_met": "conference", "met_on": "2023-05-04",
        "cadence_days": 30, "cadence_max_days": 45, "notes": "likes tea",
        "tags": ["client", "vip"],
        "contacts": [{"kind": "email", "label": "work",
                      "value": "ana@acme.example"}]})
    expect_eq(p["given_name"], "Ana", "given_name")
    expect_eq(p["org_name"], "Acme Ltd", "org_name")
    expect_eq(p["met_on"], "2023-05-04", "met_on")
    expect_eq(sorted(p["tags"]), ["client", "vip"], "tags")
    expect_eq(p["contacts"][0]["value"], "ana@acme.example", "contact")
    expect_eq(p["last_touch"], None, "last_touch")
    expect(p["created_at"].endswith("Z"), "created_at is UTC RFC 3339")
    r = s.get("/api/v1/people/%d" % p["id"])
    expect_eq(r.status, 200, "get")
    expect_eq(r.json, p, "read back")
    # PATCH merges: only the given fields change; null clears.
    r = s.patch("/api/v1/people/%d" % p["id"],
                {"title": "CEO", "notes": None, "tags": ["vip"]})
    expect_eq(r.status, 200, "patch (%r)" % r)
    q = r.json
    expect_eq(q["title"], "CEO", "patched title")
    expect_eq(q["notes"], None, "cleared notes")
    expect_eq(q["tags"], ["vip"], "replaced tags")
    expect_eq(q["family_name"], "Silva", "untouched field")
    expect_eq(q["contacts"][0]["value"], "ana@acme.example", "contacts kept")
    r = s.delete("/api/v1/people/%d" % p["id"])
    expect_eq(r.status, 204, "delete")
    expect_eq(r.body, b"", "no body on 204")
    expect_eq(s.get("/api/v1/people/%d" % p["id"]).status, 404,
              "gone after delete")
    expect_eq(s.delete("/api/v1/people/%d" % p["id"]).status, 404,
              "second delete")


def walk(path):
    """Follows next_cursor to the end; returns every item's id."""
    ids, url, pages = [], path, 0
    while True:
        r = server().get(url)
        expect_eq(r.status, 200, "GET %s (%r)" % (url, r))
        ids += [x["id"] for x in r.json["items"]]
        pages += 1
        cur = r.json["next_cursor"]
        if cur is None:
            return ids, pages
        sep = "&" if "?" in path else "?"
        url = path + sep + "cursor=" + cur


def test_people_paging_and_filters():
    org = create("/api/v1/organizations", {"name": "Paging Co"})
    made, tagged, in_org = [], [], []
    for i in range(7):
        body = {"given_name": "Pager%d" % i}
        if i % 2 == 0:
            body["tags"] = ["paged"]
        if i % 3 == 0:
            body["org_id"] = org["id"]
        p = create("/api/v1/people", body)
        made.append(p["id"])
        if i % 2 == 0:
            tagged.append(p["id"])
        if i % 3 == 0:
            in_org.append(p["id"])
    ids, pages = walk("/api/v1/people?limit=3")
    expect(set(made) <= set(ids), "every person listed")
    expect_eq(ids, sorted(ids), "by id")
    expect_eq(len(ids), len(set(ids)), "no repeats across pages")
    expect(pages >= 3, "several pages")
    ids, _ = walk("/api/v1/people?tag=paged&limit=2")
    expect_eq(ids, tagged, "tag filter")
    ids, _ = walk("/api/v1/people?org_id=%d&limit=1" % org["id"])
    expect_eq(ids, in_org, "org filter")
    ids, _ = walk("/api/v1/people?tag=paged&org_id=%d" % org["id"])
    expect_eq(ids, [x for x in tagged if x in in_org], "both filters")
    r = server().get("/api/v1/people?tag=nosuchtag")
    expect_eq(r.json, {"items": [], "next_cursor": None}, "empty list")


def test_orgs_crud():
    s = server()
    o = create("/api/v1/organizations",
               {"name": "Globex", "industry": "energy", "notes": "big"})
    expect_eq(o["name"], "Globex", "name")
    r = s.patch("/api/v1/organizations/%d" % o["id"],
                {"domain": "globex.example"})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq(r.json["domain"], "globex.example", "domain")
    expect_eq(r.json["industry"], "energy", "kept")
    p = create("/api/v1/people", {"given_name": "Hank", "org_id": o["id"]})
    ids, _ = walk("/api/v1/organizations?limit=2")
    expect(o["id"] in ids, "listed")
    expect_eq(s.delete("/api/v1/organizations/%d" % o["id"]).status, 204,
              "delete")
    expect_eq(s.get("/api/v1/organizations/%d" % o["id"]).status, 404,
              "gone")
    r = s.get("/api/v1/people/%d" % p["id"])
    expect_eq(r.json["org_id"], None, "person left without org")


def test_facts_crud():
    s = server()
    p = create("/api/v1/people", {"given_name": "Fay"})
    f = create("/api/v1/people/%d/facts" % p["id"],
               {"kind": "family", "label": "daughter", "value": "Maya, 7",
                "learned_on": "2024-01-02"})
    expect_eq(f["person_id"], p["id"], "person_id from the URL")
    expect_eq(f["kind"], "family", "kind")
    expect_eq(f["learned_on"], "2024-01-02", "learned_on")
    r = s.get("/api/v1/facts/%d" % f["id"])
    expect_eq(r.json, f, "read back")
    r = s.patch("/api/v1/facts/%d" % f["id"], {"value": "Maya, 8"})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq(r.json["value"], "Maya, 8", "patched")
    create("/api/v1/people/%d/facts" % p["id"],
           {"kind": "like", "value": "oat flat white"})
    r = s.get("/api/v1/people/%d/facts" % p["id"])
    expect_eq(len(r.json["items"]), 2, "two facts")
    expect_eq(s.delete("/api/v1/facts/%d" % f["id"]).status, 204, "delete")
    expect_eq(s.get("/api/v1/facts/%d" % f["id"]).status, 404, "gone")
    expect_eq(s.get("/api/v1/people/999999/facts").status, 404,
              "facts of a missing person")
    r = s.post("/api/v1/people/999999/facts", {"kind": "like", "value": "x"})
    expect_eq(r.status, 404, "fact on a missing person")


def test_dates_crud():
    s = server()
    p = create("/api/v1/people", {"given_name": "Dan"})
    d = create("/api/v1/people/%d/dates" % p["id"],
               {"kind": "birthday", "month": 2, "day": 29, "year": None})
    expect_eq((d["month"], d["day"], d["year"]), (2, 29, None), "date")
    expect_eq(d["remind_days"], 14, "default remind_days")
    r = s.patch("/api/v1/dates/%d" % d["id"],
                {"year": 1984, "remind_days": 7})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq((r.json["year"], r.json["remind_days"]), (1984, 7), "patched")
    r = s.patch("/api/v1/dates/%d" % d["id"], {"year": 1985})
    expect_eq(r.status, 422, "29 February in a common year (%r)" % r)
    expect_eq(r.json["field"], "day", "field named")
    expect_eq(s.get("/api/v1/dates/%d" % d["id"]).json["year"], 1984,
              "unchanged after a refused patch")
    c = create("/api/v1/people/%d/dates" % p["id"],
               {"kind": "custom", "label": "first deal", "month": 6,
                "day": 1, "year": 2020})
    r = s.get("/api/v1/people/%d/dates" % p["id"])
    expect_eq(sorted(x["id"] for x in r.json["items"]),
              sorted([d["id"], c["id"]]), "listed")
    expect_eq(s.delete("/api/v1/dates/%d" % c["id"]).status, 204, "delete")
    expect_eq(s.get("/api/v1/dates/%d" % c["id"]).status, 404, "gone")


def test_interactions_crud():
    s = server()
    a = create("/api/v1/people", {"given_name": "Ivy"})
    b = create("/api/v1/people", {"given_name": "Ike"})
    made = []
    for i, when in enumerate(["2024-03-01T10:00:00Z", "2024-05-01T10:00:00Z",
                              "2024-04-01T10:00:00+02:00"]):
        it = create("/api/v1/interactions",
                    {"kind": "call", "summary": "call %d" % i,
                     "occurred_at": when, "people": [a["id"], b["id"]],
                     "follow_up_on": "2024-06-01"})
        made.append(it)
    expect_eq(made[2]["occurred_at"], "2024-04-01T08:00:00Z", "to UTC")
    expect_eq(made[0]["people"], [a["id"], b["id"]], "people")
    r = s.get("/api/v1/people/%d" % a["id"])
    expect_eq(r.json["last_touch"], "2024-05-01T10:00:00Z", "last touch")
    # A timeline is newest first.
    r = s.get("/api/v1/interactions?person_id=%d" % a["id"])
    expect_eq([x["summary"] for x in r.json["items"]],
              ["call 1", "call 2", "call 0"], "timeline order")
    ids, pages = walk("/api/v1/interactions?person_id=%d&limit=1" % a["id"])
    expect_eq(len(ids), 3, "timeline paged")
    expect_eq(pages, 3, "one per page")
    r = s.patch("/api/v1/interactions/%d" % made[0]["id"],
                {"follow_up_done": True, "notes": "went well"})
    expect_eq(r.status, 200, "patch (%r)" % r)
    expect_eq(r.json["follow_up_done"], True, "done")
    # Made now when the body does not say when.
    it = create("/api/v1/interactions",
                {"kind": "note", "summary": "now", "people": [b["id"]]})
    expect(it["occurred_at"].startswith(
        datetime.datetime.utcnow().strftime("%Y-%m-%d")[:7]), "now")
    expect_eq(s.delete("/api/v1/interactions/%d" % it["id"]).status, 204,
              "delete")
    expect_eq(s.get("/api/v1/interactions/%d" % it["id"]).status, 404,
              "gone")
    expect_eq(s.get("/api/v1/interactions?person_id=999999").status, 404,
              "timeline of a missing person")


def test_relationships():
    s = server()
    r = s.get("/api/v1/relationship-types")
    expect_eq(r.status, 200, "types")
    names = [t["name"] for t in r.json["items"]]
    t = create("/api/v1/relationship-types",
               {"name": "mentor", "label": "mentor of",
                "inverse_label": "mentored by"})
    expect_eq(t["builtin"], False, "not builtin")
    sym = create("/api/v1/relationship-types",
                 {"name": "old friend", "label": "old friend of"})
    expect_eq(sym["inverse_label"], "old friend of", "symmetric")
    a = create("/api/v1/people", {"given_name": "Rosa"})
    b = create("/api/v1/people", {"given_name": "Ravi"})
    rel = create("/api/v1/relationships",
                 {"type": "mentor", "from_id": a["id"], "to_id": b["id"],
                  "notes": "since 2019"})
    expect_eq(rel["type_id"], t["id"], "type resolved by name")
    r = s.get("/api/v1/people/%d/relationships" % a["id"])
    expect_eq(r.status, 200, "list")
    x = r.json["items"][0]
    expect_eq((x["label"], x["other_id"], x["other_label"]),
              ("mentor of", b["id"], "mentored by"), "from a's side")
    r = s.get("/api/v1/people/%d/relationships" % b["id"])
    x = r.json["items"][0]
    expect_eq((x["label"], x["other_id"], x["other_name"], x["other_label"]),
              ("mentored by", a["id"], "Rosa", "mentor of"), "from b's side")
    r = s.post("/api/v1/relationships",
               {"type_id": t["id"], "from_id": a["id"], "to_id": 999999})
    expect_eq(r.status, 422, "missing person (%r)" % r)
    r = s.post("/api/v1/relationships",
               {"type": "nosuchtype", "from_id": a["id"], "to_id": b["id"]})
    expect_eq(r.status, 422, "missing type")
    expect_eq(r.json["field"], "type", "field")
    r = s.delete("/api/v1/relationship-types/%d" % t["id"])
    expect_eq(r.status, 409, "type in use (%r)" % r)
    expect_eq(s.get("/api/v1/relationships/%d" % rel["id"]).json["id"],
              rel["id"], "get one")
    expect_eq(s.delete("/api/v1/relationships/%d" % rel["id"]).status, 204,
              "delete")
    expect_eq(s.get("/api/v1/people/%d/relationships" % a["id"]).json[
        "items"], [], "none left")
    expect_eq(s.delete("/api/v1/relationship-types/%d" % t["id"]).status,
              204, "unused type deleted")
    builtin = [x for x in s.get("/api/v1/relationship-types").json["items"]
               if x["builtin"]]
    if builtin:
        r = s.delete("/api/v1/relationship-types/%d" % builtin[0]["id"])
        expect_eq(r.status, 409, "builtin type kept")
    expect(names is not None, "listed")


def test_tags():
    s = server()
    create("/api/v1/people", {"given_name": "Tia", "tags": ["golfers"]})
    r = s.put("/api/v1/tags/golfers",
              {"cadence_days": 30, "cadence_max_days": 60})
    expect_eq(r.status, 200, "put (%r)" % r)
    expect_eq((r.json["name"], r.json["cadence_days"],
               r.json["cadence_max_days"], r.json["people"]),
              ("golfers", 30, 60, 1), "tag")
    r = s.put("/api/v1/tags/newtag", {"cadence_days": 7})
    expect_eq(r.status, 200, "new tag")
    tags = {t["name"]: t for t in s.get("/api/v1/tags").json["items"]}
    expect_eq(tags["newtag"]["cadence_days"], 7, "listed")
    r = s.put("/api/v1/tags/Bad%20Name", {"cadence_days": 7})
    expect_eq(r.status, 422, "bad tag name (%r)" % r)
    r = s.put("/api/v1/tags/golfers",
              {"cadence_days": 30, "cadence_max_days": 10})
    expect_eq(r.status, 422, "max below ideal")


def iso(d):
    return d.strftime("%Y-%m-%d")


def test_today_fixed_data():
    """A fresh database with known people, dates and follow-ups."""
    s = Server(BIN)
    try:
        now = datetime.datetime.now(datetime.timezone.utc)
        today = now.date()
        due = s.post("/api/v1/people",
                     {"given_name": "Olga", "cadence_days": 7}).json
        fresh = s.post("/api/v1/people",
                       {"given_name": "Fred", "cadence_days": 30}).json
        s.post("/api/v1/people", {"given_name": "Nocadence"})
        old = (now - datetime.timedelta(days=10)).strftime(
            "%Y-%m-%dT%H:%M:%SZ")
        r = s.post("/api/v1/interactions",
                   {"kind": "call", "summary": "catch up", "occurred_at": old,
                    "people": [due["id"]],
                    "follow_up_on": iso(today - datetime.timedelta(days=3))})
        expect_eq(r.status, 201, "interaction (%r)" % r)
        s.post("/api/v1/interactions",
               {"kind": "email", "summary": "hello", "people": [fresh["id"]]})
        soon = today + datetime.timedelta(days=5)
        s.post("/api/v1/people/%d/dates" % fresh["id"],
               {"kind": "birthday", "month": soon.month, "day": soon.day,
                "year": soon.year - 40} if not (soon.month == 2 and
                                                soon.day == 29) else
               {"kind": "birthday", "month": 3, "day": 1, "year": 1980})
        far = today + datetime.timedelta(days=100)
        s.post("/api/v1/people/%d/dates" % due["id"],
               {"kind": "anniversary", "month": far.month, "day": far.day,
                "remind_days": 7})
        r = s.get("/api/v1/today?days=14&tz_offset=%2B00:00")
        expect_eq(r.status, 200, "today (%r)" % r)
        t = r.json
        expect_eq(t["date"], iso(today), "today's date")
        expect_eq([d["person_id"] for d in t["due"]], [due["id"]], "due")
        expect_eq(t["due"][0]["days_overdue"], 3, "days overdue")
        expect_eq(t["due"][0]["cadence"]["source"], "own", "source")
        expect_eq([d["person_id"] for d in t["dates"]], [fresh["id"]],
                  "dates in range")
        if not (soon.month == 2 and soon.day == 29):
            expect_eq((t["dates"][0]["in_days"], t["dates"][0]["turns"]),
                      (5, 40), "in 5 days, turns 40")
        expect_eq([f["summary"] for f in t["followups"]], ["catch up"],
                  "follow-ups")
        expect_eq(t["followups"][0]["days_late"], 3, "days late")
        expect_eq(t["totals"], {"due": 1, "past_max": 0, "dates": 1,
                                "followups": 1}, "totals")
        r = s.get("/api/v1/today?days=14&tz_offset=Z&limit=1&offset=1")
        expect_eq(r.status, 200, "paged (%r)" % r)
        expect_eq((r.json["due"], r.json["dates"], r.json["followups"]),
                  ([], [], []), "past the end of each list")
        expect_eq(r.json["totals"]["due"], 1, "totals stay")
        for bad in ("limit=0", "limit=501", "offset=-1", "limit=x"):
            r = s.get("/api/v1/today?" + bad)
            expect_eq(r.status, 400, "%s (%r)" % (bad, r))
        r = s.get("/api/v1/today?tz_offset=-05:00")
        expect_eq(r.status, 200, "negative offset")
        r = s.get("/api/v1/today?tz_offset=+01:00")
        expect_eq(r.status, 200, "a + decoded as a space is accepted")
        r = s.get("/api/v1/today?days=400")
        expect_eq(r.status, 400, "days out of range")
        r = s.get("/api/v1/today?tz_offset=25:00")
        expect_eq(r.status, 400, "bad offset")
        expect_eq(r.json["field"], "tz_offset", "field")
    finally:
        s.stop()


def test_search_prefix_and_rank():
    s = Server(BIN)
    try:
        org = s.post("/api/v1/organizations", {"name": "Anatolia Foods"}).json
        ids = {}
        for given, family, extra in [
                ("Ana", "Lima", {}), ("Anabel", "Costa", {}),
                ("Bruno", "Banana", {}), ("Carla", "Mendes",
                                          {"org_id": org["id"]}),
                ("Zed", "Ng", {"notes": "met at the analytics meetup"})]:
            body = {"given_name": given, "family_name": family}
            body.update(extra)
            ids[given] = s.post("/api/v1/people", body).json["id"]
        r = s.get("/api/v1/search?q=ana")
        expect_eq(r.status, 200, "search (%r)" % r)
        got = [h["person_id"] for h in r.json["items"]]
        expect(ids["Ana"] in got and ids["Anabel"] in got, "name prefix")
        expect(ids["Carla"] in got, "organization prefix")
        expect(ids["Bruno"] not in got, "not a word start")
        expect(got.index(ids["Ana"]) < got.index(ids["Carla"]),
               "a name ranks above an organization")
        r = s.get("/api/v1/search?q=ana%20lim")
        expect_eq([h["person_id"] for h in r.json["items"]], [ids["Ana"]],
                  "every word must match")
        r = s.get("/api/v1/search?q=ana&limit=1")
        expect_eq(len(r.json["items"]), 1, "limit")
        r = s.get("/api/v1/search?q=")
        expect_eq(r.json["items"], [], "empty query")
        r = s.get("/api/v1/search?q=%22%2A%28")
        expect_eq(r.status, 200, "punctuation (%r)" % r)
        expect_eq(r.json["items"], [], "punctuation finds nothing")
        r = s.get("/api/v1/search")
        expect_eq(r.status, 400, "q required")
    finally:
        s.stop()


def test_concurrent_writes_and_reads():
    """Many clients at once: every write lands, nobody sees a 500."""
    s = server()
    people = [create("/api/v1/people", {"given_name": "Con%d" % i})["id"]
              for i in range(4)]
    bad = []

    def client(n):
        for k in range(25):
            r = s.post("/api/v1/interactions",
                       {"kind": "note", "summary": "c%d-%d" % (n, k),
                        "people": [people[(n + k) % 4]]})
            if r.status != 201:
                bad.append(r)
            r = s.get("/api/v1/people/%d" % people[k % 4])
            if r.status != 200:
                bad.append(r)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    expect_eq(bad, [], "failed requests")
    total = 0
    for pid in people:
        ids, _ = walk("/api/v1/interactions?person_id=%d&limit=500" % pid)
        total += len(ids)
    expect_eq(total, 200, "every interaction written once")


def test_stops_cleanly_with_a_clean_log():
    """Last: the shared server stops on SIGTERM with nothing bad logged."""
    global S
    s, S = server(), None
    code, err = s.stop()
    expect_eq(code, 0, "exit code")
    for bad in ("AddressSanitizer", "runtime error", "LeakSanitizer",
                " error: "):
        expect(bad not in err, "%r in the server's log: %s" % (bad, err))


if __name__ == "__main__":
    try:
        main([test_healthz, test_people_crud, test_people_paging_and_filters,
              test_orgs_crud, test_facts_crud, test_dates_crud,
              test_interactions_crud, test_relationships, test_tags,
              test_today_fixed_data, test_search_prefix_and_rank,
              test_concurrent_writes_and_reads,
              test_stops_cleanly_with_a_clean_log])
    finally:
        if S is not None:
            S.stop()
