"""Server-side tests of the deal pages: the board, the deal form, one
deal's page with its small forms, the measures with their SVG charts, and
the deals on the person and organization pages.

Runs the real server on 127.0.0.1:0 with a fresh database (and a second
one on demo data, for stalled deals). Every page answers HTML with the
CSP and no inline script or style; every form answers 303 on good input
and 422 (409 for a duplicate) with the message beside the form and what
was typed kept on bad input; moves the rules refuse show core's message,
never a 500. Usage: test_pages_deals.py RAPPORT_BINARY
"""
import datetime
import http.client
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None

XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def post_form(path, fields, raw=None,
              content_type="application/x-www-form-urlencoded"):
    """POSTs a form without following redirects: (status, headers, body)."""
    body = raw if raw is not None else urllib.parse.urlencode(
        fields, doseq=True).encode("utf-8")
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=20)
    try:
        c.request("POST", path, body=body,
                  headers={"Content-Type": content_type})
        r = c.getresponse()
        return r.status, r.headers, r.read().decode("utf-8", "replace")
    finally:
        c.close()


def page(path):
    r = srv.get(path)
    return r.status, r.headers, r.body.decode("utf-8", "replace")


def error_of(body, form, field):
    """The text of the error shown beside form's field, or None."""
    m = re.search(r'<p class="error" id="%s-%s-error">([^<]*)</p>'
                  % (re.escape(form), field), body)
    return m.group(1) if m else None


def alert_in(body):
    """The texts of errors shown as alerts (not beside one field)."""
    return re.findall(r'<p class="error" role="alert">([^<]*)</p>', body)


def new_org(name="Acme"):
    s, h, b = post_form("/organizations/new", {"name": name})
    expect_eq(s, 303, "create org " + b[:300])
    return int(h["Location"].rsplit("/", 1)[1])


def new_person(given, org_id=None):
    body = {"given_name": given}
    if org_id:
        body["org_id"] = org_id
    r = srv.post("/api/v1/people", body)
    expect_eq(r.status, 201, "create person")
    return r.json["id"]


def new_deal(org_id, **fields):
    fields.setdefault("title", "Team plan")
    fields.setdefault("source", "inbound")
    fields["org_id"] = str(org_id)
    s, h, b = post_form("/deals/new", fields)
    expect_eq(s, 303, "create deal " + b[-1500:])
    loc = h["Location"]
    expect(re.fullmatch(r"/deals/\d+", loc), "Location %r" % loc)
    return int(loc.rsplit("/", 1)[1])


def concern_ids(body):
    return [int(x) for x in re.findall(r'<li class="concern \w+" '
                                       r'id="concern-(\d+)"', body)]


def check_html(path, body, headers):
    expect(headers["Content-Type"].startswith("text/html"), path)
    expect("default-src 'self'" in headers["Content-Security-Policy"], path)
    expect("<script>" not in body, "no inline script " + path)
    expect(" style=" not in body, "no inline style " + path)
    expect("<style" not in body, "no style element " + path)


def test_every_page_is_html_with_csp_and_nav():
    oid = new_org("Pagecorp")
    pid = new_person("Pia", oid)
    did = new_deal(oid, title="Every page", owner="Sam")
    for path in ["/deals", "/deals?status=won", "/deals?owner=Sam",
                 "/deals?status=&owner=", "/deals/new",
                 "/deals/new?org_id=%d" % oid, "/deals/%d" % did,
                 "/deals/%d/edit" % did, "/metrics",
                 "/metrics?owner=Sam&from=2020-01-01&to=2020-12-31",
                 "/metrics?from=&to=&owner=", "/organizations/%d" % oid,
                 "/people/%d" % pid]:
        s, h, body = page(path)
        expect_eq(s, 200, path)
        check_html(path, body, h)
        expect('<a href="/deals"' in body, "deals in the nav " + path)
        if path.startswith("/deals") or path.startswith("/metrics"):
            expect('<a href="/deals" aria-current="page">Deals</a>' in body,
                   "deals marked current on " + path)


def test_board_columns_cards_filters_and_closed_list():
    oid = new_org("Boardco")
    a = new_deal(oid, title="Alpha seats", value="12000.50",
                 currency="EUR", owner="Rita")
    b = new_deal(oid, title="Beta trial", owner="Omar")
    c = new_deal(oid, title="Gamma closed", owner="Rita")
    s, _, body = post_form("/deals/%d/stage" % b, {"stage": "trialing"})
    expect_eq(s, 303, "stage " + body[-800:])
    s, _, body = post_form("/deals/%d/concerns" % a,
                           {"category": "price", "words": "Too dear"})
    expect_eq(s, 303, "concern " + body[-800:])
    s, _, body = post_form("/deals/%d/status" % c,
                           {"status": "won", "reason": "They chose us"})
    expect_eq(s, 303, "won " + body[-800:])
    _, _, body = page("/deals")
    heads = re.findall(r'<h2 id="stage-(\w+)">', body)
    expect_eq(heads, ["exploring", "evaluating", "trialing", "deciding",
                      "committed"], "columns in the buyer's order")
    col = body[body.index('id="stage-exploring"'):
               body.index('id="stage-evaluating"')]
    expect("Alpha seats" in col and "Boardco" in col, "card in exploring")
    expect("12,000.50 EUR" in col, "value shown")
    expect("1 open concern<" in col, "open concern count")
    col = body[body.index('id="stage-trialing"'):
               body.index('id="stage-deciding"')]
    expect("Beta trial" in col, "card in trialing")
    expect("Gamma closed" not in body.split('class="board"')[1],
           "won deal not on the board")
    expect('href="/deals?status=won"' in body, "link to the won deals")
    _, _, body = page("/deals?owner=Omar")
    expect("Beta trial" in body and "Alpha seats" not in body, "by owner")
    _, _, body = page("/deals?status=won")
    expect("Gamma closed" in body and "They chose us" in body,
           "closed list with reason")
    expect("Alpha seats" not in body, "only won deals")
    for q in ["?status=bogus", "?owner=%ff", "?owner=" + "x" * 300]:
        s, h, _ = page("/deals" + q)
        expect_eq(s, 400, "bad query " + q)
        expect(h["Content-Type"].startswith("text/html"), "400 is a page")
    expect_eq(page("/deals?cursor=1")[0], 400, "unknown query parameter")


def test_stalled_deals_marked_on_demo_data():
    d = tempfile.mkdtemp(prefix="rapport-demo-")
    db = os.path.join(d, "demo.db")
    p = subprocess.run([BIN, "init", "--demo", "--db", db],
                       capture_output=True, timeout=120)
    expect_eq(p.returncode, 0, "init --demo: %s" % p.stderr[-500:])
    demo = Server(BIN, db=db)
    try:
        r = demo.get("/deals")
        body = r.body.decode()
        expect_eq(r.status, 200, "board on demo data")
        expect('<li class="card stalled">' in body, "a stalled card")
        expect(re.search(r"Stalled since \d{4}-\d\d-\d\d \(\d+ days quiet\)",
                         body), "since when")
        r = demo.get("/metrics")
        body = r.body.decode()
        expect_eq(r.status, 200, "metrics on demo data")
        expect(len(re.findall(r'<rect class="bar s\d"', body)) > 10,
               "bars drawn")
        expect("Per owner" in body, "per owner section")
    finally:
        demo.stop()


def test_deal_form_success_edit_and_bad_input():
    oid = new_org("Formco")
    ref = new_person("Referrer")
    did = new_deal(oid, title="Formed", need="We lose track\r\nof renewals",
                   benefit="Fewer lost renewals", value="5000",
                   price="4500.5", currency="USD", source="referral",
                   referred_by=str(ref), owner="Ana")
    _, _, body = page("/deals/%d" % did)
    expect("We lose track\nof renewals" in body, "need in their words")
    expect("5,000.00 USD" in body, "value shown")
    expect(body.index("We lose track") < body.index('id="concerns-h"'),
           "need comes before the ledger")
    _, _, form = page("/deals/%d/edit" % did)
    expect('value="4500.50"' in form, "price in the edit form")
    s, _, _ = post_form("/deals/%d/edit" % did,
                        {"org_id": oid, "title": "Reformed",
                         "source": "inbound", "value": "1",
                         "currency": "EUR"})
    expect_eq(s, 303, "edit")
    _, _, body = page("/deals/%d" % did)
    expect("Reformed" in body and "1.00" in body, "edited")
    cases = [
        ({"title": "", "owner": "Kept Owner"}, "title"),
        ({"title": "x", "value": "12,50", "currency": "EUR"}, "value"),
        ({"title": "x", "value": "1.234"}, "value"),
        ({"title": "x", "price": "99999999999999"}, "price"),
        ({"title": "x", "value": "10", "currency": "eu"}, "currency"),
        ({"title": "x", "value": "10"}, "currency"),
        ({"title": "x", "source": "referral"}, "referred_by"),
        ({"title": "x", "source": "inbound", "referred_by": "abc"},
         "referred_by"),
        ({"title": "x", "source": "gossip"}, "source"),
        ({"title": "x", "org_id": ""}, "org_id"),
        ({"title": "x", "org_id": "999999"}, "org_id"),
        ({"title": "x", "referred_by": "999999", "source": "referral"},
         "referred_by"),
    ]
    for fields, field in cases:
        fields = dict(fields)
        fields.setdefault("org_id", str(oid))
        fields.setdefault("source", "inbound")
        for path in ["/deals/new", "/deals/%d/edit" % did]:
            s, _, body = post_form(path, fields)
            expect_eq(s, 422, "%s %r" % (path, fields))
            expect(error_of(body, "deal", field),
                   "error beside %s on %s: %s" % (field, path,
                                                  body[-1500:]))
            for k, v in fields.items():
                if v and k not in ("source", "org_id"):
                    expect('value="%s"' % v in body,
                           "typed %r kept on %s" % (v, path))
    s, _, _ = page("/deals/999999/edit")
    expect_eq(s, 404, "edit a missing deal")
    s, _, _ = post_form("/deals/999999/edit", {"title": "x"})
    expect_eq(s, 404, "post to a missing deal")


def test_concern_ledger_moves_and_refusals():
    oid = new_org("Ledgerco")
    did = new_deal(oid, title="Ledger")
    other = new_deal(oid, title="Other")
    base = "/deals/%d" % did
    s, h, body = post_form(base + "/concerns",
                           {"category": "risk",
                            "words": "What if the migration fails?"})
    expect_eq(s, 303, "add concern " + body[-800:])
    expect(h["Location"].startswith(base + "#"), "back to the deal")
    _, _, body = page(base)
    [cid] = concern_ids(body)
    expect("What if the migration fails?" in body, "words shown")
    expect(body.index('id="concerns-h"') < body.index('id="ready-h"') <
           body.index('id="committee-h"') < body.index('id="plan-h"'),
           "the ledger first among the sections")
    cb = "%s/concerns/%d" % (base, cid)
    # Resolving before answering: core's message beside the form, 422.
    s, _, body = post_form(cb + "/resolve", {})
    expect_eq(s, 422, "resolve an open concern")
    expect(any("answer" in a for a in alert_in(body)),
           "core says to answer first: %r" % alert_in(body))
    s, _, body = post_form(cb + "/answer", {"answer": " "})
    expect_eq(s, 422, "empty answer")
    expect(error_of(body, "c%d-answer" % cid, "answer"), "beside answer")
    s, _, body = post_form(cb + "/reopen", {"reason": "kept reason"})
    expect_eq(s, 422, "reopen an open concern")
    expect(alert_in(body), "message for the refused reopen")
    s, _, body = post_form(cb + "/answer",
                           {"answer": "We run both side by side a month"})
    expect_eq(s, 303, "answer " + body[-800:])
    _, _, body = page(base)
    expect('<li class="concern answered"' in body, "answered")
    expect("We run both side by side a month" in body, "answer shown")
    expect("Resolve concern %d" % cid in body, "resolve offered")
    s, _, body = post_form(cb + "/resolve", {})
    expect_eq(s, 303, "resolve " + body[-800:])
    _, _, body = page(base)
    expect('<li class="concern resolved"' in body, "resolved")
    expect("0 unsettled" in body, "nothing unsettled")
    s, _, body = post_form(cb + "/drop", {})
    expect_eq(s, 422, "drop a resolved concern")
    s, _, _ = post_form(cb + "/reopen", {"reason": "Buyer asked again"})
    expect_eq(s, 303, "reopen")
    s, _, _ = post_form(cb + "/drop", {"reason": "No longer relevant"})
    expect_eq(s, 303, "drop")
    _, _, body = page(base)
    expect('<li class="concern dropped"' in body, "dropped")
    expect("Concern dropped" in body and "Concern reopened" in body,
           "moves on the timeline")
    # A concern of another deal, or none at all, is not found.
    s, _, _ = post_form("/deals/%d/concerns/%d/answer" % (other, cid),
                        {"answer": "x"})
    expect_eq(s, 404, "concern of another deal")
    s, _, _ = post_form(base + "/concerns/999999/answer", {"answer": "x"})
    expect_eq(s, 404, "missing concern")
    # Bad new concerns keep what was typed.
    for fields, field in [({"category": "price", "words": ""}, "words"),
                          ({"category": "nope", "words": "Kept words"},
                           "category"),
                          ({"category": "price", "words": "Kept words",
                            "raised_by": "999999"}, "raised_by"),
                          ({"category": "price", "words": "Kept words",
                            "raised_by": "x"}, "raised_by")]:
        s, _, body = post_form(base + "/concerns", fields)
        expect_eq(s, 422, "bad concern %r" % fields)
        expect(error_of(body, "concern", field),
               "beside %s: %s" % (field, body[-1200:]))
        if fields["words"]:
            expect("Kept words</textarea>" in body, "words kept")


def test_committee_plan_and_readiness():
    oid = new_org("Committeeco")
    dm = new_person("Dora", oid)
    outsider = new_person("Otto")
    did = new_deal(oid, title="Committee")
    base = "/deals/%d" % did
    _, _, body = page(base)
    ready = body[body.index('id="ready-h"'):body.index('id="committee-h"')]
    expect("decision" in ready.lower(), "missing decision maker said")
    s, _, body = post_form(base + "/stakeholders",
                           {"person_id": str(dm), "role": "decision_maker",
                            "stance": "neutral"})
    expect_eq(s, 303, "add stakeholder " + body[-800:])
    s, _, body = post_form(base + "/stakeholders",
                           {"person_id": str(dm), "role": "user",
                            "stance": "neutral"})
    expect_eq(s, 409, "the same person twice")
    s, _, body = post_form(base + "/stakeholders",
                           {"person_id": "", "other_person_id": "999999",
                            "role": "user", "stance": "neutral"})
    expect_eq(s, 422, "missing other person")
    expect(error_of(body, "person", "other_person_id"), "beside the id")
    expect('value="999999"' in body, "typed id kept")
    s, _, body = post_form(base + "/stakeholders",
                           {"person_id": "", "other_person_id":
                            str(outsider), "role": "partner",
                            "stance": "skeptical"})
    expect_eq(s, 303, "add someone outside the org " + body[-800:])
    s, _, body = post_form(base + "/stakeholders",
                           {"person_id": str(dm), "role": "boss",
                            "stance": "neutral"})
    expect_eq(s, 422, "bad role")
    expect(error_of(body, "person", "role"), "beside role")
    r = srv.get("/api/v1/deals/%d" % did)
    kid = [k["id"] for k in r.json["stakeholders"]
           if k["person_id"] == dm][0]
    s, _, body = post_form("%s/stakeholders/%d" % (base, kid),
                           {"role": "decision_maker", "stance": "supportive"})
    expect_eq(s, 303, "edit stance " + body[-800:])
    s, _, body = post_form("%s/stakeholders/%d" % (base, kid),
                           {"role": "decision_maker", "stance": "grumpy"})
    expect_eq(s, 422, "bad stance")
    expect(error_of(body, "k%d" % kid, "stance"), "beside stance")
    _, _, body = page(base)
    expect('class="stance supportive"' in body, "stance shown")
    yesterday = (datetime.date.today() -
                 datetime.timedelta(days=3)).isoformat()
    s, _, body = post_form(base + "/plan",
                           {"title": "Send security questionnaire",
                            "side": "buyer", "owner_person_id": str(dm),
                            "due_on": yesterday})
    expect_eq(s, 303, "add step " + body[-800:])
    _, _, body = page(base)
    expect('<li class="step overdue">' in body, "overdue marked")
    expect("overdue, was due " + yesterday in body, "overdue with its day")
    ready = body[body.index('id="ready-h"'):body.index('id="committee-h"')]
    expect("<li>" in ready and "decision" not in ready.lower(),
           "only the late step is missing: " + ready)
    for fields, field in [({"title": "", "side": "buyer"}, "title"),
                          ({"title": "Kept step", "side": "them"}, "side"),
                          ({"title": "Kept step", "side": "buyer",
                            "due_on": "2024-02-30"}, "due_on")]:
        s, _, body = post_form(base + "/plan", fields)
        expect_eq(s, 422, "bad step %r" % fields)
        expect(error_of(body, "step", field), "beside " + field)
        if fields["title"]:
            expect('value="Kept step"' in body, "title kept")
    sid = r.json.get("plan") and r.json["plan"][0]["id"]
    if not sid:
        r = srv.get("/api/v1/deals/%d/plan" % did)
        sid = r.json["items"][0]["id"]
    s, _, _ = post_form("%s/plan/%d/done" % (base, sid), {})
    expect_eq(s, 303, "step done")
    s, _, body = post_form("%s/plan/%d/done" % (base, sid), {})
    expect_eq(s, 422, "done twice")
    _, _, body = page(base)
    expect('<li class="step done">' in body, "done shown")
    ready = body[body.index('id="ready-h"'):body.index('id="committee-h"')]
    expect('class="good"' in ready, "ready for an ask: " + ready)
    s, _, _ = post_form("/deals/%d/plan/%d/done" %
                        (new_deal(oid, title="Else"), sid), {})
    expect_eq(s, 404, "step of another deal")


def test_stage_and_outcome_moves():
    oid = new_org("Moveco")
    did = new_deal(oid, title="Mover")
    base = "/deals/%d" % did
    s, _, body = post_form(base + "/stage",
                           {"stage": "evaluating",
                            "reason": "Asked for a comparison"})
    expect_eq(s, 303, "stage " + body[-800:])
    s, _, body = post_form(base + "/stage", {"stage": "evaluating",
                                             "reason": "Kept reason"})
    expect_eq(s, 422, "same stage again")
    expect(error_of(body, "stage", "stage"), "beside the stage")
    expect('value="Kept reason"' in body, "reason kept")
    s, _, body = post_form(base + "/stage", {"stage": "sideways"})
    expect_eq(s, 422, "unknown stage")
    s, _, body = post_form(base + "/stage", {"stage": "exploring"})
    expect_eq(s, 303, "stages may go back")
    s, _, body = post_form(base + "/status", {"status": "rescinded",
                                              "reason": "x"})
    expect_eq(s, 422, "rescind an open deal")
    expect(error_of(body, "status", "status"), "core's refusal beside it")
    s, _, body = post_form(base + "/status", {"status": "won",
                                              "date": "2999-01-01"})
    expect_eq(s, 422, "won in the future")
    expect(error_of(body, "status", "date"), "beside the date")
    s, _, body = post_form(base + "/status", {"status": "won",
                                              "date": "2024-13-01"})
    expect_eq(s, 422, "bad date")
    s, _, body = post_form(base + "/status", {"status": "won"})
    expect_eq(s, 303, "won " + body[-800:])
    s, _, body = post_form(base + "/status", {"status": "lost"})
    expect_eq(s, 422, "won to lost")
    msg = error_of(body, "status", "status")
    expect(msg and "rescind" in msg, "core's words: %r" % msg)
    s, _, body = post_form(base + "/status", {"status": "rescinded"})
    expect_eq(s, 422, "rescind without a reason")
    s, _, body = post_form(base + "/status",
                           {"status": "rescinded",
                            "reason": "Budget frozen"})
    expect_eq(s, 303, "rescinded " + body[-800:])
    _, _, body = page(base)
    tl = body[body.index('id="timeline-h"'):]
    for text in ["Stage: Exploring → Evaluating", "Asked for a comparison",
                 "Status: Open → Won", "Status: Won → Rescinded",
                 "Budget frozen", "Deal started"]:
        expect(text in tl, "timeline shows %r" % text)
    expect(tl.index("Rescinded") < tl.index("Deal started"),
           "newest first")
    _, _, body = page("/deals?status=rescinded")
    expect("Mover" in body and "Budget frozen" in body, "in the list")
    s, _, _ = post_form("/deals/999999/stage", {"stage": "trialing"})
    expect_eq(s, 404, "missing deal")


def test_deals_on_person_and_org_pages():
    oid = new_org("Listco")
    pid = new_person("Lena", oid)
    other = new_person("Nobody", oid)
    did = new_deal(oid, title="Listed deal", value="300", currency="EUR")
    new_deal(oid, title="Second deal")
    s, _, _ = post_form("/deals/%d/stakeholders" % did,
                        {"person_id": str(pid), "role": "champion",
                         "stance": "supportive"})
    expect_eq(s, 303, "stakeholder")
    _, _, body = page("/organizations/%d" % oid)
    expect('<a href="/deals/%d">Listed deal</a>' % did in body, "org deals")
    expect("Second deal" in body, "every deal of the org")
    expect('href="/deals/new?org_id=%d"' % oid in body, "start one here")
    _, _, body = page("/people/%d" % pid)
    expect('<a href="/deals/%d">Listed deal</a>' % did in body,
           "person's deals")
    expect("Champion" in body, "with their role")
    expect("Second deal" not in body, "only where they are on it")
    _, _, body = page("/people/%d" % other)
    expect("Not on the buying committee" in body, "none for the other")


def test_user_text_is_escaped_everywhere():
    oid = new_org(XSS[1])
    did = new_deal(oid, title=XSS[0], need=XSS[1], benefit=XSS[0],
                   owner=XSS[1])
    base = "/deals/%d" % did
    s, _, _ = post_form(base + "/concerns",
                        {"category": "other", "words": XSS[0]})
    expect_eq(s, 303, "concern")
    pid = new_person(XSS[0], oid)
    s, _, _ = post_form(base + "/stakeholders",
                        {"person_id": str(pid), "role": "user",
                         "stance": "unknown"})
    expect_eq(s, 303, "stakeholder")
    s, _, _ = post_form(base + "/plan", {"title": XSS[1], "side": "seller"})
    expect_eq(s, 303, "step")
    s, _, _ = post_form(base + "/stage", {"stage": "deciding",
                                          "reason": XSS[0]})
    expect_eq(s, 303, "stage")
    for path in ["/deals", base, base + "/edit", "/metrics",
                 "/metrics?owner=" + urllib.parse.quote(XSS[1]),
                 "/deals?owner=" + urllib.parse.quote(XSS[1]),
                 "/organizations/%d" % oid, "/people/%d" % pid]:
        s, _, body = page(path)
        expect_eq(s, 200, path)
        expect("<script>alert" not in body, "raw script in " + path)
        expect("<img src=x" not in body, "raw img in " + path)
    _, _, body = page(base)
    expect("&lt;script&gt;alert(1)&lt;/script&gt;" in body, "as text")
    s, _, body = post_form("/deals/new", {"org_id": oid, "title": "",
                                          "need": XSS[0], "owner": XSS[1],
                                          "source": "inbound"})
    expect_eq(s, 422, "bad form with xss")
    expect("<script>alert" not in body and "<img src=x" not in body,
           "typed text escaped when kept")


def test_metrics_page_svg_and_bad_query():
    oid = new_org("Metricco")
    for i, (owner, status) in enumerate([("Mia", "won"), ("Mia", "lost"),
                                         ("Ned", "won"), ("Ned", None)]):
        did = new_deal(oid, title="M%d" % i, owner=owner)
        if status:
            s, _, _ = post_form("/deals/%d/status" % did, {"status": status})
            expect_eq(s, 303, "status")
    s, h, body = page("/metrics")
    expect_eq(s, 200, "metrics")
    check_html("/metrics", body, h)
    expect(body.count("<svg") >= 3, "three charts")
    expect('role="img"' in body and "<title id=" in body, "accessible svg")
    expect(re.search(r'<rect class="bar s0" x="[\d.]+" y="[\d.]+" '
                     r'width="[\d.]+" height="[\d.]+"><title>', body),
           "a win-rate bar")
    expect("Win rate" in body and "Rescinded" in body and
           "Repeat business" in body and "Referrals" in body and
           "Time to answer" in body and "Time to resolve" in body and
           "Asks with open concerns" in body and "Stalled now" in body,
           "every measure named")
    owners = body[body.index('id="owners-h"'):]
    expect(">Mia<" in owners and ">Ned<" in owners, "per owner rows")
    expect(re.search(r"Q[1-4]</th>", body), "per quarter rows")
    _, _, body = page("/metrics?owner=Mia")
    expect('id="owners-h"' not in body, "one owner: no breakdown")
    expect("50%" in body, "Mia won one of two")
    for q in ["?from=2024-02-30", "?to=tomorrow",
              "?from=2024-05-01&to=2024-01-01", "?from=1800-01-01",
              "?owner=%ff"]:
        s, h, _ = page("/metrics" + q)
        expect_eq(s, 400, "bad query " + q)
        expect(h["Content-Type"].startswith("text/html"), "a page")
    expect_eq(page("/metrics?bogus=1")[0], 400, "unknown query parameter")
    s, _, body = page("/metrics?from=2000-01-01&to=2009-12-31")
    expect_eq(s, 200, "ten years")
    expect_eq(len(re.findall(r"<th scope=\"row\">\d{4} Q\d</th>", body)),
              16, "the trend keeps the last sixteen quarters")


def test_no_input_gets_a_500():
    oid = new_org("Robustco")
    did = new_deal(oid, title="Robust")
    s, _, _ = post_form("/deals/%d/concerns" % did,
                        {"category": "price", "words": "w"})
    _, _, body = page("/deals/%d" % did)
    cid = concern_ids(body)[0]
    pid = new_person("Rob", oid)
    s, _, _ = post_form("/deals/%d/stakeholders" % did,
                        {"person_id": pid, "role": "user",
                         "stance": "unknown"})
    r = srv.get("/api/v1/deals/%d" % did)
    kid = r.json["stakeholders"][0]["id"]
    s, _, _ = post_form("/deals/%d/plan" % did, {"title": "t",
                                                 "side": "both"})
    r = srv.get("/api/v1/deals/%d/plan" % did)
    sid = r.json["items"][0]["id"]
    d = "/deals/%d" % did
    paths = ["/deals/new", d + "/edit", d + "/concerns",
             d + "/concerns/%d/answer" % cid,
             d + "/concerns/%d/resolve" % cid,
             d + "/concerns/%d/drop" % cid,
             d + "/concerns/%d/reopen" % cid, d + "/stakeholders",
             d + "/stakeholders/%d" % kid, d + "/plan",
             d + "/plan/%d/done" % sid, d + "/stage", d + "/status"]
    raws = [b"", b"&&&", b"=", b"%", b"title=%00", b"title=%ff%fe",
            b"words=" + b"x" * 30000, b"answer=" + b"y" * 30000,
            b"org_id=-1&title=x&source=inbound",
            b"org_id=99999999999999999999&title=x",
            b"value=1e9&title=x&org_id=1&source=inbound",
            b"value=-5&title=x&org_id=1&source=inbound",
            b"value=.&title=x&org_id=1&source=inbound",
            b"stage=&reason=%C0%80", b"status=open",
            b"status=won&date=0000-00-00", b"status=no_fit&reason=" +
            b"r" * 30000, b"role=&stance=&person_id=abc",
            b"category=&words=&raised_by=-1",
            b"title=x&side=buyer&due_on=99999-01-01",
            b"&".join([b"f%d=v" % i for i in range(1200)])]
    for path in paths:
        for raw in raws:
            s, _, body = post_form(path, None, raw=raw)
            expect(s in (303, 400, 404, 409, 413, 422),
                   "%s %r gave %d: %s" % (path, raw[:60], s, body[-300:]))
    for path in [d + "/concerns", d + "/stage"]:
        s, _, _ = post_form(path, None, content_type="application/json",
                            raw=b"{}")
        expect_eq(s, 415, "json to a form route " + path)
    s, h, _ = page("/deals/999999")
    expect_eq(s, 404, "missing deal")
    expect(h["Content-Type"].startswith("text/html"), "404 is a page")
    s, _, _ = page("/deals/new?org_id=abc")
    expect_eq(s, 400, "bad org_id")


def run():
    global srv
    srv = Server(BIN)
    try:
        main([test_every_page_is_html_with_csp_and_nav,
              test_board_columns_cards_filters_and_closed_list,
              test_stalled_deals_marked_on_demo_data,
              test_deal_form_success_edit_and_bad_input,
              test_concern_ledger_moves_and_refusals,
              test_committee_plan_and_readiness,
              test_stage_and_outcome_moves,
              test_deals_on_person_and_org_pages,
              test_user_text_is_escaped_everywhere,
              test_metrics_page_svg_and_bad_query,
              test_no_input_gets_a_500])
    finally:
        _, err = srv.stop()
        if "ERROR: AddressSanitizer" in err or "runtime error:" in err:
            sys.stdout.write(err)
            sys.exit(1)


if __name__ == "__main__":
    run()
