"""Tests of `rapport offering|need|fit|recommend`, run as a user runs
them: the comparison table, a competitor recommended, exit codes (0
success, 1 failure, 2 usage error), one-line errors on stderr, --help for
every command and --json that parses.

usage: test_cli_advisor.py PATH-TO-RAPPORT
"""
import json
import os
import shutil
import sys
import tempfile

from harness import expect, expect_eq, main, run_cli

BINARY = sys.argv[1] if len(sys.argv) > 1 else "rapport"

COMMANDS = [["offering", "add"], ["offering", "list"], ["need", "add"],
            ["fit", "set"], ["fit"], ["recommend"]]


class Db:
    """A temporary database with one deal (benefit 18,000.00 EUR)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="rapport-cli-advisor-")
        self.path = os.path.join(self.dir, "test.db")
        code, _, err = self.run("init")
        expect_eq(code, 0, "init (%s)" % err)
        code, _, err = self.run("people", "add", "--given", "Ana", "--org",
                                "Bluestem")
        expect_eq(code, 0, "people add (%s)" % err)
        org = self.json("people", "list")["items"][0]["org_id"]
        self.deal = self.json("deal", "add", "--org", str(org), "--title",
                              "Routes", "--source", "inbound",
                              "--value-minor", "1800000", "--currency",
                              "EUR")["id"]

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
    code, out, _ = run_cli(BINARY, "help")
    for w in ("offering add", "need add", "fit", "recommend"):
        expect(w in out, "%s in the command list" % w)


def example(db):
    """Two needs, our A and their B; B fits best."""
    d = str(db.deal)
    n1 = db.json("need", "add", d, "--words", "offline in the hills",
                 "--weight", "5", "--must-have")["id"]
    n2 = db.json("need", "add", d, "--words", "learnt in a day")["id"]
    a = db.json("offering", "add", "--vendor", "Us", "--name", "A", "--ours",
                "--price-minor", "480000", "--currency", "EUR")["id"]
    b = db.json("offering", "add", "--vendor", "Them", "--name", "B",
                "--theirs", "--price-minor", "30000", "--currency", "EUR",
                "--price-model", "monthly",
                "--link", "https://them.example/b")["id"]
    for need, off, score in ((n1, a, 2), (n1, b, 5), (n2, a, 5), (n2, b, 4)):
        code, out, err = db.run("fit", "set", d, "--need", str(need),
                                "--offering", str(off), "--score",
                                str(score), "--evidence", "seen in a trial",
                                "--source", "trial")
        expect_eq(code, 0, "fit set (%s)" % err)
    return n1, n2, a, b


def test_comparison_table_and_competitor_recommended():
    db = Db()
    try:
        n1, n2, a, b = example(db)
        code, out, err = db.run("fit", str(db.deal))
        expect_eq(code, 0, "fit (%s)" % err)
        expect("offline in the hills" in out and "(must)" in out, "grid")
        expect(" 1. B, Them (a competitor's" in out, "B first: %s" % out)
        expect("does not fit" in out and "scored 2 of 5" in out,
               "A fails the must-have")
        expect("5.0 times the cost" in out, "value for money")
        expect("sureness:" in out, "sureness")
        code, out, err = db.run("recommend", str(db.deal), str(b), "--why",
                                "B works offline; A does not")
        expect_eq(code, 0, "recommend (%s)" % err)
        expect("a competitor's" in out and "no_fit" in out,
               "points to no_fit: %s" % out)
        j = db.json("fit", str(db.deal))
        expect_eq(j["ranking"][0]["offering_id"], b, "json ranking")
        rec = j["recommendations"][0]
        expect_eq((rec["offering_id"], rec["is_ours"]), (b, False),
                  "recorded")
        expect_eq(rec["ranking"]["ranking"][0]["offering_id"], b,
                  "snapshot")
        code, out, _ = db.run("fit", str(db.deal))
        expect("B works offline; A does not" in out, "listed")
        lst = db.json("offering", "list", "--theirs")
        expect_eq([x["id"] for x in lst["items"]], [b], "theirs")
        expect_eq(lst["items"][0]["links"], ["https://them.example/b"],
                  "links")
        code, out, _ = db.run("offering", "list")
        expect("ours" in out and "300.00 EUR monthly" in out, "list text")
        code, out, _ = db.run("fit", "set", str(db.deal), "--need", str(n2),
                              "--offering", str(a), "--unknown")
        expect_eq(code, 0, "unknown")
        expect("not known yet" in out, "said so")
        code, out, _ = db.run("fit", str(db.deal))
        expect("?" in out, "unknown shown as ?")
    finally:
        db.close()


def test_empty_deal():
    db = Db()
    try:
        code, out, err = db.run("fit", str(db.deal))
        expect_eq(code, 0, "fit (%s)" % err)
        expect("no needs yet" in out and "no offerings compared" in out,
               "says what to do: %s" % out)
    finally:
        db.close()


def test_bad_input():
    db = Db()
    try:
        d = str(db.deal)
        n1, n2, a, b = example(db)
        cases = [
            (("offering", "add", "--vendor", "V", "--name", "N"), 2),
            (("offering", "add", "--vendor", "V", "--name", "N", "--ours",
              "--theirs"), 2),
            (("offering", "add", "--name", "N", "--ours"), 2),
            (("offering", "add", "--vendor", "V", "--name", "N", "--ours",
              "--price-model", "weekly"), 2),
            (("offering", "add", "--vendor", "V", "--name", "N", "--ours",
              "--price-minor", "12abc"), 2),
            (("offering", "add", "--vendor", "V", "--name", "N", "--ours",
              "--price-minor", "100"), 1),
            (("offering", "add", "--vendor", "V", "--name", "N", "--ours",
              "--link", "ftp://x"), 1),
            (("offering", "add", "--vendor", "Us", "--name", "A",
              "--ours"), 1),
            (("offering", "list", "--ours", "--theirs"), 2),
            (("need", "add", d), 2),
            (("need", "add", "--words", "x"), 2),
            (("need", "add", d, "--words", "x", "--weight", "9"), 2),
            (("need", "add", "999", "--words", "x"), 1),
            (("need", "add", d, "--words", "  "), 1),
            (("fit",), 2),
            (("fit", "abc"), 2),
            (("fit", "999"), 1),
            (("fit", "set", d, "--need", str(n1)), 2),
            (("fit", "set", d, "--need", str(n1), "--offering", str(a)), 2),
            (("fit", "set", d, "--need", str(n1), "--offering", str(a),
              "--score", "6", "--evidence", "x"), 2),
            (("fit", "set", d, "--need", str(n1), "--offering", str(a),
              "--score", "3"), 1),
            (("fit", "set", d, "--need", str(n1), "--offering", "999",
              "--unknown"), 1),
            (("recommend", d, str(b)), 2),
            (("recommend", d), 2),
            (("recommend", d, "999", "--why", "x"), 1),
            (("recommend", "999", str(b), "--why", "x"), 1),
            (("recommend", d, str(b), "--why", ""), 1),
        ]
        for args, want in cases:
            code, out, err = db.run(*args)
            one_line_error(err, code, want)
        j = db.json("fit", d)
        expect_eq(j.get("recommendations"), [], "nothing half-written")
    finally:
        db.close()


if __name__ == "__main__":
    main([test_help_for_every_command,
          test_comparison_table_and_competitor_recommended,
          test_empty_deal, test_bad_input])
