"""Tests of `rapport deal|concern|plan|metrics`, run as a user runs them:
output, exit codes (0 success, 1 failure, 2 usage error), one-line errors
on stderr, --help for every command and --json that parses.

usage: test_cli_deals.py PATH-TO-RAPPORT
"""
import json
import os
import shutil
import sys
import tempfile

from harness import expect, expect_eq, main, run_cli

BINARY = sys.argv[1] if len(sys.argv) > 1 else "rapport"

COMMANDS = [
    ["deal", "add"], ["deal", "list"], ["deal", "show"], ["deal", "stage"],
    ["deal", "status"], ["concern", "add"], ["concern", "answer"],
    ["concern", "resolve"], ["concern", "drop"], ["concern", "reopen"],
    ["plan", "add"], ["plan", "done"], ["metrics"],
]


class Db:
    """A temporary database with one person and one organization."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="rapport-cli-deals-")
        self.path = os.path.join(self.dir, "test.db")
        code, _, err = self.run("init")
        expect_eq(code, 0, "init (%s)" % err)
        code, _, err = self.run("people", "add", "--given", "Ana", "--org",
                                "Acme")
        expect_eq(code, 0, "people add (%s)" % err)

    def run(self, *args):
        return run_cli(BINARY, *(list(args) + ["--db", self.path]))

    def json(self, *args):
        code, out, err = self.run(*(list(args) + ["--json"]))
        expect_eq(code, 0, "%s exit code (stderr: %s)" % (args, err))
        return json.loads(out)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def one_line_error(err, code, want_code):
    expect_eq(code, want_code, "exit code (stderr: %s)" % err)
    lines = err.strip().splitlines()
    expect_eq(len(lines), 1, "one line on stderr: %r" % err)
    expect(lines[0].startswith("rapport "), "prefixed: %r" % lines[0])


def test_help_for_every_command():
    for words in COMMANDS:
        code, out, err = run_cli(BINARY, *(words + ["--help"]))
        expect_eq(code, 0, "%s --help" % words)
        expect(out.startswith("usage: rapport " + " ".join(words)),
               "%s usage: %r" % (words, out[:60]))
    code, out, _ = run_cli(BINARY, "deal")
    expect_eq(code, 2, "bare group")
    expect("deal show" in out, "group help lists subcommands")


def test_deal_journey():
    db = Db()
    try:
        d = db.json("deal", "add", "--org", "1", "--title", "Pilot",
                    "--source", "referral", "--referred-by", "1",
                    "--owner", "sam", "--value-minor", "120000",
                    "--currency", "EUR")
        expect_eq(d["status"], "open", "open")
        code, out, err = db.run("deal", "stage", str(d["id"]), "trialing",
                                "--reason", "pilot agreed")
        expect_eq(code, 0, "stage (%s)" % err)
        expect("trialing" in out, out)
        c = db.json("concern", "add", str(d["id"]), "--category", "price",
                    "--words", "More than we planned")
        code, out, err = db.run("concern", "resolve", str(c["id"]))
        one_line_error(err, code, 1)
        expect("answer it first" in err, err)
        code, out, err = db.run("concern", "answer", str(c["id"]))
        one_line_error(err, code, 2)
        j = db.json("concern", "answer", str(c["id"]), "--answer",
                    "the cost model")
        expect_eq(j["status"], "answered", "answered")
        expect_eq(db.json("concern", "resolve", str(c["id"]))["status"],
                  "resolved", "resolved")
        expect_eq(db.json("concern", "reopen", str(c["id"]))["status"],
                  "open", "reopened")
        expect_eq(db.json("concern", "drop", str(c["id"]), "--reason",
                          "moot")["status"], "dropped", "dropped")
        p = db.json("plan", "add", str(d["id"]), "--title", "Security review",
                    "--side", "buyer", "--due", "-2")
        code, out, err = db.run("deal", "show", str(d["id"]))
        expect_eq(code, 0, "show (%s)" % err)
        expect("Security review" in out and "ready for an ask: not yet" in out,
               out)
        expect_eq(db.json("plan", "done", str(p["id"]))["done"], True, "done")
        code, out, err = db.run("plan", "done", str(p["id"]))
        one_line_error(err, code, 1)
        code, out, err = db.run("deal", "status", str(d["id"]), "rescinded",
                                "--reason", "refund")
        one_line_error(err, code, 1)
        expect("only a won deal" in err, err)
        expect_eq(db.json("deal", "status", str(d["id"]), "won")["status"],
                  "won", "won")
        code, out, err = db.run("deal", "status", str(d["id"]), "rescinded")
        one_line_error(err, code, 1)
        expect_eq(db.json("deal", "status", str(d["id"]), "rescinded",
                          "--reason", "refund")["status"], "rescinded",
                  "rescinded")
        full = db.json("deal", "show", str(d["id"]))
        expect_eq(len(full["events"]), 4, "events: created, stage, won, "
                  "rescinded")
        lst = db.json("deal", "list", "--status", "rescinded")
        expect_eq(len(lst["items"]), 1, "list by status")
        m = db.json("metrics")
        expect_eq(m["rescission_rate"]["num"], 1, "rescinded")
        expect_eq(m["referral_share"]["value"], 1.0, "referral share")
        code, out, err = db.run("metrics")
        expect_eq(code, 0, "metrics table")
        expect("rescission rate" in out and "sam" in out, out)
    finally:
        db.close()


def test_bad_input():
    db = Db()
    try:
        cases = [
            (["deal", "add", "--org", "1", "--title", "x"], 2),
            (["deal", "add", "--org", "1", "--title", "x", "--source",
              "cold"], 2),
            (["deal", "add", "--org", "77", "--title", "x", "--source",
              "inbound"], 1),
            (["deal", "add", "--org", "1", "--title", "x", "--source",
              "referral"], 1),
            (["deal", "show", "99"], 1),
            (["deal", "show", "abc"], 2),
            (["deal", "stage", "1"], 2),
            (["deal", "stage", "99", "trialing"], 1),
            (["deal", "stage", "1", "closing"], 2),
            (["deal", "status", "1", "won", "--date", "someday"], 2),
            (["concern", "add", "99", "--category", "price", "--words",
              "x"], 1),
            (["concern", "add", "1", "--category", "mood", "--words", "x"],
             2),
            (["plan", "add", "1", "--title", "x", "--side", "them"], 2),
            (["metrics", "--from", "2026-02-30"], 2),
            (["metrics", "--from", "2026-03-01", "--to", "2026-02-01"], 2),
            (["metrics", "--stall-days", "0"], 2),
        ]
        for args, want in cases:
            code, out, err = db.run(*args)
            one_line_error(err, code, want)
        code, out, err = run_cli(BINARY, "deal", "list", "--db",
                                 os.path.join(db.dir, "missing.db"))
        one_line_error(err, code, 1)
    finally:
        db.close()


if __name__ == "__main__":
    main([test_help_for_every_command, test_deal_journey, test_bad_input])
