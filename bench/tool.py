#!/usr/bin/env python3
"""Small helpers for bench/run (benchmark, outside the layers).

Subcommands:
  freeport              print a TCP port free on 127.0.0.1 right now
  get URL SECONDS       GET URL until it answers or SECONDS pass; print
                        "STATUS BYTES" of the answer (exit 1 if none came)
  body URL              GET URL once and write its body to standard output
                        (with BENCH_TOKEN, when set, as a Bearer token)
  token BASE LOGIN      log LOGIN in at BASE (POST /api/v1/session, the
                        password on standard input's first line), make an
                        API token through that session (POST
                        /api/v1/tokens) and print it
  wrk FILE              parse wrk --latency output; print
                        "RPS P50 P75 P90 P99 REQUESTS NON2XX SOCKERR"
                        with latencies in milliseconds
  compare A OP B        exit 0 when A OP B holds (OP one of >= > <= <)
Standard library only.
"""
import json
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.request

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def freeport():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


def fetch(url, timeout=10, method="GET", data=None, headers=None):
    """Returns (status, body, headers) of one request; HTTP errors are
    answers too."""
    req = urllib.request.Request(url, data=data, method=method,
                                 headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def get(url, seconds):
    deadline = time.time() + float(seconds)
    while True:
        try:
            status, body, _ = fetch(url)
            print(status, len(body))
            return 0
        except (OSError, urllib.error.URLError):
            if time.time() >= deadline:
                print("no answer from %s within %s s" % (url, seconds),
                      file=sys.stderr)
                return 1
            time.sleep(0.1)


def body(url):
    token = os.environ.get("BENCH_TOKEN", "")
    headers = {"Authorization": "Bearer " + token} if token else {}
    status, data, _ = fetch(url, headers=headers)
    if status != 200:
        print("GET %s answered %d: %s" % (url, status, data[:300]),
              file=sys.stderr)
        return 1
    sys.stdout.buffer.write(data)
    return 0


def token(base, login):
    """Every route but /healthz needs a login (docs/accounts.md): logs in
    as the harness does, then asks for an API token for the loads."""
    password = sys.stdin.readline().rstrip("\n")
    json_type = {"Content-Type": "application/json"}
    status, data, hdrs = fetch(
        base + "/api/v1/session", method="POST", headers=json_type,
        data=json.dumps({"login": login, "password": password}).encode())
    if status != 201:
        print("POST /api/v1/session as %s answered %d: %s" % (
            login, status, data[:300]), file=sys.stderr)
        return 1
    cookie = (hdrs.get("Set-Cookie") or "").split(";")[0]
    csrf = json.loads(data.decode("utf-8"))["csrf_token"]
    status, data, _ = fetch(
        base + "/api/v1/tokens", method="POST",
        headers=dict(json_type, Cookie=cookie, **{"X-CSRF-Token": csrf}),
        data=json.dumps({"name": "bench", "read_only": False}).encode())
    if status != 201:
        print("POST /api/v1/tokens answered %d: %s" % (status, data[:300]),
              file=sys.stderr)
        return 1
    print(json.loads(data.decode("utf-8"))["token"])
    return 0


def to_ms(text):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", text)
    if not m:
        raise ValueError("unexpected latency '%s' in wrk output" % text)
    return float(m.group(1)) * UNITS_MS[m.group(2)]


def wrk(path):
    with open(path) as f:
        text = f.read()
    rps = re.search(r"^Requests/sec:\s+([0-9.]+)", text, re.M)
    total = re.search(r"^\s*(\d+) requests in", text, re.M)
    if not rps or not total:
        print("wrk output in %s has no Requests/sec line" % path,
              file=sys.stderr)
        return 1
    pct = {}
    for m in re.finditer(r"^\s+(50|75|90|99)%\s+(\S+)", text, re.M):
        pct[m.group(1)] = to_ms(m.group(2))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), "
                     r"write (\d+), timeout (\d+)", text)
    sockerr = sum(int(x) for x in sock.groups()) if sock else 0
    print("%.0f %.3f %.3f %.3f %.3f %s %d %d" % (
        float(rps.group(1)), pct.get("50", -1), pct.get("75", -1),
        pct.get("90", -1), pct.get("99", -1), total.group(1),
        int(non2xx.group(1)) if non2xx else 0, sockerr))
    return 0


def compare(a, op, b):
    a, b = float(a), float(b)
    ok = {">=": a >= b, ">": a > b, "<=": a <= b, "<": a < b}[op]
    return 0 if ok else 1


def main(argv):
    cmds = {"freeport": (freeport, 0), "get": (get, 2), "body": (body, 1),
            "token": (token, 2),
            "wrk": (wrk, 1), "compare": (compare, 3)}
    if len(argv) < 2 or argv[1] not in cmds or \
            len(argv) - 2 != cmds[argv[1]][1]:
        print(__doc__, file=sys.stderr)
        return 2
    fn, _ = cmds[argv[1]]
    return fn(*argv[2:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
