"""Server-side tests of the HTML pages: statuses, escaping, and forms.

Runs the real server on 127.0.0.1:0 with a fresh database. Every page
answers HTML with the CSP; every form answers 303 on good input and 422
with the message beside the field (and what was typed kept) on bad input;
no input, however mangled, gets a 500. Usage: test_pages.py RAPPORT_BINARY
"""
import http.client
import re
import sys
import urllib.parse

from harness import Server, expect, expect_eq, main

BIN = sys.argv[1]
srv = None

XSS_NAMES = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


def post_form(path, fields, content_type="application/x-www-form-urlencoded",
              raw=None):
    """POSTs a form without following redirects; returns (status,
    headers, body text)."""
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


def new_person(**fields):
    fields.setdefault("given_name", "Ana")
    status, headers, body = post_form("/people/new", fields)
    expect_eq(status, 303, "create person status (%s)" % body[:400])
    loc = headers["Location"]
    expect(re.fullmatch(r"/people/\d+", loc), "Location %r" % loc)
    return int(loc.rsplit("/", 1)[1])


def error_of(body, form, field):
    """The text of the error shown beside form's field, or None."""
    m = re.search(r'<p class="error" id="%s-%s-error">([^<]*)</p>'
                  % (form, field), body)
    return m.group(1) if m else None


def test_every_page_is_html_with_csp():
    pid = new_person(given_name="Page", family_name="Walker")
    status, headers, _ = post_form("/organizations/new", {"name": "Acme"})
    expect_eq(status, 303, "create org")
    oid = int(headers["Location"].rsplit("/", 1)[1])
    for path in ["/", "/people", "/people/new", "/people/%d" % pid,
                 "/people/%d/edit" % pid, "/organizations",
                 "/organizations/new", "/organizations/%d" % oid, "/coach",
                 "/people?q=pag", "/people?tag=none", "/people?org_id=%d"
                 % oid]:
        status, headers, body = page(path)
        expect_eq(status, 200, path)
        expect(headers["Content-Type"].startswith("text/html"), path)
        expect("default-src 'self'" in headers["Content-Security-Policy"],
               path)
        expect('<a class="skip" href="#main">' in body, "skip link " + path)
        expect('<nav aria-label="Main">' in body, "nav " + path)
        expect("<script>" not in body, "no inline script " + path)
        expect(" style=" not in body, "no inline style " + path)


def test_nav_marks_current_and_hides_deals():
    _, _, body = page("/people")
    expect('<a href="/people" aria-current="page">People</a>' in body,
           "current section marked")
    expect('<a href="/deals">Deals</a>' in body, "deals in the nav")


def test_static_assets():
    r = srv.get("/static/app.js")
    expect_eq(r.status, 200, "app.js")
    expect(r.headers["Content-Type"].startswith("text/javascript"), "js type")
    r = srv.get("/static/app.css")
    expect_eq(r.status, 200, "app.css")


def test_add_person_then_fact_date_touch():
    pid = new_person(given_name="Maria", family_name="Lopez",
                     contact_kind=["email", "phone"],
                     contact_label=["work", ""],
                     contact_value=["maria@example.com", ""],
                     tags="Client, golf", cadence_days="30",
                     how_met="Conference in Lisbon\r\nover coffee")
    _, _, body = page("/people/%d" % pid)
    expect("Maria Lopez" in body, "name shown")
    expect("maria@example.com" in body, "contact shown")
    expect('href="/people?tag=client"' in body, "tags lower-cased, linked")
    expect("Conference in Lisbon\nover coffee" in body, "CRLF made LF")
    s, h, b = post_form("/people/%d/facts" % pid,
                        {"kind": "family", "label": "daughter",
                         "value": "Sofia, 7"})
    expect_eq(s, 303, "fact " + b[:300])
    expect(h["Location"].startswith("/people/%d" % pid), "back to person")
    s, _, b = post_form("/people/%d/dates" % pid,
                        {"kind": "birthday", "month": "2", "day": "29",
                         "year": "1988", "remind_days": "14"})
    expect_eq(s, 303, "date " + b[:300])
    s, _, b = post_form("/people/%d/interactions" % pid,
                        {"kind": "call", "on": "2024-05-02",
                         "summary": "Talked about her trip",
                         "follow_up_on": "2024-06-01"})
    expect_eq(s, 303, "touch " + b[:300])
    _, _, body = page("/people/%d" % pid)
    expect("Sofia, 7" in body and "daughter" in body, "fact shown")
    expect("February 29, 1988" in body, "date shown")
    expect("Talked about her trip" in body, "touch on the timeline")
    expect(body.index("Sofia, 7") < body.index("Talked about her trip"),
           "facts come before the timeline")


def test_bad_person_form_is_422_next_to_field_and_kept():
    s, _, body = post_form("/people/new",
                           {"given_name": "", "family_name": "Typed Kept",
                            "met_on": "2023-02-30"})
    expect_eq(s, 422, "status")
    expect('value="Typed Kept"' in body, "typed text kept")
    msg = error_of(body, "person", "given_name") or error_of(
        body, "person", "met_on")
    expect(msg, "error shown beside a field")
    s, _, body = post_form("/people/new",
                           {"given_name": "Bo", "met_on": "2023-02-30"})
    expect_eq(s, 422, "bad date status")
    expect("is not a date" in error_of(body, "person", "met_on"), "met_on")
    expect('aria-invalid="true"' in body, "field marked invalid")
    s, _, body = post_form("/people/new",
                           {"given_name": "Bo", "cadence_days": "abc"})
    expect_eq(s, 422, "bad number")
    expect(error_of(body, "person", "cadence_days"), "cadence error")
    s, _, body = post_form("/people/new",
                           {"given_name": "Bo", "tags": "bad tag!"})
    expect_eq(s, 422, "bad tag")
    expect(error_of(body, "person", "tags"), "tags error")
    expect('value="bad tag!"' in body, "typed tag kept")


def test_bad_quick_forms_are_422():
    pid = new_person(given_name="Quinn")
    cases = [
        ("facts", {"kind": "like", "value": ""}, "fact", "value"),
        ("facts", {"kind": "nope", "value": "x"}, "fact", "kind"),
        ("dates", {"kind": "birthday", "month": "2", "day": "30",
                   "year": "2023"}, "date", None),
        ("dates", {"kind": "custom", "month": "3", "day": "3"}, "date",
         "label"),
        ("dates", {"kind": "birthday", "month": "13", "day": "1"}, "date",
         "month"),
        ("interactions", {"kind": "call", "summary": ""}, "touch",
         "summary"),
        ("interactions", {"kind": "call", "summary": "x", "on": "2999-01-01"},
         "touch", "on"),
        ("interactions", {"kind": "call", "summary": "x",
                          "follow_up_on": "soon"}, "touch", "follow_up_on"),
    ]
    for path, fields, form, field in cases:
        s, _, body = post_form("/people/%d/%s" % (pid, path), fields)
        expect_eq(s, 422, "%s %r" % (path, fields))
        if field:
            expect(error_of(body, form, field), "%s error beside %s: %s" %
                   (path, field, body[-1500:]))
        expect('class="error"' in body, "an error is shown")
        for k, v in fields.items():
            if v and k not in ("kind", "month"):
                expect(('value="%s"' % v) in body, "typed %r kept" % v)


def test_no_input_gets_a_500():
    pid = new_person(given_name="Robust")
    paths = ["/people/new", "/people/%d/edit" % pid, "/people/%d/facts" % pid,
             "/people/%d/dates" % pid, "/people/%d/interactions" % pid,
             "/organizations/new", "/coach", "/people/%d/delete" % pid]
    raws = [b"", b"&&&", b"=", b"a", b"%", b"%zz=%", b"given_name=%00",
            b"given_name=%ff%fe", b"kind=%C0%80", b"given_name=" + b"x" * 5000,
            b"day=99999999999999999999&month=-1&year=abc&kind=birthday",
            b"kind=call&summary=x&on=0000-00-00",
            b"org_id=-5&referred_by=99999999999999999999&given_name=a",
            b"contact_value=x&contact_kind=fax&given_name=a",
            b"contact_value=x&given_name=a",
            b"referred_by=%d&given_name=Self" % pid,
            b"org_id=424242&given_name=a",
            b"role=transcript&text=no+colon+here&seller=Zed",
            b"role=buyer&text=" + b"%E2%82%AC" * 100,
            b"&".join([b"f%d=v" % i for i in range(1200)])]
    for path in paths:
        for raw in raws:
            s, _, body = post_form(path, None, raw=raw)
            expect(s in (303, 400, 409, 413, 422) or
                   (s == 200 and path == "/coach"),
                   "%s %r gave %d: %s" % (path, raw[:60], s, body[:300]))
    for path in ["/people/%d/facts" % pid, "/coach"]:
        s, _, _ = post_form(path, None, content_type="application/json",
                            raw=b"{}")
        expect_eq(s, 415, "json to a form route " + path)
        s, _, _ = post_form(path, None, content_type="multipart/form-data",
                            raw=b"x")
        expect_eq(s, 415, "multipart to a form route " + path)
    for q in ["?cursor=zz", "?org_id=abc", "?q=" + "a" * 300, "?tag=%ff",
              "?bogus=1"]:
        s, _, _ = page("/people" + q)
        expect_eq(s, 400, "bad query " + q)
    s, h, body = page("/people/999999")
    expect_eq(s, 404, "missing person")
    expect(h["Content-Type"].startswith("text/html"), "404 is a page")
    s, _, _ = post_form("/people/999999/facts", {"kind": "like", "value": "x"})
    expect_eq(s, 404, "fact on a missing person")


def test_names_are_escaped_everywhere():
    ids = [new_person(given_name=n, title=n, notes=n) for n in XSS_NAMES]
    for path in ["/people", "/people?q=script", "/people?q=img"] + \
            ["/people/%d" % i for i in ids] + \
            ["/people/%d/edit" % i for i in ids]:
        _, _, body = page(path)
        expect("<script>alert" not in body, "raw script in " + path)
        expect("<img src=x" not in body, "raw img in " + path)
    _, _, body = page("/people/%d" % ids[0])
    expect("&lt;script&gt;alert(1)&lt;/script&gt;" in body, "shown as text")
    _, _, body = page("/people/%d/edit" % ids[1])
    expect('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in body,
           "escaped in the attribute")
    s, _, body = post_form("/people/new", {"given_name": "",
                                           "family_name": XSS_NAMES[1]})
    expect_eq(s, 422, "bad form with xss")
    expect("<img src=x" not in body, "typed text escaped when kept")


def test_search_and_paging():
    for i in range(55):
        r = srv.post("/api/v1/people",
                     {"given_name": "Pager%02d" % i, "tags": ["paged"]})
        expect_eq(r.status, 201, "api create")
    _, _, body = page("/people?tag=paged")
    expect_eq(body.count("Pager"), 50, "first page holds 50")
    m = re.search(r'href="(/people\?cursor=[^"]+)"', body)
    expect(m, "next page link")
    _, _, body2 = page(m.group(1).replace("&amp;", "&"))
    expect_eq(body2.count("Pager"), 5, "second page holds the rest")
    _, _, body = page("/people?q=pager07")
    expect("Pager07" in body and "Pager08" not in body, "search by prefix")


def test_edit_and_delete_person():
    pid = new_person(given_name="Edith", contact_kind="email",
                     contact_value="e@example.com")
    _, _, form = page("/people/%d/edit" % pid)
    expect('value="e@example.com"' in form, "contact in the edit form")
    s, _, _ = post_form("/people/%d/edit" % pid,
                        {"given_name": "Edith", "family_name": "Stone",
                         "contact_kind": "email",
                         "contact_value": "e@example.com"})
    expect_eq(s, 303, "edit")
    _, _, body = page("/people/%d" % pid)
    expect("Edith Stone" in body, "edited name")
    s, _, body = post_form("/people/%d/edit" % pid, {"given_name": " "})
    expect_eq(s, 422, "blank name on edit")
    s, _, _ = post_form("/people/%d/delete" % pid, {})
    expect_eq(s, 422, "delete needs the box ticked")
    expect_eq(page("/people/%d" % pid)[0], 200, "still there")
    s, h, _ = post_form("/people/%d/delete" % pid, {"confirm": "yes"})
    expect_eq(s, 303, "delete")
    expect_eq(h["Location"], "/people", "back to the list")
    expect_eq(page("/people/%d" % pid)[0], 404, "gone")


def test_relationships_from_both_sides_and_referrer():
    a = new_person(given_name="Alma")
    b = new_person(given_name="Ben", referred_by=str(a))
    r = srv.post("/api/v1/relationships",
                 {"type": "manager", "from_id": a, "to_id": b})
    if r.status != 201:
        r = srv.post("/api/v1/relationships",
                     {"type_name": "manager", "from_id": a, "to_id": b})
    expect_eq(r.status, 201, "relationship " + r.body.decode()[:300])
    _, _, pa = page("/people/%d" % a)
    _, _, pb = page("/people/%d" % b)
    expect("manager of Ben" in pa, "from Alma's side")
    expect("reports to Alma" in pb, "from Ben's side")
    expect("Introduced by" in pb and 'href="/people/%d"' % a in pb,
           "referrer linked")


def test_orgs_pages():
    s, h, _ = post_form("/organizations/new",
                        {"name": "Globex", "domain": "globex.example",
                         "industry": "Energy"})
    expect_eq(s, 303, "create org")
    oid = int(h["Location"].rsplit("/", 1)[1])
    new_person(given_name="Hank", org_id=str(oid), title="CEO")
    _, _, body = page("/organizations/%d" % oid)
    expect("Globex" in body and "Hank" in body and "CEO" in body, "org page")
    _, _, body = page("/organizations")
    expect("Globex" in body, "in the list")
    s, _, body = post_form("/organizations/new",
                           {"name": "", "industry": "Kept Industry"})
    expect_eq(s, 422, "org without a name")
    expect(error_of(body, "org", "name"), "name error")
    expect('value="Kept Industry"' in body, "kept")
    s, _, body = post_form("/organizations/new",
                           {"name": "X", "domain": "not a domain"})
    expect_eq(s, 422, "bad domain")
    expect(error_of(body, "org", "domain"), "domain error")


def test_coach_page():
    s, _, body = post_form("/coach", {
        "role": "seller",
        "text": "This offer expires today, so act now. <b>Only 3 left</b>"})
    expect_eq(s, 200, "coach")
    expect(re.search(r'<mark class="sev-\w+" id="m-1" data-label="urgency">',
                     body), "urgency marked in place")
    expect('<li id="f-1">' in body and "Try:" in body,
           "reason and suggestion listed")
    expect("&lt;b&gt;" in body and "<b>Only" not in body, "text escaped")
    s, _, body = post_form("/coach", {"role": "seller", "text": "  "})
    expect_eq(s, 422, "empty text")
    expect(error_of(body, "coach", "text"), "error beside the textarea")
    s, _, body = post_form("/coach", {
        "role": "transcript",
        "text": "Sam: Can you tell me about your team?\n"
                "Ana: We are five people and budget is tight.\n"})
    expect_eq(s, 200, "transcript")
    expect("43%" in body and "65%" in body and "11–14" in body,
           "reference figures")
    expect("Share of talk" in body, "talk figures")
    s, _, body = post_form("/coach", {"role": "transcript",
                                      "text": "Sam: hello\nAna: hi\n",
                                      "seller": "Zed"})
    expect_eq(s, 422, "unknown seller")
    expect(error_of(body, "coach", "seller"), "seller error")
    s, _, _ = post_form("/coach", {"role": "boss", "text": "x"})
    expect_eq(s, 422, "bad role")


def test_today_links_to_people():
    import datetime
    today = datetime.date.today()
    pid = new_person(given_name="Duey", cadence_days="7")
    s, _, b = post_form("/people/%d/interactions" % pid,
                        {"kind": "call", "summary": "Old call",
                         "on": (today - datetime.timedelta(days=10))
                         .isoformat(),
                         "follow_up_on": (today - datetime.timedelta(days=1))
                         .isoformat()})
    expect_eq(s, 303, "touch " + b[:300])
    soon = today + datetime.timedelta(days=3)
    s, _, b = post_form("/people/%d/dates" % pid,
                        {"kind": "birthday", "month": str(soon.month),
                         "day": str(soon.day), "year": "1990"})
    expect_eq(s, 303, "date " + b[:300])
    s, _, body = page("/")
    expect_eq(s, 200, "today")
    link = '<a href="/people/%d">Duey</a>' % pid
    expect_eq(body.count(link), 3, "due, date and follow-up link the person")
    expect("every 7 days" in body, "why they are due")
    expect("Old call" in body, "the follow-up")
    expect('aria-current="page">Today<' in body, "nav marks today")
    s, _, _ = page("/?tz_offset=bogus")
    expect_eq(s, 400, "bad tz_offset")


def run():
    global srv
    srv = Server(BIN)
    try:
        main([test_every_page_is_html_with_csp,
              test_nav_marks_current_and_hides_deals, test_static_assets,
              test_add_person_then_fact_date_touch,
              test_bad_person_form_is_422_next_to_field_and_kept,
              test_bad_quick_forms_are_422, test_no_input_gets_a_500,
              test_names_are_escaped_everywhere, test_search_and_paging,
              test_edit_and_delete_person,
              test_relationships_from_both_sides_and_referrer,
              test_orgs_pages, test_coach_page, test_today_links_to_people])
    finally:
        srv.stop()


if __name__ == "__main__":
    run()
