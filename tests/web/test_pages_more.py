"""Server-side tests of the forms and parts that close issue 5's gaps:
the deal side of the home page with its paging, a deal's links, its
"log a touch" form, its timeline, deleting it, changing and removing
stakeholders and plan steps; a person's relationship form (by id or by
name), changing and removing facts, dates and touches, the people they
introduced and the deals whose committee they sit on; changing and
deleting an organization; the API refusing a touch on a missing deal.

Forms are posted as a browser does (srv.session(): login cookie and
CSRF token). Every form answers 303 on good input and 422 with the
message beside the field and what was typed kept on bad input, never a
500; typed text is escaped. Usage: test_pages_more.py RAPPORT_BINARY
"""
import datetime
import re
import sys

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None
web = None

XSS = '"><script>alert(1)</script>'


def post(path, fields):
    """Posts a form without following the redirect: (status, location,
    body text)."""
    r = web.post_form(path, fields, follow=False)
    return (r.status, r.headers.get("Location"),
            r.body.decode("utf-8", "replace"))


def page(path):
    r = web.get(path)
    expect_eq(r.status, 200, "GET " + path)
    return r.body.decode("utf-8", "replace")


def error_of(body, prefix, field):
    m = re.search(r'<p class="error" id="%s-%s-error">([^<]*)</p>'
                  % (re.escape(prefix), re.escape(field)), body)
    return m.group(1) if m else None


def value_of(body, prefix, field):
    m = re.search(r'id="%s-%s"[^>]*value="([^"]*)"'
                  % (re.escape(prefix), re.escape(field)), body)
    return m.group(1) if m else None


def new_org(name):
    r = srv.post("/api/v1/organizations", {"name": name})
    expect_eq(r.status, 201, "org")
    return r.json["id"]


def new_person(given, org_id=None, **kw):
    body = dict(kw, given_name=given)
    if org_id:
        body["org_id"] = org_id
    r = srv.post("/api/v1/people", body)
    expect_eq(r.status, 201, "person %r" % r)
    return r.json["id"]


def new_deal(org_id, title):
    r = srv.post("/api/v1/deals", {"org_id": org_id, "title": title,
                                   "source": "inbound"})
    expect_eq(r.status, 201, "deal %r" % r)
    return r.json["id"]


T0 = "2023-11-14T22:13:20Z"


def today():
    return datetime.date.today()


def iso_now():
    return datetime.datetime.now(datetime.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%SZ")


def test_deal_links_touch_form_and_timeline():
    oid = new_org("Touchco")
    ana = new_person("Ana", oid)
    did = new_deal(oid, "Touch deal")
    body = page("/deals/%d" % did)
    expect('href="/deals/%d/fit"' % did in body, "fit link")
    expect('href="/deals/%d/guide"' % did in body, "guide link")
    # a concern is open: the form warns that an ask would be flagged
    s, _, b = post("/deals/%d/concerns" % did,
                   {"category": "price", "words": "Too dear"})
    expect_eq(s, 303, "concern " + b[-500:])
    body = page("/deals/%d" % did)
    expect("an ask logged now is flagged" in body, "ask warning")
    s, loc, b = post("/deals/%d/interactions" % did,
                     {"kind": "ask", "on": str(today()),
                      "person_id": str(ana), "summary": "Asked " + XSS})
    expect_eq(s, 303, "touch " + b[-800:])
    expect(loc.endswith("#timeline-h"), loc)
    body = page("/deals/%d" % did)
    tl = body[body.index('id="timeline-h"'):]
    expect("Asked &quot;&gt;&lt;script&gt;" in tl, "summary escaped")
    expect("<script>alert" not in body, "no raw script")
    expect("asked while concerns were open" in tl, "ask flagged")
    # the API lists it on the deal, and on Ana's page it links the deal
    r = srv.get("/api/v1/interactions?person_id=%d" % ana)
    expect_eq(r.json["items"][0]["deal_id"], did, "deal_id stored")
    expect('href="/deals/%d">on a deal' % did in page("/people/%d" % ana),
           "person timeline links the deal")
    # bad input: 422 beside the field, typed text kept
    s, _, b = post("/deals/%d/interactions" % did,
                   {"kind": "call", "on": "2020-02-30",
                    "person_id": str(ana), "summary": "Kept " + XSS})
    expect_eq(s, 422, "bad day")
    expect("on:" in (error_of(b, "touch", "on") or ""), "error beside on")
    expect(value_of(b, "touch", "summary") ==
           "Kept &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
           "summary kept, escaped")
    s, _, b = post("/deals/%d/interactions" % did,
                   {"kind": "call", "person_id": "", "summary": "x"})
    expect_eq(s, 422, "nobody")
    expect(error_of(b, "touch", "person_id"), "error beside person_id")
    s, _, b = post("/deals/%d/interactions" % did,
                   {"kind": "call", "person_id": "", "other_person_id":
                    "999999", "summary": "x"})
    expect_eq(s, 422, "missing person")
    expect(error_of(b, "touch", "other_person_id"), "beside other id")
    s, _, b = post("/deals/%d/interactions" % did,
                   {"kind": "shout", "person_id": str(ana), "summary": "x"})
    expect_eq(s, 422, "bad kind")
    expect(error_of(b, "touch", "kind"), "beside kind")
    s, _, _ = post("/deals/999999/interactions",
                   {"kind": "call", "person_id": str(ana), "summary": "x"})
    expect_eq(s, 404, "missing deal")


def test_timeline_shows_touches_without_the_committee():
    oid = new_org("Outsideco")
    bo = new_person("Bo")  # not on the committee, not at the org
    did = new_deal(oid, "Outside deal")
    r = srv.post("/api/v1/interactions",
                 {"kind": "meeting", "summary": "Met Bo about it",
                  "occurred_at": iso_now(),
                  "people": [bo], "deal_id": did})
    expect_eq(r.status, 201, "touch %r" % r)
    body = page("/deals/%d" % did)
    expect("Met Bo about it" in body, "touch with nobody of the committee")


def test_api_refuses_a_missing_deal():
    pid = new_person("Cy")
    r = srv.post("/api/v1/interactions",
                 {"kind": "call", "summary": "x", "people": [pid],
                  "occurred_at": T0, "deal_id": 987654})
    expect_eq(r.status, 422, "missing deal %r" % r)
    expect("deal_id" in r.json["detail"], r.json["detail"])
    r = srv.post("/api/v1/interactions",
                 {"kind": "call", "summary": "x", "people": [pid],
                  "occurred_at": T0})
    expect_eq(r.status, 201, "without a deal")
    r = srv.patch("/api/v1/interactions/%d" % r.json["id"],
                  {"deal_id": 987654})
    expect_eq(r.status, 422, "patch to a missing deal %r" % r)


def test_stakeholder_and_step_edit_delete():
    oid = new_org("Stepco")
    ana = new_person("Ana", oid)
    did = new_deal(oid, "Step deal")
    r = srv.post("/api/v1/deals/%d/stakeholders" % did,
                 {"person_id": ana, "role": "champion"})
    kid = r.json["id"]
    r = srv.post("/api/v1/deals/%d/plan" % did,
                 {"title": "Trial", "side": "buyer"})
    sid = r.json["id"]
    s, _, b = post("/deals/%d/stakeholders/%d" % (did, kid),
                   {"role": "finance", "stance": "neutral",
                    "notes": "Signs " + XSS})
    expect_eq(s, 303, "stakeholder edit " + b[-500:])
    k = srv.get("/api/v1/stakeholders/%d" % kid).json
    expect_eq((k["role"], k["notes"]), ("finance", "Signs " + XSS), "saved")
    s, _, b = post("/deals/%d/plan/%d" % (did, sid),
                   {"title": "Longer trial", "side": "both",
                    "due_on": "2031-05-01"})
    expect_eq(s, 303, "step edit " + b[-500:])
    st = srv.get("/api/v1/plan-steps/%d" % sid).json
    expect_eq((st["title"], st["side"], st["due_on"]),
              ("Longer trial", "both", "2031-05-01"), "step saved")
    s, _, b = post("/deals/%d/plan/%d" % (did, sid),
                   {"title": "", "side": "both", "due_on": "2031-05-01"})
    expect_eq(s, 422, "blank title")
    expect(error_of(b, "s%d-edit" % sid, "title"), "beside title")
    s, _, b = post("/deals/%d/plan/%d" % (did, sid),
                   {"title": "T " + XSS, "side": "both", "due_on": "soon"})
    expect_eq(s, 422, "bad due")
    expect(error_of(b, "s%d-edit" % sid, "due_on"), "beside due_on")
    expect("<script>alert" not in b, "escaped")
    other = new_deal(oid, "Other")
    s, _, _ = post("/deals/%d/plan/%d/delete" % (other, sid), {})
    expect_eq(s, 404, "step of another deal")
    s, _, _ = post("/deals/%d/plan/%d/delete" % (did, sid), {})
    expect_eq(s, 303, "step delete")
    expect_eq(srv.get("/api/v1/plan-steps/%d" % sid).status, 404, "gone")
    s, _, _ = post("/deals/%d/stakeholders/%d/delete" % (did, kid), {})
    expect_eq(s, 303, "stakeholder delete")
    expect_eq(srv.get("/api/v1/stakeholders/%d" % kid).status, 404, "gone")


def test_delete_deal_needs_the_box():
    oid = new_org("Delco")
    did = new_deal(oid, "Doomed " + XSS)
    s, _, b = post("/deals/%d/delete" % did, {})
    expect_eq(s, 422, "no confirm")
    expect("confirm:" in (error_of(b, "delete", "confirm") or ""),
           "error beside the box")
    expect("<script>alert" not in b, "title escaped")
    expect_eq(srv.get("/api/v1/deals/%d" % did).status, 200, "still there")
    s, loc, _ = post("/deals/%d/delete" % did, {"confirm": "yes"})
    expect_eq((s, loc), (303, "/deals"), "deleted")
    expect_eq(srv.get("/api/v1/deals/%d" % did).status, 404, "gone")


def test_home_deal_side_and_paging():
    oid = new_org("Homeco")
    did = new_deal(oid, "Home deal " + XSS)
    late = (today() - datetime.timedelta(days=3)).isoformat()
    r = srv.post("/api/v1/deals/%d/plan" % did,
                 {"title": "Send terms", "side": "seller", "due_on": late})
    expect_eq(r.status, 201, "step")
    r = srv.post("/api/v1/deals/%d/concerns" % did,
                 {"category": "risk", "words": "Is it safe?"})
    expect_eq(r.status, 201, "concern %r" % r)
    body = page("/")
    sec = body[body.index('id="deals-today-h"'):]
    expect("Send terms" in sec and "overdue, was due " + late in sec,
           "step due, overdue")
    expect('href="/deals/%d#plan-h"' % did in sec, "links the plan")
    expect('href="/deals/%d#concerns-h"' % did in sec, "links concerns")
    expect("1 open" in sec, "open count")
    expect("<script>alert" not in body, "title escaped")
    # 60 people due: the first 50, the total, and a next page
    due = [new_person("Due%02d" % i, cadence_days=1) for i in range(60)]
    past = datetime.datetime.now(datetime.timezone.utc) - \
        datetime.timedelta(days=5)
    r = srv.post("/api/v1/interactions",
                 {"kind": "note", "summary": "long ago", "people": due,
                  "occurred_at": past.strftime("%Y-%m-%dT%H:%M:%SZ")})
    expect_eq(r.status, 201, "touch %r" % r)
    body = page("/")
    m = re.search(r"(\d+) people due, showing the 50 most overdue", body)
    expect(m and int(m.group(1)) >= 60, "total and page said")
    expect('href="/?offset=50"' in body, "next page link")
    body = page("/?offset=50")
    expect(re.search(r"people due, showing 51–\d+", body), "second page")
    expect('rel="prev" href="/?offset=0"' in body, "previous link")
    expect_eq(web.get("/?offset=-1").status, 400, "bad offset")
    expect_eq(web.get("/?offset=x").status, 400, "bad offset text")


def test_person_relationships_by_id_and_name():
    ana = new_person("Ana", family_name="Reyes")
    bo = new_person("Bo", family_name="Lind")
    new_person("Cara", family_name="Lind")
    types = srv.get("/api/v1/relationship-types").json
    types = types["items"] if isinstance(types, dict) else types
    parent = [t for t in types if t["name"] == "parent"][0]["id"]
    body = page("/people/%d" % ana)
    expect('value="-%d"' % parent in body, "inverse reading offered")
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": str(parent), "other": str(bo)})
    expect_eq(s, 303, "by id " + b[-500:])
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": "-%d" % parent, "other": "Cara Lind"})
    expect_eq(s, 303, "by name " + b[-500:])
    rels = srv.get("/api/v1/people/%d/relationships" % ana).json
    rels = rels["items"] if isinstance(rels, dict) else rels
    expect_eq(len(rels), 2, "two relationships")
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": str(parent), "other": "Lind"})
    expect_eq(s, 422, "ambiguous name")
    msg = error_of(b, "rel", "other") or ""
    expect("several people" in msg and "id %d" % bo in msg, msg)
    expect_eq(value_of(b, "rel", "other"), "Lind", "typed name kept")
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": str(parent), "other": XSS})
    expect_eq(s, 422, "nobody by that name")
    expect("<script>alert" not in b, "escaped")
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": "abc", "other": str(bo)})
    expect_eq(s, 422, "bad type")
    expect(error_of(b, "rel", "type"), "beside type")
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": str(parent), "other": str(ana)})
    expect_eq(s, 422, "self")
    s, _, b = post("/people/%d/relationships" % ana,
                   {"type": str(parent), "other": "999999"})
    expect_eq(s, 422, "missing id")
    expect(error_of(b, "rel", "other"), "beside other")
    rid = rels[0]["id"]
    s, _, _ = post("/people/%d/relationships/%d/delete" % (bo, rid), {})
    expect_eq(s, 303, "the other side may remove it too")
    s, _, _ = post("/people/%d/relationships/%d/delete" % (ana, rid), {})
    expect_eq(s, 404, "already gone")


def test_person_fact_date_touch_edit_delete():
    pid = new_person("Dee")
    other = new_person("Eve")
    fid = srv.post("/api/v1/people/%d/facts" % pid,
                   {"kind": "like", "value": "tea"}).json["id"]
    dat = srv.post("/api/v1/people/%d/dates" % pid,
                   {"kind": "birthday", "month": 3, "day": 4}).json["id"]
    tid = srv.post("/api/v1/interactions",
                   {"kind": "call", "summary": "First call",
                    "occurred_at": T0, "people": [pid]}).json["id"]
    s, _, b = post("/people/%d/facts/%d" % (pid, fid),
                   {"kind": "food", "label": "drink", "value": "Coffee " +
                    XSS})
    expect_eq(s, 303, "fact edit " + b[-300:])
    f = srv.get("/api/v1/facts/%d" % fid).json
    expect_eq((f["kind"], f["value"]), ("food", "Coffee " + XSS), "saved")
    expect("<script>alert" not in page("/people/%d" % pid), "escaped")
    s, _, b = post("/people/%d/facts/%d" % (pid, fid),
                   {"kind": "food", "value": "", "label": "kept " + XSS})
    expect_eq(s, 422, "blank value")
    expect(error_of(b, "f%d" % fid, "value"), "beside value")
    expect(value_of(b, "f%d" % fid, "label") ==
           "kept &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "kept")
    s, _, b = post("/people/%d/dates/%d" % (pid, dat),
                   {"kind": "birthday", "month": "2", "day": "30"})
    expect_eq(s, 422, "30 February")
    expect(error_of(b, "d%d" % dat, "day"), "beside day")
    s, _, b = post("/people/%d/dates/%d" % (pid, dat),
                   {"kind": "anniversary", "month": "6", "day": "7",
                    "year": "2001", "remind_days": "3"})
    expect_eq(s, 303, "date edit " + b[-300:])
    d = srv.get("/api/v1/dates/%d" % dat).json
    expect_eq((d["kind"], d["month"], d["day"]), ("anniversary", 6, 7), "d")
    s, _, b = post("/people/%d/interactions/%d" % (pid, tid),
                   {"kind": "meeting", "on": "2023-11-14",
                    "summary": "Lunch", "follow_up_on": "2023-12-01",
                    "follow_up_done": "yes"})
    expect_eq(s, 303, "touch edit " + b[-300:])
    t = srv.get("/api/v1/interactions/%d" % tid).json
    expect_eq((t["kind"], t["summary"], t["occurred_at"]),
              ("meeting", "Lunch", T0), "same day keeps the time")
    s, _, b = post("/people/%d/interactions/%d" % (pid, tid),
                   {"kind": "meeting", "on": "2999-01-01", "summary": "x"})
    expect_eq(s, 422, "future")
    expect(error_of(b, "t%d" % tid, "on"), "beside on")
    s, _, b = post("/people/%d/interactions/%d" % (pid, tid),
                   {"kind": "meeting", "summary": "x",
                    "follow_up_done": "maybe"})
    expect_eq(s, 422, "bad done")
    # items of someone else are 404s
    for path in ["/people/%d/facts/%d" % (other, fid),
                 "/people/%d/dates/%d/delete" % (other, dat),
                 "/people/%d/interactions/%d/delete" % (other, tid)]:
        s, _, _ = post(path, {"kind": "like", "value": "x"})
        expect_eq(s, 404, path)
    for path, api in [("/people/%d/facts/%d/delete" % (pid, fid),
                       "/api/v1/facts/%d" % fid),
                      ("/people/%d/dates/%d/delete" % (pid, dat),
                       "/api/v1/dates/%d" % dat),
                      ("/people/%d/interactions/%d/delete" % (pid, tid),
                       "/api/v1/interactions/%d" % tid)]:
        s, _, _ = post(path, {})
        expect_eq(s, 303, path)
        expect_eq(srv.get(api).status, 404, api)


def test_person_referred_and_deals_as_stakeholder():
    oid = new_org("Refco")
    other_org = new_org("Elsewhere")
    ref = new_person("Rita", oid)
    new_person("Sam " + XSS, referred_by=ref)
    did = new_deal(other_org, "Their deal")
    srv.post("/api/v1/deals/%d/stakeholders" % did,
             {"person_id": ref, "role": "partner"})
    body = page("/people/%d" % ref)
    expect("People they introduced" in body, "referred heading")
    expect("Sam &quot;&gt;&lt;script&gt;" in body, "referred, escaped")
    deals = body[body.index('id="deals-h"'):]
    expect('href="/deals/%d"' % did in deals, "deal of another org")
    expect("Partner" in deals, "role shown")


def test_org_edit_and_delete():
    oid = new_org("Editco")
    pid = new_person("Fay", oid)
    body = page("/organizations/%d" % oid)
    expect('href="/organizations/%d/edit"' % oid in body, "edit link")
    body = page("/organizations/%d/edit" % oid)
    expect_eq(value_of(body, "org", "name"), "Editco", "current name")
    s, loc, b = post("/organizations/%d/edit" % oid,
                     {"name": "Editco Ltd " + XSS, "domain": "editco.test"})
    expect_eq((s, loc), (303, "/organizations/%d" % oid), "saved " + b[-300:])
    o = srv.get("/api/v1/organizations/%d" % oid).json
    expect_eq(o["name"], "Editco Ltd " + XSS, "name saved")
    expect("<script>alert" not in page("/organizations/%d" % oid), "esc")
    s, _, b = post("/organizations/%d/edit" % oid,
                   {"name": "", "domain": "kept.test"})
    expect_eq(s, 422, "blank name")
    expect(error_of(b, "org", "name"), "beside name")
    expect_eq(value_of(b, "org", "domain"), "kept.test", "domain kept")
    s, _, b = post("/organizations/%d/delete" % oid, {})
    expect_eq(s, 422, "no confirm")
    expect(error_of(b, "delete", "confirm"), "beside the box")
    did = new_deal(oid, "Blocks delete")
    s, _, b = post("/organizations/%d/delete" % oid, {"confirm": "yes"})
    expect_eq(s, 409, "org with deals")
    expect("has deals" in b, "says why")
    srv.delete("/api/v1/deals/%d" % did)
    s, loc, _ = post("/organizations/%d/delete" % oid, {"confirm": "yes"})
    expect_eq((s, loc), (303, "/organizations"), "deleted")
    expect_eq(srv.get("/api/v1/organizations/%d" % oid).status, 404, "gone")
    expect_eq(srv.get("/api/v1/people/%d" % pid).json.get("org_id"), None,
              "person stays without an org")
    s, _, _ = post("/organizations/%d/edit" % oid, {"name": "x"})
    expect_eq(s, 404, "edit a deleted org")


def test_no_new_form_gives_a_500():
    oid = new_org("Fuzzco")
    pid = new_person("Gil", oid)
    did = new_deal(oid, "Fuzz deal")
    paths = ["/deals/%d/interactions" % did, "/deals/%d/delete" % did,
             "/deals/%d/plan/1" % did, "/deals/%d/plan/1/delete" % did,
             "/deals/%d/stakeholders/1/delete" % did,
             "/people/%d/relationships" % pid,
             "/people/%d/relationships/1/delete" % pid,
             "/people/%d/facts/1" % pid, "/people/%d/dates/1" % pid,
             "/people/%d/interactions/1" % pid,
             "/organizations/%d/edit" % oid]
    junk = [{}, {"kind": "x" * 5000}, {"on": "\u00e9\u00e9"},
            {"person_id": "-1", "other": "%", "type": "-"},
            {"due_on": "2020-13-01", "title": "t", "side": "buyer"},
            {"name": "n" * 100000}]
    for p in paths:
        for j in junk:
            s, _, _ = post(p, j)
            expect(s in (303, 404, 409, 413, 422), "%s %r: %d" %
                   (p, list(j)[:2], s))


def run():
    global srv, web
    srv = Server(BIN)
    try:
        web = srv.session()
        main([test_deal_links_touch_form_and_timeline,
              test_timeline_shows_touches_without_the_committee,
              test_api_refuses_a_missing_deal,
              test_stakeholder_and_step_edit_delete,
              test_delete_deal_needs_the_box,
              test_home_deal_side_and_paging,
              test_person_relationships_by_id_and_name,
              test_person_fact_date_touch_edit_delete,
              test_person_referred_and_deals_as_stakeholder,
              test_org_edit_and_delete,
              test_no_new_form_gives_a_500])
    finally:
        srv.stop()


if __name__ == "__main__":
    run()
