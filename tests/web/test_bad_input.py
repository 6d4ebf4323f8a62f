"""Bad input against the real server: every kind gets a clear
application/problem+json answer naming the field and the rule, changes
nothing, and never a 500.

usage: test_bad_input.py RAPPORT_BINARY
"""
import http.client
import json
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


def problem(r, status, field=None, what=""):
    """Checks r is an RFC 9457 problem with status (and field)."""
    expect_eq(r.status, status, "%s status (%r)" % (what, r))
    expect(r.headers["Content-Type"].startswith("application/problem+json"),
           "%s problem content type" % what)
    p = r.json
    for k in ("type", "title", "status", "detail"):
        expect(k in p, "%s problem has %s" % (what, k))
    expect_eq(p["status"], status, "%s status in body" % what)
    if field is not None:
        expect_eq(p.get("field"), field, "%s field" % what)
    return p


def raw(method, path, data, headers=JSON):
    return server().request(method, path, raw=data, headers=headers)


def count_people():
    n, url = 0, "/api/v1/people?limit=500"
    while True:
        r = server().get(url)
        n += len(r.json["items"])
        if r.json["next_cursor"] is None:
            return n
        url = "/api/v1/people?limit=500&cursor=" + r.json["next_cursor"]


def test_malformed_json_says_where():
    r = raw("POST", "/api/v1/people", b'{"given_name": "Ana",\n "x": }')
    p = problem(r, 400, "body", "malformed")
    expect("line 2" in p["detail"] and "column" in p["detail"],
           "detail says where: %r" % p["detail"])
    problem(raw("POST", "/api/v1/people", b""), 400, "body", "empty body")
    problem(raw("POST", "/api/v1/people", b"[1,2]"), 400, "body", "array")
    problem(raw("POST", "/api/v1/people", b'{"given_name":"a"} x'), 400,
            "body", "trailing garbage")
    problem(raw("POST", "/api/v1/people",
                b'{"given_name":"a","given_name":"b"}'), 400, "body",
            "duplicate key")


def test_unknown_and_read_only_fields():
    p = problem(server().post("/api/v1/people",
                              {"given_name": "A", "nickname": "x"}),
                400, "nickname", "unknown field")
    expect("not a field" in p["detail"], "rule named: %r" % p["detail"])
    p = problem(server().post("/api/v1/people", {"given_name": "A", "id": 5}),
                400, "id", "read-only")
    expect("read-only" in p["detail"], "rule named")
    problem(server().post("/api/v1/people",
                          {"given_name": "A",
                           "contacts": [{"kind": "email", "value": "a@b",
                                         "colour": "red"}]}),
            400, "contacts[0].colour", "unknown contact field")


def test_wrong_types():
    s = server()
    p = problem(s.post("/api/v1/people", {"given_name": 5}), 400,
                "given_name", "number for a string")
    expect("must be a string" in p["detail"], "rule: %r" % p["detail"])
    problem(s.post("/api/v1/people", {"given_name": "A", "tags": "vip"}),
            400, "tags", "string for an array")
    problem(s.post("/api/v1/people", {"given_name": "A", "org_id": "1"}),
            400, "org_id", "string for an id")
    problem(s.post("/api/v1/people", {"given_name": "A",
                                      "cadence_days": 1.5}),
            400, "cadence_days", "decimal for an integer")
    problem(s.post("/api/v1/people", {"given_name": "A", "tags": [1]}),
            400, "tags[0]", "number in tags")
    problem(s.post("/api/v1/interactions",
                   {"kind": "call", "summary": "x", "people": [1],
                    "follow_up_done": "yes"}),
            400, "follow_up_done", "string for a boolean")
    problem(s.post("/api/v1/people", {"given_name": None}), 400,
            "given_name", "null for a required field")


def test_string_lengths_max_and_max_plus_one():
    s = server()
    r = s.post("/api/v1/people", {"given_name": "a" * 200})
    expect_eq(r.status, 201, "200 bytes fit (%r)" % r)
    p = problem(s.post("/api/v1/people", {"given_name": "a" * 201}), 400,
                "given_name", "201 bytes")
    expect("200" in p["detail"], "limit named: %r" % p["detail"])
    # Bytes, not characters: 100 two-byte letters fit, 101 do not.
    r = s.post("/api/v1/people", {"given_name": "\u00e9" * 100})
    expect_eq(r.status, 201, "200 bytes of UTF-8 fit")
    problem(s.post("/api/v1/people", {"given_name": "\u00e9" * 101}), 400,
            "given_name", "202 bytes of UTF-8")
    r = s.post("/api/v1/people", {"given_name": "A", "notes": "n" * 20000})
    expect_eq(r.status, 201, "notes at the max")
    problem(s.post("/api/v1/people", {"given_name": "A",
                                      "notes": "n" * 20001}),
            400, "notes", "notes over the max")


def test_bad_dates_and_enums():
    s = server()
    p = problem(s.post("/api/v1/people", {"given_name": "A",
                                          "met_on": "2023-02-30"}),
                400, "met_on", "30 February")
    expect("2023-02-30" in p["detail"] and "YYYY-MM-DD" in p["detail"],
           "rule: %r" % p["detail"])
    problem(s.post("/api/v1/people", {"given_name": "A",
                                      "met_on": "03/04/2023"}),
            400, "met_on", "other date format")
    pid = s.post("/api/v1/people", {"given_name": "Enum"}).json["id"]
    p = problem(s.post("/api/v1/people/%d/facts" % pid,
                       {"kind": "hobby", "value": "x"}),
                400, "kind", "bad fact kind")
    expect("passion" in p["detail"], "allowed values listed")
    problem(s.post("/api/v1/people", {"given_name": "A",
                                      "contacts": [{"kind": "fax",
                                                    "value": "1"}]}),
            400, "contacts[0].kind", "bad contact kind")
    problem(s.post("/api/v1/interactions",
                   {"kind": "visit", "summary": "x", "people": [pid]}),
            400, "kind", "bad interaction kind")
    problem(s.post("/api/v1/interactions",
                   {"kind": "call", "summary": "x", "people": [pid],
                    "occurred_at": "yesterday"}),
            400, "occurred_at", "bad time")
    problem(s.post("/api/v1/people/%d/dates" % pid,
                   {"kind": "birthday", "month": 13, "day": 1}),
            400, "month", "month 13")
    problem(s.post("/api/v1/people/%d/dates" % pid,
                   {"kind": "birthday", "month": 4, "day": 31}),
            422, "day", "31 April")


def test_body_over_one_mib_is_413():
    s = server()
    before = count_people()
    big = json.dumps({"given_name": "A", "notes": "x" * (1024 * 1024)})
    problem(raw("POST", "/api/v1/people", big.encode()), 413, None, "big")
    # Exactly 1 MiB is read (and then refused for the notes' length).
    body = b'{"given_name":"A","notes":"' + b"x" * (1024 * 1024 - 32) + b'"}'
    body += b" " * (1024 * 1024 - len(body))
    expect_eq(len(body), 1024 * 1024, "1 MiB body")
    problem(raw("POST", "/api/v1/people", body), 400, "notes", "1 MiB")
    expect_eq(count_people(), before, "nothing written")


def test_missing_records_are_404():
    s = server()
    for path in ["/api/v1/people/999999", "/api/v1/organizations/999999",
                 "/api/v1/facts/999999", "/api/v1/dates/999999",
                 "/api/v1/interactions/999999",
                 "/api/v1/relationships/999999",
                 "/api/v1/people/999999/relationships",
                 "/api/v1/people/999999/dates",
                 "/api/v1/nothing", "/api/v1/people/abc",
                 "/api/v1/people/-1", "/api/v1/people/0",
                 "/api/v1/people/99999999999999999999"]:
        problem(s.get(path), 404, None, path)
    problem(s.patch("/api/v1/people/999999", {"title": "x"}), 404, None,
            "patch missing")
    problem(s.delete("/api/v1/organizations/999999"), 404, None,
            "delete missing")
    problem(s.delete("/api/v1/relationship-types/999999"), 404, None,
            "delete missing type")


def test_wrong_method_is_405_with_allow():
    s = server()
    r = s.put("/api/v1/people", {"given_name": "A"})
    problem(r, 405, None, "PUT people")
    allow = [m.strip() for m in r.headers["Allow"].split(",")]
    expect_eq(sorted(allow), ["GET", "HEAD", "POST"], "Allow")
    r = s.post("/api/v1/people/1", {"given_name": "A"})
    problem(r, 405, None, "POST one person")
    expect_eq(sorted(m.strip() for m in r.headers["Allow"].split(",")),
              ["DELETE", "GET", "HEAD", "PATCH"], "Allow")
    r = s.delete("/api/v1/today")
    problem(r, 405, None, "DELETE today")
    r = s.request("GET", "/api/v1/tags/x")
    problem(r, 405, None, "GET one tag")
    expect_eq(r.headers["Allow"], "PUT", "Allow")


def test_references_to_missing_records_are_422():
    s = server()
    problem(s.post("/api/v1/people", {"given_name": "A", "org_id": 999999}),
            422, "org_id", "missing org")
    problem(s.post("/api/v1/people", {"given_name": "A",
                                      "referred_by": 999999}),
            422, "referred_by", "missing referrer")
    problem(s.post("/api/v1/interactions",
                   {"kind": "call", "summary": "x", "people": [999999]}),
            422, None, "missing person on an interaction")
    pid = s.post("/api/v1/people", {"given_name": "Ref"}).json["id"]
    problem(s.post("/api/v1/people/%d/facts" % pid,
                   {"kind": "like", "value": "x",
                    "interaction_id": 999999}),
            422, "interaction_id", "missing interaction")


def test_nothing_half_written():
    s = server()
    before = count_people()
    problem(s.post("/api/v1/people",
                   {"given_name": "Half", "tags": ["t1"],
                    "contacts": [{"kind": "email", "value": "a@b"},
                                 {"kind": "email", "value": ""}]}),
            422, None, "bad second contact")
    problem(s.post("/api/v1/people",
                   {"given_name": "Half", "org_id": 999999,
                    "contacts": [{"kind": "email", "value": "a@b"}]}),
            422, "org_id", "bad org after good contacts")
    expect_eq(count_people(), before, "no person left behind")
    tags = [t["name"] for t in s.get("/api/v1/tags").json["items"]]
    expect("t1" not in tags, "no tag left behind")
    p = s.post("/api/v1/people", {"given_name": "Whole",
                                  "tags": ["keep"]}).json
    problem(s.patch("/api/v1/people/%d" % p["id"],
                    {"title": "new", "org_id": 999999}),
            422, "org_id", "bad patch")
    q = s.get("/api/v1/people/%d" % p["id"]).json
    expect_eq(q, p, "person unchanged after a refused patch")


def test_invalid_utf8_and_huge_numbers():
    s = server()
    before = count_people()
    problem(raw("POST", "/api/v1/people", b'{"given_name": "\xff\xfe"}'),
            400, "body", "invalid UTF-8")
    problem(raw("POST", "/api/v1/people",
                b'{"given_name": "\xc0\xaf"}'), 400, "body", "overlong")
    problem(raw("POST", "/api/v1/people",
                b'{"given_name": "a\\u0000b"}'), 400, "body", "NUL")
    problem(raw("POST", "/api/v1/people",
                b'{"given_name": "A", "org_id": 99999999999999999999999}'),
            400, "body", "integer overflow")
    problem(raw("POST", "/api/v1/people",
                b'{"given_name": "A", "cadence_days": 1e400}'),
            400, "body", "real overflow")
    problem(s.post("/api/v1/people", {"given_name": "A",
                                      "cadence_days": 2 ** 62}),
            400, "cadence_days", "int out of range")
    problem(s.post("/api/v1/people", {"given_name": "A", "org_id": -3}),
            400, "org_id", "negative id")
    problem(s.post("/api/v1/people", {"given_name": "A", "org_id": 0}),
            400, "org_id", "zero id")
    problem(s.post("/api/v1/interactions",
                   {"kind": "call", "summary": "x", "people": [-1]}),
            400, "people[0]", "negative person id")
    problem(raw("POST", "/api/v1/people", b"[" * 5000 + b"]" * 5000), 400,
            "body", "deep nesting")
    expect_eq(count_people(), before, "nothing written")


def test_bad_query_parameters():
    s = server()
    problem(s.get("/api/v1/people?limit=0"), 400, "limit", "limit 0")
    problem(s.get("/api/v1/people?limit=501"), 400, "limit", "limit 501")
    problem(s.get("/api/v1/people?limit=ten"), 400, "limit", "limit text")
    problem(s.get("/api/v1/people?cursor=zzz"), 400, "cursor", "cursor")
    r = s.get("/api/v1/people?limit=1")
    cur = r.json["next_cursor"]
    if cur:
        bad = cur[:-1] + ("0" if cur[-1] != "0" else "1")
        problem(s.get("/api/v1/people?cursor=" + bad), 400, "cursor",
                "tampered cursor")
    problem(s.get("/api/v1/people?org_id=-1"), 400, "org_id", "org_id")
    problem(s.get("/api/v1/people?colour=red"), 400, "colour",
            "unknown parameter")
    problem(s.get("/api/v1/search?q=a&limit=1000"), 400, "limit",
            "search limit")


def test_form_content_type_is_415():
    problem(raw("POST", "/api/v1/people", b'{"given_name":"A"}',
                {"Content-Type": "application/x-www-form-urlencoded"}),
            415, None, "form post")
    problem(raw("POST", "/api/v1/people", b'{"given_name":"A"}',
                {"Content-Type": "text/plain"}), 415, None, "text post")


CORPUS = [b"", b"null", b"0", b'"x"', b"{}", b"[]", b"{", b"}",
          b'{"id": 1}', b'{"name": null}', b'{"kind": 5}',
          b'{"people": {}}', b'{"tags": [[]]}', b'{"contacts": [1]}',
          b'{"month": "2", "day": 31}', b'{"given_name": "\xed\xa0\x80"}',
          b'{"cadence_days": -1}', b'{"occurred_at": "2024-13-01T00:00:00Z"}',
          b'{"type_id": 1, "from_id": 1, "to_id": 1}',
          b'{"given_name": "' + b"\xe2\x82\xac" * 70 + b'"}',
          b'{"a": ' * 100 + b"1" + b"}" * 100]


def test_no_bad_input_gives_500():
    """Every route, every method, a corpus of bad bodies: never a 500."""
    s = server()
    pid = s.post("/api/v1/people", {"given_name": "Corpus"}).json["id"]
    paths = ["/", "/healthz", "/api/v1/people", "/api/v1/people/%d" % pid,
             "/api/v1/organizations", "/api/v1/organizations/1",
             "/api/v1/people/%d/facts" % pid, "/api/v1/facts/1",
             "/api/v1/people/%d/dates" % pid, "/api/v1/dates/1",
             "/api/v1/interactions", "/api/v1/interactions/1",
             "/api/v1/relationships", "/api/v1/relationships/1",
             "/api/v1/people/%d/relationships" % pid,
             "/api/v1/relationship-types", "/api/v1/relationship-types/1",
             "/api/v1/tags", "/api/v1/tags/x", "/api/v1/today",
             "/api/v1/search?q=x", "/static/app.css", "/static/nope"]
    for path in paths:
        for method in ["GET", "POST", "PUT", "PATCH", "DELETE"]:
            for body in CORPUS if method in ("POST", "PUT", "PATCH") else [
                    None]:
                r = raw(method, path, body)
                expect(r.status < 500, "%s %s %r gave %r" %
                       (method, path, body[:40] if body else body, r))
    expect_eq(s.get("/healthz").status, 200, "still healthy")


def test_bad_request_line_and_headers():
    """Things a client library would not send, on a raw connection."""
    s = server()
    for req in [b"GET /api/v1/people HTTP/1.1\r\nHost: x\r\n"
                b"Content-Length: -5\r\n\r\n",
                b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                b"GET /api/v1/people?limit=%ff HTTP/1.1\r\nHost: x\r\n\r\n",
                b"BREW /api/v1/people HTTP/1.1\r\nHost: x\r\n\r\n"]:
        c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
        c.connect()
        c.sock.sendall(req)
        try:
            resp = http.client.HTTPResponse(c.sock)
            resp.begin()
            expect(resp.status < 500 or resp.status == 501,
                   "%r gave %d" % (req[:40], resp.status))
        except (http.client.HTTPException, ConnectionError):
            pass
        c.close()
    expect_eq(s.get("/healthz").status, 200, "still healthy")


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
        main([test_malformed_json_says_where,
              test_unknown_and_read_only_fields, test_wrong_types,
              test_string_lengths_max_and_max_plus_one,
              test_bad_dates_and_enums, test_body_over_one_mib_is_413,
              test_missing_records_are_404,
              test_wrong_method_is_405_with_allow,
              test_references_to_missing_records_are_422,
              test_nothing_half_written, test_invalid_utf8_and_huge_numbers,
              test_bad_query_parameters, test_form_content_type_is_415,
              test_no_bad_input_gives_500,
              test_bad_request_line_and_headers,
              test_stops_cleanly_with_a_clean_log])
    finally:
        if S is not None:
            S.stop()
