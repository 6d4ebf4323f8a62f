"""Runs the browser tests (browser.mjs) against a real rapport server.

Starts `rapport serve` on 127.0.0.1:0 with a fresh database (harness.py),
runs Node with playwright-core driving the system's Chromium headless,
bounded in time (each browser context logs in through /login first as
the harness's admin), then the XSS corpus (xss.mjs, which stores hostile
text through the API with the harness's token) against the same server,
then stops the server by its process id. Passes on the
browser tests' own lines and summary; exits non-zero when any failed.

When Node, Chromium or tests/e2e/node_modules are missing the test is
skipped (exit 77) with what to run, except under CI (CI set in the
environment), where a missing browser is a failure: `make test` installs
them through scripts/install-deps.sh test.
Usage: test_browser.py RAPPORT_BINARY
"""
import os
import shutil
import subprocess
import sys

from harness import ADMIN_LOGIN, ADMIN_PASSWORD, Server

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 240
SCRIPTS = (("browser.mjs", TIMEOUT), ("xss.mjs", 180))


def missing():
    chromium = os.environ.get("RAPPORT_CHROMIUM", "/usr/bin/chromium")
    if not shutil.which("node"):
        return "node is not installed"
    if not os.access(chromium, os.X_OK):
        return "%s is not installed" % chromium
    if not os.path.isdir(os.path.join(HERE, "node_modules",
                                      "playwright-core")):
        return "tests/e2e/node_modules is missing"
    return None


def run():
    why = missing()
    if why:
        print("browser tests cannot run: %s (run scripts/install-deps.sh "
              "test)" % why)
        if os.environ.get("CI"):
            print("0 passed, 1 failed")
            return 1
        print("0 passed, 0 failed, 1 skipped")
        return 77
    srv = Server(sys.argv[1])
    try:
        env = dict(os.environ, RAPPORT_LOGIN=ADMIN_LOGIN,
                   RAPPORT_PASSWORD=ADMIN_PASSWORD, RAPPORT_TOKEN=srv.token)
        rc = 0
        for script, limit in SCRIPTS:
            try:
                p = subprocess.run(["node", os.path.join(HERE, script),
                                    srv.base], cwd=HERE, timeout=limit,
                                   env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
                sys.stdout.write(p.stdout.decode(errors="replace"))
                rc = rc or (0 if p.returncode == 0 else 1)
            except subprocess.TimeoutExpired as e:
                sys.stdout.write((e.stdout or b"").decode(errors="replace"))
                print("FAIL %s took more than %ds" % (script, limit))
                print("0 passed, 1 failed")
                rc = 1
        return rc
    finally:
        code, err = srv.stop()
        if "ERROR: AddressSanitizer" in err or "runtime error:" in err:
            sys.stdout.write(err)
            sys.exit(1)


if __name__ == "__main__":
    sys.exit(run())
