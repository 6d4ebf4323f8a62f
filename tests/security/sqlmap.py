"""SQL injection test: sqlmap against the JSON API of a loopback server.

Starts `rapport serve` on 127.0.0.1:0 (harness.py: fresh database, an
admin and its Bearer token), adds a few records so that queries have rows
to differ on, then runs sqlmap non-interactively (--batch, stdin closed)
over the API's query parameters, ids in paths and JSON bodies, with the
Bearer token as a header. Each run is bounded (--timeout, --time-sec and
a wall-clock limit per run), the whole test by TOTAL seconds.

Fails when sqlmap reports anything injectable, when the server answered a
500 to any of sqlmap's requests, or when the server's log holds a
sanitizer report. Writes what it tried (targets, parameters, techniques,
level, risk, requests sent) to the test log; docs/security-tests.md says
why these settings.

sqlmap keeps its sessions and traffic in OUT_DIR (under the build folder,
given as the second argument), never in the home directory.

Skipped (exit 77) when sqlmap is not installed, except under CI (CI set
in the environment), where that is a failure: `make test` installs it
through scripts/install-deps.sh test.
Usage: sqlmap.py RAPPORT_BINARY OUT_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

from harness import Server

TECHNIQUE = "BEU"   # boolean-blind, error-based, UNION
LEVEL = 3
RISK = 2
TIME_SEC = 2        # only time-based tests use it; kept low anyway
TIMEOUT = 10        # seconds per request
RUN_LIMIT = 150     # seconds per sqlmap run
TOTAL = 360         # seconds for every run together

# (label, method, path with query or * markers, JSON body or None)
def targets(ids):
    p, o, d = ids["person"], ids["org"], ids["deal"]
    return [
        ("search", "GET", "/api/v1/search?q=ana&limit=5", None),
        ("people list", "GET",
         "/api/v1/people?tag=client&org_id=%d&limit=1&cursor=%s"
         % (o, ids["people_cursor"]), None),
        ("deals list", "GET",
         "/api/v1/deals?status=open&stage=exploring&owner=Rosa&org_id=%d"
         "&limit=10" % o, None),
        ("metrics", "GET",
         "/api/v1/metrics?from=2020-01-01&to=2030-12-31&owner=Rosa"
         "&stall_days=14", None),
        ("today", "GET",
         "/api/v1/today?days=7&tz_offset=%2B01:00&limit=10&offset=0", None),
        ("interactions", "GET",
         "/api/v1/interactions?person_id=%d&limit=10" % p, None),
        ("offerings", "GET", "/api/v1/offerings?is_ours=true&limit=10",
         None),
        ("audit", "GET", "/api/v1/audit?limit=1&cursor=%s"
         % ids["audit_cursor"], None),
        ("person by id", "GET", "/api/v1/people/%d*" % p, None),
        ("deal by id", "GET", "/api/v1/deals/%d*?stall_days=14" % d, None),
        ("new person", "POST", "/api/v1/people",
         '{"given_name": "Ana*", "family_name": "Lima*", '
         '"notes": "tea*", "tags": ["client*"], "org_id": %d}' % o),
        ("new deal", "POST", "/api/v1/deals",
         '{"org_id": %d*, "title": "Fleet*", "source": "inbound*", '
         '"owner": "Rosa*", "need": "vans*"}' % o),
        ("new fact", "POST", "/api/v1/people/%d/facts" % p,
         '{"kind": "like*", "label": "drink*", "value": "tea*"}'),
    ]


def seed(srv):
    def must(method, path, body):
        r = srv.request(method, path, body=body)
        if r.status not in (200, 201):
            raise RuntimeError("%s %s: %r" % (method, path, r))
        return r.json
    org = must("POST", "/api/v1/organizations", {"name": "Acme"})
    people = [must("POST", "/api/v1/people",
                   {"given_name": g, "family_name": "Lima", "org_id":
                    org["id"], "tags": ["client"], "cadence_days": 1})
              for g in ("Ana", "Bea", "Caio")]
    deal = must("POST", "/api/v1/deals",
                {"org_id": org["id"], "title": "Fleet", "source": "inbound",
                 "owner": "Rosa", "need": "vans"})
    must("POST", "/api/v1/interactions",
         {"kind": "call", "summary": "ana called",
          "people": [people[0]["id"]], "deal_id": deal["id"]})
    must("POST", "/api/v1/offerings",
         {"vendor": "Us", "name": "Fleetwise", "is_ours": True})
    ids = {"org": org["id"], "person": people[0]["id"], "deal": deal["id"]}
    # Real cursors, so that the request without attacks succeeds.
    for key, path in (("people_cursor", "/api/v1/people?limit=1"),
                      ("audit_cursor", "/api/v1/audit?limit=1")):
        ids[key] = urllib.parse.quote(must("GET", path, None)["next_cursor"])
    return ids


def sqlmap_run(exe, srv, out_dir, n, target, deadline, log):
    label, method, path, body = target
    traffic = os.path.join(out_dir, "traffic-%02d.txt" % n)
    args = [exe, "-u", srv.base + path, "--batch",
            "--headers", "Authorization: Bearer %s\nAccept: application/json"
            % srv.token,
            "--technique", TECHNIQUE, "--level", str(LEVEL),
            "--risk", str(RISK), "--time-sec", str(TIME_SEC),
            "--timeout", str(TIMEOUT), "--retries", "0",
            "--output-dir", out_dir, "-t", traffic, "--flush-session",
            "--disable-coloring", "--skip-waf", "--answers",
            "follow=N,keep testing=Y,custom injection marking=Y,"
            "process JSON=Y,other parameters=Y",
            "-v", "1"]
    if method != "GET":
        args += ["--method", method, "--data", body]
    # The request as sent without attacks must succeed, or sqlmap would
    # compare error pages and the run would prove little.
    base = srv.request(method, path.replace("*", ""),
                       raw=body.replace("*", "").encode() if body else None,
                       headers={"Content-Type": "application/json"})
    limit = max(10, min(RUN_LIMIT, deadline - time.time()))
    start = time.time()
    env = dict(os.environ, HOME=out_dir)
    try:
        p = subprocess.run(args, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=limit, env=env)
        out = p.stdout.decode(errors="replace")
        timed_out = False
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        timed_out = True
    took = time.time() - start
    try:
        with open(traffic, errors="replace") as f:
            sent = f.read()
    except FileNotFoundError:
        sent = ""
    requests = len(re.findall(r"^HTTP request \[#\d+\]", sent, re.M))
    errors = len(re.findall(r"^HTTP/1\.[01] 5\d\d", sent, re.M))
    tested = sorted(set(re.findall(
        r"testing (?:for SQL injection on )?(?:\(custom\) )?"
        r"(?:GET|POST|URI|PATCH|\(custom\) POST|JSON) parameter '([^']+)'",
        out)))
    # A confirmed finding; "appears to be ... injectable" is a candidate
    # that sqlmap goes on to confirm (then these lines follow) or rejects
    # as a false positive (then only noted in the log).
    found = [ln for ln in out.splitlines()
             if re.search(r"is vulnerable|"
                          r"identified the following injection point|"
                          r"parameter '[^']*' is '.*' injectable", ln)]
    rejected = len(re.findall(r"false positive or unexploitable", out))
    log.append("%-13s %s %s\n  baseline status %d; parameters tested: %s\n"
               "  requests: %d, "
               "5xx replies: %d, candidates rejected as false positives: "
               "%d, %.0fs%s" %
               (label, method, path + ("  body " + body if body else ""),
                base.status, ", ".join(tested) or "(none reported)", requests, errors,
                rejected, took,
                ", STOPPED at the time limit" if timed_out else ""))
    return out, found, errors, requests, timed_out, base.status


def main():
    exe = shutil.which("sqlmap")
    if not exe:
        print("sqlmap is not installed (run scripts/install-deps.sh test)")
        if os.environ.get("CI"):
            print("0 passed, 1 failed")
            return 1
        print("0 passed, 0 failed, 1 skipped")
        return 77
    binary, out_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    srv = Server(binary)
    failures, log, total_requests = [], [], 0
    deadline = time.time() + TOTAL
    try:
        ids = seed(srv)
        tlist = targets(ids)
        for n, t in enumerate(tlist):
            if time.time() > deadline - 10:
                failures.append("no time left for %s" % t[0])
                continue
            out, found, errors, reqs, timed_out, status = sqlmap_run(
                exe, srv, out_dir, n, t, deadline, log)
            total_requests += reqs
            if status not in (200, 201):
                failures.append("%s: the request itself answered %d"
                                % (t[0], status))
            if timed_out:
                failures.append("%s: sqlmap did not finish in time" % t[0])
            if found:
                failures.append("%s: sqlmap reports an injection:\n  %s"
                                % (t[0], "\n  ".join(found)))
            if errors:
                failures.append("%s: %d replies of 5xx" % (t[0], errors))
            if reqs == 0:
                failures.append("%s: sqlmap sent nothing:\n%s"
                                % (t[0], out[-2000:]))
            if found or reqs == 0:
                sys.stdout.write(out)
    finally:
        code, err = srv.stop()
    if "ERROR: AddressSanitizer" in err or "runtime error:" in err:
        failures.append("sanitizer report in the server's log:\n" + err)
    if re.search(r"rapport error", err):
        failures.append("the server logged errors:\n" + err[-3000:])
    print("sqlmap %s: technique %s, level %d, risk %d, time-sec %d, "
          "timeout %ds; %d targets, %d requests in all" %
          (exe, TECHNIQUE, LEVEL, RISK, TIME_SEC, TIMEOUT, len(log),
           total_requests))
    print("\n".join(log))
    for f in failures:
        print("FAIL " + f)
    ok = not failures
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
