"""Shared harness for the tests that drive the real rapport binary.

Starts `rapport serve` on a loopback address with an ephemeral port and a
fresh database, sends requests with the standard library only, runs test
functions and ends with one summary line: "N passed, N failed".
Servers are stopped by their own process id, with a bounded wait.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<%d %s>" % (self.status, self.body[:300])


class Server:
    """A rapport server on 127.0.0.1 with its own database in a temp dir."""

    def __init__(self, binary, db=None, extra_args=(), timeout=20):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="rapport-test-")
        self.db = db or os.path.join(self.dir, "test.db")
        port_file = os.path.join(self.dir, "port")
        self.proc = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", "--db", self.db,
             "--port-file", port_file] + list(extra_args),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + timeout
        self.port = None
        while time.time() < deadline:
            if self.proc.poll() is not None:
                out, err = self.proc.communicate()
                raise RuntimeError("server exited: %s" % err.decode())
            try:
                with open(port_file) as f:
                    text = f.read().strip()
                if text:
                    self.port = int(text)
                    break
            except FileNotFoundError:
                pass
            time.sleep(0.05)
        if self.port is None:
            self.stop()
            raise RuntimeError("server did not start within %ss" % timeout)
        self.base = "http://127.0.0.1:%d" % self.port

    def request(self, method, path, body=None, headers=None, raw=None,
                timeout=20):
        """Sends one request; body is JSON-encoded, raw is sent as is."""
        data = raw
        hdrs = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            hdrs.setdefault("Content-Type", "application/json")
        req = urllib.request.Request(self.base + path, data=data,
                                     method=method, headers=hdrs)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read())

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def put(self, path, body=None, **kw):
        return self.request("PUT", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        out, err = self.proc.communicate()
        shutil.rmtree(self.dir, ignore_errors=True)
        return self.proc.returncode, err.decode(errors="replace")


def run_cli(binary, *args, stdin=None, timeout=60, env=None):
    """Runs the binary; returns (exit code, stdout text, stderr text)."""
    p = subprocess.run([binary] + list(args), input=stdin,
                       capture_output=True, timeout=timeout, env=env)
    return (p.returncode, p.stdout.decode(errors="replace"),
            p.stderr.decode(errors="replace"))


def expect(cond, msg="expectation failed"):
    if not cond:
        raise AssertionError(msg)


def expect_eq(got, want, what="value"):
    if got != want:
        raise AssertionError("%s: got %r, want %r" % (what, got, want))


def main(tests):
    """Runs each test function, prints one line per test and the summary."""
    passed = failed = 0
    for fn in tests:
        try:
            fn()
            passed += 1
            print("ok   %s" % fn.__name__)
        except Exception:  # report every failure and go on
            failed += 1
            print("FAIL %s" % fn.__name__)
            traceback.print_exc(file=sys.stdout)
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
