"""The server's life: start, the log line, keep-alive, the home page and
its headers, assets, IPv6, refusing a bad database or address, and a clean
stop on SIGTERM.

usage: test_server.py RAPPORT_BINARY
"""
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile

from harness import Server, expect, expect_eq, main, run_cli

BIN = sys.argv[1]


def test_starts_logs_and_stops_cleanly():
    s = Server(BIN)
    expect_eq(s.get("/healthz").status, 200, "healthy")
    code, err = s.stop()
    expect_eq(code, 0, "exit code after SIGTERM")
    expect("rapport: serving http://127.0.0.1:%d (database " % s.port in err,
           "start line: %r" % err)
    expect("ERROR" not in err and "AddressSanitizer" not in err,
           "no errors: %r" % err)


def test_stops_with_open_connections():
    s = Server(BIN)
    c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
    c.request("GET", "/healthz")
    c.getresponse().read()
    idle = socket.create_connection(("127.0.0.1", s.port), timeout=10)
    code, _ = s.stop()
    expect_eq(code, 0, "clean stop with idle connections")
    c.close()
    idle.close()


def test_keep_alive():
    s = Server(BIN)
    try:
        c = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
        c.request("GET", "/healthz")
        r = c.getresponse()
        r.read()
        sock = c.sock
        expect(sock is not None, "connection kept open")
        for _ in range(5):
            c.request("GET", "/api/v1/people")
            r = c.getresponse()
            r.read()
            expect_eq(r.status, 200, "status")
        expect(c.sock is sock, "the same connection served every request")
        c.request("POST", "/api/v1/people", body=b'{"given_name":"K"}',
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        expect_eq(r.status, 201, "post on a kept connection")
        c.close()
    finally:
        s.stop()


def test_home_page_escapes_and_headers():
    s = Server(BIN)
    try:
        evil = "<script>alert('x')</script>&\""
        p = s.post("/api/v1/people", {"given_name": evil,
                                      "cadence_days": 1}).json
        s.post("/api/v1/interactions",
               {"kind": "call", "summary": "<b>bold</b>", "people": [p["id"]],
                "occurred_at": "2020-01-01T00:00:00Z",
                "follow_up_on": "2020-01-02"})
        r = s.get("/")
        expect_eq(r.status, 200, "home (%r)" % r)
        expect(r.headers["Content-Type"].startswith("text/html"), "html")
        expect_eq(r.headers["Content-Security-Policy"],
                  "default-src 'self'; frame-ancestors 'none'", "CSP")
        expect_eq(r.headers["X-Content-Type-Options"], "nosniff", "nosniff")
        expect_eq(r.headers["Referrer-Policy"], "same-origin", "referrer")
        html = r.body.decode()
        expect("<script>" not in html, "no raw script tag")
        expect("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
               in html, "name escaped")
        expect("&lt;b&gt;bold&lt;/b&gt;" in html, "summary escaped")
        expect("/static/app.css" in html, "stylesheet")
        expect("http" not in html.replace("http-equiv", ""),
               "no outside requests")
        r = s.get("/static/app.css")
        expect_eq(r.status, 200, "css")
        expect(r.headers["Content-Type"].startswith("text/css"), "css type")
        expect(b"body" in r.body, "css body")
        expect_eq(s.get("/static/nope.css").status, 404, "missing asset")
        r = s.request("HEAD", "/healthz")
        expect_eq((r.status, r.body), (200, b""), "HEAD")
    finally:
        s.stop()


def test_refuses_a_database_it_cannot_use():
    d = tempfile.mkdtemp(prefix="rapport-test-")
    bad = os.path.join(d, "notadb")
    with open(bad, "wb") as f:
        f.write(b"this is not a database" * 100)
    code, out, err = run_cli(BIN, "serve", "--listen", "127.0.0.1:0",
                             "--db", bad, timeout=20)
    expect(code != 0, "refused: exit %d" % code)
    expect("rapport serve:" in err, "clear error: %r" % err)
    code, out, err = run_cli(BIN, "serve", "--listen", "127.0.0.1:0", "--db",
                             os.path.join(d, "no", "such", "dir", "x.db"),
                             timeout=20)
    expect(code != 0, "missing directory refused")
    shutil.rmtree(d, ignore_errors=True)


def test_refuses_bad_listen_addresses():
    d = tempfile.mkdtemp(prefix="rapport-test-")
    for spec in ["localhost", "127.0.0.1", "127.0.0.1:99999",
                 "127.0.0.1:x", "[::1", "300.1.1.1:80"]:
        code, out, err = run_cli(BIN, "serve", "--listen", spec, "--db",
                                 os.path.join(d, "unused.db"), timeout=20)
        expect(code != 0, "%s refused" % spec)
        expect("--listen" in err, "%s: message names --listen: %r" %
               (spec, err))
    expect(not os.path.exists(os.path.join(d, "unused.db")),
           "no database made for a bad address")
    shutil.rmtree(d, ignore_errors=True)


def test_port_in_use_is_refused():
    s = Server(BIN)
    try:
        code, out, err = run_cli(BIN, "serve", "--listen",
                                 "127.0.0.1:%d" % s.port, "--db",
                                 os.path.join(s.dir, "other.db"), timeout=20)
        expect(code != 0, "second server refused")
        expect("cannot listen" in err, "says why: %r" % err)
    finally:
        s.stop()


def test_ipv6_loopback():
    try:
        probe = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        probe.bind(("::1", 0))
        probe.close()
    except OSError:
        print("skip: no IPv6 loopback here")
        return
    d = tempfile.mkdtemp(prefix="rapport-test-")
    pf = os.path.join(d, "port")
    p = subprocess.Popen([BIN, "serve", "--listen", "[::1]:0", "--db",
                          os.path.join(d, "t.db"), "--port-file", pf],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        import time
        deadline = time.time() + 20
        while time.time() < deadline and not os.path.exists(pf):
            time.sleep(0.05)
        port = int(open(pf).read())
        c = http.client.HTTPConnection("::1", port, timeout=10)
        c.request("GET", "/healthz")
        expect_eq(c.getresponse().status, 200, "served over IPv6")
        c.close()
    finally:
        p.terminate()
        p.wait(timeout=10)
        p.communicate()
        expect_eq(p.returncode, 0, "clean stop")
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main([test_starts_logs_and_stops_cleanly,
          test_stops_with_open_connections, test_keep_alive,
          test_home_page_escapes_and_headers,
          test_refuses_a_database_it_cannot_use,
          test_refuses_bad_listen_addresses, test_port_in_use_is_refused,
          test_ipv6_loopback])
