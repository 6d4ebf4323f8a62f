"""The coach page with a deal (issue 4): the deal select lists open
deals; a buyer's text or a transcript with a deal chosen lists the
concerns for its ledger with checkboxes; POST /coach/apply adds the ticked
ones with source coach and answers 303 to /deals/{id}; a second run adds
nothing; every bad form gets 400, 404 or 422, never a 500.

Usage: test_pages_coach_deal.py RAPPORT_BINARY
"""
import html
import http.client
import re
import sys
import urllib.parse

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None

BUYER = ("Thanks for the demo. It's more than we budgeted <b>honestly</b>. "
         "I'll need to ask my CFO first.")


def post_form(path, fields, raw=None):
    body = raw if raw is not None else urllib.parse.urlencode(
        fields, doseq=True).encode("utf-8")
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=20)
    try:
        c.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded"})
        r = c.getresponse()
        return r.status, r.headers, r.read().decode("utf-8", "replace")
    finally:
        c.close()


def create(path, body):
    r = srv.post(path, body)
    expect_eq(r.status, 201, "POST %s (%r)" % (path, r))
    return r.json


def new_deal(title, status=None):
    org = create("/api/v1/organizations", {"name": "Org " + title})
    d = create("/api/v1/deals", {"org_id": org["id"], "title": title,
                                 "source": "inbound"})
    if status:
        r = srv.post("/api/v1/deals/%d/status" % d["id"], {"status": status})
        expect_eq(r.status, 200, "status %s (%r)" % (status, r))
    return d


def ledger(deal_id):
    r = srv.get("/api/v1/deals/%d/concerns" % deal_id)
    expect_eq(r.status, 200, "ledger")
    return r.json["items"] if isinstance(r.json, dict) else r.json


def error_of(body, form, field):
    m = re.search(r'<p class="error" id="%s-%s-error">([^<]*)</p>'
                  % (form, field), body)
    return m.group(1) if m else None


def hidden(body, name):
    return [html.unescape(v) for v in re.findall(
        r'<input type="hidden" name="%s" value="([^"]*)">' % name, body)]


def test_select_lists_open_deals_only():
    d = new_deal("Open <one>")
    c = new_deal("Gone", status="lost")
    r = srv.get("/coach")
    expect_eq(r.status, 200, "GET /coach")
    body = r.body.decode()
    expect('<select' in body and 'name="deal"' in body, "deal select")
    expect(re.search(r'<option value=""( selected)?>No deal</option>', body),
           "no deal option")
    expect('<option value="%d">Open &lt;one&gt; (Org Open &lt;one&gt;)'
           '</option>' % d["id"] in body, "open deal listed, escaped")
    expect('<option value="%d">' % c["id"] not in body, "lost deal left out")


def test_buyer_text_with_deal_then_apply():
    d = new_deal("Pilot")
    s, _, body = post_form("/coach", {"role": "buyer", "text": BUYER,
                                      "deal": str(d["id"])})
    expect_eq(s, 200, "coach with deal: %s" % body[:300])
    expect('<section aria-labelledby="ledger-h" id="ledger">' in body,
           "ledger section")
    expect('href="/deals/%d"' % d["id"] in body, "link to the deal")
    expect('action="/coach/apply"' in body, "apply form")
    boxes = re.findall(r'<input type="checkbox" name="add" id="add-(\d+)" '
                       r'value="(\d+)" checked>', body)
    expect_eq(len(boxes), 2, "two ticked boxes")
    expect_eq(sorted(hidden(body, "category")), ["approval", "price"],
              "categories")
    expect("&lt;b&gt;honestly&lt;/b&gt;" in body and "<b>honestly" not in body,
           "words escaped")
    expect("Add to the deal&#39;s concern ledger" in body or
           "Add to the deal's concern ledger" in body, "button")
    expect('selected' in body.split('name="deal"')[1].split("</select>")[0],
           "chosen deal kept selected")
    # tick only the first one
    cats = re.findall(r'name="category" value="([^"]*)"', body)
    words = re.findall(r'name="words" value="([^"]*)"', body)
    fields = [("deal", str(d["id"])), ("add", "0")]
    for c, w in zip(cats, words):
        fields += [("category", html.unescape(c)), ("words", html.unescape(w))]
    s, headers, _ = post_form("/coach/apply", fields)
    expect_eq(s, 303, "apply")
    expect_eq(headers["Location"], "/deals/%d" % d["id"], "to the deal")
    rows = ledger(d["id"])
    expect_eq(len(rows), 1, "one added")
    expect_eq(rows[0]["source"], "coach", "source coach")
    expect_eq(rows[0]["category"], html.unescape(cats[0]), "the ticked one")
    # again, both ticked: only the other one is new
    fields.append(("add", "1"))
    s, _, _ = post_form("/coach/apply", fields)
    expect_eq(s, 303, "apply both")
    expect_eq(len(ledger(d["id"])), 2, "the other added, no duplicate")
    s, _, _ = post_form("/coach/apply", fields)
    expect_eq(s, 303, "apply a third time")
    expect_eq(len(ledger(d["id"])), 2, "still two")
    s, _, body = post_form("/coach", {"role": "buyer", "text": BUYER,
                                      "deal": str(d["id"])})
    expect_eq(s, 200, "coach again")
    expect(body.count("on the ledger already") == 2, "both marked")
    expect('action="/coach/apply"' not in body, "no form when all are there")


def test_transcript_and_seller_with_deal():
    d = new_deal("Call")
    call = ("Dana: This price is only good until Friday.\n"
            "Tom: Honestly it's more than we budgeted.\n")
    s, _, body = post_form("/coach", {"role": "transcript", "text": call,
                                      "seller": "Dana", "deal": str(d["id"])})
    expect_eq(s, 200, "transcript")
    expect_eq(hidden(body, "words"),
              ["Honestly it's more than we budgeted."], "buyer's words only")
    expect("(Tom)" in body, "speaker shown")
    s, _, body = post_form("/coach", {"role": "seller", "deal": str(d["id"]),
                                      "text": "Sign today, the offer ends."})
    expect_eq(s, 200, "seller")
    expect("no buyer concerns" in body, "says why there are none")
    expect('action="/coach/apply"' not in body, "no apply form")


def test_bad_deal_on_coach_form():
    lost = new_deal("Lost one", status="lost")
    for deal, says in [("999999", "there is no deal"),
                       (str(lost["id"]), "only an open deal"),
                       ("abc", "is not an id")]:
        s, _, body = post_form("/coach", {"role": "buyer", "text": BUYER,
                                          "deal": deal})
        expect_eq(s, 422, "deal %s" % deal)
        e = error_of(body, "coach", "deal")
        expect(e and says in e, "error beside the select: %r" % e)


def test_apply_refusals():
    d = new_deal("Refusals")
    lost = new_deal("Refused lost", status="lost")
    good = [("category", "price"), ("words", "Too dear.")]
    cases = [
        ([("deal", str(d["id"]))] + good, 422),  # nothing ticked
        ([("deal", "999999"), ("add", "0")] + good, 404),
        ([("deal", str(lost["id"])), ("add", "0")] + good, 422),
        ([("add", "0")] + good, 400),  # no deal
        ([("deal", str(d["id"])), ("add", "1")] + good, 400),
        ([("deal", str(d["id"])), ("add", "-1")] + good, 400),
        ([("deal", str(d["id"])), ("add", "0"), ("category", "price")], 400),
        ([("deal", str(d["id"])), ("add", "0"), ("category", "cost"),
          ("words", "x")], 400),
        ([("deal", str(d["id"])), ("add", "0"), ("category", "price"),
          ("words", "  ")], 422),
        ([("deal", str(d["id"])), ("add", "0"), ("category", "price"),
          ("words", "bell\x07")], 422),
    ]
    for fields, want in cases:
        s, _, body = post_form("/coach/apply", fields)
        expect_eq(s, want, "%r: %s" % (fields, body[:300]))
        expect(body.startswith("<!DOCTYPE html>") or "<html" in body,
               "an HTML page")
    expect_eq(ledger(d["id"]), [], "nothing written")
    expect_eq(ledger(lost["id"]), [], "nothing written on the lost deal")


def test_mangled_forms_never_500():
    d = new_deal("Mangled")
    raws = [b"", b"&&&", b"=", b"%", b"deal=%ff", b"deal=1%00",
            b"deal=%d&add=0&category=price&words=%%C0%%80" % d["id"],
            b"deal=%d&add=99999999999999999999&category=price&words=a"
            % d["id"],
            b"deal=%d&" % d["id"] + b"&".join(
                [b"add=%d&category=price&words=w%d" % (i, i)
                 for i in range(300)]),
            b"&".join([b"f%d=v" % i for i in range(1200)])]
    for raw in raws:
        for path in ["/coach", "/coach/apply"]:
            s, _, body = post_form(path, None, raw=raw)
            expect(s in (200, 303, 400, 404, 413, 422),
                   "%s %r gave %d: %s" % (path, raw[:60], s, body[:200]))


def run():
    global srv
    srv = Server(BIN)
    try:
        main([test_select_lists_open_deals_only,
              test_buyer_text_with_deal_then_apply,
              test_transcript_and_seller_with_deal,
              test_bad_deal_on_coach_form, test_apply_refusals,
              test_mangled_forms_never_500])
    finally:
        code, err = srv.stop()
        if "Sanitizer" in err or "runtime error" in err:
            print("FAIL the server reported:\n" + err)
            sys.exit(1)


if __name__ == "__main__":
    run()
