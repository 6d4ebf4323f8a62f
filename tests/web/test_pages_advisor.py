"""Server-side tests of the honest advisor's pages: a deal's fit page (the
needs, the grid, the ranking with its reasons and sureness, the forms)
and the printable decision guide for the buyer.

Runs the real server on 127.0.0.1:0 with a fresh database. Every page
answers HTML with the CSP and no inline script or style; data from users
is escaped; every form answers 303 on good input and 422 (409 for a
duplicate) with the message beside the field and what was typed kept;
never a 500. Usage: test_pages_advisor.py RAPPORT_BINARY
"""
import http.client
import re
import sys
import urllib.parse

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


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


def page(path):
    r = srv.get(path)
    return r.status, r.headers, r.body.decode("utf-8", "replace")


def error_of(body, form, field):
    m = re.search(r'<p class="error" id="%s-%s-error">([^<]*)</p>'
                  % (re.escape(form), field), body)
    return m.group(1) if m else None


def clean_html(status, headers, body, what):
    expect_eq(status, 200, "%s status: %s" % (what, body[:300]))
    expect(headers["Content-Type"].startswith("text/html"), what + " html")
    expect("Content-Security-Policy" in headers, what + " CSP")
    expect("<script>" not in body and "<style" not in body
           and " style=" not in body, what + ": no inline script/style")
    expect("<script>alert" not in body and "<img src=x" not in body,
           what + ": data escaped")


def api(method, path, body=None):
    r = srv.request(method, path, body=body)
    expect(r.status in (200, 201), "%s %s: %r" % (method, path, r))
    return r.json


RUN = [0]


def setup():
    RUN[0] += 1
    k = RUN[0]
    org = api("POST", "/api/v1/organizations",
              {"name": "Hill %d %s" % (k, XSS)})
    d = api("POST", "/api/v1/deals", {"org_id": org["id"], "title": XSS,
                                      "source": "inbound",
                                      "value_minor": 620000,
                                      "currency": "EUR"})
    base = "/api/v1/deals/%d" % d["id"]
    n1 = api("POST", base + "/needs", {"words": "offline " + XSS,
                                       "weight": 5, "must_have": True})
    n2 = api("POST", base + "/needs", {"words": "easy to learn"})
    ours = api("POST", "/api/v1/offerings",
               {"vendor": "Us", "name": "Routes %d %s" % (k, XSS),
                "is_ours": True,
                "price_minor": 480000, "currency": "EUR",
                "links": ["https://us.example/?a=1&b=2"]})
    theirs = api("POST", "/api/v1/offerings",
                 {"vendor": "Them", "name": "Maps %d" % k, "is_ours": False,
                  "price_minor": 30000, "currency": "EUR",
                  "price_model": "monthly"})
    for n, o, s in ((n1, ours, 2), (n1, theirs, 5), (n2, ours, 4)):
        api("PUT", base + "/fit", {"need_id": n["id"],
                                   "offering_id": o["id"], "score": s,
                                   "evidence": "trial " + XSS,
                                   "source": "week 1"})
    return d, n1, n2, ours, theirs


def test_fit_page_shows_everything_escaped():
    d, n1, n2, ours, theirs = setup()
    st, h, body = page("/deals/%d/fit" % d["id"])
    clean_html(st, h, body, "fit page")
    expect("&lt;script&gt;alert(1)&lt;/script&gt;" in body, "escaped text")
    expect("does not fit" in body, "our offering fails the must-have")
    expect("must-have" in body and "<em>unknown</em>" in body,
           "grid with an unknown")
    expect("Fragile" in body or "Firm" in body or "Fairly sure" in body,
           "sureness shown")
    expect('href="/deals/%d/guide"' % d["id"] in body, "links the guide")
    expect('href="/deals/%d"' % d["id"] in body, "links the deal")
    for action in ("needs", "scores", "offerings"):
        expect('action="/deals/%d/fit/%s"' % (d["id"], action) in body,
               "form " + action)
    st, h, body = page("/deals/999999/fit")
    expect_eq(st, 404, "missing deal")


def test_forms_good_input():
    d, n1, n2, ours, theirs = setup()
    base = "/deals/%d/fit" % d["id"]
    st, h, body = post_form(base + "/needs", {"words": "exports to "
                                              "accounting", "weight": "2",
                                              "must_have": "no"})
    expect_eq(st, 303, "need added: " + body[:300])
    expect(h["Location"].startswith(base), "back to the fit page")
    st, h, body = post_form(base + "/scores", {
        "need_id": str(n2["id"]), "offering_id": str(theirs["id"]),
        "score": "", "evidence": "asking their trainer"})
    expect_eq(st, 303, "unknown set: " + body[:300])
    st, h, body = post_form(base + "/offerings", {
        "vendor": "Other", "name": "Paper", "whose": "theirs",
        "price_minor": "", "currency": "", "price_model": "quote",
        "links": "https://paper.example\n\n  https://paper.example/b  ",
        "notes": ""})
    expect_eq(st, 303, "offering added: " + body[:300])
    r = srv.get("/api/v1/offerings?is_ours=false&limit=500").json
    paper = [o for o in r["items"] if o["name"] == "Paper"][0]
    expect_eq(paper["links"], ["https://paper.example",
                               "https://paper.example/b"], "links read")
    st, h, body = post_form(base + "/recommend", {
        "offering_id": str(theirs["id"]),
        "rationale": "Maps works offline; ours does not " + XSS})
    expect_eq(st, 303, "recommended: " + body[:300])
    recs = api("GET", "/api/v1/deals/%d/recommendations" % d["id"])
    expect_eq(recs["items"][0]["is_ours"], False, "a competitor's")
    st, h, body = page(base)
    clean_html(st, h, body, "fit page after")
    expect("a competitor&#39;s)" in body or "a competitor's)" in body,
           "recommendation listed")


def test_forms_bad_input_keep_typed():
    d, n1, n2, ours, theirs = setup()
    base = "/deals/%d/fit" % d["id"]
    typed = "typed " + XSS
    st, h, body = post_form(base + "/needs", {"words": typed,
                                              "weight": "9"})
    expect_eq(st, 422, "bad weight")
    expect(error_of(body, "need", "weight"), "message beside weight")
    expect(urllib.parse.quote("x") and "typed &lt;script&gt;" in body,
           "typed words kept, escaped")
    st, h, body = post_form(base + "/needs", {"words": "  "})
    expect_eq(st, 422, "blank words")
    expect(error_of(body, "need", "words"), "beside words")
    st, h, body = post_form(base + "/scores", {
        "need_id": str(n1["id"]), "offering_id": str(ours["id"]),
        "score": "4", "evidence": "", "source": typed})
    expect_eq(st, 422, "score without evidence")
    expect("required with a score" in (error_of(body, "score", "evidence")
                                       or ""), "evidence message")
    expect('value="typed &lt;script&gt;' in body, "source kept")
    st, h, body = post_form(base + "/scores", {
        "need_id": str(n1["id"]), "offering_id": str(ours["id"]),
        "score": "7", "evidence": "x"})
    expect_eq(st, 422, "score out of range")
    expect(error_of(body, "score", "score"), "beside score")
    st, h, body = post_form(base + "/scores", {
        "need_id": "999999", "offering_id": str(ours["id"]),
        "score": "3", "evidence": "x"})
    expect_eq(st, 422, "need of no deal")
    st, h, body = post_form(base + "/offerings", {
        "vendor": "V", "name": typed, "whose": "", "price_minor": "12abc"})
    expect_eq(st, 422, "whose missing")
    expect(error_of(body, "offering", "whose"), "beside whose")
    expect('value="typed &lt;script&gt;' in body, "name kept")
    st, h, body = post_form(base + "/offerings", {
        "vendor": "V", "name": "N", "whose": "ours", "price_minor": "12abc"})
    expect_eq(st, 422, "bad price")
    expect(error_of(body, "offering", "price_minor"), "beside price")
    st, h, body = post_form(base + "/offerings", {
        "vendor": "V", "name": "N", "whose": "ours",
        "links": "javascript:alert(1)"})
    expect_eq(st, 422, "bad link")
    st, h, body = post_form(base + "/offerings", {
        "vendor": "Them", "name": theirs["name"], "whose": "theirs"})
    expect_eq(st, 409, "duplicate offering")
    st, h, body = post_form(base + "/recommend", {
        "offering_id": str(theirs["id"]), "rationale": ""})
    expect_eq(st, 422, "no rationale")
    expect(error_of(body, "rec", "rationale"), "beside rationale")
    st, h, body = post_form(base + "/recommend", {
        "offering_id": "abc", "rationale": "x"})
    expect_eq(st, 422, "bad offering id")
    st, h, body = post_form(base + "/needs", None, raw=b"words=%ff%fe")
    expect(st < 500, "bad UTF-8: %d" % st)
    st, h, body = post_form("/deals/999999/fit/needs", {"words": "x"})
    expect_eq(st, 404, "no deal")
    recs = api("GET", "/api/v1/deals/%d/recommendations" % d["id"])
    expect_eq(recs["items"], [], "nothing half-written")


def test_guide_printable_for_the_buyer():
    d, n1, n2, ours, theirs = setup()
    st, h, body = page("/deals/%d/guide" % d["id"])
    clean_html(st, h, body, "guide")
    expect('href="/static/advisor.css"' in body, "print stylesheet")
    expect("<nav" not in body and "<form" not in body,
           "no seller navigation or forms")
    expect("another company" in body, "competitors named as such")
    expect("We have not made a recommendation yet" in body, "no rec yet")
    expect("not known yet" in body, "unknowns shown")
    expect('href="https://us.example/?a=1&amp;b=2"' in body,
           "link escaped in attribute")
    api("POST", "/api/v1/deals/%d/recommendations" % d["id"],
        {"offering_id": theirs["id"], "rationale": "It works offline."})
    st, h, body = page("/deals/%d/guide" % d["id"])
    expect("which is not ours" in body and "It works offline." in body,
           "recommendation and why")
    r = srv.get("/static/advisor.css")
    expect_eq(r.status, 200, "css served")
    expect(b"@media print" in r.body, "print rules")
    st, h, body = page("/deals/999999/guide")
    expect_eq(st, 404, "missing deal")
    rc, err = srv.stop()
    expect_eq(rc, 0, "server exit (%s)" % err[-2000:])


if __name__ == "__main__":
    srv = Server(BIN)
    main([test_fit_page_shows_everything_escaped, test_forms_good_input,
          test_forms_bad_input_keep_typed,
          test_guide_printable_for_the_buyer])
